import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textDocument } from '../ingest/document.js';
import type { Stage } from '../model/index.js';
import { createPipeline, loadResources } from '../pipeline.js';
import { openStore } from '../store/sqlite.js';
import { DocumentFailed, ingestDocument, messageLine } from './ingest.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-jobs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pipeline = createPipeline(loadResources());

describe('ingestDocument', () => {
  it('stores a document once and returns its events and messages', () => {
    const store = openStore(join(dir, 'a.db'));
    const doc = textDocument('date 2024-03-01\nA car bomb killed 4 people in Mogadishu on Thursday, police said.', { source: 'a.txt' });
    const first = ingestDocument(doc, pipeline, store, ['text cut at 10 characters']);
    expect(first.stored).toBe(true);
    expect(first.events.length).toBeGreaterThan(0);
    expect(first.messages.map(messageLine)).toEqual(['a.txt: warning: text cut at 10 characters [ingest:input]']);
    const again = ingestDocument(doc, pipeline, store);
    expect(again).toMatchObject({ stored: false, events: first.events });
    store.close();
  });

  it('fails a document loudly when a stage crashes, naming document and stage, and stores nothing', () => {
    const store = openStore(join(dir, 'b.db'));
    const broken: Stage = { name: 'casualties', needs: [], gives: ['casualty'], run: () => { throw new TypeError('x is undefined'); } };
    const crashing = { ...pipeline, stages: pipeline.stages.map((s) => (s.name === 'casualties' ? broken : s)) };
    const doc = textDocument('A car bomb killed 4 people in Mogadishu on Thursday.', { source: 'crash.txt' });
    let error: unknown;
    try {
      ingestDocument(doc, crashing, store);
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
});
