// Corroboration of one event's reports: a source silent on deaths does not dispute one that counts them.
import { describe, expect, it } from 'vitest';
import type { Claim, Count, Report } from '../model/index.js';
import { corroborate } from './corroborate.js';

function report(doc: string, fatalities: Count | null, claim: Partial<Claim>): Report {
  const quote = 'Police dispersed the protest in the square.';
  return {
    id: `${doc}#0`, document: doc, index: 0, title: quote, category: 'protests', type: 'protest_with_intervention', tags: [],
    date: null, location: null, actors: [], fatalities, injured: null, captured: null, equipment: [],
    claims: fatalities ? [{ field: 'fatalities', value: fatalities, document: doc, quote, start: 0, end: quote.length, attributed_to: null, ...claim }] : [],
    features: { terms: {}, names: [], equipment: [], published: null },
  };
}
const docs = new Map([
  ['d1', { source: 'a', published: '2020-03-05', title: null }],
  ['d2', { source: 'b', published: '2020-03-06', title: null }],
  ['d3', { source: 'c', published: '2020-03-05', title: null }],
]);
const assumed: Count = { low: 0, best: 0, high: 0, assumed: true };

describe('fatalities across sources', () => {
  it('takes the told toll over a silent source, and keeps them undisputed', () => {
    const e = corroborate('evt', [report('d1', assumed, { hedged: true }), report('d2', { low: 2, best: 2, high: 2 }, {})], docs);
    expect(e.fatalities).toEqual({ low: 2, best: 2, high: 2 });
    expect(e.fields.fatalities?.status).not.toBe('disputed');
  });
  it('stays an assumed 0 when every source is silent', () => {
    expect(corroborate('evt', [report('d1', assumed, { hedged: true }), report('d2', assumed, { hedged: true })], docs).fatalities).toEqual(assumed);
  });
  it('disputes a told 0 against a told toll published the same day', () => {
    const e = corroborate('evt', [report('d1', { low: 0, best: 0, high: 0 }, {}), report('d3', { low: 2, best: 2, high: 2 }, {})], docs);
    expect([e.fatalities?.best, e.fields.fatalities?.status]).toEqual([0, 'disputed']);
  });
});

describe('a toll that rises', () => {
  const n = (x: number): Count => ({ low: x, best: x, high: x });
  it('makes the later, higher figure current and keeps both claims, undisputed', () => {
    const e = corroborate('evt', [report('d2', n(12), {}), report('d1', n(10), {})], docs);
    expect([e.fatalities?.best, e.fields.fatalities?.status, e.fields.fatalities?.updated, e.fields.fatalities?.claims.length]).toEqual([12, 'agreed', true, 2]);
    expect(e.disputed).not.toContain('fatalities');
  });
  it('is a dispute when the later figure is lower', () => {
    const e = corroborate('evt', [report('d1', n(12), {}), report('d2', n(10), {})], docs);
    expect([e.fields.fatalities?.status, e.fields.fatalities?.updated]).toEqual(['disputed', undefined]);
  });
  it('raises no dispute from a background sentence: only the reports\' own values are compared', () => {
    const a = report('d1', n(3), {});
    const b = report('d3', n(3), {});
    // a second claim in d3, from a sentence about an earlier attack, that the report did not take as its toll
    b.claims.push({ ...b.claims[0], value: n(40) });
    expect(corroborate('evt', [a, b], docs).fields.fatalities?.status).toBe('agreed');
  });
});

describe('consensus', () => {
  it('weighs each value by how often it is given, comparing distinct values once', async () => {
    const { consensus } = await import('./compatible.js');
    let compared = 0;
    const same = (a: string, b: string) => (compared++, a === b);
    const values = [...Array(1000).fill('town'), 'village', 'village'];
    // the village is more specific, but a thousand mentions of the town outvote it
    expect(consensus(values, same, (v) => (v === 'village' ? 1 : 0), (v) => v)).toBe('town');
    expect(compared).toBe(4);
    expect(consensus(['town', 'village', 'village'], same, (v) => (v === 'village' ? 1 : 0), (v) => v)).toBe('village');
  });
});

describe('a place told two ways inside one document', () => {
  const place = (name: string, lat: number, lon: number, admin1: string) => ({ name, admin1, admin2: null, country: 'ML', lat, lon, precision: 'place' as const, geonameid: null });
  const gao = place('Gao', 16.27, -0.04, 'Gao');
  const timbuktu = place('Timbuktu', 16.77, -3.01, 'Tombouctou');
  const withPlaces = (quote: string, attributions: [string | null, string | null]): Report => ({
    ...report('d1', null, {}),
    location: gao,
    claims: [gao, timbuktu].map((value, i) => ({ field: 'location' as const, value, document: 'd1', quote, start: 0, end: quote.length, attributed_to: attributions[i] })),
  });
  it('is a dispute when the report says its sources differ, or names two sources', () => {
    const differ = 'Accounts of the strike conflicting: the army places it at Gao, local officials at Timbuktu.';
    expect(corroborate('evt', [withPlaces(differ, [null, null])], docs).fields.location?.status).toBe('disputed');
    expect(corroborate('evt', [withPlaces('The shell fell on Gao, or on Timbuktu.', ['the army', 'local officials'])], docs).fields.location?.status).toBe('disputed');
  });
  it('is no dispute when the document just names two places where the incident is told', () => {
    expect(corroborate('evt', [withPlaces('The convoy left Timbuktu and was ambushed near Gao.', [null, null])], docs).fields.location?.status).toBe('single');
  });
});
