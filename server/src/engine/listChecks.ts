// Counted lists: "nine nations — A, B, …" must list as many as it says.
import { conceptOf, type SentenceFacts } from './facts';
import { NUMBER_WORDS } from './lexicon';
import type { Figure } from './figures';
import { evidenceOf } from './seeds';
import { type Candidate } from './align';
import { type Ctx, push } from './ledger';
import { matchCase } from './wording';

export const LIST_ITEM = "[\\p{Lu}][\\p{L}'’.-]*(?:\\s+[\\p{Lu}][\\p{L}'’.-]*)*";
export const LIST_COUNT = new RegExp(
  `\\b(\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+([a-z]+(?:\\s+[a-z]+)?)\\s*(?:—|–|:|--)\\s*((?:${LIST_ITEM}\\s*,\\s*)+(?:and\\s+)?${LIST_ITEM}(?:,?\\s+and\\s+${LIST_ITEM})?)`,
  'gu',
);

const LIST_MARK = /—|–|:|--/;

export function checkListCounts(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): void {
  checkFewerThanListed(ctx, sf, cands);
  const s = sf.sentence;
  const prose = ctx.draft.parsed.prose.slice(s.start, s.end);
  // A counted list needs a dash or a colon before its items: most sentences have neither (the pattern is slow).
  if (!LIST_MARK.test(prose)) return;
  for (const m of prose.matchAll(LIST_COUNT)) {
    const stated = /^\d/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
    const items = m[3].split(/\s*,\s*|\s+and\s+/).filter((x) => x.trim());
    if (items.length === stated || items.length < 2) continue;
    const start = s.start + m.index + m[0].indexOf(m[1]);
    const expected = countLike(items.length, m[1]);
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

/**
 * "ministers from seven countries, including Türkiye, Palestine, … and Nigeria" naming eight: a count
 * smaller than the items the sentence itself lists of the same thing ("including" allows more, not fewer).
 */
function checkFewerThanListed(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): void {
  for (const list of sf.figures) {
    if (!list.implied) continue;
    const stated = sf.figures.find((f) => !f.implied && f.unit === 'count' && f.qualifier === 'exact' && f.end <= list.start && f.value < list.value && f.value >= 2 && countsListed(f, list));
    if (!stated) continue;
    const expected = countLike(list.value, stated.valueText);
    const range = { start: stated.valueSpan.start, end: stated.valueSpan.end };
    push(ctx, {
      kind: 'figure',
      code: 'figure-list-count',
      range,
      text: ctx.draft.parsed.raw.slice(range.start, range.end),
      expected,
      message: `The draft says ${stated.valueText} but names ${list.value}.`,
      severity: 'error',
      evidence: cands[0] ? [evidenceOf(cands[0].sentence)] : [],
    });
  }
}

/** A count written as the draft wrote its own: in words for words ("eight" for "seven"), else in digits. */
function countLike(count: number, written: string): string {
  const words = Object.entries(NUMBER_WORDS).find(([, v]) => v === count)?.[0];
  return /^\d/.test(written) || !words ? String(count) : matchCase(words, written);
}

/** Does the number count the listed things themselves: the word right after it ("seven countries"), not a measure ("2Mbps services")? */
function countsListed(f: Figure, list: Figure): boolean {
  return !!f.thing && !!list.thing && conceptOf(f.thing) === conceptOf(list.thing);
}
