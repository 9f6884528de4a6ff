// A seed's facts as plain data, to be kept on disk by an adapter and read back instead of extracting
// again. What the index holds is kept (names, titles, the terms a sentence is found by); tokens, figures
// and dates are not: they are read again from the text when a check needs them.
import { HeldEntity, HeldSentenceFacts, holdEntity, holdFacts, pendingLowerWords, shared, type HeldFacts, type HeldSource } from './held';
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
  return storedOf(held, (sf) => ({ terms: [...sf.indexTerms], lower: pendingLowerWords.get(sf) ?? lowerWords(sf) }));
}

/** A held text's facts as stored, each sentence with what `more` gives it. */
function storedOf(held: HeldFacts, more: (sf: HeldSentenceFacts) => Partial<StoredSentence>): StoredFacts {
  return {
    format: FACTS_FORMAT,
    date: held.date,
    facts: held.factCount,
    sentences: held.sentences.map((sf) => {
      const stored = { index: sf.index, start: sf.start, end: sf.end, heading: sf.heading, entities: sf.entities, people: sf.people, ...more(sf) } as StoredSentence;
      if (sf.retyped) stored.retyped = sf.retyped.map(([i, t]) => [i, t]);
      return stored;
    }),
    surnames: [...held.surnames],
  };
}

/** A name in a facts record: a held name as [start, end, key, type, sentence] (its text and words are read back), any other as it is. */
type EntityRecord = [number, number, string, EntityType, number] | Entity;

function entityRecord(e: Entity): EntityRecord {
  return e instanceof HeldEntity ? [e.start, e.end, e.key, e.type, e.sentence] : e;
}

function entityOfRecord(e: EntityRecord, source: HeldSource): Entity {
  return Array.isArray(e) ? new HeldEntity(e[0], e[1], e[2], e[3], e[4], source) : holdEntity(e, source);
}

/**
 * A held text's facts as one short JSON string, without what an index keeps elsewhere (each sentence's
 * terms, in the flat tables) or reads again from the text (lower-case words; a held name's text and
 * words): [format, date, facts, sentences as [index, start, end, heading, names, people, retyped], surnames].
 * restoreRecord reads it back.
 */
export function factsRecord(held: HeldFacts): string {
  return JSON.stringify([
    FACTS_FORMAT,
    held.date ?? null,
    held.factCount,
    held.sentences.map((sf) => [sf.index, sf.start, sf.end, sf.heading ? 1 : 0, sf.entities.map(entityRecord), sf.people.map((p) => ({ ...p, person: entityRecord(p.person) })), sf.retyped ?? 0]),
    [...held.surnames].map(([surname, e]) => [surname, entityRecord(e)]),
  ]);
}

/** The facts of a text from factsRecord's string, each sentence's terms given by `terms`. */
export function restoreRecord(text: { raw: string; prose: string; date?: string }, record: string, terms: (sentence: number) => string[]): HeldFacts {
  const [format, date, facts, sentences, surnames] = JSON.parse(record) as [number, string | null, number, Array<[number, number, number, number, Entity[], TitledPerson[], Array<[number, EntityType]> | 0]>, Array<[string, Entity]>];
  const data: StoredFacts = {
    format,
    date: date ?? undefined,
    facts,
    sentences: sentences.map(([index, start, end, heading, entities, people, retyped]) => ({ index, start, end, heading: heading === 1, entities, people, terms: [], retyped: retyped || undefined })),
    surnames,
  };
  return restoreHeld(text, data, terms, entityOfRecord);
}

function lowerWords(s: HeldSentenceFacts): string[] {
  return [...new Set(s.tokens.filter((t) => !t.cap).map((t) => t.key))];
}

/**
 * The facts of `raw` from their stored form, held. Throws if the data does not have the stored shape.
 * `terms`, if given, gives each sentence's terms (a flat index keeps them apart from the facts).
 */
export function restoreFacts(raw: string, format: TextFormat, data: unknown, terms?: (sentence: number) => string[]): HeldFacts {
  const { prose, date } = proseOf(raw, format);
  return restoreHeld({ raw, prose, date }, data, terms);
}

/** restoreFacts of a text whose prose and date were read already. */
export function restoreHeld(text: { raw: string; prose: string; date?: string }, data: unknown, terms?: (sentence: number) => string[], entityOf: (e: Entity, source: HeldSource) => Entity = holdEntity): HeldFacts {
  const d = data as StoredFacts;
  if (!d || typeof d !== 'object' || d.format !== FACTS_FORMAT || typeof d.facts !== 'number' || !Array.isArray(d.sentences) || !Array.isArray(d.surnames)) {
    throw new Error('not a stored facts record');
  }
  const { raw, prose, date } = text;
  if (date !== d.date) throw new Error('stored facts do not match the text');
  const sentences: HeldSentenceFacts[] = [];
  const facts: HeldFacts = { parsed: { raw, prose, date, sentences }, date: d.date, sentences, surnames: new Map(), calendarSlips: [], retyped: new Map(), factCount: d.facts };
  const hold = (e: Entity): Entity => entityOf(e, facts);
  for (const [surname, e] of d.surnames) facts.surnames.set(surname, hold(e));
  for (const [i, s] of d.sentences.entries()) {
    if (terms) s.terms = terms(i);
    if (typeof s.start !== 'number' || typeof s.end !== 'number' || s.end > raw.length || !Array.isArray(s.entities) || !Array.isArray(s.people) || !Array.isArray(s.terms) || (!terms && !Array.isArray(s.lower))) throw new Error('stored sentence is malformed');
    // A person who is also one of the sentence's names is one object, as when the seed was read.
    const entities = s.entities.map(hold);
    const same = (p: Entity) => {
      const h = hold(p);
      return entities.find((e) => e.start === h.start && e.end === h.end && e.key === h.key) ?? h;
    };
    const people = s.people.map((p) => ({ ...p, person: same(p.person) }));
    const sentence = new HeldSentenceFacts(s.index, s.start, s.end, s.heading, facts, shared(entities), shared(people), s.terms, s.retyped);
    if (s.lower) pendingLowerWords.set(sentence, s.lower);
    sentences.push(sentence);
  }
  return facts;
}
