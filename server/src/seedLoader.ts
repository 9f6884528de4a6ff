// Reads seed files from disk into a SeedIndex, skipping what cannot be read with a one-line reason.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, realpathSync, writeFileSync, constants, type Stats } from 'node:fs';
import { join, resolve, extname, relative, isAbsolute, dirname } from 'node:path';
import { formatOf, readSeed, restoreFacts, SeedIndex, storeFacts, FACTS_FORMAT, type HeldFacts, type StoredFacts, type TextFormat } from './engine';
import { diffListing, openSnapshot, saveSnapshot, type ListedFile, type OpenedSnapshot } from './snapshot';

export const SEED_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
/**
 * Limits. A news article is 2-50 KB. The engine reads about a megabyte in 2-5 seconds of CPU, so a
 * larger file is skipped with its reason rather than read: 2 MB for a seed file (dozens of long
 * articles in one file), 1 MB for a draft (one article; the editor re-checks it as you type).
 */
export const DEFAULT_MAX_SEED_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_DRAFT_BYTES = 1 * 1024 * 1024;
/** At most this many seed files are read from all seed paths together; the rest are reported. */
export const DEFAULT_MAX_SEED_FILES = 10_000;

export interface Skipped {
  path: string;
  reason: string;
}

export interface TextRead {
  text?: string;
  reason?: string;
}

/** Decodes a file's bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Refuses binary data. */
export function decodeText(bytes: Uint8Array): TextRead {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { reason: 'binary file (contains NUL bytes); text must be UTF-8, or UTF-16 with a byte-order mark' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { reason: 'not valid UTF-8 (save it as UTF-8, or UTF-16 with a byte-order mark)' };
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/**
 * Reads one text file with a size limit. Opens it read-only and non-blocking, so a FIFO or a device
 * never stalls the reader, and reads at most maxBytes + 1 bytes whatever the file claims its size is.
 */
export function readTextFile(path: string, maxBytes = DEFAULT_MAX_SEED_BYTES): TextRead {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (st.isDirectory()) return { reason: 'is a folder' };
    if (!st.isFile()) return { reason: 'not a regular file' };
    if (st.size > maxBytes) return { reason: `too large (${megabytes(st.size)}; the limit is ${megabytes(maxBytes)})` };
    const buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, n)) > 0; ) n += r;
    if (n > maxBytes) return { reason: `too large (over ${megabytes(maxBytes)}, the limit)` };
    return decodeText(buf.subarray(0, n));
  } catch (err) {
    return { reason: describeFsError(err) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads one seed file as readTextFile does; a file holding nothing but white space is skipped too. */
export function readSeedFile(path: string, maxBytes = DEFAULT_MAX_SEED_BYTES): TextRead {
  const r = readTextFile(path, maxBytes);
  return r.text !== undefined && r.text.trim() === '' ? { reason: 'empty file' } : r;
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'symbolic link loop';
    case 'ENOTDIR': return 'not a folder';
    case 'EISDIR': return 'is a folder';
    case 'ENAMETOOLONG': return 'path too long';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    case 'EAGAIN': return 'not ready to be read (a pipe or device?)';
    default: return (err as Error)?.message?.split('\n')[0] ?? String(err);
  }
}

/**
 * Lists the text files under a path (a file or a folder, recursed), following no link twice.
 * What cannot be listed is reported in `skipped` with a one-line reason; hidden entries and
 * node_modules are not searched. At most maxFiles are listed; the rest are counted in one reason.
 */
export function listTextFiles(root: string, extensions = SEED_EXTENSIONS, options: { maxFiles?: number; stats?: Map<string, Stats> } = {}): { files: string[]; skipped: Skipped[] } {
  const listing = walkTextFiles(root, extensions, options);
  for (let step = listing.next(); !step.done; step = listing.next()) {
    // every step at once
  }
  return listing.result;
}

/** listTextFiles in slices of about `sliceMs`, letting other work run between them. */
export async function listTextFilesSliced(root: string, extensions = SEED_EXTENSIONS, options: { maxFiles?: number; stats?: Map<string, Stats>; sliceMs?: number } = {}): Promise<{ files: string[]; skipped: Skipped[] }> {
  const listing = walkTextFiles(root, extensions, options);
  let slice = Date.now();
  for (let step = listing.next(); !step.done; step = listing.next()) {
    if (Date.now() - slice < (options.sliceMs ?? 10)) continue;
    await new Promise((r) => setImmediate(r));
    slice = Date.now();
  }
  return listing.result;
}

/** The walk of listTextFiles, one step per entry (its result once done). */
function walkTextFiles(root: string, extensions: Set<string>, options: { maxFiles?: number; stats?: Map<string, Stats> }) {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const maxFiles = options.maxFiles ?? Infinity;
  let over = 0;
  const walk = function* (p: string, top: boolean): Generator<void> {
    yield;
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      skipped.push({ path: p, reason: describeFsError(err) });
      return;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = realpathSync(p);
      } catch (err) {
        skipped.push({ path: p, reason: describeFsError(err) });
        return;
      }
      if (seen.has(real)) {
        skipped.push({ path: p, reason: 'symbolic link loop (folder already read)' });
        return;
      }
      seen.add(real);
      let entries: string[];
      try {
        entries = readdirSync(p).sort();
      } catch (err) {
        skipped.push({ path: p, reason: describeFsError(err) });
        return;
      }
      for (const name of entries) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        yield* walk(join(p, name), false);
      }
    } else if (top || extensions.has(extname(p).toLowerCase())) {
      if (!st.isFile()) skipped.push({ path: p, reason: 'not a regular file or folder' });
      else if (files.length < maxFiles) {
        files.push(p);
        options.stats?.set(p, st);
      } else over++;
    }
  };
  const steps = walk(root, true);
  const result = { files, skipped };
  return {
    result,
    next(): IteratorResult<void> {
      const step = steps.next();
      if (step.done && over > 0) {
        skipped.push({ path: root, reason: `file limit reached: read ${maxFiles} files, left ${over} more unread` });
        over = 0;
      }
      return step;
    },
  };
}

