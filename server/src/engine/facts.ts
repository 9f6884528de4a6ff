// Extraction: every fact a text states, sentence by sentence, with exact ranges.
import { calendarSlips, extractDates, type DateMention } from './dates';
import { extractFigures, type Figure } from './figures';
import { STOPWORDS, HONORIFICS } from './lexicon';
import { extractEntities, extractTitledPeople, type Entity, type TitledPerson } from './people';
import { parseText, type ParsedText, type Sentence, type TextFormat } from './text';

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
}

export function contentTerms(s: Sentence): string[] {
  const out: string[] = [];
  for (const t of s.tokens) {
    if (STOPWORDS.has(t.key) || t.key.length < 2) continue;
    out.push(t.stem);
  }
  return out;
}

interface SentenceReading {
  dates: DateMention[];
  entities: Entity[];
  people: TitledPerson[];
  figures: Figure[];
}

/** The names, titles, figures and dates of one sentence. */
function readSentence(prose: string, s: Sentence, date: string | undefined, lowerVocabulary: Set<string>): SentenceReading {
  const dates = extractDates(prose, s, date);
  const entities = extractEntities(prose, s, lowerVocabulary).filter((e) => !dates.some((d) => e.start >= d.start && e.end <= d.end));
  const people = extractTitledPeople(prose, s, entities);
  // "British Foreign Secretary David Cameron" is the person David Cameron, whose office is read apart.
  for (const p of people) {
    const at = entities.findIndex((e) => e.start <= p.person.start && p.person.end <= e.end);
    if (at >= 0) entities.splice(at, 1, p.person);
    else entities.push(p.person);
  }
  entities.sort((a, b) => a.start - b.start);
  const figures = extractFigures(prose, s, dates);
  return { dates, entities, people, figures };
}

// A draft is re-read at every keystroke, and all its sentences but one are as they were: their readings
// are remembered by what they depend on (the sentence with the prose around it, the text's date, and
// whether its first word is written in lower case elsewhere), with offsets relative to the sentence.
const CONTEXT = 48;
const readings = new Map<string, SentenceReading>();

function readSentenceCached(prose: string, s: Sentence, date: string | undefined, lowerVocabulary: Set<string>): SentenceReading {
  const from = Math.max(0, s.start - CONTEXT);
  const first = s.tokens[0];
  const key = `${date ?? ''}\u0001${first && lowerVocabulary.has(first.key) ? 1 : 0}\u0001${s.start - from}\u0001${s.end - s.start}\u0001${prose.slice(from, s.end + CONTEXT)}`;
  const known = readings.get(key);
  if (known) return shifted(known, s.start, s.index);
  const reading = readSentence(prose, s, date, lowerVocabulary);
  if (readings.size >= 4096) readings.clear();
  readings.set(key, shifted(reading, -s.start, -1));
  return reading;
}

/**
 * A copy of a reading with every offset moved by delta and every sentence number set to index (a person
 * found in both entities and people stays one object). Keep in step with the fact types' offset fields.
 */
function shifted(r: SentenceReading, d: number, index: number): SentenceReading {
  const copies = new Map<Entity, Entity>();
  const entity = (e: Entity): Entity => {
    let c = copies.get(e);
    if (c === undefined) copies.set(e, (c = { ...e, start: e.start + d, end: e.end + d, sentence: index }));
    return c;
  };
  return {
    dates: r.dates.map((x) => ({ ...x, start: x.start + d, end: x.end + d, sentence: index })),
    entities: r.entities.map(entity),
    people: r.people.map((p) => ({ ...p, person: entity(p.person), title: { ...p.title, start: p.title.start + d, end: p.title.end + d }, sentence: index })),
    figures: r.figures.map((f) => ({ ...f, start: f.start + d, end: f.end + d, valueSpan: { start: f.valueSpan.start + d, end: f.valueSpan.end + d }, sentence: index })),
  };
}

/** Parses a text and extracts its names, titles, dates and figures. */
export function extractFacts(raw: string, format: TextFormat = 'plaintext', dateOverride?: string): TextFacts {
  const parsed = parseText(raw, format);
  const date = dateOverride ?? parsed.date;
  const prose = parsed.prose;
  // Words the text writes in lower case somewhere: a sentence-initial "Experts" is a common word.
  const lowerVocabulary = new Set<string>();
  for (const s of parsed.sentences) for (const t of s.tokens) if (!t.cap) lowerVocabulary.add(t.key);
  const sentences: SentenceFacts[] = [];
  const slips: ReturnType<typeof calendarSlips> = [];
  const surnames = new Map<string, Entity>();
  for (const s of parsed.sentences) {
    const { dates, entities, people, figures } = readSentenceCached(prose, s, date, lowerVocabulary);
    slips.push(...calendarSlips(prose, dates));
    for (const p of people) if (p.person.tokens.length >= 2) surnames.set(p.person.tokens[p.person.tokens.length - 1], p.person);
    for (const e of entities) if (e.type === 'person' && e.tokens.length >= 2 && !surnames.has(e.tokens[e.tokens.length - 1])) surnames.set(e.tokens[e.tokens.length - 1], e);
    sentences.push({ sentence: s, entities, people, figures, dates, terms: contentTerms(s) });
  }
  // "Mr Cameron" and "Cameron" after a full mention are that person.
  for (const sf of sentences) {
    for (const e of sf.entities) {
      if (e.tokens.length === 1 && surnames.has(e.tokens[0])) e.type = 'person';
      if (e.type !== 'person') {
        const words = e.text.split(/\s+/);
        if (words.length > e.tokens.length && HONORIFICS.has(words[0].toLowerCase().replace(/\.$/, ''))) e.type = 'person';
      }
    }
  }
  return { parsed, date, sentences, surnames, calendarSlips: slips };
}

/** The full name a mention stands for in its own text ("Cameron" -> "david cameron"). */
export function resolveName(facts: TextFacts, e: Entity): string {
  if (e.tokens.length === 1) {
    const full = facts.surnames.get(e.tokens[0]);
    if (full) return full.key;
  }
  return e.key;
}
