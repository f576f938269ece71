import { describe, expect, it } from 'vitest';
import { lexiconFor } from './index.js';
import { demonymTable } from './rows.js';

describe('demonymTable', () => {
  it('reads "stem Name" rows, "_" for a space in the name', () => {
    const t = demonymTable('петербургск Saint_Petersburg, киевск Kyiv');
    expect(t.demonyms.get('петербургск')).toBe('Saint Petersburg');
    expect(t.demonymScan.exec('петербургского')?.[0]).toBe('петербургск');
  });
  it('names a row of another shape instead of reading a wrong stem', () => {
    expect(() => demonymTable('петербургск Saint Petersburg')).toThrow(/bad row "петербургск Saint Petersburg"/);
    expect(() => demonymTable('киевск')).toThrow(/bad row/);
  });
  it('holds Saint Petersburg in the Russian table', () => {
    expect(lexiconFor('ru')!.demonyms.get('петербургск')).toBe('Saint Petersburg');
  });
});
