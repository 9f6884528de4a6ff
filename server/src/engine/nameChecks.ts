// Names of people, organisations and places: substitutions in restated seed statements.
import { distance } from 'fastest-levenshtein';
import { READING_CONTEXT, type SentenceFacts } from './facts';
import { CAPITALS, NAME_KINDS, NAME_PARTICLES, NUMBER_WORDS, PLACE_ALIASES, partyWord, placeGroup, STOPWORDS, MONTHS, ORG_WORDS } from './lexicon';
import { isPartyWord, isTitleToken, type Entity } from './people';
import { evidenceOf, isCommonEnglish, type SeedDoc, type SeedSentence } from './seeds';
import { firstIndex, sameWordsButNumber, spelledAlike, stem, tokenKey } from './text';
import { ALIGN, type Candidate, topicWeight, topicalSeeds, localContext, mentionCandidates, frameMatch, slotScore, severityFor, termsOf, storySeeds } from './align';
import { type Ctx, push, confirm, unverified, draftSurname, draftWrites, findingOver } from './ledger';
import { type Severity } from './types';
import { nearSpelling, nameSpellingFinding, ofStory } from './peopleChecks';

/** A capital named as a place ("in Cairo", "to Ankara"): the city, not its country speaking ("Ankara says"). */
export function isCityHere(ctx: Ctx, e: Entity): boolean {
  return CAPITALS.has(e.key) && /\b(?:in|at|to|from|near|outside|inside|into|around|across)\s+(?:the\s+)?$/i.test(ctx.draft.parsed.prose.slice(Math.max(0, e.start - 16), e.start));
}

/** Does the story's seeds (those about what the draft is about) write this name, or all its words? */
export function isKnownName(ctx: Ctx, e: Entity): boolean {
  const topical = topicalSeeds(ctx);
  if (ctx.index.knowsEntity(e.key, topical)) return true;
  // A country the story names in any form ("Turkey" where it says "Türkiye", "British" for "UK")
  const place = (key: string) => {
    const g = placeGroup(key);
    return g !== undefined && PLACE_ALIASES[g].some((w) => ctx.index.knowsEntity(w, topical) || (!w.includes(' ') && ctx.index.knowsNameToken(w, topical)));
  };
  // (A capital stands for its country as an actor, "Ankara says"; "in Tokyo" is the city, which the seeds must name.)
  const city = isCityHere(ctx, e);
  if (!city && place(e.key)) return true;
  // A club or network the story writes another way ("Manchester United" for "Man Utd")
  if (formsOf(e.key).some((form) => ctx.index.knowsEntity(form, topical))) return true;
  // Every word of it appears in seed names ("Gaza authorities", "Fidan" alone)
  const words = e.tokens.filter((t) => !STOPWORDS.has(t));
  return words.length > 0 && words.every((t) => ctx.index.knowsNameToken(t, topical) || (!city && place(t)) || isTitleToken(t));
}

/** Does the name open the sentence, or a quotation in it ('Mr Sridharan said: "Speed is important"')? */
function opensSentence(sf: SentenceFacts, e: Entity): boolean {
  const toks = sf.sentence.tokens;
  if (toks[0]?.start === e.start) return true;
  const i = firstIndex(toks.length, (k) => toks[k].start >= e.start);
  return i > 0 && i < toks.length && toks[i].start === e.start && OPENING_QUOTE.test(sf.sentence.text.slice(toks[i - 1].end - sf.sentence.start, e.start - sf.sentence.start));
}

/** The gap before a quotation's first word: a quote mark right before it (a closing one has a space after). */
const OPENING_QUOTE = /^[^\p{L}\p{N}]*["“‘]$/u;

/** A capitalised word that is just a common word at the head of a sentence or in a headline. */
export function isCommonWord(ctx: Ctx, sf: SentenceFacts, e: Entity): boolean {
  if (e.tokens.every((t) => isTitleToken(t) || STOPWORDS.has(t) || MONTHS.includes(t) || t in NUMBER_WORDS)) return true;
  if (e.tokens.length > 1) return false;
  const t = e.tokens[0];
  // (A name of a kind, "Buzzfeed", "Instagram", is a name wherever it stands, unless the text writes it in lower case.)
  if (kindOf(t) && !ctx.index.knowsLowerWord(t)) return false;
  const initial = opensSentence(sf, e);
  const shouting = e.text === e.text.toUpperCase() && e.text.length > 1;
  if (!(initial || shouting || sf.sentence.heading) || !(ctx.index.knowsLowerWord(t) || STOPWORDS.has(t) || !ctx.index.knowsNameToken(t))) return false;
  // (Unless it says or tells something and is the surname of a person of the story: "Cook told Newsnight"
  // where the story's Robin Cook is "Mr Cook", though other stories cook.)
  return !(initial && !sf.sentence.heading && speaks(sf, e) && ctx.index.bySurname(t).some((p) => ofStory(ctx, p)));
}

/** Verbs of speech after a speaker's name ("Cook told", "Brown said"). */
const SPEECH_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'adds', 'insisted', 'insists', 'warned', 'warns', 'argued', 'argues', 'claimed', 'claims', 'explained']);

/** Is the name followed by a verb of speech ("Cook told", "Brown said")? */
function speaks(sf: SentenceFacts, e: Entity): boolean {
  const toks = sf.sentence.tokens;
  const i = firstIndex(toks.length, (k) => toks[k].start >= e.end);
  return i < toks.length && SPEECH_VERBS.has(toks[i].key);
}

/**
 * A name the seeds know, behind a sentence's first word that they write in lower case and never in a name
 * ("Disappointed Scott said …", "Slimmer PlayStation triples sales"): the word is no part of the name.
 */
function openedByCommonWord(ctx: Ctx, sf: SentenceFacts, e: Entity): boolean {
  if (e.tokens.length < 2 || !opensSentence(sf, e)) return false;
  const first = e.tokens[0];
  return ctx.index.knowsLowerWord(first) && !ctx.index.knowsNameToken(first) && ctx.index.knowsEntity(e.tokens.slice(1).join(' '));
}

