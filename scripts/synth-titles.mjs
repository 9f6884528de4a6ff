// Generalisation check: labelled drafts made from BBC articles that are not in the development set.
//
//   node scripts/synth-titles.mjs [--seed N] [--count N] [--out DIR]   then
//   node ../shared/eval/score.mjs DIR
//
// Each draft is three sentences of one article around a sentence with an office before a name
// ("Chancellor Gordon Brown"): left as it is (a clean control), with the office swapped for another, or
// with the name swapped for a title-holder's name from another article; marks read {{draft|kind|seed}}
// as in ../shared/eval. The articles are read in place from ../shared/corpus/bbc and copied only into
// DIR (outside the project by default): they may not be copied into the project.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const seed = Number(opt('--seed', 7));
const count = Number(opt('--count', 300));
const out = resolve(opt('--out', join(tmpdir(), `factdesk-synth-titles-${seed}`)));
const shared = resolve(import.meta.dirname, '..', '..', 'shared');
const corpus = join(shared, 'corpus', 'bbc');
const devSeeds = join(shared, 'eval', 'dev', 'bbc-titles', 'seeds');
if (!existsSync(corpus)) {
  console.error(`synth-titles: ${corpus} is missing (the BBC corpus sits beside the project on development machines)`);
  process.exit(2);
}
if (out.startsWith(resolve(import.meta.dirname, '..') + '/')) {
  console.error('synth-titles: --out must be outside the project (the articles may not be copied into it)');
  process.exit(2);
}

// A small deterministic generator (mulberry32), so a seed gives the same set everywhere.
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const shuffle = (xs) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
};

const OFFICES = ['Prime Minister', 'Chancellor', 'Foreign Secretary', 'Home Secretary', 'Health Secretary', 'Education Secretary',
  'Culture Secretary', 'Trade Secretary', 'Environment Secretary', 'Defence Secretary', 'Work and Pensions Secretary',
  'President', 'Vice President', 'chief executive', 'chairman', 'finance minister', 'Foreign Minister', 'Tory leader',
  'Lib Dem leader', 'Conservative leader', 'manager', 'coach', 'captain', 'director', 'spokesman', 'Attorney General',
  'Lord Chancellor', 'Deputy Prime Minister', 'shadow chancellor', 'Commons Speaker', 'Secretary of State', 'Chief Secretary',
  'managing director', 'chief operating officer', 'Home Office minister', 'Transport Secretary', 'Chief Whip', 'Labour leader',
  'general secretary', 'Industry Secretary', 'Northern Ireland Secretary', 'head coach', 'striker', 'midfielder', 'goalkeeper'];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OFFICE_NAME = new RegExp(
  `\\b(${[...OFFICES].sort((a, b) => b.length - a.length).map(escape).join('|')}) ((?:[A-Z][a-z]+|Mc[A-Z][a-z]+)(?: (?:[A-Z][a-z'-]+|Mc[A-Z][a-z]+)){1,2})\\b`,
);
const OFFICE_NAME_ALL = new RegExp(OFFICE_NAME.source, 'g');
const PROPER_FIRST = /^(?:Lib|Tory|Labour|Conservative|Commons|Home|Northern|Lord|Attorney)$/;

const dev = new Set(existsSync(devSeeds) ? readdirSync(devSeeds).map((f) => f.replace(/\.txt$/, '')) : []);
const articles = [];
for (const topic of readdirSync(corpus).sort()) {
  const dir = join(corpus, topic);
  let files;
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    continue;
  }
  for (const f of files) {
    const id = `bbc-${topic}-${f.replace(/\.txt$/, '')}`;
    if (dev.has(id)) continue;
    articles.push({ id, path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') });
  }
}
const holders = articles.flatMap((a) => [...a.text.matchAll(OFFICE_NAME_ALL)].map((m) => ({ name: m[2], id: a.id })));

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'seeds'), { recursive: true });
mkdirSync(join(out, 'cases'), { recursive: true });
const kinds = { clean: 0, title: 0, name: 0 };
let made = 0;
for (const a of shuffle(articles)) {
  if (made >= count) break;
  const paragraphs = a.text.split('\n').filter((l) => l.trim()).slice(1); // without the headline
  const sentences = paragraphs.flatMap((p) => p.trim().split(/(?<=[.!?"])\s+(?=[A-Z"])/)).filter(Boolean);
  const at = sentences.findIndex((s, i) => i > 0 && OFFICE_NAME.test(s));
  if (at < 0) continue;
  const m = OFFICE_NAME.exec(sentences[at]);
  const window = sentences.slice(at - 1, at + 2);
  const kind = pick(['title', 'name', 'clean']);
  let s = window[1];
  if (kind === 'title') {
    const was = m[1];
    let now = pick(OFFICES.filter((t) => !t.toLowerCase().includes(was.toLowerCase()) && !was.toLowerCase().includes(t.toLowerCase())));
    if (/^[a-z]/.test(was) && !PROPER_FIRST.test(now.split(' ')[0])) now = now[0].toLowerCase() + now.slice(1);
    s = `${s.slice(0, m.index)}{{${now}|title|${was}}}${s.slice(m.index + was.length)}`;
  } else if (kind === 'name') {
    const was = m[2];
    const surname = was.split(' ').at(-1);
    const others = holders.filter((h) => h.id !== a.id && h.name.split(' ').at(-1) !== surname && !a.text.includes(h.name.split(' ').at(-1)));
    const now = pick(others).name;
    const start = m.index + m[1].length + 1;
    s = `${s.slice(0, start)}{{${now}|name|${was}}}${s.slice(start + was.length)}`;
  }
  window[1] = s;
  writeFileSync(join(out, 'cases', `${a.id}-${kind}.txt`), `${window.join(' ')}\n`);
  copyFileSync(a.path, join(out, 'seeds', `${a.id}.txt`));
  kinds[kind]++;
  made++;
}
console.log(`synth-titles: ${made} drafts (${kinds.clean} clean, ${kinds.title} office swaps, ${kinds.name} name swaps) in ${out}`);
console.log(`score them: node ../shared/eval/score.mjs ${out}`);
