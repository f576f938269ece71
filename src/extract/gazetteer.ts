/**
 * The offline gazetteer: GeoNames populated places (cities500), countries, first-order regions,
 * US counties and a small curated supplement, as built by `scripts/build-gazetteer.ts` into
 * `build/gazetteer/`. Read-only once loaded; the caller loads it once and passes it down in the
 * StageContext (no module-level cache).
 *
 * Names are looked up by their folded form (`foldName`): lower case, diacritics, periods and
 * apostrophes dropped, hyphens as spaces, so "Donets'k", "Donetsk" and "DONETSK" meet.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
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
  /** `foldName(name)`, folded once when the entry is read: the places stage compares it with every mention's key. */
  folded: string;
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
  /**
   * Places and districts of the given countries whose own one-word name is one edit (a letter
   * added, dropped, changed, or two swapped) from the folded word and starts with its letter:
   * "Aribinda" for "arbinda", Nyeri for "nygeri". Only for words of 5 to 20 letters a-z; the
   * caller rules out English words and names of people.
   */
  variants(folded: string, countries: ReadonlySet<string>): readonly GazetteerEntry[];
}

/** Shortest word, and name, that may be read as another spelling: shorter ones meet too many names. */
export const MIN_VARIANT_LETTERS = 5;
const VARIANT_WORD = /^[a-z]{5,20}$/;

/** Whether two words differ by at most one edit (insertion, deletion, substitution, adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // one substitution, or one swap of neighbours
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The word and each of its one-letter deletions: two words one edit apart share one of these. */
function deletions(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/**
 * The built files. entries.tsv holds one entry a line; the rest is a compact index the build
 * writes so that loading reads files instead of parsing 200,000 lines into maps: names.tsv (every
 * folded name with its entries' line numbers, sorted by UTF-8 bytes, searched by bisection),
 * offsets of both files' lines, the Bloom filter's bits and the longest name per first word.
 */
export const GAZETTEER_FILES = {
  entries: 'entries.tsv',
  meta: 'meta.json',
  entryOffsets: 'entries.idx',
  names: 'names.tsv',
  nameOffsets: 'names.idx',
  filter: 'names.bloom',
  firstWords: 'first-words.bin',
  /** (geonameid, entry line) pairs sorted by id. */
  ids: 'geonameids.idx',
  /** "CC\tfolded own name\tentry line" of places and districts, sorted by country. */
  variants: 'variant-names.tsv',
  /** meta.json's large tables as sorted lines, searched in place (`SortedLines`): "CC.A1.A2\tname". */
  admin2: 'admin2.tsv',
  /** One English word a line, sorted. */
  words: 'words.txt',
  /** One folded first name a line, sorted. */
  firstNames: 'first-names.txt',
} as const;

/** What the build script gathers; `writeGazetteerMeta` keeps admin2, words and firstNames out of meta.json. */
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
  /** Most words of any name (written with the index). */
  maxNameTokens?: number;
}

/** Marks on a Latin letter ("é", "ș"): transliterations put them anywhere, and the news drops them. */
const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
/** Arabic vowel signs, hamza and madda above or below: optional in writing ("أ", "إ", "آ" meet "ا"). */
const ARABIC_MARKS = /[\u064B-\u065F\u0670]/g;
/** "ё" is written "е" in most Russian text; other Cyrillic marks make letters ("й", "ї") and stay. */
const CYRILLIC_YO = /е\u0308/g;
const ARABIC_YA = /ى/g;
const TATWEEL = /\u0640/g;
const APOSTROPHES = /['’‘`ʼ.]/g;
const DASHES = /[-‐‑‒–—]/g;
const SPACES = /\s+/g;
const ASCII_PLAIN = /^[a-z0-9 ]*$/;
const DOTLESS_I = /ı/g;
/**
 * Words of letters that normalisation leaves alone or maps one for one (ASCII letters and digits,
 * Cyrillic а-я ё і ї є ґ, Arabic letters without marks), separated by one space: "ё" folds to "е",
 * "آ" "أ" "إ" to "ا", "ؤ" to "و", "ئ" and "ى" to "ي" (their hamza and madda are the marks dropped).
 */
const PLAIN_LETTERS = /^[a-z0-9\u0430-\u044f\u0451\u0454\u0456\u0457\u0491\u0621-\u063a\u0641-\u064a]+(?: [a-z0-9\u0430-\u044f\u0451\u0454\u0456\u0457\u0491\u0621-\u063a\u0641-\u064a]+)*$/;
const ONE_FOR_ONE = /[\u0451\u0622-\u0626\u0649]/;
const ONE_FOR_ONE_ALL = /[\u0451\u0622-\u0626\u0649]/g;
const FOLDED_LETTER: Readonly<Record<string, string>> = { 'ё': 'е', 'آ': 'ا', 'أ': 'ا', 'ؤ': 'و', 'إ': 'ا', 'ئ': 'ي', 'ى': 'ي' };
const oneForOne = (c: string) => FOLDED_LETTER[c];

/**
 * Folded form of a name for lookup. Periods go so "St." meets "St" and "U.S." meets "US";
 * apostrophes go because transliterations put them anywhere ("Donets'k", "Khar’kov"). Marks go
 * only where they are optional (on Latin letters, Arabic vowel signs): in other scripts they
 * make letters ("й" is no "и", Devanagari vowel signs), so the name keeps them, recomposed.
 */
export function foldName(s: string): string {
  const lower = s.toLowerCase();
  if (ASCII_PLAIN.test(lower)) return lower;
  // most Cyrillic and Arabic words need no normalisation: their letters fold to themselves or one for one
  if (PLAIN_LETTERS.test(lower)) return ONE_FOR_ONE.test(lower) ? lower.replace(ONE_FOR_ONE_ALL, oneForOne) : lower;
  return asciiFold(lower) ?? foldNormalised(lower);
}

/**
 * `foldNormalised` of a lower-cased ASCII name ("st. louis", "ivano-frankivsk", "o'brien"), by one
 * loop: normalisation leaves ASCII alone, so what is left is dropping apostrophes, backticks and
 * periods, making dashes and runs of white space one space, and trimming. Null when a character
 * is not ASCII.
 */
function asciiFold(lower: string): string | null {
  let out = '';
  // a space is owed before the next character kept (none at the start: trimmed)
  let space = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c > 127) return null;
    if (c === 39 || c === 96 || c === 46) continue;
    if (c === 45 || c === 32 || (c >= 9 && c <= 13)) {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += lower[i];
  }
  return out;
}