export function checkNames(ctx: Ctx, sf: SentenceFacts, sentenceCands: Candidate[], handled: Set<Entity>): void {
  const draftKeys = new Set(sf.entities.map((x) => x.key));
  const sentenceWords = new Map<string, number>();
  for (const t of sf.sentence.tokens) sentenceWords.set(t.key, (sentenceWords.get(t.key) ?? 0) + 1);
  for (const e of sf.entities) {
    // (Before the common-word test: a surname the draft gave in full earlier is a name wherever it stands.)
    if (handled.has(e) || laterMentionOfWrongName(ctx, e) || isCommonWord(ctx, sf, e) || openedByCommonWord(ctx, sf, e)) continue;
    const known = isKnownName(ctx, e);
    if (!known) {
      const spelled = nearSpelling(ctx, e.key);
      if (spelled) {
        nameSpellingFinding(ctx, e, spelled);
        continue;
      }
      const sibling = otherOfKind(ctx, sf, e, sentenceCands);
      if (sibling) {
        nameMismatch(ctx, e, sibling.g.text, `The seeds say ${sibling.g.text} here; they never mention ${e.text}.`, 'warning', sibling.s);
        continue;
      }
      const neighbour = otherPlaceOfCountry(ctx, sf, e);
      if (neighbour) {
        nameMismatch(ctx, e, neighbour.g.text, `The seeds say ${neighbour.g.text}, ${neighbour.country}; they never mention ${e.text}.`, 'warning', neighbour.s);
        continue;
      }
      const numbered = otherNumeral(ctx, e);
      if (numbered) {
        nameMismatch(ctx, e, numbered.text, `The seeds say ${numbered.text}, not ${e.text}.`, 'error', numbered.at);
        continue;
      }
      const relative = otherFirstName(ctx, e);
      if (relative) {
        nameMismatch(ctx, e, relative.text, `The seeds name ${relative.text}; they never mention ${e.text}.`, 'warning', relative.at);
        continue;
      }
      const sibling2 = otherSurname(ctx, sf, e, sentenceCands);
      if (sibling2) {
        nameMismatch(ctx, e, sibling2.text, `The seeds name ${sibling2.text} here; they never mention ${e.text}.`, 'warning', sibling2.at);
        continue;
      }
      const reworded = otherWording(ctx, e);
      if (reworded) {
        nameMismatch(ctx, e, reworded.text, `The seeds say ${reworded.text}, not ${e.text}.`, 'warning', reworded.at);
        continue;
      }
    }
    // Substitution: the seed sentence the draft follows has another name in the same slot.
    const dctx = localContext(sf, e, 4);
    // (Words of the sentence outside this name: counted once per sentence, as a long sentence has many names.)
    const besideName = (t: string) => (sentenceWords.get(t) ?? 0) > e.tokens.filter((x) => x === t).length;
    let best: { g: Entity; s: SeedSentence; score: number } | undefined;
    const cands = mentionCandidates(ctx, sf, e, sentenceCands);
    // The best-aligned seed sentence that writes this very name supports it.
    // (A city is not its country: "held in Cairo" is not supported by a seed that lists Egypt.)
    const city = isCityHere(ctx, e);
    const same = (g: Entity) => (city ? g.key === e.key : sameName(e, g) || spelledOutAround(sf, e, g));
    const support = Math.max(0, ...cands.filter((c) => c.sentence.facts.entities.some(same)).map((c) => c.score));
    for (const c of cands) {
      // (Below 0.35 only a name given in the seed's naming frame is compared: see namingWordBefore.)
      if (c.score <= support + 0.05 || (c.score < 0.35 && known)) continue;
      // A name the story never writes is compared only with the story's own seeds: in another story's
      // sentence, another name is simply another story.
      if (!known && topicWeight(ctx, c.sentence) < 1) continue;
      for (const g of c.sentence.facts.entities) {
        // (Names ending in the same word name the same kind of thing, however they were typed: "US News
        // Record" and "Guinness World Record".)
        if (draftKeys.has(g.key) || !(typesComparable(e, g) || sameHead(e, g) || sameKind(e, g)) || same(g)) continue;
        if (city && placeGroup(g.key) !== undefined && placeGroup(g.key) === placeGroup(e.key)) continue; // "to Cairo" for "to Egypt"
        // (A nationality names a people, compared with another people or a country, not with a region or a
        // town: "the East Midlands voted" does not stand where "the British people" do.)
        if ((isNationality(g) && placeGroup(e.key) === undefined) || (isNationality(e) && placeGroup(g.key) === undefined)) continue;
        // (The seed's name written elsewhere in the draft's sentence is not replaced; a word it shares with
        // this name is the part they agree on: "US News Record" for "Guinness World Record".)
        if (g.tokens.some((t) => besideName(t) && !STOPWORDS.has(t))) continue;
        // (Nor a seed's common word read as a name: "Terror" opening the headline "Terror detainees win".)
        if (isTitleOnly(g) || isAcronymOf(e, c.sentence) || isCommonWord(ctx, c.sentence.facts, g)) continue;
        const frame = frameMatch(sf, e, c.sentence.facts, g);
        const naming = !known && frame >= 3 && namingWordBefore(sf, e) && namingWordBefore(c.sentence.facts, g) && topicWeight(ctx, c.sentence) >= 1;
        if (c.score < 0.35 && !naming) continue;
        const local = slotScore(ctx.index, dctx, localContext(c.sentence.facts, g, 4));
        // A name the seeds know elsewhere replaces this one only in a copied frame ("X has signed a new deal");
        // an unknown one needs at least a word of the frame or a closely shared context.
        // (A closely shared context is one of three words or more: "said 5,800 people died" holds two, and
        // "planting the IRA bombs which killed seven people" shares both.)
        if (known ? frame < 3 && !restatedSlot(ctx, e, g, c, local) : !((frame >= 1 && c.score >= 0.4) || (local >= 0.75 && dctx.size >= 3) || naming)) continue;
        const score = 0.6 * local + 0.4 * c.score + 0.05 * frame;
        if ((local >= 0.5 || (!known && frame >= 1)) && (!best || score > best.score)) best = { g, s: c.sentence, score };
      }
    }
    // A name the story's seeds never write, in a sentence that restates a seed statement about someone
    // else ("Kylian Mbappe has signed a new deal" where the seed says Henderson has): that someone.
    if (!best && !known && looksLikePersonName(ctx, e)) best = unknownInStatement(ctx, sf, e, cands, 0.35);
    // A person the story knows, put in the place of another in a closely restated statement, where no
    // seed statement about the draft's person aligns ("Lionel Messi scored his 300th goal").
    if (!best && known && e.type === 'person' && !kindOf(e.key) && support < 0.3) best = unknownInStatement(ctx, sf, e, cands, 0.55);
    // The subject of a restated statement, where the seeds give that statement to someone else
    // ("Gordon Brown left a memo" where "Liam Byrne … left a memo").
    if (!best && (e.type === 'person' || e.tokens.length === 1)) best = subjectSwap(ctx, sf, e, cands);
    // The speaker of quoted words: "X insists his side can take 'great heart'" where the seeds quote Y.
    if (!best && (e.type === 'person' || e.tokens.length === 1)) best = quoteSwap(ctx, sf, e);
    ctx.trace?.(`name "${e.text}" (${e.type}${known ? ', known' : ''}) best=${best ? `${best.g.text}@${best.score.toFixed(2)}` : '-'}`);
    const severity = best ? severityFor(best.score) : undefined;
    if (!best || !severity) {
      if (known) confirmName(ctx, e);
      else unverified(ctx, 'name', e, e.text);
      continue;
    }
    const seedName = nameOnly(ctx, best.g.text);
    nameMismatch(ctx, e, seedName, known ? `In the seeds it is ${seedName} here, not ${e.text}.` : `The seeds say ${seedName} here; they never mention ${e.text}.`, severity, best.s);
  }
}

/**
 * A seed statement the draft's sentence restates closely, words around the name and all ("Mr Okafor is
 * under arrest for fraud by the police of Brackley" where the seed has "… by the police of Daventry"): the
 * place or body of the same kind it names in that slot stands against one the story knows elsewhere, copied
 * frame or not. (Only the story's own statement: another story's may well have another place. Not a person:
 * a person's statement restated is subjectSwap's.)
 */
function restatedSlot(ctx: Ctx, e: Entity, g: Entity, c: Candidate, local: number): boolean {
  return e.type !== 'person' && g.type === e.type && c.score >= RESTATED.sentence && local >= RESTATED.local && topicWeight(ctx, c.sentence) >= 1;
}

const RESTATED = { sentence: 0.85, local: 0.7 };

