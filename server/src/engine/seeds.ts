// The seed index: every seed's facts, and look-ups that cost in proportion to the draft, not the archive.
import { type SentenceFacts, type TextFacts } from './facts';
import { countFacts, dateTerm, figureTerm, holdFacts, pendingLowerWords, readSeed, type HeldFacts, type HeldSentenceFacts } from './held';
import type { Title } from './people';
import { detached, forgetWordForms, formatOf, type TextFormat } from './text';
import { COMMON_STEMS } from './commonWords';
import type { Evidence } from './types';
import { FlatIndex, Lists, RESTORED_KEPT, StringTable, type DocLoader, type FlatPerson, type FlatTables } from './flat';
import { Layered, memoized, type StoredOf } from './layered';
import { FlatBuilder, HONORIFIC_PREFIX, lowerWordsOf, nameShape } from './builder';
import { storeFacts } from './persist';

export { countFacts, dateTerm, figureTerm };

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
  facts: HeldFacts;
  sentences: SeedSentence[];
}

export interface SeedSentence {
  seed: SeedDoc;
  /** Names and titles held; figures and dates read again from the seed's text when asked. */
  facts: HeldSentenceFacts;
  /** Distinct alignment and value terms (an array: a Set per sentence costs more than its contents). */
  terms: readonly string[];
  /** A number unique to this sentence in its index (for scoring arrays). */
  readonly id: number;
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


const quotes = new WeakMap<SeedSentence, string>();

export function evidenceOf(s: SeedSentence): Evidence {
  const sent = s.facts.sentence;
  let quote = quotes.get(s);
  if (quote === undefined) quotes.set(s, (quote = detached(sent.text.replace(/\s+/g, ' '))));
  return { seed: s.seed.path, range: { start: sent.start, end: sent.end }, quote, date: s.seed.date };
}



function list(map: Map<string, Set<SeedDoc>>, key: string, doc: SeedDoc): void {
  let docs = map.get(key);
  if (!docs) map.set(key, (docs = new Set()));
  docs.add(doc);
}

function unlist(map: Map<string, Set<SeedDoc>>, key: string, doc: SeedDoc): void {
  const docs = map.get(key);
  if (!docs) return;
  docs.delete(doc);
  if (docs.size === 0) map.delete(key);
}

/** Is this sentence among the mentions? Mentions are added seed by seed, so the seed being indexed has its own at the end. */
function mentionedIn(mentions: SeedSentence[], s: SeedSentence): boolean {
  for (let i = mentions.length - 1; i >= 0 && mentions[i].seed === s.seed; i--) if (mentions[i] === s) return true;
  return false;
}

/** Do the two sets of seeds meet (the second, if given; else is the first non-empty)? Walks the smaller. */
function meets(docs: ReadonlySet<SeedDoc> | undefined, within: ReadonlySet<SeedDoc> | undefined): boolean {
  if (!docs) return false;
  if (!within) return true;
  const [small, large] = docs.size <= within.size ? [docs, within] : [within, docs];
  for (const d of small) if (large.has(d)) return true;
  return false;
}

/** Few words make a weak alignment: one shared word is not the same statement. */
function confidence(n: number): number {
  return Math.min(1, 0.4 + 0.2 * n);
}

/** A short seed sentence wholly restated inside a longer draft sentence aligns too: its own coverage counts. */
function withOwnCoverage(score: number, shared: number, own: number, termCount: number): number {
  return own > 0 ? Math.max(score, 0.85 * confidence(termCount) * Math.min(1, shared / own)) : score;
}

export interface SeedIndexOptions {
  /**
   * Compact (the default): seeds indexed before the first look-up are built straight into flat tables
   * (engine/builder.ts), each seed's facts kept as a string and restored when a check needs them, so
   * that a cold build holds what an index opened from its file holds; seeds indexed after it go into
   * an overlay (engine/layered.ts). Otherwise every seed's objects are held (the overlay's own index).
   */
  compact?: boolean;
  /**
   * Compact indexes keep each seed's text and facts record deflated (the default), or, false, as strings:
   * a one-shot check (the CLI without a cache) spends a quarter of a second less on 2,225 seeds, for about
   * twice the memory those strings take.
   */
  compressTexts?: boolean;
  /**
   * How many seeds whose facts were read from flat tables keep them from one check to the next (512): the
   * seeds the most recent checks spoke of. The others let them go, and read them again if a check needs them.
   * Infinity keeps them all (a one-shot run: the CLI without a cache); a negative number or NaN is taken as 512.
   */
  keptFacts?: number;
}

export class SeedIndex {
  /** Seeds indexed into flat tables, until the first look-up (compact indexes). */
  private builder?: FlatBuilder;
  /** Opened from a file (fromFlat): a seed indexed again keeps its place, as a load from the files has it. */
  private opened = false;
  private readonly compact: boolean;
  private readonly compressTexts: boolean;
  private readonly keptFacts: number;
  /** An index read from flat tables (fromFlat, or a compact build): it answers until the index changes. */
  private flat?: FlatIndex;
  /** Then, the tables with the seeds removed since masked and the seeds added since in an overlay. */
  private layered?: Layered;
  /** What a seed of the tables held, without its text (to take it back when it is removed). */
  private storedOf?: StoredOf;
  private readonly docs = new Map<string, SeedDoc>();
  /** Sentences by number (retrieval scores numbers). */
  private readonly byId: Array<SeedSentence | undefined> = [];
  private readonly postings = new Map<string, SeedSentence[]>();
  /** One string per term (terms read from many seeds, or from JSON, are otherwise many equal strings). */
  private readonly termNames = new Map<string, string>();
  private persons = new Map<string, PersonRecord>();
  private surnames = new Map<string, Set<string>>();
  private entityKeys = new Map<string, number>();
  /** The seeds that write each name, and each word of a name. */
  private readonly entityDocs = new Map<string, Set<SeedDoc>>();
  private readonly entityTokens = new Map<string, Set<SeedDoc>>();
  /** The first seed sentence (in seed order) that writes each name. */
  private firstMentions = new Map<string, SeedSentence>();
  /** Names by their length, in the order seeds first wrote them; and by length, word count and initials. */
  private namesByLength = new Map<number, string[]>();
  private namesByShape = new Map<string, string[]>();
  /** Words the seeds write in lower case, with the number of sentences that do. */
  private readonly lowerWords = new Map<string, number>();
  private sentenceCount = 0;
  private factCount = 0;
  private nextId = 0;
  /** After a removal, the orders and first mentions a freshly built index would have are restored lazily. */
  private reorder = false;
  private scores = new Float64Array(1024);
  /** A retrieval's working arrays, kept for the next: the sentences it touched, and its best few as it runs (seed sentence numbers, weight shared and score). */
  private touched = new Int32Array(0);
  private headIds = new Int32Array(0);
  private headShares = new Float64Array(0);
  private headScores = new Float64Array(0);
  private readonly idfOf = (term: string): number => this.idf(term);
  private retrieved = new Map<string, Array<{ sentence: SeedSentence; score: number }>>();
  /** Bumped at every change of the index: what was remembered before it is stale. */
  private generation = 1;
  private ownWeights = new Float64Array(1024);
  private ownStamp = new Uint32Array(1024);
  private ownTerms = new Uint32Array(1024);
  private readonly idfs = new Map<string, number>();
  /** Postings of the terms retrieval was asked for, as sentence numbers (see postingIds). */
  private readonly ids = new Map<string, Int32Array>();
  private idsGeneration = 0;
  private idfGeneration = 0;
  private readonly memos = new Map<string, Map<string, unknown>>();
  private memoGeneration = 0;

