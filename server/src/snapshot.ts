// The persisted index itself: the flat tables of a whole seed index (engine/flat.ts) in one file per
// set of seed paths, with the files it was built from (path, size, times) and each seed's stored facts
// (read only when a check needs that seed). Opened as it is when every file is unchanged; otherwise the
// seeds are loaded as before (facts from the per-seed cache) and the file is written afresh.
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { FACTS_FORMAT, formatOf, packFlat, readSeed, restoreFacts, SeedIndex, StringTable, stringHash, unpackFlat, type DocLoader, type StoredFacts } from './engine';
import { readSeedFile, seedKey } from './seedLoader';

export interface ListedFile {
  path: string;
  /** Which of the seed paths listed it. */
  root: number;
  stat: Stats;
}

export interface OpenedSnapshot {
  index: SeedIndex;
  /** The files indexed in the tables (changed ones included: they are masked when read again). */
  files: string[];
  skipped: Array<{ path: string; reason: string; root: number }>;
  /** Files changed or added since the index was saved, each with its place among the tables' seeds. */
  changed: Array<{ file: ListedFile; rank: number }>;
  /** Seeds of the tables whose files are gone. */
  removed: string[];
  /** The files the index was built from, to compare a listing made later with (diffListing). */
  saved: SavedListing;
  /**
   * Opened without a listing, the tables' checksum is not computed at once (a second of CPU for 100,000
   * seeds): this computes it (the tables are bounds-checked either way); on a mismatch it removes the
   * damaged file and says so (the caller loads again). Undefined when it was checked at open.
   */
  checkLater?: () => string | undefined;
}

/** The files an index was built from: paths, size and times, seed numbers, reasons for those not read. */
export interface SavedListing {
  table: StringTable;
  stats: Float64Array;
  /** Seed number + 1 of each file (0: not indexed). */
  fileDocs: Uint32Array;
  reasonAt: Map<number, string>;
  /** The indexed files, in order. */
  loaded: string[];
}

/**
 * What changed between the files an index was built from and a listing of them now: files changed or
 * added (each with its place among the index's seeds), seeds whose files are gone, files still skipped
 * for the reason they were; undefined if too much changed for an overlay.
 */
export function diffListing(saved: SavedListing, files: ListedFile[]): Pick<OpenedSnapshot, 'changed' | 'removed' | 'skipped'> | undefined {
  const { table, stats, fileDocs, reasonAt, loaded } = saved;
  const at = new Map<string, number>();
  for (let i = 0; i < table.size; i++) at.set(table.get(i), i);
  const changed: OpenedSnapshot['changed'] = [];
  const skipped: OpenedSnapshot['skipped'] = [];
  const present = new Set<string>();
  let lastDoc = -1;
  let after = 0;
  for (const f of files) {
    present.add(f.path);
    const i = at.get(f.path);
    let same = i !== undefined;
    if (i !== undefined) {
      const st = statOf(f.stat);
      for (let k = 0; k < 4; k++) if (stats[4 * i + k] !== st[k]) same = false;
    }
    if (i !== undefined && fileDocs[i] > 0) {
      lastDoc = fileDocs[i] - 1;
      after = 0;
      if (!same) changed.push({ file: f, rank: lastDoc });
    } else if (same) skipped.push({ path: f.path, reason: reasonAt.get(i!) ?? 'unreadable', root: f.root });
    else changed.push({ file: f, rank: lastDoc + ++after / 1024 / 1024 });
  }
  const removed = loaded.filter((p) => !present.has(p));
  if (changed.length + removed.length > MAX_CHANGES + loaded.length / 4) return undefined;
  return { changed, removed, skipped };
}

/** Tables left in the file when it is opened without a listing, and read list by list. */
const LAZY_SECTIONS = new Set(['postings.values', 'sentenceTerms.values']);

/** At most this many seeds changed, added or removed (besides a quarter of them) are taken in an overlay. */
const MAX_CHANGES = 64;

