/**
 * Do two reports tell of one incident? What linking keeps of each report, the blocking keys that
 * find candidates without comparing all pairs, and a symmetric pair score that clustering
 * (`cluster.ts`) turns into events.
 *
 * The score is symmetric and looks at the two reports only, never at an event built so far: that
 * is what lets the same reports give the same events in any order. Text (log-tf·idf cosine) and
 * the names the reports dwell on carry it; telling numbers both write (a toll, a sum, a magnitude)
 * add to it; equipment, tags and type family add a little; a conflicting place, date, set of years
 * or set of numbers scales it down, and only place and date together veto.
 *
 * Tuned on ECB+ dev (see scripts/eval-linking.ts), whose sub-topics come in pairs of similar
 * incidents (two celebrities entering rehab, two earthquakes in one country): what tells them
 * apart is who (the people a report keeps naming) and when (the years it mentions).
 */
import type { DateInterval, Document, Location, Report } from '../model/index.js';
import { daysBetween } from '../extract/calendar.js';
import { stem } from '../extract/terms.js';
import { placesCompatible } from './compatible.js';
import { VETO, type Edge } from './cluster.js';

/** What linking keeps of one report (stored beside it). */
export interface LinkFeatures {
  document: string;
  /** Content terms with counts. */
  terms: Record<string, number>;
  /** Proper names as found: blocking keys. */
  names: string[];
  /** Words of proper names (stemmed as terms are) with how often the text uses them: who the report is about. */
  people: Record<string, number>;
  equipment: string[];
  tags: string[];
  family: string;
  location: Location | null;
  /** The incident date when a sentence states it (an implied one says nothing about the incident). */
  date: DateInterval | null;
  published: string | null;
  /** Years 1950–2030 the text writes: a report of 2008 and one of 2013 are two incidents. */
  years: number[];
  /** The document's language ("uk", "en"), when read: reports in two languages share few words (see CROSS_LANGUAGE). Absent in older stores. */
  lang?: string | null;
  /** Killed, as the report counts them (not an assumed 0). Absent in older stores. */
  toll?: number | null;
  /** The surname (stemmed) of the person the report is about, when it clearly is about one (see `keyPerson`); absent in older stores. */
  person?: string | null;
  /** Telling numbers the text writes (tolls, sums, magnitudes; not years or small counts); absent in older stores. */
  numbers?: string[];
}

/** Days two incident dates may lie apart and still be one incident (reports round and lag). */
export const DATE_SLACK_DAYS = 2;
/** A report's type family: its type and first tag (an 'aircraft' tag, or the 'arrest' tag of arrests made beside an incident, says too little to count). */
export const familyKey = (r: { type: string; tags: string[] }) => `${r.type}:${r.tags.find((t) => t !== 'aircraft' && t !== 'arrest') ?? ''}`;

const YEAR = /\b(19[5-9]\d|20[0-2]\d|2030)\b/g;
/** A number as written: digits with thousands separators and decimals, not part of a clock time, date or longer figure. */
const NUMBER = /(?<![\d.,:/])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d:/])|(?<![\d.,:/])\d+(?:\.\d+)?(?![\d:/]|[.,]\d)/g;

/**
 * Numbers that tell one incident from another of its kind (23 held, 5.6 magnitude, $160 million):
 * not years (see `years`), and not whole numbers up to 12, which every report writes.
 */
export function tellingNumbers(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(NUMBER)) {
    const x = m[0].replace(/,/g, '');
    const v = Number(x);
    const whole = !x.includes('.');
    if (whole && (v <= 12 || (v >= 1950 && v <= 2030))) continue;
    out.add(whole ? String(v) : x);
  }
  return [...out].sort();
}
/** Reports published this far apart, with no dates of their own, are not one incident. */
const PUBLISHED_SLACK_DAYS = 45;

/**
 * The main report reads the whole document (title and text); a secondary one, only its own
 * sentence, so a background mention does not inherit the years of the main incident.
 */
