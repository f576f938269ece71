// Coded event notes in the style of ACLED/UCDP descriptions (made up, real places): does the main
// report put the incident within 50 km of the place the note names? A floor on each accuracy, set
// a little under what the pipeline reaches, so that a change cannot silently lose them. The notes
// whose village the gazetteer lacks count as misses here (the fallback is the region).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { textDocument } from '../src/ingest/document.js';
import { haversineKm } from '../src/link/compatible.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';

interface Note { id: string; country: string; text: string; place: string; lat: number; lon: number; type: string; fatalities: number }

const file = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'descriptions', 'places.jsonl');
const notes: Note[] = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Note);
const pipeline = createPipeline(loadResources());

describe('coded event notes: places', () => {
  const results = notes.map((n) => {
    const r = extract(textDocument(n.text, { source: `note:${n.id}`, published: '2024-01-01' }), pipeline).reports[0];
    const loc = r?.location ?? null;
    return {
      n,
      place: loc !== null && haversineKm(loc.lat, loc.lon, n.lat, n.lon) <= 50,
      country: loc?.country === n.country,
      fatalities: (r?.fatalities?.best ?? 0) === n.fatalities,
    };
  });
  const share = (k: 'place' | 'country' | 'fatalities'): number => results.filter((x) => x[k]).length / results.length;

  it('has notes from many countries', () => {
    expect(notes.length).toBeGreaterThanOrEqual(60);
    expect(new Set(notes.map((n) => n.country)).size).toBeGreaterThanOrEqual(15);
  });
  it('puts the incident within 50 km of the named place', () => {
    expect(share('place')).toBeGreaterThanOrEqual(0.83);
  });
  it('puts it in the right country', () => {
    expect(share('country')).toBeGreaterThanOrEqual(0.97);
  });
  it('keeps the fatalities', () => {
    expect(share('fatalities')).toBeGreaterThanOrEqual(0.9);
  });
});
