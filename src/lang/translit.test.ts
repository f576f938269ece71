import { describe, expect, it } from 'vitest';
import * as mod from 'cyrillic-to-translit-js';
import { latinLetters, transliterator } from './translit.js';

type Make = (config?: { preset: 'ru' | 'uk' }) => { transform(input: string): string };
const m = mod as unknown as { default?: Make | { default?: Make } };
const make: Make = typeof m.default === 'function' ? m.default : ((m.default as { default?: Make }).default ?? (mod as unknown as Make));

describe('transliterator', () => {
  it("spells as the package spells: every pair of the block's characters, words with spaces and hyphens", () => {
    for (const preset of ['ru', 'uk'] as const) {
      const ours = transliterator(preset);
      const theirs = make({ preset });
      const chars: string[] = [];
      for (let c = 0x3f0; c <= 0x510; c++) chars.push(String.fromCharCode(c));
      chars.push(' ', '-', 'a', 'Z');
      for (const a of chars) for (const b of chars) expect(ours(a + b), a + b).toBe(theirs.transform(a + b));
      for (const s of ['Згурівка зг Зг ЗГ', 'Ростов-на-Дону', '-Київ', 'Харків -Одеса', 'Їжак Ґалаґан Щука ЩУКА', 'Ёлка ЁЛКА съезд Подъём']) expect(ours(s), s).toBe(theirs.transform(s));
    }
  });

  it('gives the letters a-z of its spelling as codes (latinLetters), or null where it cannot tell', () => {
    /** What skeleton.ts reads of a spelling: its a-z letters lower-cased, or null beyond ASCII. */
    const letters = (s: string) => (/[^\x00-\x7f]/.test(s) ? null : [...s.toLowerCase()].filter((c) => c >= 'a' && c <= 'z').map((c) => c.charCodeAt(0)));
    let read = 0;
    for (const preset of ['ru', 'uk'] as const) {
      const spell = transliterator(preset);
      const chars: string[] = [];
      for (let c = 0x3f0; c <= 0x510; c++) chars.push(String.fromCharCode(c));
      chars.push(' ', '-', 'a', 'Z');
      const texts = ['Згурівка зг Зг ЗГ', 'Ростов-на-Дону', '-Київ', 'Харків -Одеса', 'Їжак Ґалаґан Щука ЩУКА', 'Ёлка ЁЛКА съезд Подъём', 'калифорнии', 'путина'];
      for (const a of chars) for (const b of chars) texts.push(a + b);
      for (const t of texts) {
        const codes = latinLetters(spell, t);
        if (codes === null) continue;
        read++;
        expect(codes, t).toEqual(letters(spell(t)));
      }
    }
    // the tables read thousands of the pairs; another function is not read
    expect(read).toBeGreaterThan(5_000);
    expect(latinLetters((t) => t, 'путин')).toBeNull();
  });
});
