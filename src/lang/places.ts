/**
 * Place names for languages with a lexicon, in their own script and inflected forms: "Донецка",
 * "у Києві", "بإدلب", "والرقة". The gazetteer keeps, for every Cyrillic and Arabic name, its
 * folded form and the stem of each word under the language's Snowball stemmer (`nativeKeys`); a
 * word of the text is looked up by its folded form, its stem, and (Arabic) each form without its
 * proclitics. So "Харькова" (stem "харьков") meets "Харьков", and "Києві" (stem "києв") meets
 * "Київ" (its stem under the і/о alternation of Ukrainian nouns, "Київ" → "києв").
 *
 * Cyrillic names start with a capital; Arabic has none, so there every word is tried and only
 * towns of some size, regions and countries are taken, function words never. A region adjective
 * before "области"/"області" ("Донецкой области") is the region of the city it is named for.
 * Limits: no reading of what a name is (a surname that is also a town is taken unless a second
 * capitalised word follows it); no scene choice (the report builder reads the preposition).
 */
import type { PlaceAnnotation, ResolvedPlace } from '../model/index.js';
import { foldName, type GazetteerEntry, type PlaceGazetteer } from '../extract/gazetteer.js';
import type { Lexicon } from './index.js';
import { formsOf } from './casualties.js';
import { plainFold } from './fold.js';
import { capitalised, tokenize, type Token } from './tokens.js';
import { MIN_ROMAN_SKELETON, openingOfLetters, romanOpening, romanSkeleton, skeletonOfLetters } from './skeleton.js';
import { latinLetters } from './translit.js';

const MAX_TOKENS = 3;
/**
 * Countries whose towns Russian and Ukrainian text names by their own Cyrillic names. A town
 * elsewhere has a Cyrillic name in GeoNames mostly because it is a surname or a first name too
 * ("Джонсон" Johnson City, "Дэвис" Davis): there a name must be a city of FOREIGN_MIN_POPULATION.
 */
const CYRILLIC_WORLD = new Set(['RU', 'UA', 'BY', 'KZ', 'KG', 'TJ', 'UZ', 'TM', 'MD', 'GE', 'AM', 'AZ', 'BG', 'RS', 'MK', 'MN', 'ME', 'BA', 'LV', 'LT', 'EE']);
const FOREIGN_MIN_POPULATION = 30_000;
const ALL_CAPS = /^[\p{Lu}\d-]+$/u;
/** Arabic words carry no capital: a lone word is a place only if the place is this big (or a region or country). */
const ARABIC_MIN_POPULATION = 1000;
/** A capitalised word opening a sentence may be any word: only towns this big. */
const OPENING_MIN_POPULATION = 20000;
const CYRILLIC = /[\u0400-\u04ff]/;
const ARABIC = /[\u0600-\u06ff]/;

/** Ukrainian nouns in -ів/-їв take -ов-/-єв- when inflected (Харків → Харкова, Київ → Києва). */
function ukrainianAlternation(lower: string): string | null {
  if (lower.endsWith('їв')) return lower.slice(0, -2) + 'єв';
  if (lower.endsWith('ів')) return lower.slice(0, -2) + 'ов';
  return null;
}

/**
 * The lookup keys of a name in Cyrillic or Arabic script, beyond its folded form: `=ru:`, `=uk:`
 * or `=ar:` and the stems of its words. Called by the gazetteer build for every such name.
 */
export function nativeKeys(name: string, stemmers: Readonly<Record<'ru' | 'uk' | 'ar', (w: string) => string>>, endings: Readonly<Record<'ru' | 'uk', readonly string[]>> = { ru: [], uk: [] }): string[] {
  const lower = name.toLowerCase().replace(/[’ʼ]/g, "'");
  if (lower.includes('-')) {
    // "Ростов-на-Дону" inflects its parts ("в Ростове-на-Дону"): each part by its stem
    const hyphenated = (stem: (w: string) => string) => lower.split(/\s+/).map((w) => w.split('-').map(stem).join('-'));
    const out: string[] = [];
    if (CYRILLIC.test(lower)) out.push(`=ru:${hyphenated(stemmers.ru).map(foldName).join(' ')}`, `=uk:${hyphenated(stemmers.uk).map(foldName).join(' ')}`);
    return out.filter((k) => k.length > 5);
  }
  const words = lower.split(/[\s]+/).filter(Boolean);
  if (!words.length) return [];
  const out: string[] = [];
  const key = (code: string, ws: string[]) => `=${code}:` + ws.map((w) => foldName(w)).join(' ');
  if (CYRILLIC.test(lower)) {
    out.push(key('ru', words.map((w) => stemmers.ru(w))));
    out.push(key('uk', words.map((w) => stemmers.uk(w))));
    // a one-word name also without its case ending ("беларусь" → "беларус"), for forms whose stem keeps more
    if (words.length === 1) for (const code of ['ru', 'uk'] as const) for (const e of endings[code]) if (words[0].length - e.length >= 3 && words[0].endsWith(e)) out.push(key(code, [words[0].slice(0, -e.length)]));
    const alt = ukrainianAlternation(words[words.length - 1]);
    if (alt) out.push(key('uk', [...words.slice(0, -1).map((w) => stemmers.uk(w)), stemmers.uk(alt)]), key('uk', [...words.slice(0, -1), alt]));
  } else if (ARABIC.test(lower)) {
    out.push(key('ar', words.map((w) => stemmers.ar(w))));
  }
  return out.filter((k) => k.length > 5);
}

/**
 * Entries for a run of words, by its folded form, by its stems under the language's key, and by
 * the stems as a plain name (the stem of an inflected form is often the name: "харькова" →
 * "харьков"). `stems` are the words' stems, computed once per word by the caller.
 */
function lookupWords(words: readonly string[], stems: readonly string[], lex: Lexicon, g: PlaceGazetteer, fold: (s: string) => string = foldName): readonly GazetteerEntry[] {
  const plain = fold(words.join(' '));
  let found = plain.length >= 3 ? g.lookup(plain) : [];
  if (found.length) return found;
  // Arabic names are looked up as written, with and without proclitics (the caller's variants):
  // Arabic stems meet too many names ("الروم" and "روما", "بيرو" and "بيروت")
  if (lex.script === 'Arabic') return [];
  if (words.length === 1) {
    // a case ending the stemmer left: "одеси" → "одес" (the stem of "Одеса"), "британії" → "британ"
    for (const base of bases(words[0], lex)) {
      found = g.lookup(`=${lex.code}:${fold(base)}`);
      if (found.length) return found;
    }
  }
  const stemmed = stems.map((w) => fold(w)).join(' ');
  // a Cyrillic stem of three letters is still a name's ("чехии" → "чех", as "Чехия"), and a short
  // name keeps two ("уфу" → "уф", as "Уфа")
  if (stemmed.length < (words[0].length >= 3 ? 2 : 3)) return [];
  found = g.lookup(`=${lex.code}:${stemmed}`);
  return found.length ? found : g.lookup(stemmed);
}

