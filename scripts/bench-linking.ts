/**
 * Linking time per document as the store grows: ECB+ dev articles, extracted once, are stored
 * again and again as re-dated copies (each copy published 60 days after the previous, its
 * incident dates moved with it, under a new document id), so every copy finds the earlier ones
 * as candidates and the publication dates set them apart, as a long-running store would see
 * recurring stories. At each size it times Store.ingest (store + link) over the next 200
 * documents, in wall time and in CPU time of this process (the machine may be shared: CPU time is
 * what the code costs, wall time what a user waits). Prints one markdown table row per size.
 *
 * Usage: tsx scripts/bench-linking.ts [SIZE ...]   (default 1000 10000); with
 * `node --expose-gc --import tsx` it also prints the live JS heap after a collection.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textDocument } from '../src/ingest/document.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { redatedCopy } from './redate.js';
import { openStore } from '../src/store/sqlite.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.SITREP_BENCH_ECB ?? join(root, '..', 'shared', 'data', 'ecbplus-dev', 'docs'));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const MEASURED = 200;

/** Live JS heap once garbage is collected (run node with --expose-gc), or '-': what the process keeps, not what V8 has yet to reclaim. */
function heapAfterGc(): string {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return '-';
  gc();
  return (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0);
}

function main(): void {
  const pipeline = createPipeline(loadResources());
  const files = readdirSync(dataDir).filter((f) => f.endsWith('.txt')).sort();
  const base = files.map((f) => {
    const doc = textDocument(readFileSync(join(dataDir, f), 'utf8'), { source: f });
    return { doc, reports: extract(doc, pipeline).reports };
  });
  console.log('| store size (documents) | store + link ms/doc, wall (next 200) | CPU ms/doc | fill ms/doc, wall | edges/report | RSS MB | JS heap MB after GC |\n|---|---|---|---|---|---|---|');
  for (const size of sizes.length ? sizes : [1000, 10000]) {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-linking-'));
    const store = openStore(join(dir, 'b.db'));
    try {
      let n = 0;
      const next = () => {
        const b = base[n % base.length];
        const c = redatedCopy(b.doc, b.reports, Math.floor(n / base.length));
        n++;
        return c;
      };
      const f0 = performance.now();
      while (n < size) {
        const c = next();
        store.ingest(c.doc, c.reports);
      }
      const fill = (performance.now() - f0) / size;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      for (let i = 0; i < MEASURED; i++) {
        const c = next();
        store.ingest(c.doc, c.reports);
      }
      const ms = (performance.now() - t0) / MEASURED;
      const cpu = process.cpuUsage(c0);
      const cpuMs = (cpu.user + cpu.system) / 1000 / MEASURED;
      const edges = store.db.prepare('SELECT count(*) FROM report_edges').pluck().get() as number;
      const reports = store.db.prepare('SELECT count(*) FROM reports').pluck().get() as number;
      console.log(`| ${size} | ${ms.toFixed(1)} | ${cpuMs.toFixed(1)} | ${fill.toFixed(1)} | ${(edges / reports).toFixed(1)} | ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} | ${heapAfterGc()} |`);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

main();
