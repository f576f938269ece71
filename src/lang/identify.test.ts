import { describe, expect, it } from 'vitest';
import { identifyLanguage, loadLanguageModel, letterCounts } from './identify.js';
import { createPipeline, extract, loadResources } from '../pipeline.js';

const model = await loadLanguageModel();
const pipeline = createPipeline(loadResources({ languageModel: model }));

describe('identifyLanguage', () => {
  it('reads ru, uk, ar and en, with the model and by script alone', () => {
    expect(identifyLanguage('В понедельник в результате обстрела Донецка погибли три человека', model).lang).toBe('ru');
    expect(identifyLanguage("У понеділок внаслідок обстрілу Херсона загинули п'ятеро людей", model).lang).toBe('uk');
    expect(identifyLanguage('قتل ثلاثة أشخاص في قصف على إدلب', model).lang).toBe('ar');
    expect(identifyLanguage('Three people were killed in shelling of Kharkiv', model).lang).toBe('en');
    expect(identifyLanguage('Обстріл Херсона: загинули троє', null).lang).toBe('uk');
    expect(identifyLanguage('Обстрел Херсона: погибли трое', null).lang).toBe('ru');
  });
  it('gives bad input a clear language', () => {
    expect(identifyLanguage('V ponedelnik v rezultate obstrela Donetska pogibli tri cheloveka', model).lang).toBe('ru-Latn');
    expect(identifyLanguage('\u200fقتل ثلاثة أشخاص\u200f', model).lang).toBe('ar');
    expect(identifyLanguage('Drei Menschen wurden bei einem Angriff getötet', model).lang).toBe('de');
    expect(identifyLanguage('12 34 !!', model).lang).toBe('und');
  });
});

describe('no invented facts where no lexicon reads the text', () => {
  const doc = (text: string) => ({ id: `d${text.length}`, source: 't', url: null, title: null, published: '2024-03-07', author: null, site: null, lang: null, text });
  for (const text of ['V ponedelnik v rezultate obstrela Donetska pogibli tri cheloveka.', 'Drei Menschen wurden am Montag bei einem Angriff in Charkiw getötet.']) {
    it(text, () => {
      const { annotated, reports } = extract(doc(text), pipeline);
      expect(annotated.document.lang).not.toBe('en');
      expect(annotated.annotations.filter((a) => a.kind !== 'sentence')).toEqual([]);
      for (const r of reports) expect(r.fatalities?.best ?? 0).toBe(0);
    });
  }
  it('a Russian report quoting English keeps a clear language and its facts', () => {
    const { annotated, reports } = extract(doc('В понедельник в результате обстрела Донецка погибли три человека (Reuters: "three killed").'), pipeline);
    expect(annotated.document.lang).toBe('ru');
    expect(reports[0].fatalities?.best).toBe(3);
    expect(reports[0].location?.name).toBe('Donetsk');
  });
});

describe('letterCounts', () => {
  it('counts what the letter and capital patterns keep, astral letters and lone surrogates too', () => {
    const samples = ['Донецк и Київ', 'ПОГИБЛИ ТРИ ЧЕЛОВЕКА', 'قتل ثلاثة أشخاص في إدلب', 'Ǆemal İstanbul ΣΊΣΥΦΟΣ', '𝐀𝐁c 𐐀𐐨 \ud800x \udc00', '12 — «»', 'ǅ ǈ ʰ ª'];
    for (let c = 0; c < 0x3000; c += 7) samples.push(String.fromCharCode(c, c + 1, c + 2));
    for (const s of samples) {
      const letters = s.replace(/[^\p{L}]/gu, '');
      expect(letterCounts(s), JSON.stringify(s)).toEqual({ letters: letters.length, capitals: letters.replace(/[^\p{Lu}]/gu, '').length });
    }
  });
});
