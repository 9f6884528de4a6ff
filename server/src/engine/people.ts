// Names and titles: capitalised names (people, organisations, places) and the offices people hold, in
// the forms news uses: "British Foreign Secretary David Cameron", "David Cameron, Britain's foreign
// secretary,", "Britain's foreign secretary, David Cameron", "chief executive Thierry Breton".
import { HONORIFICS, NAME_PARTICLES, NUMBER_WORDS, ORG_WORDS, PARTY_WORDS, STOPWORDS, TITLE_HEADS, TITLE_MODIFIERS, TITLE_SYNONYMS, WEEKDAY_SET, MONTH_SET, PORTFOLIO_PHRASES, SENTENCE_ADVERBS, CALLING_WORDS, partyWord, placeGroup } from './lexicon';
import { firstIndex, formsOf, type Sentence, type Span, type Token, type WordForm } from './text';

export type EntityType = 'person' | 'org' | 'place' | 'other';

export interface Entity extends Span {
  text: string;
  /** Lower-case NFC tokens joined by spaces, honorifics removed. */
  key: string;
  tokens: string[];
  type: EntityType;
  sentence: number;
}

export interface Title extends Span {
  text: string;
  /** Canonical office ("foreign minister"), synonyms folded. */
  office: string;
  /** The office's words, lower case, qualifiers removed. */
  words: string[];
  head: string;
  /** A country (alias group number as string) or organisation the office belongs to. */
  qualifier?: string;
  /** Where a country qualifier written before the office starts ("British" in "British Foreign Secretary"). */
  qualifierStart?: number;
  former: boolean;
}

export interface TitledPerson {
  person: Entity;
  title: Title;
  sentence: number;
}

const SYNONYM_OF = new Map<string, string>();
for (const group of TITLE_SYNONYMS) for (const w of group) if (!SYNONYM_OF.has(w)) SYNONYM_OF.set(w, group[0]);

const ROMAN = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|Jr|Sr)$/;
export const CONNECTORS = new Set(['of', 'for', 'the', '&', 'de', 'du', 'des']);
/** Connectors that join two capitalised runs into one name (not "the": "told the Independent the Tories' plans", "Like the Tories" are two things). */
const NAME_JOINERS = new Set([...CONNECTORS].filter((w) => w !== 'the'));
/** Honorifics that open a person's name and are never inside another one (unlike "Lord" or "Lady": "the Lord Chancellor"). */
const PERSON_HONORIFICS = new Set(['mr', 'mrs', 'ms']);
const PLACE_WORDS = new Set(['east', 'west', 'north', 'south', 'new', 'san', 'santa', 'saint', 'st', 'port', 'mount', 'lake', 'cape', 'fort', 'upper', 'lower', 'greater']);

// (Regular expressions with Unicode property escapes are module constants: the bundler writes such a
// literal as \`new RegExp(...)\`, which a function would build again at every call.)
const PARTICLE_NAME = /^(?:al|el|bin|ibn|abu|de|da|di|van|von|ul|ur)-\p{Lu}/u;
const CONTRACTION = /^\p{L}+['’](?:ve|re|ll|d|m)$/u;
const DESCRIPTIVE_COMPOUND = /^\p{Lu}[\p{L}.]*-(?:based|born|bred|led|backed|owned|run|made|winning|winner|year-old|style)$/u;
const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]/u;

/** "el-Sisi", "al-Assad", "bin-Salman": a lower-case particle joined to a capitalised name. */
function isNameToken(t: Token): boolean {
  return (t.cap && !t.num) || PARTICLE_NAME.test(t.text);
}

/**
 * A capitalised word that describes rather than names: a contraction ("They've", "We're") or a compound
 * such as "Florida-based", "Oscar-winning", "Nineteen-year-old" (the place or prize in it is no name here).
 */
function isDescriptor(t: Token): boolean {
  return CONTRACTION.test(t.text) || DESCRIPTIVE_COMPOUND.test(t.text);
}

