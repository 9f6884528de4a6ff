// Checking a draft: align each draft sentence with the seed sentences that speak of the same thing,
// compare slot by slot (person and title, counted thing and number, event and date, name and spelling),
// and report contradictions as findings and agreements as confirmed claims.
import { distance } from 'fastest-levenshtein';
import { datesAgree, type DateMention } from './dates';
import { extractFacts, type SentenceFacts, type TextFacts } from './facts';
import { figuresAgree, figureUnitsComparable, type Figure } from './figures';
import { NUMBER_WORDS, placeGroup, STOPWORDS, WEEKDAYS, MONTHS } from './lexicon';
import { isTitleToken, titlesCompatible, type Entity, type TitledPerson } from './people';
import { evidenceOf, type PersonRecord, type SeedIndex, type SeedSentence } from './seeds';
import type { Span, TextFormat } from './text';
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
const ALIGN = { candidate: 0.2, warning: 0.5, error: 0.68 };

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

/** Content stems around a span, weighted by nearness. */
function localContext(sf: SentenceFacts, span: Span, window = 6): Map<string, number> {
  const toks = sf.sentence.tokens;
  const ctx = new Map<string, number>();
  // Tokens are in text order: binary searches and a walk over the window only keep this linear
  // in the sentence's length (a long one-sentence draft was quadratic).
  const first = firstIndex(toks.length, (i) => toks[i].end > span.start);
  const last = firstIndex(toks.length, (i) => toks[i].start >= span.end) - 1;
  const lo = first >= toks.length ? toks.length : first;
  const hi = last < 0 ? -1 : last;
  const from = Math.max(0, Math.min(lo, hi + 1) - window);
  const to = Math.min(toks.length, Math.max(hi, lo - 1) + window + 1);
  for (let i = from; i < to; i++) {
    if (i >= lo && i <= hi) continue;
    const t = toks[i];
    if (STOPWORDS.has(t.key) || t.key.length < 2) continue;
    const dist = i < lo ? lo - i : i - hi;
    if (dist > window) continue;
    const w = 1 / (1 + (dist - 1) / 3);
    ctx.set(t.stem, Math.max(ctx.get(t.stem) ?? 0, w));
  }
  return ctx;
}

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

