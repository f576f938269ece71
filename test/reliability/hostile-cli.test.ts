// Hostile input at the command line: a FIFO never blocks an ingest; escape sequences from documents
// never reach the terminal; a reader that goes away ends the output quietly; impossible publication
// dates are left out with a warning, not stored; --near filters before --limit; the reading commands
// never create a database.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentId, isoDateOrNull, textDocument } from '../../src/ingest/document.js';
import { openStore } from '../../src/store/sqlite.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/sitrep.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sitrep = (args: string[], db?: string) => spawnSync(process.execPath, [bin, ...args, ...(db ? ['--db', db] : [])], { encoding: 'utf8', timeout: 120_000 });
const STACK = /\n\s+at .+:\d+:\d+\)?/;

describe('a FIFO among the inputs', () => {
  it('is skipped with a reason, in a folder and when named, without waiting on it', async () => {
    const d = join(dir, 'fifo');
    mkdirSync(d);
    spawnSync('mkfifo', [join(d, 'pipe.txt')]);
    writeFileSync(join(d, 'ok.txt'), 'date 2023-05-05\nA bomb in Herat on Thursday killed 3 people.\n');
    const p = spawn(process.execPath, [bin, 'ingest', d, join(d, 'pipe.txt'), '--db', join(dir, 'fifo.db')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise<number | null>((r) => {
      const t = setTimeout(() => {
        p.kill('SIGKILL');
        r(-1);
      }, 60_000);
      p.on('exit', (c) => {
        clearTimeout(t);
        r(c);
      });
    });
    expect(code).toBe(1);
    expect(stderr.match(/pipe\.txt: a FIFO/g)?.length).toBe(2);
    expect(sitrep(['documents', '--json'], join(dir, 'fifo.db')).stdout).toContain('ok.txt');
  }, 90_000);
});

describe('terminal escapes from documents', () => {
  const j = join(dir, 'esc.jsonl');
  writeFileSync(
    j,
    JSON.stringify({ text: '\x1b]0;PWNED\x07\x1b[2J A bomb in Herat on Thursday killed 3 people.\x9b31m', title: '\x1b]52;c;cHduZWQ=\x07 evil\ntitle', published: '2023-05-05', source: 'src\x1b[31m' }) + '\n',
  );
  const db = join(dir, 'esc.db');
  const ingest = sitrep(['ingest', j], db);

  it('are stripped at ingest and never printed', () => {
    expect(ingest.status).toBe(0);
    for (const cmd of [['documents'], ['documents', '--json'], ['events'], ['events', '--json'], ['events', '--csv']]) {
      const r = sitrep(cmd, db);
      expect(r.status, cmd.join(' ')).toBe(0);
      expect(r.stdout + r.stderr, cmd.join(' ')).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    }
    const docs = JSON.parse(sitrep(['documents', '--json'], db).stdout) as { title: string; source: string }[];
    expect(docs[0].title).toBe('evil title');
    expect(docs[0].source).not.toMatch(/\[31m/);
  });

  it('in a file name are escaped in the one-line error', () => {
    const name = join(dir, 'bad\x1b]0;x\x07\nname.txt');
    writeFileSync(name, '');
    const r = sitrep(['ingest', name], join(dir, 'esc2.db'));
    expect(r.stderr).not.toMatch(/[\x07\x1b]/);
    expect(r.stderr.trim().split('\n').filter((l) => l.includes('name.txt'))).toHaveLength(1);
  });
});

describe('a reader that goes away', () => {
  it('ends the output quietly: no EPIPE, no stack trace', () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'A bomb killed 3 people in Kabul on Monday. '.repeat(20000));
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" extract "${big}" | head -c 1 >/dev/null`], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).not.toMatch(/EPIPE/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('a full disk on stdout is one line naming the cause', () => {
    if (!existsSync('/dev/full')) return;
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" extract "${join(dir, 'big.txt')}" > /dev/full`], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toMatch(/no space left on device/);
    expect(r.status).toBe(1);
  });
});

describe('publication dates', () => {
  it('accepts real calendar days in 1900-2100 only', () => {
    for (const bad of ['9999-99-99', '2023-13-45', '0000-00-00', '2023-02-31', '1899-12-31', '2101-01-01']) expect(isoDateOrNull(bad), bad).toBeNull();
    for (const good of ['2024-02-29', '2023-12-31', 'Mon, 06 Nov 2023 10:00:00 GMT']) expect(isoDateOrNull(good), good).not.toBeNull();
  });

  it('keeps a document with an impossible date, without the date, with a warning', () => {
    const j = join(dir, 'dates.jsonl');
    writeFileSync(j, ['9999-99-99', '2023-13-45', '0000-00-00', '2023-02-31'].map((d, i) => JSON.stringify({ text: `A bomb in Herat on Monday killed ${i + 2} people, number ${i}.`, published: d })).join('\n') + '\n');
    const db = join(dir, 'dates.db');
    const r = sitrep(['ingest', j], db);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr.match(/not a real day/g)?.length).toBe(4);
    const docs = JSON.parse(sitrep(['documents', '--json'], db).stdout) as { published: string | null }[];
    expect(docs).toHaveLength(4);
    expect(docs.every((d) => d.published === null)).toBe(true);
  });
});

