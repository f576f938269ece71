/**
 * Query parameters of `/api/events` and the exports, checked and turned into the Store's
 * EventFilters. Strict on purpose: an unknown or repeated parameter is a 400 naming it, so a typo
 * (`contry=UA`) is not silently a query for everything.
 */
import type { EventFilters } from '../store/sqlite.js';
import { ApiError } from './errors.js';

const NUMBER = '-?\\d+(?:\\.\\d+)?';
const NEAR = new RegExp(`^(${NUMBER}),(${NUMBER}),(\\d+(?:\\.\\d+)?)$`);
const BBOX = new RegExp(`^(${NUMBER}),(${NUMBER}),(${NUMBER}),(${NUMBER})$`);
const KNOWN = ['since', 'until', 'type', 'country', 'near', 'bbox', 'q', 'limit', 'cursor', 'disputed'] as const;

/** Longest `q` accepted: a search box, not a document. */
export const MAX_QUERY_CHARS = 500;

export interface LimitRule {
  default: number;
  max: number;
}

/** `/api/events` pages: 100 by default, at most 1,000. */
export const PAGE_LIMIT: LimitRule = { default: 100, max: 1000 };
/** Exports: everything that matches, up to the Store's own bound. */
export const EXPORT_LIMIT: LimitRule = { default: 100_000, max: 100_000 };

function isoDate(name: string, v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  // Date.UTC rolls 2023-02-31 over to March: compare back to refuse it
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) throw new ApiError(400, `${name} wants a date as YYYY-MM-DD, not ${JSON.stringify(v)}`);
  return v;
}

export function parseEventQuery(params: URLSearchParams, limits: LimitRule): EventFilters {
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (!(KNOWN as readonly string[]).includes(key)) throw new ApiError(400, `unknown parameter ${JSON.stringify(key)}; known: ${KNOWN.join(', ')}`);
    if (seen.has(key)) throw new ApiError(400, `give ${key} once`);
    seen.add(key);
  }
  const get = (k: (typeof KNOWN)[number]) => params.get(k) ?? undefined;
  const f: EventFilters = { limit: limits.default };

  const since = get('since');
  if (since !== undefined) f.since = isoDate('since', since);
  const until = get('until');
  if (until !== undefined) f.until = isoDate('until', until);
  if (f.since && f.until && f.since > f.until) throw new ApiError(400, 'since is after until');

  const type = get('type');
  if (type !== undefined) {
    if (!/^[a-z_]{1,64}$/.test(type)) throw new ApiError(400, `type wants an ACLED category or type in snake_case, not ${JSON.stringify(type)}`);
    f.type = type;
  }
  const country = get('country');
  if (country !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(country)) throw new ApiError(400, `country wants a two-letter ISO code, not ${JSON.stringify(country)}`);
    f.country = country.toUpperCase();
  }
  const near = get('near');
  if (near !== undefined) {
    const m = NEAR.exec(near.replace(/\s/g, ''));
    if (!m || Math.abs(+m[1]) > 90 || Math.abs(+m[2]) > 180 || +m[3] > 20_000) throw new ApiError(400, `near wants LAT,LON,KM, not ${JSON.stringify(near)}`);
    f.near = { lat: +m[1], lon: +m[2], km: +m[3] };
  }
  const bbox = get('bbox');
  if (bbox !== undefined) {
    const m = BBOX.exec(bbox.replace(/\s/g, ''));
    const [w, s, e, n] = m ? [+m[1], +m[2], +m[3], +m[4]] : [NaN, NaN, NaN, NaN];
    if (!m || Math.abs(w) > 180 || Math.abs(e) > 180 || Math.abs(s) > 90 || Math.abs(n) > 90) throw new ApiError(400, `bbox wants WEST,SOUTH,EAST,NORTH in degrees, not ${JSON.stringify(bbox)}`);
    if (s > n) throw new ApiError(400, 'bbox: south is above north');
    // a box across the antimeridian would need two ranges; ask for two requests instead
    if (w > e) throw new ApiError(400, 'bbox: west is east of east (boxes across the antimeridian are not supported; split it in two)');
    f.bbox = { west: w, south: s, east: e, north: n };
  }
  const q = get('q');
  if (q !== undefined) {
    if (q.length > MAX_QUERY_CHARS) throw new ApiError(400, `q is longer than ${MAX_QUERY_CHARS} characters`);
    f.q = q;
  }
  const limit = get('limit');
  if (limit !== undefined) {
    if (!/^\d{1,7}$/.test(limit) || +limit < 1 || +limit > limits.max) throw new ApiError(400, `limit wants a whole number from 1 to ${limits.max}, not ${JSON.stringify(limit)}`);
    f.limit = +limit;
  }
  const cursor = get('cursor');
  if (cursor !== undefined) {
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw new ApiError(400, 'invalid cursor');
    f.cursor = cursor;
  }
  const disputed = get('disputed');
  if (disputed !== undefined) {
    if (!/^(?:|1|0|true|false)$/.test(disputed)) throw new ApiError(400, `disputed wants 1, 0, true or false, not ${JSON.stringify(disputed)}`);
    f.disputed = disputed === '' || disputed === '1' || disputed === 'true';
  }
  return f;
}
