// Unit tests of the server's pure helpers: suppression comments, settings, globs, the workspace file,
// and the manifest's contributions matching what the server understands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSuppressions, suppressionFor } from '../server/src/suppress';
import { defaultSettings, parseSettings } from '../server/src/settings';
import { isDraft, matchGlob } from '../server/src/workspaceFiles';
import { isAccepted, parseWorkspaceConfig } from '../server/src/workspaceConfig';
import { ROOT } from './lspClient';
import { checkDraft, LineMap } from '../server/src/engine';
import { fixEdits, offersFix, rangeOf } from '../server/src/lspDiagnostics';
import { bundledIndex } from './helpers';

test('suppressions: ignore-next-line skips blank lines; disable runs to enable or the end; kinds limit them', () => {
  const text = ['a', '<!-- factdesk-ignore-next-line -->', '', 'b', 'c', '<!-- factdesk-disable figure -->', 'd', '<!-- factdesk-enable -->', 'e', '<!--factdesk-disable-->', 'f'].join('\n');
  const s = parseSuppressions(text);
  assert.ok(!suppressionFor(s, 0, 'name'));
  assert.ok(suppressionFor(s, 3, 'name'));
  assert.ok(!suppressionFor(s, 4, 'name'));
  assert.ok(suppressionFor(s, 6, 'figure'));
  assert.ok(!suppressionFor(s, 6, 'date'));
  assert.ok(!suppressionFor(s, 8, 'date'));
  assert.ok(suppressionFor(s, 10, 'title'));
  assert.deepEqual(parseSuppressions('<!-- factdesk-ignore -->\nx'), []);
});

test('settings: nested and flat forms; malformed values fall back to defaults with a message each', () => {
  const ok = parseSettings({ checks: { figures: false }, 'severity.title': 'error', debounceMs: 0, seedPaths: ['a', ''] });
  assert.deepEqual(ok.problems, []);
  assert.equal(ok.settings.checks.figure, false);
  assert.equal(ok.settings.checks.name, true);
  assert.equal(ok.settings.severity.title, 'error');
  assert.equal(ok.settings.debounceMs, 0);
  assert.deepEqual(ok.settings.seedPaths, ['a']);
  const bad = parseSettings({ enable: 'yes', debounceMs: -5, maxFileSize: 'big', draftGlobs: [1], severity: { date: 'loud' } });
  assert.equal(bad.problems.length, 5, bad.problems.join('\n'));
  const d = defaultSettings();
  assert.deepEqual(bad.settings, d);
  assert.equal(parseSettings('nonsense').problems.length, 1);
});

test('globs and drafts', () => {
  assert.ok(matchGlob('**/*.md', 'a/b/c.md'));
  assert.ok(matchGlob('**/*.md', 'c.md'));
  assert.ok(matchGlob('drafts/**', 'drafts/x/y.txt'));
  assert.ok(!matchGlob('drafts/**', 'other/y.txt'));
  assert.ok(matchGlob('*.{md,txt}', 'deep/x.txt'));
  assert.ok(!matchGlob('**/*.md', 'a.txt'));
  assert.ok(isDraft('/w/drafts/a.md', '/w', ['**/*.md'], ['/w/seeds']));
  assert.ok(!isDraft('/w/seeds/a.md', '/w', ['**/*.md'], ['/w/seeds']));
  assert.ok(!isDraft('/w/notes/a.txt', '/w', ['drafts/**'], ['/w/seeds']));
});

test('.factdesk.json: parsing, problems, accepted claims', () => {
  const { config, problems } = parseWorkspaceConfig(
    JSON.stringify({ accepted: [{ kind: 'title', text: 'Prime Minister', expected: 'Foreign Secretary' }, { kind: 'colour', text: 'x' }], checks: { figures: false, speed: true }, ignoredSeeds: ['old/'] }),
  );
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.equal(config.checks.figure, false);
  assert.ok(isAccepted(config, { kind: 'title', text: 'prime  minister', expected: 'Foreign Secretary' }));
  assert.ok(!isAccepted(config, { kind: 'title', text: 'Prime Minister', expected: 'President' }));
  assert.ok(!isAccepted(config, { kind: 'name', text: 'Prime Minister', expected: 'Foreign Secretary' }));
  assert.match(parseWorkspaceConfig('{').problems[0], /not valid JSON/);
});

test('the manifest contributes every setting the server reads and a palette command for each user command', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties as Record<string, { default: unknown; scope: string }>;
  const d = defaultSettings();
  const expected: Record<string, unknown> = {
    'factdesk.seedPaths': d.seedPaths,
    'factdesk.enable': d.enable,
    'factdesk.checks.names': true,
    'factdesk.checks.titles': true,
    'factdesk.checks.dates': true,
    'factdesk.checks.figures': true,
    'factdesk.severity.name': 'default',
    'factdesk.severity.title': 'default',
    'factdesk.severity.date': 'default',
    'factdesk.severity.figure': 'default',
    'factdesk.debounceMs': d.debounceMs,
    'factdesk.maxFileSize': d.maxFileSize,
    'factdesk.draftGlobs': d.draftGlobs,
  };
  assert.deepEqual(Object.keys(props).sort(), Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) {
    assert.deepEqual(props[k].default, v, k);
    assert.equal(props[k].scope, 'resource', k);
  }
  const titles = pkg.contributes.commands.map((c: { category: string; title: string }) => `${c.category}: ${c.title}`);
  for (const t of ['Check Current Document', 'Check All Drafts in Workspace', 'Show Fact Base', 'Reload Seeds', 'Export Fact-Check Report']) assert.ok(titles.includes(`FactDesk: ${t}`), t);
  const client = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
  for (const c of pkg.contributes.commands) assert.ok(client.includes(`registerCommand('${c.command}'`), `the client registers ${c.command}`);
});

test('only a flag offers the seed\'s value as a fix: Fix all leaves a note (a later toll the draft reports) as written', () => {
  const draft = readFileSync(join(ROOT, 'examples', 'toll-update.md'), 'utf8');
  const { findings } = checkDraft(draft, bundledIndex(), { format: 'markdown' });
  const note = findings.find((f) => f.code === 'figure-updated');
  const flag = findings.find((f) => f.severity === 'error');
  assert.ok(note && note.severity === 'information' && note.expected && flag, JSON.stringify(findings));
  assert.equal(offersFix(note), false);
  assert.equal(offersFix(flag), true);
  const lines = new LineMap(draft);
  const edits = fixEdits(findings, lines);
  assert.deepEqual(edits.map((e) => e.newText), [flag.expected]);
  assert.deepEqual(edits[0].range, rangeOf(lines, flag.range));
});
