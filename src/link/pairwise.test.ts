import { describe, expect, it } from 'vitest';
import type { DateInterval, Document, Location, Report } from '../model/index.js';
import { CLUSTER_THRESHOLD, linkFeatures, pairScore } from './pairwise.js';
import { VETO } from './cluster.js';

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
