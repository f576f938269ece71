import { describe, expect, it } from 'vitest';
import type { DateInterval, Document, Location, Report } from '../model/index.js';
import { CLUSTER_THRESHOLD, keyPerson, linkFeatures, pairScore, personConflict, personVetoes, ruledOut, tellingNumbers, type LinkFeatures, type LinkWhen } from './pairwise.js';
import { averageLink, splitClusters, VETO, type Edge } from './cluster.js';
import { stem } from '../extract/terms.js';

const idf = () => 2;
const day = (d: string): DateInterval => ({ start: d, end: d, precision: 'day' });
const place = (name: string, country: string, lat: number, lon: number): Location => ({ name, admin1: null, country, lat, lon, precision: 'place', geonameid: null });

function report(id: string, text: string, names: string[], opts: { date?: DateInterval; location?: Location; index?: number } = {}): Report {
  const terms: Record<string, number> = {};
  for (const w of text.toLowerCase().split(/\W+/)) if (w.length > 2) terms[w] = (terms[w] ?? 0) + 1;
  const index = opts.index ?? 0;
  return {
    id: `${id}#${index}`, document: id, index, title: text, category: 'explosions_remote_violence', type: 'air_drone_strike', tags: [],
    date: opts.date ?? null, location: opts.location ?? null, actors: [], fatalities: null, injured: null, captured: null, equipment: [], claims: [],
    features: { terms, names, equipment: [], published: null },
  };
}
const features = (r: Report) => linkFeatures({ id: r.document, title: r.title, text: r.title } as Document, r);

const kharkiv = place('Kharkiv', 'UA', 49.98, 36.25);
const odesa = place('Odesa', 'UA', 46.48, 30.73);
const a = features(report('a', 'Drone strike hits apartment block in Kharkiv, killing three residents overnight', ['kharkiv', 'oleh synehubov'], { date: day('2024-05-10'), location: kharkiv }));
const b = features(report('b', 'Three residents killed as drone hits Kharkiv apartment block, governor says', ['kharkiv', 'oleh synehubov'], { date: day('2024-05-10'), location: kharkiv }));
const other = features(report('c', 'Drone strike hits apartment block in Odesa, killing three residents', ['odesa', 'oleh kiper'], { date: day('2024-08-02'), location: odesa }));

describe('pairScore', () => {
  it('links the same incident told twice', () => {
    expect(pairScore(a, b, idf)).toBeGreaterThan(CLUSTER_THRESHOLD);
  });

  it('keeps a similar incident at another place and date apart', () => {
    expect(pairScore(a, other, idf)).toBe(0);
    expect(pairScore(b, other, idf)).toBeLessThan(pairScore(a, b, idf));
  });

  it('is symmetric', () => {
    for (const [x, y] of [[a, b], [a, other], [b, other]] as const) expect(pairScore(x, y, idf)).toBeCloseTo(pairScore(y, x, idf), 12);
  });

  it('never links two reports of one document', () => {
    const second = features(report('a', 'Drone strike hits apartment block in Kharkiv', ['kharkiv'], { index: 1 }));
    expect(pairScore(a, second, idf)).toBe(VETO);
  });

  it('scales down reports whose years never meet', () => {
    const y2008 = features(report('d', 'Drone strike hits apartment block in Kharkiv in 2008', ['kharkiv', 'oleh synehubov']));
    const y2013 = features(report('e', 'Drone strike hits apartment block in Kharkiv in 2013', ['kharkiv', 'oleh synehubov']));
    const none = features(report('f', 'Drone strike hits apartment block in Kharkiv', ['kharkiv', 'oleh synehubov']));
    expect(pairScore(y2008, y2013, idf)).toBeLessThan(pairScore(y2008, none, idf) * 0.6);
  });
});

describe('telling numbers', () => {
  it('keeps tolls, sums and magnitudes, not years, small counts, clock times or dates', () => {
    expect(tellingNumbers('At 7:35 on 12/16/08 a 6.1 quake left 1,450 homes and 38 shops ruined in 2011; 4 towns and $250 million')).toEqual(['1450', '250', '38', '6.1']);
  });

  const quake = (id: string, text: string) => features(report(id, text, ['lorca']));
  const base = 'Earthquake shakes Lorca, houses collapse and residents sleep outside';
  it('raises pairs that repeat the same numbers and lowers pairs whose numbers never meet', () => {
    const x = quake('x', `${base}: magnitude 5.1, 48 injured, 320 homes damaged`);
    const same = quake('y', `${base}: magnitude 5.1, 48 injured, 320 homes damaged`);
    const other = quake('z', `${base}: magnitude 6.4, 17 injured, 95 homes damaged`);
    const plain = quake('w', base);
    expect(pairScore(x, same, idf)).toBeGreaterThan(pairScore(x, plain, idf));
    // more words in common than with the plain report, but numbers that say another quake
    expect(pairScore(x, other, idf)).toBeLessThan(pairScore(x, plain, idf));
    expect(pairScore(x, other, idf)).toBeGreaterThan(0);
  });
});

