// Reading a text: its date line, which characters are prose, its sentences and their tokens.
// Offsets are always UTF-16 indices into the original text; comparisons use NFC, lower-cased keys
// computed per token, so no offset is ever taken from a normalised or lower-cased string.

import { TITLE_HEADS, TITLE_MODIFIERS } from './lexicon';

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
  /** NFC, lower case, curly apostrophes straightened, possessive 's removed. */
  key: string;
  /** A light stem of key, for matching inflected content words. */
  stem: string;
  cap: boolean;
  num: boolean;
}

export interface Sentence extends Span {
  index: number;
  text: string;
  tokens: Token[];
  /** True when the sentence is a Markdown heading or a title line. */
  heading: boolean;
}

export interface ParsedText {
  raw: string;
  /** Same length as raw: non-prose characters (Markdown syntax, front matter, code) are blanked. */
  prose: string;
  /** ISO date (YYYY-MM-DD) from a dateline or front matter, if any. */
  date?: string;
  sentences: Sentence[];
}

export type TextFormat = 'markdown' | 'plaintext';

const DATELINE = /^\uFEFF?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?=[ \t\r\n]|$)/;
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const FM_DATE = /^date:[ \t]*["']?(\d{4}-\d{2}-\d{2})/m;

function isValidIsoDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Marks [start, end) as not prose: its characters other than line ends become spaces (blankedText). */
function blank(blanked: Uint8Array, start: number, end: number): void {
  blanked.fill(1, start, Math.min(end, blanked.length));
}

/** The text with its blanked characters, other than line ends, replaced by spaces (same offsets). */
function blankedText(raw: string, blanked: Uint8Array): string {
  // (Code units in, code units out: a lone surrogate stays as it was. Built in chunks, as fromCharCode
  // takes its arguments on the stack; slices and replacements of each run cost more on Markdown that
  // blanks every few characters.)
  const n = raw.length;
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    codes[i] = blanked[i] === 1 && c !== 10 && c !== 13 ? 32 : c;
  }
  const parts: string[] = [];
  for (let i = 0; i < n; i += 8192) parts.push(String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]));
  return parts.join('');
}

/** Finds the text's date header, blanks it, and returns the date. */
function takeHeader(raw: string, blanked: Uint8Array): string | undefined {
  const fm = FRONT_MATTER.exec(raw);
  if (fm) {
    blank(blanked, 0, fm[0].length);
    const d = FM_DATE.exec(fm[1]);
    return d && isValidIsoDate(d[1]) ? d[1] : undefined;
  }
  const dl = DATELINE.exec(raw);
  if (dl) {
    blank(blanked, 0, dl[0].length);
    return isValidIsoDate(dl[1]) ? dl[1] : undefined;
  }
  return undefined;
}

function blankMatches(raw: string, blanked: Uint8Array, re: RegExp, group?: number): void {
  re.lastIndex = 0;
  for (const m of raw.matchAll(re)) {
    if (group === undefined) blank(blanked, m.index, m.index + m[0].length);
    else {
      const inner = m.index + m[0].indexOf(m[group]);
      blank(blanked, m.index, inner);
      blank(blanked, inner + m[group].length, m.index + m[0].length);
    }
  }
}

/**
 * Blanks images and the syntax of links, keeping link text: what /!\[[^\]\n]*\]\([^)\n]*\)/g and
 * /\[([^\]\n]+)\](?:\([^)\n]*\)|\[[^\]\n]*\])/g matched, in linear time: as regular expressions,
 * a long line of unclosed "[a](" rescanned the rest of the line from every bracket (quadratic).
 */
