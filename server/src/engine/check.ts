// Checking a draft: align each draft sentence with the seed sentences that speak of the same thing,
// compare slot by slot (person and title, counted thing and number, event and date, name and spelling),
// and report contradictions as findings and agreements as confirmed claims.
import { distance } from 'fastest-levenshtein';
import { datesAgree, type DateMention } from './dates';
import { extractFacts, tokenTerms, type SentenceFacts, type TextFacts } from './facts';
import { figuresAgree, figureUnitsComparable, type Figure } from './figures';
import { NAME_PARTICLES, NUMBER_WORDS, placeGroup, STOPWORDS, WEEKDAYS, MONTHS } from './lexicon';
import { isTitleToken, titlesCompatible, type Entity, type TitledPerson } from './people';
import { dateTerm, evidenceOf, figureTerm, isCommonEnglish, valueTerms, type PersonRecord, type SeedDoc, type SeedIndex, type SeedSentence } from './seeds';
import { stem, type Span, type TextFormat } from './text';
import type { CheckResult, Claim, Evidence, FactKind, Finding, Severity } from './types';

export interface CheckOptions {
  /** The draft's date (YYYY-MM-DD); overrides its header. */
  date?: string;
  format?: TextFormat;
  /** Which kinds to check (all by default). */
  kinds?: Partial<Record<FactKind, boolean>>;
  /** Receives a line for each alignment decision (for debugging rules). */
  trace?: (line: string) => void;
}

/** How sure a slot comparison must be before it is reported. */
const ALIGN = { candidate: 0.2, warning: 0.45, error: 0.68 };

interface Candidate {
  sentence: SeedSentence;
  score: number;
}

