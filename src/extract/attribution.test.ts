import { describe, expect, it } from 'vitest';
import { findAttributions, sourceOf } from './attribution.js';
import { splitSentences } from './sentences.js';
import { lexiconFor } from '../lang/index.js';
import { lexiconAttributions } from '../lang/attribution.js';
import { lexiconSentences } from '../lang/sentences.js';

describe('attribution', () => {
  it('reads "according to", "X said" and sources after a quote', () => {
    expect(sourceOf('According to the Defense Ministry, the plane crashed.')).toBe('Defense Ministry');
    expect(sourceOf('The Kremlin said in its statement that the helicopter was shot down.')).toBe('Kremlin');
    expect(sourceOf('“We will rebuild,” Mayor Jane Doe said.')).toBe('Mayor Jane Doe');
    expect(sourceOf('Unofficial reports from Russian Telegram channels suggest that it landed.')).toBe('Russian Telegram channels');
  });
  it('takes the name before an appositive', () => {
    expect(sourceOf('John Smith, a spokesperson for the army said the base was hit.')).toBe('John Smith, a spokesperson for the army');
  });
  it('carries a source to a sentence that refers back to it', () => {
    const text = 'Reports from local channels suggest a crash. These reports differ on the place.';
    const found = findAttributions(text, splitSentences(text));
    expect(found.map((a) => a.value)).toEqual(['local channels', 'local channels']);
  });
  it('names no source where none is given', () => {
    expect(sourceOf('The helicopter was shot down over the province.')).toBeNull();
  });
  it('finds the sayer whatever the case and spacing before the saying word', () => {
    expect(sourceOf('The harbour master\tTOLD reporters the pier was shut.')).toBe('harbour master');
    expect(sourceOf('Two fishermen\nsaid the storm came early.')).toBe('Two fishermen');
    expect(sourceOf('Nothing was heard from the island.')).toBeNull();
  });

  it('lexicon languages: the gates (patterns without their lookbehind) find what the patterns alone find', () => {
    const texts: Record<'ru' | 'uk' | 'ar', string> = {
      ru: 'По данным МЧС, погибли двое. Как сообщил губернатор Иванов, пожар потушен. Запорожье атаковано. Непо данным ничего.',
      uk: 'За даними ДСНС, загинули двоє. Як повідомив голова ОВА, пожежу загасили. Вибух у Харкові.',
      ar: 'وفقا للدفاع المدني قتل ثلاثة. قال مصدر طبي إن الجرحى خمسة. حسب وكالة الأنباء، انفجرت عبوة. غارة على إدلب.',
    };
    for (const code of ['ru', 'uk', 'ar'] as const) {
      const lex = lexiconFor(code)!;
      expect(lex.attributionGates?.some((g) => g !== null), code).toBe(true);
      const sentences = lexiconSentences(texts[code], lex);
      const gated = lexiconAttributions(texts[code], sentences, lex);
      expect(gated.length, code).toBeGreaterThan(0);
      expect(gated, code).toEqual(lexiconAttributions(texts[code], sentences, { ...lex, attributionGates: undefined }));
    }
  });
});
