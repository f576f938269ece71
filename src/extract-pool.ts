/**
 * Extraction off the main thread with a per-document time budget, on one or several worker
 * threads. Each thread runs the pipeline; when a document passes the budget its thread is ended,
 * the stage it was in is named, and the document is run again without that stage (and the stages
 * that need it): it is stored with a warning and without that stage's fields, and nothing waits on
 * it longer than the budget allows. Extraction is a pure function of the document, so which thread
 * ran it changes nothing; `ingest --workers N` links the results in input order (`inOrder`), which
 * is what makes N threads give the events one gives. `serve`, `ingest` and `worker` use it;
 * `extract` (one document, a person at the terminal) runs in-process.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Document, Message, Report, SiteProfile } from './model/index.js';
import { spanOf, type Span } from './extract/spans.js';
import type { Pipeline } from './pipeline.js';
import type { WorkReply, WorkRequest } from './extract-worker.js';

/** Per-document extraction time. A 200,000-character report takes about a second; this is far past any real one. */
export const DEFAULT_BUDGET_MS = 20_000;

export interface PoolOutcome {
  reports: Report[];
  spans: Span[];
  /** The reasons of `messages`, as lines. */
  warnings: string[];
  /** The language read from the text (src/lang/identify.ts); the document is stored with it. */
  lang: string | null;
  /** The stages' messages (a crashed stage is `fatal`) and the budget's (`ingest:budget`), with their rule ids. */
  messages: Message[];
  /** What the document teaches its site's profile (extract/site-profile.ts `documentVotes`). */
  votes: string[];
}

/** What the API and the ingest loop call: the worker pool, or the pipeline in-process (tests, scripts). */
export interface Extractor {
  /** `profile`: the document's site profile, as of the documents stored before it (none for a site seen first). */
  extract(document: Document, profile?: SiteProfile | null): Promise<PoolOutcome>;
}

/** The pipeline on the calling thread, without a budget: for tests and one-off scripts. */
export function inProcessExtractor(pipeline: Pipeline): Extractor {
  return {
    extract: async (document, profile) => {
      // loaded on first use: the commands that only read the store never load the stages
      const { extract } = await import('./pipeline.js');
      const { annotated, reports, votes } = extract(document, pipeline, { profile });
      const messages = [...annotated.messages];
      return { reports, spans: annotated.annotations.map(spanOf).filter((s): s is Span => s !== null), warnings: messages.map((m) => m.reason), messages, lang: annotated.document.lang, votes };
    },
  };
}

export class StoppedError extends Error {
  override name = 'StoppedError';
}

/**
 * The worker's heap, bounded here rather than by the command's shebang (`node bin/sitrep.js` runs
 * without it): the gazetteer takes ~150 MB, one 200,000-character document a few tens more. A worker
 * past it ends with an error for that document, and the next document gets a fresh worker.
 */
const WORKER_HEAP_MB = 768;

/**
 * Which stage a worker is in: [request id, index of the stage], written by the worker as each stage
 * starts (Atomics) and read here only when a document's budget runs out. A message per stage was
 * ~9 messages a document, on ECB+ dev more CPU on the two threads than the store's full-text index.
 */
const STAGE_CELL_REQUEST = 0;
const STAGE_CELL_STAGE = 1;

/** bin/code-cache.cjs: runs a CommonJS bundle through V8's code cache, and starts extraction workers that way. */
interface CacheLoader {
  startWorker(file: string, stageCell: SharedArrayBuffer): Worker;
  takePrestarted(file: string): { worker: Worker; stageCell: SharedArrayBuffer; messages: WorkReply[]; exited: boolean } | null;
}

/** Bundled (dist/bundle/) with the cache on: the CommonJS worker bundle and the loader that runs it through V8's code cache. */
function cachedBundle(): { file: string; loader: CacheLoader } | null {
  const cjs = new URL('./extract-worker.cjs', import.meta.url);
  const loader = new URL('../../bin/code-cache.cjs', import.meta.url);
  if (!existsSync(cjs) || !existsSync(loader) || process.env.SITREP_CODE_CACHE === '0') return null;
  return { file: fileURLToPath(cjs), loader: createRequire(import.meta.url)(fileURLToPath(loader)) as CacheLoader };
}

