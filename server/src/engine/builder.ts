// A cold build straight into flat tables: each seed, once read, is indexed into numbers in growing typed
// arrays and strings held once (terms, names, words, people), and its facts are kept as one string in
// their stored form (persist.ts); its objects are then dropped. At the first look-up the lists are frozen
// into the tables SeedIndex.toFlat makes of the same seeds in the same order, and the index answers as an
// index opened from its file does: a seed's facts are restored from their string when a check needs them.
import { countFacts, HeldEntity, pendingLowerWords, type HeldFacts, type HeldSentenceFacts } from './held';
import type { Entity } from './people';
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants } from 'node:zlib';
import { Lists, StringTable, StringTableBuilder, type DocLoader, type FlatTables } from './flat';
import { factsRecord, restoreRecord } from './persist';
import { detached } from './text';

/** A title before a name, which a person's name is written without. */
export const HONORIFIC_PREFIX = /^(?:Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady)\.?\s+/;

/** A name's length, word count and initials ("12:2:dc" for "david cameron"). */
export function nameShape(key: string, length = key.length): string {
  const words = key.split(' ');
  let initials = '';
  for (const w of words) initials += w.slice(0, 1);
  return `${length}:${words.length}:${initials}`;
}

/** The words a held sentence writes in lower case, each once (those noted when it was read, else its tokens'). */
export function lowerWordsOf(sf: HeldSentenceFacts): Iterable<string> {
  const known = pendingLowerWords.get(sf);
  if (known) return known;
  const words = new Set<string>();
  for (const t of sf.tokens) if (!t.cap) words.add(t.key);
  return words;
}

/** A name's words (a held name's read from its key, without remembering them: the build drops its objects). */
function wordsOf(e: Entity): string[] {
  return e instanceof HeldEntity ? e.key.split(' ') : e.tokens;
}

/** Seeds (in blocks of this many) whose kept strings are compressed together. */
const BLOCK = 8;

/**
 * Each seed's strings (its text, its prose where it differs, its date, its facts record), compressed
 * block by block: a block is read whole when one of its seeds is asked for, and the last 32 read are
 * remembered (a check reads seeds from all over the index; blocks of 8 seeds, some 40 KB, compress nearly
 * as well as larger ones and read faster). Brotli at its fastest quality: 2.5 times as fast as deflate's
 * fastest level on news text, for about 6% more bytes, and as fast to read back.
 */
class KeptStrings {
  /** The compressed blocks, one after another in chunks of a megabyte or more (not one small buffer each: those, among zlib's passing allocations, left memory the process could not give back). */
  private readonly chunks: Buffer[] = [];
  private used = 0;
  /** Per block: its chunk, where it starts there, and its length. */
  private readonly blocks = new Numbers();
  /** Blocks kept as UTF-16 (a string that UTF-8 cannot carry: a lone surrogate), not UTF-8. */
  private readonly wide = new Set<number>();
  /** The strings of the block being filled. */
  private open: string[] = [];
  /** The length (UTF-16 code units) of each string, in order. */
  private readonly lengths = new Numbers();
  private readonly read = new Map<number, string>();
  /** Uncompressed, the blocks' texts. */
  private readonly plain: string[] = [];

  /** `compress`: false keeps the blocks as strings (a one-shot run that needs the time more than the memory). */
  constructor(private readonly per: number, private readonly compress = true) {}

  push(strings: string[]): void {
    for (const s of strings) {
      this.open.push(s);
      this.lengths.push(s.length);
    }
    if (this.open.length === BLOCK * this.per) this.close();
  }

  /** Compresses the block being filled. */
  close(): void {
    if (this.open.length === 0) return;
    const text = this.open.join('');
    if (!this.compress) {
      this.plain.push(text);
      this.open = [];
      return;
    }
    const wide = !(text as unknown as { isWellFormed(): boolean }).isWellFormed(); // (Node 20; not in the ES2022 library)
    if (wide) this.wide.add(this.blocks.length / 3);
    const raw = Buffer.from(text, wide ? 'utf16le' : 'utf8');
    const bytes = brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 0, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    let chunk = this.chunks[this.chunks.length - 1];
    if (!chunk || this.used + bytes.length > chunk.length) {
      this.chunks.push((chunk = Buffer.allocUnsafeSlow(Math.max(1 << 20, bytes.length))));
      this.used = 0;
    }
    bytes.copy(chunk, this.used);
    this.blocks.push(this.chunks.length - 1);
    this.blocks.push(this.used);
    this.blocks.push(bytes.length);
    this.used += bytes.length;
    this.open = [];
  }

