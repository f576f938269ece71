/** Words of a sentence with their offsets, for the lexicon readers. */

export interface Token {
  /** Offsets into the string tokenised (its text is `string.slice(start, end)`, made where asked: most tokens are read by their lower case alone). */
  start: number;
  end: number;
  /** Lower case, apostrophes as "'", Arabic-Indic digits as ASCII (same length, so offsets hold). */
  lower: string;
  /** Opens with a capital letter (`capitalised`). */
  cap: boolean;
}

const APOSTROPHES = /[’ʼ]/g;
/** Tatweel, the Arabic stretching stroke ("البحريــن"): no letter, dropped from the lookup form. */
const TATWEEL = /\u0640/g;
const TRAILING = /['-]+$/;
const NEEDS_NORMALISING = /[’ʼ\u0640\u0660-\u0669\u06f0-\u06f9]/;

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits as ASCII, one for one. */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) - (d.charCodeAt(0) >= 0x6f0 ? 0x6f0 : 0x660))));
}

/**
 * The tokens of the sentences tokenised last, kept in the run's memos (`StageContext.memos`): the
 * places and casualty readers both read every sentence of a document. Read-only arrays; a few
 * hundred sentences (one document's) are kept.
 */
const MEMO_KEY = 'tokens';
const RECENT_SENTENCES = 256;

/**
 * The words of a sentence (with `memos`, the same array for the same text, shared: never changed by
 * a caller); without them, tokenised afresh.
 */
export function tokenize(text: string, memos?: Map<string, object>): readonly Token[] {
  if (!memos) return tokenizeNow(text);
  let recent = memos.get(MEMO_KEY) as Map<string, readonly Token[]> | undefined;
  if (!recent) memos.set(MEMO_KEY, (recent = new Map()));
  let out = recent.get(text);
  if (out) return out;
  out = tokenizeNow(text);
  if (recent.size >= RECENT_SENTENCES) recent.clear();
  recent.set(text, out);
  return out;
}

/**
 * A word is what `/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’ʼ-]{0,60}/gu` matches (tokens.test.ts holds that
 * pattern and compares), found by a loop over character classes: the regexp cost a tenth of the places reader.
 */
/** What may open a word and what may go on in one. */
const OPENS = /^[\p{L}\p{N}]$/u;
const GOES_ON = /^[\p{L}\p{M}\p{N}'’ʼ-]$/u;
const OPEN = 1;
const ON = 2;
/** Classes of the code points that fill most text here (Latin, Greek, Cyrillic, Hebrew, Arabic; general punctuation): a table, not a regexp per character. */
const TABLE_RANGES: readonly [number, number][] = [[0, 0x800], [0x2000, 0x2070]];
const CLASS_OF: readonly Uint8Array[] = TABLE_RANGES.map(([a, b]) => {
  const t = new Uint8Array(b - a);
  for (let c = a; c < b; c++) t[c - a] = classOfChar(String.fromCharCode(c));
  return t;
});
function classOfChar(ch: string): number {
  return (OPENS.test(ch) ? OPEN : 0) | (GOES_ON.test(ch) ? ON : 0);
}
function classOf(cp: number): number {
  if (cp < 0x800) return CLASS_OF[0][cp];
  if (cp >= 0x2000 && cp < 0x2070) return CLASS_OF[1][cp - 0x2000];
  return classOfChar(String.fromCodePoint(cp));
}
/** The most code points a word takes after the first (a longer run is cut into words). */
const WORD_REST = 60;

/** The code point at i (a surrogate pair as one, as a `u` regexp reads it). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const lo = text.charCodeAt(i + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) return ((c - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * Where the text lower-cased whole gives each word's lower case (`lowerWhole`): no code unit may
 * map to more than one (İ), and no Σ, whose lower case depends on the letters around it.
 */
const CONTEXT_CASED = /[\u03a3\ud800-\udfff]/;

/**
 * The text lower-cased at once, where that is each character lower-cased alone (one code unit to
 * one, no Σ, no surrogate pair): a word's lower case is then a slice of it. Else null.
 */
function lowerWhole(text: string): string | null {
  const lower = text.toLowerCase();
  return lower.length === text.length && !CONTEXT_CASED.test(text) ? lower : null;
}

/** A letter or mark of the Arabic block (no case: lower-casing leaves it), neither tatweel nor a digit (see NEEDS_NORMALISING). */
function isPlainArabic(cp: number): boolean {
  return cp >= 0x600 && cp <= 0x6ff && cp !== 0x640 && !(cp >= 0x660 && cp <= 0x669) && !(cp >= 0x6f0 && cp <= 0x6f9);
}

/** The words of a text, by a loop over the classes of its code points. */
function tokenizeNow(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  // one lower-casing and one test for the sentence, not one of each per word; made at the first word that
  // needs them (a sentence of plain Arabic words alone needs neither)
  let whole: string | null | undefined;
  let normalise = false;
  let i = 0;
  while (i < n) {
    let cp = codePointAt(text, i);
    if (!(classOf(cp) & OPEN)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    // a word of the Arabic block alone has no case and needs no normalising unless it holds a tatweel or a digit
    let plainArabic = isPlainArabic(cp);
    i += cp > 0xffff ? 2 : 1;
    for (let k = 0; k < WORD_REST && i < n; k++) {
      cp = codePointAt(text, i);
      if (!(classOf(cp) & ON)) break;
      if (plainArabic && !isPlainArabic(cp)) plainArabic = false;
      i += cp > 0xffff ? 2 : 1;
    }
    let end = i;
    if (plainArabic) {
      out.push({ start, end, lower: text.slice(start, end), cap: false });
      continue;
    }
    // a word ends in an apostrophe or hyphen seldom: the pattern only then
    const last = text.charCodeAt(end - 1);
    if (last === 39 || last === 45) {
      const trail = TRAILING.exec(text.slice(start, end));
      if (trail) end -= trail[0].length;
    }
    if (end === start) continue;
    let lower: string;
    let cap: boolean;
    if (whole === undefined) {
      whole = lowerWhole(text);
      normalise = whole === null || NEEDS_NORMALISING.test(whole);
    }
    if (whole !== null) {
      lower = whole.slice(start, end);
      cap = whole.charCodeAt(start) !== text.charCodeAt(start);
    } else {
      const t = text.slice(start, end);
      lower = t.toLowerCase();
      const c = t[0];
      cap = c !== c.toLowerCase();
    }
    // one test spares three replaces on the many words that need none
    if (normalise && NEEDS_NORMALISING.test(lower)) lower = asciiDigits(lower.replace(APOSTROPHES, "'").replace(TATWEEL, ''));
    out.push({ start, end, lower, cap });
  }
  return out;
}

/** A token that opens with a capital letter ("Донецка"), the sign of a name in Cyrillic text. */
export function capitalised(t: Token): boolean {
  return t.cap;
}
