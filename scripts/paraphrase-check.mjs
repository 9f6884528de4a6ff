// False alarms on faithful paraphrases: BBC articles rewritten without changing a fact, checked against
// the whole corpus (their own story among the seeds).
//
//   npm run build && node scripts/paraphrase-check.mjs [--count N] [--seed N] [--verbose] [--only RULE] [--keep] [--cnn] [--plant DIR]
//
// --plant DIR also writes each draft with one planted error (a name, figure or date swapped, as the cnn-bump
// set's errors were) into DIR, a set for `node ../shared/eval/score.mjs DIR`: recall on errors in paraphrased
// drafts, on articles the development sets do not hold.
//
// Each draft keeps some of an article's sentences, in order, each rewritten by rules that change the wording
// and never a fact: "76%" <-> "76 per cent", "$1.13bn" -> "$1.13 billion", "464,000" -> "about 460,000",
// "more than" -> "over", "chief executive Richard Parsons said" -> "Richard Parsons, the chief executive,
// said", "14 January" -> "January 14", a digit count -> its word, a quote put before its speaker's name, two
// neighbouring sentences swapped, a later full name -> the surname. Every
// flag is a false alarm (or a rule that changed a fact: --verbose shows the rules applied to the sentence).
// The articles are read in place from ../shared/corpus/bbc; the drafts go to a temporary folder; nothing is
// copied into the project.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { bbcArticles, cli, corpus as bbcCorpus, root } from './bbc-corpus.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const count = Number(option('--count', 300)) || 300;
const only = option('--only', undefined);
const verbose = args.includes('--verbose');
let seed = Number(option('--seed', 20261129)) || 20261129;
const random = (n) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
// (--plant draws from its own sequence, so that the paraphrases are the same drafts with or without it)
let plantSeed = (seed ^ 0x5bd1e995) >>> 0;
const pick = (n) => ((plantSeed = (Math.imul(plantSeed, 1103515245) + 12345) >>> 0) >>> 8) % n;

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Things counted in news copy whose count the rewritings spell out or write in digits. */
const COUNTED = 'people|years|days|weeks|months|men|women|children|players|games|matches|goals|companies|firms|countries';
const ORDINALS = ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
/** "st", "nd", "rd" or "th" after a number. */
const ordinalSuffix = (n) => (n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
const WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TITLES = 'chairman and chief executive|chief executive|chairman|managing director|Prime Minister|Chancellor|Foreign Secretary|Home Secretary|Culture Secretary|Health Secretary|Education Secretary|President|coach|manager|captain';
const round = (n) => {
  const digits = String(n).length;
  const unit = 10 ** Math.max(0, digits - 2);
  return Math.round(n / unit) * unit;
};

/** The rewriting rules: each turns a sentence into one that states the same facts (or returns it as it was). */
const RULES = {
  // (one way or the other, by the draft)
  'per cent': (s, draft) => (draft % 2 ? s.replace(/\b(\d+(?:\.\d+)?)%/g, '$1 per cent') : s.replace(/\b(\d+(?:\.\d+)?) per cent\b/g, '$1%')),
  // (Spelt out in one draft, "$1.13bn" as "$1,130m" in the next, as it was in the third.)
  'money words': (s, draft) =>
    draft % 3 === 0
      ? s.replace(/([£$€])(\d+(?:\.\d+)?)bn\b/g, '$1$2 billion').replace(/([£$€])(\d+(?:\.\d+)?)m\b/g, '$1$2 million')
      : draft % 3 === 1
        ? s.replace(/([£$€])(\d{1,2})\.(\d{1,2})bn\b/g, (m, c, units, frac) => `${c}${(Number(units) * 1000 + Number(frac.padEnd(3, '0'))).toLocaleString('en-GB')}m`)
        : s,
  rounded: (s) =>
    s.replace(/(^|[^\w£$€.,-])(\d{1,3}(?:,\d{3})+)(?![\d.,]*\d)(?!%| per cent)/g, (m, before, num, at, whole) => {
      const n = Number(num.replace(/,/g, ''));
      const r = round(n);
      if (r === n || /(?:more than|over|about|around|nearly|almost|some|up to|at least|fewer than|less than|under|exactly)\s*$/i.test(whole.slice(0, at + before.length))) return m;
      return `${before}about ${r.toLocaleString('en-GB')}`;
    }),
  qualifiers: (s) => s.replace(/\bmore than\b/g, 'over').replace(/\baround\b/g, 'about').replace(/\balmost\b/g, 'nearly'),
  // "Foreign Secretary Jack Straw said" -> "The foreign secretary, Jack Straw, said" (by the draft)
  'title first': (s, draft) =>
    draft % 2
      ? s.replace(new RegExp(`(^|[.!?] )(${TITLES}) ((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+) (said|says|told|has|will|added)\\b`, 'g'), (m, before, title, name, verb) => `${before}The ${title.toLowerCase()}, ${name}, ${verb}`)
      : s,
  // "former Prime Minister John Major said" -> "John Major, the former prime minister, said"
  former: (s) =>
    s.replace(new RegExp(`\\b[Ff]ormer (${TITLES}) ((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+) (said|says|told|has|will|added)\\b`, 'g'), (m, title, name, verb) => `${name}, the former ${title.toLowerCase()}, ${verb}`),
  // "Prime Minister Tony Blair" -> "PM Tony Blair" (one draft in three)
  PM: (s, draft) => (draft % 3 === 2 ? s.replace(/\bPrime Minister ([A-Z][a-z]+ [A-Z][a-z]+)\b/g, 'PM $1') : s),
  apposition: (s) =>
    // (Not after another capitalised word: "England coach Andy Robinson" keeps "England" with the office.)
    s.replace(new RegExp(`(?<![\\w-]|[A-Z][\\w'’.-]* )(${TITLES}) ((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+) (said|says|told|has|had|will|is|was|added|warned|announced)\\b`, 'g'), (m, title, name, verb) =>
      `${name}, the ${title.toLowerCase()}, ${verb}`,
    ),
  // (Not "8/9 January", "8-9 January" or "9 January, 2005".)
  'month first': (s) => s.replace(new RegExp(`(?<![\\d/–-]\\s?)\\b(\\d{1,2}) (${MONTHS})\\b(?!,? \\d)`, 'g'), '$2 $1'),
  // '"It was strong," chairman Tobin Voss said.' -> 'Chairman Tobin Voss said: "It was strong."'
  'quote first': (s) =>
    s
      .replace(/^"([^"]+),"\s+(said|says)\s+([^",]+)\.$/, (m, quote, verb, who) => `${who[0].toUpperCase()}${who.slice(1)} ${verb}: "${quote}."`)
      .replace(/^"([^"]+),"\s+([^",]+?)\s+(said|says)\.$/, (m, quote, who, verb) => `${who[0].toUpperCase()}${who.slice(1)} ${verb}: "${quote}."`),
  // "Richard Parsons, 58, said" -> "58-year-old Richard Parsons said"; "aged 25" -> "a 25-year-old" is left alone.
  ages: (s) => s.replace(/(?<![\w'’-] ?)\b((?:[A-Z][a-z'’-]+ ){0,2}[A-Z][a-z'’-]+), (\d{2}), (said|says|told|was|is|has|had|who)\b/g, (m, name, age, verb) => `${age}-year-old ${name} ${verb === 'who' ? 'who' : verb}`),
  // (the party's other name, as the BBC itself uses both)
  'party names': (s) => s.replace(/\bTory (leader|MP|MPs|spokesman|party|chairman)\b/g, 'Conservative $1').replace(/\bthe Tories\b/g, 'the Conservatives'),
  // "2.5m people" -> "2.5 million people"
  'million words': (s) => s.replace(/\b(\d+(?:\.\d+)?)m (people|users|viewers|customers|homes|workers|jobs|households|visitors|passengers|subscribers)\b/g, '$1 million $2'),
  // "Microsoft chief executive Steve Ballmer said" -> "Steve Ballmer, Microsoft's chief executive, said"
  'owner apposition': (s) =>
    s.replace(new RegExp(`(?<![\\w'’-] ?)\\b([A-Z][a-z]+|[A-Z]{2,5}) (${TITLES}) ((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+) (said|says|told|has|will|added)\\b`, 'g'), (m, owner, title, name, verb) =>
      /^(?:The|A|An|But|And|Former|Then|New|Now|Deputy|Vice|Shadow|Acting|Interim|Assistant|Prime|Foreign|Home)$/.test(owner) ? m : `${name}, ${owner}'s ${title.toLowerCase()}, ${verb}`,
    ),
  // "the US" -> "the United States", "said on Tuesday" -> "said Tuesday" (by the draft)
  // (Not in a name the country is part of: "the US Open" is never "the United States Open".)
  'country names': (s, draft) =>
    draft % 2
      ? s.replace(/\bthe US\b(?= (?:Congress|Supreme Court|Federal Reserve|Senate|District Court|Department of|Securities and Exchange Commission|[a-z]))/g, 'the United States')
      : s.replace(/\bthe United States\b/g, 'the US'),
  'said weekday': (s) => s.replace(/\b(said|announced|confirmed) on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, '$1 $2'),
  // "Mr Blair said" -> "Blair said" (a summary drops the honorific)
  'no honorific': (s, draft) => (draft % 2 ? s.replace(/\bMr ([A-Z][a-z]{2,}) (said|says|told|added)\b/g, '$1 $2') : s),
  // "two people" -> "2 people" (the other way round from 'number words', by the draft)
  'digit counts': (s, draft) => (draft % 2 ? s.replace(new RegExp(`\\b(two|three|four|five|six|seven|eight|nine) (${COUNTED})\\b`, 'g'), (m, w, noun) => `${WORDS.indexOf(w)} ${noun}`) : s),
  // "50% of" -> "half of", "25% of" -> "a quarter of", "75% of" -> "three quarters of"
  fractions: (s) => s.replace(/\b(50|25|75)(?:%| per cent) of\b/g, (m, n) => `${{ 50: 'half', 25: 'a quarter', 75: 'three quarters' }[n]} of`),
  // "£450,000" -> "£450k" (by the draft)
  thousands: (s, draft) => (draft % 2 ? s.replace(/([£$€])(\d{1,3}),000\b(?![,.]\d)/g, '$1$2k') : s),
  // "won 3-1", "between 10-20" -> an en dash
  'en dash': (s) => s.replace(/\b(\d{1,2})-(\d{1,2})\b(?![-\d])/g, '$1–$2'),
  // "Jane Cole, aged 25," -> "Jane Cole, 25,"
  aged: (s) => s.replace(/, aged (\d{1,2}),/g, ', $1,'),
  // "14 January" -> "14 Jan" (by the draft)
  'month abbreviations': (s, draft) => (draft % 2 ? s.replace(new RegExp(`\\b(\\d{1,2}) (${MONTHS})\\b`, 'g'), (m, d, month) => `${d} ${month.slice(0, 3)}`) : s),
  // "Mr Smith, who joined the firm in 1999, said profits rose" -> "Mr Smith said profits rose" (a summary drops
  // a relative clause: a fact less, none changed)
  'drop clause': (s) => s.replace(/^((?:[A-Z][a-z'’-]+ ){0,2}[A-Z][a-z'’-]+), (?:who|which) [^,"“”]{5,80}, (said|says|has|had|was|is|will)\b/, '$1 $2'),
  // "French President Jacques Chirac said" -> "France's president, Jacques Chirac, said" or "Jacques Chirac,
  // the French president, said" (by the draft)
  'nationality apposition': (s, draft) =>
    s.replace(/\b(French|German|US|British|Russian|Italian|Spanish|Chinese|Japanese|Indian|Irish|Israeli|Palestinian|Iraqi|Iranian) (President|Prime Minister|Chancellor|Foreign Minister|Foreign Secretary|Finance Minister|Defence Secretary) ((?:[A-Z][a-z'’-]+ ){1,2}[A-Z][a-z'’-]+) (said|says|told|has|will|added)\b/g, (m, nat, title, name, verb) => {
      const country = { French: 'France', German: 'Germany', US: 'the US', British: 'Britain', Russian: 'Russia', Italian: 'Italy', Spanish: 'Spain', Chinese: 'China', Japanese: 'Japan', Indian: 'India', Irish: 'Ireland', Israeli: 'Israel', Palestinian: 'the Palestinians', Iraqi: 'Iraq', Iranian: 'Iran' }[nat];
      return draft % 2 ? `${country}'s ${title.toLowerCase()}, ${name}, ${verb}` : `${name}, the ${nat} ${title.toLowerCase()}, ${verb}`;
    }),
  // "76 per cent" -> "76 percent" (one draft in three)
  percent: (s, draft) => (draft % 3 === 1 ? s.replace(/\b(\d+(?:\.\d+)?) per cent\b/g, '$1 percent') : s),
  // "12.7%" -> "about 13%" (one draft in two; not after another qualifier, nor below 1%: 0.6% is no "about 1%")
  'rounded percent': (s, draft) =>
    draft % 2 === 0
      ? s.replace(/(^|[^\w.,-])([1-9]\d?)\.(\d)%/g, (m, before, units, tenth, at, whole) => (/(?:more than|over|about|around|nearly|almost|some|up to|at least|under|by|from|to)\s*$/i.test(whole.slice(0, at + before.length)) ? m : `${before}about ${Math.round(Number(`${units}.${tenth}`))}%`))
      : s,
  // "£1.3bn ($2.5bn)" -> "£1.3bn" (a summary drops the conversion)
  'no conversion': (s) => s.replace(/([£$€]\d+(?:[.,]\d+)*(?:bn|m|k)?) \([£$€]\d+(?:[.,]\d+)*(?:bn|m|k)?\)/g, '$1'),
  // "the third quarter" -> "Q3"
  quarters: (s) => s.replace(/\bthe (first|second|third|fourth) quarter\b/g, (m, q) => `Q${['first', 'second', 'third', 'fourth'].indexOf(q) + 1}`),
  // "Chelsea beat Arsenal 2-0" -> "Arsenal lost 2-0 to Chelsea"
  'lost to': (s) => s.replace(/\b((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) beat ((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) (\d{1,2}[-–]\d{1,2})\b/g, '$2 lost $3 to $1'),
  // American style: "US" -> "U.S.", "UK" -> "U.K." (one draft in three)
  'dotted initials': (s, draft) => (draft % 3 === 0 ? s.replace(/\bUS\b(?!\s*\$)/g, 'U.S.').replace(/\bUK\b/g, 'U.K.') : s),
  // "12,500" -> "12500" (one draft in three; not a year-like or money figure)
  'no thousands comma': (s, draft) => (draft % 3 === 1 ? s.replace(/(?<![\d,.£$€])(\d{1,2}),(\d{3})(?![,.]?\d)/g, '$1$2') : s),
  // "£6bn" -> "£6billion" (Daily Mail style, one draft in three)
  'joined scale': (s, draft) => (draft % 3 === 2 ? s.replace(/([£$€]\d+(?:\.\d+)?)bn\b/g, '$1billion').replace(/([£$€]\d+(?:\.\d+)?)m\b/g, '$1million') : s),
  // "14 January 2005" -> "January 14, 2005"
  'month first with year': (s) => s.replace(new RegExp(`(?<![\\d/–-]\\s?)\\b(\\d{1,2}) (${MONTHS}) (\\d{4})\\b`, 'g'), '$2 $1, $3'),
  // "George W Bush" -> "George W. Bush"
  'middle initial': (s) => s.replace(/\b([A-Z][a-z]+) ([A-Z]) ([A-Z][a-z]+)\b/g, '$1 $2. $3'),
  // "O'Neill" -> "O’Neill" (typeset apostrophes, one draft in two)
  'curly apostrophes': (s, draft) => (draft % 2 ? s.replace(/\b([A-Z])'([A-Z][a-z]+)/g, '$1’$2').replace(/([a-z])'s\b/g, '$1’s') : s),
  // "José" -> "Jose" (accents dropped, as plain-text copy does)
  'no accents': (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC'),
  // American abbreviations of titles before a name: "Senator John Kerry" -> "Sen. John Kerry"
  // (not inside a longer office: "Attorney General" is never "Attorney Gen.")
  'title abbreviations': (s) => s.replace(/(?<![A-Z][a-z]* )\b(Senator|Governor|General|Professor|Representative|Lieutenant|Sergeant|Captain) (?=[A-Z][a-z])/g, (m, t) => `${{ Senator: 'Sen.', Governor: 'Gov.', General: 'Gen.', Professor: 'Prof.', Representative: 'Rep.', Lieutenant: 'Lt.', Sergeant: 'Sgt.', Captain: 'Capt.' }[t]} `),
  // "Ann Lee, Microsoft's chief executive, said" -> "Ann Lee, the chief executive of Microsoft, said"
  'office of': (s) => s.replace(new RegExp(`, ([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s (${TITLES.toLowerCase()}), `, 'g'), (m, owner, title) => `, the ${title} of ${owner}, `),
  // "14 January" -> "14th January", "January 14" -> "January 14th" (by the draft)
  'ordinal dates': (s, draft) =>
    draft % 2
      ? s
          .replace(new RegExp(`(?<![\\d/–-]\\s?)\\b(\\d{1,2}) (${MONTHS})\\b`, 'g'), (m, d, month) => `${d}${ordinalSuffix(Number(d))} ${month}`)
          .replace(new RegExp(`\\b(${MONTHS}) (\\d{1,2})\\b(?![,.]?\\d|[–-])`, 'g'), (m, month, d) => `${month} ${d}${ordinalSuffix(Number(d))}`)
      : s,
  // "finished third" -> "finished 3rd", "for the second time" -> "for the 2nd time" (one draft in three)
  'ordinal digits': (s, draft) =>
    draft % 3 === 2 ? s.replace(/\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth) (time|place|round|day|year|week|game|match|quarter|term|consecutive)\b/g, (m, w, noun) => `${ORDINALS.indexOf(w) + 2}${ordinalSuffix(ORDINALS.indexOf(w) + 2)} ${noun}`) : s,
  // "1.5 million people" -> "1,500,000 people" (one draft in three; whole numbers only)
  'full digits': (s, draft) =>
    draft % 3 === 0
      ? s.replace(/(?<![\d.,£$€])(\d{1,3}(?:\.\d{1,2})?) million\b/g, (m, n) => {
          const v = Math.round(Number(n) * 1e6);
          return Number.isSafeInteger(v) && v % 1e4 === 0 ? v.toLocaleString('en-GB') : m;
        })
      : s,
  // "2.5 million people" -> "2.5m people" (the other way round from 'million words', by the draft)
  'm words': (s, draft) => (draft % 2 ? s.replace(/\b(\d+(?:\.\d+)?) million (people|users|viewers|customers|homes|workers|jobs|households|visitors|passengers|subscribers)\b/g, '$1m $2') : s),
  // "the Prime Minister said" -> "the prime minister said" (an office alone, in lower case)
  'lower-case offices': (s) => s.replace(/\bthe (Prime Minister|Chancellor|Foreign Secretary|Home Secretary|Health Secretary|Education Secretary|Culture Secretary|Chief Executive)\b(?! [A-Z])/g, (m, t) => `the ${t.toLowerCase()}`),
  // "a 25-year-old man" -> "a man aged 25" (one draft in two)
  'aged after': (s, draft) => (draft % 2 ? s.replace(/\ba (\d{1,2})-year-old (man|woman|boy|girl)\b/g, 'a $2 aged $1') : s),
  // "20,000 fans" -> "20k fans" (tabloid style, one draft in three; a round thousand before a counted noun)
  'k people': (s, draft) => (draft % 3 === 1 ? s.replace(/(?<![\d.,£$€])(\d{1,3}),000 (people|fans|jobs|workers|homes|visitors|users|customers|members|troops|students)\b/g, '$1k $2') : s),
  // "12 people" -> "a dozen people"
  dozen: (s) => s.replace(/(?<![\d.,£$€-])\b12 (people|men|women|children|players|countries|companies|firms|games|matches|goals)\b/g, 'a dozen $1'),
  'number words': (s) => s.replace(new RegExp(`(^|\\s)([2-9]) (${COUNTED})\\b`, 'g'), (m, b, d, noun) => `${b}${WORDS[Number(d)]} ${noun}`),
};

/**
 * A later full mention of a person given in full before becomes the surname, as news copy does (only for a
 * surname the article writes alone itself: "Mr Fox", "Fox said"; not for "Arkansas State").
 */
function surnames(sentences, article) {
  const seen = new Set();
  return sentences.map((s) => {
    let out = s;
    for (const m of s.matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b/g)) {
      const full = m[0];
      const alone = new RegExp(`(?:\\bMrs? |\\bMs |[^A-Za-z] )${m[2]} (?:said|says|told|added)\\b|\\bMrs? ${m[2]}\\b`).test(article);
      if (seen.has(full) && alone && random(2) === 0) out = out.replace(full, m[2]);
      seen.add(full);
    }
    return out;
  });
}

/**
 * "Mr Fox" -> "Liam Fox" where the article names one person of that surname in full (a summary that drops
 * the honorific names the person in full).
 */
function fullNames(sentences, article) {
  return sentences.map((s) =>
    s.replace(/\bMr ([A-Z][a-z]{2,})\b/g, (m, surname) => {
      const full = new Set([...article.matchAll(new RegExp(`(?<![\\w'’-])([A-Z][a-z]+) ${surname}\\b`, 'g'))].map((x) => x[1]).filter((first) => !/^(?:Mr|Mrs|Ms|Dr|The|And|But|Said|Sir|Lord|Lady)$/.test(first)));
      return full.size === 1 && random(2) === 0 ? `${[...full][0]} ${surname}` : m;
    }),
  );
}

/**
 * "Mr Fox said" -> "The 58-year-old said" where the article gives that one person an age ("Liam Fox, 58,")
 * and the draft names him in full before (a tabloid summary's second mention).
 */
function ageAnaphora(sentences, article, draftNumber) {
  const ages = new Map();
  for (const m of article.matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]{2,}), (\d{2}),/g)) ages.set(m[2], ages.has(m[2]) && ages.get(m[2]).age !== m[3] ? null : { first: m[1], age: m[3] });
  const seen = new Set();
  return sentences.map((s) => {
    let out = s;
    for (const [surname, who] of ages) {
      if (!who) continue;
      // (by the draft, not by the random sequence: the other rewritings' draws stay as they were)
      if (seen.has(surname) && draftNumber % 2 === 0) out = out.replace(new RegExp(`^(?:Mr |Mrs |Ms )?${surname} (said|says|told|added)\\b`), `The ${who.age}-year-old $1`);
      if (out.includes(`${who.first} ${surname}`)) seen.add(surname);
    }
    return out;
  });
}

/**
 * A body the article names in full with its acronym ("the Football Association (FA)") is called by the
 * acronym at a later mention in full, or the other way round (by the draft).
 */
function acronyms(sentences, article, draftNumber) {
  const defs = [...article.matchAll(/\b((?:[A-Z][a-z]+ (?:of |for |and |the )*){1,5}[A-Z][a-z]+) \(([A-Z]{2,6})\)/g)].filter((m) => m[1].split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('') === m[2]);
  if (defs.length === 0) return sentences;
  let seen = false;
  return sentences.map((s) => {
    let out = s;
    for (const [, full, short] of defs) {
      if (out.includes(`${full} (${short})`)) {
        seen = true;
        continue;
      }
      if (!seen) continue;
      // (not inside a word of its own: "IDN-disabled")
      out = draftNumber % 2 ? out.replaceAll(full, short) : out.replace(new RegExp(`(?<![\\w-])${short}(?![\\w-])`, 'g'), full);
    }
    return out;
  });
}

function sentencesOf(paragraph) {
  // (a full stop ends a sentence where a space and a capital or a quote follow: not in "6.63m" or "Mr. X")
  return paragraph.split(/(?<=(?<!\b(?:Mr|Mrs|Ms|Dr|St|Mt|Jr|Sr|No|[A-Z]))[.!?]["'”’]?)\s+(?=["'“‘A-Z])/).map((s) => s.trim()).filter((s) => s.length > 0);
}

function paraphrase(text, draftNumber) {
  let paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  // (An article of one paragraph, as the CNN set's are, is read as paragraphs of five sentences, untitled.)
  if (paragraphs.length === 1) {
    const all = sentencesOf(paragraphs[0]);
    paragraphs = ['', ...Array.from({ length: Math.ceil(all.length / 5) }, (_, k) => all.slice(5 * k, 5 * k + 5).join(' '))];
  }
  const title = paragraphs.shift() ?? '';
  const kept = [];
  const applied = [];
  for (const p of paragraphs.slice(0, 5)) {
    const out = [];
    const at = []; // (each kept sentence's place in the paragraph)
    for (const [i, s] of sentencesOf(p).entries()) {
      if (random(10) < 4) continue; // a summary keeps some sentences
      at.push(i);
      let t = s;
      const used = [];
      for (const [name, rule] of Object.entries(RULES)) {
        if (only && name !== only) continue;
        const r = rule(t, draftNumber);
        if (r !== t) {
          used.push(name);
          t = r;
        }
      }
      out.push(t);
      if (used.length) applied.push({ sentence: t, rules: used });
    }
    // (A summary may join a sentence to the one before: "… rose. He said …" -> "… rose, and he said …"; only
    // neighbours in the article, whose pronoun still points where it did, and not inside a quotation.)
    for (let k = out.length - 1; k > 0; k--) {
      if (random(4) !== 0 || at[k] !== at[k - 1] + 1 || !/^(?:He|She|They|It) [a-z]/.test(out[k]) || !/[a-z0-9]\.$/.test(out[k - 1]) || (out[k - 1].match(/["“”]/g) ?? []).length % 2) continue;
      out.splice(k - 1, 2, `${out[k - 1].slice(0, -1)}, and ${out[k][0].toLowerCase()}${out[k].slice(1)}`);
      at.splice(k, 1);
      applied.push({ sentence: out[k - 1], rules: ['joined'] });
    }
    // (A summary may tell things in another order: two neighbours change places.)
    // (Not a quotation that opens its sentence: its speaker is whoever spoke before it.)
    if (out.length > 1 && random(3) === 0) {
      const k = random(out.length - 1);
      if (!/^["“]/.test(out[k]) && !/^["“]/.test(out[k + 1])) [out[k], out[k + 1]] = [out[k + 1], out[k]];
    }
    if (out.length) kept.push(out);
  }
  const named = only && only !== 'surnames' ? kept.flat() : surnames(kept.flat(), text);
  const full = only && only !== 'full names' ? named : fullNames(named, text);
  const aged = only && only !== 'age anaphora' ? full : ageAnaphora(full, text, draftNumber);
  const flat = only && only !== 'acronyms' ? aged : acronyms(aged, text, draftNumber);
  // (Paragraphs stay apart: joined, "Tuesday, 1 March" and a kick-off at "1945 GMT" would read as a year.)
  const paragraphsOut = kept.map((p) => flat.splice(0, p.length).join(' '));
  return { text: `${title ? `${title}\n\n` : ''}${paragraphsOut.join('\n\n')}\n`, applied };
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** Words that end the name of a body, not of a person ("Borders Council", "News Agency"). */
const BODY_WORDS = /^(?:Council|Union|Committee|Agency|Office|Government|Party|Police|University|Board|Representative|Development|Coalition|Chambers|Service|Ministry|Department|Commission|Association|Institute|Foundation|Group|Trust|Bank|Airlines|Assembly|Parliament|Court|Box|Kreme|Network|Media|News|Times|Post|League|Club|Society|Authority|Centre|Center|Fund|Organisation|Organization|Corporation|Company|Industries|Council's)$/;
const STOP_FIRST = /^(?:The|A|An|And|But|In|On|At|For|Of|To|As|If|It|He|She|They|We|Mr|Mrs|Ms|Dr|Sir|Lord|Lady|St|New|North|South|East|West|Prime|Foreign|Home|Chief|Former|President|Chancellor|Secretary|Minister|General|Labour|Tory|Conservative|Liberal|United|British|European|World|National|Royal)$/;

/**
 * --plant: one error planted in a paraphrased draft, as the cnn-bump set's were: a person's name swapped for
 * another person of the same article (or of another article when the article names one person), a
 * surname that says or tells something swapped for another person's surname of the article, a figure
 * swapped for another figure of the article with the same unit (or moved by a third), a weekday or a day
 * of the month swapped. Returns the draft with its mark ({{draft|kind|seed}}), or undefined when the draft
 * has nothing to swap. Every planted error contradicts the draft's own article, which is among the seeds.
 */
function plant(draft, article, other) {
  const people = (text) => {
    const found = new Map();
    // (at every capitalised word, so that "Foreign Secretary Jack Straw" still gives "Jack Straw")
    for (const m of text.matchAll(/(?<![\w'’.-])(?<!\b(?:Mr|Mrs|Ms|Dr|Sir|The|the|of|Lord|Lady) )(?=([A-Z][a-z]+) ([A-Z][a-z]{2,})\b(?! [A-Z]))/g)) {
      m[0] = `${m[1]} ${m[2]}`;
      if (STOP_FIRST.test(m[1]) || STOP_FIRST.test(m[2]) || BODY_WORDS.test(m[1]) || BODY_WORDS.test(m[2])) continue;
      const surname = m[2];
      if (!new RegExp(`\\b(?:Mr|Mrs|Ms|Dr) ${surname}\\b|\\b${m[1]} ${surname},? (?:said|says|told|added)\\b`).test(text)) continue;
      found.set(m[0], { first: m[1], surname });
    }
    return found;
  };
  const inArticle = people(article);
  const choices = [];
  for (const m of draft.matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b/g)) {
    const who = inArticle.get(m[0]);
    if (!who || draft.indexOf(m[0]) !== m.index) continue; // (the first mention: a later one may be the surname alone)
    const others = [...inArticle].filter(([n, o]) => o.surname !== who.surname && o.first !== who.first && !draft.includes(o.surname)).map(([n]) => n);
    const elsewhere = [...people(other)].map(([n]) => n).filter((n) => !article.includes(n.split(' ')[1]));
    const pool = others.length ? others : elsewhere;
    if (pool.length) choices.push({ at: m.index, text: m[0], kind: 'name', by: pool[pick(pool.length)] });
  }
  // A later mention by the surname alone ("Mr Fox said", "Fox told"), swapped for another person's surname
  // of the article: who said what, which only the people of the story tell apart.
  const surnames = [...new Set([...inArticle.values()].map((o) => o.surname))];
  for (const m of draft.matchAll(/\b(?:(?:Mr|Mrs|Ms|Dr) )?([A-Z][a-z]{2,})(?= (?:said|says|told|added|argued|warned)\b)/g)) {
    const at = m.index + m[0].length - m[1].length;
    if (!surnames.includes(m[1]) || draft[at - 1] !== ' ' || /[A-Z][a-z]+ $/.test(draft.slice(Math.max(0, at - 20), at)) && !/(?:Mr|Mrs|Ms|Dr) $/.test(draft.slice(0, at))) continue;
    const pool = surnames.filter((n) => n !== m[1] && !draft.includes(n));
    if (pool.length) choices.push({ at, text: m[1], kind: 'name', by: pool[pick(pool.length)] });
  }
  const unitOf = (m) => `${m[1] ?? ''}|${(m[3] ?? '').trim()}`;
  const FIGURE = new RegExp(`([£$€])?(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(bn|m|k| billion| million|%| per cent| (?:${COUNTED}))?`, 'g');
  const figures = [...article.matchAll(FIGURE)].filter((m) => m[1] || m[3]);
  for (const m of draft.matchAll(FIGURE)) {
    if (!m[1] && !m[3]) continue;
    if (/[\d.,]/.test(draft[m.index - 1] ?? '') || /^[\d.,]\d/.test(draft.slice(m.index + m[0].length))) continue;
    const value = Number(m[2].replace(/,/g, ''));
    // (not a figure the draft's could be a rounding of: 2.9 for 3)
    const far = (n) => Math.abs(n - value) > 0.2 * Math.max(Math.abs(n), Math.abs(value));
    const same = [...new Set(figures.filter((f) => unitOf(f) === unitOf(m) && far(Number(f[2].replace(/,/g, ''))) && !draft.includes(f[2])).map((f) => f[2]))];
    const decimals = m[2].split('.')[1]?.length ?? 0;
    // (moved by half, and written as precisely as the draft wrote it: 10,000 -> 15,000, 2.4 -> 3.6)
    const zeros = decimals ? 0 : Math.min(/0*$/.exec(m[2].replace(/,/g, ''))[0].length, m[2].replace(/,/g, '').length - 1);
    const step = 10 ** (zeros - decimals);
    const moved = (value === 0 ? 3 : Math.max(step * Math.round((value * 1.5) / step), value + step)).toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: m[2].includes(',') });
    const by = same.length ? same[pick(same.length)] : moved;
    choices.push({ at: m.index + (m[1] ?? '').length, text: m[2], kind: 'figure', by });
  }
  // (not a weekday that opens a paper's name: "the Sunday Times")
  for (const m of draft.matchAll(new RegExp(`\\b(${WEEKDAYS.join('|')})\\b(?! (?:Times|Telegraph|Mirror|Express|Independent|People|Herald|Mail|Post|Sport|Star|Business|Tribune)\\b)`, 'g'))) {
    const named = WEEKDAYS.filter((d) => d !== m[1] && article.includes(d) && !draft.includes(d));
    const pool = named.length ? named : WEEKDAYS.filter((d) => d !== m[1]);
    choices.push({ at: m.index, text: m[1], kind: 'date', by: pool[pick(pool.length)] });
  }
  for (const m of draft.matchAll(new RegExp(`\\b(\\d{1,2}) (?=(?:${MONTHS})\\b)`, 'g'))) {
    const day = Number(m[1]);
    choices.push({ at: m.index, text: m[1], kind: 'date', by: String(day > 20 ? day - 9 : day + 7) });
  }
  if (choices.length === 0) return undefined;
  // (each kind about as often as the others, where the draft has it)
  const kinds = [...new Set(choices.map((c) => c.kind))];
  const kind = kinds[pick(kinds.length)];
  const ofKind = choices.filter((c) => c.kind === kind);
  const c = ofKind[pick(ofKind.length)];
  return `${draft.slice(0, c.at)}{{${c.by}|${c.kind}|${c.text}}}${draft.slice(c.at + c.text.length)}`;
}

// --cnn: the CNN/Daily Mail articles of the cnn-bump development set instead (one paragraph each, their own
// seed folder), read in place as the BBC corpus is.
const cnnSeeds = join(root, '..', 'shared', 'eval', 'dev', 'cnn-bump', 'seeds');
if (args.includes('--cnn') && !existsSync(cnnSeeds)) {
  console.error(`paraphrase-check: ${cnnSeeds} is missing`);
  process.exit(2);
}
const corpus = args.includes('--cnn') ? cnnSeeds : bbcCorpus;
const all = args.includes('--cnn') ? readdirSync(cnnSeeds).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, path: join(cnnSeeds, f) })) : bbcArticles('paraphrase-check');
const step = Math.max(1, Math.floor(all.length / count));
const chosen = all.filter((_, i) => i % step === (step > 1 ? 1 : 0)).slice(0, count); // (not the archive check's drafts, where it can)
const work = mkdtempSync(join(tmpdir(), 'factdesk-paraphrase-'));
// --plant DIR: a labelled set for ../shared/eval/score.mjs as well (DIR/cases, and DIR/seeds a link to the
// seeds): each draft with one planted error, scored as the development sets are.
const plantIn = option('--plant', undefined);
if (plantIn) {
  if (resolve(plantIn).startsWith(root + '/')) {
    console.error('paraphrase-check: --plant writes drafts made from the corpus; give a folder outside the project');
    process.exit(2);
  }
  rmSync(plantIn, { recursive: true, force: true });
  mkdirSync(join(plantIn, 'cases'), { recursive: true });
  symlinkSync(corpus, join(plantIn, 'seeds'));
}
const rewrites = new Map();
try {
  for (const a of chosen) {
    const p = paraphrase(readFileSync(a.path, 'utf8'), chosen.indexOf(a));
    writeFileSync(join(work, a.name), p.text);
    if (plantIn) {
      const other = chosen[(chosen.indexOf(a) + 7) % chosen.length];
      const marked = plant(p.text, readFileSync(a.path, 'utf8'), readFileSync(other.path, 'utf8'));
      if (marked) writeFileSync(join(plantIn, 'cases', a.name), marked);
    }
    rewrites.set(a.name, p.applied);
  }
  const r = spawnSync(process.execPath, [cli, 'check', '--seeds', corpus, '--format', 'json', '--cache', join(tmpdir(), args.includes('--cnn') ? 'factdesk-cnn-cache' : 'factdesk-archive-cache'), work], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`the CLI exited ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  const byKind = {};
  let flags = 0;
  let drafted = 0;
  for (const f of report.files) {
    const found = f.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    if (found.length) drafted++;
    for (const d of found) {
      flags++;
      byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
      if (!verbose) continue;
      const name = f.path.split('/').pop();
      const seedQuote = d.evidence?.[0] ? `${d.evidence[0].seed.split('/').slice(-2).join('-')}: ${d.evidence[0].quote.slice(0, 160)}` : '-';
      const text = readFileSync(join(work, name), 'utf8').split('\n')[d.range.start.line];
      const rules = rewrites.get(name)?.find((x) => x.sentence.length && text.includes(x.sentence.slice(0, 40)))?.rules ?? [];
      console.log(`${name}: ${d.kind} ${d.message} [rules: ${rules.join(', ') || 'none'}]\n    seed ${seedQuote}`);
    }
  }
  const ruleCounts = {};
  for (const list of rewrites.values()) for (const x of list) for (const rule of x.rules) ruleCounts[rule] = (ruleCounts[rule] ?? 0) + 1;
  console.log(`rewrites: ${Object.entries(ruleCounts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`paraphrases with their story among the seeds (all false alarms): ${flags} flags on ${drafted} of ${chosen.length} drafts (${Object.entries(byKind).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}), against ${report.seeds.files} seeds`);
} finally {
  if (args.includes('--keep')) console.log(`drafts kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
