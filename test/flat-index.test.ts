// The whole index persisted in flat tables: opened without building its seeds, it answers every
// look-up as the index built afresh does; a damaged, truncated or stale file is not used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, unlinkSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDraft, packFlat, SeedIndex, unpackFlat, type CheckResult, type SeedDoc, type SeedSentence } from '../server/src/engine';
import { loadSeeds, type VerifiedSeeds } from '../server/src/seedLoader';
import { SEED_TEXT } from './helpers';

const DRAFT = '---\ndate: 2023-11-22\n---\nBritish Prime Minister David Cameron met Hakan Fiden.\n\nThe summit took place on Nov. 12 in Riyadh, Mr Cameron said.\n';
const OTHER = 'date 2023-11-23\nTreasury Secretary Ana Lopez said on Tuesday that 1,200 jobs would go at Northwind Bank. Lopez said Cameron agreed.\n';
const THIRD = 'date 2023-11-24\nForeign Minister Hakan Fidan met David Cameron in London on Friday.\n';

function workspace(): { dir: string; seeds: string; cache: string } {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-flat-'));
  const seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  writeFileSync(join(seeds, 'a.txt'), SEED_TEXT);
  writeFileSync(join(seeds, 'b.txt'), OTHER);
  writeFileSync(join(seeds, 'c.md'), THIRD);
  return { dir, seeds, cache: join(dir, 'storage') };
}

function indexFile(cache: string): string {
  const [folder] = readdirSync(cache);
  const bin = readdirSync(join(cache, folder)).filter((f) => f.endsWith('.bin'));
  assert.equal(bin.length, 1, 'one index file');
  return join(cache, folder, bin[0]);
}

const verdict = (index: SeedIndex, draft = DRAFT) => JSON.stringify(checkDraft(draft, index, { format: 'markdown' }));

/** A seed sentence by its seed and place (sentence numbers are the index's own). */
const where = (s: SeedSentence) => `${s.seed.path}@${s.facts.start}`;

/** Every look-up the checks make, for every name, word and term the seeds have, and some they have not. */
function answers(index: SeedIndex): string {
  const docs = [...index.seeds];
  const within = new Set<SeedDoc>(docs.slice(0, 1));
  const out: unknown[] = [index.stats, docs.map((d) => [d.path, d.date, d.sentences.length])];
  const keys = new Set<string>(['nobody', 'zzz', '=1200', 'cameron', 'fidan']);
  for (const d of docs) for (const s of d.sentences) for (const e of s.facts.entities) [e.key, ...e.tokens].forEach((k) => keys.add(k));
  for (const d of docs) for (const s of d.sentences) for (const t of s.terms) keys.add(t);
  for (const k of keys) {
    const p = index.person(k);
    const sent = index.entitySentence(k);
    assert.equal(index.sentenceCountOf(k), index.withTerm(k).length, `sentences with ${k}`);
    assert.equal(index.knowsTerm(k), index.withTerm(k).length > 0, `knows ${k}`);
    out.push([
      k,
      index.knowsEntity(k),
      index.knowsEntity(k, within),
      index.knowsNameToken(k),
      index.knowsNameToken(k, within),
      index.knowsTerm(k),
      index.knowsLowerWord(k),
      index.idf(k),
      index.withTerm(k).map(where),
      index.retrieve([k, 'said'], 5).map((r) => [r.sentence.seed.path, r.sentence.facts.start, r.score]),
      index.entityNamesOfLength(k.length),
      index.entityNamesLike(k, k.length),
      sent && [sent.seed.path, sent.facts.start],
      p && [p.key, p.name, p.tokens, p.titles.map((t) => [t.title, where(t.at)]), p.mentions.map(where)],
      index.bySurname(k).map((r) => r.key),
    ]);
  }
  out.push([...index.allPersons()].map((p) => p.key));
  return JSON.stringify(out);
}

test('flat tables packed and read back answer every look-up as the index built afresh', () => {
  const built = new SeedIndex();
  built.addSeed('a.txt', SEED_TEXT);
  built.addSeed('b.txt', OTHER);
  built.addSeed('c.md', THIRD);
  const { tables } = unpackFlat(packFlat(built.toFlat(), {}));
  const docs = [...built.seeds];
  const flat = SeedIndex.fromFlat(tables, (n) => docs[n].facts);
  assert.equal(answers(flat), answers(built));
  assert.equal(verdict(flat), verdict(built));
});

