// Alignment: which seed statements a draft claim speaks about, and how closely (retrieval per sentence and
// per claim clause, the draft's topic among the seeds, the words around a claim, copied frames).
import { termsOf, type SentenceFacts } from './facts';
import { figureTerm, dateTerm } from './held';
import { type SeedDoc, type SeedIndex, type SeedSentence } from './seeds';
import { placeGroup } from './lexicon';
import { type EntityType } from './people';
import { firstIndex, type Span, type Token } from './text';
import { type Severity } from './types';
import { type Ctx, seedWeight } from './ledger';

export { storyOfTopic, storySeeds } from './ledger';

/** How sure a slot comparison must be before it is reported. */
export const ALIGN = { candidate: 0.2, warning: 0.45, error: 0.68 };

export interface Candidate {
  sentence: SeedSentence;
  score: number;
}

export function topicWeight(ctx: Ctx, s: SeedSentence): number {
  const w = seedWeight(ctx, s.seed);
  ctx.reads?.weights.set(s.seed, w);
  return w;
}

/**
 * Which seeds the draft is about: each draft sentence votes for the seeds of its best-aligned sentences.
 * A seed about another story may share words with a sentence, but should not contradict it.
 */
export function topicOf(index: SeedIndex, sentences: Candidate[][]): Map<SeedDoc, number> {
  const votes = new Map<SeedDoc, number>();
  let speaking = 0;
  for (const cands of sentences) {
    const best = new Map<SeedDoc, number>();
    for (const c of cands) best.set(c.sentence.seed, Math.max(best.get(c.sentence.seed) ?? 0, c.score));
    for (const [doc, v] of best) votes.set(doc, (votes.get(doc) ?? 0) + v);
    if (cands.some((c) => c.score >= ALIGN.candidate)) speaking++;
  }
  const top = Math.max(0, ...votes.values());
  // A draft whose sentences align only weakly with every seed tells a story the seeds do not have (an
  // archive's other stories share words, not facts): no seed is its story, all weigh less. (Sentences
  // that align with nothing at all, such as a long draft's other matters, do not count.)
  const told = speaking === 0 ? 1 : Math.max(0.3, Math.min(1, (top / speaking - 0.1) / 0.2));
  const topic = new Map<SeedDoc, number>();
  for (const [doc, v] of votes) topic.set(doc, top === 0 ? 0.5 : told * Math.max(0.3, Math.min(1, Math.pow(v / top, 1.5))));
  return topic;
}

export { termsOf } from './facts';

const matters = new WeakMap<SentenceFacts, { mine: Set<string>; mineWords: number }>();

/** A draft sentence's terms, its figures' and dates' among them, and how many are words (once per sentence). */
function matterOf(sf: SentenceFacts): { mine: Set<string>; mineWords: number } {
  let m = matters.get(sf);
  if (m === undefined) {
    const mine = new Set<string>();
    for (const t of termsOf(sf)) if (t !== undefined) mine.add(t);
    const mineWords = mine.size;
    for (const f of sf.figures) mine.add(figureTerm(f.value));
    for (const d of sf.dates) mine.add(dateTerm(d.iso));
    matters.set(sf, (m = { mine, mineWords }));
  }
  return m;
}

/**
 * Does a seed sentence speak of the draft sentence's matter: two terms in common (words, or figures and dates
 * the two state alike), or all the words of either? One word, however rare, is no event: "The plant has built
 * vans for Korvak since 2003" says nothing of "Ms Lind took charge of Korvak in 1999", "Mr Ode owns 28.1%"
 * nothing of "shares rose 5% after an offer from Tom Ode"; "I was born on 25 August" does speak of "I was born
 * on 16 August", "Marsh was jailed for 18 years for running the scheme" of "He was jailed for 20 years", and
 * "now 317th, down from 290th in 2014" of "ranked 450th, slipping from 290th in 2014".
 */
export function sharesMatter(sf: SentenceFacts, s: SeedSentence): boolean {
  const { mine, mineWords } = matterOf(sf);
  let words = 0;
  let sharedWords = 0;
  let shared = 0;
  // (A seed sentence's terms are distinct: see SeedSentence.)
  for (const t of s.terms) {
    const word = !t.startsWith('=');
    if (word) words++;
    if (!mine.has(t)) continue;
    shared++;
    if (word) sharedWords++;
  }
  return shared >= 2 || (sharedWords > 0 && (sharedWords === words || sharedWords === mineWords));
}

/** A draft's or a seed's sentence facts, as far as its names go. */
type Naming = { entities: ReadonlyArray<{ key: string; type: EntityType }> };

const countriesNamed = new WeakMap<Naming, ReadonlySet<number>>();

