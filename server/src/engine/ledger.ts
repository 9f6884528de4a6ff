// The check's ledger: the draft, the seeds, and the findings and claims recorded so far (one per span).
import { type TextFacts } from './facts';
import { type SeedDoc, type SeedIndex } from './seeds';
import { type Span } from './text';
import { isFlag, type Claim, type Evidence, type FactKind, type Finding } from './types';
import { copyEvidence, copyFinding, shiftSpan, type LedgerOp, type SentenceReads } from './recheck';
import { type Entity } from './people';

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
  /** While a sentence is checked for remembering: what its checks read beyond it and what they record. */
  reads?: SentenceReads;
  /** While a sentence the seeds state word for word is checked: its span, and the seed sentence that confirms its claims. */
  stated?: { span: Span; evidence: Evidence };
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
  // A sentence the seeds state word for word contradicts nothing in them: its claims are the seed's.
  if (ctx.stated && isFlag(f.severity) && f.range.start >= ctx.stated.span.start && f.range.end <= ctx.stated.span.end) {
    confirm(ctx, f.kind, f.range, f.text, [ctx.stated.evidence]);
    return;
  }
  if (fromAnotherStory(ctx, f)) asNote(f, 'other-story', 'Only a seed of another story says so: it may speak of another event.');
  if (ctx.reads) note(ctx.reads, f.range, { op: 'push', finding: copyFinding(f, -ctx.reads.origin) });
  if (!ctx.kinds[f.kind]) return;
  f.text = rawText(ctx, f.range);
  // One finding per span: keep the most severe.
  const rank = { error: 3, warning: 2, information: 1, hint: 0 } as const;
  const clash = ctx.findingSpans.firstOverlapping(f.range);
  if (clash) {
    if (rank[clash.severity] >= rank[f.severity]) return;
    // (A finding reaching past the sentence, put aside, would change what a later read of a span beyond it finds.)
    if (ctx.reads && !within(clash.range, ctx.reads)) ctx.reads.local = false;
    ctx.findingSpans.remove(clash);
    ctx.removed.add(clash);
  }
  ctx.findings.push(f);
  ctx.findingSpans.add(f);
  addClaim(ctx, { kind: f.kind, range: f.range, text: f.text, status: isFlag(f.severity) ? 'contradicted' : 'unverified', evidence: f.evidence, expected: f.expected });
}

/**
 * A figure or a date is an event's: only the seeds of the draft's own story (the seeds it is about, topic
 * weight 1) contradict it. One that only another story's seed gives (last week's chart, another day's oil
 * price, another country's trade figures) is a note, not a flag. (Names and titles stay checkable against
 * any seed: who holds an office does not change from one report to the next, only over months: see
 * pushOffice. A check that needs no seed, such as a weekday that does not fit its date, keeps its severity.)
 */
function fromAnotherStory(ctx: Ctx, f: Finding): boolean {
  if ((f.kind !== 'figure' && f.kind !== 'date') || !isFlag(f.severity) || f.evidence.length === 0) return false;
  return !storySeeds(ctx).some((doc) => f.evidence.some((e) => e.seed === doc.path));
}

/** How far apart, in days, a seed may be dated from the draft and still say who holds an office now. */
const SAME_TIME_DAYS = 31;

/**
 * A finding about an office (who holds it, or what a person's title is), pushed as a note when its seed is
 * dated more than a month from the draft: offices change hands, so a seed of another time does not
 * contradict the draft ("President Jacques Chirac" in a 2005 draft against a 2023 seed's President
 * Emmanuel Macron). Without both dates the finding stands as it is.
 */
export function pushOffice(ctx: Ctx, f: Finding): void {
  const seedDate = f.evidence[0]?.date;
  const draftDate = ctx.draft.date;
  if (isFlag(f.severity) && seedDate && draftDate && Math.abs(Date.parse(seedDate) - Date.parse(draftDate)) > SAME_TIME_DAYS * 86_400_000) {
    asNote(f, 'other-time', `The seed is dated ${seedDate}, the draft ${draftDate}: ${f.kind === 'title' ? 'the title' : 'who holds the office'} may have changed in between.`);
  }
  push(ctx, f);
}

/** A flag made an information note (code `<kind>-<why>`), its message saying why. */
function asNote(f: Finding, why: string, reason: string): void {
  f.severity = 'information';
  f.code = `${f.kind}-${why}`;
  f.message = `${f.message} ${reason}`;
}

const storyOf = new WeakMap<Ctx, readonly SeedDoc[]>();

/** The seeds of a topic's story (weight 1), in the topic's order. */
export function storyOfTopic(topic: ReadonlyMap<SeedDoc, number>): SeedDoc[] {
  const docs: SeedDoc[] = [];
  for (const [doc, w] of topic) if (w >= 1) docs.push(doc);
  return docs;
}

/** The seeds of the draft's story (topic weight 1), in the topic's order, once per check. */
export function storySeeds(ctx: Ctx): readonly SeedDoc[] {
  let docs = storyOf.get(ctx);
  if (!docs) storyOf.set(ctx, (docs = storyOfTopic(ctx.topic)));
  return docs;
}

