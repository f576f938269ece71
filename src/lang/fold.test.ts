import { describe, expect, it } from 'vitest';
import { foldName } from '../extract/gazetteer.js';
import { foldWord } from './fold.js';

describe('foldWord', () => {
  it('gives foldName of every letter, alone, in words, spaced and upper-cased', () => {
    const letters: string[] = [];
    for (const [a, b] of [[0x20, 0x7f], [0xc0, 0x17f], [0x300, 0x36f], [0x400, 0x52f], [0x600, 0x6ff], [0x750, 0x77f]]) for (let c = a; c <= b; c++) letters.push(String.fromCharCode(c));
    for (const c of letters) {
      for (const s of [c, `${c}ب`, `к${c}`, `${c}${c}`, `ا ${c}`, ` ${c}`, `${c} `, `${c}  a`, `a ${c}`, c.toUpperCase()]) expect(foldWord(s), JSON.stringify(s)).toBe(foldName(s));
    }
  });
  it('gives foldName of names of the three scripts and of odd spacing', () => {
    for (const s of ['', ' ', 'a  b', ' kyiv', 'kyiv ', 'Харьков', 'харьков', 'ёлкино', 'київ', 'ґорґани', 'біла церква', 'ростов-на-дону', 'الإسكندرية', 'بأدلب', 'مؤتة', 'إدلب', 'آمرلي', 'مستشفى', 'البحريــن', 'بيروت ', 'بيروت  لبنان', 'حفر الباطن', 'kyiv', 'donets’k', '١٢ مارس', 'a б', 'ال', 'ىئإؤأآ', 'ا-ب', 'ростов-на-дону', 'а--б', '-а', 'а-', 'а -б', 'a-b', 'مُحَمَّد', 'إِدْلِب', 'ًا', 'а\u064b', 'ё\u064b', 'й\u064b', 'a\u064b', 'ب \u064b', 'ب-\u064b', 'آٓ', 'اٰ'])
      expect(foldWord(s), JSON.stringify(s)).toBe(foldName(s));
  });
  it('gives foldName of random strings of plain letters and spaces', () => {
    const alphabet = 'az09 аяёєіїґйў ءآأؤإئابةغفكلمنهوىي ـًٌٍَُِّْٰٕٓٔ - ';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % alphabet.length;
    for (let k = 0; k < 30000; k++) {
      let s = '';
      for (let n = 1 + (k % 9); n > 0; n--) s += alphabet[next()];
      expect(foldWord(s), JSON.stringify(s)).toBe(foldName(s));
    }
  });
});
