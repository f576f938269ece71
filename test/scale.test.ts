// Scaling out on real servers (PostgreSQL 127.0.0.1:5432, NATS JetStream 127.0.0.1:4222, which CI
// starts): the PostgreSQL store gives the events SQLite gives, survives its connections being cut,
// extraction threads change nothing, every queued document is stored exactly once while workers
// are killed with SIGKILL, and a wrong connection string or a queue that is down is one line and exit 1.
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase, dropTestDatabase } from './pg-database.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { textDocument } from '../src/ingest/document.js';
import { PgStore } from '../src/store/postgres.js';
import { DocumentQueue } from '../src/scale/queue.js';
import { ExtractPool, inOrder } from '../src/extract-pool.js';
import { spanOf } from '../src/extract/spans.js';

const root = join(import.meta.dirname, '..');
const ecb = join(root, '../shared/data/ecbplus-dev/docs');
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-scale-'));
const admin = 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `sitrep_test_scale_${process.pid}`;
const url = `postgres://postgres@127.0.0.1:5432/${dbName}`;

/** Runs the built CLI without blocking the test runner (a long spawnSync starves vitest's own messages). */
function sitrep(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(root, 'bin/sitrep.js'), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), 300_000);
    p.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Documents by file name → their main event, as the acceptance check reads them. */
async function clusters(db: string): Promise<Map<string, string>> {
  const p = await sitrep(['documents', '--json', '--db', db]);
  expect(p.status, p.stderr).toBe(0);
  return new Map((JSON.parse(p.stdout) as { source: string; id: string; primary_event: string | null }[]).map((d) => [d.source.split('/').pop()!, d.primary_event ?? `none-${d.id}`]));
}

/** B-cubed F1 of b against a. */
function bcubed(a: Map<string, string>, b: Map<string, string>): number {
  const group = (m: Map<string, string>) => {
    const g = new Map<string, Set<string>>();
    for (const [d, c] of m) (g.get(c) ?? g.set(c, new Set()).get(c)!).add(d);
    return g;
  };
  const ga = group(a);
  const gb = group(b);
  let p = 0;
  let r = 0;
  for (const [d] of a) {
    const x = ga.get(a.get(d)!)!;
    const y = gb.get(b.get(d)!)!;
    const both = [...x].filter((e) => y.has(e)).length;
    p += both / y.size;
    r += both / x.size;
  }
  p /= a.size;
  r /= a.size;
  return (2 * p * r) / (p + r);
}

// a slice of ECB+ dev: three topics' worth of look-alike stories, small enough for CI
const files = ['1_', '3_', '9_'].flatMap((t) =>
  readdirSync(ecb)
    .filter((f) => f.startsWith(t))
    .sort()
    .slice(0, 12),
);
const corpus = join(tmp, 'corpus');

beforeAll(async () => {
  await createTestDatabase(admin, dbName);
  mkdirSync(corpus, { recursive: true });
  for (const f of files) copyFileSync(join(ecb, f), join(corpus, f));
}, 60_000);

afterAll(async () => {
  await dropTestDatabase(admin, dbName);
  rmSync(tmp, { recursive: true, force: true });
});

