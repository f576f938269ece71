// The type model: no incident is an answer, bad input is no guess, and a bad weights file is one line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textDocument } from '../ingest/document.js';
import { createPipeline, extract, loadResources } from '../pipeline.js';
import { DEFAULT_TYPE_MODEL, loadTypeModel, tollInHeadline, TypeModelError } from './type-model.js';

const pipeline = createPipeline(loadResources());
const run = (text: string, title?: string) => extract(textDocument(text, { source: 'test', title: title ?? null, published: '2020-03-07' }), pipeline);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-type-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadTypeModel', () => {
  it('loads the committed weights quickly', () => {
    const t0 = performance.now();
    const m = loadTypeModel();
    expect(performance.now() - t0).toBeLessThan(1000); // 300 ms on an idle core; slack for a busy CI
    expect(m.weights.size).toBeGreaterThan(1000);
  });
  it('names a missing or broken file in one line', () => {
    const missing = join(dir, 'nope.json');
    expect(() => loadTypeModel(missing)).toThrow(TypeModelError);
    expect(() => loadTypeModel(missing)).toThrow(/^type model .*nope\.json: missing; run npm run train:types$/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"version": 1, "classes": [');
    expect(() => loadTypeModel(broken)).toThrow(/^type model .*broken\.json: unreadable \([^\n]*\); run npm run train:types$/);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ version: 1, classes: ['none'], bias: [0] }));
    expect(() => loadTypeModel(wrong)).toThrow(/wrong\.json: classes are not/);
  });
});

describe('incident or not', () => {
  it('gives no incident for text too short, foreign or garbled to read', () => {
    expect(run('Explosion').reports).toEqual([]);
    expect(run('Attack.').reports).toEqual([]);
    expect(run('xqzv brrtk 4h5 kkqp zzumf vlorp qqa 9x7 trrn pvlk').reports).toEqual([]);
    expect(run('Hombres armados mataron a cuatro personas en un bar de Monterrey el domingo por la noche, informaron las autoridades.').reports).toEqual([]);
  });
  it('gives no incident for news of another kind, and still reads the document', () => {
    const r = run('The Indianapolis Colts beat the Kansas City Chiefs 24-17 on Sunday to clinch a playoff berth. The quarterback threw for 300 yards and two touchdowns in the fourth quarter.');
    expect(r.reports).toEqual([]);
    expect(r.typing.probabilities.none).toBeGreaterThan(0.4);
    expect(r.annotated.document.text).toMatch(/Colts/);
  });
  it('types an incident with its confidence, its probability and what weighed', () => {
    const r = run('Gunmen opened fire on a crowded bar in the city late on Saturday, killing five people and wounding 12, police said. The attackers fled in two vehicles.');
    expect(r.reports.length).toBeGreaterThan(0);
    const main = r.reports[0];
    expect(main.confidence).toBeGreaterThan(0.6);
    expect(main.type_probability).toBeGreaterThan(0.3);
    expect(main.type_probability).toBeLessThanOrEqual(1);
    expect(main.category).not.toBe('strategic_developments');
    expect(r.typing.explain.length).toBeGreaterThan(0);
    expect(r.typing.explains[0]).toBe(main.category === r.typing.explains[0] ? main.category : r.typing.explains[0]);
  });
});

describe('the incident head', () => {
  const base = JSON.parse(readFileSync(DEFAULT_TYPE_MODEL, 'utf8')) as Record<string, unknown>;
  const withHead = (head: unknown) => {
    const file = join(dir, `head-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify({ ...base, head }));
    return file;
  };
  it('vetoes an incident the cue families speak against, and leaves a plain report alone', () => {
    const p = createPipeline({ ...loadResources(), typeModel: loadTypeModel(withHead({ bias: 3, features: ['k:sport', 'k:court'], weights: [-8, -8], mix: -0.5 })) });
    const read = (text: string) => extract(textDocument(text, { source: 'test', published: '2020-03-07' }), p);
    const game = read('The visitors beat the home side in overtime after their striker scored twice; the coach praised the fans at the stadium, where one spectator died of a heart attack.');
    expect(game.reports).toEqual([]);
    expect(game.typing.explain.some((e) => e.feature === 'k:sport' && e.weight < 0)).toBe(true);
    const attack = read('Gunmen opened fire on a crowded bar in the city late on Saturday, killing five people and wounding 12, police said.');
    expect(attack.reports.length).toBeGreaterThan(0);
  });
  it('names a broken head in one line', () => {
    expect(() => loadTypeModel(withHead({ bias: 0, features: ['k:sport'], weights: [], mix: 0 }))).toThrow(/head-.*\.json: the incident head is broken; run npm run train:types$/);
  });
});

describe('a toll of violence in the headline (issue 17)', () => {
  const toll = (quote: string, start = 0, field = 'fatalities') => tollInHeadline([{ field, value: { low: 7, best: 7, high: 7 }, start, quote }]);
  it('names an incident, as a trigger of its type does', () => {
    expect(toll('Seven killed in the east amid fierce fighting.')).toBe(true);
    expect(toll('Two soldiers wounded near the front line.', 0, 'injured')).toBe(true);
  });
  it('not in an accident, a disaster or a natural death, nor out of the headline, nor without a word of violence', () => {
    expect(toll('Seven killed in a bus crash on the highway.')).toBe(false);
    expect(toll('Seven killed as earthquake strikes the coast.')).toBe(false);
    expect(toll('Seven killed in the east amid fierce fighting.', 300)).toBe(false);
    expect(toll('Seven died in the east.')).toBe(false);
  });
});
