/**
 * One flat record per event, with the one set of property names every tabular export uses: the
 * CSV's columns are the GeoJSON's properties. Values stay typed (numbers, null) here; each format
 * writes them its own way.
 */
import type { Event } from '../model/index.js';
import { outletOf } from '../ingest/outlet.js';

export const ROW_COLUMNS = [
  'id', 'title', 'category', 'type', 'tags', 'date_start', 'date_end', 'date_precision', 'location', 'admin1', 'admin2', 'country', 'lat', 'lon',
  'location_precision', 'fatalities_best', 'fatalities_low', 'fatalities_high', 'injured_best', 'actor1', 'actor2', 'actors', 'equipment', 'disputed',
  'n_reports', 'sources',
] as const;

export type Row = Record<(typeof ROW_COLUMNS)[number], string | number | null>;

/** The outlets of an event's reports, each once, in report order: never file paths. */
export function outletsOf(e: Event): string[] {
  return [...new Set(e.reports.map((r) => (r.outlet !== undefined ? r.outlet : outletOf({ source: r.source }))).filter((o): o is string => !!o))];
}

const names = (e: Event, role: string) => e.actors.filter((a) => a.role === role).map((a) => a.name).join(';');

export function eventRow(e: Event): Row {
  const loc = e.location;
  return {
    id: e.id,
    title: e.title,
    category: e.category,
    type: e.type,
    tags: e.tags.join(';'),
    date_start: e.date?.start ?? null,
    date_end: e.date?.end ?? null,
    date_precision: e.date?.precision ?? null,
    location: loc?.name ?? null,
    admin1: loc?.admin1 ?? null,
    admin2: loc?.admin2 ?? null,
    country: loc?.country ?? null,
    lat: loc?.lat ?? null,
    lon: loc?.lon ?? null,
    location_precision: loc?.precision ?? null,
    fatalities_best: e.fatalities?.best ?? null,
    fatalities_low: e.fatalities?.low ?? null,
    fatalities_high: e.fatalities?.high ?? null,
    injured_best: e.injured?.best ?? null,
    actor1: names(e, 'actor1'),
    actor2: names(e, 'actor2'),
    actors: e.actors.map((a) => `${a.name} (${a.role})`).join(';'),
    equipment: e.equipment.join(';'),
    disputed: e.disputed.join(';'),
    n_reports: e.reports.length,
    sources: outletsOf(e).join(';'),
  };
}
