// Re-checking as a draft is typed: a sentence's checks are remembered and replayed where what they read is
// unchanged. After every edit of a long random sequence (characters and words typed and deleted, names,
// figures and dates changed, sentences added and removed, the draft's date changed, seeds added and
// removed), the re-check must equal a check made afresh: findings and claims alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft, SeedIndex, type CheckOptions } from '../server/src/engine';
import { ROOT, SEED_PATH, SEED_TEXT } from './helpers';

const DIR = join(ROOT, 'test', 'fixtures', 'drafts');
const MARK = /\{\{([^{}|]+)\|(?:name|title|date|figure)\|[^{}]*\}\}/g;

// Invented stories (no real people, places or figures), so that the draft's story has rivals in the index.
const OWN_SEEDS: Array<[string, string]> = [
  [
    '/invented/harbour-strike.txt',
    `date 2024-03-14
Dock workers at Port Vessany walked out on Tuesday after talks with the harbour board collapsed.

Union leader Ilse Brannock, 52, said 1,340 members had voted for the strike, 87% of those balloting.

Harbour board chairman Tomas Ravelle called the walkout "regrettable" and said the board had offered a 4.5% rise.

The strike is the first at Port Vessany since March 2009, when 900 workers stayed out for 11 days.

Mayor Odile Fenwarth urged both sides to return to talks on Friday at the town hall.

About 230 ships a month call at the port, which handles £2.1bn of cargo a year.
`,
  ],
  [
    '/invented/observatory.txt',
    `date 2023-11-20
The Kestrel Ridge Observatory opened its new telescope on Monday, three years after building began.

Director Amaru Quispe-Lindahl said the 4.2-metre mirror cost $38m and took 14 months to polish.

Astronomer Dr Selene Okonkwo-Marsh, 41, will lead the first survey, of 12,000 nearby stars.

The project was funded by the Hollin Foundation and the regional science council.

Chief engineer Bastien Ruel said the dome weighs 310 tonnes and turns in under four minutes.

On 18 November 2023 the team recorded its first image, of the Marsh Nebula.
`,
  ],
  [
    '/invented/cup-final.txt',
    `Riverside Rovers beat Ashgrove Athletic 3-1 in the Valley Cup final on Saturday.

Striker Jonah Pettifer, 23, scored twice before half-time in front of 41,500 fans.

Rovers manager Greta Holmqvist said it was the club's first trophy since 1998.

Athletic captain Rafe Dunmore pulled one back in the 71st minute.

The final was played at Northfield Park, which holds 45,000 people.
`,
  ],
];

const NAMES = ['Hakan Fidan', 'David Cameron', 'Emmanuel Macron', 'Ilse Brannock', 'Tomas Ravelle', 'Odile Fenwarth', 'Jonah Pettifer', 'Greta Holmqvist', 'Rafe Dunmore', 'Amaru Quispe-Lindahl', 'Selene Okonkwo-Marsh', 'Bastien Ruel', 'Fidan', 'Cameron', 'Brannock', 'Mr Ravelle', 'Dr Okonkwo-Marsh', 'Marta Quell', 'Ravelle', 'Pettifer'];
const PLACES = ['London', 'Paris', 'Berlin', 'Riyadh', 'Gaza', 'Port Vessany', 'Kestrel Ridge', 'Northfield Park', 'Ankara', 'Cairo', 'Türkiye', 'the UK', 'Britain'];
const TITLES = ['Foreign Minister', 'Foreign Secretary', 'President', 'Prime Minister', 'chairman', 'union leader', 'manager', 'captain', 'Director', 'chief engineer', 'Mayor', 'striker'];
const FIGURES = ['1,200', '1,400', '14,000', '5,800', '3,900', '1,340', '87%', '4.5%', '900', '11', '230', '£2.1bn', '$38m', '12,000', '310 tonnes', '41,500', '45,000', 'eight', 'nine', '52', '41', '23', '3-1', 'two', 'four'];
const DATES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Nov. 11', 'Nov. 12', 'Oct. 7', '12 November', 'March 2009', '18 November 2023', '1998', '2023', 'last week', 'on Friday'];
const WORDS = ['the', 'said', 'talks', 'held', 'in', 'on', 'with', 'and', 'strike', 'telescope', 'peace', 'minister', 'killed', 'people', 'aged', 'met', 'final', 'scored', 'workers', 'board', 'x', 'Mr', 'former', 'British', 'Turkish', 'French', ',', '—', ':'];
const SENTENCES = [
  'Foreign Secretary David Cameron met Hakan Fidan in London on Wednesday.',
  'Union leader Ilse Brannock, 25, said 1,430 members had voted for the strike.',
  'Harbour board chairman Odile Fenwarth called the walkout regrettable.',
  'The strike is the first at Port Vessany since March 2008, when 900 workers stayed out for 12 days.',
  'Director Amaru Quispe-Lindahl said the 4.2-metre mirror cost $83m.',
  'Striker Rafe Dunmore, 23, scored twice in front of 41,500 fans on Sunday.',
  'Ministers from seven nations — Türkiye, Palestine, Egypt, Jordan, Qatar and Nigeria — met in Riyadh.',
  'Mr Pettifer said the club had waited since 1998.',
  'Cameron later flew to Paris, where Marta Quell met French President Emmanuel Macron.',
  'On Saturday, Nov. 11, 2023 the summit ended.',
  'The Kestrel Ridge Observatory opened on Tuesday, 20 November 2023.',
  '## Talks in Ankara',
  'Israel says about 1,200 people were killed in the Hamas attack on Oct. 7.',
];