  /** The strings of the seed numbered n. */
  get(n: number): string[] {
    const b = Math.floor(n / BLOCK);
    let text = this.compress ? this.read.get(b) : this.plain[b];
    if (text === undefined && !this.compress) throw new Error(`no kept strings for seed ${n}`);
    if (text === undefined) {
      const at = this.blocks.at(3 * b + 1);
      text = brotliDecompressSync(this.chunks[this.blocks.at(3 * b)].subarray(at, at + this.blocks.at(3 * b + 2))).toString(this.wide.has(b) ? 'utf16le' : 'utf8');
      if (this.read.size >= 32) this.read.delete(this.read.keys().next().value!);
      this.read.set(b, text);
    } else if (this.compress) {
      this.read.delete(b);
      this.read.set(b, text);
    }
    let at = 0;
    for (let i = b * BLOCK * this.per; i < n * this.per; i++) at += this.lengths.at(i);
    const out: string[] = [];
    for (let i = n * this.per; i < (n + 1) * this.per; i++) {
      const length = this.lengths.at(i);
      // (Each seed's strings copied out of the block's text: a piece of them kept after the check, a name
      // or a quote, keeps that seed's text alone, not the other seeds decompressed with it.)
      out.push(this.compress ? detached(text.slice(at, at + length)) : text.slice(at, at + length));
      at += length;
    }
    return out;
  }
}

/** Numbers appended one by one (a Uint32Array that doubles when full). */
class Numbers {
  private a = new Uint32Array(256);
  length = 0;

  push(v: number): void {
    if (this.length === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }

  at(i: number): number {
    return this.a[i];
  }

  set(i: number, v: number): void {
    this.a[i] = v;
  }

  /** The numbers, as a view (the room after them was never written). */
  view(): Uint32Array {
    return this.a.subarray(0, this.length);
  }
}

/** Pairs (list, value) appended in order, grouped into lists (each keeps the order its values came in). */
class Pairs {
  readonly lists = new Numbers();
  readonly values = new Numbers();
  /** Per list: the last value given + 1 (a value given twice in a row is kept once). */
  private readonly last = new Numbers();

  /** A new list, numbered after the others. */
  open(): void {
    this.last.push(0);
  }

  /** How many lists. */
  get count(): number {
    return this.last.length;
  }

  add(list: number, value: number): void {
    if (this.last.at(list) === value + 1) return;
    this.last.set(list, value + 1);
    this.lists.push(list);
    this.values.push(value);
  }

  group(): Lists {
    return groupLists(this.last.length, this.lists.view(), this.values.view());
  }
}

/**
 * Lists of values, list by list, each in the order given (a counting sort): value i is `values[i]`, or,
 * without values, the number of the list of `by` (lists turned round) that holds place i.
 */
function groupLists(count: number, lists: Uint32Array, values: Uint32Array | Lists): Lists {
  const offsets = new Uint32Array(count + 1);
  for (let i = 0; i < lists.length; i++) offsets[lists[i] + 1]++;
  for (let k = 0; k < count; k++) offsets[k + 1] += offsets[k];
  const at = offsets.slice(0, count);
  const out = new Uint32Array(lists.length);
  if (values instanceof Lists) {
    const ends = values.offsets;
    for (let v = 0, i = 0; v + 1 < ends.length; v++) for (; i < ends[v + 1]; i++) out[at[lists[i]]++] = v;
  } else for (let i = 0; i < lists.length; i++) out[at[lists[i]]++] = values[i];
  return new Lists(offsets, out);
}

interface BuiltPerson {
  name: string;
  tokens: string[];
  /** Sentence numbers with each title's JSON. */
  titles: Array<[number, string]>;
  mentions: number[];
}

export class FlatBuilder {
  constructor(compressTexts = true) {
    this.kept = new KeptStrings(4, compressTexts);
    this.docFirst.push(0);
    this.sentenceEnds.push(0);
  }

