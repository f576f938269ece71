import { describe, expect, it } from 'vitest';
import { findActors, loadActorTable, NAME_PATTERNS, nameCommaRole, nameSpeaks, roleName, scanSides } from './actors.js';
import { loadGazetteer } from './gazetteer.js';
import { boundaries } from './prefix-filter.js';

/** What `text.matchAll` gives, as comparable rows. */
const rows = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, ...m]);

describe('the name patterns scanned near their anchors', () => {
  const texts = [
    'Jane Roe said the convoy was hit. "We saw it," John  Doe told reporters, and Ana Silva\n  says so.',
    'President Ana Silva met Kenyan journalist John Smith; the head of Defense Intelligence, Jane Doe, spoke. Defense Minister Ivan Petrov, and chief Mark Twain.',
    'John Smith, a spokesperson for the police, and Mary Ann Jones, head of the council, and Abu Bakr al-Baghdadi, leader of the group.',
    "O'Neil Smith said; x-Ray Jones said; éLan Vital said; Ωmega Point said; 𝐀𝐁𝐂 Def said; Ég Ál, deputy mayor.",
    'Omar bin Laden, commander of it, said. de Gaulle Ville, General of none. MAJOR Tom, Major Tom Hanks said',
    '',
  ];
  it('finds what a scan of the whole text finds', () => {
    for (const t of texts) {
      expect(rows(nameSpeaks(t)), t).toEqual(rows(t.matchAll(NAME_PATTERNS.NAME_SPEAKS)));
      expect(rows(nameCommaRole(t)), t).toEqual(rows(t.matchAll(NAME_PATTERNS.NAME_COMMA_ROLE)));
      expect(rows(roleName(t)), t).toEqual(rows(t.matchAll(NAME_PATTERNS.ROLE_NAME)));
    }
  });
  it('reads the people of a sentence', () => {
    expect(nameSpeaks('Later Jane Roe said it.').map((m) => m[1])).toEqual(['Jane Roe']);
    expect(nameCommaRole('John Smith, a spokesperson for the army, spoke.').map((m) => m[1])).toEqual(['John Smith']);
    expect(roleName('They met President Ana Silva.').map((m) => [m[1], m[2]])).toEqual([['President', 'Ana Silva']]);
  });
});

describe('the table scanned line by line at the boundaries its lines may open at', () => {
  const table = loadActorTable();
  const texts = [
    'The army said Islamic State fighters and ISIS-K attacked; "Islamic State" group claims it. the military, the Military.',
    'Two young men were shot. A man was killed; 3 women were wounded and the police, riot police and cops arrived.',
    'Hezbollah, Hizbullah and the SDF (Syrian Democratic Forces) met YPG units; Kurdish fighters left. ISLAND, AAA.',
    'Government forces and pro-government troops shelled it; regime helicopters, the junta and the regime\u2019s jets.',
    'al-Nusra of Jabhat al-Nusra; Nusra Front’s men; Da’esh and Daesh; éthe army; Ωthe police; 𝐀 soldiers.',
    '',
  ];
  it('finds what the joined alternation finds, line for line', () => {
    for (const sc of table.scans) {
      for (const t of texts) {
        const whole = [...t.matchAll(sc.re)].map((m) => [m.index, m.index! + m[0].length, m.findIndex((g, k) => k > 0 && g !== undefined) - 1]);
        const sides = scanSides(sc, t).map((m) => [m.start, m.end, m.line]);
        expect(sides, t).toEqual(whole);
        expect(scanSides(sc, t, boundaries(t)).map((m) => [m.start, m.end, m.line]), t).toEqual(whole);
      }
    }
  });
});

describe('capitalised bodies', () => {
  it('are read only in a text holding the word one ends with', () => {
    const ctx = { gazetteer: loadGazetteer() };
    const table = loadActorTable();
    const orgs = (t: string) => findActors(t, ctx, table).filter((a) => a.type === 'organisation').map((a) => a.value);
    expect(orgs('Fighters of the Northern Alliance Army entered the town.')).toEqual(['Northern Alliance Army']);
    expect(orgs('The Northern Alliance army entered the town.')).toEqual([]);
  });
});
