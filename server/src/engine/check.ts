// Checking a draft: align each draft sentence with the seed sentences that speak of the same thing,
// compare slot by slot (person and title, counted thing and number, event and date, name and spelling),
// and report contradictions as findings and agreements as confirmed claims.
import { extractFacts, passesOf, readingOf, READING_CONTEXT, READINGS_KEPT, type SentenceFacts } from './facts';
import { evidenceOf, valueTerms, type SeedDoc, type SeedIndex, type SeedSentence } from './seeds';
import { type TextFormat } from './text';
import { type CheckResult, type FactKind } from './types';
import { ALIGN, type Candidate, storyOfTopic, storySeeds, topicalSeeds, topicWeight, topicOf } from './align';
import { type Ctx, SpanIndex, readsHold, replay } from './ledger';
import { newReads, type SentenceReads } from './recheck';
import { checkFigures } from './figureChecks';
import { checkDates } from './dateChecks';
import { checkPeople, nearSpelling } from './peopleChecks';
import { checkNames, isKnownName } from './nameChecks';
import { checkListCounts } from './listChecks';
import { checkRoles } from './roleChecks';

export interface CheckOptions {
  /** The draft's date (YYYY-MM-DD); overrides its header. */
  date?: string;
  format?: TextFormat;
  /** Which kinds to check (all by default). */
  kinds?: Partial<Record<FactKind, boolean>>;
  /** Receives a line for each alignment decision (for debugging rules). */
  trace?: (line: string) => void;
  /**
   * Remember each sentence's checks with what they read, and replay them where it reads the same (a draft
   * re-checked as it is typed); true by default. False: every sentence is checked afresh.
   */
  remember?: boolean;
}

/** A draft sentence's checks, as remembered: the candidates they were given, what they read and recorded. */
interface Remembered {
  cands: Candidate[];
  reads: SentenceReads;
}

/** A story's remembered sentence checks, by the remembered reading of the sentence (see readingOf), then by the rest of their key. */
type Memo = WeakMap<object, Map<string, Remembered[]>>;

/**
 * The remembered checks of a story's sentences (what storyKey holds is theirs alike), until the index
 * changes: the last few stories checked; a sentence's are forgotten with its reading.
 */
function rememberedOf(index: SeedIndex, story: string): Memo {
  const stories = index.remember('rechecks', '', () => new Map<string, Memo>());
  let memo = stories.get(story);
  if (memo) stories.delete(story);
  else if (stories.size >= 16) stories.delete(stories.keys().next().value!);
  memo ??= new WeakMap();
  stories.set(story, memo);
  return memo;
}

/** The checks of one draft sentence, in order (the ledger keeps what they find). */
function checkSentence(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): void {
  const copied = copiedSentence(sf, cands);
  ctx.stated = copied && { span: sf.sentence, evidence: evidenceOf(copied) };
  try {
    checkListCounts(ctx, sf, cands);
    const handled = checkPeople(ctx, sf, cands);
    checkRoles(ctx, sf, cands);
    checkFigures(ctx, sf, cands);
    checkDates(ctx, sf, cands);
    checkNames(ctx, sf, cands, handled);
  } finally {
    ctx.stated = undefined;
  }
}

/**
 * The seed sentence among the candidates that states the draft sentence word for word (a headline or a
 * sentence copied from the seed: "Prop Jones ready for hard graft"), if any.
 */
function copiedSentence(sf: SentenceFacts, cands: Candidate[]): SeedSentence | undefined {
  const toks = sf.sentence.tokens;
  if (toks.length < 4) return undefined;
  for (const c of cands) {
    if (c.score < 0.5) continue;
    const seed = c.sentence.facts.sentence.tokens;
    if (seed.length === toks.length && seed.every((t, i) => t.key === toks[i].key)) return c.sentence;
  }
  return undefined;
}

/** What every sentence's checks share: the kinds checked, and the story's seeds (weight 1) and the topical ones (0.6), in order. */
function storyKey(ctx: Ctx): string {
  let out = (Object.keys(ctx.kinds) as FactKind[]).map((k) => `${k}=${ctx.kinds[k] ? 1 : 0}`).join(',');
  out += '\u0005' + storySeeds(ctx).map((d) => d.path).join('\u0001');
  out += '\u0005' + [...topicalSeeds(ctx)].map((d) => d.path).join('\u0001');
  return out;
}

