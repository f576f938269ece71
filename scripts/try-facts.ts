/** Debug aid: killed / injured / date sitrep reads from each argument (a text; published 2016-06-15); `-v` first prints the casualty annotations too. */
import { textDocument } from '../src/ingest/document.js';
import { annotate, createPipeline, extract, loadResources } from '../src/pipeline.js';
const pipeline = createPipeline(loadResources());
const args = process.argv.slice(2);
const verbose = args[0] === '-v';
for (const t of verbose ? args.slice(1) : args) {
  const doc = textDocument(t, { source: 'try', published: '2016-06-15' });
  const r = extract(doc, pipeline).reports[0];
  console.log(`killed ${r?.fatalities?.best ?? null} injured ${r?.injured?.best ?? null} date ${r?.date?.start}..${r?.date?.end} | ${t.slice(0, 120)}`);
  if (!verbose) continue;
  const a = annotate(doc, pipeline);
  for (const x of a.annotations) if (x.kind === 'casualty') console.log(`  cas ${x.field} ${x.value.best}${x.struck ? ' struck' : ''}${x.hedged ? ' hedged' : ''}${x.update ? ' update' : ''} "${a.document.text.slice(x.start, x.end)}"`);
}
