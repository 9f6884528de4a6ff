// The seed index: every seed's facts, and look-ups that cost in proportion to the draft, not the archive.
import { extractFacts, type SentenceFacts, type TextFacts } from './facts';
import type { Title } from './people';
import { formatOf, type TextFormat } from './text';
import { COMMON_STEMS } from './commonWords';
import type { Evidence } from './types';

/** Generic English words say little about which statement a claim is: they weigh less in alignment. */
const GENERIC_WEIGHT = new Map<string, number>();
COMMON_STEMS.split(' ').forEach((s, rank) => {
  GENERIC_WEIGHT.set(s, rank < 500 ? 0.3 : rank < 2000 ? 0.5 : rank < 5000 ? 0.7 : 0.85);
});

/** Is this word stem among the most frequent English words (the first `top` of them)? */
const COMMON_RANK = new Map<string, number>();
COMMON_STEMS.split(' ').forEach((s, rank) => COMMON_RANK.set(s, rank));
export function isCommonEnglish(stemmed: string, top = 3000): boolean {
  return (COMMON_RANK.get(stemmed) ?? Infinity) < top;
}

export interface SeedDoc {
  path: string;
  date?: string;
  facts: TextFacts;
  sentences: SeedSentence[];
}

export interface SeedSentence {
  seed: SeedDoc;
  facts: SentenceFacts;
  terms: Set<string>;
}

export interface PersonRecord {
  key: string;
  /** The fullest spelling the seeds use. */
  name: string;
  tokens: string[];
  titles: Array<{ title: Title; at: SeedSentence }>;
  mentions: SeedSentence[];
}

export interface SeedSummary {
  path: string;
  facts: number;
  sentences: number;
  date?: string;
}

/** Terms for the values a sentence states, so that a claim finds the seed sentences with its value. */
export function valueTerms(sf: SentenceFacts): string[] {
  return [...sf.figures.map((f) => figureTerm(f.value)), ...sf.dates.map((d) => dateTerm(d.iso))];
}

export const figureTerm = (value: number): string => `=${value}`;
export const dateTerm = (iso: string): string => `=${iso}`;

export function evidenceOf(s: SeedSentence): Evidence {
  const sent = s.facts.sentence;
  return { seed: s.seed.path, range: { start: sent.start, end: sent.end }, quote: sent.text.replace(/\s+/g, ' '), date: s.seed.date };
}

export function countFacts(facts: TextFacts): number {
  let n = 0;
  for (const s of facts.sentences) n += s.people.length + s.figures.length + s.dates.length + s.entities.filter((e) => e.type !== 'other').length;
  return n;
}

export class SeedIndex {
  private readonly docs = new Map<string, SeedDoc>();
  private postings = new Map<string, SeedSentence[]>();
  private persons = new Map<string, PersonRecord>();
  private surnames = new Map<string, Set<string>>();
  private entityKeys = new Map<string, { count: number; first: SeedSentence; docs: Set<SeedDoc> }>();
  private namesByLength = new Map<number, string[]>();
  private lowerWords = new Set<string>();
  private entityTokens = new Map<string, Set<SeedDoc>>();
  private sentenceCount = 0;
  private factCount = 0;
  private dirty = false;

  /** Indexes (or re-indexes) one seed. */
  addSeed(path: string, text: string, format?: TextFormat): SeedSummary {
    if (this.docs.has(path)) this.removeSeed(path);
    const facts = extractFacts(text, format ?? formatOf(path));
    const doc: SeedDoc = { path, date: facts.date, facts, sentences: [] };
    for (const sf of facts.sentences) doc.sentences.push({ seed: doc, facts: sf, terms: new Set([...sf.terms, ...valueTerms(sf)]) });
    this.docs.set(path, doc);
    if (!this.dirty) this.indexDoc(doc);
    return { path, facts: countFacts(facts), sentences: doc.sentences.length, date: doc.date };
  }

  removeSeed(path: string): boolean {
    if (!this.docs.delete(path)) return false;
    this.dirty = true;
    return true;
  }

  has(path: string): boolean {
    return this.docs.has(path);
  }

  get seeds(): IterableIterator<SeedDoc> {
    return this.docs.values();
  }

  get stats(): { files: number; facts: number; sentences: number } {
    this.refresh();
    return { files: this.docs.size, facts: this.factCount, sentences: this.sentenceCount };
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.postings = new Map();
    this.persons = new Map();
    this.surnames = new Map();
    this.entityKeys = new Map();
    this.namesByLength = new Map();
    this.lowerWords = new Set();
    this.entityTokens = new Map();
    this.sentenceCount = 0;
    this.factCount = 0;
    for (const doc of this.docs.values()) this.indexDoc(doc);
  }

