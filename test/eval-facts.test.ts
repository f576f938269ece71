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
