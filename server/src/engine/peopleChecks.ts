// People and offices: a person's office against the seeds', an office's holder, near spellings of names.
import { distance } from 'fastest-levenshtein';
import { type SentenceFacts } from './facts';
import { STOPWORDS, placeGroup } from './lexicon';
import { isGeneralOffice, titlesCompatible, type Entity, type Title, type TitledPerson } from './people';
import { evidenceOf, isCommonEnglish, type PersonRecord, type SeedIndex, type SeedSentence } from './seeds';
import { sameWordsButNumber, spelledAlike, stem, tokenKey } from './text';
import { type Severity } from './types';
import { ALIGN, type Candidate, topicWeight, topicalSeeds, localContext, mentionCandidates, slotScore, severityFor, seedContext } from './align';
import { type Ctx, push, pushOffice, confirm, unverified, draftSurname } from './ledger';
import { matchCase, titleCase } from './wording';

/** Is the person named by the story's own seeds (a topical seed mentions them)? */
export function ofStory(ctx: Ctx, p: PersonRecord): boolean {
  return p.mentions.some((m) => topicWeight(ctx, m) >= 0.6);
}

/** The seeds' record of the person a draft name stands for, if any. */
export function findPerson(ctx: Ctx, e: Entity): PersonRecord | undefined {
  const full = draftSurname(ctx, e.tokens[e.tokens.length - 1]);
  const key = e.tokens.length === 1 && full ? full.key : e.key;
  const exact = ctx.index.person(key);
  if (exact) return exact;
  const tokens = key.split(' ');
  const bySurname = ctx.index.bySurname(tokens[tokens.length - 1]);
  if (tokens.length === 1 && bySurname.length === 1) return bySurname[0];
  // A surname alone that several people of the archive share is the one the story's own seeds name.
  if (tokens.length === 1 && bySurname.length > 1) {
    const story = bySurname.filter((p) => ofStory(ctx, p));
    if (story.length === 1) return story[0];
  }
  // "David Cameron" against a seed's "Cameron": a unique surname with a compatible first name
  const compatible = bySurname.filter((p) => p.tokens.length === 1 || p.tokens[0] === tokens[0] || p.tokens[0][0] === tokens[0][0]);
  return compatible.length === 1 ? compatible[0] : undefined;
}

/** A seed name that is a near spelling of this one ("Hakan Fiden" for "Hakan Fidan"). */
export function nearSpelling(ctx: Ctx, key: string): string | undefined {
  // (A country's or a nationality's name is no misspelling of another form of it: "German", "Germany's".)
  // (A single short name has too many spellings of its own: "Martin" and "Martyn" are two people.)
  if (key.length < 5 || placeGroup(key) !== undefined || (!key.includes(' ') && key.length < 7)) return undefined;
  // A spelling the archive itself uses is a variant someone wrote, not the draft's slip.
  if (ctx.index.knowsEntity(key)) return undefined;
  // Only a name of the story the draft tells: a near name in an archive's other stories is someone else.
  // (The near names are remembered until the index changes; which of them are the story's is the draft's.)
  const topical = topicalSeeds(ctx);
  return ctx.index.remember('near-spellings', key, () => nearSpellingsIn(ctx.index, key)).find((name) => ctx.index.knowsEntity(name, topical));
}

/** The seed names that are near spellings of this one, nearest first. */
function nearSpellingsIn(index: SeedIndex, key: string): string[] {
  const found: Array<{ name: string; d: number }> = [];
  const tokens = key.split(' ');
  const limit = key.length >= 10 ? 2 : 1;
  for (let len = key.length - limit; len <= key.length + limit; len++) {
    for (const name of index.entityNamesLike(key, len)) {
      if (name === key) continue;
      const nt = name.split(' ');
      if (nt.length !== tokens.length) continue;
      // A plural, a possessive or a demonym is another form of the word, not a misspelling
      // ("Africa" and "African", "North America" and "North American").
      const [short, long] = name.length < key.length ? [name, key] : [key, name];
      if (long.startsWith(short) && /^(?:s|es|n|an|ian|ns|ans|ese|i)$/.test(long.slice(short.length))) continue;
      // (So is a plural inside a longer name: "X-rays for TB" and "X-ray for TB".)
      if (sameWordsButNumber(nt, tokens)) continue;
      const d = distance(name, key);
      if (d === 0 || d > limit) continue;
      // (Accents dropped are the same spelling in plain copy: "Therese" for "Thérèse"; so is another
      // romanisation: "Yanukovych" for "Yanukovich".)
      if (spelledAlike(name, key)) continue;
      // Every differing word must still look like the same word, and not be a common word.
      const ok = nt.every((t, i) => {
        const u = tokens[i];
        if (t === u) return true;
        if (t.length < 4 || u.length < 4 || t.slice(0, 1) !== u.slice(0, 1)) return false;
        // (Common words on either side are words, not names: "Booked" is no "Booker", "Games" no "Gates".)
        if (index.knowsLowerWord(u) || STOPWORDS.has(u)) return false;
        if (nt.length === 1 && (index.knowsLowerWord(t) || isCommonEnglish(stem(t)))) return false;
        return distance(t, u) <= limit;
      });
      if (ok) found.push({ name, d });
    }
  }
  return found.sort((a, b) => a.d - b.d).map((x) => x.name);
}

