/**
 * The offline gazetteer: GeoNames populated places (cities500), countries, first-order regions,
 * US counties and a small curated supplement, as built by `scripts/build-gazetteer.ts` into
 * `build/gazetteer/`. Read-only once loaded; the caller loads it once and passes it down in the
 * StageContext (no module-level cache).
 *
 * Names are looked up by their folded form (`foldName`): lower case, diacritics, periods and
 * apostrophes dropped, hyphens as spaces, so "Donets'k", "Donetsk" and "DONETSK" meet.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gazetteer } from '../model/stage.js';
import type { PlacePrecision, ResolvedPlace } from '../model/types.js';

/** One gazetteer entry. `code` is the GeoNames feature code (PPL, PPLA, ADM1, PCLI, AIRB, …). */
export interface GazetteerEntry {
  /** Index in the gazetteer's entry table: a stable handle within one loaded gazetteer. */
  index: number;
  geonameid: number | null;
  name: string;
  country: string;
  /** GeoNames admin1 code within the country ("07" for UA Kharkiv oblast, "GA" for Georgia). */
  admin1Code: string;
  admin2Code: string;
  lat: number;
  lon: number;
  population: number;
  code: string;
  precision: PlacePrecision;
}

/** What the places stage needs beyond the shared `Gazetteer` interface. */
export interface PlaceGazetteer extends Gazetteer {
  /** Entries known by a folded name (see `foldName`); empty when none. */
  lookup(folded: string): readonly GazetteerEntry[];
  /** Display name of a first-order region ("Kharkiv", "Georgia"), or null when unknown. */
  admin1Name(country: string, admin1Code: string): string | null;
  admin2Name(country: string, admin1Code: string, admin2Code: string): string | null;
  /**
   * How common the folded word is as a lower-case English word: 1 very common ("reading",
   * "police"), 2 common ("mobile", "bath"), 3 known ("china", "turkey"), 0 not a common word.
   */
  commonWord(folded: string): number;
  /** Whether the lower-case word is an English word ("forest", "bureau"; not "hilton"). */
  englishWord(lower: string): boolean;
  /** Whether the folded word is an English first name ("virginia", "chad", "barack"). */
  firstName(folded: string): boolean;
  /** Longest name in tokens: how far a name match may reach. */
  readonly maxNameTokens: number;
  /**
   * Most tokens of a name of several words whose first word is the folded `first` ("new" → 4
   * for "new york city"), or 0 when none starts with it: most capitalised words open no longer
   * name, and this spares looking each longer span up.
   */
  nameTokensFrom(first: string): number;
  /** The entry as the shared model's ResolvedPlace. */
  resolved(entry: GazetteerEntry): ResolvedPlace;
}

export const GAZETTEER_FILES = { entries: 'entries.tsv', meta: 'meta.json' } as const;

/** Shape of `meta.json` as written by the build script. */
export interface GazetteerMeta {
  /** "CC.A1" → display name. */
  admin1: Record<string, string>;
  /** "CC.A1.A2" → display name. */
  admin2: Record<string, string>;
  countries: { code: string; name: string; lat: number; lon: number; population: number; geonameid?: number | null; demonyms: string[] }[];
  /** folded word → commonness level (1..3). */
  common: Record<string, number>;
  /** Lower-case English words of the common and middling SCOWL lists. */
  words: string[];
  /** Folded English first names ("virginia", "chad", "barack"). */
  firstNames: string[];
}

