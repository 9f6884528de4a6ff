// Property tests (fast-check) over random and adversarial text: extraction and checking never
// throw, every range lies inside the text and covers the text it claims. Fixed seed, bounded runs;
// `npm run fuzz` runs the longer campaign and measures time.
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { SeedIndex } from '../server/src/engine';
import { anyText, assertInvariants, draftText, format, soup } from './fuzz-arbitraries';
import { DRAFT_TEXT, SEED_TEXT } from './robust-helpers';

const SEED = 20231122;
const RUNS = Number(process.env.FACTDESK_FUZZ_RUNS ?? 300);
const seedTexts = new Map([['seed.txt', SEED_TEXT]]);
const index = new SeedIndex();
index.addSeed('seed.txt', SEED_TEXT);
const base = DRAFT_TEXT + '\n' + SEED_TEXT;

describe('fuzz (fixed seed, bounded runs)', () => {
  test('drafts: never throw, ranges inside and covering their text', () => {
    fc.assert(fc.property(draftText(base), format, (text, fmt) => void assertInvariants(text, fmt, index, seedTexts)), { seed: SEED, numRuns: RUNS * 2 });
  });
  test('seeds: random seeds index without throwing and checks against them keep the invariants', () => {
    fc.assert(
      fc.property(fc.oneof(soup(200), anyText(1000)), format, (seed, fmt) => {
        const idx = new SeedIndex();
        idx.addSeed('seed.txt', SEED_TEXT);
        idx.addSeed('random.md', seed, fmt);
        assertInvariants(DRAFT_TEXT, 'markdown', idx, new Map([...seedTexts, ['random.md', seed]]));
      }),
      { seed: SEED + 1, numRuns: Math.ceil(RUNS / 2) },
    );
  });
  test('a seed and a draft from the same soup (so that they align)', () => {
    fc.assert(
      fc.property(soup(150), soup(150), (a, b) => {
        const idx = new SeedIndex();
        idx.addSeed('a.txt', a + ' ' + b);
        assertInvariants(b + ' ' + a, 'plaintext', idx, new Map([['a.txt', a + ' ' + b]]));
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });
});
