import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textDocument } from '../ingest/document.js';
import type { Stage } from '../model/index.js';
import { inProcessExtractor, StoppedError, type Extractor } from '../extract-pool.js';
import { createPipeline, loadResources } from '../pipeline.js';
import { openStore } from '../store/sqlite.js';
import { DocumentFailed, ingestDocument, messageLine } from './ingest.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pipeline = createPipeline(loadResources());
const inProcess = inProcessExtractor(pipeline);

describe('ingestDocument', () => {
  it('stores a document once with its spans and returns its events and messages', async () => {
    const store = openStore(join(dir, 'a.db'));
    const doc = textDocument('date 2024-03-01\nA car bomb killed 4 people in Mogadishu on Thursday, police said.', { source: 'a.txt' });
    const first = await ingestDocument(doc, inProcess, store, ['text cut at 10 characters']);
    expect(first.stored).toBe(true);
    expect(first.events.length).toBeGreaterThan(0);
    expect(first.messages.map(messageLine)).toEqual(['a.txt: warning: text cut at 10 characters [ingest:input]']);
    // the document view reads these back instead of running the pipeline again
    const spans = store.documentSpans(doc.id) as { start: number; end: number }[] | null;
    expect(spans?.length).toBeGreaterThan(0);
    const again = await ingestDocument(doc, inProcess, store);
    expect(again).toMatchObject({ stored: false, events: first.events });
    store.close();
  });

  it('fails a document loudly when a stage crashes, naming document and stage, and stores nothing', async () => {
    const store = openStore(join(dir, 'b.db'));
    const broken: Stage = { name: 'casualties', needs: [], gives: ['casualty'], run: () => { throw new TypeError('x is undefined'); } };
    const crashing = { ...pipeline, stages: pipeline.stages.map((s) => (s.name === 'casualties' ? broken : s)) };
    const doc = textDocument('A car bomb killed 4 people in Mogadishu on Thursday.', { source: 'crash.txt' });
    let error: unknown;
    try {
      await ingestDocument(doc, inProcessExtractor(crashing), store);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocumentFailed);
    const msg = (error as Error).message;
    expect(msg).toContain('crash.txt');
    expect(msg).toContain(doc.id);
    expect(msg).toContain('[casualties:crash]');
    expect(msg).toContain('x is undefined');
    expect(store.hasDocument(doc.id)).toBe(false);
    store.close();
  });

  it("stores a document past the extractor's time budget with the budget's warning, and passes a stop on", async () => {
    const store = openStore(join(dir, 'c.db'));
    const overBudget: Extractor = {
      extract: async (d) => ({ reports: [], spans: [], warnings: ['late'], lang: null, votes: [], messages: [{ input: d.source, reason: 'extraction ran past the 1 s budget twice', rule: 'ingest:budget', severity: 'warning' }] }),
    };
    const doc = textDocument('A car bomb killed 4 people in Mogadishu on Friday.', { source: 'slow.txt' });
    const res = await ingestDocument(doc, overBudget, store);
    expect(res.stored).toBe(true);
    expect(res.messages.map((m) => m.rule)).toEqual(['ingest:budget']);
    const stopped: Extractor = { extract: async () => { throw new StoppedError('stopped'); } };
    const other = textDocument('Shelling in Kharkiv killed 2 people on Monday.', { source: 'stop.txt' });
    await expect(ingestDocument(other, stopped, store)).rejects.toBeInstanceOf(StoppedError);
    expect(store.hasDocument(other.id)).toBe(false);
    store.close();
  });
});