  constructor(options: SeedIndexOptions = {}) {
    this.compact = options.compact !== false;
    this.compressTexts = options.compressTexts !== false;
    const kept = options.keptFacts;
    this.keptFacts = kept !== undefined && kept >= 0 ? Math.floor(kept) : RESTORED_KEPT;
    if (this.compact) this.builder = new FlatBuilder(this.compressTexts);
  }

  /** Indexes (or re-indexes) one seed. */
  addSeed(path: string, text: string, format?: TextFormat): SeedSummary {
    return this.addExtracted(path, readSeed(text, format ?? formatOf(path)));
  }

  /**
   * Indexes (or re-indexes) one seed whose facts were extracted already (e.g. read from a persisted index).
   * In an index opened from flat tables, a seed indexed again keeps its place; a new one goes last, or
   * at `rank` (its place among the tables' seeds: n + a fraction for a seed listed after the table's nth).
   */
  addExtracted(path: string, extracted: TextFacts, rank?: number): SeedSummary {
    const builder = this.builder;
    if (builder && !builder.has(path)) {
      const facts = holdFacts(extracted);
      builder.add(path, facts);
      for (const sf of facts.sentences) pendingLowerWords.delete(sf);
      this.generation++;
      return { path, facts: countFacts(facts), sentences: facts.sentences.length, date: facts.date };
    }
    const layered = this.layer();
    if (layered) {
      const facts = holdFacts(extracted);
      const was = layered.remove(path);
      // Built in memory, a seed indexed again goes last (as it always has); opened, it keeps its place.
      layered.add(path, facts, rank ?? (this.opened ? was : undefined));
      this.generation++;
      this.retrieved.clear();
      return { path, facts: countFacts(facts), sentences: facts.sentences.length, date: facts.date };
    }
    if (this.docs.has(path)) this.removeSeed(path);
    const facts = holdFacts(extracted);
    const doc: SeedDoc = { path, date: facts.date, facts, sentences: [] };
    for (const sf of facts.sentences) {
      const terms = sf.indexTerms as string[];
      for (let i = 0; i < terms.length; i++) terms[i] = this.termName(terms[i]);
      const s = { seed: doc, facts: sf, terms, id: this.nextId++ };
      doc.sentences.push(s);
      this.byId[s.id] = s;
    }
    this.docs.set(path, doc);
    this.indexDoc(doc);
    for (const sf of facts.sentences) pendingLowerWords.delete(sf.sentence);
    this.generation++;
    this.retrieved.clear();
    return { path, facts: countFacts(facts), sentences: doc.sentences.length, date: doc.date };
  }

