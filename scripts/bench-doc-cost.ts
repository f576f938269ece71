/**
 * Where a document's store + link time goes (issue 20, per-document p95): ECB+ dev extracted once
 * (cached in $SITREP_DOC_COST_CACHE, default /tmp/sitrep-doc-cost.json), then ingested as
 * bench:scale's growing store does (re-dated copies, 60 days apart) into a fresh SQLite store. At
 * each size, the next 200 documents are timed in CPU time of this process (the machine is
 * shared: CPU time is what the code costs), split into insert (the transaction up to linking:
 * document, full text, term counts, reports), link (the linker) and commit (the rest: COMMIT, WAL
 * writes, checkpoints); the slowest 5 % are shown apart.
 *
 * Usage: tsx scripts/bench-doc-cost.ts [SIZE ...]   (default 1000 3000 5000)
 */
import { existsSync, mkdtempSync, statSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textDocument } from '../src/ingest/document.js';
import type { Document, Report } from '../src/model/types.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { redatedCopy } from './redate.js';
import { openStore } from '../src/store/sqlite.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ecb = resolve(join(root, '..', 'shared', 'data', 'ecbplus-dev', 'docs'));
const cache = process.env.SITREP_DOC_COST_CACHE ?? join(tmpdir(), 'sitrep-doc-cost.json');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const WINDOW = 200;

function base(): { doc: Document; reports: Report[] }[] {
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8'));
  const pipeline = createPipeline(loadResources());
  const files = readdirSync(ecb).filter((f) => f.endsWith('.txt')).sort();
  const out = files.map((f) => {
    const doc = textDocument(readFileSync(join(ecb, f), 'utf8'), { source: f });
    return { doc, reports: extract(doc, pipeline).reports };
  });
  writeFileSync(cache, JSON.stringify(out));
  return out;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

const docs = base();
const dir = mkdtempSync(join(tmpdir(), 'sitrep-doc-cost-'));
const store = openStore(join(dir, 'c.db'));
if (process.env.DOC_COST_PRAGMA) for (const p of process.env.DOC_COST_PRAGMA.split(';')) store.db.pragma(p);
const walBytes = () => statSync(join(dir, 'c.db-wal'), { throwIfNoEntry: false })?.size ?? 0;
const linker = (store as unknown as { linker: { link: (d: Document, r: readonly Report[]) => string[] } }).linker;
let tLink0 = 0;
let tLink1 = 0;
const link = linker.link.bind(linker);
linker.link = (d, r) => {
  tLink0 = cpu();
  const out = link(d, r);
  tLink1 = cpu();
  return out;
};
// calls of each store method per document (DOC_COST_CALLS=1): what the slowest documents write
const calls = new Map<string, number>();
if (process.env.DOC_COST_CALLS) {
  const g = (linker as unknown as { core: { g: Record<string, unknown> } }).core.g;
  const proto = Object.getPrototypeOf(g) as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(proto)) {
    const f = proto[name];
    if (name === 'constructor' || typeof f !== 'function') continue;
    g[name] = function (this: unknown, ...args: unknown[]) {
      const n = Array.isArray(args[0]) ? args[0].length : 1;
      calls.set(name, (calls.get(name) ?? 0) + n);
      return (f as (...a: unknown[]) => unknown).apply(g, args);
    };
  }
}
// DOC_COST_BATCH=N: N documents a transaction (Store.beginBatch: each in its own savepoint), as `ingest` stores them (64)
const BATCH = Number(process.env.DOC_COST_BATCH ?? 1);
let inBatch = 0;
const ingest = (c: { doc: Document; reports: Report[] }) => {
  if (BATCH > 1 && inBatch === 0) store.beginBatch();
  store.ingest(c.doc, c.reports);
  if (BATCH > 1 && ++inBatch === BATCH) {
    store.commitBatch();
    inBatch = 0;
  }
};
let j = 0;
const next = () => {
  const b = docs[j % docs.length];
  const c = redatedCopy(b.doc, b.reports, Math.floor(j / docs.length));
  j++;
  return c;
};
console.log('| stored | total CPU s | median ms | p95 ms | p95/median | mean insert / link / commit ms | slowest 5 %: mean insert / link / commit ms, reports/doc | WAL pages/doc (with autocheckpoint off): all / no report / slowest 5 % |\n|---|---|---|---|---|---|---|---|');
const t0 = cpu();
for (const size of sizes.length ? sizes : [1000, 3000, 5000]) {
  while (j < size) {
    const c = next();
    ingest(c);
  }
  const rows: { total: number; insert: number; link: number; commit: number; reports: number; pages: number; calls: Map<string, number> }[] = [];
  for (let i = 0; i < WINDOW; i++) {
    const c = next();
    calls.clear();
    const w0 = walBytes();
    const a = cpu();
    tLink0 = tLink1 = Number.NaN;
    ingest(c);
    const b = cpu();
    rows.push({ total: b - a, insert: tLink0 - a, link: tLink1 - tLink0, commit: b - tLink1, reports: c.reports.length, pages: Math.max(0, (walBytes() - w0) / 4120), calls: new Map(calls) });
  }
  const totals = rows.map((r) => r.total);
  const med = pct(totals, 0.5);
  const p95 = pct(totals, 0.95);
  const mean = (rs: typeof rows, k: 'insert' | 'link' | 'commit' | 'reports' | 'pages') => (rs.reduce((s, r) => s + r[k], 0) / rs.length).toFixed(2);
  const slow = rows.filter((r) => r.total >= p95);
  if (process.env.DOC_COST_CALLS) {
    const sum = new Map<string, number>();
    for (const r of slow) for (const [k, v] of r.calls) sum.set(k, (sum.get(k) ?? 0) + v / slow.length);
    console.error(`slowest 5 % at ${size}, store calls (items) per document:`, [...sum].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
  }
  console.log(`| ${size} | ${((cpu() - t0) / 1000).toFixed(1)} | ${med.toFixed(2)} | ${p95.toFixed(2)} | ${(p95 / med).toFixed(1)} | ${mean(rows, 'insert')} / ${mean(rows, 'link')} / ${mean(rows, 'commit')} | ${mean(slow, 'insert')} / ${mean(slow, 'link')} / ${mean(slow, 'commit')}, ${mean(slow, 'reports')} | ${mean(rows, 'pages')} / ${mean(rows.filter((r) => !r.reports), 'pages')} / ${mean(slow, 'pages')} |`);
}
store.close();
rmSync(dir, { recursive: true, force: true });
