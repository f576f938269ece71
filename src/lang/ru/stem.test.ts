import { stemmer } from '@orama/stemmers/russian';
import { describe, expect, it } from 'vitest';
import { stemRussian } from './stem.js';

describe('stemRussian', () => {
  it('cuts the suffixes Snowball cuts', () => {
    expect(stemRussian('харькова')).toBe('харьков');
    expect(stemRussian('донецкой')).toBe('донецк');
    expect(stemRussian('погибших')).toBe('погибш');
    expect(stemRussian('ёлками')).toBe('елк');
    expect(stemRussian('сделавшись')).toBe('сдела');
  });

  it('gives the package stem of every word here and of random strings of its letters', () => {
    const words = 'в на Донецке обстреляли ракетами погибли трое мирных жителей ранены пятеро сообщил губернатор области Запорожья Харьковщины украинские российские военные прекращение огня позавчера нашествие крупнейшему длинношеее величайшее стройнейшие деревянный ёжиком прыгнувший бегущими размышляющая'.split(' ');
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'аеиоуыэюяёнвшсьйлтмщбгджзкпрфхцч-a';
    for (let k = 0; k < 20000; k++) {
      let w = '';
      const n = 1 + Math.floor(rnd() * 12);
      for (let j = 0; j < n; j++) w += alphabet[Math.floor(rnd() * alphabet.length)];
      words.push(w);
    }
    for (const w of words) expect(stemRussian(w), w).toBe(stemmer(w));
  });
});