interface Ctx {
  draft: TextFacts;
  index: SeedIndex;
  findings: Finding[];
  claims: Claim[];
  kinds: Record<FactKind, boolean>;
  trace?: (line: string) => void;
  /** How much each seed is about what the draft is about (1 for the closest seeds). */
  topic: Map<SeedDoc, number>;
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
class SpanIndex<T extends { range: Span }> {
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

function topicWeight(ctx: Ctx, s: SeedSentence): number {
  return ctx.topic.get(s.seed) ?? 0.5;
}

/**
 * Which seeds the draft is about: each draft sentence votes for the seeds of its best-aligned sentences.
 * A seed about another story may share words with a sentence, but should not contradict it.
 */
function topicOf(index: SeedIndex, sentences: Candidate[][]): Map<SeedDoc, number> {
  const votes = new Map<SeedDoc, number>();
  for (const cands of sentences) {
    const best = new Map<SeedDoc, number>();
    for (const c of cands) best.set(c.sentence.seed, Math.max(best.get(c.sentence.seed) ?? 0, c.score));
    for (const [doc, v] of best) votes.set(doc, (votes.get(doc) ?? 0) + v);
  }
  const top = Math.max(0, ...votes.values());
  const topic = new Map<SeedDoc, number>();
  for (const [doc, v] of votes) topic.set(doc, top === 0 ? 0.5 : Math.max(0.3, Math.min(1, Math.pow(v / top, 1.5))));
  return topic;
}

const termsCache = new WeakMap<SentenceFacts, Array<string | undefined>>();

function termsOf(sf: SentenceFacts): Array<string | undefined> {
  let t = termsCache.get(sf);
  if (!t) termsCache.set(sf, (t = tokenTerms(sf.sentence.tokens)));
  return t;
}

/** Alignment terms around a span, up to `window` content words each side, weighted by nearness. */
function localContext(sf: SentenceFacts, span: Span, window = 6): Map<string, number> {
  const toks = sf.sentence.tokens;
  const terms = termsOf(sf);
  const ctx = new Map<string, number>();
  // Tokens are in text order: binary searches keep this linear in the sentence's length
  // (findIndex from both ends made a long one-sentence draft quadratic).
  const lo = firstIndex(toks.length, (i) => toks[i].end > span.start);
  const hi = firstIndex(toks.length, (i) => toks[i].start >= span.end) - 1;
  const add = (term: string, dist: number) => {
    const w = 1 / (1 + (dist - 1) / 3);
    ctx.set(term, Math.max(ctx.get(term) ?? 0, w));
  };
  // Function words carry no term: walk at most CONTEXT_WALK tokens for them (a run of thousands was quadratic).
  for (let i = lo - 1, d = 0; i >= 0 && d < window && lo - i <= CONTEXT_WALK; i--) {
    const term = terms[i];
    if (term === undefined || (i >= lo && i <= hi)) continue;
    add(term, ++d);
  }
  const after = Math.max(hi, lo - 1) + 1;
  for (let i = after, d = 0; i < toks.length && d < window && i - after < CONTEXT_WALK; i++) {
    const term = terms[i];
    if (term === undefined) continue;
    add(term, ++d);
  }
  return ctx;
}

const CONTEXT_WALK = 64;

/** The first i in [0, n) for which pred holds, pred being false then true along i; n if none. */
function firstIndex(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The sentence-level candidates plus the seed sentences that best cover the claim's own clause. */
function mentionCandidates(ctx: Ctx, sf: SentenceFacts, span: Span, base: Candidate[], value?: string): Candidate[] {
  const clause = [...localContext(sf, span, 8).keys()];
  const scores = new Map(base.map((c) => [c.sentence, c.score]));
  if (value) {
    clause.push(value);
    // A seed sentence about this story that states the same value is a candidate whatever its wording.
    const same = ctx.index.withTerm(value);
    if (same.length <= 50) for (const s of same) if (topicWeight(ctx, s) === 1) scores.set(s, Math.max(scores.get(s) ?? 0, 0.35));
  }
  if (clause.length >= 2) {
    for (const c of ctx.index.retrieve(clause, 12)) scores.set(c.sentence, Math.max(scores.get(c.sentence) ?? 0, 0.9 * c.score * topicWeight(ctx, c.sentence)));
  }
  return [...scores.entries()].map(([sentence, score]) => ({ sentence, score })).filter((c) => c.score >= ALIGN.candidate);
}

/** How many tokens right before and right after two spans read the same (a copied frame around a changed value). */
function frameMatch(a: SentenceFacts, as: Span, b: SentenceFacts, bs: Span, max = 4): number {
  const at = a.sentence.tokens;
  const bt = b.sentence.tokens;
  // (binary searches: tokens are in text order; a scan made long sentences quadratic)
  const first = (t: typeof at, x: number) => {
    const k = firstIndex(t.length, (i) => t[i].end > x);
    return k < t.length ? k : -1;
  };
  const aFirst = first(at, as.start);
  const bFirst = first(bt, bs.start);
  const aLast = firstIndex(at.length, (i) => at[i].start >= as.end) - 1;
  const bLast = firstIndex(bt.length, (i) => bt[i].start >= bs.end) - 1;
  let n = 0;
  for (let k = 1; k <= max; k++) {
    const x = at[aFirst - k];
    const y = bt[bFirst - k];
    if (!x || !y || x.key !== y.key) break;
    n++;
  }
  for (let k = 1; k <= max; k++) {
    const x = at[aLast + k];
    const y = bt[bLast + k];
    if (!x || !y || x.key !== y.key) break;
    n++;
  }
  return n;
}

function slotScore(index: SeedIndex, d: Map<string, number>, s: Map<string, number>): number {
  // Symmetric: a short seed context wholly found around the draft's claim aligns as well as the reverse.
  let shared = 0;
  let dTotal = 0;
  let sTotal = 0;
  for (const [t, w] of d) {
    const idf = index.idf(t);
    dTotal += idf * w;
    const sw = s.get(t);
    if (sw !== undefined) shared += idf * Math.min(w, sw);
  }
  for (const [t, w] of s) sTotal += index.idf(t) * w;
  if (dTotal === 0 || sTotal === 0) return 0;
  return Math.max(shared / dTotal, (0.9 * shared) / sTotal);
}

function severityFor(score: number): Severity | undefined {
  if (score >= ALIGN.error) return 'error';
  if (score >= ALIGN.warning) return 'warning';
  return undefined;
}

/** The draft's own characters in a range (extraction reads the prose, where Markdown syntax is blanked). */
function rawText(ctx: Ctx, span: Span): string {
  return ctx.draft.parsed.raw.slice(span.start, span.end);
}

function push(ctx: Ctx, f: Finding): void {
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

function confirm(ctx: Ctx, kind: FactKind, span: Span, text: string, evidence: Evidence[]): void {
  if (ctx.claimRanges.has(`${span.start}:${span.end}`)) return;
  addClaim(ctx, { kind, range: { start: span.start, end: span.end }, text: rawText(ctx, span), status: 'confirmed', evidence });
}

function unverified(ctx: Ctx, kind: FactKind, span: Span, text: string): void {
  if (ctx.claimSpans.firstOverlapping(span)) return;
  addClaim(ctx, { kind, range: { start: span.start, end: span.end }, text: rawText(ctx, span), status: 'unverified', evidence: [] });
}

function addClaim(ctx: Ctx, c: Claim): void {
  ctx.claims.push(c);
  ctx.claimSpans.add(c);
  ctx.claimRanges.add(`${c.range.start}:${c.range.end}`);
}

function seedContext(s: SeedSentence, span: Span): Map<string, number> {
  return localContext(s.facts, span);
}

// ---- Figures -------------------------------------------------------------------------------------

function describeFigure(f: Figure): string {
  return f.text;
}

/** Two names for one person: the same key, or one's words all among the other's ("Abbie" and "Abbie Conman"). */
function samePerson(a: string, b: string): boolean {
  if (a === b) return true;
  const at = a.split(' ');
  const bt = b.split(' ');
  return at.every((t) => bt.includes(t)) || bt.every((t) => at.includes(t));
}

/** A person's age against the ages the topical seeds give the same person. */
function checkAge(ctx: Ctx, f: Figure): boolean {
  if (!f.person) return false;
  const ages: Array<{ g: Figure; s: SeedSentence }> = [];
  for (const [doc, w] of ctx.topic) {
    if (w < 1) continue;
    for (const s of doc.sentences) for (const g of s.facts.figures) if (g.unit === 'age' && g.person && samePerson(g.person, f.person)) ages.push({ g, s });
  }
  if (ages.length === 0) return false;
  const ok = ages.find((a) => figuresAgree(f, a.g));
  if (ok) {
    confirm(ctx, 'figure', f, f.text, [evidenceOf(ok.s)]);
    return true;
  }
  // Another person in the story has this age: the name or the age is wrong ("Lesley Conman, 12" where
  // the seeds give 12 to Abbie): one finding over both, offering the seed's age for the named person.
  const other = otherAge(ctx, f);
  if (other && f.personSpan) {
    const raw = ctx.draft.parsed.raw;
    const span = { start: Math.min(f.personSpan.start, f.valueSpan.start), end: Math.max(f.personSpan.end, f.valueSpan.end) };
    const text = raw.slice(span.start, span.end);
    const valueText = raw.slice(f.valueSpan.start, f.valueSpan.end);
    const own = ages[0].g.value;
    push(ctx, {
      kind: 'figure',
      code: 'figure-mismatch',
      range: span,
      text,
      expected: text.replace(valueText, String(own)),
      message: `The seeds give ${titleCase(f.person)} the age ${own}; ${f.value} is the age of ${titleCase(other.g.person!)}.`,
      severity: 'warning',
      evidence: [evidenceOf(ages[0].s), evidenceOf(other.s)],
    });
    return true;
  }
  const a = ages[0];
  push(ctx, {
    kind: 'figure',
    code: 'figure-mismatch',
    range: { start: f.valueSpan.start, end: f.end },
    text: ctx.draft.parsed.raw.slice(f.valueSpan.start, f.end),
    expected: String(a.g.value),
    message: `The seeds give ${titleCase(f.person)}'s age as ${a.g.value}, not ${f.value}.`,
    severity: 'error',
    evidence: [evidenceOf(a.s)],
  });
  return true;
}

function otherAge(ctx: Ctx, f: Figure): { g: Figure; s: SeedSentence } | undefined {
  for (const [doc, w] of ctx.topic) {
    if (w < 1) continue;
    for (const s of doc.sentences) {
      for (const g of s.facts.figures) {
        if (g.unit === 'age' && g.person && !samePerson(g.person, f.person!) && figuresAgree(f, g)) return { g, s };
      }
    }
  }
  return undefined;
}

/** "£3,311" where the story's seeds say "£1,311": one digit off a seed figure about the same thing. */
function mistypedFigure(ctx: Ctx, f: Figure, cands: Candidate[]): { g: Figure; s: SeedSentence; score: number } | undefined {
  if (f.words || f.qualifier !== 'exact') return undefined;
  const digits = f.valueText.replace(/\D/g, '');
  if (digits.length < 2) return undefined;
  const score = new Map(cands.map((c) => [c.sentence, c.score]));
  let found: { g: Figure; s: SeedSentence; score: number } | undefined;
  for (const [doc, w] of ctx.topic) {
    if (w < 1) continue;
    for (const s of doc.sentences) {
      for (const g of s.facts.figures) {
        if (g.words || !figureUnitsComparable(f, g)) continue;
        if (figuresAgree(f, g)) return undefined; // the story has this value: not a typo
        const gd = g.valueText.replace(/\D/g, '');
        if (gd.length !== digits.length || distance(gd, digits) !== 1) continue;
        if (digits.length < 3 && !(f.thing && f.thing === g.thing)) continue;
        const sc = score.get(s) ?? 0;
        if (sc >= 0.15 && (!found || sc > found.score)) found = { g, s, score: sc };
      }
    }
  }
  return found;
}

function checkFigures(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): void {
  for (const f of sf.figures) {
    if (f.unit === 'age' && checkAge(ctx, f)) continue;
    const dctx = localContext(sf, f);
    let best: { g: Figure; s: SeedSentence; score: number } | undefined;
    let agree: { g: Figure; s: SeedSentence; score: number } | undefined;
    for (const c of mentionCandidates(ctx, sf, f, cands, figureTerm(f.value))) {
      for (const g of c.sentence.facts.figures) {
        if (!figureUnitsComparable(f, g)) continue;
        let score = 0.55 * slotScore(ctx.index, dctx, seedContext(c.sentence, g)) + 0.45 * c.score;
        if (f.thing && g.thing) score += sameThing(f, g) ? 0.15 : -0.15;
        if (figuresAgree(f, g)) {
          if (!agree || score > agree.score) agree = { g, s: c.sentence, score };
        } else if (!best || score > best.score) best = { g, s: c.sentence, score };
      }
    }
    ctx.trace?.(`figure "${f.text}" agree=${agree ? `${agree.g.text}@${agree.score.toFixed(2)}` : '-'} best=${best ? `${best.g.text}@${best.score.toFixed(2)}` : '-'}`);
    // The same value in a sentence about the same thing is a paraphrase, wherever the best frame points.
    // "27 counts" for "21 counts of theft and six counts of extortion": a total of the seed's parts.
    if (best && (!agree || agree.score < best.score)) agree = sumOfParts(ctx, sf, f, [{ sentence: best.s, score: best.score }]) ?? agree;
    // A measured value (tonnes, pounds, feet) that the story states as such is taken as the story's.
    const sameValue = agree && agree.g.value === f.value && (agree.score >= 0.3 || (topicWeight(ctx, agree.s) === 1 && (agree.score >= 0.15 || f.unit !== 'count')));
    if (agree && (!best || agree.score >= best.score - 0.12 || sameValue)) {
      confirm(ctx, 'figure', f, f.text, [evidenceOf(agree.s)]);
      continue;
    }
    if (!best || !severityFor(best.score)) {
      const typo = mistypedFigure(ctx, f, mentionCandidates(ctx, sf, f, cands));
      if (typo) {
        best = typo;
        best.score = Math.max(best.score, ALIGN.warning);
      }
    }
    if (!best) {
      unverified(ctx, 'figure', f, f.text);
      continue;
    }
    let severity = severityFor(best.score);
    if (!severity) {
      unverified(ctx, 'figure', f, f.text);
      continue;
    }
    const seedDate = best.s.seed.date;
    const later = ctx.draft.date && seedDate && ctx.draft.date > seedDate && f.value > best.g.value && f.unit === 'count';
    if (later) severity = 'information';
    push(ctx, {
      kind: 'figure',
      code: later ? 'figure-updated' : 'figure-mismatch',
      range: { start: f.valueSpan.start, end: f.end },
      text: ctx.draft.parsed.raw.slice(f.valueSpan.start, f.end),
      expected: best.g.text.replace(/^(?:more than|over|past|about|around|some|nearly|almost|at least)\s+/i, ''),
      message: later
        ? `The seed gave ${describeFigure(best.g)} on ${seedDate}; this draft (${ctx.draft.date}) reports ${f.text}.`
        : `The seeds say ${describeFigure(best.g)}, not ${f.text}.`,
      severity,
      evidence: [evidenceOf(best.s)],
    });
  }
}

/** Do two figures count the same thing? Their noun phrases share a word ("flood alerts", "Agency flood alerts"). */
function sameThing(a: Figure, b: Figure): boolean {
  const bs = new Set(b.things ?? (b.thing ? [b.thing] : []));
  return (a.things ?? (a.thing ? [a.thing] : [])).some((t) => bs.has(t));
}

function sumOfParts(ctx: Ctx, sf: SentenceFacts, f: Figure, cands: Candidate[]): { g: Figure; s: SeedSentence; score: number } | undefined {
  if (!f.thing || f.unit !== 'count' || f.qualifier !== 'exact') return undefined;
  for (const c of cands) {
    const parts = c.sentence.facts.figures.filter((g) => g.unit === 'count' && g.thing === f.thing);
    if (parts.length < 2) continue;
    const total = parts.reduce((n, g) => n + g.value, 0);
    if (total === f.value) return { g: { ...parts[0], value: total, text: String(total), valueText: String(total) }, s: c.sentence, score: c.score };
  }
  void sf;
  void ctx;
  return undefined;
}

// ---- Dates ---------------------------------------------------------------------------------------

function describeDate(d: DateMention): string {
  return d.text;
}

function dateValueText(seed: DateMention, draft: DateMention): string {
  // Offer the seed's value in the draft's style where we can: a weekday for a weekday.
  if (/^(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/i.test(draft.text) && seed.year && seed.month && seed.day) {
    const wd = new Date(Date.UTC(seed.year, seed.month - 1, seed.day)).getUTCDay();
    const name = WEEKDAYS[wd];
    return name[0].toUpperCase() + name.slice(1);
  }
  return seed.text;
}

function checkDates(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): void {
  for (const d of sf.dates) {
    const dctx = localContext(sf, d);
    let best: { g: DateMention; s: SeedSentence; score: number } | undefined;
    let agree: { g: DateMention; s: SeedSentence; score: number } | undefined;
    for (const c of mentionCandidates(ctx, sf, d, cands, dateTerm(d.iso))) {
      for (const g of c.sentence.facts.dates) {
        // Compare like with like: a year with a year, a day with a day.
        if ((d.precision === 'year') !== (g.precision === 'year')) continue;
        // A date belongs to the event of its whole sentence more than to its neighbouring words.
        const score = 0.35 * slotScore(ctx.index, dctx, seedContext(c.sentence, g)) + 0.65 * c.score;
        if (datesAgree(d, g)) {
          if (!agree || score > agree.score) agree = { g, s: c.sentence, score };
        } else if (!best || score > best.score) best = { g, s: c.sentence, score };
      }
    }
    ctx.trace?.(`date "${d.text}" ${d.iso} agree=${agree ? `${agree.g.text}@${agree.score.toFixed(2)}` : '-'} best=${best ? `${best.g.text}@${best.score.toFixed(2)}` : '-'}`);
    if (agree && (!best || agree.score >= best.score - 0.12)) {
      confirm(ctx, 'date', d, d.text, [evidenceOf(agree.s)]);
      continue;
    }
    // Dates are few in a sentence: a dated seed statement that aligns at all is most likely the same event.
    // (Only when both state the date as precisely: "March 13" against "in April" may be two events.)
    const severity = best ? severityFor(best.score + (best.g.precision === d.precision ? 0.07 : 0)) : undefined;
    if (!best || !severity) {
      unverified(ctx, 'date', d, d.text);
      continue;
    }
    // A draft written later may speak of later days ("on Tuesday" in a follow-up story).
    if (d.relative && ctx.draft.date && best.s.seed.date && ctx.draft.date !== best.s.seed.date) {
      unverified(ctx, 'date', d, d.text);
      continue;
    }
    const expected = dateValueText(best.g, d);
    push(ctx, {
      kind: 'date',
      code: 'date-mismatch',
      range: { start: d.start, end: d.end },
      text: d.text,
      expected,
      message: `The seeds date this ${describeDate(best.g)}${best.g.iso && best.g.iso !== best.g.text ? ` (${best.g.iso})` : ''}, not ${d.text}${d.iso && d.relative ? ` (${d.iso})` : ''}.`,
      severity,
      evidence: [evidenceOf(best.s)],
    });
  }
  for (const slip of ctx.draft.calendarSlips) {
    if (slip.date.sentence !== sf.sentence.index) continue;
    const actual = WEEKDAYS[slip.actual];
    const name = actual[0].toUpperCase() + actual.slice(1);
    push(ctx, {
      kind: 'date',
      code: 'date-weekday',
      range: { start: slip.weekday.start, end: slip.weekday.end },
      text: slip.weekday.text,
      expected: name,
      message: `${slip.date.text} (${slip.date.iso}) was a ${name}, not a ${slip.weekday.text}.`,
      severity: 'error',
      evidence: [],
    });
  }
}

// ---- People and titles ---------------------------------------------------------------------------

/** The seeds' record of the person a draft name stands for, if any. */
function findPerson(ctx: Ctx, e: Entity): PersonRecord | undefined {
  const full = ctx.draft.surnames.get(e.tokens[e.tokens.length - 1]);
  const key = e.tokens.length === 1 && full ? full.key : e.key;
  const exact = ctx.index.person(key);
  if (exact) return exact;
  const tokens = key.split(' ');
  const bySurname = ctx.index.bySurname(tokens[tokens.length - 1]);
  if (tokens.length === 1 && bySurname.length === 1) return bySurname[0];
  // "David Cameron" against a seed's "Cameron": a unique surname with a compatible first name
  const compatible = bySurname.filter((p) => p.tokens.length === 1 || p.tokens[0] === tokens[0] || p.tokens[0][0] === tokens[0][0]);
  return compatible.length === 1 ? compatible[0] : undefined;
}

/** A seed name that is a near spelling of this one ("Hakan Fiden" for "Hakan Fidan"). */
function nearSpelling(ctx: Ctx, key: string): string | undefined {
  if (key.length < 5) return undefined;
  let best: { name: string; d: number } | undefined;
  const tokens = key.split(' ');
  const limit = key.length >= 10 ? 2 : 1;
  for (let len = key.length - limit; len <= key.length + limit; len++) {
    for (const name of ctx.index.entityNamesLike(key, len)) {
      if (name === key) continue;
      const nt = name.split(' ');
      if (nt.length !== tokens.length) continue;
      // A plural or possessive is the same word, not a misspelling.
      if (name === key + 's' || key === name + 's') continue;
      const d = distance(name, key);
      if (d === 0 || d > limit) continue;
      // Every differing word must still look like the same word, and not be a common word.
      const ok = nt.every((t, i) => {
        const u = tokens[i];
        if (t === u) return true;
        if (t.length < 4 || u.length < 4 || t.slice(0, 1) !== u.slice(0, 1)) return false;
        if (ctx.index.knowsLowerWord(u) || STOPWORDS.has(u)) return false;
        return distance(t, u) <= limit;
      });
      if (ok && (!best || d < best.d)) best = { name, d };
    }
  }
  return best?.name;
}

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

function checkPeople(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): Set<Entity> {
  const handled = new Set<Entity>();
  for (const tp of sf.people) {
    const rec = findPerson(ctx, tp.person);
    // A person the story's seeds mention: their offices are compared. One only other stories mention
    // may simply share a name; there the office's holder in the restated statement decides.
    if (rec && rec.mentions.some((m) => topicWeight(ctx, m) >= 0.6)) {
      if (checkTitleOf(ctx, sf, tp, rec, cands)) handled.add(tp.person);
      continue;
    }
    if (rec && checkHolder(ctx, sf, tp, cands, true)) {
      handled.add(tp.person);
      continue;
    }
    const spelled = nearSpelling(ctx, tp.person.key);
    if (spelled) {
      nameSpellingFinding(ctx, tp.person, spelled);
      handled.add(tp.person);
      continue;
    }
    if (checkHolder(ctx, sf, tp, cands)) handled.add(tp.person);
  }
  return handled;
}

/** The seed statement that gives the draft's office to another person, in the sentence the draft follows. */
function otherHolder(ctx: Ctx, sf: SentenceFacts, tp: TitledPerson, cands: Candidate[]): { text: string; name: string; at: SeedSentence; score: number } | undefined {
  let best: { text: string; name: string; at: SeedSentence; score: number } | undefined;
  const span = { start: tp.title.start, end: tp.person.end };
  const dctx = localContext(sf, span);
  for (const c of mentionCandidates(ctx, sf, span, cands)) {
    for (const p of c.sentence.facts.people) {
      if (!titlesCompatible(tp.title, p.title) || !titlesCompatible(p.title, tp.title)) continue;
      if (!sameQualifier(p.title.qualifier, tp.title.qualifier)) continue;
      if (p.person.key === tp.person.key || p.person.tokens.some((t) => tp.person.tokens.includes(t))) continue;
      const score = 0.5 * slotScore(ctx.index, dctx, seedContext(c.sentence, { start: p.title.start, end: p.person.end })) + 0.5 * c.score;
      if (!best || score > best.score) best = { text: p.person.text, name: ctx.index.person(p.person.key)?.name ?? p.person.text, at: c.sentence, score };
    }
  }
  return best;
}

/** Returns true when the person's title was settled (confirmed or contradicted). */
function checkTitleOf(ctx: Ctx, sf: SentenceFacts, tp: TitledPerson, rec: PersonRecord, cands: Candidate[]): boolean {
  // Offices the story's own seeds give the person come first; a former office compares with former ones.
  const topical = rec.titles.filter((t) => topicWeight(ctx, t.at) >= 0.6);
  const titles = (topical.length ? topical : rec.titles).filter((t) => t.title.former === tp.title.former);
  if (titles.length === 0) {
    unverified(ctx, 'title', tp.title, tp.title.text);
    return false;
  }
  rec = { ...rec, titles };
  const ok = rec.titles.find((t) => titlesCompatible(tp.title, t.title));
  if (ok) {
    confirm(ctx, 'title', tp.title, tp.title.text, [evidenceOf(ok.at)]);
    return true;
  }
  // Another person holds this office in the statement the draft follows: the name is what changed.
  const holder = otherHolder(ctx, sf, tp, cands);
  ctx.trace?.(`title "${tp.title.text} ${tp.person.text}" other holder=${holder ? `${holder.name}@${holder.score.toFixed(2)}` : '-'}`);
  // (The office already conflicts; the holder need only be a plausible alignment to take the blame off it.)
  if (holder && holder.score >= 0.35) {
    push(ctx, {
      kind: 'name',
      code: 'name-mismatch',
      range: { start: tp.person.start, end: tp.person.end },
      text: tp.person.text,
      expected: holder.name,
      message: `The seeds name ${holder.name} as ${tp.title.text} here; they give ${rec.name} as ${rec.titles[0].title.text}.`,
      severity: holder.score >= ALIGN.error ? 'error' : 'warning',
      evidence: [evidenceOf(holder.at), evidenceOf(rec.titles[0].at)],
    });
    return true;
  }
  // The seed title to offer: from the best-aligned seed sentence, else the first.
  const candSet = new Map(cands.map((c) => [c.sentence, c.score]));
  const ranked = [...rec.titles].sort((a, b) => (candSet.get(b.at) ?? 0) - (candSet.get(a.at) ?? 0));
  const seedTitle = ranked[0];
  const aligned = candSet.get(seedTitle.at) ?? 0;
  const severity: Severity = aligned >= ALIGN.warning ? 'error' : 'warning';
  push(ctx, {
    kind: 'title',
    code: 'title-mismatch',
    range: { start: tp.title.start, end: tp.title.end },
    text: tp.title.text,
    expected: matchCase(seedTitle.title.text.replace(/^(?:the|a|an)\s+/i, ''), tp.title.text),
    message: `The seeds give ${rec.name} as ${seedTitle.title.text}, not ${tp.title.text}.`,
    severity,
    evidence: [evidenceOf(seedTitle.at)],
  });
  return true;
}

function matchCase(value: string, like: string): string {
  if (/^\p{Lu}/u.test(like) && /^\p{Ll}/u.test(value)) return titleCase(value);
  if (/^\p{Ll}/u.test(like) && like === like.toLowerCase() && /^\p{Lu}/u.test(value)) return value.toLowerCase();
  return value;
}

function sameQualifier(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** An unknown name holding an office the seeds give to someone else in the same statement. */
function checkHolder(ctx: Ctx, sf: SentenceFacts, tp: TitledPerson, cands: Candidate[], elsewhere = false): boolean {
  const best = otherHolder(ctx, sf, tp, cands);
  ctx.trace?.(`holder "${tp.title.text} ${tp.person.text}" best=${best ? `${best.name}@${best.score.toFixed(2)}` : '-'}`);
  // A person only other stories mention, given an office this story gives to someone else: likely the name.
  const severity = best ? severityFor(best.score + 0.05) ?? (elsewhere && topicWeight(ctx, best.at) === 1 && best.score >= 0.3 ? 'warning' : undefined) : undefined;
  if (!best || !severity) return false;
  push(ctx, {
    kind: 'name',
    code: 'name-mismatch',
    range: { start: tp.person.start, end: tp.person.end },
    text: tp.person.text,
    expected: best.name,
    message: `The seeds name ${best.name} as ${tp.title.text}, not ${tp.person.text}.`,
    severity,
    evidence: [evidenceOf(best.at)],
  });
  return true;
}

function nameSpellingFinding(ctx: Ctx, e: Entity, seedKey: string): void {
  const rec = ctx.index.person(seedKey);
  const at = ctx.index.entitySentence(seedKey);
  const written = at?.facts.entities.find((x) => x.key === seedKey)?.text;
  const expected = rec?.name ?? written ?? titleCase(seedKey);
  push(ctx, {
    kind: 'name',
    code: 'name-spelling',
    range: { start: e.start, end: e.end },
    text: e.text,
    expected,
    message: `The seeds spell this name ${expected}, not ${e.text}.`,
    severity: 'error',
    evidence: at ? [evidenceOf(at)] : [],
  });
}

// ---- Names: people, organisations, places -----------------------------------------------------------

/** Does the story's seeds (those about what the draft is about) write this name, or all its words? */
function isKnownName(ctx: Ctx, e: Entity): boolean {
  const topical = (doc: SeedDoc) => (ctx.topic.get(doc) ?? 0) >= 0.6;
  if (ctx.index.knowsEntity(e.key, topical)) return true;
  if (placeGroup(e.key) !== undefined) return true;
  // Every word of it appears in seed names ("Gaza authorities", "Fidan" alone)
  const words = e.tokens.filter((t) => !STOPWORDS.has(t));
  return words.length > 0 && words.every((t) => ctx.index.knowsNameToken(t, topical) || placeGroup(t) !== undefined || isTitleToken(t));
}

/** A capitalised word that is just a common word at the head of a sentence or in a headline. */
function isCommonWord(ctx: Ctx, sf: SentenceFacts, e: Entity): boolean {
  if (e.tokens.every((t) => isTitleToken(t) || STOPWORDS.has(t) || MONTHS.includes(t) || t in NUMBER_WORDS)) return true;
  if (e.tokens.length > 1) return false;
  const t = e.tokens[0];
  const initial = sf.sentence.tokens[0]?.start === e.start;
  const shouting = e.text === e.text.toUpperCase() && e.text.length > 1;
  return (initial || shouting || sf.sentence.heading) && (ctx.index.knowsLowerWord(t) || STOPWORDS.has(t) || !ctx.index.knowsNameToken(t));
}

function checkNames(ctx: Ctx, sf: SentenceFacts, sentenceCands: Candidate[], handled: Set<Entity>): void {
  const draftKeys = new Set(sf.entities.map((x) => x.key));
  const draftWords = new Set(sf.sentence.tokens.map((t) => t.key));
  for (const e of sf.entities) {
    if (handled.has(e) || isCommonWord(ctx, sf, e)) continue;
    const known = isKnownName(ctx, e);
    if (!known) {
      const spelled = nearSpelling(ctx, e.key);
      if (spelled) {
        nameSpellingFinding(ctx, e, spelled);
        continue;
      }
    }
    // Substitution: the seed sentence the draft follows has another name in the same slot.
    const dctx = localContext(sf, e, 4);
    let best: { g: Entity; s: SeedSentence; score: number } | undefined;
    const cands = mentionCandidates(ctx, sf, e, sentenceCands);
    // The best-aligned seed sentence that writes this very name supports it.
    const support = Math.max(0, ...cands.filter((c) => c.sentence.facts.entities.some((g) => sameName(e, g))).map((c) => c.score));
    for (const c of cands) {
      if (c.score < 0.35 || c.score <= support + 0.05) continue;
      for (const g of c.sentence.facts.entities) {
        if (draftKeys.has(g.key) || !typesComparable(e, g) || sameName(e, g)) continue;
        if (g.tokens.some((t) => draftWords.has(t) && !STOPWORDS.has(t))) continue;
        if (isTitleOnly(g) || isAcronymOf(e, c.sentence) ) continue;
        const local = slotScore(ctx.index, dctx, localContext(c.sentence.facts, g, 4));
        const frame = frameMatch(sf, e, c.sentence.facts, g);
        // A name the seeds know elsewhere replaces this one only in a copied frame ("X has signed a new deal");
        // an unknown one needs at least a word of the frame or a closely shared context.
        if (known ? frame < 3 : !((frame >= 1 && c.score >= 0.4) || local >= 0.75)) continue;
        const score = 0.6 * local + 0.4 * c.score + 0.05 * frame;
        if ((local >= 0.5 || (!known && frame >= 1)) && (!best || score > best.score)) best = { g, s: c.sentence, score };
      }
    }
    // A name the story's seeds never write, in a sentence that restates a seed statement about someone
    // else ("Kylian Mbappe has signed a new deal" where the seed says Henderson has): that someone.
    if (!best && !known && looksLikePersonName(ctx, e)) best = unknownInStatement(ctx, sf, e, cands, 0.35);
    // A person the story knows, put in the place of another in a closely restated statement, where no
    // seed statement about the draft's person aligns ("Lionel Messi scored his 300th goal").
    if (!best && known && e.type === 'person' && support < 0.3) best = unknownInStatement(ctx, sf, e, cands, 0.55);
    const needed = 0;
    ctx.trace?.(`name "${e.text}" (${e.type}${known ? ', known' : ''}) best=${best ? `${best.g.text}@${best.score.toFixed(2)}` : '-'}`);
    const severity = best ? severityFor(best.score - needed) : undefined;
    if (!best || !severity) {
      if (known) confirmName(ctx, e);
      else unverified(ctx, 'name', e, e.text);
      continue;
    }
    push(ctx, {
      kind: 'name',
      code: 'name-mismatch',
      range: { start: e.start, end: e.end },
      text: e.text,
      expected: best.g.text,
      message: known ? `In the seeds it is ${best.g.text} here, not ${e.text}.` : `The seeds say ${best.g.text} here; they never mention ${e.text}.`,
      severity,
      evidence: [evidenceOf(best.s)],
    });
  }
}

/** Two mentions of one name: equal, aliases (UK, Britain), a short form ("Rob", "Robert"), one inside the other. */
function sameName(a: Entity, b: Entity): boolean {
  if (a.key === b.key) return true;
  const ga = placeGroup(a.key);
  if (ga !== undefined && ga === placeGroup(b.key)) return true;
  if (a.tokens.every((t) => b.tokens.includes(t)) || b.tokens.every((t) => a.tokens.includes(t))) return true;
  if (a.tokens.length === 1 && b.tokens.length === 1) {
    const [x, y] = a.key.length <= b.key.length ? [a.key, b.key] : [b.key, a.key];
    if (x.length >= 3 && y.startsWith(x)) return true;
  }
  return false;
}

/** "ONGC" for "Oil and Natural Gas Corporation" written in the seed sentence. */
function isAcronymOf(e: Entity, s: SeedSentence): boolean {
  if (!/^\p{Lu}{2,6}$/u.test(e.text)) return false;
  const caps = s.facts.sentence.tokens.filter((t) => t.cap).map((t) => t.text[0]).join('');
  return caps.includes(e.text);
}

/** "Jos Buttler", not "Box Office" or "CLICK HERE": two to four capitalised words that are not common words. */
function looksLikePersonName(ctx: Ctx, e: Entity): boolean {
  if (e.type !== 'person' || e.tokens.length < 2 || e.tokens.length > 4) return false;
  const words = e.text.split(/\s+/);
  if (words.some((w) => w.length > 1 && w === w.toUpperCase())) return false;
  return e.tokens.every((t) => NAME_PARTICLES.has(t) || (!ctx.index.knowsLowerWord(t) && !isCommonEnglish(stem(t))));
}

function unknownInStatement(ctx: Ctx, sf: SentenceFacts, e: Entity, cands: Candidate[], minScore: number): { g: Entity; s: SeedSentence; score: number } | undefined {
  const subject = sf.entities.find((x) => !isCommonWord(ctx, sf, x)) === e;
  let best: { g: Entity; s: SeedSentence; score: number } | undefined;
  for (const c of cands) {
    if (c.score < minScore || topicWeight(ctx, c.sentence) < 1) continue;
    const people = c.sentence.facts.entities.filter((g) => g.type === 'person' && !sf.entities.some((x) => sameName(x, g)) && !isTitleOnly(g));
    if (people.length === 0) continue;
    const g = subject ? c.sentence.facts.entities.find((x) => x.type === 'person') : undefined;
    const pick = g && people.includes(g) ? g : people.length === 1 ? people[0] : undefined;
    if (!pick) continue;
    const score = c.score + (subject && pick === g ? 0.1 : 0);
    if (!best || score > best.score) best = { g: pick, s: c.sentence, score };
  }
  ctx.trace?.(`unknown "${e.text}" in statement: ${best ? `${best.g.text}@${best.score.toFixed(2)}` : '-'}`);
  return best;
}

function isTitleOnly(g: Entity): boolean {
  return g.tokens.every((t) => isTitleToken(t) || STOPWORDS.has(t));
}

function typesComparable(a: Entity, b: Entity): boolean {
  if (a.type === 'person' || b.type === 'person') return a.type === b.type || a.type === 'other' || b.type === 'other';
  return true;
}

function confirmName(ctx: Ctx, e: Entity): void {
  const at = ctx.index.entitySentence(e.key);
  if (at) confirm(ctx, 'name', e, e.text, [evidenceOf(at)]);
}

// ---- Counted lists ---------------------------------------------------------------------------------

const LIST_ITEM = "[\\p{Lu}][\\p{L}'’.-]*(?:\\s+[\\p{Lu}][\\p{L}'’.-]*)*";
const LIST_COUNT = new RegExp(
  `\\b(\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+([a-z]+(?:\\s+[a-z]+)?)\\s*(?:—|–|:|--)\\s*((?:${LIST_ITEM}\\s*,\\s*)+(?:and\\s+)?${LIST_ITEM}(?:,?\\s+and\\s+${LIST_ITEM})?)`,
  'gu',
);

function checkListCounts(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): void {
  const s = sf.sentence;
  const prose = ctx.draft.parsed.prose.slice(s.start, s.end);
  for (const m of prose.matchAll(LIST_COUNT)) {
    const stated = /^\d/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
    const items = m[3].split(/\s*,\s*|\s+and\s+/).filter((x) => x.trim());
    if (items.length === stated || items.length < 2) continue;
    const start = s.start + m.index + m[0].indexOf(m[1]);
    const words = Object.entries(NUMBER_WORDS).find(([, v]) => v === items.length)?.[0];
    const expected = /^\d/.test(m[1]) || !words ? String(items.length) : matchCase(words, m[1]);
    const ev = cands[0] ? [evidenceOf(cands[0].sentence)] : [];
    push(ctx, {
      kind: 'figure',
      code: 'figure-list-count',
      range: { start, end: start + m[1].length },
      text: m[1],
      expected,
      message: `The draft says ${m[1]} ${m[2]} but lists ${items.length}.`,
      severity: 'error',
      evidence: ev,
    });
  }
}

// ---- The check -------------------------------------------------------------------------------------

/** Checks a draft against the seeds and returns its findings and claims. */
export function checkDraft(text: string, index: SeedIndex, options: CheckOptions = {}): CheckResult {
  const draft = extractFacts(text, options.format ?? 'plaintext', options.date);
  const kinds: Record<FactKind, boolean> = { name: true, title: true, date: true, figure: true, ...options.kinds };
  const raw = draft.sentences.map((sf) => index.retrieve([...sf.terms, ...valueTerms(sf).filter((t) => /^=\d{4}-\d\d-\d\d$/.test(t))], 40));
  const topic = topicOf(index, raw.map((r) => r.slice(0, 8)));
  const ctx: Ctx = { draft, index, findings: [], claims: [], kinds, trace: options.trace, topic, findingSpans: new SpanIndex(), removed: new Set(), claimSpans: new SpanIndex(), claimRanges: new Set() };
  draft.sentences.forEach((sf, i) => {
    const cands = raw[i]
      .map((c) => ({ sentence: c.sentence, score: c.score * topicWeight(ctx, c.sentence) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 8)
      .filter((c) => c.score >= ALIGN.candidate);
    ctx.trace?.(`\n## ${sf.sentence.text.slice(0, 100)}\n   cands: ${cands.slice(0, 3).map((c) => `${c.score.toFixed(2)} ${c.sentence.facts.sentence.text.slice(0, 60)}`).join(' | ')}`);
    checkListCounts(ctx, sf, cands);
    const handled = checkPeople(ctx, sf, cands);
    checkFigures(ctx, sf, cands);
    checkDates(ctx, sf, cands);
    checkNames(ctx, sf, cands, handled);
  });
  const findings = ctx.findings.filter((f) => !ctx.removed.has(f));
  findings.sort((a, b) => a.range.start - b.range.start);
  ctx.claims.sort((a, b) => a.range.start - b.range.start);
  return { findings: findings.filter((f) => kinds[f.kind]), claims: ctx.claims, date: draft.date };
}
