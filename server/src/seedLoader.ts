// Reads seed files from disk into a SeedIndex, skipping what cannot be read with a one-line reason.
import { readdirSync, readFileSync, statSync, realpathSync } from 'node:fs';
import { join, resolve, extname } from 'node:path';
import { SeedIndex } from './engine';

export const SEED_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);
export const DEFAULT_MAX_SEED_BYTES = 5 * 1024 * 1024;

export interface Skipped {
  path: string;
  reason: string;
}

export interface TextRead {
  text?: string;
  reason?: string;
}

/** Decodes a file's bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Refuses binary data. */
export function decodeText(bytes: Buffer): TextRead {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { reason: 'binary file (contains NUL bytes)' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { reason: 'not valid UTF-8' };
  }
}

/** Reads one text file with a size limit. */
export function readTextFile(path: string, maxBytes = DEFAULT_MAX_SEED_BYTES): TextRead {
  try {
    const st = statSync(path);
    if (!st.isFile()) return { reason: 'not a regular file' };
    if (st.size > maxBytes) return { reason: `too large (${(st.size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(1)} MB)` };
    return decodeText(readFileSync(path));
  } catch (err) {
    return { reason: describeFsError(err) };
  }
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'symbolic link loop';
    case 'ENOTDIR': return 'not a folder';
    case 'EISDIR': return 'is a folder';
    default: return (err as Error)?.message?.split('\n')[0] ?? String(err);
  }
}

/** Lists the text files under a path (a file or a folder, recursed), following no link twice. */
export function listTextFiles(root: string, extensions = SEED_EXTENSIONS): { files: string[]; skipped: Skipped[] } {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const walk = (p: string, top: boolean) => {
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
        walk(join(p, name), false);
      }
    } else if (st.isFile()) {
      if (top || extensions.has(extname(p).toLowerCase())) files.push(p);
    }
  };
  walk(root, true);
  return { files, skipped };
}

export interface LoadedSeeds {
  index: SeedIndex;
  files: string[];
  skipped: Skipped[];
}

/** Loads every seed under the given paths. A path that does not exist is reported, not fatal. */
export function loadSeeds(paths: string[], options: { maxBytes?: number; index?: SeedIndex } = {}): LoadedSeeds {
  const index = options.index ?? new SeedIndex();
  const loaded: string[] = [];
  const skipped: Skipped[] = [];
  for (const root of paths) {
    const { files, skipped: s } = listTextFiles(resolve(root));
    skipped.push(...s);
    for (const file of files) {
      const r = readTextFile(file, options.maxBytes);
      if (r.text === undefined) {
        skipped.push({ path: file, reason: r.reason ?? 'unreadable' });
        continue;
      }
      index.addSeed(file, r.text);
      loaded.push(file);
    }
  }
  return { index, files: loaded, skipped };
}
