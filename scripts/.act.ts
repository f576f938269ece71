import { readFileSync } from 'node:fs';
import { textDocument } from '../src/ingest/document.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
const p = createPipeline(loadResources());
for (const f of process.argv.slice(2)) {
  const { reports } = extract(textDocument(readFileSync(f, 'utf8'), { source: f }), p);
  const r = reports[0];
  console.log(`== ${f}: ${r.category}/${r.type} k=${r.fatalities?.best}`);
  for (const a of r.actors) console.log(`  ${a.role}: ${a.name} [${a.type}] ${a.description ?? ''}`);
}