describe('people', () => {
  // terms as the extract stage counts them: stemmed ("williams" → "william")
  const arrest = (id: string, who: string, n: number, other = '', m = 0) => {
    const r = report(id, 'Chargers player arrested for drunk driving in San Diego', [who, ...(other ? [other] : [])]);
    const terms = { ...r.features.terms, [stem(who.split(' ')[1])]: n, ...(other ? { [stem(other.split(' ')[1])]: m } : {}) };
    return features({ ...r, features: { ...r.features, terms, persons: r.features.names } });
  };

  it('finds the person a report keeps naming, and no one when none leads', () => {
    expect(keyPerson(['jamal williams', 'vincent jackson'], { [stem('williams')]: 8, jackson: 2 })).toBe(stem('williams'));
    expect(keyPerson(['jamal williams', 'vincent jackson'], { [stem('williams')]: 4, jackson: 3 })).toBeNull();
    expect(keyPerson(['jamal williams'], { [stem('williams')]: 1 })).toBeNull();
  });

  it('sees a conflict only when each report barely names the other person', () => {
    expect(personConflict(arrest('a', 'jamal williams', 8, 'vincent jackson', 2), arrest('b', 'vincent jackson', 6))).toBe(true);
    expect(personConflict(arrest('a', 'jamal williams', 6, 'vincent jackson', 4), arrest('b', 'vincent jackson', 6))).toBe(false);
  });

  it('cuts an event along a conflict of people only with three reports on each side', () => {
    const ws = ['w1', 'w2', 'w3'].map((d) => [`${d}#0`, arrest(d, 'jamal williams', 6)] as const);
    const js = ['j1', 'j2', 'j3'].map((d) => [`${d}#0`, arrest(d, 'vincent jackson', 6)] as const);
    expect(personVetoes([...ws, ...js])).toHaveLength(9);
    expect(personVetoes([...ws, ...js.slice(0, 2)])).toEqual([]);
    const ids = [...ws, ...js].map(([id]) => id).concat('n#0');
    const edges: Edge[] = [];
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) edges.push({ a: ids[i], b: ids[j], score: ids[j] === 'n#0' && ids[i][0] === 'j' ? 0.6 : 0.4 });
    const clusters = averageLink(ids, edges, CLUSTER_THRESHOLD);
    expect(clusters).toHaveLength(1);
    // the report naming no one goes with the side it scores higher with
    const split = splitClusters(clusters, edges, () => personVetoes([...ws, ...js]));
    expect(split).toEqual([['j1#0', 'j2#0', 'j3#0', 'n#0'], ['w1#0', 'w2#0', 'w3#0']]);
  });
});

describe('ruledOut (candidates left unread by their dates and country)', () => {
  const when = (f: LinkFeatures): LinkWhen => ({ published: f.published, date: f.date, location: f.location ? { country: f.location.country } : null });
  const kabul = place('Kabul', 'AF', 34.53, 69.17);
  const at = (id: string, opts: { date?: DateInterval; location?: Location; published?: string }) => {
    const r = report(id, 'Drone strike hits apartment block in Kharkiv, killing three residents overnight', ['kharkiv'], opts);
    r.features.published = opts.published ?? null;
    return features(r);
  };
  const pairs: [LinkFeatures, LinkFeatures, boolean][] = [
    // the same text, another country and a date a week apart: 0 whatever the text
    [a, at('x', { date: day('2024-05-17'), location: kabul }), true],
    // published before the other's incident: another incident
    [at('p', { date: day('2024-07-01'), published: '2024-07-02' }), at('q', { published: '2024-05-01' }), true],
    // no dates, published 60 days apart
    [at('p', { published: '2024-07-02' }), at('q', { published: '2024-05-03' }), true],
    // same country at another date, or another country at the same date: scored on the text
    [a, at('y', { date: day('2024-05-17'), location: odesa }), false],
    [a, at('z', { date: day('2024-05-10'), location: kabul }), false],
    // one has a date, the other none: scored
    [at('p', { published: '2024-07-02' }), at('q', { date: day('2024-05-01'), published: '2024-05-02' }), false],
    [a, b, false],
  ];
  it('is true only for pairs the full score puts at 0', () => {
    for (const [x, y, out] of pairs) {
      expect(ruledOut(x, when(y))).toBe(out);
      if (out) expect(pairScore(x, y, idf)).toBe(0);
    }
  });
});
