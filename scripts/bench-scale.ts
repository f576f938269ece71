/**
 * `npm run bench:scale`: how ingest scales (issue 20).
 *
 * 1. Throughput, through the real command (`sitrep ingest DIR --workers N --db X`, start-up
 *    included) on ECB+ dev (772 articles) and on a synthetic corpus of re-dated ECB+ copies (each
 *    copy " date YYYY-MM-DD " + the article, copy k published 60·k days after copy 0, so copies are
 *    separate incidents and every copy finds the earlier ones as candidates): SQLite and PostgreSQL,
 *    1 and 2 workers, each as documents/s and as a multiple of the floor — merely reading the same
 *    files and storing them with full text (FTS5) in SQLite, measured in the same run.
 * 2. Per-document cost as the store grows (store + link, extraction done beforehand): median and
 *    p95 of the next 200 documents at each store size, on SQLite (and PostgreSQL with
 *    SCALE_GROW_PG=1).
 *
 * Knobs (the defaults are the issue's; a shared machine may need smaller):
 *   SCALE_SYNTH=20000      synthetic corpus size
 *   SCALE_GROW="1000 5000 10000 20000 50000 100000"   store sizes for part 2
 *   SCALE_CONFIGS="sqlite:1 sqlite:2 pg:1 pg:2"
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
import { PgStore } from '../src/store/postgres.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ecb = resolve(join(root, '..', 'shared', 'data', 'ecbplus-dev', 'docs'));
const SYNTH = Number(process.env.SCALE_SYNTH ?? 20000);
const GROW = (process.env.SCALE_GROW ?? '1000 5000 10000 20000 50000 100000').split(/\s+/).map(Number).filter((n) => n > 0);
const CONFIGS = (process.env.SCALE_CONFIGS ?? 'sqlite:1 sqlite:2 pg:1 pg:2').split(/\s+/).filter(Boolean);
const PG_ADMIN = process.env.SCALE_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WINDOW = 200;
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

/** Per-document cost (store + link) at each store size: median and p95 of the next WINDOW documents. */
async function growth(kind: 'sqlite' | 'pg'): Promise<void> {
  const pipeline = createPipeline(loadResources());
  const files = readdirSync(ecb).filter((f) => f.endsWith('.txt')).sort();
  const base = files.map((f) => {
    const doc = textDocument(readFileSync(join(ecb, f), 'utf8'), { source: f });
    return { doc, reports: extract(doc, pipeline).reports };
  });
  const name = `sitrep_bench_grow_${process.pid}`;
  const store = kind === 'pg' ? await PgStore.open(await freshPg(name)) : openStore(join(tmp, 'grow.db'));
  console.log(`\n### per-document cost as the store grows (${kind === 'pg' ? 'PostgreSQL' : 'SQLite'}, store + link, next ${WINDOW} documents)\n`);
  console.log('| stored documents | median ms | p95 ms | p95 / median | mean ms | batched as ingest stores (64 a transaction): median / p95 / mean ms |\n|---|---|---|---|---|---|');
  let j = 0;
  const next = () => {
    const c = redatedCopy(base[j % base.length].doc, base[j % base.length].reports, Math.floor(j / base.length));
    j++;
    return c;
  };
  let firstMedian = 0;
  for (const size of GROW) {
    while (j < size) {
      const c = next();
      await store.ingest(c.doc, c.reports);
    }
    const times: number[] = [];
    for (let i = 0; i < WINDOW; i++) {
      const c = next();
      const t0 = performance.now();
      await store.ingest(c.doc, c.reports);
      times.push(performance.now() - t0);
    }
    const med = pct(times, 0.5);
    const p95 = pct(times, 0.95);
    if (!firstMedian) firstMedian = med;
    // the next WINDOW documents as `sitrep ingest` stores them on SQLite: BATCH a transaction, each commit timed with the document it follows
    const batched: number[] = [];
    const batchable = store as { beginBatch?: () => void; commitBatch?: () => void };
    for (let i = 0; i < WINDOW && batchable.beginBatch; i++) {
      const c = next();
      const t0 = performance.now();
      if (i % BATCH === 0) batchable.beginBatch();
      await store.ingest(c.doc, c.reports);
      if (i % BATCH === BATCH - 1 || i === WINDOW - 1) batchable.commitBatch!();
      batched.push(performance.now() - t0);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const b = batched.length ? `${pct(batched, 0.5).toFixed(1)} / ${pct(batched, 0.95).toFixed(1)} / ${mean(batched).toFixed(1)}` : '-';
    console.log(`| ${size} | ${med.toFixed(1)} | ${p95.toFixed(1)} | ${(p95 / med).toFixed(2)} (median ${(med / firstMedian).toFixed(2)}× the first) | ${mean(times).toFixed(1)} | ${b} |`);
  }
  await store.close();
  if (kind === 'pg') await dropPg(name);
}

async function main(): Promise<void> {
  console.log(`bench:scale on ${process.env.HOSTNAME ?? 'this machine'}, ${new Date().toISOString()}; configs ${CONFIGS.join(' ')}`);
  try {
    await throughput('ECB+ dev', ecb);
    if (SYNTH > 0) await throughput(`synthetic ${SYNTH}`, synthCorpus(SYNTH));
    if (GROW.length) await growth('sqlite');
    if (GROW.length && process.env.SCALE_GROW_PG === '1') await growth('pg');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
