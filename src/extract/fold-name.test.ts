import { describe, expect, it } from 'vitest';
import { foldName, foldNormalised } from './gazetteer.js';

/** What foldName gave before its plain-letter path: every name by normalisation. */
const ASCII_PLAIN = /^[a-z0-9 ]*$/;
const reference = (s: string) => (ASCII_PLAIN.test(s.toLowerCase()) ? s.toLowerCase() : foldNormalised(s.toLowerCase()));

describe('foldName of plain Cyrillic and Arabic letters', () => {
  it('folds every letter as normalisation does, alone, in words and upper-cased', () => {
    const letters: string[] = [];
    for (const [a, b] of [[0x20, 0x7f], [0x400, 0x52f], [0x600, 0x6ff]]) for (let c = a; c <= b; c++) letters.push(String.fromCharCode(c));
    for (const c of letters) {
      for (const s of [c, `${c}ب`, `к${c}`, `${c}${c}`, `ا ${c}`, ` ${c}`, `${c}  a`, c.toUpperCase()]) expect(foldName(s), JSON.stringify(s)).toBe(reference(s));
    }
  });
  it('folds names and words of the three scripts', () => {
    for (const s of ['Харьков', 'Ёлкино', 'Київ', 'Ґорґани', 'Біла Церква', 'Ростов-на-Дону', 'الإسكندرية', 'بأدلب', 'مؤتة', 'إدلب', 'آمرلي', 'مستشفى', 'البحريــن', 'بيروت ', 'kyiv', 'Donets’k', "١٢ مارس"]) expect(foldName(s)).toBe(reference(s));
  });
  it('folds ASCII names with periods, apostrophes, dashes and white space as normalisation does', () => {
    const chars = " \t\n\v\f\r.'`-‐–—’abcXYZ019,()&/İKé";
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % chars.length;
    for (let k = 0; k < 20000; k++) {
      let s = '';
      for (let n = 1 + (k % 9); n > 0; n--) s += chars[next()];
      expect(foldName(s), JSON.stringify(s)).toBe(reference(s));
    }
    for (const s of ['St. Louis', 'U.S.', 'W.Va.', 'Ivano-Frankivsk', "O'Brien", ' Fort  Worth - ', 'Coeur d`Alene']) expect(foldName(s)).toBe(reference(s));
  });
});