function maskLinks(raw: string, blanked: Uint8Array): void {
  if (!raw.includes('[')) return;
  const n = raw.length;
  // The first "]" (or ")") at or after each index, stopping at a line end.
  const nextBracket = new Int32Array(n + 1);
  const nextParen = new Int32Array(n + 1);
  nextBracket[n] = n;
  nextParen[n] = n;
  for (let i = n - 1; i >= 0; i--) {
    const c = raw.charCodeAt(i);
    nextBracket[i] = c === 93 || c === 10 ? i : nextBracket[i + 1];
    nextParen[i] = c === 41 || c === 10 ? i : nextParen[i + 1];
  }
  const at = (i: number) => (i < n ? raw[i] : '');
  const closeParen = (j: number) => (j < n && at(j) === '(' && at(nextParen[j + 1]) === ')' ? nextParen[j + 1] : -1);
  for (let i = raw.indexOf('!['); i >= 0; ) {
    const j = nextBracket[i + 2];
    const k = at(j) === ']' ? closeParen(j + 1) : -1;
    if (k >= 0) blank(blanked, i, k + 1);
    i = raw.indexOf('![', k >= 0 ? k + 1 : i + 1);
  }
  for (let i = raw.indexOf('['); i >= 0; ) {
    const j = nextBracket[i + 1];
    let k = -1;
    if (j > i + 1 && at(j) === ']') {
      k = closeParen(j + 1);
      if (k < 0 && at(j + 1) === '[' && at(nextBracket[j + 2]) === ']') k = nextBracket[j + 2];
    }
    if (k >= 0) {
      blank(blanked, i, i + 1);
      blank(blanked, j, k + 1);
    }
    i = raw.indexOf('[', k >= 0 ? k + 1 : i + 1);
  }
}

/** Emphasis marks: asterisks, underscores outside a word, strikethrough (a module constant: the bundler writes a literal with Unicode property escapes as `new RegExp(...)`, which a function would build again at every call). */
const EMPHASIS = /\*{1,3}|(?<![\p{L}\p{N}])_{1,3}|_{1,3}(?![\p{L}\p{N}])|~~/gu;

