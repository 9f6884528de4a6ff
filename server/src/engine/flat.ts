// The seed index in flat tables: what a check looks up (postings, names, people, lower-case words) as
// typed arrays and a few long strings, packed into one buffer and read back without building an object
// per seed, per sentence or per name. Seeds' sentences and facts are made when a check asks for them.

import type { HeldFacts, HeldSentenceFacts } from './held';
import type { Title } from './people';
import type { PersonRecord, SeedDoc, SeedSentence } from './seeds';
/** Bump when the tables below change. */
export const FLAT_FORMAT = 2;

// ---- Strings ----------------------------------------------------------------------------------------

/** FNV-1a over UTF-16 code units. */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The string in V8's one-byte form when all its characters fit one: a piece of a text with a single curly
 * quote anywhere in it is held two bytes a character, and so is anything joined from such pieces (the
 * tables of 10,000 seeds' names and people: 9 MB instead of 4.5).
 */
function oneByte(s: string): string {
  return LATIN1_ONLY.test(s) ? Buffer.from(s, 'latin1').toString('latin1') : s;
}
const LATIN1_ONLY = /^[\u0000-\u00ff]*$/;

/** Strings in one text, by number; with `slots`, a hash table that finds a string's number. */
export class StringTable {
  constructor(
    readonly text: string,
    /** Where each string starts in text (one more than there are strings). */
    readonly offsets: Uint32Array,
    /** Open addressing (string number + 1; 0 empty), a power of two long; empty if not searchable. */
    readonly slots: Uint32Array,
  ) {}

  static build(strings: readonly string[], searchable = true): StringTable {
    const offsets = new Uint32Array(strings.length + 1);
    for (let i = 0; i < strings.length; i++) offsets[i + 1] = offsets[i] + strings[i].length;
    let slots = new Uint32Array(0);
    if (searchable) {
      let size = 8;
      while (size < strings.length * 2) size *= 2;
      slots = new Uint32Array(size);
      const mask = size - 1;
      for (let i = 0; i < strings.length; i++) {
        let at = stringHash(strings[i]) & mask;
        while (slots[at] !== 0) at = (at + 1) & mask;
        slots[at] = i + 1;
      }
    }
    return new StringTable(oneByte(strings.join('')), offsets, slots);
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  get(i: number): string {
    return this.text.slice(this.offsets[i], this.offsets[i + 1]);
  }

  /** The string's number, or -1. */
  find(s: string): number {
    const slots = this.slots;
    if (slots.length === 0) throw new Error('string table is not searchable');
    const mask = slots.length - 1;
    for (let at = stringHash(s) & mask; ; at = (at + 1) & mask) {
      const slot = slots[at];
      if (slot === 0) return -1;
      const i = slot - 1;
      const start = this.offsets[i];
      if (this.offsets[i + 1] - start === s.length && this.text.startsWith(s, start)) return i;
    }
  }
}

/**
 * Strings numbered as they are added, found by a Map while they come (V8 keeps a string's hash in the string,
 * and most strings looked up are the same objects again and again: a table of our own hashed each of them
 * again at every look-up); the hash table StringTable.build makes of them in that order is made at the end.
 */
export class StringTableBuilder {
  readonly strings: string[] = [];
  private readonly numbers = new Map<string, number>();

  get size(): number {
    return this.strings.length;
  }

  /** The string's number, or -1. */
  find(s: string): number {
    return this.numbers.get(s) ?? -1;
  }

  /** The string's number, the string added (numbered after the others) if it is new. */
  number(s: string): number {
    let n = this.numbers.get(s);
    if (n === undefined) {
      n = this.strings.length;
      this.strings.push(s);
      this.numbers.set(s, n);
    }
    return n;
  }

  table(): StringTable {
    return StringTable.build(this.strings);
  }
}

/** Reads `count` numbers of a section left where it is (in a file), from its number `from`. */
export type ValuesReader = (from: number, count: number) => Uint32Array;

/**
 * Lists of numbers, one after another: list i is values[offsets[i] .. offsets[i + 1]). The values may be
 * left where they are (`reader`): each list is then read when asked, and its numbers checked against
 * `limit` (set by unpackFlat).
 */
export class Lists {
  limit = Infinity;

  constructor(
    readonly offsets: Uint32Array,
    readonly values: Uint32Array,
    private readonly reader?: ValuesReader,
  ) {}

  /** How many numbers all the lists hold. */
  get count(): number {
    return this.reader ? this.offsets[this.offsets.length - 1] : this.values.length;
  }

  static build(lists: ReadonlyArray<ArrayLike<number>>): Lists {
    const offsets = new Uint32Array(lists.length + 1);
    for (let i = 0; i < lists.length; i++) offsets[i + 1] = offsets[i] + lists[i].length;
    const values = new Uint32Array(offsets[lists.length]);
    for (let i = 0; i < lists.length; i++) values.set(lists[i], offsets[i]);
    return new Lists(offsets, values);
  }

  length(i: number): number {
    return this.offsets[i + 1] - this.offsets[i];
  }

  list(i: number): Uint32Array {
    if (!this.reader) return this.values.subarray(this.offsets[i], this.offsets[i + 1]);
    const v = this.reader(this.offsets[i], this.offsets[i + 1] - this.offsets[i]);
    for (let k = 0; k < v.length; k++) if (v[k] >= this.limit) throw new Error('index file is damaged (a list out of bounds)');
    return v;
  }
}

// ---- The tables -------------------------------------------------------------------------------------

/** A person as the flat index keeps it (JSON): name, words, titles with their sentence, mentions. */
export type FlatPerson = [name: string, tokens: string[], titles: Array<[sentence: number, title: unknown]>, mentions: number[]];

export interface FlatTables {
  sentences: number;
  facts: number;
  /** Seeds, in index order: path, date ('' if none), fact count, first sentence (one more than seeds). */
  docPaths: StringTable;
  docDates: StringTable;
  docFacts: Uint32Array;
  docFirst: Uint32Array;
  /** Terms with the sentences that have them, and each sentence's terms in its order. */
  terms: StringTable;
  postings: Lists;
  sentenceTerms: Lists;
  /** Names in the order seeds first wrote them: first sentence, seeds that write them. */
  names: StringTable;
  nameFirst: Uint32Array;
  nameDocs: Lists;
  /** Words of names, with the seeds whose names have them. */
  nameTokens: StringTable;
  tokenDocs: Lists;
  /** Names (numbers) by length and by shape, in the order of the names. */
  lengthKeys: Uint32Array;
  lengthNames: Lists;
  shapes: StringTable;
  shapeNames: Lists;
  /** Words the seeds write in lower case, with the number of sentences that do. */
  lowerWords: StringTable;
  lowerCounts: Uint32Array;
  /** People in index order (keys; FlatPerson JSON each), and by surname. */
  persons: StringTable;
  personData: StringTable;
  surnames: StringTable;
  surnamePersons: Lists;
}

// ---- One buffer -------------------------------------------------------------------------------------

const MAGIC = 'FDFLAT01';

type Section = Uint32Array | Float64Array | string;

function sectionsOf(t: FlatTables): Array<[string, Section]> {
  const out: Array<[string, Section]> = [];
  const add = (name: string, v: Section) => out.push([name, v]);
  const table = (name: string, s: StringTable) => {
    add(`${name}.text`, s.text);
    add(`${name}.offsets`, s.offsets);
    add(`${name}.slots`, s.slots);
  };
  const lists = (name: string, l: Lists) => {
    add(`${name}.offsets`, l.offsets);
    add(`${name}.values`, l.values);
  };
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'number') continue;
    if (v instanceof StringTable) table(k, v);
    else if (v instanceof Lists) lists(k, v);
    else add(k, v as Section);
  }
  return out;
}

