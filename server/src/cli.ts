// factdesk: the command-line checker. A thin adapter over the engine.
import { relative, resolve, isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkDraft, formatOf, isFlag, LineMap, SeedIndex, type Finding, type SeedDoc } from './engine';
import { DEFAULT_MAX_DRAFT_BYTES, DEFAULT_MAX_SEED_BYTES, isInside, listTextFiles, loadSeeds, readTextFile, SEED_EXTENSIONS } from './seedLoader';
import { SeedLines, toJsonDiagnostic, type JsonDiagnostic } from './report';
import { loadWorkspaceConfig, isSeedIgnored, WORKSPACE_FILE } from './workspaceConfig';
import { enabledKinds, review } from './policy';
import { renderSarif } from './sarif';
import { renderReport } from './claimReport';
import { matchGlob } from './workspaceFiles';

declare const FACTDESK_VERSION: string;
const VERSION = typeof FACTDESK_VERSION === 'string' ? FACTDESK_VERSION : '0.0.0-dev';

const HELP = `factdesk ${VERSION} — checks news drafts against seed articles

Usage:
  factdesk check [--seeds PATH]... [--cache DIR] [--format text|json|sarif] [--date YYYY-MM-DD] [--max-size MB] PATH...
  factdesk report [--seeds PATH]... [--cache DIR] [--date YYYY-MM-DD] PATH...
  factdesk --version | --help

  check          lists what the seeds contradict
  report         a Markdown fact-check report: every claim, ✓ confirmed / ✗ contradicted / ? not in the seeds
  PATH           a draft file, or a folder searched for .md and .txt drafts
  --seeds PATH   a seed file or folder (repeatable; default ./seeds)
  --cache DIR    keep the seeds' extracted facts in DIR (not inside a seed folder), so
                 that the next run reads them instead of extracting them again
  --format       text (default), json or sarif (SARIF 2.1.0)
  --date         the drafts' date, when they carry no dateline or front matter
  --max-size MB  skip seed and draft files larger than this (default: seeds ${DEFAULT_MAX_SEED_BYTES / 1048576}, drafts ${DEFAULT_MAX_DRAFT_BYTES / 1048576})

${WORKSPACE_FILE} in the current folder is honoured (accepted claims, ignored seeds, per-kind switches),
and so are <!-- factdesk-ignore-next-line --> and <!-- factdesk-disable/enable --> comments in drafts.

Files that cannot be read (binary, not UTF-8/UTF-16, too large, not a regular file) are named on
stderr with the reason; the other seeds and drafts are still checked. Nothing is ever written.

Exit status: 0 nothing flagged, 1 something flagged at error or warning, 2 usage error, no seeds,
or a draft that could not be read.`;

class UsageError extends Error {}

interface Args { command: 'check' | 'report'; seeds: string[]; format: 'text' | 'json' | 'sarif'; date?: string; maxBytes?: number; cache?: string; paths: string[] }

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  if (argv.includes('--version') || argv.includes('-v')) return 'version';
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('no command given; try factdesk --help');
  if (command !== 'check' && command !== 'report') throw new UsageError(`unknown command "${command}"; try factdesk --help`);
  const args: Args = { command, seeds: [], format: 'text', paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--seeds') args.seeds.push(value());
    else if (a.startsWith('--seeds=')) args.seeds.push(a.slice(8));
    else if (a === '--cache') args.cache = value();
    else if (a.startsWith('--cache=')) args.cache = a.slice(8);
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = a.includes('=') ? a.slice(9) : value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}" (text, json or sarif)`);
      if (command === 'report') throw new UsageError('report writes Markdown; --format is for check');
      args.format = f;
    } else if (a === '--date' || a.startsWith('--date=')) {
      const d = a.includes('=') ? a.slice(7) : value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))) throw new UsageError(`--date must be YYYY-MM-DD, not "${d}"`);
      args.date = d;
    } else if (a === '--max-size' || a.startsWith('--max-size=')) {
      const v = a.includes('=') ? a.slice(11) : value();
      const mb = Number(v);
      if (!/^\d+(?:\.\d+)?$/.test(v) || !(mb > 0) || mb > 1024) throw new UsageError(`--max-size must be a number of megabytes (0-1024], not "${v}"`);
      args.maxBytes = Math.round(mb * 1048576);
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else args.paths.push(a);
  }
  if (args.paths.length === 0) throw new UsageError('no draft given; factdesk check [--seeds PATH] PATH...');
  if (args.seeds.length === 0) args.seeds.push('seeds');
  return args;
}

function display(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : p;
}

