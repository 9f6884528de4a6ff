// Figures: numbers that count or measure something, with their qualifier ("more than"), unit and the
// interval of true values they allow. Numbers that are not quantities (years, parts of dates, model
// names, list markers, times, ordinals) are left out.
import { MONTH_SET, NUMBER_WORDS, SCALE_WORDS, STOPWORDS } from './lexicon';
import { formsOf, overlapTester, stem, tokenKey, type Sentence, type Span, type Token, type WordForm } from './text';

export type Qualifier = 'exact' | 'approx' | 'over' | 'atLeast' | 'under' | 'nearly' | 'justOver';
export type FigureUnit = 'ratio' | 'count' | 'percent' | 'money' | 'age' | 'score' | 'length' | 'weight' | 'duration' | 'multiple' | 'other';

export interface Figure extends Span {
  text: string;
  /** The number as written, without the qualifier ("14,100", "1.5 million"). */
  valueText: string;
  valueSpan: Span;
  value: number;
  /** Upper bound of a written range ("2-4", "three to four"). */
  high?: number;
  qualifier: Qualifier;
  unit: FigureUnit;
  /** Currency symbol or unit word, lower case ("$", "£", "ft", "year"). */
  unitWord?: string;
  /** The counted thing: the first content word after the number (stemmed), if any. */
  thing?: string;
  /** The content words of the noun phrase after the number (stemmed). */
  things?: string[];
  /** A rate's period ("£9.15 an hour", "9,500ft a minute", "seven hours a week"): hour, minute, week… */
  per?: string;
  /** A score's second number ("2-0"). */
  second?: number;
  /** Spelled with words ("five") rather than digits. */
  words: boolean;
  sentence: number;
  /**
   * Not written as a number: the count of a list ("nations, including A, B and C"). Its `text` and range
   * are the list itself; its `valueText` is the count in words ("eight").
   */
  implied?: boolean;
  /** For an age: the person it belongs to (entity key), when the text says whose it is. */
  person?: string;
  personSpan?: Span;
}

const QUALIFIERS: Array<[RegExp, Qualifier]> = [
  [/(?:more than|over|past|above|exceeding|exceeded|topped|surpassed|upwards of|in excess of|beyond)\s+$/i, 'over'],
  [/(?:at least|no fewer than|no less than|a minimum of|a minimum)\s+$/i, 'atLeast'],
  [/(?:just over|just above|slightly more than|a little over)\s+$/i, 'justOver'],
  [/(?:nearly|almost|close to|just under|just shy of|approaching|nigh on)\s+$/i, 'nearly'],
  [/(?:less than|fewer than|under|below|up to|at most|as many as|as much as|no more than|a maximum of)\s+$/i, 'under'],
  [/(?:about|around|some|roughly|approximately|an estimated|estimated|approx\.?|circa|c\.|or so|or more|upward of)\s+$/i, 'approx'],
];

const NUMBER_WORD_RE = new RegExp(
  `^(?:${Object.keys(NUMBER_WORDS).filter((w) => !w.includes('_')).join('|')})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?$`,
  'i',
);

const UNIT_AFTER: Array<[RegExp, FigureUnit, string]> = [
  [/^\s?(?:%|percent\b|per cent\b|pc\b|percentage points?\b)/i, 'percent', '%'],
  [/^-?\s?(?:years?-old|year old)\b/i, 'age', 'year-old'],
  [/^[-\s]?(?:ft|feet|foot|m|metres?|meters?|km|kilometres?|kilometers?|miles?|inches|inch|cm|mm|yards?)\b/i, 'length', ''],
  [/^[-\s]?(?:kg|kilos?|kilograms?|tonnes?|tons?|lbs?|pounds in weight|grams?|g)\b/i, 'weight', ''],
  [/^[-\s]?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century)\b/i, 'duration', ''],
  [/^-?\s?(?:times|time|fold)\b/i, 'multiple', 'time'],
];

const CURRENCY_BEFORE = /(?:US\$|A\$|C\$|HK\$|\$|£|€|¥|₹|Rs\.?\s?)$/;
const CURRENCY_AFTER = /^\s?(?:dollars?|pounds?|euros?|yen|yuan|rupees?|francs?|pence|p\b|cents?)\b/i;

/** Letters a number word can start with (in either case): a word starting otherwise is no number. */
const NUMBER_WORD_INITIALS = new Set(Object.keys(NUMBER_WORDS).flatMap((w) => [w[0], w[0].toUpperCase()]));