/**
 * A sentence's candidates: the eight seed sentences it retrieved that score best once weighed by their
 * seed's topic weight (ties in retrieval order, as a stable sort keeps them), those scoring ALIGN.candidate
 * or more. (A weight is at most 1: a sentence retrieved below the bar, or below the eighth, is not weighed.)
 */
function candidatesOf(ctx: Ctx, retrieved: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of retrieved) {
    if (!(c.score >= ALIGN.candidate) || (out.length === 8 && !(c.score > out[7].score))) continue;
    const score = c.score * topicWeight(ctx, c.sentence);
    if (!(score >= ALIGN.candidate) || (out.length === 8 && !(score > out[7].score))) continue;
    let j = out.length;
    while (j > 0 && out[j - 1].score < score) j--;
    out.splice(j, 0, { sentence: c.sentence, score });
    if (out.length > 8) out.pop();
  }
  return out;
}

function sameCandidates(a: readonly Candidate[], b: readonly Candidate[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].sentence !== b[i].sentence || a[i].score !== b[i].score) return false;
  return true;
}

/** How many seed sentences retrieval keeps for a draft sentence. */
const RETRIEVED = 40;

/** Checks a draft against the seeds and returns its findings and claims. */
export function checkDraft(text: string, index: SeedIndex, options: CheckOptions = {}): CheckResult {
  index.betweenChecks();
  const draft = extractFacts(text, options.format ?? 'plaintext', options.date);
  const kinds: Record<FactKind, boolean> = { name: true, title: true, date: true, figure: true, ...options.kinds };
  // A full date or a number of three digits or more that a seed sentence also states is a strong hint of
  // the same statement; one no seed states would only dilute the sentence's words.
  const anchors = (sf: SentenceFacts) => valueTerms(sf).filter((t) => /^=(?:\d{4}-\d\d-\d\d|\d{3,}(?:\.\d+)?)$/.test(t) && index.knowsTerm(t));
  // (What a sentence retrieves depends on its terms and values, its reading's, and on the index: it is
  // remembered with the reading until the index changes.)
  const retrieved = index.remember('retrieved', '', () => new WeakMap<object, Candidate[]>());
  const readings = draft.sentences.map((sf) => (options.remember === false ? undefined : readingOf(sf)));
  const raw = draft.sentences.map((sf, i) => {
    const known = readings[i] && retrieved.get(readings[i]!);
    if (known) return known.slice();
    const r = index.retrieve([...sf.terms, ...anchors(sf)], RETRIEVED);
    if (readings[i]) retrieved.set(readings[i]!, r.slice());
    return r;
  });
  const topic = topicOf(index, raw.map((r) => r.slice(0, 8)));
  // (Where retrieval was cut off, the story's own sentences too: see storySentences.)
  const storyDocs = storyOfTopic(topic);
  raw.forEach((r, i) => {
    if (r.length < RETRIEVED || storyDocs.length === 0) return;
    const sf = draft.sentences[i];
    r.push(...storySentences(index, storyDocs, r, readings[i], () => [...sf.terms, ...anchors(sf)]));
  });
  const ctx: Ctx = { draft, index, findings: [], claims: [], kinds, trace: options.trace, topic, topicScale: 1, findingSpans: new SpanIndex(), removed: new Set(), claimSpans: new SpanIndex(), claimRanges: new Set() };
  strangerStory(ctx);
  // (Traced checks are made afresh: a replay writes no trace.)
  // (A draft of more sentences than the readings remembered, READINGS_KEPT, would forget its own as it is read.)
  const memo = options.trace || options.remember === false || draft.sentences.length > READINGS_KEPT / 2 ? undefined : rememberedOf(index, storyKey(ctx));
  draft.sentences.forEach((sf, i) => {
    const cands = candidatesOf(ctx, raw[i]);
    ctx.trace?.(`\n## ${sf.sentence.text.slice(0, 100)}\n   cands: ${cands.slice(0, 3).map((c) => `${c.score.toFixed(2)} ${c.sentence.facts.sentence.text.slice(0, 60)}`).join(' | ')}`);
    const reading = memo && readings[i];
    if (!memo || reading === undefined) {
      checkSentence(ctx, sf, cands);
      return;
    }
    const s = sf.sentence;
    // (The prose around the sentence is its reading's; the raw text, where it differs (Markdown), is added.)
    let around = '';
    if (draft.parsed.raw !== draft.parsed.prose) {
      // (No more of it than the reading depends on.)
      const from = Math.max(0, s.start - READING_CONTEXT);
      around = draft.parsed.raw.slice(from, s.end + READING_CONTEXT);
      if (around === draft.parsed.prose.slice(from, s.end + READING_CONTEXT)) around = '';
    }
    let byReading = memo.get(reading);
    if (!byReading) memo.set(reading, (byReading = new Map()));
    const key = `${passesOf(sf)}\u0004${s.heading ? 1 : 0}\u0004${around}`;
    const known = byReading.get(key);
    const at = known ? known.findIndex((r) => sameCandidates(r.cands, cands) && readsHold(ctx, r.reads, s.start)) : -1;
    if (at >= 0) {
      // (The last used last: a sentence keeps the few checks it had most recently, as an edit and its undo.)
      const hit = known![at];
      if (at < known!.length - 1) known!.push(...known!.splice(at, 1));
      replay(ctx, hit.reads.ops, s.start);
      return;
    }
    ctx.reads = newReads(s.start, s.end);
    checkSentence(ctx, sf, cands);
    const reads = ctx.reads;
    ctx.reads = undefined;
    if (!reads.local) return;
    const list = known ?? [];
    if (list.length >= 4) list.shift();
    list.push({ cands, reads });
    if (!known) byReading.set(key, list);
  });
  const findings = ctx.findings.filter((f) => !ctx.removed.has(f));
  findings.sort((a, b) => a.range.start - b.range.start);
  ctx.claims.sort((a, b) => a.range.start - b.range.start);
  return { findings: findings.filter((f) => kinds[f.kind]), claims: ctx.claims, date: draft.date };
}

