// Arrests done against arrests only called for, threatened or denied; other words for arrests (hand-written sentences).
import { describe, expect, it } from 'vitest';
import { arrestsTold, unrealArrest } from './arrests.js';

/** Whether the first `word` in `text` is an unreal arrest. */
const unreal = (text: string, word: string) => {
  const at = text.indexOf(word);
  return unrealArrest(text, at, at + word.length);
};
const told = (text: string) => arrestsTold(text).length > 0;

describe('unrealArrest', () => {
  it('lets arrests that were made stand', () => {
    expect(unreal('Police arrested 14 men after the clash.', 'arrested')).toBe(false);
    expect(unreal('Six people have been arrested in connection with the fire.', 'arrested')).toBe(false);
    expect(unreal('The officers managed to arrest the driver before he fled.', 'arrest')).toBe(false);
    expect(unreal('The raid led to the arrest of two smugglers.', 'arrest')).toBe(false);
    expect(unreal('One man is believed to have been arrested.', 'arrested')).toBe(false);
    expect(unreal('Police gave no details about the arrests.', 'arrests')).toBe(false);
    expect(unreal('Some tried to slip into the town by a back road and were chased away and arrested.', 'arrested')).toBe(false);
  });
  it('reads calls, plans and threats as no arrest', () => {
    expect(unreal('The opposition leader said the minister should be arrested at once.', 'arrested')).toBe(true);
    expect(unreal('She asked the government to arrest the mayor.', 'arrest')).toBe(true);
    expect(unreal('Anyone who breaks the curfew will be arrested, the police chief warned.', 'arrested')).toBe(true);
    expect(unreal('He urged the state to dismiss the council and arrest its members.', 'arrest')).toBe(true);
    expect(unreal('The union demanded the immediate arrest of the factory owner.', 'arrest')).toBe(true);
    expect(unreal('Asked whether the marchers would be detained, he gave no answer.', 'detained')).toBe(true);
    expect(unreal('If the police arrest us, the strike will spread.', 'arrest')).toBe(true);
    expect(unreal('"My arrest would help nobody," the cleric said.', 'arrest')).toBe(true);
  });
  it('reads denials, failures and other senses as no arrest', () => {
    expect(unreal('No arrests have been made so far.', 'arrests')).toBe(true);
    expect(unreal('The police have not been able to arrest the gang.', 'arrest')).toBe(true);
    expect(unreal('Officers failed to arrest the suspect.', 'arrest')).toBe(true);
    expect(unreal('The host died of a cardiac arrest in 1998.', 'arrest')).toBe(true);
    expect(unreal('Volunteers said they would travel to the capital and court arrest.', 'arrest')).toBe(true);
    expect(unreal('Nothing can stop them from arresting the accused.', 'arresting')).toBe(true);
  });
});

describe('arrestsTold', () => {
  it('finds arrests told in other words than "arrested"', () => {
    expect(told('Police have rounded up 300 supporters of the banned group.')).toBe(true);
    expect(told('An old man was nabbed by a patrol for carrying a pistol.')).toBe(true);
    expect(told('Soldiers apprehended the man who was waving a knife.')).toBe(true);
    expect(told('Five youths were held in connection with the looting.')).toBe(true);
    expect(told('Forty men were booked under the riot act.')).toBe(true);
    expect(told('The suspect is now in police custody.')).toBe(true);
    expect(told('They have been behind bars since Monday.')).toBe(true);
  });
  it('leaves the same words in other senses, and arrests only ordered or wished', () => {
    expect(told('The figures were rounded up to the nearest thousand.')).toBe(false);
    expect(told('The striker nabbed a late winner.')).toBe(false);
    expect(told('Residents apprehended more violence after the vote.')).toBe(false);
    expect(told('Talks were held in the capital on Monday.')).toBe(false);
    expect(told('The land stays in the custody of the trust.')).toBe(false);
    expect(told('The governor ordered rounding up of all known troublemakers.')).toBe(false);
    expect(told('The party wants the minister booked under the new law.')).toBe(false);
  });
});
