// Debug aid: prints the facts the engine extracts from a text.  npx tsx scripts/facts.ts FILE
import { readFileSync } from 'node:fs';
import { extractFacts, formatOf } from '../server/src/engine';
const path = process.argv[2];
const f = extractFacts(readFileSync(path, 'utf8'), formatOf(path));
console.log('date', f.date);
for (const s of f.sentences) {
  console.log(`\n[${s.sentence.index}] ${s.sentence.text.slice(0, 120)}`);
  for (const e of s.entities) console.log(`   entity ${e.type} "${e.text}" key=${e.key}`);
  for (const p of s.people) console.log(`   person "${p.person.text}" title "${p.title.text}" office=${p.title.office} q=${p.title.qualifier ?? ''}`);
  for (const x of s.figures) console.log(`   figure "${x.text}" v=${x.value}${x.high ? '-' + x.high : ''} q=${x.qualifier} unit=${x.unit} thing=${x.thing}`);
  for (const d of s.dates) console.log(`   date "${d.text}" iso=${d.iso} prec=${d.precision} rel=${d.relative}`);
}
