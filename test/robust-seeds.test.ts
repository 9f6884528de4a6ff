// Bad seeds through the CLI and seedLoader: each is read correctly or skipped with a one-line
// reason on stderr, and the other seeds still work (the known finding still appears).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadSeeds, listTextFiles, DEFAULT_MAX_SEED_BYTES } from '../server/src/seedLoader';
import { assertCleanStderr, isRoot, KNOWN_FINDING, runCli, SEED_TEXT, TempDir, utf16be, utf16le } from './robust-helpers';

const tmp = new TempDir();
after(() => tmp.remove());
const draft = tmp.draft();

/** Runs the CLI with the seed paths and the known draft; asserts the finding survived. */
function checkWith(seedPaths: string[], extra: string[] = []) {
  const r = runCli(['check', ...seedPaths.flatMap((s) => ['--seeds', s]), ...extra, draft]);
  assertCleanStderr(r.stderr);
  assert.equal(r.status, 1, `exit status (stderr: ${r.stderr})`);
  if (extra.includes('json')) assert.match(r.stdout, /"message": "The seeds spell this name Hakan Fidan, not Hakan Fiden\."/);
  else assert.match(r.stdout, KNOWN_FINDING);
  return r;
}

function skipLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('factdesk: skipped seed '));
}

describe('bad seed files next to a good seed are skipped with a reason', () => {
  const cases: Array<{ name: string; file: string; content: () => string | Buffer; reason: RegExp }> = [
    { name: 'binary file', file: 'photo.txt', content: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), reason: /binary file \(contains NUL bytes\)/ },
    { name: 'empty file', file: 'empty.md', content: () => '', reason: /empty file/ },
    { name: 'blank file', file: 'blank.txt', content: () => '  \n\r\n\t\n', reason: /empty file/ },
    { name: 'invalid UTF-8', file: 'latin1.txt', content: () => Buffer.from('Caf\xe9 au lait in M\xfcnchen on Nov. 12.', 'latin1'), reason: /not valid UTF-8/ },
    { name: '50 MB file', file: 'huge.txt', content: () => Buffer.alloc(50 * 1024 * 1024, 'Filler words in a very long seed. '), reason: /too large \(50\.0 MB; the limit is 2\.0 MB\)/ },
    { name: '5 MB single line', file: 'oneline.txt', content: () => Buffer.alloc(5_000_000, 'word '), reason: /too large \(4\.8 MB; the limit is 2\.0 MB\)/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const seeds = tmp.seeds(`seeds-${c.file}`);
      writeFileSync(join(seeds, c.file), c.content());
      const r = checkWith([seeds]);
      const lines = skipLines(r.stderr);
      assert.equal(lines.length, 1, r.stderr);
      assert.ok(lines[0].includes(c.file), lines[0]);
      assert.match(lines[0], c.reason);
      assert.match(r.stdout, /against 1 seed /);
    });
  }
});

describe('odd encodings and line ends are read correctly', () => {
  const only = (name: string, content: string | Buffer) => {
    const d = tmp.dir(`only-${name}`);
    writeFileSync(join(d, name), content);
    return d;
  };
  test('UTF-16 LE with BOM', () => {
    const r = checkWith([only('seed16le.txt', utf16le(SEED_TEXT))]);
    assert.equal(skipLines(r.stderr).length, 0, r.stderr);
  });
  test('UTF-16 BE with BOM', () => {
    const r = checkWith([only('seed16be.txt', utf16be(SEED_TEXT))]);
    assert.equal(skipLines(r.stderr).length, 0, r.stderr);
  });
  test('UTF-8 with BOM', () => {
    checkWith([only('bom.txt', '\ufeff' + SEED_TEXT)]);
  });
  test('CRLF line ends: same findings and evidence lines as LF', () => {
    const lf = runCli(['check', '--format', 'json', '--seeds', only('lf.txt', SEED_TEXT), draft]);
    const crlf = runCli(['check', '--format', 'json', '--seeds', only('crlf.txt', SEED_TEXT.replace(/\n/g, '\r\n')), draft]);
    assert.equal(crlf.status, 1);
    const a = JSON.parse(lf.stdout).files[0].diagnostics;
    const b = JSON.parse(crlf.stdout).files[0].diagnostics;
    assert.ok(a.length >= 1);
    const strip = (ds: Array<{ evidence: Array<{ seed: string; quote: string }> }>) => ds.map((d) => ({ ...d, evidence: d.evidence.map((e) => ({ ...e, seed: '' })) }));
    assert.deepEqual(strip(b), strip(a));
  });
  test('a long single line under the limit (about 400 KB)', () => {
    const line = SEED_TEXT.replace(/\n+/g, ' ');
    const r = checkWith([only('longline.txt', line.repeat(Math.ceil(400_000 / line.length)))], ['--format', 'json']);
    const ev = JSON.parse(r.stdout).files[0].diagnostics.find((d: { kind: string }) => d.kind === 'name').evidence[0];
    assert.equal(ev.range.start.line, 0);
  });
});

