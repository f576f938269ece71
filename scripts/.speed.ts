import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const base = process.argv[2];
const { textDocument } = await import(join(base, 'src/ingest/document.ts'));
const { createPipeline, extract, loadResources } = await import(join(base, 'src/pipeline.ts'));
const dir = '/work/shared/data/ecbplus-dev/docs';
const lines = readdirSync(dir).sort().flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.length > 40));
const docs: string[] = []; let cur = '';
for (const l of lines) { cur += l + '\n'; if (cur.length >= 3000) { docs.push(cur); cur = ''; } if (docs.length >= 400) break; }
const p = createPipeline(loadResources());
for (const d of docs.slice(0, 50)) extract(textDocument(d, { source: 'x', published: '2020-01-01' }), p);
const t0 = performance.now(); const c0 = process.cpuUsage();
for (const d of docs) extract(textDocument(d, { source: 'x', published: '2020-01-01' }), p);
const cpu = process.cpuUsage(c0);
console.log(`${base}: ${docs.length} docs, wall ${(docs.length / ((performance.now() - t0) / 1000)).toFixed(0)}/s, cpu ${(docs.length / ((cpu.user + cpu.system) / 1e6)).toFixed(0)}/s`);