/** What a file's listing says of it: a change of any of these means its text may have changed. */
function statOf(st: Stats): number[] {
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino];
}

/** The tables' checksum: zlib's CRC-32 (native; the engine's own, in JavaScript, took most of an open). */
const tablesSum = (b: Uint8Array): string => `crc32:${crc32(b).toString(16)}.${b.length}`;

function snapshotPath(folder: string, key: string): string {
  return join(folder, `index-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.bin`);
}

interface Meta {
  engine: string;
  key: string;
  factsFormat: number;
  /** Listed files not indexed: [file number, reason]. */
  skipped: Array<[number, string]>;
  /** The bytes of seeds' stored facts after the tables. */
  blobBytes: number;
}

const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/**
 * The index saved for these seed paths, if it is still of these files: every listed file as it was (path,
 * size, times), or a few changed, added or removed (`changed`, `removed`: the caller re-reads them into
 * the index's overlay); else undefined. A damaged file is ignored with a message (and rewritten by the
 * load that follows).
 */
export function openSnapshot(folder: string, engine: string, key: string, files: ListedFile[] | undefined, maxBytes: number, messages: string[]): OpenedSnapshot | undefined {
  const path = snapshotPath(folder, key);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined; // not saved yet
  }
  let keep = false;
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    const headerLength = head.readUInt32LE(8);
    if (size < 16 + headerLength) throw new Error('index file is truncated');
    const header = Buffer.alloc(headerLength);
    readSync(fd, header, 0, headerLength, 16);
    let parsed: { bytes?: number; meta?: Partial<Meta>; checksum?: string; sections?: Array<[string, string, number, number]> };
    try {
      parsed = JSON.parse(header.toString('utf8'));
    } catch {
      throw new Error('index file header is damaged');
    }
    const m = parsed.meta;
    if (!m || m.engine !== engine || m.key !== key || m.factsFormat !== FACTS_FORMAT) return undefined;
    const eagerLength = 16 + headerLength + ((8 - ((16 + headerLength) % 8)) % 8) + Number(parsed.bytes);
    if (!(eagerLength + Number(m.blobBytes) === size)) throw new Error(`index file is truncated or has extra bytes (${size} bytes)`);
    const dataStart = eagerLength - Number(parsed.bytes);
    // Without a listing (the language server), the largest tables (postings and each sentence's terms)
    // are left in the file and read list by list, and the checksum is computed after the index is in use.
    const lazy = files ? [] : (Array.isArray(parsed.sections) ? parsed.sections : []).filter(([name]) => LAZY_SECTIONS.has(name));
    const eager = Buffer.allocUnsafe(eagerLength); // the lazy sections' bytes are never read nor touched
    const holes = lazy.map(([, , at, length]) => [dataStart + Number(at), dataStart + Number(at) + Number(length)]).sort((a, b) => a[0] - b[0]);
    let from = 0;
    for (const [start, end] of [...holes, [eagerLength, eagerLength]]) {
      for (let n = from; n < start; ) {
        const r = readSync(fd, eager, n, start - n, n);
        if (r <= 0) throw new Error('index file is truncated');
        n += r;
      }
      from = Math.max(from, end);
    }
    const readValues = (name: string, first: number, count: number): Uint32Array => {
      const [, , at, length] = lazy.find(([n]) => n === name)!;
      if (first + count > length / 4) throw new Error('index file is damaged (a list out of bounds)');
      const out = new Uint32Array(count);
      if (count > 0 && readSync(fd, Buffer.from(out.buffer), 0, 4 * count, dataStart + at + 4 * first) !== 4 * count) throw new Error('index file is truncated');
      return out;
    };
    const { tables, meta, section } = files
      ? unpackFlat(eager, tablesSum)
      : unpackFlat(eager, () => String(parsed.checksum), { sections: new Set(lazy.map(([name]) => name)), read: readValues });
    const checkLater = files
      ? undefined
      : () => {
          // The data read again from the file, in chunks (the lazy sections are not in memory).
          const chunk = Buffer.allocUnsafe(16 * 1024 * 1024);
          let crc = 0;
          for (let at = dataStart; at < eagerLength; ) {
            const r = readSync(fd, chunk, 0, Math.min(chunk.length, eagerLength - at), at);
            if (r <= 0) break;
            crc = crc32(chunk.subarray(0, r), crc);
            at += r;
          }
          if (`crc32:${crc.toString(16)}.${eagerLength - dataStart}` === parsed.checksum) return undefined;
          rmSync(path, { force: true }); // the load that follows writes it afresh
          return `ignored corrupt cache file ${path}: index file is damaged (checksum mismatch)`;
        };
    const listed = section('files.text');
    const offsets = section('files.offsets');
    const stats = section('fileStats');
    const fileDocs = section('fileDocs');
    const docHashes = section('docHashes');
    const blobOffsets = section('blobOffsets');
    const blobSums = section('blobSums');
    const skippedAt = (meta as unknown as Meta).skipped;
    const docs = tables.docPaths.size;
    if (typeof listed !== 'string' || !(offsets instanceof Uint32Array) || !(stats instanceof Float64Array) || !(fileDocs instanceof Uint32Array) || typeof docHashes !== 'string' || !(blobOffsets instanceof Float64Array) || !(blobSums instanceof Uint32Array) || !Array.isArray(skippedAt)) throw new Error('index file lacks its file list');
    const table = new StringTable(listed, offsets, new Uint32Array(0));
    if (table.size !== fileDocs.length || stats.length !== 4 * fileDocs.length || docHashes.length !== 64 * docs || blobOffsets.length !== docs + 1 || blobSums.length !== docs || blobOffsets[docs] !== m.blobBytes) throw new Error('index file has an inconsistent file list');
    const loaded: string[] = [];
    for (let i = 0; i < table.size; i++) if (fileDocs[i] > 0) loaded.push(table.get(i));
    if (loaded.length !== docs || loaded.some((p, n) => tables.docPaths.get(n) !== p)) throw new Error('index file has an inconsistent file list');
    const reasonAt = new Map<number, string>();
    for (const [i, reason] of skippedAt) {
      if (!(i >= 0 && i < table.size)) throw new Error('index file has an inconsistent file list');
      reasonAt.set(i, String(reason));
    }
    // The same files, unchanged; or a few changed, added or removed since. Without a listing, the files
    // are taken to be as they were (the caller compares a listing later).
    const saved: SavedListing = { table, stats, fileDocs, reasonAt, loaded };
    const diff = files ? diffListing(saved, files) : { changed: [], removed: [], skipped: [...reasonAt].map(([i, reason]) => ({ path: table.get(i), reason, root: 0 })) };
    if (!diff) return undefined;

    const blobStart = eagerLength;
    const load: DocLoader = (n, flat) => {
      const seed = tables.docPaths.get(n);
      const format = formatOf(seed);
      const r = readSeedFile(seed, maxBytes);
      if (r.text === undefined) throw new Error(`seed ${seed} can no longer be read (${r.reason}); load the seeds again`);
      if (seedKey(r.text, format) !== docHashes.slice(64 * n, 64 * n + 64)) throw new Error(`seed ${seed} changed after the seeds were loaded; load them again`);
      const first = tables.docFirst[n];
      try {
        const length = blobOffsets[n + 1] - blobOffsets[n];
        const bytes = Buffer.alloc(length);
        if (readSync(fd, bytes, 0, length, blobStart + blobOffsets[n]) !== length) throw new Error('truncated');
        const blob = bytes.toString('utf8');
        if (stringHash(blob) !== blobSums[n]) throw new Error('checksum mismatch');
        return restoreFacts(r.text, format, JSON.parse(blob), (i) => flat.termsOf(first + i));
      } catch (err) {
        messages.push(`ignored damaged facts of ${seed} in cache file ${path} (${(err as Error).message.split('\n')[0]}); read from the seed`);
        return readSeed(r.text, format);
      }
    };
    // What a seed held, from its stored facts alone (its text may have changed): to take it back.
    const stored = (n: number): StoredFacts => {
      const length = blobOffsets[n + 1] - blobOffsets[n];
      const bytes = Buffer.alloc(length);
      if (readSync(fd, bytes, 0, length, blobStart + blobOffsets[n]) !== length) throw new Error(`the stored facts of ${tables.docPaths.get(n)} are truncated`);
      const blob = bytes.toString('utf8');
      if (stringHash(blob) !== blobSums[n]) throw new Error(`the stored facts of ${tables.docPaths.get(n)} are damaged`);
      return JSON.parse(blob) as StoredFacts;
    };
    const index = SeedIndex.fromFlat(tables, load, stored);
    closer.register(index, fd);
    keep = true;
    return { index, files: loaded, ...diff, saved, checkLater };
  } catch (err) {
    messages.push(`ignored corrupt cache file ${path}: ${(err as Error).message.split('\n')[0]}`);
    return undefined;
  } finally {
    if (!keep) closeSync(fd);
  }
}

