// Benchmarks the language server over stdio: cold open → diagnostics, edit → diagnostics latency
// (debounce 0), and Check All Drafts over many drafts. Usage: npm run build && node scripts/bench-lsp.mjs
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const root = new URL('..', import.meta.url).pathname;
const ws = mkdtempSync(join(tmpdir(), 'factdesk-bench-'));
cpSync(join(root, 'seeds'), join(ws, 'seeds'), { recursive: true });
mkdirSync(join(ws, 'drafts'));
const draft = readFileSync(join(root, 'examples', 'fidan-london.md'), 'utf8');
const N = Number(process.env.DRAFTS ?? 300);
for (let i = 0; i < N; i++) writeFileSync(join(ws, 'drafts', `d${i}.md`), draft);

const proc = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio']);
const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
let onPublish = () => {};
conn.onNotification('textDocument/publishDiagnostics', (p) => onPublish(p));
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounceMs: 0 })));
conn.onRequest('client/registerCapability', () => null);
conn.onRequest('window/workDoneProgress/create', () => null);
conn.listen();
const t0 = performance.now();
await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(ws).href, workspaceFolders: [{ uri: pathToFileURL(ws).href, name: 'bench' }], capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } } });
await conn.sendNotification('initialized', {});
const uri = pathToFileURL(join(ws, 'open.md')).href;
const published = (version) => new Promise((r) => (onPublish = (p) => p.uri === uri && (version === undefined || p.version === version) && r(p)));
let wait = published(1);
await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draft } });
const first = await wait;
const cold = performance.now() - t0;
const lat = [];
for (let v = 2; v < 52; v++) {
  const text = draft.replace('14,100', String(14000 + v));
  wait = published(v);
  const t = performance.now();
  await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
  await wait;
  lat.push(performance.now() - t);
}
lat.sort((a, b) => a - b);
const t1 = performance.now();
const res = await conn.sendRequest('workspace/executeCommand', { command: 'factdesk.server.checkWorkspace', arguments: [] });
const all = performance.now() - t1;
console.log(`start + open → ${first.diagnostics.length} diagnostics: ${cold.toFixed(0)} ms`);
console.log(`edit → diagnostics (debounce 0, ${lat.length} edits): median ${lat[lat.length >> 1].toFixed(1)} ms, p95 ${lat[Math.floor(lat.length * 0.95)].toFixed(1)} ms`);
console.log(`Check All Drafts: ${res.checked} drafts, ${res.findings} findings in ${all.toFixed(0)} ms (${(all / res.checked).toFixed(1)} ms per draft)`);
await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();
rmSync(ws, { recursive: true, force: true });
