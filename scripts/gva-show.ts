/** Debug aid: the casualty and date annotations sitrep reads in GVA tune articles (by article id). Usage: npx tsx scripts/gva-show.ts ID… */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textDocument } from '../src/ingest/document.js';
import { annotate, createPipeline, extract, loadResources } from '../src/pipeline.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '..', 'shared', 'data', 'gva-dev');
const tune = (id: string) => parseInt(createHash('sha1').update(`facts:${id}`).digest('hex')[0], 16) < 8;
const want = new Set(process.argv.slice(2));
const docs = gunzipSync(readFileSync(join(dir, 'docs.jsonl.gz'))).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; incident: string; title: string; published: string; text: string });
const pipeline = createPipeline(loadResources());
for (const d of docs) {
  if (!want.has(d.id) || !tune(d.incident)) continue;
  const doc = textDocument(`${d.title}\n\n${d.text}`, { source: `gva:${d.id}`, published: d.published });
  const a = annotate(doc, pipeline);
  const text = a.document.text;
  console.log(`### ${d.id} ${d.title} (published ${d.published})`);
  for (const x of a.annotations) {
    if (x.kind === 'casualty') console.log(`  cas ${x.field} ${x.value.best}${x.struck ? ' struck' : ''}${x.hedged ? ' hedged' : ''}${x.update ? ' update' : ''} "${text.slice(x.start, x.end)}"`);
    if (x.kind === 'date') console.log(`  date ${x.value.start}..${x.value.end}${x.later ? ' later' : ''}${x.stamp ? ' stamp' : ''} "${text.slice(x.start, x.end)}"`);
  }
  const r = extract(doc, pipeline).reports[0];
  console.log(`  => killed ${r?.fatalities?.best} injured ${r?.injured?.best} date ${r?.date?.start}..${r?.date?.end}`);
}
