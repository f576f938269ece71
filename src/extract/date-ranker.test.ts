// The date ranker: candidates are the days the sentences state and the implied publication days, the
// rules' pick stands unless the model is surer of another, a stated day it picks is claimed on the
// sentence that states it; a week or a month the rules read is left to them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textDocument } from '../ingest/document.js';
import type { DateInterval } from '../model/types.js';
import { annotate, createPipeline, loadResources } from '../pipeline.js';
import { chooseDate, dateCandidates, DATE_FEATURES, DateModelError, loadDateModel, type DateEvidence, type DateModel } from './date-ranker.js';
import { buildReports } from './reports.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-dates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const day = (start: string, end = start): DateInterval => ({ start, end, precision: 'day' });
const stated = (value: DateInterval, sentence: number, text: string, near: string, later = false): DateEvidence => ({ value, sentence, later, told: false, text, near });
const feature = (name: (typeof DATE_FEATURES)[number]) => DATE_FEATURES.indexOf(name);
const only = (name: (typeof DATE_FEATURES)[number], w: number, margin = 0): DateModel => ({ weights: Float64Array.from(DATE_FEATURES.map((f) => (f === name ? w : 0))), margin });

describe('dateCandidates', () => {
  // "A man was shot Sunday night" (sentence 1), "arraigned Tuesday in court" (sentence 7); published Wednesday
  const ev = [stated(day('2020-03-08'), 1, 'Sunday', 'A man was shot Sunday night'), stated(day('2020-03-10'), 7, 'Tuesday', 'He was arraigned Tuesday in court', true)];
  const implied = { ...day('2020-03-10', '2020-03-11'), implied: true as const };
  const c = dateCandidates(ev, ev[0].value, implied, '2020-03-11');
  it('offers each day stated, the rules\' pick and the implied days, with what is known of them', () => {
    expect(c.map((x) => `${x.value.start}/${x.value.end}`)).toEqual(['2020-03-08/2020-03-08', '2020-03-10/2020-03-10', '2020-03-10/2020-03-11']);
    expect(c[0].features[feature('rule')]).toBe(1);
    expect(c[0].features[feature('near_clock')]).toBe(1);
    expect(c[0].features[feature('earliest')]).toBe(1);
    expect(c[0].features[feature('pub_2_7')]).toBe(1);
    expect(c[1].features[feature('later_all')]).toBe(1);
    expect(c[1].features[feature('near_step')]).toBe(1);
    expect(c[1].features[feature('late')]).toBe(1);
    expect(c[2].features[feature('implied')]).toBe(1);
    expect(c[2].features[feature('two_days')]).toBe(1);
    // each stated day points to the statement that gives it
    expect(c.map((x) => x.at)).toEqual([0, 1, -1]);
  });
  it('a week or a month stated is no candidate', () => {
    const w = dateCandidates([stated(day('2020-03-01', '2020-03-07'), 0, 'last week', 'killed last week')], null, implied, '2020-03-11');
    expect(w.map((x) => x.at)).toEqual([-1]);
  });
});

describe('chooseDate', () => {
  const ev = [stated(day('2020-03-08'), 1, 'Sunday', 'shot Sunday'), stated(day('2020-03-10'), 0, 'Tuesday', 'vigil Tuesday')];
  const c = dateCandidates(ev, ev[1].value, null, '2020-03-11');
  it('keeps the rules\' pick unless the model is surer of another by its margin', () => {
    expect(chooseDate(only('earliest', 0), c)?.value.start).toBe('2020-03-10');
    expect(chooseDate(only('earliest', 3), c)?.value.start).toBe('2020-03-08');
    expect(chooseDate(only('earliest', 3, 0.99), c)?.value.start).toBe('2020-03-10');
  });
});

describe('loadDateModel', () => {
  it('loads the committed weights, one per feature', () => {
    expect(loadDateModel().weights.length).toBe(DATE_FEATURES.length);
  });
  it('names a missing or mismatched file in one line', () => {
    expect(() => loadDateModel(join(dir, 'none.json'))).toThrow(DateModelError);
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ features: ['rule'], weights: [1], margin: 0 }));
    expect(() => loadDateModel(old)).toThrow(/old\.json: the date model does not match this code's features; run npm run train:dates$/);
  });
});

describe('the report keeps provenance', () => {
  const pipeline = createPipeline(loadResources());
  const text = 'Vigil held for man shot on Elm Street\n\nFriends held a vigil on Tuesday for a man who was shot on Elm Street. ' +
    'Police said the man was shot at about 11 p.m. Saturday outside a store. He died at a hospital. Officers are looking for a gray car.';
  it('a day picked over the rules\' is claimed on the sentence that states it', () => {
    const doc = textDocument(text, { source: 'test', published: '2020-03-11' });
    const annotated = annotate(doc, pipeline);
    // a ranker that takes the earliest stated day, whatever the weights
    const [r] = buildReports(annotated, [], undefined, undefined, (c) => c.filter((x) => x.at >= 0).sort((a, b) => a.value.start.localeCompare(b.value.start))[0] ?? null);
    expect(r.date?.start).toBe('2020-03-07');
    const claim = r.claims.find((x) => x.field === 'date' && (x.value as DateInterval).start === '2020-03-07')!;
    expect(claim.quote).toBe(doc.text.slice(claim.start, claim.end));
    expect(claim.quote).toMatch(/Saturday/);
  });
});
