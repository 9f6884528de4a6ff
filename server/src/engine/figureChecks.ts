// Figures: a draft number against the seed number about the same thing (qualifiers, rounding, sums,
// ages per person, one-digit slips, later counts).
import { distance } from 'fastest-levenshtein';
import { conceptOf, type SentenceFacts } from './facts';
import { figuresAgree, figureUnitsComparable, type Figure } from './figures';
import { evidenceOf, figureTerm, type SeedSentence } from './seeds';
import { ALIGN, anchoredFrame, type Candidate, countriesApart, topicWeight, localContext, mentionCandidates, sharesMatter, slotScore, severityFor, seedContext, storySeeds } from './align';
import { type Ctx, push, confirm, unverified } from './ledger';
import { titleCase } from './wording';
import { firstIndex } from './text';
import type { Entity } from './people';

/** How a finding names a figure: as written, or for a counted list, its count ("eight (Türkiye, … and Nigeria)"). */
export function describeFigure(f: Figure): string {
  return f.implied ? `${f.valueText} (${f.text})` : f.text;
}

/** The seed's value as a replacement for the draft's number: without its qualifier, a list as its count. */
function figureReplacement(f: Figure): string {
  return f.implied ? f.valueText : f.text.replace(/^(?:more than|over|past|about|around|some|nearly|almost|at least)\s+/i, '');
}

/** Two names for one person: the same key, or one's words all among the other's ("Abbie" and "Abbie Conman"). */
export function samePerson(a: string, b: string): boolean {
  if (a === b) return true;
  const at = a.split(' ');
  const bt = b.split(' ');
  return at.every((t) => bt.includes(t)) || bt.every((t) => at.includes(t));
}

/** A person's age against the ages the topical seeds give the same person. */
export function checkAge(ctx: Ctx, f: Figure): boolean {
  if (!f.person) return false;
  const ages: Array<{ g: Figure; s: SeedSentence }> = [];
  for (const doc of storySeeds(ctx)) {
    for (const s of doc.sentences) for (const g of s.facts.figures) if (g.unit === 'age' && g.person && samePerson(g.person, f.person)) ages.push({ g, s });
  }
  if (ages.length === 0) return false;
  const ok = ages.find((a) => figuresAgree(f, a.g));
  if (ok) {
    confirm(ctx, 'figure', f, f.text, [evidenceOf(ok.s)]);
    return true;
  }
  // Another person in the story has this age: the name or the age is wrong ("Lesley Conman, 12" where
  // the seeds give 12 to Abbie): one finding over both, offering the seed's age for the named person.
  const other = otherAge(ctx, f);
  if (other && f.personSpan) {
    const raw = ctx.draft.parsed.raw;
    const span = { start: Math.min(f.personSpan.start, f.valueSpan.start), end: Math.max(f.personSpan.end, f.valueSpan.end) };
    const text = raw.slice(span.start, span.end);
    const valueText = raw.slice(f.valueSpan.start, f.valueSpan.end);
    const own = ages[0].g.value;
    push(ctx, {
      kind: 'figure',
      code: 'figure-mismatch',
      range: span,
      text,
      expected: text.replace(valueText, String(own)),
      message: `The seeds give ${titleCase(f.person)} the age ${own}; ${f.value} is the age of ${titleCase(other.g.person!)}.`,
      severity: 'warning',
      evidence: [evidenceOf(ages[0].s), evidenceOf(other.s)],
    });
    return true;
  }
  const a = ages[0];
  push(ctx, {
    kind: 'figure',
    code: 'figure-mismatch',
    range: { start: f.valueSpan.start, end: f.end },
    text: ctx.draft.parsed.raw.slice(f.valueSpan.start, f.end),
    expected: String(a.g.value),
    message: `The seeds give ${titleCase(f.person)}'s age as ${a.g.value}, not ${f.value}.`,
    severity: 'error',
    evidence: [evidenceOf(a.s)],
  });
  return true;
}

export function otherAge(ctx: Ctx, f: Figure): { g: Figure; s: SeedSentence } | undefined {
  for (const doc of storySeeds(ctx)) {
    for (const s of doc.sentences) {
      for (const g of s.facts.figures) {
        if (g.unit === 'age' && g.person && !samePerson(g.person, f.person!) && figuresAgree(f, g)) return { g, s };
      }
    }
  }
  return undefined;
}

