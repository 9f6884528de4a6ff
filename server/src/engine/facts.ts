// Extraction: every fact a text states, sentence by sentence, with exact ranges.
import { calendarSlips, extractDates, type DateMention } from './dates';
import { extractFigures, listFigures, type Figure } from './figures';
import { CONCEPTS, HONORIFICS, MONTH_SET, PLACE_BIGRAMS, STOPWORDS, WEEKDAY_SET, placeGroup } from './lexicon';
import { CONNECTORS, extractEntities, extractTitledPeople, type Entity, type EntityType, type TitledPerson } from './people';
import { formsOf, parseText, stem, type ParsedText, type Sentence, type Span, type TextFormat, type Token, type WordForm } from './text';

export interface SentenceFacts {
  sentence: Sentence;
  entities: Entity[];
  people: TitledPerson[];
  figures: Figure[];
  dates: DateMention[];
  /** Content stems of the sentence (no function words), for alignment. */
  terms: string[];
}

export interface TextFacts {
  parsed: ParsedText;
  date?: string;
  sentences: SentenceFacts[];
  /** Full names of people by surname, for resolving "Mr Cameron" and "Cameron". */
  surnames: Map<string, Entity>;
  calendarSlips: ReturnType<typeof calendarSlips>;
  /**
   * Entities whose type the last pass changed ("Cameron" after "David Cameron" is a person), with the
   * type they had when the owners of ages were chosen (so that a seed's figures can be read again later).
   */
  retyped: Map<Entity, EntityType>;
}

const CONCEPT_OF = new Map<string, string>();
for (const [concept, words] of Object.entries(CONCEPTS)) for (const w of words) CONCEPT_OF.set(stem(w), `#${concept}`);

/** The notion a word stem stands for ("#country" for nations and countries), or the stem itself. */
export function conceptOf(stemmed: string): string {
  return CONCEPT_OF.get(stemmed) ?? stemmed;
}

/**
 * The term a token contributes to alignment, or undefined for a function word or a slot value
 * (numbers, weekdays and months are what claims differ in, not what they are about).
 */
export function termOf(t: Token): string | undefined {
  if (t.num) return undefined;
  // (A word's term depends on its key alone, its stem being its key's: each key's is worked out once.)
  let term = termsByKey.get(t.key);
  if (term === undefined) {
    term = keyTerm(t.key, t.stem);
    if (termsByKey.size >= 50000) termsByKey.clear();
    termsByKey.set(t.key, term);
  }
  return term === NO_TERM ? undefined : term;
}

const NO_TERM = '';
const termsByKey = new Map<string, string>();

/** termOf for a token of this word form (kept on the form). */
function formTerm(f: WordForm): string | undefined {
  if (f.num) return undefined;
  let term = f.term;
  if (term === undefined) f.term = term = keyTerm(f.key, f.stem);
  return term === NO_TERM ? undefined : term;
}

function keyTerm(key: string, stemmed: string): string {
  if (STOPWORDS.has(key) || key.length < 2 || WEEKDAY_SET.has(key) || MONTH_SET.has(key)) return NO_TERM;
  // "Israel", "Israeli" and "Israelis" are one term; so are "UK", "Britain" and "British".
  const g = placeGroup(key);
  if (g !== undefined) return `@${g}`;
  return CONCEPT_OF.get(stemmed) ?? stemmed;
}

/** The first words of PLACE_BIGRAMS: only a token with one of these keys can start one. */
const BIGRAM_FIRST = new Set([...PLACE_BIGRAMS].map((b) => b.slice(0, b.indexOf(' '))));

/**
 * Terms of a sentence's tokens, two-word place names ("United Kingdom") folded to their country. `forms`:
 * the tokens' word forms, if known (each form keeps its term).
 */
