// A small LSP test client: spawns `node dist/server.js --stdio` and speaks JSON-RPC to it over pipes,
// answering the requests a real editor answers (configuration, registration, progress creation).
import { after } from 'node:test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';

export const ROOT = resolve(__dirname, '..');
export const SERVER = join(ROOT, 'dist', 'server.js');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const SEED_NAME = '000_f8f410645ccb42d2.txt';
export const BUNDLED_SEED = join(ROOT, 'seeds', SEED_NAME);

export const uriOf = (p: string) => pathToFileURL(p).href;

/** A draft about the bundled seed with four clear-cut mismatches (name, title, date, figure). */
export const DRAFT = `---
date: 2023-11-22
---
# Fidan takes Gaza peace push to London

Turkish Foreign Minister Hakan Fiden held talks in London on Wednesday with Prime Minister David Cameron about the war in Gaza.

The initiative comes from the Nov. 12 summit of the OIC and the Arab League in Riyadh.

Authorities in Gaza said the death toll has risen past 14,100, including more than 6,800 children and 3,900 women.

The Israeli death toll is around 1,200, according to official figures, after the Hamas attack on Oct. 7.
`;

/** The mismatches DRAFT holds: the draft's words and what the seeds say. */
export const MISMATCHES = [
  { kind: 'name', text: 'Hakan Fiden', expected: 'Hakan Fidan', seedSentence: 'Foreign Minister Hakan Fidan led diplomatic efforts' },
  { kind: 'title', text: 'Prime Minister', expected: 'Foreign Secretary', seedSentence: 'An official statement from the Foreign Ministry' },
  { kind: 'date', text: 'Nov. 12', expected: 'Nov. 11', seedSentence: 'A joint diplomatic initiative, originating from the Nov. 11' },
  { kind: 'figure', text: '6,800', expected: '5,800', seedSentence: 'Authorities in Gaza said the death toll' },
] as const;

const made: string[] = [];

