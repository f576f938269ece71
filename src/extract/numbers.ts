/**
 * Number phrases: digits ("1,200", "43"), number words ("twenty-five", "two hundred"), and the
 * vague quantities news uses, read as ACLED's codebook does when no exact figure is given:
 * "several"/"a few"/"many" → 10 as the coded figure (low 3), "dozens" → 12 (low 12, high 99),
 * "scores" → 20, "hundreds" → 100, "thousands" → 1000. Qualifiers shift the range: "at least N"
 * (high open), "up to N"/"as many as N" (low 1), "more than N" (N+1…), "about N".
 */
import type { Count } from '../model/index.js';

const UNITS: Record<string, number> = {
  zero: 0, no: 0, one: 1, a: 1, an: 1, single: 1, two: 2, both: 2, pair: 2, couple: 2, three: 3, four: 4,
  five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
// "dozen" multiplies like a scale: "a dozen" is 12 and "two dozen" 24, not 1 + 12
const SCALES: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1000, million: 1_000_000 };

/** Vague quantities, as ACLED codes them (low, coded best, high). */
const VAGUE: Record<string, Count> = {
  several: { low: 3, best: 10, high: 10 },
  'a number of': { low: 3, best: 10, high: 99 },
  // "several hundred" is hundreds, not several
  'several dozen': { low: 12, best: 12, high: 99 },
  'several hundred': { low: 100, best: 100, high: 999 },
  'several thousand': { low: 1000, best: 1000, high: 9999 },
  'a few': { low: 2, best: 3, high: 5 },
  few: { low: 2, best: 3, high: 5 },
  many: { low: 3, best: 10, high: 99 },
  dozens: { low: 12, best: 12, high: 99 },
  scores: { low: 20, best: 20, high: 99 },
  hundreds: { low: 100, best: 100, high: 999 },
  thousands: { low: 1000, best: 1000, high: 9999 },
};

/** "a few", "a number of", "an unknown number": the article belongs to the vague word, it is no "one". */
const NOT_VAGUE = '(?!(?:a|an)\\s+(?:few|number\\s+of|(?:unknown|undetermined|unspecified|unconfirmed|unidentified)\\s+number)\\b)';
const WORD = '(?:' + [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)].join('|') + ')';
/** A cardinal: digits, or number words joined by spaces, hyphens or "and". */
// bounded: no cardinal has more than ten number words, and an unbounded run ("two two two …") is quadratic
const CARDINAL = `(?:\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,40}|${NOT_VAGUE}${WORD}(?:(?:[\\s-]{1,4}|\\s{1,4}and\\s{1,4})${WORD}){0,10})`;
const VAGUE_RE = '(?:a few|few|a number of|several (?:dozen|hundred|thousand)|several|many|dozens|scores|hundreds|thousands)';
const QUALIFIER = '(?:at least|at most|up to|as many as|more than|over|nearly|almost|about|around|approximately|some|roughly|fewer than|less than)';

/** "an 8-year-old", "a 20-year-old soldier": an age, not a count. */
const NOT_AN_AGE = '(?![-\\s]*(?:years?|months?|weeks?)[-\\s]*old)';
/** A number phrase with optional qualifier; groups: 1 qualifier, 2 cardinal, 3 vague word. */
export const NUMBER_PHRASE = new RegExp(`\\b(?:(${QUALIFIER})\\s+)?(?:(${CARDINAL})|(${VAGUE_RE}))\\b${NOT_AN_AGE}`, 'giu');

/** Value of a cardinal written in words or digits, or null. */
export function parseCardinal(text: string): number | null {
  const t = text.toLowerCase().trim();
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(t)) return Number(t.replace(/,/g, ''));
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of t.split(/[\s-]+/)) {
    if (w === 'and') continue;
    if (w in UNITS) current += UNITS[w];
    else if (w in TENS) current += TENS[w];
    else if (w in SCALES) {
      current = (current || 1) * SCALES[w];
      if (SCALES[w] >= 1000) {
        total += current;
        current = 0;
      }
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

/** The count a number phrase stands for, with its qualifier applied. */
export function toCount(qualifier: string | undefined, cardinal: string | undefined, vague: string | undefined): Count | null {
  if (vague) return { ...VAGUE[vague.toLowerCase().replace(/\s+/g, ' ')] };
  const n = cardinal ? parseCardinal(cardinal) : null;
  if (n === null) return null;
  switch (qualifier?.toLowerCase()) {
    case 'at least':
      return { low: n, best: n, high: Math.max(n, n * 2) };
    case 'more than':
    case 'over':
      return { low: n + 1, best: n + 1, high: Math.max(n + 1, n * 2) };
    case 'up to':
    case 'as many as':
    case 'at most':
      return { low: Math.min(1, n), best: n, high: n };
    case 'fewer than':
    case 'less than':
      return { low: Math.min(1, n - 1), best: Math.max(0, n - 1), high: Math.max(0, n - 1) };
    case 'nearly':
    case 'almost':
      return { low: Math.floor(n * 0.9), best: n, high: n };
    case 'about':
    case 'around':
    case 'approximately':
    case 'some':
    case 'roughly':
      return { low: Math.floor(n * 0.9), best: n, high: Math.ceil(n * 1.1) };
    default:
      return { low: n, best: n, high: n };
  }
}

export function addCounts(a: Count, b: Count): Count {
  return { low: a.low + b.low, best: a.best + b.best, high: a.high + b.high };
}