test('a cold build held compactly (the default) makes the tables toFlat makes of every seed\'s objects, and answers every look-up and check as they do, also after changes', () => {
  const seeds: Array<[string, string]> = [
    ['a.txt', SEED_TEXT],
    ['b.txt', OTHER],
    ['c.md', THIRD],
    ['e.md', `---\ndate: 2023-11-25\n---\n# Talks\n\n${OTHER.split('\n')[1]} Mr Fidan and *David Cameron* spoke.\n`],
  ];
  const build = (compact: boolean) => {
    const index = new SeedIndex({ compact });
    for (const [path, text] of seeds) index.addSeed(path, text);
    return index;
  };
  const objects = build(false);
  const compact = build(true);
  assert.deepEqual(compact.stats, objects.stats);
  assert.ok(packFlat(compact.toFlat(), {}).equals(packFlat(objects.toFlat(), {})), 'the same tables, byte for byte');
  assert.equal(answers(compact), answers(objects));
  for (const draft of [DRAFT, THIRD, SEED_TEXT]) assert.equal(verdict(compact, draft), verdict(objects, draft));
  // A seed indexed again goes last, as in an index of objects; removed and added seeds as there.
  for (const index of [objects, compact]) {
    index.addSeed('a.txt', SEED_TEXT.replace('Foreign Secretary', 'Home Secretary'));
    index.removeSeed('b.txt');
    index.addSeed('d.txt', OTHER.replace('1,200', '1,300'));
  }
  assert.equal(answers(compact), answers(objects));
  for (const draft of [DRAFT, THIRD, SEED_TEXT]) assert.equal(verdict(compact, draft), verdict(objects, draft));
  // A seed indexed twice before the first look-up.
  const twice = [build(false), build(true)].map((index) => {
    index.addSeed('c.md', THIRD.replace('Friday', 'Monday'));
    return index;
  });
  assert.equal(answers(twice[1]), answers(twice[0]));
  assert.equal(verdict(twice[1]), verdict(twice[0]));
});

test('a compact build gives back each seed\'s text exactly, also one UTF-8 cannot carry (a lone surrogate)', () => {
  const odd = SEED_TEXT.replace('Cameron', 'Cam\ud800eron');
  const objects = new SeedIndex({ compact: false });
  const compact = new SeedIndex();
  for (const index of [objects, compact]) {
    index.addSeed('a.txt', odd);
    index.addSeed('b.txt', OTHER);
  }
  const texts = (index: SeedIndex) => [...index.seeds].map((d) => d.sentences.map((s) => s.facts.sentence.text));
  assert.deepEqual(texts(compact), texts(objects));
  assert.ok(texts(compact)[0].some((t) => t.includes('\ud800')));
  assert.equal(answers(compact), answers(objects));
  assert.equal(verdict(compact), verdict(objects));
});

test('an index keeping its seeds\' texts as strings (the CLI without a cache) answers and checks as one that deflates them', () => {
  const plain = new SeedIndex({ compressTexts: false });
  const deflated = new SeedIndex();
  // more seeds than a block of kept strings holds (8), one of them with a lone surrogate
  const texts = Array.from({ length: 11 }, (_, i) => (i % 2 ? OTHER.replace('1,200', `1,2${i}0`) : SEED_TEXT.replace('Cameron', i === 4 ? 'Cam\ud800eron' : 'Cameron')));
  for (const index of [plain, deflated]) texts.forEach((t, i) => index.addSeed(`s${i}.txt`, t));
  const sentences = (index: SeedIndex) => [...index.seeds].map((d) => d.sentences.map((s) => s.facts.sentence.text));
  assert.deepEqual(sentences(plain), sentences(deflated));
  assert.ok(sentences(plain)[4].some((t) => t.includes('\ud800')));
  assert.equal(answers(plain), answers(deflated));
  for (const draft of [DRAFT, THIRD, SEED_TEXT]) assert.equal(verdict(plain, draft), verdict(deflated, draft));
  // changed after the first look-up, as an editor would
  for (const index of [plain, deflated]) {
    index.addSeed('s3.txt', SEED_TEXT.replace('Foreign Secretary', 'Home Secretary'));
    index.removeSeed('s5.txt');
  }
  assert.equal(answers(plain), answers(deflated));
  assert.equal(verdict(plain), verdict(deflated));
});