export function tokenTerms(tokens: Token[], forms?: readonly WordForm[]): Array<string | undefined> {
  const out: Array<string | undefined> = forms ? forms.map(formTerm) : tokens.map(termOf);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!BIGRAM_FIRST.has(tokens[i].key)) continue;
    const bigram = `${tokens[i].key} ${tokens[i + 1].key}`;
    if (PLACE_BIGRAMS.has(bigram)) {
      out[i] = `@${placeGroup(bigram)}`;
      out[i + 1] = undefined;
    }
  }
  return out;
}

interface SentenceReading {
  /** The alignment term of each token (tokenTerms), undefined for a function word or a value. */
  tokenTerms: Array<string | undefined>;
  dates: DateMention[];
  entities: Entity[];
  people: TitledPerson[];
  figures: Figure[];
}

/** The names, titles, figures and dates of one sentence. */
function readSentence(prose: string, s: Sentence, date: string | undefined, lowerVocabulary: Set<string>, remember = true): SentenceReading {
  const allDates = extractDates(prose, s, date, remember);
  const inDate = containedTester(allDates);
  const entities = extractEntities(prose, s, lowerVocabulary).filter((e) => !inDate(e.start, e.end));
  // A month or weekday inside a name ("Theresa May", "Sunday Times") is no date.
  const inName = containedTester(entities.filter((e) => e.tokens.length > 1));
  const dates = allDates.filter((d) => !inName(d.start, d.end));
  const people = extractTitledPeople(prose, s, entities);
  // "British Foreign Secretary David Cameron" is the person David Cameron, whose office is read apart.
  // (entities[0, n0) are in text order and disjoint, so the one holding a person is found by binary
  // search; persons held by none are appended after them and searched in order, as before)
  const n0 = entities.length;
  for (const p of people) {
    let at = firstAtOrAfter(entities, n0, p.person.start + 1) - 1;
    if (!(at >= 0 && entities[at].start <= p.person.start && p.person.end <= entities[at].end)) {
      at = -1;
      for (let k = n0; k < entities.length; k++) if (entities[k].start <= p.person.start && p.person.end <= entities[k].end) { at = k; break; }
    }
    if (at >= 0) entities[at] = p.person;
    else entities.push(p.person);
  }
  entities.sort((a, b) => a.start - b.start);
  return { tokenTerms: tokenTerms(s.tokens, formsOf(s)), dates, entities, people, figures: readFigures(prose, s, dates) };
}

/** The figures of one sentence, numbers inside its dates aside (their owners are assigned apart). */
export function readFigures(prose: string, s: Sentence, dates: DateMention[]): Figure[] {
  return [...extractFigures(prose, s, dates), ...listFigures(prose, s)];
}

// A draft is re-read at every keystroke, and all its sentences but one are as they were: their readings
// are remembered by what they depend on (the sentence with the prose around it, the text's date, and
// whether its first word is written in lower case elsewhere), with offsets relative to the sentence.
export const READING_CONTEXT = 48;
/** How many readings are remembered at most (then all are forgotten). */
export const READINGS_KEPT = 4096;
/** A remembered reading, offsets relative to its sentence; `shared`: it holds an object twice (see shifted). */
interface KnownReading {
  reading: SentenceReading;
  shared: boolean;
}
const readings = new Map<string, KnownReading>();

/** A sentence's reading, and the remembered one it was copied from (one object for each key: what the reading depends on). */
function readSentenceCached(prose: string, s: Sentence, date: string | undefined, lowerVocabulary: Set<string>): { reading: SentenceReading; known: KnownReading } {
  const from = Math.max(0, s.start - READING_CONTEXT);
  const first = s.tokens[0];
  const key = `${date ?? ''}\u0001${first && lowerVocabulary.has(first.key) ? 1 : 0}\u0001${s.start - from}\u0001${s.end - s.start}\u0001${prose.slice(from, s.end + READING_CONTEXT)}`;
  const known = readings.get(key);
  if (known) return { reading: shifted(known.reading, s.start, s.index, known.shared ? new Map() : undefined), known };
  const reading = readSentence(prose, s, date, lowerVocabulary);
  if (readings.size >= READINGS_KEPT) readings.clear();
  foundTwice = false;
  const relative = shifted(reading, -s.start, -1, new Map());
  const entry = { reading: relative, shared: foundTwice };
  readings.set(key, entry);
  return { reading, known: entry };
}