  private termName(term: string): string {
    const known = this.termNames.get(term);
    if (known !== undefined) return known;
    this.termNames.set(term, term);
    return term;
  }

  /**
   * Ends a compact build: its tables are made now rather than at the first look-up (a loader calls this
   * once its seeds are in, so that the first check does not wait for it). Seeds indexed later go into
   * the overlay.
   */
  finishLoading(): void {
    this.freeze();
  }

  /** A compact build's tables, made at its first look-up or change of a seed it has. */
  private freeze(): void {
    const builder = this.builder;
    if (!builder) return;
    this.builder = undefined;
    const { tables, load } = builder.freeze();
    forgetWordForms();
    this.flat = new FlatIndex(tables, load);
    this.nextId = tables.sentences;
  }

  /** The layers of an index opened from flat tables (made at its first change), else undefined. */
  private layer(): Layered | undefined {
    this.freeze();
    if (this.layered) return this.layered;
    const flat = this.flat;
    if (!flat) return undefined;
    this.flat = undefined;
    const stored = this.storedOf;
    // What a removed seed held: from its stored facts, or (if they cannot be read) from its facts.
    const storedOf = (n: number) => {
      if (stored)
        try {
          return stored(n);
        } catch {
          // read from the seed below
        }
      return storeFacts(flat.doc(n).facts);
    };
    this.layered = new Layered(flat, storedOf, () => new SeedIndex({ compact: false }));
    return this.layered;
  }

  removeSeed(path: string): boolean {
    if (this.builder && !this.builder.has(path)) return false;
    this.freeze();
    if (this.flat && this.flat.docNumber(path) < 0) return false;
    const layered = this.layer();
    if (layered) {
      if (layered.remove(path) === undefined) return false;
      this.generation++;
      this.retrieved.clear();
      return true;
    }
    const doc = this.docs.get(path);
    if (!doc) return false;
    this.docs.delete(path);
    for (const s of doc.sentences) this.byId[s.id] = undefined;
    this.retrieved.clear();
    this.generation++;
    this.factCount -= countFacts(doc.facts);
    this.sentenceCount -= doc.sentences.length;
    const seen = new Set<string>();
    for (const s of doc.sentences) {
      for (const term of s.terms) {
        if (seen.has(term)) continue;
        seen.add(term);
        const list = this.postings.get(term);
        if (!list) continue;
        let k = 0;
        for (let i = 0; i < list.length; i++) if (list[i].seed !== doc) list[k++] = list[i];
        list.length = k;
        if (k === 0) {
          this.postings.delete(term);
          this.termNames.delete(term);
        }
      }
    }
    const people = new Set<string>();
    for (const s of doc.sentences) {
      for (const w of lowerWordsOf(s.facts)) {
        const n = (this.lowerWords.get(w) ?? 0) - 1;
        if (n > 0) this.lowerWords.set(w, n);
        else this.lowerWords.delete(w);
      }
      for (const e of s.facts.entities) {
        const n = (this.entityKeys.get(e.key) ?? 0) - 1;
        if (n > 0) this.entityKeys.set(e.key, n);
        else {
          this.entityKeys.delete(e.key);
          for (const bucket of [this.namesByLength.get(e.key.length), this.namesByShape.get(nameShape(e.key))]) {
            const at = bucket?.indexOf(e.key) ?? -1;
            if (bucket && at >= 0) bucket.splice(at, 1);
          }
        }
        unlist(this.entityDocs, e.key, doc);
        for (const t of e.tokens) unlist(this.entityTokens, t, doc);
        if (e.type === 'person') people.add(this.personKey(e.key, e.tokens, s));
      }
      for (const p of s.facts.people) people.add(this.personKey(p.person.key, p.person.tokens, s));
    }
    for (const key of people) {
      const rec = this.persons.get(key);
      if (!rec) continue;
      rec.titles = rec.titles.filter((t) => t.at.seed !== doc);
      rec.mentions = rec.mentions.filter((m) => m.seed !== doc);
      if (rec.mentions.length > 0) continue;
      this.persons.delete(key);
      const last = rec.tokens[rec.tokens.length - 1];
      const set = this.surnames.get(last);
      set?.delete(key);
      if (set && set.size === 0) this.surnames.delete(last);
    }
    this.reorder = true;
    return true;
  }

