// The fact-check report: every claim of a draft, ✓ confirmed / ✗ contradicted / ? not in the seeds,
// with its evidence. The language server's "Export Fact-Check Report" and `factdesk report` share it.
import { LineMap, type CheckResult, type Claim, type Evidence, type FactKind, type Finding } from './engine';
import type { HiddenReason } from './policy';
import type { SeedLines } from './report';

export interface ReportSeeds {
  lines: SeedLines;
  name(seed: string): string;
  /** link target for a seed at a 1-based line */
  link(seed: string, line: number): string;
}

export interface ReportInput {
  draft: string;
  text: string;
  result: CheckResult;
  hidden: Array<{ finding: Finding; reason: HiddenReason }>;
  kinds: Record<FactKind, boolean>;
  seedStats: { files: number; facts: number };
}

const MARK = { confirmed: '✓', contradicted: '✗', unverified: '?' } as const;
const WORD = { confirmed: 'confirmed', contradicted: 'contradicted', unverified: 'not in the seeds' } as const;

function ev(e: Evidence, seeds: ReportSeeds): string {
  const line = seeds.lines.range(e).start.line + 1;
  return `  > “${e.quote.replace(/\s+/g, ' ')}” — [${seeds.name(e.seed)}:${line}](${seeds.link(e.seed, line)})${e.date ? ` (${e.date})` : ''}`;
}

export function renderReport(input: ReportInput, seeds: ReportSeeds): string {
  const lines = new LineMap(input.text);
  const claims: Claim[] = input.result.claims.filter((c) => input.kinds[c.kind]);
  const findingAt = new Map<string, Finding>();
  for (const f of input.result.findings) findingAt.set(`${f.range.start}:${f.range.end}`, f);
  const hiddenAt = new Map<string, HiddenReason>();
  for (const h of input.hidden) hiddenAt.set(`${h.finding.range.start}:${h.finding.range.end}`, h.reason);
  // A finding the engine reports without a matching claim is still a contradicted claim.
  for (const f of input.result.findings)
    if (input.kinds[f.kind] && !claims.some((c) => c.range.start === f.range.start && c.range.end === f.range.end))
      claims.push({ kind: f.kind, range: f.range, text: f.text, status: 'contradicted', evidence: f.evidence, expected: f.expected });
  claims.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);

  const count = { confirmed: 0, contradicted: 0, unverified: 0 };
  for (const c of claims) count[c.status]++;
  const out: string[] = [`# Fact-check report: ${input.draft}`, ''];
  out.push(`Checked against ${input.seedStats.files} seed${input.seedStats.files === 1 ? '' : 's'} (${input.seedStats.facts} facts)${input.result.date ? `; the draft is dated ${input.result.date}` : ''}.`);
  const off = (Object.keys(input.kinds) as FactKind[]).filter((k) => !input.kinds[k]);
  if (off.length) out.push(`Not checked here: ${off.join(', ')}.`);
  out.push('', `**${claims.length} claim${claims.length === 1 ? '' : 's'}: ${count.confirmed} ✓ confirmed, ${count.contradicted} ✗ contradicted, ${count.unverified} ? not in the seeds.**`, '');
  for (const c of claims) {
    const line = lines.position(c.range.start).line + 1;
    const key = `${c.range.start}:${c.range.end}`;
    const f = findingAt.get(key);
    let head = `- ${MARK[c.status]} line ${line}, ${c.kind}: **${c.text.replace(/\s+/g, ' ')}** — ${WORD[c.status]}`;
    if (c.status === 'contradicted') {
      const expected = f?.expected ?? c.expected;
      if (expected) head += `; the seeds say **${expected}**`;
      const reason = hiddenAt.get(key);
      if (reason === 'accepted') head += ' (accepted in .factdesk.json)';
      else if (reason === 'inline') head += ' (ignored by an inline comment)';
      if (f?.message) head += `. ${f.message}`;
    }
    out.push(head);
    for (const e of (f?.evidence ?? c.evidence).slice(0, 1)) out.push(ev(e, seeds));
  }
  if (claims.length === 0) out.push('_No checkable claims found._');
  return out.join('\n') + '\n';
}
