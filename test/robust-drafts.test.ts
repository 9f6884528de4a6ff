// Bad drafts through the CLI (exit 0 clean, 1 flagged, 2 usage/unreadable with one stderr line and
// no stack trace), and the engine's own edges: positions beyond the end, empty and large texts.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { checkDraft, extractFacts, LineMap, SeedIndex } from '../server/src/engine';
import { assertCleanStderr, CLI, DRAFT_TEXT, isRoot, KNOWN_FINDING, runCli, SEED_TEXT, TempDir, utf16be, utf16le } from './robust-helpers';

const tmp = new TempDir();
after(() => tmp.remove());
const seeds = tmp.seeds();

function check(...paths: string[]) {
  const r = runCli(['check', '--seeds', seeds, ...paths]);
  assertCleanStderr(r.stderr);
  return r;
}

describe('drafts the CLI cannot read: exit 2, one line naming the file and the reason', () => {
  const cases: Array<{ name: string; file: string; content: () => string | Buffer; reason: RegExp }> = [
    { name: 'binary file', file: 'b.md', content: () => Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 8, 0]), reason: /binary file/ },
    { name: 'invalid UTF-8', file: 'l.md', content: () => Buffer.from([0x48, 0x69, 0xff, 0xfe, 0x21, 0x0a]), reason: /not valid UTF-8/ },
    { name: '50 MB file', file: 'huge.md', content: () => Buffer.alloc(50 * 1024 * 1024, 'All work and no play. '), reason: /too large \(50\.0 MB; the limit is 1\.0 MB\)/ },
    { name: '5 MB single line', file: 'line.txt', content: () => Buffer.alloc(5_000_000, 'x'), reason: /too large \(4\.8 MB; the limit is 1\.0 MB\)/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const good = tmp.draft(`ok-${c.file}.md`);
      const bad = tmp.file(c.file, c.content());
      const r = check(bad, good);
      assert.equal(r.status, 2);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], new RegExp(`^factdesk: cannot read draft .*${c.file.replace('.', '\\.')}: `));
      assert.match(lines[0], c.reason);
      // the readable draft next to it is still checked
      assert.match(r.stdout, KNOWN_FINDING);
    });
  }
  test('a FIFO, a dangling link and a link loop', () => {
    const d = tmp.dir('odd-drafts');
    execFileSync('mkfifo', [join(d, 'pipe.md')]);
    symlinkSync(join(d, 'gone.md'), join(d, 'dangling.md'));
    symlinkSync(join(d, 'y.md'), join(d, 'x.md'));
    symlinkSync(join(d, 'x.md'), join(d, 'y.md'));
    const r = check(d, join(d, 'pipe.md'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read draft .*pipe\.md: not a regular file/);
    assert.match(r.stderr, /cannot read draft .*dangling\.md: no such file or folder/);
    assert.match(r.stderr, /cannot read draft .*x\.md: symbolic link loop/);
    assert.equal(r.stderr.trim().split('\n').length, 5, r.stderr); // pipe.md twice (folder and argument)
  });
  test('a missing draft path: the others are still checked', () => {
    const r = check(join(tmp.path, 'nope.md'), tmp.draft('ok-missing.md'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^factdesk: draft path not found: .*nope\.md\n$/);
    assert.match(r.stdout, KNOWN_FINDING);
  });
  test('an unreadable draft file (permission denied; run as "nobody" when root)', (t) => {
    const f = tmp.draft('locked.md');
    chmodSync(f, 0o000);
    if (isRoot) for (const p of [tmp.path, seeds]) chmodSync(p, 0o755);
    const r = runCli(['check', '--seeds', seeds, f], isRoot ? { uid: 65534, gid: 65534 } : {});
    if (r.status === null || /Cannot find module/.test(r.stderr)) return t.skip('cannot run the CLI as an unprivileged user here');
    assertCleanStderr(r.stderr);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read draft .*locked\.md: permission denied/);
  });
});

describe('drafts the CLI reads', () => {
  test('empty draft: exit 0, no finding', () => {
    const r = check(tmp.file('empty.md', ''));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1 draft checked against 1 seed \(\d+ facts\): 0 findings/);
    assert.equal(r.stderr, '');
  });
  test('clean draft: exit 0', () => {
    const r = check(tmp.file('clean.md', 'Foreign Minister Hakan Fidan held talks in London.\n'));
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
  for (const [name, bytes] of [
    ['UTF-16 LE with BOM', utf16le(DRAFT_TEXT)],
    ['UTF-16 BE with BOM', utf16be(DRAFT_TEXT)],
    ['UTF-8 with BOM', Buffer.from('\ufeff' + DRAFT_TEXT)],
    ['CRLF line ends', Buffer.from(DRAFT_TEXT.replace(/\n/g, '\r\n'))],
  ] as const) {
    test(`${name}: the finding at the same line and column`, () => {
      const r = check(tmp.file(`enc-${name.replace(/\W+/g, '-')}.md`, bytes));
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, KNOWN_FINDING);
    });
  }
  test('a folder of drafts with a folder named x.md in it', () => {
    const d = tmp.dir('folder-drafts', 'x.md');
    writeFileSync(join(d, 'inner.md'), DRAFT_TEXT);
    const r = check(join(tmp.path, 'folder-drafts'));
    assert.equal(r.status, 1);
    assert.match(r.stdout, KNOWN_FINDING);
  });
  test('--max-size sets the limit', () => {
    const big = tmp.file('big.md', DRAFT_TEXT + '\nFiller sentence number one.'.repeat(10_000));
    const small = runCli(['check', '--seeds', seeds, '--max-size', '0.2', big]);
    assert.equal(small.status, 2);
    assert.match(small.stderr, /big\.md: too large \(0\.3 MB; the limit is 0\.2 MB\)/);
    const r = check(big);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, KNOWN_FINDING);
  });
});