/** Blanks Markdown syntax so that only prose is left, at the same offsets. */
function maskMarkdown(raw: string, blanked: Uint8Array): void {
  blankMatches(raw, blanked, /^[ \t]*(```|~~~)[^\n]*\n[\s\S]*?(?:^[ \t]*\1[^\n]*$|(?![\s\S]))/gm);
  blankMatches(raw, blanked, /<!--[\s\S]*?(?:-->|$(?![\s\S]))/g);
  blankMatches(raw, blanked, /`[^`\n]+`/g);
  maskLinks(raw, blanked);
  blankMatches(raw, blanked, /^[ \t]{0,3}\[[^\]\n]+\]:[^\n]*$/gm);
  blankMatches(raw, blanked, /<\/?[A-Za-z][^<>\n]*>/g);
  blankMatches(raw, blanked, /\bhttps?:\/\/[^\s<>)]+/g);
  blankMatches(raw, blanked, /^[ \t]{0,3}(?:#{1,6}(?=[ \t]|$)|>+|[-*+](?=[ \t])|\d{1,3}[.)](?=[ \t]))/gm);
  blankMatches(raw, blanked, /^[ \t]*(?:[-*_][ \t]*){3,}$/gm);
  blankMatches(raw, blanked, EMPHASIS);
  blankMatches(raw, blanked, /\|/g);
}

const ABBREVIATIONS = new Set(
  (
    'mr mrs ms mssrs messrs dr prof st sr jr gen gov sen rep lt col capt sgt maj adm cmdr rev hon pres supt insp det ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc corp co ltd bros mt ft op vol fig approx est dept univ'
  ).split(' '),
);

// Regular expressions with Unicode property escapes are module constants: the bundler writes such a literal
// as \`new RegExp(...)\`, which a function would build again at every call.
const SENTENCE_START = /[\p{Lu}\p{N}"'“‘(\[]/u;
const LETTER_OR_DOT = /[\p{L}.]/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const DIGIT = /\p{N}/u;
const CAPITAL = /\p{Lu}/u;
const DOTTED_LETTERS = /^(?:\p{L}\.)+\p{L}$/u;
const CAPITALISED_WORD = /\p{Lu}\p{Ll}/u;

const TWO_WORDS = /^([\p{L}-]+)\s+([\p{L}-]+)?/u;

/**
 * Does an office start at index k ("President", "Foreign Secretary")? After a country's dotted letters it
 * is the country's office, no new sentence: "U.S. President Joe Biden", "U.K. Foreign Secretary".
 */
function officeAt(text: string, k: number): boolean {
  const m = TWO_WORDS.exec(text.slice(k, k + 60));
  if (!m) return false;
  const first = m[1].toLowerCase();
  return TITLE_HEADS.has(first) || (TITLE_MODIFIERS.has(first) && m[2] !== undefined && TITLE_HEADS.has(m[2].toLowerCase()));
}

/** Does a sentence end at the terminator at index i of text? */
function endsSentence(text: string, i: number): number | undefined {
  const ch = text[i];
  let j = i + 1;
  if (ch === '.' && text[j] === '.') return undefined; // ellipsis written as dots is handled at its last dot
  while (j < text.length && /["'”’)\]]/.test(text[j])) j++;
  if (j < text.length && !/\s/.test(text[j])) return undefined;
  let k = j;
  while (k < text.length && /\s/.test(text[k])) k++;
  if (k >= text.length) return j;
  const next = text[k];
  if (!SENTENCE_START.test(next)) return undefined;
  if (ch === '.') {
    let w = i - 1;
    while (w >= 0 && LETTER_OR_DOT.test(text[w])) w--;
    const word = text.slice(w + 1, i);
    if (word.length > 0) {
      const lower = word.toLowerCase();
      // (Not an acronym in capitals: "patients with MS. Final approval" ends at "MS.", which is no "Ms.")
      if (ABBREVIATIONS.has(lower) && !(word.length > 1 && word === word.toUpperCase() && !word.includes('.'))) {
        // "Nov. 11" and "Mr. Cameron" continue; an abbreviation at a real sentence end is rare.
        return undefined;
      }
      // An initial: "J. Smith" (not the letter of "3G." or "4G.", which ends a sentence)
      if (ONE_CAPITAL.test(word) && CAPITAL.test(next) && !(w >= 0 && DIGIT.test(text[w]))) return undefined;
      // "U.S. officials"; nor a bracket that holds initials alone: "Philip Roth (U.S.) Muriel Spark (U.K.)" is one list.
      if (DOTTED_LETTERS.test(word) && (!CAPITALISED_WORD.test(text.slice(k, k + 2)) || (text[i + 1] === ')' && text[w] === '(') || officeAt(text, k))) return undefined;
    }
  }
  return j;
}

// (".-" joins too: "U.S.-China" is one word, as "US-China" is.)
const TOKEN = /\p{N}+(?:[.,:]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:(?:['’\-&]|\.-?)[\p{L}\p{M}\p{N}]+)*/gu;

export function tokenKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$/, '')
    .replace(/'$/, '')
    .replace(DOTTED_INITIALS, (m) => m.replace(/\./g, ''));
}

const COMBINING_MARKS = /\p{M}/gu;

const NON_ASCII = /[^\x00-\x7f]/;

/** A key's letters without their accents ("thérèse" -> "therese"): plain-text copy often drops them. */
function withoutAccents(key: string): string {
  return key.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/** Two keys that are the same letters, with or without accents ("brégeon", "bregeon"). */
function sameLetters(a: string, b: string): boolean {
  return a === b || ((NON_ASCII.test(a) || NON_ASCII.test(b)) && withoutAccents(a) === withoutAccents(b));
}

/**
 * One name spelt alike: the same letters with or without accents ("Thérèse", "Therese"), or in another of the
 * usual romanisations ("Viktor Yanukovich", "Viktor Yanukovych").
 */
export function spelledAlike(a: string, b: string): boolean {
  return sameLetters(a, b) || romanised(a) === romanised(b);
}

/**
 * A name in one of the usual romanisations of a Cyrillic or Arabic one, folded: "Yanukovych" and
 * "Yanukovich", "Zelenskyy" and "Zelensky", "Khodorkovsky" and "Hodorkovsky", "Rostropovitch" and
 * "Rostropovich". (A doubled letter is left a slip: "Westfallen" is no spelling of "Westfalen".)
 */
function romanised(key: string): string {
  // (Remembered: the name checks compare the same few names again and again.)
  let folded = romanisedKeys.get(key);
  if (folded === undefined) {
    folded = key
      .replace(/ych\b/g, 'ich')
      .replace(/(?:iy|yy|ii)\b/g, 'y')
      .replace(/kh/g, 'h')
      .replace(/tch/g, 'ch');
    if (romanisedKeys.size >= 20000) romanisedKeys.clear();
    romanisedKeys.set(key, folded);
  }
  return folded;
}
const romanisedKeys = new Map<string, string>();

/** Is `b` the plural of `a` ("x-ray", "x-rays"; "match", "matches")? */
function pluralOf(a: string, b: string): boolean {
  return b.startsWith(a) && (b.length === a.length + 1 ? b.endsWith('s') : b.length === a.length + 2 && b.endsWith('es'));
}

/** The same words, some in the plural in one and the singular in the other ("x-rays for tb", "x-ray for tb")? */
export function sameWordsButNumber(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.some((t, i) => t !== b[i]) && a.every((t, i) => t === b[i] || pluralOf(t, b[i]) || pluralOf(b[i], t));
}

/** Initials written with full stops, alone or in a compound ("U.K", "China-U.K"): one word with "UK". */
const DOTTED_INITIALS = /(?<![\p{L}\p{N}.])(?:\p{L}\.)+\p{L}(?:\.(?=-))?(?![\p{L}\p{N}.])/gu;

export function stem(key: string): string {
  if (key.length <= 3 || /\d/.test(key)) return key;
  let s = key;
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('es') && /(?:ch|sh|x|z|ss)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith('ed') && s.length > 4) s = s.slice(0, -2);
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(s)) s = s.slice(0, -1);
  return s;
}

export interface WordForm {
  readonly key: string;
  readonly stem: string;
  readonly cap: boolean;
  readonly num: boolean;
  // What the readers of a sentence work out from a word alone, once per word form (facts.ts, people.ts, figures.ts):
  /** The alignment term. */
  term?: string;
  /** Can a title phrase start at the word? */
  titleStart?: boolean;
  /** Can a figure start at the word (a number, or a number word joined to what it measures)? */
  figureStart?: boolean;
  /** The text (by a number of facts.ts's) whose lower-case words last took this word's key. */
  lowerIn?: number;
  /** Which of the tests of words dates.ts tells its cues by the word matches (bits). */
  dateCues?: number;
}
export const STARTS_CAPITAL = /^\p{Lu}/u;
const STARTS_NUMBER = /^\p{N}/u;
/** Key, stem and case of each word form seen, so that a word is normalised once, not at every occurrence. */
const wordForms = new Map<string, WordForm>();

function wordForm(t: string): WordForm {
  let f = wordForms.get(t);
  if (f === undefined) {
    const key = tokenKey(t);
    // Every field is set here, so that all word forms share one shape (the readers fill the others in later).
    f = {
      key,
      stem: stem(key),
      cap: STARTS_CAPITAL.test(t),
      num: STARTS_NUMBER.test(t),
      term: undefined,
      titleStart: undefined,
      figureStart: undefined,
      lowerIn: undefined,
      dateCues: undefined,
    };
    if (wordForms.size >= 50000) wordForms.clear();
    wordForms.set(t, f);
  }
  return f;
}

/** Forgets the words read so far (after a build: an archive's vocabulary, up to 50,000 words and 10 MB, is not its drafts'). */
export function forgetWordForms(): void {
  wordForms.clear();
}

export function tokenize(text: string, offset = 0, forms?: WordForm[]): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    const t = m[0];
    const f = wordForm(t);
    forms?.push(f);
    tokens.push({
      text: t,
      key: f.key,
      stem: f.stem,
      start: offset + m.index,
      end: offset + m.index + t.length,
      cap: f.cap,
      num: f.num,
    });
  }
  return tokens;
}

/**
 * A sentence read from its text keeps the word forms of its tokens under a symbol (which JSON leaves out),
 * so that what depends on a word alone is worked out once per word, not looked up again per token.
 */
const FORMS = Symbol('forms');

/** The word forms of a sentence's tokens, if it was read by parseText. */
export function formsOf(s: Sentence): readonly WordForm[] | undefined {
  return (s as Sentence & { [FORMS]?: WordForm[] })[FORMS];
}

const tokenCache = new Map<Sentence, Token[]>();

/**
 * A sentence of a text held long (a seed): it keeps its place in the text, and reads its text and tokens
 * again from the text when asked, exactly as the parser read them (a few thousand sentences keep their
 * tokens in a cache). The index holds many thousands of sentences; a check reads the tokens of a few hundred.
 */
export class HeldSentence implements Sentence {
  constructor(
    readonly index: number,
    readonly start: number,
    readonly end: number,
    readonly heading: boolean,
    private readonly source: { readonly raw: string; readonly prose: string },
  ) {}

  get text(): string {
    return this.source.raw.slice(this.start, this.end);
  }

  get tokens(): Token[] {
    let tokens = tokenCache.get(this);
    if (tokens === undefined) {
      tokens = tokenize(this.source.prose.slice(this.start, this.end), this.start);
      if (tokenCache.size >= 20000) tokenCache.clear();
      tokenCache.set(this, tokens);
    }
    return tokens;
  }

  /** Plain data, as a sentence read afresh serialises (its tokens included). */
  toJSON(): Sentence {
    return { index: this.index, start: this.start, end: this.end, text: this.text, tokens: this.tokens, heading: this.heading };
  }
}

const TERMINATOR = /[.!?…]/g;

/** Splits prose into blocks (paragraphs, headings, list items) and those into sentences. */
function splitSentences(raw: string, prose: string, markdown: boolean): Sentence[] {
  const sentences: Sentence[] = [];
  const blockRe = /[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*/g;
  for (const block of prose.matchAll(blockRe)) {
    const lines: Array<{ start: number; end: number; heading: boolean }> = [];
    // A Markdown heading, list item or a short title line is a block of its own.
    let lineStart = block.index;
    const blockEnd = block.index + block[0].length;
    const rawLines = raw.slice(block.index, blockEnd).split('\n');
    let cur: { start: number; end: number; heading: boolean } | undefined;
    for (const line of rawLines) {
      const end = lineStart + line.length;
      const isHeading = markdown && /^[ \t]{0,3}#{1,6}[ \t]/.test(line);
      const isItem = markdown && /^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]/.test(line);
      if (isHeading || isItem || !cur) {
        if (cur) lines.push(cur);
        cur = { start: lineStart, end, heading: isHeading };
        if (isHeading) {
          lines.push(cur);
          cur = undefined;
        }
      } else cur.end = end;
      lineStart = end + 1;
    }
    if (cur) lines.push(cur);
    for (const part of lines) {
      const text = prose.slice(part.start, part.end);
      let sStart = 0;
      const push = (a: number, b: number) => {
        while (a < b && /\s/.test(text[a])) a++;
        while (b > a && /\s/.test(text[b - 1])) b--;
        if (b <= a) return;
        const start = part.start + a;
        const end = part.start + b;
        const sText = raw.slice(start, end);
        const forms: WordForm[] = [];
        const tokens = tokenize(prose.slice(start, end), start, forms);
        if (tokens.length === 0) return;
        sentences.push({ index: sentences.length, start, end, text: sText, tokens, heading: part.heading, [FORMS]: forms } as Sentence);
      };
      // (The terminators are found by a search, not by a test of every character.)
      TERMINATOR.lastIndex = 0;
      for (let t = TERMINATOR.exec(text); t !== null; t = TERMINATOR.exec(text)) {
        const after = endsSentence(text, t.index);
        if (after !== undefined) {
          push(sStart, after);
          sStart = after;
        }
      }
      push(sStart, text.length);
    }
  }
  return sentences;
}

/** The text's prose (non-prose characters blanked, same offsets) and its header date. */
export function proseOf(raw: string, format: TextFormat = 'plaintext'): { prose: string; date?: string } {
  const markdown = format === 'markdown';
  // Most seeds are plain text without a header: their prose is the text itself.
  if (!markdown && !FRONT_MATTER.test(raw) && !DATELINE.test(raw)) return { prose: raw };
  const blanked = new Uint8Array(raw.length);
  const date = takeHeader(raw, blanked);
  if (markdown) maskMarkdown(raw, blanked);
  return { prose: blankedText(raw, blanked), date };
}

export function parseText(raw: string, format: TextFormat = 'plaintext'): ParsedText {
  const { prose, date } = proseOf(raw, format);
  return { raw, prose, date, sentences: splitSentences(raw, prose, format === 'markdown') };
}

export function formatOf(path: string | undefined, languageId?: string): TextFormat {
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'plaintext') return 'plaintext';
  return path && /\.(md|markdown|mdx)$/i.test(path) ? 'markdown' : 'plaintext';
}

/**
 * A test "does [start, end) overlap any of these spans?" in logarithmic time (spans sorted by start,
 * with the running maximum of their ends), for loops that asked it of every token.
 */
export function overlapTester(spans: readonly Span[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  let m = -Infinity;
  for (const sp of sorted) maxEnd.push((m = Math.max(m, sp.end)));
  return (start, end) => {
    // the last span starting before `end`
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1] > start;
  };
}

/** 0-based line and UTF-16 character of an offset, as LSP counts them. */
export class LineMap {
  private readonly starts: number[] = [0];
  /** Where each line's text ends (before its "\n" or "\r\n"). */
  private readonly ends: number[] = [];
  private readonly length: number;
  constructor(text: string) {
    this.length = text.length;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) {
        this.ends.push(i > 0 && text.charCodeAt(i - 1) === 13 ? i - 1 : i);
        this.starts.push(i + 1);
      }
    }
    this.ends.push(text.length);
  }
  /** The position of an offset; offsets outside the text are clamped to it. */
  position(offset: number): { line: number; character: number } {
    offset = Number.isNaN(offset) ? 0 : Math.max(0, Math.min(Math.floor(offset), this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }
  /**
   * The offset of a position, as LSP reads one: a character past the line's end means the line's
   * end (never the next line), a line past the last means the text's end, a negative one its start.
   */
  offset(pos: { line: number; character: number }): number {
    const line = Number.isNaN(pos.line) ? 0 : Math.floor(pos.line);
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.length;
    const character = Number.isNaN(pos.character) ? 0 : Math.max(0, Math.floor(pos.character));
    return Math.min(this.starts[line] + character, this.ends[line]);
  }
}

/**
 * The string, in memory of its own. V8 keeps a piece cut from a longer string (slice, a regex match) as a
 * view of the whole, and a string built by concatenation or replace as a chain of the pieces, so one kept
 * piece keeps all the text it came from: a seed sentence's quote kept as evidence would keep the tens of
 * kilobytes of seeds decompressed with it. This copies the characters once into a string of their own
 * (adding a character and cutting it off again makes V8 flatten the chain into a new string).
 */
export function detached(s: string): string {
  return s.length < 2 ? s : (' ' + s).slice(1);
}

/** The first i in [0, n) for which pred holds, pred being false then true along i; n if none. */
export function firstIndex(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
