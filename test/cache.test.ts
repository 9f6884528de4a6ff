// The persisted index: seeds' facts are read back instead of extracted when their text and the engine
// are unchanged, and a damaged cache is ignored with a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDraft, extractFacts, restoreFacts, storeFacts, type SeedIndex } from '../server/src/engine';
import { loadSeeds } from '../server/src/seedLoader';
import { ROOT, SEED_TEXT } from './helpers';

const DRAFT = '---\ndate: 2023-11-22\n---\nBritish Prime Minister David Cameron met Hakan Fidan.\n\nThe summit took place on Nov. 12 in Riyadh.\n';
const OTHER = 'date 2023-11-23\nTreasury Secretary Ana Lopez said on Tuesday that 1,200 jobs would go at Northwind Bank.\n';

function workspace(): { seeds: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-cache-'));
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  writeFileSync(join(seeds, 'a.txt'), SEED_TEXT);
  writeFileSync(join(seeds, 'b.txt'), OTHER);
  return { seeds, cache: join(dir, 'storage') };
}

function shardFiles(cache: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync(cache)) for (const f of readdirSync(join(cache, d))) out.push(join(cache, d, f));
  return out;
}

/** What a check says, without object identities. */
function verdict(index: SeedIndex): string {
  return JSON.stringify(checkDraft(DRAFT, index, { format: 'markdown' }));
}

test('facts stored and restored are the facts extracted, tokens included', () => {
  const facts = extractFacts(SEED_TEXT, 'plaintext');
  const restored = restoreFacts(SEED_TEXT, 'plaintext', JSON.parse(JSON.stringify(storeFacts(facts))));
  assert.equal(restored.sentences.length, facts.sentences.length);
  assert.equal(restored.date, facts.date);
  assert.deepEqual(restored.sentences.map((s) => s.sentence.tokens), facts.sentences.map((s) => s.sentence.tokens));
  assert.deepEqual(JSON.parse(JSON.stringify(restored.sentences)), JSON.parse(JSON.stringify(facts.sentences)));
  assert.deepEqual([...restored.surnames.keys()], [...facts.surnames.keys()]);
});

test('a second load reads every seed from the cache and checks the same', () => {
  const ws = workspace();
  const first = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.deepEqual([first.cache?.hits, first.cache?.misses], [0, 2]);
  assert.ok(shardFiles(ws.cache).length > 0, 'the cache was written');
  const second = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.deepEqual([second.cache?.hits, second.cache?.misses], [2, 0]);
  assert.deepEqual(second.cache?.messages, []);
  const plain = loadSeeds([ws.seeds]);
  assert.equal(verdict(second.index), verdict(plain.index));
  assert.deepEqual(second.index.stats, plain.index.stats);
  assert.ok(JSON.parse(verdict(second.index)).findings.length > 0, 'the draft has findings to compare');
});

test('a seed whose text changed is extracted again; the others still come from the cache', () => {
  const ws = workspace();
  loadSeeds([ws.seeds], { cacheDir: ws.cache });
  writeFileSync(join(ws.seeds, 'b.txt'), OTHER.replace('1,200', '1,300'));
  const again = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.deepEqual([again.cache?.hits, again.cache?.misses], [1, 1]);
  const b = [...again.index.seeds].find((d) => d.path.endsWith('b.txt'))!;
  assert.ok(b.facts.sentences.some((s) => s.figures.some((f) => f.value === 1300)), 'the new figure is indexed');
});

test('a cache made by another engine version is not read', () => {
  const ws = workspace();
  loadSeeds([ws.seeds], { cacheDir: ws.cache, engineVersion: 'engine-1' });
  const same = loadSeeds([ws.seeds], { cacheDir: ws.cache, engineVersion: 'engine-1' });
  assert.equal(same.cache?.hits, 2);
  const other = loadSeeds([ws.seeds], { cacheDir: ws.cache, engineVersion: 'engine-2' });
  assert.deepEqual([other.cache?.hits, other.cache?.misses], [0, 2]);
  assert.equal(readdirSync(ws.cache).length, 1, "the old engine's index folder is removed");
});

test('a corrupt cache file is ignored with a message and rewritten', () => {
  const ws = workspace();
  loadSeeds([ws.seeds], { cacheDir: ws.cache });
  const files = shardFiles(ws.cache);
  for (const f of files) writeFileSync(f, '{"engine": "x", "entr');
  const damaged = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.deepEqual([damaged.cache?.hits, damaged.cache?.misses], [0, 2]);
  assert.equal(damaged.cache?.messages.length, files.length);
  assert.match(damaged.cache!.messages.join('\n'), /corrupt cache file .*\.json/);
  assert.match(damaged.cache!.messages.join('\n'), /corrupt cache file .*index-\w+\.bin: /);
  assert.equal(verdict(damaged.index), verdict(loadSeeds([ws.seeds]).index));
  const healed = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.deepEqual([healed.cache?.hits, healed.cache?.messages], [2, []]);
});

test('a cache entry that does not fit its text is extracted again, with a message', () => {
  const ws = workspace();
  loadSeeds([ws.seeds], { cacheDir: ws.cache });
  for (const f of shardFiles(ws.cache)) {
    // The whole index's file goes, so that the seeds' facts are read from the shards.
    if (f.endsWith('.bin')) {
      rmSync(f);
      continue;
    }
    const data = JSON.parse(readFileSync(f, 'utf8'));
    for (const k of Object.keys(data.entries)) data.entries[k].sentences = 'nonsense';
    writeFileSync(f, JSON.stringify(data));
  }
  const r = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.deepEqual([r.cache?.hits, r.cache?.misses], [0, 2]);
  assert.match(r.cache!.messages.join('\n'), /corrupt cache entry/);
});

test('CLI --cache: second run reads the cache, same output; a cache folder inside the seeds is refused', () => {
  const ws = workspace();
  const draft = join(ws.cache, '..', 'draft.md');
  writeFileSync(draft, DRAFT);
  const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });
  const plain = run(['check', '--seeds', ws.seeds, '--format', 'json', draft]);
  const first = run(['check', '--cache', ws.cache, '--seeds', ws.seeds, '--format', 'json', draft]);
  assert.ok(existsSync(ws.cache) && shardFiles(ws.cache).length > 0);
  const second = run(['check', '--cache', ws.cache, '--seeds', ws.seeds, '--format', 'json', draft]);
  assert.equal(first.stdout, plain.stdout);
  assert.equal(second.stdout, plain.stdout);
  assert.equal(second.status, plain.status);
  const inside = run(['check', '--cache', join(ws.seeds, 'cache'), '--seeds', ws.seeds, draft]);
  assert.equal(inside.status, 2);
  assert.match(inside.stderr, /must not be inside the seed folder/);
  assert.equal(existsSync(join(ws.seeds, 'cache')), false);
});