export interface LoadedSeeds {
  index: SeedIndex;
  files: string[];
  skipped: Skipped[];
  /** What the persisted index did, when a cache folder was given. */
  cache?: CacheReport;
}

export interface CacheReport {
  dir: string;
  /** Seeds whose facts were read from the cache. */
  hits: number;
  /** Seeds whose facts were extracted (and stored). */
  misses: number;
  /** Cache files ignored or not written, one line each ("corrupt cache file ...: ..."). */
  messages: string[];
  /** The built index was opened from its file (not built from the seeds' facts). */
  opened?: boolean;
  /** The built index was written to its file by this load. */
  written?: boolean;
  /** Seed files changed, added or removed since the opened index was written (taken in its overlay). */
  changed?: number;
}

export interface LoadOptions {
  maxBytes?: number;
  /** At most this many seed files from all paths together (DEFAULT_MAX_SEED_FILES). */
  maxFiles?: number;
  index?: SeedIndex;
  /** Seed files for which this is false are left unread (the editor's ignored seeds). */
  accept?: (path: string) => boolean;
  /**
   * What `accept` accepts, as a string (e.g. the ignored-seed globs): with it, the built index is kept
   * for an `accept`ed set of seeds too (keyed by it); without it, an `accept` disables the built index.
   */
  acceptKey?: string;
  /**
   * A folder for the persisted index (the extension's storage folder, or the CLI's --cache). Seeds whose
   * text was seen before are not extracted again. Never inside a seed folder.
   */
  cacheDir?: string;
  /** Overrides the engine fingerprint the cache is keyed by (tests). */
  engineVersion?: string;
  /**
   * Given, the built index's file is not written during the load: `later` receives a function that writes
   * it (and returns whether it did), for the caller to run when it is idle (the language server: after
   * the first checks). It must not be run after the index changed.
   */
  saveLater?: (write: () => boolean) => void;
  /**
   * Given (with a cache folder), a built index of these seed paths is opened without listing the seed
   * files first (100,000 of them take seconds to list): `verify` then receives a function that lists them
   * in slices (other work runs between), applies what changed since the index was saved, and resolves
   * with what it did. Without a built index, the seeds load as usual and `verify` is not called.
   */
  verifyLater?: (verify: () => Promise<VerifiedSeeds>) => void;
}

/**
 * Loads every seed under the given paths. Nothing here throws: a path that does not exist, a file
 * that cannot be read or decoded, an empty or too large one is reported in `skipped` with a one-line
 * reason, and the other seeds are loaded.
 */
