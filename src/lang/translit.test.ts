import { describe, expect, it } from 'vitest';
import * as mod from 'cyrillic-to-translit-js';
import { transliterator } from './translit.js';

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
});
