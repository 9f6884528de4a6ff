// Random and adversarial texts for the fuzz suite (test/robust-fuzz.test.ts) and the longer
// campaign (npm run fuzz), and the invariants every extraction and check must keep.
import fc from 'fast-check';
import { checkDraft, extractFacts, type SeedIndex, type TextFormat } from '../server/src/engine';

/** News words the engine reads as names, titles, dates and figures. */
const NEWS = [
  'Foreign', 'Minister', 'Hakan', 'Fidan', 'Fiden', 'David', 'Cameron', 'Prime', 'Secretary', 'British', 'Turkish', 'Mr', 'Mr.',
  'Dr.', 'President', 'former', 'ex-', 'Nov.', 'November', '11', '12', '2023', 'Wednesday', 'Tuesday', 'on', 'the', 'said', 'and',
  'of', 'in', 'London', 'Gaza', 'OIC', 'Arab', 'League', 'Riyadh', 'more than', 'about', '5,800', '6,800', '15,800', 'per cent',
  '%', 'million', 'billion', 'five', 'twenty-one', 'people', 'killed', 'since', 'Oct. 7', 'last month', 'yesterday', 'ago',
  'three ministers — Smith, Jones and Brown', 'U.S.', 'J. Smith', "Britain's", 'St.', '£3.5bn', '$1,000', '1.5m', '40°C',
];
/** Punctuation, Markdown and layout that stress sentence splitting, masking and offsets. */
const PUNCT = [
  ' ', ' ', ' ', '. ', '.', '...', '…', '!', '?', '?!', ',', ';', ':', '—', '–', '-', '--', "'", '’', '"', '“', '”', '‘', '«', '»',
  '(', ')', '[', ']', '](', '![', '[^1]', '*', '**', '***', '_', '__', '~~', '`', '```\n', '~~~\n', '<!--', '-->', '<a href="x">',
  '</a>', '<', '>', '# ', '###### ', '\n', '\n\n', '\r\n', '\r', '> ', '- ', '* ', '1. ', '12) ', '|', '---\n', '***\n', '\t',
  'date 2023-11-22 ', '---\ndate: 2023-11-22\n---\n', 'http://example.invalid/a_(b)', '[x]: http://y', '\\', '&amp;', '@', '#',
];
/** Scripts, marks and code points that break naive string handling. */
const UNICODE = [
  'مرحبا', 'وزير الخارجية', 'שלום', '\u200f', '\u200e', '\u202e', '\u2066', 'e\u0301', '\u0301\u0301\u0301', 'Z\u0351\u0352\u0353',
  '😀', '𝔄𝔅ℭ', '👩‍👩‍👧', '🇹🇷', '\u200b', '\u200d', '\ufeff', '\ud800', '\udc00', '\u00a0', '\u2028', '\u2029', '東京都', '한국',
  'İstanbul', 'İ', 'ß', 'ﬁ', 'Ǆ', 'ΣΑΣ', '٣٤٥', '१२३', '𝟙𝟚𝟛', '\u0000', '\u0007', '\u001b[31m', '\uffff', '\ufffd', 'Ⅻ',
];
const DIGIT_RUNS = ['1'.repeat(40), '9'.repeat(200), '1,000,000,000,000,000', '0.0000001', '1.2.3.4.5.6.7.8', '12:34:56', '2023-11-22', '31/12/2023', '٣'.repeat(30)];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NEWS) },
  { weight: 4, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 1, arbitrary: fc.constantFrom(...DIGIT_RUNS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);

/** Token soup: news words, punctuation, Markdown, scripts and code points in any order. */
export const soup = (maxLength = 300, size: fc.SizeForArbitrary = 'small') => fc.array(fragment, { maxLength, size }).map((parts) => parts.join(''));

/** Any code points of all planes (including lone surrogates as UTF-16 units). */
export const anyText = (maxLength = 2000) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength }),
  );

const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}', '“': '”', '‘': '’', '«': '»' };

/** Nested quotes and brackets, unbalanced. */
export const nested = fc
  .array(fc.constantFrom('"', '“', '‘', "'", '«', '(', '[', '{', '*', '_', '`'), { minLength: 1, maxLength: 60 })
  .chain((open) => fc.tuple(fc.constant(open), fc.constantFrom(...NEWS), fc.boolean()))
  .map(([open, word, close]) => open.join('') + word + (close ? [...open].reverse().map((c) => CLOSE[c] ?? c).join('') : '') + '.');

