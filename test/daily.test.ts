// Daily use through the installed command (bin/sitrep.js, built by `npm test`'s pretest): filters
// as users write them, --version, the documents table, exports read back by a CSV parser and by
// GDAL's ogrinfo (when installed), outlets instead of file paths, feed items whose link is dead,
// warnings with their rule ids. The API is asked the same filters and must answer the same way.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { watchFeeds } from '../src/cli/watch.js';
import { ACLED_COLUMNS, ROW_COLUMNS } from '../src/export/index.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { textDocument } from '../src/ingest/document.js';
import { openStore } from '../src/store/sqlite.js';
import { articlePage, examples, rss, send, startServer, type TestServer } from './feed-server.js';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-daily-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'd.db');
const bin = join(root, 'bin/sitrep.js');

function sitrep(args: string[], database = db, input?: string) {
  const p = spawnSync(process.execPath, [bin, ...args, '--db', database], { encoding: 'utf8', input, timeout: 120_000 });
  return { code: p.status, stdout: p.stdout, stderr: p.stderr };
}

/** The same, without blocking this process: a server in this process must answer it. */
function sitrepAsync(args: string[], database = db): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const p = spawn(process.execPath, [bin, ...args, '--db', database]);
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => ok({ code, stdout, stderr }));
  });
}

const gdal = spawnSync('ogrinfo', ['--version'], { encoding: 'utf8' }).status === 0;

