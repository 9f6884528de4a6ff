// Debug aid: shows how the engine aligns a draft with the seeds.  npx tsx scripts/trace.ts SEEDS DRAFT
import { readFileSync } from 'node:fs';
import { checkDraft, formatOf } from '../server/src/engine';
import { loadSeeds } from '../server/src/seedLoader';
const [seeds, draft] = process.argv.slice(2);
const { index } = loadSeeds([seeds]);
const r = checkDraft(readFileSync(draft, 'utf8'), index, { format: formatOf(draft), trace: (l) => console.log(l) });
for (const f of r.findings) console.log(`>> ${f.severity} [${f.kind}] "${f.text}" -> "${f.expected}": ${f.message}`);