export function loadSeeds(paths: string[], options: LoadOptions = {}): LoadedSeeds {
  const index = options.index ?? new SeedIndex();
  const loaded: string[] = [];
  const skipped: Skipped[] = [];
  let budget = options.maxFiles ?? DEFAULT_MAX_SEED_FILES;
  const cacheDir = options.cacheDir;
  const seedFolder = cacheDir === undefined ? undefined : paths.find((p) => isInside(cacheDir, p));
  if (cacheDir !== undefined && seedFolder !== undefined) {
    // Nothing is ever written inside a seed folder: the seeds are loaded without the cache.
    const r = loadSeeds(paths, { ...options, cacheDir: undefined });
    return { ...r, cache: { dir: cacheDir, hits: 0, misses: 0, messages: [`the cache folder ${cacheDir} is inside the seed folder ${seedFolder}: not used`] } };
  }
  const cache = cacheDir !== undefined ? new FactsCache(cacheDir, options.engineVersion ?? engineVersion()) : undefined;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SEED_BYTES;
  const keyed = !options.accept || options.acceptKey !== undefined;
  const key = JSON.stringify([paths.map((p) => resolve(p)), maxBytes, options.maxFiles ?? DEFAULT_MAX_SEED_FILES, ...(options.accept ? [options.acceptKey] : [])]);
  let useSnapshot = cache !== undefined && !options.index && keyed;
  // Opened without listing the files first (checked against a listing later, by `verifyLater`'s caller).
  if (cache && useSnapshot && options.verifyLater) {
    const opened = openSnapshot(cache.folderPath, cache.engineName, key, undefined, maxBytes, cache.report.messages);
    if (opened) {
      cache.report.opened = true;
      cache.report.hits = opened.files.length;
      const verify = async (): Promise<VerifiedSeeds> => {
        const damaged = opened.checkLater?.();
        if (damaged) {
          cache.report.messages.push(damaged);
          return { reload: true, changed: 0, files: [], skipped: [], messages: [damaged] };
        }
        await new Promise((r) => setImmediate(r));
        const stats = new Map<string, Stats>();
        let left = options.maxFiles ?? DEFAULT_MAX_SEED_FILES;
        const listing: Array<{ files: string[]; skipped: Skipped[] }> = [];
        for (const root of paths) {
          const listed = await listTextFilesSliced(resolve(root), SEED_EXTENSIONS, { maxFiles: left, stats });
          left -= listed.files.length;
          if (options.accept) listed.files = listed.files.filter(options.accept);
          listing.push(listed);
        }
        const files = listedFiles(listing, stats);
        const diff = diffListing(opened.saved, files);
        if (!diff) return { reload: true, changed: 0, files: [], skipped: [], messages: [] };
        const before = cache.report.messages.length;
        const r = applyChanges(opened.index, cache, diff, files, listing, maxBytes);
        return { reload: false, changed: r.changed, files: r.files, skipped: r.skipped, messages: cache.report.messages.slice(before) };
      };
      options.verifyLater(verify);
      return { index: opened.index, files: opened.files, skipped: opened.skipped.map(({ path, reason }) => ({ path, reason })), cache: cache.report };
    }
    useSnapshot = false; // none, or not usable: a listing would not open it either (it is written afresh below)
  }
  // The seed files, listed first (with their size and times, which the flat index is checked against).
  const stats = new Map<string, Stats>();
  const listing = paths.map((root) => {
    const listed = listTextFiles(resolve(root), SEED_EXTENSIONS, { maxFiles: budget, stats });
    budget -= listed.files.length;
    // Seeds not accepted (ignored) are left unread, as if not listed.
    if (options.accept) listed.files = listed.files.filter(options.accept);
    return listed;
  });
  // A cache holding the index of these very files (same sizes and times) is opened as it is, or with the
  // few files changed since read again.
  const snapshot = cache && keyed && !options.index ? { key, files: listedFiles(listing, stats) } : undefined;
  if (cache && snapshot && useSnapshot) {
    const opened = openSnapshot(cache.folderPath, cache.engineName, snapshot.key, snapshot.files, maxBytes, cache.report.messages);
    if (opened) {
      cache.report.opened = true;
      const r = applyChanges(opened.index, cache, opened, snapshot.files, listing, maxBytes);
      cache.report.hits += r.fromTables;
      return { index: opened.index, files: r.files, skipped: r.skipped, cache: cache.report };
    }
  }
  const reasons = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const { files, skipped: s } of listing) {
    skipped.push(...s);
    for (const file of files) {
      const r = readSeedFile(file, maxBytes);
      if (r.text === undefined) {
        skipped.push({ path: file, reason: r.reason ?? 'unreadable' });
        reasons.set(file, r.reason ?? 'unreadable');
        continue;
      }
      try {
        if (cache) {
          const key = cache.keyOf(r.text, formatOf(file));
          keys.set(file, key);
          index.addExtracted(file, cache.facts(r.text, formatOf(file), key));
        } else index.addSeed(file, r.text);
        loaded.push(file);
      } catch (err) {
        try {
          index.removeSeed(file);
        } catch {
          // nothing more to undo
        }
        const reason = `could not be indexed: ${String((err as Error)?.message ?? err).split('\n')[0]}`;
        skipped.push({ path: file, reason });
        reasons.set(file, reason);
        keys.delete(file);
      }
    }
  }
  index.finishLoading();
  cache?.save();
  if (cache && snapshot) {
    const write = () => (cache.report.written = saveSnapshot(cache.folderPath, cache.engineName, snapshot.key, snapshot.files, reasons, index, (file) => cache.stored(keys.get(file)!), keys, cache.report.messages));
    if (options.saveLater) options.saveLater(write);
    else write();
  }
  return { index, files: loaded, skipped, cache: cache?.report };
}