  private indexDoc(doc: SeedDoc): void {
    this.factCount += countFacts(doc.facts);
    for (const s of doc.sentences) {
      this.sentenceCount++;
      for (const term of s.terms) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(s);
      }
      for (const t of s.facts.sentence.tokens) if (!t.cap) this.lowerWords.add(t.key);
      for (const e of s.facts.entities) {
        const known = this.entityKeys.get(e.key);
        if (known) {
          known.count++;
          known.docs.add(doc);
        } else {
          this.entityKeys.set(e.key, { count: 1, first: s, docs: new Set([doc]) });
          let bucket = this.namesByLength.get(e.key.length);
          if (!bucket) this.namesByLength.set(e.key.length, (bucket = []));
          bucket.push(e.key);
        }
        for (const t of e.tokens) {
          let docs = this.entityTokens.get(t);
          if (!docs) this.entityTokens.set(t, (docs = new Set()));
          docs.add(doc);
        }
        if (e.type === 'person') this.notePerson(e.key, e.text, e.tokens, s);
      }
      for (const p of s.facts.people) {
        const rec = this.notePerson(p.person.key, p.person.text, p.person.tokens, s);
        rec.titles.push({ title: p.title, at: s });
      }
    }
    // Surname-only mentions of a person named in full in the same seed.
    for (const [surname, full] of doc.facts.surnames) {
      const rec = this.persons.get(full.key);
      if (!rec) continue;
      for (const s of doc.sentences) {
        for (const e of s.facts.entities) if (e.tokens.length === 1 && e.tokens[0] === surname && !rec.mentions.includes(s)) rec.mentions.push(s);
      }
    }
  }

  private notePerson(key: string, text: string, tokens: string[], at: SeedSentence): PersonRecord {
    // A surname alone that the seed has in full is that person.
    if (tokens.length === 1) {
      const full = at.seed.facts.surnames.get(tokens[0]);
      if (full && full.key !== key) return this.notePerson(full.key, full.text, full.tokens, at);
    }
    let rec = this.persons.get(key);
    if (!rec) {
      rec = { key, name: text.replace(/^(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady)\.?\s+/, ''), tokens, titles: [], mentions: [] };
      this.persons.set(key, rec);
      const last = tokens[tokens.length - 1];
      let set = this.surnames.get(last);
      if (!set) this.surnames.set(last, (set = new Set()));
      set.add(key);
    }
    if (!rec.mentions.includes(at)) rec.mentions.push(at);
    return rec;
  }

  /** Inverse document frequency of a term over seed sentences. */
  idf(term: string): number {
    this.refresh();
    const df = this.postings.get(term)?.length ?? 0;
    return Math.log(1 + (this.sentenceCount + 1) / (df + 0.5)) * (GENERIC_WEIGHT.get(term) ?? 1);
  }

  /** Seed sentences sharing terms with the given ones, best first, scored by the draft's coverage. */
  retrieve(terms: string[], limit = 8): Array<{ sentence: SeedSentence; score: number }> {
    this.refresh();
    const unique = [...new Set(terms)];
    let total = 0;
    const scores = new Map<SeedSentence, number>();
    for (const t of unique) {
      const w = this.idf(t);
      total += w;
      const list = this.postings.get(t);
      if (!list || list.length > 5000) continue; // a term in thousands of sentences says nothing
      for (const s of list) scores.set(s, (scores.get(s) ?? 0) + w);
    }
    if (total === 0) return [];
    // Few words make a weak alignment: one shared word is not the same statement.
    const confidence = (n: number) => Math.min(1, 0.4 + 0.2 * n);
    const forward = confidence(unique.length) / total;
    const ranked = [...scores.entries()].map(([sentence, shared]) => ({ sentence, shared, score: shared * forward }));
    ranked.sort((a, b) => b.score - a.score);
    // A short seed sentence wholly restated inside a longer draft sentence aligns too: score the seed
    // sentence's own coverage for the best few.
    const head = ranked.slice(0, Math.max(limit * 4, 32));
    for (const r of head) {
      let own = 0;
      for (const t of r.sentence.terms) if (!t.startsWith('=')) own += this.idf(t);
      if (own > 0) r.score = Math.max(r.score, 0.85 * confidence(r.sentence.terms.size) * Math.min(1, r.shared / own));
    }
    return head
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ sentence, score }) => ({ sentence, score }));
  }

  /** Seed sentences that contain a term (for example a value term from figureTerm). */
  withTerm(term: string): readonly SeedSentence[] {
    this.refresh();
    return this.postings.get(term) ?? [];
  }

  person(key: string): PersonRecord | undefined {
    this.refresh();
    return this.persons.get(key);
  }

  /** People whose surname is this one. */
  bySurname(surname: string): PersonRecord[] {
    this.refresh();
    return [...(this.surnames.get(surname) ?? [])].map((k) => this.persons.get(k)!).filter(Boolean);
  }

  allPersons(): IterableIterator<PersonRecord> {
    this.refresh();
    return this.persons.values();
  }

  /** Does a seed write this name (an entity key)? Only seeds that `within` accepts count, if given. */
  knowsEntity(key: string, within?: (doc: SeedDoc) => boolean): boolean {
    this.refresh();
    const docs = this.entityKeys.get(key)?.docs;
    return !!docs && (!within || [...docs].some(within));
  }

  /** Does a seed's name contain this word? Only seeds that `within` accepts count, if given. */
  knowsNameToken(token: string, within?: (doc: SeedDoc) => boolean): boolean {
    this.refresh();
    const docs = this.entityTokens.get(token);
    return !!docs && (!within || [...docs].some(within));
  }

  /** Does any seed sentence contain this term at all? */
  knowsTerm(term: string): boolean {
    this.refresh();
    return this.postings.has(term);
  }

  /** Names (entity keys) of the given length in characters. */
  entityNamesOfLength(length: number): readonly string[] {
    this.refresh();
    return this.namesByLength.get(length) ?? [];
  }

  /** The first seed sentence that writes this name. */
  entitySentence(key: string): SeedSentence | undefined {
    this.refresh();
    return this.entityKeys.get(key)?.first;
  }

  /** Does any seed write this word in lower case (so it is a common word, not a name)? */
  knowsLowerWord(key: string): boolean {
    this.refresh();
    return this.lowerWords.has(key);
  }
}
