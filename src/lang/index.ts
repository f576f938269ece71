/**
 * The language seam: what is language-specific, as data, chosen by `document.lang` (the way spaCy
 * keeps `spacy/lang/<code>/` and chrono keeps `src/locales/<lang>/`). The stages stay one code
 * path each: English runs the stage's own rules (its word lists still sit in the stage files; the
 * `en` lexicon names them), Russian, Ukrainian and Arabic run the lexicon readers in `src/lang/`
 * over the data in `src/lang/<code>/`. A language with no lexicon gets sentences and nothing else,
 * so nothing is invented from words the stages cannot read.
 */
import type * as chrono from 'chrono-node';
import { ar } from './ar/index.js';
import { attributionGates } from './attribution.js';
import { triggerSeek } from './triggers.js';
import { en } from './en/index.js';
import { ru } from './ru/index.js';
import { uk } from './uk/index.js';

export type LanguageCode = 'en' | 'ru' | 'uk' | 'ar';
export type Script = 'Latin' | 'Cyrillic' | 'Arabic';

/** One trigger row: a pattern over the text (flags `giu`), its ACLED reading and weight, as in event-lexicon.ts. */
export interface LexiconTrigger {
  pattern: RegExp;
  category: string;
  type: string;
  tags: string[];
  weight: number;
}

/** One casualty word: a pattern over one lower-cased token, the field it counts, whether it names one person alone ("погиб", "قتيل"). */
export interface CasualtyWord {
  pattern: RegExp;
  field: 'fatalities' | 'injured' | 'captured';
}

export interface Lexicon {
  code: LanguageCode;
  script: Script;
  /** False for English: its stages read their own rules (the next step moves them here). */
  native: boolean;
  /** Lower-case words that take a period without ending the sentence ("г", "ул", "им"). */
  abbreviations: ReadonlySet<string>;
  /** A maintained stemmer (Snowball via @orama/stemmers) for lower-case words. */
  stem(word: string): string;
  /**
   * Case endings of nouns, longest first: where the stemmer leaves one on a name ("одеси" → "од",
   * "британії" → "британі"), the name is also tried without it. Empty where the stemmer does.
   */
  caseEndings: readonly string[];
  /** Stems of common first names ("борис", "дэвид"): such a word is a person, not the town of that name. */
  firstNames: ReadonlySet<string>;
  /** Function words that never start a place name. */
  stopwords: ReadonlySet<string>;
  /** Number words with their case forms → value ("трое", "двух", "ثلاثة"). */
  numbers: ReadonlyMap<string, number>;
  /** Words after a number that make it no count of people (units, times, weapons). */
  notPeople: RegExp;
  casualtyWords: readonly CasualtyWord[];
  /** A word before a casualty word that makes it a tally whose count comes later ("число", "кількість", "عدد"). */
  tally: RegExp;
  /** A token that says one person was hit when no number stands near ("погиб", "قتيل"): matched on the lower-case token. */
  singular: RegExp;
  /** A sentence that reports no one hurt ("жертв нет", "без жертв", "لا إصابات"). */
  noCasualties: RegExp;
  triggers: readonly LexiconTrigger[];
  /** `triggers` joined into one pattern (rows.ts `joinTriggers`). */
  triggerScan: RegExp;
  /** `triggerScan` without its opening lookbehind, or null (lang/triggers.ts `triggerSeek`); set when the lexicon is built. */
  triggerSeek?: RegExp | null;
  /** Word before a place → the English preposition the scene stage reads ("в" → "in", "біля" → "near"). */
  prepositions: ReadonlyMap<string, string>;
  /** A word before a place that makes it the object of the action ("обстрела Донецка": "of"). */
  actionNoun: RegExp;
  /** Words after an adjective that make it a region ("Донецкой области"). */
  regionNoun: RegExp;
  /** Suffixes of a region adjective's stem to drop to reach its city ("харьковск" → "харьков"). */
  regionSuffix: RegExp;
  /** Attribution markers: group 1 is the source as written. */
  attribution: readonly RegExp[];
  /** `attribution` without their opening lookbehind, each a fast test a match needs (lang/attribution.ts `attributionGates`); set when the lexicon is built. */
  attributionGates?: readonly (RegExp | null)[];
  /** chrono's parser for the language, or null where the English date stage reads it. */
  dates: chrono.Chrono | null;
  /**
   * A sentence without any of these holds no date: chrono, dear in these locales, runs only where one stands.
   * Any ASCII digit must be a hint (the date stage tests for one first).
   */
  dateHint: RegExp;
  /** Relative date words: a date that needs the publication date to be placed. */
  relativeDate: RegExp;
  /** Latin spelling of a name, to compare across languages ("Харків" → "kharkiv"). */
  transliterate(text: string): string;
  /**
   * Names the gazetteer lacks in this language, lower case → an ISO country code ("сша" → "US") or
   * an English gazetteer name ("днр" → "Donetsk"): abbreviations, and country names the data
   * packages give in Russian and Arabic but not in Ukrainian.
   */
  places: ReadonlyMap<string, string>;
  /**
   * Adjectives of countries and cities, by the stem they open with ("российск" → "RU",
   * "московск" → "Moscow"): a mention of the place that is never where something happened.
   */
  demonyms: ReadonlyMap<string, string>;
  /** `demonyms`' stems as one pattern over a lower-case word. */
  demonymScan: RegExp;
  /** An adjective made from a place name, group 1 its base ("бостонск-ом" → "бостон"): read as the place, qualifying the next word. */
  cityAdjective?: RegExp;
  /** A word that names a site by its kind ("مستشفى", "شارع", "منطقة"): with the words after it, a place (src/lang/places.ts arabicSite). */
  siteNoun?: RegExp;
  /** Clitics an Arabic word may carry in front ("و", "ب", "ال"): the forms to try, longest first. */
  proclitics?: readonly string[];
}

/** The lexicons other than English, each built when first asked for (their patterns cost start-up time). */
const BUILD: Readonly<Record<Exclude<LanguageCode, 'en'>, () => Lexicon>> = Object.freeze({ ru, uk, ar });
const built = new Map<LanguageCode, Lexicon>([['en', en]]);

function lexicon(code: LanguageCode): Lexicon {
  let lex = built.get(code);
  if (!lex) {
    const base = BUILD[code as Exclude<LanguageCode, 'en'>]();
    lex = Object.freeze({ ...base, attributionGates: attributionGates(base.attribution), triggerSeek: triggerSeek(base.triggerScan, !!base.proclitics) });
    built.set(code, lex);
  }
  return lex;
}

/** Whether `code` has a lexicon. */
export function hasLexicon(code: string | null | undefined): code is LanguageCode {
  return code === 'en' || code === 'ru' || code === 'uk' || code === 'ar';
}

/**
 * The lexicon for a document's language. A document of unknown language (null) reads as English,
 * as every document did before the seam; a language named but without a lexicon gets null.
 */
export function lexiconFor(lang: string | null | undefined): Lexicon | null {
  if (!lang) return en;
  const base = lang.toLowerCase().split('-')[0];
  // "ru-Latn": Russian written in Latin letters, which no lexicon reads
  if (/-latn\b/i.test(lang) && base !== 'en') return null;
  return hasLexicon(base) ? lexicon(base) : null;
}
