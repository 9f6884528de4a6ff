// Protocol tests: the server publishes the draft's mismatches with their evidence in the seed file,
// gates results by version under typing, guards large files and keeps each workspace folder's seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_SEED, DRAFT, MISMATCHES, SEED_NAME, clientStarter, makeWorkspace, rangeOfText, uriOf } from './lspClient';

const started = clientStarter();

test('publishes one diagnostic per mismatch, with the seed sentence as related information', async () => {
  const ws = makeWorkspace();
  const c = await started({ folders: [ws] });
  const uri = await c.open(join(ws, 'draft.md'), DRAFT);
  const diags = await c.diagnostics(uri, (d) => d.length > 0);
  const seedPath = join(ws, 'seeds', SEED_NAME);
  const seedText = readFileSync(seedPath, 'utf8');
  assert.equal(c.latest(uri)!.version, 1);
  for (const m of MISMATCHES) {
    const want = rangeOfText(DRAFT, m.text);
    const d = diags.find((x) => x.range.start.line === want.start.line && x.range.start.character === want.start.character);
    assert.ok(d, `a diagnostic on "${m.text}" (got ${diags.map((x) => JSON.stringify(x.range.start)).join(', ')})`);
    assert.deepEqual(d.range, want);
    assert.equal(d.source, 'factdesk');
    assert.match(String(d.code), new RegExp(`^${m.kind}-`));
    assert.equal((d.data as { expected: string }).expected, m.expected);
    assert.ok(d.message.includes(m.expected), d.message);
    const rel = d.relatedInformation?.[0];
    assert.ok(rel, 'related information');
    assert.equal(rel.location.uri, uriOf(seedPath));
    // The evidence range is exactly the seed sentence, counted in the seed file's own lines.
    const sentenceStart = seedText.indexOf(m.seedSentence);
    const evidence = rangeOfText(seedText, m.seedSentence);
    assert.deepEqual(rel.location.range.start, evidence.start);
    const lines = seedText.split('\n');
    const covered = lines[rel.location.range.start.line].slice(rel.location.range.start.character, rel.location.range.end.character);
    assert.ok(covered.startsWith(m.seedSentence), covered);
    assert.ok(sentenceStart >= 0);
    assert.ok(rel.message.includes(m.seedSentence.slice(0, 30)));
  }
  // Faithful statements are not flagged.
  for (const fine of ['3,900', 'around 1,200', 'Oct. 7', 'Riyadh']) {
    const r = rangeOfText(DRAFT, fine);
    assert.ok(!diags.some((d) => d.range.start.line === r.start.line && d.range.start.character === r.start.character), `"${fine}" is not flagged`);
  }
});

test('typing: rapid edits are debounced and only the newest version is published', async () => {
  const ws = makeWorkspace();
  const c = await started({ folders: [ws], settings: { debounceMs: 250 } });
  const uri = await c.open(join(ws, 'typing.md'), DRAFT);
  await c.diagnostics(uri, (d) => d.length === 4);
  const before = c.published.length;
  let text = DRAFT;
  for (const [from, to] of [
    ['Nov. 12', 'Nov. 11'],
    ['6,800', '5,800'],
    ['Hakan Fiden', 'Hakan Fidan'],
  ]) {
    text = text.replace(from, to);
    await c.change(uri, text);
  }
  const last = c.version(uri);
  const diags = await c.diagnostics(uri, (_d, p) => p.version === last, before);
  assert.equal(diags.length, 1, JSON.stringify(diags));
  assert.equal((diags[0].data as { expected: string }).expected, 'Foreign Secretary');
  const versions = c.published.slice(before).filter((p) => p.uri === uri).map((p) => p.version);
  assert.deepEqual(versions, [last], `only the last version is published, got ${versions}`);
});

test('a draft over factdesk.maxFileSize gets one clear information diagnostic instead of a check', async () => {
  const ws = makeWorkspace();
  const c = await started({ folders: [ws], settings: { maxFileSize: 200 } });
  const uri = await c.open(join(ws, 'big.md'), DRAFT);
  const diags = await c.diagnostics(uri);
  assert.equal(diags.length, 1);
  assert.equal(diags[0].code, 'file-too-large');
  assert.equal(diags[0].severity, 3);
  assert.match(diags[0].message, /maxFileSize/);
});

