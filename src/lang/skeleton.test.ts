import { describe, expect, it } from 'vitest';
import { romanOpening, romanSkeleton, skeletonByPatterns } from './skeleton.js';
import { transliterator } from './translit.js';

/** The opening by its rules, for any text. */
const openingByPatterns = (latin: string) => latin.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '').replace(/[cq]/g, 'k').slice(0, 2);

describe('romanSkeleton', () => {
  it('gives what its patterns give, on ASCII and beyond', () => {
    const texts = ['Kaliforniya', 'California', 'Kaliforniia', 'Shchyolkovo', 'Zaporizhzhia', 'Schwarzschild', 'Tchaikovsky', 'Khachkar', 'Philipp', 'Xaxx', 'Wwwhh',
      "Kryvyi Rih", "O'Hare-Gate 12", 'schch shsh chch tchch kck ckh qq', 'Ærø', 'Zoë', 'ñandú', 'İstanbul', '', 'AEIOU', 'hhh', 'ssss'];
    // every string of up to three letters from those the rules name, and random ASCII strings
    const letters = 'schtzkqpxwaehjy';
    for (const a of letters) for (const b of letters) for (const c of letters) texts.push(a + b + c, a + b + c + a + b);
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let k = 0; k < 5000; k++) {
      let s = '';
      const n = 1 + Math.floor(rand() * 14);
      for (let i = 0; i < n; i++) s += String.fromCharCode(32 + Math.floor(rand() * 95));
      texts.push(s);
    }
    for (const t of texts) {
      expect(romanSkeleton(t), t).toBe(skeletonByPatterns(t));
      expect(romanOpening(t), t).toBe(openingByPatterns(t));
    }
  });
  it('gives what its patterns give for Russian and Ukrainian words spelled in Latin letters', () => {
    const words = 'Калифорния Харьков Київ Запоріжжя Щёлково Чехия Хмельницкий Жмеринка Шостка Сквира Згурівка Ющенко Чорнобиль Подмосковье Волгоград Їжакевич Ґалаґан'.split(' ');
    for (const preset of ['ru', 'uk'] as const) {
      const latin = transliterator(preset);
      for (const w of words) for (const f of [w, w.toLowerCase(), w.slice(0, -1)]) {
        const l = latin(f);
        expect(romanSkeleton(l), l).toBe(skeletonByPatterns(l));
        expect(romanOpening(l), l).toBe(openingByPatterns(l));
      }
    }
  });
});