/** Real sentences with fragments spliced in at random places. */
export const mutatedProse = (base: string) =>
  fc.array(fc.tuple(fc.nat(base.length), fc.nat(30), fragment), { maxLength: 20 }).map((edits) => {
    let t = base;
    for (const [at, del, ins] of edits) t = t.slice(0, at % (t.length + 1)) + ins + t.slice((at % (t.length + 1)) + (del % 5));
    return t;
  });

const MARKS: Array<[string, string]> = [['**', '**'], ['*', '*'], ['_', '_'], ['__', '__'], ['~~', '~~'], ['`', '`'], ['[', '](http://x.invalid)'], ['[', '][1]'], ['<b>', '</b>'], ['![', '](i.png)'], ['<!--', '-->']];

/** Real prose with Markdown emphasis, links and code wrapped around random words (ranges must still cover raw text). */
export const markdownProse = (base: string) =>
  fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...MARKS)), { minLength: 1, maxLength: 30 }).map((wraps) => {
    const words = base.split(/(\s+)/);
    for (const [at, len, [open, close]] of wraps) {
      const i = (at % Math.ceil(words.length / 2)) * 2;
      const j = Math.min(words.length - 1, i + len * 2);
      words[i] = open + words[i];
      words[j] = words[j] + close;
    }
    return words.join('');
  });

export const draftText = (base: string) =>
  fc.oneof(
    { weight: 3, arbitrary: soup() },
    { weight: 2, arbitrary: anyText() },
    { weight: 1, arbitrary: nested },
    { weight: 3, arbitrary: mutatedProse(base) },
    { weight: 3, arbitrary: markdownProse(base) },
  );

export const format = fc.constantFrom<TextFormat>('markdown', 'plaintext');

/** Throws (with what was wrong) unless every range extraction and checking gave lies in the text and covers its text. */
export function assertInvariants(text: string, fmt: TextFormat, index: SeedIndex, seedTexts: Map<string, string>): { findings: number; claims: number } {
  const facts = extractFacts(text, fmt);
  const { prose, raw } = facts.parsed;
  if (raw !== text) throw new Error('parsed.raw differs from the text');
  if (prose.length !== text.length) throw new Error(`prose length ${prose.length} != text length ${text.length}`);
  const inside = (what: string, r: { start: number; end: number }, len = text.length) => {
    if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= len)) throw new Error(`${what} range ${r.start}-${r.end} outside 0-${len}`);
  };
  const covers = (what: string, r: { start: number; end: number }, claimed: string, source = prose) => {
    inside(what, r, source.length);
    const got = source.slice(r.start, r.end);
    if (got !== claimed) throw new Error(`${what} range ${r.start}-${r.end} covers ${JSON.stringify(got)}, not its text ${JSON.stringify(claimed)}`);
  };
  for (const sf of facts.sentences) {
    covers('sentence', sf.sentence, sf.sentence.text, raw);
    for (const t of sf.sentence.tokens) covers('token', t, t.text);
    for (const e of sf.entities) covers('entity', e, e.text);
    for (const p of sf.people) {
      covers('person', p.person, p.person.text);
      covers('title', p.title, p.title.text);
    }
    for (const f of sf.figures) {
      covers('figure', f, f.text);
      inside('figure value', f.valueSpan);
    }
    for (const d of sf.dates) covers('date', d, d.text);
  }
  const result = checkDraft(text, index, { format: fmt });
  for (const f of result.findings) {
    covers(`finding ${f.code}`, f.range, f.text, text);
    if (typeof f.expected !== 'string' || typeof f.message !== 'string') throw new Error(`finding ${f.code} without expected/message`);
  }
  for (const c of result.claims) covers(`claim ${c.kind}/${c.status}`, c.range, c.text, text);
  for (const ev of [...result.findings, ...result.claims].flatMap((x) => x.evidence)) {
    const seed = seedTexts.get(ev.seed);
    if (seed === undefined) throw new Error(`evidence from unknown seed ${ev.seed}`);
    inside('evidence', ev.range, seed.length);
    if (seed.slice(ev.range.start, ev.range.end).replace(/\s+/g, ' ') !== ev.quote) throw new Error(`evidence quote differs from the seed at ${ev.range.start}-${ev.range.end}`);
  }
  return { findings: result.findings.length, claims: result.claims.length };
}
