/**
 * Instructions per synthetic 3 kB report, the speed figure that holds on a shared machine. Builds
 * the synthetic reports `npm run bench` times, extracts WARM of them (JIT warm-up, lazily built
 * gazetteer indexes), then, when run under callgrind, zeroes the counters, extracts the next COUNT
 * and dumps: the dump's total divided by COUNT. Usage:
 *   valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.%p node --no-regexp-tier-up --import tsx \
 *     scripts/callgrind-extract.ts [--warm 60] [--count 60]
 *   callgrind_annotate /tmp/cg.PID.2 | head   (the dump after "zeroed"; .1 is the warm-up)
 * Without valgrind it just times the COUNT reports.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../src/ingest/read.js';
import type { Document } from '../src/model/types.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { syntheticReports } from './synthetic-reports.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, dflt: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : dflt);
const WARM = arg('--warm', 60);
const COUNT = arg('--count', 60);

/** Valgrind preloads its own library into the program it runs. */
const underValgrind = /vgpreload/.test(process.env.LD_PRELOAD ?? '');
/** Asks callgrind (through vgdb) to dump its counters so far, which also zeroes them. */
const dump = () => spawnSync('callgrind_control', ['-d', String(process.pid)], { encoding: 'utf8' });

const pipeline = createPipeline(loadResources());
const ecb: Document[] = [];
for await (const item of readInputs([join(root, '..', 'shared', 'data', 'ecbplus-dev', 'docs')])) if (item.kind === 'document') ecb.push(item.document);
const docs = syntheticReports(ecb, WARM + COUNT);
for (const d of docs.slice(0, WARM)) extract(d, pipeline);
if (underValgrind) dump(); // the load and warm-up in their own dump
const t0 = performance.now();
for (const d of docs.slice(WARM)) extract(d, pipeline);
const ms = performance.now() - t0;
if (underValgrind) dump();
console.log(`${COUNT} reports after ${WARM} warm-up: ${(ms / COUNT).toFixed(2)} ms each${underValgrind ? ' (dumped: the last dump is the measured loop)' : ''}`);
