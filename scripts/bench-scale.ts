/**
 * `npm run bench:scale`: how ingest scales (issue 20).
 *
 * 1. Throughput, through the real command (`sitrep ingest DIR --workers N --db X`, start-up
 *    included) on ECB+ dev (772 articles) and on a synthetic corpus of re-dated ECB+ copies (each
 *    copy " date YYYY-MM-DD " + the article, copy k published 60·k days after copy 0, so copies are
 *    separate incidents and every copy finds the earlier ones as candidates): SQLite and PostgreSQL,
 *    1 and 2 workers, each as documents/s and as a multiple of the floor — merely reading the same
 *    files and storing them with full text (FTS5) in SQLite, measured in the same run.
 * 2. Per-document cost as the store grows, in CPU time: the full cost (extraction + store + link of
 *    fresh documents, the measure) and store + link alone, median and p95 of windows of 200
 *    documents at each store size, on SQLite (and PostgreSQL with SCALE_GROW_PG=1); the store grows
 *    between sizes with cached extractions (see `growth`).
 *
 * Knobs (the defaults are the issue's; a shared machine may need smaller):
 *   SCALE_SYNTH=20000      synthetic corpus size
 *   SCALE_GROW="1000 10000 50000 100000"   store sizes for part 2
 *   SCALE_CONFIGS="sqlite:1 sqlite:2 pg:1 pg:2"   (empty: no throughput runs)
 *   SCALE_WINDOW=200       documents a window in part 2
 *   SCALE_PG=postgres://postgres@127.0.0.1:5432/postgres   server for the PostgreSQL runs (a fresh database each)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { textDocument } from '../src/ingest/document.js';
import { readInputs } from '../src/ingest/read.js';
import type { Document } from '../src/model/types.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { redatedCopy, shift } from './redate.js';
import { openStore } from '../src/store/sqlite.js';
import { ExtractPool } from '../src/extract-pool.js';
import { PgStore } from '../src/store/postgres.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ecb = resolve(join(root, '..', 'shared', 'data', 'ecbplus-dev', 'docs'));
const SYNTH = Number(process.env.SCALE_SYNTH ?? 20000);
const GROW = (process.env.SCALE_GROW ?? '1000 10000 50000 100000').split(/\s+/).map(Number).filter((n) => n > 0);
const CONFIGS = (process.env.SCALE_CONFIGS ?? 'sqlite:1 sqlite:2 pg:1 pg:2').split(/\s+/).filter(Boolean);
const PG_ADMIN = process.env.SCALE_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WINDOW = Number(process.env.SCALE_WINDOW ?? 200);
const BATCH = 64;
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-scale-'));


/** The synthetic corpus as files: copy k of article i, dated 60·k days after 2000-01-01. */
function synthCorpus(n: number): string {
  const dir = join(tmp, 'synth');
  mkdirSync(dir);
  const files = readdirSync(ecb).filter((f) => f.endsWith('.txt')).sort();
  const texts = files.map((f) => readFileSync(join(ecb, f), 'utf8'));
  for (let j = 0; j < n; j++) {
    const k = Math.floor(j / texts.length);
    writeFileSync(join(dir, `${String(j).padStart(6, '0')}.txt`), ` date ${shift('2000-01-01', k * 60)} ${texts[j % texts.length]}`);
  }
  return dir;
}