function newWorker(stageCell: SharedArrayBuffer): Worker {
  const js = new URL('./extract-worker.js', import.meta.url);
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  const workerData = { stageCell };
  // bundled: the CommonJS worker bundle through V8's code cache, as bin/sitrep.js runs the CLI
  // (the loader caps its heap at the same WORKER_HEAP_MB)
  const bundle = cachedBundle();
  if (bundle) return bundle.loader.startWorker(bundle.file, stageCell);
  if (existsSync(js)) return new Worker(js, { resourceLimits, workerData });
  // running from the TypeScript sources (tests, tsx scripts): the worker registers the same loader first
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const ts = new URL('./extract-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(ts)}); })`, { eval: true, resourceLimits, workerData });
}

/**
 * The worker bin/sitrep.js started for `ingest` before the CLI loaded, if any and still alive,
 * with its stage cell and the messages it sent meanwhile; taken once.
 */
function prestarted(): { worker: Worker; stageCell: SharedArrayBuffer; messages: WorkReply[] } | null {
  const bundle = cachedBundle();
  const held = bundle?.loader.takePrestarted(bundle.file) ?? null;
  if (held?.exited) return null;
  return held;
}

/** What the worker answers for a document: its fields, or the error it threw. */
type Answer = Extract<WorkReply, { done: unknown }>['done'] | { error: string };

/**
 * Documents a lane posts to its worker ahead of their turn. The main thread stores and links
 * between answers (a document that joins a large story, or a batch's commit, holds it for tens of
 * ms), and the worker goes on with the documents it holds meanwhile: with one posted ahead, the
 * extraction thread of a 772-document ingest sat idle a fifth of its time (8 % with 16).
 */
const AHEAD = 16;

/** Documents in flight a thread (`inOrder`'s window): its turn, those posted ahead, and one being read. */
export const IN_FLIGHT = AHEAD + 2;

/** A document given to a lane: posted to its worker ahead of its turn, with the answer when it came before the turn did. */
interface Entry {
  document: Document;
  profile: SiteProfile | null;
  ahead: { worker: Worker; id: number; answer: Answer | null } | null;
}

/** One worker thread and the documents given to it, one at a time, each within the budget. */
class Lane {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private current: { reject(e: Error): void } | null = null;
  private closed = false;
  /** Documents given and not yet begun, in order. */
  private readonly waiting: Entry[] = [];
  /** The worker's answers awaited, by request id (one listener a worker, however many are posted). */
  private handlers = new Map<number, (m: WorkReply) => void>();
  /** Shared with the worker (see STAGE_CELL_REQUEST), and the names of its stages by index. */
  private stageCell = new SharedArrayBuffer(8);
  private stages: string[] = [];

  /** Documents given to this lane and not yet answered: the pool gives the next one to the least busy. */
  busy = 0;

  constructor(readonly budgetMs: number) {}

  /** Starts the thread and waits until its pipeline is loaded. */
  warm(): Promise<void> {
    return this.start();
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const pre = prestarted();
    if (pre) this.stageCell = pre.stageCell;
    const w = pre ? pre.worker : newWorker(this.stageCell);
    w.unref();
    this.worker = w;
    const handlers = new Map<number, (m: WorkReply) => void>();
    this.handlers = handlers;
    w.on('message', (m: WorkReply) => handlers.get(m.id)?.(m));
    // a worker that ended on its own (out of memory, a crash) is replaced for the next document;
    // its 'error' is answered by 'exit' (the document in hand fails), never by crashing this process
    w.on('error', () => {});
    w.once('exit', () => {
      if (this.worker === w) {
        this.worker = null;
        this.ready = null;
      }
    });
    this.ready = new Promise((resolve, reject) => {
      handlers.set(-1, (m) => {
        if ('stages' in m && m.stages) this.stages = m.stages;
        handlers.delete(-1);
        w.off('error', reject);
        resolve();
      });
      w.once('error', reject);
      // ended while loading (close() on a signal): the caller must not wait for a worker that is gone
      w.once('exit', () => reject(new StoppedError('extraction worker ended')));
    });
    this.ready.catch(() => undefined);
    // what a prestarted worker said before this lane listened (its ready message, if it came that soon)
    for (const m of pre?.messages ?? []) w.emit('message', m);
    return this.ready;
  }

  /** The thread's event loop since it started: ms running and ms waiting for a document (none before the first start). */
  utilization(): { active: number; idle: number } | null {
    const u = this.worker?.performance.eventLoopUtilization();
    return u ? { active: u.active, idle: u.idle } : null;
  }

  private async kill(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    // documents posted to it go again to the next worker
    this.handlers.clear();
    for (const e of this.waiting) e.ahead = null;
    if (w) await w.terminate();
  }

  /**
   * Posts waiting documents (up to AHEAD) while the worker extracts the one in hand, so the worker
   * goes on to them without waiting for this thread to take an answer and post the next. A
   * document's budget starts when its turn comes, as before; documents posted ahead to a worker
   * that is then ended (the one in hand ran past the budget) are posted again to the next worker.
   */
  private postAhead(): void {
    const w = this.worker;
    if (!w || !this.current) return;
    const n = Math.min(this.waiting.length, AHEAD);
    for (let i = 0; i < n; i++) {
      const entry = this.waiting[i];
      if (entry.ahead?.worker === w) continue;
      const ahead = { worker: w, id: this.nextId++, answer: null as Answer | null };
      entry.ahead = ahead;
      this.handlers.set(ahead.id, (m) => {
        if ('done' in m) ahead.answer = m.done;
        else if ('error' in m) ahead.answer = { error: m.error };
        else return;
        this.handlers.delete(ahead.id);
      });
      w.postMessage({ id: ahead.id, document: entry.document, skip: [], profile: entry.profile } satisfies WorkRequest);
    }
  }

  /** Extracts one document; documents are taken one at a time, in the order asked. */
  extract(document: Document, profile: SiteProfile | null = null): Promise<PoolOutcome> {
    this.busy++;
    const entry: Entry = { document, profile, ahead: null };
    this.waiting.push(entry);
    const run = this.queue
      .then(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        return this.run(entry);
      })
      .finally(() => this.busy--);
    this.queue = run.catch(() => undefined);
    this.postAhead();
    return run;
  }

  /**
   * At most two tries: the first past the budget names its stage, the second runs without it; a
   * second overrun stores the document without extracted fields. A document costs at most about
   * twice the budget, whatever its text.
   */
  private async run(entry: Entry): Promise<PoolOutcome> {
    const { document, profile } = entry;
    const skip: string[] = [];
    const budget: Message[] = [];
    const over = (reason: string) => budget.push({ input: document.source, reason, rule: 'ingest:budget', severity: 'warning' });
    const outcome = (reports: Report[], spans: Span[], messages: Message[], lang: string | null, votes: string[]): PoolOutcome => {
      const all = [...budget, ...messages];
      return { reports, spans, warnings: all.map((m) => m.reason), messages: all, lang, votes };
    };
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new StoppedError('stopped');
      await this.start();
      const res = await this.once(entry, skip);
      if ('timedOut' in res) {
        await this.kill();
        if (attempt > 0) {
          over(`extraction ran past the ${this.budgetMs / 1000} s budget twice (in ${[...skip, res.timedOut].join(', ')}): stored without extracted fields`);
          return outcome([], [], [], document.lang, []);
        }
        skip.push(res.timedOut);
        over(`extraction stage ${res.timedOut} ran past the ${this.budgetMs / 1000} s budget: stored without its fields`);
        continue;
      }
      return outcome(res.reports, res.spans, res.messages, res.lang, res.votes);
    }
  }

  private once(entry: Entry, skip: string[]): Promise<{ reports: Report[]; spans: Span[]; messages: Message[]; lang: string | null; votes: string[] } | { timedOut: string }> {
    const w = this.worker!;
    const { document, profile } = entry;
    // posted ahead to this worker (`postAhead`): its answer is awaited, not asked again
    const ahead = entry.ahead?.worker === w && skip.length === 0 ? entry.ahead : null;
    entry.ahead = null;
    const id = ahead ? ahead.id : this.nextId++;
    return new Promise((resolve, reject) => {
      const cell = new Int32Array(this.stageCell);
      // before the worker took this document up, its first stage
      const stage = () => (Atomics.load(cell, STAGE_CELL_REQUEST) === id ? this.stages[Atomics.load(cell, STAGE_CELL_STAGE)] : undefined) ?? this.stages[0] ?? 'sentences';
      const timer = setTimeout(() => finish(() => resolve({ timedOut: stage() })), this.budgetMs);
      const onMsg = (m: WorkReply) => {
        if ('done' in m) finish(() => resolve(m.done));
        else if ('error' in m) finish(() => reject(new Error(m.error)));
      };
      const onExit = () => finish(() => reject(new StoppedError('extraction worker ended')));
      const finish = (f: () => void) => {
        clearTimeout(timer);
        this.handlers.delete(id);
        w.off('exit', onExit);
        this.current = null;
        f();
      };
      this.current = { reject: (e) => finish(() => reject(e)) };
      const answer = ahead?.answer;
      if (answer) {
        if ('error' in answer) finish(() => reject(new Error(answer.error)));
        else finish(() => resolve(answer));
        return;
      }
      this.handlers.set(id, onMsg);
      w.once('exit', onExit);
      if (!ahead) w.postMessage({ id, document, skip, profile } satisfies WorkRequest);
      this.postAhead();
    });
  }

  /** Ends the worker now; a document being extracted is rejected with StoppedError. */
  async close(): Promise<void> {
    this.closed = true;
    this.current?.reject(new StoppedError('stopped'));
    await this.kill();
  }
}

