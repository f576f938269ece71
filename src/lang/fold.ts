/**
 * `foldName` (src/extract/gazetteer.ts) for the words the lexicon readers look up, without its
 * Unicode normalisation where none is needed. Most Cyrillic and Arabic words are letters that
 * normalisation leaves alone or maps one for one: "ё" is "е"; "آ", "أ", "إ" are "ا", "ؤ" is "و",
 * "ئ" and "ى" are "ي" (their hamza and madda are marks foldName drops). Such a word, in lower-case
 * letters and single spaces, is folded by that map; any other goes to foldName. The result is
 * foldName's, character for character (src/lang/fold.test.ts checks every letter of the map).
 */
import { foldName } from '../extract/gazetteer.js';

/** Letters whose fold is themselves or one letter of FOLDED, words of them separated by one space. */
const PLAIN = /^[a-z0-9\u0430-\u044f\u0451\u0454\u0456\u0457\u0491\u0621-\u063a\u0641-\u064a]+(?: [a-z0-9\u0430-\u044f\u0451\u0454\u0456\u0457\u0491\u0621-\u063a\u0641-\u064a]+)*$/;
const MAPPED = /[\u0451\u0622-\u0626\u0649]/;
const MAPPED_ALL = /[\u0451\u0622-\u0626\u0649]/g;
const FOLDED: Readonly<Record<string, string>> = { 'ё': 'е', 'آ': 'ا', 'أ': 'ا', 'ؤ': 'و', 'إ': 'ا', 'ئ': 'ي', 'ى': 'ي' };
const mapped = (c: string) => FOLDED[c];

/** foldName(s), quickly for plain Cyrillic and Arabic words. */
export function fastFold(s: string): string {
  const lower = s.toLowerCase();
  if (!PLAIN.test(lower)) return foldName(s);
  return MAPPED.test(lower) ? lower.replace(MAPPED_ALL, mapped) : lower;
}