function isTitleWord(key: string): boolean {
  return TITLE_HEADS.has(key) || TITLE_MODIFIERS.has(key) || (key.includes('-') && /^(?:vice|deputy|co)-/.test(key));
}

export function canonicalOffice(words: string[]): string {
  const joined = words.join(' ').replace(/\bchief executive officer\b/, 'chief executive');
  if (SYNONYM_OF.has(joined)) return SYNONYM_OF.get(joined)!;
  // "foreign affairs minister" and similar folds
  return joined;
}

function sentenceInitialCommon(t: Token, i: number, lowerVocabulary: Set<string> | undefined): boolean {
  if (i !== 0) return false;
  // (A country's initials are its name, not the word they spell: "US trade gap ballooned".)
  if (t.text.length >= 2 && t.text === t.text.toUpperCase() && placeGroup(t.key) !== undefined) return false;
  return STOPWORDS.has(t.key) || SENTENCE_ADVERBS.has(t.key) || CALLING_WORDS.has(t.key) || (lowerVocabulary?.has(t.key) ?? false);
}

/**
 * A month or weekday that is part of a name: "Theresa May said", "Jan Berry", "Sunday Times" — after a
 * capitalised name or before one, and neither next to a number nor after a word that introduces a date
 * ("in May", "on 5 May", "May 2004", "by March").
 */
function calendarWordInName(toks: Token[], i: number): boolean {
  const prev = toks[i - 1];
  const next = toks[i + 1];
  if (next?.num || prev?.num) return false;
  if (prev && DATE_LEAD.has(prev.key)) return false;
  const nameBefore = prev !== undefined && prev.cap && !WEEKDAY_SET.has(prev.key) && !MONTH_SET.has(prev.key) && isNameToken(prev);
  const nameAfter = next !== undefined && next.cap && !WEEKDAY_SET.has(next.key) && !MONTH_SET.has(next.key) && isNameToken(next);
  return nameBefore || nameAfter;
}

const DATE_LEAD = new Set(['in', 'on', 'of', 'since', 'until', 'till', 'by', 'from', 'to', 'last', 'next', 'this', 'early', 'late', 'mid', 'before', 'after', 'during', 'between', 'and', 'or', 'every', 'each', 'that', 'the']);

