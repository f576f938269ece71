// How counts read on the page: an assumed 0 (no death told) is not a counted 0.
import { describe, expect, it } from 'vitest';
import { countLabel } from '../src/web/format.js';

describe('countLabel', () => {
  it('says no death was reported for an assumed 0, and gives ranges', () => {
    expect(countLabel({ low: 0, best: 0, high: 0, assumed: true })).toBe('0 (none reported)');
    expect(countLabel({ low: 0, best: 0, high: 0 })).toBe('0');
    expect(countLabel({ low: 3, best: 10, high: 99 })).toBe('10 (range 3–99)');
    expect(countLabel(null)).toBe('unknown');
  });
});