describe('usage errors: exit 2, one line, no stack trace', () => {
  for (const [args, msg] of [
    [[], /no command given/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['check'], /no draft given/],
    [['check', '--bogus', 'x.md'], /unknown option --bogus/],
    [['check', '--date', '2023-13-45', 'x.md'], /--date must be YYYY-MM-DD/],
    [['check', '--format', 'xml', 'x.md'], /unknown format "xml"/],
    [['check', '--max-size', '-1', 'x.md'], /--max-size needs a value|--max-size must be/],
    [['check', '--max-size', 'lots', 'x.md'], /--max-size must be a number/],
    [['check', '--seeds'], /--seeds needs a value/],
  ] as const) {
    test(args.join(' ') || '(no arguments)', () => {
      const r = runCli([...args]);
      assertCleanStderr(r.stderr);
      assert.equal(r.status, 2);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, msg);
      assert.equal(r.stdout, '');
    });
  }
  test('a closed stdout pipe ends quietly', async () => {
    const child = spawn(process.execPath, [CLI, 'check', '--seeds', seeds, ...Array.from({ length: 40 }, (_, i) => tmp.draft(`pipe-${i}.md`))], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const [code] = (await once(child, 'close')) as [number | null];
    assertCleanStderr(stderr);
    assert.equal(stderr, '');
    assert.ok(code === 1 || code === 0, `status ${code}`);
  });
});

describe('engine edges', () => {
  test('LineMap.offset clamps positions beyond a line, the last line and the text', () => {
    const text = 'ab\r\ncde\nf';
    const m = new LineMap(text);
    assert.equal(m.offset({ line: 0, character: 1 }), 1);
    assert.equal(m.offset({ line: 0, character: 2 }), 2);
    assert.equal(m.offset({ line: 0, character: 99 }), 2, 'stops before \\r\\n');
    assert.equal(m.offset({ line: 1, character: 3 }), 7);
    assert.equal(m.offset({ line: 1, character: 4 }), 7, 'never into the next line');
    assert.equal(m.offset({ line: 2, character: 0 }), 8);
    assert.equal(m.offset({ line: 2, character: 50 }), text.length);
    assert.equal(m.offset({ line: 3, character: 0 }), text.length);
    assert.equal(m.offset({ line: 1e9, character: 1e9 }), text.length);
    assert.equal(m.offset({ line: -1, character: 5 }), 0);
    assert.equal(m.offset({ line: 1, character: -5 }), 4);
    assert.equal(m.offset({ line: Number.NaN, character: Number.NaN }), 0);
    assert.equal(m.offset({ line: 0, character: Infinity }), 2);
    assert.deepEqual(m.position(999), { line: 2, character: 1 });
    assert.deepEqual(m.position(-3), { line: 0, character: 0 });
    for (let o = 0; o <= text.length; o++) {
      const p = m.position(o);
      if (text[o - 1] !== '\r') assert.equal(m.offset(p), o, `round trip at ${o}`);
    }
    const empty = new LineMap('');
    assert.equal(empty.offset({ line: 0, character: 3 }), 0);
    assert.equal(empty.offset({ line: 2, character: 0 }), 0);
  });
  test('checkDraft on empty and whitespace-only texts', () => {
    const index = new SeedIndex();
    index.addSeed('seed.txt', SEED_TEXT);
    for (const t of ['', ' ', '\n\n\n', '\r\n', '\ufeff', '---\n---\n', ' date 2023-11-22 ']) {
      for (const format of ['markdown', 'plaintext'] as const) {
        const r = checkDraft(t, index, { format });
        assert.deepEqual(r.findings, []);
        assert.deepEqual(r.claims, []);
      }
    }
  });
  test('checkDraft against an empty index', () => {
    const r = checkDraft(DRAFT_TEXT, new SeedIndex(), { format: 'markdown' });
    assert.deepEqual(r.findings, []);
    assert.ok(r.claims.every((c) => c.status === 'unverified'));
  });
  test('a large draft (200 KB of repeated articles) keeps every range in the text', () => {
    const index = new SeedIndex();
    index.addSeed('seed.txt', SEED_TEXT);
    const text = (DRAFT_TEXT + '\n' + SEED_TEXT + '\n').repeat(Math.ceil(200_000 / (DRAFT_TEXT.length + SEED_TEXT.length)));
    const r = checkDraft(text, index, { format: 'markdown' });
    assert.ok(r.findings.length > 10);
    for (const f of [...r.findings, ...r.claims]) {
      assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length);
      assert.equal(text.slice(f.range.start, f.range.end), f.text);
    }
    assert.ok(extractFacts(text, 'markdown').sentences.length > 100);
  });
});