const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’‘`ʼ.]/g;
const DASHES = /[-‐‑‒–—]/g;
const SPACES = /\s+/g;
const ASCII_PLAIN = /^[a-z0-9 ]*$/;
const DOTLESS_I = /ı/g;

/**
 * Folded form of a name for lookup. Periods go so "St." meets "St" and "U.S." meets "US";
 * apostrophes go because transliterations put them anywhere ("Donets'k", "Khar’kov").
 */
export function foldName(s: string): string {
  const lower = s.toLowerCase();
  if (ASCII_PLAIN.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(APOSTROPHES, '')
    .replace(DASHES, ' ')
    .replace(SPACES, ' ')
    .replace(DOTLESS_I, 'i')
    .trim();
}

/** Countries whose places the news spells in several romanisations (Ukrainian and Russian). */
export const SKELETON_COUNTRIES = new Set(['UA']);

/**
 * Consonant skeleton of a folded name, the same for the Ukrainian and Russian romanisations of
 * one place ("Oleksandrivka", "Alexandrovka", "Aleksandrovka"; "Horlivka", "Gorlovka";
 * "Debaltseve", "Debaltsevo"): vowels and soft signs dropped, h read as g, digraphs as one
 * sound, doubles single. Keys of this kind start with "~" so they never meet a real name.
 */
export function skeleton(folded: string): string {
  return (
    '~' +
    folded
      .replace(/[^a-z]/g, '')
      .replace(/shch|sch|sh/g, 'S')
      .replace(/ch|ts|tz/g, 'C')
      .replace(/zh/g, 'Z')
      .replace(/kh/g, 'X')
      .replace(/x/g, 'ks')
      .replace(/h/g, 'g')
      .replace(/w/g, 'v')
      .replace(/[aeiouyj]/g, '')
      .replace(/(.)\1+/g, '$1')
  );
}

/** Skeletons of fewer consonants than this match too many unrelated names. */
export const MIN_SKELETON = 4;

const PRECISION_BY_CODE: Record<string, PlacePrecision> = {
  // a continent or world region ("Europe", "Middle East") is coarser than a country, but no
  // coarser precision exists; it has no country code
  CONT: 'country',
  PCLI: 'country', PCLS: 'country', PCLD: 'country', PCLF: 'country', PCL: 'country', TERR: 'country',
  ADM1: 'admin1', RGN: 'admin1',
  ADM2: 'admin2',
};

export function precisionOf(code: string): PlacePrecision {
  return PRECISION_BY_CODE[code] ?? 'place';
}

/**
 * A Bloom filter over the gazetteer's names: most capitalised words and spans are no name, and
 * ruling them out in a small bit table is much cheaper than a miss in the large name map, whose
 * probes all fall outside the CPU caches. No false negatives, so lookups give what the map gives.
 */
export interface NameFilter {
  bits: Uint32Array;
  /** Bit count minus one (a power of two minus one). */
  mask: number;
}

const FILTER_BITS_PER_NAME = 10;
const FILTER_PROBES = 3;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a hash of a string: the first of the filter's two hashes. */
function nameHash(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** A first word's key in the table of longest names: its hash, cut to a small integer (a collision only keeps a longer span looked up). */
function firstWordKey(hash: number): number {
  return hash & 0x3fffffff;
}

/** The second hash, mixed from the first (odd, so the probes of one name differ). */
function stepOf(h: number): number {
  let x = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  x ^= x >>> 13;
  return (x | 1) >>> 0;
}

export function buildNameFilter(names: Iterable<string>, count: number): NameFilter {
  const hashes: number[] = [];
  for (const name of names) hashes.push(nameHash(name));
  return filterOf(hashes, count);
}

/** The filter of names given by their `nameHash`. */
function filterOf(hashes: readonly number[], count: number): NameFilter {
  let size = 1024;
  while (size < count * FILTER_BITS_PER_NAME) size *= 2;
  const filter: NameFilter = { bits: new Uint32Array(size / 32), mask: size - 1 };
  for (const a of hashes) {
    const b = stepOf(a);
    for (let k = 0; k < FILTER_PROBES; k++) {
      const bit = (a + k * b) & filter.mask;
      filter.bits[bit >>> 5] |= 1 << (bit & 31);
    }
  }
  return filter;
}

/** False when the name is surely not in the filter's set; true when it may be. */
export function mayHaveName(filter: NameFilter, name: string): boolean {
  const a = nameHash(name);
  const b = stepOf(a);
  for (let k = 0; k < FILTER_PROBES; k++) {
    const bit = (a + k * b) & filter.mask;
    if ((filter.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

function defaultDir(): string {
  // src/extract/ under tsx and dist/extract/ compiled both sit two levels below the repo root
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'gazetteer');
}

/**
 * Load the gazetteer built by `npm run build:gazetteer`. Throws with a hint when it is missing:
 * that is a broken install, not bad input.
 */
export function loadGazetteer(dir: string = defaultDir()): PlaceGazetteer {
  let tsv: string;
  let meta: GazetteerMeta;
  try {
    tsv = readFileSync(join(dir, GAZETTEER_FILES.entries), 'utf8');
    meta = JSON.parse(readFileSync(join(dir, GAZETTEER_FILES.meta), 'utf8')) as GazetteerMeta;
  } catch (err) {
    throw new Error(`gazetteer not found in ${dir}: run \`npm run build:gazetteer\` (${(err as Error).message})`);
  }
  const entries: GazetteerEntry[] = [];
  const byName = new Map<string, GazetteerEntry[]>();
  let maxNameTokens = 1;
  // hashes of every name (for the filter), and the most words of a name per first word
  const hashes: number[] = [];
  const firstWords = new Map<number, number>();
  let pos = 0;
  while (pos < tsv.length) {
    let nl = tsv.indexOf('\n', pos);
    if (nl < 0) nl = tsv.length;
    const line = tsv.slice(pos, nl);
    pos = nl + 1;
    if (line.length === 0) continue;
    const f = line.split('\t');
    const code = f[8];
    const entry: GazetteerEntry = {
      index: entries.length,
      geonameid: f[0] === '' ? null : Number(f[0]),
      name: f[1],
      country: f[2],
      admin1Code: f[3],
      admin2Code: f[4],
      lat: Number(f[5]),
      lon: Number(f[6]),
      population: Number(f[7]),
      code,
      precision: precisionOf(code),
    };
    entries.push(entry);
    for (const key of f[9].split('|')) {
      const list = byName.get(key);
      if (list) list.push(entry);
      else byName.set(key, [entry]);
      // one pass counts the words and hashes the name and its first word (see nameHash)
      let tokens = 1;
      let h = FNV_OFFSET;
      let firstHash = 0;
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        if (c === 32 && tokens++ === 1) firstHash = h >>> 0;
        h = Math.imul(h ^ c, FNV_PRIME);
      }
      hashes.push(h >>> 0);
      if (tokens > maxNameTokens) maxNameTokens = tokens;
      if (tokens > 1) {
        const first = firstWordKey(firstHash);
        if ((firstWords.get(first) ?? 0) < tokens) firstWords.set(first, tokens);
      }
    }
  }

  const countries = new Map<string, ResolvedPlace>();
  const demonyms = new Map<string, string>();
  // a demonym several countries share ("American", "French") is the most populous one's
  const byPopulation = [...meta.countries].sort((a, b) => b.population - a.population);
  for (const c of byPopulation) {
    countries.set(c.code, {
      name: c.name, country: c.code, admin1: null, admin2: null, lat: c.lat, lon: c.lon,
      geonameid: c.geonameid ?? null, precision: 'country', population: c.population,
    });
    for (const d of c.demonyms) {
      const k = foldName(d);
      if (!demonyms.has(k)) demonyms.set(k, c.code);
    }
  }
  // names of peoples: "Canadians", "Iraqis", "Czechs" (not "Chineses", "Swisss")
  for (const c of byPopulation) {
    for (const d of c.demonyms) {
      const k = foldName(d);
      if (k.length >= 4 && !/(?:s|sh|ese|x|z)$/.test(k) && !demonyms.has(k + 's')) demonyms.set(k + 's', c.code);
    }
  }
  const admin1 = new Map(Object.entries(meta.admin1));
  const admin2 = new Map(Object.entries(meta.admin2));
  const common = new Map(Object.entries(meta.common));
  const firstNames = new Set(meta.firstNames ?? []);
  const words = new Set(meta.words ?? []);
  const none: readonly GazetteerEntry[] = Object.freeze([]);
  const filter = filterOf(hashes, byName.size);

  const gazetteer: PlaceGazetteer = {
    maxNameTokens,
    nameTokensFrom: (first) => firstWords.get(firstWordKey(nameHash(first))) ?? 0,
    lookup: (folded) => (mayHaveName(filter, folded) ? byName.get(folded) ?? none : none),
    admin1Name: (cc, a1) => admin1.get(`${cc}.${a1}`) ?? null,
    admin2Name: (cc, a1, a2) => admin2.get(`${cc}.${a1}.${a2}`) ?? null,
    commonWord: (folded) => common.get(folded) ?? 0,
    firstName: (folded) => firstNames.has(folded),
    englishWord: (lower) => words.has(lower),
    demonymCountry: (word) => demonyms.get(foldName(word)) ?? null,
    country: (code) => countries.get(code.toUpperCase()) ?? null,
    resolved: (e) => ({
      name: e.name,
      country: e.country,
      admin1: e.precision === 'country' ? null : e.precision === 'admin1' ? e.name : admin1.get(`${e.country}.${e.admin1Code}`) ?? null,
      admin2: e.precision === 'place' ? admin2.get(`${e.country}.${e.admin1Code}.${e.admin2Code}`) ?? null : null,
      lat: e.lat,
      lon: e.lon,
      geonameid: e.geonameid,
      precision: e.precision,
      population: e.population,
    }),
  };
  return Object.freeze(gazetteer);
}