/** A value's order of magnitude (the power of ten of its first digit). */
function magnitude(v: number): number {
  return v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
}

/** "£3,311" where the story's seeds say "£1,311": one digit off a seed figure about the same thing. */
export function mistypedFigure(ctx: Ctx, f: Figure, cands: Candidate[]): { g: Figure; s: SeedSentence; score: number } | undefined {
  if (f.words || f.qualifier !== 'exact') return undefined;
  const digits = f.valueText.replace(/\D/g, '');
  if (digits.length < 2) return undefined;
  const score = new Map(cands.map((c) => [c.sentence, c.score]));
  let found: { g: Figure; s: SeedSentence; score: number } | undefined;
  for (const doc of storySeeds(ctx)) {
    for (const s of doc.sentences) {
      for (const g of s.facts.figures) {
        if (g.words || !figureUnitsComparable(f, g)) continue;
        if (figuresAgree(f, g)) return undefined; // the story has this value: not a typo
        const gd = g.valueText.replace(/\D/g, '');
        if (gd.length !== digits.length || distance(gd, digits) !== 1) continue;
        // (Digits alike, sizes apart: "700 websites" is no slip for "100m users".)
        if (magnitude(f.value) !== magnitude(g.value)) continue;
        if (digits.length < 3 && !(f.thing && f.thing === g.thing)) continue;
        const sc = score.get(s) ?? 0;
        if (sc >= 0.15 && (!found || sc > found.score)) found = { g, s, score: sc };
      }
    }
  }
  return found;
}

