import { describe, expect, it } from 'vitest';
import { asciiDigits, tokenize } from './tokens.js';

/** The pattern the tokeniser's loop stands for, and the tokens it gave. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’ʼ-]{0,60}/gu;
function byPattern(text: string) {
  const out = [];
  for (const m of text.matchAll(WORD)) {
    const t = m[0].replace(/['-]+$/, '');
    if (!t) continue;
    let lower = t.toLowerCase();
    if (/[’ʼ\u0640\u0660-\u0669\u06f0-\u06f9]/.test(lower)) lower = asciiDigits(lower.replace(/[’ʼ]/g, "'").replace(/\u0640/g, ''));
    out.push({ start: m.index, end: m.index + t.length, lower, cap: t[0] !== t[0].toLowerCase() });
  }
  return out;
}

describe('tokenize', () => {
  it('finds the words the pattern finds', () => {
    for (const s of [
      'В понедельник в результате обстрела Донецка погибли три человека.',
      "У Києві — м'ясо, п’ять осіб; Кривий Ріг-2, 'цитата' і т.д.",
      'قصف على مدينة حلب أسفر عن مقتل ٣ أشخاص، والرقة بإدلب البحريــن',
      'Ростов-на-Дону -- word- -x \'a\' 12-й 1990-х «Лили», 1953 … “quoted” ‘x’',
      'e\u0301te\u0301 naïve Zoë 𝐀𝐁𝐂 😀 a😀b 𝟏𝟐 \ud800 x\udc00y',
      'a'.repeat(70) + ' ' + 'б'.repeat(130) + "-'-' ' - ",
      'ـــ ٠١٢ ۴۵ ‐‑ – —',
      // lower-cased word by word where the sentence's lower case would differ: Σ by its neighbours, İ to two units
      'ΟΔΟΣ ΑΘΗΝΑΣ-Σ ΣΟΦΙΑ ' + 'Ж'.repeat(60) + 'ΣΑ İstanbul ИСТАНБУЛ',
      'İ Ж Ё І Ї Є Ґ Ǆ ǅ ǆ Ꙁ ᲀ',
      '',
    ])
      expect(tokenize(s), s).toEqual(byPattern(s));
  });
  it('finds the words the pattern finds in every character of the Basic Multilingual Plane', () => {
    let s = '';
    for (let c = 0; c < 0x10000; c++) s += String.fromCharCode(c) + (c % 3 ? '' : ' ') + (c % 7 ? '' : 'a');
    for (let k = 0; k < s.length; k += 4000) expect(tokenize(s.slice(k, k + 4000))).toEqual(byPattern(s.slice(k, k + 4000)));
  });
  it('reads words of Arabic-block characters as the pattern does (the caseless fast path)', () => {
    // every pair of the block's characters as a word, and each character between two Arabic letters
    let s = '';
    for (let a = 0x600; a < 0x700; a++) {
      for (let b = 0x600; b < 0x700; b++) s += String.fromCharCode(a, b) + ' ';
      s += 'ب' + String.fromCharCode(a) + 'ل ';
    }
    for (let k = 0; k < s.length; k += 6000) expect(tokenize(s.slice(k, k + 6000))).toEqual(byPattern(s.slice(k, k + 6000)));
  });
});

describe('tokenize with the run memos', () => {
  it('shares one array per sentence through the memos, and keeps none without them', () => {
    const memos = new Map<string, object>();
    const s = 'Обстрел Донецка продолжался всю ночь.';
    const a = tokenize(s, memos);
    expect(tokenize(s, memos)).toBe(a);
    expect(tokenize(s)).not.toBe(a);
    expect(tokenize(s)).toEqual(a);
  });
  it('keeps a bounded number of sentences', () => {
    const memos = new Map<string, object>();
    for (let i = 0; i < 1000; i++) tokenize(`sentence number ${i}`, memos);
    expect((memos.get('tokens') as Map<string, unknown>).size).toBeLessThanOrEqual(256);
  });
});
