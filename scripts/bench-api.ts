/**
 * API latency with a store of 10,000 events (issue 7 asks `/api/events` p95 < 50 ms).
 *
 * Seeds a SQLite file through the real path (pipeline → Store.ingest, which links) with short
 * synthetic incident reports — a template, a real city, a date, a count — until it holds the
 * wanted number of events, then serves it with the real app on 127.0.0.1 and times requests over
 * HTTP: each query shape sequentially (latency as one user sees it), then the default page under
 * 16 concurrent clients. Prints a markdown table of p50/p95/p99/max in milliseconds.
 *
 * Usage: npm run bench:api [-- --events 10000] [--requests 300] [--db FILE]
 * With --db FILE the seeded store is kept and reused by the next run (seeding takes minutes).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/api/app.js';
import { listen } from '../src/api/server.js';
import { loadStaticFiles } from '../src/api/static-files.js';
import { textDocument } from '../src/ingest/document.js';
import { createPipeline, extract, loadResources, type Pipeline } from '../src/pipeline.js';
import { openStore, type Store } from '../src/store/sqlite.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const EVENTS = Number(arg('--events', '10000'));
const REQUESTS = Number(arg('--requests', '300'));
const DB = arg('--db', '');

const CITIES = [
  'Kharkiv', 'Kherson', 'Odesa', 'Mykolaiv', 'Zaporizhzhia', 'Dnipro', 'Sumy', 'Chernihiv', 'Kramatorsk', 'Bakhmut', 'Pokrovsk', 'Lviv', 'Poltava', 'Vinnytsia',
  'Belgorod', 'Kursk', 'Bryansk', 'Rostov-on-Don', 'Donetsk', 'Luhansk', 'Melitopol', 'Mariupol', 'Aleppo', 'Idlib', 'Homs', 'Hama', 'Deir ez-Zor', 'Raqqa',
  'Mosul', 'Kirkuk', 'Baghdad', 'Fallujah', 'Kabul', 'Kandahar', 'Herat', 'Jalalabad', 'Quetta', 'Peshawar', 'Karachi', 'Mogadishu', 'Kismayo', 'Baidoa',
  'Khartoum', 'Omdurman', 'El Fasher', 'Nyala', 'Juba', 'Goma', 'Bunia', 'Beni', 'Maiduguri', 'Kaduna', 'Zamfara', 'Bamako', 'Gao', 'Timbuktu', 'Ouagadougou',
  'Niamey', "Sana'a", 'Aden', 'Taiz', 'Hodeidah', 'Marib', 'Tripoli', 'Benghazi', 'Sirte', 'Gaza', 'Rafah', 'Jenin', 'Nablus', 'Beirut', 'Tyre', 'Sidon',
  'Yangon', 'Mandalay', 'Lashio', 'Myitkyina', 'Bogota', 'Cali', 'Medellin', 'Port-au-Prince', 'Culiacan', 'Tijuana', 'Manila', 'Marawi', 'Cotabato',
];
const TEMPLATES = [
  (c: string, n: number, d: string) => `An airstrike hit a market in ${c} on ${d}, killing ${n} civilians, local officials said.`,
  (c: string, n: number, d: string) => `Artillery shelling struck residential districts of ${c} on ${d}; ${n} people were killed and several injured, the regional governor said.`,
  (c: string, n: number, d: string) => `Gunmen attacked a police checkpoint near ${c} on ${d}, killing ${n} officers, according to the interior ministry.`,
  (c: string, n: number, d: string) => `A roadside bomb exploded under a bus outside ${c} on ${d}, killing ${n} passengers, police said.`,
  (c: string, n: number, d: string) => `Clashes between the army and rebels in ${c} on ${d} left ${n} fighters dead, a monitoring group reported.`,
  (c: string, n: number, d: string) => `A drone strike destroyed a fuel depot in ${c} on ${d}, killing ${n} workers, the emergency service said.`,
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A small deterministic generator, so two runs seed the same store. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function seed(store: Store, pipeline: Pipeline, wanted: number): { docs: number; seconds: number } {
  const rnd = random(7);
  const t0 = performance.now();
  let docs = 0;
  const count = () => (store.db.prepare('SELECT count(*) FROM events').pluck().get() as number);
  let events = count();
  while (events < wanted) {
    for (let i = 0; i < 500; i++, docs++) {
      const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(rnd() * 5 * 365) * 86_400_000);
      const dateText = `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
      const published = new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
      const city = CITIES[Math.floor(rnd() * CITIES.length)];
      const n = 1 + Math.floor(rnd() * 40);
      const text = `${TEMPLATES[Math.floor(rnd() * TEMPLATES.length)](city, n, dateText)}\n\nReport ${docs} of the synthetic wire, item ${Math.floor(rnd() * 1e9).toString(36)}.`;
      const doc = textDocument(text, { source: `synthetic:${docs}`, published });
      if (!store.hasDocument(doc.id)) store.ingest(doc, extract(doc, pipeline).reports);
    }
    events = count();
    process.stderr.write(`\rseeding: ${docs} documents, ${events} events`);
  }
  process.stderr.write('\n');
  return { docs, seconds: (performance.now() - t0) / 1000 };
}

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)].toFixed(1);
  return `${q(50)} | ${q(95)} | ${q(99)} | ${s[s.length - 1].toFixed(1)}`;
}

async function time(url: string, n: number, concurrency = 1): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const t = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
      out.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Time from navigation to the first event row being drawn and clickable, in real headless
 * Chromium over the same server (issue 7: interactive within 1 s with 10,000 events).
 */