/** The countries a sentence names (the UK, Britain, British and London alike: one country), once per sentence. */
function countriesOf(facts: Naming): ReadonlySet<number> {
  let found = countriesNamed.get(facts);
  if (found === undefined) {
    const groups = new Set<number>();
    for (const e of facts.entities) {
      // (Of any name but a person's: "the United Kingdom" may read as an organisation.)
      const g = e.type === 'person' ? undefined : placeGroup(e.key);
      if (g !== undefined) groups.add(g);
    }
    countriesNamed.set(facts, (found = groups));
  }
  return found;
}

/**
 * Do a draft sentence and a seed sentence speak of two countries: each names one, neither the other's?
 * Then a figure or a date of one is not the other's ("the UK's trade gap narrowed in November" and "the
 * US trade gap ballooned in October" are two reports, not one report and its slip).
 */
export function countriesApart(draft: SentenceFacts, seed: Naming): boolean {
  const a = countriesOf(draft);
  if (a.size === 0) return false;
  const b = countriesOf(seed);
  if (b.size === 0) return false;
  for (const g of a) if (b.has(g)) return false;
  return true;
}

/** Alignment terms around a span, up to `window` content words each side, weighted by nearness. */
export function localContext(sf: SentenceFacts, span: Span, window = 6): Map<string, number> {
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

/** The sentence-level candidates plus the seed sentences that best cover the claim's own clause. */
export function mentionCandidates(ctx: Ctx, sf: SentenceFacts, span: Span, base: Candidate[], value?: string): Candidate[] {
  const clause = [...localContext(sf, span, 8).keys()];
  const scores = new Map(base.map((c) => [c.sentence, c.score]));
  if (value) {
    clause.push(value);
    // A seed sentence about this story that states the same value is a candidate whatever its wording.
    // (Counted first: a value hundreds of seed sentences state is no lead, and its list is not made.)
    if (ctx.index.sentenceCountOf(value) <= 50) for (const s of ctx.index.withTerm(value)) if (topicWeight(ctx, s) === 1) scores.set(s, Math.max(scores.get(s) ?? 0, 0.35));
  }
  if (clause.length >= 2) {
    for (const c of ctx.index.retrieve(clause, 12)) scores.set(c.sentence, Math.max(scores.get(c.sentence) ?? 0, 0.9 * c.score * topicWeight(ctx, c.sentence)));
  }
  return [...scores.entries()].map(([sentence, score]) => ({ sentence, score })).filter((c) => c.score >= ALIGN.candidate);
}

/** How many tokens right before and right after two spans read the same (a copied frame around a changed value). */
export function frameMatch(a: SentenceFacts, as: Span, b: SentenceFacts, bs: Span, max = 4): number {
  return frameTokens(a, as, b, bs, max).length;
}

/**
 * A copied frame that holds an anchor: at least three tokens around the claim read as in the seed, one of
 * them a number or a capitalised name ("slipping from 285 in 2009" where the seed has "down from 285 in
 * 2014"). Such a frame pins the claim to that seed statement whatever the rest of the sentence says;
 * an idiom alone ("at the end of 2013") does not.
 */
export function anchoredFrame(a: SentenceFacts, as: Span, b: SentenceFacts, bs: Span): number {
  const toks = frameTokens(a, as, b, bs, 4);
  return toks.length >= 3 && toks.some((t) => t.num || (t.cap && t !== a.sentence.tokens[0])) ? toks.length : 0;
}

function frameTokens(a: SentenceFacts, as: Span, b: SentenceFacts, bs: Span, max: number): Token[] {
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
  const same: Token[] = [];
  for (let k = 1; k <= max; k++) {
    const x = at[aFirst - k];
    const y = bt[bFirst - k];
    if (!x || !y || x.key !== y.key) break;
    same.push(x);
  }
  for (let k = 1; k <= max; k++) {
    const x = at[aLast + k];
    const y = bt[bLast + k];
    if (!x || !y || x.key !== y.key) break;
    same.push(x);
  }
  return same;
}

export function slotScore(index: SeedIndex, d: Map<string, number>, s: Map<string, number>): number {
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

export function severityFor(score: number): Severity | undefined {
  if (score >= ALIGN.error) return 'error';
  if (score >= ALIGN.warning) return 'warning';
  return undefined;
}

export function seedContext(s: SeedSentence, span: Span): Map<string, number> {
  return localContext(s.facts, span);
}

const topicalOf = new WeakMap<Ctx, Set<SeedDoc>>();

/** The seeds about what the draft is about (topic weight 0.6 or more). */
export function topicalSeeds(ctx: Ctx): Set<SeedDoc> {
  let docs = topicalOf.get(ctx);
  if (!docs) {
    docs = new Set();
    for (const [doc, w] of ctx.topic) if (w >= 0.6 * ctx.topicScale) docs.add(doc);
    topicalOf.set(ctx, docs);
  }
  return docs;
}
