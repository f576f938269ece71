/**
 * Query parameters of `/api/events` and the exports. Strict on purpose: an unknown or repeated
 * parameter is a 400 naming it, so a typo (`contry=UA`) is not silently a query for everything.
 * The values themselves go through the parser the CLI uses (src/query/event-filters.ts).
 */
import type { Countries } from '../query/countries.js';
import { parseEventFilters, type LimitRule, type RawFilters } from '../query/event-filters.js';
import type { EventFilters } from '../store/sqlite.js';
import { ApiError } from './errors.js';

export { MAX_QUERY_CHARS, type LimitRule } from '../query/event-filters.js';

const KNOWN = ['since', 'until', 'type', 'country', 'near', 'bbox', 'q', 'limit', 'cursor', 'disputed'] as const;

/** `/api/events` pages: 100 by default, at most 1,000. */
export const PAGE_LIMIT: LimitRule = { default: 100, max: 1000 };
/** Exports: everything that matches, up to the Store's own bound. */
export const EXPORT_LIMIT: LimitRule = { default: 100_000, max: 100_000 };

export function parseEventQuery(params: URLSearchParams, limits: LimitRule, countries: Countries): EventFilters {
  const seen = new Set<string>();
  const raw: RawFilters = {};
  for (const [key, value] of params) {
    if (!(KNOWN as readonly string[]).includes(key)) throw new ApiError(400, `unknown parameter ${JSON.stringify(key)}; known: ${KNOWN.join(', ')}`);
    if (seen.has(key)) throw new ApiError(400, `give ${key} once`);
    seen.add(key);
    raw[key as keyof RawFilters] = value;
  }
  return parseEventFilters(raw, { limits, countries, prefix: '' });
}
