import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers';

const CLI = join(ROOT, 'dist', 'cli.js');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function drafts(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const WRONG = '---\ndate: 2023-11-22\n---\nBritish Prime Minister David Cameron met Hakan Fidan.\n\nThe summit took place on Nov. 12 in Riyadh.\n';
const CLEAN = '---\ndate: 2023-11-22\n---\nForeign Minister Hakan Fidan met British Foreign Secretary David Cameron in London on Wednesday.\n';

test('JSON output has the documented shape, with LSP positions and evidence', () => {
  const dir = drafts({ 'wrong.md': WRONG });
  const r = run(['check', '--seeds', join(ROOT, 'seeds'), '--format', 'json', join(dir, 'wrong.md')]);
  assert.equal(r.status, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.version, 1);
  assert.deepEqual(Object.keys(report.seeds), ['files', 'facts']);
  assert.equal(report.seeds.files, 1);
  assert.ok(report.seeds.facts > 10);
  assert.equal(report.files.length, 1);
  const diags = report.files[0].diagnostics;
  const title = diags.find((d: { kind: string }) => d.kind === 'title');
  assert.deepEqual(title.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 22 } });
  assert.equal(title.severity === 'error' || title.severity === 'warning', true);
  assert.equal(title.expected, 'Foreign Secretary');
  assert.equal(title.code, 'title-mismatch');
  assert.deepEqual(Object.keys(title).sort(), ['code', 'evidence', 'expected', 'kind', 'message', 'range', 'severity']);
  const ev = title.evidence[0];
  assert.match(ev.seed, /000_f8f410645ccb42d2\.txt$/);
  assert.equal(ev.date, '2023-11-22');
  assert.equal(ev.range.start.line, 2, 'the evidence sentence is on the seed\'s third line');
  assert.ok(diags.some((d: { kind: string; expected: string }) => d.kind === 'date' && d.expected === 'Nov. 11'));
});

test('text output reads like a compiler: file:line:col: severity [kind] message (seed:line)', () => {
  const dir = drafts({ 'wrong.md': WRONG });
  const r = run(['check', join(dir, 'wrong.md')]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /wrong\.md:4:9: (error|warning) \[title\] .*Foreign Secretary.* \(seeds\/000_f8f410645ccb42d2\.txt:3\)/);
  assert.match(r.stdout, /1 draft checked against 1 seed/);
});

test('exit 0 when nothing is flagged; folders are searched for .md and .txt drafts', () => {
  const dir = drafts({ 'a/clean.md': CLEAN, 'b/clean.txt': CLEAN.replace(/^---[\s\S]*?---\n/, ' date 2023-11-22 '), 'ignored.json': '{}' });
  const r = run(['check', '--format', 'json', dir]);
  assert.equal(r.status, 0, r.stdout);
  assert.equal(JSON.parse(r.stdout).files.length, 2);
});

test('exit 2 with a one-line message for a missing draft, a missing seed folder or a bad option', () => {
  for (const args of [['check', '/no/such/draft.md'], ['check', '--seeds', '/no/such/seeds', 'README.md'], ['check', '--format', 'xml', 'README.md'], ['check'], ['frobnicate']]) {
    const r = run(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^factdesk: /);
    assert.doesNotMatch(r.stderr, /\bat .*\.js:\d+/, 'no stack trace');
  }
  assert.match(run(['check', '/no/such/draft.md']).stderr, /draft path not found: \/no\/such\/draft\.md/);
});

test('--date dates drafts that carry no dateline', () => {
  const dir = drafts({ 'tuesday.txt': 'On Tuesday, Foreign Minister Hakan Fidan led diplomatic efforts in discussions with the United Kingdom.\n' });
  const dateOf = (args: string[]) => JSON.parse(run(['check', '--format', 'json', ...args, dir]).stdout).files[0].diagnostics.find((d: { kind: string }) => d.kind === 'date');
  const undated = dateOf([]);
  const dated = dateOf(['--date', '2023-11-22']);
  assert.ok(undated, 'weekday names still differ without a date');
  assert.doesNotMatch(undated.message, /2023-11-21/);
  assert.match(dated.message, /not Tuesday \(2023-11-21\)/, 'with a date the weekday resolves to a day');
  assert.equal(run(['check', '--date', '22/11/2023', dir]).status, 2);
});

test('--version and --help', () => {
  assert.match(run(['--version']).stdout.trim(), /^\d+\.\d+\.\d+$/);
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /factdesk check/);
});

test('the package bin runs as `npx factdesk` (the bundle keeps its shebang and execute bit)', () => {
  const r = spawnSync('npx', ['--no-install', 'factdesk', '--version'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout.trim(), /^\d+\.\d+\.\d+$/);
});
