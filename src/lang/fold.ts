/**
 * `foldName` of the words the lexicon readers look up, by one loop over their letters: a word of
 * ASCII letters and digits, or of plain Cyrillic and Arabic letters (single spaces between words),
 * folds to itself or letter for letter (ё → е; آ أ إ → ا, ؤ → و, ئ ى → ي), with no regular
 * expression run. Anything else goes to `foldName`, so the result is always foldName's
 * (src/lang/fold.test.ts checks every letter).
 */
import { foldName } from '../extract/gazetteer.js';

/** Arabic vowel signs, hamza and madda (foldName drops them): dropped here after an Arabic letter, the only place their dropping is all NFD and NFC do. */
const MARK = 0xffff;
const HYPHEN = 45;
/** The letter a plain letter folds to, by code: 0 for a letter not plain (then foldName decides). */
const PLAIN = (() => {
  const t = new Uint16Array(0x680);
  for (let c = 0x30; c <= 0x39; c++) t[c] = c;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = c;
  for (let c = 0x430; c <= 0x44f; c++) t[c] = c;
  for (const c of [0x454, 0x456, 0x457, 0x491]) t[c] = c;
  t[0x451] = 0x435;
  for (let c = 0x621; c <= 0x63a; c++) t[c] = c;
  for (let c = 0x641; c <= 0x64a; c++) t[c] = c;
  t[0x622] = t[0x623] = t[0x625] = 0x627;
  t[0x624] = 0x648;
  t[0x626] = t[0x649] = 0x64a;
  for (let c = 0x64b; c <= 0x65f; c++) t[c] = MARK;
  t[0x670] = MARK;
  return t;
})();

export function foldWord(s: string): string {
  return plainFold(s) ?? foldName(s);
}

/** foldName of `s` when its letters are plain (see above; a hyphen between two of them is a space), else null. */
export function plainFold(s: string): string | null {
  let ascii = true;
  let changed = false;
  // a space or hyphen opening the text, doubled or closing it is no plain name: foldName trims and squeezes
  let afterSpace = true;
  let spacing = true;
  let afterArabic = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === HYPHEN) {
      if (afterSpace) spacing = false;
      afterSpace = true;
      afterArabic = false;
      if (c === HYPHEN) {
        ascii = false;
        changed = true;
      }
      continue;
    }
    afterSpace = false;
    const to = c < 0x680 ? PLAIN[c] : 0;
    if (to === 0) return null;
    if (to === MARK) {
      if (!afterArabic) return null;
      ascii = false;
      changed = true;
      continue;
    }
    afterArabic = c >= 0x621 && c <= 0x64a;
    if (c > 0x7a) ascii = false;
    if (to !== c) changed = true;
  }
  // ASCII letters, digits and spaces stay as they are, spaces too
  if (ascii) return s;
  if (!spacing || afterSpace) return null;
  if (!changed) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === HYPHEN) out += ' ';
    else if (PLAIN[c] !== MARK) out += String.fromCharCode(PLAIN[c]);
  }
  return out;
}
