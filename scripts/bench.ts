// FactDesk's benchmark: indexing, memory, check latency, re-indexing, the language server's round trip,
// the CLI on a real eval set, and warm start from the persisted index. Not a test: it prints numbers.
// Run it with `npm run bench` (scripts/bench.mjs bundles this file); `--quick` for a short run,
// `--warm [--warm-count N] [--warm-dir DIR]` for the warm start from the persisted index (100,000 seeds by default), `--sizes 10,100` to choose the index sizes,
// `--only-adversarial` for the table of generated 256 KB and 1 MB drafts alone (a check that stays linear),
// `--server-memory [N] [--settle S]` for the language server's memory over N seed files (10,000), idle S seconds (75),
// `--session [N] [--settle S]` for the memory of a long session: N different drafts (500) against all the seeds.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkDraft, SeedIndex } from '../server/src/engine';
import { decodeText, isInside, loadSeeds, type VerifiedSeeds } from '../server/src/seedLoader';

// ---- Arguments ------------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const ROOT = resolve(option('--root') ?? process.cwd());
const QUICK = flag('--quick');
const SHARED = resolve(ROOT, '..', 'shared');
const BBC = join(SHARED, 'corpus', 'bbc');
const CASES = join(SHARED, 'eval', 'dev', 'bbc-titles', 'cases');
const HAVE_SHARED = existsSync(BBC);

// ---- Seeds: the BBC articles, then deterministic variants of them ----------------------------------

interface Corpus {
  paths: string[];
  texts: string[];
}

function loadCorpus(): Corpus {
  if (!HAVE_SHARED) return generatedCorpus(400);
  // Round-robin over the topics, so that small indexes mix topics as an archive would.
  const byTopic = readdirSync(BBC)
    .sort()
    .map((t) => readdirSync(join(BBC, t)).sort().map((f) => join(BBC, t, f)));
  const paths: string[] = [];
  const texts: string[] = [];
  for (let i = 0; byTopic.some((l) => i < l.length); i++) {
    for (const l of byTopic) {
      if (i >= l.length) continue;
      const r = decodeText(readFileSync(l[i]));
      if (r.text === undefined) continue;
      paths.push(l[i]);
      texts.push(r.text);
    }
  }
  return { paths, texts };
}

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const SURNAMES = 'Abbott Achebe Baptiste Bakshi Carver Castellano Dlamini Duarte Eriksen Ferreira Gallo Haddad Ibsen Jansen Kowalski Lindqvist Mbeki Moreau Nakamura Novak Okafor Petrov Quinlan Rahman Santos Takahashi Ulrich Varga Whitfield Yilmaz Zamora'.split(' ');
const FIRST = 'Amara Bruno Chloe Dmitri Elena Farid Grace Hugo Ines Jonas Keiko Liam Maya Nikhil Olga Pablo Rosa Samir Tariq Uma Viktor Wen Yara Zoe'.split(' ');
const WEEKDAY_NAMES = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');
const NOT_NAMES = new Set('The A An In On At For But And Mr Mrs Ms Dr Sir It He She They We This That Its His Her Their'.split(' '));

/** Variant k of an article: its people renamed, its figures and dates shifted, the same everywhere in it. */
export function variant(text: string, k: number): string {
  const renamed = new Map<string, string>();
  let out = text.replace(/\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b/g, (m, first: string, last: string) => {
    if (NOT_NAMES.has(first) || WEEKDAY_NAMES.includes(last)) return m;
    let to = renamed.get(last);
    if (!to) renamed.set(last, (to = SURNAMES[hash32(last + k) % SURNAMES.length] + (k > SURNAMES.length ? String.fromCharCode(97 + (k % 26)) : '')));
    const newFirst = FIRST[hash32(first + k) % FIRST.length];
    return `${newFirst} ${to}`;
  });
  if (renamed.size) {
    const re = new RegExp(`\\b(?:${[...renamed.keys()].join('|')})\\b`, 'g');
    out = out.replace(re, (m) => renamed.get(m) ?? m);
  }
  const shift = (k % 9) + 1;
  out = out.replace(/\b\d+(?:\.\d+)?\b/g, (m) => {
    const n = Number(m);
    if (/^(?:19|20)\d\d$/.test(m)) return String(n + (shift % 5) - 2);
    if (m.includes('.')) return (n + shift / 10).toFixed(m.split('.')[1].length);
    return String(n + shift);
  });
  out = out.replace(/\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g, (m) => WEEKDAY_NAMES[(WEEKDAY_NAMES.indexOf(m) + k) % 7]);
  return out;
}

/** Generated articles, for when ../shared is absent. */
function generatedCorpus(n: number): Corpus {
  const offices = ['Foreign Secretary', 'Chancellor', 'chief executive', 'Health Secretary', 'chairman', 'Prime Minister', 'spokesman', 'coach'];
  const orgs = ['Northwind Bank', 'the Ministry of Transport', 'Harbour Telecom', 'the Royal Opera', 'City Football Club', 'the Office for Statistics'];
  const things = ['jobs', 'homes', 'passengers', 'students', 'games', 'shares', 'patients', 'votes'];
  const verbs = ['announced', 'reported', 'confirmed', 'denied', 'warned', 'expected'];
  const texts: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    let r = hash32(`article${i}`);
    const rnd = (m: number) => ((r = Math.imul(r ^ (r >>> 15), 0x2c1b3c6d) >>> 0) % m);
    const paras: string[] = [`${orgs[rnd(orgs.length)].replace(/^the /, 'The ')} ${verbs[rnd(verbs.length)]} results`];
    for (let p = 0; p < 8; p++) {
      const sents: string[] = [];
      for (let s = 0; s < 3; s++) {
        const person = `${FIRST[rnd(FIRST.length)]} ${SURNAMES[rnd(SURNAMES.length)]}`;
        const day = WEEKDAY_NAMES[rnd(7)];
        sents.push(
          `${offices[rnd(offices.length)].replace(/^./, (c) => c.toUpperCase())} ${person} said on ${day} that ${orgs[rnd(orgs.length)]} had ${verbs[rnd(verbs.length)]} ${1 + rnd(5000)} new ${things[rnd(things.length)]} in ${1990 + rnd(30)}, up ${1 + rnd(40)}% on the year before.`,
        );
      }
      paras.push(sents.join(' '));
    }
    texts.push(paras.join('\n\n') + '\n');
    paths.push(`/generated/seed-${i}.txt`);
  }
  return { paths, texts };
}