  private readonly paths = new StringTableBuilder();
  private readonly dates: string[] = [];
  private readonly docFacts = new Numbers();
  private readonly docFirst = new Numbers();
  /** Each seed's text, prose ('' where it is the text), date ('' if none) and facts record. */
  private readonly kept: KeptStrings;
  private sentences = 0;
  private facts = 0;
  private readonly terms = new StringTableBuilder();
  private readonly sentenceTerms = new Numbers();
  private readonly sentenceEnds = new Numbers();
  private readonly lowerWords = new StringTableBuilder();
  private readonly lowerCounts = new Numbers();
  private readonly names = new StringTableBuilder();
  private readonly nameFirst = new Numbers();
  private readonly nameDocs = new Pairs();
  private readonly nameTokens = new StringTableBuilder();
  private readonly tokenDocs = new Pairs();
  private readonly persons = new Map<string, BuiltPerson>();
  private readonly surnames = new Map<string, string[]>();

  has(path: string): boolean {
    return this.paths.find(path) >= 0;
  }

  get stats(): { files: number; facts: number; sentences: number } {
    return { files: this.paths.size, facts: this.facts, sentences: this.sentences };
  }

  /** Indexes a seed (not indexed yet) after the others, as SeedIndex.indexDoc does. */
  add(path: string, held: HeldFacts): void {
    const record = factsRecord(held); // (before anything changes: it may throw)
    const doc = this.paths.number(path);
    const first = this.sentences;
    this.dates.push(held.date ?? '');
    const { raw, prose, date } = held.parsed;
    this.kept.push([raw, prose === raw ? '' : prose, date ?? '', record]);
    const factCount = countFacts(held);
    this.docFacts.push(factCount);
    this.facts += factCount;
    // The seed's one-word names, as (sentence number, word) pairs in text order, for the surname pass below.
    const oneWord: Array<number | string> = [];
    held.sentences.forEach((sf, i) => {
      const id = first + i;
      for (const term of sf.indexTerms) {
        this.sentenceTerms.push(this.terms.number(term));
      }
      this.sentenceEnds.push(this.sentenceTerms.length);
      for (const w of lowerWordsOf(sf)) {
        const k = this.lowerWords.number(w);
        if (k === this.lowerCounts.length) this.lowerCounts.push(1);
        else this.lowerCounts.set(k, this.lowerCounts.at(k) + 1);
      }
      for (const e of sf.entities) {
        const n = this.names.number(e.key);
        if (n === this.nameFirst.length) {
          this.nameFirst.push(id);
          this.nameDocs.open();
        }
        this.nameDocs.add(n, doc);
        const words = wordsOf(e);
        for (const token of words) {
          const k = this.nameTokens.number(token);
          if (k === this.tokenDocs.count) this.tokenDocs.open();
          this.tokenDocs.add(k, doc);
        }
        if (words.length === 1) oneWord.push(id, words[0]);
        if (e.type === 'person') this.notePerson(held, e, words, id, first);
      }
      for (const p of sf.people) this.notePerson(held, p.person, wordsOf(p.person), id, first).titles.push([id, JSON.stringify(p.title)]);
    });
    // Surname-only mentions of a person named in full in the same seed.
    for (const [surname, full] of held.surnames) {
      const rec = this.persons.get(full.key);
      if (!rec) continue;
      for (let k = 0; k < oneWord.length; k += 2) {
        const at = oneWord[k] as number;
        if (oneWord[k + 1] === surname && !mentioned(rec.mentions, at, first)) rec.mentions.push(at);
      }
    }
    this.sentences += held.sentences.length;
    this.docFirst.push(this.sentences);
  }

