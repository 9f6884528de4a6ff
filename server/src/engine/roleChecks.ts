// Roles of people the text does not name: "an Indian Premier League coach says he was approached" where
// the seed statement it restates is a player's. Named people's offices are peopleChecks' work.
import { termsOf, type SentenceFacts } from './facts';
import { ROLE_GROUPS } from './lexicon';
import { evidenceOf, type SeedSentence } from './seeds';
import { stem } from './text';
import { type Candidate, topicWeight, storySeeds } from './align';
import { type Ctx, pushOffice } from './ledger';

/**
 * How closely a seed sentence must restate the draft's for its role to stand against the draft's; and how
 * closely for it to stand even where the story names the draft's role elsewhere ("Police in Victoria are
 * dealing drugs" where the seed's truck drivers are, and the police found them out).
 */
const RESTATED = 0.6;
const COPIED = 0.85;

const GROUP_OF = new Map<string, number>();
ROLE_GROUPS.forEach((words, i) => words.forEach((w) => GROUP_OF.set(stem(w), i)));

/** The role groups a seed sentence's terms name, with the term of each. */
function rolesOf(terms: readonly (string | undefined)[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const t of terms) {
    const g = t === undefined ? undefined : GROUP_OF.get(t);
    if (g !== undefined && !out.has(g)) out.set(g, t!);
  }
  return out;
}

/** Does any seed of the draft's story name someone in this role? (Found once per check: a scan of the story per role word made a long draft quadratic.) */
function storyNamesRole(ctx: Ctx, group: number): boolean {
  let roles = storyRoles.get(ctx);
  if (!roles) {
    roles = new Set();
    for (const doc of storySeeds(ctx)) {
      for (const s of doc.sentences) for (const t of s.terms) { const g = GROUP_OF.get(t); if (g !== undefined) roles.add(g); }
    }
    storyRoles.set(ctx, roles);
  }
  return roles.has(group);
}

const storyRoles = new WeakMap<Ctx, Set<number>>();

export function checkRoles(ctx: Ctx, sf: SentenceFacts, cands: Candidate[]): void {
  const terms = termsOf(sf);
  const toks = sf.sentence.tokens;
  const own = rolesOf(terms);
  if (own.size === 0) return;
  const best = cands.find((c) => topicWeight(ctx, c.sentence) >= 1);
  if (!best || best.score < RESTATED) return;
  const seedRoles = rolesOf(best.sentence.terms);
  const theirs = [...seedRoles].filter(([g]) => !own.has(g));
  ctx.trace?.(`roles ${[...own.values()].join(',')} against ${theirs.map(([, t]) => t).join(',')}@${best.score.toFixed(2)}`);
  // (One other role in the restated statement, or which of them the draft's stands for is unclear.)
  if (theirs.length !== 1) return;
  const [, seedTerm] = theirs[0];
  for (let i = 0; i < toks.length; i++) {
    const g = terms[i] === undefined ? undefined : GROUP_OF.get(terms[i]!);
    // (A role in a name, "Coach House", is the name's: capitals only where the sentence starts.)
    if (g === undefined || (toks[i].cap && i > 0)) continue;
    // (A role word inside a longer name is the name's: "Police Federation".)
    if (sf.entities.some((e) => e.tokens.length > 1 && e.start <= toks[i].start && toks[i].end <= e.end)) continue;
    if (sf.people.some((p) => p.title.start <= toks[i].start && toks[i].end <= p.title.end)) continue;
    if (seedRoles.has(g) || (best.score < COPIED && storyNamesRole(ctx, g))) continue;
    const written = writtenRole(best.sentence, seedTerm);
    pushOffice(ctx, {
      kind: 'title',
      code: 'title-mismatch',
      range: { start: toks[i].start, end: toks[i].end },
      text: toks[i].text,
      expected: written,
      message: `The seeds speak of a ${written} here; they never mention a ${toks[i].text}.`,
      severity: 'warning',
      evidence: [evidenceOf(best.sentence)],
    });
    return;
  }
}

/** The seed's word for its role as the seed writes it. */
function writtenRole(s: SeedSentence, term: string): string {
  const tok = s.facts.sentence.tokens.find((t) => t.stem === term || t.key === term);
  return tok ? tok.text.toLowerCase() : term;
}
