// The HTTP API over a real SQLite file seeded by ingesting examples/ through the real pipeline:
// `app.request()` for each route and rule, one real server on 127.0.0.1 for a flood of
// concurrent requests and for reads while another process holds the write lock, and the CLI's
// `serve` as a user starts it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp, MAX_BODY_BYTES } from '../src/api/app.js';
import { listen, type Listening } from '../src/api/server.js';
import { loadStaticFiles } from '../src/api/static-files.js';
import { readInputs } from '../src/ingest/read.js';
import type { Event } from '../src/model/index.js';
import { createPipeline, extract, loadResources, type Pipeline } from '../src/pipeline.js';
import { openStore, type Store } from '../src/store/sqlite.js';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-api-'));
const dbFile = join(dir, 'api.db');
let pipeline: Pipeline;
let store: Store;
let app: Hono;
const logged: string[] = [];

beforeAll(async () => {
  pipeline = createPipeline(loadResources());
  store = openStore(dbFile);
  for await (const item of readInputs([join(root, 'examples')])) {
    if (item.kind === 'error') throw new Error(`${item.input}: ${item.reason}`);
    store.ingest(item.document, extract(item.document, pipeline).reports);
  }
  app = createApp({ store, pipeline, loopbackOnly: true, log: (l) => logged.push(l) });
});
afterAll(() => {
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => app.request(path, init);
const json = async (res: Response) => (await res.json()) as any;
const post = (body: string, headers: Record<string, string> = {}, target: Hono = app) =>
  target.request('/api/documents', { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });

async function allEvents(): Promise<Event[]> {
  return (await json(await get('/api/events'))).events;
}

const defection = (events: Event[]) => events.find((e) => e.tags.includes('defection') && e.disputed.includes('location'))!;
const idlib = (events: Event[]) => events.find((e) => e.location?.name === 'Idlib')!;

describe('GET /api/events', () => {
  it('lists the events newest first, with a cursor field', async () => {
    const res = await get('/api/events');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await json(res);
    expect(Object.keys(body).sort()).toEqual(['events', 'next']);
    expect(body.next).toBeNull();
    expect(body.events.length).toBeGreaterThanOrEqual(3);
    expect(defection(body.events).fields.location!.claims.map((c: any) => c.value.name)).toEqual(expect.arrayContaining(['Poltava', 'Vovchansk']));
    expect(idlib(body.events).fatalities?.best).toBe(5);
  });

  it('answers If-None-Match with 304 and a changed page with 200', async () => {
    const first = await get('/api/events');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/api/events', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get('/api/events?limit=1', { headers: { 'If-None-Match': etag } })).status).toBe(200);
  });

  it('applies every SPEC filter', async () => {
    const events = await allEvents();
    const ids = async (q: string) => ((await json(await get(`/api/events?${q}`))).events as Event[]).map((e) => e.id);
    expect(await ids('country=SY')).toEqual([idlib(events).id]);
    expect(await ids('country=sy')).toEqual([idlib(events).id]);
    expect(await ids('q=Idlib')).toEqual([idlib(events).id]);
    expect(await ids('disputed=1')).toEqual([defection(events).id]);
    expect(await ids('disputed=true&type=strategic_developments')).toEqual([defection(events).id]);
    expect(await ids('type=armed_clash')).toEqual([idlib(events).id]);
    expect(await ids('near=35.93,36.63,100')).toEqual([idlib(events).id]);
    expect(await ids('bbox=22,44,41,53')).toEqual([defection(events).id]);
    expect(await ids('since=2023-10-01&until=2023-11-05')).toContain(defection(events).id);
    expect(await ids('since=2024-01-01')).toEqual([]);
    expect(await ids('q=helicopter*&country=UA')).toEqual([defection(events).id]);
  });

  it('pages with limit and cursor, each event once', async () => {
    const all = (await allEvents()).map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const body: any = await json(await get(`/api/events?limit=1${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...body.events.map((e: Event) => e.id));
      cursor = body.next;
      if (!cursor) break;
    }
    expect(seen).toEqual(all);
  });

  it.each([
    'limit=abc', 'limit=0', 'limit=1001', 'limit=-1', 'limit=1.5', 'since=2023-02-31', 'since=yesterday', 'until=2023-13-01',
    'since=2023-12-01&until=2023-11-01', 'near=1,2', 'near=91,0,10', 'near=a,b,c', 'bbox=1,2,3', 'bbox=40,10,30,20', 'bbox=0,50,10,40',
    'country=Narnia', 'country=1', 'type=Robert%27);DROP', 'disputed=maybe', 'cursor=!!!', 'cursor=bm90IGEgY3Vyc29y', 'q=%22%22%22',
    'q=AND%20OR%20NOT', `q=${'x'.repeat(501)}`, 'contry=UA', 'limit=1&limit=2',
  ])('refuses %s with 400 and a JSON reason', async (q) => {
    const res = await get(`/api/events?${q}`);
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(typeof body.error).toBe('string');
    expect(body.error).not.toMatch(/\n\s+at |SqliteError|sqlite/i);
  });
});

describe('GET /api/events/:id and /api/documents/:id', () => {
  it('gives one event with every field and its evidence', async () => {
    const e = defection(await allEvents());
    const res = await get(`/api/events/${e.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    const body = await json(res);
    expect(body).toEqual(e);
    expect(body.fields.location.status).toBe('disputed');
  });

  it('gives a document with its text, claims that quote it, events and spans inside it', async () => {
    const e = defection(await allEvents());
    const claim = e.fields.location!.claims.find((c) => (c.value as { name: string }).name === 'Vovchansk')!;
    const res = await get(`/api/documents/${claim.document}`);
    expect(res.status).toBe(200);
    const doc = await json(res);
    expect(doc.id).toBe(claim.document);
    expect(doc.text.slice(claim.start, claim.end)).toBe(claim.quote);
    expect(doc.events).toContain(e.id);
    for (const r of doc.reports) {
      expect(r.features).toBeUndefined();
      for (const c of r.claims) expect(doc.text.slice(c.start, c.end)).toBe(c.quote);
    }
    const places = doc.spans.filter((s: any) => s.kind === 'place').map((s: any) => doc.text.slice(s.start, s.end));
    expect(places).toEqual(expect.arrayContaining(['Poltava', 'Vovchansk']));
  });

  it.each([
    '/api/events/evt_000000000000', '/api/events/nope', '/api/events/..%2f..', '/api/documents/..%2f..', '/api/documents/..%2F..%2Fpackage.json',
    '/api/documents/%2e%2e', '/api/documents/doc_zzzz', '/api/documents/doc_0000000000000000', '/api/nothing', '/api/', '/api/events/evt_1/extra',
  ])('%s is a JSON 404', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(typeof (await json(res)).error).toBe('string');
  });

  it('answers unsupported methods with 405', async () => {
    expect((await get('/api/events', { method: 'DELETE' })).status).toBe(405);
    expect((await get('/api/events/evt_1', { method: 'PUT' })).status).toBe(405);
  });
});

describe('exports', () => {
  it('CSV: a header and one row per event, filters applied', async () => {
    const res = await get('/api/export.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^id,title,category,type/);
    expect(lines.length - 1).toBe((await allEvents()).length);
    const sy = (await (await get('/api/export.csv?country=SY')).text()).trim().split('\n');
    expect(sy).toHaveLength(2);
    expect(sy[1]).toMatch(/Idlib/);
  });

  it('GeoJSON: a FeatureCollection of points', async () => {
    const res = await get('/api/export.geojson?country=SY');
    expect(res.status).toBe(200);
    const fc = await json(res);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(1);
    const [lon, lat] = fc.features[0].geometry.coordinates;
    expect(Math.abs(lat - 35.93)).toBeLessThan(1.5);
    expect(Math.abs(lon - 36.63)).toBeLessThan(1.5);
  });

  it('validates the same filters', async () => {
    expect((await get('/api/export.csv?limit=abc')).status).toBe(400);
    expect((await get('/api/export.geojson?since=soon')).status).toBe(400);
  });
});

describe('POST /api/documents', () => {
  const report = {
    title: 'Shelling kills three in Kherson',
    published: '2024-03-02',
    source: 'test wire',
    text: 'Russian shelling killed three civilians in Kherson on Friday, the regional governor said.\n\nTwo more people were injured in the attack on a residential district of the city.',
  };

  it('runs the pipeline and stores a new document: 201, then 200 for the same text', async () => {
    const res = await post(JSON.stringify(report));
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.document).toMatch(/^doc_[0-9a-f]+$/);
    expect(body.stored).toBe(true);
    expect(res.headers.get('location')).toBe(`/api/documents/${body.document}`);
    expect(body.events.length).toBeGreaterThanOrEqual(1);
    const e = body.events[0] as Event;
    expect(e.location?.name).toBe('Kherson');
    expect(e.fatalities?.best).toBe(3);
    expect(e.reports[0].source).toBe('api (test wire)');

    const again = await post(JSON.stringify({ ...report, text: `  ${report.text}\n` }));
    expect(again.status).toBe(200);
    const same = await json(again);
    expect(same.document).toBe(body.document);
    expect(same.stored).toBe(false);
    expect(same.events.map((x: Event) => x.id)).toEqual(body.events.map((x: Event) => x.id));
    expect((await json(await get('/api/events?q=Kherson'))).events.map((x: Event) => x.id)).toContain(e.id);
  });

  it("learns the site's profile from a new document, once", async () => {
    const page = { url: 'https://www.example-star.com/news/7', published: '2024-03-03', text: 'A man was shot in Arlington, Texas, on Saturday, police in Tarrant County said.' };
    const site = async () => ((await json(await get('/api/sites'))).sites as { site: string; documents: number; places: Record<string, number> }[]).find((p) => p.site === 'example-star.com');
    expect((await post(JSON.stringify(page))).status).toBe(201);
    const learned = await site();
    expect(learned?.documents).toBe(1);
    expect(learned?.places['r:US/Texas']).toBe(1);
    expect((await post(JSON.stringify(page))).status).toBe(200);
    expect(await site()).toEqual(learned);
  });

  it('takes HTML as well as text', async () => {
    const html = '<html><head><title>Drone strike on depot</title></head><body><article><p>A drone strike destroyed a fuel depot in Novorossiysk on Tuesday, killing two workers, officials said.</p><p>Firefighters worked through the night.</p></article></body></html>';
    const res = await post(JSON.stringify({ html, published: '2024-05-07' }));
    expect(res.status).toBe(201);
    const body = await json(res);
    const doc = await json(await get(`/api/documents/${body.document}`));
    expect(doc.text).toMatch(/Novorossiysk/);
    expect(doc.text).not.toMatch(/<p>/);
  });

  it.each([
    ['invalid JSON', '{"text": "unterminated', 400],
    ['an empty body', '', 400],
    ['an array', '[{"text": "x"}]', 400],
    ['no text or html', '{"title": "only a title"}', 400],
    ['blank text', '{"text": "   "}', 400],
  ])('refuses %s', async (_what, body, status) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(typeof (await json(res)).error).toBe('string');
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = JSON.stringify({ text: 'a '.repeat(MAX_BODY_BYTES / 2 + 10) });
    expect((await post(big)).status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new TextEncoder().encode(big.slice(i * (big.length / 5), (i + 1) * (big.length / 5))));
        c.close();
      },
    });
    const res = await app.request('/api/documents', { method: 'POST', body: stream, headers: { 'Content-Type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('wants JSON (a cross-site form cannot post it without a preflight)', async () => {
    const res = await app.request('/api/documents', { method: 'POST', body: JSON.stringify(report), headers: { 'Content-Type': 'text/plain' } });
    expect(res.status).toBe(415);
  });

  it('with a token, writes need it: 401 without or wrong, 201 with it; reads stay open', async () => {
    const guarded = createApp({ store, pipeline, token: 's3cret-token', log: () => {} });
    const doc = JSON.stringify({ text: 'Police arrested twelve protesters in Minsk on Sunday after a march, a rights group said.', published: '2024-01-14' });
    const none = await post(doc, {}, guarded);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await post(doc, { Authorization: 'Bearer wrong-token' }, guarded)).status).toBe(401);
    expect((await post(doc, { Authorization: 'Basic czNjcmV0LXRva2Vu' }, guarded)).status).toBe(401);
    expect((await post(doc, { Authorization: 'Bearer s3cret-token' }, guarded)).status).toBe(201);
    expect((await guarded.request('/api/events')).status).toBe(200);
  });
});

describe('the rest of the contract', () => {
  it('turns an unexpected error into a bare 500 and logs it', async () => {
    const broken = { ...store, events: () => { throw new TypeError('boom at the store'); } } as unknown as Store;
    const lines: string[] = [];
    const res = await createApp({ store: broken, pipeline, log: (l) => lines.push(l) }).request('/api/events');
    expect(res.status).toBe(500);
    expect(await json(res)).toEqual({ error: 'internal error' });
    expect(lines.join('\n')).toMatch(/boom at the store[\s\S]*\n\s+at /);
  });

  it('on loopback, answers only loopback host names (no DNS rebinding)', async () => {
    expect((await app.request('http://evil.example/api/events')).status).toBe(421);
    expect((await app.request('http://127.0.0.1:8321/api/events')).status).toBe(200);
  });

  it('serves the built page from memory, with a CSP, and nothing beside it', async () => {
    const web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(web, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    const paged = createApp({ store, pipeline, web: loadStaticFiles(web) });
    const page = await paged.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect((await paged.request('/', { headers: { 'If-None-Match': page.headers.get('etag')! } })).status).toBe(304);
    const js = await paged.request('/assets/app-1234.js');
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt', '/secret.txt', '/assets/']) {
      const res = await paged.request(p);
      expect(res.status, p).toBe(404);
      expect(await res.text()).not.toMatch(/secret/);
    }
    const bare = await createApp({ store, pipeline }).request('/');
    expect(bare.status).toBe(404);
    expect((await json(bare)).error).toMatch(/npm run build/);
  });
});

describe('a real server on 127.0.0.1', () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listen(createApp({ store, pipeline, loopbackOnly: true, log: () => {} }), '127.0.0.1', 0);
  });
  afterAll(async () => server?.close());

  it('answers a flood of 200 concurrent requests', async () => {
    const e = (await allEvents())[0];
    const doc = e.reports[0].document;
    const paths = ['/api/events', '/api/events?country=SY', '/api/events?limit=abc', `/api/events/${e.id}`, `/api/documents/${doc}`, '/api/export.csv', '/api/nope', '/api/events?q=helicopter'];
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const path = paths[i % paths.length];
        const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
        await res.arrayBuffer();
        return { path, status: res.status };
      }),
    );
    const expected = (p: string) => (p.includes('abc') ? 400 : p.includes('nope') ? 404 : 200);
    for (const a of answers) expect(a.status, a.path).toBe(expected(a.path));
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('keeps answering reads while another process holds the write lock', async () => {
    // a writer in another process: takes the write lock, holds it for 3 s, rolls back
    const holder = spawn(process.execPath, ['-e', `
      const db = new (require('better-sqlite3'))(process.argv[1]);
      db.pragma('busy_timeout = 5000');
      db.exec('BEGIN IMMEDIATE');
      db.prepare("INSERT INTO term_df (term, df) VALUES ('lock-holder', 1)").run();
      process.stdout.write('locked\\n');
      const until = Date.now() + 3000; while (Date.now() < until) {}
      db.exec('ROLLBACK');
    `, dbFile], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((ok) => holder.stdout!.once('data', () => ok()));
    const t0 = Date.now();
    const res = await fetch(`http://127.0.0.1:${server.port}/api/events?q=Idlib`);
    expect(res.status).toBe(200);
    expect((await res.json() as any).events).toHaveLength(1);
    expect(Date.now() - t0).toBeLessThan(1500);
    await new Promise((ok) => holder.once('exit', ok));
  });
});

describe('sitrep serve (the built CLI)', () => {
  const bin = join(root, 'bin', 'sitrep.js');

  it('refuses to listen beyond loopback without a token', () => {
    const p = spawnSync(process.execPath, [bin, 'serve', '--host', '0.0.0.0', '--port', '0', '--db', join(dir, 'cli.db')], { encoding: 'utf8', env: { ...process.env, SITREP_TOKEN: '' } });
    expect(p.status).toBe(2);
    expect(p.stderr).toMatch(/token/);
    expect(p.stderr).not.toMatch(/\n\s+at /);
  });

  it('serves the database it is given until SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--db', dbFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const url = await new Promise<string>((ok, fail) => {
      child.stderr!.on('data', (d) => {
        err += d;
        const m = /at (http:\/\/\S+?\/)[;\s]/.exec(err);
        if (m) ok(m[1]);
      });
      child.once('exit', (code) => fail(new Error(`serve exited ${code}: ${err}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const body = (await (await fetch(`${url}api/events`)).json()) as any;
    expect(body.events.length).toBeGreaterThanOrEqual(3);
    const code = await new Promise((ok) => {
      child.once('exit', ok);
      child.kill('SIGTERM');
    });
    expect(code).toBe(143);
  });
});
