import { describe, expect, it } from 'vitest';
import { contentTerms, stem } from './terms.js';

/** The plain definitions the fast versions must agree with. */
function stemByRegex(w: string): string {
  if (w.length <= 4) return w;
  return w.replace(/(?:ations?|ions?|ings?|ed|es|s|ly)$/, '') || w;
}

describe('stem', () => {
  it('drops the longest listed ending, as the regex definition does', () => {
    const words = ['stations', 'station', 'nations', 'defection', 'defections', 'defected', 'defects', 'bombings', 'bombing', 'quickly', 'houses', 'ations', 'ation', 'lions', 'kings', 'ring', 'seeds', 'bus', 'crisis', 'tress', 'attacks'];
    for (const w of words) expect(stem(w), w).toBe(stemByRegex(w));
    expect(stem('defected')).toBe(stem('defects'));
    expect(stem('ations')).toBe('ations');
  });
});

describe('contentTerms', () => {
  it('counts stemmed content words, lower case, without possessives and stop words', () => {
    expect(contentTerms("The Mayor's office said the mayor's convoy was shelled; shelling continued.")).toEqual({ mayor: 2, office: 1, convoy: 1, shell: 2, continu: 1 });
  });

  it('keeps the first-seen order of the terms', () => {
    expect(Object.keys(contentTerms('Zebra crossing near Apple orchards, zebra ferry'))).toEqual(['zebra', 'cross', 'near', 'apple', 'orchard', 'ferry']);
  });

  it('lower-cases word by word where the whole text would lower-case differently', () => {
    // a dotted capital I becomes two characters, the second no letter: it must stay in its word
    expect(contentTerms('İstanbul and ΟΔΟΣ streets')).toEqual({ ['İstanbul'.toLowerCase()]: 1, ['ΟΔΟΣ'.toLowerCase()]: 1, street: 1 });
  });
});
