// kill -9 at random moments of an ingest, many rounds, then resume: the database stays whole and
// every document ends up stored exactly once. Ctrl-C finishes the document at hand and exits 130.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/sitrep.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A corpus of real reports: the development articles if present, else the bundled examples repeated with edits. */
function corpus(n: number): string {
  const out = join(dir, 'corpus');
  mkdirSync(out, { recursive: true });
  const ecb = resolve(root, '../shared/data/ecbplus-dev/docs');
  let files: string[] = [];
  try {
    files = readdirSync(ecb).sort().slice(0, n);
  } catch {
    files = [];
  }
  if (files.length) for (const f of files) cpSync(join(ecb, f), join(out, f));
  else for (let i = 0; i < n; i++) cpSync(join(root, 'examples', readdirSync(join(root, 'examples'))[i % 3]), join(out, `${i}.txt`));
  return out;
}

function check(db: string): number {
  if (!existsSync(db)) return 0; // killed before it opened the database
  const d = new Database(db, { readonly: true });
  try {
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    // whole documents only: each stored document has its reports, its event and its full-text entry
    const orphans = d.prepare(`SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.document = d.id) OR d.primary_event IS NULL OR NOT EXISTS (SELECT 1 FROM events e WHERE e.id = d.primary_event)`).pluck().get();
    expect(orphans).toBe(0);
    const missingEvents = d.prepare('SELECT count(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = r.event)').pluck().get();
    expect(missingEvents).toBe(0);
    const fts = d.prepare('SELECT count(*) FROM documents_fts').pluck().get();
    expect(fts).toBe(d.prepare('SELECT count(*) FROM documents').pluck().get());
    return d.prepare('SELECT count(*) FROM documents').pluck().get() as number;
  } finally {
    d.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('crash safety', () => {
  const src = corpus(120);
  const total = readdirSync(src).length;

  it('survives 20 kill -9 at random moments, then a resume finishes the job', async () => {
    const db = join(dir, 'k.db');
    let kills = 0;
    for (let round = 0; round < 20; round++) {
      const child = spawn(process.execPath, [bin, 'ingest', src, '--db', db], { stdio: 'ignore' });
      // start-up (loading the gazetteer) takes about a second; kill somewhere in the writing after it
      await sleep(900 + Math.floor(Math.random() * 1500));
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        kills++;
      }
      await new Promise((r) => child.once('exit', r));
      check(db);
    }
    expect(kills).toBeGreaterThanOrEqual(15);
    const r = spawnSync(process.execPath, [bin, 'ingest', src, '--db', db], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(check(db)).toBe(total);
    const docs = JSON.parse(spawnSync(process.execPath, [bin, 'documents', '--json', '--db', db], { encoding: 'utf8' }).stdout) as { id: string }[];
    expect(new Set(docs.map((d) => d.id)).size).toBe(total);
  }, 240_000);

  it('Ctrl-C finishes the document at hand, says how far it got, exits 130', async () => {
    const db = join(dir, 'i.db');
    const child = spawn(process.execPath, [bin, 'ingest', src, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    // wait until it is writing: a document in the store
    for (let i = 0; i < 300 && child.exitCode === null; i++) {
      await sleep(50);
      try {
        if (check(db) > 0) break;
      } catch {
        // the tables are being created
      }
    }
    child.kill('SIGINT');
    const code = await new Promise((r) => child.once('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/stopped by SIGINT after \d+ documents/);
    check(db);
  }, 60_000);

  it('two ingests into one database at once both finish and store nothing twice', async () => {
    const db = join(dir, 'c.db');
    const run = () =>
      new Promise<number | null>((r) => spawn(process.execPath, [bin, 'ingest', join(root, 'examples'), '--db', db], { stdio: 'ignore' }).once('exit', r));
    const codes = await Promise.all([run(), run()]);
    expect(codes).toEqual([0, 0]);
    expect(check(db)).toBe(3);
  }, 60_000);
});