/**
 * Packs the tables and any other sections (`extra`, e.g. the adapter's file list) into one buffer:
 * "FDFLAT01", the header's length, a JSON header (meta, sections, a checksum of the data), the data.
 */
export function packFlat(t: FlatTables, meta: Record<string, unknown>, extra: Array<[string, Section]> = [], sum: Checksum = checksum): Buffer {
  const sections = [...sectionsOf(t), ...extra];
  const parts: Buffer[] = [];
  const index: Array<[string, string, number, number]> = [];
  let at = 0;
  for (const [name, v] of sections) {
    let bytes: Buffer;
    let type: string;
    if (typeof v === 'string') {
      type = /[^\x00-\xff]/.test(v) ? 'utf16le' : 'latin1';
      bytes = Buffer.from(v, type as BufferEncoding);
    } else {
      type = v instanceof Float64Array ? 'f64' : 'u32';
      bytes = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    }
    const pad = (8 - (at % 8)) % 8;
    if (pad) parts.push(Buffer.alloc(pad));
    at += pad;
    index.push([name, type, at, bytes.length]);
    parts.push(bytes);
    at += bytes.length;
  }
  const data = Buffer.concat(parts);
  const header = Buffer.from(
    JSON.stringify({ format: FLAT_FORMAT, meta: { ...meta, sentences: t.sentences, facts: t.facts }, sections: index, bytes: data.length, checksum: sum(data) }),
    'utf8',
  );
  const head = Buffer.alloc(16);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, 8);
  const pad = Buffer.alloc((8 - ((16 + header.length) % 8)) % 8);
  return Buffer.concat([head, header, pad, data]);
}