/** A small deterministic generator (mulberry32). */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

type Edit = (text: string, rnd: (n: number) => number) => string;

const pick = <T>(xs: readonly T[], rnd: (n: number) => number): T => xs[rnd(xs.length)];

/** Replaces a random match of `re` in the text with `to`. */
function replaceOne(text: string, re: RegExp, to: string, rnd: (n: number) => number): string {
  const hits = [...text.matchAll(re)];
  if (hits.length === 0) return text;
  const m = pick(hits, rnd);
  return text.slice(0, m.index) + to + text.slice(m.index! + m[0].length);
}

const spaces = (text: string) => [...text.matchAll(/ /g)].map((m) => m.index!);

const EDITS: Edit[] = [
  // a character typed anywhere, or deleted
  (t, r) => {
    const at = r(t.length + 1);
    return t.slice(0, at) + pick('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,\n-—\'"#*'.split(''), r) + t.slice(at);
  },
  (t, r) => {
    const at = r(t.length);
    return t.slice(0, at) + t.slice(at + 1 + r(3));
  },
  // a keystroke into a word, as the benchmark types
  (t, r) => {
    const s = spaces(t);
    const at = s.length ? pick(s, r) : 0;
    return t.slice(0, at) + 'x' + t.slice(at);
  },
  // a word typed or deleted
  (t, r) => {
    const s = spaces(t);
    const at = s.length ? pick(s, r) : 0;
    return t.slice(0, at) + ' ' + pick([...WORDS, ...NAMES, ...FIGURES, ...DATES, ...TITLES, ...PLACES], r) + t.slice(at);
  },
  (t, r) => replaceOne(t, / [^\s]+(?= )/g, '', r),
  // a name, an office, a place, a figure, a date changed
  (t, r) => replaceOne(t, /\b\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?/gu, pick(NAMES, r), r),
  (t, r) => replaceOne(t, /\b(?:Foreign (?:Minister|Secretary)|President|Prime Minister|chairman|manager|captain|Director|Mayor)\b/g, pick(TITLES, r), r),
  (t, r) => replaceOne(t, /\b(?:London|Paris|Berlin|Riyadh|Gaza|Ankara|Cairo|Port Vessany|Türkiye)\b/g, pick(PLACES, r), r),
  (t, r) => replaceOne(t, /[£$]?\d[\d,.]*(?:%|bn|m)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b/g, pick(FIGURES, r), r),
  (t, r) => replaceOne(t, /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Nov|Oct)\. \d+|\d+ November|(?:19|20)\d\d)\b/g, pick(DATES, r), r),
  // a sentence added or removed
  (t, r) => {
    const breaks = [0, ...[...t.matchAll(/\n\n/g)].map((m) => m.index! + 2), t.length];
    const at = pick(breaks, r);
    return t.slice(0, at) + pick(SENTENCES, r) + (at === t.length ? '\n' : '\n\n') + t.slice(at);
  },
  (t, r) => {
    const sentences = [...t.matchAll(/[^.\n]*[.!?](?:\s+|$)/g)];
    if (sentences.length < 2) return t;
    const m = pick(sentences, r);
    return t.slice(0, m.index) + t.slice(m.index! + m[0].length);
  },
  // the draft's own date changed
  (t, r) => replaceOne(t, /^date: \d{4}-\d\d-\d\d/gm, `date: ${pick(['2023-11-22', '2023-11-29', '2024-03-14', '2023-10-07'], r)}`, r),
];

function indexOf(own: number, rivals = 0): SeedIndex {
  const index = new SeedIndex();
  // (Rival seeds of common words first, so that a draft sentence's retrieval is cut off before its own
  // story's sentences and those are scored as the story's: see checkDraft.)
  for (let i = 0; i < rivals; i++) index.addSeed(`/invented/rival-${i}.txt`, `A man from Northfield was sentenced on Friday to ${i + 20} years, the court said. Talks with ministers were held in London on Wednesday, ${i + 2} officials said.`);
  index.addSeed(SEED_PATH, SEED_TEXT);
  for (const [path, text] of OWN_SEEDS.slice(0, own)) index.addSeed(path, text);
  return index;
}