describe('--near with --limit', () => {
  it('filters before the limit: events in the bounding box but beyond the radius do not empty the page', () => {
    const store = openStore(join(dir, 'near.db'));
    try {
      const put = store.db.prepare("INSERT INTO events (id, data, features, sort_date, lat, lon, n_reports, updated_at) VALUES (?, ?, '{}', ?, ?, ?, 1, '')");
      // two newer events in the corners of the 10 km box around (34, 69), 13 km away; the one within 10 km is older
      put.run('evt_corner1', JSON.stringify({ id: 'evt_corner1' }), '2023-05-03', 34.085, 69.1);
      put.run('evt_corner2', JSON.stringify({ id: 'evt_corner2' }), '2023-05-02', 33.915, 68.9);
      put.run('evt_inside', JSON.stringify({ id: 'evt_inside' }), '2023-05-01', 34.01, 69.01);
      const page = store.events({ near: { lat: 34, lon: 69, km: 10 }, limit: 1 });
      expect(page.events.map((e) => e.id)).toEqual(['evt_inside']);
    } finally {
      store.close();
    }
  });
});

describe('reading commands and the database file', () => {
  it('a mistyped --db is an error naming the path, and no database is created', () => {
    const missing = join(dir, 'typo.db');
    for (const cmd of [['events'], ['documents'], ['show', 'evt_0123456789ab']]) {
      const r = sitrep(cmd, missing);
      expect(r.status, cmd[0]).toBe(2);
      expect(r.stderr).toContain(missing);
      expect(existsSync(missing)).toBe(false);
    }
  });
  it('a file that is no database is one line naming it, for reading and writing commands', () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database, just text\n'.repeat(200));
    for (const cmd of [['events'], ['show', 'evt_0123456789ab'], ['ingest', join(root, 'examples')]]) {
      const r = sitrep(cmd, junk);
      expect(r.status, cmd[0]).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${junk}: file is not a database`);
    }
  });
});

describe('text that would shift offsets or split identity', () => {
  it('a lone surrogate is replaced one unit for one; a zero-width space does not make another document', () => {
    const d = textDocument('Kabul \ud800 bomb killed 3 people.', { source: 's' });
    expect(d.text).toBe('Kabul \ufffd bomb killed 3 people.');
    expect(documentId('A bomb in Ka\u200bbul killed 3.')).toBe(documentId('A bomb in Kabul killed 3.'));
  });
});

describe('a later copy of a stored text', () => {
  it('says that its publication date and title were not kept', () => {
    const j = join(dir, 'dup.jsonl');
    writeFileSync(j, [JSON.stringify({ text: 'A bomb killed 3 people in Kabul on Monday.', published: '2023-05-01' }), JSON.stringify({ text: 'A bomb killed 3 people in Ka\u200bbul on Monday.', published: '2023-05-02', title: 'Kabul blast' })].join('\n') + '\n');
    const r = sitrep(['ingest', j], join(dir, 'dup.db'));
    expect(r.stdout).toMatch(/1 new document, 1 already stored/);
    expect(r.stderr).toMatch(/dup\.jsonl:2: warning: same text as stored .*published and title not kept/);
  });
});

