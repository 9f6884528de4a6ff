// False alarms in an archive: BBC articles checked as drafts against the rest of the corpus.
//
//   npm run build && node scripts/archive-check.mjs [--count N] [--verbose]
//
// Each draft is a real article whose story the seeds do not hold (it is left out of them), so whatever
// the checker flags comes from other stories: related reports of other weeks (real disagreements, such as
// box-office takings a week apart) or false alarms. Then the same articles are checked against a seed
// folder that includes them: every flag there is a false alarm. The articles are read in place from
// ../shared/corpus/bbc (a temporary folder of links stands for the seed folder); nothing is copied into
// the project.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bbcArticles, cli, corpus } from './bbc-corpus.mjs';

const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--count') + 1] || 200) || 200;
const verbose = args.includes('--verbose');
const all = bbcArticles('archive-check');
const step = Math.max(1, Math.floor(all.length / count));
const drafts = all.filter((_, i) => i % step === 0).slice(0, count);
const chosen = new Set(drafts.map((d) => d.name));

const work = mkdtempSync(join(tmpdir(), 'factdesk-archive-'));
const link = (dir, items) => {
  mkdirSync(dir);
  for (const a of items) symlinkSync(a.path, join(dir, a.name));
};
link(join(work, 'drafts'), drafts);
link(join(work, 'others'), all.filter((a) => !chosen.has(a.name)));

function run(seeds) {
  const r = spawnSync(process.execPath, [cli, 'check', '--seeds', seeds, '--format', 'json', '--cache', join(tmpdir(), 'factdesk-archive-cache'), join(work, 'drafts')], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`the CLI exited ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  const flags = report.files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning'));
  const byKind = {};
  for (const d of flags) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
  if (verbose) {
    for (const f of report.files) {
      for (const d of f.diagnostics) {
        if (d.severity !== 'error' && d.severity !== 'warning') continue;
        const seed = d.evidence?.[0];
        const quoted = seed ? `${seed.seed.split('/').pop()}: ${seed.quote.slice(0, 160)}` : '-';
        console.log(`${f.path.split('/').pop()}: ${d.kind} ${d.message} (${quoted})`);
      }
    }
  }
  const drafted = report.files.filter((f) => f.diagnostics.some((d) => d.severity === 'error' || d.severity === 'warning')).length;
  return { seeds: report.seeds.files, flags: flags.length, byKind, drafted };
}
try {
  const apart = run(join(work, 'others'));
  const within = run(corpus);
  const line = (r) => `${r.flags} flags on ${r.drafted} of ${drafts.length} drafts (${Object.entries(r.byKind).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}), against ${r.seeds} seeds`;
  console.log(`story not among the seeds: ${line(apart)}`);
  console.log(`story among the seeds (all false alarms): ${line(within)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