test('a long session keeps the facts of the seeds its recent checks spoke of, lets the others go, and checks as before', () => {
  // Invented seeds: eleven stories, more than a block of kept strings (8), each about its own people and figures.
  const people = ['Mara Quell', 'Ivo Brandt', 'Lena Osei', 'Tomas Varek', 'Ada Lindqvist', 'Rui Castro', 'Noor Haddad', 'Elif Demir', 'Jonah Pike', 'Sade Okoro', 'Karl Weiss'];
  const story = (i: number) => `date 2023-11-${10 + i}\nHealth Secretary ${people[i]} said on Tuesday that ${100 + i} clinics would open in the north. ${people[i].split(' ')[1]} spoke at the harbour.\n`;
  const sparing = new SeedIndex({ keptFacts: 1 });
  const keeping = new SeedIndex();
  for (const index of [sparing, keeping]) for (let i = 0; i < 11; i++) index.addSeed(`s${i}.txt`, story(i));
  const drafts = [2, 7, 2, 9, 7].map((i) => story(i).replace(`${100 + i} clinics`, `${200 + i} clinics`).replace('Health Secretary', 'Home Secretary'));
  for (const draft of drafts) {
    const v = verdict(sparing, draft);
    assert.equal(v, verdict(keeping, draft));
    assert.deepEqual((JSON.parse(v) as CheckResult).findings.map((f) => f.kind).sort(), ['figure', 'title'], 'the wrong figure and title are found');
  }
  // A check that speaks of no seed: the sparing index lets all but the one last asked for go before it.
  for (const index of [sparing, keeping]) checkDraft('Nothing to see here.', index);
  assert.equal(sparing.seedsHoldingFacts, 1);
  assert.ok(keeping.seedsHoldingFacts >= 3, `the default keeps the facts of every seed read so far (${keeping.seedsHoldingFacts})`);
  // The seeds let go are read again when asked for, and answer as before.
  assert.equal(answers(sparing), answers(keeping));
  assert.equal(verdict(sparing, drafts[1]), verdict(keeping, drafts[1]));
  // A number that is no count of seeds keeps the default (Infinity keeps every seed's facts once read).
  for (const odd of [Number.NaN, -3, Number.POSITIVE_INFINITY]) {
    const index = new SeedIndex({ keptFacts: odd });
    for (let i = 0; i < 11; i++) index.addSeed(`s${i}.txt`, story(i));
    for (const draft of drafts) assert.equal(verdict(index, draft), verdict(keeping, draft), `keptFacts ${odd}`);
    checkDraft('Nothing to see here.', index);
    assert.equal(index.seedsHoldingFacts, keeping.seedsHoldingFacts, `keptFacts ${odd}`);
  }
});

test('an index opened from its file: same answers and checks; seeds read only when a check needs them', () => {
  const ws = workspace();
  const plain = loadSeeds([ws.seeds]);
  const first = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.deepEqual([first.cache?.hits, first.cache?.misses], [0, 3]);
  const second = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.deepEqual([second.cache?.hits, second.cache?.misses, second.cache?.messages], [3, 0, []]);
  assert.deepEqual(second.files, plain.files);
  assert.equal(answers(second.index), answers(plain.index));
  assert.equal(verdict(second.index), verdict(plain.index));
  assert.equal(verdict(second.index, THIRD), verdict(plain.index, THIRD));
  // Changes after opening rebuild the index in full: still as the index changed the same way.
  for (const index of [second.index, plain.index]) {
    index.removeSeed(join(ws.seeds, 'b.txt'));
    index.addSeed(join(ws.seeds, 'd.txt'), OTHER.replace('1,200', '1,300'));
  }
  assert.equal(answers(second.index), answers(plain.index));
  assert.equal(verdict(second.index), verdict(plain.index));
});

test('a truncated or damaged index file is ignored with a message, the seeds load from the per-seed cache, and it is rewritten', () => {
  const ws = workspace();
  const plain = loadSeeds([ws.seeds]);
  loadSeeds([ws.seeds], { cacheDir: ws.cache });
  const file = indexFile(ws.cache);
  truncateSync(file, statSync(file).size - 10);
  const truncated = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.match(truncated.cache!.messages.join('\n'), /ignored corrupt cache file .*index-\w+\.bin: index file is truncated/);
  assert.deepEqual([truncated.cache?.hits, truncated.cache?.misses], [3, 0], 'facts from the per-seed cache');
  assert.equal(verdict(truncated.index), verdict(plain.index));
  const bytes = readFileSync(indexFile(ws.cache));
  bytes[bytes.length >> 1] ^= 0xff;
  writeFileSync(indexFile(ws.cache), bytes);
  const damaged = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.equal(damaged.cache?.messages.length, 1);
  assert.match(damaged.cache!.messages[0], /ignored (corrupt cache file|damaged facts of).*index-\w+\.bin/);
  assert.equal(verdict(damaged.index), verdict(plain.index));
  const healed = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.deepEqual(healed.cache?.messages, []);
  assert.equal(verdict(healed.index), verdict(plain.index));
});

