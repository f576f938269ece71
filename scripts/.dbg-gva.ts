import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { textDocument } from '../src/ingest/document.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { partOf } from './eval-facts.js';
const dir = '../shared/data/gva-dev';
const tsv = readFileSync(`${dir}/incidents.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const inc = new Map(tsv.map((c) => [c[0], { date: c[1], killed: +c[7], injured: +c[8] }]));
const docs = gunzipSync(readFileSync(`${dir}/docs.jsonl.gz`)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
const p = createPipeline(loadResources());
const field = process.argv[2] ?? 'killed';
let shown = 0; const max = Number(process.argv[3] ?? 30); const skip = Number(process.argv[4] ?? 0); let seen = 0;
for (const d of docs) {
  if (partOf(d.incident) !== 'tune') continue;
  const g = inc.get(d.incident)!;
  const text = `${d.title}\n\n${d.text}`;
  const { annotated, reports } = extract(textDocument(text, { source: 'x', published: d.published }), p);
  const r = reports[0];
  const k = r?.fatalities?.best ?? 0, j = r?.injured?.best ?? 0;
  const ok = field === 'killed' ? k === g.killed : field === 'injured' ? j === g.injured : true;
  if (ok) continue;
  if (seen++ < skip) continue;
  if (shown++ >= max) break;
  const t = annotated.document.text;
  console.log(`\n=== ${d.incident} gold k${g.killed} i${g.injured} ${g.date} | got k${r?.fatalities?.best} i${r?.injured?.best} date ${r?.date?.start}..${r?.date?.end} pub ${d.published}`);
  console.log('T: ' + d.title);
  for (const a of annotated.annotations) if (a.kind === 'casualty') console.log(`  ${a.field} ${a.value.best}${a.hedged ? ' h' : ''}: «${t.slice(a.start, a.end).replace(/\s+/g, ' ')}»`);
  console.log('  ' + t.slice(d.title.length, d.title.length + 700).replace(/\s+/g, ' '));
}