export function checkFigures(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): void {
  // The figures of this sentence that restate a seed figure (agree with it, and it is no other group's
  // value), two at most: asked of every seed figure for every draft figure, a scan of the sentence's
  // figures each time made a long sentence of figures quadratic.
  const restating = new Map<Figure, Figure[]>();
  const restatedByOther = (f: Figure, g: Figure, all: readonly Figure[]): boolean => {
    let found = restating.get(g);
    if (found === undefined) {
      found = [];
      // (Not a figure the seed sentence states itself elsewhere: "about 4.7%" is the seed's "about 4.7%",
      // not a restatement of the "4%" beside it.)
      const pairedElsewhere = (o: Figure) => !sameStatement(o, g) && statedAlikeIn(all, o, g, false);
      for (const o of sf.figures) if (figuresAgree(o, g) && !otherGroupsValue(o, g, all) && !pairedElsewhere(o) && found.push(o) === 2) break;
      restating.set(g, found);
    }
    return found.some((o) => o !== f);
  };
  // (Once per sentence: asked per figure, a long sentence of figures was quadratic.)
  const prospectHere = sf.figures.length > 0 && speaksOfProspects(sf);
  for (const f of sf.figures) {
    if (f.implied) continue; // a draft's own list is checked against its stated count (listChecks)
    if (f.unit === 'age' && checkAge(ctx, f)) continue;
    const dctx = localContext(sf, f);
    let best: { g: Figure; s: SeedSentence; score: number } | undefined;
    let agree: { g: Figure; s: SeedSentence; score: number } | undefined;
    // Between seed figures that align alike, the one of the draft's order of magnitude is the likelier
    // original ("about 1,400 killed" is a slip for "around 1,200", not for "past 14,100").
    let strongest = 0; // the closest alignment of any seed figure that disagrees
    // And the one that counts the draft's thing ("children") before one that counts everyone.
    const rank = (score: number, g: Figure) => score - (magnitudeGap(f, g) > 0.5 ? 0.1 : 0) + (f.thing && g.thing && sameThing(f, g) ? 0.2 : 0);
    for (const c of mentionCandidates(ctx, sf, f, cands, figureTerm(f.value))) {
      for (const g of c.sentence.facts.figures) {
        if (!figureUnitsComparable(f, g)) continue;
        // (What someone faced is not what they got: "was facing 20 years" neither confirms nor contradicts
        // "was sentenced to 20 years"; a draft that speaks of a maximum or a prospect compares with it.)
        if (!prospectHere && isProspect(c.sentence.facts, g)) continue;
        // (A handful against millions is no slip of the same quantity: "won four events" and "the 200m events".)
        if (Math.min(f.value, g.value) < 100 && magnitudeGap(f, g) >= 3) continue;
        let score = 0.55 * slotScore(ctx.index, dctx, seedContext(c.sentence, g)) + 0.45 * c.score;
        if (f.thing && g.thing) score += sameThing(f, g) ? 0.15 : -0.15;
        const frame = anchoredFrame(sf, f, c.sentence.facts, g);
        if (frame) score = Math.max(score, ALIGN.warning + 0.05 * (frame - 3));
        // The one figure of its kind and size in a closely restated sentence, facing the one in the seed's
        // ("At least 16,000 people have been killed" where the seed's toll "has risen past 14,100")
        // (Figures the other sentence restates are paired already: "ranked 402 … slipping from 285 in 2014"
        // against "at number 302 – down from 285 in 2014".)
        if (c.score >= 0.35 && soleCounterpart(sf.figures, f, g, c.sentence.facts.figures) && soleCounterpart(c.sentence.facts.figures, g, f, sf.figures)) score = Math.max(score, ALIGN.warning);
        if (figuresAgree(f, g)) {
          // The value of another group in a sentence that gives the draft's group its own value ("3,900
          // children" where the seed has "5,800 children and 3,900 women") agrees with nothing.
          if (otherGroupsValue(f, g, c.sentence.facts.figures)) continue;
          // A seed figure another figure of this sentence states as it is, is that figure's ("over 3 per cent
          // in 2004 to below 3.9 per cent" does not agree through the seed's "more than 3%").
          if (!sameStatement(f, g) && statedAlikeIn(sf.figures, g, f, true)) continue;
          if (!agree || score > agree.score) agree = { g, s: c.sentence, score };
        } else if (!restatedByOther(f, g, c.sentence.facts.figures) && !countriesApart(sf, c.sentence.facts) && (frame || (f.thing && g.thing && sameThing(f, g)) || sharesMatter(sf, c.sentence))) {
          // (A seed figure another figure of this sentence restates is taken; one of another country's report
          // is not this one's.)
          strongest = Math.max(strongest, score);
          if (!best || rank(score, g) > rank(best.score, best.g)) best = { g, s: c.sentence, score };
        }
      }
    }
    // The same value of another measure does not speak for a compound ("three-year deal" against "almost
    // three years after nearly leaving", where the story's contract is a "five-year" one), unless the seed
    // sentence speaks of the compound's thing ("a deal for three years").
    // (Ages are a person's, and a compound of the same value another thing's: "40-tonne rig", "40-tonne truck".)
    if (agree && f.unit !== 'age' && isCompound(f) && !isCompound(agree.g) && (agree.g.thing || !agree.s.terms.includes(conceptOf(f.thing!)))) agree = undefined;
    ctx.trace?.(`figure "${f.text}" agree=${agree ? `${agree.g.text}@${agree.score.toFixed(2)}` : '-'} best=${best ? `${best.g.text}@${best.score.toFixed(2)}` : '-'}`);
    // The same value in a sentence about the same thing is a paraphrase, wherever the best frame points.
    // "27 counts" for "21 counts of theft and six counts of extortion": a total of the seed's parts.
    // (All the disagreeing figures speak against the draft's: the closest alignment among them is the confidence.)
    if (best && strongest > best.score) best = { ...best, score: strongest };
    if (best && (!agree || agree.score < best.score)) agree = sumOfParts(ctx, sf, f, [{ sentence: best.s, score: best.score }]) ?? agree;
    // A measured value (tonnes, pounds, feet) that the story states as such is taken as the story's.
    // (Not a rate for a quantity: "9,500ft a minute" is no height of 9,500ft.)
    const sameValue = agree && agree.g.value === f.value && agree.g.per === f.per && (agree.score >= 0.3 || (topicWeight(ctx, agree.s) === 1 && (agree.score >= 0.15 || f.unit !== 'count')));
    // "Ernesto Bertarelli tops the list with a £13.17billion fortune" where the seeds give £13.17billion to
    // Len Blavatnik and Bertarelli £9.45billion: the value of another person (a name finding).
    if (agree && best && ownedByAnother(ctx, sf, f, agree, best)) continue;
    // (Not against a close restatement of a seed sentence that gives another value: "a tally of $40m from DVD
    // sales" where the seed sentence says $80m and "$40m" is the story's figure for something else.)
    // (Nor where the value is another subject's: "Wimpey reported a 19% rise in profits to £450.7m" does not
    // confirm "it reported a 6% rise in profits to £450.7m" where the sentence it restates says £280.2m.)
    const outweighed =
      !!best && best.score >= ALIGN.error && agree !== undefined && (best.score - agree.score >= 0.3 || (best.score - agree.score >= 0.15 && anotherSubject(sf, agree.s, best.s)));
    if (agree && (!best || agree.score >= best.score - 0.12 || (sameValue && !outweighed))) {
      confirm(ctx, 'figure', f, f.text, [evidenceOf(agree.s)]);
      continue;
    }
    if (!best || !severityFor(best.score)) {
      const typo = mistypedFigure(ctx, f, mentionCandidates(ctx, sf, f, cands));
      if (typo) {
        best = typo;
        best.score = Math.max(best.score, ALIGN.warning);
      }
    }
    if ((!best || !severityFor(best.score)) && !agree) {
      const only = storysOnlyCompound(ctx, f, cands);
      if (only) best = { ...only, score: ALIGN.warning };
    }
    if (!best) {
      unverified(ctx, 'figure', f, f.text);
      continue;
    }
    let severity = severityFor(best.score);
    if (!severity) {
      unverified(ctx, 'figure', f, f.text);
      continue;
    }
    const seedDate = best.s.seed.date;
    const later = ctx.draft.date && seedDate && ctx.draft.date > seedDate && f.value > best.g.value && f.unit === 'count';
    if (later) severity = 'information';
    push(ctx, {
      kind: 'figure',
      code: later ? 'figure-updated' : 'figure-mismatch',
      range: { start: f.valueSpan.start, end: f.end },
      text: ctx.draft.parsed.raw.slice(f.valueSpan.start, f.end),
      expected: figureReplacement(best.g),
      message: later
        ? `The seed gave ${describeFigure(best.g)} on ${seedDate}; this draft (${ctx.draft.date}) reports ${f.text}.`
        : `The seeds say ${describeFigure(best.g)}, not ${f.text}.`,
      severity,
      evidence: [evidenceOf(best.s)],
    });
  }
}

