/**
 * The one export module the CLI (`sitrep events --csv|--geojson|--jsonl|--json|--format acled`) and
 * the API (`/api/export.*`) share. Events are read a page at a time and written as they come, so
 * an export of 100,000 events holds one page in memory, not the file (scripts/bench.ts measures it).
 *
 * - `csv`: ROW_COLUMNS (rows.ts), `;` inside a cell between list items.
 * - `geojson`: RFC 7946 FeatureCollection, a Point per located event (null geometry otherwise, so
 *   none is lost); its properties are the CSV's columns.
 * - `jsonl`: one event a line, the SPEC's event shape. `json`: the same as one array.
 * - `acled`: ACLED's columns and conventions (acled.ts).
 */
import type { Event } from '../model/index.js';
import type { Countries } from '../query/countries.js';
import type { EventFilters } from '../store/sqlite.js';
import { ACLED_COLUMNS, acledRow } from './acled.js';
import { csvLine } from './csv.js';
import { eventRow, ROW_COLUMNS } from './rows.js';

export { ACLED_COLUMNS, acledRow, eventNotes } from './acled.js';
export { csvCell } from './csv.js';
export { eventRow, outletsOf, ROW_COLUMNS } from './rows.js';

export const EXPORT_FORMATS = ['csv', 'geojson', 'jsonl', 'json', 'acled'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  acled: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface ExportContext {
  countries: Countries;
  /** Unix seconds written as ACLED's `timestamp`. */
  now: number;
}

/** Anything that lists events a page at a time (the Store). */
export interface EventSource {
  events(f: EventFilters): { events: Event[]; next: string | null };
}

/** Events read in pages of `page` by cursor, up to `max` in all. */
export function* pagedEvents(source: EventSource, filters: EventFilters, max: number, page = 500): Generator<Event> {
  let left = max;
  let cursor = filters.cursor;
  while (left > 0) {
    const { events, next } = source.events({ ...filters, cursor, limit: Math.min(page, left) });
    for (const e of events) yield e;
    left -= events.length;
    if (!next) return;
    cursor = next;
  }
}

/**
 * pagedEvents over any store: SQLite answers synchronously and is read a page at a time as the
 * export is written; a server (PostgreSQL) answers with promises, so its pages are read first.
 */
export async function pagedEventsOf(
  source: { events(f: EventFilters): { events: Event[]; next: string | null } | Promise<{ events: Event[]; next: string | null }> },
  filters: EventFilters,
  max: number,
  page = 500,
): Promise<Iterable<Event>> {
  const first = source.events({ ...filters, limit: Math.min(page, max) });
  if (!(first instanceof Promise)) return pagedEvents(source as EventSource, filters, max, page);
  const all: Event[] = [];
  let res = await first;
  for (;;) {
    all.push(...res.events.slice(0, max - all.length));
    if (!res.next || all.length >= max) return all;
    res = await source.events({ ...filters, cursor: res.next, limit: Math.min(page, max - all.length) });
  }
}

function geoFeature(e: Event): string {
  const geometry = e.location ? { type: 'Point', coordinates: [e.location.lon, e.location.lat] } : null;
  return JSON.stringify({ type: 'Feature', id: e.id, geometry, properties: eventRow(e) });
}

/** The pieces of one export, in order: write each as it comes. */
export function* exportChunks(format: ExportFormat, events: Iterable<Event>, ctx: ExportContext): Generator<string> {
  let first = true;
  switch (format) {
    case 'csv':
      yield csvLine(ROW_COLUMNS);
      for (const e of events) yield csvLine(Object.values(eventRow(e)));
      return;
    case 'acled':
      yield csvLine(ACLED_COLUMNS);
      for (const e of events) yield csvLine(Object.values(acledRow(e, ctx.countries, ctx.now)));
      return;
    case 'jsonl':
      for (const e of events) yield JSON.stringify(e) + '\n';
      return;
    case 'json':
      yield '[';
      for (const e of events) {
        yield (first ? '\n' : ',\n') + JSON.stringify(e, null, 2);
        first = false;
      }
      yield first ? ']\n' : '\n]\n';
      return;
    case 'geojson':
      yield '{"type":"FeatureCollection","features":[';
      for (const e of events) {
        yield (first ? '\n' : ',\n') + geoFeature(e);
        first = false;
      }
      yield '\n]}\n';
      return;
  }
}

/** Chunks joined up to about `size` characters: fewer, larger writes. */
export function* batched(chunks: Iterable<string>, size = 64 * 1024): Generator<string> {
  let buf = '';
  for (const c of chunks) {
    buf += c;
    if (buf.length >= size) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