/** A checksum of a buffer, as a string (an adapter may give a faster one than the engine's own). */
export type Checksum = (b: Uint8Array) => string;

/** A checksum of a buffer (32-bit words, two running sums), in plain JavaScript. */
export function checksum(b: Uint8Array): string {
  const words = b.length >>> 2;
  const w = b.byteOffset % 4 === 0 ? new Uint32Array(b.buffer, b.byteOffset, words) : new Uint32Array(new Uint8Array(b.subarray(0, words * 4)).buffer);
  let a = 1;
  let c = 0;
  for (let i = 0; i < words; i++) {
    a = (a + w[i]) | 0;
    c = (Math.imul(c, 31) + a) | 0;
  }
  for (let i = words * 4; i < b.length; i++) {
    a = (a + b[i]) | 0;
    c = (Math.imul(c, 31) + a) | 0;
  }
  return `${(a >>> 0).toString(16)}.${(c >>> 0).toString(16)}.${b.length}`;
}

export interface Unpacked {
  meta: Record<string, unknown>;
  tables: FlatTables;
  section(name: string): Section | undefined;
}

/** Reads a buffer packFlat made. Throws (with a one-line reason) if it is not one, or is damaged. */
export function unpackFlat(buf: Buffer, sum: Checksum = checksum, lazy?: { sections: ReadonlySet<string>; read: (section: string, from: number, count: number) => Uint32Array }): Unpacked {
  if (buf.length < 16 || buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a FactDesk index file');
  const headerLength = buf.readUInt32LE(8);
  if (16 + headerLength > buf.length) throw new Error('index file is truncated');
  let header: { format?: number; meta?: Record<string, unknown>; sections?: Array<[string, string, number, number]>; bytes?: number; checksum?: string };
  try {
    header = JSON.parse(buf.toString('utf8', 16, 16 + headerLength));
  } catch {
    throw new Error('index file header is damaged');
  }
  if (header.format !== FLAT_FORMAT || !Array.isArray(header.sections) || typeof header.bytes !== 'number' || !header.meta) throw new Error('index file of another format');
  const start = 16 + headerLength + ((8 - ((16 + headerLength) % 8)) % 8);
  if (start + header.bytes !== buf.length) throw new Error(`index file is truncated or has extra bytes (${buf.length} bytes, expected ${start + header.bytes})`);
  let data = buf.subarray(start);
  if (sum(data) !== header.checksum) throw new Error('index file is damaged (checksum mismatch)');
  if (data.byteOffset % 8 !== 0) data = Buffer.from(data); // typed arrays need aligned bytes
  const sections = new Map<string, Section>();
  for (const [name, type, at, length] of header.sections) {
    if (at + length > data.length || at % 8 !== 0) throw new Error('index file section out of bounds');
    if (type === 'latin1' || type === 'utf16le') sections.set(name, data.toString(type, at, at + length));
    else if (type === 'u32') sections.set(name, new Uint32Array(data.buffer, data.byteOffset + at, length / 4));
    else if (type === 'f64') sections.set(name, new Float64Array(data.buffer, data.byteOffset + at, length / 8));
    else throw new Error(`index file section of unknown type ${type}`);
  }
  const need = <T extends Section>(name: string, ok: (v: Section) => boolean): T => {
    const v = sections.get(name);
    if (v === undefined || !ok(v)) throw new Error(`index file lacks ${name}`);
    return v as T;
  };
  const u32 = (name: string) => need<Uint32Array>(name, (v) => v instanceof Uint32Array);
  const table = (name: string) => new StringTable(need<string>(`${name}.text`, (v) => typeof v === 'string'), u32(`${name}.offsets`), u32(`${name}.slots`));
  // Values left in the file (`lazy`) are read list by list; their length is the section's.
  const lists = (name: string) => {
    const values = `${name}.values`;
    if (!lazy?.sections.has(values)) return new Lists(u32(`${name}.offsets`), u32(values));
    const section = header.sections!.find(([n, type]) => n === values && type === 'u32');
    if (!section) throw new Error(`index file lacks ${values}`);
    const offsets = u32(`${name}.offsets`);
    if (offsets.length === 0 || offsets[offsets.length - 1] !== section[3] / 4) throw new Error('index file is inconsistent (lists)');
    return new Lists(offsets, new Uint32Array(0), (from, count) => lazy.read(values, from, count));
  };
  const meta = header.meta;
  const tables: FlatTables = {
    sentences: Number(meta.sentences),
    facts: Number(meta.facts),
    docPaths: table('docPaths'),
    docDates: table('docDates'),
    docFacts: u32('docFacts'),
    docFirst: u32('docFirst'),
    terms: table('terms'),
    postings: lists('postings'),
    sentenceTerms: lists('sentenceTerms'),
    names: table('names'),
    nameFirst: u32('nameFirst'),
    nameDocs: lists('nameDocs'),
    nameTokens: table('nameTokens'),
    tokenDocs: lists('tokenDocs'),
    lengthKeys: u32('lengthKeys'),
    lengthNames: lists('lengthNames'),
    shapes: table('shapes'),
    shapeNames: lists('shapeNames'),
    lowerWords: table('lowerWords'),
    lowerCounts: u32('lowerCounts'),
    persons: table('persons'),
    personData: table('personData'),
    surnames: table('surnames'),
    surnamePersons: lists('surnamePersons'),
  };
  checkTables(tables);
  return { meta, tables, section: (name) => sections.get(name) };
}

/** Bounds every number of the tables point with (a damaged file must not make a check read past them). */
function checkTables(t: FlatTables): void {
  const docs = t.docPaths.size;
  const fail = (what: string) => {
    throw new Error(`index file is inconsistent (${what})`);
  };
  const within = (v: Uint32Array, n: number, what: string) => {
    for (let i = 0; i < v.length; i++) if (v[i] >= n) fail(what);
  };
  const rising = (offs: Uint32Array, end: number, what: string) => {
    for (let i = 1; i < offs.length; i++) if (offs[i] < offs[i - 1]) fail(what);
    if (offs.length === 0 || offs[0] !== 0 || offs[offs.length - 1] !== end) fail(what);
  };
  for (const s of [t.docPaths, t.docDates, t.terms, t.names, t.nameTokens, t.shapes, t.lowerWords, t.persons, t.personData, t.surnames]) rising(s.offsets, s.text.length, 'string table');
  for (const l of [t.postings, t.sentenceTerms, t.nameDocs, t.tokenDocs, t.lengthNames, t.shapeNames, t.surnamePersons]) rising(l.offsets, l.count, 'lists');
  if (t.docDates.size !== docs || t.docFacts.length !== docs || t.docFirst.length !== docs + 1 || t.docFirst[docs] !== t.sentences) fail('seeds');
  rising(t.docFirst, t.sentences, 'seeds');
  if (t.postings.offsets.length !== t.terms.size + 1 || t.sentenceTerms.offsets.length !== t.sentences + 1) fail('terms');
  within(t.postings.values, (t.postings.limit = t.sentences), 'postings');
  within(t.sentenceTerms.values, (t.sentenceTerms.limit = t.terms.size), 'sentence terms');
  if (t.nameFirst.length !== t.names.size || t.nameDocs.offsets.length !== t.names.size + 1 || t.tokenDocs.offsets.length !== t.nameTokens.size + 1) fail('names');
  within(t.nameFirst, t.sentences, 'first mentions');
  within(t.nameDocs.values, docs, 'seeds of names');
  within(t.tokenDocs.values, docs, 'seeds of words');
  if (t.lengthNames.offsets.length !== t.lengthKeys.length + 1 || t.shapeNames.offsets.length !== t.shapes.size + 1) fail('name buckets');
  within(t.lengthNames.values, t.names.size, 'names by length');
  within(t.shapeNames.values, t.names.size, 'names by shape');
  if (t.lowerCounts.length !== t.lowerWords.size) fail('lower-case words');
  if (t.personData.size !== t.persons.size || t.surnamePersons.offsets.length !== t.surnames.size + 1) fail('people');
  within(t.surnamePersons.values, t.persons.size, 'people by surname');
}

// ---- Reading the tables -----------------------------------------------------------------------------

/** How many seeds keep their facts, once read, from one check to the next (FlatIndex.betweenChecks). */
export const RESTORED_KEPT = 512;

/** Reads a seed's facts when a check first needs them (its text, read again, and its stored facts). */
export type DocLoader = (doc: number, index: FlatIndex) => HeldFacts;

class FlatDoc implements SeedDoc {
  readonly path: string;
  readonly date?: string;
  private held?: HeldFacts;
  private list?: FlatSentence[];
  /** The check that last asked for the facts (FlatIndex.checks then). */
  used = 0;

  constructor(
    private readonly index: FlatIndex,
    readonly n: number,
  ) {
    this.path = index.tables.docPaths.get(n);
    const date = index.tables.docDates.get(n);
    if (date !== '') this.date = date;
  }

  get facts(): HeldFacts {
    this.used = this.index.checks;
    if (this.held === undefined) {
      const held = this.index.load(this.n, this.index);
      const t = this.index.tables;
      if (held.sentences.length !== t.docFirst[this.n + 1] - t.docFirst[this.n] || held.date !== this.date) throw new Error(`the facts read for ${this.path} do not match the index`);
      this.held = held;
      this.index.restored.push(this);
    }
    return this.held;
  }

  /** Lets the facts go (they are read again when next asked for), and its sentences' terms. */
  forget(): void {
    this.held = undefined;
    if (this.list) for (const s of this.list) s.forgetTerms();
  }

  get sentences(): SeedSentence[] {
    if (this.list === undefined) {
      const t = this.index.tables;
      this.list = [];
      for (let id = t.docFirst[this.n]; id < t.docFirst[this.n + 1]; id++) this.list.push(this.index.flatSentence(id));
    }
    return this.list;
  }
}

class FlatSentence implements SeedSentence {
  private own?: string[];

  constructor(
    readonly seed: FlatDoc,
    readonly id: number,
    private readonly at: number,
    private readonly index: FlatIndex,
  ) {}

  get facts(): HeldSentenceFacts {
    return this.seed.facts.sentences[this.at];
  }

  get terms(): string[] {
    return (this.own ??= this.index.termsOf(this.id));
  }

  forgetTerms(): void {
    this.own = undefined;
  }
}

/** The index's look-ups answered from flat tables; seeds, sentences and people made when asked, once. */
export class FlatIndex {
  private readonly docObjects: Array<FlatDoc | undefined>;
  private readonly sentenceObjects = new Map<number, FlatSentence>();
  private readonly people = new Map<number, PersonRecord>();
  private readonly byLength = new Map<number, readonly string[]>();
  private readonly byShape = new Map<number, readonly string[]>();
  private readonly termWeights: Float64Array;
  /** Per sentence, the sum of its terms' weights (NaN: not worked out yet); made at the first retrieval. */
  private ownWeights?: Float64Array;

  constructor(
    readonly tables: FlatTables,
    readonly load: DocLoader,
  ) {
    this.docObjects = new Array(tables.docPaths.size);
    this.termWeights = new Float64Array(tables.terms.size).fill(NaN);
  }

  get docCount(): number {
    return this.tables.docPaths.size;
  }

  doc(n: number): FlatDoc {
    return (this.docObjects[n] ??= new FlatDoc(this, n));
  }

  *docs(): IterableIterator<SeedDoc> {
    for (let n = 0; n < this.docCount; n++) yield this.doc(n);
  }

  docNumber(path: string): number {
    return this.tables.docPaths.find(path);
  }

  /** Seeds removed from the index (by a Layered index over these tables): they answer nothing. */
  masked?: Uint8Array;

  /** Checks begun (betweenChecks): when a seed's facts were last asked for. */
  checks = 0;
  /** The seeds whose facts are read and held. */
  restored: FlatDoc[] = [];

  /**
   * Between two checks: the seeds whose facts were read beyond the `keep` last asked for let them go, so
   * that a long session holds the facts of the seeds its recent drafts spoke of, not of every seed any
   * draft ever did (a check reads those of a few dozen seeds; the facts of all 2,225 BBC articles held,
   * with what they kept, took about 140 MB). Never during a check, where one sentence must stay one object.
   */
  betweenChecks(keep: number): void {
    this.checks++;
    if (this.restored.length <= keep) return;
    const byUse = this.restored.sort((a, b) => b.used - a.used);
    for (let i = keep; i < byUse.length; i++) byUse[i].forget();
    byUse.length = keep;
  }

  /** Forgets the weights of terms (the index around the tables changed). */
  resetWeights(): void {
    this.termWeights.fill(NaN);
    this.ownWeights?.fill(NaN);
  }

  /** The seed a sentence is in: the last whose first sentence is not after it. */
  docOf(id: number): number {
    const first = this.tables.docFirst;
    let lo = 0;
    let hi = this.docCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (first[mid] <= id) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  sentence(id: number): SeedSentence {
    return this.flatSentence(id);
  }

  /** The one object of a sentence (a seed's sentences are its list of them, found in it by identity). */
  flatSentence(id: number): FlatSentence {
    let s = this.sentenceObjects.get(id);
    if (s === undefined) {
      const n = this.docOf(id);
      s = new FlatSentence(this.doc(n), id, id - this.tables.docFirst[n], this);
      this.sentenceObjects.set(id, s);
    }
    return s;
  }

  termsOf(id: number): string[] {
    const ids = this.tables.sentenceTerms.list(id);
    const out: string[] = new Array(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = this.tables.terms.get(ids[i]);
    return out;
  }

  termCount(id: number): number {
    return this.tables.sentenceTerms.length(id);
  }

  /**
   * The summed weight of a sentence's own terms (value terms aside), each term weighed by `idf`; remembered
   * per sentence, as the terms' weights are, until they are reset (retrieval asks for dozens per draft sentence).
   */
  ownWeight(id: number, idf: (term: string) => number): number {
    const known = (this.ownWeights ??= new Float64Array(this.tables.sentences).fill(NaN));
    if (!Number.isNaN(known[id])) return known[id];
    const ids = this.tables.sentenceTerms.list(id);
    let own = 0;
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i];
      let w = this.termWeights[t];
      if (Number.isNaN(w)) {
        const term = this.tables.terms.get(t);
        w = this.termWeights[t] = term.startsWith('=') ? 0 : idf(term);
      }
      own += w;
    }
    return (known[id] = own);
  }

  /** How many sentences have a term. */
  postingCount(term: string): number {
    const t = this.tables.terms.find(term);
    return t < 0 ? 0 : this.tables.postings.length(t);
  }

  /** The sentences with a term (numbers, in index order), or undefined. */
  postings(term: string): Uint32Array | undefined {
    const t = this.tables.terms.find(term);
    return t < 0 ? undefined : this.tables.postings.list(t);
  }

  private readonly withTerms = new Map<string, readonly SeedSentence[]>();

  withTerm(term: string): readonly SeedSentence[] {
    let list = this.withTerms.get(term);
    if (list === undefined) {
      list = [...(this.postings(term) ?? [])].map((id) => this.sentence(id));
      if (this.withTerms.size >= 20000) this.withTerms.clear();
      this.withTerms.set(term, list);
    }
    return list;
  }

  private personAt(p: number): PersonRecord {
    let rec = this.people.get(p);
    if (rec === undefined) {
      const [name, tokens, titles, mentions] = JSON.parse(this.tables.personData.get(p)) as FlatPerson;
      rec = {
        key: this.tables.persons.get(p),
        name,
        tokens,
        titles: titles.map(([id, title]) => ({ title: title as Title, at: this.sentence(id) })),
        mentions: mentions.map((id) => this.sentence(id)),
      };
      this.people.set(p, rec);
    }
    return rec;
  }

  person(key: string): PersonRecord | undefined {
    const p = this.tables.persons.find(key);
    return p < 0 ? undefined : this.personAt(p);
  }

  bySurname(surname: string): PersonRecord[] {
    const s = this.tables.surnames.find(surname);
    return s < 0 ? [] : [...this.tables.surnamePersons.list(s)].map((p) => this.personAt(p));
  }

  *allPersons(): IterableIterator<PersonRecord> {
    for (let p = 0; p < this.tables.persons.size; p++) yield this.personAt(p);
  }

  /** Do the seeds listed (numbers, rising) and the seeds `within` meet? Without `within`: are there any? */
  private meets(docs: Uint32Array, within: ReadonlySet<SeedDoc> | undefined): boolean {
    const masked = this.masked;
    if (!within) {
      if (!masked) return true;
      for (let i = 0; i < docs.length; i++) if (!masked[docs[i]]) return true;
      return false;
    }
    if (within.size <= docs.length) {
      for (const d of within) if (d instanceof FlatDoc && this.docObjects[d.n] === d && !masked?.[d.n] && includes(docs, d.n)) return true;
      return false;
    }
    for (let i = 0; i < docs.length; i++) {
      const d = this.docObjects[docs[i]];
      if (d !== undefined && !masked?.[docs[i]] && within.has(d)) return true;
    }
    return false;
  }

  knowsEntity(key: string, within?: ReadonlySet<SeedDoc>): boolean {
    const n = this.tables.names.find(key);
    return n >= 0 && this.meets(this.tables.nameDocs.list(n), within);
  }

  knowsNameToken(token: string, within?: ReadonlySet<SeedDoc>): boolean {
    const n = this.tables.nameTokens.find(token);
    return n >= 0 && this.meets(this.tables.tokenDocs.list(n), within);
  }

  knowsTerm(term: string): boolean {
    return this.tables.terms.find(term) >= 0;
  }

  private namesOf(ids: Uint32Array): readonly string[] {
    return [...ids].map((n) => this.tables.names.get(n));
  }

  entityNamesOfLength(length: number): readonly string[] {
    let names = this.byLength.get(length);
    if (names === undefined) {
      const at = this.tables.lengthKeys.indexOf(length);
      names = at < 0 ? [] : this.namesOf(this.tables.lengthNames.list(at));
      this.byLength.set(length, names);
    }
    return names;
  }

  entityNamesLike(shape: string): readonly string[] {
    const s = this.tables.shapes.find(shape);
    if (s < 0) return [];
    let names = this.byShape.get(s);
    if (names === undefined) this.byShape.set(s, (names = this.namesOf(this.tables.shapeNames.list(s))));
    return names;
  }

  entitySentence(key: string): SeedSentence | undefined {
    const n = this.tables.names.find(key);
    return n < 0 ? undefined : this.sentence(this.tables.nameFirst[n]);
  }

  knowsLowerWord(key: string): boolean {
    return this.tables.lowerWords.find(key) >= 0;
  }
}

/** Is n in the rising list? */
function includes(list: Uint32Array, n: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] === n) return true;
    if (list[mid] < n) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
