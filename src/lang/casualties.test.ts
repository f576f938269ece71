import { describe, expect, it } from 'vitest';
import { casualtyWordsAbsent, lexiconCasualties, openingLetters } from './casualties.js';
import { lexiconFor } from './index.js';

describe('lexiconCasualties: no casualties', () => {
  it('reads "без жертв" as a zero toll, not inside a longer word (the fast gate leaves the pattern its say)', () => {
    for (const lang of ['ru', 'uk']) {
      const lex = lexiconFor(lang)!;
      const zero = lexiconCasualties('Обстрел обошелся без жертв.', 10, lex, []);
      expect(zero.map((a) => [a.field, a.value.best, a.start])).toEqual([['fatalities', 0, 10 + 'Обстрел обошелся '.length]]);
      expect(lexiconCasualties('Абез жертв не было.', 0, lex, []).filter((a) => a.value.best === 0)).toEqual([]);
      expect(lexiconCasualties('Обстрел продолжался всю ночь.', 0, lex, [])).toEqual([]);
    }
  });
});

describe('lexiconCasualties: the sentence gate', () => {
  const ar = lexiconFor('ar')!;
  it('reads the letters a word pattern opens with, or none for another shape', () => {
    expect(openingLetters('^(?:погиб|смерт(?!ельн)|тела$|лет[оа]м|ранен?|ab{0,2})')).toEqual(['погиб', 'смерт', 'тела', 'лет', 'ране', 'a']);
    expect(openingLetters('^(?:قتل|قتيلاً)$')).toEqual(['قتل', 'قتيلاً']);
    expect(openingLetters('^(?:a|b)(?:c|d)')).toBeNull();
    expect(openingLetters('^(?:a|[bc]d)')).toBeNull();
    expect(openingLetters('(?:a|b)')).toBeNull();
  });
  it('lets through every Russian or Ukrainian sentence where a word is a casualty word, in any case', () => {
    for (const lang of ['ru', 'uk']) {
      const lex = lexiconFor(lang)!;
      expect(casualtyWordsAbsent('Обстрел продолжался всю ночь.', lex)).toBe(true);
      expect(casualtyWordsAbsent('Без жертв.', lex)).toBe(false); // "жертв" opens a casualty word
    }
    expect(casualtyWordsAbsent('ПОГИБЛИ трое.', lexiconFor('ru')!)).toBe(false);
    expect(casualtyWordsAbsent('Двоє ЗАГИНУЛИ.', lexiconFor('uk')!)).toBe(false);
    expect(lexiconCasualties('ПОГИБЛИ трое.', 0, lexiconFor('ru')!, []).map((a) => a.value.best)).toEqual([3]);
  });
  it('lets through every Arabic sentence where some form of a word is a casualty word', () => {
    const sentences = [
      'أسفر القصف عن مقتل ثلاثة أشخاص',
      'وقتلى في الهجوم', // a proclitic before the word
      'سقط قتيلاً في الانفجار', // a vowel mark in the word
      'سقط قتيـلا في الانفجار', // a tatweel the token drops: "قتيلا"
      'الاصابات: 3 جرحى',
      'عقد الاجتماع في القاهرة أمس',
      'وصل الوفد إلى بيروت',
    ];
    for (const s of sentences) {
      const found = lexiconCasualties(s, 0, ar, []).length > 0;
      if (found) expect(casualtyWordsAbsent(s, ar)).toBe(false);
    }
    expect(sentences.map((s) => casualtyWordsAbsent(s, ar))).toEqual([false, false, false, false, false, true, true]);
  });
  it('gives what the words give: a count with its word, none without', () => {
    expect(lexiconCasualties('أسفر القصف عن مقتل ثلاثة أشخاص', 0, ar, []).map((a) => [a.field, a.value.best])).toEqual([['fatalities', 3]]);
    expect(lexiconCasualties('انتهى الهجوم بدون إصابات', 0, ar, []).map((a) => [a.field, a.value.best])).toEqual([['fatalities', 0]]);
    expect(lexiconCasualties('عقد الاجتماع في القاهرة أمس', 0, ar, [])).toEqual([]);
  });
});

describe('lexiconCasualties: numbers written in groups of thousands', () => {
  it('reads "1,394" as one number, never as 1 and 394, in Arabic and Russian', () => {
    const ar = lexiconFor('ar')!;
    const both = lexiconCasualties('قتل 1,394 شخصا وأصيب 31,967 آخرون في الزلزال', 0, ar, []);
    expect(both.map((a) => [a.field, a.value.best])).toEqual([['fatalities', 1394], ['injured', 31967]]);
    // the Arabic thousands separator, in Arabic-Indic digits
    expect(lexiconCasualties('أصيب ١٬٢٠٠ شخص', 0, ar, []).map((a) => a.value.best)).toEqual([1200]);
    // a no-break space, as Russian writes thousands
    expect(lexiconCasualties('Погибли 1\u00a0394 человека.', 0, lexiconFor('ru')!, []).map((a) => a.value.best)).toEqual([1394]);
  });
  it('keeps a list of small numbers apart: a comma and a space, or groups not of three digits', () => {
    const ar = lexiconFor('ar')!;
    expect(lexiconCasualties('قتل 12, 45 شخصا', 0, ar, []).map((a) => a.value.best)).not.toContain(12045);
    expect(lexiconCasualties('قتل 3,45 شخصا', 0, ar, []).map((a) => a.value.best)).not.toContain(3045);
  });
});

describe('lexiconCasualties: a rate is no toll', () => {
  it('reads no count from the base of a rate ("per 100,000 people")', () => {
    const ar = lexiconFor('ar')!;
    expect(lexiconCasualties('نسبة الإصابة لكل 100,000 شخص', 0, ar, []).map((a) => a.value.best)).not.toContain(100000);
    expect(lexiconCasualties('أصيب 40 شخصا', 0, ar, []).map((a) => a.value.best)).toEqual([40]);
  });
});