  /** The seed indexed from this path, if any. */
  seed(path: string): SeedDoc | undefined {
    this.freeze();
    if (this.layered) return this.layered.seed(path);
    if (this.flat) {
      const n = this.flat.docNumber(path);
      return n < 0 ? undefined : this.flat.doc(n);
    }
    return this.docs.get(path);
  }

  has(path: string): boolean {
    if (this.builder) return this.builder.has(path);
    if (this.layered) return this.layered.has(path);
    return this.flat ? this.flat.docNumber(path) >= 0 : this.docs.has(path);
  }

  get seeds(): IterableIterator<SeedDoc> {
    this.freeze();
    if (this.layered) return this.layered.seeds();
    return this.flat ? this.flat.docs() : this.docs.values();
  }

  get stats(): { files: number; facts: number; sentences: number } {
    if (this.builder) return this.builder.stats;
    if (this.layered) return this.layered.stats;
    if (this.flat) return { files: this.flat.docCount, facts: this.flat.tables.facts, sentences: this.flat.tables.sentences };
    return { files: this.docs.size, facts: this.factCount, sentences: this.sentenceCount };
  }

  /**
   * An index answering from flat tables (as toFlat wrote them), without building its seeds: a seed's
   * facts are read by `load` when a check first needs them. Removing a seed masks it in the tables
   * (`stored` gives what it held, without its text; by default its facts are read); seeds added are
   * indexed in an overlay (engine/layered.ts).
   */
  static fromFlat(tables: FlatTables, load: DocLoader, stored?: StoredOf): SeedIndex {
    const index = new SeedIndex();
    index.builder = undefined;
    index.opened = true;
    index.flat = new FlatIndex(tables, load);
    index.storedOf = stored;
    index.nextId = tables.sentences;
    return index;
  }

  /** Builds a layered index in memory in full: the same seeds in the same order. */
  private thaw(): void {
    const layered = this.layered;
    if (!layered) return;
    const docs = [...layered.seeds()];
    for (const doc of docs) void doc.facts; // read (and checked) before the index changes
    this.layered = undefined;
    this.nextId = layered.capacity;
    this.opened = false;
    if (this.compact) this.builder = new FlatBuilder(this.compressTexts);
    for (const doc of docs) this.addExtracted(doc.path, doc.facts);
    this.freeze();
  }

  /** The index as flat tables (fromFlat reads them): seeds and sentences numbered afresh, in order. */
  toFlat(): FlatTables {
    this.freeze();
    if (this.flat) return this.flat.tables;
    this.thaw();
    const thawed = this.flat as FlatIndex | undefined; // a compact index is frozen again
    if (thawed) return thawed.tables;
    this.refresh();
    const docs = [...this.docs.values()];
    const docNumber = new Map<SeedDoc, number>();
    const sentenceNumber = new Map<SeedSentence, number>();
    const docFirst = new Uint32Array(docs.length + 1);
    docs.forEach((d, i) => {
      docNumber.set(d, i);
      for (const s of d.sentences) sentenceNumber.set(s, sentenceNumber.size);
      docFirst[i + 1] = sentenceNumber.size;
    });
    const num = (s: SeedSentence) => sentenceNumber.get(s)!;
    const docList = (set: Set<SeedDoc>) => Uint32Array.from([...set].map((d) => docNumber.get(d)!)).sort();
    const terms = [...this.postings.keys()];
    const termNumber = new Map(terms.map((t, i) => [t, i]));
    const names = [...this.entityKeys.keys()];
    const nameNumber = new Map(names.map((n, i) => [n, i]));
    const nameLists = (buckets: Iterable<string[]>) => Lists.build([...buckets].map((b) => b.map((n) => nameNumber.get(n)!)));
    const persons = [...this.persons.values()];
    const personNumber = new Map(persons.map((p, i) => [p.key, i]));
    const sentences: SeedSentence[] = docs.flatMap((d) => d.sentences);
    return {
      sentences: sentences.length,
      facts: this.factCount,
      docPaths: StringTable.build(docs.map((d) => d.path)),
      docDates: StringTable.build(docs.map((d) => d.date ?? ''), false),
      docFacts: Uint32Array.from(docs.map((d) => countFacts(d.facts))),
      docFirst,
      terms: StringTable.build(terms),
      postings: Lists.build(terms.map((t) => this.postings.get(t)!.map(num))),
      sentenceTerms: Lists.build(sentences.map((s) => s.terms.map((t) => termNumber.get(t)!))),
      names: StringTable.build(names),
      nameFirst: Uint32Array.from(names.map((n) => num(this.firstMentions.get(n)!))),
      nameDocs: Lists.build(names.map((n) => docList(this.entityDocs.get(n)!))),
      nameTokens: StringTable.build([...this.entityTokens.keys()]),
      tokenDocs: Lists.build([...this.entityTokens.values()].map(docList)),
      lengthKeys: Uint32Array.from(this.namesByLength.keys()),
      lengthNames: nameLists(this.namesByLength.values()),
      shapes: StringTable.build([...this.namesByShape.keys()]),
      shapeNames: nameLists(this.namesByShape.values()),
      lowerWords: StringTable.build([...this.lowerWords.keys()]),
      lowerCounts: Uint32Array.from(this.lowerWords.values()),
      persons: StringTable.build(persons.map((p) => p.key)),
      personData: StringTable.build(
        persons.map((p) => JSON.stringify([p.name, p.tokens, p.titles.map((t) => [num(t.at), t.title]), p.mentions.map(num)] satisfies FlatPerson)),
        false,
      ),
      surnames: StringTable.build([...this.surnames.keys()]),
      surnamePersons: Lists.build([...this.surnames.values()].map((keys) => [...keys].map((k) => personNumber.get(k)!))),
    };
  }

