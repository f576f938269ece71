// The stages together on hand-made reports: what a user gets from `sitrep extract`.
import { describe, expect, it } from 'vitest';
import { buildParts, createPipeline, extract, loadResources, typeBuilt } from '../src/pipeline.js';
import { reportsNone } from '../src/extract/type-model.js';
import { textDocument } from '../src/ingest/document.js';

const pipeline = createPipeline(loadResources());
const run = (text: string, published: string | null = '2022-05-10') => extract(textDocument(text, { source: 'test', published }), pipeline);

describe('pipeline', () => {
  it('builds no reports the type model rules out, and gives what building and typing them all gives', () => {
    const texts = [
      'Shelling hit the town of Bakhmut on Sunday, killing four civilians, according to the regional governor.',
      'The Indianapolis Colts beat the Kansas City Chiefs 24-17 on Sunday to clinch a playoff berth. The quarterback threw for 300 yards, and a fan was injured in a fall.',
      'xqzv brrtk 4h5 kkqp zzumf vlorp qqa 9x7 trrn pvlk',
      'Police said a man was found dead in his home on Friday. The city council met on Monday to discuss the budget and the new stadium.',
    ];
    let ruledOut = 0;
    for (const text of texts) {
      const doc = textDocument(text, { source: 'test', published: '2022-05-10' });
      const parts = buildParts(doc, pipeline);
      const all = typeBuilt(pipeline.typeModel, parts.title, parts.text, parts.titleTriggers, parts.textTriggers, parts.built, parts.native);
      const got = extract(doc, pipeline);
      if (reportsNone(got.typing)) ruledOut++;
      expect(got.typing).toEqual(all.typing);
      expect(got.reports.map((r) => ({ ...r, features: { ...r.features, persons: undefined } }))).toEqual(all.reports.map((r) => ({ ...r, features: { ...r.features, persons: undefined } })));
    }
    expect(ruledOut).toBeGreaterThan(0);
  });
  it('every claim quotes the text at its offsets', () => {
    const { reports, annotated } = run(
      'Shelling hit the town of Bakhmut on Sunday, killing four civilians, according to the regional governor. Two more people were injured.',
    );
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) for (const c of r.claims) expect(annotated.document.text.slice(c.start, c.end)).toBe(c.quote);
  });
  it('reads type, place, date, count and source of a plain report', () => {
    const [main] = run('Shelling hit the town of Bakhmut on Sunday, killing four civilians, according to the regional governor.').reports;
    expect(main.category).toBe('explosions_remote_violence');
    expect(main.type).toBe('shelling_artillery_missile_attack');
    expect(main.location?.country).toBe('UA');
    expect(main.date).toEqual({ start: '2022-05-08', end: '2022-05-08', precision: 'day' });
    expect(main.fatalities?.best).toBe(4);
    const fat = main.claims.find((c) => c.field === 'fatalities');
    expect(fat?.attributed_to).toBe('regional governor');
  });
  it('keeps an aggregate out of the fatalities', () => {
    const [main] = run(
      'A helicopter was shot down over the province on Monday, killing three crew members. In the past several months there have been at least three other incidents. Each time, two pilots were killed.',
    ).reports;
    expect(main.fatalities?.best).toBe(3);
  });
  it('makes a background incident its own report, not part of the main one', () => {
    const reports = run(
      'A pilot defected to Ukraine with his helicopter, officials said. The news comes on the heels of a drone attack that destroyed a bomber on an airfield.',
    ).reports;
    expect(reports[0].tags).toContain('defection');
    expect(reports.length).toBe(2);
    expect(reports[1].type).toBe('air_drone_strike');
  });
  it('guesses no date without a publication date', () => {
    const [main] = run('A helicopter was shot down on Monday over the province.', null).reports;
    expect(main.date).toBeNull();
  });
});
