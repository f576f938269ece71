/**
 * The extraction worker: runs the pipeline off the main thread, so a slow document never stalls a
 * server or a Ctrl-C. Says which stage it is in, so the pool can name and skip the one that ran
 * past the time budget. Loads the resources once per worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Document, SiteProfile } from './model/index.js';
import { createPipeline, extract, loadResources } from './pipeline.js';
import { spanOf, type Span } from './extract/spans.js';
import { loadLanguageModel } from './lang/identify.js';

export interface WorkRequest {
  id: number;
  document: Document;
  skip: string[];
  /** The site's profile as of the documents stored before this one (jobs/site-profiles.ts). */
  profile: SiteProfile | null;
}

export type WorkReply =
  | { id: number; stage: string; stages?: string[] }
  | { id: number; done: { reports: import('./model/index.js').Report[]; spans: Span[]; messages: import('./model/index.js').Message[]; lang: string | null; votes: string[] } }
  | { id: number; error: string };

/** SITREP_TIMING=1: the thread's start-up steps, ms since the process started (src/cli/timing.ts). */
const step = process.env.SITREP_TIMING === '1' ? (name: string) => process.stderr.write(`sitrep: timing ${name} wall_ms=${(process.uptime() * 1000).toFixed(0)}\n`) : () => {};

// no top-level await: the worker is also bundled as CommonJS, to start through V8's code cache
// (scripts/build-bundle.ts); the pool posts nothing before the worker says it is ready
async function serve(): Promise<void> {
  step('extraction-thread-loaded');
  // the worker reads the language the way the main thread would: with fastText's model, loaded once here
  const languageModel = await loadLanguageModel();
  step('extraction-thread-language-model');
  const pipeline = createPipeline(loadResources({ languageModel }));
  step('extraction-thread-resources');
  const port = parentPort!;
  // the stage at work, shared with the pool (see `StageCell` in extract-pool.ts): [request id, stage index]
  const cell = new Int32Array((workerData as { stageCell: SharedArrayBuffer }).stageCell);
  const STAGE_CELL_REQUEST = 0;
  const STAGE_CELL_STAGE = 1;
  const stageIndex = new Map(pipeline.stages.map((s, i) => [s.name, i]));
  port.on('message', (req: WorkRequest) => {
    try {
      Atomics.store(cell, STAGE_CELL_STAGE, 0);
      Atomics.store(cell, STAGE_CELL_REQUEST, req.id);
      const onStage = (stage: string) => Atomics.store(cell, STAGE_CELL_STAGE, stageIndex.get(stage) ?? 0);
      const { annotated, reports, votes } = extract(req.document, pipeline, { skip: new Set(req.skip), profile: req.profile, onStage });
      const spans = annotated.annotations.map(spanOf).filter((s): s is Span => s !== null);
      port.postMessage({ id: req.id, done: { reports, spans, messages: [...annotated.messages], lang: annotated.document.lang, votes } } satisfies WorkReply);
    } catch (e) {
      port.postMessage({ id: req.id, error: (e as Error).message } satisfies WorkReply);
    }
  });
  // one short report first: lazy tables and the JIT warm up before any document's budget runs
  extract({ id: 'warm-up', source: 'warm-up', url: null, title: null, published: '2023-01-02', author: null, site: null, lang: null, text: 'A bomb killed 3 people in Kabul on Monday, officials said.' }, pipeline);
  step('extraction-thread-warm');
  port.postMessage({ id: -1, stage: 'ready', stages: pipeline.stages.map((s) => s.name) } satisfies WorkReply);
  // started through the code cache (extract-pool.ts): write it now that the pipeline's code is compiled
  (globalThis as { sitrepCodeCacheSave?: () => void }).sitrepCodeCacheSave?.();
}

void serve();