async function pageInteractive(base: string, loads = 5): Promise<number[] | null> {
  if (!existsSync('/usr/bin/chromium')) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < loads; i++) {
      const page = await browser.newPage();
      const t0 = performance.now();
      await page.goto(`${base}/`);
      await page.locator('.event-list li').first().waitFor({ state: 'visible', timeout: 30_000 });
      times.push(performance.now() - t0);
      await page.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const dir = DB ? null : mkdtempSync(join(tmpdir(), 'sitrep-bench-api-'));
  const file = DB || join(dir!, 'api.db');
  const reused = DB !== '' && existsSync(file);
  const pipeline = createPipeline(loadResources());
  const store = openStore(file);
  try {
    const seeded = seed(store, pipeline, EVENTS);
    const events = store.db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    // the page as `npm run build` made it (dist/web), as `sitrep serve` serves it
    const web = loadStaticFiles(join(import.meta.dirname, '..', 'dist', 'web'));
    const server = await listen(createApp({ store, pipeline, web, log: (l) => console.error(l) }), '127.0.0.1', 0);
    const base = `http://127.0.0.1:${server.port}`;
    const sample = store.events({ limit: 1 }).events[0];
    const shapes: [string, string][] = [
      ['/api/events (default page, 100)', '/api/events'],
      ['/api/events?limit=1000', '/api/events?limit=1000'],
      ['/api/events?country=UA', '/api/events?country=UA'],
      ['/api/events?type=air_drone_strike', '/api/events?type=air_drone_strike'],
      ['/api/events?since=2021-01-01&until=2021-06-30', '/api/events?since=2021-01-01&until=2021-06-30'],
      ['/api/events?q=market', '/api/events?q=market'],
      ['/api/events?near=50.0,36.2,100', '/api/events?near=50.0,36.2,100'],
      ['/api/events?bbox=22,44,41,53', '/api/events?bbox=22,44,41,53'],
      ['/api/events/:id', `/api/events/${sample.id}`],
      ['/api/documents/:id', `/api/documents/${sample.reports[0].document}`],
    ];
    const rows = ['| request | p50 ms | p95 ms | p99 ms | max ms |', '|---|---|---|---|---|'];
    for (const [label, path] of shapes) {
      await time(base + path, 20); // warm-up: statement cache, page cache
      rows.push(`| ${label} | ${stats(await time(base + path, REQUESTS))} |`);
    }
    rows.push(`| /api/events, 16 concurrent clients | ${stats(await time(`${base}/api/events`, REQUESTS * 2, 16))} |`);
    const page = await pageInteractive(base);
    await server.close();
    console.log(`\n${events} events from ${reused ? 'a reused store' : `${seeded.docs} synthetic documents seeded in ${seeded.seconds.toFixed(0)} s`}; ${REQUESTS} requests per shape over HTTP on 127.0.0.1\n`);
    console.log(rows.join('\n'));
    console.log(page ? `\npage interactive (event list drawn and clickable, headless Chromium, ${page.length} loads): median ${median(page).toFixed(0)} ms, max ${Math.max(...page).toFixed(0)} ms` : '\npage interactive: not measured (no /usr/bin/chromium)');
    return 0;
  } finally {
    store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(`bench-api: ${(err as Error).stack ?? err}`);
    process.exitCode = 1;
  },
);