  /** Notes a mention of a person (`tokens`: the words of the name; its text is read only for a person not met before). */
  private notePerson(held: HeldFacts, person: Entity, tokens: string[], at: number, docStart: number): BuiltPerson {
    const key = person.key;
    // A surname alone that the seed has in full is that person.
    if (tokens.length === 1) {
      const full = held.surnames.get(tokens[0]);
      if (full && full.key !== key) return this.notePerson(held, full, wordsOf(full), at, docStart);
    }
    let rec = this.persons.get(key);
    if (!rec) {
      rec = { name: person.text.replace(HONORIFIC_PREFIX, ''), tokens: [...tokens], titles: [], mentions: [] };
      this.persons.set(key, rec);
      const last = tokens[tokens.length - 1];
      let keys = this.surnames.get(last);
      if (!keys) this.surnames.set(last, (keys = []));
      keys.push(key);
    }
    if (!mentioned(rec.mentions, at, docStart)) rec.mentions.push(at);
    return rec;
  }

  /** The tables of the seeds indexed, and how a seed's facts are read back (from its kept text and record). */
  freeze(): { tables: FlatTables; load: DocLoader } {
    const names = this.names.strings;
    const byLength = new Map<number, number[]>();
    const byShape = new Map<string, number[]>();
    names.forEach((key, n) => {
      let bucket = byLength.get(key.length);
      if (!bucket) byLength.set(key.length, (bucket = []));
      bucket.push(n);
      const shape = nameShape(key);
      let similar = byShape.get(shape);
      if (!similar) byShape.set(shape, (similar = []));
      similar.push(n);
    });
    const sentenceTerms = new Lists(this.sentenceEnds.view(), this.sentenceTerms.view());
    const personKeys = [...this.persons.keys()];
    const personNumber = new Map(personKeys.map((k, i) => [k, i]));
    const tables: FlatTables = {
      sentences: this.sentences,
      facts: this.facts,
      docPaths: this.paths.table(),
      docDates: StringTable.build(this.dates, false),
      docFacts: this.docFacts.view(),
      docFirst: this.docFirst.view(),
      terms: this.terms.table(),
      // each sentence's terms turned round (sentence numbers rise within each list)
      postings: groupLists(this.terms.size, sentenceTerms.values, sentenceTerms),
      sentenceTerms,
      names: this.names.table(),
      nameFirst: this.nameFirst.view(),
      nameDocs: this.nameDocs.group(),
      nameTokens: this.nameTokens.table(),
      tokenDocs: this.tokenDocs.group(),
      lengthKeys: Uint32Array.from(byLength.keys()),
      lengthNames: Lists.build([...byLength.values()]),
      shapes: StringTable.build([...byShape.keys()]),
      shapeNames: Lists.build([...byShape.values()]),
      lowerWords: this.lowerWords.table(),
      lowerCounts: this.lowerCounts.view(),
      persons: StringTable.build(personKeys),
      // As JSON.stringify([name, tokens, [[sentence, title], ...], mentions]) writes it (FlatPerson).
      personData: StringTable.build(
        [...this.persons.values()].map((p) => `[${JSON.stringify(p.name)},${JSON.stringify(p.tokens)},[${p.titles.map(([id, title]) => `[${id},${title}]`).join(',')}],[${p.mentions.join(',')}]]`),
        false,
      ),
      surnames: StringTable.build([...this.surnames.keys()]),
      surnamePersons: Lists.build([...this.surnames.values()].map((keys) => keys.map((k) => personNumber.get(k)!))),
    };
    this.kept.close();
    return { tables, load: loaderOf(this.kept) };
  }
}

/** Reads a seed's facts back from its kept strings (a function of its own: a closure keeps its whole scope). */
function loaderOf(kept: KeptStrings): DocLoader {
  return (n, flat) => {
    const [raw, prose, date, record] = kept.get(n);
    const first = flat.tables.docFirst[n];
    return restoreRecord({ raw, prose: prose || raw, date: date || undefined }, record, (i) => flat.termsOf(first + i));
  };
}

/** Is the sentence among the mentions? The seed being indexed (from docStart) has its own at the end. */
function mentioned(mentions: number[], at: number, docStart: number): boolean {
  for (let i = mentions.length - 1; i >= 0 && mentions[i] >= docStart; i--) if (mentions[i] === at) return true;
  return false;
}