function seedAt(c: Corpus, i: number): { path: string; text: string } {
  const n = c.texts.length;
  if (i < n) return { path: c.paths[i], text: c.texts[i] };
  const k = Math.floor(i / n);
  return { path: `${c.paths[i % n]}#variant${k}`, text: variant(c.texts[i % n], k) };
}

// ---- Drafts -----------------------------------------------------------------------------------------

/** A draft of about `words` words: the first articles' paragraphs, a figure changed in each. */
function makeDraft(c: Corpus, words: number): string {
  const paras: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const text = c.texts[i % c.texts.length];
    let changed = false;
    for (const p of text.split(/\n\s*\n/)) {
      let para = p.trim();
      if (!para) continue;
      if (!changed && /\b\d+\b/.test(para)) {
        para = para.replace(/\b(\d+)\b/, (m) => String(Number(m) + 3));
        changed = true;
      }
      const n = para.split(/\s+/).length;
      if (count + n > words * 1.05 && count > 0) {
        count = words;
        break;
      }
      paras.push(para);
      count += n;
      if (count >= words) break;
    }
  }
  return paras.join('\n\n') + '\n';
}

/** Edit r of a draft, as a keystroke would make it: a letter typed into one word (odd r: the original). */
function edited(draft: string, r: number): string {
  if (r % 2 === 1) return draft;
  const spaces: number[] = [];
  for (let i = 0; i < draft.length; i++) if (draft[i] === ' ') spaces.push(i);
  const at = spaces[(Math.floor(r / 2) * 7919) % spaces.length];
  return draft.slice(0, at) + 'x' + draft.slice(at);
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

// ---- Statistics and printing ------------------------------------------------------------------------

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}
const median = (xs: number[]) => percentile(xs, 50);
const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : 'n/a');
const mb = (bytes: number) => (bytes / 1048576).toFixed(0);

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(' | ') + ' |';
  return [line(head), '|' + w.map((n, i) => (i === 0 ? '-'.repeat(n + 2) : '-'.repeat(n + 1) + ':')).join('|') + '|', ...rows.map(line)].join('\n');
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

/**
 * CPU time of the main thread alone, in ms (Linux, from /proc; undefined elsewhere): the issue's "one core".
 * process.cpuUsage counts every thread, V8's compiler and garbage-collector threads among them. (/proc
 * counts in clock ticks, 100 a second on Linux: 10 ms steps.)
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // (utime and stime are the stat line's 14th and 15th fields; the 3rd comes right after the command's bracket)
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
}

/**
 * Full collections until the resident set stops shrinking (at most five): pages a collection frees go back
 * to the system only at a later one, so RSS right after two collections still counts the build's garbage
 * (at 10,000 seeds, about 30 MB that an idle process gives back when V8's memory reducer runs).
 */
function settledRss(): number {
  const g = (globalThis as { gc?: () => void }).gc;
  let rss = process.memoryUsage.rss();
  for (let i = 0; g && i < 5; i++) {
    g();
    const now = process.memoryUsage.rss();
    const shrank = rss - now;
    rss = now;
    if (i >= 1 && shrank < 1 << 20) break;
  }
  return rss;
}

// ---- One index size, in a child process of its own (clean memory figures) --------------------------

interface SizeResult {
  seeds: number;
  indexMs: number;
  /** CPU time (user + system) of indexing: on a shared machine, wall time counts the others' work too. */
  indexCpuMs: number;
  /** The main thread's share of indexCpuMs (undefined where /proc is not there). */
  indexMainCpuMs?: number;
  perSecond: number;
  rss: number;
  /** RSS once collections give nothing more back (settledRss). */
  rssSettled: number;
  heap: number;
  facts: number;
  sentences: number;
  checks: Array<{ words: number; firstMs: number; medianMs: number; p95Ms: number; cpuMedianMs: number; cpuP95Ms: number; runs: number; findings: number }>;
  reindexMs: number;
}

function runSize(n: number): SizeResult {
  const c = loadCorpus();
  const first = seedAt(c, 0);
  const index = new SeedIndex();
  gc();
  // Each seed is made as it is indexed, as a loader reads one file after another: 10,000 texts made first
  // would sit in memory beside the index (and grow V8's young generation to its most) and count in its RSS.
  // (Making a variant is not indexing: its time is taken off.)
  let makeMs = 0;
  let makeCpuMs = 0;
  const c0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const m0 = process.cpuUsage();
    const mt = performance.now();
    const s = seedAt(c, i);
    makeMs += performance.now() - mt;
    makeCpuMs += cpuMs(process.cpuUsage(m0));
    index.addSeed(s.path, s.text);
  }
  index.finishLoading(); // (the tables of a compact build made, as loadSeeds does)
  const stats = index.stats;
  const indexMs = performance.now() - t0 - makeMs;
  const indexCpuMs = cpuMs(process.cpuUsage(c0)) - makeCpuMs;
  const main1 = mainThreadCpuMs();
  // (Making the variants is the main thread's work: taken off as measured for all threads, which it nearly is.)
  const indexMainCpuMs = main0 !== undefined && main1 !== undefined ? main1 - main0 - makeCpuMs : undefined;
  const drafts = [200, 2000, 20000].map((w) => makeDraft(c, w));
  gc();
  const mem = process.memoryUsage();
  const rssSettled = settledRss();
  const checks: SizeResult['checks'] = [];
  for (const draft of drafts) {
    const words = wordCount(draft);
    const runs = words > 10000 ? (QUICK ? 3 : 8) : QUICK ? 12 : 40;
    let t = performance.now();
    const r0 = checkDraft(draft, index);
    const firstMs = performance.now() - t;
    const times: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < runs; r++) {
      const text = edited(draft, r);
      const c = process.cpuUsage();
      t = performance.now();
      checkDraft(text, index);
      times.push(performance.now() - t);
      cpu.push(cpuMs(process.cpuUsage(c)));
    }
    checks.push({ words, firstMs, medianMs: median(times), p95Ms: percentile(times, 95), cpuMedianMs: median(cpu), cpuP95Ms: percentile(cpu, 95), runs, findings: r0.findings.length });
  }
  // Re-indexing one changed seed, until the index answers again.
  const reindex: number[] = [];
  for (let r = 0; r < (QUICK ? 4 : 10); r++) {
    const text = r % 2 === 0 ? variant(first.text, 1000 + r) : first.text;
    const t = performance.now();
    index.addSeed(first.path, text);
    void index.stats;
    index.retrieve(['minister'], 8);
    reindex.push(performance.now() - t);
  }
  return {
    seeds: n,
    indexMs,
    indexCpuMs,
    indexMainCpuMs,
    perSecond: (n / indexMs) * 1000,
    rss: mem.rss,
    rssSettled,
    heap: mem.heapUsed,
    facts: stats.facts,
    sentences: stats.sentences,
    checks,
    reindexMs: median(reindex),
  };
}

