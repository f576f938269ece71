/**
 * The short Russian, Ukrainian and Arabic reports of cases.ts (written for the tests, checked by
 * reading): each gives its toll, date, place and type. Publication date 2024-03-07 (a Thursday).
 */
import { describe, expect, it } from 'vitest';
import { annotate, createPipeline, extract, loadResources } from '../../src/pipeline.js';
import { buildReports } from '../../src/extract/reports.js';
import { bridgeFeatures, latinNames, sharedFeatures } from '../../src/lang/bridge.js';
import { lexiconFor } from '../../src/lang/index.js';
import type { Document } from '../../src/model/index.js';
import { arCases, PUBLISHED, ruCases, ukCases, type Case } from './cases.js';

const pipeline = createPipeline(loadResources());

function doc(text: string, lang: string): Document {
  return { id: `doc_${lang}_${text.length}_${text.slice(0, 12)}`, source: 'test', url: null, title: null, published: PUBLISHED, author: null, site: null, lang, text };
}

const SPELLINGS: Record<string, string[]> = { Zaporizhzhia: ['Zaporizhzhia', 'Zaporizhzhya'] };

function check(lang: string, c: Case): void {
  const { annotated, reports } = extract(doc(c.text, lang), pipeline);
  expect(annotated.document.lang).toBe(lang);
  const r = reports[0];
  expect(r, c.text).toBeDefined();
  const killed = r.fatalities ? r.fatalities.best : null;
  expect(killed, `killed in: ${c.text}`).toBe(c.killed);
  expect(r.injured ? r.injured.best : null, `injured in: ${c.text}`).toBe(c.injured);
  expect(r.date?.start ?? null, `date in: ${c.text}`).toBe(c.date);
  // GeoNames spells the city of Zaporizhzhia "Zaporizhzhya" and its oblast "Zaporizhzhia": the scene stage
  // may rightly take the city where the places stage read the bare name as the region
  if (c.place) expect(SPELLINGS[c.place] ?? [c.place], `place in: ${c.text}`).toContain(r.location?.name);
  if (c.type) expect(r.type, `type in: ${c.text}`).toBe(c.type);
  // every claim quotes its own words, in its own language
  for (const cl of r.claims) expect(cl.quote).toBe(c.text.slice(cl.start, cl.end));
}

for (const [lang, cases] of [['ru', ruCases()], ['uk', ukCases()], ['ar', arCases()]] as const) {
  describe(`${lang} reports`, () => {
    it('are at least 60', () => expect(cases.length).toBeGreaterThanOrEqual(60));
    for (const c of cases) it(c.text.slice(0, 70), () => check(lang, c));
  });
}

describe('the features shared across languages, counted as the reports are built', () => {
  it('are those bridgeFeatures gives the reports built without them', () => {
    for (const [lang, cases] of [['ru', ruCases()], ['uk', ukCases()], ['ar', arCases()]] as const) {
      const text = cases.slice(0, 20).map((c) => c.text).join('\n\n');
      const annotated = annotate(doc(text, lang), pipeline);
      const names = latinNames(text, lexiconFor(lang)!, annotated.annotations.filter((a) => a.kind === 'place'));
      const fused = buildReports(annotated, [], sharedFeatures(names));
      const after = buildReports(annotated).map((r) => ({ ...r, features: bridgeFeatures(r, names) }));
      expect(fused.length).toBeGreaterThan(1);
      expect(fused.some((r) => Object.values(r.features.terms).some((n) => n >= 10))).toBe(true);
      // the same keys in the same order, the same counts
      expect(JSON.stringify(fused)).toBe(JSON.stringify(after));
    }
  });
});