/** The files of a listing (one per seed path), with the seed path that listed each and its size and times. */
function listedFiles(listing: Array<{ files: string[] }>, stats: Map<string, Stats>): ListedFile[] {
  const files: ListedFile[] = [];
  listing.forEach((l, root) => l.files.forEach((path) => files.push({ path, root, stat: stats.get(path)! })));
  return files;
}

/**
 * Applies to an opened index what changed since it was saved: seeds removed, seeds changed or added read
 * (facts from the cache when seen before) into its overlay at their place. The file is not rewritten: the
 * next start does the same. Returns the files indexed and skipped, as a load would.
 */
function applyChanges(
  index: SeedIndex,
  cache: FactsCache,
  diff: Pick<OpenedSnapshot, 'changed' | 'removed' | 'skipped'>,
  files: ListedFile[],
  listing: Array<{ skipped: Skipped[] }>,
  maxBytes: number,
): { files: string[]; skipped: Skipped[]; changed: number; fromTables: number } {
  const failed: Array<{ path: string; reason: string; root: number }> = [];
  for (const path of diff.removed) index.removeSeed(path);
  for (const { file, rank } of diff.changed) {
    const r = readSeedFile(file.path, maxBytes);
    let reason = r.reason ?? 'unreadable';
    if (r.text !== undefined) {
      try {
        index.addExtracted(file.path, cache.facts(r.text, formatOf(file.path)), rank);
        continue;
      } catch (err) {
        reason = `could not be indexed: ${String((err as Error)?.message ?? err).split('\n')[0]}`;
      }
    }
    index.removeSeed(file.path);
    failed.push({ path: file.path, reason, root: file.root });
  }
  const changed = diff.removed.length + diff.changed.length;
  cache.report.changed = (cache.report.changed ?? 0) + changed;
  if (changed) cache.save();
  const indexed = files.filter((f) => index.has(f.path)).map((f) => f.path);
  const skipped: Skipped[] = [];
  listing.forEach((l, root) => skipped.push(...l.skipped, ...diff.skipped.filter((s) => s.root === root), ...failed.filter((s) => s.root === root)));
  return { files: indexed, skipped: skipped.map(({ path, reason }) => ({ path, reason })), changed, fromTables: indexed.length - (diff.changed.length - failed.length) };
}

/** What a later check of the files of an index opened without listing them found and did. */
export interface VerifiedSeeds {
  /** Too much changed for the opened index: load the seeds again. */
  reload: boolean;
  /** Seed files changed, added or removed, applied to the index. */
  changed: number;
  files: string[];
  skipped: Skipped[];
  /** Cache messages of the check. */
  messages: string[];
}

