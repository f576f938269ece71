// A folder of bad inputs beside good ones: each bad one named on stderr in one line, the rest
// stored, exit 1, no stack trace; queries a user might type never crash.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/sitrep.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sitrep = (args: string[], db: string) => spawnSync(process.execPath, [bin, ...args, '--db', db], { encoding: 'utf8', timeout: 600_000 });

describe('bad inputs', () => {
  const folder = join(dir, 'in');
  mkdirSync(folder);
  for (const f of readdirSync(join(root, 'examples'))) cpSync(join(root, 'examples', f), join(folder, f));
  const whole = gzipSync(Buffer.from('date 2023-11-06\n' + 'Shelling hit the town. '.repeat(2000)));
  const bad: Record<string, Buffer> = {
    'random.txt': randomBytes(65536),
    'empty.txt': Buffer.alloc(0),
    'latin1.txt': Buffer.from('date 2023-11-06\nA helicopter crashed near K\xf6ln, killing 3.', 'latin1'),
    'nul.txt': Buffer.from('date 2023-11-06\nabc\x00def\x00'.repeat(100)),
    'truncated.txt.gz': whole.subarray(0, Math.floor(whole.length / 2)),
    'nested.html': Buffer.from('<html><body>' + '<div>'.repeat(100000) + 'text' + '</div>'.repeat(100000) + '</body></html>'),
    'unclosed.html': Buffer.from('<html><body><p>one<p>two<table><tr><td>three'.repeat(20000)),
    'lines.jsonl': Buffer.from('{"text": "A bridge collapsed in Genoa on 14 August 2018, killing 43 people.", "published": "2018-08-15"}\n{broken\n{"title": "no text"}\n'),
    'huge.txt': Buffer.from('date 2023-11-06\n' + 'Shelling continued near the town. '.repeat(700000)),
  };
  for (const [k, v] of Object.entries(bad)) writeFileSync(join(folder, k), v);
  symlinkSync(folder, join(folder, 'loop'));
  // a file that vanished between the folder listing and the read: a link to nothing
  symlinkSync(join(dir, 'gone.txt'), join(folder, 'vanished.txt'));
  const db = join(dir, 'b.db');
  const r = sitrep(['ingest', folder], db);

  it('names each bad input in one line and goes on', () => {
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?/);
    expect(r.stderr).toMatch(/random\.txt: binary data/);
    expect(r.stderr).toMatch(/empty\.txt: empty file/);
    expect(r.stderr).toMatch(/truncated\.txt\.gz: truncated or corrupt gzip/);
    expect(r.stderr).toMatch(/lines\.jsonl:2: not valid JSON/);
    expect(r.stderr).toMatch(/latin1\.txt: warning: invalid UTF-8, decoded as windows-1252/);
    expect(r.stderr).toMatch(/huge\.txt: warning: text cut at/);
    expect(r.stderr).toMatch(/loop: symbolic link loop/);
    expect(r.stderr).toMatch(/vanished\.txt: no such file/);
    for (const line of r.stderr.trim().split('\n')) expect(line).toMatch(/^sitrep: /);
  });
  it('keeps every good input exactly once', () => {
    const docs = JSON.parse(sitrep(['documents', '--json'], db).stdout) as { source: string }[];
    const sources = docs.map((d) => d.source).join(' ');
    for (const f of [...readdirSync(join(root, 'examples')), 'latin1.txt', 'huge.txt', 'nested.html']) expect(sources).toContain(f);
    expect(docs.filter((d) => d.source.includes('lines.jsonl')).length).toBe(1);
  });
  it('answers every query a user might type, or says how to ask', () => {
    for (const q of ['"', 'AND', '*', "x' OR 1=1 --", 'NEAR(', '(((', 'helicopter"', 'DROP TABLE events;']) {
      const q1 = sitrep(['events', '--json', '--q', q], db);
      expect([0, 2]).toContain(q1.status);
      expect(q1.stderr).not.toMatch(/SqliteError|\n\s+at /);
    }
    expect(JSON.parse(sitrep(['events', '--json', '--q', 'helicopter"'], db).stdout).length).toBeGreaterThan(0);
  });
});
