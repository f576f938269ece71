/**
 * Exports of 100,000 events stream in bounded memory (issue 21). Each format of src/export/ writes
 * 100,000 events read a page at a time from an event source shaped like the Store (pages of 500
 * parsed from JSON text, as Store.events does; synthetic events, since seeding 100,000 through the
 * pipeline would take the bench an hour) to a sink that drains at its own pace. Prints events/s
 * and the live heap's growth (sampled after a GC per page), and fails when the heap grows by more
 * than BOUND_MB: a format that held the whole file (hundreds of MB for 100,000 events) would.
 *
 * Usage: node --expose-gc --import tsx scripts/bench-export.ts [N]
 */
import { Writable } from 'node:stream';
import { once } from 'node:events';
import { batched, exportChunks, pagedEvents, type EventSource, type ExportFormat } from '../src/export/index.js';
import type { Event } from '../src/model/index.js';
import { Countries } from '../src/query/countries.js';
import type { EventFilters } from '../src/store/sqlite.js';

const N = Number(process.argv[2] ?? 100_000);
const BOUND_MB = 64;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function event(i: number): Event {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const quote = `Shelling killed ${i % 9} civilians in Kharkiv on ${day} May 2024, the regional governor said, and damaged ${i % 30} homes.`;
  return {
    id: `evt_${i.toString(16).padStart(12, '0')}`,
    title: `Shelling of Kharkiv ${i}`,
    category: 'explosions_remote_violence',
    type: 'shelling_artillery_missile_attack',
    tags: ['shelling'],
    date: { start: `2024-05-${day}`, end: `2024-05-${day}`, precision: 'day' },
    location: { name: 'Kharkiv', admin1: 'Kharkiv Oblast', country: 'UA', lat: 49.98, lon: 36.25, precision: 'place', geonameid: 706483 },
    actors: [{ name: 'Military Forces of Russia', role: 'actor1', type: 'armed_forces' }],
    fatalities: { low: i % 9, best: i % 9, high: i % 9 },
    injured: null,
    captured: null,
    equipment: [],
    reports: [{ document: `doc_${i}`, source: `https://news.example/${i}`, outlet: 'news.example', published: `2024-05-${day}`, title: null }],
    fields: { fatalities: { status: 'single', claims: [{ field: 'fatalities', value: { low: i % 9, best: i % 9, high: i % 9 }, document: `doc_${i}`, quote, start: 0, end: quote.length, attributed_to: 'the regional governor' }] } },
    disputed: [],
  };
}

/** Like Store.events: a page of `limit` after the cursor, parsed from stored JSON text. */
const source: EventSource = {
  events(f: EventFilters) {
    const from = f.cursor ? Number(f.cursor) : 0;
    const to = Math.min(N, from + (f.limit ?? 100));
    const events: Event[] = [];
    for (let i = from; i < to; i++) events.push(JSON.parse(JSON.stringify(event(i))) as Event);
    return { events, next: to < N ? String(to) : null };
  },
};

async function run(format: ExportFormat, countries: Countries) {
  let bytes = 0;
  let peak = 0;
  let pages = 0;
  // a slow reader: a small buffer that drains on the next tick
  const sink = new Writable({ highWaterMark: 64 * 1024, write(chunk: Buffer, _e, done) { bytes += chunk.length; setImmediate(done); } });
  gc();
  const base = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let n = 0;
  for (const chunk of batched(exportChunks(format, pagedEvents(source, {}, N), { countries, now: 1_700_000_000 }))) {
    if (!sink.write(chunk)) await once(sink, 'drain');
    if (++n % 40 === 0) {
      pages++;
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    }
  }
  sink.end();
  const seconds = (performance.now() - t0) / 1000;
  return { format, seconds, bytes, growthMb: peak / 1024 / 1024, pages };
}

async function main(): Promise<number> {
  const countries = Countries.load();
  let failed = 0;
  console.log(`| export of ${N.toLocaleString('en')} events (src/export/) | events/s | file MB | live heap growth MB (bound ${BOUND_MB}) |\n|---|---|---|---|`);
  for (const format of ['csv', 'geojson', 'jsonl', 'acled'] as const) {
    const r = await run(format, countries);
    if (r.growthMb > BOUND_MB) failed++;
    console.log(`| ${format} | ${Math.round(N / r.seconds).toLocaleString('en')} | ${(r.bytes / 1024 / 1024).toFixed(0)} | ${r.growthMb.toFixed(1)}${r.growthMb > BOUND_MB ? ' (over the bound)' : ''} |`);
  }
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