  /** Restores, after removals, the orders (of people, names) and first mentions of an index built afresh. */
  private refresh(): void {
    if (!this.reorder) return;
    this.reorder = false;
    const persons = new Map<string, PersonRecord>();
    const surnames = new Map<string, Set<string>>();
    const entityKeys = new Map<string, number>();
    const firstMentions = new Map<string, SeedSentence>();
    const namesByLength = new Map<number, string[]>();
    const namesByShape = new Map<string, string[]>();
    const note = (key: string, text: string, tokens: string[], at: SeedSentence) => {
      const k = this.personKey(key, tokens, at);
      if (persons.has(k)) return;
      const rec = this.persons.get(k);
      if (!rec) return;
      // The record is named as its first mention in seed order writes it.
      const full = k !== key ? at.seed.facts.surnames.get(tokens[0]) : undefined;
      rec.name = (full ? full.text : text).replace(HONORIFIC_PREFIX, '');
      persons.set(k, rec);
      const last = rec.tokens[rec.tokens.length - 1];
      let set = surnames.get(last);
      if (!set) surnames.set(last, (set = new Set()));
      set.add(k);
    };
    for (const doc of this.docs.values()) {
      for (const s of doc.sentences) {
        for (const e of s.facts.entities) {
          if (!entityKeys.has(e.key)) {
            entityKeys.set(e.key, this.entityKeys.get(e.key)!);
            firstMentions.set(e.key, s);
            let bucket = namesByLength.get(e.key.length);
            if (!bucket) namesByLength.set(e.key.length, (bucket = []));
            bucket.push(e.key);
            const shape = nameShape(e.key);
            let similar = namesByShape.get(shape);
            if (!similar) namesByShape.set(shape, (similar = []));
            similar.push(e.key);
          }
          if (e.type === 'person') note(e.key, e.text, e.tokens, s);
        }
        for (const p of s.facts.people) note(p.person.key, p.person.text, p.person.tokens, s);
      }
    }
    this.persons = persons;
    this.surnames = surnames;
    this.entityKeys = entityKeys;
    this.firstMentions = firstMentions;
    this.namesByLength = namesByLength;
    this.namesByShape = namesByShape;
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
      for (const w of lowerWordsOf(s.facts)) this.lowerWords.set(w, (this.lowerWords.get(w) ?? 0) + 1);
      for (const e of s.facts.entities) {
        const n = this.entityKeys.get(e.key);
        this.entityKeys.set(e.key, (n ?? 0) + 1);
        if (n === undefined) {
          let bucket = this.namesByLength.get(e.key.length);
          if (!bucket) this.namesByLength.set(e.key.length, (bucket = []));
          bucket.push(e.key);
          const shape = nameShape(e.key);
          let similar = this.namesByShape.get(shape);
          if (!similar) this.namesByShape.set(shape, (similar = []));
          similar.push(e.key);
        }
        if (!this.firstMentions.has(e.key)) this.firstMentions.set(e.key, s);
        list(this.entityDocs, e.key, doc);
        for (const t of e.tokens) list(this.entityTokens, t, doc);
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
        for (const e of s.facts.entities) if (e.tokens.length === 1 && e.tokens[0] === surname && !mentionedIn(rec.mentions, s)) rec.mentions.push(s);
      }
    }
  }