/**
 * A name given as a name ("known only as X", "a dog named X", "dubbed X"), in a naming frame of three words
 * or more the seed writes too: the story's name in that frame is the name, however little else of the
 * sentence is the seed's ("The man, known only as Zeng, was keen …" where the seed has "known only as Wu").
 */
function namingWordBefore(sf: SentenceFacts, e: Entity): boolean {
  const toks = sf.sentence.tokens;
  const at = firstIndex(toks.length, (i) => toks[i].end > e.start);
  return at > 0 && /^(?:as|named|called|dubbed|nicknamed)$/.test(toks[at - 1].key);
}

/**
 * Words the draft quotes and puts in its subject's mouth, which a seed of the story quotes as another
 * person's: the speaker named where the quotation (or the run of quoted sentences it is part of) is
 * attributed ("'…,' Tom Ashby told the club's channel. '… great heart …'").
 */
function quoteSwap(ctx: Ctx, sf: SentenceFacts, e: Entity): { g: Entity; s: SeedSentence; score: number } | undefined {
  if (!isSubject(ctx, sf, e) || !(isPersonName(ctx, e, sf) || looksLikePersonName(ctx, e) || isSurname(ctx, e))) return undefined;
  const m = /(?:^|[\s(])['‘"“]([^'‘’"“”]{6,80})['’"”](?=[\s.,;:!?)]|$)/.exec(sf.sentence.text.slice(e.end - sf.sentence.start));
  const quoted = m?.[1].trim().toLowerCase();
  if (!quoted || !quoted.includes(' ')) return undefined;
  const words = sf.sentence.tokens.filter((t) => quoted.includes(t.key)).map((t) => t.key);
  for (const c of ctx.index.retrieve(words, 12)) {
    const text = c.sentence.facts.sentence.text;
    const at = text.toLowerCase().indexOf(quoted);
    if (topicWeight(ctx, c.sentence) < 1 || at < 0 || !insideQuote(text, at)) continue;
    const speaker = speakerOf(c.sentence);
    ctx.trace?.(`quote "${quoted}" of ${speaker?.text ?? '-'}`);
    if (!speaker || sameName(e, speaker) || sf.entities.some((x) => sameName(x, speaker))) return undefined;
    return { g: speaker, s: c.sentence, score: ALIGN.warning };
  }
  return undefined;
}

