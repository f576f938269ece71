// The injured ranker: candidates are figures the sentences state, the rules' figure stands unless the
// model is surer of another, a figure it picks is claimed on the sentence that states it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textDocument } from '../ingest/document.js';
import { annotate, createPipeline, extract, loadResources } from '../pipeline.js';
import { chooseInjured, INJURED_FEATURES, injuredCandidates, InjuredModelError, loadInjuredModel, type InjuredEvidence, type InjuredModel } from './injured-ranker.js';
import { buildReports } from './reports.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-injured-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const told = (value: number, sentence: number, gunfire = true): InjuredEvidence => ({ value, kind: 'told', sentence, vague: false, gunfire, victims: 'people' });
const hit = (value: number, sentence: number): InjuredEvidence => ({ value, kind: 'hit', sentence, vague: false, gunfire: true, victims: null });
const feature = (name: (typeof INJURED_FEATURES)[number]) => INJURED_FEATURES.indexOf(name);
const only = (name: (typeof INJURED_FEATURES)[number], w: number, margin = 0): InjuredModel => ({ weights: Float64Array.from(INJURED_FEATURES.map((f) => (f === name ? w : 0))), margin });

describe('injuredCandidates', () => {
  it('offers the rules\' figure, none, each figure stated, and the hit with and without the dead', () => {
    // "Four people were shot, one fatally" (sentence 0), "two were hurt" (sentence 8); the rules said 3
    const c = injuredCandidates([hit(4, 0), told(2, 8)], 3, true, 1, new Set([0]), 12);
    expect(c.map((x) => x.value)).toEqual([0, 2, 3, 4]);
    const three = c.find((x) => x.value === 3)!;
    expect(three.features[feature('rule')]).toBe(1);
    expect(three.features[feature('hit_dead_with_dead')]).toBe(1);
    expect(c.find((x) => x.value === 2)!.features[feature('late')]).toBe(1);
    expect(c.find((x) => x.value === 4)!.features[feature('headline')]).toBe(1);
    // each figure but none points to the statement that gives it
    expect(c.find((x) => x.value === 2)!.at).toBe(1);
    expect(c.find((x) => x.value === 4)!.at).toBe(0);
  });
});

describe('chooseInjured', () => {
  const c = injuredCandidates([told(2, 0), told(7, 9)], 7, false, 0, new Set(), 25);
  it('keeps the rules\' figure unless the model is surer of another by its margin', () => {
    expect(chooseInjured(only('min_stated', 0), c).value).toBe(7);
    expect(chooseInjured(only('min_stated', 3), c).value).toBe(2);
    expect(chooseInjured(only('min_stated', 3, 0.99), c).value).toBe(7);
  });
  it('a single candidate is the rules\' figure', () => {
    expect(chooseInjured(only('zero', 9), injuredCandidates([], 0, false, 0, new Set(), 1)).value).toBe(0);
  });
});

describe('loadInjuredModel', () => {
  it('loads the committed weights, one per feature', () => {
    expect(loadInjuredModel().weights.length).toBe(INJURED_FEATURES.length);
  });
  it('names a missing or mismatched file in one line', () => {
    expect(() => loadInjuredModel(join(dir, 'none.json'))).toThrow(InjuredModelError);
    const old = join(dir, 'old.json');
    writeFileSync(old, JSON.stringify({ features: ['rule'], weights: [1], margin: 0 }));
    expect(() => loadInjuredModel(old)).toThrow(/old\.json: the injured model does not match this code's features; run npm run train:injured$/);
  });
});

describe('the report keeps provenance', () => {
  const pipeline = createPipeline(loadResources());
  const text = 'Two hurt in Elm Street shooting\n\nTwo men were wounded in a shooting on Elm Street on Sunday night, police said. ' +
    'Both were taken to a hospital. Officers found shell casings in the road. Neighbours said they heard five shots. ' +
    'The street has seen trouble before. A store owner said he closed early. Police asked witnesses to call. ' +
    'In a separate series of incidents across the county over the weekend, nine people were injured in crashes.';
  it('a figure picked over the rules\' is claimed on the sentence that states it', () => {
    const doc = textDocument(text, { source: 'test', published: '2020-03-09' });
    const annotated = annotate(doc, pipeline);
    // a ranker that takes the lowest figure stated, whatever the weights
    const [r] = buildReports(annotated, [], undefined, (c) => c.filter((x) => x.value > 0)[0]);
    expect(r.injured?.best).toBe(2);
    const claim = r.claims.find((x) => x.field === 'injured' && (x.value as { best: number }).best === 2)!;
    expect(claim.quote).toBe(doc.text.slice(claim.start, claim.end));
    expect(claim.quote).toMatch(/^Two (?:hurt|men were wounded)/);
    // the rules alone take the higher figure
    expect(buildReports(annotated)[0].injured?.best).toBe(9);
  });
  it('the committed model weighs a count told late of crashes below the incident\'s', () => {
    expect(extract(textDocument(text, { source: 'test', published: '2020-03-09' }), pipeline).reports[0].injured?.best).toBe(2);
  });
});
