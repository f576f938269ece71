/**
 * Words that say what a text is about, for linking: content terms (stop words out, light
 * stemming) and proper names (capitalised runs not at a sentence start).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers herself him himself his how ' +
    'i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over ' +
    'own same she should so some such than that the their theirs them themselves then there these they this those through to too under ' +
    'until up very was we were what when where which while who whom why will with would you your yours yourself yourselves said says ' +
    'say told according reported reports report one two three four five six seven eight nine ten new also would could may might must ' +
    'shall us mr mrs ms via per s t don didn doesn isn wasn weren won year years day days week weeks month months time times people ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday last first second third get got make made many much even ' +
    'still well back way like since ago around another however including according already yet whether though although among within').split(' '),
);

/** Light stemming: plural and common verb endings, so "defected"/"defection"/"defects" meet. */
export function stem(w: string): string {
  const n = w.length;
  if (n <= 4) return w;
  // the suffixes that end in the word's last letter, in SUFFIXES order, compared by code (a Map
  // lookup and endsWith per word were most of contentTerms' time; terms.test.ts holds it to SUFFIXES)
  switch (w.charCodeAt(n - 1)) {
    case 115 /* s */:
      if (endsWith(w, 'ations')) return cut(w, 6);
      if (endsWith(w, 'ions') || endsWith(w, 'ings')) return cut(w, 4);
      if (endsWith(w, 'es')) return cut(w, 2);
      return cut(w, 1);
    case 110 /* n */:
      if (endsWith(w, 'ation')) return cut(w, 5);
      if (endsWith(w, 'ion')) return cut(w, 3);
      return w;
    case 103 /* g */:
      return endsWith(w, 'ing') ? cut(w, 3) : w;
    case 100 /* d */:
      return endsWith(w, 'ed') ? cut(w, 2) : w;
    case 121 /* y */:
      return endsWith(w, 'ly') ? cut(w, 2) : w;
    default:
      return w;
  }
}

function endsWith(w: string, suffix: string): boolean {
  const d = w.length - suffix.length;
  if (d < 0) return false;
  for (let i = suffix.length - 1; i >= 0; i--) if (w.charCodeAt(d + i) !== suffix.charCodeAt(i)) return false;
  return true;
}

/** The word without its last n characters, or the word itself when that is all of it. */
const cut = (w: string, n: number) => (w.length > n ? w.slice(0, -n) : w);

/** Suffixes `stem` drops, longest first among those sharing a last letter (what the switch above spells out). */
export const SUFFIXES = ['ations', 'ation', 'ions', 'ings', 'ion', 'ing', 'ed', 'es', 'ly', 's'];

const LETTER = /^\p{L}$/u;
const WORD_CHAR = /^[\p{L}\p{N}'’-]$/u;
/** Characters below this (no surrogates among them) have their LETTER and WORD_CHAR classes in CHAR_CLASS. */
const CLASS_TABLE_END = 0x800;
const LETTER_BIT = 1;
const WORD_CHAR_BIT = 2;
const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(CLASS_TABLE_END);
  for (let c = 0; c < CLASS_TABLE_END; c++) {
    const ch = String.fromCharCode(c);
    t[c] = (LETTER.test(ch) ? LETTER_BIT : 0) | (WORD_CHAR.test(ch) ? WORD_CHAR_BIT : 0);
  }
  return t;
})();

/**
 * Length in code units (1, or 2 for an astral character) of the character at `i` when it may
 * open a word (a letter) or, with `inside`, continue one (also a digit, apostrophe or hyphen);
 * else 0. ASCII is decided by its code, the rest by the classes of a word (a letter, then
 * letters, digits, apostrophes and hyphens): this scans every character of every report.
 */
function wordCharAt(text: string, i: number, inside: boolean): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (inside && ((c >= 48 && c <= 57) || c === 39 || c === 45)) ? 1 : 0;
  // Latin, Greek, Cyrillic, Arabic: the classes read from a table made with the same patterns
  if (c < CLASS_TABLE_END) return (CHAR_CLASS[c] & (inside ? WORD_CHAR_BIT : LETTER_BIT)) === 0 ? 0 : 1;
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  return (inside ? WORD_CHAR : LETTER).test(ch) ? ch.length : 0;
}