/** foldName of a lower-cased name by Unicode normalisation, the way every name not of PLAIN_LETTERS goes (exported for the test). */
export function foldNormalised(lower: string): string {
  return lower
    .normalize('NFD')
    .replace(LATIN_MARKS, '$1')
    .replace(ARABIC_MARKS, '')
    .replace(CYRILLIC_YO, 'е')
    .replace(ARABIC_YA, 'ي')
    .replace(TATWEEL, '')
    .replace(APOSTROPHES, '')
    .replace(DASHES, ' ')
    .replace(SPACES, ' ')
    .replace(DOTLESS_I, 'i')
    .normalize('NFC')
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

/** Slots in the table of longest names per first word (a collision only keeps a longer span looked up). */
const FIRST_WORD_SLOTS = 1 << 20;
function firstWordKey(hash: number): number {
  return hash & (FIRST_WORD_SLOTS - 1);
}

/** The second hash, mixed from the first (odd, so the probes of one name differ). */
function stepOf(h: number): number {
  let x = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  x ^= x >>> 13;
  return (x | 1) >>> 0;
}

/** The filter of `count` names (or about as many), set as they stream by: an import's millions are never held at once. */
export function buildNameFilter(names: Iterable<string>, count: number): NameFilter {
  let size = 1024;
  while (size < count * FILTER_BITS_PER_NAME) size *= 2;
  const filter: NameFilter = { bits: new Uint32Array(size / 32), mask: size - 1 };
  for (const name of names) {
    const a = nameHash(name);
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

/** Byte offsets as a file: little-endian 32-bit words. */
function u32File(values: ArrayLike<number>): Buffer {
  const b = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) b.writeUInt32LE(values[i], i * 4);
  return b;
}

function readU32(path: string): Uint32Array {
  const b = readFileSync(path);
  // read in place where the machine is little-endian (all Node targets), copied when not aligned to 4 bytes
  const words = b.byteOffset % 4 === 0 ? new Uint32Array(b.buffer, b.byteOffset, b.length >>> 2) : new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  if (!LITTLE_ENDIAN) for (let i = 0; i < words.length; i++) words[i] = b.readUInt32LE(i * 4);
  return words;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Bytes read at a time by `PagedFile`: a name's block and its neighbours in the sorted file. */
const PAGE_BITS = 13;
const PAGE = 1 << PAGE_BITS;

/** Closes a paged file when it is collected with its gazetteer (a test may load several). */
const closeWhenCollected = new FinalizationRegistry<number>((fd) => closeSync(fd));

/**
 * A file read a page at a time as lookups reach it, the pages kept. The names and entries (50 MB)
 * were read whole at start-up, ~0.1 s of every command that extracts and of every extraction
 * thread, for the few hundred names a document looks up; a binary search touches ~20 pages, the
 * first ones shared by all. The file must not be rewritten in place while open: the build renames
 * new files over the old ones (see `writeAtomically`), so an open gazetteer keeps reading its own.
 */
class PagedFile {
  private readonly pages = new Map<number, Buffer>();
  readonly size: number;

  constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
    closeWhenCollected.register(this, fd);
  }

  static open(path: string): PagedFile {
    return new PagedFile(openSync(path, 'r'));
  }

  private page(p: number): Buffer {
    let b = this.pages.get(p);
    if (!b) {
      b = Buffer.allocUnsafe(Math.min(PAGE, this.size - p * PAGE));
      readSync(this.fd, b, 0, b.length, p * PAGE);
      this.pages.set(p, b);
    }
    return b;
  }

  /** Bytes [start, end): a view when they lie in one page, a copy when they cross pages. */
  bytes(start: number, end: number): Buffer {
    const first = start >>> PAGE_BITS;
    const last = Math.max(start, end - 1) >>> PAGE_BITS;
    if (first === last) return this.page(first).subarray(start - first * PAGE, end - first * PAGE);
    const parts: Buffer[] = [];
    for (let p = first; p <= last; p++) parts.push(this.page(p).subarray(p === first ? start - p * PAGE : 0, p === last ? end - p * PAGE : PAGE));
    return Buffer.concat(parts);
  }

  /**
   * `key` against bytes [start, end) in byte order, as `Buffer.compare` (-1, 0, 1), read in place: a
   * lookup's bisection compares ~20 names, and a view and a native call for each was most of a
   * first lookup's cost.
   */
  compare(key: Uint8Array, start: number, end: number): number {
    const m = key.length;
    const lim = Math.min(m, end - start);
    let i = 0;
    while (i < lim) {
      const at = start + i;
      const p = at >>> PAGE_BITS;
      const page = this.page(p);
      let off = at - p * PAGE;
      const stop = Math.min(lim, i + page.length - off);
      for (; i < stop; i++, off++) {
        const d = key[i] - page[off];
        if (d !== 0) return d < 0 ? -1 : 1;
      }
    }
    return m === end - start ? 0 : m < end - start ? -1 : 1;
  }

  /** The little-endian 32-bit word at `i` (the file as an array of them). */
  u32(i: number): number {
    const at = i * 4;
    const p = at >>> PAGE_BITS;
    // pages are a multiple of 4 bytes, so a word never crosses one
    return this.page(p).readUInt32LE(at - p * PAGE);
  }

  /** Bytes [start, end) read now and not kept (a line parsed once and cached by its reader). */
  read(start: number, end: number): Buffer {
    const b = Buffer.allocUnsafe(end - start);
    readSync(this.fd, b, 0, b.length, start);
    return b;
  }
}

/** Writes a file under a temporary name and renames it into place: a running process reading the old one (see `PagedFile`) keeps it. */
function writeAtomically(path: string, data: string | Uint8Array): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}

/** UTF-16 order, the order `SortedLines` searches in. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Write meta.json and its three large tables as sorted lines: 47k district names, 38k English
 * words and 8k first names parsed from JSON into maps took ~0.1 s of every command's start-up;
 * as lines they are read as one string each and searched in place.
 */
export function writeGazetteerMeta(dir: string, meta: GazetteerMeta): void {
  const { admin2, words, firstNames, ...rest } = meta;
  const admin2Keys = Object.keys(admin2).sort(byCodeUnits);
  writeFileSync(join(dir, GAZETTEER_FILES.admin2), admin2Keys.map((k) => `${k}\t${admin2[k]}\n`).join(''));
  writeFileSync(join(dir, GAZETTEER_FILES.words), [...new Set(words)].sort(byCodeUnits).map((w) => `${w}\n`).join(''));
  writeFileSync(join(dir, GAZETTEER_FILES.firstNames), [...new Set(firstNames)].sort(byCodeUnits).map((w) => `${w}\n`).join(''));
  writeFileSync(join(dir, GAZETTEER_FILES.meta), JSON.stringify(rest));
}

/**
 * Lines sorted by their key (the text before a tab, else the whole line), searched by bisection in
 * the one string they came in: loading scans for line ends only, a lookup allocates nothing but
 * the value it returns.
 */
export class SortedLines {
  /** Per line: start of the key, end of the key, end of the line. */
  private readonly at: Uint32Array;
  readonly size: number;

  constructor(private readonly text: string) {
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    if (text.length && !text.endsWith('\n')) n++;
    this.at = new Uint32Array(3 * n);
    let start = 0;
    // the next tab at or after the line's start (-1: none left), so a file without tabs is scanned once
    let tab = text.indexOf('\t');
    for (let k = 0; k < n; k++) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (tab >= 0 && tab < start) tab = text.indexOf('\t', start);
      this.at[3 * k] = start;
      this.at[3 * k + 1] = tab >= 0 && tab < end ? tab : end;
      this.at[3 * k + 2] = end;
      start = end + 1;
    }
    this.size = n;
  }

  /** The line of `key`, or -1. */
  private find(key: string): number {
    const { text, at } = this;
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const a = at[3 * mid];
      const len = at[3 * mid + 1] - a;
      const n = len < key.length ? len : key.length;
      let c = 0;
      for (let i = 0; i < n && c === 0; i++) c = key.charCodeAt(i) - text.charCodeAt(a + i);
      if (c === 0) c = key.length - len;
      if (c === 0) return mid;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  has(key: string): boolean {
    return this.find(key) >= 0;
  }

  /** The text after the key's tab, or null when the key is absent. */
  get(key: string): string | null {
    const k = this.find(key);
    return k < 0 ? null : this.text.slice(this.at[3 * k + 1] + 1, this.at[3 * k + 2]);
  }
}

/** meta.json's districts (a gazetteer built before the tables were split out) as the lines of admin2.tsv. */
const adminLines = (o: Record<string, string>) => Object.keys(o).map((k) => `${k}\t${o[k]}`);

/** A table of the built index, or (a gazetteer built before the tables were split out) the same lines made from meta.json's field. */
function tableOf(dir: string, file: string, old: readonly string[] | undefined): SortedLines {
  const path = join(dir, file);
  return new SortedLines(existsSync(path) ? readFileSync(path, 'utf8') : [...(old ?? [])].sort(byCodeUnits).join('\n'));
}

/**
 * Write entries.tsv and its index: `lines[i]` is entry i's line (9 tab-separated fields) and
 * `keys[i]` its folded names. Returns the most words of any name (for meta.json).
 */
export function writeGazetteerIndex(dir: string, lines: readonly string[], keys: readonly (readonly string[])[]): number {
  const entryText = lines.map((l, i) => `${l}\t${keys[i].join('|')}\n`).join('');
  const entryOffsets: number[] = [];
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    entryOffsets.push(at);
    at += Buffer.byteLength(lines[i]) + 1 + Buffer.byteLength(keys[i].join('|')) + 1;
  }
  entryOffsets.push(at);
  const byName = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i++) {
    for (const k of keys[i]) {
      const list = byName.get(k);
      if (list) list.push(i);
      else byName.set(k, [i]);
    }
  }
  const sorted = [...byName.keys()].map((k) => Buffer.from(k)).sort(Buffer.compare);
  const parts: Buffer[] = [];
  const nameOffsets: number[] = [];
  let pos = 0;
  let maxTokens = 1;
  const firstWords = new Uint8Array(FIRST_WORD_SLOTS);
  for (const kb of sorted) {
    const k = kb.toString();
    const line = Buffer.from(`\t${byName.get(k)!.join(',')}\n`);
    nameOffsets.push(pos, pos + kb.length);
    parts.push(kb, line);
    pos += kb.length + line.length;
    const tokens = k.split(' ').length;
    if (tokens > maxTokens) maxTokens = tokens;
    if (tokens > 1) {
      const slot = firstWordKey(nameHash(k.slice(0, k.indexOf(' '))));
      firstWords[slot] = Math.max(firstWords[slot], Math.min(tokens, 255));
    }
  }
  nameOffsets.push(pos, pos);
  const filter = buildNameFilter(byName.keys(), byName.size);
  const ids: [number, number][] = [];
  const variantLines: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const f = lines[i].split('\t');
    if (f[0]) ids.push([Number(f[0]), i]);
    if (precisionOf(f[8]) === 'place' || f[8] === 'ADM2') variantLines.push(`${f[2]}\t${foldName(f[1])}\t${i}`);
  }
  ids.sort((a, b) => a[0] - b[0]);
  variantLines.sort();
  writeFileSync(join(dir, GAZETTEER_FILES.ids), u32File(ids.flat()));
  writeFileSync(join(dir, GAZETTEER_FILES.variants), variantLines.join('\n') + '\n');
  writeAtomically(join(dir, GAZETTEER_FILES.entries), entryText);
  writeFileSync(join(dir, GAZETTEER_FILES.entryOffsets), u32File(entryOffsets));
  writeAtomically(join(dir, GAZETTEER_FILES.names), Buffer.concat(parts));
  writeAtomically(join(dir, GAZETTEER_FILES.nameOffsets), u32File(nameOffsets));
  writeFileSync(join(dir, GAZETTEER_FILES.filter), u32File(filter.bits));
  writeFileSync(join(dir, GAZETTEER_FILES.firstWords), firstWords);
  return maxTokens;
}

