import { describe, expect, it } from 'vitest';
import { foldName, loadGazetteer, skeleton } from './gazetteer.js';

// Loads the gazetteer built by `npm run build:gazetteer` (run at install time by `prepare`).
const g = loadGazetteer();

describe('foldName', () => {
  it('folds case, diacritics, apostrophes, periods and hyphens', () => {
    expect(foldName('Donets’k')).toBe('donetsk');
    expect(foldName('Sant Julià de Lòria')).toBe('sant julia de loria');
    expect(foldName('U.S.')).toBe('us');
    expect(foldName('Ivano-Frankivsk')).toBe('ivano frankivsk');
    expect(foldName('Idlib')).toBe('idlib');
  });
});

describe('skeleton', () => {
  it('gives the Ukrainian and Russian romanisations of a name one key', () => {
    expect(skeleton('oleksandrivka')).toBe(skeleton('alexandrovka'));
    expect(skeleton('horlivka')).toBe(skeleton('gorlovka'));
    expect(skeleton('debaltseve')).toBe(skeleton('debaltsevo'));
    expect(skeleton('lysychansk')).toBe(skeleton('lisichansk'));
    expect(skeleton('kharkiv')).not.toBe(skeleton('kherson'));
  });
});

describe('loadGazetteer', () => {
  it('finds places by their transliterations', () => {
    for (const name of ['Kharkiv', 'Kharkov', 'Kiev', 'Kyiv', 'Idleb', 'Volchansk']) {
      expect(g.lookup(foldName(name)).length, name).toBeGreaterThan(0);
    }
    const vovchansk = g.lookup('volchansk').find((e) => e.country === 'UA')!;
    expect(g.resolved(vovchansk)).toMatchObject({ name: 'Vovchansk', country: 'UA', admin1: 'Kharkiv', precision: 'place' });
  });

  it('knows first names and English words', () => {
    expect(g.firstName('virginia')).toBe(true);
    expect(g.firstName('kharkiv')).toBe(false);
    expect(g.englishWord('forest')).toBe(true);
    expect(g.englishWord('hilton')).toBe(false);
  });

  it('knows first-order regions by their English short names', () => {
    const kharkiv = g.lookup('kharkiv').find((e) => e.precision === 'admin1');
    expect(kharkiv?.country).toBe('UA');
    const georgia = g.lookup('georgia');
    expect(georgia.some((e) => e.precision === 'country' && e.country === 'GE')).toBe(true);
    expect(georgia.some((e) => e.precision === 'admin1' && e.country === 'US')).toBe(true);
    expect(g.admin1Name('US', 'OH')).toBe('Ohio');
  });

  it('knows US counties and curated air bases', () => {
    expect(g.lookup('laurel county').some((e) => e.precision === 'admin2' && e.admin1Code === 'KY')).toBe(true);
    const base = g.lookup(foldName('Khmeimim Air Base'))[0];
    expect(base.country).toBe('SY');
    expect(base.code).toBe('AIRB');
  });

  it('maps demonyms to countries and countries to places', () => {
    expect(g.demonymCountry('Syrian')).toBe('SY');
    expect(g.demonymCountry('Russian')).toBe('RU');
    expect(g.demonymCountry('Springfield')).toBeNull();
    expect(g.country('UA')).toMatchObject({ name: 'Ukraine', precision: 'country' });
    expect(g.country('XX')).toBeNull();
  });

  it('marks common English words', () => {
    expect(g.commonWord('reading')).toBeGreaterThan(0);
    expect(g.commonWord('kharkiv')).toBe(0);
  });

  it('fails with a hint when the data is missing', () => {
    expect(() => loadGazetteer('/nonexistent')).toThrow(/build:gazetteer/);
  });
});