describe('extraction threads', () => {
  it('give every document its own reports and spans, handed back in input order, and keep them in PostgreSQL', async () => {
    const pipeline = createPipeline(loadResources());
    const docs = files.slice(0, 6).map((f) => textDocument(readFileSync(join(ecb, f), 'utf8'), { source: f }));
    const pool = new ExtractPool(undefined, 2);
    const seen: string[] = [];
    // a database of its own: the tests below count what theirs holds
    const c = new pg.Client(admin);
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${dbName}_pool`);
    await c.query(`CREATE DATABASE ${dbName}_pool`);
    const store = await PgStore.open(`${url}_pool`);
    try {
      expect(pool.size).toBe(2);
      async function* items() {
        yield* docs;
      }
      await inOrder(items(), 8, (d) => pool.extract(d), async (d, r) => {
        seen.push(d.source);
        if (r.status === 'rejected') throw r.reason;
        const { annotated, reports } = extract(d, pipeline);
        expect(r.value.reports.map((x) => x.id)).toEqual(reports.map((x) => x.id));
        expect(r.value.spans).toEqual(annotated.annotations.map(spanOf).filter((x) => x !== null));
        expect(r.value.warnings).toEqual([]);
        await store.ingest(d, r.value.reports, r.value.spans);
        expect(await store.documentSpans(d.id)).toEqual(r.value.spans);
      });
      expect(seen).toEqual(docs.map((d) => d.source));
    } finally {
      await pool.close();
      await store.close();
      await c.query(`DROP DATABASE IF EXISTS ${dbName}_pool WITH (FORCE)`);
      await c.end();
    }
  }, 180_000);
});

describe('scaling out', () => {
  let reference: Map<string, string>;

  it('gives the same events with 1 and 3 extraction threads, and on PostgreSQL', async () => {
    const one = await sitrep(['ingest', corpus, '--workers', '1', '--db', join(tmp, 'one.db')]);
    expect(one.status, one.stderr).toBe(0);
    reference = await clusters(join(tmp, 'one.db'));
    expect(reference.size).toBe(files.length);
    // several events of several documents, else the comparison proves little (31 events for 36
    // documents once main's type, scene and language stages came in)
    expect(new Set(reference.values()).size).toBeLessThan(files.length - 3);
    const three = await sitrep(['ingest', corpus, '--workers', '3', '--db', join(tmp, 'three.db')]);
    expect(three.status, three.stderr).toBe(0);
    expect(await clusters(join(tmp, 'three.db'))).toEqual(reference);
    const p = await sitrep(['ingest', corpus, '--workers', '2', '--db', url]);
    expect(p.status, p.stderr).toBe(0);
    expect(bcubed(reference, await clusters(url))).toBeGreaterThanOrEqual(0.995);
    // again: nothing new
    const again = await sitrep(['ingest', corpus, '--db', url]);
    expect(again.stdout).toMatch(/^0 new documents, 36 already stored/);
  }, 300_000);

  it('searches, filters and shows on PostgreSQL as on SQLite', async () => {
    for (const db of [join(tmp, 'one.db'), url]) {
      const q = await sitrep(['events', '--json', '--q', 'rehab', '--db', db]);
      expect(q.status, q.stderr).toBe(0);
      const hits = JSON.parse(q.stdout) as { id: string; location: { lat: number; lon: number } | null }[];
      expect(hits.length).toBeGreaterThan(0);
      const all = JSON.parse((await sitrep(['events', '--json', '--db', db])).stdout) as typeof hits;
      expect(all.length).toBeGreaterThan(hits.length);
      const placed = all.find((e) => e.location?.lat != null)!;
      const near = JSON.parse((await sitrep(['events', '--json', '--near', `${placed.location!.lat},${placed.location!.lon},10`, '--db', db])).stdout) as { id: string }[];
      expect(near.map((e) => e.id)).toContain(placed.id);
      const show = await sitrep(['show', placed.id, '--json', '--db', db]);
      expect(JSON.parse(show.stdout).id).toBe(placed.id);
      expect((await sitrep(['events', '--json', '--q', '"', '--db', db])).status).toBe(2);
    }
  }, 120_000);

  it('never blocks readers while a writer holds the linking lock and uncommitted changes', async () => {
    const writer = new pg.Client(url);
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query('SELECT pg_advisory_xact_lock($1)', [0x5175e9]);
      await writer.query("UPDATE events SET data = data WHERE true");
      await writer.query("UPDATE documents SET primary_event = primary_event WHERE true");
      const t0 = Date.now();
      const events = await sitrep(['events', '--json', '--db', url]);
      const docs = await sitrep(['documents', '--json', '--db', url]);
      expect(events.status, events.stderr).toBe(0);
      expect(JSON.parse(docs.stdout)).toHaveLength(files.length);
      expect(Date.now() - t0).toBeLessThan(30_000);
    } finally {
      await writer.query('ROLLBACK');
      await writer.end();
    }
  }, 60_000);

  it('loses nothing when the server cuts its connections mid-ingest', async () => {
    const name = `${dbName}_cut`;
    const c = new pg.Client(admin);
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    const store = await PgStore.open(`postgres://postgres@127.0.0.1:5432/${name}`);
    const pipeline = createPipeline(loadResources());
    const docs = files.slice(0, 12).map((f) => textDocument(readFileSync(join(corpus, f), 'utf8'), { source: join(corpus, f) }));
    let cuts = 0;
    try {
      for (const d of docs) {
        const stored = store.ingest(d, extract(d, pipeline).reports);
        // cut every connection to the database while the document is being stored
        const r = await c.query('SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
        cuts += r.rows[0].n;
        await stored;
      }
      expect(cuts).toBeGreaterThan(0);
      expect(await store.documentCount()).toBe(docs.length);
      // a document without an incident (the type model) has no reports and no event; every other one has its event
      const stored = await store.documents();
      expect(stored.some((d) => d.primary_event)).toBe(true);
      expect(stored.every((d) => d.primary_event || !d.events.length)).toBe(true);
    } finally {
      await store.close();
      await c.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await c.end();
    }
  }, 120_000);

  it('stores every queued document exactly once while workers are killed (20 rounds of SIGKILL)', async () => {
    const queueUrl = `nats://127.0.0.1:4222/test_${process.pid}`;
    const db = join(tmp, 'queued.db');
    const env = { SITREP_QUEUE_ACK_WAIT_MS: '1500' };
    const q = await sitrep(['ingest', corpus, '--queue', queueUrl], env);
    expect(q.status, q.stderr).toBe(0);
    expect(q.stdout).toMatch(/^36 documents queued/);
    let killed = 0;
    try {
      for (let round = 0; round < 20; round++) {
        const w = spawn(process.execPath, [join(root, 'bin/sitrep.js'), 'worker', '--queue', queueUrl, '--db', db], { env: { ...process.env, ...env }, stdio: 'ignore' });
        // past start-up (the gazetteer), into the documents: a kill lands mid-document or mid-transaction
        await new Promise((r) => setTimeout(r, 1200 + ((round * 137) % 600)));
        if (w.exitCode === null && w.kill('SIGKILL')) killed++;
        await new Promise((r) => w.once('exit', r));
      }
      const last = await sitrep(['worker', '--queue', queueUrl, '--db', db, '--drain'], env);
      expect(last.status, last.stderr).toBe(0);
      expect(killed).toBe(20);
      const got = await clusters(db);
      expect(got.size).toBe(files.length);
      expect(bcubed(reference, got)).toBeGreaterThanOrEqual(0.995);
      const sqlite = new Database(db, { readonly: true });
      // once each: one main report per document that has reports, and every document stored
      const mains = sqlite.prepare('SELECT count(*) AS n, count(DISTINCT document) AS d FROM reports WHERE idx = 0').get() as { n: number; d: number };
      expect(mains.n).toBe(mains.d);
      expect(sqlite.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(files.length);
      sqlite.close();
    } finally {
      const queue = await DocumentQueue.open(queueUrl);
      await queue.destroy();
      await queue.close();
    }
  }, 240_000);

  it('names a store or queue it cannot reach in one line and exits 1, without hanging', async () => {
    const cases: [string[], RegExp][] = [
      [['documents', '--db', 'postgres://postgres@127.0.0.1:1/x'], /^sitrep: .*PostgreSQL 127\.0\.0\.1:1\/x: .*ECONNREFUSED/],
      [['documents', '--db', 'postgres://postgres@127.0.0.1:5432/no_such_db_here'], /PostgreSQL 127\.0\.0\.1:5432\/no_such_db_here: database "no_such_db_here" does not exist/],
      [['ingest', corpus, '--queue', 'nats://127.0.0.1:1'], /^sitrep: .*queue NATS 127\.0\.0\.1:1: /],
      [['worker', '--queue', 'nats://127.0.0.1:1', '--db', join(tmp, 'w.db')], /^sitrep: .*queue NATS 127\.0\.0\.1:1: /],
    ];
    for (const [args, message] of cases) {
      const t0 = Date.now();
      const p = await sitrep(args);
      expect(p.status, p.stderr).toBe(1);
      expect(p.stderr.trim().split('\n')).toHaveLength(1);
      expect(p.stderr).toMatch(message);
      expect(Date.now() - t0).toBeLessThan(20_000);
    }
  }, 120_000);
});