test("a seed's damaged stored facts are read from the seed again, with a message", () => {
  const ws = workspace();
  const plain = loadSeeds([ws.seeds]);
  loadSeeds([ws.seeds], { cacheDir: ws.cache });
  const file = indexFile(ws.cache);
  const bytes = readFileSync(file);
  // The stored facts are at the end of the file (JSON): change a digit of the last seed's.
  const at = bytes.lastIndexOf('"start":');
  bytes[at + 8] = bytes[at + 8] === 0x31 ? 0x32 : 0x31;
  writeFileSync(file, bytes);
  const r = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.deepEqual(r.cache?.messages, []);
  assert.equal(verdict(r.index), verdict(plain.index));
  assert.equal(answers(r.index), answers(plain.index));
  assert.match(r.cache!.messages.join('\n'), /ignored damaged facts of .*c\.md in cache file .*\(checksum mismatch\)/);
});

test('another engine, a changed seed or another set of seeds does not open the index file', () => {
  const ws = workspace();
  loadSeeds([ws.seeds], { cacheDir: ws.cache, engineVersion: 'engine-1' });
  assert.equal(loadSeeds([ws.seeds], { cacheDir: ws.cache, engineVersion: 'engine-1' }).cache?.misses, 0);
  const other = loadSeeds([ws.seeds], { cacheDir: ws.cache, engineVersion: 'engine-2' });
  assert.deepEqual([other.cache?.hits, other.cache?.misses], [0, 3]);
  // Same size and text, another time: the seed is read again (and found in the per-seed cache).
  const b = join(ws.seeds, 'b.txt');
  utimesSync(b, new Date(2001, 1, 1), new Date(2001, 1, 1));
  const touched = loadSeeds([ws.seeds], { cacheDir: ws.cache, engineVersion: 'engine-2' });
  assert.deepEqual([touched.cache?.hits, touched.cache?.misses], [3, 0]);
  writeFileSync(b, OTHER.replace('1,200', '1,300'));
  const changed = loadSeeds([ws.seeds], { cacheDir: ws.cache, engineVersion: 'engine-2' });
  assert.deepEqual([changed.cache?.hits, changed.cache?.misses], [2, 1]);
  assert.ok([...changed.index.seeds].find((d) => d.path === b)!.facts.sentences.some((s) => s.figures.some((f) => f.value === 1300)));
  const reopened = loadSeeds([ws.seeds], { cacheDir: ws.cache, engineVersion: 'engine-2' });
  assert.ok([...reopened.index.seeds].find((d) => d.path === b)!.facts.sentences.some((s) => s.figures.some((f) => f.value === 1300)));
  const one = loadSeeds([b], { cacheDir: ws.cache, engineVersion: 'engine-2' });
  assert.deepEqual([one.index.stats.files, one.cache?.hits, one.cache?.misses], [1, 1, 0]);
});

test('a seed changed after the index was opened is not quoted from the changed text', () => {
  const ws = workspace();
  loadSeeds([ws.seeds], { cacheDir: ws.cache });
  const r = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  writeFileSync(join(ws.seeds, 'c.md'), THIRD.replace('London', 'Paris'));
  const doc = [...r.index.seeds].find((d) => d.path.endsWith('c.md'))!;
  assert.throws(() => doc.facts, /changed after the seeds were loaded/);
});

test('a cache folder inside a seed folder is not used, and nothing is written there', () => {
  const ws = workspace();
  const inside = join(ws.seeds, 'cache');
  const r = loadSeeds([ws.seeds], { cacheDir: inside });
  assert.equal(existsSync(inside), false);
  assert.equal(r.index.stats.files, 3);
  assert.match(r.cache!.messages[0], /is inside the seed folder/);
  assert.deepEqual(readdirSync(ws.seeds).sort(), ['a.txt', 'b.txt', 'c.md']);
});

// ---- Changes to an opened index: masked in the tables, read into an overlay ----------------------------

