// npm run fuzz -- [--runs N] [--seed S] [--size BYTES]
// A longer fuzz campaign than the test suite's: the same invariants (never throw; every range inside
// the text and covering its text) over more and longer random drafts and seeds, then a time check:
// adversarial drafts of n and 4n characters (the ratio shows anything worse than linear) and of
// 1 MB (the goal: under a second each). Prints how many cases ran and every failure; exit 1 if any.
import fc from 'fast-check';
import { SeedIndex, checkDraft, type TextFormat } from '../server/src/engine';
import { anyText, assertInvariants, draftText, format, markdownProse, soup } from '../test/fuzz-arbitraries';
import { DRAFT_TEXT, SEED_TEXT } from '../test/robust-helpers';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number(process.env[`FACTDESK_FUZZ_${name.toUpperCase()}`] ?? fallback);
  return Number.isFinite(v) ? v : fallback;
}
const runs = arg('runs', 2000);
const seed = arg('seed', Date.now() % 2 ** 31);
const size = arg('size', 1_000_000);
const base = DRAFT_TEXT + '\n' + SEED_TEXT;
const seedTexts = new Map([['seed.txt', SEED_TEXT]]);
const index = new SeedIndex();
index.addSeed('seed.txt', SEED_TEXT);

let failures = 0;
let cases = 0;
function campaign(name: string, prop: fc.IProperty<unknown>, numRuns: number, s: number): void {
  const t0 = performance.now();
  const r = fc.check(prop, { seed: s, numRuns });
  cases += r.numRuns;
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.failed) {
    failures++;
    console.log(`FAIL ${name}: ${r.numRuns} cases, ${secs} s, seed ${s}, path ${r.counterexamplePath}`);
    console.log(`  counterexample: ${JSON.stringify(r.counterexample).slice(0, 600)}`);
    console.log(`  error: ${String((r.errorInstance as Error)?.message ?? r.errorInstance).split('\n')[0]}`);
  } else console.log(`ok   ${name}: ${r.numRuns} cases, ${secs} s`);
}

console.log(`fuzz campaign: seed ${seed}, ${runs} runs per property\n`);
campaign('drafts (soup, all planes, nesting, mutated and Markdown prose)', fc.property(draftText(base), format, (t, f) => void assertInvariants(t, f, index, seedTexts)), runs, seed);
campaign('long drafts (soup of up to 3,000 fragments)', fc.property(soup(3000, 'max'), format, (t, f) => void assertInvariants(t, f, index, seedTexts)), Math.ceil(runs / 10), seed + 1);
campaign('Markdown-wrapped prose', fc.property(markdownProse(base), (t) => void assertInvariants(t, 'markdown', index, seedTexts)), runs, seed + 2);
campaign(
  'random seeds',
  fc.property(fc.oneof(soup(400), anyText(3000)), format, (s, f) => {
    const idx = new SeedIndex();
    idx.addSeed('seed.txt', SEED_TEXT);
    idx.addSeed('random.md', s, f);
    assertInvariants(DRAFT_TEXT, 'markdown', idx, new Map([...seedTexts, ['random.md', s]]));
  }),
  Math.ceil(runs / 2),
  seed + 3,
);
campaign(
  'seed and draft from one soup',
  fc.property(soup(300, 'medium'), soup(300, 'medium'), (a, b) => {
    const idx = new SeedIndex();
    idx.addSeed('a.txt', a + ' ' + b);
    assertInvariants(b + ' ' + a, 'plaintext', idx, new Map([['a.txt', a + ' ' + b]]));
  }),
  runs,
  seed + 4,
);
console.log(`\n${cases} cases, ${failures} failing properties\n`);

// ---- time: linear growth, and 1 MB adversarial drafts ---------------------------------------------
const repeat = (unit: string) => (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const ADVERSARIAL: Record<string, (n: number) => string> = {
  'news prose': repeat(DRAFT_TEXT + '\n' + SEED_TEXT + '\n'),
  'one sentence of figures': repeat('five million ten thousand and 5 per cent of 1,234 people, '),
  'one sentence of dates': repeat('Nov. 11, 2023 and Wednesday '),
  'titles and names': repeat('Prime Minister David Cameron and Foreign Minister Hakan Fiden met '),
  'unclosed links': repeat('[a]('),
  'emphasis soup': repeat('*_~`[!'),
  'digit run': repeat('1'),
  'digits and separators': repeat('1.2,3:'),
  'initials': repeat('A. '),
  'title words': repeat('British foreign deputy '),
  'capitalised run': repeat('Foo Bar Baz '),
  'quotes': repeat('"\'“‘(«'),
  'html and comments': repeat('<a <!-- '),
  'headings and lists': repeat('# A\n- b\n1. c\n'),
  'RTL and marks': repeat('وزير الخارجية e\u0301 שלום \u200f'),
  'astral': repeat('𝔄𝔅 😀 👩‍👩‍👧 '),
  'newlines': repeat('\n'),
  'CRLF prose': repeat('Hakan Fidan said 5,800 people died on Nov. 11.\r\n'),
};
function cpuMs(f: () => void): number {
  const a = process.cpuUsage();
  f();
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1000;
}
const fmt: TextFormat = 'markdown';
const small = Math.max(10_000, Math.floor(size / 8));
console.log(`time (CPU ms, Markdown): ${small / 1000} KB, ${(4 * small) / 1000} KB (ratio; 4 = linear), ${size / 1e6} MB`);
let slow = 0;
// (Every check afresh: a draft of repeated units replays its repeated sentences, up to 2,048 sentences, so
// the small draft would be cheap for a reason that says nothing about how the checks grow.)
const opts = { format: fmt, remember: false };
for (const [name, gen] of Object.entries(ADVERSARIAL)) {
  cpuMs(() => checkDraft(gen(2000), index, opts));
  const a = cpuMs(() => checkDraft(gen(small), index, opts));
  const b = cpuMs(() => checkDraft(gen(4 * small), index, opts));
  const c = cpuMs(() => checkDraft(gen(size), index, opts));
  const ratio = b / Math.max(a, 1);
  // 4x the text should take about 4x the time; 16x would be quadratic. Tiny times are noise.
  const superlinear = ratio > 8 && b > 250;
  const flag = superlinear ? '  SUPERLINEAR?' : c > 1000 ? '  over 1 s' : '';
  if (superlinear) slow++;
  console.log(`${name.padEnd(26)} ${a.toFixed(0).padStart(7)} ${b.toFixed(0).padStart(7)} (${ratio.toFixed(1).padStart(4)}) ${c.toFixed(0).padStart(7)}${flag}`);
}
if (slow) console.log(`\n${slow} input shape(s) grew faster than linearly`);
process.exitCode = failures || slow ? 1 : 0;
