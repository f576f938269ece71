import { describe, expect, it } from 'vitest';
import { anyEquipment, equipmentStage, findEquipment, indexEquipment, loadEquipmentList, parseEquipmentList } from './equipment.js';
import { textDocument } from '../ingest/document.js';

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
  it('skips a document with no designation, and finds the same ones in one that has', () => {
    const stage = equipmentStage(list);
    const run = (text: string) => stage.run({ document: textDocument(text, { source: 't' }), annotations: [] }, { gazetteer: {} as never }).annotations;
    expect(anyEquipment(list)!.test('Rain fell on the valley all week.')).toBe(false);
    expect(run('Rain fell on the valley all week.')).toEqual([]);
    const text = 'Two Mi-8 helicopters and a Tu-22M3 flew past; Grade 4 pupils watched.';
    expect(run(text)).toEqual(findEquipment(text, list));
    expect(run(text).length).toBe(2);
  });
  it('finds through the index what the scan of every entry finds', () => {
    const index = indexEquipment(list);
    expect(index).not.toBeNull();
    const text = 'Mi-8 Mi-8AMTSh, Mi8s and a Mi-17; F-16s over F-160 and T-72B3 T-72 Grad Grade BM-21 Grad.';
    const plain = findEquipment(text, list);
    expect(plain.length).toBeGreaterThan(5);
    expect(findEquipment(text, list, index)).toEqual(plain);
  });
  it('puts the shared guards once around the alternation', () => {
    expect(anyEquipment(list)!.source.split('(?<!').length).toBe(2);
    expect(anyEquipment(list)!.test('an F-16 and a T-72 tank')).toBe(true);
    expect(anyEquipment(list)!.test('an F-160 and a T-7')).toBe(false);
  });
  it('scans with every entry when a pattern uses back-references', () => {
    expect(anyEquipment(parseEquipmentList('X\tdrone\t(Q)-\\1\n'))).toBeNull();
  });
});