export function checkPeople(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): Set<Entity> {
  const handled = new Set<Entity>();
  for (const tp of sf.people) {
    const rec = findPerson(ctx, tp.person);
    // A person the story's seeds mention: their offices are compared. One only other stories mention
    // may simply share a name; there the office's holder in the restated statement decides.
    if (rec && ofStory(ctx, rec)) {
      if (checkTitleOf(ctx, sf, tp, rec, cands)) handled.add(tp.person);
      continue;
    }
    if (rec && checkHolder(ctx, sf, tp, cands, true)) {
      handled.add(tp.person);
      continue;
    }
    const spelled = nearSpelling(ctx, tp.person.key);
    if (spelled) {
      nameSpellingFinding(ctx, tp.person, spelled);
      handled.add(tp.person);
      continue;
    }
    if (checkHolder(ctx, sf, tp, cands)) handled.add(tp.person);
  }
  return handled;
}

const NO_COUNTRIES: ReadonlySet<string> = new Set();
const countriesBySentence = new WeakMap<SentenceFacts, Map<string, ReadonlySet<string>>>();

/**
 * The countries (or bodies) a draft sentence gives an office under, to the people it titles so: worked out
 * once per sentence and office (a run-on sentence can title thousands of people), the office as
 * titlesCompatible reads it.
 */
function countriesOfOffice(sf: SentenceFacts, title: Title): ReadonlySet<string> {
  let byOffice = countriesBySentence.get(sf);
  if (!byOffice) countriesBySentence.set(sf, (byOffice = new Map()));
  const key = `${title.former}\u0001${title.office}\u0001${title.head}\u0001${title.words.join(' ')}`;
  let countries = byOffice.get(key);
  if (!countries) {
    const found = new Set<string>();
    for (const q of sf.people) if (q.title.qualifier !== undefined && titlesCompatible(title, q.title) && titlesCompatible(q.title, title)) found.add(q.title.qualifier);
    byOffice.set(key, (countries = found));
  }
  return countries;
}

/** The seed statement that gives the draft's office to another person, in the sentence the draft follows. */
export function otherHolder(ctx: Ctx, sf: SentenceFacts, tp: TitledPerson, cands: Candidate[], sameBody = false): { text: string; name: string; at: SeedSentence; score: number } | undefined {
  let best: { text: string; name: string; at: SeedSentence; score: number } | undefined;
  const span = { start: tp.title.start, end: tp.person.end };
  const dctx = localContext(sf, span);
  // (An office the sentence gives someone else under a country is not the bare office's: in "President
  // Kirchner met French president Jacques Chirac", Kirchner is no French president.)
  const taken = tp.title.qualifier === undefined ? countriesOfOffice(sf, tp.title) : NO_COUNTRIES;
  for (const c of mentionCandidates(ctx, sf, span, cands)) {
    for (const p of c.sentence.facts.people) {
      if (!titlesCompatible(tp.title, p.title) || !titlesCompatible(p.title, tp.title)) continue;
      if (p.title.qualifier !== undefined && taken.has(p.title.qualifier)) continue;
      if (!sameQualifier(p.title.qualifier, tp.title.qualifier) || (sameBody && p.title.qualifier !== tp.title.qualifier && !bodyBefore(c.sentence, p.title.start, tp.title.qualifier))) continue;
      // (The same person written otherwise: "Cameron", "Mr Cameron"; a first name alone is no one's.)
      if (p.person.key === tp.person.key || tp.person.tokens.includes(p.person.tokens[p.person.tokens.length - 1]) || p.person.tokens.includes(tp.person.tokens[tp.person.tokens.length - 1])) continue;
      // (A holder of the office under the country the draft names comes before one whose country is unsaid:
      // "British Foreign Secretary" is Cameron, not the foreign minister Fidan.)
      const country = p.title.qualifier !== undefined && p.title.qualifier === tp.title.qualifier ? 0.15 : 0;
      const score = 0.5 * slotScore(ctx.index, dctx, seedContext(c.sentence, { start: p.title.start, end: p.person.end })) + 0.5 * c.score + country;
      if (!best || score > best.score) best = { text: p.person.text, name: ctx.index.person(p.person.key)?.name ?? p.person.text, at: c.sentence, score };
    }
  }
  return best;
}

