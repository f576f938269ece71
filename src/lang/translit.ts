/** cyrillic-to-translit-js (MIT): its `uk` preset gives the GeoNames spellings (Kharkiv, Zaporizhzhia). */
import * as mod from 'cyrillic-to-translit-js';
import { asciiLetters } from './skeleton.js';

type Make = (config?: { preset: 'ru' | 'uk' | 'mn' }) => { transform(input: string, spaceReplacement?: string): string };

// a CommonJS module: its function is the default export under Node, the module itself elsewhere
const m = mod as unknown as { default?: Make | { default?: Make } };
const make: Make = (typeof m.default === 'function' ? m.default : (m.default as { default?: Make } | undefined)?.default ?? (mod as unknown as Make));

/**
 * The package's `transform`, from tables: the package builds a string one character at a time
 * with two object lookups and two case conversions each, which the places stage pays for every
 * capitalised word it does not find. The tables hold what `transform` gives each lower-case
 * Cyrillic letter at a word's start and inside a word (asked of the package itself, once), and the
 * walk below is its own: a word starts after a space, an upper-case letter gives its spelling
 * capitalised, Ukrainian "зг" is "zgh". Text with any other character is left to the package.
 */
export function transliterator(preset: 'ru' | 'uk'): Spelling {
  const t = make({ preset });
  // by code point from U+0400: a lower-case letter's spelling at a word's start and inside a word, and each letter's lower case
  const first: (string | undefined)[] = [];
  const inside: (string | undefined)[] = [];
  const lowerOf: (number | undefined)[] = [];
  const prefix = t.transform('б');
  for (let code = 0x400; code <= 0x4ff; code++) {
    const c = String.fromCharCode(code);
    const upper = c.toUpperCase();
    // lower-case letters with one upper-case letter that lower-cases back
    if (!/^\p{Ll}$/u.test(c) || upper === c || upper.length !== 1 || upper.toLowerCase() !== c || !/^\p{Lu}$/u.test(upper)) continue;
    const spelled = t.transform(c);
    const after = t.transform('б' + c);
    if (!after.startsWith(prefix)) continue;
    first[code - 0x400] = spelled;
    inside[code - 0x400] = after.slice(prefix.length);
    lowerOf[code - 0x400] = code;
    lowerOf[upper.charCodeAt(0) - 0x400] = code;
  }
  const ZE = 'з'.charCodeAt(0);
  const GE = 'г'.charCodeAt(0);
  const lowerAt = (text: string, i: number): number | undefined => {
    const k = text.charCodeAt(i) - 0x400;
    return k >= 0 && k < 0x100 ? lowerOf[k] : undefined;
  };
  const fast = (text: string): string | null => {
    let out = '';
    let boundary = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 32) {
        out += ' ';
        boundary = true;
        continue;
      }
      if (code === 45) {
        // no letter: the package keeps it, and it ends the word's start as a letter would
        if (i === 0 || boundary) boundary = false;
        out += '-';
        continue;
      }
      const lower = lowerAt(text, i);
      if (lower === undefined) return null;
      let letter: string;
      if (preset === 'uk' && lower === GE && i > 0 && lowerAt(text, i - 1) === ZE) letter = 'gh';
      else if (i === 0 || boundary) {
        letter = first[lower - 0x400]!;
        boundary = false;
      } else letter = inside[lower - 0x400]!;
      out += code === lower ? letter : letter.length > 1 ? letter[0].toUpperCase() + letter.slice(1) : letter.toUpperCase();
    }
    return out;
  };
  const out = (text: string) => fast(text) ?? t.transform(text);
  // the spellings as the a-z codes `latinLetters` reads (skeleton.ts's reading of an ASCII spelling), or null beyond ASCII
  const codesOf = (spelled: string | undefined): number[] | null => (spelled === undefined ? null : asciiLetters(spelled));
  const firstCodes = first.map(codesOf);
  const insideCodes = inside.map(codesOf);
  const gh = codesOf('gh')!;
  const letters = (text: string): number[] | null => {
    const codes: number[] = [];
    let boundary = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 32) {
        boundary = true;
        continue;
      }
      if (code === 45) {
        if (i === 0 || boundary) boundary = false;
        continue;
      }
      const lower = lowerAt(text, i);
      if (lower === undefined) return null;
      let letter: number[] | null;
      if (preset === 'uk' && lower === GE && i > 0 && lowerAt(text, i - 1) === ZE) letter = gh;
      else if (i === 0 || boundary) {
        letter = firstCodes[lower - 0x400];
        boundary = false;
      } else letter = insideCodes[lower - 0x400];
      if (letter == null) return null;
      for (let k = 0; k < letter.length; k++) codes.push(letter[k]);
    }
    return codes;
  };
  return Object.assign(out, { letters });
}

/** A transliterator's spelling, and the a-z codes of it read from its tables (null where they cannot tell). */
type Spelling = ((text: string) => string) & { letters?: (text: string) => number[] | null };

/**
 * The letters a-z of `transliterate(text)`, lower-cased, as character codes (what skeleton.ts reads of
 * an ASCII spelling), read from the transliterator's own tables without the string; null when
 * `transliterate` is not one of `transliterator`'s or the text has a character its tables do not
 * hold (or a spelling beyond ASCII): then spell the text and read the string.
 */
export function latinLetters(transliterate: (text: string) => string, text: string): number[] | null {
  return (transliterate as Spelling).letters?.(text) ?? null;
}
