import { describe, expect, it } from 'vitest';
import { lexiconCasualties } from './casualties.js';
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
