// Protocol tests for the editor features: hover, code actions and their edits, suppression comments,
// .factdesk.json, settings changes and watched seed files.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DRAFT, MISMATCHES, SEED_NAME, TestClient, applyEdits, makeWorkspace, rangeOfText, uriOf } from './lspClient';

const clients: TestClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.stop()));
});

async function setup(opts: ConstructorParameters<typeof TestClient>[0] = {}, draft = DRAFT, ready: (d: unknown[]) => boolean = (d) => d.length > 0) {
  const ws = makeWorkspace();
  const c = new TestClient({ folders: [ws], ...opts });
  clients.push(c);
  await c.start();
  const path = join(ws, 'draft.md');
  writeFileSync(path, draft);
  const uri = await c.open(path, draft);
  const diags = await c.diagnostics(uri, ready);
  return { ws, c, uri, diags, path };
}

const codesOf = (d: Array<{ code?: string | number }>) => d.map((x) => String(x.code).split('-')[0]).sort();

test('hover on a flagged span: draft value, seed value, quoted seed sentence with file, line, date and a link', async () => {
  const { ws, c, uri } = await setup();
  const r = rangeOfText(DRAFT, 'Prime Minister');
  const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: r.start.line, character: r.start.character + 3 } });
  assert.ok(hover, 'a hover');
  const md: string = hover.contents.value;
  assert.equal(hover.contents.kind, 'markdown');
  assert.deepEqual(hover.range, r);
  assert.match(md, /The draft says \*\*Prime Minister\*\*; the seeds say \*\*Foreign Secretary\*\*/);
  assert.ok(md.includes('> An official statement from the Foreign Ministry highlighted'), md);
  const seedUri = uriOf(join(ws, 'seeds', SEED_NAME));
  assert.ok(md.includes(`[seeds/${SEED_NAME}, line 3](${seedUri}#L3)`), md);
  assert.ok(md.includes('2023-11-22'));
});

test('hover on a confirmed claim says which seed confirms it', async () => {
  const { c, uri } = await setup();
  const r = rangeOfText(DRAFT, 'Oct. 7');
  const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: r.start });
  assert.ok(hover);
  assert.match(hover.contents.value, /✓ \*\*Oct\. 7\*\* \(date\) confirmed by seeds\/000_f8f410645ccb42d2\.txt:15 \(2023-11-22\)/);
  assert.ok(hover.contents.value.includes('on Oct. 7'));
  // Plain words are not claims: no hover.
  const none = await c.request('textDocument/hover', { textDocument: { uri }, position: rangeOfText(DRAFT, 'according').start });
  assert.equal(none, null);
});

test('code actions: the preferred quick fix replaces the span with the seed value, and the finding goes away', async () => {
  const { c, uri, diags } = await setup();
  for (const m of MISMATCHES) {
    const r = rangeOfText(DRAFT, m.text);
    const diag = diags.find((d) => d.range.start.line === r.start.line && d.range.start.character === r.start.character)!;
    const actions: any[] = await c.request('textDocument/codeAction', { textDocument: { uri }, range: r, context: { diagnostics: [diag], only: ['quickfix'] } });
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, `a preferred fix for ${m.text}`);
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.edit.changes[uri], [{ range: r, newText: m.expected }]);
    assert.deepEqual(fix.diagnostics[0].range, r);
    assert.ok(actions.some((a) => a.title === 'Ignore this finding here'));
    assert.ok(actions.some((a) => a.command?.command === 'factdesk.server.acceptClaim'));
  }
  // Apply the title fix: the title finding disappears, the others stay.
  const r = rangeOfText(DRAFT, 'Prime Minister');
  const actions: any[] = await c.request('textDocument/codeAction', { textDocument: { uri }, range: r, context: { diagnostics: [] } });
  const fixed = applyEdits(DRAFT, actions.find((a) => a.isPreferred).edit.changes[uri]);
  assert.ok(fixed.includes('with Foreign Secretary David Cameron'));
  const before = c.published.length;
  const v = await c.change(uri, fixed);
  const after = await c.diagnostics(uri, (_d, p) => p.version === v, before);
  assert.deepEqual(codesOf(after), ['date', 'figure', 'name']);
});