test('multi-root: each folder checks against its own seeds', async () => {
  const a = makeWorkspace();
  const b = makeWorkspace();
  // Folder b's seed says 6,800 children: the same draft is right there and wrong in folder a.
  const seedB = join(b, 'seeds', SEED_NAME);
  writeFileSync(seedB, readFileSync(seedB, 'utf8').replace('5,800 children', '6,800 children'));
  const c = await started({ folders: [a, b] });
  const ua = await c.open(join(a, 'draft.md'), DRAFT);
  const ub = await c.open(join(b, 'draft.md'), DRAFT);
  const da = await c.diagnostics(ua, (d) => d.length > 0);
  const db = await c.diagnostics(ub, (d) => d.length > 0);
  assert.ok(da.some((d) => String(d.code).startsWith('figure')), 'folder a flags 6,800');
  assert.ok(!db.some((d) => String(d.code).startsWith('figure')), 'folder b does not');
  assert.ok(db.every((d) => d.relatedInformation!.every((r) => r.location.uri.startsWith(uriOf(b)))), 'folder b cites its own seed');
});

test('without a seeds/ folder in the workspace, the bundled seeds are used', async () => {
  const ws = makeWorkspace({}, false);
  mkdirSync(join(ws, 'drafts'));
  const c = await started({ folders: [ws] });
  const uri = await c.open(join(ws, 'drafts', 'd.md'), DRAFT);
  const diags = await c.diagnostics(uri, (d) => d.length > 0);
  assert.equal(diags.length, 4);
  assert.ok(diags[0].relatedInformation![0].location.uri.endsWith(`/seeds/${SEED_NAME}`));
  const status = await c.command('factdesk.server.status');
  assert.equal(status.seeds, 1);
  assert.ok(status.facts > 10);
});

test('initializationOptions are used when the client has no workspace/configuration', async () => {
  const ws = makeWorkspace();
  const c = await started({ folders: [ws], configuration: false, initializationOptions: { checks: { figures: false } } });
  const uri = await c.open(join(ws, 'draft.md'), DRAFT);
  const diags = await c.diagnostics(uri, (d) => d.length > 0);
  assert.equal(diags.length, 3);
  assert.ok(!diags.some((d) => String(d.code).startsWith('figure')));
});

test('status notifications carry seeds, facts and the last check; closing a draft clears its diagnostics', async () => {
  const ws = makeWorkspace();
  const c = await started({ folders: [ws] });
  const uri = await c.open(join(ws, 'draft.md'), DRAFT);
  await c.diagnostics(uri, (d) => d.length > 0);
  const st = await c.until(() => c.statuses.find((s) => s.lastCheck), 'a status after a check');
  assert.equal(st.ok, true);
  assert.equal(st.seeds, 1);
  assert.ok(st.facts > 10);
  assert.equal(st.lastCheckFile, 'draft.md');
  assert.deepEqual(st.problems, []);
  assert.ok(c.logs.some((l) => /folder0: 1 seed, \d+ facts/.test(l.message)), 'the log says what was loaded');
  const before = c.published.length;
  await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await c.diagnostics(uri, (d) => d.length === 0, before);
});

test('a draft outside every workspace folder is checked against the bundled seeds, loaded only then', async () => {
  const ws = makeWorkspace();
  const elsewhere = makeWorkspace({}, false);
  const c = await started({ folders: [ws] });
  const st0 = await c.command('factdesk.server.status');
  assert.deepEqual(st0.folders.map((f: { name: string }) => f.name), ['folder0']);
  const uri = await c.open(join(elsewhere, 'loose.md'), DRAFT);
  const diags = await c.diagnostics(uri, (d) => d.length > 0);
  assert.equal(diags.length, 4);
  assert.equal(diags[0].relatedInformation![0].location.uri, uriOf(BUNDLED_SEED));
  const st = await c.command('factdesk.server.status');
  assert.deepEqual(st.folders.map((f: { name: string }) => f.name), ['folder0', '(no folder)']);
});
