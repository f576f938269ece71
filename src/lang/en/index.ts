/**
 * English. Its stages read their own rules today (sentences.ts ABBREVIATIONS, event-lexicon.ts
 * TRIGGER_RULES, casualties.ts PERSON_NOUNS, attribution.ts SAY, …), so this lexicon only marks the
 * language: `native: false` sends every stage down its English path, with output unchanged. The
 * next step is to move those lists here and have the stages read them from the lexicon.
 */
import type { Lexicon } from '../index.js';

const none = /(?!)/u;

export const en: Lexicon = Object.freeze({
  code: 'en',
  script: 'Latin',
  native: false,
  abbreviations: new Set<string>(),
  stem: (w: string) => w,
  caseEndings: [],
  firstNames: new Set<string>(),
  stopwords: new Set<string>(),
  numbers: new Map<string, number>(),
  notPeople: none,
  casualtyWords: [],
  tally: none,
  singular: none,
  noCasualties: none,
  triggers: [],
  triggerScan: none,
  prepositions: new Map<string, string>(),
  actionNoun: none,
  regionNoun: none,
  regionSuffix: none,
  attribution: [],
  dates: null,
  dateHint: none,
  relativeDate: none,
  transliterate: (t: string) => t,
  places: new Map<string, string>(),
  demonyms: new Map<string, string>(),
  demonymScan: none,
}) as Lexicon;
