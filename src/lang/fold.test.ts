import { describe, expect, it } from 'vitest';
import { foldName } from '../extract/gazetteer.js';
import { fastFold } from './fold.js';

describe('fastFold', () => {
  it('folds every letter as foldName does, alone, in words and upper-cased', () => {
    const letters: string[] = [];
    for (const [a, b] of [[0x20, 0x7f], [0x400, 0x52f], [0x600, 0x6ff]]) for (let c = a; c <= b; c++) letters.push(String.fromCharCode(c));
    for (const c of letters) {
      for (const s of [c, `${c}ب`, `к${c}`, `${c}${c}`, `ا ${c}`, ` ${c}`, `${c}  a`, c.toUpperCase()]) expect(fastFold(s), JSON.stringify(s)).toBe(foldName(s));
    }
  });
  it('folds names and words of the three scripts', () => {
    for (const s of ['Харьков', 'Ёлкино', 'Київ', 'Ґорґани', 'Біла Церква', 'Ростов-на-Дону', 'الإسكندرية', 'بأدلب', 'مؤتة', 'إدلب', 'آمرلي', 'مستشفى', 'البحريــن', 'بيروت ', 'kyiv', 'Donets’k', "١٢ مارس"]) expect(fastFold(s)).toBe(foldName(s));
  });
});
