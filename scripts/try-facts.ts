/** Debug aid: killed / injured / date sitrep reads from each argument (a text; published 2016-06-15). */
import { textDocument } from '../src/ingest/document.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
const pipeline = createPipeline(loadResources());
for (const t of process.argv.slice(2)) {
  const r = extract(textDocument(t, { source: 'try', published: '2016-06-15' }), pipeline).reports[0];
  console.log(`killed ${r?.fatalities?.best ?? null} injured ${r?.injured?.best ?? null} date ${r?.date?.start}..${r?.date?.end} | ${t.slice(0, 120)}`);
}
