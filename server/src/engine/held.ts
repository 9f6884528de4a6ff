// Seeds' facts as the index holds them: names, titles and the terms a seed sentence is found by, kept;
// its figures and dates (many objects, read by a check only for the few sentences aligned with a claim)
// read again from the text when asked, and remembered for a while.
import { extractDates, type DateMention } from './dates';
import { assignAges, contentTerms, extractFacts, readFigures, resolveOwners, type SentenceFacts, type TextFacts } from './facts';
import type { Figure } from './figures';
import type { Entity, EntityType, TitledPerson } from './people';
import { HeldSentence, type ParsedText, type TextFormat } from './text';

/** A seed's facts as held: sentences of HeldSentenceFacts, and how many facts the seed states. */
export interface HeldFacts extends TextFacts {
  sentences: HeldSentenceFacts[];
  /** People with titles, names, figures and dates, counted when the seed was read. */
  factCount: number;
}

/** What a held sentence was read with: the text it is in, its date, and the text's people by surname. */
interface HeldSource {
  parsed: ParsedText;
  date?: string;
  surnames: Map<string, Entity>;
}

/** The terms a seed sentence is indexed by: its content terms and its values' terms, each once. */
export function indexTermsOf(terms: readonly string[], figures: readonly Figure[], dates: readonly DateMention[]): string[] {
  return [...new Set([...terms, ...figures.map((f) => figureTerm(f.value)), ...dates.map((d) => dateTerm(d.iso))])];
}

export const figureTerm = (value: number): string => `=${value}`;
export const dateTerm = (iso: string): string => `=${iso}`;

export class HeldSentenceFacts implements SentenceFacts {
  constructor(
    readonly sentence: HeldSentence,
    readonly entities: Entity[],
    readonly people: TitledPerson[],
    /** Content and value terms, each once (what the index finds the sentence by). */
    readonly indexTerms: readonly string[],
    private readonly source: HeldSource,
    /** Entities (by position) whose type the text's last pass changed, with their type before it. */
    readonly retyped?: ReadonlyArray<readonly [number, EntityType]>,
  ) {}

  get figures(): Figure[] {
    return valuesOf(this).figures;
  }

  get dates(): DateMention[] {
    return valuesOf(this).dates;
  }

  get terms(): string[] {
    return contentTerms(this.sentence);
  }

  /** The figures and dates, read again from the text exactly as the first reading read them. */
  readValues(): SentenceValues {
    const prose = this.source.parsed.prose;
    const dates = extractDates(prose, this.sentence, this.source.date);
    const figures = readFigures(prose, this.sentence, dates);
    const retyped = this.retyped;
    assignAges(prose, figures, this.entities, retyped ? (e) => retyped.find(([i]) => this.entities[i] === e)?.[1] ?? e.type : undefined);
    resolveOwners(figures, this.source.surnames);
    return { figures, dates };
  }

  /** Plain data, as facts read afresh serialise. */
  toJSON(): SentenceFacts {
    return { sentence: this.sentence, entities: this.entities, people: this.people, figures: this.figures, dates: this.dates, terms: this.terms };
  }
}

interface SentenceValues {
  figures: Figure[];
  dates: DateMention[];
}

// Figures and dates read again, most recently used last. The cache grows during a check (a figure read
// twice in one check is one object) and is cut back to its bound before the next (trimHeldValues).
const VALUES_KEPT = 20000;
const values = new Map<HeldSentenceFacts, SentenceValues>();

function valuesOf(sf: HeldSentenceFacts): SentenceValues {
  let v = values.get(sf);
  if (v !== undefined) {
    values.delete(sf);
  } else v = sf.readValues();
  values.set(sf, v);
  return v;
}

/** Forgets the least recently read figures and dates beyond the bound (between checks). */
export function trimHeldValues(): void {
  if (values.size <= VALUES_KEPT) return;
  let excess = values.size - VALUES_KEPT;
  for (const key of values.keys()) {
    if (excess-- <= 0) break;
    values.delete(key);
  }
}

/** The lower-case words of held sentences not yet indexed (the index takes them and forgets them). */
export const pendingLowerWords = new WeakMap<HeldSentence, string[]>();

/** Counts a text's facts: people with titles, names other than "other", figures and dates. */
export function countFacts(facts: TextFacts): number {
  if ('factCount' in facts && typeof facts.factCount === 'number') return facts.factCount;
  let n = 0;
  for (const s of facts.sentences) n += s.people.length + s.figures.length + s.dates.length + s.entities.filter((e) => e.type !== 'other').length;
  return n;
}

export function isHeld(facts: TextFacts): facts is HeldFacts {
  return facts.sentences.every((s) => s instanceof HeldSentenceFacts);
}

/** A text's facts (read afresh) as the index holds them. */
export function holdFacts(facts: TextFacts): HeldFacts {
  if (isHeld(facts)) return facts;
  const { raw, prose, date } = facts.parsed;
  const sentences: HeldSentence[] = [];
  const held: HeldFacts = { parsed: { raw, prose, date, sentences }, date: facts.date, sentences: [], surnames: facts.surnames, calendarSlips: [], retyped: new Map(), factCount: countFacts(facts) };
  for (const sf of facts.sentences) {
    const s = sf.sentence;
    const sentence = new HeldSentence(s.index, s.start, s.end, s.heading, held.parsed);
    const lower = new Set<string>();
    for (const t of s.tokens) if (!t.cap) lower.add(t.key);
    pendingLowerWords.set(sentence, [...lower]);
    sentences.push(sentence);
    const retyped: Array<[number, EntityType]> = [];
    sf.entities.forEach((e, i) => {
      const before = facts.retyped.get(e);
      if (before !== undefined) retyped.push([i, before]);
    });
    held.sentences.push(new HeldSentenceFacts(sentence, sf.entities, sf.people, indexTermsOf(sf.terms, sf.figures, sf.dates), held, retyped.length ? retyped : undefined));
  }
  return held;
}

/** Reads a seed: extracts its facts (not remembered, as a draft's are) and holds them. */
export function readSeed(raw: string, format: TextFormat): HeldFacts {
  return holdFacts(extractFacts(raw, format, undefined, false));
}
