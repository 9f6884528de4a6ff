// Dates: absolute ("Nov. 11", "November 11, 2023", "2023-11-22"), weekdays and relative words resolved
// against the text's own date, and bare years. News speaks of the past: a weekday or a month-day without
// a year is the latest such day on or before the text's date, unless the sentence speaks of the future.
import * as chrono from 'chrono-node';
import { WEEKDAYS } from './lexicon';
import { formsOf, overlapTester, type Sentence, type Span, type WordForm } from './text';

export type DatePrecision = 'day' | 'month' | 'year';

export interface DateMention extends Span {
  text: string;
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday, as written ("Friday"), if the text names a weekday. */
  weekday?: number;
  /** Which of year/month/day the text states or resolves with confidence. */
  precision: DatePrecision;
  /** True when the year, month or day came from the text's own date (weekday, "yesterday"). */
  relative: boolean;
  /** For "today", "yesterday", "tomorrow" in an undated text: days from the text's (unknown) date. */
  offsetDays?: number;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  iso: string;
  sentence: number;
}

const FUTURE_CUE = /\b(?:will|shall|next|upcoming|coming|expected to|due to|is to|are to|plans? to|scheduled|set to|going to)\b/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoOf(m: Pick<DateMention, 'year' | 'month' | 'day'>): string {
  if (m.year === undefined) return m.month !== undefined ? `--${pad(m.month)}${m.day ? '-' + pad(m.day) : ''}` : '';
  if (m.month === undefined) return String(m.year);
  if (m.day === undefined) return `${m.year}-${pad(m.month)}`;
  return `${m.year}-${pad(m.month)}-${pad(m.day)}`;
}

/** "last Saturday", "next Tuesday": a weekday of a week the text does not date. */
const WEEK_UNKNOWN = /^(?:last|next|this|past)\s+\p{L}+$/iu;
const WEEKDAY_NAMED = /^\s+(?:Times|Telegraph|Mirror|Express|People|Herald|Mail|Post|Tribune|Independent|Sport|Star|World|Sun|Business|Night Live|Service|School|League)\b/;

