/**
 * Does a report tell of an incident already known? Candidates are found by blocking keys (rare
 * names, equipment, distinctive terms), never by comparing with every event; each candidate is
 * then scored on what identifies an incident: where (vetoed when incompatible), when (vetoed when
 * the intervals lie apart), names, text, equipment and tags.
 */
import type { DateInterval, Location, Report } from '../model/index.js';
import { daysBetween } from '../extract/calendar.js';
import { placesCompatible } from './compatible.js';

/** What an event keeps for comparing new reports with it (stored beside the event). */
export interface EventFeatures {
  /** Summed term counts of the member reports, capped to the strongest terms. */
  terms: Record<string, number>;
  names: string[];
  equipment: string[];
  tags: string[];
  family: string;
  locations: Location[];
  dates: DateInterval[];
  /** Earliest and latest publication date of the members. */
  published: [string, string] | null;
}

/** Terms an event keeps: enough to compare, few enough to keep a 100k-event store small. */
const MAX_EVENT_TERMS = 120;
const MAX_EVENT_NAMES = 80;
/** Days two incident dates may lie apart and still be one incident (reports round and lag). */
export const DATE_SLACK_DAYS = 2;
/** Reports published this far apart, with no dates of their own, are not one incident. */
const PUBLISHED_SLACK_DAYS = 45;

export const familyKey = (r: { type: string; tags: string[] }) => `${r.type}:${r.tags.find((t) => t !== 'aircraft') ?? ''}`;

export function emptyFeatures(): EventFeatures {
  return { terms: {}, names: [], equipment: [], tags: [], family: '', locations: [], dates: [], published: null };
}

function topEntries(rec: Record<string, number>, n: number): Record<string, number> {
  const entries = Object.entries(rec);
  if (entries.length <= n) return rec;
  entries.sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(entries.slice(0, n));
}

export function addToFeatures(f: EventFeatures, r: Report): EventFeatures {
  const terms = { ...f.terms };
  for (const [t, c] of Object.entries(r.features.terms)) terms[t] = (terms[t] ?? 0) + c;
  const uniq = <T>(xs: T[]) => [...new Set(xs)];
  const pub = r.features.published;
  let published = f.published;
  if (pub) published = published ? [pub < published[0] ? pub : published[0], pub > published[1] ? pub : published[1]] : [pub, pub];
  return {
    terms: topEntries(terms, MAX_EVENT_TERMS),
    names: uniq([...f.names, ...r.features.names]).slice(0, MAX_EVENT_NAMES),
    equipment: uniq([...f.equipment, ...r.features.equipment]),
    tags: uniq([...f.tags, ...r.tags]),
    family: f.family || familyKey(r),
    locations: r.location ? [...f.locations, r.location].slice(-20) : f.locations,
    dates: r.date ? [...f.dates, r.date].slice(-20) : f.dates,
    published,
  };
}

/** Keys under which an event is found: its names, equipment, and its most distinctive terms. */
export function blockingKeys(f: { names: string[]; equipment: string[]; terms: Record<string, number> }, idf: (t: string) => number): string[] {
  const keys = new Set<string>();
  for (const n of f.names.slice(0, 40)) keys.add(`n:${n}`);
  for (const e of f.equipment) keys.add(`e:${e.toLowerCase()}`);
  const terms = Object.entries(f.terms).map(([t, c]) => [t, c * idf(t)] as const);
  terms.sort((a, b) => b[1] - a[1]);
  for (const [t] of terms.slice(0, 12)) keys.add(`t:${t}`);
  return [...keys];
}

function intervalGapDays(a: DateInterval, b: DateInterval): number {
  if (a.end < b.start) return daysBetween(a.end, b.start);
  if (b.end < a.start) return daysBetween(b.end, a.start);
  return 0;
}

/** Hard reasons two accounts cannot be one incident: places or times that exclude each other. */
export function incompatible(r: Report, f: EventFeatures): boolean {
  if (r.location && f.locations.length) {
    const countries = new Set(f.locations.map((l) => l.country));
    if (!countries.has(r.location.country)) return true;
    if (!f.locations.some((l) => placesCompatible(l, r.location!)) && r.location.precision === 'place' && f.locations.every((l) => l.precision === 'place')) return true;
  }
  if (r.date && f.dates.length && f.dates.every((d) => intervalGapDays(d, r.date!) > DATE_SLACK_DAYS)) return true;
  const pub = r.features.published;
  if (pub && f.published && !r.date && !f.dates.length) {
    const gap = Math.max(daysBetween(f.published[1], pub), daysBetween(pub, f.published[0]), 0);
    if (gap > PUBLISHED_SLACK_DAYS) return true;
  }
  // an incident is reported after it happened: a report published before the event's earliest date is another one
  if (pub && f.dates.length && f.dates.every((d) => pub < d.start)) return true;
  return false;
}

function cosine(a: Record<string, number>, b: Record<string, number>, idf: (t: string) => number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, c] of Object.entries(a)) {
    const w = c * idf(t);
    na += w * w;
    const o = b[t];
    if (o !== undefined) dot += w * o * idf(t);
  }
  for (const [t, c] of Object.entries(b)) {
    const w = c * idf(t);
    nb += w * w;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function overlap(a: readonly string[], b: readonly string[], idf: (t: string) => number): number {
  if (!a.length || !b.length) return 0;
  const set = new Set(b);
  let shared = 0;
  let total = 0;
  for (const x of a) {
    const w = Math.min(3, idf(`n:${x}`));
    total += w;
    if (set.has(x)) shared += w;
  }
  return total ? shared / total : 0;
}

/** 0..1: how likely the report tells of the event's incident. */
export function score(r: Report, f: EventFeatures, idf: (t: string) => number): number {
  if (incompatible(r, f)) return 0;
  const text = cosine(r.features.terms, f.terms, idf);
  const names = overlap(r.features.names, f.names, idf);
  const equipment = r.features.equipment.some((e) => f.equipment.includes(e)) ? 1 : 0;
  const tags = r.tags.some((t) => t !== 'aircraft' && f.tags.includes(t)) ? 1 : 0;
  const family = f.family && f.family === familyKey(r) ? 1 : 0;
  return 0.55 * text + 0.25 * names + 0.08 * equipment + 0.07 * tags + 0.05 * family;
}

/** A report joins the best candidate at or above this score; below it, it starts a new event. */
export const LINK_THRESHOLD = 0.3;