describe('unreadable entries, links and paths', () => {
  test('a FIFO named like a seed is skipped, not waited on', () => {
    const seeds = tmp.seeds('seeds-fifo');
    execFileSync('mkfifo', [join(seeds, 'pipe.txt')]);
    const r = checkWith([seeds]);
    assert.match(skipLines(r.stderr).join('\n'), /pipe\.txt: not a regular file or folder/);
  });
  test('a folder named x.txt is searched as a folder', () => {
    const seeds = tmp.dir('seeds-dirtxt');
    copyFileSync(join(tmp.seeds('seeds-dirtxt-src'), 'good.txt'), join(tmp.dir('seeds-dirtxt', 'x.txt'), 'inner.txt'));
    const r = checkWith([seeds]);
    assert.equal(skipLines(r.stderr).length, 0, r.stderr);
  });
  test('a file without read permission is skipped with "permission denied"', (t) => {
    const seeds = tmp.seeds('seeds-noperm');
    const locked = join(seeds, 'locked.txt');
    writeFileSync(locked, SEED_TEXT);
    chmodSync(locked, 0o000);
    // root reads anything: run the CLI as "nobody" then (everything else it needs is world-readable)
    const asUser = isRoot ? { uid: 65534, gid: 65534 } : {};
    if (isRoot) {
      for (const p of [tmp.path, seeds]) chmodSync(p, 0o755);
      chmodSync(join(seeds, 'good.txt'), 0o644);
      chmodSync(join(tmp.path, 'draft.md'), 0o644);
    }
    const r = runCli(['check', '--seeds', seeds, join(tmp.path, 'draft.md')], asUser);
    if (r.status === null || /EACCES.*cli\.js|Cannot find module/.test(r.stderr)) {
      t.skip(`cannot run the CLI as an unprivileged user here: ${r.stderr.split('\n')[0]}`);
      return;
    }
    assertCleanStderr(r.stderr);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, KNOWN_FINDING);
    assert.match(r.stderr, /skipped seed .*locked\.txt: permission denied/);
  });
  test('a dangling link and a file link loop are skipped', () => {
    const seeds = tmp.seeds('seeds-links');
    symlinkSync(join(seeds, 'gone.txt'), join(seeds, 'dangling.txt'));
    symlinkSync(join(seeds, 'b.txt'), join(seeds, 'a.txt'));
    symlinkSync(join(seeds, 'a.txt'), join(seeds, 'b.txt'));
    const r = checkWith([seeds]);
    const lines = skipLines(r.stderr).join('\n');
    assert.match(lines, /dangling\.txt: no such file or folder/);
    assert.match(lines, /a\.txt: symbolic link loop/);
    assert.match(lines, /b\.txt: symbolic link loop/);
  });
  test('a folder link loop is read once', () => {
    const seeds = tmp.seeds('seeds-dirloop');
    mkdirSync(join(seeds, 'sub'));
    symlinkSync(seeds, join(seeds, 'sub', 'back'));
    const r = checkWith([seeds]);
    assert.match(skipLines(r.stderr).join('\n'), /back: symbolic link loop \(folder already read\)/);
    assert.match(r.stdout, /against 1 seed /);
  });
  test('a missing seed path is skipped and the others are used', () => {
    const r = checkWith([join(tmp.path, 'no-such-folder'), tmp.seeds('seeds-missing')]);
    assert.match(skipLines(r.stderr).join('\n'), /no-such-folder: no such file or folder/);
  });
  test('a seed path that is a file (not a folder) is read', () => {
    const r = checkWith([join(tmp.seeds('seeds-file'), 'good.txt')]);
    assert.equal(r.stderr, '');
  });
  test('no readable seed at all: exit 2 with one line saying so', () => {
    const d = tmp.dir('seeds-none');
    writeFileSync(join(d, 'bin.txt'), Buffer.from([0, 1, 2, 3]));
    const r = runCli(['check', '--seeds', d, '--seeds', join(tmp.path, 'nope'), draft]);
    assertCleanStderr(r.stderr);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^factdesk: no seed could be read from .*bin\.txt: binary file.*nope: no such file or folder\)\n$/);
    assert.equal(r.stdout, '');
  });
});

describe('many seed files', () => {
  test('thousands of files in nested folders', () => {
    const seeds = tmp.dir('seeds-many');
    let n = 0;
    for (let a = 0; a < 10; a++) {
      for (let b = 0; b < 10; b++) {
        const d = tmp.dir('seeds-many', `a${a}`, `b${b}`, 'c', 'd');
        for (let k = 0; k < 20; k++) writeFileSync(join(d, `f${n++}.txt`), `Filler story ${n}: the council of Lyon met on Monday about parking.`);
      }
    }
    copyFileSync(join(tmp.seeds('seeds-many-src'), 'good.txt'), join(seeds, 'a9', 'b9', 'c', 'zz-good.txt'));
    const r = checkWith([seeds]);
    assert.match(r.stdout, /against 2001 seeds /);
    assert.equal(r.stderr, '');
  });
  test('the file limit is applied and reported', () => {
    const seeds = tmp.dir('seeds-limit');
    for (let k = 0; k < 30; k++) writeFileSync(join(seeds, `f${String(k).padStart(2, '0')}.txt`), `Story ${k} about Lyon.`);
    const loaded = loadSeeds([seeds], { maxFiles: 12 });
    assert.equal(loaded.files.length, 12);
    assert.equal(loaded.skipped.length, 1);
    assert.match(loaded.skipped[0].reason, /file limit reached: read 12 files, left 18 more unread/);
  });
  test('hidden folders and node_modules are not searched', () => {
    const seeds = tmp.seeds('seeds-hidden');
    writeFileSync(join(tmp.dir('seeds-hidden', '.git'), 'x.txt'), 'x');
    writeFileSync(join(tmp.dir('seeds-hidden', 'node_modules', 'p'), 'README.md'), 'x');
    assert.deepEqual(listTextFiles(seeds).files.map((f) => f.slice(seeds.length + 1)), ['good.txt']);
  });
  test('the default seed size limit is 2 MB', () => {
    assert.equal(DEFAULT_MAX_SEED_BYTES, 2 * 1024 * 1024);
  });
});