/** Applies `edits` random edits to the draft and compares every re-check with a check made afresh. */
function replayEdits(name: string, draft: string, seed: number, edits: number, options: CheckOptions, rivals = 0): void {
  const rnd = random(seed);
  const index = indexOf(OWN_SEEDS.length, rivals);
  let text = draft;
  // (A check or two first, so that the edits re-check a remembered draft.)
  checkDraft(text, index, options);
  for (let i = 0; i < edits; i++) {
    text = pick(EDITS, rnd)(text, rnd);
    // Now and then the index changes under the draft: a seed removed, or put back.
    if (rnd(40) === 0) {
      const [path, seedText] = pick(OWN_SEEDS, rnd);
      if (index.has(path)) index.removeSeed(path);
      else index.addSeed(path, seedText);
    }
    const again = checkDraft(text, index, options);
    const fresh = checkDraft(text, index, { ...options, remember: false });
    assert.deepStrictEqual(again, fresh, `${name}, edit ${i + 1}: the re-check differs from a fresh check of\n${text}`);
  }
}

const drafts = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(join(DIR, f), 'utf8').replace(MARK, '$1') }));

test('re-checks after random edits equal fresh checks (Markdown drafts, all seeds)', () => {
  drafts.forEach((d, k) => replayEdits(d.name, d.text, 1000 + k, 120, { format: 'markdown' }));
});

test('re-checks after random edits equal fresh checks (plain text, a date given, some kinds off)', () => {
  drafts.forEach((d, k) => replayEdits(d.name, d.text, 2000 + k, 60, { format: 'plaintext', date: '2023-11-22', kinds: { title: k % 2 === 0, figure: k % 3 !== 0 } }));
});

test('re-checks after random edits equal fresh checks among 200 rival seeds, and for a draft of strangers', () => {
  // (Retrieval cut off at its limit: the story's own sentences scored besides, remembered with the reading.)
  drafts.slice(0, 4).forEach((d, k) => replayEdits(d.name, d.text, 3000 + k, 30, { format: 'markdown' }, 200));
  // (A draft naming mostly people the seeds never name: every topic weight scaled; edits add and remove strangers.)
  const strangers = 'Union leader Pia Marren said 1,200 members voted for the strike on Tuesday. Harbour chairman Olek Danvers called it regrettable. Mayor Iona Strick urged talks in London on Wednesday with Ilse Brannock.';
  replayEdits('strangers', strangers, 3100, 60, { format: 'plaintext' }, 50);
});

test('re-checks of one draft and then another, and back, equal fresh checks', () => {
  const index = indexOf(2);
  const texts = [drafts[0].text, drafts[1].text, drafts[0].text, drafts[0].text + '\n' + drafts[1].text, drafts[1].text + '\n' + drafts[0].text, drafts[1].text];
  for (const t of [...texts, ...texts]) assert.deepStrictEqual(checkDraft(t, index, { format: 'markdown' }), checkDraft(t, index, { format: 'markdown', remember: false }));
});

test('a sentence repeated in a draft is checked as each of its places reads it', () => {
  const index = indexOf(OWN_SEEDS.length);
  const s = 'Union leader Ilse Brannock, 25, said 1,430 members had voted for the strike on Friday.';
  const t = [s, 'Brannock spoke in Port Vessany.', s, `Ilse Brannock and ${s}`, s].join('\n\n') + '\n';
  assert.deepStrictEqual(checkDraft(t, index), checkDraft(t, index, { remember: false }));
  assert.deepStrictEqual(checkDraft(t.replace('Ilse Brannock and', 'Ilse Brannok and'), index), checkDraft(t.replace('Ilse Brannock and', 'Ilse Brannok and'), index, { remember: false }));
});

test('a later mention by surname is re-checked when the full name before it changes', () => {
  const index = indexOf(0);
  const later = '\n\nOn Wednesday, Cameron said the talks in London had gone well.\n\nForeign Secretary Cameron met Fidan again in London.\n\nRavelle, 52, said the board would meet on Friday.\n';
  const fulls = ['Foreign Secretary David Cameron met Hakan Fidan in London.', 'Foreign Secretary James Cameron met Hakan Fidan in London.', 'Union leader Tomas Cameron met Hakan Fidan in London.', 'Hakan Fidan met officials in London.', 'Prime Minister Rishi Cameron met Hakan Fidan in London.', 'Chairman Tomas Ravelle met Hakan Fidan in London.', 'Foreign Secretary David Cameron met Hakan Fidan in London.'];
  for (const full of [...fulls, ...fulls.reverse()]) {
    const t = `date 2023-11-22\n\n${full}${later}`;
    assert.deepStrictEqual(checkDraft(t, index), checkDraft(t, index, { remember: false }), full);
  }
});

test('a later mention by surname is re-checked when the finding over the full name changes', () => {
  const index = indexOf(0);
  const later = "\n\nAn official statement from the Foreign Ministry highlighted the delegation's presence in London.\n\nCleverly said the talks in London had gone well.\n";
  // (The same length, so that the later sentences stand where they stood: only the finding differs.)
  const fulls = ['Fidan held discussions with British Foreign Secretary James Cleverly.', 'Fidan held discussions with Swedish Foreign Secretary James Cleverly.'];
  for (const full of [...fulls, ...fulls, ...fulls]) {
    const t = `date 2023-11-22\n\n${full}${later}`;
    assert.deepStrictEqual(checkDraft(t, index), checkDraft(t, index, { remember: false }), full);
  }
});