/** Capitalised runs in a sentence: candidate names of people, organisations and places. */
export function extractEntities(prose: string, sentence: Sentence, lowerVocabulary?: Set<string>): Entity[] {
  const toks = sentence.tokens;
  const out: Entity[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    // "I", "I've", "I'm" are the writer, not a name.
    if (!t.cap || t.num || (t.text[0] === 'I' && /^I(?:['’].*)?$/.test(t.text)) || isDescriptor(t) || sentenceInitialCommon(t, i, lowerVocabulary) || ((WEEKDAY_SET.has(t.key) || MONTH_SET.has(t.key)) && !calendarWordInName(toks, i)) || (t.key.endsWith('days') && WEEKDAY_SET.has(t.key.slice(0, -1)))) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < toks.length) {
      const gap = prose.slice(toks[j].end, toks[j + 1].start);
      const n = toks[j + 1];
      if (!/^\s+$/.test(gap) && gap !== '') break;
      // "Labour's Liam Byrne": a possessive ends one name and the next begins, except in an organisation's
      // own name ("the Information Commissioner's Office", "Scot's College"; not "Britain's Parliament").
      if (/['’]s?$/.test(toks[j].text) || /['’]s$/.test(prose.slice(toks[j].start, toks[j + 1].start).trim())) {
        const named = toks.slice(i, j + 1).map((x) => x.key).join(' ');
        if (!(ORG_WORDS.has(n.key) && n.cap && placeGroup(named) === undefined && !PLACE_WORDS.has(named))) break;
        j++;
        continue;
      }
      // ("the Sunday Times Mr Campbell", "Father-of-two Mr Mousa", "Lawyers for Mr Fawcett": an honorific opens
      // a person's name.)
      if (PERSON_HONORIFICS.has(n.key)) break;
      if (isNameToken(n) && !isDescriptor(n) && ((!WEEKDAY_SET.has(n.key) && !MONTH_SET.has(n.key)) || calendarWordInName(toks, j + 1))) {
        j++;
        continue;
      }
      // "Queens of the Stone Age", "University of the West of England": "of the" inside a name, between capitals.
      if (n.key === 'of' && toks[j + 2]?.text === 'the' && toks[j + 3]?.cap && !toks[j + 3].num && !isTitleWord(toks[i].key) && !isTitleWord(toks[j + 3].key) && /^\s+$/.test(prose.slice(n.end, toks[j + 3].start).replace('the', ' '))) {
        j += 3;
        continue;
      }
      if ((NAME_JOINERS.has(n.key) || NAME_PARTICLES.has(n.key)) && j + 2 < toks.length && toks[j + 2].cap && !toks[j + 2].num && !PERSON_HONORIFICS.has(toks[j + 2].key)) {
        const gap2 = prose.slice(n.end, toks[j + 2].start);
        if (/^\s+$/.test(gap2)) {
          j += 2;
          continue;
        }
      }
      break;
    }
    const run = toks.slice(i, j + 1);
    // "Five" opening a sentence is a number, not a name.
    if (run.every((t) => t.key in NUMBER_WORDS)) {
      i = j + 1;
      continue;
    }
    // Nor is it part of the nationality after it: "Five British detainees" are British, counted.
    if (run.length > 1 && Object.hasOwn(NUMBER_WORDS, run[0].key) && placeGroup(run[1].key) !== undefined) run.shift();
    out.push(makeEntity(prose, run, sentence.index));
    i = j + 1;
  }
  return out;
}

function makeEntity(prose: string, run: Token[], sentence: number): Entity {
  let k = 0;
  while (k < run.length - 1 && HONORIFICS.has(run[k].key)) k++;
  const core = run.slice(k);
  const keys = core.map((t) => t.key);
  let type: EntityType = 'other';
  if (keys.some((w) => ORG_WORDS.has(w))) type = 'org';
  else if (keys.length === 1 && placeGroup(keys[0]) !== undefined) type = 'place';
  else if (placeGroup(keys.join(' ')) !== undefined) type = 'place';
  // ("Lord of the Rings" is no lord; "Christmas Day" and "Boxing Day" are no one.)
  else if (k > 0 && !CONNECTORS.has(keys[0])) type = 'person';
  else if (PLACE_WORDS.has(keys[0])) type = 'place';
  else if (core.length >= 2 && core.length <= 4 && k === 0 && keys[keys.length - 1] !== 'day' && core.every((t) => NAME_WORD.test(t.text) || ROMAN.test(t.text) || NAME_PARTICLES.has(t.key) || isNameToken(t))) type = 'person';
  const start = run[0].start;
  const end = run[run.length - 1].end;
  return { start, end, text: prose.slice(start, end), key: keys.join(' '), tokens: keys, type, sentence };
}

/**
 * A copy of a name with another type, made as makeEntity makes a name (an object spread has a shape of its
 * own, and code that reads names was optimised again when one reached it).
 */
function withType(e: Entity, type: EntityType): Entity {
  return { start: e.start, end: e.end, text: e.text, key: e.key, tokens: e.tokens, type, sentence: e.sentence };
}

interface TitlePhrase {
  start: number;
  end: number;
  words: string[];
  qualifier?: string;
  qualStart: number;
  former: boolean;
  firstTok: number;
  lastTok: number;
}

/** No title phrase is longer: a run of title words is read in bounded time from each token. */
const MAX_TITLE_TOKENS = 12;

/** The first words of PORTFOLIO_PHRASES: only a token with one of these keys can start one. */
const PORTFOLIO_FIRST = new Set(PORTFOLIO_PHRASES.map((p) => p[0]));
const FORMER_WORDS = new Set(['former', 'then', 'ex', 'outgoing']);

/** Can a title phrase start at a word with this key: a place, a "former", an office word or a portfolio's first word? */
function canStartTitle(k0: string): boolean {
  return isTitleWord(k0) || PORTFOLIO_FIRST.has(k0) || FORMER_WORDS.has(k0) || k0.startsWith('ex-') || placeGroup(k0) !== undefined;
}

/** canStartTitle of a word form's key, kept on the form. */
function formStartsTitle(f: WordForm): boolean {
  return (f.titleStart ??= canStartTitle(f.key));
}

/** Reads a title phrase ending at or starting from token i: qualifiers, modifiers, head. */
function titleAt(prose: string, toks: Token[], i: number): TitlePhrase | undefined {
  // Most tokens can start no title phrase.
  if (!canStartTitle(toks[i].key)) return undefined;
  let j = i;
  const words: string[] = [];
  let qualifier: string | undefined;
  let qualStart = toks[i].start;
  let former = false;
  // Qualifier: a place/nationality ("British", "Britain's", "US") or an organisation name before the office.
  while (j < toks.length && j - i < MAX_TITLE_TOKENS) {
    const t = toks[j];
    const g = placeGroup(t.key);
    if (g !== undefined && !isTitleWord(t.key)) {
      // (A place set off by punctuation qualifies nothing after it: "In Paris, President Kirchner".)
      if (j + 1 < toks.length && !/^\.?\s*$/.test(prose.slice(t.end, toks[j + 1].start))) break;
      qualifier = String(g);
      j++;
      continue;
    }
    if (FORMER_WORDS.has(t.key)) {
      former = true;
      j++;
      continue;
    }
    break;
  }
  const first = j;
  while (j < toks.length && j - first < MAX_TITLE_TOKENS) {
    const t = toks[j];
    let key = t.key;
    if (key === 'and' && words.length > 0 && j + 1 < toks.length && TITLE_MODIFIERS.has(toks[j + 1].key) && TITLE_MODIFIERS.has(words[words.length - 1])) {
      words.push('and');
      j++;
      continue;
    }
    if (key.startsWith('ex-')) {
      former = true;
      key = key.slice(3);
    }
    // A portfolio named by several words before the office: "Northern Ireland Secretary", "Home Office minister"
    const phrase = PORTFOLIO_FIRST.has(t.key) && PORTFOLIO_PHRASES.find((p) => p.every((w, k) => toks[j + k]?.key === w) && j + p.length < toks.length && isTitleWord(toks[j + p.length].key));
    if (phrase) {
      words.push(...phrase);
      j += phrase.length;
      continue;
    }
    if (isTitleWord(key) || (words.length > 0 && key === 'general' )) {
      words.push(key);
      j++;
      continue;
    }
    // "Secretary of State", "Chancellor of the Exchequer", "Chief Secretary to the Treasury"
    if (words.length > 0 && (key === 'of' || key === 'to') && j + 1 < toks.length) {
      const rest = toks.slice(j + 1, j + 4).map((x) => x.key);
      const tail = rest[0] === 'the' ? rest.slice(1) : rest;
      if (tail[0] === 'state' || tail[0] === 'exchequer' || tail[0] === 'treasury') {
        const n = (rest[0] === 'the' ? 2 : 1);
        words.push(key, ...rest.slice(0, n));
        j += 1 + n;
        continue;
      }
    }
    break;
  }
  // The phrase must end in an office, not a modifier alone ("Foreign Ministry" is no title).
  while (words.length > 0 && !TITLE_HEADS.has(words[words.length - 1]) && !/^(?:state|exchequer|treasury)$/.test(words[words.length - 1]) && !/^(?:vice|deputy|co)-/.test(words[words.length - 1])) {
    words.pop();
    j--;
  }
  if (words.length === 0) return undefined;
  const lastTok = j - 1;
  return { start: toks[first].start, end: toks[lastTok].end, words, qualifier, qualStart, former, firstTok: first, lastTok };
}

/** The title a phrase states (`qualifier`: the country or organisation it belongs to, if not the phrase's own). */
function toTitle(prose: string, p: TitlePhrase, qualifier = p.qualifier): Title {
  // (A shadow office is another office: "shadow home secretary" is not the Home Secretary.)
  const words = p.words.filter((w) => !/^(?:acting|interim|former)$/.test(w) || p.words.length === 1).map(partyWord);
  const head = words[words.length - 1];
  return {
    start: p.start,
    end: p.end,
    text: prose.slice(p.start, p.end),
    office: canonicalOffice(words),
    words,
    head,
    qualifier,
    qualifierStart: p.qualifier !== undefined && p.qualStart < p.start ? p.qualStart : undefined,
    former: p.former,
  };
}

/** The people a sentence gives an office, in the common forms of news writing. */
export function extractTitledPeople(prose: string, sentence: Sentence, entities: Entity[]): TitledPerson[] {
  const toks = sentence.tokens;
  const out: TitledPerson[] = [];
  // Entities and tokens are in text order and disjoint: binary searches keep a long sentence linear.
  const entityStartingAt = (offset: number) => {
    const k = firstIndex(entities.length, (x) => entities[x].start > offset) - 1;
    return k >= 0 && offset < entities[k].end ? entities[k] : undefined;
  };
  const forms = formsOf(sentence);
  // An office joined to the next by "and", without an article before it: one person holds both
  // ("chairman and chief executive Richard Parsons"; not "the Prime Minister and Foreign Secretary Jack Straw").
  let joined: TitlePhrase | undefined;
  for (let i = 0; i < toks.length; i++) {
    if (forms !== undefined && !formStartsTitle(forms[i])) continue; // (titleAt would find none)
    const p = titleAt(prose, toks, i);
    if (!p) continue;
    const held = joined;
    joined = undefined;
    const after = p.lastTok + 1;
    // Form 1: office then name, in one capitalised run or after a lower-case office.
    if (after < toks.length && /^\s+$/.test(prose.slice(toks[p.lastTok].end, toks[after].start))) {
      const e = entityStartingAt(toks[after].start);
      if (e) {
        const nameTokStart = toks[after].start;
        const name = trimEntity(prose, e, nameTokStart, toks);
        if (name) {
          out.push({ person: name, title: toTitle(prose, p), sentence: sentence.index });
          if (held && held.lastTok + 2 === firstTokOf(toks, p)) out.push({ person: name, title: toTitle(prose, held), sentence: sentence.index });
          const endAt = firstIndex(toks.length, (x) => toks[x].end >= name.end);
          const lastNameTok = endAt < toks.length && toks[endAt].end === name.end ? endAt : -1;
          i = Math.max(p.lastTok, lastNameTok);
          continue;
        }
      }
    }
    // Form 3: "Britain's foreign secretary, David Cameron"
    if (after < toks.length && /^\s*,\s*$/.test(prose.slice(toks[p.lastTok].end, toks[after].start))) {
      const e = entityStartingAt(toks[after].start);
      if (e && e.type === 'person' && e.start === toks[after].start) {
        out.push({ person: e, title: toTitle(prose, p), sentence: sentence.index });
        i = p.lastTok;
        continue;
      }
    }
    // Form 2: "David Cameron, Britain's foreign secretary," / "Frank Weise, head of the Federal Labour Agency"
    const startAt = firstIndex(toks.length, (x) => toks[x].start >= p.qualStart);
    const firstTok = startAt < toks.length && toks[startAt].start === p.qualStart ? startAt : -1;
    // (Determiners between the comma and the office are tokens: "Emmanuel Macron, the French president")
    let k = firstTok - 1;
    while (k > 0 && /^(?:the|a|an|its|his|her|their)$/.test(toks[k].key)) k--;
    const before = firstTok > 0 ? toks[k] : undefined;
    if (before) {
      const gap = prose.slice(before.end, p.qualStart);
      const m = /^\s*,\s*(?:(?:the|a|an|its|his|her|their)\s+)?$/i.exec(gap);
      let e = entityStartingAt(before.start);
      // "David Cameron, Britain's" : possessive qualifiers were read by titleAt as place words. A single
      // name the sentence has not typed yet ("Cameron, Britain's prime minister,") is a person by this form.
      // (Not where a name goes on after the office: "Mark Lane, General Motors's vice president", "Ann Lee,
      // Prime Minister Tony Marsh's spokeswoman" - the office is part of an owner's name, or the owner's.)
      const next = toks[p.lastTok + 1];
      const nameGoesOn = next !== undefined && next.cap && !next.num && /^\s+$/.test(prose.slice(toks[p.lastTok].end, next.start));
      if (m && e && !nameGoesOn && e.end === before.end && (e.type === 'person' || (e.type === 'other' && e.tokens.length === 1 && !isTitleWord(e.key)))) {
        if (e.type !== 'person') e = withType(e, 'person');
        out.push({ person: e, title: toTitle(prose, p), sentence: sentence.index });
        i = p.lastTok;
        // "Richard Parsons, the chairman and chief executive,": both offices are his.
        const also = andOffice(prose, toks, p);
        if (also) {
          out.push({ person: e, title: toTitle(prose, also), sentence: sentence.index });
          i = also.lastTok;
        }
        continue;
      }
      // "Subir Raha, Gazprom chairman": an organisation between the comma and the office
      if (!m && firstTok >= 2) {
        const orgTok = before;
        const org = entityStartingAt(orgTok.start);
        if (org && org.end === orgTok.end) {
          // (The comma must follow the person's name: matching on the gap alone, not on the whole text before it.)
          const prevAt = firstIndex(toks.length, (x) => toks[x].end > org.start) - 1;
          const prevTok = prevAt >= 0 ? toks[prevAt] : undefined;
          e = prevTok ? entityStartingAt(prevTok.start) : undefined;
          const cm = e !== undefined && /^,\s*(?:the\s+)?$/.test(prose.slice(e.end, org.start));
          if (cm && e && e.type === 'person' && e.end === prevTok!.end) {
            out.push({ person: e, title: toTitle(prose, p, org.key), sentence: sentence.index });
            // ("Robert Benmosche, Metlife's chairman and chief executive,": both offices are his.)
            const also = andOffice(prose, toks, p);
            if (also) {
              out.push({ person: e, title: toTitle(prose, also, org.key), sentence: sentence.index });
              i = also.lastTok;
              continue;
            }
          }
        }
      }
    }
    if (andOffice(prose, toks, p) && !/^(?:the|a|an)$/.test(toks[firstTokOf(toks, p) - 1]?.key ?? '')) joined = p;
    i = p.lastTok;
  }
  return out;
}

/** The token a title phrase starts at (its qualifier's, if any). */
function firstTokOf(toks: Token[], p: TitlePhrase): number {
  return firstIndex(toks.length, (x) => toks[x].start >= p.qualStart);
}

/** The office after a title phrase and "and" ("chairman and chief executive"), if there is one. */
function andOffice(prose: string, toks: Token[], p: TitlePhrase): TitlePhrase | undefined {
  const and = p.lastTok + 1;
  if (toks[and]?.key !== 'and' || and + 1 >= toks.length || !/^\s+$/.test(prose.slice(toks[p.lastTok].end, toks[and].start))) return undefined;
  return canStartTitle(toks[and + 1].key) ? titleAt(prose, toks, and + 1) : undefined;
}

/** The name part of an entity that starts after an office: drops a trailing org word run. */
function trimEntity(prose: string, e: Entity, from: number, toks: Token[]): Entity | undefined {
  const run: Token[] = [];
  for (let k = firstIndex(toks.length, (x) => toks[x].start >= from); k < toks.length && toks[k].end <= e.end; k++) run.push(toks[k]);
  if (run.length === 0) return undefined;
  // Stop the name at a connector ("Hakan Fidan and ...") or an org word.
  const nameToks: Token[] = [];
  for (const t of run) {
    if (CONNECTORS.has(t.key) && t.key !== 'de') break;
    if (ORG_WORDS.has(t.key) && nameToks.length > 0) break;
    nameToks.push(t);
    if (nameToks.length >= 5) break;
  }
  if (nameToks.length === 0 || !nameToks[0].cap) return undefined;
  const person = makeEntity(prose, nameToks, e.sentence);
  if (person.type === 'org' || person.type === 'place') return undefined;
  return withType(person, 'person');
}

/** Are two titles for the same person compatible (one names the office the other does, or a general form)? */
export function titlesCompatible(draft: Title, seed: Title): boolean {
  if (draft.former !== seed.former) return true;
  // ("director-general" is "director general", "vice-president" "vice president")
  if (draft.office === seed.office || draft.office.replace(/-/g, ' ') === seed.office.replace(/-/g, ' ')) return true;
  if (partyAndGovernment(draft, seed) || partyAndGovernment(seed, draft)) return true;
  const dw = new Set(draft.words.map(foldWord));
  const sw = new Set(seed.words.map(foldWord));
  // "party leader" for "Conservative leader": the party left unnamed
  if (dw.has('party') && [...sw].some(isPartyWord)) dw.delete('party');
  if (sw.has('party') && [...dw].some(isPartyWord)) sw.delete('party');
  // A party's spokesman is its shadow minister: "Tory foreign affairs spokesman" for "shadow foreign secretary"
  if (spokesmanOfShadow(draft, dw, seed, sw) || spokesmanOfShadow(seed, sw, draft, dw)) return true;
  if (dw.has('shadow') !== sw.has('shadow') && !isGeneralOffice(draft) && !isGeneralOffice(seed)) return false;
  // A less specific draft title ("minister" for "foreign minister", "executive" for "chief executive")
  if ([...dw].every((w) => sw.has(w))) return true;
  if ([...sw].every((w) => dw.has(w)) && !UNIQUE_HEAD_CONFLICT(draft, seed)) return true;
  const syn = (o: string) => SYNONYM_OF.get(o) ?? o;
  if (syn(draft.office) === syn(seed.office)) return true;
  // "leader" and "head" are general
  if (isGeneralOffice(draft)) return true;
  return false;
}

/** A party's leader (or deputy) and the government office it leads the country from: one person holds both. */
const GOVERNMENT_OF_PARTY_OFFICE = new Map([
  ['leader', ['prime minister', 'first minister']],
  ['deputy leader', ['deputy prime minister', 'deputy first minister']],
]);

/**
 * "Deputy leader John Prescott" and "Deputy Prime Minister John Prescott". (Not where the party is named:
 * "Conservative leader" is no Labour prime minister's title, and the seeds seldom say whose party governs.)
 */
function partyAndGovernment(party: Title, government: Title): boolean {
  return GOVERNMENT_OF_PARTY_OFFICE.get(party.words.join(' '))?.includes(government.office) ?? false;
}

const PARTIES = new Set(['conservative', 'labour', 'liberal', 'democrat', 'republican', 'green', 'snp', 'ukip', 'plaid', ...Object.keys(PARTY_WORDS)]);

export function isPartyWord(w: string): boolean {
  return PARTIES.has(w);
}

/** Is `a` a party spokesman whose portfolio (if any) is among the words of `b`, a shadow office? */
function spokesmanOfShadow(a: Title, aw: Set<string>, b: Title, bw: Set<string>): boolean {
  if (foldWord(a.head) !== 'spokesman' || !bw.has('shadow')) return false;
  return [...aw].every((w) => w === 'spokesman' || w === 'affairs' || w === 'party' || isPartyWord(w) || bw.has(w));
}

const GENERAL_OFFICE = /^(?:leader|head|official|boss|executive|diplomat|politician|minister|secretary|lawmaker|chief)$/;

/** An office that says little about which post it is ("boss", "leader", "minister"). */
export function isGeneralOffice(t: Title): boolean {
  return GENERAL_OFFICE.test(t.office);
}

function foldWord(w: string): string {
  return SYNONYM_OF.get(w) ?? w;
}

function UNIQUE_HEAD_CONFLICT(draft: Title, seed: Title): boolean {
  // "Prime Minister" is not a more specific "minister" of "Foreign Minister"
  return draft.head !== seed.head;
}

/** Is this a word that can only be part of a title (so a changed one is a title change)? */
export function isTitleToken(key: string): boolean {
  return isTitleWord(key);
}
