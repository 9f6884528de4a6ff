// Renders engine findings for machines and people: LSP-style ranges, the CLI's JSON and text.
import { LineMap, type Finding, type Evidence } from './engine';

export interface Position { line: number; character: number }
export interface LspRange { start: Position; end: Position }

export interface JsonEvidence { seed: string; range: LspRange; quote: string; date?: string }
export interface JsonDiagnostic {
  range: LspRange;
  severity: Finding['severity'];
  code: string;
  kind: Finding['kind'];
  message: string;
  expected: string;
  evidence: JsonEvidence[];
}

/** Caches line maps of seed texts so evidence ranges cost one map per seed. */
export class SeedLines {
  private readonly maps = new Map<string, LineMap>();
  constructor(private readonly textOf: (seed: string) => string | undefined) {}
  range(ev: Evidence): LspRange {
    let map = this.maps.get(ev.seed);
    if (!map) {
      map = new LineMap(this.textOf(ev.seed) ?? '');
      this.maps.set(ev.seed, map);
    }
    return { start: map.position(ev.range.start), end: map.position(ev.range.end) };
  }
}

export function toJsonDiagnostic(f: Finding, draftLines: LineMap, seeds: SeedLines, seedPath: (p: string) => string = (p) => p): JsonDiagnostic {
  return {
    range: { start: draftLines.position(f.range.start), end: draftLines.position(f.range.end) },
    severity: f.severity,
    code: f.code,
    kind: f.kind,
    message: f.message,
    expected: f.expected,
    evidence: f.evidence.map((e) => ({ seed: seedPath(e.seed), range: seeds.range(e), quote: e.quote, ...(e.date ? { date: e.date } : {}) })),
  };
}
