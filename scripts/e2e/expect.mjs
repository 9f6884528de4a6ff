// What the end-to-end workspace holds and what FactDesk must flag in it. The drafts under fixtures/drafts
// contradict the bundled seed in known places; positions are computed from the draft text here, so the
// assertions do not depend on what the engine happens to output.
import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

export const FIXTURES = join(ROOT, 'scripts', 'e2e', 'fixtures');
export const SEED_FILE = readdirSync(join(ROOT, 'seeds')).filter((f) => /\.(txt|md)$/.test(f)).sort()[0];

/** Each expected finding: the draft, its code, the draft's wrong text (nth occurrence), the seed's value. */
export const EXPECTED = [
  { draft: 'drafts/london.md', code: 'title-mismatch', text: 'Prime Minister', expected: 'Foreign Secretary' },
  { draft: 'drafts/london.md', code: 'date-mismatch', text: 'Nov. 12', expected: 'Nov. 11' },
  { draft: 'drafts/london.md', code: 'figure-mismatch', text: '6,800', expected: '5,800' },
  { draft: 'drafts/tour.md', code: 'name-spelling', text: 'Hakan Fiden', expected: 'Hakan Fidan' },
];
/** Drafts with nothing to flag. */
export const CLEAN = ['drafts/clean.md'];

/** The seed edit the run makes, and what it must do to drafts/london.md. */
export const SEED_EDIT = {
  // the draft's "Nov. 12" becomes right: its date finding must go
  fixes: { find: 'Nov. 11 extraordinary', replace: 'Nov. 12 extraordinary', gone: 'date-mismatch' },
  // the title the quick fix wrote into the draft becomes wrong: a new title finding must come
  breaks: { find: 'British Foreign Secretary', replace: 'British Home Secretary', draft: 'drafts/london.md', code: 'title-mismatch', text: 'Foreign Secretary', expected: 'Home Secretary' },
};

/** Zero-based line/character of a text's first occurrence in a file's text (UTF-16, like LSP). */
export function positionOf(text, needle) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the draft`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export function expectedRange(ws, e) {
  const text = readFileSync(join(ws, e.draft), 'utf8');
  const start = positionOf(text, e.text);
  return { start, end: { line: start.line, character: start.character + e.text.length } };
}

/** A fresh workspace: seeds/ holding the bundled seed, drafts/ holding the fixtures. */
export function makeWorkspace(dir) {
  mkdirSync(join(dir, 'seeds'), { recursive: true });
  cpSync(join(ROOT, 'seeds', SEED_FILE), join(dir, 'seeds', SEED_FILE));
  cpSync(join(FIXTURES, 'drafts'), join(dir, 'drafts'), { recursive: true });
  return dir;
}
