#!/usr/bin/env node
// npm run test:e2e — FactDesk inside a real VS Code 1.100.3 (code-server), offline:
//  1. tools: Debian's Chromium (apt-get when missing and root), code-server from a cache outside the repo;
//  2. npm run package, and the .vsix installed into a throw-away profile;
//  3. the browser drives the workbench (scripts/e2e/ui.mjs), screenshots to test-results/;
//  4. extension-host tests (test/host/) through VS Code's test runner, passed in the `payload` URL parameter.
// Environment: FACTDESK_E2E_CACHE (tools cache), FACTDESK_E2E_VSIX (test this .vsix instead of building one),
// FACTDESK_E2E_KEEP=1 (keep the run folder), FACTDESK_E2E_ONLY=ui|host.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, cacheDir, checkChromium, ensureCodeServer, ensureSystemPackages, installExtension, log, makeProfile, startCodeServer } from './lib.mjs';
import { makeWorkspace } from './expect.mjs';
import { runUi } from './ui.mjs';

const only = process.env.FACTDESK_E2E_ONLY;
const out = join(ROOT, 'test-results');
const timings = {};
const timed = async (name, fn) => {
  const started = Date.now();
  try {
    return await fn();
  } finally {
    timings[name] = Math.round((Date.now() - started) / 100) / 10;
  }
};

const runDir = mkdtempSync(join(tmpdir(), 'factdesk-e2e-'));
let server;
let browser;
let failed = false;
let uiRetried = false;
try {
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (/^(failure-|host-console)/.test(f)) rmSync(join(out, f), { force: true });
  log(`run folder ${runDir}; tools cache ${cacheDir()}`);
  const cs = await timed('tools', async () => {
    ensureSystemPackages();
    log(checkChromium(runDir));
    return ensureCodeServer();
  });
  log(`code-server ${cs.installed ? 'installed' : 'reused'}: ${cs.dir}`);

  const vsix = await timed('package', async () => {
    if (process.env.FACTDESK_E2E_VSIX) return resolve(process.env.FACTDESK_E2E_VSIX);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const file = join(runDir, `${pkg.name}-${pkg.version}.vsix`);
    const r = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', file], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`npm run package failed:\n${r.stdout}\n${r.stderr}`);
    return file;
  });
  const profile = makeProfile(runDir);
  await timed('install-vsix', async () => installExtension(cs, profile, vsix));
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const extDir = join(profile.extensions, `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase());
  if (!existsSync(join(extDir, 'package.json'))) throw new Error(`the installed extension is not at ${extDir}`);
  log(`installed ${vsix} into ${extDir}`);

  // The extension-host tests, bundled for the extension host (CommonJS, `vscode` external).
  const hostTests = join(runDir, 'host', 'index.js');
  if (only !== 'ui') await build({ entryPoints: [join(ROOT, 'test', 'host', 'index.ts')], outfile: hostTests, bundle: true, platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'], logLevel: 'warning' });

  server = startCodeServer(cs, profile, runDir, { FACTDESK_E2E_RESULTS: join(runDir, 'host-results.json') });
  const port = await timed('start-code-server', () => server.port);
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`code-server listening on ${baseUrl}`);

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: { ...process.env, XDG_CACHE_HOME: join(runDir, 'xdg-cache'), XDG_CONFIG_HOME: join(runDir, 'xdg-config') } });

  if (only !== 'host') {
    // The browser scenario runs in a fresh workspace and browser context. A CI machine under load can
    // drop one UI event (a click, a key) that a person would simply repeat; so a failed scenario runs once
    // more from the start, and the log says so with the first failure. Two failures fail the stage.
    const attempt = async (n) => {
      const ws = makeWorkspace(join(runDir, `ws-ui-${n}`));
      const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
      const page = await context.newPage();
      const consoleLines = [];
      page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
      try {
        return await runUi({ page, baseUrl, ws, out });
      } catch (err) {
        await page.screenshot({ path: join(out, `failure-ui-${n}.png`) }).catch(() => {});
        writeFileSync(join(out, `failure-ui-${n}-console.log`), consoleLines.join('\n'));
        throw err;
      } finally {
        await context.close();
      }
    };
    const steps = await timed('ui', async () => {
      try {
        return await attempt(1);
      } catch (err) {
        log(`UI scenario failed on its first attempt; running it once more from the start. First failure:\n${err.stack || err}`);
        uiRetried = true;
        return attempt(2);
      }
    });
    for (const s of steps) log(`  ✔ ${s.name} (${(s.ms / 1000).toFixed(1)} s)`);
  }

  if (only !== 'ui') {
    const ws = makeWorkspace(join(runDir, 'ws-host'));
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const lines = [];
    page.on('console', (m) => {
      const t = m.text();
      lines.push(t);
      const at = t.indexOf('[factdesk-host]');
      if (at >= 0) process.stdout.write(`  ${t.slice(at + 16)}\n`);
    });
    const exit = new Promise((r) => page.exposeFunction('codeAutomationExit', (code) => r(code)));
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extDir)],
      ['extensionTestsPath', remote(hostTests)],
    ];
    log('extension-host tests');
    const code = await timed('host', async () => {
      await page.goto(`${baseUrl}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
      let timer;
      const timeout = new Promise((_, rej) => (timer = setTimeout(() => rej(new Error('the extension-host tests did not finish within 180 s')), 180_000)));
      try {
        return await Promise.race([exit, timeout]);
      } finally {
        clearTimeout(timer);
      }
    }).catch(async (err) => {
      writeFileSync(join(out, 'failure-host-console.log'), lines.join('\n'));
      throw err;
    });
    writeFileSync(join(out, 'host-console.log'), lines.join('\n'));
    await context.close();
    if (code !== 0) throw new Error(`the extension-host tests failed (exit code ${code}); see test-results/host-console.log`);
    log('extension-host tests passed');
  }
} catch (err) {
  failed = true;
  process.stderr.write(`\nE2E FAILED: ${err.stack || err}\n`);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (server) copyFileSync(server.logPath, join(out, 'code-server.log'));
  log(`timings (s): ${JSON.stringify(timings)}`);
  writeFileSync(join(out, 'e2e-timings.json'), JSON.stringify(timings, null, 2) + '\n');
  if (process.env.FACTDESK_E2E_KEEP) log(`kept ${runDir}`);
  else rmSync(runDir, { recursive: true, force: true });
}
// One closing line a CI reader understands: the stages that ran (browser scenario, extension-host tests).
const stages = ['ui', 'host'].filter((k) => k in timings);
const passedStages = failed ? Math.max(0, stages.length - 1) : stages.length;
process.stdout.write(`e2e: ${passedStages} passed, ${failed ? 1 : 0} failed${uiRetried ? ' (the UI scenario needed a second attempt)' : ''}\n`);
process.exitCode = failed ? 1 : 0;
