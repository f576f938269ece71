import { describe, expect, it } from 'vitest';
import { NAME_PATTERNS, nameCommaRole, nameSpeaks, roleName } from './actors.js';

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
