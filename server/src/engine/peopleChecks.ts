// People and offices: a person's office against the seeds', an office's holder, near spellings of names.
import { distance } from 'fastest-levenshtein';
import { type SentenceFacts } from './facts';
import { STOPWORDS } from './lexicon';
import { titlesCompatible, type Entity, type TitledPerson } from './people';
import { evidenceOf, type PersonRecord, type SeedIndex, type SeedSentence } from './seeds';
import { type Severity } from './types';
import { ALIGN, type Candidate, topicWeight, localContext, mentionCandidates, slotScore, severityFor, seedContext } from './align';
import { type Ctx, push, confirm, unverified } from './ledger';
import { matchCase, titleCase } from './wording';

/** The seeds' record of the person a draft name stands for, if any. */
export function findPerson(ctx: Ctx, e: Entity): PersonRecord | undefined {
  const full = ctx.draft.surnames.get(e.tokens[e.tokens.length - 1]);
  const key = e.tokens.length === 1 && full ? full.key : e.key;
  const exact = ctx.index.person(key);
  if (exact) return exact;
  const tokens = key.split(' ');
  const bySurname = ctx.index.bySurname(tokens[tokens.length - 1]);
  if (tokens.length === 1 && bySurname.length === 1) return bySurname[0];
  // "David Cameron" against a seed's "Cameron": a unique surname with a compatible first name
  const compatible = bySurname.filter((p) => p.tokens.length === 1 || p.tokens[0] === tokens[0] || p.tokens[0][0] === tokens[0][0]);
  return compatible.length === 1 ? compatible[0] : undefined;
}

/** A seed name that is a near spelling of this one ("Hakan Fiden" for "Hakan Fidan"). */
export function nearSpelling(ctx: Ctx, key: string): string | undefined {
  if (key.length < 5) return undefined;
  return ctx.index.remember('near-spelling', key, () => nearSpellingIn(ctx.index, key));
}

function nearSpellingIn(index: SeedIndex, key: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  const tokens = key.split(' ');
  const limit = key.length >= 10 ? 2 : 1;
  for (let len = key.length - limit; len <= key.length + limit; len++) {
    for (const name of index.entityNamesLike(key, len)) {
      if (name === key) continue;
      const nt = name.split(' ');
      if (nt.length !== tokens.length) continue;
      // A plural or possessive is the same word, not a misspelling.
      if (name === key + 's' || key === name + 's') continue;
      const d = distance(name, key);
      if (d === 0 || d > limit) continue;
      // Every differing word must still look like the same word, and not be a common word.
      const ok = nt.every((t, i) => {
        const u = tokens[i];
        if (t === u) return true;
        if (t.length < 4 || u.length < 4 || t.slice(0, 1) !== u.slice(0, 1)) return false;
        if (index.knowsLowerWord(u) || STOPWORDS.has(u)) return false;
        return distance(t, u) <= limit;
      });
      if (ok && (!best || d < best.d)) best = { name, d };
    }
  }
  return best?.name;
}

export function checkPeople(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): Set<Entity> {
  const handled = new Set<Entity>();
  for (const tp of sf.people) {
    const rec = findPerson(ctx, tp.person);
    // A person the story's seeds mention: their offices are compared. One only other stories mention
    // may simply share a name; there the office's holder in the restated statement decides.
    if (rec && rec.mentions.some((m) => topicWeight(ctx, m) >= 0.6)) {
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

/** The seed statement that gives the draft's office to another person, in the sentence the draft follows. */
export function otherHolder(ctx: Ctx, sf: SentenceFacts, tp: TitledPerson, cands: Candidate[]): { text: string; name: string; at: SeedSentence; score: number } | undefined {
  let best: { text: string; name: string; at: SeedSentence; score: number } | undefined;
  const span = { start: tp.title.start, end: tp.person.end };
  const dctx = localContext(sf, span);
  for (const c of mentionCandidates(ctx, sf, span, cands)) {
    for (const p of c.sentence.facts.people) {
      if (!titlesCompatible(tp.title, p.title) || !titlesCompatible(p.title, tp.title)) continue;
      if (!sameQualifier(p.title.qualifier, tp.title.qualifier)) continue;
      if (p.person.key === tp.person.key || p.person.tokens.some((t) => tp.person.tokens.includes(t))) continue;
      const score = 0.5 * slotScore(ctx.index, dctx, seedContext(c.sentence, { start: p.title.start, end: p.person.end })) + 0.5 * c.score;
      if (!best || score > best.score) best = { text: p.person.text, name: ctx.index.person(p.person.key)?.name ?? p.person.text, at: c.sentence, score };
    }
  }
  return best;
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
  rec = { ...rec, titles };
  const ok = rec.titles.find((t) => titlesCompatible(tp.title, t.title));
  if (ok) {
    confirm(ctx, 'title', tp.title, tp.title.text, [evidenceOf(ok.at)]);
    return true;
  }
  // Another person holds this office in the statement the draft follows: the name is what changed.
  const holder = otherHolder(ctx, sf, tp, cands);
  ctx.trace?.(`title "${tp.title.text} ${tp.person.text}" other holder=${holder ? `${holder.name}@${holder.score.toFixed(2)}` : '-'}`);
  // (The office already conflicts; the holder need only be a plausible alignment to take the blame off it.)
  if (holder && holder.score >= 0.35) {
    push(ctx, {
      kind: 'name',
      code: 'name-mismatch',
      range: { start: tp.person.start, end: tp.person.end },
      text: tp.person.text,
      expected: holder.name,
      message: `The seeds name ${holder.name} as ${tp.title.text} here; they give ${rec.name} as ${rec.titles[0].title.text}.`,
      severity: holder.score >= ALIGN.error ? 'error' : 'warning',
      evidence: [evidenceOf(holder.at), evidenceOf(rec.titles[0].at)],
    });
    return true;
  }
  // The seed title to offer: from the best-aligned seed sentence, else the first.
  const candSet = new Map(cands.map((c) => [c.sentence, c.score]));
  const ranked = [...rec.titles].sort((a, b) => (candSet.get(b.at) ?? 0) - (candSet.get(a.at) ?? 0));
  const seedTitle = ranked[0];
  const aligned = candSet.get(seedTitle.at) ?? 0;
  const severity: Severity = aligned >= ALIGN.warning ? 'error' : 'warning';
  push(ctx, {
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
  push(ctx, {
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
