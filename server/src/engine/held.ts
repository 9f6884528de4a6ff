// Seeds' facts as the index holds them: names, titles and the terms a seed sentence is found by, kept;
// its figures and dates (many objects, read by a check only for the few sentences aligned with a claim)
// read again from the text when asked, and remembered for a while.
import { extractDates, type DateMention } from './dates';
import { assignAges, contentTerms, extractFacts, readFigures, resolveOwners, type SentenceFacts, type TextFacts } from './facts';
import type { Figure } from './figures';
import type { Entity, EntityType, TitledPerson } from './people';
import { tokenize, type ParsedText, type Sentence, type TextFormat, type Token } from './text';

/** A seed's facts as held: sentences of HeldSentenceFacts, and how many facts the seed states. */
export interface HeldFacts extends TextFacts {
  parsed: ParsedText & { sentences: HeldSentenceFacts[] };
  sentences: HeldSentenceFacts[];
  /** People with titles, names, figures and dates, counted when the seed was read. */
  factCount: number;
}

/** What a held sentence was read with: the text it is in, its date, and the text's people by surname. */
export interface HeldSource {
  parsed: ParsedText;
  date?: string;
  surnames: Map<string, Entity>;
}

/** The terms a seed sentence is indexed by: its content terms and its values' terms, each once. */
export function indexTermsOf(terms: readonly string[], figures: readonly Figure[], dates: readonly DateMention[]): string[] {
  const all = new Set(terms);
  for (const f of figures) all.add(figureTerm(f.value));
  for (const d of dates) all.add(dateTerm(d.iso));
  return [...all];
}

export const figureTerm = (value: number): string => `=${value}`;
export const dateTerm = (iso: string): string => `=${iso}`;

/** Most seed sentences name no titled person (and some no name): they share one empty list, never written to. */
const NONE = Object.freeze([]) as never[];
export const shared = <T>(list: T[]): T[] => (list.length === 0 ? NONE : list);

/**
 * A seed sentence and its facts, in one object: its place in the text, its names and titles, and the terms
 * it is found by. Its text and tokens are read again from the text when asked, exactly as the parser read
 * them, and so are its figures and dates; tokens, figures and dates are then kept with it. (An index made
 * of flat tables holds the facts of a few hundred seeds at a time, and lets them go with all they keep:
 * FlatIndex.betweenChecks.)
 */
export class HeldSentenceFacts implements SentenceFacts, Sentence {
  private readTokens?: Token[];
  private values?: SentenceValues;

  constructor(
    readonly index: number,
    readonly start: number,
    readonly end: number,
    readonly heading: boolean,
    private readonly source: HeldSource,
    readonly entities: Entity[],
    readonly people: TitledPerson[],
    /** Content and value terms, each once (what the index finds the sentence by). */
    readonly indexTerms: readonly string[],
    /** Entities (by position) whose type the text's last pass changed, with their type before it. */
    readonly retyped?: ReadonlyArray<readonly [number, EntityType]>,
  ) {}

  /** The sentence these are the facts of: this object. */
  get sentence(): HeldSentenceFacts {
    return this;
  }

  get text(): string {
    return this.source.parsed.raw.slice(this.start, this.end);
  }

  get tokens(): Token[] {
    return (this.readTokens ??= tokenize(this.source.parsed.prose.slice(this.start, this.end), this.start));
  }

  get figures(): Figure[] {
    return (this.values ??= this.readValues()).figures;
  }

  get dates(): DateMention[] {
    return (this.values ??= this.readValues()).dates;
  }

  get terms(): string[] {
    return contentTerms(this);
  }

  /** The figures and dates, read again from the text exactly as the first reading read them. */
  readValues(): SentenceValues {
    const prose = this.source.parsed.prose;
    const dates = extractDates(prose, this, this.source.date, false);
    const figures = readFigures(prose, this, dates);
    const retyped = this.retyped;
    assignAges(prose, figures, this.entities, retyped ? (e) => retyped.find(([i]) => this.entities[i] === e)?.[1] ?? e.type : undefined);
    resolveOwners(figures, this.source.surnames);
    return { figures, dates };
  }

  /** Plain data, as a sentence read afresh serialises (its tokens included). */
  sentenceJSON(): Sentence {
    return { index: this.index, start: this.start, end: this.end, text: this.text, tokens: this.tokens, heading: this.heading };
  }

  /** Plain data, as facts read afresh serialise. */
  toJSON(): SentenceFacts {
    return { sentence: this.sentenceJSON(), entities: this.entities, people: this.people, figures: this.figures, dates: this.dates, terms: this.terms };
  }
}

