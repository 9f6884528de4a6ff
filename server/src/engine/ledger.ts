// The check's ledger: the draft, the seeds, and the findings and claims recorded so far (one per span).
import { type TextFacts } from './facts';
import { type SeedDoc, type SeedIndex } from './seeds';
import { type Span } from './text';
import { type Claim, type Evidence, type FactKind, type Finding } from './types';

export interface Ctx {
  draft: TextFacts;
  index: SeedIndex;
  findings: Finding[];
  claims: Claim[];
  kinds: Record<FactKind, boolean>;
  trace?: (line: string) => void;
  /** How much each seed is about what the draft is about (1 for the closest seeds). */
  topic: Map<SeedDoc, number>;
  /** Below 1 when the draft tells another story than its closest seeds (see strangerStory). */
  topicScale: number;
  /** Live findings by place; `findings` keeps their order, with replaced ones listed in `removed`. */
  findingSpans: SpanIndex<Finding>;
  removed: Set<Finding>;
  claimSpans: SpanIndex<Claim>;
  claimRanges: Set<string>;
}

/**
 * Ranged items by the 256-character buckets they cover, so that finding the first (oldest) item
 * overlapping a span costs the items near it, not all of them: with one list, a long draft's
 * thousands of claims made checking quadratic.
 */
export class SpanIndex<T extends { range: Span }> {
  private static readonly SIZE = 256;
  private readonly buckets = new Map<number, T[]>();
  private readonly order = new Map<T, number>();
  private next = 0;
  private keys(r: Span): [number, number] {
    const a = Math.floor(r.start / SpanIndex.SIZE);
    return [a, Math.max(a, Math.floor((r.end - 1) / SpanIndex.SIZE))];
  }
  add(item: T): void {
    this.order.set(item, this.next++);
    const [a, b] = this.keys(item.range);
    for (let k = a; k <= b; k++) {
      const list = this.buckets.get(k);
      if (list) list.push(item);
      else this.buckets.set(k, [item]);
    }
  }
  remove(item: T): void {
    this.order.delete(item);
    const [a, b] = this.keys(item.range);
    for (let k = a; k <= b; k++) {
      const list = this.buckets.get(k);
      const at = list ? list.indexOf(item) : -1;
      if (at >= 0) list!.splice(at, 1);
    }
  }
  /** The earliest added item whose range overlaps r (both non-empty intersections, as before). */
  firstOverlapping(r: Span): T | undefined {
    let best: T | undefined;
    let bestOrder = Infinity;
    const [a, b] = this.keys(r);
    for (let k = a; k <= b; k++) {
      for (const g of this.buckets.get(k) ?? []) {
        if (g.range.start < r.end && r.start < g.range.end) {
          const o = this.order.get(g)!;
          if (o < bestOrder) {
            best = g;
            bestOrder = o;
          }
        }
      }
    }
    return best;
  }
}

/** The draft's own characters in a range (extraction reads the prose, where Markdown syntax is blanked). */
export function rawText(ctx: Ctx, span: Span): string {
  return ctx.draft.parsed.raw.slice(span.start, span.end);
}

export function push(ctx: Ctx, f: Finding): void {
  if (!ctx.kinds[f.kind]) return;
  f.text = rawText(ctx, f.range);
  // One finding per span: keep the most severe.
  const rank = { error: 3, warning: 2, information: 1, hint: 0 } as const;
  const clash = ctx.findingSpans.firstOverlapping(f.range);
  if (clash) {
    if (rank[clash.severity] >= rank[f.severity]) return;
    ctx.findingSpans.remove(clash);
    ctx.removed.add(clash);
  }
  ctx.findings.push(f);
  ctx.findingSpans.add(f);
  addClaim(ctx, { kind: f.kind, range: f.range, text: f.text, status: f.severity === 'error' || f.severity === 'warning' ? 'contradicted' : 'unverified', evidence: f.evidence, expected: f.expected });
}

export function confirm(ctx: Ctx, kind: FactKind, span: Span, text: string, evidence: Evidence[]): void {
  if (ctx.claimRanges.has(`${span.start}:${span.end}`)) return;
  addClaim(ctx, { kind, range: { start: span.start, end: span.end }, text: rawText(ctx, span), status: 'confirmed', evidence });
}

export function unverified(ctx: Ctx, kind: FactKind, span: Span, text: string): void {
  if (ctx.claimSpans.firstOverlapping(span)) return;
  addClaim(ctx, { kind, range: { start: span.start, end: span.end }, text: rawText(ctx, span), status: 'unverified', evidence: [] });
}

export function addClaim(ctx: Ctx, c: Claim): void {
  ctx.claims.push(c);
  ctx.claimSpans.add(c);
  ctx.claimRanges.add(`${c.range.start}:${c.range.end}`);
}
