import { describe, expect, it } from 'vitest';
import { findAttributions, sourceOf } from './attribution.js';
import { splitSentences } from './sentences.js';

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
});