function child(args: string[]): unknown {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=12288', process.argv[1], '--root', ROOT, ...(QUICK ? ['--quick'] : []), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) throw new Error(`child ${args.join(' ')} failed (exit ${r.status})`);
  return JSON.parse(last);
}

// ---- The language server's round trip ---------------------------------------------------------------

class Rpc {
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private pending = new Map<number, (v: unknown) => void>();
  private listeners: Array<(m: { method: string; params: any }) => void> = [];
  constructor(
    private readonly proc: ChildProcessWithoutNullStreams,
    private readonly onRequest: (method: string, params: any) => unknown,
  ) {
    proc.stdout.on('data', (d: Buffer) => this.data(d));
  }
  private data(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const sep = this.buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const m = /Content-Length:\s*(\d+)/i.exec(this.buf.subarray(0, sep).toString('ascii'));
      if (!m) throw new Error('bad header from server');
      const len = Number(m[1]);
      if (this.buf.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(sep + 4, sep + 4 + len).toString('utf8'));
      this.buf = this.buf.subarray(sep + 4 + len);
      if (msg.id !== undefined && msg.method === undefined) this.pending.get(msg.id)?.(msg.result ?? msg.error);
      else if (msg.id !== undefined) this.send({ jsonrpc: '2.0', id: msg.id, result: this.onRequest(msg.method, msg.params) ?? null });
      else for (const l of this.listeners) l(msg);
    }
  }
  send(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }
  request(method: string, params: unknown, timeoutMs = 30000): Promise<any> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`${method} timed out`)), timeoutMs);
      this.pending.set(id, (v) => {
        clearTimeout(timer);
        res(v);
      });
    });
  }
  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }
  next(pred: (m: { method: string; params: any }) => boolean, timeoutMs: number): Promise<{ method: string; params: any }> {
    return new Promise((res, rej) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((x) => x !== l);
        rej(new Error('no publishDiagnostics in time'));
      }, timeoutMs);
      const l = (m: { method: string; params: any }) => {
        if (!pred(m)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((x) => x !== l);
        res(m);
      };
      this.listeners.push(l);
    });
  }
}

interface LspResult {
  seeds: string;
  openMs: number;
  medianMs: number;
  p95Ms: number;
  runs: number;
  diagnostics: number;
}

async function lspRoundTrip(c: Corpus): Promise<LspResult> {
  const server = join(ROOT, 'dist', 'server.js');
  if (!existsSync(server)) throw new Error('dist/server.js not found');
  const work = mkdtempSync(join(tmpdir(), 'factdesk-bench-lsp-'));
  let seedPath = BBC;
  if (!HAVE_SHARED) {
    seedPath = join(work, 'seeds');
    mkdirSync(seedPath);
    c.texts.forEach((t, i) => writeFileSync(join(seedPath, `seed-${i}.txt`), t));
  }
  const draft = makeDraft(c, 2000);
  const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }) as ChildProcessWithoutNullStreams;
  proc.stderr.resume();
  // No debounce: the round trip measured is the server's work (its default debounce adds to it).
  const settings = { seedPaths: [seedPath], debounceMs: 0 };
  const rpc = new Rpc(proc, (method, params) => {
    if (method === 'workspace/configuration') return (params?.items ?? []).map((it: { section?: string }) => (it.section === 'factdesk.seedPaths' ? settings.seedPaths : it.section === 'factdesk' || !it.section ? settings : null));
    return null;
  });
  const exited = new Promise<never>((_, rej) => proc.on('exit', (code) => rej(new Error(`server exited (${code})`))));
  const race = <T>(p: Promise<T>) => Promise.race([p, exited]);
  try {
    const rootUri = pathToFileURL(work).href;
    const init = await race(
      rpc.request('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } }, textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { didSave: true } } },
        initializationOptions: { seedPaths: settings.seedPaths, storagePath: join(work, 'storage') },
      }),
    );
    const sync = init?.capabilities?.textDocumentSync;
    const kind = typeof sync === 'number' ? sync : sync?.change ?? 1;
    rpc.notify('initialized', {});
    rpc.notify('workspace/didChangeConfiguration', { settings: { factdesk: settings } });
    const uri = pathToFileURL(join(work, 'draft.txt')).href;
    const forUri = (m: { method: string; params: any }) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri;
    let t = performance.now();
    const opened = race(rpc.next(forUri, 120000));
    rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: draft } });
    let first = await opened;
    // A server may publish once before its seeds are loaded: wait until it has something to say.
    while (first.params.diagnostics.length === 0 && performance.now() - t < 60000) {
      first = await race(rpc.next(forUri, 60000)).catch(() => first);
      if (first.params.diagnostics.length === 0) break;
    }
    const openMs = performance.now() - t;
    const times: number[] = [];
    let current = draft;
    const runs = QUICK ? 10 : 30;
    for (let r = 0; r < runs; r++) {
      const version = r + 2;
      const next = edited(draft, r);
      let change: unknown = { text: next };
      if (kind === 2) {
        // The smallest edit that turns current into next, as a range.
        let a = 0;
        while (a < current.length && a < next.length && current[a] === next[a]) a++;
        let b = 0;
        while (b < current.length - a && b < next.length - a && current[current.length - 1 - b] === next[next.length - 1 - b]) b++;
        const pos = (s: string, off: number) => {
          const before = s.slice(0, off).split('\n');
          return { line: before.length - 1, character: before[before.length - 1].length };
        };
        change = { range: { start: pos(current, a), end: pos(current, current.length - b) }, text: next.slice(a, next.length - b) };
      }
      const got = race(rpc.next((m) => forUri(m) && (m.params.version === undefined || m.params.version === version), 10000));
      t = performance.now();
      rpc.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await got;
      times.push(performance.now() - t);
      current = next;
    }
    await race(rpc.request('shutdown', null, 5000)).catch(() => undefined);
    rpc.notify('exit', null);
    return { seeds: HAVE_SHARED ? 'all BBC' : `${c.texts.length} generated`, openMs, medianMs: median(times), p95Ms: percentile(times, 95), runs, diagnostics: first.params.diagnostics.length };
  } finally {
    setTimeout(() => proc.kill(), 500).unref();
    rmSync(work, { recursive: true, force: true });
  }
}