test('code action "Ignore this finding here" inserts the comment above the line, which suppresses it', async () => {
  const { c, uri } = await setup();
  const r = rangeOfText(DRAFT, '6,800');
  const actions: any[] = await c.request('textDocument/codeAction', { textDocument: { uri }, range: r, context: { diagnostics: [] } });
  const ignore = actions.find((a) => a.title === 'Ignore this finding here');
  assert.deepEqual(ignore.edit.changes[uri], [{ range: { start: { line: r.start.line, character: 0 }, end: { line: r.start.line, character: 0 } }, newText: '<!-- factdesk-ignore-next-line -->\n' }]);
  const text = applyEdits(DRAFT, ignore.edit.changes[uri]);
  const before = c.published.length;
  const v = await c.change(uri, text);
  const diags = await c.diagnostics(uri, (_d, p) => p.version === v, before);
  assert.deepEqual(codesOf(diags), ['date', 'name', 'title']);
  // The suppressed finding still explains itself on hover.
  const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: rangeOfText(text, '6,800').start });
  assert.match(hover.contents.value, /ignored by an inline comment/);
});

test('code action "Accept this claim in the workspace" records it in .factdesk.json, and the finding goes away', async () => {
  const { ws, c, uri } = await setup();
  const r = rangeOfText(DRAFT, 'Nov. 12');
  const actions: any[] = await c.request('textDocument/codeAction', { textDocument: { uri }, range: r, context: { diagnostics: [] } });
  const accept = actions.find((a) => a.command?.command === 'factdesk.server.acceptClaim');
  assert.ok(accept);
  assert.equal(accept.kind, 'quickfix');
  const before = c.published.length;
  const res = await c.command(accept.command.command, ...accept.command.arguments);
  assert.equal(res.added, true);
  const file = JSON.parse(readFileSync(join(ws, '.factdesk.json'), 'utf8'));
  assert.deepEqual(file.accepted, [{ kind: 'date', text: 'Nov. 12', expected: 'Nov. 11' }]);
  const diags = await c.diagnostics(uri, (d) => d.length === 3, before);
  assert.deepEqual(codesOf(diags), ['figure', 'name', 'title']);
  // Accepting twice does not duplicate the entry.
  const again = await c.command(accept.command.command, ...accept.command.arguments);
  assert.equal(again.added, false);
});

test('source.fixAll replaces every finding; the fixed draft is clean', async () => {
  const { c, uri } = await setup();
  const actions: any[] = await c.request('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  });
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.factdesk');
  const edits = actions[0].edit.changes[uri];
  assert.equal(edits.length, 4);
  const fixed = applyEdits(DRAFT, edits);
  for (const m of MISMATCHES) assert.ok(fixed.includes(m.expected) && !fixed.includes(m.text), m.text);
  const before = c.published.length;
  const v = await c.change(uri, fixed);
  const diags = await c.diagnostics(uri, (_d, p) => p.version === v, before);
  assert.deepEqual(diags, []);
});

test('suppression comments: ignore-next-line and disable … enable', async () => {
  const draft = DRAFT.replace('Turkish Foreign Minister', '<!-- factdesk-ignore-next-line -->\n\nTurkish Foreign Minister').replace(
    'The initiative comes',
    '<!-- factdesk-disable -->\nThe initiative comes',
  ).replace('The Israeli death toll', '<!-- factdesk-enable -->\n\nThe Israeli death toll');
  const { c, uri } = await setup({}, draft, () => true);
  const diags = c.latest(uri)!.diagnostics;
  // Line 1 (name, title) is ignored, the date and the figure are inside disable … enable.
  assert.deepEqual(diags, []);
  // A kind-limited comment suppresses only that kind.
  const limited = DRAFT.replace('Turkish Foreign Minister', '<!-- factdesk-ignore-next-line title -->\nTurkish Foreign Minister');
  const before = c.published.length;
  const v = await c.change(uri, limited);
  const d2 = await c.diagnostics(uri, (_d, p) => p.version === v, before);
  assert.deepEqual(codesOf(d2), ['date', 'figure', 'name']);
});

test('.factdesk.json: per-kind switches and ignored seeds, reloaded when the file changes', async () => {
  const { ws, c, uri } = await setup();
  const before = c.published.length;
  writeFileSync(join(ws, '.factdesk.json'), JSON.stringify({ checks: { names: false, titles: false } }));
  await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(ws, '.factdesk.json')), type: 1 }] });
  const diags = await c.diagnostics(uri, (d) => d.length === 2, before);
  assert.deepEqual(codesOf(diags), ['date', 'figure']);
  const b2 = c.published.length;
  writeFileSync(join(ws, '.factdesk.json'), JSON.stringify({ ignoredSeeds: ['seeds/' + SEED_NAME] }));
  await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(ws, '.factdesk.json')), type: 2 }] });
  await c.diagnostics(uri, (d) => d.length === 0, b2);
  const status = await c.command('factdesk.server.status');
  assert.equal(status.seeds, 0);
  assert.equal(status.ok, false);
  assert.ok(status.problems.some((p: string) => /no seeds loaded/.test(p)), status.problems);
});

