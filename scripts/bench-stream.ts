/**
 * Two measures of issue 10, each in its own process so its peak memory is its own:
 * - `jsonl [GB]`: peak RSS while `sitrep ingest` streams a generated JSONL file of GB gigabytes
 *   (default 1): 500 distinct reports from the ECB+ development articles, repeated to size, so
 *   every line is read, parsed and hashed while extraction stays affordable;
 * - `readers`: ingest throughput of the ECB+ articles into a fresh store while two other
 *   processes query it all the while (events list and full text), with the readers' count and
 *   slowest answer.
 * Prints one markdown table row per measure. Used by scripts/bench.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestDocument as storeDocument } from '../src/jobs/ingest.js';
import { inProcessExtractor } from '../src/extract-pool.js';
import { readInputs } from '../src/ingest/read.js';
import { createPipeline, loadResources } from '../src/pipeline.js';
import { openStore } from '../src/store/sqlite.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ecb = resolve(process.env.SITREP_BENCH_ECB ?? join(root, '..', 'shared', 'data', 'ecbplus-dev', 'docs'));
const MB = 1024 * 1024;
/** Distinct reports in the generated JSONL: enough to exercise linking, few enough to keep the run short. */
const DISTINCT = 500;
const now = () => performance.now() / 1000;

async function ingestAll(path: string, db: string): Promise<{ docs: number; seconds: number }> {
  const pipeline = createPipeline(loadResources());
  const store = openStore(db);
  const t0 = now();
  let docs = 0;
  try {
    for await (const item of readInputs([path])) {
      if (item.kind === 'error') throw new Error(`${item.input}: ${item.reason}`);
      await storeDocument(item.document, inProcessExtractor(pipeline), store);
      docs++;
    }
  } finally {
    store.close();
  }
  return { docs, seconds: now() - t0 };
}

async function writeJsonl(file: string, bytes: number): Promise<number> {
  const texts = readdirSync(ecb).sort().map((f) => readFileSync(join(ecb, f), 'utf8'));
  const lines: string[] = [];
  for (let i = 0; lines.length < DISTINCT; i++) lines.push(JSON.stringify({ text: `${texts[i % texts.length]}\n(${Math.floor(i / texts.length)})`, published: '2020-01-01' }) + '\n');
  const out = createWriteStream(file);
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const line = lines[n++ % lines.length];
    written += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise((r) => out.end(r));
  return n;
}

async function jsonl(gb: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-stream-'));
  try {
    const file = join(dir, 'big.jsonl');
    const lines = await writeJsonl(file, gb * 1024 * MB);
    const run = await ingestAll(file, join(dir, 's.db'));
    console.log(`| ${(statSync(file).size / MB).toFixed(0)} MB JSONL, ${lines} lines (${DISTINCT} distinct) | ${run.seconds.toFixed(1)} s, ${(run.docs / run.seconds).toFixed(0)} lines/s | peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A reader process: queries until told to stop, then prints how many and the slowest. */
async function reader(db: string, seconds: number): Promise<void> {
  const end = now() + seconds;
  let n = 0;
  let worst = 0;
  while (now() < end) {
    try {
      const store = openStore(db);
      const t = now();
      store.events({ limit: 20 });
      store.events({ q: 'killed', limit: 20 });
      worst = Math.max(worst, now() - t);
      store.close();
      n++;
    } catch {
      // the writer is creating the tables
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  console.log(JSON.stringify({ n, worst }));
}

async function readers(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-readers-'));
  const db = join(dir, 'r.db');
  try {
    openStore(db).close(); // tables exist before the readers start
    const alone = await ingestAll(ecb, join(dir, 'alone.db'));
    const self = fileURLToPath(import.meta.url);
    const outputs: Promise<string>[] = [];
    for (let i = 0; i < 2; i++) {
      const child = spawn(process.execPath, ['--import', 'tsx', self, 'reader', db, String(Math.ceil(alone.seconds * 1.5))], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (b) => (out += b));
      outputs.push(new Promise((r) => child.once('exit', () => r(out))));
    }
    const run = await ingestAll(ecb, db);
    const results = (await Promise.all(outputs)).map((o) => JSON.parse(o.trim().split('\n').pop() || '{"n":0,"worst":0}') as { n: number; worst: number });
    const queries = results.reduce((a, r) => a + r.n, 0);
    const worst = Math.max(...results.map((r) => r.worst));
    console.log(`| ingest ${run.docs} ECB+ articles with 2 readers querying | ${(run.docs / run.seconds).toFixed(1)} docs/s (alone ${(alone.docs / alone.seconds).toFixed(1)}) | ${queries} reader rounds, slowest ${(worst * 1000).toFixed(0)} ms |`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The heap cap the installed command runs with (its shebang), so this process measures the same. */
function cliHeapFlag(): string | null {
  const first = readFileSync(join(root, 'bin', 'sitrep.js'), 'utf8').split('\n', 1)[0];
  return /--max-old-space-size=\d+/.exec(first)?.[0] ?? null;
}

const [mode, a, b] = process.argv.slice(2);
const flag = cliHeapFlag();
if (mode === 'jsonl' && flag && !process.execArgv.includes(flag)) {
  // run again under the command's heap cap: peak memory is what `sitrep ingest` would use
  const r = spawnSync(process.execPath, [flag, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const run = mode === 'jsonl' ? jsonl(Number(a ?? 1)) : mode === 'readers' ? readers() : mode === 'reader' ? reader(a, Number(b)) : Promise.reject(new Error(`usage: bench-stream.ts jsonl [GB] | readers`));
run.catch((e) => {
  console.error(`bench-stream: ${(e as Error).message}`);
  process.exit(1);
});