/** Set when shifted met an object it had already copied. */
let foundTwice = false;

/**
 * A deep copy of a reading with every offset (any start or end, and a title's qualifierStart) moved by d
 * and every sentence number set to index; with `seen`, objects found twice (a person in both entities and
 * people) stay one object.
 * Without it (a reading known to hold no object twice: most sentences name no titled person) the copy is
 * a plain tree copy, which spares a map entry for every object copied.
 */
function shifted<T>(value: T, d: number, index: number, seen?: Map<object, unknown>): T {
  if (typeof value !== 'object' || value === null) return value;
  const done = seen?.get(value);
  if (done !== undefined) {
    foundTwice = true;
    return done as T;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen?.set(value, out);
    for (const v of value) out.push(typeof v === 'object' && v !== null ? shifted(v, d, index, seen) : v);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  seen?.set(value, out);
  const from = value as Record<string, unknown>;
  for (const k in from) {
    const v = from[k];
    if (typeof v === 'number') out[k] = k === 'start' || k === 'end' || k === 'qualifierStart' ? v + d : k === 'sentence' ? index : v;
    else out[k] = typeof v === 'object' && v !== null ? shifted(v, d, index, seen) : v;
  }
  return out as T;
}

export function contentTerms(s: Sentence): string[] {
  return definedTerms(tokenTerms(s.tokens));
}

const definedTerms = (terms: Array<string | undefined>): string[] => terms.filter((t): t is string => t !== undefined);

const termsCache = new WeakMap<SentenceFacts, Array<string | undefined>>();
/**
 * A sentence read afresh keeps its tokens' terms under a symbol (which JSON leaves out): a WeakMap entry for
 * every sentence of a long draft cost more than reading the sentence.
 */
const TERMS = Symbol('terms');
/** The remembered reading a draft sentence's facts were copied from (a symbol, as TERMS). */
const READING = Symbol('reading');
type ReadSentenceFacts = SentenceFacts & { [TERMS]?: Array<string | undefined>; [READING]?: KnownReading };

/**
 * The remembered reading a draft sentence's facts were copied from, or undefined for a sentence read
 * without remembering: one object for each sentence with the prose around it, the text's date and its first
 * word's case elsewhere (what the reading depends on).
 */
export function readingOf(sf: SentenceFacts): object | undefined {
  return (sf as ReadSentenceFacts)[READING];
}

/** What the passes over the whole text changed in a sentence's facts after its reading: the types of its names, and whose its figures are. */
export function passesOf(sf: SentenceFacts): string {
  const o = sf.sentence.start;
  let passes = '';
  for (const e of sf.entities) passes += e.type.slice(0, 2);
  passes += '\u0002';
  for (const p of sf.people) passes += p.person.type.slice(0, 2);
  for (const f of sf.figures) passes += f.person === undefined && f.personSpan === undefined ? '\u0002' : `\u0002${f.person ?? ''}\u0003${f.personSpan ? `${f.personSpan.start - o}:${f.personSpan.end - o}` : ''}`;
  return passes;
}

/** The alignment term of each of a sentence's tokens (read with the sentence, or from its tokens). */
export function termsOf(sf: SentenceFacts): Array<string | undefined> {
  const own = (sf as ReadSentenceFacts)[TERMS];
  if (own !== undefined) return own;
  let t = termsCache.get(sf);
  if (!t) termsCache.set(sf, (t = tokenTerms(sf.sentence.tokens)));
  return t;
}

/**
 * A test "does one of these spans hold [start, end) whole?" in logarithmic time (testing every date for
 * every name made a long sentence's reading quadratic).
 */
function containedTester(spans: readonly Span[]): (start: number, end: number) => boolean {
  if (spans.length === 0) return () => false;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const sp of sorted) maxEnd.push((m = Math.max(m, sp.end)));
  // the spans starting at or before `start`: one of them holds [start, end) if the furthest end reaches `end`
  return (start, end) => {
    const k = firstAtOrAfter(sorted, sorted.length, start + 1) - 1;
    return k >= 0 && maxEnd[k] >= end;
  };
}