export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function refDate(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const casual = chrono.casual.clone();

// Words without which chrono finds no date this module keeps: digits, months, weekdays, time units and
// casual day words, and chrono's odd readings ("in the money", "the d ago"). A sentence without any is not
// handed to chrono (a third of news sentences have none). DATE_CUE is the three alternatives below.
const DATE_WORD =
  /\b(?:jan|feb|mar|apr|may|june?|july?|aug|sept?|oct|nov|dec|january|february|march|april|august|september|october|november|december|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|weekends?|fortnights?|months?|mos?|qtrs?|quarters?|years?|yrs?|decades?|centur(?:y|ies)|now|today|tonight|tomorrow|tmrw?|yesterday|yday|noon|midday|midnight|morning|afternoon|evening|night|ago|later|earlier|money)\b/i;
const DATE_UNIT = /\b(?:the|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|half|couple)\s{0,3}[smhdwy]\b/i;
const DATE_CUE = new RegExp(`\\d|${DATE_WORD.source}|${DATE_UNIT.source}`, 'i');
const parsedSentences = new Map<string, chrono.ParsedResult[]>();

/**
 * A test of a text, and how it is told from the words of a sentence (its tokens, tokenize's: every letter
 * and every digit of a text is in one of them, a run of letters in one token): `sure`, a word matching it
 * makes the cue hold; `needed`, the cue cannot hold unless a word matches it; `rest`, what is then left to
 * test in the text itself (none: the words decide).
 */
interface Cue {
  text: RegExp;
  sure?: RegExp;
  needed?: RegExp;
  rest?: RegExp;
}

/** A cue that matches letters or digits only: it matches a text if and only if it matches one of its words. */
const inWords = (re: RegExp): Cue => ({ text: re, sure: re, needed: re });

// Each of chrono's parsers scans the whole text with its pattern, and most cannot match a given sentence:
// a sentence is read by those of its parsers whose pattern could match it, judged by words or characters
// every match contains (a month's first three letters, a weekday's, a digit, the word after a time unit).
// A parser left out would have found nothing, so the results are chrono's own. The table is chrono's
// casual English parsers in order (2.10), checked by the lengths of their patterns: another chrono gets
// every parser on every sentence.
const DIGIT = /\d/;
const DIGITS = inWords(DIGIT);
const MONTH = inWords(/jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i);
const RELATIVE = /this|last|past|next|after/i;
const AGO = /[smhdwycnerko]\s{0,5}(?:ago|before|earlier)(?=\W|$)/i;
const LATER = /[smhdwycnerko]\s{0,5}(?:later|after|from now|henceforth|forward|out)(?=\W|$)/i;
const SIGNED = /this|last|past|next|after|\+|-/i;
const PARSER_CUES: Array<[patternLength: number, cues: Cue[]]> = [
  [284, [DIGITS]], // year-month-day
  [143, [DIGITS]], // ISO
  [95, [DIGITS]], // 11/12/2023
  [859, []], // "within two weeks"
  [1469, [MONTH]], // "11 November"
  [1435, [MONTH]], // "November 11"
  [314, [inWords(/sun|mon|tue|wed|thu|fri|sat|week/i)]], // weekdays
  [39, [{ text: /\d\//, needed: DIGIT, rest: /\d\// }]], // 11/2023
  [209, [DIGITS]], // times
  [808, [{ text: AGO, needed: /ago|before|earlier/i, rest: AGO }]], // a time unit (its last letter), then "ago"
  [837, [{ text: LATER, needed: /later|after|now|henceforth|forward|out/i, rest: LATER }]], // ... then "later"
  [335, [DIGITS, MONTH]], // "2023 November"
  [85, [inWords(/now|today|tonight|tomorrow|overmorrow|tmr|yesterday|night/i)]],
  [84, [inWords(/morning|afternoon|evening|night|midday|noon/i)]],
  [56, [inWords(/month/i)]], // "end of the month"
  [433, [MONTH]], // "November 2023"
  [215, [inWords(RELATIVE)]], // "last week"
  // (its letters are a word's; a "+" or "-" outside a word is looked for in the text)
  [814, [{ text: SIGNED, sure: SIGNED, rest: /[+-]/ }]], // "next two weeks"
];
const patternLengths = (() => {
  const context = new chrono.ParsingContext('', new Date(0), { forwardDate: false });
  return casual.parsers.map((p) => p.pattern(context).source.length);
})();
const cuesKnown = patternLengths.length === PARSER_CUES.length && patternLengths.every((n, i) => n === PARSER_CUES[i][0]);
const CUES = [...new Set(PARSER_CUES.flatMap(([, cues]) => cues))];
/** The cues (bits of CUES) each parser needs. */
const NEEDS = PARSER_CUES.map(([, cues]) => cues.reduce((bits, cue) => bits | (1 << CUES.indexOf(cue)), 0));
const parsersBySet = new Map<number, chrono.Chrono>();

/** The tests of a word (bits of a word form's dateCues): the cues' `sure` and `needed` tests, then DATE_WORD. */
const WORD_TESTS = [...new Set(CUES.flatMap((c) => [c.sure, c.needed]).filter((re): re is RegExp => re !== undefined)), DATE_WORD];
const bitOf = (re: RegExp | undefined): number => (re === undefined ? 0 : 1 << WORD_TESTS.indexOf(re));
const SURE = CUES.map((c) => bitOf(c.sure));
const NEEDED = CUES.map((c) => bitOf(c.needed));
const DIGIT_BIT = bitOf(DIGIT);
const DATE_WORD_BIT = bitOf(DATE_WORD);

/** Which of WORD_TESTS a word's text matches (kept on its word form). */
function wordCues(f: WordForm, text: string): number {
  let bits = f.dateCues;
  if (bits === undefined) {
    bits = 0;
    for (let k = 0; k < WORD_TESTS.length; k++) if (WORD_TESTS[k].test(text)) bits |= 1 << k;
    f.dateCues = bits;
  }
  return bits;
}

/**
 * The cues (bits of CUES) a text holds, or undefined if it fails DATE_CUE; `words`: the bits of WORD_TESTS
 * its words match, if known (the text is then tested only for what its words leave open).
 */
function cuesOf(text: string, words?: number): number | undefined {
  if (words === undefined) {
    if (!DATE_CUE.test(text)) return undefined;
  } else if (!(words & DIGIT_BIT) && !(text.includes('_') ? DATE_WORD.test(text) : words & DATE_WORD_BIT) && !DATE_UNIT.test(text)) {
    // (A word of DATE_WORD between word boundaries in a word is one in the text, and the other way round, but
    // next to a digit, which makes the cue hold anyway, or next to an underscore, which is in no word.)
    return undefined;
  }
  let found = 0;
  for (let c = 0; c < CUES.length; c++) {
    const holds = words === undefined ? CUES[c].text.test(text) : (words & SURE[c]) !== 0 || ((words & NEEDED[c]) === NEEDED[c] && CUES[c].rest?.test(text) === true);
    if (holds) found |= 1 << c;
  }
  return found;
}

/** chrono with those of its parsers that could find a date in a text holding these cues (undefined: none could). */
function parserFor(found: number): chrono.Chrono | undefined {
  if (!cuesKnown) return casual;
  let set = 0;
  for (let i = 0; i < NEEDS.length; i++) if ((NEEDS[i] & found) === NEEDS[i]) set |= 1 << i;
  if (set === 0) return undefined;
  let parser = parsersBySet.get(set);
  if (parser === undefined) {
    parser = new chrono.Chrono({ parsers: casual.parsers.filter((_, i) => set & (1 << i)), refiners: [...casual.refiners] });
    parsersBySet.set(set, parser);
  }
  return parser;
}

/**
 * chrono's reading of one sentence, remembered by its text and reference date if `remember` (a draft
 * re-checked keystroke by keystroke repeats most sentences; a seed is read once).
 */
function chronoParse(slice: string, ref: Date | undefined, remember: boolean, words?: number): chrono.ParsedResult[] {
  const found = cuesOf(slice, words);
  if (found === undefined) return [];
  const parser = parserFor(found);
  if (parser === undefined) return [];
  const parse = () => parser.parse(slice, ref ? { instant: ref, timezone: 0 } : new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  if (!remember) return parse();
  const key = `${ref ? ref.getTime() : ''}\u0001${slice}`;
  let results = parsedSentences.get(key);
  if (results === undefined) {
    results = parse();
    if (parsedSentences.size >= 4096) parsedSentences.clear();
    parsedSentences.set(key, results);
  }
  return results;
}

/**
 * chrono's refiners match a pattern against all the text before each result, so its time grows with
 * the square of a sentence's length. A sentence longer than any real one is read in pieces cut at a
 * space; a date written across a cut is lost, which only happens in such run-on text.
 */
const CHRONO_CHUNK = 2000;

function chronoChunks(text: string): Array<[number, string]> {
  if (text.length <= CHRONO_CHUNK) return [[0, text]];
  const out: Array<[number, string]> = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + CHRONO_CHUNK);
    if (end < text.length) {
      const cut = text.lastIndexOf(' ', end);
      if (cut > at + CHRONO_CHUNK / 2) end = cut;
    }
    out.push([at, text.slice(at, end)]);
    at = end;
  }
  return out;
}

/** A weekend, and a span of time ("the past five years", "the next three months"): no one date. */
const WEEKEND = /\bweekends?\b/i;
const SPAN = /\b(?:past|last|next|coming|previous|recent|following)\s+(?:[\w-]+\s+){0,2}(?:days|weeks|months|years|decades)\b/i;

/**
 * Extracts date mentions of one sentence; `textDate` is the text's own date (YYYY-MM-DD). `remember`: keep
 * chrono's reading of the sentence for the next call (drafts; not seeds).
 */
export function extractDates(prose: string, sentence: Sentence, textDate?: string, remember = true): DateMention[] {
  const ref = refDate(textDate);
  const slice = prose.slice(sentence.start, sentence.end);
  const out: DateMention[] = [];
  // What the sentence's words tell of the cues (its tokens are the slice's: a longer one is read in pieces).
  const forms = slice.length <= CHRONO_CHUNK ? formsOf(sentence) : undefined;
  let words: number | undefined;
  if (forms !== undefined) {
    words = 0;
    for (let k = 0; k < forms.length; k++) words |= wordCues(forms[k], sentence.tokens[k].text);
  }
  const results: Array<{ r: chrono.ParsedResult; base: number }> = [];
  for (const [base, chunk] of chronoChunks(slice)) {
    try {
      for (const r of chronoParse(chunk, ref, remember, words)) results.push({ r, base });
    } catch {
      // chrono failed on this text: no dates from it
    }
  }
  let futureCue: boolean | undefined;
  const future = () => (futureCue ??= FUTURE_CUE.test(slice));
  for (const { r, base } of results) {
    let text = r.text;
    let start = sentence.start + base + r.index;
    const lead = /^(?:on|since|from|by|until|till|in|at|of|the)\s+/i.exec(text);
    if (lead) {
      text = text.slice(lead[0].length);
      start += lead[0].length;
    }
    text = text.replace(/[\s,.;:!?]+$/, '');
    if (!text || /^(?:now|tonight|this (?:morning|afternoon|evening)|morning|evening|noon|midnight)$/i.test(text)) continue;
    if (/^\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m|p\.m)?$/i.test(text)) continue; // a time of day
    // "$9.4m after expanding", "a 5m fall": a sum or a length (chrono reads "m" as minutes and "h" as hours),
    // not a time; news spells its spans of time out ("five minutes later").
    if (/^\d[\d.,]*\s?(?:[smhdwy]|mo|yr|hr|mn|bn)\b/i.test(text) || /[$£€¥]$/.test(prose.slice(Math.max(0, start - 1), start))) continue;
    if (/\b(?:hours?|minutes?|seconds?|mins?|hrs?)\b/i.test(text)) continue; // a duration or a time of day
    if (/^(?:for|over|about|around|some)\b/i.test(r.text) && !/\bago\b/i.test(text)) continue; // a duration: "for 16 days"
    // "the biggest leap in 18 years", "back in 5 years": a span of time, not a day of it (chrono reads a year)
    if (/^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a few|few|several|many)\s+(?:days?|weeks?|months?|years?|decades?)$/i.test(text)) continue;
    // "two days after his talks", "three months later": counted from another event, not from the text's date
    if (/\b(?:after|before|later|earlier|afterwards|on)$/i.test(text) && /\b(?:days?|weeks?|months?|years?|decades?)\b/i.test(text) && !/\bago\b/i.test(text)) continue;
    // "Sunday Times", "Sunday Telegraph": a weekday that starts a newspaper's or a programme's name is no date.
    if (/^(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/i.test(text) && WEEKDAY_NAMED.test(prose.slice(start + text.length, start + text.length + 14))) continue;
    // "the Today programme", "NBC's Today show", "USA Today": a name, not the text's day.
    if (text === 'Today' && (/^\s+(?:programme|program|show)\b/i.test(prose.slice(start + 5, start + 20)) || /\bUSA\s+$/.test(prose.slice(Math.max(0, start - 5), start)))) continue;
    const known = r.start;
    // "in February of 21 counts": chrono reads "of 21" as a year; a month is all the text says.
    const ofNumber = /\s+of\s+\d{1,2}$/.exec(text);
    if (ofNumber) {
      text = text.slice(0, ofNumber.index);
      const month = known.get('month') ?? undefined;
      if (month === undefined) continue;
      const year = ref ? (month > ref.getUTCMonth() + 2 ? ref.getUTCFullYear() - 1 : ref.getUTCFullYear()) : undefined;
      out.push({ start, end: start + text.length, text, year, month, precision: 'month', relative: true, iso: isoOf({ year, month }), sentence: sentence.index });
      continue;
    }
    // "the past five years", "the next three months": a span of time, no date to compare; nor is a weekend
    // ("last weekend", "this weekend") one day.
    if (SPAN.test(text) || (WEEKEND.test(text) && !DIGIT.test(text))) continue;
    const isRelativeWord = /\b(?:ago|last|next|this|yesterday|today|tomorrow|later|earlier|(?:day|week|month|year)s?)\b/i.test(text);
    let year = known.isCertain('year') ? known.get('year') ?? undefined : undefined;
    let month = known.isCertain('month') ? known.get('month') ?? undefined : undefined;
    let day = known.isCertain('day') ? known.get('day') ?? undefined : undefined;
    const weekday = known.isCertain('weekday') ? known.get('weekday') ?? undefined : undefined;
    let precision: DatePrecision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
    let relative = false;
    if (isRelativeWord && !/\b(?:week|month|year)s?\b/i.test(text)) {
      // yesterday, today, tomorrow: chrono resolves them against the reference date. Without one, only
      // the offset from the text's own day is known, comparable with another undated text's.
      if (!ref) {
        const offset = /^(?:today|tonight)$/i.test(text) ? 0 : /^yesterday$/i.test(text) ? -1 : /^tomorrow$/i.test(text) ? 1 : undefined;
        // "last Saturday", "next Tuesday": which week is unknown, the day of the week is not.
        if (offset === undefined && weekday !== undefined && day === undefined && WEEK_UNKNOWN.test(text)) {
          out.push({ start, end: start + text.length, text, weekday, precision: 'day', relative: true, iso: isoOf({}), sentence: sentence.index });
          continue;
        }
        if (offset === undefined) continue;
        out.push({ start, end: start + text.length, text, precision: 'day', relative: true, offsetDays: offset, iso: `day${offset >= 0 ? '+' : ''}${offset}`, sentence: sentence.index });
        continue;
      }
      year = known.get('year') ?? undefined;
      month = known.get('month') ?? undefined;
      day = known.get('day') ?? undefined;
      relative = true;
      precision = 'day';
    } else if (isRelativeWord) {
      // "last month", "two years ago", "last week": only as precise as the unit named.
      if (!ref) continue;
      year = known.get('year') ?? undefined;
      month = /month/i.test(text) ? known.get('month') ?? undefined : undefined;
      day = undefined;
      relative = true;
      if (/week/i.test(text)) continue; // a week spans months; too vague to compare
      precision = month !== undefined ? 'month' : 'year';
    } else if (weekday !== undefined && day === undefined) {
      // A weekday alone: the latest such day on or before the text's date (or the next, for the future).
      relative = true;
      if (ref) {
        const refDay = ref.getUTCDay();
        let delta = (refDay - weekday + 7) % 7;
        if (future() && delta !== 0) delta -= 7;
        const d = new Date(ref.getTime() - delta * 86400000);
        year = d.getUTCFullYear();
        month = d.getUTCMonth() + 1;
        day = d.getUTCDate();
        precision = 'day';
      } else precision = 'day';
    } else if (day !== undefined && month !== undefined && year === undefined && ref) {
      // A month and day without a year: the latest on or before the text's date, allowing the
      // near future for what the text announces.
      const refY = ref.getUTCFullYear();
      const candidate = Date.UTC(refY, month - 1, day);
      const ahead = (candidate - ref.getTime()) / 86400000;
      year = ahead > (future() ? 300 : 31) ? refY - 1 : refY;
      relative = true;
    } else if (month !== undefined && year === undefined && ref) {
      const refY = ref.getUTCFullYear();
      year = month > ref.getUTCMonth() + 2 && !future() ? refY - 1 : refY;
      relative = true;
    }
    if (year === undefined && month === undefined && day === undefined && weekday === undefined) continue;
    out.push({
      start,
      end: start + text.length,
      text,
      year,
      month,
      day,
      weekday,
      precision,
      relative,
      iso: isoOf({ year, month, day }),
      sentence: sentence.index,
    });
  }
  // Bare years: "in 2012", "since 2000", "between 2012 and 2013". (Years are single tokens, so they never
  // overlap each other: testing against the mentions found so far is enough.)
  const inMention = overlapTester(out);
  for (const t of sentence.tokens) {
    if (t.text.length !== 4 || !/^(1[89]\d\d|20\d\d)$/.test(t.text)) continue;
    if (inMention(t.start, t.end)) continue;
    const before = prose.slice(Math.max(0, t.start - 2), t.start);
    const after = prose.slice(t.end, t.end + 12);
    if (/[$£€¥\d,.]$/.test(before) || /^(?:[,.]\d|\s?(?:%|percent|per cent|people|m\b|bn\b|million|billion))/i.test(after)) continue;
    if (/^s\b/.test(after)) continue; // "the 1990s"
    const year = Number(t.text);
    out.push({ start: t.start, end: t.end, text: t.text, year, precision: 'year', relative: false, iso: String(year), sentence: sentence.index });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Does a draft's date (`a`) agree with a seed's (`b`) at the precision both state? True (agree) or false (contradict). */
export function datesAgree(a: DateMention, b: DateMention): boolean {
  if (a.offsetDays !== undefined || b.offsetDays !== undefined) return a.offsetDays === undefined || b.offsetDays === undefined || a.offsetDays === b.offsetDays;
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) {
    // A year resolved from the text's date ("Nov. 11" with no year) is an inference: only a stated year contradicts.
    if (!(a.relative || b.relative) || (a.precision !== 'year' && b.precision !== 'year')) {
      if (a.relative && b.relative) return true;
      // "Oct. 7" in a seed dated 2023-11-22 is Oct. 7, 2023: the draft's stated "Oct. 7, 2022" is another
      // year. The other way round, a later draft's "Oct. 7" may well mean the seed's year.
      if (a.relative && a.month !== undefined && b.month !== undefined && a.day === b.day && a.month === b.month) return true;
      return false;
    }
  }
  if (a.month !== undefined && b.month !== undefined && a.month !== b.month) return false;
  if (a.day !== undefined && b.day !== undefined && a.day !== b.day) return false;
  // A weekday against a weekday: alone, or beside the same day of the same month ("Friday August 20" against
  // "Saturday 20 August" is one of them wrong, whichever the year).
  if (a.weekday !== undefined && b.weekday !== undefined && a.weekday !== b.weekday) {
    if (a.day === undefined || b.day === undefined || a.month !== undefined) return false;
  }
  return true;
}

/** "Nov. 11, a Friday": a weekday stated next to a full date that falls on another day. */
export function calendarSlips(prose: string, dates: DateMention[]): Array<{ date: DateMention; weekday: DateMention; actual: number }> {
  const slips: Array<{ date: DateMention; weekday: DateMention; actual: number }> = [];
  // One mention that states both: "Saturday, Nov. 12", "Saturday 12 November 2023"
  for (const d of dates) {
    if (d.weekday === undefined || d.day === undefined || d.month === undefined || d.year === undefined) continue;
    const m = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i.exec(d.text);
    if (!m) continue;
    const actual = weekdayOf(d.year, d.month, d.day);
    if (WEEKDAYS.indexOf(m[1].toLowerCase()) === actual) continue;
    const start = d.start + m.index;
    slips.push({ date: d, weekday: { ...d, start, end: start + m[1].length, text: m[1] }, actual });
  }
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i];
    const b = dates[i + 1];
    const between = prose.slice(a.end, b.start);
    if (!/^\s*,?\s*(?:a|which was a|which is a|the)?\s*$/i.test(between)) continue;
    const full = a.day !== undefined && a.month !== undefined && a.year !== undefined ? a : b.day !== undefined && b.month !== undefined && b.year !== undefined && !b.text.match(/^[A-Za-z]+$/) ? b : undefined;
    const wd = full === a ? b : a;
    if (!full || !/^(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/i.test(wd.text)) continue;
    const actual = weekdayOf(full.year!, full.month!, full.day!);
    const stated = WEEKDAYS.indexOf(wd.text.toLowerCase());
    if (stated >= 0 && stated !== actual) slips.push({ date: full, weekday: wd, actual });
  }
  // "The Nov. 11 summit was held on a Friday": a weekday with an indefinite article says which day of the
  // week the sentence's one full date was.
  const full = dates.filter((d) => d.day !== undefined && d.month !== undefined && d.year !== undefined && !/^[A-Za-z]+$/.test(d.text));
  if (full.length === 1) {
    const actual = weekdayOf(full[0].year!, full[0].month!, full[0].day!);
    for (const wd of dates) {
      const stated = WEEKDAYS.indexOf(wd.text.toLowerCase());
      if (stated < 0 || stated === actual || !/\ba\s+$/i.test(prose.slice(Math.max(0, wd.start - 3), wd.start))) continue;
      if (!slips.some((x) => x.weekday.start === wd.start)) slips.push({ date: full[0], weekday: wd, actual });
    }
  }
  return slips;
}