/**
 * A seed's name, held: its text and words are read from its key and the seed's text when asked (each
 * name of a plain record kept them as strings and an array).
 */
export class HeldEntity implements Entity {
  private words?: string[];

  constructor(
    readonly start: number,
    readonly end: number,
    readonly key: string,
    public type: EntityType,
    readonly sentence: number,
    private readonly source: HeldSource,
  ) {}

  get text(): string {
    return this.source.parsed.prose.slice(this.start, this.end);
  }

  get tokens(): string[] {
    return (this.words ??= this.key.split(' '));
  }

  toJSON(): Entity {
    return { start: this.start, end: this.end, text: this.text, key: this.key, tokens: this.tokens, type: this.type, sentence: this.sentence };
  }
}

/** A name as held, if its text and words are what the held form reads back (else the name itself). */
export function holdEntity(e: Entity, source: HeldSource): Entity {
  const exact = e.tokens.join(' ') === e.key && !e.tokens.some((t) => t === '' || t.includes(' ')) && source.parsed.prose.slice(e.start, e.end) === e.text;
  return exact ? new HeldEntity(e.start, e.end, e.key, e.type, e.sentence, source) : e;
}

/** Holds a text's names (one held name for each, so that a person who is also a name stays one object). */
function entityHolder(source: HeldSource): (e: Entity) => Entity {
  const held = new Map<Entity, Entity>();
  return (e) => {
    let h = held.get(e);
    if (h === undefined) held.set(e, (h = holdEntity(e, source)));
    return h;
  };
}

interface SentenceValues {
  figures: Figure[];
  dates: DateMention[];
}

/** The lower-case words of held sentences not yet indexed (the index takes them and forgets them). */
export const pendingLowerWords = new WeakMap<HeldSentenceFacts, string[]>();

/** Counts a text's facts: people with titles, names other than "other", figures and dates. */
export function countFacts(facts: TextFacts): number {
  if ('factCount' in facts && typeof facts.factCount === 'number') return facts.factCount;
  let n = 0;
  for (const s of facts.sentences) n += s.people.length + s.figures.length + s.dates.length + s.entities.filter((e) => e.type !== 'other').length;
  return n;
}

export function isHeld(facts: TextFacts): facts is HeldFacts {
  return 'factCount' in facts && facts.sentences.every((s) => s instanceof HeldSentenceFacts);
}

/** A text's facts (read afresh) as the index holds them. */
export function holdFacts(facts: TextFacts): HeldFacts {
  if (isHeld(facts)) return facts;
  const { raw, prose, date } = facts.parsed;
  const sentences: HeldSentenceFacts[] = [];
  const held: HeldFacts = { parsed: { raw, prose, date, sentences }, date: facts.date, sentences, surnames: new Map(), calendarSlips: [], retyped: new Map(), factCount: countFacts(facts) };
  const hold = entityHolder(held);
  for (const [surname, e] of facts.surnames) held.surnames.set(surname, hold(e));
  for (const sf of facts.sentences) sentences.push(holdSentence(sf, held, hold, facts.retyped));
  return held;
}

/**
 * A sentence's facts (read afresh) as held, its lower-case words noted for the index. (A function of its
 * own: holdFacts, optimised again whenever a new shape of name or figure reached it, was one of the costliest
 * functions to compile.)
 */
function holdSentence(sf: SentenceFacts, source: HeldSource, hold: (e: Entity) => Entity, retypedIn: Map<Entity, EntityType> | undefined): HeldSentenceFacts {
  const s = sf.sentence;
  const retyped: Array<[number, EntityType]> = [];
  sf.entities.forEach((e, i) => {
    const before = retypedIn?.get(e);
    if (before !== undefined) retyped.push([i, before]);
  });
  const people = sf.people.map((p) => ({ ...p, person: hold(p.person) }));
  const sentence = new HeldSentenceFacts(s.index, s.start, s.end, s.heading, source, shared(sf.entities.map(hold)), shared(people), indexTermsOf(sf.terms, sf.figures, sf.dates), retyped.length ? retyped : undefined);
  const lower = new Set<string>();
  for (const t of s.tokens) if (!t.cap) lower.add(t.key);
  pendingLowerWords.set(sentence, [...lower]);
  return sentence;
}

/** Reads a seed: extracts its facts (not remembered, as a draft's are) and holds them. */
export function readSeed(raw: string, format: TextFormat): HeldFacts {
  return holdFacts(extractFacts(raw, format, undefined, false));
}
