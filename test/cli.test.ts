// The installed command as a user runs it (built by `npm ci` / `npm test`'s pretest): the seed
// reports end to end, bad inputs named and skipped, exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const examples = join(root, 'examples');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sitrep(args: string[], db: string, input?: string) {
  const p = spawnSync(process.execPath, [join(root, 'bin/sitrep.js'), ...args, '--db', db], { encoding: 'utf8', input, timeout: 120_000 });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}

const km = (a: number, b: number, c: number, d: number) => {
  const r = Math.PI / 180;
  const x = Math.sin(((c - a) * r) / 2) ** 2 + Math.cos(a * r) * Math.cos(c * r) * Math.sin(((d - b) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(x));
};

describe('sitrep on the bundled example reports', () => {
  const db = join(dir, 'e.db');
  it('ingests, links and answers', () => {
    expect(sitrep(['ingest', examples], db).code).toBe(0);
    const docs = JSON.parse(sitrep(['documents', '--json'], db).stdout) as { source: string; published: string | null; primary_event: string }[];
    expect(docs.length).toBe(3);
    const by = Object.fromEntries(docs.map((d) => [d.source.split('/').pop()!.slice(0, 3), d]));
    expect(by['000'].published).toBe('2023-11-14');
    expect(by['001'].published).toBe('2023-11-06');
    expect(by['002'].published).toBeNull();
    expect(by['000'].primary_event).toBe(by['001'].primary_event);
    expect(by['002'].primary_event).not.toBe(by['000'].primary_event);

    const events = JSON.parse(sitrep(['events', '--json'], db).stdout) as any[];
    const A = events.find((e) => e.id === by['000'].primary_event);
    const B = events.find((e) => e.id === by['002'].primary_event);
    expect(A.fatalities.best).toBe(2);
    expect(A.location.country).toBe('UA');
    expect(A.tags).toContain('defection');
    expect(A.date.start >= '2023-10-01' && A.date.start <= '2023-11-14').toBe(true);
    expect(A.disputed).toContain('location');
    const claims = A.fields.location.claims.map((c: any) => `${c.value.name}|${c.attributed_to}|${c.quote ? 'q' : ''}`).join(' ');
    expect(claims).toMatch(/Poltava\|[^|]+\|q/);
    expect(claims).toMatch(/Vovchansk\|[^|]+\|q/);
    expect(B.fatalities.best).toBe(5);
    expect(km(B.location.lat, B.location.lon, 35.93, 36.63)).toBeLessThan(150);
    expect(B.date).toBeNull();
    for (const E of [A, B]) expect(E.equipment.some((x: string) => /mi-?8/i.test(x))).toBe(true);

    // ingesting again changes nothing
    const before = events.map((e) => e.id).sort();
    expect(sitrep(['ingest', examples], db).stdout).toMatch(/^0 new documents, 3 already stored/);
    expect((JSON.parse(sitrep(['events', '--json'], db).stdout) as any[]).map((e) => e.id).sort()).toEqual(before);
  });
  it('exports CSV and GeoJSON with coordinates', () => {
    const csv = sitrep(['events', '--csv'], db).stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^id,title,category/);
    expect(csv.length).toBeGreaterThanOrEqual(3);
    const gj = JSON.parse(sitrep(['events', '--geojson'], db).stdout);
    expect(gj.type).toBe('FeatureCollection');
    expect(gj.features.filter((f: any) => f.geometry).length).toBeGreaterThanOrEqual(2);
  });
  it('shows an event with its evidence', () => {
    const found = JSON.parse(sitrep(['events', '--json', '--q', 'defected'], db).stdout) as any[];
    const e = found.find((x) => x.tags.includes('defection'));
    const out = sitrep(['show', e.id], db).stdout;
    expect(out).toMatch(/location — DISPUTED/);
    expect(JSON.parse(sitrep(['show', e.id, '--json'], db).stdout).id).toBe(e.id);
  });
});

describe('bad input', () => {
  it('names each bad input on stderr, keeps the good one, exits 1', () => {
    const db = join(dir, 'b.db');
    const bad = join(dir, 'random.txt');
    writeFileSync(bad, randomBytes(4096));
    const broken = join(dir, 'lines.jsonl');
    writeFileSync(broken, '{"text": "A bridge collapsed in Genoa on 14 August 2018, killing 43 people.", "published": "2018-08-15"}\n{broken\n{"title": "no text"}\n');
    const r = sitrep(['ingest', bad, join(dir, 'missing.txt'), broken, join(examples, '000_05da5d787429f6a0.txt')], db);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/random\.txt: binary data/);
    expect(r.stderr).toMatch(/missing\.txt: no such file/);
    expect(r.stderr).toMatch(/lines\.jsonl:2: not valid JSON/);
    expect(r.stderr).toMatch(/lines\.jsonl:3: no "text" or "html" field/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(sitrep(['documents', '--json'], db).stdout).length).toBe(2);
  });
  it('gives a usage error, exit 2, for bad arguments', () => {
    const db = join(dir, 'u.db');
    expect(sitrep(['events', '--limit', 'abc'], db).code).toBe(2);
    expect(sitrep(['events', '--since', 'yesterday'], db).code).toBe(2);
    expect(sitrep(['frobnicate'], db).code).toBe(2);
  });
  it('reads stdin', () => {
    const db = join(dir, 's.db');
    expect(sitrep(['ingest', '-'], db, 'date 2022-03-01\nShelling killed three civilians in Kharkiv on Monday.').code).toBe(0);
    const [d] = JSON.parse(sitrep(['documents', '--json'], db).stdout);
    expect(d.published).toBe('2022-03-01');
    expect(existsSync(db)).toBe(true);
  });
});