/** A word without each case ending it may carry, keeping three letters or more (in the order of `lex.caseEndings`). */
function bases(word: string, lex: Lexicon): string[] {
  const out: string[] = [];
  // only the endings that end in the word's last letter can fit: asked three times of every capitalised word
  const endings = endingsByLast(lex).get(word.charCodeAt(word.length - 1));
  if (endings) for (const e of endings) if (word.length - e.length >= 3 && word.endsWith(e)) out.push(word.slice(0, -e.length));
  return out;
}

const ENDINGS_BY_LAST = new WeakMap<Lexicon, Map<number, string[]>>();
/** A lexicon's case endings by the code of their last letter (no one-letter string made per word), each list in the lexicon's order (built once per lexicon). */
function endingsByLast(lex: Lexicon): Map<number, string[]> {
  let m = ENDINGS_BY_LAST.get(lex);
  if (!m) {
    m = new Map();
    for (const e of lex.caseEndings) {
      const last = e.charCodeAt(e.length - 1);
      const list = m.get(last);
      if (list) list.push(e);
      else m.set(last, [e]);
    }
    ENDINGS_BY_LAST.set(lex, m);
  }
  return m;
}

/** A region or country by the consonants of the word in Latin letters ("Калифорнии" → California), or null. */
function bySkeleton(lower: string, stem: string, lex: Lexicon, g: PlaceGazetteer, countries: ReadonlySet<string>, memo: WordMemo): ResolvedPlace | null {
  // the entries a word's skeleton meets, once per word and document (people's names come again and again and meet none)
  const entries = remembered(memo.skeletons, lower, () => skeletonEntries(lower, stem, lex, g), memo.limit);
  return entries ? g.resolved(choose(entries, countries)) : null;
}

function skeletonEntries(lower: string, stem: string, lex: Lexicon, g: PlaceGazetteer): readonly GazetteerEntry[] | null {
  // a Cyrillic word that is no first name ("Доминик" is no Dominica)
  if (!CYRILLIC.test(lower) || lex.firstNames.has(stem)) return null;
  // forms that differ in their vowels alone ("путин", "путина") have one skeleton and opening: looked up once
  // (the skeletons and openings tried, in pairs; a spelling is read from codes, cheaper than remembering it)
  let tried: string[] | null = null;
  for (const form of [stem, ...bases(lower, lex), lower]) {
    const { skeleton: sk, opening } = latinShape(form, lex);
    if (sk.length < MIN_ROMAN_SKELETON + 1) continue;
    if (tried && triedBefore(tried, sk, opening)) continue;
    (tried ??= []).push(sk, opening);
    // consonants alone are loose ("Министр" and Monastir): the word must open as the name does
    const found = g.lookup(`=sk:${sk}`);
    if (!found.length) continue;
    const entries = found.filter((e) => (e.precision === 'admin1' || e.precision === 'country') && romanOpening(e.name) === opening);
    if (entries.length) return entries;
  }
  return null;
}

/** Whether a skeleton and opening stand among the pairs tried. */
function triedBefore(tried: readonly string[], skeleton: string, opening: string): boolean {
  for (let k = 0; k < tried.length; k += 2) if (tried[k] === skeleton && tried[k + 1] === opening) return true;
  return false;
}

/**
 * The Latin skeleton and opening of a word as the lexicon spells it (`romanSkeleton`, `romanOpening`):
 * read from the transliterator's letter codes where its tables tell them (no spelled string, no
 * second reading of it), else from the spelling.
 */
function latinShape(form: string, lex: Lexicon): { skeleton: string; opening: string } {
  const codes = latinLetters(lex.transliterate, form);
  if (codes === null) {
    const spelled = lex.transliterate(form);
    return { skeleton: romanSkeleton(spelled), opening: romanOpening(spelled) };
  }
  // the opening first: the skeleton's reader rewrites the codes in place
  const opening = openingOfLetters(codes);
  return { skeleton: skeletonOfLetters(codes), opening };
}

