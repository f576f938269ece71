import { describe, expect, it } from 'vitest';
import type { Report } from '../model/index.js';
import { bridgeFeatures, CAPITALISED_NAME_PATTERN, capitalisedNames, latinNames } from './bridge.js';
import { lexiconFor } from './index.js';

describe('latinNames', () => {
  const ru = lexiconFor('ru')!;
  it('spells the capitalised names in Latin letters, once each, leaving out those a place covers', () => {
    const text = 'Губернатор Синєгубов сообщил, что в Харькове погиб Иван Петров. Синєгубов добавил.';
    const at = text.indexOf('Харькове');
    const names = latinNames(text, ru, [{ start: at, end: at + 'Харькове'.length }]);
    expect(names).toContain(ru.transliterate('Иван Петров').toLowerCase());
    expect(names.filter((n) => n === ru.transliterate('Синєгубов').toLowerCase())).toHaveLength(1);
    expect(names.some((n) => n.startsWith(ru.transliterate('Харьков').toLowerCase().slice(0, 5)))).toBe(false);
    // a place touching a name only at its last letter still covers it
    const part = latinNames(text, ru, [{ start: at + 'Харькове'.length - 1, end: at + 'Харькове'.length }]);
    expect(part.some((n) => n.startsWith(ru.transliterate('Харьков').toLowerCase().slice(0, 5)))).toBe(false);
    expect(latinNames(text, ru).some((n) => n.startsWith(ru.transliterate('Харьков').toLowerCase().slice(0, 5)))).toBe(true);
  });
});

describe('bridgeFeatures', () => {
  it('keeps the report terms in their order and adds the shared words after them', () => {
    const r = { type: 'air_drone_strike', location: null, claims: [], fatalities: { low: 3, best: 3, high: 3 }, injured: null, features: { terms: { zebra: 2, alpha: 1 }, names: ['a'], equipment: [], published: null } } as unknown as Report;
    const f = bridgeFeatures(r, ['b', 'a']);
    expect(Object.keys(f.terms).slice(0, 2)).toEqual(['zebra', 'alpha']);
    expect(f.terms.zebra).toBe(2);
    expect(f.terms.drone).toBe(10);
    expect(f.names).toEqual(['a', 'b']);
    expect(r.features.terms).toEqual({ zebra: 2, alpha: 1 });
  });
});

describe('capitalisedNames', () => {
  it('finds what a scan of the whole text finds', () => {
    const texts = ['Иван Петров и Ёлкин-Палкин, «Ђорђе» ёлка Ѐсть; аВася Abc-Def x𝐀bcd Ωμέγα Ӂура', 'Губернатор Синєгубов сообщил: Їжак Ґанок\nНовый', ''];
    for (const t of texts) expect(capitalisedNames(t).map((m) => [m.index, m[0]]), t).toEqual([...t.matchAll(CAPITALISED_NAME_PATTERN())].map((m) => [m.index, m[0]]));
  });
});