/** The first index below n whose span starts at or after x (spans sorted by start). */
function firstAtOrAfter(spans: ReadonlyArray<{ start: number }>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Whose age each age figure is: "Robert Haney, 56," / "66-year-old Monica" / "Abbie Conman (17)". Entities
 * in text order; `typeOf` gives an entity's type as it was when the sentence was read.
 */
export function assignAges(prose: string, figures: Figure[], entities: Entity[], typeOf: (e: Entity) => EntityType = (e) => e.type): void {
  // (Entities are sorted by start: the searches walk out from the figure and stop where no entity
  // further away can qualify, instead of testing every entity for every age.)
  let maxEnd: number[] | undefined;
  for (const f of figures) {
    if (f.unit !== 'age') continue;
    if (!maxEnd) {
      maxEnd = [];
      let m = -Infinity;
      for (const e of entities) maxEnd.push((m = Math.max(m, e.end)));
    }
    // The last entity ending before the figure with only "," or "(" (and "aged") between.
    let gapStart = f.start;
    while (gapStart > 0 && /[\s,(aged]/.test(prose[gapStart - 1])) gapStart--;
    let before: Entity | undefined;
    for (let k = firstAtOrAfter(entities, entities.length, f.start) - 1; k >= 0 && maxEnd[k] >= gapStart; k--) {
      const e = entities[k];
      if (e.end <= f.start && /^\s*[,(]\s*(?:aged\s+)?$/.test(prose.slice(e.end, f.start))) {
        before = e;
        break;
      }
    }
    // The first entity after the figure with only white space between.
    let after: Entity | undefined;
    for (let k = firstAtOrAfter(entities, entities.length, f.end); k < entities.length; k++) {
      const gap = prose.slice(f.end, entities[k].start);
      if (/^\s+$/.test(gap)) {
        after = entities[k];
        break;
      }
      if (/\S/.test(gap)) break;
    }
    const owner = before ?? after;
    const type = owner && typeOf(owner);
    if (owner && type !== 'place' && type !== 'org') {
      f.person = owner.key;
      f.personSpan = { start: owner.start, end: owner.end };
    }
  }
}

/**
 * Parses a text and extracts its names, titles, dates and figures. `remember`: keep each sentence's reading
 * for the next call (a draft re-checked as it is typed); a seed is read once and is not remembered.
 */
export function extractFacts(raw: string, format: TextFormat = 'plaintext', dateOverride?: string, remember = true): TextFacts {
  const parsed = parseText(raw, format);
  const date = dateOverride ?? parsed.date;
  const prose = parsed.prose;
  const lowerVocabulary = lowerVocabularyOf(parsed.sentences);
  const sentences: SentenceFacts[] = [];
  const slips: ReturnType<typeof calendarSlips> = [];
  const surnames = new Map<string, Entity>();
  for (const s of parsed.sentences) sentences.push(sentenceFacts(prose, s, date, lowerVocabulary, remember, slips, surnames));
  return { parsed, date, sentences, surnames, calendarSlips: slips, retyped: retypeNames(sentences, surnames) };
}

// (extractFacts's passes are functions of their own: as one, the whole was optimised again whenever a new
// shape of name reached any of them.)

/** Words the text writes in lower case somewhere: a sentence-initial "Experts" is a common word. */
function lowerVocabularyOf(sentences: readonly Sentence[]): Set<string> {
  const lowerVocabulary = new Set<string>();
  const textNumber = ++textsRead;
  for (const s of sentences) {
    const forms = formsOf(s);
    // (A word form adds its key once per text: most words of a text are written several times.)
    if (forms !== undefined) {
      for (const f of forms) if (!f.cap && f.lowerIn !== textNumber) {
        f.lowerIn = textNumber;
        lowerVocabulary.add(f.key);
      }
    } else for (const t of s.tokens) if (!t.cap) lowerVocabulary.add(t.key);
  }
  return lowerVocabulary;
}

/** A sentence's facts; its calendar slips and the people it names in full are added to the text's. */
function sentenceFacts(prose: string, s: Sentence, date: string | undefined, lowerVocabulary: Set<string>, remember: boolean, slips: ReturnType<typeof calendarSlips>, surnames: Map<string, Entity>): SentenceFacts {
  const cached = remember ? readSentenceCached(prose, s, date, lowerVocabulary) : undefined;
  const { tokenTerms: termsByToken, dates, entities, people, figures } = cached ? cached.reading : readSentence(prose, s, date, lowerVocabulary, false);
  assignAges(prose, figures, entities);
  if (dates.length > 0) slips.push(...calendarSlips(prose, dates));
  for (const p of people) if (p.person.tokens.length >= 2) surnames.set(p.person.tokens[p.person.tokens.length - 1], p.person);
  // (A nationality or a place is nobody's surname: "Earlier British" read as a name must not make every
  // "British" a person.)
  for (const e of entities) {
    const last = e.tokens[e.tokens.length - 1];
    if (e.type === 'person' && e.tokens.length >= 2 && !surnames.has(last) && placeGroup(last) === undefined) surnames.set(last, e);
  }
  const sf: ReadSentenceFacts = { sentence: s, entities, people, figures, dates, terms: definedTerms(termsByToken), [TERMS]: termsByToken, [READING]: cached?.known };
  return sf;
}

/** "Mr Cameron" and "Cameron" after a full mention are that person: the names retyped, with their type before. */
function retypeNames(sentences: readonly SentenceFacts[], surnames: Map<string, Entity>): Map<Entity, EntityType> {
  const retyped = new Map<Entity, EntityType>();
  for (const sf of sentences) {
    resolveOwners(sf.figures, surnames);
    for (const e of sf.entities) {
      const before = e.type;
      if (e.tokens.length === 1 && surnames.has(e.tokens[0])) e.type = 'person';
      if (e.type !== 'person' && startsWithHonorific(e.text)) {
        const words = e.text.split(/\s+/);
        // (Not "Lord of the Rings": an honorific before "of" names no one.)
        if (words.length > e.tokens.length && HONORIFICS.has(words[0].toLowerCase().replace(/\.$/, '')) && !CONNECTORS.has(e.tokens[0])) e.type = 'person';
      }
      if (e.type !== before && !retyped.has(e)) retyped.set(e, before);
    }
  }
  return retyped;
}

/** Is the first word of a name's text (up to a space) an honorific ("Mr", "Dr.")? A cheap test before splitting it. */
function startsWithHonorific(text: string): boolean {
  const space = text.search(/\s/);
  return HONORIFICS.has((space < 0 ? text : text.slice(0, space)).toLowerCase().replace(/\.$/, ''));
}

/** Texts read by extractFacts (numbers them for WordForm.lowerIn). */
let textsRead = 0;

/** An age's owner named by surname alone ("Cameron, 57,") is the person the text names in full. */
export function resolveOwners(figures: Figure[], surnames: Map<string, Entity>): void {
  for (const f of figures) if (f.person && !f.person.includes(' ')) f.person = surnames.get(f.person)?.key ?? f.person;
}

/** The full name a mention stands for in its own text ("Cameron" -> "david cameron"). */
export function resolveName(facts: TextFacts, e: Entity): string {
  if (e.tokens.length === 1) {
    const full = facts.surnames.get(e.tokens[0]);
    if (full) return full.key;
  }
  return e.key;
}