/** The entry a name most likely means: a country or region before a town, then the countries the document names, then size. */
function choose(entries: readonly GazetteerEntry[], countries: ReadonlySet<string>): GazetteerEntry {
  let best = entries[0];
  let bestScore = -Infinity;
  for (const e of entries) {
    const score = Math.log10(e.population + 10) + (countries.has(e.country) ? 2 : 0) + (e.precision === 'country' ? 6 : e.precision === 'admin1' ? 3 : 0);
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

/** The region an entry lies in, as a place of admin1 precision. */
function regionOf(e: GazetteerEntry, g: PlaceGazetteer): ResolvedPlace | null {
  if (e.precision === 'admin1') return g.resolved(e);
  const name = g.admin1Name(e.country, e.admin1Code);
  if (!name) return null;
  const region = g.lookup(foldName(name)).find((r) => r.precision === 'admin1' && r.country === e.country);
  if (region) return g.resolved(region);
  const r = g.resolved(e);
  return { ...r, name, admin1: name, admin2: null, precision: 'admin1', geonameid: null };
}

/** A lexicon's own name ("сша" → US, "херсонщина" → Kherson region), as written or by its stems. */
function fromLexicon(words: readonly string[], stems: readonly string[], lex: Lexicon, g: PlaceGazetteer): ResolvedPlace | null {
  // Arabic stems meet other names ("الكرك" and "كركوك" share "كرك"): Arabic names as written only
  let to = lex.places.get(words.join(' ')) ?? (lex.script === 'Arabic' ? undefined : lex.places.get('~' + stems.join(' ')));
  if (!to && words.length === 1) for (const b of bases(words[0], lex)) if ((to = lex.places.get('~' + b))) break;
  return to ? lexiconPlace(to, g) : null;
}

/**
 * What an Arabic run of words (joined by spaces) names: `fromLexicon` and `lookupWords` as they
 * read Arabic (names as written, no stems, no case endings), without the arrays of words.
 */
function arabicRun(joined: string, lex: Lexicon, g: PlaceGazetteer, fold: (s: string) => string): Run {
  const to = lex.places.get(joined);
  const own = to ? lexiconPlace(to, g) : null;
  if (own) return { own, entries: NO_ENTRIES };
  if (lex.stopwords.has(joined)) return NO_RUN;
  const plain = fold(joined);
  const entries = plain.length >= 3 ? g.lookup(plain) : NO_ENTRIES;
  return entries.length ? { own: null, entries } : NO_RUN;
}

/** The place a lexicon's name stands for: a country by its code, else the gazetteer's region or town of that English name. */
function lexiconPlace(to: string, g: PlaceGazetteer): ResolvedPlace | null {
  if (/^[A-Z]{2}$/.test(to)) return g.country(to);
  const entries = g.lookup(foldName(to));
  if (!entries.length) return null;
  const region = entries.find((e) => e.precision === 'admin1');
  return g.resolved(region ?? choose(entries, new Set()));
}

interface Found {
  start: number;
  end: number;
  first: number;
  last: number;
  place: ResolvedPlace;
  clitic: boolean;
  /** Matched as written, not by a stem: only such a name may be a person's first name ("Владимир Путин", not "мэр Москвы Сергей Собянин"). */
  exact?: boolean;
  /** An adjective ("российских", "московского"): it qualifies the word after it and is no location of its own. */
  demonym?: boolean;
  /** Settled once the document is read (see settlePlaces): a site inside the document's town, or "the Kingdom". */
  settle?: 'within' | 'kingdom';
  /** Every entry the name may mean, when one is a country and another a big town elsewhere ("عمان": Oman, Amman). */
  entries?: readonly GazetteerEntry[];
}

/**
 * What the places of one document settle once all its sentences are read: a site named by its
 * kind ("مستشفى الروم", "شارع القصر العيني", "منطقة المنيل"), which the gazetteer does not hold,
 * lies in the town the document names; "المملكة" is the kingdom the document names (Saudi Arabia
 * when none); a name that is a country and a big town elsewhere ("عمان") is the town when the
 * document names the town's country and not that country.
 */
export interface DocumentPlaces {
  within: { annotation: PlaceAnnotation; entries: readonly GazetteerEntry[] }[];
  kingdom: PlaceAnnotation[];
  ambiguous: { annotation: PlaceAnnotation; entries: readonly GazetteerEntry[] }[];
  /** A word's stem, folded form and Latin skeleton, computed once per document: a report names its places and people again and again. */
  memo: WordMemo;
  /** The run's memos, where a sentence's tokens are shared with the casualty reader. */
  memos?: Map<string, object>;
}

/**
 * A document's places; with `shared` (the run's memo, `sharedPlaces`), a document reads the
 * readings earlier documents made of its words instead of making them again.
 */
export function documentPlaces(shared?: SharedPlaces, lex?: Lexicon, g?: PlaceGazetteer, memos?: Map<string, object>): DocumentPlaces {
  const memo = wordMemo();
  if (shared && lex && g) {
    const w = sharedWords(shared, lex, g);
    memo.words = w.words;
    memo.reach = w.reach;
    memo.runs = w.runs;
    memo.big = w.big;
    memo.stems = w.stems;
    memo.folds = w.folds;
    memo.skeletons = w.skeletons;
    memo.limit = SHARED_LIMIT;
  }
  return { within: [], kingdom: [], ambiguous: [], memo, memos };
}

/**
 * The parts of `WordMemo` that are pure functions of a word (or run of words), the lexicon and the
 * gazetteer, kept across documents (Arabic: each word's proclitic forms and what they name were
 * looked up again in every report; Russian and Ukrainian: the stems, skeletons and look-ups of the
 * capitalised words news names again and again). Emptied when one of them holds SHARED_RESET
 * entries as a document starts; none holds more than SHARED_LIMIT (~20 MB in all when full).
 */
interface SharedWords {
  g: PlaceGazetteer;
  words: Map<string, WordInfo>;
  reach: Map<string, number>;
  runs: Runs;
  big: Map<string, boolean>;
  stems: Map<string, string>;
  folds: Map<string, string>;
  skeletons: Map<string, readonly GazetteerEntry[] | null>;
}

/** The run's memo of places readings, per lexicon (kept in `StageContext.memos`). */
export interface SharedPlaces {
  byLexicon: Map<Lexicon, SharedWords>;
}

/** A pass over 110 Arabic 3 kB reports (IDRISI tweets) meets ~15k words, ~45k runs of words. */
const SHARED_RESET = 50_000;
const SHARED_LIMIT = 60_000;
const MEMO_KEY = 'lang-places';

/** The places memo of a run's stage memos, made when first asked; undefined without memos. */
export function sharedPlaces(memos: Map<string, object> | undefined): SharedPlaces | undefined {
  if (!memos) return undefined;
  let s = memos.get(MEMO_KEY) as SharedPlaces | undefined;
  if (!s) memos.set(MEMO_KEY, (s = { byLexicon: new Map() }));
  return s;
}

const full = (m: Map<string, unknown>): boolean => m.size >= SHARED_RESET;

function sharedWords(shared: SharedPlaces, lex: Lexicon, g: PlaceGazetteer): SharedWords {
  let w = shared.byLexicon.get(lex);
  if (!w || w.g !== g || full(w.words) || full(w.reach) || full(w.runs.one) || w.runs.longerSize >= SHARED_RESET || full(w.big) || full(w.stems) || full(w.folds) || full(w.skeletons)) {
    w = { g, words: new Map(), reach: new Map(), runs: runsMemo(), big: new Map(), stems: new Map(), folds: new Map(), skeletons: new Map() };
    shared.byLexicon.set(lex, w);
  }
  return w;
}

/** Pure functions of a word, remembered for one document (up to MEMO_WORDS words each: a huge text computes the rest afresh). */
interface WordMemo {
  stems: Map<string, string>;
  folds: Map<string, string>;
  /** What the token loop asks of a word (`WordInfo`), one record per word. */
  words: Map<string, WordInfo>;
  /** A capitalised word → the regions and countries its Latin skeleton meets (`bySkeleton`), or null. */
  skeletons: Map<string, readonly GazetteerEntry[] | null>;
  /** How many words a name may run to from a word (any form of a token's word). */
  reach: Map<string, number>;
  /** A run of words → the lexicon's own place it names and the gazetteer's entries for it. */
  runs: Runs;
  /** Arabic words that are no place and start none, wherever they stand, in this document (given the countries it names; see also `WordInfo.never`). */
  dead: Set<string>;
  /** Whether a town (geonameid and name) is big enough to be a country's namesake (`bigTown`). */
  big: Map<string, boolean>;
  /** How many entries each of words, reach, runs and big may hold (MEMO_WORDS, or SHARED_LIMIT when shared). */
  limit: number;
  /** The readers of `lexiconPlaces` for the document's lexicon, made once per document. */
  reader: Reader | null;
}

/**
 * What the token loop asks of a word, each part computed when first asked (pure functions of the
 * word, the lexicon and the gazetteer): one look-up per token instead of one per question.
 */
interface WordInfo {
  /** The word's forms without its proclitics (`formsOf`; read, never changed). */
  forms: readonly string[];
  /** A number in digits or a number word in some form. */
  numeric: boolean;
  /** A site's kind word or "المملكة" in some form (`arabicSite` reads only those). */
  siteish: boolean | undefined;
  /** How many words a name may run to from the word (the most over its forms in Arabic). */
  reach: number | undefined;
  /** The forms a name may open with at the word (`openings`). */
  openings: readonly Opening[] | undefined;
  /** The place the word is the adjective of, or null: as a capitalised token, and as a lower-case one. */
  demonymCap: ResolvedPlace | null | undefined;
  demonymLower: ResolvedPlace | null | undefined;
  /** An Arabic word that is no place and starts none in any document: the token loop passes it over. */
  never: boolean;
  /** A function word or a single letter: never opens a name (asked of each token that gets that far). */
  stop: boolean | undefined;
  /** The preposition the word is in some form (`prepositionOf`), or null; and else whether it is an action noun ("районе", "مدينة"). */
  preposition: string | null | undefined;
  actionNoun: boolean;
}

const NO_ENTRIES: readonly GazetteerEntry[] = Object.freeze([]);
const NO_RUN: Run = Object.freeze({ own: null, entries: NO_ENTRIES });

/** A form a name may open with at a word, and whether a proclitic "in" (ب) came off it. */
interface Opening {
  word: string;
  clitic: boolean;
  /** What the form alone names (`Runs.one`), once known. */
  run: Run | undefined;
  /** The runs of more words the form opens (`Runs.longer`), once asked. */
  longer: Map<string, Run> | undefined;
  /** How many words a name may run to from the form itself (`Reader.openingReach`), once asked. */
  reach: number | undefined;
}

const MEMO_WORDS = 20_000;

function wordMemo(): WordMemo {
  const dead = new Set<string>();
  return { stems: new Map(), folds: new Map(), words: new Map(), skeletons: new Map(), reach: new Map(), runs: runsMemo(), dead, big: new Map(), limit: MEMO_WORDS, reader: null };
}

/** What a run of words names. */
interface Run {
  own: ResolvedPlace | null;
  entries: readonly GazetteerEntry[];
  /** Whether the words name a place as written, not by a stem (`Found.exact`), once asked. */
  exact?: boolean;
}

/**
 * Runs of one word by the word; longer runs by their first word, then the rest joined by spaces:
 * the rest is the next token's own string for two words, so no key is built per opening.
 */
interface Runs {
  one: Map<string, Run>;
  longer: Map<string, Map<string, Run>>;
  longerSize: number;
}

function runsMemo(): Runs {
  return { one: new Map(), longer: new Map(), longerSize: 0 };
}

function remembered<K, V>(memo: Map<K, V>, key: K, compute: (key: K) => V, limit = MEMO_WORDS): V {
  let v = memo.get(key);
  if (v === undefined) {
    v = compute(key);
    if (memo.size < limit) memo.set(key, v);
  }
  return v;
}

const KINGDOMS = ['SA', 'JO', 'BH', 'MA'];
/** A town this big may be what a country's name means in a document of its country ("عمان" → Amman). */
const NAMESAKE_MIN_POPULATION = 100_000;

function bigTown(p: ResolvedPlace, g: PlaceGazetteer): boolean {
  if (p.precision !== 'place' || p.geonameid === null) return false;
  const e = g.lookup(foldName(p.name)).find((x) => x.geonameid === p.geonameid);
  return !!e && e.population >= NAMESAKE_MIN_POPULATION;
}

/** Fills in what `lexiconPlaces` left to the whole document; returns the annotations to keep. */
export function settlePlaces(all: PlaceAnnotation[], doc: DocumentPlaces, g: PlaceGazetteer): PlaceAnnotation[] {
  if (!doc.within.length && !doc.kingdom.length && !doc.ambiguous.length) return all;
  const pending = new Set<PlaceAnnotation>([...doc.within.map((w) => w.annotation), ...doc.kingdom]);
  const named = new Map<string, number>();
  for (const a of all) if (!pending.has(a) && !a.qualifies) named.set(a.value.country, (named.get(a.value.country) ?? 0) + 1);
  for (const { annotation: a, entries } of doc.ambiguous) {
    const own = a.value.country;
    if ((named.get(own) ?? 0) > 1) continue;
    const town = entries.filter((e) => e.precision === 'place' && e.country !== own && e.population >= NAMESAKE_MIN_POPULATION && named.has(e.country)).sort((x, y) => y.population - x.population)[0];
    if (town) {
      a.value = g.resolved(town);
      named.set(own, (named.get(own) ?? 1) - 1);
      named.set(town.country, (named.get(town.country) ?? 0) + 1);
      continue;
    }
    if (a.value.precision === 'country') continue;
    // a town: the namesake in a country the rest of the document names ("الرقة" in a document on Kuwait)
    const others = new Set<string>();
    for (const [c, k] of named) if (k - (c === own ? 1 : 0) > 0) others.add(c);
    if (others.has(own) || !others.size) continue;
    const candidates = entries.filter((e) => e.precision !== 'place' || e.population >= ARABIC_MIN_POPULATION);
    const e = candidates.length ? choose(candidates, others) : null;
    if (e && e.country !== own && others.has(e.country)) {
      a.value = g.resolved(e);
      named.set(own, (named.get(own) ?? 1) - 1);
      named.set(e.country, (named.get(e.country) ?? 0) + 1);
    }
  }
  const drop = new Set<PlaceAnnotation>();
  for (const a of doc.kingdom) {
    const code = KINGDOMS.find((k) => named.has(k)) ?? 'SA';
    const c = g.country(code);
    if (c) a.value = c;
    else drop.add(a);
  }
  // a site lies in a town of a country the document names surely (by its name, or by a big town's): a lone small
  // town may be a common word read as a name, and a site is never put there
  const sure = new Map<string, number>();
  // a document names its towns again and again: each read once (folding a name with marks is dear)
  const { big } = doc.memo;
  const isBig = (p: ResolvedPlace) => p.precision === 'place' && p.geonameid !== null && remembered(big, `${p.geonameid}\t${p.name}`, () => bigTown(p, g), doc.memo.limit);
  for (const a of all) if (!pending.has(a) && !a.qualifies && (a.value.precision === 'country' || a.value.precision === 'admin1' || isBig(a.value))) sure.set(a.value.country, (sure.get(a.value.country) ?? 0) + 1);
  const top = [...sure].sort((x, y) => y[1] - x[1])[0]?.[0];
  const towns = all.filter((a) => !pending.has(a) && !a.qualifies && a.value.precision !== 'country' && a.value.country === top);
  for (const { annotation: a, entries } of doc.within) {
    // the site's name as a town of a country the document names ("ميناء طرابلس", "حي المطرية"), or a big town ("جامعة القاهرة")
    const own = entries.filter((e) => sure.has(e.country));
    const big = own.length ? own : entries.filter((e) => e.precision === 'admin1' || e.population >= NAMESAKE_MIN_POPULATION);
    if (big.length) {
      a.value = g.resolved(choose(big, new Set(sure.keys())));
      continue;
    }
    // the town named last before the site, else the first after it, else the country the document names most
    const before = towns.filter((t) => t.start < a.start);
    const town = before.length ? before[before.length - 1] : towns[0];
    if (town) a.value = town.value;
    else {
      const c = top ? g.country(top) : null;
      if (c) a.value = c;
      else drop.add(a);
    }
  }
  return drop.size ? all.filter((a) => !drop.has(a)) : all;
}

const REACH = new WeakMap<Lexicon, Map<string, number>>();
/** How many words the lexicon's own names run to from each first word ("صلاح الدين": 2), built once per lexicon. */
function lexiconReach(lex: Lexicon): Map<string, number> {
  let m = REACH.get(lex);
  if (!m) {
    m = new Map();
    for (const k of lex.places.keys()) {
      if (k.startsWith('~')) continue;
      const words = k.split(' ');
      if (words.length > 1) m.set(words[0], Math.max(m.get(words[0]) ?? 1, words.length));
    }
    REACH.set(lex, m);
  }
  return m;
}

/**
 * What a word must have to be read as a demonym (`demonymOf`, Cyrillic): open as one of the
 * lexicon's stems (by their first three letters), or hold "ск"/"цк" where the lexicon reads
 * adjectives made from towns' names. `all` when the lexicon's patterns are not of that shape.
 */
interface DemonymFilter {
  all: boolean;
  openings: Set<number>;
  shortest: number;
  adjective: boolean;
}

const DEMONYM_FILTERS = new WeakMap<Lexicon, DemonymFilter>();
/** A lexicon's `DemonymFilter`, built once per lexicon. */
function demonymFilter(lex: Lexicon): DemonymFilter {
  let f = DEMONYM_FILTERS.get(lex);
  if (!f) {
    const stems = [...lex.demonyms.keys()];
    // demonymScan is `^(?:stem|stem…)` over these stems, written as letters (rows.ts demonymTable)
    const plain = stems.every((st) => st.length >= 3 && /^[\p{L}]+$/u.test(st)) && lex.demonymScan.source === `^(?:${[...stems].sort((a, b) => b.length - a.length).join('|')})`;
    const adjective = !lex.cityAdjective || lex.cityAdjective.source.includes('(?:ск|цк)(?:');
    f = { all: !plain || !adjective, openings: new Set(stems.map(openingKey)), shortest: Math.min(...stems.map((st) => st.length)), adjective: !!lex.cityAdjective };
    DEMONYM_FILTERS.set(lex, f);
  }
  return f;
}

/** The first three letters of a word as one number (no string made). */
function openingKey(w: string): number {
  return (w.charCodeAt(0) * 65536 + w.charCodeAt(1)) * 65536 + w.charCodeAt(2);
}

function mayBeDemonym(lower: string, f: DemonymFilter): boolean {
  if (f.all) return true;
  if (f.adjective && (lower.includes('ск') || lower.includes('цк'))) return true;
  return lower.length >= f.shortest && f.openings.has(openingKey(lower));
}

/** The place a demonym adjective names ("российских" → Russia), or null. */
function demonymOf(t: Token, lex: Lexicon, g: PlaceGazetteer, fold: (s: string) => string = foldName): ResolvedPlace | null {
  let to: string | undefined;
  if (lex.script === 'Arabic') to = lex.demonyms.get(t.lower);
  else {
    const m = lex.demonymScan.exec(t.lower);
    to = m ? lex.demonyms.get(m[0]) : undefined;
  }
  if (!to) return lex.cityAdjective ? cityOfAdjective(t.lower, capitalised(t) ? ADJECTIVE_MIN_POPULATION : LOWER_ADJECTIVE_MIN_POPULATION, lex, g, fold) : null;
  if (/^[A-Z]{2}$/.test(to)) return g.country(to);
  const entries = g.lookup(foldName(to));
  return entries.length ? g.resolved(choose(entries, new Set())) : null;
}

/** Towns of this size lend their name to an adjective read as the town ("Каннского фестиваля" → Cannes). */
const ADJECTIVE_MIN_POPULATION = 50_000;
/** A lower-case adjective is more often a common word ("олимпийский", "морской"): only big cities. */
const LOWER_ADJECTIVE_MIN_POPULATION = 300_000;

/**
 * The city or region an adjective is made from ("римский" → Rome, "бостонском" → Boston,
 * "нью-йоркского" → New York): the adjective's base as a name, as written or by its stem, and
 * without a last "и"/"й" ("калифорнийск" → "калифорни"). Only big towns, regions and countries:
 * most adjectives of this shape are common words ("детский", "морской").
 */
function cityOfAdjective(lower: string, minPopulation: number, lex: Lexicon, g: PlaceGazetteer, fold: (s: string) => string): ResolvedPlace | null {
  const m = lex.cityAdjective!.exec(lower);
  if (!m) return null;
  const base = m[1];
  const tries = [base, base.replace(/[ий]$/u, '')];
  for (const b of tries) {
    if (b.length < 3) continue;
    // the name as written, with a nominative ending, or a name whose stem is the base itself (never a looser stem)
    // a base of three letters only as a name itself ("рим"): "мор" + "а" is no "морской"
    const endings = b.length > 3 ? ['', 'а', 'ы', 'и', 'я'] : [''];
    const entries = [...endings.flatMap((e) => g.lookup(fold(b + e))), ...(b.length > 3 ? g.lookup(`=${lex.code}:${fold(b)}`) : [])].filter(
      (e) => e.precision === 'country' || e.precision === 'admin1' || (e.precision === 'place' && e.population >= minPopulation),
    );
    if (entries.length) return g.resolved(choose(entries, new Set()));
  }
  return null;
}


function prepositionOf(tokens: readonly Token[], first: number, clitic: boolean, lex: Lexicon, word: (w: string) => WordInfo): string | null {
  if (clitic) return 'in';
  const prev = tokens[first - 1];
  if (!prev) return null;
  // what the word before says, once per word: a report names its places after the same few words
  const info = word(prev.lower);
  if (info.preposition === undefined) {
    info.preposition = null;
    for (const f of info.forms) if ((info.preposition = lex.prepositions.get(f) || null)) break;
    info.actionNoun = !info.preposition && info.forms.some((f) => lex.actionNoun.test(f));
  }
  if (info.preposition) return info.preposition;
  if (info.actionNoun) {
    // "в районе Донецка", "في مدينة حلب": the preposition before the noun; else the place is the noun's object
    const before = tokens[first - 2];
    const p = before ? lex.prepositions.get(before.lower) : undefined;
    return p ?? 'of';
  }
  return null;
}

/**
 * The word readers `lexiconPlaces` uses, made once per document and lexicon (not per sentence):
 * each remembers what it computes in the document's memo.
 */
interface Reader {
  lex: Lexicon;
  g: PlaceGazetteer;
  fold: (w: string) => string;
  stemOf: (w: string) => string;
  forms: (w: string) => readonly string[];
  /** The word's record (`WordInfo`), made when first asked. */
  word: (w: string) => WordInfo;
  /** How many words a name may run to from this first word (1 when no longer name starts with it). */
  reach: (w: string) => number;
  siteish: (info: WordInfo) => boolean;
  openings: (w: string, info: WordInfo) => readonly Opening[];
  /**
   * How many words a name may run to from an opening form alone (Arabic): the word's reach is the
   * most over all its forms, and one false hit of the first-word table (one word in ten) sent
   * every form through runs of two and three words.
   */
  openingReach: (v: Opening) => number;
  demonym: (t: Token, info: WordInfo) => ResolvedPlace | null;
}

function readerOf(doc: DocumentPlaces, lex: Lexicon, g: PlaceGazetteer): Reader {
  const { memo } = doc;
  if (memo.reader && memo.reader.lex === lex && memo.reader.g === g) return memo.reader;
  const arabic = lex.script === 'Arabic';
  // the lexicon's reach table, found once per document (not once per new word's form)
  const lexReach = lexiconReach(lex);
  const stem = (w: string): string => (w.includes('-') ? w.split('-').map((p) => lex.stem(p)).join('-') : lex.stem(w));
  const reachFrom = (w: string): number =>
    arabic ? Math.max(1, g.nameTokensFrom(r.fold(w)), g.nameTokensFrom(r.fold('ال' + w)), lexReach.get(w) ?? 1) : Math.max(1, g.nameTokensFrom(r.fold(w)), g.nameTokensFrom(`=${lex.code}:${r.fold(r.stemOf(w))}`), lex.places.has(`~${r.stemOf(w)}`) ? 1 : 2);
  // methods, not arrow functions: under tsx (bench:lang) every named closure is also given its name, a property define each, per document
  const r: Reader = {
    lex,
    g,
    // stems once per word and document: the stemmer is the dearest step here; folding (NFD and mark
    // removal) is dear for non-ASCII words, and most words are tried in several forms
    // a word of plain letters folds by a loop cheaper than a look-up; the rest (NFD and mark removal) once per document
    fold(w) {
      return plainFold(w) ?? remembered(memo.folds, w, foldName, memo.limit);
    },
    // Arabic names are matched as written (see lookupWords): no stems to compute
    stemOf(w) {
      return arabic ? w : remembered(memo.stems, w, stem, memo.limit);
    },
    word(w) {
      let info = memo.words.get(w);
      if (info === undefined) {
        const forms = formsOf(w, lex);
        info = { forms, numeric: /^\d/.test(w) || forms.some((f) => lex.numbers.has(f)), siteish: undefined, reach: undefined, openings: undefined, demonymCap: undefined, demonymLower: undefined, never: false, stop: undefined, preposition: undefined, actionNoun: false };
        if (memo.words.size < memo.limit) memo.words.set(w, info);
      }
      return info;
    },
    forms(w) {
      return r.word(w).forms;
    },
    reach(w) {
      return remembered(memo.reach, w, reachFrom, memo.limit);
    },
    // a kind word ("مستشفى", "بشارع") or "المملكة" in some form: where arabicSite may find a site (once per word and document)
    siteish(info) {
      return (info.siteish ??= info.forms.some((f) => f === 'المملكة' || f === 'مملكة' || !!lex.siteNoun?.test(f)));
    },
    /**
     * The forms a name may open with at this word: the word; (Arabic) each form without its proclitics
     * that is no function word, and the word with the article it lacks ("اسكندرية" for "الإسكندرية").
     */
    openings(x, info) {
      if (info.openings) return info.openings;
      const out: Opening[] = [{ word: x, clitic: false, run: undefined, longer: undefined, reach: undefined }];
      if (lex.proclitics) {
        const clitic = /^[وف]?ب/.test(x);
        for (const f of info.forms.slice(1)) if (!lex.stopwords.has(f)) out.push({ word: f, clitic, run: undefined, longer: undefined, reach: undefined });
        if (!x.startsWith('ال')) out.push({ word: 'ال' + x, clitic: false, run: undefined, longer: undefined, reach: undefined });
      }
      return (info.openings = out);
    },
    openingReach(v) {
      if (v.reach !== undefined) return v.reach;
      const f = r.fold(v.word);
      // a name of n words from the form is a lexicon key of n words opening with it, or a gazetteer key whose first
      // word is the form folded (a fold with a space in it, from a hyphen, bounds nothing)
      return (v.reach = f.includes(' ') ? MAX_TOKENS : Math.max(1, g.nameTokensFrom(f), lexReach.get(v.word) ?? 1));
    },
    demonym(t, info) {
      if (t.cap) return info.demonymCap !== undefined ? info.demonymCap : (info.demonymCap = demonymOf(t, lex, g, r.fold));
      return info.demonymLower !== undefined ? info.demonymLower : (info.demonymLower = demonymOf(t, lex, g, r.fold));
    },
  };
  return (memo.reader = r);
}

/** The most words a name may run to from any of a word's openings. */
function longestOpening(openings: readonly Opening[], openingReach: (v: Opening) => number): number {
  let most = 1;
  for (const v of openings) most = Math.max(most, openingReach(v));
  return most;
}

/** Whether tokens[first..last] stand together (one space or mark apart at most), and are all capitalised when `caps`. */
function together(tokens: readonly Token[], first: number, last: number, caps: boolean): boolean {
  for (let k = first + 1; k <= last; k++) if (tokens[k].start - tokens[k - 1].end > 1) return false;
  if (caps) for (let k = first; k <= last; k++) if (!capitalised(tokens[k])) return false;
  return true;
}

/** The lower-case words of tokens[first + 1..last]. */
function restOf(tokens: readonly Token[], first: number, last: number): string[] {
  const out: string[] = [];
  for (let k = first + 1; k <= last; k++) out.push(tokens[k].lower);
  return out;
}

/** An entry an Arabic word alone never names, whatever the document's countries (see ARABIC_MIN_POPULATION). */
const smallTown = (e: GazetteerEntry) => e.precision === 'place' && e.population < ARABIC_MIN_POPULATION;

/** A word no document can read as a place is only ever asked `never` again: its openings and their runs go. */
function noPlace(info: WordInfo, memo: WordMemo): void {
  info.never = true;
  info.openings = undefined;
  for (const f of info.forms) memo.reach.delete(f);
}

/** An Arabic word's reach: its openings' first, 1 for most words, and then the forms' (more look-ups) need not be asked. */
function arabicReach(x: string, info: WordInfo, openings: Reader['openings'], openingReach: Reader['openingReach'], reach: Reader['reach']): number {
  const most = longestOpening(openings(x, info), openingReach);
  return most > 1 ? Math.min(most, Math.max(...info.forms.map(reach))) : 1;
}

/** Places in one sentence; `offset` is its start in the document. */
export function lexiconPlaces(sentence: string, offset: number, lex: Lexicon, g: PlaceGazetteer, countries: Set<string>, doc: DocumentPlaces = documentPlaces()): PlaceAnnotation[] {
  const tokens = tokenize(sentence, doc.memos);
  const arabic = lex.script === 'Arabic';
  const found: Found[] = [];
  const { memo } = doc;
  const { fold, stemOf, forms, word, reach, siteish, openings, openingReach, demonym } = readerOf(doc, lex, g);
  // an Arabic word read once in the document as no place, whatever stood around it: not read again
  const { dead } = memo;
  const demonymWords = arabic ? null : demonymFilter(lex);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // a lower-case Cyrillic word is read only as an adjective of a place: most cannot be one by their letters, and are not looked up
    if (demonymWords && !t.cap && !mayBeDemonym(t.lower, demonymWords)) continue;
    const info = word(t.lower);
    if (arabic && (info.never || (dead.size > 0 && dead.has(t.lower)))) continue;
    if (info.numeric) {
      if (arabic) noPlace(info, memo);
      continue;
    }
    if (!arabic && !capitalised(t)) {
      const d = demonym(t, info);
      if (d) found.push({ start: t.start, end: t.end, first: i, last: i, place: d, clitic: false, demonym: true });
      continue;
    }
    if (arabic) {
      const site = siteish(info) ? arabicSite(tokens, i, sentence, lex, g, fold, forms) : null;
      if (site) {
        found.push(site);
        i = site.last;
        continue;
      }
    }
    if ((info.stop ??= lex.stopwords.has(t.lower) || t.lower.length < 2)) {
      if (arabic && !siteish(info)) noPlace(info, memo);
      continue;
    }
    // "Донецкой области", "Харківській області": the region of the city the adjective names
    const next = tokens[i + 1];
    if (!arabic && next && lex.regionNoun.test(next.lower)) {
      const stem = stemOf(t.lower);
      const base = stem.replace(lex.regionSuffix, '');
      const entries = [stem, base].flatMap((s) => (s.length >= 3 ? [...g.lookup(foldName(s)), ...g.lookup(`=${lex.code}:${foldName(s)}`)] : []));
      const city = entries.length ? choose(entries.filter((e) => e.precision === 'place' || e.precision === 'admin1'), countries) : null;
      const region = city ? regionOf(city, g) : null;
      if (region) {
        found.push({ start: t.start, end: next.end, first: i, last: i + 1, place: region, clitic: false });
        i++;
        continue;
      }
    }
    let hit: Found | null = null;
    // a name of one word passed over for a small town where the document's countries chose it (Arabic): no place here, maybe elsewhere
    let chosenSmall = false;
    // (Arabic) no more than the forms it opens with reach (see `openingReach`): a word none of whose openings
    // opens a longer name is read as one word, and as no place wherever it stands when that reads nothing
    // (Cyrillic: the reach, two to three look-ups and a stem, is asked only of a word that opens a run of
    // capitalised words standing together; most stand alone, and a run longer than the reach is never tried)
    let reachOfWord = arabic ? (info.reach ??= arabicReach(t.lower, info, openings, openingReach, reach)) : info.reach;
    const longest = Math.min(MAX_TOKENS, tokens.length - i, reachOfWord ?? MAX_TOKENS);
    for (let n = longest; n >= 1 && !hit; n--) {
      // the span's tokens are tokens[i] to tokens[last]; most spans name nothing, so no array is made for them
      const last = i + n - 1;
      // words of one name stand together, each capitalised in Cyrillic ("Кривой Рог", "Северную Ирландию")
      if (n > 1 && !together(tokens, i, last, !arabic)) continue;
      if (n > 1 && n > (reachOfWord ??= info.reach ??= reach(t.lower))) continue;
      // the words after the first joined by spaces (the next token's own string for two), made when an opening asks
      let restKey: string | undefined;
      for (const v of openings(t.lower, info)) {
        // no name of n words opens with this form (Arabic: a word's other forms may open one)
        if (n > 1 && arabic && openingReach(v) < n) continue;
        restKey ??= n === 1 ? '' : n === 2 ? tokens[i + 1].lower : restOf(tokens, i, last).join(' ');
        // what the words name, read once per document (Arabic: per run): a report says its words again and again
        const byRest = n > 1 ? (v.longer ??= memo.runs.longer.get(v.word)) : undefined;
        // (Arabic: one word's reading is kept with the opening alone, in the word's shared record: most words are
        // no place, and were put in the memo of runs only to be taken out again when found to be `never`)
        let run = n > 1 ? byRest?.get(restKey) : (v.run ?? (arabic ? undefined : memo.runs.one.get(v.word)));
        // the words joined by spaces, made when asked: most runs are remembered as naming nothing
        let joined: string | undefined;
        if (run === undefined) {
          joined = n > 1 ? v.word + ' ' + restKey : v.word;
          if (arabic) run = arabicRun(joined, lex, g, fold);
          else {
            const words = n > 1 ? [v.word, ...restOf(tokens, i, last)] : [v.word];
            const stems = words.map(stemOf);
            // the lexicon's own names first: they include short ones ("ЄС", "РФ")
            const own = fromLexicon(words, stems, lex, g);
            const named = own || words[0].length < 3 || lex.stopwords.has(joined);
            const entries = named ? NO_ENTRIES : lookupWords(words, stems, lex, g, fold);
            // most runs name nothing: one record for them all (a shared memo holds tens of thousands)
            run = own || entries.length ? { own, entries } : NO_RUN;
          }
          if (n === 1) {
            if (!arabic && memo.runs.one.size < memo.limit) memo.runs.one.set(v.word, run);
          } else if (memo.runs.longerSize < memo.limit) {
            if (byRest) byRest.set(restKey, run);
            else memo.runs.longer.set(v.word, (v.longer = new Map([[restKey, run]])));
            memo.runs.longerSize++;
          }
        }
        if (n === 1) v.run = run;
        const own = run.own;
        if (own) {
          hit = { start: t.start, end: tokens[last].end, first: i, last, place: own, clitic: v.clitic, exact: false };
          break;
        }
        const entries = run.entries;
        if (!entries.length) continue;
        joined ??= n > 1 ? v.word + ' ' + restKey : v.word;
        const e = choose(entries, countries);
        // a sentence's first word may be any word ("Ранее", "Новым"): there only a name as written counts
        const opening = i === 0 && !arabic;
        // a foreign town by a Cyrillic name: a big city, or a surname that is also a town somewhere
        if (!arabic && e.precision === 'place' && !CYRILLIC_WORLD.has(e.country) && e.population < FOREIGN_MIN_POPULATION) continue;
        // an abbreviation ("МИД", "ЦРУ") is a place only as the lexicon or a country's name has it
        if (!arabic && n === 1 && ALL_CAPS.test(sentence.slice(t.start, t.end)) && e.precision !== 'country') continue;
        // after a first name comes a surname ("Борис Джонсон"), whatever town shares it
        if (!arabic && i > 0 && capitalised(tokens[i - 1]) && lex.firstNames.has(stemOf(tokens[i - 1].lower))) continue;
        // a first name ("Борис", "Дэвид") is a person unless a preposition stands before it ("в Борисове")
        if (!arabic && n === 1 && lex.firstNames.has(stemOf(t.lower)) && !(i > 0 && lex.prepositions.has(tokens[i - 1].lower))) continue;
        if (n === 1 && (arabic ? e.precision === 'place' && e.population < ARABIC_MIN_POPULATION : opening && e.precision === 'place' && (e.population < OPENING_MIN_POPULATION || !(run.exact ??= g.lookup(fold(joined)).length > 0)))) {
          if (arabic && !chosenSmall) chosenSmall = !entries.every(smallTown);
          continue;
        }
        hit = { start: t.start, end: tokens[last].end, first: i, last, place: g.resolved(e), clitic: v.clitic, exact: (run.exact ??= g.lookup(fold(joined)).length > 0) };
        // a name held in more than one country is chosen again once the whole document has named its countries
        if (arabic && entries.some((x) => x.country !== e.country)) hit.entries = entries;
        break;
      }
    }
    if (!hit && !arabic && i > 0) {
      // a region or country the gazetteer names only in Latin letters: by the skeleton of the word spelled in Latin
      const region = bySkeleton(t.lower, stemOf(t.lower), lex, g, countries, memo);
      if (region) hit = { start: t.start, end: t.end, first: i, last: i, place: region, clitic: false, exact: false };
    }
    if (!hit) {
      // "Российская Федерация" is a name; a capitalised "Российские" opening a sentence is the adjective
      const d = demonym(t, info);
      if (d) found.push({ start: t.start, end: t.end, first: i, last: i, place: d, clitic: false, demonym: true });
      // no name of one word, none longer starting with it, no site: the word is no place wherever it stands
      else if (arabic && longest === 1 && reachOfWord === 1 && !siteish(info)) {
        if (!chosenSmall) noPlace(info, memo);
        else if (dead.size < memo.limit) dead.add(t.lower);
      }
      continue;
    }
    // "Владимир Путин": a town's name followed by another capitalised word that is no place is a person's name
    const after = tokens[hit.last + 1];
    if (!arabic && hit.first === hit.last && hit.exact && after && capitalised(after) && after.start - hit.end <= 1 && hit.place.precision === 'place' && !lookupWords([after.lower], [stemOf(after.lower)], lex, g, fold).length) {
      i = hit.last + 1;
      continue;
    }
    found.push(hit);
    i = hit.last;
  }
  const out: PlaceAnnotation[] = [];
  for (const f of found) {
    if (!f.demonym && !f.settle) countries.add(f.place.country);
    const a: PlaceAnnotation = {
      kind: 'place',
      start: offset + f.start,
      end: offset + f.end,
      text: sentence.slice(f.start, f.end),
      value: f.place,
      preposition: f.demonym ? null : prepositionOf(tokens, f.first, f.clitic, lex, word),
      // an adjective qualifies the noun after it ("российских военных"): never the scene (reports.ts reads qualifies)
      qualifies: f.demonym ? offset + (tokens[f.last + 1]?.start ?? f.end) : null,
    };
    if (f.settle === 'within') doc.within.push({ annotation: a, entries: f.entries ?? [] });
    else if (f.settle === 'kingdom') doc.kingdom.push(a);
    else if (f.entries) doc.ambiguous.push({ annotation: a, entries: f.entries });
    out.push(a);
  }
  return out;
}

/** Words that end a site's name: particles, prepositions, pronouns. */
const NOT_A_NAME = new Set('في من على إلى الى عن مع بعد قبل أو او ثم حيث التي الذي الذين اللذين هذا هذه ذلك تلك هناك هنا كما قد لقد وقد لا لم لن ما إن ان أن عند منذ حتى خلال بين عبر نحو داخل خارج أمام وسط قرب بسبب جراء اثر إثر'.split(' '));
/** Sentence marks between two words of a site's name end it. */
const BREAK = /[،,.:;؛!?؟()«»"\n]/;

/**
 * A site named by its kind at token i ("مستشفى الروم", "بشارع القصر العيني", "منطقة #المنيل",
 * "معهد_الأورام"), or "المملكة" alone: the kind word and up to three words of name (after the
 * first, only words with the article, as the parts of a construct do). The site is the named town
 * when its name is one the gazetteer holds in a country the document names, else it is settled
 * inside the document's town (settlePlaces).
 */
function arabicSite(tokens: readonly Token[], i: number, sentence: string, lex: Lexicon, g: PlaceGazetteer, fold: (s: string) => string, formsOfWord: (w: string) => readonly string[]): Found | null {
  const t = tokens[i];
  const forms = formsOfWord(t.lower);
  const clitic = /^[وف]?ب/.test(t.lower) && forms.length > 1;
  if (forms.includes('المملكة') || forms.includes('مملكة')) {
    // "المملكة المتحدة", "المملكة الأردنية الهاشمية": the lexicon's names; "المملكة" alone: settled by the document
    for (let n = Math.min(3, tokens.length - i); n >= 2; n--) {
      const words = ['المملكة', ...tokens.slice(i + 1, i + n).map((x) => x.lower)];
      const own = fromLexicon(words, words, lex, g) ?? (g.lookup(fold(words.join(' '))).find((e) => e.precision === 'country') ? g.resolved(g.lookup(fold(words.join(' '))).find((e) => e.precision === 'country')!) : null);
      if (own) return { start: t.start, end: tokens[i + n - 1].end, first: i, last: i + n - 1, place: own, clitic };
    }
    const next = tokens[i + 1];
    if (next && /^(?:ال)?(?:عربية|متحدة)$/u.test(next.lower)) return null;
    return { start: t.start, end: t.end, first: i, last: i, place: g.country('SA')!, clitic, settle: 'kingdom' };
  }
  if (!lex.siteNoun || !forms.some((f) => lex.siteNoun!.test(f))) return null;
  // a kind word with the article ("المستشفى", "الحي") names no site by the next word unless an adjective follows ("المعهد القومي")
  const definite = forms.some((f) => f.startsWith('ال') && lex.siteNoun!.test(f));
  if (definite && !tokens[i + 1]?.lower.startsWith('ال')) return null;
  let last = i;
  for (let k = i + 1; k < tokens.length && k <= i + 3; k++) {
    const w = tokens[k];
    if (BREAK.test(sentence.slice(tokens[k - 1].end, w.start)) || w.start - tokens[k - 1].end > 2) break;
    if (/^\d/.test(w.lower) || NOT_A_NAME.has(w.lower) || lex.prepositions.has(w.lower) || formsOfWord(w.lower).some((f) => lex.numbers.has(f))) break;
    // a second kind word starts a site of its own ("مستشفى معهد ناصر" is read whole, "شارع ... منطقة" not)
    if (k > i + 1 && (!w.lower.startsWith('ال') || formsOfWord(w.lower).some((f) => lex.siteNoun!.test(f)))) break;
    last = k;
  }
  if (last === i) return null;
  // the name as the gazetteer holds it: the town when the document names its country ("ميناء طرابلس" in a document on Lebanon), settled with the rest
  let entries: readonly GazetteerEntry[] | undefined;
  const first = tokens[i + 1].lower;
  for (let n = last - i; n >= 1 && !entries; n--) {
    // a one-word name that is a common word ("الروم") is no town's
    if (n === 1 && lex.stopwords.has(first)) continue;
    // the words after the first, each after a space: the name is read with its first word as written and with the article put on or taken off
    let rest = '';
    for (let k = i + 2; k <= i + n; k++) rest += ' ' + tokens[k].lower;
    for (const head of [first, first.startsWith('ال') ? first.slice(2) : 'ال' + first]) {
      const found = g.lookup(fold(head + rest)).filter((e) => e.precision !== 'country');
      if (found.length) {
        entries = found;
        break;
      }
    }
  }
  return { start: t.start, end: tokens[last].end, first: i, last, place: g.country('SA')!, clitic, settle: 'within', entries };
}