// ---- A long session: many different drafts checked against one index -------------------------------

/** Draft k of a session: paragraphs of three articles (chosen by k), the figures of every other one shifted. */
function sessionDraft(c: Corpus, k: number): string {
  const parts: string[] = [];
  for (let j = 0; j < 3; j++) {
    const text = c.texts[hash32(`session${k}:${j}`) % c.texts.length];
    parts.push(text.split(/\n\s*\n/).slice(1, 4).join('\n\n'));
  }
  const draft = parts.join('\n\n') + '\n';
  return k % 2 ? variant(draft, 1 + (k % 30)) : draft;
}

/**
 * The memory of a long session, in process: all the seeds indexed, then `count` different drafts checked
 * one after another, as an editor's day or a workspace check of many drafts; heap and RSS as it goes, and
 * after idling (an idle process gives memory back when V8's memory reducer runs).
 */
async function session(c: Corpus, count: number, idleS: number): Promise<void> {
  const index = new SeedIndex();
  for (let i = 0; i < c.texts.length; i++) index.addSeed(c.paths[i], c.texts[i]);
  index.finishLoading();
  gc();
  const row = (label: string, checkMs?: number): string[] => {
    const m = process.memoryUsage();
    return [label, mb(m.heapUsed), mb(m.heapTotal), mb(m.rss), String(index.seedsHoldingFacts), checkMs === undefined ? '' : ms(checkMs)];
  };
  const rows = [row('indexed')];
  const step = Math.max(1, Math.floor(count / 5));
  let spent = 0;
  let since = 0;
  for (let k = 1; k <= count; k++) {
    const t = performance.now();
    checkDraft(sessionDraft(c, k), index);
    spent += performance.now() - t;
    since++;
    if (k % step === 0 || k === count) {
      gc();
      rows.push(row(`${k} drafts`, spent / since));
      spent = 0;
      since = 0;
    }
  }
  await new Promise((r) => setTimeout(r, idleS * 1000));
  rows.push(row(`then idle ${idleS} s`));
  console.log(`A long session: ${c.texts.length} seeds, ${count} different drafts of about 500 words checked one after another (MB; heap after a full collection):\n`);
  console.log(table(['after', 'heap used', 'heap total', 'RSS', 'seeds holding facts', 'check (mean)'], rows));
}

// ---- The language server's memory with a large seed folder, over time ------------------------------