function parseNumberText(t: string): number | undefined {
  if (!NUMBER_WORD_INITIALS.has(t[0]) && !/^\d/.test(t)) return undefined;
  const lower = t.toLowerCase();
  if (/^\d/.test(t)) {
    const n = Number(t.replace(/,/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  if (NUMBER_WORD_RE.test(lower)) {
    const [a, b] = lower.split('-');
    return (NUMBER_WORDS[a] ?? 0) + (b ? NUMBER_WORDS[b] ?? 0 : 0);
  }
  return undefined;
}

/**
 * How far a written number may be from the value it rounds: half a unit of its last significant digit,
 * scaled by its scale word ("£13bn" may stand for £13.17bn). A large round number with one significant
 * digit ("£6bn", "4,000") is an order of magnitude, good to a whole unit of that digit above it (news
 * cuts "£6.7bn" down to "£6bn") and half a unit below. Whole numbers
 * under a hundred are exact.
 */
export function roundingSlack(valueText: string, value: number): number {
  const numeral = /\d[\d,]*(?:\.\d+)?/.exec(valueText)?.[0].replace(/,/g, '');
  if (!numeral) return 0.5; // a number word: exact
  const written = Number(numeral);
  const scale = written > 0 ? value / written : 1;
  const dot = numeral.indexOf('.');
  if (dot >= 0) return 0.5 * Math.pow(10, -(numeral.length - dot - 1)) * scale;
  if (value === 0) return 0.5;
  const trailing = Math.min(/0*$/.exec(numeral)?.[0].length ?? 0, numeral.length - 1);
  const significant = numeral.length - trailing;
  const unit = Math.pow(10, trailing) * scale;
  // (Below a hundred a round number is as likely exact: "20 years" is not a rounded 18.)
  if (value < 100) return 0.5;
  // (A single digit of a scale, "£6bn", or a written thousand, "10,000", is an order of magnitude; "200m"
  // is rounded to the hundred, not to the next hundred million.)
  return significant === 1 && value >= 1000 && (numeral.length === 1 || written >= 1000) ? unit : 0.5 * unit;
}

/** The interval of true values a figure allows. */
export function interval(f: Pick<Figure, 'value' | 'high' | 'qualifier' | 'valueText'>): [number, number] {
  const v = f.value;
  const hi = f.high ?? v;
  const slack = roundingSlack(f.valueText, v);
  // (An order of magnitude is rounded or cut down, not up, and by half at most, whatever the qualifier:
  // "£6bn" may be £6.7bn, "$30,000" is no $24,121, "$1bn" may be $1.4bn but not $2bn, and "nearly
  // 200,000,000" is no "nearly 100 million".)
  const wide = slack > 0.5 && slack >= 0.1 * v;
  const below = wide ? slack / 2 : slack;
  const above = wide ? Math.min(slack, 0.5 * v) : slack;
  switch (f.qualifier) {
    case 'exact':
      return [v - below, hi + above];
    case 'approx': {
      // ("about 20" may be 18: small numbers are approximated more coarsely. "About" rounds, it does not cut
      // down: "about 200,000" is within half a unit either way, not a whole one above.)
      const rel = hi < 100 ? 0.1 : 0.05;
      return [Math.min(v - below, v * (1 - rel)), Math.max(hi + below, hi * (1 + rel))];
    }
    case 'over':
      // "more than 14,000" is said of 14,100, not of 20,000: news rounds down to a nearby figure.
      return [v, hi * 1.06 + above];
    case 'atLeast':
      return [v, Infinity];
    case 'justOver':
      return [v, v * 1.15 + above];
    case 'nearly':
      return [v * 0.9 - below, v];
    case 'under':
      return [0, hi];
  }
}

const RATE = /^(?:-?\s?[a-z]+)?(?:\s|-)(?:a|an|per|each|every)(?:\s|-)(second|minute|hour|day|night|week|month|year|annum)s?\b/i;

/** Words that tie a duration to another event: what follows them is not the thing counted. */
const TIME_LINKS = new Set(['after', 'before', 'since', 'until', 'ago', 'later', 'earlier']);

// (Regular expressions with Unicode property escapes are module constants: the bundler writes such a
// literal as \`new RegExp(...)\`, which a function would build again at every call.)
const RATE_OR_SUM = /^(?:\p{L}{1,2}-)?(?:a|an|per)-\p{L}+$/iu;
const JOINED_NUMBER_WORD = /^([A-Za-z]+)-(?=\p{L})/u;
const LETTER_BEFORE = /[\p{L}]-?$/u;
const NAME_AND_COMMA = /\p{Lu}[\p{L}'’-]+,\s$/u;
const JOINED_THING = /^-(\p{L}+)/u;

/** The tail of a rate or a sum written as one word ("a-week" of "£100,000-a-week", "m-a-year" of "$5m-a-year"). */
function isRateOrSum(word: string): boolean {
  return RATE_OR_SUM.test(word);
}

function scaleOf(word: string | undefined): number {
  return word ? SCALE_WORDS[word.toLowerCase()] ?? 1 : 1;
}

/**
 * A written number times a scale, without the binary fraction's noise: 8.2 × 1bn is 8,199,999,999.999999 in
 * floating point, which is no £8,200m ("£8.2bn" and "£8,200m" are one sum).
 */
function scaled(value: number, scale: number): number {
  return scale === 1 ? value : Number((value * scale).toPrecision(12));
}

function isYearLike(t: Token): boolean {
  return /^(1[89]\d\d|20\d\d)$/.test(t.text);
}

/** "three-year", "four-course": the number word joined to what it measures, if any. */
function joinedNumberWord(text: string): string | undefined {
  const joined = NUMBER_WORD_INITIALS.has(text[0]) && text.includes('-') ? JOINED_NUMBER_WORD.exec(text) : null;
  return joined && joined[1].toLowerCase() !== 'one' && parseNumberText(joined[1]) !== undefined ? joined[1] : undefined;
}

/** Can a figure start at a token of this word form (kept on the form)? */
function formStartsFigure(f: WordForm, text: string): boolean {
  return (f.figureStart ??= parseNumberText(text) !== undefined || joinedNumberWord(text) !== undefined);
}

/** Extracts the figures of one sentence. `dateSpans` are the sentence's date mentions, never figures. */
export function extractFigures(prose: string, sentence: Sentence, dateSpans: Span[]): Figure[] {
  const out: Figure[] = [];
  const toks = sentence.tokens;
  const forms = formsOf(sentence);
  let inDate: ((start: number, end: number) => boolean) | undefined; // (was a scan of every date for every token)
  for (let i = 0; i < toks.length; i++) {
    if (forms !== undefined && !formStartsFigure(forms[i], toks[i].text)) continue; // (most words are no number)
    i = figureAt(prose, sentence, i, (inDate ??= overlapTester(dateSpans)), out);
  }
  return out;
}

// (The regular expressions of figureAt are module constants: a literal in a function is a new object at
// every evaluation.)
const RATIO_AFTER = /^\s(?:in|out of)\s(\d+(?:,\d{3})*|[a-z]+)\b/i;
const FOUR_DIGITS = /^\d{4}$/;
const CLOCK_AFTER = /^\s?(?:GMT|BST|UTC|CET|EST|ET|PT|hrs|hours|local time)\b/;
const ORDINAL_AFTER = /^(?:st|nd|rd|th)\b/i;
const CURRENCY_SIGN_BEFORE = /[$£€¥]$/;
const LIST_DOT = /^\.\s*$/;
const LIST_MARK = /^[.)]\s/;
const SCALE_AFTER = /^\s?(?:(hundred)\s)?(thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b/i;
const STARTS_SPACE = /^\s/;
const HUNDRED_AFTER = /^\shundred\b/i;
const US = /^US/;
// A range's second end (a number, or a number word), after a dash or "to". After a dash, it may carry its
// scale joined ("3bn-4bn", "2-3m") and a sum its currency sign ("£2m-£3m"); after "to", a sign is another sum,
// not a range's end ("from £35 to £36.20" is a change of two values).
const rangeAfter = (sign: string): RegExp => {
  const end = String.raw`(\d+(?:[.,]\d+)*|[a-z]+(?:-[a-z]+)?)`;
  return new RegExp(String.raw`^\s?(?:(?:-|–|—)\s?${sign}${end}(?:\b|(?=(?:bn|mn|tn|m|k|b)\b))|to\s?${end}\b)`, 'i');
};
const RANGE_AFTER = rangeAfter('');
const RANGE_AFTER_MONEY = rangeAfter('[$£€¥]?');
/** A scale word right after a range's second number: a word (after a space or not) or a letter joined to it. */
const SECOND_SCALE = /^(?:\s?(thousand|million|billion|trillion|bn|mn|tn)|(m|k|b))\b/i;
const DASH_FIRST = /^(?:-|–)/;
const SCORE_WORD = /\b(?:win|won|beat|lost|lose|defeat|draw|drew|victory|score|scored|led|lead|trail)\w*/i;
const METRE = /^\s?m\b/i;
const LEADING_JOINERS = /^[-\s]+/;
const FINAL_S = /s$/;
const YEAR_AFTER = /^\s*,?\s*\d{4}/;
const AGE_END = /^,|^\s?(?:and|$)/;
const AGED_BEFORE = /\b(?:aged|age of|ages of)\s$/i;
const PHRASE_BREAK = /[,;:–—()]/;

/**
 * The figure that starts at token i of the sentence, if any, added to `out`; returns the index of the last
 * token it takes (i if none).
 */
function figureAt(prose: string, sentence: Sentence, i: number, inDate: (start: number, end: number) => boolean, out: Figure[]): number {
  const toks = sentence.tokens;
  const t = toks[i];
  let value = parseNumberText(t.text);
  let tEnd = t.end;
  if (value === undefined) {
    // "three-year", "four-course": a number word joined to what it measures
    const word = joinedNumberWord(t.text);
    const v = word !== undefined ? parseNumberText(word) : undefined;
    if (v === undefined) return i;
    value = v;
    tEnd = t.start + word!.length;
  }
  const words = !t.num;
  // A capitalised number word after a capitalised word is part of a name: "BBC Three", "Formula One".
  if (words && t.cap && i > 0 && toks[i - 1].cap && /^\s+$/.test(prose.slice(toks[i - 1].end, t.start))) return i;
  // "1 in 12", "one in five": a ratio
  const ratio = RATIO_AFTER.exec(prose.slice(tEnd, tEnd + 20));
  if (ratio) {
    const of = parseNumberText(ratio[1]);
    if (of !== undefined && of > 0 && !(of >= 1800 && of <= 2100)) {
      const end = tEnd + ratio[0].length;
      out.push({
        start: t.start, end, text: prose.slice(t.start, end), valueText: prose.slice(t.start, end), valueSpan: { start: t.start, end },
        value: value / of, qualifier: 'exact', unit: 'ratio', words, sentence: sentence.index,
      });
      while (i + 1 < toks.length && toks[i + 1].start < end) i++;
      return i;
    }
  }
  if (words && t.key === 'one') {
    const next = toks[i + 1];
    if (!next || !(next.key in SCALE_WORDS) || next.key === 'm' || next.key === 'b' || next.key === 'k') return i;
  }
  if (words && t.key === 'hundred') return i; // part of "two hundred", handled below
  if (inDate(t.start, tEnd)) return i;
  if (t.num && t.text.includes(':')) return i; // a time
  // "0130 GMT", "at 1300 local time": a 24-hour clock
  if (t.num && FOUR_DIGITS.test(t.text) && (t.text.startsWith('0') || CLOCK_AFTER.test(prose.slice(t.end, t.end + 12)))) return i;
  const before = prose.slice(Math.max(0, t.start - 40), t.start);
  let after = prose.slice(tEnd, tEnd + 40);
  if (t.num && ORDINAL_AFTER.test(after)) return i; // ordinal
  if (t.num && LETTER_BEFORE.test(before.slice(-2)) && !CURRENCY_SIGN_BEFORE.test(before)) return i; // F-16, G20
  if (LIST_DOT.test(after.slice(0, 2)) && i === 0 && t.num) return i; // list marker "1."
  if (i === 0 && t.num && LIST_MARK.test(after)) return i;
  // A rank heading a line of names ("14 Sebastien Grosjean (France)"): no word of the line is lower case.
  if (i === 0 && t.num && toks.length >= 3 && toks.every((x, k) => k === 0 || x.cap)) return i;
  return describeFigure(prose, sentence, i, t, tEnd, words, before, measureFigure(prose, sentence, t, value, tEnd, words, before, after), inDate, out);
}

/**
 * What follows a figure's number: its scale ("1.5 million"), currency, range or score, and unit. (figureAt's
 * stages are functions of their own: a path first taken after the reading was optimised, as rare ones are,
 * sends only its stage to be optimised again.)
 */
function measureFigure(prose: string, sentence: Sentence, t: Token, value: number, tEnd: number, words: boolean, before: string, after: string): Measured {
  let end = tEnd;
  let scaleWord: string | undefined;
  // "two hundred", "1.5 million", "$2bn"
  const sm = SCALE_AFTER.exec(after);
  if (sm && !(sm[2].length === 1 && STARTS_SPACE.test(sm[0]))) {
    scaleWord = sm[2];
    value = scaled(value, (sm[1] ? 100 : 1) * scaleOf(scaleWord));
    end += sm[0].length;
    after = prose.slice(end, end + 40);
  } else if (words && HUNDRED_AFTER.test(after)) {
    value *= 100;
    end += ' hundred'.length;
    after = prose.slice(end, end + 40);
  }
  let unit: FigureUnit = 'count';
  let unitWord: string | undefined;
  const cur = CURRENCY_BEFORE.exec(before);
  let start = t.start;
  if (cur) {
    unit = 'money';
    unitWord = cur[0].trim().replace(US, '');
    start -= cur[0].length;
  }
  // A range or a score: "2-4", "2-0", "three to four", "between 3% and 5%"
  let high: number | undefined;
  let second: number | undefined;
  // (A sum's second end may repeat the currency sign: "£2m-£3m".)
  const rng = (cur ? RANGE_AFTER_MONEY : RANGE_AFTER).exec(after);
  if (rng) {
    const otherEnd = rng[1] ?? rng[2];
    const v2 = parseNumberText(otherEnd);
    if (v2 !== undefined) {
      // (A score by its words, or by its shape: two small numbers joined by a dash, the second no higher, which
      // no range is: "was only 2-1 down", "a 5-4 vote". Never a sum or a number with a scale word: "$36-$26"
      // and "3bn-4bn" are no scores.)
      const tally = t.num && !cur && !scaleWord && /^\d{1,2}$/.test(t.text) && /^\d{1,2}$/.test(otherEnd) && v2 <= value;
      const isScore = !cur && !scaleWord && DASH_FIRST.test(rng[0].trim()) && (tally || SCORE_WORD.test(sentence.text));
      // Where the first number has a scale word, a dash and the second's own make a range ("1.5 million-2
      // million", "3bn-4bn", "£2m-£3m"); a bare number after it is something else ("£808m to 8,177 cases").
      const own = scaleWord && rng[1] !== undefined ? SECOND_SCALE.exec(prose.slice(end + rng[0].length, end + rng[0].length + 12)) : null;
      const high2 = !scaleWord ? v2 : own ? scaled(v2, scaleOf(own[1] ?? own[2])) : undefined;
      if (isScore && t.num) {
        second = v2;
        unit = 'score';
      } else if (high2 !== undefined && high2 > value) high = high2;
      if (second !== undefined || high !== undefined) {
        end += rng[0].length + (own && high !== undefined ? own[0].length : 0);
        after = prose.slice(end, end + 40);
        const sm2 = SECOND_SCALE.exec(after);
        if (sm2 && high !== undefined && !scaleWord) {
          const scale = scaleOf(sm2[1] ?? sm2[2]);
          value = scaled(value, scale);
          high = scaled(high, scale);
          end += sm2[0].length;
          after = prose.slice(end, end + 40);
        }
      }
    }
  }
  if (unit !== 'score') {
    const ca = CURRENCY_AFTER.exec(after);
    if (ca) {
      unit = 'money';
      unitWord = ca[0].trim().toLowerCase();
      end += ca[0].length;
    } else {
      for (const [re, u, w] of UNIT_AFTER) {
        const m = re.exec(after);
        if (m) {
          // "14,100 – including" is not a range; "5 m" must be a metre only after digits
          if (u === 'length' && METRE.test(m[0]) && !t.num) break;
          unit = u;
          unitWord = w || m[0].replace(LEADING_JOINERS, '').toLowerCase().replace(FINAL_S, '');
          end += m[0].length;
          break;
        }
      }
    }
  }
  return { value, end, after, scaleWord, scaleEnd: scaleWord ? tEnd + (sm ? sm[0].length : 0) : tEnd, unit, unitWord, start, high, second };
}

/** A figure's number with what follows it (measureFigure). */
interface Measured {
  value: number;
  end: number;
  after: string;
  scaleWord?: string;
  /** Where its value's text ends (after the scale word, if any). */
  scaleEnd: number;
  unit: FigureUnit;
  unitWord?: string;
  start: number;
  high?: number;
  second?: number;
}

/** The figure read at token i, given what follows its number, added to `out` unless it is none; returns the index of the last token it takes. */
function describeFigure(prose: string, sentence: Sentence, i: number, t: Token, tEnd: number, words: boolean, before: string, measured: Measured, inDate: (start: number, end: number) => boolean, out: Figure[]): number {
  const toks = sentence.tokens;
  let { end, unit, unitWord, start } = measured;
  const { value, after, scaleWord, high, second } = measured;
  if (unit === 'count' && !words && isYearLike(t) && !scaleWord) return i;
  if (unit === 'count' && !words && inDate(t.start - 12, t.start) && YEAR_AFTER.test(after)) return i;
  if (unit === 'count' && t.num && i > 0 && MONTH_SET.has(toks[i - 1].key)) return i;
  // Ages written after a name: "Robert Haney, 56,"
  if (unit === 'count' && t.num && value < 120 && NAME_AND_COMMA.test(before) && AGE_END.test(after)) {
    unit = 'age';
    unitWord = 'year-old';
  }
  if (AGED_BEFORE.test(before)) {
    unit = 'age';
    unitWord = 'year-old';
  }
  let qualifier: Qualifier = 'exact';
  const beforeQ = prose.slice(Math.max(0, start - 40), start);
  for (const [re, q] of QUALIFIERS) {
    if (re.test(beforeQ)) {
      qualifier = q;
      const m = re.exec(beforeQ)!;
      start -= m[0].length;
      break;
    }
  }
  // A rate: "an hour", "a minute", "per week", "-a-year" (after the unit, or after one counted word)
  const rate = RATE.exec(prose.slice(end, end + 30));
  const per = rate ? rate[1].toLowerCase().replace(FINAL_S, '') : undefined;
  // The counted thing: the first content word after the figure.
  let thing: string | undefined;
  const joinedThing = JOINED_THING.exec(prose.slice(end, end + 30));
  if (joinedThing && unit === 'count') {
    thing = stem(tokenKey(joinedThing[1]));
    end += joinedThing[0].length;
  }
  let j = i + 1;
  while (j < toks.length && toks[j].start < end) j++;
  for (let k = j; !thing && k < Math.min(toks.length, j + 3); k++) {
    const w = toks[k];
    if (prose.slice(toks[k - 1]?.end ?? end, w.start).match(PHRASE_BREAK)) break;
    // ("three years after nearly leaving" counts no thing: what follows "after" is another event.)
    if (TIME_LINKS.has(w.key)) break;
    // (A rate or a sum between the number and its noun is skipped: "five-year £100,000-a-week contract".)
    if (STOPWORDS.has(w.key) || parseNumberText(w.text) !== undefined || isRateOrSum(w.text)) continue;
    thing = w.stem;
    break;
  }
  // The whole noun phrase after the number ("seven Environment Agency flood alerts"): its words, up to a
  // function word or punctuation, so that "five flood alerts" counts the same thing.
  const things: string[] = thing ? [thing] : [];
  for (let k = j; k < Math.min(toks.length, j + 5); k++) {
    const w = toks[k];
    if (k > j && prose.slice(toks[k - 1].end, w.start).match(PHRASE_BREAK)) break;
    if (TIME_LINKS.has(w.key)) break;
    if (isRateOrSum(w.text)) continue;
    if (STOPWORDS.has(w.key) || parseNumberText(w.text) !== undefined) {
      if (k > j) break;
      continue;
    }
    if (!things.includes(w.stem)) things.push(w.stem);
  }
  const valueText = prose.slice(t.start, measured.scaleEnd);
  out.push({
    start,
    end,
    text: prose.slice(start, end),
    valueText: valueText.trim(),
    valueSpan: { start: t.start, end: tEnd },
    value,
    high,
    qualifier,
    unit,
    unitWord,
    per,
    thing,
    things,
    second,
    words,
    sentence: sentence.index,
  });
  while (i + 1 < toks.length && toks[i + 1].start < end) i++;
  return i;
}

/** Do two figures allow a common true value? */
export function figuresAgree(a: Figure, b: Figure): boolean {
  if (a.unit === 'ratio' || b.unit === 'ratio') return Math.abs(a.value - b.value) <= 0.02 * Math.max(a.value, b.value);
  if (a.unit === 'score' || b.unit === 'score') {
    return a.value === b.value && (a.second ?? -1) === (b.second ?? -1);
  }
  // Two ceilings or two floors name their values: "valued at as much as 70m euros" is not the seed's "as
  // much as 200m euros", nor "at least 27 months" its "at least 18 months", though each range holds values
  // of the other. They agree as two approximations would.
  const bounds = (a.qualifier === 'under' || a.qualifier === 'atLeast') && a.qualifier === b.qualifier;
  // Two values written as precisely, with the same qualifier, are two values: "$3bn" is not "$2bn", "over
  // £3m" not "over £2m" (rounding could take each to 2.5-3, but news writes the nearer one).
  if (a.qualifier === b.qualifier && a.high === undefined && b.high === undefined && a.value !== b.value) {
    const sa = roundingSlack(a.valueText, a.value);
    const sb = roundingSlack(b.valueText, b.value);
    if (sa > 0.5 && Math.abs(sa - sb) <= 1e-9 * Math.max(sa, sb)) return false;
  }
  // Two ranges agree end by end: "20–38%" is not "20-25%".
  if (a.high !== undefined && b.high !== undefined && a.qualifier === b.qualifier) {
    const near = (x: number, y: number) => Math.abs(x - y) <= 0.05 * Math.max(Math.abs(x), Math.abs(y));
    return near(a.value, b.value) && near(a.high, b.high);
  }
  const [a0, a1] = interval(bounds ? { ...a, qualifier: 'approx' } : a);
  const [b0, b1] = interval(bounds ? { ...b, qualifier: 'approx' } : b);
  // Touching intervals ("four" ends where "five" begins) do not share a value.
  return a0 < b1 && b0 < a1;
}

export function figureUnitsComparable(a: Figure, b: Figure): boolean {
  if (a.unit !== b.unit) return false;
  if (a.unit === 'money') return normCurrency(a.unitWord) === normCurrency(b.unitWord);
  if (a.unit === 'length' || a.unit === 'weight' || a.unit === 'duration') return a.unitWord === b.unitWord;
  return true;
}

function normCurrency(w: string | undefined): string {
  if (!w) return '';
  if (w === '$' || w.startsWith('dollar')) return '$';
  if (w === '£' || w.startsWith('pound') || w === 'p' || w === 'pence') return '£';
  if (w === '€' || w.startsWith('euro')) return '€';
  return w;
}

const LIST_NAME = "\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*)*";
const LISTED = new RegExp(`\\b([a-z]+)\\s*(?:,|—|–|:)?\\s*(including|such as|like|from|namely)?\\s*((?:${LIST_NAME}\\s*,\\s*)+(?:and\\s+)?${LIST_NAME}(?:\\s*,?\\s+and\\s+${LIST_NAME})?)`, 'gu');
/** What every LISTED match holds: a comma followed by a capitalised name (a cheap test before LISTED). */
const LIST_COMMA = /,\s*(?:and\s+)?\p{Lu}/u;
const COUNT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/**
 * "ministers from pivotal nations, including Türkiye, Palestine, … and Nigeria": a list of three or more
 * names counts its items, at least as many when it says "including". A draft's "seven nations" is then
 * compared with the seed's eight.
 */
export function listFigures(prose: string, sentence: Sentence): Figure[] {
  const out: Figure[] = [];
  const text = prose.slice(sentence.start, sentence.end);
  if (text.length > 2000 || !LIST_COMMA.test(text)) return out;
  for (const m of text.matchAll(LISTED)) {
    const items = m[3].split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter((x) => x.trim());
    if (items.length < 3 || STOPWORDS.has(m[1])) continue;
    const start = sentence.start + m.index + m[0].indexOf(m[3]);
    const end = start + m[3].length;
    const word = COUNT_WORDS[items.length] ?? String(items.length);
    out.push({
      start, end, text: m[3], valueText: word, valueSpan: { start, end }, value: items.length,
      qualifier: m[2] && m[2] !== 'from' ? 'atLeast' : 'exact', unit: 'count', thing: stem(tokenKey(m[1])), things: [stem(tokenKey(m[1]))],
      words: true, implied: true, sentence: sentence.index,
    });
  }
  return out;
}