beforeAll(() => {
  expect(sitrep(['ingest', join(root, 'examples')]).code).toBe(0);
  // two reports with an outlet: one names its site, one only its URL
  const lines = [
    { text: 'Protesters gathered in Aleppo on Friday, 3 May 2024, demanding the release of detainees. Police dispersed them with tear gas; no one was killed.', site: 'Syria Daily', url: 'https://www.syriadaily.example/a/1', published: '2024-05-04', title: 'Protest in Aleppo' },
    { text: 'An airstrike hit a market in Idlib on 2 May 2024, killing seven civilians, local officials said.', url: 'https://www.idlibwire.example/news/2', published: '2024-05-03', title: 'Airstrike on Idlib market' },
  ];
  writeFileSync(join(dir, 'outlets.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  expect(sitrep(['ingest', join(dir, 'outlets.jsonl')]).code).toBe(0);
}, 120_000);

describe('filters as users write them, one parser for CLI and API', () => {
  const ids = (args: string[]) => (JSON.parse(sitrep(['events', '--json', ...args]).stdout) as { id: string; category: string; type: string; location: { country: string } | null }[]);

  it('takes categories and types in snake_case or as ACLED writes them', () => {
    const battles = ids(['--type', 'battles']);
    expect(battles.length).toBeGreaterThan(0);
    expect(battles.every((e) => e.category === 'battles')).toBe(true);
    expect(ids(['--type', 'Battles']).map((e) => e.id)).toEqual(battles.map((e) => e.id));
    const strikes = ids(['--type', 'Air/drone strike']);
    expect(strikes.length).toBeGreaterThan(0);
    expect(strikes.every((e) => e.type === 'air_drone_strike')).toBe(true);
    expect(ids(['--type', 'air_drone_strike']).map((e) => e.id)).toEqual(strikes.map((e) => e.id));
  });

  it('takes countries by name or code', () => {
    const syria = ids(['--country', 'Syria']);
    expect(syria.length).toBeGreaterThan(0);
    expect(syria.every((e) => e.location?.country === 'SY')).toBe(true);
    for (const c of ['SY', 'sy', 'SYR', 'syria']) expect(ids(['--country', c]).map((e) => e.id)).toEqual(syria.map((e) => e.id));
  });

  it('refuses a bad value with exit 2, naming it and what is accepted; the API with a 400 and the same words', async () => {
    const app = createApp({ store: openStore(db), pipeline: createPipeline(loadResources()) });
    for (const [flag, value, accepted] of [
      ['type', 'Batles', 'armed_clash'],
      ['country', 'Narnia', 'Syria'],
      ['since', '2024-02-31', 'YYYY-MM-DD'],
      ['near', '91,0,10', 'LAT,LON,KM'],
    ]) {
      const r = sitrep(['events', `--${flag}`, value]);
      expect(r.code, `${flag} ${value}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(value);
      expect(r.stderr).toContain(accepted);
      const res = await app.request(`/api/events?${flag}=${encodeURIComponent(value)}`);
      expect(res.status).toBe(400);
      const api = ((await res.json()) as { error: string }).error;
      expect(r.stderr.trim()).toBe(`sitrep: --${api}`);
    }
  });
});

describe('the command line', () => {
  it('--version prints the version', () => {
    const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('documents: a header, - for empty cells, every event of a document', () => {
    const lines = sitrep(['documents']).stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+PUBLISHED\s+EVENTS\s+SOURCE\s+TITLE$/);
    expect(lines.some((l) => l.includes('----------'))).toBe(false);
    const docs = JSON.parse(sitrep(['documents', '--json']).stdout) as { id: string; published: string | null; events: string[]; primary_event: string }[];
    const undated = docs.find((d) => !d.published)!;
    expect(lines.find((l) => l.startsWith(undated.id))!.split(/\s+/)[1]).toBe('-');
    const many = docs.find((d) => d.events.length > 1);
    expect(many, 'a document with two events (000 tells of the defection and the drone strike)').toBeTruthy();
    const row = lines.find((l) => l.startsWith(many!.id))!;
    for (const e of many!.events) expect(row).toContain(e);
    expect(row.indexOf(many!.primary_event)).toBe(row.indexOf('evt_'));
  });
});

describe('exports', () => {
  it('CSV and GeoJSON share one set of names; GeoJSON carries actors, sources and precision; GDAL reads it', () => {
    const rows = parse(sitrep(['events', '--csv']).stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...ROW_COLUMNS]);
    const gj = JSON.parse(sitrep(['events', '--geojson']).stdout);
    expect(gj.type).toBe('FeatureCollection');
    expect(gj.features).toHaveLength(rows.length);
    for (const f of gj.features) expect(Object.keys(f.properties)).toEqual([...ROW_COLUMNS]);
    const located = gj.features.filter((f: any) => f.geometry);
    expect(located.length).toBeGreaterThan(1);
    expect(located.every((f: any) => ['place', 'admin2', 'admin1', 'country'].includes(f.properties.location_precision))).toBe(true);
    expect(gj.features.some((f: any) => f.properties.actors.length > 0)).toBe(true);
    expect(gj.features.some((f: any) => f.properties.sources === 'Syria Daily')).toBe(true);
    // file paths are no source
    for (const r of rows) expect(r.sources).not.toMatch(/[\\/]|\.txt/);
    if (gdal) {
      const file = join(dir, 'events.geojson');
      writeFileSync(file, JSON.stringify(gj));
      const o = spawnSync('ogrinfo', ['-ro', '-al', '-so', file], { encoding: 'utf8' });
      expect(o.status).toBe(0);
      expect(o.stdout).toMatch(new RegExp(`Feature Count: ${gj.features.length}`));
      for (const name of ['actors', 'sources', 'location_precision', 'fatalities_best']) expect(o.stdout).toMatch(new RegExp(`\\b${name}: `));
    }
  });

  it('--jsonl: one event a line, the JSON shape', () => {
    const lines = sitrep(['events', '--jsonl']).stdout.trimEnd().split('\n');
    const json = JSON.parse(sitrep(['events', '--json']).stdout);
    expect(lines.map((l) => JSON.parse(l))).toEqual(json);
    for (const e of json) for (const k of ['id', 'category', 'type', 'date', 'location', 'fatalities', 'reports', 'fields', 'disputed']) expect(e).toHaveProperty(k);
  });

  it("--format acled: ACLED's columns and conventions, read back by a CSV parser and by GDAL", () => {
    const text = sitrep(['events', '--format', 'acled']).stdout;
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...ACLED_COLUMNS]);
    const ids = new Set<string>();
    for (const r of rows) {
      expect(r.event_id_cnty).toMatch(/^[A-Z]{3}\d+$/);
      ids.add(r.event_id_cnty);
      expect(['1', '2', '3']).toContain(r.time_precision);
      if (r.latitude) expect(['1', '2', '3']).toContain(r.geo_precision);
      if (r.event_date) expect(r.year).toBe(r.event_date.slice(0, 4));
      expect(['Political violence', 'Demonstrations', 'Political violence; Demonstrations', 'Strategic developments']).toContain(r.disorder_type);
      expect(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests', 'Riots', 'Strategic developments']).toContain(r.event_type);
      expect(r.notes).toMatch(/^[A-Z][^\n]*\.$/);
      expect(r.notes.split(/\.\s+[A-Z]/).length).toBe(1);
      expect(r.fatalities).toMatch(/^\d+$/);
      expect(r.source).not.toMatch(/[\\/]|\.txt/);
      expect(Number(r.timestamp)).toBeGreaterThan(1.7e9);
      if (r.inter1 && r.inter2) expect(r.interaction).toBe(String(Math.min(+r.inter1, +r.inter2) * 10 + Math.max(+r.inter1, +r.inter2)));
    }
    expect(ids.size).toBe(rows.length);
    const idlib = rows.find((r) => r.source === 'idlibwire.example')!;
    expect(idlib).toMatchObject({ iso: '760', country: 'Syria', region: 'Middle East', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', fatalities: '7', time_precision: '1', event_date: '2024-05-02' });
    expect(idlib.notes).toMatch(/^On 2 May 2024, an air\/drone strike .*Idlib.*7 reported fatalities/);
    const protest = rows.find((r) => r.source === 'Syria Daily')!;
    expect(protest).toMatchObject({ event_type: 'Protests', actor1: 'Protesters (Syria)', inter1: '6', disorder_type: 'Demonstrations' });
    if (gdal) {
      const file = join(dir, 'acled.csv');
      writeFileSync(file, text);
      const o = spawnSync('ogrinfo', ['-ro', '-al', '-so', '-oo', 'X_POSSIBLE_NAMES=longitude', '-oo', 'Y_POSSIBLE_NAMES=latitude', file], { encoding: 'utf8' });
      expect(o.status).toBe(0);
      expect(o.stdout).toMatch(new RegExp(`Feature Count: ${rows.length}`));
    }
  });

  it('the API serves the same exports from the same module', async () => {
    const app = createApp({ store: openStore(db), pipeline: createPipeline(loadResources()) });
    const csv = await (await app.request('/api/export.csv')).text();
    expect(csv.split('\n')[0]).toBe(ROW_COLUMNS.join(','));
    const acled = await app.request('/api/export.acled.csv?country=Syria');
    expect(acled.status).toBe(200);
    const rows = parse(await acled.text(), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.country === 'Syria')).toBe(true);
    const jsonl = (await (await app.request('/api/export.jsonl?type=Battles')).text()).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(jsonl.every((e) => e.category === 'battles')).toBe(true);
    expect((await app.request('/api/export.geojson?type=Batles')).status).toBe(400);
  });

  it('the API takes nothing from the CLI, and ingests through the one ingest function', () => {
    for (const f of readdirSync(join(root, 'src/api'))) {
      const src = readFileSync(join(root, 'src/api', f), 'utf8');
      expect(src, f).not.toMatch(/from '\.\.\/cli\//);
    }
    const app = readFileSync(join(root, 'src/api/app.ts'), 'utf8');
    expect(app).toMatch(/ingestDocument\(/);
    expect(app).not.toMatch(/\bstore\.ingest\(/);
    expect(readFileSync(join(root, 'src/cli/main.ts'), 'utf8')).not.toMatch(/\bstore\.ingest\(/);
  });
});

describe('feed items whose link is dead', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startServer();
    const ex = examples()[0];
    srv.routes.set('/a/ok.html', send(articlePage('Report ok', ex.paragraphs), 'text/html; charset=utf-8'));
    srv.routes.set('/feed.xml', send(rss([{ title: 'ok', link: `${srv.base}/a/ok.html`, guid: 'ok' }, { title: 'gone', link: `${srv.base}/a/gone.html`, guid: 'gone' }]), 'application/rss+xml'));
  });
  afterAll(() => srv?.close());

  it('are reported once, retried with back-off a bounded number of times, and fail only the run that found them', async () => {
    const fdb = join(dir, 'feed.db');
    const feed = `${srv.base}/feed.xml`;
    const gone = `${srv.base}/a/gone.html`;
    const run = () => sitrepAsync(['ingest', '--allow-private', feed], fdb);
    const tries = () => srv.requests.filter((r) => r.path === '/a/gone.html').length;

    const first = await run();
    expect(first.code).toBe(1);
    expect(first.stderr).toContain(gone);
    expect(tries()).toBe(1);

    // within its back-off: not fetched, not named, exit 0
    const second = await run();
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain(gone);
    expect(second.stdout).toMatch(/1 feed item waiting to retry/);
    expect(tries()).toBe(1);

    // time passes (the back-off is hours): each retry fails quietly, the last says it gives up, once
    const due = () => {
      const d = new Database(fdb);
      d.prepare("UPDATE failed_items SET next_try = '2000-01-01T00:00:00Z' WHERE next_try IS NOT NULL").run();
      d.close();
    };
    const said: string[] = [];
    for (let i = 0; i < 3; i++) {
      due();
      const r = await run();
      expect(r.code).toBe(0);
      said.push(r.stderr);
    }
    expect(tries()).toBe(4);
    expect(said.slice(0, 2).join('')).not.toContain(gone);
    expect(said[2]).toMatch(/gone\.html: .*gave up after 4 tries/);
    due();
    const after = await run();
    expect(after.code).toBe(0);
    expect(after.stderr).not.toContain(gone);
    expect(tries()).toBe(4);
  }, 120_000);

  it('are remembered by watch the same way', async () => {
    const feed = `${srv.base}/feed.xml`;
    const pipeline = createPipeline(loadResources());
    // warm: the stages load their data on first use, and the feed server shares this thread
    extract(textDocument('A bomb killed 3 people in Herat on Monday.', { source: 'warm-up' }), pipeline);
    const round = async () => {
      const lines: string[] = [];
      const warnings: string[] = [];
      const code = await watchFeeds([feed], { db: join(dir, 'watch.db'), everyMinutes: 15, allowPrivate: true, once: true, pipeline, log: (l) => lines.push(l), warn: (l) => warnings.push(l) });
      return { code, lines, warnings };
    };
    const first = await round();
    expect(first.warnings.filter((w) => w.includes('/a/gone.html'))).toHaveLength(1);
    expect(first.lines[0]).toMatch(/1 new, 0 seen, status 200, 1 failed$/);
    const second = await round();
    expect(second.warnings).toEqual([]);
    expect(second.lines[0]).toMatch(/0 new, 1 seen, status 200, 1 waiting to retry$/);
  }, 120_000);
});

describe('messages with their document and rule id', () => {
  it('prints what ingest had to doubt or cut with its rule id; the stages\' warnings are counted, --verbose lists them', () => {
    const filler = join(dir, 'filler.txt');
    writeFileSync(filler, 'date 2024-01-02\nA bomb killed 3 people in Kabul on Monday. ' + 'war war war war '.repeat(400));
    const r = sitrep(['ingest', filler], join(dir, 'm1.db'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/filler\.txt: warning: repetitive text .*\[ingest:input\]/);
    expect(r.stdout).not.toMatch(/--verbose lists them/);
    const loud = sitrep(['--verbose', 'ingest', filler], join(dir, 'm2.db'));
    expect(loud.code).toBe(0);
    expect(loud.stderr).toMatch(/filler\.txt: warning: repetitive text .*\[ingest:input\]/);
  });
});
