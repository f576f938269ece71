import { describe, expect, it } from 'vitest';
import type { DateInterval, Location, Report } from '../model/index.js';
import { addToFeatures, cosine, emptyFeatures, LINK_THRESHOLD, nameOverlap, score } from './similarity.js';

const idf = () => 2;
const day = (d: string): DateInterval => ({ start: d, end: d, precision: 'day' });
const place = (name: string, country: string, lat: number, lon: number): Location => ({ name, admin1: null, country, lat, lon, precision: 'place', geonameid: null });

function report(id: string, text: string, names: string[], opts: { date?: DateInterval; location?: Location } = {}): Report {
  const terms: Record<string, number> = {};
  for (const w of text.toLowerCase().split(/\W+/)) if (w.length > 2) terms[w] = (terms[w] ?? 0) + 1;
  return {
    id: `${id}#0`, document: id, index: 0, title: text, category: 'explosions_remote_violence', type: 'air_drone_strike', tags: [],
    date: opts.date ?? null, location: opts.location ?? null, actors: [], fatalities: null, injured: null, captured: null, equipment: [], claims: [],
    features: { terms, names, equipment: [], published: null },
  };
}

const kharkiv = place('Kharkiv', 'UA', 49.98, 36.25);
const odesa = place('Odesa', 'UA', 46.48, 30.73);
const a = report('a', 'Drone strike hits apartment block in Kharkiv, killing three residents overnight', ['kharkiv', 'oleh synehubov'], { date: day('2024-05-10'), location: kharkiv });
const b = report('b', 'Three residents killed as drone hits Kharkiv apartment block, governor says', ['kharkiv', 'oleh synehubov'], { date: day('2024-05-10'), location: kharkiv });
const other = report('c', 'Drone strike hits apartment block in Odesa, killing three residents', ['odesa', 'oleh kiper'], { date: day('2024-08-02'), location: odesa });

describe('score', () => {
  it('links the same incident told twice', () => {
    expect(score(b, addToFeatures(emptyFeatures(), a), idf)).toBeGreaterThan(LINK_THRESHOLD);
  });

  it('keeps a similar incident at another place and date apart', () => {
    const same = score(b, addToFeatures(emptyFeatures(), a), idf);
    const diff = score(other, addToFeatures(emptyFeatures(), a), idf);
    expect(diff).toBeLessThan(LINK_THRESHOLD);
    expect(diff).toBeLessThan(same);
  });

  it('gives the same score whichever report came first, for single-report events', () => {
    for (const [x, y] of [[a, b], [a, other], [b, other]] as const) {
      expect(score(x, addToFeatures(emptyFeatures(), y), idf)).toBeCloseTo(score(y, addToFeatures(emptyFeatures(), x), idf), 10);
    }
  });
});

describe('parts of the score', () => {
  it('cosine and name overlap are symmetric and in 0..1', () => {
    const t1 = { drone: 2, strike: 1, kharkiv: 1 };
    const t2 = { drone: 1, kharkiv: 3, odesa: 1 };
    expect(cosine(t1, t2, idf)).toBeCloseTo(cosine(t2, t1, idf), 12);
    expect(cosine(t1, t1, idf)).toBeCloseTo(1, 12);
    expect(nameOverlap(['x', 'y'], ['y', 'z', 'w'], idf)).toBeCloseTo(nameOverlap(['y', 'z', 'w'], ['x', 'y'], idf), 12);
    expect(nameOverlap(['x'], [], idf)).toBe(0);
  });
});