function main(argv: string[]): number {
  let args: Args | 'help' | 'version';
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`factdesk: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (args === 'help') {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (args === 'version') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (args.cache !== undefined) {
    const inside = args.seeds.find((s) => isInside(args.cache!, s));
    if (inside !== undefined) {
      process.stderr.write(`factdesk: the cache folder ${args.cache} must not be inside the seed folder ${inside}\n`);
      return 2;
    }
  }
  let readError = false;
  const drafts: string[] = [];
  for (const p of args.paths) {
    const { files, skipped } = listTextFiles(resolve(p), SEED_EXTENSIONS);
    for (const s of skipped) {
      if (s.path === resolve(p) && s.reason === 'no such file or folder') process.stderr.write(`factdesk: draft path not found: ${p}\n`);
      else process.stderr.write(`factdesk: cannot read draft ${display(s.path)}: ${s.reason}\n`);
    }
    if (skipped.length) readError = true;
    drafts.push(...files);
  }
  const workspace = loadWorkspaceConfig(process.cwd());
  for (const p of workspace.problems) process.stderr.write(`factdesk: ${p}\n`);
  const config = workspace.config;
  // (One run, no cache: the seeds' texts are kept as strings, not deflated; the process ends soon.)
  const index = args.cache === undefined ? new SeedIndex({ compressTexts: false, keptFacts: Number.POSITIVE_INFINITY }) : undefined;
  const loaded = loadSeeds(args.seeds, { maxBytes: args.maxBytes ?? DEFAULT_MAX_SEED_BYTES, cacheDir: args.cache, index });
  if (loaded.files.length === 0) {
    // One line: why nothing could be read.
    const why = loaded.skipped.slice(0, 3).map((s) => `${display(s.path)}: ${s.reason}`);
    if (loaded.skipped.length > 3) why.push(`and ${loaded.skipped.length - 3} more`);
    process.stderr.write(`factdesk: no seed could be read from ${args.seeds.join(', ')}${why.length ? ` (${why.join('; ')})` : ' (no .txt or .md files)'}\n`);
    return 2;
  }
  for (const s of loaded.skipped) process.stderr.write(`factdesk: skipped seed ${display(s.path)}: ${s.reason}\n`);
  for (const m of loaded.cache?.messages ?? []) process.stderr.write(`factdesk: ${m}\n`);
  for (const doc of [...loaded.index.seeds]) if (isSeedIgnored(config, process.cwd(), doc.path, matchGlob)) loaded.index.removeSeed(doc.path);
  const kinds = enabledKinds(undefined, config);
  // A seed's text is read when a finding quotes it (an index opened from the cache has not read them).
  const seedDocs = new Map<string, SeedDoc>();
  for (const doc of loaded.index.seeds) seedDocs.set(doc.path, doc);
  const seedLines = new SeedLines((p) => seedDocs.get(p)?.facts.parsed.raw);
  const cacheMessages = loaded.cache?.messages.length ?? 0;
  const stats = loaded.index.stats;
  let flagged = false;
  const files: Array<{ path: string; diagnostics: JsonDiagnostic[] }> = [];
  const textOut: string[] = [];
  const reports: string[] = [];
  for (const path of drafts) {
    const r = readTextFile(path, args.maxBytes ?? DEFAULT_MAX_DRAFT_BYTES);
    if (r.text === undefined) {
      process.stderr.write(`factdesk: cannot read draft ${display(path)}: ${r.reason}\n`);
      readError = true;
      continue;
    }
    let result;
    try {
      result = checkDraft(r.text, loaded.index, { date: args.date, format: formatOf(path), kinds });
    } catch (err) {
      process.stderr.write(`factdesk: internal error checking ${display(path)}: ${firstLine(err)}\n`);
      readError = true;
      continue;
    }
    const { visible, hidden } = review(r.text, result, config);
    const lines = new LineMap(r.text);
    const diags = visible.map((f) => toJsonDiagnostic(f, lines, seedLines, display));
    if (visible.some((f: Finding) => isFlag(f.severity))) flagged = true;
    if (args.command === 'report')
      reports.push(
        renderReport(
          { draft: display(path), text: r.text, result, hidden, kinds, seedStats: stats },
          { lines: seedLines, name: display, link: (seed, line) => `${display(seed).split(sep).join('/')}#L${line}` },
        ),
      );
    files.push({ path: display(path), diagnostics: diags });
    for (const d of diags) {
      const ev = d.evidence[0];
      const where = ev ? ` (${ev.seed}:${ev.range.start.line + 1})` : '';
      textOut.push(`${display(path)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} [${d.kind}] ${d.message}${where}`);
    }
  }
  for (const m of loaded.cache?.messages.slice(cacheMessages) ?? []) process.stderr.write(`factdesk: ${m}\n`);
  if (args.command === 'report') {
    process.stdout.write(reports.join('\n---\n\n'));
  } else if (args.format === 'sarif') {
    const sarif = renderSarif(
      files.map((f) => ({ uri: f.path.split(sep).join('/'), diagnostics: f.diagnostics })),
      { version: VERSION, baseUri: pathToFileURL(process.cwd()).href, seedUri: (seed) => pathToFileURL(resolve(seed)).href },
    );
    process.stdout.write(JSON.stringify(sarif, null, 2) + '\n');
  } else if (args.format === 'json') {
    process.stdout.write(JSON.stringify({ version: 1, seeds: { files: stats.files, facts: stats.facts }, files }, null, 2) + '\n');
  } else {
    if (textOut.length) process.stdout.write(textOut.join('\n') + '\n');
    const n = files.reduce((k, f) => k + f.diagnostics.length, 0);
    process.stdout.write(`${files.length} draft${files.length === 1 ? '' : 's'} checked against ${stats.files} seed${stats.files === 1 ? '' : 's'} (${stats.facts} facts): ${n} finding${n === 1 ? '' : 's'}\n`);
  }
  if (readError) return 2;
  return flagged ? 1 : 0;
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0];
}

// A closed pipe (factdesk ... | head) ends the output quietly, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`factdesk: internal error: ${firstLine(err)}\n`);
  process.exitCode = 2;
}