export function confirm(ctx: Ctx, kind: FactKind, span: Span, text: string, evidence: Evidence[]): void {
  if (ctx.reads) note(ctx.reads, span, { op: 'confirm', kind, span: shiftSpan(span, -ctx.reads.origin), evidence: copyEvidence(evidence) });
  if (ctx.claimRanges.has(`${span.start}:${span.end}`)) return;
  addClaim(ctx, { kind, range: { start: span.start, end: span.end }, text: rawText(ctx, span), status: 'confirmed', evidence });
}

export function unverified(ctx: Ctx, kind: FactKind, span: Span, text: string): void {
  if (ctx.reads) note(ctx.reads, span, { op: 'unverified', kind, span: shiftSpan(span, -ctx.reads.origin) });
  if (ctx.claimSpans.firstOverlapping(span)) return;
  addClaim(ctx, { kind, range: { start: span.start, end: span.end }, text: rawText(ctx, span), status: 'unverified', evidence: [] });
}

export function addClaim(ctx: Ctx, c: Claim): void {
  ctx.claims.push(c);
  ctx.claimSpans.add(c);
  ctx.claimRanges.add(`${c.range.start}:${c.range.end}`);
}

function note(reads: SentenceReads, span: Span, op: SentenceReads['ops'][number]): void {
  reads.ops.push(op);
  if (!within(span, reads)) reads.local = false;
}

/** Does a span lie within the sentence being recorded? */
function within(span: Span, reads: SentenceReads): boolean {
  return span.start >= reads.origin && span.end <= reads.end;
}

/** The draft's full mention of a surname ("Cameron" -> David Cameron), if it has one. */
export function draftSurname(ctx: Ctx, surname: string): Entity | undefined {
  const full = ctx.draft.surnames.get(surname);
  if (ctx.reads) ctx.reads.surnames.set(surname, full ? entityPrint(full, ctx.reads.origin) : '');
  return full;
}

/** An entity as a check may read it, its place relative to `origin`. */
export function entityPrint(e: Entity, origin: number): string {
  return `${e.start - origin}\u0001${e.end - origin}\u0001${e.type}\u0001${e.key}\u0001${e.text}\u0001${e.tokens.join(' ')}`;
}

/**
 * The earliest recorded finding over a span, if any. (Remembered only for a span, and a finding, apart from
 * the sentence: the sentence's own records then neither add to what it finds nor put it aside, and so it
 * finds what was recorded before the sentence, which is what readsHold compares.)
 */
export function findingOver(ctx: Ctx, span: Span): Finding | undefined {
  const f = ctx.findingSpans.firstOverlapping(span);
  const r = ctx.reads;
  if (r) {
    if (overlaps(span, r) || (f && overlaps(f.range, r))) r.local = false;
    r.findings.set(`${span.start - r.origin}:${span.end - r.origin}`, f ? findingPrint(f, r.origin) : '');
  }
  return f;
}

function overlaps(span: Span, reads: SentenceReads): boolean {
  return span.start < reads.end && reads.origin < span.end;
}

export function findingPrint(f: Finding, origin: number): string {
  return JSON.stringify(copyFinding(f, -origin));
}

// The names a draft writes, gathered once per draft: gathered for each name, a long draft's check was quadratic.
const draftNameSets = new WeakMap<object, Set<string>>();

function draftNames(ctx: Ctx): Set<string> {
  let names = draftNameSets.get(ctx.draft);
  if (!names) draftNameSets.set(ctx.draft, (names = new Set(ctx.draft.sentences.flatMap((sf) => sf.entities.map((x) => x.key)))));
  return names;
}

/** Does the draft write this name (by its key) anywhere? */
export function draftWrites(ctx: Ctx, key: string): boolean {
  const has = draftNames(ctx).has(key);
  ctx.reads?.names.set(key, has);
  return has;
}

/** How much a seed is about what the draft is about (see topicOf; a seed no sentence voted for weighs half, scaled as all are). */
export function seedWeight(ctx: Ctx, doc: SeedDoc): number {
  return ctx.topic.get(doc) ?? 0.5 * ctx.topicScale;
}

/**
 * Would a sentence's checks read again what they read when `reads` was recorded (then at `reads.origin`,
 * now at `origin`)? Called before the sentence's records are made, with those of the sentences before it made.
 */
export function readsHold(ctx: Ctx, reads: SentenceReads, origin: number): boolean {
  for (const [doc, w] of reads.weights) if (seedWeight(ctx, doc) !== w) return false;
  for (const [surname, print] of reads.surnames) {
    const full = ctx.draft.surnames.get(surname);
    if ((full ? entityPrint(full, origin) : '') !== print) return false;
  }
  if (reads.names.size) {
    const names = draftNames(ctx);
    for (const [key, has] of reads.names) if (names.has(key) !== has) return false;
  }
  for (const [span, print] of reads.findings) {
    const [a, b] = span.split(':').map(Number);
    const f = ctx.findingSpans.firstOverlapping({ start: a + origin, end: b + origin });
    if ((f ? findingPrint(f, origin) : '') !== print) return false;
  }
  return true;
}

/** Makes a sentence's remembered records again, its ranges moved to the sentence's place now. */
export function replay(ctx: Ctx, ops: readonly LedgerOp[], origin: number): void {
  for (const o of ops) {
    if (o.op === 'push') push(ctx, copyFinding(o.finding, origin));
    else if (o.op === 'confirm') confirm(ctx, o.kind, shiftSpan(o.span, origin), '', copyEvidence(o.evidence));
    else unverified(ctx, o.kind, shiftSpan(o.span, origin), '');
  }
}
