// Drafts about the bundled seed, written for these tests, with every mismatch marked as
// {{draft text|kind|seed value}}: each mark must be flagged (kind and seed value as marked) and nothing
// else; drafts without marks are faithful paraphrases and must raise no flag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft } from '../server/src/engine';
import { bundledIndex, ROOT } from './helpers';

const DIR = join(ROOT, 'test', 'fixtures', 'drafts');
const MARK = /\{\{([^{}|]+)\|(name|title|date|figure)\|([^{}]*)\}\}/g;
const index = bundledIndex();

function unmark(marked: string): { text: string; marks: Array<{ start: number; end: number; kind: string; expected: string }> } {
  const marks: Array<{ start: number; end: number; kind: string; expected: string }> = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    marks.push({ start: text.length, end: text.length + m[1].length, kind: m[2], expected: m[3] });
    text += m[1];
    last = m.index! + m[0].length;
  }
  return { text: text + marked.slice(last), marks };
}

for (const name of readdirSync(DIR).filter((f) => f.endsWith('.md')).sort()) {
  const { text, marks } = unmark(readFileSync(join(DIR, name), 'utf8'));
  test(`${name}: ${marks.length ? `${marks.length} marked mismatches flagged with the seed's value, nothing else` : 'a faithful paraphrase raises no flag'}`, () => {
    const flags = checkDraft(text, index, { format: 'markdown' }).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    const shown = (f: { range: { start: number; end: number } }) => JSON.stringify(text.slice(f.range.start, f.range.end));
    for (const m of marks) {
      const hit = flags.find((f) => f.range.start < m.end && m.start < f.range.end);
      assert.ok(hit, `${JSON.stringify(text.slice(m.start, m.end))} is flagged`);
      assert.equal(hit.kind, m.kind, `kind of ${shown(hit)}`);
      assert.equal(hit.expected.toLowerCase(), m.expected.toLowerCase(), `seed value offered for ${shown(hit)}`);
    }
    const unmarked = flags.filter((f) => !marks.some((m) => f.range.start < m.end && m.start < f.range.end));
    assert.deepEqual(unmarked.map((f) => `${shown(f)}: ${f.message}`), []);
  });
}