  /** The person a mention stands for: a surname alone that the seed has in full is that person. */
  private personKey(key: string, tokens: string[], at: SeedSentence): string {
    if (tokens.length === 1) {
      const full = at.seed.facts.surnames.get(tokens[0]);
      if (full && full.key !== key) return full.key;
    }
    return key;
  }

  private notePerson(key: string, text: string, tokens: string[], at: SeedSentence): PersonRecord {
    // A surname alone that the seed has in full is that person.
    if (tokens.length === 1) {
      const full = at.seed.facts.surnames.get(tokens[0]);
      if (full && full.key !== key) return this.notePerson(full.key, full.text, full.tokens, at);
    }
    let rec = this.persons.get(key);
    if (!rec) {
      rec = { key, name: text.replace(HONORIFIC_PREFIX, ''), tokens, titles: [], mentions: [] };
      this.persons.set(key, rec);
      const last = tokens[tokens.length - 1];
      let set = this.surnames.get(last);
      if (!set) this.surnames.set(last, (set = new Set()));
      set.add(key);
    }
    if (!mentionedIn(rec.mentions, at)) rec.mentions.push(at);
    return rec;
  }

  /** Inverse document frequency of a term over seed sentences. */
  idf(term: string): number {
    this.freeze();
    if (this.idfGeneration !== this.generation) {
      this.idfs.clear();
      this.idfGeneration = this.generation;
    }
    let w = this.idfs.get(term);
    if (w === undefined) {
      const layered = this.layered;
      const df = this.postingCount(term);
      const sentences = layered ? layered.stats.sentences : this.flat ? this.flat.tables.sentences : this.sentenceCount;
      w = Math.log(1 + (sentences + 1) / (df + 0.5)) * (GENERIC_WEIGHT.get(term) ?? 1);
      this.idfs.set(term, w);
    }
    return w;
  }

  /** Called as a check begins: seeds read from flat tables that no recent check spoke of let their facts go. */
  betweenChecks(): void {
    (this.flat ?? this.layered?.flat)?.betweenChecks(this.keptFacts);
  }

  /** How many seeds read from flat tables hold their facts now (an index of objects holds all its seeds' facts). */
  get seedsHoldingFacts(): number {
    const flat = this.flat ?? this.layered?.flat;
    return flat ? flat.restored.length : this.stats.files;
  }

  /**
   * A value computed from the index alone (a near spelling of a name, say), remembered until the index
   * changes: a draft re-checked keystroke by keystroke asks the same questions again.
   */
  remember<T>(kind: string, key: string, compute: () => T): T {
    if (this.memoGeneration !== this.generation) {
      this.memos.clear();
      this.memoGeneration = this.generation;
    }
    return memoized(this.memos, kind, key, compute);
  }

