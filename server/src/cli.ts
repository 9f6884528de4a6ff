// factdesk: the command-line checker. A thin adapter over the engine.
import { relative, resolve, isAbsolute, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { checkDraft, formatOf, LineMap, type Finding } from './engine';
import { listTextFiles, loadSeeds, readTextFile, SEED_EXTENSIONS } from './seedLoader';
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
  factdesk check [--seeds PATH]... [--format text|json|sarif] [--date YYYY-MM-DD] PATH...
  factdesk report [--seeds PATH]... [--date YYYY-MM-DD] PATH...
  factdesk --version | --help

  check          lists what the seeds contradict
  report         a Markdown fact-check report: every claim, ✓ confirmed / ✗ contradicted / ? not in the seeds
  PATH           a draft file, or a folder searched for .md and .txt drafts
  --seeds PATH   a seed file or folder (repeatable; default ./seeds)
  --format       text (default), json or sarif (SARIF 2.1.0)
  --date         the drafts' date, when they carry no dateline or front matter

${WORKSPACE_FILE} in the current folder is honoured (accepted claims, ignored seeds, per-kind switches),
and so are <!-- factdesk-ignore-next-line --> and <!-- factdesk-disable/enable --> comments in drafts.

Exit status: 0 nothing flagged, 1 something flagged at error or warning, 2 usage or read error.`;

class UsageError extends Error {}

interface Args { command: 'check' | 'report'; seeds: string[]; format: 'text' | 'json' | 'sarif'; date?: string; paths: string[] }

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
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = a.includes('=') ? a.slice(9) : value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}" (text, json or sarif)`);
      if (command === 'report') throw new UsageError('report writes Markdown; --format is for check');
      args.format = f;
    } else if (a === '--date' || a.startsWith('--date=')) {
      const d = a.includes('=') ? a.slice(7) : value();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))) throw new UsageError(`--date must be YYYY-MM-DD, not "${d}"`);
      args.date = d;
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
  for (const s of args.seeds) {
    if (!existsSync(s)) {
      process.stderr.write(`factdesk: seed path not found: ${s}\n`);
      return 2;
    }
  }
  const drafts: string[] = [];
  for (const p of args.paths) {
    if (!existsSync(p)) {
      process.stderr.write(`factdesk: draft path not found: ${p}\n`);
      return 2;
    }
    const { files, skipped } = listTextFiles(resolve(p), SEED_EXTENSIONS);
    for (const s of skipped) process.stderr.write(`factdesk: skipped ${display(s.path)}: ${s.reason}\n`);
    drafts.push(...files);
  }
  const workspace = loadWorkspaceConfig(process.cwd());
  for (const p of workspace.problems) process.stderr.write(`factdesk: ${p}\n`);
  const config = workspace.config;
  const loaded = loadSeeds(args.seeds);
  for (const s of loaded.skipped) process.stderr.write(`factdesk: skipped seed ${display(s.path)}: ${s.reason}\n`);
  for (const doc of [...loaded.index.seeds]) if (isSeedIgnored(config, process.cwd(), doc.path, matchGlob)) loaded.index.removeSeed(doc.path);
  const kinds = enabledKinds(undefined, config);
  const seedTexts = new Map<string, string>();
  for (const doc of loaded.index.seeds) seedTexts.set(doc.path, doc.facts.parsed.raw);
  const seedLines = new SeedLines((p) => seedTexts.get(p));
  const stats = loaded.index.stats;
  let flagged = false;
  let readError = false;
  const files: Array<{ path: string; diagnostics: JsonDiagnostic[] }> = [];
  const textOut: string[] = [];
  const reports: string[] = [];
  for (const path of drafts) {
    const r = readTextFile(path, 50 * 1024 * 1024);
    if (r.text === undefined) {
      process.stderr.write(`factdesk: cannot read ${display(path)}: ${r.reason}\n`);
      readError = true;
      continue;
    }
    const result = checkDraft(r.text, loaded.index, { date: args.date, format: formatOf(path), kinds });
    const { visible, hidden } = review(r.text, result, config);
    const lines = new LineMap(r.text);
    const diags = visible.map((f) => toJsonDiagnostic(f, lines, seedLines, display));
    if (visible.some((f: Finding) => f.severity === 'error' || f.severity === 'warning')) flagged = true;
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

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`factdesk: internal error: ${(err as Error)?.message ?? String(err)}\n`);
  process.exitCode = 2;
}
