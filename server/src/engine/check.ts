// Checking a draft: align each draft sentence with the seed sentences that speak of the same thing,
// compare slot by slot (person and title, counted thing and number, event and date, name and spelling),
// and report contradictions as findings and agreements as confirmed claims.
import { extractFacts, type SentenceFacts } from './facts';
import { trimHeldValues } from './held';
import { valueTerms, type SeedIndex } from './seeds';
import { type TextFormat } from './text';
import { type CheckResult, type FactKind } from './types';
import { ALIGN, topicWeight, topicOf } from './align';
import { type Ctx, SpanIndex } from './ledger';
import { checkFigures } from './figureChecks';
import { checkDates } from './dateChecks';
import { checkPeople } from './peopleChecks';
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
}

/** How many seed sentences retrieval keeps for a draft sentence. */
const RETRIEVED = 40;

/** Checks a draft against the seeds and returns its findings and claims. */
export function checkDraft(text: string, index: SeedIndex, options: CheckOptions = {}): CheckResult {
  trimHeldValues();
  const draft = extractFacts(text, options.format ?? 'plaintext', options.date);
  const kinds: Record<FactKind, boolean> = { name: true, title: true, date: true, figure: true, ...options.kinds };
  // A full date or a number of three digits or more that a seed sentence also states is a strong hint of
  // the same statement; one no seed states would only dilute the sentence's words.
  const anchors = (sf: SentenceFacts) => valueTerms(sf).filter((t) => /^=(?:\d{4}-\d\d-\d\d|\d{3,}(?:\.\d+)?)$/.test(t) && index.withTerm(t).length > 0);
  const terms = draft.sentences.map((sf) => [...sf.terms, ...anchors(sf)]);
  const raw = terms.map((t) => index.retrieve(t, RETRIEVED));
  const topic = topicOf(index, raw.map((r) => r.slice(0, 8)));
  // A sentence of common words ("He was sentenced to 20 years Friday") shares them with more seed sentences
  // than retrieval keeps: where it was cut off, the story's own sentences (the draft's topic) are scored too.
  // (Remembered like retrieval until the index changes: a keystroke re-scores one sentence.)
  const storyDocs = [...topic].filter(([, w]) => w >= 1).map(([doc]) => doc);
  const storyKey = storyDocs.map((doc) => doc.path).join('\u0000');
  raw.forEach((r, i) => {
    if (r.length < RETRIEVED || storyDocs.length === 0) return;
    const have = new Set(r.map((c) => c.sentence));
    const scored = index.remember('story-sentences', `${storyKey}\u0001${terms[i].join('\u0001')}`, () => index.scoreSentences(terms[i], storyDocs.flatMap((doc) => doc.sentences)));
    for (const c of scored) if (!have.has(c.sentence)) r.push(c);
  });
  const ctx: Ctx = { draft, index, findings: [], claims: [], kinds, trace: options.trace, topic, topicScale: 1, findingSpans: new SpanIndex(), removed: new Set(), claimSpans: new SpanIndex(), claimRanges: new Set() };
  strangerStory(ctx);
  draft.sentences.forEach((sf, i) => {
    const cands = raw[i]
      .map((c) => ({ sentence: c.sentence, score: c.score * topicWeight(ctx, c.sentence) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 8)
      .filter((c) => c.score >= ALIGN.candidate);
    ctx.trace?.(`\n## ${sf.sentence.text.slice(0, 100)}\n   cands: ${cands.slice(0, 3).map((c) => `${c.score.toFixed(2)} ${c.sentence.facts.sentence.text.slice(0, 60)}`).join(' | ')}`);
    checkListCounts(ctx, sf, cands);
    const handled = checkPeople(ctx, sf, cands);
    checkRoles(ctx, sf, cands);
    checkFigures(ctx, sf, cands);
    checkDates(ctx, sf, cands);
    checkNames(ctx, sf, cands, handled);
  });
  const findings = ctx.findings.filter((f) => !ctx.removed.has(f));
  findings.sort((a, b) => a.range.start - b.range.start);
  ctx.claims.sort((a, b) => a.range.start - b.range.start);
  return { findings: findings.filter((f) => kinds[f.kind]), claims: ctx.claims, date: draft.date };
}

/**
 * A draft that names mostly people its closest seeds never name tells another story (a later report, a
 * related match): those seeds are its neighbours, not its source, and weigh as such. (A summary of a seed
 * story names its people; one inserted name is one stranger among them.)
 */
function strangerStory(ctx: Ctx): void {
  const seen = new Map<string, boolean>();
  for (const sf of ctx.draft.sentences) for (const e of sf.entities) if (e.type === 'person' && e.tokens.length >= 2 && !seen.has(e.key)) seen.set(e.key, isKnownName(ctx, e));
  let strangers = 0;
  for (const known of seen.values()) if (!known) strangers++;
  // (Every seed's weight drops, those no sentence voted for too, and no seed is the story's own any more;
  // the closest seeds are still the ones whose names count as the story's: see topicalSeeds.)
  if (strangers < 3 || strangers <= seen.size / 2) return;
  ctx.topicScale = 0.7;
  for (const [doc, w] of ctx.topic) ctx.topic.set(doc, w * ctx.topicScale);
}