const PROSPECT_WORDS = new Set(['facing', 'faces', 'face', 'faced', 'maximum', 'max', 'potential', 'possible', 'possibly']);

/** Does the sentence speak of what might be (a maximum, a prospect) anywhere? */
function speaksOfProspects(sf: SentenceFacts): boolean {
  return sf.sentence.tokens.some((t) => PROSPECT_WORDS.has(t.key));
}

/** A figure stated as a prospect: "facing 20 years", "a maximum of 20 years", "a possible 10-year term". */
function isProspect(sf: SentenceFacts, g: Figure): boolean {
  const toks = sf.sentence.tokens;
  const at = firstIndex(toks.length, (i) => toks[i].end > g.start);
  for (let i = at - 1; i >= Math.max(0, at - 4); i--) if (PROSPECT_WORDS.has(toks[i].key)) return true;
  return false;
}

/** Is `g`, a seed figure of `f`'s value, about another thing than `f`, whose own value `all` gives otherwise? */
function otherGroupsValue(f: Figure, g: Figure, all: readonly Figure[]): boolean {
  // (Counts only: "a 20% stake" and "20% of Fiat" may be one share of one thing.)
  if (f.unit !== 'count' || g.unit !== 'count') return false;
  return !!f.thing && !!g.thing && !sameThing(f, g) && all.some((o) => o !== g && sameThing(f, o) && !figuresAgree(f, o));
}

// (A module constant: the bundler writes a literal with Unicode property escapes as `new RegExp(...)`,
// which a function would build again at every call.)
const COMPOUND = /^[\p{L}\p{N}]+-[\p{L}]/u;

/** A compound that counts an attribute: "25-time champion", "three-course meal", "a 10-point plan". */
function isCompound(f: Figure): boolean {
  return !!f.thing && COMPOUND.test(f.text);
}

/** Do two figures measure one specific thing: the same compound, or the same rate ("hours a week")? */
function sameMeasure(f: Figure, g: Figure): boolean {
  if (isCompound(f)) return isCompound(g) && sameThing(f, g);
  return !!f.per && f.per === g.per && f.unitWord === g.unitWord;
}

/**
 * "25-time champion" where the story's seeds know him only as a "20-time champion", "fourteen hours a
 * week" where they say "seven hours a week": the one value the story gives that compound or rate, in a
 * story the draft's sentence aligns with.
 */