export function linkFeatures(doc: Document, r: Report): LinkFeatures {
  const text = r.index === 0 ? `${doc.title ?? ''}\n${doc.text}` : r.title;
  const years = [...new Set([...text.matchAll(YEAR)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  const people: Record<string, number> = {};
  for (const name of r.features.names) {
    for (const w of name.split(/\s+/)) {
      if (w.length < 3) continue;
      const s = stem(w.replace(/['’]s$/, ''));
      people[s] = Math.max(people[s] ?? 0, r.features.terms[s] ?? 1);
    }
  }
  return {
    document: r.document,
    terms: r.features.terms,
    names: r.features.names,
    people,
    equipment: r.features.equipment,
    tags: r.tags.filter((t) => t !== 'aircraft'),
    family: familyKey(r),
    location: r.location,
    date: r.date && !r.date.implied ? r.date : null,
    published: r.features.published,
    years,
    person: keyPerson(r.features.persons ?? [], r.features.terms),
    numbers: tellingNumbers(text),
    lang: doc.lang ? doc.lang.toLowerCase().split('-')[0] : null,
    toll: r.fatalities && !r.fatalities.assumed ? r.fatalities.best : null,
  };
}

/** A report is about a person it names (first name and surname) at least this often… */
const PERSON_MIN = 3;
/** …and this many times as often as anyone else it names so. */
const PERSON_LEAD = 1.5;
/** Two reports are about different people when each names the other's person at most this share as often as its own. */
const PERSON_CROSS = 0.34;
/** An event is cut along a conflict of people only when at least this many reports stand on each side. */
const PERSON_SIDE = 3;

/**
 * The stemmed surname of the person a report keeps naming ("Jamal Williams" … "Williams" ×8),
 * or null when no one clearly leads. Counts are of the surname as a term, so "Williams" alone counts.
 */
export function keyPerson(persons: readonly string[], terms: Record<string, number>): string | null {
  const counts = new Map<string, number>();
  for (const n of persons) {
    const ws = n.split(/\s+/);
    const s = stem(ws[ws.length - 1].replace(/['’]s$/, ''));
    counts.set(s, terms[s] ?? 0);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!ranked.length || ranked[0][1] < PERSON_MIN) return null;
  if (ranked.length > 1 && ranked[0][1] < PERSON_LEAD * ranked[1][1]) return null;
  return ranked[0][0];
}

/** Whether two reports are each about a different person and barely name the other's. */
export function personConflict(a: LinkFeatures, b: LinkFeatures): boolean {
  const pa = a.person;
  const pb = b.person;
  if (!pa || !pb || pa === pb) return false;
  return (b.terms[pa] ?? 0) <= PERSON_CROSS * (b.terms[pb] ?? 0) && (a.terms[pb] ?? 0) <= PERSON_CROSS * (a.terms[pa] ?? 0);
}

/**
 * Cannot-link pairs that cut one finished event: reports about one person against reports about
 * another (two drunk-driving arrests of two players of one team), but only when each side has
 * PERSON_SIDE reports, so one report dwelling on a witness or a victim does not split an event.
 * A veto on pairs while clustering cost more recall than it gained: it is the broad conflict
 * inside a finished event that is worth a cut.
 */
export function personVetoes(members: readonly (readonly [string, LinkFeatures])[]): Edge[] {
  const keyed = members.filter(([, f]) => f.person);
  if (keyed.length < 2 * PERSON_SIDE) return [];
  const byPair = new Map<string, { vetoes: Edge[]; sides: [Set<string>, Set<string>] }>();
  for (let i = 0; i < keyed.length; i++) {
    for (let j = i + 1; j < keyed.length; j++) {
      const [x, y] = keyed[i][1].person! < keyed[j][1].person! ? [keyed[i], keyed[j]] : [keyed[j], keyed[i]];
      if (!personConflict(x[1], y[1])) continue;
      const key = `${x[1].person}\u0000${y[1].person}`;
      const g = byPair.get(key) ?? byPair.set(key, { vetoes: [], sides: [new Set(), new Set()] }).get(key)!;
      g.vetoes.push({ a: x[0], b: y[0], score: VETO });
      g.sides[0].add(x[0]);
      g.sides[1].add(y[0]);
    }
  }
  const out: Edge[] = [];
  for (const g of byPair.values()) if (g.sides[0].size >= PERSON_SIDE && g.sides[1].size >= PERSON_SIDE) out.push(...g.vetoes);
  return out;
}

/** Keys a report is found under: its names, equipment, and its most distinctive terms. */
export function reportKeys(f: LinkFeatures, idf: (t: string) => number): string[] {
  const keys = new Set<string>();
  for (const n of f.names.slice(0, 40)) keys.add(`n:${n}`);
  for (const e of f.equipment) keys.add(`e:${e.toLowerCase()}`);
  const terms = Object.entries(f.terms).map(([t, c]) => [t, (1 + Math.log(c)) * idf(t)] as const);
  terms.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [t] of terms.slice(0, 12)) keys.add(`t:${t}`);
  return [...keys].sort();
}

function intervalGapDays(a: DateInterval, b: DateInterval): number {
  if (a.end < b.start) return daysBetween(a.end, b.start);
  if (b.end < a.start) return daysBetween(b.end, a.start);
  return 0;
}

/** Places or dates that argue against one incident (see `score`). */
export function pairConflicts(a: LinkFeatures, b: LinkFeatures): { place: boolean; date: boolean; years: boolean } {
  let place = false;
  if (a.location && b.location) {
    if (a.location.country !== b.location.country) place = true;
    else if (a.location.precision === 'place' && b.location.precision === 'place' && !placesCompatible(a.location, b.location)) place = true;
  }
  const date = !!a.date && !!b.date && intervalGapDays(a.date, b.date) > DATE_SLACK_DAYS;
  const years = a.years.length > 0 && b.years.length > 0 && !a.years.some((y) => b.years.includes(y));
  return { place, date, years };
}

/** The few fields of a report's link features that can rule a pair out before its text is read (see `ruledOut`). */
export interface LinkWhen {
  published: string | null;
  date: { start: string; end: string } | null;
  /** The report's location (its country alone; null: no location). */
  location: { country: string | null } | null;
}

/**
 * Whether `combine` scores a against b 0 whatever b's text: its publication and incident dates
 * exclude one incident, or both its country and its date conflict. Read from b's `LinkWhen` only:
 * a place conflict found here is one `pairConflicts` finds too (a different country), so true here
 * means 0 there. The linker leaves such candidates unread (a growing store's candidates are
 * mostly reports of other times).
 */
export function ruledOut(a: LinkFeatures, b: LinkWhen): boolean {
  const partial = { published: b.published, date: b.date, location: b.location, years: [] as number[] } as unknown as LinkFeatures;
  if (excluded(a, partial)) return true;
  const c = pairConflicts(a, partial);
  return c.place && c.date;
}

/** Hard reasons two reports cannot be one incident: publication dates that exclude it. */
function excluded(a: LinkFeatures, b: LinkFeatures): boolean {
  if (a.published && b.published && !a.date && !b.date && Math.abs(daysBetween(a.published, b.published)) > PUBLISHED_SLACK_DAYS) return true;
  // an incident is reported after it happened: a report published before the other's date is of another one
  if (a.published && b.date && a.published < b.date.start) return true;
  if (b.published && a.date && b.published < a.date.start) return true;
  return false;
}

/** Weight of shared telling numbers: two reports of one incident repeat its toll, its sum, its magnitude. */
export const NUMBERS_WEIGHT = 0.2;
/** How much the score is scaled down when each report writes NUMBERS_MIN telling numbers and none meet. */
export const NUMBERS_FACTOR = 0.7;
const NUMBERS_MIN = 3;

/** Set cosine of two reports' telling numbers. */
function numberSim(a: readonly string[] | undefined, b: readonly string[] | undefined): number {
  if (!a?.length || !b?.length) return 0;
  let k = 0;
  for (const x of a) if (b.includes(x)) k++;
  return k / Math.sqrt(a.length * b.length);
}

/** Each report writes several telling numbers and they share none: likely two incidents (or a report without old ones). */
function numbersApart(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a || !b || a.length < NUMBERS_MIN || b.length < NUMBERS_MIN) return false;
  return !a.some((x) => b.includes(x));
}

/**
 * Reports in two languages share almost no words, so their text says little; what does not depend
 * on the language does: the same gazetteer place and day (CROSS_LANGUAGE), and the same toll on
 * top (CROSS_LANGUAGE_TOLL). Only between languages: within one, text and names do this work.
 */
export const CROSS_LANGUAGE = 0.15;
export const CROSS_LANGUAGE_TOLL = 0.1;

function crossLanguage(a: LinkFeatures, b: LinkFeatures): number {
  const la = a.location;
  const lb = b.location;
  const place = !!la && !!lb && la.precision === 'place' && lb.precision === 'place' && (la.geonameid !== null ? la.geonameid === lb.geonameid : placesCompatible(la, lb));
  const day = !!a.date && !!b.date && intervalGapDays(a.date, b.date) <= 1;
  if (!place || !day) return 0;
  return CROSS_LANGUAGE + (a.toll != null && a.toll > 0 && a.toll === b.toll ? CROSS_LANGUAGE_TOLL : 0);
}

/** How much one conflicting place or date scales the score down. */
export const CONFLICT_FACTOR = 0.8;
/** How much years that do not meet scale it down: wire copy recycles wording, not years. */
export const YEARS_FACTOR = 0.5;

/**
 * 0..1 (or VETO for two reports of one document): how likely two reports tell of one incident.
 * Weights from a sweep on ECB+ dev with average-link clustering: text 0.55 and the people named
 * 0.35 (name words weighted by log count · idf, which beat exact name strings: "Lohan" meets
 * "Lindsay Lohan").
 */
export function pairScore(a: LinkFeatures, b: LinkFeatures, idf: (t: string) => number): number {
  return weightedScore(weigh(prepare(a), idf), weigh(prepare(b), idf));
}

/** Counts as parallel arrays: the names, and 1 + log(count) of each (counts above 0 only), in the record's order. */
export interface LogCounts {
  keys: string[];
  logTf: Float64Array;
  /** The keys' numbers in a linker's vocabulary (`IdfById`), and which numbering they are of. */
  ids?: Int32Array;
  gen?: number;
}

/**
 * Term weights by the number a linker's vocabulary gives each term (incremental.ts `TermWeights`):
 * the same values as by the term, without hashing the term at every pair. `gen` tells which
 * numbering: counts numbered under another are weighed by their terms.
 */
export interface IdfById {
  at(id: number): number;
  gen: number;
}

/**
 * A report's features with its term and name counts laid out for weighing: what linking keeps of a
 * stored report. Weighing a report is done once per candidate pair and per re-scored edge, and
 * walking a record of hundreds of keys (`for…in` over a dictionary object) and taking a logarithm
 * of each count every time was a third of it. Same values, same order, so the same sums as before.
 */
export interface Prepared {
  f: LinkFeatures;
  terms: LogCounts;
  people: LogCounts;
}

function logCounts(rec: Record<string, number>): LogCounts {
  const keys: string[] = [];
  const tf: number[] = [];
  for (const t in rec) {
    const c = rec[t];
    if (c <= 0) continue;
    keys.push(t);
    tf.push(1 + Math.log(c));
  }
  return { keys, logTf: Float64Array.from(tf) };
}

export function prepare(f: LinkFeatures): Prepared {
  return { f, terms: logCounts(f.terms), people: logCounts(f.people) };
}

/** A report's features with its term and name vectors weighted (log tf · idf) and normalised, ready to compare many times. */
export interface Weighted {
  f: LinkFeatures;
  terms: Map<string, number>;
  people: Map<string, number>;
}

function unitVector({ keys, logTf, ids, gen }: LogCounts, idf: (t: string) => number, byId?: IdfById): Map<string, number> {
  const w = new Float64Array(keys.length);
  let norm = 0;
  if (byId && ids && gen === byId.gen) {
    for (let i = 0; i < keys.length; i++) {
      const x = logTf[i] * byId.at(ids[i]);
      w[i] = x;
      norm += x * x;
    }
  } else {
    for (let i = 0; i < keys.length; i++) {
      const x = logTf[i] * idf(keys[i]);
      w[i] = x;
      norm += x * x;
    }
  }
  norm = Math.sqrt(norm);
  const v = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) v.set(keys[i], norm ? w[i] / norm : w[i]);
  return v;
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  if (a.size > b.size) [a, b] = [b, a];
  let s = 0;
  for (const [t, w] of a) {
    const o = b.get(t);
    if (o !== undefined) s += w * o;
  }
  return s;
}

export function weigh(p: Prepared, idf: (t: string) => number, byId?: IdfById): Weighted {
  return { f: p.f, terms: unitVector(p.terms, idf, byId), people: unitVector(p.people, idf, byId) };
}

/** `pairScore` over weighted features. */
export function weightedScore(wa: Weighted, wb: Weighted): number {
  return combine(wa.f, wb.f, () => dot(wa.terms, wb.terms), () => dot(wa.people, wb.people));
}

/**
 * `pairScore` of a weighted report against one that is not: the second side's weights are
 * computed on the fly, without building its vectors. This is what scoring a new report against
 * a hundred stored candidates does, once each.
 */
export function scoreAgainst(wa: Weighted, b: Prepared, idf: (t: string) => number, byId?: IdfById, dense?: DenseWeighted): number {
  return combine(
    wa.f,
    b.f,
    () => cosineTo(wa.terms, b.terms, idf, byId, dense?.terms),
    () => cosineTo(wa.people, b.people, idf, byId, dense?.people),
  );
}

/**
 * A weighted report's two vectors laid out by term number (0 where it has no weight), for scoring it
 * against many candidates: a candidate's term finds its partner by an array read, not a hash look-up.
 * Only for numbered candidates (`IdfById`); an absent term adds w · 0, which leaves the sum as it was.
 */
export interface DenseWeighted {
  terms: Float64Array;
  people: Float64Array;
}

/** Cosine of a unit vector with counts weighted as `unitVector` would weigh them. */
function cosineTo(unit: Map<string, number>, { keys, logTf, ids, gen }: LogCounts, idf: (t: string) => number, byId?: IdfById, dense?: Float64Array): number {
  let s = 0;
  let norm = 0;
  if (byId && ids && gen === byId.gen) {
    if (dense) {
      for (let i = 0; i < keys.length; i++) {
        const w = logTf[i] * byId.at(ids[i]);
        norm += w * w;
        s += w * dense[ids[i]];
      }
    } else {
      for (let i = 0; i < keys.length; i++) {
        const w = logTf[i] * byId.at(ids[i]);
        norm += w * w;
        const o = unit.get(keys[i]);
        if (o !== undefined) s += w * o;
      }
    }
  } else {
    for (let i = 0; i < keys.length; i++) {
      const w = logTf[i] * idf(keys[i]);
      norm += w * w;
      const o = unit.get(keys[i]);
      if (o !== undefined) s += w * o;
    }
  }
  return norm ? s / Math.sqrt(norm) : 0;
}

/** The score from two reports' features and their text and name similarity (computed only when needed). */
function combine(a: LinkFeatures, b: LinkFeatures, textSim: () => number, peopleSim: () => number): number {
  if (a.document === b.document) return VETO;
  if (excluded(a, b)) return 0;
  const c = pairConflicts(a, b);
  // both wrong at once is rarely noise: another place and another time is another incident
  if (c.place && c.date) return 0;
  const text = textSim();
  const people = peopleSim();
  const equipment = a.equipment.some((e) => b.equipment.includes(e)) ? 1 : 0;
  const tags = a.tags.some((t) => b.tags.includes(t)) ? 1 : 0;
  const family = a.family === b.family ? 1 : 0;
  let s = 0.55 * text + 0.35 * people + 0.04 * equipment + 0.03 * tags + 0.03 * family;
  s += NUMBERS_WEIGHT * numberSim(a.numbers, b.numbers);
  if (a.lang && b.lang && a.lang !== b.lang) s += crossLanguage(a, b);
  if (numbersApart(a.numbers, b.numbers)) s *= NUMBERS_FACTOR;
  if (c.place || c.date) s *= CONFLICT_FACTOR;
  if (c.years) s *= YEARS_FACTOR;
  return s;
}

/**
 * Two reports whose average score reaches this are one incident (average link over events),
 * scores as raised by shared neighbours (`boostShared` in cluster.ts, which can triple a score).
 * B-cubed on ECB+ dev (file order / shuffled): P/F1 0.968/0.950 and 0.968/0.948 at 0.34,
 * 0.976/0.953 and 0.968/0.950 at 0.35, 0.976/0.946 and 0.976/0.944 at 0.36: merging two
 * incidents is the worse error, so the highest threshold before recall falls away.
 */
export const CLUSTER_THRESHOLD = 0.35;
/** Pairs scored below this are not stored: they count as 0 in every average. */
export const EDGE_FLOOR = 0.08;
