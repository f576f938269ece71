// The fact evaluation's admin1 match: every spelling of a region meets the same key, and two
// regions never do.
import { describe, expect, it } from 'vitest';
import { normAdmin1 } from '../scripts/eval-facts.js';

describe('normAdmin1', () => {
  it('meets the spellings of one region', () => {
    expect(normAdmin1('Donetsk oblast')).toBe(normAdmin1('Donetsk'));
    expect(normAdmin1('Luhansk oblast')).toBe(normAdmin1('Lugansk'));
    expect(normAdmin1('Odessa oblast')).toBe(normAdmin1('Odesa'));
    expect(normAdmin1('Kiev Special Republican city')).toBe(normAdmin1('Kyiv'));
  });
  it('keeps the capital apart from the oblast around it', () => {
    expect(normAdmin1('Kyiv Oblast')).not.toBe(normAdmin1('Kyiv'));
    expect(normAdmin1('Kyiv Oblast')).not.toBe(normAdmin1('Kiev Special Republican city'));
    expect(normAdmin1('Kiev oblast')).toBe(normAdmin1('Kyiv Oblast'));
    expect(normAdmin1('Kyivska')).toBe(normAdmin1('Kyiv Oblast'));
    expect(normAdmin1('Kyivska oblast')).toBe(normAdmin1('Kyiv Oblast'));
  });
  it('never matches an empty region', () => {
    expect(normAdmin1('')).toBe('');
    expect(normAdmin1(null)).toBe('');
  });
});

describe('the facts split and matching rules', () => {
  it('splits by a fixed hash, about half and half', async () => {
    const { partOf } = await import('../scripts/eval-facts.js');
    const parts = Array.from({ length: 2000 }, (_, i) => partOf(String(100000 + i)));
    const report = parts.filter((p) => p === 'report').length;
    expect(report).toBeGreaterThan(900);
    expect(report).toBeLessThan(1100);
    expect(partOf('96792')).toBe(partOf('96792'));
  });
  it('meets a date interval at most one day wider', async () => {
    const { dateMeets } = await import('../scripts/eval-facts.js');
    expect(dateMeets({ start: '2016-01-01', end: '2016-01-02' }, ['2016-01-02', '2016-01-02'])).toBe(true);
    expect(dateMeets({ start: '2016-01-01', end: '2016-01-03' }, ['2016-01-02', '2016-01-02'])).toBe(false);
    expect(dateMeets({ start: '2016-01-03', end: '2016-01-03' }, ['2016-01-02', '2016-01-02'])).toBe(false);
    expect(dateMeets(null, ['2016-01-02', '2016-01-02'])).toBe(false);
  });
  it('matches UCDP sides by state, civilians, alias and name', async () => {
    const { sideMatches } = await import('../scripts/eval-facts.js');
    expect(sideMatches('Government of Syria', { name: 'Military Forces of Syria', type: 'armed_forces' })).toBe(true);
    expect(sideMatches('Government of Myanmar (Burma)', { name: 'Armed Forces of Myanmar', type: 'armed_forces' })).toBe(true);
    expect(sideMatches('Government of Syria', { name: 'Armed Forces of Russia', type: 'armed_forces' })).toBe(false);
    expect(sideMatches('Government of Turkey', { name: 'Military Forces of Türkiye', type: 'armed_forces' })).toBe(true);
    expect(sideMatches('IS', { name: 'Islamic State', type: 'group' })).toBe(true);
    expect(sideMatches('Civilians', { name: 'Civilians', type: 'civilians' })).toBe(true);
    expect(sideMatches('Civilians', { name: 'Civilians (Syria)', type: 'civilians' })).toBe(true);
    expect(sideMatches('Civilians', { name: 'Civilians of the world', type: 'civilians' })).toBe(false);
    expect(sideMatches('ULA', { name: 'Arakan Army (AA)', type: 'group' })).toBe(true);
    expect(sideMatches('KIO', { name: 'Karen National Union (KNU)', type: 'group' })).toBe(false);
    expect(sideMatches('Sinaloa Cartel', { name: 'Gulf Cartel', type: 'organisation' })).toBe(false);
  });
});
