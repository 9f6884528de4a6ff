// Shared fixtures for tests: the bundled seed and a way to check a draft against it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft, SeedIndex, type CheckResult, type Finding } from '../server/src/engine';

export const ROOT = join(__dirname, '..');
export const SEED_PATH = join(ROOT, 'seeds', '000_f8f410645ccb42d2.txt');
export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');

export function bundledIndex(): SeedIndex {
  const index = new SeedIndex();
  index.addSeed(SEED_PATH, SEED_TEXT);
  return index;
}

const shared = bundledIndex();

/** Checks a Markdown draft dated like the seed unless it says otherwise. */
export function check(draft: string, date = '2023-11-22'): CheckResult {
  return checkDraft(draft, shared, { format: 'markdown', date });
}

/** Findings that count as flags (error or warning). */
export function flags(draft: string, date?: string): Finding[] {
  return check(draft, date).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
}

export function flagged(draft: string, text: string, date?: string): Finding | undefined {
  return flags(draft, date).find((f) => draft.slice(f.range.start, f.range.end).includes(text) || text.includes(draft.slice(f.range.start, f.range.end)));
}
