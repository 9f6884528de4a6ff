// Engine findings as LSP diagnostics, hovers and edits. Pure: no connection, no file system.
import { isFlag, LineMap, type Claim, type Evidence, type Finding } from './engine';
import type { SeedLines } from './report';

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }
export interface LspDiagnostic {
  range: LspRange;
  severity: 1 | 2 | 3 | 4;
  code: string;
  source: 'factdesk';
  message: string;
  relatedInformation?: Array<{ location: { uri: string; range: LspRange }; message: string }>;
  data: { expected: string; kind: Finding['kind']; text: string };
}

export const SEVERITY_NUMBER = { error: 1, warning: 2, information: 3, hint: 4 } as const;

export interface SeedRef {
  /** file URI of a seed path */
  uri(seed: string): string;
  /** short name to show (relative to the workspace) */
  name(seed: string): string;
  lines: SeedLines;
}

export function rangeOf(lines: LineMap, span: { start: number; end: number }): LspRange {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

function evidenceLabel(ev: Evidence, seeds: SeedRef): string {
  const line = seeds.lines.range(ev).start.line + 1;
  return `${seeds.name(ev.seed)}:${line}${ev.date ? ` (${ev.date})` : ''}`;
}

export function toLspDiagnostic(f: Finding, lines: LineMap, seeds: SeedRef): LspDiagnostic {
  const d: LspDiagnostic = {
    range: rangeOf(lines, f.range),
    severity: SEVERITY_NUMBER[f.severity],
    code: f.code,
    source: 'factdesk',
    message: f.message,
    data: { expected: f.expected, kind: f.kind, text: f.text },
  };
  if (f.evidence.length)
    d.relatedInformation = f.evidence.map((ev) => ({
      location: { uri: seeds.uri(ev.seed), range: seeds.lines.range(ev) },
      message: `The seed says: “${ev.quote}”`,
    }));
  return d;
}

/** A Markdown link that opens the seed at the evidence sentence's line. */
export function evidenceLink(ev: Evidence, seeds: SeedRef): string {
  const line = seeds.lines.range(ev).start.line + 1;
  return `[${seeds.name(ev.seed)}, line ${line}](${seeds.uri(ev.seed)}#L${line})`;
}

function quoteBlock(ev: Evidence, seeds: SeedRef): string {
  const date = ev.date ? ` · ${ev.date}` : '';
  return `> ${ev.quote.replace(/\s+/g, ' ')}\n\n— ${evidenceLink(ev, seeds)}${date}`;
}

const KIND_LABEL = { name: 'name', title: 'title', date: 'date', figure: 'figure' } as const;

/** Hover text for a flagged span. */
export function findingHover(f: Finding, seeds: SeedRef, hiddenReason?: string): string {
  const parts = [`**FactDesk** · ${KIND_LABEL[f.kind]} contradicted by the seeds (\`${f.code}\`)${hiddenReason ? ` — ${hiddenReason}` : ''}`];
  parts.push(`The draft says **${f.text}**; the seeds say **${f.expected}**.`);
  parts.push(f.message);
  for (const ev of f.evidence.slice(0, 3)) parts.push(quoteBlock(ev, seeds));
  return parts.join('\n\n');
}

/** Hover text for a claim the seeds confirm, or do not mention. */
export function claimHover(c: Claim, seeds: SeedRef): string {
  if (c.status === 'confirmed' && c.evidence.length) {
    const first = c.evidence[0];
    const parts = [`**FactDesk** · ✓ **${c.text}** (${KIND_LABEL[c.kind]}) confirmed by ${evidenceLabel(first, seeds)}`];
    for (const ev of c.evidence.slice(0, 3)) parts.push(quoteBlock(ev, seeds));
    return parts.join('\n\n');
  }
  if (c.status === 'unverified') return `**FactDesk** · ? **${c.text}** (${KIND_LABEL[c.kind]}) is not in the seeds.`;
  return `**FactDesk** · ✗ **${c.text}** (${KIND_LABEL[c.kind]})${c.expected ? `: the seeds say **${c.expected}**` : ''}.`;
}

export interface LspTextEdit { range: LspRange; newText: string }

/**
 * Does the finding offer the seed's value as a fix? Only a flag does (an error or a warning): a note is no
 * contradiction (a later toll the draft reports, a figure only another story gives), and putting the seed's
 * value in its place would write an older or another event's figure into the draft.
 */
export function offersFix(f: Finding): boolean {
  return isFlag(f.severity) && !!f.expected && f.expected !== f.text;
}

/** Edits replacing each flag with the seed's value, overlapping ones left out. */
export function fixEdits(findings: Finding[], lines: LineMap): LspTextEdit[] {
  const sorted = findings.filter(offersFix).sort((a, b) => a.range.start - b.range.start);
  const edits: LspTextEdit[] = [];
  let end = -1;
  for (const f of sorted) {
    if (f.range.start < end) continue;
    edits.push({ range: rangeOf(lines, f.range), newText: f.expected });
    end = f.range.end;
  }
  return edits;
}