/**
 * A sentence of common words ("He was sentenced to 20 years Friday") shares them with more seed sentences
 * than retrieval keeps: where it was cut off, the story's own sentences (the draft's topic) are scored too,
 * those retrieval did not return that could be candidates. (Remembered with the sentence's reading and the
 * story until the index changes: a keystroke re-scores one sentence.)
 */
function storySentences(index: SeedIndex, story: readonly SeedDoc[], retrieved: readonly Candidate[], reading: object | undefined, terms: () => string[]): Candidate[] {
  const key = story.map((doc) => doc.path).join('\u0000');
  const scoredBy = index.remember('story-sentences', '', () => new WeakMap<object, Map<string, Candidate[]>>());
  let byStory = reading && scoredBy.get(reading);
  if (reading && !byStory) scoredBy.set(reading, (byStory = new Map()));
  let extra = byStory?.get(key);
  if (!extra) {
    const have = new Set(retrieved.map((c) => c.sentence));
    extra = index.scoreSentences(terms(), story.flatMap((doc) => doc.sentences)).filter((c) => c.score >= ALIGN.candidate && !have.has(c.sentence));
    if (byStory && byStory.size >= 4) byStory.clear();
    byStory?.set(key, extra);
  }
  return extra;
}

/**
 * A draft that names mostly people its closest seeds never name (three or more, two thirds of its full
 * names) tells another story (a later report, a related match): those seeds are its neighbours, not its
 * source, and weigh as such. (A summary of a seed story names its people; a name put in another's place is
 * one stranger among them, and a misspelt one is no stranger.)
 */
function strangerStory(ctx: Ctx): void {
  const seen = new Map<string, boolean>();
  // (A near spelling of a name the seeds write is that name, misspelt: no stranger.)
  for (const sf of ctx.draft.sentences) for (const e of sf.entities) if (e.type === 'person' && e.tokens.length >= 2 && !seen.has(e.key)) seen.set(e.key, isKnownName(ctx, e) || !!nearSpelling(ctx, e.key));
  let strangers = 0;
  for (const known of seen.values()) if (!known) strangers++;
  // (Every seed's weight drops, those no sentence voted for too, and no seed is the story's own any more;
  // the closest seeds are still the ones whose names count as the story's: see topicalSeeds.)
  if (strangers < 3 || strangers < (2 * seen.size) / 3) return;
  ctx.topicScale = 0.7;
  for (const [doc, w] of ctx.topic) ctx.topic.set(doc, w * ctx.topicScale);
}