/** A temporary workspace folder with its own seeds/ (a copy of the bundled seed). */
export function makeWorkspace(files: Record<string, string> = {}, withSeeds = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-ws-'));
  if (made.length === 0) process.once('exit', () => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  made.push(dir);
  if (withSeeds) {
    mkdirSync(join(dir, 'seeds'));
    cpSync(BUNDLED_SEED, join(dir, 'seeds', SEED_NAME));
  }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => starts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

/** Offset range of the n-th occurrence of `needle` in `text` as an LSP range. */
export function rangeOfText(text: string, needle: string, from = 0) {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`"${needle}" not in text`);
  const pos = (o: number) => {
    const before = text.slice(0, o);
    const line = before.split('\n').length - 1;
    return { line, character: o - (before.lastIndexOf('\n') + 1) };
  };
  return { start: pos(i), end: pos(i + needle.length) };
}

export interface ClientOptions {
  folders?: string[];
  settings?: Record<string, unknown> | ((scopeUri?: string) => unknown);
  initializationOptions?: unknown;
  /** which capabilities to announce (default: all the ones the server can use) */
  configuration?: boolean;
  watchedFiles?: boolean;
  /** node options before the server script (e.g. ['--require', preload]) */
  execArgv?: string[];
  /** stdio (default, as Neovim and most editors) or node IPC (as the VS Code client) */
  transport?: 'stdio' | 'ipc';
  /** run the server as another user (uid/gid), e.g. to test unreadable files when the tests run as root */
  user?: { uid: number; gid: number };
}

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: Array<{ type: number; message: string }> = [];
  readonly statuses: any[] = [];
  readonly registrations: any[] = [];
  readonly progress: Array<{ token: string | number; value: any }> = [];
  readonly progressTokens: Array<string | number> = [];
  settings: Record<string, unknown> | ((scopeUri?: string) => unknown);
  private waiters: Array<() => void> = [];
  private versions = new Map<string, number>();
  stderr = '';

  constructor(private readonly opts: ClientOptions = {}) {
    this.settings = opts.settings ?? {};
    const ipc = opts.transport === 'ipc';
    this.proc = spawn(process.execPath, [...(opts.execArgv ?? []), SERVER, ipc ? '--node-ipc' : '--stdio'], {
      stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'],
      ...opts.user,
    });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    if (ipc) this.proc.stdout!.on('data', (d) => (this.stderr += d));
    this.conn = ipc
      ? createProtocolConnection(new IPCMessageReader(this.proc), new IPCMessageWriter(this.proc))
      : createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.note(() => this.published.push(p)));
    this.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => this.note(() => this.logs.push(p)));
    this.conn.onNotification('factdesk/status', (p: unknown) => this.note(() => this.statuses.push(p)));
    this.conn.onNotification('$/progress', (p: { token: string | number; value: unknown }) => this.note(() => this.progress.push(p)));
    this.conn.onRequest('workspace/configuration', (p: { items: Array<{ scopeUri?: string; section?: string }> }) =>
      p.items.map((it) => (typeof this.settings === 'function' ? this.settings(it.scopeUri) : this.settings)),
    );
    this.conn.onRequest('client/registerCapability', (p: { registrations: unknown[] }) => {
      this.note(() => this.registrations.push(...p.registrations));
      return null;
    });
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      this.note(() => this.progressTokens.push(p.token));
      return null;
    });
    this.conn.listen();
  }

  private note(f: () => void) {
    f();
    const w = this.waiters;
    this.waiters = [];
    for (const r of w) r();
  }

  /** Waits until `pred` holds (re-evaluated on every message from the server). */
  async until<T>(pred: () => T | undefined | false, what: string, timeoutMs = 15000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = pred();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-2000)}; logs: ${this.logs.map((l) => l.message).join(' | ').slice(-3000)}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  async start(): Promise<any> {
    const folders = this.opts.folders ?? [];
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders: folders.length ? folders.map((f, i) => ({ uri: uriOf(f), name: `folder${i}` })) : null,
      initializationOptions: this.opts.initializationOptions,
      capabilities: {
        workspace: {
          configuration: this.opts.configuration !== false,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: this.opts.watchedFiles !== false, relativePatternSupport: true },
          workspaceFolders: true,
          executeCommand: {},
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
        },
        window: { workDoneProgress: true },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  async open(path: string, text: string, languageId = path.endsWith('.txt') ? 'plaintext' : 'markdown'): Promise<string> {
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async change(uri: string, text: string): Promise<number> {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    return v;
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** The latest diagnostics published for a URI. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i];
    return undefined;
  }

  /** Waits for a publication for `uri` after `after` publications, matching `pred`. */
  async diagnostics(uri: string, pred: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, after = 0): Promise<Diagnostic[]> {
    const p = await this.until(() => {
      for (let i = this.published.length - 1; i >= after; i--) {
        const x = this.published[i];
        if (x.uri === uri) return pred(x.diagnostics, x) ? x : undefined;
      }
      return undefined;
    }, `diagnostics for ${uri}`);
    return p.diagnostics;
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  command<R = any>(command: string, ...args: unknown[]): Promise<R> {
    return this.request<R>('workspace/executeCommand', { command, arguments: args });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      /* the server may be gone already */
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) {
      await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
      if (this.proc.exitCode === null) this.proc.kill();
    }
  }
}

/**
 * For one test file: a function that starts a TestClient (initialize, initialized) and a hook that
 * stops every client it started when the file's tests are done.
 */
export function clientStarter(): (opts?: ClientOptions) => Promise<TestClient> {
  const clients: TestClient[] = [];
  after(async () => {
    await Promise.all(clients.map((c) => c.stop()));
  });
  return async (opts = {}) => {
    const c = new TestClient(opts);
    clients.push(c);
    await c.start();
    return c;
  };
}
