// The stages together on hand-made reports: what a user gets from `sitrep extract`.
import { describe, expect, it } from 'vitest';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { textDocument } from '../src/ingest/document.js';

const pipeline = createPipeline(loadResources());
const run = (text: string, published: string | null = '2022-05-10') => extract(textDocument(text, { source: 'test', published }), pipeline);

describe('pipeline', () => {
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