/**
 * `ingest`'s extraction threads: one fewer than the cores. The main thread stores and links (about
 * 40 % of an ingest's CPU once V8's compiler threads had less to do) beside them; on 2 cores two
 * extraction threads were 7-10 % slower than one over ECB+ dev (docs/evaluation.md, ingest8).
 */
export const defaultWorkers = () => Math.max(1, availableParallelism() - 1);

/**
 * `threads` lanes (default one), each a worker thread with its own budget; a document goes to the
 * least busy lane. Threads start on their first document (each loads the resources, a second or two).
 */
export class ExtractPool implements Extractor {
  private readonly lanes: Lane[];

  constructor(
    readonly budgetMs = Number(process.env.SITREP_EXTRACT_BUDGET_MS) || DEFAULT_BUDGET_MS,
    threads = 1,
  ) {
    this.lanes = Array.from({ length: Math.max(1, threads) }, () => new Lane(budgetMs));
  }

  get size(): number {
    return this.lanes.length;
  }

  /** Adds lanes up to `threads` (a pool started with one, before the input's size was known). */
  grow(threads: number): void {
    while (this.lanes.length < threads) this.lanes.push(new Lane(this.budgetMs));
  }

  extract(document: Document, profile: SiteProfile | null = null): Promise<PoolOutcome> {
    return this.lanes.reduce((a, b) => (b.busy < a.busy ? b : a)).extract(document, profile);
  }

