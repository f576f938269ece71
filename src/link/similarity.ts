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

/**
 * Places or times that argue against one incident. Not a hard veto: on ECB+ (dev) the extracted
 * location and date of a report are wrong often enough (a dateline, a date of background, a
 * place name read from a common word) that vetoing on them cost more true links than it saved
 * false ones (F1 0.80 against 0.86 in a single-pass simulation). Each conflict scales the score
 * down instead, and only both together veto; a report published before the event's dates stays a hard veto, as does a
 * publication gap with no dates on either side.
 */
export function conflicts(r: Report, f: EventFeatures): { place: boolean; date: boolean } {
  let place = false;
  if (r.location && f.locations.length) {
    const countries = new Set(f.locations.map((l) => l.country));
    if (!countries.has(r.location.country)) place = true;
    else if (!f.locations.some((l) => placesCompatible(l, r.location!)) && r.location.precision === 'place' && f.locations.every((l) => l.precision === 'place')) place = true;
  }
  const date = !!r.date && f.dates.length > 0 && f.dates.every((d) => intervalGapDays(d, r.date!) > DATE_SLACK_DAYS);
  return { place, date };
}

/** Hard reasons two accounts cannot be one incident: publication dates that exclude it. */
export function incompatible(r: Report, f: EventFeatures): boolean {
  const pub = r.features.published;
  if (pub && f.published && !r.date && !f.dates.length) {
    const gap = Math.max(daysBetween(f.published[1], pub), daysBetween(pub, f.published[0]), 0);
    if (gap > PUBLISHED_SLACK_DAYS) return true;
  }
  // an incident is reported after it happened: a report published before the event's earliest date is another one
  if (pub && f.dates.length && f.dates.every((d) => pub < d.start)) return true;
  return false;
}

/** Sublinear term weight: a word said ten times is not ten times the evidence (log tf · idf). */
const weight = (c: number, t: string, idf: (t: string) => number) => (1 + Math.log(c)) * idf(t);

/** Cosine of log-tf·idf vectors; symmetric in its arguments. */
export function cosine(a: Record<string, number>, b: Record<string, number>, idf: (t: string) => number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, c] of Object.entries(a)) {
    if (c <= 0) continue;
    const w = weight(c, t, idf);
    na += w * w;
    const o = b[t];
    if (o !== undefined && o > 0) dot += w * weight(o, t, idf);
  }
  for (const [t, c] of Object.entries(b)) {
    if (c <= 0) continue;
    const w = weight(c, t, idf);
    nb += w * w;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Shared names, weighted by rarity (capped, so one odd spelling does not decide) and normalised
 * by both sides (geometric mean): symmetric, and a long list of names on one side dilutes it.
 */
export function nameOverlap(a: readonly string[], b: readonly string[], idf: (t: string) => number): number {
  if (!a.length || !b.length) return 0;
  const w = (x: string) => Math.min(3, idf(`n:${x}`));
  const setB = new Set(b);
  let shared = 0;
  let ta = 0;
  let tb = 0;
  for (const x of new Set(a)) {
    ta += w(x);
    if (setB.has(x)) shared += w(x);
  }
  for (const x of setB) tb += w(x);
  return ta && tb ? shared / Math.sqrt(ta * tb) : 0;
}

/** How much one conflicting place or date scales the score down (see `conflicts`). */
export const CONFLICT_FACTOR = 0.8;

/**
 * 0..1: how likely the report tells of the event's incident. Text and names carry it (weights
 * from a sweep on ECB+ dev: 0.6/0.4 beat text alone and names alone); equipment, tags and type
 * family add a little; a conflicting place or date scales it down.
 */
export function score(r: Report, f: EventFeatures, idf: (t: string) => number): number {
  if (incompatible(r, f)) return 0;
  const text = cosine(r.features.terms, f.terms, idf);
  const names = nameOverlap(r.features.names, f.names, idf);
  const equipment = r.features.equipment.some((e) => f.equipment.includes(e)) ? 1 : 0;
  const tags = r.tags.some((t) => t !== 'aircraft' && f.tags.includes(t)) ? 1 : 0;
  const family = f.family && f.family === familyKey(r) ? 1 : 0;
  let s = 0.55 * text + 0.35 * names + 0.04 * equipment + 0.03 * tags + 0.03 * family;
  const c = conflicts(r, f);
  // both wrong at once is rarely noise: another place and another time is another incident
  if (c.place && c.date) return 0;
  if (c.place || c.date) s *= CONFLICT_FACTOR;
  return s;
}

/** A report joins the best candidate at or above this score; below it, it starts a new event. */
export const LINK_THRESHOLD = 0.22;
