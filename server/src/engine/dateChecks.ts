// Dates: a draft date against the date the seeds give the same event, and weekdays against the calendar.
import { datesAgree, type DateMention } from './dates';
import { type SentenceFacts } from './facts';
import { figuresAgree, figureUnitsComparable, type Figure } from './figures';
import { WEEKDAYS } from './lexicon';
import { dateTerm, evidenceOf, type SeedSentence } from './seeds';
import { ALIGN, anchoredFrame, type Candidate, countriesApart, localContext, mentionCandidates, sharesMatter, slotScore, severityFor, seedContext } from './align';
import { type Ctx, push, confirm, unverified } from './ledger';

export function describeDate(d: DateMention): string {
  return d.text;
}

export function dateValueText(seed: DateMention, draft: DateMention): string {
  // Offer the seed's value in the draft's style where we can: a weekday for a weekday.
  if (/^(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/i.test(draft.text) && seed.year && seed.month && seed.day) {
    const wd = new Date(Date.UTC(seed.year, seed.month - 1, seed.day)).getUTCDay();
    const name = WEEKDAYS[wd];
    return name[0].toUpperCase() + name.slice(1);
  }
  return seed.text;
}

/**
 * A weekday alone ("on Thursday") and a date that names no weekday and no full date to find one by ("in
 * June", "on 2 December" or "yesterday" in an undated text): they say nothing alike.
 */
function weekdayAgainstNoWeekday(d: DateMention, g: DateMention): boolean {
  return d.weekday !== undefined && d.day === undefined && d.month === undefined && g.weekday === undefined && (g.year === undefined || g.month === undefined || g.day === undefined);
}

export function checkDates(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): void {
  for (const d of sf.dates) {
    const dctx = localContext(sf, d);
    let best: { g: DateMention; s: SeedSentence; score: number } | undefined;
    let agree: { g: DateMention; s: SeedSentence; score: number } | undefined;
    for (const c of mentionCandidates(ctx, sf, d, cands, dateTerm(d.iso))) {
      for (const g of c.sentence.facts.dates) {
        // Compare like with like: a year with a year, a day with a day.
        if ((d.precision === 'year') !== (g.precision === 'year')) continue;
        // And a weekday alone is no day of "December" or "2 June" (which agreed with it, sharing no field).
        if (weekdayAgainstNoWeekday(d, g)) continue;
        // A date belongs to the event of its whole sentence more than to its neighbouring words.
        let score = 0.35 * slotScore(ctx.index, dctx, seedContext(c.sentence, g)) + 0.65 * c.score;
        const frame = anchoredFrame(sf, d, c.sentence.facts, g);
        if (frame) score = Math.max(score, ALIGN.warning + 0.05 * (frame - 3));
        if (c.score >= ALIGN.candidate && soleDatesOfOneFigure(sf, d, c.sentence, g)) score = Math.max(score, ALIGN.warning);
        if (datesAgree(d, g)) {
          if (!agree || score > agree.score) agree = { g, s: c.sentence, score };
        } else if ((!best || score > best.score) && !sf.dates.some((o) => o !== d && o.iso !== "" && o.iso === g.iso) && !countriesApart(sf, c.sentence.facts) && (frame || sharesMatter(sf, c.sentence))) {
          // (A seed date another date of this sentence restates is taken: "in 2011, … at the end of 2013")
          best = { g, s: c.sentence, score };
        }
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

/**
 * Do the draft sentence and the seed sentence state one sizeable figure alike, and each one date of this
 * precision? Then the dates belong to that one statement ("fees topped $30,000 a year in 2018" against
 * "in 2013 they were reported to be $30,900 a year").
 */
function soleDatesOfOneFigure(sf: SentenceFacts, d: DateMention, seed: SeedSentence, g: DateMention): boolean {
  const sameKind = (x: DateMention) => (x.precision === 'year') === (d.precision === 'year');
  // (Counting stops at the second: a long sentence of dates must not be scanned whole for each pair.)
  const one = (dates: readonly DateMention[]) => {
    let n = 0;
    for (const x of dates) if (sameKind(x) && ++n > 1) return false;
    return n === 1;
  };
  if (!sameKind(g) || !one(sf.dates) || !one(seed.facts.dates)) return false;
  // (Alike within a tenth, not merely by rounding: "302" is no "1,000".)
  const alike = (f: Figure, x: Figure) => figureUnitsComparable(f, x) && figuresAgree(f, x) && Math.abs(f.value - x.value) <= 0.1 * Math.max(f.value, x.value);
  return sf.figures.some((f) => f.value >= 100 && !f.implied && seed.facts.figures.some((x) => alike(f, x)));
}