function storysOnlyCompound(ctx: Ctx, f: Figure, cands: Candidate[]): { g: Figure; s: SeedSentence } | undefined {
  if (!isCompound(f) && !f.per) return undefined;
  const aligned = new Set(cands.filter((c) => c.score >= ALIGN.candidate).map((c) => c.sentence));
  let found: { g: Figure; s: SeedSentence } | undefined;
  for (const doc of storySeeds(ctx)) {
    for (const s of doc.sentences) {
      for (const g of s.facts.figures) {
        if (!figureUnitsComparable(f, g) || !sameMeasure(f, g)) continue;
        // (A compound's number is exact: a "1000-time champion" is no rounded "20-time" one.)
        if (f.value === g.value || (!isCompound(f) && figuresAgree(f, g)) || (found && found.g.value !== g.value)) return undefined;
        if (!found || (aligned.has(s) && !aligned.has(found.s))) found = { g, s };
      }
    }
  }
  // (In a sentence of the story that the draft's sentence aligns with, or in the story of one it does.)
  return found && (aligned.has(found.s) || [...aligned].some((s) => s.seed === found.s.seed)) ? found : undefined;
}

/** How many orders of magnitude apart two figures are (0.3 is a factor of two). */
function magnitudeGap(a: Figure, b: Figure): number {
  return Math.abs(Math.log10(Math.max(a.value, 1e-9) / Math.max(b.value, 1e-9)));
}

/**
 * Is `own` the only figure among `all` of `other`'s unit and within a factor of two of it, leaving out
 * those that restate a figure of the other sentence (`others`)?
 */
function soleCounterpart(all: readonly Figure[], own: Figure, other: Figure, others: readonly Figure[]): boolean {
  // (Only for sizeable figures: small counts are many in any sentence and mean many things.)
  if (own.value < 100 || other.value < 100) return false;
  const byValue = figuresByValue(others);
  const paired = (x: Figure) => x !== own && (byValue.get(x.value) ?? []).some((o) => o !== other && figureUnitsComparable(x, o));
  const near = (x: Figure) => !x.implied && figureUnitsComparable(x, other) && magnitudeGap(x, other) < 0.3 && !paired(x);
  if (!near(own)) return false;
  // (Stop at the second: a long sentence of figures must not be scanned whole for each pair.)
  let count = 0;
  for (const x of all) if (near(x) && ++count > 1) return false;
  return count === 1;
}

const valueMaps = new WeakMap<readonly Figure[], Map<number, Figure[]>>();

/** A sentence's figures by value, made once per sentence. */
function figuresByValue(figures: readonly Figure[]): Map<number, Figure[]> {
  let m = valueMaps.get(figures);
  if (!m) {
    m = new Map();
    for (const g of figures) {
      const list = m.get(g.value);
      if (list) list.push(g);
      else m.set(g.value, [g]);
    }
    valueMaps.set(figures, m);
  }
  return m;
}

/**
 * Does another figure of `figures` than `except` state `fig` as it is? (A draft's count of its own list is
 * no statement here: it is checked against the draft's stated count, listChecks.)
 */
function statedAlikeIn(figures: readonly Figure[], fig: Figure, except: Figure, draft: boolean): boolean {
  return (figuresByValue(figures).get(fig.value) ?? []).some((x) => x !== except && !(draft && x.implied) && figureUnitsComparable(x, fig) && sameStatement(x, fig));
}

/** Do two figures state the same value the same way: one number, one range, one score? */
function sameStatement(a: Figure, b: Figure): boolean {
  return a.value === b.value && (a.high ?? a.value) === (b.high ?? b.value) && (a.second ?? -1) === (b.second ?? -1);
}

/** Do two figures count the same thing? Their noun phrases share a word ("flood alerts", "Agency flood alerts"). */
export function sameThing(a: Figure, b: Figure): boolean {
  const bs = new Set((b.things ?? (b.thing ? [b.thing] : [])).map(conceptOf));
  return (a.things ?? (a.thing ? [a.thing] : [])).some((t) => bs.has(conceptOf(t)));
}

export function sumOfParts(ctx: Ctx, sf: SentenceFacts, f: Figure, cands: Candidate[]): { g: Figure; s: SeedSentence; score: number } | undefined {
  if (!f.thing || f.unit !== 'count' || f.qualifier !== 'exact') return undefined;
  for (const c of cands) {
    const parts = c.sentence.facts.figures.filter((g) => g.unit === 'count' && g.thing === f.thing);
    if (parts.length < 2) continue;
    const total = parts.reduce((n, g) => n + g.value, 0);
    if (total === f.value) return { g: { ...parts[0], value: total, text: String(total), valueText: String(total) }, s: c.sentence, score: c.score };
  }
  void sf;
  void ctx;
  return undefined;
}