/** Resident and peak resident memory of a process, in bytes (Linux /proc; undefined elsewhere). */
function procMemory(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
    const rss = kb('VmRSS');
    const peak = kb('VmHWM');
    return Number.isFinite(rss) && Number.isFinite(peak) ? { rss, peak } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language server started on a folder of `count` seed files (no persisted index: a cold build), then
 * left idle: its resident memory when the seeds are loaded, its peak, and where it settles once V8's
 * memory reducer has collected the build's garbage (which an idle process leaves to it: tens of seconds);
 * then after checking a 2,000-word draft.
 */
async function serverMemory(c: Corpus, count: number, settleS: number): Promise<string[][]> {
  const server = join(ROOT, 'dist', 'server.js');
  if (!existsSync(server)) throw new Error('dist/server.js not found');
  const work = mkdtempSync(join(tmpdir(), 'factdesk-bench-memory-'));
  const dir = join(work, 'seeds');
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${i}.txt`), seedAt(c, i).text);
  }
  const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }) as ChildProcessWithoutNullStreams;
  proc.stderr.resume();
  const settings = { seedPaths: [dir], debounceMs: 0 };
  const rpc = new Rpc(proc, (method, params) => (method === 'workspace/configuration' ? (params?.items ?? []).map(() => settings) : null));
  const exited = new Promise<never>((_, rej) => proc.on('exit', (code) => rej(new Error(`server exited (${code})`))));
  const race = <T>(p: Promise<T>) => Promise.race([p, exited]);
  const sleep = (msDelay: number) => new Promise((r) => setTimeout(r, msDelay));
  try {
    const rootUri = pathToFileURL(work).href;
    const t0 = performance.now();
    const loaded = race(rpc.next((m) => m.method === 'window/logMessage' && /\d+ seeds?, \d+ facts/.test(String(m.params?.message)), 600000));
    await race(rpc.request('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: { workspace: { configuration: true } }, initializationOptions: { seedPaths: settings.seedPaths } }));
    rpc.notify('initialized', {});
    await loaded;
    const loadS = (performance.now() - t0) / 1000;
    const atLoad = procMemory(proc.pid ?? 0);
    if (!atLoad) return [[String(count), loadS.toFixed(1), 'n/a (no /proc)', '', '', '', '']];
    // Idle for settleS seconds: where the resident set comes down to (lower by a megabyte or more), and when.
    const idle = async (from: number): Promise<string> => {
      let settled = from;
      let at = 0;
      for (let s = 1; s <= settleS; s++) {
        await sleep(1000);
        const m = procMemory(proc.pid ?? 0);
        if (m && m.rss < settled - (1 << 20)) {
          settled = m.rss;
          at = s;
        }
      }
      return at ? `${mb(settled)} (after ${at} s)` : `${mb(settled)} (not lower within ${settleS} s)`;
    };
    const settled = await idle(atLoad.rss);
    const peak = procMemory(proc.pid ?? 0)?.peak ?? atLoad.peak;
    const uri = pathToFileURL(join(work, 'draft.txt')).href;
    const published = race(rpc.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri, 60000));
    rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: makeDraft(c, 2000) } });
    await published;
    await sleep(2000);
    const afterCheck = procMemory(proc.pid ?? 0);
    const checkSettled = afterCheck ? await idle(afterCheck.rss) : 'n/a';
    await race(rpc.request('shutdown', null, 5000)).catch(() => undefined);
    rpc.notify('exit', null);
    return [[String(count), loadS.toFixed(1), mb(peak), mb(atLoad.rss), settled, afterCheck ? mb(afterCheck.rss) : 'n/a', checkSettled]];
  } finally {
    setTimeout(() => proc.kill(), 500).unref();
    rmSync(work, { recursive: true, force: true });
  }
}

// ---- The CLI on the bbc-titles eval set, as a whole process ----------------------------------------

interface CliRun {
  label: string;
  wallS: number;
  cpuS?: number;
  maxRssMb?: number;
  exit: number | null;
  summary: string;
}

function timedCli(label: string, args: string[]): CliRun {
  const cli = join(ROOT, 'dist', 'cli.js');
  const haveTime = existsSync('/usr/bin/time');
  const t = performance.now();
  const r = haveTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - t) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const el = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr ?? '');
  const wallS = el ? Number(el[1] ?? 0) * 3600 + Number(el[2]) * 60 + Number(el[3]) : wall;
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const cpuS = user && sys ? Number(user[1]) + Number(sys[1]) : undefined;
  return { label, wallS, cpuS, maxRssMb: rss ? Number(rss[1]) / 1024 : undefined, exit: r.status, summary: (r.stdout ?? '').trim().split('\n').pop() ?? '' };
}

function cliRuns(): CliRun[] | string {
  if (!HAVE_SHARED || !existsSync(CASES)) return 'n/a (../shared/eval/dev/bbc-titles not found)';
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) return 'n/a (dist/cli.js not built)';
  // The cases carry marks ({{draft|kind|seed}}); the checker sees the drafts with the marks stripped.
  const work = mkdtempSync(join(tmpdir(), 'factdesk-bench-cli-'));
  try {
    const drafts = join(work, 'drafts');
    mkdirSync(drafts);
    for (const f of readdirSync(CASES)) {
      const text = readFileSync(join(CASES, f), 'utf8').replace(/\{\{([^{}|]+)\|(?:name|title|date|figure)\|[^{}]*\}\}/g, '$1');
      writeFileSync(join(drafts, f), text);
    }
    const cache = join(work, 'cache');
    return [
      timedCli('no cache', ['check', '--seeds', BBC, drafts]),
      timedCli('--cache, first run (cache built)', ['check', '--cache', cache, '--seeds', BBC, drafts]),
      timedCli('--cache, second run (warm)', ['check', '--cache', cache, '--seeds', BBC, drafts]),
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---- Warm start from the persisted index -----------------------------------------------------------

interface WarmResult {
  seeds: number;
  ms: number;
  cpuMs: number;
  rss: number;
  heap: number;
  cached: number;
  extracted: number;
  opened: boolean;
  changed: number;
  written: boolean;
  /** The first check of a 2,000-word draft after the start, and the memory after it. */
  check?: { words: number; ms: number; cpuMs: number; findings: number; rss: number; heap: number };
  /** Re-indexing one changed seed in the running index, until it answers again (median of runs). */
  reindex?: { ms: number; cpuMs: number; runs: number };
  /** Writing the built index after a build (apart from the build's time). */
  write?: { ms: number; cpuMs: number };
  /** Opened without listing the files (--defer, as the language server does): their comparison, after. */
  verify?: { ms: number; cpuMs: number; changed: number };
}

async function runWarmChild(cacheDir: string, dirs: string[]): Promise<WarmResult> {
  gc();
  const c0 = process.cpuUsage();
  const t = performance.now();
  let verify: (() => Promise<VerifiedSeeds>) | undefined;
  let write: (() => boolean) | undefined;
  // --no-save: only the per-seed facts are cached (building them chunk by chunk); --defer: opened without
  // listing the seed files, compared after the first check
  const loaded = loadSeeds(dirs, {
    cacheDir,
    maxFiles: Number.MAX_SAFE_INTEGER,
    saveLater: (w: () => boolean) => (write = flag('--no-save') ? undefined : w),
    ...(flag('--defer') ? { verifyLater: (v: () => Promise<VerifiedSeeds>) => (verify = v) } : {}),
  });
  const stats = loaded.index.stats;
  const ms = performance.now() - t;
  const cpu = cpuMs(process.cpuUsage(c0));
  // The built index written (as the server does it, after the load), timed apart.
  let wrote: WarmResult['write'];
  if (write) {
    const cw = process.cpuUsage();
    const tw = performance.now();
    write();
    wrote = { ms: performance.now() - tw, cpuMs: cpuMs(process.cpuUsage(cw)) };
  }
  gc();
  const mem = process.memoryUsage();
  const cache = loaded.cache;
  const result: WarmResult = {
    seeds: stats.files,
    ms,
    cpuMs: cpu,
    rss: mem.rss,
    heap: mem.heapUsed,
    cached: cache?.hits ?? 0,
    extracted: cache?.misses ?? loaded.files.length,
    opened: cache?.opened ?? false,
    changed: cache?.changed ?? 0,
    written: cache?.written ?? false,
    write: wrote,
  };
  if (flag('--check')) {
    const draft = makeDraft(loadCorpus(), 2000);
    const c1 = process.cpuUsage();
    const t1 = performance.now();
    let findings = -1; // -1: the check read a seed changed since the index was saved (not compared yet)
    try {
      findings = checkDraft(draft, loaded.index).findings.length;
    } catch {
      // the server checks again after the comparison
    }
    const checkMs = performance.now() - t1;
    const checkCpu = cpuMs(process.cpuUsage(c1));
    gc();
    const m = process.memoryUsage();
    result.check = { words: wordCount(draft), ms: checkMs, cpuMs: checkCpu, findings, rss: m.rss, heap: m.heapUsed };
  }
  const reindexing = option('--reindex');
  if (reindexing) {
    const original = readFileSync(reindexing, 'utf8');
    const times: number[] = [];
    const cpus: number[] = [];
    for (let r = 0; r < (QUICK ? 4 : 10); r++) {
      const text = r % 2 === 0 ? variant(original, 1000 + r) : original;
      const c2 = process.cpuUsage();
      const t2 = performance.now();
      loaded.index.addSeed(reindexing, text);
      void loaded.index.stats;
      loaded.index.retrieve(['minister'], 8);
      times.push(performance.now() - t2);
      cpus.push(cpuMs(process.cpuUsage(c2)));
    }
    result.reindex = { ms: median(times), cpuMs: median(cpus), runs: times.length };
  }
  if (verify) {
    const c3 = process.cpuUsage();
    const t3 = performance.now();
    const v = await verify();
    result.verify = { ms: performance.now() - t3, cpuMs: cpuMs(process.cpuUsage(c3)), changed: v.changed };
  }
  return result;
}

/**
 * Warm start of `count` seeds: deterministic variants of the corpus written to a folder outside the
 * project (`--warm-dir DIR` keeps them and the cache there for another run), their facts cached chunk by
 * chunk, the built index written once, then opened in fresh processes: unchanged, and after one seed
 * file changed.
 */
function warm(c: Corpus, count: number): void {
  const keep = option('--warm-dir');
  const work = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'factdesk-bench-warm-'));
  if (keep && isInside(work, ROOT)) throw new Error(`--warm-dir must be outside the project (${ROOT})`);
  mkdirSync(work, { recursive: true });
  const r = (label: string, x: WarmResult) => [
    label,
    String(x.seeds),
    (x.ms / 1000).toFixed(2),
    (x.cpuMs / 1000).toFixed(2),
    x.opened ? `opened${x.changed ? ` (${x.changed} changed)` : ''}` : `built${x.write ? `, then written in ${(x.write.ms / 1000).toFixed(2)} s (CPU ${(x.write.cpuMs / 1000).toFixed(2)})` : ''}`,
    String(x.cached),
    String(x.extracted),
    mb(x.rss),
    mb(x.heap),
    x.check ? `${ms(x.check.ms)} (CPU ${ms(x.check.cpuMs)}), ${x.check.findings} findings, RSS ${mb(x.check.rss)}` : '',
    x.reindex ? `${ms(x.reindex.ms)} (CPU ${ms(x.reindex.cpuMs)})` : '',
    x.verify ? `${ms(x.verify.ms)} (CPU ${ms(x.verify.cpuMs)}), ${x.verify.changed} changed` : '',
  ];
  const rows: string[][] = [];
  try {
    const dir = join(work, `seeds-${count}`);
    const cacheDir = join(work, `cache-${count}`);
    const t = performance.now();
    let wrote = 0;
    for (let i = 0; i < count; i++) {
      const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
      if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
      const file = join(sub, `${i}.txt`);
      if (existsSync(file)) continue;
      const { text } = seedAt(c, i + c.texts.length); // variants only: the archive's own articles stay where they are
      writeFileSync(file, text);
      wrote++;
    }
    console.log(`${wrote} of ${count} generated seed files written in ${((performance.now() - t) / 1000).toFixed(1)} s (${dir})`);
    // The facts are cached folder by folder (one process per 10,000 seeds, in turn), then one process
    // builds the whole index from them and writes it.
    const t1 = performance.now();
    const folders = readdirSync(dir).sort();
    let extracted = 0;
    let cpu = 0;
    for (let i = 0; i < folders.length; i += 10) {
      const part = child(['--warm-child', cacheDir, '--no-save', ...folders.slice(i, i + 10).map((f) => join(dir, f))]) as WarmResult;
      extracted += part.extracted;
      cpu += part.cpuMs;
      process.stderr.write(`cached the facts of ${Math.min(count, (i + 10) * 1000)} seeds (${extracted} extracted)\n`);
    }
    const coldS = (performance.now() - t1) / 1000;
    console.log(`facts cached: ${extracted} seeds extracted in ${coldS.toFixed(0)} s wall, ${(cpu / 1000).toFixed(0)} s CPU (${(extracted / coldS).toFixed(0)} seeds/s)`);
    const full = child(['--warm-child', cacheDir, dir]) as WarmResult;
    rows.push(r('build from cached facts', full));
    const seed = join(dir, '000', '0.txt');
    rows.push(r('warm start', child(['--warm-child', cacheDir, '--check', '--reindex', seed, dir]) as WarmResult));
    rows.push(r('warm start, again', child(['--warm-child', cacheDir, '--check', dir]) as WarmResult));
    rows.push(r('warm start, files compared after', child(['--warm-child', cacheDir, '--check', '--defer', dir]) as WarmResult));
    // One seed file changed since the index was written.
    const changedFile = join(dir, String(Math.floor(count / 2000)).padStart(3, '0'), `${Math.floor(count / 2)}.txt`);
    const before = readFileSync(changedFile, 'utf8');
    writeFileSync(changedFile, variant(before, 777));
    try {
      rows.push(r('start, 1 seed changed', child(['--warm-child', cacheDir, '--check', '--reindex', seed, dir]) as WarmResult));
      rows.push(r('start, 1 seed changed, again', child(['--warm-child', cacheDir, '--check', dir]) as WarmResult));
      rows.push(r('start, 1 seed changed, files compared after', child(['--warm-child', cacheDir, '--check', '--defer', dir]) as WarmResult));
    } finally {
      writeFileSync(changedFile, before);
    }
    console.log('\nPersisted index (seed files on disk, `loadSeeds(paths, { cacheDir })`, each run a fresh process):\n');
    console.log(
      table(['run', 'seeds', 'time (s)', 'CPU (s)', 'index', 'facts from cache', 'extracted', 'RSS (MB)', 'heap (MB)', 'first check, 2,000 words (ms)', 're-index 1 seed (ms)', 'files compared after (ms)'], rows),
    );
    const bin = readdirSync(cacheDir).flatMap((f) => (f.startsWith('factdesk-index-') ? readdirSync(join(cacheDir, f)).filter((x) => x.endsWith('.bin')).map((x) => join(cacheDir, f, x)) : []));
    for (const b of bin) console.log(`index file: ${b} (${mb(statSync(b).size)} MB)`);
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

// ---- Adversarial drafts: a megabyte of what no writer types ----------------------------------------

interface AdversarialRow {
  name: string;
  smallMs: number;
  smallCpuMs: number;
  largeMs: number;
  largeCpuMs: number;
  findings: number;
}

const ADVERSARIAL_WORDS = 'minister Prime Secretary said the of on Monday November 2023 million £5bn Cameron David Fidan Hakan Foreign Riyadh summit 12 Nov. Friday UK Britain British per cent 3.5% aged 56 year-old Mr Dr Sir chief executive bank jobs homes 1,200 twenty-one first January Labour Tory'.split(' ');

const REPEATED_UNITS: Record<string, string> = {
  'titles and names': 'Prime Minister David Cameron and Foreign Minister Hakan Fiden met ',
  'title words': 'British foreign deputy ',
  'one sentence of figures': 'five million ten thousand and 5 per cent of 1,234 people, ',
  'one sentence of dates': 'Nov. 11, 2023 and Wednesday ',
  'initials': 'A. ',
  'capitalised run': 'Foo Bar Baz ',
  'CRLF prose': 'Hakan Fidan said 5,800 people died on Nov. 11.\r\n',
  'headings and lists': '# A\n- b\n1. c\n',
  'unclosed links': '[a](',
  'emphasis soup': '*_~`[!',
  'html and comments': '<a <!-- ',
  'quotes': '"\'“‘(«',
  'RTL and combining marks': 'وزير الخارجية e\u0301 שלום \u200f',
  'astral planes': '𝔄𝔅 😀 👩‍👩‍👧 ',
};

/** Generated drafts of `bytes` characters: long digit runs, punctuation, capitalised words, run-on sentences. */
function adversarialDrafts(bytes: number): Array<{ name: string; text: string; format: 'plaintext' | 'markdown' }> {
  let r = 12345;
  const rnd = (n: number) => ((r = (Math.imul(r, 1103515245) + 12345) >>> 0) >>> 8) % n;
  const fill = (piece: () => string) => {
    const parts: string[] = [];
    for (let n = 0; n < bytes; ) {
      const p = piece();
      parts.push(p);
      n += p.length;
    }
    return parts.join('');
  };
  const word = () => ADVERSARIAL_WORDS[rnd(ADVERSARIAL_WORDS.length)];
  const PUNCT = '.,;:!?()[]"\'—–-…*_#>`|/\\@&$£€%';
  return [
    { name: 'capitalised words', text: fill(() => String.fromCharCode(65 + rnd(26)) + 'abcdefgh'.slice(0, 1 + rnd(7)) + (rnd(40) === 0 ? '. ' : ' ')), format: 'plaintext' },
    { name: 'digit runs', text: fill(() => '1234567890'.repeat(1 + rnd(50)) + [' ', ',', '.', ':', '-', ' 2023 ', '%'][rnd(7)]), format: 'plaintext' },
    { name: 'punctuation', text: fill(() => (rnd(3) ? PUNCT[rnd(PUNCT.length)] : ' ')), format: 'plaintext' },
    { name: 'Markdown syntax', text: fill(() => ['[a](', '![', '](', '<!--', '`', '**', '__', '<b ', 'http://x.y/', '# ', '> ', '- ', '\n'][rnd(13)]), format: 'markdown' },
    { name: 'numbers and units', text: fill(() => `${rnd(1000)},${rnd(1000)} ${['million', 'bn', 'people', 'per cent', 'years', 'aged', 'Nov.', 'on Friday'][rnd(8)]} `), format: 'plaintext' },
    { name: 'news words, 300-word sentences', text: fill(() => word() + (rnd(300) === 0 ? '. ' : ' ')), format: 'plaintext' },
    { name: 'news words, one sentence', text: fill(() => word() + (rnd(10) === 0 ? ', ' : ' ')), format: 'plaintext' },
    { name: 'news words, one sentence of lines', text: fill(() => word() + (rnd(3) === 0 ? '\n' : ' ')), format: 'plaintext' },
    // Units repeated without end: each of these once made a check quadratic in the length of a sentence
    // (a scan per name, per figure or per title word of the whole sentence or story).
    ...Object.entries(REPEATED_UNITS).map(([name, unit]) => ({ name, text: unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes), format: 'markdown' as const })),
  ];
}

function runAdversarial(): AdversarialRow[] {
  const c = loadCorpus();
  const index = new SeedIndex();
  for (let i = 0; i < 100; i++) {
    const s = seedAt(c, i);
    index.addSeed(s.path, s.text);
  }
  const small = adversarialDrafts(256 * 1024);
  const large = adversarialDrafts(1024 * 1024);
  return small.map((d, i) => {
    const s0 = process.cpuUsage();
    let t = performance.now();
    checkDraft(d.text, index, { format: d.format });
    const smallMs = performance.now() - t;
    const smallCpuMs = cpuMs(process.cpuUsage(s0));
    const c0 = process.cpuUsage();
    t = performance.now();
    const r = checkDraft(large[i].text, index, { format: d.format });
    const largeMs = performance.now() - t;
    return { name: d.name, smallMs, smallCpuMs, largeMs, largeCpuMs: cpuMs(process.cpuUsage(c0)), findings: r.findings.length };
  });
}

function adversarialTable(): void {
  console.log('\nAdversarial drafts (generated, no real prose), checked against 100 seeds: 256 KB and 1 MB, and the ratio of CPU times (4 = linear, 16 = quadratic):\n');
  const adv = (child(['--adversarial']) as { rows: AdversarialRow[] }).rows;
  console.log(
    table(
      ['draft', '256 KB (ms)', '256 KB CPU (ms)', '1 MB (ms)', '1 MB CPU (ms)', 'CPU ratio', 'findings (1 MB)'],
      adv.map((x) => [x.name, ms(x.smallMs), ms(x.smallCpuMs), ms(x.largeMs), ms(x.largeCpuMs), (x.largeCpuMs / Math.max(1, x.smallCpuMs)).toFixed(1), String(x.findings)]),
    ),
  );
}

// ---- Main ----------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (flag('--child')) {
    process.stdout.write(JSON.stringify(runSize(Number(option('--child')))) + '\n');
    return;
  }
  if (flag('--adversarial')) {
    process.stdout.write(JSON.stringify({ rows: runAdversarial() }) + '\n');
    return;
  }
  if (flag('--warm-child')) {
    const i = argv.indexOf('--warm-child');
    const dirs = argv.slice(i + 2).filter((a, k, all) => !a.startsWith('--') && all[k - 1] !== '--reindex');
    process.stdout.write(JSON.stringify(await runWarmChild(argv[i + 1], dirs)) + '\n');
    return;
  }
  const started = performance.now();
  console.log(`FactDesk benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB${QUICK ? ' (quick)' : ''}`);
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (other work on the machine slows every figure)`);
  if (!HAVE_SHARED) console.log(`note: ${BBC} not found: using generated articles instead of the BBC corpus`);
  const c = loadCorpus();
  console.log(`seeds: ${HAVE_SHARED ? `${c.texts.length} BBC articles from ${BBC}` : `${c.texts.length} generated articles`}; larger counts are deterministic variants (people renamed, figures and dates shifted)\n`);
  if (flag('--warm')) {
    warm(c, Number(option('--warm-count') ?? 100000));
    return;
  }
  if (flag('--only-adversarial')) {
    adversarialTable();
    return;
  }
  if (flag('--session')) {
    await session(c, Number(option('--session') ?? 500) || 500, Number(option('--settle') ?? 60) || 60);
    return;
  }
  if (flag('--server-memory')) {
    const count = Number(option('--server-memory') ?? 10000) || 10000;
    const settleS = Number(option('--settle') ?? 75) || 75;
    console.log(`Language server, ${count} seed files (a cold build, no persisted index), then idle for ${settleS} s, then a check and idle again (RSS, MB):\n`);
    console.log(table(['seeds', 'loaded after (s)', 'peak RSS', 'RSS when loaded', 'RSS settled', 'RSS 2 s after a 2,000-word check', 'then settled'], await serverMemory(c, count, settleS)));
    return;
  }
  const sizes = (option('--sizes') ?? (QUICK ? '10,100,1000' : '10,100,1000,10000')).split(',').map(Number);
  const results: SizeResult[] = [];
  for (const n of sizes) {
    process.stderr.write(`indexing ${n} seeds...\n`);
    results.push(child(['--child', String(n)]) as SizeResult);
  }
  console.log('Indexing (one core) and memory after indexing:\n');
  console.log(
    table(
      ['seeds', 'sentences', 'facts', 'index (s)', 'articles/s', 'CPU (s)', 'articles/CPU-s', 'main thread CPU (s)', 'articles/main-thread CPU-s', 'RSS (MB)', 'RSS settled (MB)', 'heap (MB)', 're-index 1 seed (ms)'],
      results.map((r) => {
        const main = r.indexMainCpuMs;
        return [String(r.seeds), String(r.sentences), String(r.facts), (r.indexMs / 1000).toFixed(2), r.perSecond.toFixed(0), (r.indexCpuMs / 1000).toFixed(2), ((r.seeds / r.indexCpuMs) * 1000).toFixed(0), main === undefined ? '—' : (main / 1000).toFixed(2), main === undefined ? '—' : ((r.seeds / main) * 1000).toFixed(0), mb(r.rss), mb(r.rssSettled), mb(r.heap), ms(r.reindexMs)];
      }),
    ),
  );
  console.log('\n(CPU counts all threads, V8\'s compiler and garbage-collector threads among them; the main thread is the one core the indexing runs on. RSS is taken after two full collections, RSS settled after more, until they give nothing back: what an idle process comes down to.)');
  console.log('\nCheck latency in process (ms; first check, then median and p95 over re-checks, one keystroke apart; wall and CPU):\n');
  const rows: string[][] = [];
  for (const r of results) for (const k of r.checks) rows.push([String(r.seeds), String(k.words), String(k.findings), ms(k.firstMs), ms(k.medianMs), ms(k.p95Ms), ms(k.cpuMedianMs), ms(k.cpuP95Ms), String(k.runs)]);
  console.log(table(['seeds', 'draft words', 'findings', 'first', 'median', 'p95', 'CPU median', 'CPU p95', 'runs'], rows));
  const at = (n: number) => results.find((r) => r.seeds === n)?.checks.find((k) => k.words > 1000 && k.words < 10000);
  const a = at(1000);
  const b = at(10000);
  if (a && b) console.log(`\nLatency ratio, 2,000-word re-check, 10,000 vs 1,000 seeds: median ×${(b.medianMs / a.medianMs).toFixed(2)}, p95 ×${(b.p95Ms / a.p95Ms).toFixed(2)} (CPU median ×${(b.cpuMedianMs / a.cpuMedianMs).toFixed(2)})`);
  adversarialTable();
  console.log('\nLanguage server round trip (didChange -> publishDiagnostics, 2,000-word draft):\n');
  try {
    const l = await lspRoundTrip(c);
    console.log(table(['seeds', 'open (ms)', 'median (ms)', 'p95 (ms)', 'runs', 'diagnostics'], [[l.seeds, ms(l.openMs), ms(l.medianMs), ms(l.p95Ms), String(l.runs), String(l.diagnostics)]]));
  } catch (err) {
    console.log(`n/a (server not built: ${(err as Error).message})`);
  }
  console.log('\nCLI: all 77 drafts of bbc-titles against all BBC articles, whole process (/usr/bin/time -v):\n');
  const cli = cliRuns();
  if (typeof cli === 'string') console.log(cli);
  else console.log(table(['run', 'wall (s)', 'CPU user+sys (s)', 'peak RSS (MB)', 'exit', 'summary'], cli.map((r) => [r.label, r.wallS.toFixed(2), r.cpuS === undefined ? 'n/a' : r.cpuS.toFixed(2), r.maxRssMb === undefined ? 'n/a' : r.maxRssMb.toFixed(0), String(r.exit), r.summary])));
  console.log(`\nbenchmark took ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
