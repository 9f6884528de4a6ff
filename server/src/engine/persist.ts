// A seed's facts as plain data, to be kept on disk by an adapter and read back instead of extracting
// again. What the index holds is kept (names, titles, the terms a sentence is found by); tokens, figures
// and dates are not: they are read again from the text when a check needs them.
import { HeldSentenceFacts, holdEntity, holdFacts, pendingLowerWords, shared, type HeldFacts } from './held';
import type { TextFacts } from './facts';
import type { Entity, EntityType, TitledPerson } from './people';
import { proseOf, type TextFormat } from './text';

/** Bump when the shape below changes (engine changes are covered by the adapter's engine fingerprint). */
export const FACTS_FORMAT = 2;

interface StoredSentence {
  index: number;
  start: number;
  end: number;
  heading: boolean;
  entities: Entity[];
  people: TitledPerson[];
  /** Content and value terms, each once. */
  terms: string[];
  /** The words the sentence writes in lower case (the index needs them; tokens are not stored). */
  lower?: string[];
  retyped?: Array<[number, EntityType]>;
}

export interface StoredFacts {
  format: number;
  date?: string;
  /** How many facts the seed states (figures and dates included). */
  facts: number;
  sentences: StoredSentence[];
  surnames: Array<[string, Entity]>;
}

/** A text's facts (read afresh or held) as plain data. */
export function storeFacts(facts: TextFacts): StoredFacts {
  const held = holdFacts(facts);
  return {
    format: FACTS_FORMAT,
    date: held.date,
    facts: held.factCount,
    sentences: held.sentences.map((sf) => {
      const s = sf.sentence;
      const stored: StoredSentence = { index: s.index, start: s.start, end: s.end, heading: s.heading, entities: sf.entities, people: sf.people, terms: [...sf.indexTerms], lower: pendingLowerWords.get(s) ?? lowerWords(s) };
      if (sf.retyped) stored.retyped = sf.retyped.map(([i, t]) => [i, t]);
      return stored;
    }),
    surnames: [...held.surnames],
  };
}

function lowerWords(s: HeldSentenceFacts): string[] {
  return [...new Set(s.tokens.filter((t) => !t.cap).map((t) => t.key))];
}

/**
 * The facts of `raw` from their stored form, held. Throws if the data does not have the stored shape.
 * `terms`, if given, gives each sentence's terms (a flat index keeps them apart from the facts).
 */
export function restoreFacts(raw: string, format: TextFormat, data: unknown, terms?: (sentence: number) => string[]): HeldFacts {
  const d = data as StoredFacts;
  if (!d || typeof d !== 'object' || d.format !== FACTS_FORMAT || typeof d.facts !== 'number' || !Array.isArray(d.sentences) || !Array.isArray(d.surnames)) {
    throw new Error('not a stored facts record');
  }
  const { prose, date } = proseOf(raw, format);
  if (date !== d.date) throw new Error('stored facts do not match the text');
  const sentences: HeldSentenceFacts[] = [];
  const facts: HeldFacts = { parsed: { raw, prose, date, sentences }, date: d.date, sentences, surnames: new Map(), calendarSlips: [], retyped: new Map(), factCount: d.facts };
  const hold = (e: Entity): Entity => holdEntity(e, facts);
  for (const [surname, e] of d.surnames) facts.surnames.set(surname, hold(e));
  for (const [i, s] of d.sentences.entries()) {
    if (terms) s.terms = terms(i);
    if (typeof s.start !== 'number' || typeof s.end !== 'number' || s.end > raw.length || !Array.isArray(s.entities) || !Array.isArray(s.people) || !Array.isArray(s.terms) || (!terms && !Array.isArray(s.lower))) throw new Error('stored sentence is malformed');
    // A person who is also one of the sentence's names is one object, as when the seed was read.
    const entities = s.entities.map(hold);
    const same = (p: Entity) => entities.find((e) => e.start === p.start && e.end === p.end && e.key === p.key) ?? hold(p);
    const people = s.people.map((p) => ({ ...p, person: same(p.person) }));
    const sentence = new HeldSentenceFacts(s.index, s.start, s.end, s.heading, facts, shared(entities), shared(people), s.terms, s.retyped);
    if (s.lower) pendingLowerWords.set(sentence, s.lower);
    sentences.push(sentence);
  }
  return facts;
}