/** Is `inner` the folder `outer` or inside it? */
export function isInside(inner: string, outer: string): boolean {
  const r = relative(resolve(outer), resolve(inner));
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

// ---- The persisted index ----------------------------------------------------------------------------

declare const FACTDESK_ENGINE_HASH: string;
let devEngineVersion: string | undefined;

/**
 * The engine's fingerprint: a hash of its sources and dependencies, fixed at build time; a cache made by
 * another engine is not read. (Run from sources, e.g. in tests, it is computed from the files.)
 */
export function engineVersion(): string {
  if (typeof FACTDESK_ENGINE_HASH === 'string') return FACTDESK_ENGINE_HASH;
  if (devEngineVersion === undefined) {
    const h = createHash('sha256');
    try {
      const dir = join(__dirname, 'engine');
      for (const f of readdirSync(dir).sort()) h.update(f).update(readFileSync(join(dir, f)));
    } catch {
      h.update('sources not found');
    }
    devEngineVersion = 'dev-' + h.digest('hex').slice(0, 16);
  }
  return devEngineVersion;
}

const SHARDS = 256;

/** The key a seed's facts are kept under: a hash of its format and text. */
export function seedKey(text: string, format: TextFormat): string {
  return createHash('sha256').update(format).update('\0').update(text).digest('hex');
}
const MAX_SHARD_ENTRIES = 2048;

interface Shard {
  entries: Map<string, StoredFacts>;
  /** Keys used by this load: the others are dropped when the shard is written. */
  used: Set<string>;
  dirty: boolean;
}

/**
 * Seeds' facts on disk, keyed by a hash of the seed's format and text, in 256 shard files under a folder
 * named after the engine's fingerprint. A shard that cannot be read is ignored (with a message) and
 * written afresh; facts of texts no longer loaded are dropped when their shard outgrows its bound.
 * Use: `const cache = new FactsCache(dir); index.addExtracted(path, cache.facts(text, format)); ...;
 * cache.save()` (loadSeeds does this when given a cacheDir); `cache.report` counts hits and misses.
 */
export class FactsCache {
  readonly report: CacheReport;
  private readonly folder: string;
  private readonly shards = new Map<number, Shard>();

  constructor(dir: string, private readonly engine: string = engineVersion()) {
    this.report = { dir, hits: 0, misses: 0, messages: [] };
    this.folder = join(dir, `factdesk-index-${FACTS_FORMAT}-${engine.replace(/[^A-Za-z0-9._-]/g, '_')}`);
  }

  /** The folder of this engine's cache files, and the engine's fingerprint. */
  get folderPath(): string {
    return this.folder;
  }

  get engineName(): string {
    return this.engine;
  }

  /** The key a text's facts are kept under: a hash of its format and text. */
  keyOf(text: string, format: TextFormat): string {
    return seedKey(text, format);
  }

  /** The stored facts kept under a key (those of this load's seeds are all kept until save). */
  stored(key: string): StoredFacts | undefined {
    return this.shards.get(parseInt(key.slice(0, 2), 16) % SHARDS)?.entries.get(key);
  }

  facts(text: string, format: TextFormat, key = seedKey(text, format)): HeldFacts {
    const shard = this.shard(parseInt(key.slice(0, 2), 16) % SHARDS);
    shard.used.add(key);
    const stored = shard.entries.get(key);
    if (stored) {
      try {
        const facts = restoreFacts(text, format, stored);
        this.report.hits++;
        return facts;
      } catch (err) {
        this.report.messages.push(`ignored a corrupt cache entry in ${this.shardPath(parseInt(key.slice(0, 2), 16))}: ${(err as Error).message}`);
      }
    }
    const facts = readSeed(text, format);
    shard.entries.set(key, storeFacts(facts));
    shard.dirty = true;
    this.report.misses++;
    return facts;
  }

  private shardPath(n: number): string {
    return join(this.folder, `${n.toString(16).padStart(2, '0')}.json`);
  }

  private shard(n: number): Shard {
    let shard = this.shards.get(n);
    if (shard) return shard;
    shard = { entries: new Map(), used: new Set(), dirty: false };
    this.shards.set(n, shard);
    const path = this.shardPath(n);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return shard; // not cached yet
    }
    try {
      const data = JSON.parse(bytes.toString('utf8')) as { engine?: string; format?: number; entries?: Record<string, StoredFacts> };
      if (!data || data.engine !== this.engine || data.format !== FACTS_FORMAT || typeof data.entries !== 'object' || data.entries === null) throw new Error('not a FactDesk index file of this engine');
      shard.entries = new Map(Object.entries(data.entries));
    } catch (err) {
      this.report.messages.push(`ignored corrupt cache file ${path}: ${(err as Error).message.split('\n')[0]}`);
      shard.dirty = true;
    }
    return shard;
  }

  /** Writes the shards this load changed (atomically), and removes index folders of other engines. */
  save(): void {
    for (const [n, shard] of this.shards) {
      // Facts of texts this load did not read are kept (another seed folder may use the same cache)
      // until the shard grows past its bound; then only this load's are kept.
      const prune = shard.entries.size > MAX_SHARD_ENTRIES;
      if (!shard.dirty && !prune) continue;
      const entries: Record<string, StoredFacts> = {};
      for (const [k, e] of shard.entries) if (!prune || shard.used.has(k)) entries[k] = e;
      const path = this.shardPath(n);
      try {
        mkdirSync(dirname(path), { recursive: true });
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ engine: this.engine, format: FACTS_FORMAT, entries }));
        renameSync(tmp, path);
      } catch (err) {
        this.report.messages.push(`could not write cache file ${path}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    try {
      for (const name of readdirSync(this.report.dir)) {
        if (name.startsWith('factdesk-index-') && join(this.report.dir, name) !== this.folder) rmSync(join(this.report.dir, name), { recursive: true, force: true });
      }
    } catch {
      // nothing to tidy
    }
  }
}
