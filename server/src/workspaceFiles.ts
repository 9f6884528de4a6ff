// Files of a workspace: globs, file URIs, which folder a file belongs to, which files are drafts.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative, resolve, sep, isAbsolute } from 'node:path';
import { listTextFiles, SEED_EXTENSIONS, type Skipped } from './seedLoader';

const globCache = new Map<string, RegExp>();

/** Compiles a glob (**, *, ?, {a,b}, [abc]) to a regular expression over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (re) return re;
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      depth++;
      out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) out += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) out += '\\[';
      else {
        out += '[' + glob.slice(i + 1, end).replace(/\\/g, '\\\\').replace(/^!/, '^') + ']';
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  re = new RegExp(`^${out}$`, 'i');
  globCache.set(glob, re);
  return re;
}

/** Does a '/'-separated relative path match the glob? A glob without '/' matches the base name anywhere. */
export function matchGlob(glob: string, rel: string): boolean {
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!g.includes('/')) return globToRegExp(g).test(rel.split('/').pop() ?? rel);
  return globToRegExp(g).test(rel);
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Is `child` inside (or equal to) `parent`? */
export function isInside(parent: string, child: string): boolean {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

export function relPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Is this file a draft by the globs (relative to the folder root), and not a seed? */
export function isDraft(path: string, root: string | undefined, globs: string[], seedRoots: string[]): boolean {
  if (seedRoots.some((s) => isInside(resolve(s), path))) return false;
  const rel = root && isInside(root, path) ? relPath(root, path) : path.split(sep).join('/').replace(/^\/+/, '');
  return globs.some((g) => matchGlob(g, rel));
}

/**
 * The drafts under a folder: text files matching the globs, seeds and hidden folders left out; and the
 * paths matching the globs that are not regular files (a FIFO, a dangling link, a link loop) with why.
 */
export function listDrafts(root: string, globs: string[], seedRoots: string[]): { files: string[]; skipped: Skipped[] } {
  const { files, skipped } = listTextFiles(root, SEED_EXTENSIONS);
  const draft = (p: string) => isDraft(p, root, globs, seedRoots);
  return { files: files.filter(draft), skipped: skipped.filter((s) => draft(s.path)) };
}