/** The floor: read the files and store each with its full text, nothing else. */
async function floor(dir: string): Promise<{ docs: number; s: number }> {
  const db = new Database(join(tmp, `floor-${Date.now()}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec("CREATE TABLE documents (id TEXT PRIMARY KEY, source TEXT, title TEXT, text TEXT); CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');");
  const ins = db.prepare('INSERT OR IGNORE INTO documents (id, source, title, text) VALUES (?,?,?,?)');
  const fts = db.prepare('INSERT INTO documents_fts (rowid, title, text) VALUES (?,?,?)');
  const one = db.transaction((d: Document) => {
    const info = ins.run(d.id, d.source, d.title, d.text);
    if (info.changes) fts.run(info.lastInsertRowid, d.title ?? '', d.text);
  });
  const t0 = performance.now();
  let docs = 0;
  for await (const item of readInputs([dir])) {
    if (item.kind !== 'document') continue;
    one(item.document);
    docs++;
  }
  const s = (performance.now() - t0) / 1000;
  db.close();
  return { docs, s };
}

async function freshPg(name: string): Promise<string> {
  const c = new pg.Client(PG_ADMIN);
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropPg(name: string): Promise<void> {
  const c = new pg.Client(PG_ADMIN);
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}

/** One run of the real command; returns its wall seconds. */
async function ingestRun(dir: string, config: string, label: string): Promise<{ s: number; ok: boolean; line: string }> {
  const [kind, n] = config.split(':');
  const name = `sitrep_bench_${label}_${kind}_${n}_${process.pid}`;
  const db = kind === 'pg' ? await freshPg(name) : join(tmp, `${name}.db`);
  const t0 = performance.now();
  const p = spawnSync(process.execPath, ['--max-old-space-size=512', '--no-regexp-tier-up', join(root, 'bin/sitrep.js'), 'ingest', dir, '--workers', n, '--db', db], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const s = (performance.now() - t0) / 1000;
  if (kind === 'pg') await dropPg(name);
  return { s, ok: p.status === 0, line: (p.stdout.trim() || p.stderr.trim()).split('\n').pop() ?? '' };
}

async function throughput(label: string, dir: string): Promise<void> {
  const f = await floor(dir);
  const floorRate = f.docs / f.s;
  console.log(`\n### ${label}: ${f.docs} documents; floor (read + store with FTS5 in SQLite) ${floorRate.toFixed(0)} docs/s\n`);
  console.log('| store | workers | wall s | docs/s | × floor time | vs 1 worker | result |\n|---|---|---|---|---|---|---|');
  const one = new Map<string, number>();
  for (const config of CONFIGS) {
    const [kind, n] = config.split(':');
    const r = await ingestRun(dir, config, label.replace(/\W+/g, '').toLowerCase());
    const rate = f.docs / r.s;
    if (n === '1') one.set(kind, rate);
    const speedup = n !== '1' && one.has(kind) ? `${(rate / one.get(kind)!).toFixed(2)}×` : '-';
    console.log(`| ${kind === 'pg' ? 'PostgreSQL' : 'SQLite'} | ${n} | ${r.s.toFixed(1)} | ${rate.toFixed(1)} | ${(floorRate / rate).toFixed(1)} | ${speedup} | ${r.ok ? r.line : 'FAILED: ' + r.line} |`);
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

/**
 * Per-document cost at each store size, in CPU time of this process, all threads (the machine is
 * shared; a background GC or compiler thread's time counts too). Between sizes the store grows with the
 * cached extractions' re-dated copies (store + link only). At each size, three windows of the next
 * WINDOW documents:
 * - full cost, the issue's per-document cost: each document extracted afresh on an extraction thread
 *   (ExtractPool, as `sitrep ingest`; this thread waits meanwhile, so the process's CPU is the
 *   document's), re-dated (the copy's id and dates, as the growing corpus does) and stored and
 *   linked, BATCH documents a transaction as `sitrep ingest` commits (a commit is counted with the
 *   document it follows);
 * - store + link alone, one document a transaction, and the same batched as ingest.
 */
async function growth(kind: 'sqlite' | 'pg'): Promise<void> {
  const pipeline = createPipeline(loadResources());
  const files = readdirSync(ecb).filter((f) => f.endsWith('.txt')).sort();
  const raw = files.map((f) => ({ f, text: readFileSync(join(ecb, f), 'utf8') }));
  const extractOne = (i: number) => {
    const doc = textDocument(raw[i].text, { source: raw[i].f });
    return { doc, reports: extract(doc, pipeline).reports };
  };
  const base = raw.map((_, i) => extractOne(i));
  const pool = new ExtractPool();
  const name = `sitrep_bench_grow_${process.pid}`;
  const store = kind === 'pg' ? await PgStore.open(await freshPg(name)) : openStore(join(tmp, 'grow.db'));
  const batchable = store as { beginBatch?: () => void; commitBatch?: () => void | Promise<void> };
  const label = kind === 'pg' ? 'PostgreSQL' : 'SQLite';
  let j = 0;
  const next = () => {
    const c = redatedCopy(base[j % base.length].doc, base[j % base.length].reports, Math.floor(j / base.length));
    j++;
    return c;
  };
  type Row = { size: number; full: number[]; ext: number[]; sl: number[]; alone: number[]; batched: number[]; growS: number };
  const rows: Row[] = [];
  const t0 = cpuMs();
  // Each size is moved to the same place in a copy of the corpus (OFFSET documents into it), so every
  // size's windows hold the same articles with as many same-period neighbours: the sizes differ only
  // by the store. The full-cost window is the next documents of the sequence, extracted afresh.
  const OFFSET = 200;
  for (const asked of GROW) {
    const size = Math.round(asked / base.length) * base.length + OFFSET;
    const g0 = cpuMs();
    if (batchable.beginBatch) batchable.beginBatch();
    for (let n = 0; j < size; n++) {
      const c = next();
      await store.ingest(c.doc, c.reports);
      if (batchable.beginBatch && n % BATCH === BATCH - 1) {
        await batchable.commitBatch!();
        batchable.beginBatch();
      }
    }
    await batchable.commitBatch?.();
    const growS = (cpuMs() - g0) / 1000;
    // full cost: extraction + store + link of fresh documents, as `sitrep ingest` runs them: the
    // document extracted on an extraction thread (its own heap, not the linker's), then stored and
    // linked here. The thread runs first on the 300 articles before the window (not timed), as a
    // continuous ingest keeps it warm.
    for (let i = 1; i <= 300; i++) await pool.extract(textDocument(raw[(j - i + base.length * 10) % base.length].text, { source: 'warm' }));
    const full: number[] = [];
    const ext: number[] = [];
    const sl: number[] = [];
    for (let i = 0; i < WINDOW; i++) {
      const at = j % base.length;
      const k = Math.floor(j / base.length);
      j++;
      const a = cpuMs();
      const doc = textDocument(raw[at].text, { source: raw[at].f });
      const fresh = await pool.extract(doc);
      if (fresh.reports.length !== base[at].reports.length) throw new Error(`${raw[at].f}: extracted afresh, ${fresh.reports.length} reports against ${base[at].reports.length} cached`);
      const b = cpuMs();
      const c = redatedCopy(doc, fresh.reports, k);
      if (i % BATCH === 0) batchable.beginBatch?.();
      await store.ingest(c.doc, c.reports, fresh.spans);
      if (i % BATCH === BATCH - 1 || i === WINDOW - 1) await batchable.commitBatch?.();
      const d = cpuMs();
      full.push(d - a);
      ext.push(b - a);
      sl.push(d - b);
    }
    const alone: number[] = [];
    for (let i = 0; i < WINDOW; i++) {
      const c = next();
      const a = cpuMs();
      await store.ingest(c.doc, c.reports);
      alone.push(cpuMs() - a);
    }
    const batched: number[] = [];
    for (let i = 0; i < WINDOW && batchable.beginBatch; i++) {
      const c = next();
      const a = cpuMs();
      if (i % BATCH === 0) batchable.beginBatch();
      await store.ingest(c.doc, c.reports);
      if (i % BATCH === BATCH - 1 || i === WINDOW - 1) await batchable.commitBatch!();
      batched.push(cpuMs() - a);
    }
    rows.push({ size, full, ext, sl, alone, batched, growS });
    console.error(`  [growth ${label}] ${size} stored, ${((cpuMs() - t0) / 1000).toFixed(0)} s CPU so far; full cost median ${f1(pct(full, 0.5))} p95 ${f1(pct(full, 0.95))} mean ${f1(mean(full))} ms; store + link alone mean ${f1(mean(alone))} ms`);
  }
  await store.close();
  await pool.close();
  if (kind === 'pg') await dropPg(name);

  const first = rows[0];
  console.log(`\n### per-document cost as the store grows (${label}; CPU ms of this process; ${WINDOW} documents a window)\n`);
  console.log(`Full cost, as the issue defines it: each document of the window extracted afresh on an extraction thread as \`sitrep ingest\` does (warmed on the 300 articles before the window; the CPU of all threads) and stored and linked, ${BATCH} a transaction as \`sitrep ingest\` commits. Between sizes the store grows with re-dated copies of cached extractions (store + link only); each size is rounded to ${OFFSET} documents into a copy of the corpus, so every window holds the same articles.\n`);
  console.log('| stored documents | median ms | p95 ms | p95 / median | mean ms | median / p95 / mean vs first size | extraction median / p95 ms | store + link median / p95 / mean ms |\n|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const med = pct(r.full, 0.5);
    const p95 = pct(r.full, 0.95);
    const rel = `${f2(med / pct(first.full, 0.5))}× / ${f2(p95 / pct(first.full, 0.95))}× / ${f2(mean(r.full) / mean(first.full))}×`;
    console.log(`| ${r.size} | ${f1(med)} | ${f1(p95)} | ${f2(p95 / med)} | ${f1(mean(r.full))} | ${rel} | ${f1(pct(r.ext, 0.5))} / ${f1(pct(r.ext, 0.95))} | ${f2(pct(r.sl, 0.5))} / ${f1(pct(r.sl, 0.95))} / ${f1(mean(r.sl))} |`);
  }
  console.log(`\nStore + link alone (extraction cached), the next ${WINDOW} documents after the full-cost window; the median document reports no incident and costs its store alone, so p95 / median is large by construction.\n`);
  console.log('| stored documents | one a transaction: median / p95 / mean ms | batched as ingest (64 a transaction): median / p95 / mean ms | growing to this size: CPU s |\n|---|---|---|---|');
  for (const r of rows) {
    const b = r.batched.length ? `${f2(pct(r.batched, 0.5))} / ${f1(pct(r.batched, 0.95))} / ${f1(mean(r.batched))}` : '-';
    console.log(`| ${r.size} | ${f2(pct(r.alone, 0.5))} / ${f1(pct(r.alone, 0.95))} / ${f1(mean(r.alone))} | ${b} | ${r.growS.toFixed(0)} |`);
  }
}

async function main(): Promise<void> {
  console.log(`bench:scale on ${process.env.HOSTNAME ?? 'this machine'}, ${new Date().toISOString()}; configs ${CONFIGS.join(' ')}`);
  try {
    if (CONFIGS.length) await throughput('ECB+ dev', ecb);
    if (CONFIGS.length && SYNTH > 0) await throughput(`synthetic ${SYNTH}`, synthCorpus(SYNTH));
    if (GROW.length) await growth('sqlite');
    if (GROW.length && process.env.SCALE_GROW_PG === '1') await growth('pg');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
