/**
 * One extraction thread of `ExtractPool`: loads the resources once, then extracts each document
 * it is sent and answers with its reports (or the error, on one line). Pure work: no store.
 */
import { parentPort } from 'node:worker_threads';
import type { Document } from '../model/index.js';
import { createPipeline, extract, loadResources } from '../pipeline.js';

const pipeline = createPipeline(loadResources());
parentPort!.on('message', (m: { seq: number; doc: Document }) => {
  try {
    parentPort!.postMessage({ seq: m.seq, reports: extract(m.doc, pipeline).reports });
  } catch (e) {
    parentPort!.postMessage({ seq: m.seq, error: ((e as Error)?.message ?? String(e)).split('\n')[0] });
  }
});
parentPort!.postMessage({ ready: true });
