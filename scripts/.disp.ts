import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textDocument } from '/work/wt-facts/src/ingest/document.js';
import { createPipeline, extract, loadResources } from '/work/wt-facts/src/pipeline.js';
import { openStore } from '/work/wt-facts/src/store/sqlite.js';
import type { Location } from '/work/wt-facts/src/model/types.js';
const dir = '/work/shared/data/ecbplus-dev/docs';
const p = createPipeline(loadResources());
const store = openStore(join(mkdtempSync(join(tmpdir(), 'disp-')), 'x.db'));
for (const f of readdirSync(dir).sort()) { const d = textDocument(readFileSync(join(dir, f), 'utf8'), { source: f }); store.ingest(d, extract(d, p).reports); }
let n = 0;
for (const e of store.events({ limit: 10000 }).events) {
  if (!e.disputed.includes('location') || n++ > 12) continue;
  const vals = [...new Set(e.fields.location!.claims.map((c) => { const l = c.value as Location; return `${l.name}/${l.admin1}/${l.country}/${l.precision}`; }))];
  console.log(e.title.slice(0, 60), '::', vals.slice(0, 8).join(' | '));
}
