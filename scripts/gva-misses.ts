/**
 * The GVA tune part's misses, one JSON object a line: what GVA codes and what sitrep read, with the
 * headline and the sentences the values came from (a tuning aid; the report part is refused).
 *
 * Usage: npx tsx scripts/gva-misses.ts OUT.jsonl
 */
import { writeFileSync } from 'node:fs';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { dateMeets, gvaDocument, loadGva, partOf } from './eval-facts.js';

const out = process.argv[2] ?? '/dev/stdout';
const { inc, docs } = loadGva();
const pipeline = createPipeline(loadResources());
const lines: string[] = [];
const CUE = /shot|shoot|kill|dead|die|death|injur|wound|hurt|hospital|condition|fatal|slain|murder|homicide|victim/i;
for (const d of docs) {
  if (partOf(d.incident) !== 'tune') continue;
  const g = inc.get(d.incident);
  if (!g || !d.text?.trim()) continue;
  const x = extract(gvaDocument(d), pipeline);
  const text = x.annotated.document.text;
  const r = x.reports[0];
  const k = r?.fatalities?.best ?? null;
  const j = r?.injured?.best ?? null;
  const miss = { killed: (k ?? 0) !== g.killed, injured: (j ?? 0) !== g.injured, date: !dateMeets(r?.date, [g.date, g.date]) };
  if (!miss.killed && !miss.injured && !miss.date) continue;
  const claims = (field: string) => (r?.claims ?? []).filter((c) => c.field === field).map((c) => `${JSON.stringify(c.value)} ← ${c.quote.replace(/\s+/g, ' ').slice(0, 300)}`);
  lines.push(JSON.stringify({
    id: d.id, incident: d.incident, published: d.published, title: d.title, miss,
    gold: g, got: { killed: k, injured: j, date: r?.date ? `${r.date.start}..${r.date.end}${r.date.implied ? ' implied' : ''}` : null },
    killedFrom: claims('fatalities'), injuredFrom: claims('injured'), dateFrom: claims('date'),
    cueSentences: text.split(/(?<=[.!?])\s+|\n+/).filter((s) => CUE.test(s)).slice(0, 12).map((s) => s.slice(0, 300)),
  }));
}
writeFileSync(out, lines.join('\n') + '\n');
console.error(`${lines.length} articles with a miss written to ${out}`);
