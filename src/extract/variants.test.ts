// Spelling variants of transliterated names: one edit from a place of a country the text names.
import { describe, expect, it } from 'vitest';
import { loadGazetteer, withinOneEdit } from './gazetteer.js';
import { findPlaces } from './places.js';
import { splitSentences } from './sentences.js';

const g = loadGazetteer();
const places = (text: string) => findPlaces(text, splitSentences(text), g).map((p) => [p.text, p.value.name, p.value.country]);

describe('withinOneEdit', () => {
  it('allows one letter added, dropped, changed or two neighbours swapped', () => {
    expect(withinOneEdit('nygeri', 'nyeri')).toBe(true);
    expect(withinOneEdit('arbinda', 'aribinda')).toBe(true);
    expect(withinOneEdit('garisa', 'garissa')).toBe(true);
    expect(withinOneEdit('moyale', 'moylae')).toBe(true);
    expect(withinOneEdit('nyeri', 'nyiro')).toBe(false);
    expect(withinOneEdit('arbinda', 'aribindah')).toBe(false);
  });
});

describe('spelling variants', () => {
  it('reads a misspelt town of the country the text names', () => {
    expect(places('Two people were killed in Nygeri, Kenya, on Sunday.')).toContainEqual(['Nygeri', 'Nyeri', 'KE']);
    expect(places('Kenyan police said gunmen attacked a bus near Garisa on Sunday.')).toContainEqual(['Garisa', 'Garissa', 'KE']);
  });

  it('reads a misspelt town before its type word', () => {
    expect(places('Kenyan police said Nygeri town was calm on Sunday.')).toContainEqual(['Nygeri', 'Nyeri', 'KE']);
  });

  it('never for a name of a person, a word of another country, an English word, or a text naming no such country', () => {
    expect(places('In Russia, a statement by Dmitry Medvedev, and in Medvedev there was none.').map((p) => p[0])).toEqual(['Russia']);
    // "Nygeri" with no country named stays unread
    expect(places('Two people were killed in Nygeri on Sunday.')).toEqual([]);
    // "Morale" is one edit from Moyale, "Baring" from Baringo: English words are no misspellings
    expect(places('In Kenya, Morale was low and Baring said so.').map((p) => p[0])).toEqual(['Kenya']);
    // English-speaking countries' places are spelt as at home
    expect(places('Police in Summerten, South Carolina, United States, said.').map((p) => p[0])).not.toContain('Summerten');
  });
});
