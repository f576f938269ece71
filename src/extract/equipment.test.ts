import { describe, expect, it } from 'vitest';
import { findEquipment, loadEquipmentList } from './equipment.js';

const list = loadEquipmentList();
const values = (s: string) => findEquipment(s, list).map((e) => e.value);

describe('findEquipment', () => {
  it('keeps the variant with the designation', () => {
    expect(values('The twin-engine Mi-8 AMTSh helicopter')).toEqual(['Mi-8AMTSh']);
    expect(values('a Tu-22M3 bomber and T-72B3 tanks')).toEqual(['Tu-22M3', 'T-72B3']);
  });
  it('normalises spelling and plurals', () => {
    expect(values('a Russian Mi8 transport helicopter')).toEqual(['Mi-8']);
    expect(values('dozens of F-16s')).toEqual(['F-16']);
  });
  it('does not read words that merely start like a designation', () => {
    expect(values('A Grade 10 pupil from Bukhara')).toEqual([]);
    expect(values('The Mi-8 Hip flew')).toEqual(['Mi-8']);
  });
});
