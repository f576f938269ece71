import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { textDocument } from '../src/ingest/document.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { partOf, dateMeets } from './eval-facts.js';
const dir = '../shared/data/gva-dev';
const tsv = readFileSync(`${dir}/incidents.tsv`, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
const inc = new Map(tsv.map((c) => [c[0], { date: c[1], killed: +c[7], injured: +c[8] }]));
const docs = gunzipSync(readFileSync(`${dir}/docs.jsonl.gz`)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
const p = createPipeline(loadResources());
let shown = 0; const max = Number(process.argv[2] ?? 30); const skip = Number(process.argv[3] ?? 0); let seen = 0;
for (const d of docs) {
  if (partOf(d.incident) !== 'tune') continue;
  const g = inc.get(d.incident)!;
  const gap = (Date.parse(d.published) - Date.parse(g.date)) / 864e5;
  if (gap > 7) continue;
  const { annotated, reports } = extract(textDocument(`${d.title}\n\n${d.text}`, { source: 'x', published: d.published }), p);
  const r = reports[0];
  if (dateMeets(r?.date, [g.date, g.date])) continue;
  if (seen++ < skip) continue;
  if (shown++ >= max) break;
  const t = annotated.document.text;
  const wd = (s: string) => new Date(s).toUTCString().slice(0, 3);
  console.log(`\n=== ${d.incident} gold ${g.date} ${wd(g.date)} | got ${r?.date?.start}..${r?.date?.end}${r?.date?.implied ? ' implied' : ''} pub ${d.published} ${wd(d.published)}`);
  for (const a of annotated.annotations) if (a.kind === 'date') console.log(`  ${a.value.start}..${a.value.end}${a.later ? ' LATER' : ''}: «${t.slice(Math.max(0, a.start - 60), a.end + 20).replace(/\s+/g, ' ')}»`);
}