const LOPEZ = 'date 2023-11-25\nFinance Minister Ana Lopez said 400 jobs were saved. Maria Costa, an envoy, agreed with Lopez on Saturday.\n';
const DRAFTS = [
  DRAFT,
  THIRD,
  'date 2023-11-26\nTreasury Secretary Ana Lopes said on Tuesday that 1,300 jobs would go at Northwind Bank. Envoy Maria Kosta disagreed.\n',
  '---\ndate: 2023-11-26\n---\nPrime Minister Hakan Fidan met Foreign Secretary David Camerun in Ankara on Monday; 350 aid trucks entered Gaza, Lopez said.\n',
];

/** The full results (findings and claims) of checking every draft, and every look-up's answer. */
const everything = (index: SeedIndex) => [answers(index), ...DRAFTS.map((d) => verdict(index, d))];

function assertSame(actual: SeedIndex, expected: SeedIndex, what: string): void {
  const [a, e] = [everything(actual), everything(expected)];
  for (let i = 0; i < a.length; i++) assert.equal(a[i], e[i], `${what}: ${i === 0 ? 'look-ups' : `draft ${i}`}`);
}

test('seeds changed, added or removed since the index was saved: opened with them, exactly as a cold build of the seeds', () => {
  const ws = workspace();
  writeFileSync(join(ws.seeds, 'd.txt'), LOPEZ);
  loadSeeds([ws.seeds], { cacheDir: ws.cache });
  const file = indexFile(ws.cache);
  const saved = readFileSync(file);
  // b.txt changed (Lopez is now Lopes: Ana Lopez is first named in d.txt), c.md removed, two added.
  writeFileSync(join(ws.seeds, 'b.txt'), OTHER.replace(/Lopez/g, 'Lopes').replace('1,200', '1,500'));
  unlinkSync(join(ws.seeds, 'c.md'));
  writeFileSync(join(ws.seeds, 'bb.txt'), 'date 2023-11-21\nPrime Minister David Cameron visited Ankara on Monday. Cameron met Fidan and Lopez.\n');
  writeFileSync(join(ws.seeds, '0.txt'), 'date 2023-11-20\nEnvoy Maria Costa said 300 aid trucks entered Gaza on Sunday.\n');
  const opened = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  const cold = loadSeeds([ws.seeds]);
  assert.equal(opened.cache?.opened, true);
  assert.equal(opened.cache?.changed, 4);
  assert.deepEqual([opened.cache?.hits, opened.cache?.misses], [2, 3]);
  assert.deepEqual(opened.files, cold.files);
  assert.deepEqual(readFileSync(file), saved, 'the index file is not rewritten');
  assertSame(opened.index, cold.index, 'opened with changes');
  // Opened again: the same.
  const again = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.deepEqual([again.cache?.hits, again.cache?.misses], [5, 0]);
  assertSame(again.index, cold.index, 'opened again');

  // Live changes on it: a changed seed keeps its place, a new one goes last (zz.txt is listed last).
  const change = (path: string, text?: string) => {
    if (text === undefined) unlinkSync(path);
    else writeFileSync(path, text);
    for (const index of [again.index]) {
      if (text === undefined) index.removeSeed(path);
      else index.addSeed(path, text);
    }
  };
  change(join(ws.seeds, 'a.txt'), SEED_TEXT.replace('5,800 children', '6,800 children').replace(/Cameron/g, 'Camerun'));
  assertSame(again.index, loadSeeds([ws.seeds]).index, 'a seed of the tables changed');
  change(join(ws.seeds, 'bb.txt'), 'date 2023-11-21\nForeign Secretary David Cameron visited Ankara on Monday.\n');
  assertSame(again.index, loadSeeds([ws.seeds]).index, 'a seed of the overlay changed');
  change(join(ws.seeds, 'zz.txt'), LOPEZ.replace('Maria Costa', 'Maria Kosta'));
  change(join(ws.seeds, 'd.txt'));
  assertSame(again.index, loadSeeds([ws.seeds]).index, 'one added, one removed');
  change(join(ws.seeds, '0.txt'));
  change(join(ws.seeds, 'a.txt'));
  assertSame(again.index, loadSeeds([ws.seeds]).index, 'the bundled seed and an added one removed');
});