function slotScore(index: SeedIndex, d: Map<string, number>, s: Map<string, number>): number {
  let num = 0;
  let den = 0;
  for (const [t, w] of d) {
    const idf = index.idf(t);
    den += idf * w;
    const sw = s.get(t);
    if (sw !== undefined) num += idf * Math.min(w, sw);
  }
  return den === 0 ? 0 : num / den;
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

function checkFigures(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): void {
  for (const f of sf.figures) {
    const dctx = localContext(sf, f);
    let best: { g: Figure; s: SeedSentence; score: number } | undefined;
    let agree: { g: Figure; s: SeedSentence; score: number } | undefined;
    for (const c of cands) {
      for (const g of c.sentence.facts.figures) {
        if (!figureUnitsComparable(f, g)) continue;
        let score = 0.55 * slotScore(ctx.index, dctx, seedContext(c.sentence, g)) + 0.45 * c.score;
        if (f.thing && g.thing) score += f.thing === g.thing ? 0.15 : -0.15;
        if (figuresAgree(f, g)) {
          if (!agree || score > agree.score) agree = { g, s: c.sentence, score };
        } else if (!best || score > best.score) best = { g, s: c.sentence, score };
      }
    }
    ctx.trace?.(`figure "${f.text}" agree=${agree ? `${agree.g.text}@${agree.score.toFixed(2)}` : '-'} best=${best ? `${best.g.text}@${best.score.toFixed(2)}` : '-'}`);
    if (agree && (!best || agree.score >= best.score - 0.12)) {
      confirm(ctx, 'figure', f, f.text, [evidenceOf(agree.s)]);
      continue;
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
    for (const c of cands) {
      for (const g of c.sentence.facts.dates) {
        // Compare like with like: a year with a year, a day with a day.
        if ((d.precision === 'year') !== (g.precision === 'year')) continue;
        const score = 0.55 * slotScore(ctx.index, dctx, seedContext(c.sentence, g)) + 0.45 * c.score;
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
    const severity = best ? severityFor(best.score) : undefined;
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

/** Seed people whose name is a near spelling of this one ("Hakan Fiden" for "Hakan Fidan"). */
function nearSpelling(ctx: Ctx, key: string): string | undefined {
  if (key.length < 4) return undefined;
  let best: { name: string; d: number } | undefined;
  const tokens = key.split(' ');
  for (const name of ctx.index.entityNames()) {
    if (name === key || Math.abs(name.length - key.length) > 2) continue;
    const nt = name.split(' ');
    if (nt.length !== tokens.length) continue;
    const d = distance(name, key);
    const limit = key.length >= 10 ? 2 : 1;
    if (d === 0 || d > limit) continue;
    // Every differing token must still look like the same word.
    if (!nt.every((t, i) => t === tokens[i] || (t[0] === tokens[i][0] && distance(t, tokens[i]) <= limit && t.length >= 4))) continue;
    if (!best || d < best.d) best = { name, d };
  }
  return best?.name;
}

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

function checkPeople(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): Set<Entity> {
  const handled = new Set<Entity>();
  for (const tp of sf.people) {
    handled.add(tp.person);
    const rec = findPerson(ctx, tp.person);
    if (rec) {
      checkTitleOf(ctx, sf, tp, rec, cands);
      continue;
    }
    const spelled = nearSpelling(ctx, tp.person.key);
    if (spelled) {
      nameSpellingFinding(ctx, tp.person, spelled);
      continue;
    }
    checkHolder(ctx, sf, tp, cands);
  }
  return handled;
}

function checkTitleOf(ctx: Ctx, sf: SentenceFacts, tp: TitledPerson, rec: PersonRecord, cands: Candidate[]): void {
  if (rec.titles.length === 0 || tp.title.former) {
    unverified(ctx, 'title', tp.title, tp.title.text);
    return;
  }
  const ok = rec.titles.find((t) => titlesCompatible(tp.title, t.title));
  if (ok) {
    confirm(ctx, 'title', tp.title, tp.title.text, [evidenceOf(ok.at)]);
    return;
  }
  // The seed title to offer: from the best-aligned seed sentence, else the most frequent.
  const candSet = new Map(cands.map((c) => [c.sentence, c.score]));
  const ranked = [...rec.titles].sort((a, b) => (candSet.get(b.at) ?? 0) - (candSet.get(a.at) ?? 0));
  const seedTitle = ranked[0];
  // If another seed person holds the draft's office in the aligned sentence, the name may be the error.
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
function checkHolder(ctx: Ctx, sf: SentenceFacts, tp: TitledPerson, cands: Candidate[]): void {
  let best: { rec: PersonRecord; at: SeedSentence; score: number; text: string } | undefined;
  const dctx = localContext(sf, { start: tp.title.start, end: tp.person.end });
  for (const c of cands) {
    for (const p of c.sentence.facts.people) {
      if (p.title.office !== tp.title.office || !sameQualifier(p.title.qualifier, tp.title.qualifier)) continue;
      if (p.person.key === tp.person.key) continue;
      const score = 0.5 * slotScore(ctx.index, dctx, seedContext(c.sentence, { start: p.title.start, end: p.person.end })) + 0.5 * c.score;
      if (!best || score > best.score) best = { rec: ctx.index.person(p.person.key)!, at: c.sentence, score, text: p.person.text };
    }
  }
  ctx.trace?.(`holder "${tp.title.text} ${tp.person.text}" best=${best ? `${best.text}@${best.score.toFixed(2)}` : '-'}`);
  const severity = best ? severityFor(best.score + 0.05) : undefined;
  if (!best || !severity) {
    unverified(ctx, 'name', tp.person, tp.person.text);
    return;
  }
  push(ctx, {
    kind: 'name',
    code: 'name-mismatch',
    range: { start: tp.person.start, end: tp.person.end },
    text: tp.person.text,
    expected: best.rec?.name ?? best.text,
    message: `The seeds name ${best.rec?.name ?? best.text} as ${tp.title.text}, not ${tp.person.text}.`,
    severity,
    evidence: [evidenceOf(best.at)],
  });
}

function nameSpellingFinding(ctx: Ctx, e: Entity, seedKey: string): void {
  const rec = ctx.index.person(seedKey);
  const expected = rec?.name ?? spellingInSeeds(ctx, seedKey) ?? titleCase(seedKey);
  const ev = rec?.mentions[0] ? [evidenceOf(rec.mentions[0])] : [];
  push(ctx, {
    kind: 'name',
    code: 'name-spelling',
    range: { start: e.start, end: e.end },
    text: e.text,
    expected,
    message: `The seeds spell this name ${expected}, not ${e.text}.`,
    severity: 'error',
    evidence: ev.length ? ev : evidenceFor(ctx, seedKey),
  });
}

function spellingInSeeds(ctx: Ctx, key: string): string | undefined {
  for (const doc of ctx.index.seeds) for (const s of doc.sentences) for (const e of s.facts.entities) if (e.key === key) return e.text;
  return undefined;
}

function evidenceFor(ctx: Ctx, key: string): Evidence[] {
  for (const doc of ctx.index.seeds) for (const s of doc.sentences) for (const e of s.facts.entities) if (e.key === key) return [evidenceOf(s)];
  return [];
}

// ---- Other names: organisations, places, untitled people ------------------------------------------

function isKnownName(ctx: Ctx, e: Entity): boolean {
  if (ctx.index.knowsEntity(e.key)) return true;
  const g = placeGroup(e.key);
  if (g !== undefined) return true;
  // Every word of it appears in seed names ("Gaza authorities", "Fidan" alone)
  const words = e.tokens.filter((t) => !STOPWORDS.has(t));
  if (words.length > 0 && words.every((t) => ctx.index.knowsNameToken(t) || placeGroup(t) !== undefined || isTitleToken(t))) return true;
  // Acronyms of seed names ("OIC")
  return false;
}

function checkNames(ctx: Ctx, sf: SentenceFacts, cands: Candidate[], handled: Set<Entity>): void {
  for (const e of sf.entities) {
    if (handled.has(e)) continue;
    if (e.tokens.every((t) => isTitleToken(t) || STOPWORDS.has(t) || MONTHS.includes(t) || t in NUMBER_WORDS)) continue;
    if (isKnownName(ctx, e)) {
      confirmName(ctx, e);
      continue;
    }
    const spelled = nearSpelling(ctx, e.key);
    if (spelled) {
      nameSpellingFinding(ctx, e, spelled);
      continue;
    }
    // Substitution: the aligned seed sentence has another name in the same slot.
    const dctx = localContext(sf, e, 4);
    let best: { g: Entity; s: SeedSentence; score: number } | undefined;
    const draftKeys = new Set(sf.entities.map((x) => x.key));
    for (const c of cands) {
      if (c.score < 0.35) continue;
      for (const g of c.sentence.facts.entities) {
        if (draftKeys.has(g.key) || !typesComparable(e, g)) continue;
        // The seed's name must be absent from the whole draft sentence (else it was kept, not replaced).
        if (sf.sentence.tokens.some((t) => g.tokens.includes(t.key) && !STOPWORDS.has(t.key))) continue;
        const local = slotScore(ctx.index, dctx, localContext(c.sentence.facts, g, 4));
        const score = 0.6 * local + 0.4 * c.score;
        if (local >= 0.5 && (!best || score > best.score)) best = { g, s: c.sentence, score };
      }
    }
    ctx.trace?.(`name "${e.text}" (${e.type}) best=${best ? `${best.g.text}@${best.score.toFixed(2)}` : '-'}`);
    const severity = best ? severityFor(best.score) : undefined;
    if (!best || !severity) {
      unverified(ctx, 'name', e, e.text);
      continue;
    }
    push(ctx, {
      kind: 'name',
      code: 'name-mismatch',
      range: { start: e.start, end: e.end },
      text: e.text,
      expected: best.g.text,
      message: `The seeds say ${best.g.text} here, not ${e.text}.`,
      severity,
      evidence: [evidenceOf(best.s)],
    });
  }
}

function typesComparable(a: Entity, b: Entity): boolean {
  if (a.type === 'person' || b.type === 'person') return a.type === b.type || a.type === 'other' || b.type === 'other';
  return true;
}

function confirmName(ctx: Ctx, e: Entity): void {
  const ev = evidenceFor(ctx, e.key);
  if (ev.length) confirm(ctx, 'name', e, e.text, ev);
}

// ---- Counted lists ---------------------------------------------------------------------------------

const LIST_COUNT = /\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+([a-z]+(?:\s+[a-z]+)?)\s*(?:—|–|:|--)\s*((?:[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*)*\s*,\s*)+(?:and\s+)?[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*)*)/gu;

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
  const ctx: Ctx = { draft, index, findings: [], claims: [], kinds, trace: options.trace, findingSpans: new SpanIndex(), removed: new Set(), claimSpans: new SpanIndex(), claimRanges: new Set() };
  for (const sf of draft.sentences) {
    const terms = [...sf.terms];
    const cands = index.retrieve(terms, 8).filter((c) => c.score >= ALIGN.candidate);
    ctx.trace?.(`\n## ${sf.sentence.text.slice(0, 100)}\n   cands: ${cands.slice(0, 3).map((c) => `${c.score.toFixed(2)} ${c.sentence.facts.sentence.text.slice(0, 60)}`).join(' | ')}`);
    checkListCounts(ctx, sf, cands);
    const handled = checkPeople(ctx, sf, cands);
    checkFigures(ctx, sf, cands);
    checkDates(ctx, sf, cands);
    checkNames(ctx, sf, cands, handled);
  }
  const findings = ctx.findings.filter((f) => !ctx.removed.has(f));
  findings.sort((a, b) => a.range.start - b.range.start);
  ctx.claims.sort((a, b) => a.range.start - b.range.start);
  return { findings: findings.filter((f) => kinds[f.kind]), claims: ctx.claims, date: draft.date };
}
