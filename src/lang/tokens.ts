/** Words of a sentence with their offsets, for the lexicon readers. */

export interface Token {
  /** Offsets into the string tokenised. */
  start: number;
  end: number;
  text: string;
  /** Lower case, apostrophes as "'", Arabic-Indic digits as ASCII (same length, so offsets hold). */
  lower: string;
  /** Opens with a capital letter (`capitalised`). */
  cap: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’ʼ-]{0,60}/gu;
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
 * The tokens of the sentences tokenised last: the places and casualty readers both read every
 * sentence of a document. Read-only arrays; a few hundred sentences (one document's) are kept.
 */
const RECENT = new Map<string, readonly Token[]>();
const RECENT_SENTENCES = 256;

/** The words of a sentence (the same array for the same text, shared: never changed by a caller). */
export function tokenize(text: string): readonly Token[] {
  let out = RECENT.get(text);
  if (out) return out;
  out = tokenizeNow(text);
  if (RECENT.size >= RECENT_SENTENCES) RECENT.clear();
  RECENT.set(text, out);
  return out;
}

function tokenizeNow(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let t = m[0];
    // a word ends in an apostrophe or hyphen seldom: the pattern only then
    const last = t.charCodeAt(t.length - 1);
    if (last === 39 || last === 45) {
      const trail = TRAILING.exec(t);
      if (trail) t = t.slice(0, t.length - trail[0].length);
    }
    if (!t) continue;
    let lower = t.toLowerCase();
    // one test spares three replaces on the many words that need none
    if (NEEDS_NORMALISING.test(lower)) lower = asciiDigits(lower.replace(APOSTROPHES, "'").replace(TATWEEL, ''));
    const c = t[0];
    out.push({ start: m.index, end: m.index + t.length, text: t, lower, cap: c !== c.toLowerCase() });
  }
  return out;
}

/** A token that opens with a capital letter ("Донецка"), the sign of a name in Cyrillic text. */
export function capitalised(t: Token): boolean {
  return t.cap;
}
