// Protocol tests for every server command (workspace/executeCommand), and the CLI's SARIF and report
// output, which share their renderers with the server.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { CLI, DRAFT, MISMATCHES, ROOT, SEED_NAME, TestClient, makeWorkspace, uriOf } from './lspClient';

const clients: TestClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
});

async function started(ws: string, opts: ConstructorParameters<typeof TestClient>[0] = {}) {
  const c = new TestClient({ folders: [ws], ...opts });
  clients.push(c);
  await c.start();
  return c;
}

const CLEAN = `---
date: 2023-11-22
---
Turkish Foreign Minister Hakan Fidan met British Foreign Secretary David Cameron in London.

The Israeli death toll is around 1,200, according to official figures.
`;

test('the server announces every command', async () => {
  const ws = makeWorkspace();
  const c = new TestClient({ folders: [ws] });
  clients.push(c);
  const init = await c.start();
  assert.deepEqual(init.capabilities.executeCommandProvider.commands.sort(), [
    'factdesk.server.acceptClaim',
    'factdesk.server.checkDocument',
    'factdesk.server.checkWorkspace',
    'factdesk.server.exportReport',
    'factdesk.server.reloadSeeds',
    'factdesk.server.showFactBase',
    'factdesk.server.status',
  ]);
});

test('Check Current Document re-checks and publishes at once', async () => {
  const ws = makeWorkspace();
  const c = await started(ws, { settings: { debounceMs: 60000 } });
  const uri = await c.open(join(ws, 'draft.md'), CLEAN);
  await c.diagnostics(uri, (d) => d.length === 0);
  // With a one-minute debounce the edit waits; the command checks it now.
  const v = await c.change(uri, DRAFT);
  const before = c.published.length;
  const res = await c.command('factdesk.server.checkDocument', uri);
  assert.equal(res.findings, 4);
  assert.ok(res.claims > 10);
  const diags = await c.diagnostics(uri, (_d, p) => p.version === v, before);
  assert.equal(diags.length, 4);
});

test('Check All Drafts in Workspace: reports progress, publishes for closed files, skips seeds', async () => {
  const ws = makeWorkspace({ 'drafts/a.md': DRAFT, 'drafts/b.md': CLEAN, 'notes/c.txt': 'Prime Minister David Cameron spoke.\n' });
  const c = await started(ws);
  const res = await c.command('factdesk.server.checkWorkspace');
  assert.equal(res.total, 3, JSON.stringify(res));
  assert.equal(res.checked, 3);
  assert.equal(res.cancelled, false);
  assert.equal(res.findings, 5);
  const a = c.latest(uriOf(join(ws, 'drafts/a.md')));
  assert.equal(a?.diagnostics.length, 4);
  assert.equal(c.latest(uriOf(join(ws, 'drafts/b.md')))?.diagnostics.length, 0);
  assert.equal(c.latest(uriOf(join(ws, 'seeds', SEED_NAME))), undefined, 'seeds are not checked');
  // Work-done progress: created by the server, begin (cancellable) … report … end.
  assert.equal(c.progressTokens.length, 1);
  const values = c.progress.filter((p) => p.token === c.progressTokens[0]).map((p) => p.value);
  assert.equal(values[0].kind, 'begin');
  assert.equal(values[0].cancellable, true);
  assert.ok(values.some((v) => v.kind === 'report' && v.percentage === 100));
  assert.equal(values[values.length - 1].kind, 'end');
});

test('Check All Drafts in Workspace can be cancelled through its progress', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 150; i++) files[`drafts/d${String(i).padStart(3, '0')}.md`] = DRAFT;
  const ws = makeWorkspace(files);
  const c = await started(ws);
  const pending = c.command('factdesk.server.checkWorkspace');
  const token = await c.until(() => c.progress.find((p) => p.value.kind === 'begin')?.token, 'progress begin');
  await c.conn.sendNotification('window/workDoneProgress/cancel', { token });
  const res = await pending;
  assert.equal(res.total, 150);
  assert.equal(res.cancelled, true);
  assert.ok(res.checked < 150, `stopped early (${res.checked} checked)`);
  assert.equal(c.progress.filter((p) => p.token === token).pop()!.value.kind, 'end');
});

