// A seed's extracted facts as plain data, to be kept on disk by an adapter and read back instead of
// extracting again. Tokens are not kept: they are read again from the text when a check needs them.
import type { TextFacts } from './facts';
import type { Entity } from './people';
import { lazyTokens, proseOf, type Sentence, type TextFormat } from './text';

/** The lower-case words of restored sentences, so that indexing them does not read their tokens again. */
export const lowerWordsKnown = new WeakMap<Sentence, string[]>();

/** Bump when the shape below changes (engine changes are covered by the adapter's engine fingerprint). */
export const FACTS_FORMAT = 1;

interface StoredSentence {
  index: number;
  start: number;
  end: number;
  heading: boolean;
  entities: SentenceFactsData['entities'];
  people: SentenceFactsData['people'];
  figures: SentenceFactsData['figures'];
  dates: SentenceFactsData['dates'];
  terms: string[];
  /** The words the sentence writes in lower case (the index needs them; tokens are not stored). */
  lower: string[];
}
type SentenceFactsData = TextFacts['sentences'][number];

export interface StoredFacts {
  format: number;
  date?: string;
  sentences: StoredSentence[];
  surnames: Array<[string, Entity]>;
  calendarSlips: TextFacts['calendarSlips'];
}

export function storeFacts(facts: TextFacts): StoredFacts {
  return {
    format: FACTS_FORMAT,
    date: facts.date,
    sentences: facts.sentences.map((sf) => ({
      index: sf.sentence.index,
      start: sf.sentence.start,
      end: sf.sentence.end,
      heading: sf.sentence.heading,
      entities: sf.entities,
      people: sf.people,
      figures: sf.figures,
      dates: sf.dates,
      terms: sf.terms,
      lower: [...new Set(sf.sentence.tokens.filter((t) => !t.cap).map((t) => t.key))],
    })),
    surnames: [...facts.surnames],
    calendarSlips: facts.calendarSlips,
  };
}

/** The facts of `raw` from their stored form. Throws if the data does not have the stored shape. */
export function restoreFacts(raw: string, format: TextFormat, data: unknown): TextFacts {
  const d = data as StoredFacts;
  if (!d || typeof d !== 'object' || d.format !== FACTS_FORMAT || !Array.isArray(d.sentences) || !Array.isArray(d.surnames) || !Array.isArray(d.calendarSlips)) {
    throw new Error('not a stored facts record');
  }
  const { prose, date } = proseOf(raw, format);
  if (date !== d.date) throw new Error('stored facts do not match the text');
  const sentences: Sentence[] = [];
  const facts: TextFacts = { parsed: { raw, prose, date, sentences }, date: d.date, sentences: [], surnames: new Map(d.surnames), calendarSlips: d.calendarSlips };
  for (const s of d.sentences) {
    if (typeof s.start !== 'number' || typeof s.end !== 'number' || s.end > raw.length || !Array.isArray(s.entities) || !Array.isArray(s.terms) || !Array.isArray(s.lower)) throw new Error('stored sentence is malformed');
    const sentence = { index: s.index, start: s.start, end: s.end, text: raw.slice(s.start, s.end), tokens: [], heading: s.heading } as Sentence;
    lazyTokens(sentence, prose);
    lowerWordsKnown.set(sentence, s.lower);
    sentences.push(sentence);
    facts.sentences.push({ sentence, entities: s.entities, people: s.people, figures: s.figures, dates: s.dates, terms: s.terms });
  }
  return facts;
}