const LAST_WORD = /([\p{L}\p{N}&.-]+)(?:['’]s)?\s+$/u;

/** Does the body's name stand right before a seed title ("BT chief executive Ben Verwaayen")? */
function bodyBefore(s: SeedSentence, titleStart: number, body: string | undefined): boolean {
  if (body === undefined) return false;
  const sentence = s.facts.sentence;
  const before = sentence.text.slice(Math.max(0, titleStart - sentence.start - body.length - 4), titleStart - sentence.start);
  const m = LAST_WORD.exec(before);
  return !!m && tokenKey(m[1]) === body;
}

/** The name is what changed: the seeds give the draft's office to `holder`, and the draft's person another (`own`). */
function holderFinding(ctx: Ctx, tp: TitledPerson, holder: { name: string; at: SeedSentence; score: number }, rec: PersonRecord, own: PersonRecord['titles'][number]): void {
  pushOffice(ctx, {
    kind: 'name',
    code: 'name-mismatch',
    range: { start: tp.person.start, end: tp.person.end },
    text: tp.person.text,
    expected: holder.name,
    message: `The seeds name ${holder.name} as ${tp.title.text} here; they give ${rec.name} as ${own.title.text}.`,
    severity: holder.score >= ALIGN.error ? 'error' : 'warning',
    evidence: [evidenceOf(holder.at), evidenceOf(own.at)],
  });
}

/** Returns true when the person's title was settled (confirmed or contradicted). */
export function checkTitleOf(ctx: Ctx, sf: SentenceFacts, tp: TitledPerson, rec: PersonRecord, cands: Candidate[]): boolean {
  // Offices the story's own seeds give the person come first; a former office compares with former ones.
  const topical = rec.titles.filter((t) => topicWeight(ctx, t.at) >= 0.6);
  const titles = (topical.length ? topical : rec.titles).filter((t) => t.title.former === tp.title.former);
  if (titles.length === 0) {
    unverified(ctx, 'title', tp.title, tp.title.text);
    return false;
  }
  // A seed that only calls the person "boss" or "leader" contradicts no specific office.
  const specific = titles.filter((t) => !isGeneralOffice(t.title));
  if (specific.length === 0) {
    confirm(ctx, 'title', tp.title, tp.title.text, [evidenceOf(titles[0].at)]);
    return true;
  }
  rec = { ...rec, titles: specific };
  const ok = rec.titles.find((t) => titlesCompatible(tp.title, t.title));
  if (ok) {
    const conflict = countryConflict(tp.title, rec.titles.filter((t) => titlesCompatible(tp.title, t.title)).map((t) => t.title));
    if (conflict && tp.title.qualifierStart !== undefined) {
      // "Emmanuel Macron, the German president" where the seeds say "French President Emmanuel Macron"
      const at = rec.titles.find((t) => t.title === conflict)!.at;
      const raw = ctx.draft.parsed.raw;
      const range = { start: tp.title.qualifierStart, end: tp.title.end };
      const text = raw.slice(range.start, range.end);
      const seedText = conflict.qualifierStart !== undefined ? at.facts.sentence.text.slice(conflict.qualifierStart - at.facts.sentence.start, conflict.end - at.facts.sentence.start) : conflict.text;
      pushOffice(ctx, {
        kind: 'title',
        code: 'title-mismatch',
        range,
        text,
        expected: matchCase(seedText, text),
        message: `The seeds give ${rec.name} as ${seedText}, not ${text}.`,
        severity: 'error',
        evidence: [evidenceOf(at)],
      });
      return true;
    }
    // "Lee Strafford, BT's chief executive," where the seeds call him a chief executive, of no body they
    // name, and give BT's chief executive as Ben Verwaayen in the statement the draft follows: the name.
    const body = tp.title.qualifier;
    if (body !== undefined && !isCountryQualifier(body) && !rec.titles.some((t) => t.title.qualifier === body && titlesCompatible(tp.title, t.title))) {
      const holder = otherHolder(ctx, sf, tp, cands, true);
      if (holder && holder.score >= ALIGN.warning) {
        holderFinding(ctx, tp, holder, rec, ok);
        return true;
      }
    }
    confirm(ctx, 'title', tp.title, tp.title.text, [evidenceOf(ok.at)]);
    return true;
  }
  // Another person holds this office in the statement the draft follows: the name is what changed.
  const holder = otherHolder(ctx, sf, tp, cands);
  ctx.trace?.(`title "${tp.title.text} ${tp.person.text}" other holder=${holder ? `${holder.name}@${holder.score.toFixed(2)}` : '-'}`);
  // (The office already conflicts; the holder need only be a plausible alignment to take the blame off it,
  // unless a seed sentence that aligns as well names this very person with their own office: then the
  // draft restates that sentence with the office changed.)
  const candScore = new Map(cands.map((c) => [c.sentence, c.score]));
  const ownStatement = Math.max(0, ...rec.titles.map((t) => candScore.get(t.at) ?? 0));
  if (holder && holder.score >= 0.35 && ownStatement < holder.score) {
    holderFinding(ctx, tp, holder, rec, rec.titles[0]);
    return true;
  }
  // The seed title to offer: from the best-aligned seed sentence, else the first.
  const ranked = [...rec.titles].sort((a, b) => (candScore.get(b.at) ?? 0) - (candScore.get(a.at) ?? 0));
  const seedTitle = ranked[0];
  const aligned = candScore.get(seedTitle.at) ?? 0;
  const severity: Severity = aligned >= ALIGN.warning ? 'error' : 'warning';
  pushOffice(ctx, {
    kind: 'title',
    code: 'title-mismatch',
    range: { start: tp.title.start, end: tp.title.end },
    text: tp.title.text,
    expected: matchCase(seedTitle.title.text.replace(/^(?:the|a|an)\s+/i, ''), tp.title.text),
    message: `The seeds give ${rec.name} as ${seedTitle.title.text}, not ${tp.title.text}.`,
    severity,
    evidence: [evidenceOf(seedTitle.at)],
  });
  return true;
}

/**
 * The seed title whose country contradicts the draft's for the same office, when no seed title of that
 * office agrees with it ("German president" where every seed says "French President").
 */
export function countryConflict(draft: Title, seedTitles: Title[]): Title | undefined {
  if (!isCountryQualifier(draft.qualifier)) return undefined;
  const countries = seedTitles.filter((t) => isCountryQualifier(t.qualifier));
  if (countries.length === 0 || countries.some((t) => t.qualifier === draft.qualifier)) return undefined;
  return countries[0];
}

/** A title's qualifier that is a country (its place group's number), not a body ("bt"). */
function isCountryQualifier(q: string | undefined): boolean {
  return q !== undefined && /^\d+$/.test(q);
}

export function sameQualifier(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** An unknown name holding an office the seeds give to someone else in the same statement. */
export function checkHolder(ctx: Ctx, sf: SentenceFacts, tp: TitledPerson, cands: Candidate[], elsewhere = false): boolean {
  const best = otherHolder(ctx, sf, tp, cands);
  ctx.trace?.(`holder "${tp.title.text} ${tp.person.text}" best=${best ? `${best.name}@${best.score.toFixed(2)}` : '-'}`);
  // A person only other stories mention, given an office this story gives to someone else: likely the name.
  const severity = best ? severityFor(best.score + 0.05) ?? (elsewhere && topicWeight(ctx, best.at) === 1 && best.score >= 0.3 ? 'warning' : undefined) : undefined;
  if (!best || !severity) return false;
  pushOffice(ctx, {
    kind: 'name',
    code: 'name-mismatch',
    range: { start: tp.person.start, end: tp.person.end },
    text: tp.person.text,
    expected: best.name,
    message: `The seeds name ${best.name} as ${tp.title.text}, not ${tp.person.text}.`,
    severity,
    evidence: [evidenceOf(best.at)],
  });
  return true;
}

export function nameSpellingFinding(ctx: Ctx, e: Entity, seedKey: string): void {
  const rec = ctx.index.person(seedKey);
  const at = ctx.index.entitySentence(seedKey);
  const written = at?.facts.entities.find((x) => x.key === seedKey)?.text;
  const expected = rec?.name ?? written ?? titleCase(seedKey);
  push(ctx, {
    kind: 'name',
    code: 'name-spelling',
    range: { start: e.start, end: e.end },
    text: e.text,
    expected,
    message: `The seeds spell this name ${expected}, not ${e.text}.`,
    severity: 'error',
    evidence: at ? [evidenceOf(at)] : [],
  });
}
