// Counts, dates and actors as a report carries them, through the real pipeline: a toll that rose,
// the injured less the dead, the incident's date rather than the reporting's, sides rather than
// every name. Hand-written regression cases, not the figures reported (see docs/evaluation.md).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { textDocument } from '../src/ingest/document.js';
import type { Report } from '../src/model/index.js';
import { createPipeline, extract, loadResources, type Pipeline } from '../src/pipeline.js';
import { openStore } from '../src/store/sqlite.js';

let pipeline: Pipeline;
beforeAll(() => {
  pipeline = createPipeline(loadResources());
});
const report = (text: string, published = '2024-03-04'): Report => extract(textDocument(text, { source: 't', published }), pipeline).reports[0];

describe('counts on a report', () => {
  it('counts those hit less the dead among them as injured', () => {
    const r = report('Four Shot, Man Dead in Long Beach\n\nFour people were shot Saturday night in Long Beach and one man died at a hospital.');
    expect([r.fatalities?.best, r.injured?.best]).toEqual([1, 3]);
    // the injured value keeps a sentence
    expect(r.claims.some((c) => c.field === 'injured' && (c.value as { best: number }).best === 3)).toBe(true);
  });
  it('makes the updated toll current and dates the strike, not the update', () => {
    const r = report('A Russian drone strike hit an apartment block in Odesa on Saturday.\nThe death toll from the drone strike rose to 10 on Sunday, officials said.');
    expect(r.fatalities?.best).toBe(10);
    expect([r.date?.start, r.date?.end]).toEqual(['2024-03-02', '2024-03-02']);
  });
  it('takes the newer figure of "rose from 10 to 12"', () => {
    expect(report('A missile strike hit a market in Kharkiv on Monday. The toll rose from 10 to 12.').fatalities?.best).toBe(12);
  });
  it('does not date a shooting by its court date', () => {
    const r = report('A man was shot and killed outside a bar on Friday night. The suspect appeared in court Monday.', '2024-03-05');
    expect([r.date?.start, r.fatalities?.best]).toEqual(['2024-03-01', 1]);
  });
  it('dates "killed in 7 days of operations" as the week ending at publication', () => {
    const r = report('Troops killed 40 militants in 7 days of operations in the north.', '2024-03-10');
    expect([r.date?.start, r.date?.end]).toEqual(['2024-03-04', '2024-03-10']);
  });
});

describe('actors on a report', () => {
  it('names the sides and leaves out the journalist and the route', () => {
    const r = report(
      'Syrian troops shelled the village of Kafr Nabl in Idlib on Monday, killing five civilians, said Alaa Ibrahim, a local journalist.\n' +
        'The soldiers were heading back to the Russian Reconciliation Center when the shelling began.',
    );
    const roles = Object.fromEntries(r.actors.map((a) => [a.name, a.role]));
    expect(roles['Military Forces of Syria']).toBe('actor1');
    expect(roles['Civilians (Syria)']).toBe('actor2');
    expect(roles['Alaa Ibrahim']).toBeUndefined();
    expect(['actor1', 'actor2']).not.toContain(roles['Reconciliation Center']);
  });
});

describe('sides as ACLED names them', () => {
  it('names the forces of the scene, the victims as civilians of it, and a group by its table name', () => {
    const roles = (t: string) => Object.fromEntries(report(t).actors.map((a) => [a.name, a.role]));
    const police = roles('Police killed two men in a raid in Culiacan, Sinaloa, Mexico on Monday.');
    expect(police['Police Forces of Mexico']).toBe('actor1');
    expect(police['Civilians (Mexico)']).toBe('actor2');
    const gunmen = roles('Gunmen killed four people at a bar in Celaya, Guanajuato, Mexico on Sunday.');
    expect(gunmen['Unidentified Armed Group (Mexico)']).toBe('actor1');
    expect(gunmen['Civilians (Mexico)']).toBe('actor2');
    const isis = roles('ISIS fighters attacked army positions near Palmyra, Syria on Friday.');
    expect(isis['Islamic State (IS)']).toBe('actor1');
    expect(isis['Military Forces of Syria']).toBe('actor2');
  });
  it('reads plain words for troops as the forces last named by their state, not the scene\'s', () => {
    const r = report('The Russian military lost a helicopter on Monday. The troops were heading back to base when the helicopter was shot down over Idlib, Syria.');
    const names = r.actors.map((a) => a.name);
    expect(names).toContain('Military Forces of Russia');
    expect(names).not.toContain('Military Forces of Syria');
  });
  it('takes the side named before a headline\'s bare participle as the one hit', () => {
    const roles = Object.fromEntries(report('Six Arakan Army fighters killed in clashes with the military in Rakhine, Myanmar.').actors.map((a) => [a.name, a.role]));
    expect(roles['Arakan Army (AA)']).toBe('actor2');
    expect(roles['Military Forces of Myanmar']).toBe('actor1');
  });
});

describe('bad input', () => {
  it('gives no toll for tables of figures, hundreds of numbers and lists of names, in bounded time', () => {
    const table = Array.from({ length: 300 }, (_, i) => `| ${i} | ${i * 7} | ${(i * 13) % 997} | ${2000 + (i % 24)} |`).join('\n');
    const numbers = Array.from({ length: 500 }, (_, i) => `${i * 3}`).join(', ') + '.';
    const names = Array.from({ length: 300 }, (_, i) => `John Smith${i}, Mary Jones${i}`).join(', ') + '.';
    for (const text of [table, numbers, names, `${numbers}\n${table}\n${names}`]) {
      const t0 = performance.now();
      const r = report(text) as Report | undefined;
      expect(performance.now() - t0).toBeLessThan(3000);
      // no incident at all (the type model's answer for such text) is no toll too
      expect(!r || r.fatalities === null || r.fatalities.assumed === true || r.fatalities.best === 0).toBe(true);
      expect(r?.injured ?? null).toBeNull();
    }
  });
});

describe('two reports of one strike, a day apart', () => {
  it('make one event whose toll is the newer figure, an update rather than a dispute', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-facts-'));
    const store = openStore(join(dir, 'e.db'));
    try {
      const a = textDocument('Russian drone strike on Odesa apartment block kills 10\n\nThe death toll from a Russian drone strike on an apartment block in Odesa on Saturday rose to 10 on Sunday, regional governor Oleh Kiper said.', { source: 'a', published: '2024-03-03' });
      const b = textDocument("Odesa drone strike toll rises to 12\n\nThe number of people killed in Saturday's Russian drone strike on an apartment block in Odesa has risen to 12, the regional governor Oleh Kiper said on Monday.", { source: 'b', published: '2024-03-04' });
      for (const d of [a, b]) store.ingest(d, extract(d, pipeline).reports);
      const events = store.events({ limit: 10 }).events;
      expect(events).toHaveLength(1);
      const e = events[0];
      expect([e.fatalities?.best, e.fields.fatalities?.updated, e.disputed, e.date?.start]).toEqual([12, true, [], '2024-03-02']);
      expect(e.fields.fatalities?.claims.map((c) => (c.value as { best: number }).best).sort()).toEqual([10, 12]);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