test('Show Fact Base lists people with titles, events with dates, figures with what they count, linked to the seed', async () => {
  const ws = makeWorkspace();
  const c = await started(ws);
  const { markdown } = await c.command('factdesk.server.showFactBase');
  const seedUri = uriOf(join(ws, 'seeds', SEED_NAME));
  assert.match(markdown, /^# FactDesk fact base/);
  assert.match(markdown, /1 seed, \d+ facts/);
  const line = (re: RegExp) => markdown.split('\n').find((l: string) => re.test(l)) ?? assert.fail(`no line ${re} in\n${markdown}`);
  assert.ok(line(/^- \*\*Hakan Fidan\*\* — Foreign Minister/).includes(`(${seedUri}#L1)`));
  assert.ok(line(/^- \*\*David Cameron\*\* — .*Foreign Secretary/).includes(`(${seedUri}#L3)`));
  assert.ok(line(/^- \*\*Nov\. 11\*\* \(2023-11-11\):.*summit/).includes(`#L7)`));
  assert.ok(line(/^- \*\*Oct\. 7\*\* \(2023-10-07\)/).includes(`#L15)`));
  assert.ok(line(/^- \*\*more than 5,800\*\* · children:/).includes(`#L17)`));
  assert.ok(line(/^- \*\*past 14,100\*\* · death toll:/).includes(`#L17)`));
  assert.ok(line(/^- \*\*around 1,200\*\* · death toll: The Israeli death toll/).includes(`#L17)`));
});

test('Reload Seeds picks up a seed added without a file event', async () => {
  const ws = makeWorkspace();
  const c = await started(ws, { watchedFiles: false });
  const st0 = await c.command('factdesk.server.status');
  assert.equal(st0.seeds, 1);
  writeFileSync(join(ws, 'seeds', 'second.md'), '---\ndate: 2023-11-23\n---\nFrench President Emmanuel Macron met Foreign Minister Hakan Fidan in Paris on Thursday.\n');
  const st = await c.command('factdesk.server.reloadSeeds');
  assert.equal(st.seeds, 2);
  assert.ok(st.facts > st0.facts);
  assert.ok(st.ok);
});

test('Export Fact-Check Report lists every claim with ✓/✗/? and evidence; `factdesk report` prints the same report', async () => {
  const ws = makeWorkspace({ 'draft.md': DRAFT + '\nThe talks drew 250 reporters.\n' });
  const c = await started(ws);
  const uri = await c.open(join(ws, 'draft.md'), readFileSync(join(ws, 'draft.md'), 'utf8'));
  const res = await c.command('factdesk.server.exportReport', uri);
  const md: string = res.markdown;
  assert.equal(res.suggestedPath, join(ws, 'draft.factcheck.md'));
  assert.match(md, /^# Fact-check report: draft\.md/);
  const summary = /\*\*(\d+) claims: (\d+) ✓ confirmed, (\d+) ✗ contradicted, (\d+) \? not in the seeds\.\*\*/.exec(md);
  assert.ok(summary, md);
  assert.equal(Number(summary[3]), 4);
  assert.equal(Number(summary[1]), Number(summary[2]) + Number(summary[3]) + Number(summary[4]));
  for (const m of MISMATCHES) assert.ok(md.includes(`**${m.text}** — contradicted; the seeds say **${m.expected}**`), m.text);
  assert.match(md, /- ✓ line \d+, date: \*\*Oct\. 7\*\* — confirmed\n {2}> “Israel has launched/);
  const claimLines = md.split('\n').filter((l) => /^- [✓✗?] /.test(l));
  assert.equal(claimLines.length, Number(summary[1]));

  const cli = spawnSync(process.execPath, [CLI, 'report', 'draft.md'], { cwd: ws, encoding: 'utf8' });
  assert.equal(cli.status, 1, cli.stderr);
  const strip = (s: string) => s.replace(/\]\([^)]*\)/g, ']()');
  assert.equal(strip(cli.stdout), strip(md));
});

test('the CLI honours .factdesk.json (accepted claims, kinds) and suppression comments', () => {
  const draft = DRAFT.replace('Authorities in Gaza', '<!-- factdesk-ignore-next-line -->\nAuthorities in Gaza');
  const ws = makeWorkspace({ 'draft.md': draft, '.factdesk.json': JSON.stringify({ accepted: [{ kind: 'name', text: 'Hakan Fiden' }], checks: { dates: false } }) });
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'draft.md'], { cwd: ws, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const codes = JSON.parse(r.stdout).files[0].diagnostics.map((d: { kind: string }) => d.kind);
  assert.deepEqual(codes, ['title']);
  // Ignoring the only seed leaves nothing to contradict.
  writeFileSync(join(ws, '.factdesk.json'), JSON.stringify({ ignoredSeeds: ['seeds'] }));
  const r2 = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'draft.md'], { cwd: ws, encoding: 'utf8' });
  assert.equal(r2.status, 0, r2.stdout);
  assert.equal(JSON.parse(r2.stdout).seeds.files, 0);
  // A broken workspace file is reported, not fatal.
  writeFileSync(join(ws, '.factdesk.json'), '{ not json');
  const r3 = spawnSync(process.execPath, [CLI, 'check', 'draft.md'], { cwd: ws, encoding: 'utf8' });
  assert.equal(r3.status, 1);
  assert.match(r3.stderr, /\.factdesk\.json is not valid JSON/);
});

test('`factdesk check --format sarif` is valid SARIF 2.1.0 with one result per finding', () => {
  const ws = makeWorkspace({ 'drafts/draft.md': DRAFT, 'drafts/clean.md': CLEAN });
  const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', 'drafts'], { cwd: ws, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const log: any = JSON.parse(r.stdout);
  const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s));
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  const validate = ajv.compile(schema);
  const valid: boolean = validate(structuredClone(log)) as boolean;
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  // The validator does reject a broken log (so the test can fail).
  assert.equal(validate({ ...log, version: '2.0.0' }), false);
  const results = log.runs[0].results;
  assert.equal(results.length, 4);
  const fig = results.find((x: { ruleId: string }) => x.ruleId.startsWith('figure'));
  assert.equal(fig.locations[0].physicalLocation.artifactLocation.uri, 'drafts/draft.md');
  const lines = DRAFT.split('\n');
  const line = lines.findIndex((l) => l.includes('6,800'));
  assert.deepEqual(fig.locations[0].physicalLocation.region, { startLine: line + 1, startColumn: lines[line].indexOf('6,800') + 1, endLine: line + 1, endColumn: lines[line].indexOf('6,800') + 6 });
  assert.equal(fig.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '5,800');
  assert.ok(fig.relatedLocations[0].physicalLocation.artifactLocation.uri.endsWith(`seeds/${SEED_NAME}`));
  assert.equal(fig.level, 'error');
});
