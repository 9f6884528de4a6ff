// Integrity: the CLI never writes to seeds, drafts or the folder it runs in (every file's bytes,
// mode and mtime are the same after a run, and no file appears), and never opens a socket; nor does
// the language server, over stdio or over IPC as VS Code runs it.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI, DRAFT_TEXT, KNOWN_FINDING, runCli, SEED_TEXT, TempDir, utf16le } from './robust-helpers';
import { DRAFT, MISMATCHES, TestClient, makeWorkspace, rangeOfText } from './lspClient';

const PRELOAD = join(__dirname, 'no-network.cjs');

/** Path -> kind, size, mode, mtime and content hash of everything under root. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (p: string) => {
    const st = lstatSync(p);
    const rel = p.slice(root.length) || '/';
    if (st.isSymbolicLink()) out.set(rel, `link ${readlinkSync(p)} ${st.mtimeMs}`);
    else if (st.isDirectory()) {
      out.set(rel, `dir ${st.mode} ${st.mtimeMs}`);
      for (const name of readdirSync(p)) walk(join(p, name));
    } else if (st.isFile()) out.set(rel, `file ${st.size} ${st.mode} ${st.mtimeMs} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
    else out.set(rel, `other ${st.mode}`);
  };
  walk(root);
  return out;
}

function chmodTree(root: string, write: boolean): void {
  const walk = (p: string) => {
    const st = lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
    chmodSync(p, write ? st.mode | 0o200 : st.mode & ~0o222);
  };
  walk(root);
}

const tmp = new TempDir();
after(() => {
  chmodTree(tmp.path, true);
  tmp.remove();
});

describe('integrity', () => {
  test('a run over read-only seeds and drafts changes no byte, mode or mtime and creates nothing', () => {
    const seeds = tmp.seeds();
    tmp.file('seeds/crlf.txt', SEED_TEXT.replace(/\n/g, '\r\n'));
    tmp.file('seeds/utf16.md', utf16le('Prime Minister Rishi Sunak spoke in London on Nov. 20.'));
    tmp.file('seeds/binary.txt', Buffer.from([0, 1, 2]));
    tmp.file('seeds/empty.txt', '');
    const drafts = tmp.dir('drafts');
    writeFileSync(join(drafts, 'a.md'), DRAFT_TEXT);
    writeFileSync(join(drafts, 'b.txt'), DRAFT_TEXT.replace(/\n/g, '\r\n'));
    writeFileSync(join(drafts, 'c.md'), '# Empty-ish\n');
    // As root, write bits do not stop writes, so the snapshot comparison is what proves it.
    chmodTree(tmp.path, false);
    const before = snapshot(tmp.path);
    for (const format of ['text', 'json']) {
      const r = runCli(['check', '--seeds', seeds, '--format', format, drafts, join(drafts, 'a.md')], { cwd: tmp.path });
      assert.equal(r.status, 1, r.stderr);
      if (format === 'text') assert.match(r.stdout, KNOWN_FINDING);
    }
    const sarif = runCli(['check', '--seeds', seeds, '--format', 'sarif', drafts], { cwd: tmp.path });
    assert.equal(sarif.status, 1, sarif.stderr);
    const report = runCli(['report', '--seeds', seeds, drafts], { cwd: tmp.path });
    assert.ok(report.status === 0 || report.status === 1, report.stderr);
    assert.ok(report.stdout.length > 0);
    runCli(['check', '--seeds', seeds, join(tmp.path, 'missing.md')], { cwd: tmp.path });
    runCli(['--help'], { cwd: tmp.path });
    assert.deepEqual(snapshot(tmp.path), before);
  });

  test('the no-network preload does catch a connection (control)', () => {
    for (const code of [
      "require('node:net').connect(9, '127.0.0.1')",
      "require('node:http').get('http://127.0.0.1:9/')",
      "require('node:dgram').createSocket('udp4')",
      "require('node:dns').lookup('example.invalid', () => {})",
      "fetch('http://127.0.0.1:9/')",
    ]) {
      const r = spawnSync(process.execPath, ['--require', PRELOAD, '-e', code], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.status, 99, `${code}: ${r.stderr}`);
      assert.match(r.stderr, /NETWORK ACCESS/);
    }
  });

  test('the CLI (and the engine in it) opens no socket', () => {
    const seeds = tmp.seeds('seeds-net');
    const draft = tmp.draft('net.md');
    for (const args of [['check', '--seeds', seeds, draft], ['check', '--seeds', seeds, '--format', 'json', draft], ['--version'], ['check', '--seeds', join(tmp.path, 'nope'), draft]]) {
      const r = spawnSync(process.execPath, ['--require', PRELOAD, CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
      assert.doesNotMatch(r.stderr, /NETWORK ACCESS/);
      assert.notEqual(r.status, 99);
      assert.ok(r.status === 0 || r.status === 1 || r.status === 2, `status ${r.status}`);
    }
  });

  for (const transport of ['stdio', 'ipc'] as const) {
    test(`the language server (${transport}) opens no socket and writes nothing in the workspace`, async () => {
      const ws = makeWorkspace({ 'drafts/a.md': DRAFT, 'drafts/b.txt': DRAFT.replace(/\n/g, '\r\n'), 'seeds/binary.txt': '\0\x01', 'seeds/empty.md': '' });
      const before = snapshot(ws);
      const c = new TestClient({ folders: [ws], transport, execArgv: ['--require', PRELOAD] });
      try {
        await c.start();
        const uri = await c.open(join(ws, 'drafts', 'a.md'), DRAFT);
        await c.diagnostics(uri, (d) => d.length === MISMATCHES.length);
        const at = rangeOfText(DRAFT, 'Hakan Fiden');
        assert.match((await c.request('textDocument/hover', { textDocument: { uri }, position: at.start })).contents.value, /Hakan Fidan/);
        assert.ok((await c.request('textDocument/codeAction', { textDocument: { uri }, range: at, context: { diagnostics: [] } })).length > 0);
        assert.equal((await c.command('factdesk.server.checkWorkspace')).checked, 2);
        assert.match((await c.command('factdesk.server.exportReport', uri)).markdown, /^# Fact-check report/);
        assert.match((await c.command('factdesk.server.showFactBase')).markdown, /Hakan Fidan/);
        assert.equal((await c.command('factdesk.server.reloadSeeds')).seeds, 1);
        const v = await c.change(uri, DRAFT.replace('6,800', '5,800'));
        await c.diagnostics(uri, (d, p) => p.version === v && d.length === MISMATCHES.length - 1);
      } finally {
        await c.stop();
      }
      assert.doesNotMatch(c.stderr, /NETWORK ACCESS/);
      assert.equal(c.proc.exitCode, 0, `exit code (stderr: ${c.stderr})`);
      assert.deepEqual(snapshot(ws), before);
    });
  }
});
