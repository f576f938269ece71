import { describe, expect, it } from 'vitest';
import { contentTerms, properNames, stem, STOP_WORDS, SUFFIXES } from './terms.js';

/** The plain definitions the fast versions must agree with. */
function stemByRegex(w: string): string {
  if (w.length <= 4) return w;
  return w.replace(/(?:ations?|ions?|ings?|ed|es|s|ly)$/, '') || w;
}

/** contentTerms as first written: a word regex, lower-casing word by word. */
function contentTermsByRegex(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/[\p{L}][\p{L}\p{N}'’-]*/gu)) {
    const w = m[0].toLowerCase().replace(/['’]s$/, '');
    if (w.length < 3 || STOP_WORDS.has(w)) continue;
    const s = stemByRegex(w);
    out[s] = (out[s] ?? 0) + 1;
  }
  return out;
}

describe('stem', () => {
  it('drops the longest listed ending, as the regex definition does', () => {
    const words = ['stations', 'station', 'nations', 'defection', 'defections', 'defected', 'defects', 'bombings', 'bombing', 'quickly', 'houses', 'ations', 'ation', 'lions', 'kings', 'ring', 'seeds', 'bus', 'crisis', 'tress', 'attacks'];
    for (const w of words) expect(stem(w), w).toBe(stemByRegex(w));
    expect(stem('defected')).toBe(stem('defects'));
    expect(stem('ations')).toBe('ations');
  });

  it('drops the first of SUFFIXES the word ends with, for every ending of every length', () => {
    const bySuffixes = (w: string) => {
      if (w.length <= 4) return w;
      const s = SUFFIXES.find((x) => w.endsWith(x));
      return s && w.length > s.length ? w.slice(0, -s.length) : w;
    };
    const endings = ['', ...SUFFIXES, 'tions', 'ngs', 'ons', 'ss', 'ys', 'ds', 'gs', 'ns', 'ated', 'edly', 'ingly', 'ationss', 'x', 'ay', 'od', 'og', 'an', 'on'];
    for (const lead of ['', 'a', 'ab', 'abc', 'abcd', 'stat', 'nat', 'defect'])
      for (const e of endings) for (const w of [lead + e, e + lead, e]) expect(stem(w), w).toBe(bySuffixes(w));
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

  it('finds the words the word regex defines', () => {
    const texts = [
      "Kyiv's 3rd brigade, rock’n’roll-style x-ray; O'Neil2 ’tis well-known -dash 'quote' 12abc",
      'Ärzte in Łódź, Škoda, 𝐀𝐁𝐂 letters, ΟΔΟΣ, İzmir, a lone \ud800 surrogate and 𝑥yz',
    ];
    for (const text of texts) expect(contentTerms(text)).toEqual(contentTermsByRegex(text));
  });

  it('counts repeated spellings once read, however many distinct words the text holds', () => {
    // the per-call word table grows past its first size; words differ by one letter, hashes may meet
    const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}x`);
    const text = `${words.join(' ')} ${words.slice(0, 500).reverse().join(', ')} stations station's Stations`;
    expect(JSON.stringify(contentTerms(text))).toBe(JSON.stringify(contentTermsByRegex(text)));
  });
});

describe('properNames', () => {
  it('reads the names the pattern as first written reads (its lookbehind before its \\b)', () => {
    const first = /(?<![.!?]\s|^)\b([\p{Lu}][\p{L}'’-]+(?:\s+(?:of\s+|al-|de\s+)?[\p{Lu}][\p{L}'’-]+)*)/gmu;
    const byFirst = (text: string) => {
      const out = new Set<string>();
      for (const m of text.matchAll(first)) {
        const n = m[1].toLowerCase().replace(/['’]s$/, '');
        if (n.length >= 3 && !['the', 'and', 'but', 'his', 'her', 'this', 'that', 'they', 'she', 'their'].includes(n) && !STOP_WORDS.has(n)) out.add(n);
      }
      return [...out];
    };
    const texts = [
      'Police in Kansas City said John Smith of Topeka was shot. He died. The Bank of England and al-Qaeda de Mello spoke.',
      'Президент Зеленский заявил: Киев и Харків. Latin in Cyrillic: Kyiv Oblast, xЖук, 5Ж, _Ёж, aБвг Дом.',
      'aÄrzte sagten Über Łódź, Škoda\nNew line Start, 𝐀𝐁𝐂 x𝐀bc, ÉCOLE étéÉté McDonald O’Neil’s Kyiv’s! Next? Yes.',
      'قال مسؤول في Damascus إن Aleppo — USA, U.S. Army; e.g. Paris. Rome? ¿Qué? "Quoted Name" (Bracketed Name)',
    ];
    for (const text of texts) expect(properNames(text)).toEqual(byFirst(text));
  });
  it('keeps names lower-cased, without possessives, function words or short ones', () => {
    expect(properNames("Reports say John Smith's car hit The Wall in Paris. The end, And So On.")).toEqual(['john smith', 'the wall', 'paris', 'and so on']);
  });
});

describe('STOP_WORDS', () => {
  it('are ASCII words: contentTerms looks up only words opening with an ASCII letter', () => {
    for (const w of STOP_WORDS) expect(w).toMatch(/^[\x20-\x7e]+$/);
    expect(contentTerms('Обстрел the shelling обстрел')).toEqual({ обстрел: 2, shell: 1 });
  });
});
