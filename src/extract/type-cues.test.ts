// The cue families of news with no incident: what a lead is about, counted once per word.
import { describe, expect, it } from 'vitest';
import { cueCounts } from './type-cues.js';

describe('cueCounts', () => {
  it('names the family a lead is about', () => {
    expect(cueCounts('The coach said the team hopes to reach the playoffs next season.').get('sport')).toBe(3);
    expect(cueCounts('A jury found the former mayor guilty, and the judge will announce the sentence in May.').get('court')).toBe(3);
    expect(cueCounts('A magnitude 6.1 earthquake shook the coast; no tsunami warning was issued.').get('disaster')).toBe(3);
    expect(cueCounts('The company said its new smartphone will go on sale next quarter.').get('business')).toBe(3);
    expect(cueCounts('Two climbers fell from a ridge and rescuers reached them at dawn.').get('accident')).toBe(3);
  });
  it('counts a repeated word once, and a word inside another word never', () => {
    expect(cueCounts('Season after season, the season ended early.').get('sport')).toBe(1);
    expect(cueCounts('The matchbox and the trialist').size).toBe(0);
  });
  it('finds nothing in a plain report of an attack', () => {
    expect(cueCounts('Gunmen opened fire on a bus near the border town, killing four passengers.').size).toBe(0);
  });
});
