// kill -9 at random moments of an ingest, many rounds, then resume: the database stays whole and
// every document ends up stored exactly once. Ctrl-C finishes the document at hand and exits 130.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/sitrep.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROUNDS = 20;

/**
 * A corpus of real reports in ROUNDS folders, so every round has documents left to write: the
 * development articles if present, else the bundled examples made distinct by a line of their own.
 */
function corpus(n: number): string {
  const out = join(dir, 'corpus');
  const ecb = resolve(root, '../shared/data/ecbplus-dev/docs');
  let files: string[] = [];
  try {
    files = readdirSync(ecb).sort().slice(0, n);
  } catch {
    files = [];
  }
  const examples = readdirSync(join(root, 'examples'));
  for (let i = 0; i < n; i++) {
    const folder = join(out, `round-${String(i % ROUNDS).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    if (files.length) cpSync(join(ecb, files[i]), join(folder, files[i]));
    else writeFileSync(join(folder, `${i}.txt`), `${readFileSync(join(root, 'examples', examples[i % examples.length]), 'utf8')}\nCopy ${i}.`);
  }
  return out;
}

/** Stored documents, or 0 while the database or its tables do not exist yet. */
function stored(db: string): number {
  try {
    return check(db);
  } catch {
    return 0;
  }
}

function check(db: string): number {
  if (!existsSync(db)) return 0; // killed before it opened the database
  const d = new Database(db, { readonly: true });
  try {
    expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    // whole documents only: each stored document has its reports, its event and its full-text entry
    // (a document that reports no incident has no report and no event: issue 15)
    const orphans = d.prepare(`SELECT count(*) FROM documents d WHERE CASE WHEN EXISTS (SELECT 1 FROM reports r WHERE r.document = d.id) THEN d.primary_event IS NULL OR NOT EXISTS (SELECT 1 FROM events e WHERE e.id = d.primary_event) ELSE d.primary_event IS NOT NULL END`).pluck().get();
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

/** Resolves with the exit code once the child has exited, also when it already has (no lost event). */
function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

describe('crash safety', () => {
  const src = corpus(400);
  const rounds = readdirSync(src).sort();
  const total = rounds.reduce((n, r) => n + readdirSync(join(src, r)).length, 0);

  it('survives 20 kill -9 at random moments, then a resume finishes the job', async () => {
    const db = join(dir, 'k.db');
    let kills = 0;
    for (const round of rounds) {
      const before = stored(db);
      // three documents a transaction: a round of 20 commits several times, so the kill can land
      // between commits as well as inside an open batch (which must then be lost whole)
      const child = spawn(process.execPath, [bin, 'ingest', join(src, round), '--db', db, '--batch', '3'], { stdio: 'ignore' });
      // wait until this round is writing (whatever the machine's speed), then kill at a random moment
      while (child.exitCode === null && stored(db) <= before) await sleep(25);
      // a round writes its 20 documents in a few hundred ms on a fast machine: kill early in that
      await sleep(Math.floor(Math.random() * 60));
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        kills++;
      }
      await exited(child);
      check(db);
    }
    expect(kills).toBeGreaterThanOrEqual(ROUNDS - 2);
    const r = spawnSync(process.execPath, [bin, 'ingest', src, '--db', db], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(check(db)).toBe(total);
    const docs = JSON.parse(spawnSync(process.execPath, [bin, 'documents', '--json', '--db', db], { encoding: 'utf8' }).stdout) as { id: string }[];
    expect(new Set(docs.map((d) => d.id)).size).toBe(total);
  }, 240_000);

  it('Ctrl-C finishes the document at hand, says how far it got, exits 130', async () => {
    const db = join(dir, 'i.db');
    const child = spawn(process.execPath, [bin, 'ingest', src, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    // (the whole corpus, recursively: far more than can be written before the signal comes)
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    // wait until it is writing: a document in the store
    for (let i = 0; i < 600 && child.exitCode === null && stored(db) === 0; i++) await sleep(50);
    child.kill('SIGINT');
    const code = await exited(child);
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