/**
 * Whether lower-casing `text` as a whole gives the same words as lower-casing each word: true
 * unless a letter lower-cases to two characters ("İ") or by its context (a final "Σ").
 */
function lowersByChar(text: string, lower: string): boolean {
  return lower.length === text.length && !text.includes('Σ');
}

export function contentTerms(text: string): Record<string, number> {
  return new TermCounts().add(text).record();
}

/**
 * Content terms counted over one text or more (`contentTerms` of one), in first-seen order: a
 * report's terms and the words it shares across languages (lang/bridge.ts) are counted into one
 * Record, not copied key by key into a second.
 */
export class TermCounts {
  // counted by index (an object with thousands of new keys is slow to grow), then copied to the
  // Record in first-seen order, the order direct insertion would give
  private readonly index = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly counts: number[] = [];

  /** Counts the terms of `text`, each occurrence `weight` times. */
  add(text: string, weight = 1): this {
    const lower = text.toLowerCase();
    const byChar = lowersByChar(text, lower);
    const source = byChar ? lower : text;
    const length = source.length;
    for (let start = 0; start < length; ) {
      // ASCII letters and word characters by their code, the rest by wordCharAt (this reads every
      // character of every report)
      let c = source.charCodeAt(start);
      let len = c < 128 ? ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0) : c < CLASS_TABLE_END ? CHAR_CLASS[c] & LETTER_BIT : wordCharAt(source, start, false);
      if (!len) {
        start++;
        continue;
      }
      let end = start + len;
      for (;;) {
        if (end >= length) break;
        c = source.charCodeAt(end);
        if (c < 128) {
          if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 45) end++;
          else break;
        } else if (c < CLASS_TABLE_END) {
          // Cyrillic, Arabic, accented Latin: their class from the table
          if (CHAR_CLASS[c] & WORD_CHAR_BIT) end++;
          else break;
        } else if ((len = wordCharAt(source, end, true))) end += len;
        else break;
      }
      const from = start;
      start = end;
      // a lower-cased text is cut as it is; a word of the other kind is lower-cased alone, which may change its length
      if (byChar) {
        // a possessive 's goes; a word under three letters is no term, nor sliced
        let n = end - from;
        if (n >= 2 && source.charCodeAt(end - 1) === 115 /* s */ && ((c = source.charCodeAt(end - 2)) === 39 || c === 0x2019)) n -= 2;
        if (n < 3) continue;
        const w = source.slice(from, from + n);
        // every stop word is ASCII: a word of other letters (Cyrillic, Arabic) is not looked up
        if (w.charCodeAt(0) < 128 && STOP_WORDS.has(w)) continue;
        this.count(stem(w), weight);
        continue;
      }
      let w = source.slice(from, end).toLowerCase();
      const n = w.length;
      if (n >= 2 && w.charCodeAt(n - 1) === 115 /* s */ && (w.charCodeAt(n - 2) === 39 || w.charCodeAt(n - 2) === 0x2019)) w = w.slice(0, -2);
      if (w.length < 3 || (w.charCodeAt(0) < 128 && STOP_WORDS.has(w))) continue;
      this.count(stem(w), weight);
    }
    return this;
  }

  private count(term: string, weight: number): void {
    const i = this.index.get(term);
    if (i !== undefined) this.counts[i] += weight;
    else {
      this.index.set(term, this.terms.length);
      this.terms.push(term);
      this.counts.push(weight);
    }
  }

  record(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < this.terms.length; i++) out[this.terms[i]] = this.counts[i];
    return out;
  }
}

const NAME_RUN = /\b(?<![.!?]\s|^)([\p{Lu}][\p{L}'’-]+(?:\s+(?:of\s+|al-|de\s+)?[\p{Lu}][\p{L}'’-]+)*)/gmu;
const NOT_NAME = new Set(['the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'in', 'on', 'at', 'but', 'and', 'as', 'this', 'that', 'his', 'her', 'their']);

export function properNames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(NAME_RUN)) {
    const n = m[1].toLowerCase().replace(/['’]s$/, '');
    if (n.length < 3 || NOT_NAME.has(n) || STOP_WORDS.has(n)) continue;
    out.add(n);
  }
  return [...out];
}