/** Entry of one entries.tsv line, or null when it has no point (a place has both coordinates or none). */
function parseEntry(line: string, index: number): GazetteerEntry | null {
  const f = line.split('\t');
  const lat = Number(f[5]);
  const lon = Number(f[6]);
  if (f[5] === '' || f[6] === '' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  const code = f[8];
  return {
    index,
    geonameid: f[0] === '' ? null : Number(f[0]),
    name: f[1],
    folded: foldName(f[1]),
    country: f[2],
    admin1Code: f[3],
    admin2Code: f[4],
    lat,
    lon,
    population: Number(f[7]),
    code,
    precision: precisionOf(code),
  };
}

/** A place imported from a GeoNames dump (see store/gazetteer-import.ts). */
export interface ImportedPlace {
  geonameid: number;
  name: string;
  country: string;
  admin1: string;
  admin2: string;
  lat: number;
  lon: number;
  population: number;
  /** GeoNames feature code (PPL, PPLA2, ADM2, ADM3, …). */
  code: string;
}

/**
 * Places added beside the bundled data (`sitrep gazetteer import`): the gazetteer looks their
 * names up after the bundled ones. A hit without a place is an alternate name of a bundled entry.
 */
export interface ExtraPlaces {
  filter: NameFilter;
  /** Most words of a name per first word, in the same slots as the bundled table. */
  firstWords: Uint8Array;
  maxNameTokens: number;
  find(folded: string): readonly { geonameid: number; place: ImportedPlace | null }[];
  /** Name of an imported second-order unit. */
  admin2Name(country: string, admin1: string, admin2: string): string | null;
  /** Own names of a country's imported places and units, for spelling variants. */
  namesIn(country: string): Iterable<string>;
}

/** Table of the most words of a name per first word, for `ExtraPlaces.firstWords`. */
export function firstWordTable(names: Iterable<string>): { table: Uint8Array; maxTokens: number } {
  const table = new Uint8Array(FIRST_WORD_SLOTS);
  let maxTokens = 1;
  for (const k of names) {
    const sp = k.indexOf(' ');
    if (sp < 0) continue;
    const tokens = k.split(' ').length;
    if (tokens > maxTokens) maxTokens = tokens;
    const slot = firstWordKey(nameHash(k.slice(0, sp)));
    table[slot] = Math.max(table[slot], Math.min(tokens, 255));
  }
  return { table, maxTokens };
}

/** What the bundled index gives: names to entries, read from the files on demand. */
interface BundledIndex {
  count: number;
  filter: NameFilter;
  firstWords: Uint8Array;
  /**
   * The most tokens of a several-word name whose first word is `first`, exactly, for a first word of
   * Arabic-block letters alone (U+0600-U+06FF, no space), else null (`firstWords` then): the hashed
   * table answers one probe in ten falsely there, and each false answer sends a word's forms through
   * runs of two and three words (lang/places.ts).
   */
  arabicFirstWord(first: string): number | null;
  /** Entries of a folded name (after the filter let it through). */
  find(folded: string): readonly GazetteerEntry[];
  entry(index: number): GazetteerEntry | null;
  /** The entry of a GeoNames id, if the bundled data has it. */
  byGeonameid(id: number): GazetteerEntry | null;
  /** The folded own names of a country's places and districts opening with `letter` (a-z), in file order, for spelling variants. */
  namesIn(country: string, letter: string): string[];
}

function openIndex(dir: string): BundledIndex {
  // names, their offsets and the entries are paged in as lookups reach them (see PagedFile)
  const entriesText = PagedFile.open(join(dir, GAZETTEER_FILES.entries));
  const entryOffsets = readU32(join(dir, GAZETTEER_FILES.entryOffsets));
  const names = PagedFile.open(join(dir, GAZETTEER_FILES.names));
  const nameOffsets = PagedFile.open(join(dir, GAZETTEER_FILES.nameOffsets));
  const bits = readU32(join(dir, GAZETTEER_FILES.filter));
  const firstWords = new Uint8Array(readFileSync(join(dir, GAZETTEER_FILES.firstWords)));
  const count = entryOffsets.length - 1;
  const nameCount = nameOffsets.size / 8 - 1;
  // parsed once each, so that one entry is one object (the places stage compares them)
  const parsed = new Map<number, GazetteerEntry | null>();
  const found = new Map<string, readonly GazetteerEntry[]>();
  const none: readonly GazetteerEntry[] = Object.freeze([]);
  const entry = (i: number): GazetteerEntry | null => {
    let e = parsed.get(i);
    if (e === undefined) {
      const line = entriesText.read(entryOffsets[i], entryOffsets[i + 1] - 1).toString('utf8');
      e = parseEntry(line, i);
      parsed.set(i, e);
    }
    return e;
  };
  const find = (folded: string): readonly GazetteerEntry[] => {
    const hit = found.get(folded);
    if (hit) return hit;
    const key = Buffer.from(folded);
    let lo = 0;
    let hi = nameCount - 1;
    let result = none;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = names.compare(key, nameOffsets.u32(2 * mid), nameOffsets.u32(2 * mid + 1));
      if (c === 0) {
        const list = names.bytes(nameOffsets.u32(2 * mid + 1) + 1, nameOffsets.u32(2 * mid + 2) - 1).toString('latin1').split(',');
        const out: GazetteerEntry[] = [];
        for (const s of list) {
          const e = entry(Number(s));
          if (e) out.push(e);
        }
        result = Object.freeze(out);
        break;
      }
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    found.set(folded, result);
    return result;
  };
  const ids = readU32(join(dir, GAZETTEER_FILES.ids));
  const byGeonameid = (id: number) => {
    let lo = 0;
    let hi = ids.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[2 * mid];
      if (v === id) return entry(ids[2 * mid + 1]);
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  };
  // a country's names for spelling variants, those of one first letter: the file is sorted as whole
  // lines, so they follow one another, and two bisections find them. Splitting a country's whole
  // block (38,000 lines for the US) cost ~20 ms at its first variant query, most of a new
  // document's variant lookups; a letter's lines are a few hundred.
  let variantText: string | null = null;
  const namesIn = (cc: string, letter: string): string[] => {
    const text = (variantText ??= readFileSync(join(dir, GAZETTEER_FILES.variants), 'utf8'));
    const prefix = `${cc}\t${letter}`;
    const end = linesFrom(text, `${cc}\t${String.fromCharCode(letter.charCodeAt(0) + 1)}`);
    const out: string[] = [];
    for (let pos = linesFrom(text, prefix); pos < end; ) {
      const nl = text.indexOf('\n', pos);
      const lineEnd = nl < 0 ? text.length : nl;
      out.push(text.slice(pos + cc.length + 1, text.indexOf('\t', pos + cc.length + 1)));
      pos = lineEnd + 1;
    }
    return out;
  };
  // the several-word names opening with an Arabic-block letter: their keys sort together (UTF-8 D8 80 to
  // DB BF), ~40k lines and 1.1 MB of names.tsv, read the first time an Arabic word is asked (~10 ms)
  let arabicFirst: Map<string, number> | null = null;
  const arabicFirstWord = (first: string): number | null => {
    for (let i = 0; i < first.length; i++) {
      const c = first.charCodeAt(i);
      if (c < 0x600 || c > 0x6ff) return null;
    }
    if (first.length === 0) return null;
    arabicFirst ??= firstWordsBetween(names, nameOffsets, nameCount, Buffer.from([0xd8, 0x80]), Buffer.from([0xdc]));
    return arabicFirst.get(first) ?? 0;
  };
  return { count, filter: { bits, mask: bits.length * 32 - 1 }, firstWords, arabicFirstWord, find, entry, byGeonameid, namesIn };
}

/**
 * Start of the first line of `text` (lines sorted in UTF-16 order, each ending in a newline) that is
 * not before `prefix`, or the text's length: the lines opening with `prefix` start there.
 */
export function linesFrom(text: string, prefix: string): number {
  // lo is always a line's start; the answer lies in [lo, hi]
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : text.lastIndexOf('\n', mid - 1) + 1;
    const nl = text.indexOf('\n', mid);
    const end = nl < 0 ? text.length : nl;
    if (text.slice(start, Math.min(end, start + prefix.length)) < prefix) lo = end + 1 > text.length ? text.length : end + 1;
    else hi = start;
  }
  return lo;
}