test('configuration changes apply without a restart; malformed settings fall back to defaults with a logged message', async () => {
  const { ws, c, uri } = await setup();
  assert.ok(c.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'), 'registers for configuration changes');
  let before = c.published.length;
  c.settings = { checks: { figures: false }, severity: { title: 'error' } };
  await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  let diags = await c.diagnostics(uri, (d) => d.length === 3, before);
  assert.deepEqual(codesOf(diags), ['date', 'name', 'title']);
  assert.equal(diags.find((d) => String(d.code).startsWith('title'))!.severity, 1);

  before = c.published.length;
  c.settings = { debounceMs: 'fast', checks: { names: 'no' }, seedPaths: 42 };
  await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  diags = await c.diagnostics(uri, (d) => d.length === 4, before);
  await c.until(() => c.logs.find((l) => /factdesk\.debounceMs should be a number/.test(l.message)), 'a log line about debounceMs');
  assert.ok(c.logs.some((l) => /factdesk\.seedPaths should be a list of paths/.test(l.message)));
  const status = await c.command('factdesk.server.status');
  assert.ok(status.problems.some((p: string) => /checks\.names/.test(p)));

  before = c.published.length;
  c.settings = { enable: false };
  await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await c.diagnostics(uri, (d) => d.length === 0, before);

  // seedPaths pointing elsewhere reloads the seeds: an empty folder means no seeds, and a clear problem.
  before = c.published.length;
  c.settings = { seedPaths: ['no-such-folder'] };
  await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await c.diagnostics(uri, (d, p) => d.length === 0 && p.version === 1, before);
  const st = await c.command('factdesk.server.status');
  assert.ok(st.problems.some((p: string) => p.includes('seed path not found: no-such-folder')), st.problems);
  assert.ok(existsSync(ws));
});

test('watched files: editing, adding and deleting a seed re-indexes that seed and refreshes open drafts', async () => {
  const { ws, c, uri } = await setup();
  assert.ok(
    c.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles' && JSON.stringify(r.registerOptions).includes('*.{txt,md,markdown}')),
    'registers a watcher for seed files',
  );
  const seed = join(ws, 'seeds', SEED_NAME);
  const original = readFileSync(seed, 'utf8');
  // The seed now says 6,800 children: the draft's figure is right.
  let before = c.published.length;
  writeFileSync(seed, original.replace('5,800 children', '6,800 children'));
  await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(seed), type: 2 }] });
  let diags = await c.diagnostics(uri, (d) => d.length === 3, before);
  assert.deepEqual(codesOf(diags), ['date', 'name', 'title']);
  assert.ok(c.logs.some((l) => l.message.includes('re-indexed seed') && l.message.includes(SEED_NAME)));

  // A second seed is added alone: the status counts two seeds.
  const extra = join(ws, 'seeds', 'extra.txt');
  writeFileSync(extra, ' date 2023-11-23 Egyptian President Abdel Fattah al-Sisi met Qatar’s Emir Sheikh Tamim bin Hamad Al Thani in Cairo on Thursday.\n');
  await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(extra), type: 1 }] });
  await c.until(() => c.statuses.find((s) => s.seeds === 2), 'status with two seeds');

  // Deleting the bundled copy leaves only the extra seed: nothing in the draft is contradicted any more.
  before = c.published.length;
  rmSync(seed);
  await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(seed), type: 3 }] });
  diags = await c.diagnostics(uri, (d) => d.length === 0, before);
  const status = await c.command('factdesk.server.status');
  assert.equal(status.seeds, 1);
});
