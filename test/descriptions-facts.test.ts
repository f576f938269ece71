// Coded event notes in the style of ACLED/UCDP descriptions (made-up incidents at real places,
// test/fixtures/descriptions/facts.jsonl): the real pipeline must keep reading their death toll,
// event type and scene. Floors sit a little under what the pipeline reaches, so a change that
// breaks a rule of the lexicon or the counting fails here rather than silently.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { textDocument } from '../src/ingest/document.js';
import { haversineKm } from '../src/link/compatible.js';
import type { Report } from '../src/model/index.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';

interface Note {
  id: string;
  text: string;
  lat: number;
  lon: number;
  category: string;
  type: string;
  fatalities: number | null;
}

const file = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'descriptions', 'facts.jsonl');
const notes: Note[] = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

describe('coded event notes', () => {
  let reports: (Report | undefined)[] = [];
  beforeAll(() => {
    const pipeline = createPipeline(loadResources());
    reports = notes.map((n) => extract(textDocument(n.text, { source: n.id, published: '2024-06-01' }), pipeline).reports[0]);
  });
  const share = (ok: (n: Note, r: Report | undefined) => boolean) => notes.filter((n, i) => ok(n, reports[i])).length / notes.length;

  it('has a development set of some size and spread', () => {
    expect(notes.length).toBeGreaterThanOrEqual(370);
  });
  it('reads the exact death toll (null where the note says it is unknown)', () => {
    expect(share((n, r) => (r?.fatalities?.best ?? null) === n.fatalities)).toBeGreaterThanOrEqual(0.82);
  });
  it('reads the event category and type', () => {
    expect(share((n, r) => r?.category === n.category)).toBeGreaterThanOrEqual(0.97);
    expect(share((n, r) => r?.category === n.category && r?.type === n.type)).toBeGreaterThanOrEqual(0.96);
  });
  it('places the scene within 50 km', () => {
    expect(share((n, r) => !!r?.location && haversineKm(r.location.lat, r.location.lon, n.lat, n.lon) <= 50)).toBeGreaterThanOrEqual(0.72);
  });
});