/**
 * The most tokens per first word of the several-word names in [from, to) (byte order, as names.tsv
 * sorts), each counted as the build counts it for `firstWords` (`split(' ')`, up to 255 tokens).
 */
function firstWordsBetween(names: PagedFile, nameOffsets: PagedFile, nameCount: number, from: Buffer, to: Buffer): Map<string, number> {
  const lowerBound = (key: Buffer): number => {
    let lo = 0;
    let hi = nameCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (key.compare(names.bytes(nameOffsets.u32(2 * mid), nameOffsets.u32(2 * mid + 1))) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const first = lowerBound(from);
  const end = lowerBound(to);
  const out = new Map<string, number>();
  if (first >= end) return out;
  const text = names.read(nameOffsets.u32(2 * first), nameOffsets.u32(2 * end)).toString('utf8');
  // line by line, a name's tokens counted by its spaces (what `split(' ').length` gives), no arrays
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    const tab = text.indexOf('\t', at);
    const keyEnd = tab >= 0 && tab < lineEnd ? tab : lineEnd;
    const space = text.indexOf(' ', at);
    if (space >= 0 && space < keyEnd) {
      let tokens = 2;
      for (let i = text.indexOf(' ', space + 1); i >= 0 && i < keyEnd; i = text.indexOf(' ', i + 1)) tokens++;
      const word = text.slice(at, space);
      out.set(word, Math.max(out.get(word) ?? 0, Math.min(tokens, 255)));
    }
    at = lineEnd + 1;
  }
  return out;
}

/** GeoNames ids of the bundled entries (an import keeps alternate names of these). */
export function bundledGeonameids(dir: string = defaultDir()): Set<number> {
  const pairs = readU32(join(dir, GAZETTEER_FILES.ids));
  const ids = new Set<number>();
  for (let i = 0; i < pairs.length; i += 2) ids.add(pairs[i]);
  return ids;
}

/** What `sitrep gazetteer` says of the bundled data. */
export function bundledStats(dir: string = defaultDir()): { entries: number; names: number; countries: number; regions: number; counties: number } {
  const meta = JSON.parse(readFileSync(join(dir, GAZETTEER_FILES.meta), 'utf8')) as Partial<GazetteerMeta> & Pick<GazetteerMeta, 'countries' | 'admin1'>;
  return {
    entries: readFileSync(join(dir, GAZETTEER_FILES.entryOffsets)).length / 4 - 1,
    names: readFileSync(join(dir, GAZETTEER_FILES.nameOffsets)).length / 8 - 1,
    countries: meta.countries.length,
    regions: Object.keys(meta.admin1).length,
    counties: tableOf(dir, GAZETTEER_FILES.admin2, meta.admin2 && adminLines(meta.admin2)).size,
  };
}

/** Most words a gazetteer's word memo keeps before it starts again. */
const WORD_MEMO_SIZE = 50_000;

/** `answer(word)`, remembered in `memo` (`answer` made once, not per call). */
function remembered<V>(memo: Map<string, V>, word: string, answer: (word: string) => V): V {
  let v = memo.get(word);
  if (v === undefined) {
    if (memo.size >= WORD_MEMO_SIZE) memo.clear();
    memo.set(word, (v = answer(word)));
  }
  return v;
}

/**
 * Load the gazetteer built by `npm run build:gazetteer`. Throws with a hint when it is missing:
 * that is a broken install, not bad input. Loading reads the built index (tens of milliseconds);
 * entries are parsed when first looked up.
 */
export function loadGazetteer(dir: string = defaultDir(), extra: ExtraPlaces | null = null): PlaceGazetteer {
  let meta: Partial<GazetteerMeta> & Omit<GazetteerMeta, 'admin2' | 'words' | 'firstNames'>;
  let index: BundledIndex;
  let admin2: SortedLines;
  let words: SortedLines;
  let firstNames: SortedLines;
  try {
    meta = JSON.parse(readFileSync(join(dir, GAZETTEER_FILES.meta), 'utf8')) as typeof meta;
    index = openIndex(dir);
    admin2 = tableOf(dir, GAZETTEER_FILES.admin2, meta.admin2 && adminLines(meta.admin2));
    words = tableOf(dir, GAZETTEER_FILES.words, meta.words);
    firstNames = tableOf(dir, GAZETTEER_FILES.firstNames, meta.firstNames);
  } catch (err) {
    throw new Error(`gazetteer not found in ${dir}: run \`npm run build:gazetteer\` (${(err as Error).message})`);
  }
  const none: readonly GazetteerEntry[] = Object.freeze([]);
  const maxNameTokens = Math.max(meta.maxNameTokens ?? 8, extra?.maxNameTokens ?? 1);
  const { filter, firstWords } = index;
  // imported places, made entries once each (after the bundled ones in the index order)
  const imported = new Map<number, GazetteerEntry>();
  const importedEntry = (id: number, p: ImportedPlace | null): GazetteerEntry | null => {
    const bundled = index.byGeonameid(id);
    if (bundled) return bundled;
    if (!p) return null;
    // a district the bundled data has under the same codes is that one, not a second reading
    if (p.code === 'ADM2') {
      const known = admin2.get(`${p.country}.${p.admin1}.${p.admin2}`);
      const same = known ? index.find(foldName(known)).find((e) => e.code === 'ADM2' && e.country === p.country && e.admin1Code === p.admin1 && e.admin2Code === p.admin2) : undefined;
      if (same) return same;
    }
    let e = imported.get(id);
    if (!e) {
      e = {
        index: index.count + imported.size, geonameid: id, name: p.name, folded: foldName(p.name), country: p.country, admin1Code: p.admin1,
        admin2Code: p.admin2, lat: p.lat, lon: p.lon, population: p.population, code: p.code, precision: precisionOf(p.code),
      };
      imported.set(id, e);
    }
    return e;
  };
  const merged = new Map<string, readonly GazetteerEntry[]>();
  const lookup = (folded: string): readonly GazetteerEntry[] => {
    const own = mayHaveName(filter, folded) ? index.find(folded) : none;
    if (!extra || !mayHaveName(extra.filter, folded)) return own;
    let hit = merged.get(folded);
    if (hit) return hit;
    const out = [...own];
    for (const { geonameid, place } of extra.find(folded)) {
      const e = importedEntry(geonameid, place);
      if (e && !out.includes(e)) out.push(e);
    }
    hit = out.length === own.length ? own : Object.freeze(out);
    merged.set(folded, hit);
    return hit;
  };
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
  const common = new Map(Object.entries(meta.common));
  const admin2Name = (cc: string, a1: string, a2: string): string | null =>
    admin2.get(`${cc}.${a1}.${a2}`) ?? (extra && a2 ? extra.admin2Name(cc, a1, a2) : null);

  // per country and first letter, its one-word names once each, in the order the names file gives
  // them and the imported ones after (read when a document first asks). A variant shares the first
  // letter, so a query reads one such list: an index of every name's one-letter deletions cost
  // ~0.1-0.3 s a country to build, more than all the queries a run of hundreds of documents makes.
  const variantNames = new Map<string, { key: string; pos: number }[]>();
  const importedNames = new Map<string, string[]>();
  const namesOf = (cc: string, letter: string): { key: string; pos: number }[] => {
    const at = `${cc}\t${letter}`;
    let bucket = variantNames.get(at);
    if (bucket) return bucket;
    const list: { key: string; pos: number }[] = [];
    const seen = new Set<string>();
    const add = (key: string) => {
      if (seen.has(key) || !VARIANT_WORD.test(key)) return;
      list.push({ key, pos: seen.size });
      seen.add(key);
    };
    for (const key of index.namesIn(cc, letter)) add(key);
    if (extra) {
      let folded = importedNames.get(cc);
      if (!folded) importedNames.set(cc, (folded = Array.from(extra.namesIn(cc), foldName)));
      for (const key of folded) if (key[0] === letter) add(key);
    }
    variantNames.set(at, list);
    return list;
  };
  /**
   * The names of a country one edit from `folded`, in the order a deletion index gives them (the
   * order of `folded`'s deletions they share, then the names file's): the readings, and so the
   * places, come out as they did when this was such an index.
   */
  const variantKeys = (folded: string, cc: string): string[] => {
    const rank = new Map<string, number>();
    deletions(folded).forEach((d, j) => {
      if (!rank.has(d)) rank.set(d, j);
    });
    const found: { key: string; pos: number; j: number }[] = [];
    for (const { key, pos } of namesOf(cc, folded[0])) {
      if (key === folded || Math.abs(key.length - folded.length) > 1 || !withinOneEdit(key, folded)) continue;
      let j = Number.MAX_SAFE_INTEGER;
      for (const d of deletions(key)) j = Math.min(j, rank.get(d) ?? j);
      found.push({ key, pos, j });
    }
    return found.sort((a, b) => a.j - b.j || a.pos - b.pos).map((f) => f.key);
  };
  const variants = (folded: string, ccs: ReadonlySet<string>): readonly GazetteerEntry[] => {
    if (!VARIANT_WORD.test(folded)) return none;
    const out: GazetteerEntry[] = [];
    for (const cc of ccs) {
      for (const k of variantKeys(folded, cc)) {
        for (const e of lookup(k)) {
          if (e.country === cc && (e.precision === 'place' || e.precision === 'admin2') && e.folded === k && !out.includes(e)) out.push(e);
        }
      }
    }
    return out;
  };

  // an entry's region and district names, found once each (the district's by bisecting a table):
  // a document resolves its places again and again, and the scene stage their other readings
  const adminNames = new Map<GazetteerEntry, { admin1: string | null; admin2: string | null }>();
  const adminNamesOf = (e: GazetteerEntry): { admin1: string | null; admin2: string | null } => {
    let names = adminNames.get(e);
    if (!names) {
      names = {
        admin1: e.precision === 'country' ? null : e.precision === 'admin1' ? e.name : admin1.get(`${e.country}.${e.admin1Code}`) ?? null,
        admin2: e.precision === 'place' ? admin2Name(e.country, e.admin1Code, e.admin2Code) : null,
      };
      adminNames.set(e, names);
    }
    return names;
  };

  // answers to the word tables, by word: a table's bisection compares ~16 strings, and the places
  // stage asks the same few hundred words document after document (cleared when full)
  const firstNameMemo = new Map<string, boolean>();
  const englishMemo = new Map<string, boolean>();
  const demonymMemo = new Map<string, string | null>();
  const isFirstName = (w: string) => firstNames.has(w);
  const isEnglishWord = (w: string) => words.has(w);
  // by the word as written: the places stage asks of every capitalised token, and folding it costs more than the look-up
  const demonymOf = (w: string) => demonyms.get(foldName(w)) ?? null;
  const gazetteer: PlaceGazetteer = {
    maxNameTokens,
    variants,
    nameTokensFrom: (first) => {
      const slot = firstWordKey(nameHash(first));
      let own = firstWords[slot];
      // the hashed table is never below the exact count: where it says some name opens with an Arabic
      // word, the exact table tells whether one does (one answer in ten was false: a word opening no name)
      if (own > 0) own = index.arabicFirstWord(first) ?? own;
      return extra ? Math.max(own, extra.firstWords[slot]) : own;
    },
    lookup,
    admin1Name: (cc, a1) => admin1.get(`${cc}.${a1}`) ?? null,
    admin2Name: (cc, a1, a2) => admin2Name(cc, a1, a2),
    // an imported hamlet may be named by an English word the bundled names lack ("Police"):
    // it counts as a known word, as the bundled ones do
    commonWord: (folded) => common.get(folded) ?? (extra && words.has(folded) && mayHaveName(extra.filter, folded) ? 3 : 0),
    firstName: (folded) => remembered(firstNameMemo, folded, isFirstName),
    englishWord: (lower) => remembered(englishMemo, lower, isEnglishWord),
    demonymCountry: (word) => remembered(demonymMemo, word, demonymOf),
    country: (code) => countries.get(code.toUpperCase()) ?? null,
    resolved: (e) => {
      const names = adminNamesOf(e);
      return {
        name: e.name,
        country: e.country,
        admin1: names.admin1,
        admin2: names.admin2,
        lat: e.lat,
        lon: e.lon,
        geonameid: e.geonameid,
        precision: e.precision,
        population: e.population,
      };
    },
  };
  return Object.freeze(gazetteer);
}
