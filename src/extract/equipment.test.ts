import { describe, expect, it } from 'vitest';
import { anyEquipment, equipmentStage, findEquipment, firstAt, firstIndex, indexEquipment, loadEquipmentList, parseEquipmentList } from './equipment.js';
import { boundaries } from './prefix-filter.js';
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

describe('the first designation found at word starts', () => {
  it('is where the alternation first matches', () => {
    const index = firstIndex(list)!;
    expect(index).not.toBeNull();
    const any = anyEquipment(list)!;
    const texts = [
      'Su-25 jets and a 2S19 Msta howitzer',
      'shelled by 2S19s; x-2S19 is no start, nor is a2S19, but (2s19) is',
      'the Mi-8, mi-17 and F-16s; T-72B3 tanks',
      'a Grade 10 pupil from Bukhara, then a Grad',
      'no equipment in this sentence at all',
      '',
      '…Javelin—NLAW',
    ];
    for (const t of texts) expect(firstAt(index, t, boundaries(t)), t).toBe(any.exec(t)?.index ?? -1);
  });
  it('searches apart, whole, the entries that may open with a digit or a sign', () => {
    const index = firstIndex(parseEquipmentList('Msta-S\tartillery\t2S19|Msta\nMi-8\thelicopter\tMi-?8\n'))!;
    expect(index.otherwise?.source).toContain('2S19');
    expect(index.otherwise?.source).not.toContain('Mi-');
    expect(firstAt(index, 'a Mi-8 and a 2S19', boundaries('a Mi-8 and a 2S19'))).toBe(2);
    expect(firstAt(index, '#2S19 first, Mi-8 next', boundaries('#2S19 first, Mi-8 next'))).toBe(1);
  });
});