/** Is a place in a text within quotation marks: after an opening mark (at the start or after a space) that no closing mark has ended? */
function insideQuote(text: string, at: number): boolean {
  let open = false;
  for (let i = 0; i < at; i++) {
    if (!/['‘’"“”]/.test(text[i])) continue;
    if (!open && (i === 0 || /[\s(]/.test(text[i - 1]))) open = true;
    else if (open && (i + 1 === text.length || /[\s.,;:!?)]/.test(text[i + 1]))) open = false;
  }
  return open;
}

/** Who speaks a quoted seed sentence: the person named beside "said" in it, or in the quoted sentences just before it. */
function speakerOf(s: SeedSentence): Entity | undefined {
  const at = s.seed.sentences.indexOf(s);
  for (let k = at; k >= 0 && k > at - 6; k--) {
    const facts = s.seed.sentences[k].facts;
    const text = facts.sentence.text;
    if (k < at && !/^\s*['‘"“]/.test(text)) return undefined;
    const toks = facts.sentence.tokens;
    for (const g of facts.entities) {
      if (g.type !== 'person' && !(g.tokens.length === 1 && oneWordPeopleOf(s.seed).has(g.tokens[0]))) continue;
      const i = firstIndex(toks.length, (j) => toks[j].end > g.start);
      const j = firstIndex(toks.length, (j) => toks[j].start >= g.end);
      // (Right after a closing quotation mark, not an opening one: "…,' Ashby told …", or "said Ashby".)
      if ((SPEECH_VERBS.has(toks[j]?.key ?? '') && /\S['’"”]\s*$/.test(facts.sentence.text.slice(0, g.start - facts.sentence.start))) || SPEECH_VERBS.has(toks[i - 1]?.key ?? '')) return fullName(s.seed, g);
    }
    if (k < at || /^\s*['‘"“]/.test(text)) continue;
    return undefined;
  }
  return undefined;
}

/** A people's adjective or name ("British", "Turkish", "Palestinians"), not its country's name. */
function isNationality(e: Entity): boolean {
  const group = placeGroup(e.key);
  return group !== undefined && PLACE_ALIASES[group][0] !== e.key && /(?:ish|ese|ian|ians|ean|an|ch|i)$/.test(e.key.replace(/'s$/, ''));
}

/** Two names of one kind (two football clubs, two social networks), however they were typed. */
function sameKind(a: Entity, b: Entity): boolean {
  const ka = kindOf(a.key);
  const kb = kindOf(b.key);
  return !!ka && !!kb && ka.kind === kb.kind && ka.name !== kb.name;
}

/** Two names of several words ending in the same word, the draft's not a person's (surnames are checked as people). */
function sameHead(a: Entity, b: Entity): boolean {
  return a.tokens.length > 1 && b.tokens.length > 1 && a.tokens[a.tokens.length - 1] === b.tokens[b.tokens.length - 1] && a.type !== 'person' && b.type !== 'place';
}

/**
 * "Rodriguez and his team-mates" after "James Rodriguez scored his 300th goal" was found to be Ronaldo's
 * statement: the draft's later mentions by surname of a person it put in another's place are the same slip.
 */
function laterMentionOfWrongName(ctx: Ctx, e: Entity): boolean {
  if (e.tokens.length !== 1) return false;
  const full = draftSurname(ctx, e.tokens[0]);
  if (!full || full.start >= e.start) return false;
  // (The finding over the full name, looked up by its span: a scan of all findings per name made a long
  // draft of names quadratic.)
  const first = findingOver(ctx, full);
  if (!first || first.kind !== 'name' || first.code !== 'name-mismatch' || first.range.start !== full.start || first.range.end !== full.end || !first.expected) return false;
  const seedName = first.expected.split(/\s+/).pop()!;
  // ("Mr Byrne" after "Rose Byrne" for Liam Byrne: the surname itself was right.)
  if (tokenKey(seedName) === e.tokens[0]) return false;
  const message = `In the seeds it is ${seedName} here, not ${e.text} (the draft's ${first.text}, in the place of ${first.expected}).`;
  push(ctx, { kind: 'name', code: 'name-mismatch', range: { start: e.start, end: e.end }, text: e.text, expected: seedName, message, severity: first.severity, evidence: first.evidence });
  return true;
}

/** A name finding over the draft's name, offering the seed's, with the seed sentence as evidence. */
function nameMismatch(ctx: Ctx, e: Entity, expected: string, message: string, severity: Severity, at: SeedSentence): void {
  push(ctx, { kind: 'name', code: 'name-mismatch', range: { start: e.start, end: e.end }, text: e.text, expected, message, severity, evidence: [evidenceOf(at)] });
}

/** "Hummels's", "Evans'": a name written as a possessive, which names no subject. */
function isPossessive(e: Entity): boolean {
  return /['’]s?$/.test(e.text);
}

/** Two mentions of one name: equal, aliases (UK, Britain), a short form ("Rob", "Robert"), one inside the other. */
export function sameName(a: Entity, b: Entity): boolean {
  if (a.key === b.key) return true;
  const ga = placeGroup(a.key);
  if (ga !== undefined && ga === placeGroup(b.key)) return true;
  // Another way of writing one club or network ("Man Utd", "Manchester United"; "the Gunners", "Arsenal")
  const ka = kindOf(a.key);
  const kb = ka && kindOf(b.key);
  if (ka && kb && ka.kind === kb.kind && ka.name === kb.name) return true;
  if (a.tokens.every((t) => b.tokens.includes(t)) || b.tokens.every((t) => a.tokens.includes(t))) return true;
  // (The same letters with or without accents: "José" and "Jose"; another romanisation: "Yanukovych" and
  // "Yanukovich"; a plural inside a longer name: "X-rays for TB" and "X-ray for TB".)
  if (spelledAlike(a.key, b.key) || (a.tokens.length > 1 && sameWordsButNumber(a.tokens, b.tokens))) return true;
  // (A body and its acronym: "General Motors" and "GM", "Office for National Statistics" and "ONS".)
  if (acronymOf(a, b) || acronymOf(b, a)) return true;
  // (An office before a name is no part of it: "PM Blair", "Prime Minister Tony Blair" and "Tony Blair".)
  const oa = withoutOffice(a.tokens);
  const ob = withoutOffice(b.tokens);
  const named = (words: string[]) => words.some((t) => !isTitleToken(t) && !OFFICE_ABBREVIATIONS.has(t));
  if ((oa !== a.tokens || ob !== b.tokens) && named(oa) && named(ob) && (oa.every((t) => ob.includes(t)) || ob.every((t) => oa.includes(t)))) return true;
  // (A party's other name: "the Tories" and "the Conservatives", "Tory MP for Sleaford".)
  if (a.tokens.length === b.tokens.length && a.tokens.every((t, i) => partyWord(t) === partyWord(b.tokens[i]))) return true;
  // (A body named with its country either way, or without it: "United States Supreme Court", "US Supreme
  // Court", "Supreme Court"; not "French Open" and "US Open".)
  const ca = countryLed(a);
  const cb = countryLed(b);
  if (ca || cb) {
    if (ca && cb ? ca.group === cb.group && ca.rest === cb.rest : (ca?.rest ?? a.key) === (cb?.rest ?? b.key)) return true;
  }
  // (Initials for first names: "S Grimes" and "Stuart Grimes", "J.K. Rowling" and "Joanne Kathleen Rowling".)
  if (initialled(a, b) || initialled(b, a)) return true;
  // (A number in words or digits, apart or joined: "BBC Two" and "BBC2", "Radio Four" and "Radio 4".)
  if (/\d/.test(a.key) !== /\d/.test(b.key) && numeralsJoined(a.key) === numeralsJoined(b.key)) return true;
  if (a.tokens.length === 1 && b.tokens.length === 1) {
    const [x, y] = a.key.length <= b.key.length ? [a.key, b.key] : [b.key, a.key];
    if (x.length >= 3 && y.startsWith(x)) return true;
  }
  return false;
}

// (Regular expressions with Unicode property escapes are module constants: the bundler writes such a
// literal as `new RegExp(...)`, which a function would build again at every call.)
const DOTTED_LETTERS = /^(?:\p{L}\.)+\p{L}\.?$/u;
const OWNER_LISTED_AFTER = /^\s+and\s+(?:\p{Lu}[\p{L}-]*\s+){0,3}\p{Lu}[\p{L}-]*['’]s?(?=\s)/u;

/** Is `short` the name `long` with its first names written as initials ("s grimes", "stuart grimes")? */
function initialled(short: Entity, long: Entity): boolean {
  const lt = long.tokens;
  // (Most names compared end in another word: told before the initials are read.)
  const last = short.tokens[short.tokens.length - 1];
  if (lt.length < 2 || (last !== lt[lt.length - 1] && !DOTTED_LETTERS.test(last))) return false;
  const st = short.tokens.flatMap((t) => (DOTTED_LETTERS.test(t) ? t.split('.').filter(Boolean) : [t]));
  if (st.length !== lt.length || st.length < 2 || st[st.length - 1] !== lt[lt.length - 1]) return false;
  let initials = 0;
  for (let i = 0; i < st.length - 1; i++) {
    if (st[i] === lt[i]) continue;
    if (st[i].length !== 1 || lt[i].length < 2 || lt[i][0] !== st[i]) return false;
    initials++;
  }
  return initials > 0;
}

/** A name's key with its number words as digits and no space or hyphen: "bbc two" and "bbc2" are "bbc2". */
function numeralsJoined(key: string): string {
  return key.replace(/[a-z]+/g, (w) => (Object.hasOwn(NUMBER_WORDS, w) && NUMBER_WORDS[w] < 100 ? String(NUMBER_WORDS[w]) : w)).replace(/[\s-]+/g, '');
}

const POSSESSIVE_END = /['’]s?$/;
const ACRONYM = /^\p{Lu}{2,6}$/u;

/** The letters of a one-word name written as an acronym ("GM", "IAAF's" -> "IAAF"), or undefined. */
function acronymLetters(e: Entity): string | undefined {
  if (e.tokens.length !== 1 || e.key.length > 8) return undefined;
  const letters = e.text.replace(POSSESSIVE_END, '');
  return ACRONYM.test(letters) ? letters : undefined;
}

/** Is `short` (two to six capitals: "GM", "IAAF") the initials of `long`'s words ("General Motors", "International Association of Athletics Federations")? */
function acronymOf(short: Entity, long: Entity): boolean {
  // (the cheap tests first: sameName is asked often, and a held name's text is read from its seed)
  if (long.tokens.length < 2) return false;
  const letters = acronymLetters(short);
  if (letters === undefined) return false;
  const words = long.text.replace(POSSESSIVE_END, '').split(/[\s-]+/).filter((w) => !STOPWORDS.has(w.toLowerCase()) && w !== '&');
  return words.length === letters.length && words.every((w, i) => w[0] === letters[i]);
}

/**
 * Is a seed's acronym ("SEC", "ICRC") spelt out by the capitalised words around this name in the draft
 * sentence, of which the name is a part ("Exchange Commission" in "the Securities and Exchange Commission",
 * "Red Cross" in "the International Committee of the Red Cross")?
 */
function spelledOutAround(sf: SentenceFacts, e: Entity, g: Entity): boolean {
  const letters = acronymLetters(g);
  if (letters === undefined) return false;
  const toks = sf.sentence.tokens;
  // (By a binary search: asked per name and per seed acronym, a scan of a long sentence was quadratic.)
  const first = firstIndex(toks.length, (k) => toks[k].start >= e.start);
  if (first >= toks.length) return false;
  let last = first;
  while (last + 1 < toks.length && toks[last + 1].end <= e.end) last++;
  const linking = (k: number) => toks[k].cap || /^(?:and|of|for|the|&)$/.test(toks[k].key);
  let from = first;
  while (from > 0 && first - from < 8 && linking(from - 1)) from--;
  let to = last;
  while (to + 1 < toks.length && to - last < 8 && linking(to + 1)) to++;
  const initials = toks.slice(from, to + 1).filter((t) => t.cap).map((t) => t.text[0]).join('');
  const own = toks.slice(first, last + 1).filter((t) => t.cap).map((t) => t.text[0]).join('');
  const at = initials.indexOf(letters);
  const ownAt = initials.indexOf(own, Math.max(0, at));
  // (the acronym within the name's own words, or the name's words within the acronym's spelt-out run)
  return own.includes(letters) || (at >= 0 && own.length > 0 && ownAt >= at && ownAt + own.length <= at + letters.length);
}

/** Office words a name may open with that are no title word elsewhere ("PM Blair"). */
const OFFICE_ABBREVIATIONS = new Set(['pm']);

/** Party words are title words too ("Labour MP"), but a side is no office to drop: "Labour MP for Wexham" is not the Tory one. */
const sideWord = (t: string): boolean => isPartyWord(t) || t === 'democratic' || t === 'opposition';

/**
 * A person's name after the office words it opens with ("PM Blair" -> "blair"); the same array where it opens
 * with none, or where what follows is no person's name ("MP for Wexham").
 */
function withoutOffice(tokens: string[]): string[] {
  let k = 0;
  while (k < tokens.length - 1 && (OFFICE_ABBREVIATIONS.has(tokens[k]) || (isTitleToken(tokens[k]) && !sideWord(tokens[k])))) k++;
  if (k === 0 || tokens.slice(k).some((t) => STOPWORDS.has(t) || isTitleToken(t))) return tokens;
  return tokens.slice(k);
}

/** A name of two words or more that opens with a country ("US Supreme Court"): that country's group and the rest. */
function countryLed(e: Entity): { group: number; rest: string } | undefined {
  // (Remembered by name: sameName asks it of the same few names again and again.)
  let led = countriesLeading.get(e.key);
  if (led === undefined) {
    // (the longest opening that is a country: "united states", not "united")
    let found: { group: number; words: number } | undefined;
    let opening = '';
    for (let k = 1; k <= Math.min(3, e.tokens.length - 1); k++) {
      opening = k === 1 ? e.tokens[0] : `${opening} ${e.tokens[k - 1]}`;
      const group = placeGroup(opening);
      if (group !== undefined) found = { group, words: k };
    }
    led = found ? { group: found.group, rest: e.tokens.slice(found.words).join(' ') } : null;
    if (countriesLeading.size >= 20000) countriesLeading.clear();
    countriesLeading.set(e.key, led);
  }
  return led ?? undefined;
}
const countriesLeading = new Map<string, { group: number; rest: string } | null>();

/** "ONGC" for "Oil and Natural Gas Corporation" written in the seed sentence. */
export function isAcronymOf(e: Entity, s: SeedSentence): boolean {
  if (!ACRONYM.test(e.text)) return false;
  const caps = s.facts.sentence.tokens.filter((t) => t.cap).map((t) => t.text[0]).join('');
  return caps.includes(e.text);
}

/** "Jos Buttler", not "Box Office" or "CLICK HERE": two to four capitalised words that are not common words. */
export function looksLikePersonName(ctx: Ctx, e: Entity): boolean {
  if (e.type !== 'person' || e.tokens.length < 2 || e.tokens.length > 4) return false;
  const words = e.text.split(/\s+/);
  if (words.some((w) => w.length > 1 && w === w.toUpperCase())) return false;
  return e.tokens.every((t) => NAME_PARTICLES.has(t) || (!ctx.index.knowsLowerWord(t) && !isCommonEnglish(stem(t))));
}

// A sentence's subject and the seed names it writes, found once per sentence: asked for each of its
// names, they made a long sentence's check quadratic.
const subjects = new WeakMap<SentenceFacts, Entity | undefined>();
const namesWritten = new WeakMap<SentenceFacts, Map<Entity, boolean>>();

/** The sentence's first name that is not a common word (its subject, as a check reads it). */
function subjectOf(ctx: Ctx, sf: SentenceFacts): Entity | undefined {
  if (!subjects.has(sf)) subjects.set(sf, sf.entities.find((x) => !isCommonWord(ctx, sf, x)));
  return subjects.get(sf);
}

/** Does the sentence write this (seed) name, or another form of it? */
function writesName(sf: SentenceFacts, g: Entity): boolean {
  let known = namesWritten.get(sf);
  if (!known) namesWritten.set(sf, (known = new Map()));
  let v = known.get(g);
  if (v === undefined) known.set(g, (v = sf.entities.some((x) => sameName(x, g))));
  return v;
}

export function unknownInStatement(ctx: Ctx, sf: SentenceFacts, e: Entity, cands: Candidate[], minScore: number): { g: Entity; s: SeedSentence; score: number } | undefined {
  const subject = isSubject(ctx, sf, e);
  let best: { g: Entity; s: SeedSentence; score: number } | undefined;
  for (const c of cands) {
    if (c.score < minScore || topicWeight(ctx, c.sentence) < 1) continue;
    const people = c.sentence.facts.entities.filter((g) => g.type === 'person' && !writesName(sf, g) && !isTitleOnly(g) && !sameFullName(e, g));
    if (people.length === 0) continue;
    const g = subject ? c.sentence.facts.entities.find((x) => x.type === 'person' && !isPossessive(x)) : undefined;
    const pick = g && people.includes(g) ? g : people.length === 1 ? people[0] : undefined;
    if (!pick) continue;
    // Not the subject: the seed's one other person stands in the same place only if the words around
    // them read alike ("edge went to X off the bowling of" is not where the seed has its bowler).
    if (pick !== g && slotScore(ctx.index, localContext(sf, e, 4), localContext(c.sentence.facts, pick, 4)) < 0.25) continue;
    const score = c.score + (subject && pick === g ? 0.1 : 0);
    if (!best || score > best.score) best = { g: pick, s: c.sentence, score };
  }
  ctx.trace?.(`unknown "${e.text}" in statement: ${best ? `${best.g.text}@${best.score.toFixed(2)}` : '-'}`);
  return best;
}

export function isTitleOnly(g: Entity): boolean {
  return g.tokens.every((t) => isTitleToken(t) || STOPWORDS.has(t));
}

export function typesComparable(a: Entity, b: Entity): boolean {
  if (a.type === 'person' || b.type === 'person') return a.type === b.type || a.type === 'other' || b.type === 'other';
  return true;
}

export function confirmName(ctx: Ctx, e: Entity): void {
  const at = ctx.index.entitySentence(e.key);
  if (at) confirm(ctx, 'name', e, e.text, [evidenceOf(at)]);
}

/**
 * A person who opens a draft sentence is its subject; what follows is the statement made about them. When a
 * seed sentence of the story makes most of that statement about another person who opens it, and no seed
 * sentence makes it about the draft's person, the name is the likely slip.
 */
export function subjectSwap(ctx: Ctx, sf: SentenceFacts, e: Entity, cands: Candidate[]): { g: Entity; s: SeedSentence; score: number } | undefined {
  if (!isSubject(ctx, sf, e) || !(isPersonName(ctx, e, sf) || (e.tokens.length >= 2 && pronounNext(ctx, sf)) || isSurname(ctx, e))) return undefined;
  const toks = sf.sentence.tokens;
  const terms = termsOf(sf);
  const statement = new Map<string, number>();
  for (let i = 0; i < toks.length; i++) {
    // (The statement ends where a clause of another subject begins: "Rose is a rising star and City's squad is short".)
    if (toks[i].start > e.end && toks[i].key === 'and' && toks[i + 1]?.cap) break;
    const t = terms[i];
    if (t === undefined || toks[i].start < e.end || e.tokens.includes(toks[i].key)) continue;
    statement.set(t, ctx.index.idf(t));
  }
  if (statement.size < 3) return undefined;
  const total = [...statement.values()].reduce((a, b) => a + b, 0);
  let support = 0;
  let best: { g: Entity; s: SeedSentence; score: number; shared: number } | undefined;
  const seen = new Set<SeedSentence>();
  const pool = [...cands, ...ctx.index.retrieve([...statement.keys()], 12)];
  for (const c of pool) {
    if (seen.has(c.sentence) || topicWeight(ctx, c.sentence) < 1) continue;
    seen.add(c.sentence);
    const seedTerms = new Set(c.sentence.terms);
    let covered = 0;
    let shared = 0;
    for (const [t, w] of statement) if (seedTerms.has(t)) { covered += w; shared++; }
    const coverage = covered / total;
    // (A seed sentence that quotes the statement first makes it its speaker's, named last: '"…," said awards
    // pundit Tom O'Neil'.)
    if (saidAfterQuote(c.sentence.facts, e)) {
      support = Math.max(support, coverage);
      continue;
    }
    const head = headPerson(ctx, c.sentence);
    if (!head) continue;
    const { person: q, facts: qFacts } = head;
    // ("Arnold's body was found buried" is said of Arnold, and of nobody else.)
    if (head.possessive) {
      if (sameName(e, q)) support = Math.max(support, coverage);
      continue;
    }
    // (The seed's surname alone is the draft's person of that surname; a full name with another first name is
    // another member of the family, whose statement it is: "Harriet Penrose" against the draft's Margot Penrose.)
    if (sameName(e, q) || (q.tokens.length === 1 && draftSurname(ctx, q.tokens[0])?.key === e.key)) {
      support = Math.max(support, coverage);
      continue;
    }
    if (!(isPersonName(ctx, q, qFacts) || (q.tokens.length === 1 && oneWordPeopleOf(c.sentence.seed).has(q.tokens[0]))) || distance(q.key, e.key) <= 2) continue;
    // (A seed sentence that names the draft's subject too says something about both: not a swap.)
    if (c.sentence.facts.entities.some((g) => sameName(e, g))) continue;
    if (sf.entities.some((x) => sameName(x, q))) continue;
    if (!best || coverage > best.score) best = { g: q, s: c.sentence, score: coverage, shared };
  }
  ctx.trace?.(`subject "${e.text}": support ${support.toFixed(2)}, other ${best ? `${best.g.text}@${best.score.toFixed(2)}/${best.shared}` : '-'}`);
  if (!best || best.shared < 2 || best.score < SUBJECT_SWAP.coverage || best.score < support + SUBJECT_SWAP.margin) return undefined;
  return { g: best.g, s: best.s, score: ALIGN.warning };
}

/** "Physicist Alice Marlow" at the head of a seed sentence: the name without the common word before it. */
export function nameOnly(ctx: Ctx, text: string): string {
  const words = text.split(/\s+/);
  const rest = words.slice(1);
  // (Only where the seeds also write the name without it: "Mark Joseph Carney" keeps his first name.)
  const common = (w: string) => ctx.index.knowsLowerWord(w.toLowerCase()) || isCommonEnglish(stem(w.toLowerCase()));
  return words.length > 2 && common(words[0]) && ctx.index.knowsEntity(rest.join(' ').toLowerCase()) ? rest.join(' ') : text;
}

const SUBJECT_SWAP = { coverage: 0.6, margin: 0.25 };

/** Does the sentence open with a quotation and name this person after it, as its speaker ('"…," said X')? */
function saidAfterQuote(facts: SentenceFacts, e: Entity): boolean {
  const text = facts.sentence.text;
  if (!/^\s*["“]/.test(text)) return false;
  const close = /[,.!?]["”]\s/.exec(text);
  if (!close) return false;
  const after = facts.sentence.start + close.index + 2;
  return facts.entities.some((g) => g.start >= after && sameName(e, g));
}

/**
 * The person a seed sentence opens with (after an office or a qualifier at most), or for "He"/"She" at its
 * head, the person the sentence before opens with: named in full where the seed names them so elsewhere.
 */
function headPerson(ctx: Ctx, s: SeedSentence): { person: Entity; facts: SentenceFacts; possessive: boolean } | undefined {
  const people = oneWordPeopleOf(s.seed);
  const opening = (facts: SentenceFacts) => {
    const q = facts.entities.find((g) => (g.type === 'person' && !isTitleOnly(g)) || (g.tokens.length === 1 && (firstNamesOf(s.seed).get(g.tokens[0]) || (people.has(g.tokens[0]) && !isCommonWord(ctx, facts, g)))));
    if (!q || ownerInList(facts, q)) return undefined;
    const toks = facts.sentence.tokens;
    return firstIndex(toks.length, (i) => toks[i].end > q.start) <= 4 ? { person: fullName(s.seed, q), facts, possessive: isPossessive(q) } : undefined;
  };
  const pronoun = s.facts.sentence.tokens[0]?.key;
  if (pronoun !== 'he' && pronoun !== 'she') return opening(s.facts);
  const at = s.seed.sentences.indexOf(s);
  const before = at > 0 ? s.seed.sentences[at - 1] : undefined;
  // (Not where the sentence before speaks of its person as the other sex: "Hazel said he … She also …")
  if (!before || before.facts.sentence.tokens.some((t) => (pronoun === 'he' ? /^(?:she|her|herself)$/ : /^(?:he|his|him|himself)$/).test(t.key))) return undefined;
  const head = opening(before.facts);
  if (!head || head.possessive) return undefined;
  // (Nor where the sentence before names another person, whom "He" may as well mean: "Mr Ash hosted a dinner
  // where the mayor told Mr Berry he would stand down. He then changed his mind")
  const named = before.facts.entities.filter((g) => g.type === 'person' && !isTitleOnly(g));
  return named.every((g) => sameName(fullName(s.seed, g), head.person)) ? head : undefined;
}

/** "Both Helen Marsh and Julia Stone's sons were sent …": a name listed with a possessive is an owner too, not the subject. */
function ownerInList(facts: SentenceFacts, q: Entity): boolean {
  const s = facts.sentence;
  return OWNER_LISTED_AFTER.test(s.text.slice(q.end - s.start, q.end - s.start + 60));
}

/**
 * The person a one-word mention stands for in its seed: the one person the seed names in full with that
 * surname or first name ("Penrose" or "Harriet" for Harriet Penrose); the mention itself otherwise.
 */
function fullName(doc: SeedDoc, g: Entity): Entity {
  if (g.tokens.length !== 1) return g;
  return doc.facts.surnames.get(g.tokens[0]) ?? firstNamesOf(doc).get(g.tokens[0]) ?? g;
}

// (Kept with the seed's facts, not the seed: the names are theirs, and go when they are let go.)
const firstNames = new WeakMap<object, Map<string, Entity | undefined>>();

/** A seed's people named in full (two words), by first name: undefined where two people share it. */
function firstNamesOf(doc: SeedDoc): Map<string, Entity | undefined> {
  let map = firstNames.get(doc.facts);
  if (map) return map;
  map = new Map();
  for (const s of doc.sentences) {
    for (const g of s.facts.entities) {
      if (g.type !== 'person' || g.tokens.length !== 2 || isPossessive(g)) continue;
      const known = map.get(g.tokens[0]);
      if (!map.has(g.tokens[0])) map.set(g.tokens[0], g);
      else if (known && known.key !== g.key) map.set(g.tokens[0], undefined);
    }
  }
  firstNames.set(doc.facts, map);
  return map;
}

const oneWordPeople = new WeakMap<SeedDoc, Set<string>>();

/**
 * The people a seed names by one word only, as a seed goes on about a person: a sentence it opens speaks of
 * "his" or "her" ("Okafor sold his car"), or the next opens with "He" or "She". (Not a place, a body or a
 * name of a kind: a club's sentence speaks of "its" or "their".)
 */
function oneWordPeopleOf(doc: SeedDoc): Set<string> {
  let out = oneWordPeople.get(doc);
  if (out) return out;
  out = new Set();
  doc.sentences.forEach((s, i) => {
    const toks = s.facts.sentence.tokens;
    const g = s.facts.entities[0];
    if (!g || g.tokens.length !== 1 || g.type === 'place' || g.type === 'org' || kindOf(g.key) || isPossessive(g) || placeGroup(g.key) !== undefined) return;
    // (Nor a caption's label: "Murdered: Kari Arnold …")
    if (firstIndex(toks.length, (k) => toks[k].end > g.start) > 1 || /^\s*:/.test(s.facts.sentence.text.slice(g.end - s.facts.sentence.start))) return;
    const next = doc.sentences[i + 1]?.facts.sentence.tokens[0]?.key;
    if (toks.some((t) => t.start > g.end && /^(?:his|her|himself|herself)$/.test(t.key)) || next === 'he' || next === 'she') out!.add(g.tokens[0]);
  });
  oneWordPeople.set(doc, out);
  return out;
}

/** A person's name, not a show's or a club's: a titled person, or a first name and surname of no common words. */
function isPersonName(ctx: Ctx, e: Entity, sf: SentenceFacts): boolean {
  if (sf.people.some((p) => p.person.key === e.key) || looksLikePersonName(ctx, e)) return true;
  // The story calls them by their surname alone, as news does with people ("Moore" after "Hunter Moore").
  const rec = e.tokens.length >= 2 ? ctx.index.person(e.key) : undefined;
  const surname = e.tokens[e.tokens.length - 1];
  return !!rec && rec.mentions.some((m) => topicWeight(ctx, m) >= 1 && m.facts.entities.some((g) => g.tokens.length === 1 && g.tokens[0] === surname));
}

/**
 * A surname alone: of the person the draft names in full so, or of a person the seeds name in full (not a
 * place, a body, a club or a common word: "Jordan" may be a country).
 */
function isSurname(ctx: Ctx, e: Entity): boolean {
  if (e.tokens.length !== 1 || e.type === 'place' || e.type === 'org' || placeGroup(e.key) !== undefined || kindOf(e.key) || isPossessive(e)) return false;
  // (Not a common word: "Conservatives" of a party, though a seed wrote "Young Conservatives" as a name.)
  if (ctx.index.knowsLowerWord(e.key) || isCommonEnglish(stem(e.key))) return false;
  // (A person of the story's own seeds: an archive may read "Tory MPs", "Young Scots" or "British Muslim" as
  // people somewhere, and a paraphrase opening "MPs voted …" is no swap.)
  return !!draftSurname(ctx, e.key) || ctx.index.bySurname(e.key).some((p) => p.tokens.length >= 2 && ofStory(ctx, p));
}

/**
 * Does the draft's next sentence open with "He" or "She", going on about the person this one opens with
 * ("Rose Whitley was convicted … She ran the charity"): a person, whatever words their name is made of.
 * (Read within the prose a sentence's reading holds.)
 */
function pronounNext(ctx: Ctx, sf: SentenceFacts): boolean {
  const end = sf.sentence.end;
  return /^[\s.!?"'’”)]*(?:He|She)\b/.test(ctx.draft.parsed.prose.slice(end, end + READING_CONTEXT));
}

/** The person a sentence opens with (after an office or a qualifier at most): not a possessive. */
function isSubject(ctx: Ctx, sf: SentenceFacts, e: Entity): boolean {
  if (isPossessive(e) || subjectOf(ctx, sf) !== e) return false;
  // (At the head of the sentence, after an office or a qualifier at most: "His edge went to X" is no subject.)
  const toks = sf.sentence.tokens;
  return firstIndex(toks.length, (i) => toks[i].end > e.start) <= 4;
}

const NUMERALS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];

/** "World War II" where the story's seeds say "World War I", "Abdullah I" for "Abdullah II": the same name with another numeral. */
export function otherNumeral(ctx: Ctx, e: Entity): { text: string; at: SeedSentence } | undefined {
  const last = e.tokens[e.tokens.length - 1];
  if (e.tokens.length >= 2 && NUMERALS.includes(last)) return otherVariant(ctx, e, e.tokens.length - 1, NUMERALS);
  // "West Jerusalem" where the story says "East Jerusalem", "North Korea" for "South Korea"
  const first = e.tokens[0];
  if (e.tokens.length >= 2 && COMPASS.includes(first)) return otherVariant(ctx, e, 0, COMPASS);
  return undefined;
}

/**
 * A person the story never names, with the surname of the one person of that surname it does name and
 * another first name: "Rose Byrne" where the seeds speak of Liam Byrne.
 */
export function otherFirstName(ctx: Ctx, e: Entity): { text: string; at: SeedSentence } | undefined {
  // (The first name may be a word too, "Rose"; the surname, shared with a person of the story, may not.)
  if (e.tokens.length !== 2 || e.type !== 'person') return undefined;
  const [first, surname] = e.tokens;
  if (ctx.index.knowsLowerWord(surname) || isCommonEnglish(stem(surname))) return undefined;
  let found: { key: string; text: string; at: SeedSentence } | undefined;
  for (const doc of storySeeds(ctx)) {
    for (const s of doc.sentences) {
      for (const g of s.facts.entities) {
        if (g.type !== 'person' || g.tokens.length !== 2 || g.tokens[1] !== surname || g.tokens[0] === first || isPossessive(g)) continue;
        // (Another spelling, a short form or an initial is the same first name: "Mihkail", "Bernie", "K".)
        if (sameFirstName(first, g.tokens[0])) continue;
        if (draftWrites(ctx, g.key)) return undefined; // the draft names them too: another member of the family
        if (found && found.key !== g.key) return undefined; // two of that surname: which one is meant?
        found ??= { key: g.key, text: g.text, at: s };
      }
    }
  }
  return found;
}

/**
 * A person the story never names, with the first name of the one person a restated seed statement names,
 * and another surname: "Kerry Brown, 13, were targeted" where the seed sentence speaks of Kerry Green's
 * daughter. (Only in a sentence that restates one: a draft may well add another David to a story's David.)
 */
export function otherSurname(ctx: Ctx, sf: SentenceFacts, e: Entity, cands: Candidate[]): { text: string; at: SeedSentence } | undefined {
  if (e.tokens.length !== 2 || e.type !== 'person') return undefined;
  const [first, surname] = e.tokens;
  if (ctx.index.knowsLowerWord(first) || isCommonEnglish(stem(first))) return undefined;
  let found: { key: string; text: string; at: SeedSentence } | undefined;
  for (const c of cands) {
    if (c.score < 0.35 || topicWeight(ctx, c.sentence) < 1) continue;
    for (const g of c.sentence.facts.entities) {
      // (the same surname without its accents is the same: "Bregeon" for "Brégeon")
      if (g.type !== 'person' || g.tokens.length !== 2 || g.tokens[0] !== first || spelledAlike(g.tokens[1], surname)) continue;
      if (draftWrites(ctx, g.key) || sf.entities.some((d) => d.tokens.includes(g.tokens[1]))) return undefined;
      if (found && found.key !== g.key) return undefined;
      found ??= { key: g.key, text: g.text.replace(POSSESSIVE_END, ''), at: c.sentence };
    }
  }
  return found;
}

/** "Bernie Ebbers" and "Bernard Ebbers": one surname, and first names one could write for the other. */
function sameFullName(a: Entity, b: Entity): boolean {
  const n = a.tokens.length;
  return n >= 2 && b.tokens.length === n && a.tokens[n - 1] === b.tokens[n - 1] && sameFirstName(a.tokens[0], b.tokens[0]);
}

function sameFirstName(a: string, b: string): boolean {
  return a.length < 3 || b.length < 3 || a.slice(0, 3) === b.slice(0, 3) || distance(a, b) <= 2;
}

/**
 * An organisation's long name the story writes with one word otherwise: "Organisation of Islamic
 * Conference" where the seeds say "Organisation of Islamic Cooperation". Only names of three words or more,
 * one word apart, whose shared words say what kind of body it is ("New York City" is no "New York Marathon").
 */
export function otherWording(ctx: Ctx, e: Entity): { text: string; at: SeedSentence } | undefined {
  if (e.tokens.length < 3 || e.type === 'person') return undefined;
  for (const doc of storySeeds(ctx)) {
    for (const s of doc.sentences) {
      for (const g of s.facts.entities) {
        if (g.tokens.length !== e.tokens.length || g.type === 'person') continue;
        const diff = g.tokens.filter((t, k) => t !== e.tokens[k]);
        if (diff.length === 1 && !STOPWORDS.has(diff[0]) && g.tokens.some((t) => t !== diff[0] && ORG_WORDS.has(t))) return { text: g.text, at: s };
      }
    }
  }
  return undefined;
}

const COMPASS = ['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western'];

/** The name with its word at `at` replaced by another of `variants`, where the story's seeds write that name. */
function otherVariant(ctx: Ctx, e: Entity, at: number, variants: readonly string[]): { text: string; at: SeedSentence } | undefined {
  const topical = topicalSeeds(ctx);
  // (A draft that names both, "World War I and World War II", tells them apart itself.)
  for (const v of variants) {
    if (v === e.tokens[at]) continue;
    const key = e.tokens.map((t, k) => (k === at ? v : t)).join(' ');
    if (draftWrites(ctx, key) || !ctx.index.knowsEntity(key, topical)) continue;
    const seen = ctx.index.entitySentence(key);
    const g = seen?.facts.entities.find((x) => x.key === key);
    if (seen && g) return { text: g.text, at: seen };
  }
  return undefined;
}

/** "Twitter messages" where the story's aligned statement says Facebook: another name of the same kind. */
export function otherOfKind(ctx: Ctx, sf: SentenceFacts, e: Entity, cands: Candidate[]): { g: Entity; s: SeedSentence } | undefined {
  // (Asked only of names the story does not write in any form: isKnownName knows the other forms.)
  const own = kindOf(e.key);
  if (!own) return undefined;
  // The one in the closest slot: the sentence's alignment and the words around the name
  const around = localContext(sf, e, 4);
  let best: { g: Entity; s: SeedSentence; score: number } | undefined;
  for (const c of mentionCandidates(ctx, sf, e, cands)) {
    if (topicWeight(ctx, c.sentence) < 1) continue;
    for (const g of c.sentence.facts.entities) {
      const other = kindOf(g.key);
      if (!other || other.kind !== own.kind || other.name === own.name) continue;
      // (A draft that names both tells them apart itself.)
      if (sf.entities.some((d) => sameName(d, g))) continue;
      const score = 0.5 * c.score + 0.5 * slotScore(ctx.index, around, localContext(c.sentence.facts, g, 4));
      if (!best || score > best.score) best = { g, s: c.sentence, score };
    }
  }
  ctx.trace?.(`same kind as "${e.text}": ${best ? `${best.g.text}@${best.score.toFixed(2)}` : '-'}`);
  return best && best.score >= ALIGN.warning - 0.1 ? best : undefined;
}

const KIND_OF = new Map<string, { kind: number; name: number }>();
NAME_KINDS.forEach((names, kind) => names.forEach((forms, name) => forms.forEach((f) => KIND_OF.set(f, { kind, name }))));

/** Which kind of name this is (a social network, a US state, a football club) and which one. */
function kindOf(key: string): { kind: number; name: number } | undefined {
  return KIND_OF.get(key);
}

/** Every way news writes the name this key is one way of writing (itself alone for names of no kind). */
function formsOf(key: string): readonly string[] {
  const k = kindOf(key);
  return k ? NAME_KINDS[k.kind][k.name] : [key];
}

/** The place written right after `e` as "e, Country" ("Tokyo, Japan"), if any. */
function countryAfter(entities: readonly Entity[], e: Entity): Entity | undefined {
  // (Places by where they start, made once per sentence: a search per name made a long sentence quadratic.)
  let at = placesByStart.get(entities);
  if (!at) {
    at = new Map();
    for (const x of entities) if (x.type === 'place' && !at.has(x.start)) at.set(x.start, x);
    placesByStart.set(entities, at);
  }
  const x = at.get(e.end + 2);
  return x !== e ? x : undefined;
}

const placesByStart = new WeakMap<readonly Entity[], Map<number, Entity>>();

/**
 * "in Tokyo, Japan" where the story's seeds write only "Kyoto, Japan": a place the story never names, given
 * the country of the one place the story names with that country in the same way.
 */
function otherPlaceOfCountry(ctx: Ctx, sf: SentenceFacts, e: Entity): { g: Entity; s: SeedSentence; country: string } | undefined {
  const country = e.type === 'person' ? undefined : countryAfter(sf.entities, e);
  const group = country && placeGroup(country.key);
  if (group === undefined) return undefined;
  const found = storysPlaceOfCountry(ctx, group);
  return found && !sf.entities.some((d) => d.key === found.g.key) ? found : undefined;
}

// The story's one place written with each country, found once per check (a scan of the story for each
// place of a long draft would make it quadratic).
const placesOfCountry = new WeakMap<Ctx, Map<number, { g: Entity; s: SeedSentence; country: string } | undefined>>();

function storysPlaceOfCountry(ctx: Ctx, group: number): { g: Entity; s: SeedSentence; country: string } | undefined {
  let memo = placesOfCountry.get(ctx);
  if (!memo) placesOfCountry.set(ctx, (memo = new Map()));
  if (memo.has(group)) return memo.get(group);
  let found: { g: Entity; s: SeedSentence; country: string } | undefined;
  search: for (const doc of storySeeds(ctx)) {
    for (const s of doc.sentences) {
      for (const g of s.facts.entities) {
        const c = countryAfter(s.facts.entities, g);
        if (!c || placeGroup(c.key) !== group || placeGroup(g.key) === group) continue;
        // (The story names two places of that country: which one the draft means is not for us to say.)
        if (found && found.g.key !== g.key) {
          found = undefined;
          break search;
        }
        found ??= { g, s, country: c.text };
      }
    }
  }
  memo.set(group, found);
  return found;
}