  /**
   * Starts every thread and waits for their pipelines: `sitrep worker` takes a document from the
   * queue only once it can extract it, so a worker killed while loading holds no claim.
   */
  async warm(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.warm()));
  }

  /** Each thread's event loop: ms running and ms waiting for a document (SITREP_TIMING). */
  utilization(): ({ active: number; idle: number } | null)[] {
    return this.lanes.map((l) => l.utilization());
  }

  /** Ends every thread now; documents being extracted or waiting are rejected with StoppedError. */
  async close(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.close()));
  }
}

/**
 * Runs `start` on each item as it comes, at most `window` at a time, and hands the results to
 * `finish` in the items' own order: extraction in parallel, linking in sequence. `finish`
 * returning false stops the run (a signal, a full disk).
 */
export async function inOrder<I, R>(items: AsyncIterable<I>, window: number, start: (item: I) => Promise<R>, finish: (item: I, result: PromiseSettledResult<R>) => Promise<boolean | void>): Promise<void> {
  const queue: { item: I; result: Promise<PromiseSettledResult<R>> }[] = [];
  const settle = (p: Promise<R>) => p.then((value): PromiseSettledResult<R> => ({ status: 'fulfilled', value }), (reason): PromiseSettledResult<R> => ({ status: 'rejected', reason }));
  const drainOne = async () => {
    const head = queue.shift()!;
    return (await finish(head.item, await head.result)) === false;
  };
  for await (const item of items) {
    queue.push({ item, result: settle(start(item)) });
    if (queue.length >= window && (await drainOne())) return;
  }
  while (queue.length) if (await drainOne()) return;
}
