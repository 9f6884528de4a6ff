// Shared pieces of the end-to-end run: tools (code-server from a cache outside the repository, Debian's
// Chromium), an isolated VS Code profile, starting and stopping code-server. See docs in README.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3'; // VS Code 1.100.3; newer ones need Node 24
const RIPGREP_PIN = { pkg: '1.15.11', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };
export const CHROMIUM = process.env.FACTDESK_E2E_CHROMIUM || '/usr/bin/chromium';

const t0 = Date.now();
export function log(msg) {
  process.stdout.write(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${msg}\n`);
}

export function cacheDir() {
  return resolve(process.env.FACTDESK_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'factdesk-e2e'));
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}\n${(r.stdout || '').slice(-4000)}\n${(r.stderr || '').slice(-4000)}`);
  return r.stdout;
}

/** Debian packages the run needs; installed with apt-get when missing and we are root, else a loud error. */
export function ensureSystemPackages() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!existsSync('/usr/bin/rg')) missing.push('ripgrep');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (!missing.length) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('apt-get', ['--version']).status === 0;
  if (!isRoot || !hasApt || process.env.FACTDESK_E2E_NO_APT)
    throw new Error(`the end-to-end tests need these Debian packages: ${missing.join(', ')}.\n  apt-get update && apt-get install -y libkrb5-dev ripgrep chromium`);
  log(`installing ${missing.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', 'libkrb5-dev', 'ripgrep', 'chromium'], { env });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} does not exist`);
}

/** Fails loudly when Chromium is there but cannot run (missing libraries, wrong binary). */
export function checkChromium(runDir) {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(runDir, 'chromium-check')}`, '--dump-dom', 'data:text/html,<p>ok</p>'];
  const r = spawnSync(CHROMIUM, args, { encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_CACHE_HOME: join(runDir, 'xdg-cache'), XDG_CONFIG_HOME: join(runDir, 'xdg-config') } });
  if (r.status !== 0 || !r.stdout.includes('<p>ok</p>'))
    throw new Error(`Chromium (${CHROMIUM}) cannot run headless (status ${r.status}${r.error ? `, ${r.error.message}` : ''}):\n${(r.stderr || '').slice(-3000)}`);
  return (spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout || '').trim();
}

/** code-server 4.100.3 from the cache folder, installed there with npm on first use (about 400 MB). */
export function ensureCodeServer() {
  const dir = join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
  const bin = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = join(dir, '.complete');
  if (existsSync(marker) && existsSync(bin)) return { bin, dir, installed: false };
  // @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache holds the tarball: put
  // Debian's rg there (a tarball holding the single file `rg`).
  const rgCache = join(tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PIN.pkg}`);
  const tarball = join(rgCache, RIPGREP_PIN.asset);
  if (!existsSync(tarball)) {
    const stage = mkdtempSync(join(tmpdir(), 'factdesk-rg-'));
    copyFileSync('/usr/bin/rg', join(stage, 'rg'));
    mkdirSync(rgCache, { recursive: true });
    run('tar', ['czf', `${tarball}.tmp`, '-C', stage, 'rg']);
    renameSync(`${tarball}.tmp`, tarball);
    rmSync(stage, { recursive: true, force: true });
  }
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (first run only)`);
  const started = Date.now();
  const stage = `${dir}.partial`;
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  writeFileSync(join(stage, 'package.json'), JSON.stringify({ name: 'factdesk-e2e-tools', private: true }) + '\n');
  const env = { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  // npm run sets npm_config_* of the project; the install happens in its own folder with its own settings
  delete env.npm_config_prefix;
  delete env.npm_config_local_prefix;
  run('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], { cwd: stage, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const vs = join(stage, 'node_modules', 'code-server', 'lib', 'vscode');
  for (const f of ['node_modules/@vscode/ripgrep/bin/rg', 'node_modules.asar', 'out'])
    if (!existsSync(join(vs, f))) throw new Error(`code-server's postinstall did not finish: ${join(vs, f)} is missing`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(stage, dir);
  writeFileSync(marker, `${new Date().toISOString()} ${Math.round((Date.now() - started) / 1000)} s\n`);
  log(`code-server installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return { bin, dir, installed: true };
}

/** A throw-away VS Code profile: settings, XDG folders, config for code-server. */
export function makeProfile(runDir) {
  const p = {
    runDir,
    userData: join(runDir, 'user-data'),
    extensions: join(runDir, 'extensions'),
    config: join(runDir, 'config.yaml'),
    env: { ...process.env, XDG_DATA_HOME: join(runDir, 'xdg-data'), XDG_CONFIG_HOME: join(runDir, 'xdg-config'), XDG_CACHE_HOME: join(runDir, 'xdg-cache') },
  };
  for (const k of ['npm_config_prefix', 'npm_config_local_prefix', 'npm_lifecycle_event', 'npm_lifecycle_script', 'npm_package_json']) delete p.env[k];
  mkdirSync(join(p.userData, 'User'), { recursive: true });
  mkdirSync(p.extensions, { recursive: true });
  writeFileSync(p.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  writeFileSync(
    join(p.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.reduceMotion': 'on',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'editor.hover.delay': 200,
        'editor.minimap.enabled': false,
        'editor.wordWrap': 'on',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'files.autoSave': 'off',
        'git.enabled': false,
        'chat.commandCenter.enabled': false,
        'window.commandCenter': false,
        'workbench.colorTheme': 'Default Light Modern',
        'markdown.preview.scrollEditorWithPreview': false,
      },
      null,
      2,
    ),
  );
  return p;
}

function csArgs(profile) {
  return ['--config', profile.config, '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];
}

export function installExtension(cs, profile, vsix) {
  const out = run(process.execPath, [cs.bin, ...csArgs(profile), '--install-extension', vsix, '--force'], { env: profile.env });
  if (!/successfully installed/i.test(out)) throw new Error(`code-server did not install ${vsix}:\n${out}`);
}

/** Starts code-server on a free port; resolves when it listens. stop() kills it and its process group. */
export function startCodeServer(cs, profile, workspace, extraEnv = {}) {
  const logPath = join(profile.runDir, 'code-server.log');
  const out = createWriteStream(logPath);
  const args = [cs.bin, ...csArgs(profile), '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace];
  const child = spawn(process.execPath, args, { env: { ...profile.env, ...extraEnv }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await gone;
    clearTimeout(timer);
    out.end();
  };
  const port = new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start listening within 90 s; see ${logPath}\n${text.slice(-3000)}`)), 90_000);
    const onData = (d) => {
      out.write(d);
      text += d.toString();
      const m = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)\//.exec(text);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, sig) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code ?? sig}) before listening; see ${logPath}\n${text.slice(-3000)}`));
    });
  });
  return { child, port, stop, logPath, logText: () => text };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function readJson(p) {
  return JSON.parse(readFileSync(p, 'utf8'));
}
