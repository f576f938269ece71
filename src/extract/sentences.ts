/**
 * Sentence boundaries. Rule-based: a sentence ends at . ! ? (with closing quotes or brackets)
 * followed by space and an upper-case letter, digit or opening quote, or at a blank line, or at a
 * line with no end punctuation (headlines, datelines). Abbreviations ("Gen.", "U.S.", "Jan.") and
 * initials do not end one. A text written in lower case (an archive or feed that lost its capitals:
 * "police fired. two died.") ends them before a lower-case letter too. Leaves clause structure to the
 * stages that need it.
 */
import type { SentenceAnnotation, Span, Stage } from '../model/index.js';
import { lexiconFor } from '../lang/index.js';
import { lexiconSentences } from '../lang/sentences.js';

/** Lower-cased abbreviations that take a period without ending the sentence. */
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof gen col lt maj capt sgt cpl pvt adm cmdr gov sen rep rev st mt ft jr sr inc ltd co corp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no vs etc approx dept est fig al u.s u.k u.n e.g i.e a.m p.m')
    .split(' '),
);

// bounded runs: an unbounded `[.!?]+` retried at every dot of a long "....." run is quadratic
const BREAK = /([.!?]{1,8})(["'”’»)\]]{0,8})(\s+)(?=["'“‘«(\[]?[\p{Lu}\p{N}])|\n\s*\n|\n/gu;
/** The same breaks before any letter: for a text whose sentences begin in lower case (see `lowerCased`). */
const BREAK_ANY = /([.!?]{1,8})(["'”’»)\]]{0,8})(\s+)(?=["'“‘«(\[]?[\p{L}\p{N}])|\n\s*\n|\n/gu;
/** End punctuation then a word in lower case, or in upper case: which of the two a text's sentences begin with. */
const LOWER_START = /[.!?]["'”’»)\]]{0,8}\s+["'“‘«(\[]?\p{Ll}/gu;
const UPPER_START = /[.!?]["'”’»)\]]{0,8}\s+["'“‘«(\[]?\p{Lu}/gu;
/** Lower-case starts, past abbreviations, needed before a text counts as written in lower case. */
const LOWER_STARTS = 3;

function endsWithAbbreviation(text: string, end: number): boolean {
  // the word before the period: "Gen.", "U.S.", single initials "J."
  // at most 24 characters back: no abbreviation is longer, and a long run must not cost its length per period
  let i = end - 1;
  const stop = Math.max(-1, end - 25);
  while (i > stop && /[\p{L}.]/u.test(text[i])) i--;
  const word = text.slice(i + 1, end).toLowerCase().replace(/\.$/, '');
  if (word.length === 1 && /\p{L}/u.test(word)) return true;
  return ABBREVIATIONS.has(word);
}

/**
 * Whether the text's sentences begin in lower case: more end marks are followed by a lower-case word
 * (not after an abbreviation) than by a capital, and at least a few. Ordinary English writes one only
 * after an abbreviation ("approx. two"), so it keeps the capitals rule.
 */
function lowerCased(text: string): boolean {
  let lower = 0;
  LOWER_START.lastIndex = 0;
  for (let m = LOWER_START.exec(text); m; m = LOWER_START.exec(text)) if (!(text[m.index] === '.' && endsWithAbbreviation(text, m.index))) lower++;
  if (lower < LOWER_STARTS) return false;
  const upper = text.match(UPPER_START)?.length ?? 0;
  return lower > upper;
}

/** Sentence spans over `text`, trimmed of surrounding white space; empty ones dropped. */
export function splitSentences(text: string): SentenceAnnotation[] {
  const out: SentenceAnnotation[] = [];
  let start = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ kind: 'sentence', start: s, end: e });
  };
  const breaks = lowerCased(text) ? BREAK_ANY : BREAK;
  breaks.lastIndex = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    if (m[1] !== undefined) {
      const periodEnd = m.index + m[1].length;
      if (m[1] === '.' && endsWithAbbreviation(text, m.index)) continue;
      push(start, periodEnd + m[2].length);
      start = periodEnd + m[2].length;
    } else {
      push(start, m.index);
      start = m.index + m[0].length;
    }
  }
  push(start, text.length);
  return out;
}

export const sentences: Stage = {
  name: 'sentences',
  needs: [],
  gives: ['sentence'],
  run: ({ document }) => {
    // Russian, Ukrainian, Arabic: their own abbreviations and, in Arabic, no capitals; others: the English rules
    const lex = lexiconFor(document.lang);
    return { annotations: lex?.native ? lexiconSentences(document.text, lex) : splitSentences(document.text) };
  },
};

/** Index of the sentence (sorted, non-overlapping spans) holding offset `pos`, or -1: a binary search. */
export function sentenceAt(sentences: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= pos) lo = mid + 1;
    else if (sentences[mid].start > pos) hi = mid - 1;
    else return mid;
  }
  return -1;
}
