// "Show Fact Base": a readable Markdown document of what the seeds say: people and their titles,
// dated events, figures and what they count, each linked to its seed sentence.
import type { SeedIndex, SeedSentence } from './engine';
import { evidenceOf } from './engine';
import type { SeedRef } from './lspDiagnostics';

/** The sentence around a span, the span in bold, cut to about `width` characters each side. */
export function snippet(s: SeedSentence, span: { start: number; end: number }, width = 70): string {
  const sent = s.facts.sentence;
  const raw = s.seed.facts.parsed.raw;
  const from = Math.max(sent.start, span.start - width);
  const to = Math.min(sent.end, span.end + width);
  let before = raw.slice(from, span.start);
  let after = raw.slice(span.end, to);
  if (from > sent.start) before = '…' + before.replace(/^\S*\s/, '');
  if (to < sent.end) after = after.replace(/\s\S*$/, '') + '…';
  const clean = (t: string) => t.replace(/\s+/g, ' ');
  return `${clean(before)}**${clean(raw.slice(span.start, span.end))}**${clean(after)}`;
}

const TALLY = /\b((?:[a-z]+\s+)?(?:toll|tally|total|count|number of [a-z]+|share of [a-z]+|rate|figure))\b/gi;

/** What a figure counts: its counted noun, else the tally the sentence names before it ("death toll"). */
export function countedThing(s: SeedSentence, f: { start: number; thing?: string }): string | undefined {
  if (f.thing) return f.thing;
  const raw = s.seed.facts.parsed.raw;
  const before = raw.slice(s.facts.sentence.start, f.start);
  let last: string | undefined;
  for (const m of before.matchAll(TALLY)) last = m[1];
  return last?.replace(/\s+/g, ' ').replace(/^(?:the|a|an|its|their|his|her)\s+/i, '').toLowerCase();
}

function link(s: SeedSentence, seeds: SeedRef): string {
  const ev = evidenceOf(s);
  const line = seeds.lines.range(ev).start.line + 1;
  return `[${seeds.name(ev.seed)}:${line}](${seeds.uri(ev.seed)}#L${line})`;
}

export function renderFactBase(index: SeedIndex, seeds: SeedRef, heading = 'FactDesk fact base'): string {
  const stats = index.stats;
  const out: string[] = [`# ${heading}`, ''];
  const docs = [...index.seeds].sort((a, b) => a.path.localeCompare(b.path));
  out.push(`${stats.files} seed${stats.files === 1 ? '' : 's'}, ${stats.facts} facts, ${stats.sentences} sentences.`, '');
  out.push('## Seeds', '');
  for (const d of docs) out.push(`- [${seeds.name(d.path)}](${seeds.uri(d.path)})${d.date ? ` — ${d.date}` : ''}, ${d.sentences.length} sentences`);
  if (docs.length === 0) out.push('_No seeds are loaded._');

  out.push('', '## People', '');
  const people = [...index.allPersons()].filter((p) => p.tokens.length >= 2 || p.titles.length > 0).sort((a, b) => a.name.localeCompare(b.name));
  for (const p of people) {
    const titles = new Map<string, SeedSentence>();
    for (const t of p.titles) {
      const text = t.title.text.replace(/\s+/g, ' ');
      if (!titles.has(text)) titles.set(text, t.at);
    }
    const where = p.titles[0]?.at ?? p.mentions[0];
    const titleText = [...titles.entries()].map(([t, at]) => `${t} (${link(at, seeds)})`).join('; ');
    out.push(`- **${p.name}** — ${titleText || `no title in the seeds (${where ? link(where, seeds) : 'unlinked'})`}`);
  }
  if (people.length === 0) out.push('_No people found._');

  out.push('', '## Events and dates', '');
  let events = 0;
  for (const d of docs)
    for (const s of d.sentences)
      for (const dm of s.facts.dates) {
        events++;
        out.push(`- **${dm.text.replace(/\s+/g, ' ')}** (${dm.iso}): ${snippet(s, dm)} — ${link(s, seeds)}`);
      }
  if (events === 0) out.push('_No dates found._');

  out.push('', '## Figures', '');
  let figures = 0;
  for (const d of docs)
    for (const s of d.sentences)
      for (const f of s.facts.figures) {
        figures++;
        const thing = countedThing(s, f);
        const counts = thing ? ` · ${thing}` : f.unit !== 'count' ? ` · ${f.unit}` : '';
        out.push(`- **${f.text.replace(/\s+/g, ' ')}**${counts}: ${snippet(s, f)} — ${link(s, seeds)}`);
      }
  if (figures === 0) out.push('_No figures found._');
  return out.join('\n') + '\n';
}