  /** Seed sentences sharing terms with the given ones, best first, scored by the draft's coverage. */
  retrieve(terms: string[], limit = 8): Array<{ sentence: SeedSentence; score: number }> {
    this.freeze();
    const unique = [...new Set(terms)];
    const cacheKey = `${limit}\u0001${unique.join('\u0001')}`;
    const cached = this.retrieved.get(cacheKey);
    if (cached) return cached.slice();
    const layered = this.layered;
    const capacity = layered ? layered.capacity : this.nextId;
    if (this.scores.length < capacity) this.scores = new Float64Array(Math.max(capacity, this.scores.length * 2));
    const scores = this.scores;
    // (The sentences touched, in the order first touched: in an array the index keeps, grown as needed.)
    let touched = this.touched;
    let touchedCount = 0;
    let total = 0;
    const flat = this.flat;
    for (const t of unique) {
      const w = this.idf(t);
      total += w;
      const list: ArrayLike<number> | undefined = layered ? layered.postings(t) : flat ? flat.postings(t) : this.postingIds(t);
      // a term in thousands of sentences says nothing (its list is not even read)
      if (!list || list.length > 5000) continue;
      for (let i = 0; i < list.length; i++) {
        const id = list[i];
        if (scores[id] === 0) {
          if (touchedCount === touched.length) {
            const grown = new Int32Array(Math.max(1024, touched.length * 2));
            grown.set(touched);
            this.touched = touched = grown;
          }
          touched[touchedCount++] = id;
        }
        scores[id] += w;
      }
    }
    if (total === 0) {
      for (let k = 0; k < touchedCount; k++) scores[touched[k]] = 0;
      return [];
    }
    const forward = confidence(unique.length) / total;
    // The best few by the draft's coverage, ties in the order the sentences were first met (as a stable
    // sort keeps them), without sorting them all: each enters before the first that scores less.
    // (In typed arrays the index keeps: a draft sentence touches hundreds of seed sentences, and most enter
    // the head for a while.)
    const size = Math.max(limit * 4, 32);
    if (this.headIds.length < size) {
      this.headIds = new Int32Array(size);
      this.headShares = new Float64Array(size);
      this.headScores = new Float64Array(size);
    }
    const ids = this.headIds;
    const shares = this.headShares;
    const ranks = this.headScores;
    let filled = 0;
    for (let k = 0; k < touchedCount; k++) {
      const id = touched[k];
      const shared = scores[id];
      scores[id] = 0;
      const score = shared * forward;
      if (filled === size && !(score > ranks[size - 1])) continue;
      let lo = 0;
      let hi = filled;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ranks[mid] < score) hi = mid;
        else lo = mid + 1;
      }
      if (filled < size) filled++;
      for (let m = filled - 1; m > lo; m--) {
        ids[m] = ids[m - 1];
        shares[m] = shares[m - 1];
        ranks[m] = ranks[m - 1];
      }
      ids[lo] = id;
      shares[lo] = shared;
      ranks[lo] = score;
    }
    // A short seed sentence wholly restated inside a longer draft sentence aligns too: score the seed
    // sentence's own coverage for the best few.
    for (let i = 0; i < filled; i++) {
      const id = ids[i];
      const own = layered ? layered.ownWeight(id, this.idfOf) : flat ? flat.ownWeight(id, this.idfOf) : this.ownWeight(id);
      const termCount = layered ? layered.termCount(id) : flat ? flat.termCount(id) : this.ownTerms[id];
      ranks[i] = withOwnCoverage(ranks[i], shares[i], own, termCount);
    }
    // (Scores only rose: a stable insertion sort, as the head is nearly in order.)
    for (let i = 1; i < filled; i++) {
      const id = ids[i];
      const score = ranks[i];
      let j = i;
      for (; j > 0 && ranks[j - 1] < score; j--) {
        ids[j] = ids[j - 1];
        ranks[j] = ranks[j - 1];
      }
      ids[j] = id;
      ranks[j] = score;
    }
    const best: Array<{ sentence: SeedSentence; score: number }> = [];
    for (let i = 0; i < filled && i < limit; i++) best.push({ sentence: layered ? layered.sentence(ids[i]) : flat ? flat.sentence(ids[i]) : this.byId[ids[i]]!, score: ranks[i] });
    // (A few thousand: enough for a long draft's re-check, where most sentences are replayed anyway, and few
    // enough that what a megabyte of draft retrieves dies young instead of filling the old generation.)
    if (this.retrieved.size >= 4096) this.retrieved.clear();
    this.retrieved.set(cacheKey, best);
    return best.slice();
  }

  /** How many seed sentences have a term (after freeze: the layered or flat tables answer, if any). */
  private postingCount(term: string): number {
    return this.layered ? this.layered.postingCount(term) : this.flat ? this.flat.postingCount(term) : (this.postings.get(term)?.length ?? 0);
  }

  /**
   * The given seed sentences (a story's, say) scored against the terms exactly as `retrieve` scores them,
   * whatever its limit: for the sentences a retrieval cut off among many that share a draft's common words.
   */
  scoreSentences(terms: string[], sentences: readonly SeedSentence[]): Array<{ sentence: SeedSentence; score: number }> {
    this.freeze();
    const unique = [...new Set(terms)];
    const weights = new Map<string, number>();
    let total = 0;
    for (const t of unique) {
      const w = this.idf(t);
      total += w;
      // (as in retrieve: a term in thousands of sentences is not read)
      const df = this.postingCount(t);
      if (df > 0 && df <= 5000) weights.set(t, w);
    }
    if (total === 0) return [];
    const forward = confidence(unique.length) / total;
    const scored: Array<{ sentence: SeedSentence; score: number }> = [];
    for (const sentence of sentences) {
      let shared = 0;
      let own = 0;
      for (const t of sentence.terms) {
        shared += weights.get(t) ?? 0;
        if (!t.startsWith('=')) own += this.idf(t);
      }
      if (shared > 0) scored.push({ sentence, score: withOwnCoverage(shared * forward, shared, own, sentence.terms.length) });
    }
    return scored;
  }

  /**
   * A term's postings as sentence numbers, remembered until the index changes: retrieval reads them
   * without visiting each sentence object (scattered in memory, it cost a cache miss per posting).
   */
  private postingIds(term: string): Int32Array | undefined {
    if (this.idsGeneration !== this.generation) {
      this.ids.clear();
      this.idsGeneration = this.generation;
    }
    let ids = this.ids.get(term);
    if (ids === undefined) {
      const list = this.postings.get(term);
      if (!list) return undefined;
      ids = Int32Array.from(list, (s) => s.id);
      if (this.ids.size >= 50000) this.ids.clear();
      this.ids.set(term, ids);
    }
    return ids;
  }

  /**
   * The summed weight of a seed sentence's own terms (value terms aside), remembered until the index
   * changes, with its number of terms (ownTerms): by number, as the sentence itself is read only afresh.
   */
  private ownWeight(id: number): number {
    if (this.ownStamp.length <= id) {
      const n = Math.max(this.nextId, this.ownStamp.length * 2);
      const weights = new Float64Array(n);
      weights.set(this.ownWeights);
      const stamps = new Uint32Array(n);
      stamps.set(this.ownStamp);
      const counts = new Uint32Array(n);
      counts.set(this.ownTerms);
      this.ownWeights = weights;
      this.ownStamp = stamps;
      this.ownTerms = counts;
    }
    if (this.ownStamp[id] === this.generation) return this.ownWeights[id];
    const s = this.byId[id]!;
    let own = 0;
    for (const t of s.terms) if (!t.startsWith('=')) own += this.idf(t);
    this.ownWeights[id] = own;
    this.ownTerms[id] = s.terms.length;
    this.ownStamp[id] = this.generation;
    return own;
  }

  /** How many seed sentences contain a term (withTerm's length, without making the list). */
  sentenceCountOf(term: string): number {
    this.freeze();
    return this.postingCount(term);
  }

  /** Seed sentences that contain a term (for example a value term from figureTerm). */
  withTerm(term: string): readonly SeedSentence[] {
    this.freeze();
    if (this.layered) return this.layered.withTerm(term);
    if (this.flat) return this.flat.withTerm(term);
    return this.postings.get(term) ?? [];
  }

  person(key: string): PersonRecord | undefined {
    this.freeze();
    if (this.layered) return this.layered.person(key);
    if (this.flat) return this.flat.person(key);
    this.refresh();
    return this.persons.get(key);
  }

  /** People whose surname is this one. */
  bySurname(surname: string): PersonRecord[] {
    this.freeze();
    if (this.layered) return this.layered.bySurname(surname);
    if (this.flat) return this.flat.bySurname(surname);
    this.refresh();
    return [...(this.surnames.get(surname) ?? [])].map((k) => this.persons.get(k)!).filter(Boolean);
  }

  allPersons(): IterableIterator<PersonRecord> {
    this.freeze();
    if (this.layered) return this.layered.allPersons();
    if (this.flat) return this.flat.allPersons();
    this.refresh();
    return this.persons.values();
  }

  /** Does a seed write this name (an entity key)? Only the seeds `within` holds count, if given. */
  knowsEntity(key: string, within?: ReadonlySet<SeedDoc>): boolean {
    this.freeze();
    if (this.layered) return this.layered.knowsEntity(key, within);
    if (this.flat) return this.flat.knowsEntity(key, within);
    return meets(this.entityDocs.get(key), within);
  }

  /** Does a seed's name contain this word? Only the seeds `within` holds count, if given. */
  knowsNameToken(token: string, within?: ReadonlySet<SeedDoc>): boolean {
    this.freeze();
    if (this.layered) return this.layered.knowsNameToken(token, within);
    if (this.flat) return this.flat.knowsNameToken(token, within);
    return meets(this.entityTokens.get(token), within);
  }

  /** Does any seed sentence contain this term at all? */
  knowsTerm(term: string): boolean {
    this.freeze();
    if (this.layered) return this.layered.knowsTerm(term);
    if (this.flat) return this.flat.knowsTerm(term);
    return this.postings.has(term);
  }

  /** Names (entity keys) of the given length in characters. */
  entityNamesOfLength(length: number): readonly string[] {
    this.freeze();
    if (this.layered) return this.layered.entityNamesOfLength(length);
    if (this.flat) return this.flat.entityNamesOfLength(length);
    this.refresh();
    return this.namesByLength.get(length) ?? [];
  }

  /**
   * Names of the given length with as many words as this one, each word with the same first letter (the
   * only names a near spelling of it can be), in entityNamesOfLength order.
   */
  entityNamesLike(key: string, length: number): readonly string[] {
    this.freeze();
    if (this.layered) return this.layered.entityNamesLike(key, nameShape(key, length), length);
    if (this.flat) return this.flat.entityNamesLike(nameShape(key, length));
    this.refresh();
    return this.namesByShape.get(nameShape(key, length)) ?? [];
  }

  /** The first seed sentence that writes this name. */
  entitySentence(key: string): SeedSentence | undefined {
    this.freeze();
    if (this.layered) return this.layered.entitySentence(key);
    if (this.flat) return this.flat.entitySentence(key);
    this.refresh();
    return this.firstMentions.get(key);
  }

  /** Does any seed write this word in lower case (so it is a common word, not a name)? */
  knowsLowerWord(key: string): boolean {
    this.freeze();
    if (this.layered) return this.layered.knowsLowerWord(key);
    if (this.flat) return this.flat.knowsLowerWord(key);
    return this.lowerWords.has(key);
  }
}
