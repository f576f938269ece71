// PostgreSQL batches (PgStore.beginBatch, as `sitrep ingest` stores): the events one document a
// transaction gives, also when the server cuts the batch's connection mid-batch, when one document
// of a batch fails, and when `sitrep ingest` is killed with SIGKILL mid-run and run again.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase } from './pg-database.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { textDocument } from '../src/ingest/document.js';
import { PgStore } from '../src/store/postgres.js';
import type { Document, Report } from '../src/model/index.js';

const root = join(import.meta.dirname, '..');
const ecb = join(root, '../shared/data/ecbplus-dev/docs');
const admin = 'postgres://postgres@127.0.0.1:5432/postgres';
const base = `sitrep_test_pgbatch_${process.pid}`;
const url = (name: string) => `postgres://postgres@127.0.0.1:5432/${base}_${name}`;
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-pgbatch-'));
const corpus = join(tmp, 'corpus');

// look-alike stories of two topics, so documents link across a batch
const files = ['1_', '3_'].flatMap((t) =>
  readdirSync(ecb)
    .filter((f) => f.startsWith(t))
    .sort()
    .slice(0, 10),
);
let docs: { doc: Document; reports: Report[] }[] = [];
const names = ['ref', 'cut', 'fail', 'failref', 'kill'];

beforeAll(async () => {
  for (const n of names) await createTestDatabase(admin, `${base}_${n}`);
  mkdirSync(corpus, { recursive: true });
  for (const f of files) copyFileSync(join(ecb, f), join(corpus, f));
  const pipeline = createPipeline(loadResources());
  docs = files.map((f) => {
    const doc = textDocument(readFileSync(join(ecb, f), 'utf8'), { source: f });
    return { doc, reports: extract(doc, pipeline).reports };
  });
}, 120_000);

afterAll(async () => {
  for (const n of names) await dropTestDatabase(admin, `${base}_${n}`);
  rmSync(tmp, { recursive: true, force: true });
});

/** Everything linking decided: each report's event, each document's main event, the events and the scored pairs. */
async function state(name: string): Promise<unknown> {
  const c = new pg.Client(url(name));
  await c.connect();
  try {
    const q = async (sql: string) => (await c.query(sql)).rows;
    return {
      reports: await q('SELECT id, event FROM reports ORDER BY id'),
      documents: await q('SELECT id, primary_event FROM documents ORDER BY id'),
      events: await q('SELECT id, data, n_reports FROM events ORDER BY id'),
      edges: await q('SELECT a, b, score, scored FROM report_edges ORDER BY a, b'),
      dfs: await q('SELECT key, df FROM key_df ORDER BY key'),
      counter: await q('SELECT n FROM counters'),
    };
  } finally {
    await c.end();
  }
}

/** Events' data without the time each was last written. */
const timeless = (s: unknown) => JSON.parse(JSON.stringify(s).replace(/\\"updated\\":\\"[^\\]*\\"/g, ''));

describe('PostgreSQL batches', () => {
  it('link as one document a transaction does, also when the server cuts the connection mid-batch', async () => {
    const ref = await PgStore.open(url('ref'));
    for (const d of docs) await ref.ingest(d.doc, d.reports);
    await ref.close();

    const store = await PgStore.open(url('cut'));
    const c = new pg.Client(admin);
    await c.connect();
    let cuts = 0;
    try {
      for (let i = 0; i < docs.length; i++) {
        if (i % 4 === 0) store.beginBatch();
        const stored = store.ingest(docs[i].doc, docs[i].reports);
        if (i % 3 === 1) {
          const r = await c.query('SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [`${base}_cut`]);
          cuts += r.rows[0].n;
        }
        expect((await stored).stored).toBe(true);
        if (i % 4 === 3) await store.commitBatch();
      }
    } finally {
      await store.close();
      await c.end();
    }
    expect(cuts).toBeGreaterThan(0);
    expect(timeless(await state('cut'))).toEqual(timeless(await state('ref')));
  }, 120_000);

  it('fail one document alone: the batch keeps the others, linked as without it', async () => {
    const ref = await PgStore.open(url('failref'));
    for (const d of docs.slice(0, 8)) await ref.ingest(d.doc, d.reports);
    await ref.close();

    const store = await PgStore.open(url('fail'));
    try {
      store.beginBatch();
      for (let i = 0; i < 8; i++) {
        await store.ingest(docs[i].doc, docs[i].reports);
        if (i === 4) {
          // a report pointing at a document that is not stored: the server refuses it (foreign key)
          const bad = docs.find((d, k) => k >= 8 && d.reports.length)!;
          await expect(store.ingest(bad.doc, bad.reports.map((r) => ({ ...r, document: 'doc_missing' })))).rejects.toThrow(/foreign key/);
        }
      }
      await store.commitBatch();
      expect(await store.hasDocument(docs.find((d, k) => k >= 8 && d.reports.length)!.doc.id)).toBe(false);
    } finally {
      await store.close();
    }
    expect(timeless(await state('fail'))).toEqual(timeless(await state('failref')));
  }, 120_000);

  it('store every document once when `sitrep ingest` is killed mid-run and run again', async () => {
    // killed once some batches are committed, while the next one is open
    const counter = new pg.Client(url('kill'));
    await counter.connect();
    const stored = async () => {
      try {
        return (await counter.query('SELECT n::int AS n FROM counters')).rows[0]?.n ?? 0;
      } catch {
        return 0; // not migrated yet
      }
    };
    const run = (kill: boolean) =>
      new Promise<string>((resolve) => {
        const p = spawn(process.execPath, [join(root, 'bin/sitrep.js'), 'ingest', corpus, '--workers', '1', '--db', url('kill')], { stdio: ['ignore', 'pipe', 'ignore'] });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        let asking = false;
        const poll = kill
          ? setInterval(() => {
              if (asking) return;
              asking = true;
              void stored().then((n) => {
                asking = false;
                if (n >= 3 && p.exitCode === null) p.kill('SIGKILL');
              });
            }, 50)
          : null;
        p.on('close', () => {
          if (poll) clearInterval(poll);
          resolve(out);
        });
      });
    await run(true);
    const before = await stored();
    await counter.end();
    expect(before).toBeGreaterThanOrEqual(3);
    const last = await run(false);
    expect(last).toMatch(new RegExp(`^${files.length - before} new documents?, ${before} already stored, 0 failed`));
    const s = (await state('kill')) as { documents: { id: string; primary_event: string | null }[]; reports: { id: string; event: string }[] };
    expect(s.documents).toHaveLength(files.length);
    const ref = (await state('ref')) as typeof s;
    // the same events as the reference (stored in the same order, whole batches lost and stored again)
    expect(s.documents).toEqual(ref.documents);
    expect(s.reports).toEqual(ref.reports);
  }, 180_000);
});