test('an index opened unchanged, then changed live: as a cold build of the same seeds', () => {
  const ws = workspace();
  writeFileSync(join(ws.seeds, 'd.txt'), LOPEZ);
  loadSeeds([ws.seeds], { cacheDir: ws.cache });
  const opened = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.equal(opened.cache?.changed, 0);
  for (const [path, text] of [
    ['b.txt', OTHER.replace(/Lopez/g, 'Lopes')],
    ['zz.md', THIRD.replace('Friday', 'Thursday')],
    ['c.md', undefined],
    ['d.txt', LOPEZ.replace('400', '450')],
  ] as const) {
    const p = join(ws.seeds, path);
    if (text === undefined) {
      unlinkSync(p);
      opened.index.removeSeed(p);
    } else {
      writeFileSync(p, text);
      opened.index.addSeed(p, text);
    }
    assertSame(opened.index, loadSeeds([ws.seeds]).index, path);
  }
});

test('opened without listing the seed files (verifyLater): the files compared later, and what changed applied as a cold build has it', async () => {
  const ws = workspace();
  writeFileSync(join(ws.seeds, 'd.txt'), LOPEZ);
  let verify: (() => Promise<VerifiedSeeds>) | undefined;
  const built = loadSeeds([ws.seeds], { cacheDir: ws.cache, verifyLater: (v) => (verify = v) });
  assert.equal(verify, undefined, 'no index to open: loaded as usual');
  assert.equal(built.cache?.written, true);
  writeFileSync(join(ws.seeds, 'b.txt'), OTHER.replace(/Lopez/g, 'Lopes'));
  writeFileSync(join(ws.seeds, 'bb.txt'), 'date 2023-11-21\nPrime Minister David Cameron visited Ankara on Monday. Cameron met Fidan and Lopez.\n');
  unlinkSync(join(ws.seeds, 'c.md'));
  const opened = loadSeeds([ws.seeds], { cacheDir: ws.cache, verifyLater: (v) => (verify = v) });
  assert.equal(opened.cache?.opened, true);
  assert.equal(opened.index.stats.files, 4, 'as saved, before the comparison');
  const r = await verify!();
  assert.deepEqual([r.reload, r.changed, r.messages], [false, 3, []]);
  const cold = loadSeeds([ws.seeds]);
  assert.deepEqual(r.files, cold.files);
  assertSame(opened.index, cold.index, 'after the comparison');
});

test('opened without a listing, a damaged table is found by the checksum computed after: one message, the file removed, then written afresh', async () => {
  const ws = workspace();
  loadSeeds([ws.seeds], { cacheDir: ws.cache });
  const file = indexFile(ws.cache);
  const bytes = readFileSync(file);
  const headerLength = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString('utf8', 16, 16 + headerLength)) as { sections: Array<[string, string, number, number]> };
  const start = 16 + headerLength + ((8 - ((16 + headerLength) % 8)) % 8);
  const [, , at] = header.sections.find(([name]) => name === 'terms.text')!;
  bytes[start + at] = bytes[start + at] === 0x71 ? 0x72 : 0x71; // another letter: every bound still holds
  writeFileSync(file, bytes);
  let verify: (() => Promise<VerifiedSeeds>) | undefined;
  const opened = loadSeeds([ws.seeds], { cacheDir: ws.cache, verifyLater: (v) => (verify = v) });
  assert.equal(opened.cache?.opened, true);
  const r = await verify!();
  assert.equal(r.reload, true);
  assert.equal(r.messages.length, 1);
  assert.match(r.messages[0], /ignored corrupt cache file .*index-\w+\.bin: index file is damaged \(checksum mismatch\)/);
  assert.equal(existsSync(file), false);
  const again = loadSeeds([ws.seeds], { cacheDir: ws.cache });
  assert.deepEqual([again.cache?.opened, again.cache?.written, again.cache?.messages], [undefined, true, []]);
  assert.equal(verdict(again.index), verdict(loadSeeds([ws.seeds]).index));
});

test('opened without a listing (postings and sentence terms read list by list): every look-up and check as a cold build', async () => {
  const ws = workspace();
  writeFileSync(join(ws.seeds, 'd.txt'), LOPEZ);
  loadSeeds([ws.seeds], { cacheDir: ws.cache });
  let verify: (() => Promise<VerifiedSeeds>) | undefined;
  const opened = loadSeeds([ws.seeds], { cacheDir: ws.cache, verifyLater: (v) => (verify = v) });
  const cold = loadSeeds([ws.seeds]);
  assertSame(opened.index, cold.index, 'opened without a listing');
  const r = await verify!();
  assert.deepEqual([r.reload, r.changed, r.messages], [false, 0, []]);
  opened.index.removeSeed(join(ws.seeds, 'b.txt'));
  unlinkSync(join(ws.seeds, 'b.txt'));
  assertSame(opened.index, loadSeeds([ws.seeds]).index, 'then a seed removed');
});
