/** Tuning aid: Ukraine set documents the type model types as no incident, with what the built report holds (the Ukraine set is not held out). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { textDocument } from '../src/ingest/document.js';
import { buildParts, createPipeline, loadResources, typeBuilt } from '../src/pipeline.js';
import { dateMeets, parseCsv, sourcesOf } from './eval-facts.js';

const csv = join(import.meta.dirname, '..', '..', 'shared', 'data', 'ucdp-ukraine-dev', 'ged_ukraine_2014_2016_news.csv');
const table = parseCsv(readFileSync(csv, 'utf8'));
const header = table[0];
const pipeline = createPipeline(loadResources());
for (const cells of table.slice(1)) {
  const rec = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  const sources = sourcesOf(rec);
  const headlines = sources.map((s) => s.headline).filter(Boolean);
  const published = sources.map((s) => s.date).sort().at(-1)!;
  const text = headlines.map((h) => (/[.!?]["'”’]?$/.test(h) ? h : h + '.')).join('\n') + '\n';
  const parts = buildParts(textDocument(text, { source: `ucdp:${rec.id}`, published }), pipeline);
  const { reports, typing } = typeBuilt(pipeline.typeModel, parts.title, parts.text, parts.titleTriggers, parts.textTriggers, parts.built, parts.native);
  if (reports.length) continue;
  const b = parts.built[0];
  const gold: [string, string] = [rec.date_start.slice(0, 10), rec.date_end.slice(0, 10)];
  console.log(`${rec.id} P=${typing.incident.toFixed(2)} built=${parts.built.length} k=${b?.fatalities?.best ?? '-'} i=${b?.injured?.best ?? '-'} ${b ? b.category : ''} dateOK=${b ? dateMeets(b.date, gold) : '-'} trig=${parts.textTriggers.map((t) => `${t.category}:${t.weight}`).join(',')}`);
  console.log(`   ${headlines.join(' | ').slice(0, 300)}`);
}
