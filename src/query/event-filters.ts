/**
 * The one parser of event filters, for `sitrep events` and for `/api/events` and the exports: the
 * same rules and the same messages, so a filter the API refuses with a 400 the CLI refuses with
 * exit 2, naming the value and what is accepted. Categories and types are taken as users write
 * them ("Battles", "battles", "Air/drone strike", "air_drone_strike"); countries as codes or names
 * ("SY", "SYR", "Syria").
 */
import { EVENT_CATEGORIES } from '../model/event-types.js';
import type { EventFilters } from '../store/sqlite.js';
import type { Countries } from './countries.js';

/** A filter that cannot be read: the CLI exits 2 with it, the API answers 400. */
export class FilterError extends Error {
  override name = 'FilterError';
}

export interface LimitRule {
  default: number;
  max: number;
}

/** The raw values, as typed; `undefined` for a filter not given. */
export interface RawFilters {
  since?: string;
  until?: string;
  type?: string;
  country?: string;
  near?: string;
  bbox?: string;
  q?: string;
  limit?: string;
  cursor?: string;
  disputed?: string | boolean;
}

export interface FilterOptions {
  limits: LimitRule;
  countries: Countries;
  /** How a filter is named in messages: `--` on the command line, nothing in the API. */
  prefix: string;
}

/** Longest `q` accepted: a search box, not a document. */
export const MAX_QUERY_CHARS = 500;

const NUMBER = '-?\\d{1,3}(?:\\.\\d{1,12})?';
const NEAR = new RegExp(`^(${NUMBER}),(${NUMBER}),(\\d{1,5}(?:\\.\\d{1,12})?)$`);
const BBOX = new RegExp(`^(${NUMBER}),(${NUMBER}),(${NUMBER}),(${NUMBER})$`);

/** Every category and type id, and each under ACLED's spelling folded the same way. */
const TYPE_IDS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const c of EVENT_CATEGORIES) {
    m.set(c.id, c.id);
    m.set(foldType(c.label), c.id);
    for (const [id, label] of Object.entries(c.types)) {
      m.set(id, id);
      m.set(foldType(label), id);
    }
  }
  return m;
})();

const ACCEPTED_TYPES = EVENT_CATEGORIES.map((c) => `${c.id} (${Object.keys(c.types).join(', ')})`).join('; ');

/** "Air/drone strike", "air-drone strike", "AIR_DRONE_STRIKE" → "air_drone_strike". */
function foldType(s: string): string {
  return s.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** An event category or type id from what a user typed, or null. */
export function eventTypeId(input: string): string | null {
  return TYPE_IDS.get(foldType(input.slice(0, 100))) ?? null;
}

function isoDate(name: string, v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  // Date.UTC rolls 2023-02-31 over to March: compare back to refuse it
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) throw new FilterError(`${name} wants a date as YYYY-MM-DD, not ${JSON.stringify(v)}`);
  return m[0];
}

export function parseEventFilters(raw: RawFilters, opts: FilterOptions): EventFilters {
  const n = (k: string) => `${opts.prefix}${k}`;
  const f: EventFilters = { limit: opts.limits.default };
  if (raw.since !== undefined) f.since = isoDate(n('since'), raw.since);
  if (raw.until !== undefined) f.until = isoDate(n('until'), raw.until);
  if (f.since && f.until && f.since > f.until) throw new FilterError(`${n('since')} ${f.since} is after ${n('until')} ${f.until}`);

  if (raw.type !== undefined) {
    const id = eventTypeId(raw.type);
    if (!id) throw new FilterError(`${n('type')}: no category or type ${JSON.stringify(raw.type.slice(0, 100))}; accepted (as written here or as ACLED writes them, e.g. "Battles", "Air/drone strike"): ${ACCEPTED_TYPES}`);
    f.type = id;
  }
  if (raw.country !== undefined) {
    const code = raw.country.length <= 100 ? opts.countries.find(raw.country) : null;
    if (!code) throw new FilterError(`${n('country')}: no country ${JSON.stringify(raw.country.slice(0, 100))}; accepted: ${opts.countries.examples()}`);
    f.country = code;
  }
  if (raw.near !== undefined) {
    const m = NEAR.exec(raw.near.replace(/\s/g, ''));
    if (!m || Math.abs(+m[1]) > 90 || Math.abs(+m[2]) > 180 || +m[3] > 20_000) throw new FilterError(`${n('near')} wants LAT,LON,KM (latitude -90..90, longitude -180..180, up to 20000 km), not ${JSON.stringify(raw.near.slice(0, 100))}`);
    f.near = { lat: +m[1], lon: +m[2], km: +m[3] };
  }
  if (raw.bbox !== undefined) {
    const m = BBOX.exec(raw.bbox.replace(/\s/g, ''));
    const [w, s, e, no] = m ? [+m[1], +m[2], +m[3], +m[4]] : [NaN, NaN, NaN, NaN];
    if (!m || Math.abs(w) > 180 || Math.abs(e) > 180 || Math.abs(s) > 90 || Math.abs(no) > 90) throw new FilterError(`${n('bbox')} wants WEST,SOUTH,EAST,NORTH in degrees, not ${JSON.stringify(raw.bbox.slice(0, 100))}`);
    if (s > no) throw new FilterError(`${n('bbox')}: south is above north`);
    // a box across the antimeridian would need two ranges; ask for two requests instead
    if (w > e) throw new FilterError(`${n('bbox')}: west is east of east (boxes across the antimeridian are not supported; split it in two)`);
    f.bbox = { west: w, south: s, east: e, north: no };
  }
  if (raw.q !== undefined) {
    if (raw.q.length > MAX_QUERY_CHARS) throw new FilterError(`${n('q')} is longer than ${MAX_QUERY_CHARS} characters`);
    f.q = raw.q;
  }
  if (raw.limit !== undefined) {
    if (!/^\d{1,7}$/.test(raw.limit) || +raw.limit < 1 || +raw.limit > opts.limits.max) throw new FilterError(`${n('limit')} wants a whole number from 1 to ${opts.limits.max}, not ${JSON.stringify(raw.limit.slice(0, 100))}`);
    f.limit = +raw.limit;
  }
  if (raw.cursor !== undefined) {
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(raw.cursor)) throw new FilterError(`${n('cursor')}: invalid cursor`);
    f.cursor = raw.cursor;
  }
  if (raw.disputed !== undefined) {
    if (typeof raw.disputed === 'boolean') f.disputed = raw.disputed;
    else if (!/^(?:|1|0|true|false)$/.test(raw.disputed)) throw new FilterError(`${n('disputed')} wants 1, 0, true or false, not ${JSON.stringify(raw.disputed.slice(0, 100))}`);
    else f.disputed = raw.disputed === '' || raw.disputed === '1' || raw.disputed === 'true';
  }
  return f;
}
