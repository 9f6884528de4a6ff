// Protocol tests of the persisted index in the language server: the client names a storage folder
// (initializationOptions.cacheDir); the server writes the built index there after a load, opens it at the
// next start and publishes the same diagnostics; a damaged file is reported once and the server still
// checks correctly; live seed changes work on an opened index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DRAFT, SEED_NAME, clientStarter, makeWorkspace, uriOf, type TestClient } from './lspClient';

const started = clientStarter();

const OTHER = 'date 2023-11-23\nTreasury Secretary Ana Lopez said on Tuesday that 1,200 jobs would go at Northwind Bank. Lopez said Cameron agreed.\n';
const THIRD = 'date 2023-11-24\nForeign Minister Hakan Fidan met David Cameron in London on Friday.\n';
const DRAFT2 = `${DRAFT}\nTreasury Secretary Ana Lopes said 1,300 jobs would go at Northwind Bank on Tuesday.\n`;

function indexFiles(cache: string): string[] {
  const out: string[] = [];
  for (const folder of readdirSync(cache)) {
    if (!statSync(join(cache, folder)).isDirectory()) continue;
    for (const f of readdirSync(join(cache, folder))) if (f.endsWith('.bin')) out.push(join(cache, folder, f));
  }
  return out;
}

const logged = (c: TestClient, what: string | RegExp) => c.logs.filter((l) => (typeof what === 'string' ? l.message.includes(what) : what.test(l.message)));

/** Starts a server on the workspace with the cache folder, opens the draft and returns its first diagnostics. */
async function run(ws: string, cache: string | undefined, draft = DRAFT2) {
  const c = await started({ folders: [ws], initializationOptions: cache ? { cacheDir: cache } : undefined, settings: { debounceMs: 0 } });
  const uri = await c.open(join(ws, 'draft.md'), draft);
  const diags = await c.diagnostics(uri, (d) => d.length > 0);
  return { c, uri, diags };
}

const shape = (diags: unknown) => JSON.stringify(diags);

test('a second start with the same storage folder opens the persisted index and publishes the same diagnostics', async () => {
  const ws = makeWorkspace({ 'seeds/b.txt': OTHER, 'seeds/c.md': THIRD });
  const cache = mkdtempSync(join(tmpdir(), 'factdesk-storage-'));
  const cold = await run(ws, undefined);
  const first = await run(ws, cache);
  await first.c.until(() => logged(first.c, 'wrote the persisted index').length > 0, 'the index written');
  assert.equal(indexFiles(cache).length, 1, 'one built-index file in the storage folder');
  assert.equal(readdirSync(join(ws, 'seeds')).sort().join(','), `${SEED_NAME},b.txt,c.md`, 'nothing written among the seeds');
  const second = await run(ws, cache);
  await second.c.until(() => logged(second.c, 'opened from the persisted index').length > 0, 'the index opened');
  assert.equal(shape(second.diags), shape(first.diags));
  assert.equal(shape(second.diags), shape(cold.diags));
  assert.equal(logged(second.c, /ignored|could not/).length, 0, logged(second.c, /ignored|could not/).map((l) => l.message).join('\n'));
  // The settings are not confused by the cache option.
  assert.equal(logged(second.c, 'settings').length, 0);

  // Live changes on the opened index: a seed edited, one added, one deleted; each as a fresh start sees it.
  const seed = join(ws, 'seeds', SEED_NAME);
  const original = readFileSync(seed, 'utf8');
  const c = second.c;
  let before = c.published.length;
  writeFileSync(seed, original.replace('5,800 children', '6,800 children'));
  await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(seed), type: 2 }] });
  let diags = await c.diagnostics(second.uri, (d) => !d.some((x) => x.message.includes('5,800')), before);
  assert.equal(diags.length, second.diags.length - 1);
  const fresh1 = await run(ws, undefined);
  assert.equal(shape(diags), shape(fresh1.diags), 'as a server started afresh on the changed seeds');
  before = c.published.length;
  writeFileSync(join(ws, 'seeds', 'd.txt'), OTHER.replace('Ana Lopez', 'Ana Lopes').replace('1,200', '1,300'));
  unlinkSync(join(ws, 'seeds', 'b.txt'));
  await c.conn.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: uriOf(join(ws, 'seeds', 'b.txt')), type: 3 },
      { uri: uriOf(join(ws, 'seeds', 'd.txt')), type: 1 },
    ],
  });
  diags = await c.diagnostics(second.uri, (d) => !d.some((x) => x.message.includes('Lopez')), before);
  assert.ok(!diags.some((d) => d.message.includes('1,200')), 'b.txt (1,200) is gone, d.txt says 1,300');
  const fresh2 = await run(ws, undefined);
  assert.equal(shape(diags), shape(fresh2.diags), 'as a server started afresh on the changed seeds');
  // A start after these changes opens the index with them (read again), with the same diagnostics.
  const third = await run(ws, cache);
  await third.c.until(() => logged(third.c, /compared 3 seed files with the persisted index in \d+ ms: 3 changed, added or removed since/).length > 0, 'the index opened with changes');
  assert.equal(shape(third.diags), shape(fresh2.diags));
  const status = await c.command('factdesk.server.status');
  assert.equal(status.seeds, 3);
});

test('a damaged persisted index is reported once in the log; the server still publishes correct diagnostics', async () => {
  const ws = makeWorkspace({ 'seeds/b.txt': OTHER, 'seeds/c.md': THIRD });
  const cache = mkdtempSync(join(tmpdir(), 'factdesk-storage-'));
  const first = await run(ws, cache);
  await first.c.until(() => logged(first.c, 'wrote the persisted index').length > 0, 'the index written');
  const [file] = indexFiles(cache);
  const bytes = readFileSync(file);
  for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 64; i++) bytes[i] ^= 0x5a;
  writeFileSync(file, bytes);
  const damaged = await run(ws, cache);
  await damaged.c.until(() => logged(damaged.c, 'wrote the persisted index').length > 0, 'the index written again');
  const reports = logged(damaged.c, 'ignored corrupt cache file');
  assert.equal(reports.length, 1, damaged.c.logs.map((l) => l.message).join('\n'));
  assert.ok(reports[0].message.includes(file), reports[0].message);
  assert.equal(shape(damaged.diags), shape(first.diags));
  // Rewritten: the next start opens it without a message.
  const healed = await run(ws, cache);
  await healed.c.until(() => logged(healed.c, 'opened from the persisted index').length > 0, 'the index opened');
  assert.equal(logged(healed.c, /ignored|could not/).length, 0);
  assert.equal(shape(healed.diags), shape(first.diags));
});