// Who the story gives a value to, worked out once per check and value (each seed sentence's figures are
// read again from its text: once per claim would make a long draft of figures slow).
const valueOwners = new WeakMap<Ctx, Map<string, { owners: Entity[] | undefined; valueSentences: SeedSentence[] }>>();

/** The person every sentence of the seed that states this value and names someone names, and those sentences. */
function ownersOfValue(ctx: Ctx, at: SeedSentence, f: Figure): { owners: Entity[] | undefined; valueSentences: SeedSentence[] } {
  let memo = valueOwners.get(ctx);
  if (!memo) valueOwners.set(ctx, (memo = new Map()));
  const key = `${at.seed.path}\u0000${f.unit}\u0000${f.unitWord ?? ''}\u0000${f.value}`;
  const known = memo.get(key);
  if (known) return known;
  let owners: Entity[] | undefined;
  const valueSentences: SeedSentence[] = [];
  for (const s of at.seed.sentences) {
    if (!s.facts.figures.some((g) => figureUnitsComparable(f, g) && g.value === f.value)) continue;
    valueSentences.push(s);
    const named = peopleOf(s.facts.entities);
    if (named.length > 0) owners = owners ? owners.filter((o) => named.some((q) => samePerson(o.key, q.key))) : named;
  }
  const found = { owners, valueSentences };
  memo.set(key, found);
  return found;
}

/**
 * Does a seed sentence open on a subject (a person or a body named in its first words) that neither the
 * draft's sentence nor the seed statement it restates names?
 */
function anotherSubject(sf: SentenceFacts, s: SeedSentence, restated: SeedSentence): boolean {
  const toks = s.facts.sentence.tokens;
  if (toks.length === 0) return false;
  // (A name starts at a word: one that starts no later than the third word is among the first three. A name of
  // no known kind counts after the first word only: a sentence's first word is capitalised anyway.)
  const third = toks[Math.min(2, toks.length - 1)].start;
  const first = s.facts.entities.find((e) => e.start <= third && (e.type === 'person' || e.type === 'org' || (e.type === 'other' && e.start > toks[0].start)));
  if (!first) return false;
  const named = (entities: readonly Entity[]) => entities.some((e) => e.key === first.key || e.tokens.some((t) => first.tokens.includes(t)));
  return !named(sf.entities) && !named(restated.facts.entities);
}

/** The people a sentence names (keys), possessives included. */
function peopleOf(entities: readonly Entity[]): Entity[] {
  return entities.filter((x) => x.type === 'person' && x.tokens.length >= 2);
}

/**
 * A precise value (three significant digits or more) the story gives another person, in a draft sentence
 * whose person the closest-aligned seed sentence gives another value of that unit: one name finding, over
 * the draft's person, offering the person the seeds give this value.
 */
function ownedByAnother(ctx: Ctx, sf: SentenceFacts, f: Figure, agree: { g: Figure; s: SeedSentence; score: number }, best: { g: Figure; s: SeedSentence; score: number }): boolean {
  if (best.score < ALIGN.warning || best.score - agree.score < 0.15 || f.qualifier !== 'exact') return false;
  if (f.valueText.replace(/\D/g, '').replace(/0+$/, '').length < 3 || topicWeight(ctx, agree.s) < 1) return false;
  const { owners, valueSentences } = ownersOfValue(ctx, agree.s, f);
  const draftPeople = peopleOf(sf.entities);
  const names = (people: readonly Entity[], p: Entity) => people.some((q) => samePerson(p.key, q.key));
  const own = draftPeople.find((p) => names(peopleOf(best.s.facts.entities), p) && !valueSentences.some((s) => names(peopleOf(s.facts.entities), p)));
  const others = (owners ?? []).filter((q) => !names(draftPeople, q));
  if (!own || others.length !== 1) return false;
  const other = others[0];
  push(ctx, {
    kind: 'name',
    code: 'name-mismatch',
    range: { start: own.start, end: own.end },
    text: own.text,
    expected: other.text,
    message: `The seeds give ${f.text} to ${other.text}, and ${own.text} ${best.g.text}.`,
    severity: 'warning',
    evidence: [evidenceOf(agree.s), evidenceOf(best.s)],
  });
  return true;
}