/**
 * Saves an index just loaded from these files (in order) for the next load: its flat tables, the file
 * list and each seed's stored facts. Not saved (without a message) if a seed's stored facts are missing.
 */
export function saveSnapshot(
  folder: string,
  engine: string,
  key: string,
  files: ListedFile[],
  reasons: ReadonlyMap<string, string>,
  index: SeedIndex,
  stored: (path: string) => StoredFacts | undefined,
  keys: ReadonlyMap<string, string>,
  messages: string[],
): boolean {
  const docs = [...index.seeds];
  const fileDocs = new Uint32Array(files.length);
  const skipped: Array<[number, string]> = [];
  let n = 0;
  for (const [i, f] of files.entries()) {
    const reason = reasons.get(f.path);
    if (reason !== undefined) skipped.push([i, reason]);
    else if (docs[n]?.path === f.path) fileDocs[i] = ++n;
    else return false;
  }
  if (n !== docs.length || docs.some((d) => keys.get(d.path) === undefined)) return false;
  const blobs: Buffer[] = [];
  const blobOffsets = new Float64Array(docs.length + 1);
  const blobSums = new Uint32Array(docs.length);
  for (const [d, doc] of docs.entries()) {
    const facts = stored(doc.path);
    if (!facts) return false;
    // Each sentence's terms are in the tables; its lower-case words are kept (to take them back when the
    // seed is removed).
    const blob = JSON.stringify({ ...facts, sentences: facts.sentences.map(({ terms: _terms, ...rest }) => rest) });
    const bytes = Buffer.from(blob, 'utf8');
    blobs.push(bytes);
    blobSums[d] = stringHash(blob);
    blobOffsets[d + 1] = blobOffsets[d] + bytes.length;
  }
  const stats = new Float64Array(4 * files.length);
  files.forEach((f, i) => stats.set(statOf(f.stat), 4 * i));
  const listed = StringTable.build(files.map((f) => f.path), false);
  const meta: Meta = { engine, key, factsFormat: FACTS_FORMAT, skipped, blobBytes: blobOffsets[docs.length] };
  const packed = packFlat(
    index.toFlat(),
    meta as unknown as Record<string, unknown>,
    [
    ['files.text', listed.text],
    ['files.offsets', listed.offsets],
    ['fileStats', stats],
    ['fileDocs', fileDocs],
    ['docHashes', docs.map((d) => keys.get(d.path)!).join('')],
    ['blobOffsets', blobOffsets],
      ['blobSums', blobSums],
    ],
    tablesSum,
  );
  const path = snapshotPath(folder, key);
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(folder, { recursive: true });
    const fd = openSync(tmp, 'w');
    try {
      for (const b of [packed, ...blobs]) for (let at = 0; at < b.length; ) at += writeSync(fd, b, at);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    return true;
  } catch (err) {
    rmSync(tmp, { force: true });
    messages.push(`could not write cache file ${path}: ${(err as Error).message.split('\n')[0]}`);
    return false;
  }
}
