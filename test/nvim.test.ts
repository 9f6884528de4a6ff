// A real LSP client that is not VS Code: headless Neovim (Debian's 0.7) starts `node dist/server.js
// --stdio`, opens a draft about the bundled seed and reads the diagnostics through vim.diagnostic.get.
// Without nvim the test is skipped on a developer machine and FAILS under CI=true (.ci/run installs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DRAFT, MISMATCHES, ROOT, SERVER, makeWorkspace, rangeOfText } from './lspClient';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const haveNvim = nvim.status === 0;
const inCI = process.env.CI === 'true' || process.env.CI === '1';

test('Neovim (headless) gets the expected mismatches as diagnostics, and a hover', { skip: !haveNvim && !inCI ? 'nvim is not installed (apt-get install -y neovim); required under CI=true' : false }, () => {
  assert.ok(haveNvim, 'nvim is required under CI: apt-get install -y neovim');
  const ws = makeWorkspace();
  const draft = join(ws, 'draft.md');
  writeFileSync(draft, DRAFT);
  const out = join(ws, 'nvim-out.json');
  const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'nvim', 'probe.lua')}`], {
    env: { ...process.env, FACTDESK_SERVER: SERVER, FACTDESK_DRAFT: draft, FACTDESK_ROOT: ws, FACTDESK_OUT: out, FACTDESK_NODE: process.execPath },
    encoding: 'utf8',
    timeout: 60_000,
    input: '',
  });
  assert.ok(existsSync(out), `nvim wrote no result (status ${r.status}, signal ${r.signal}): ${r.stderr} ${r.stdout}`);
  const res = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(res.error, undefined, res.error);
  assert.equal(res.waited, true);
  assert.equal(res.diagnostics.length, MISMATCHES.length, JSON.stringify(res.diagnostics));
  for (const m of MISMATCHES) {
    const want = rangeOfText(DRAFT, m.text);
    const d = res.diagnostics.find((x: { lnum: number; col: number }) => x.lnum === want.start.line && x.col === want.start.character);
    assert.ok(d, `Neovim shows a diagnostic on "${m.text}"`);
    assert.equal(d.end_col, want.end.character);
    assert.equal(d.source, 'factdesk');
    assert.match(d.code, new RegExp(`^${m.kind}-`));
    assert.ok(d.message.includes(m.expected), d.message);
  }
  assert.match(res.hover, /the seeds say \*\*Hakan Fidan\*\*/);
});
