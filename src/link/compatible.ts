/**
 * When two values of one field can both be true: the rules corroboration and report building
 * share. Compatible is not equal: a country contains its towns, "at least 5" contains 5, a week
 * contains its days.
 */
import type { Count, DateInterval, FieldName, Location, PlacePrecision } from '../model/index.js';

/** Places closer than this are one place told two ways (a village and the town beside it). */
export const SAME_PLACE_KM = 30;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const x = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(Math.min(1, x)));
}

export const PRECISION_RANK: Record<PlacePrecision, number> = { country: 0, admin1: 1, admin2: 2, place: 3 };

/** True when `outer` contains `inner` (a country its towns; a region the places in it). */
export function contains(outer: Location, inner: Location): boolean {
  if (outer.country !== inner.country) return false;
  if (outer.precision === 'country') return true;
  if (outer.precision === 'admin1') return !!outer.admin1 && outer.admin1 === inner.admin1;
  if (outer.precision === 'admin2') return !!outer.admin2 && outer.admin2 === inner.admin2 && outer.admin1 === inner.admin1;
  return false;
}

export function placesCompatible(a: Location, b: Location): boolean {
  if (a.geonameid !== null && a.geonameid === b.geonameid) return true;
  if (contains(a, b) || contains(b, a)) return true;
  if (a.precision === 'place' && b.precision === 'place') return haversineKm(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM;
  return false;
}

export function datesCompatible(a: DateInterval, b: DateInterval): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function countsCompatible(a: Count, b: Count): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/** What compatibility and specificity read of a value: values with one key are interchangeable in consensus and disputes. */
export const placeKey = (p: Location) => `${p.geonameid ?? ''}|${p.country}|${p.admin1 ?? ''}|${p.admin2 ?? ''}|${p.precision}|${p.lat}|${p.lon}`;
export const dateKey = (d: DateInterval) => `${d.start}|${d.end}`;
export const countKey = (c: Count) => `${c.low}|${c.best}|${c.high}`;

/** A claim's value as a key: equal keys are the same value (places, dates and counts by what compatibility reads). */
export function valueKey(field: FieldName, value: unknown): string {
  if (field === 'location') return placeKey(value as Location);
  if (field === 'date') return dateKey(value as DateInterval);
  if (field === 'fatalities' || field === 'injured' || field === 'captured') return countKey(value as Count);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Each distinct value (its first occurrence) with how often it occurs: a long article repeating one town thousands of times is compared once. */
export function tally<T>(values: readonly T[], key: (v: T) => string): { value: T; n: number }[] {
  const byKey = new Map<string, { value: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const t = byKey.get(k);
    if (t) t.n++;
    else byKey.set(k, { value: v, n: 1 });
  }
  return [...byKey.values()];
}

/**
 * The value most others are compatible with; among those, the most specific; then the first.
 * Support decides before specificity, so one narrow outlier cannot outvote agreeing sources.
 * Quadratic in distinct values only (`key` groups equal ones).
 */
export function consensus<T>(values: readonly T[], compatible: (a: T, b: T) => boolean, specificity: (v: T) => number, key: (v: T) => string): T | null {
  const distinct = tally(values, key);
  let best: T | null = null;
  let bestSupport = -1;
  let bestSpecificity = -Infinity;
  for (const { value: v } of distinct) {
    let support = 0;
    for (const w of distinct) if (compatible(v, w.value)) support += w.n;
    const spec = specificity(v);
    if (support > bestSupport || (support === bestSupport && spec > bestSpecificity)) {
      best = v;
      bestSupport = support;
      bestSpecificity = spec;
    }
  }
  return best;
}

/** Narrower dates are more specific. */
export const dateSpecificity = (d: DateInterval) => -(Date.parse(d.end) - Date.parse(d.start));
export const placeSpecificity = (p: Location) => PRECISION_RANK[p.precision];
