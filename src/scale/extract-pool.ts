/**
 * Extraction on every core: worker threads that each hold the pipeline and extract the documents
 * handed to them, the least busy first. Extraction is a pure function of the document, so which
 * thread ran it changes nothing; the caller links the results in the order it read the documents
 * (see `inOrder`), which is what makes N threads give the events one gives.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Document, Report } from '../model/index.js';

interface Pending {
  resolve: (r: Report[]) => void;
  reject: (e: Error) => void;
}

/** The compiled thread script, or the TypeScript one through tsx when running from source (tests, scripts). */
function threadScript(): { file: string; execArgv: string[] } {
  const js = fileURLToPath(new URL('./extract-thread.js', import.meta.url));
  if (existsSync(js)) return { file: js, execArgv: [] };
  return { file: fileURLToPath(new URL('./extract-thread.ts', import.meta.url)), execArgv: ['--import', 'tsx'] };
}

export const defaultWorkers = () => Math.max(1, availableParallelism());

export class ExtractPool {
  private readonly threads: { worker: Worker; busy: number; pending: Map<number, Pending> }[] = [];
  private seq = 0;
  private failure: Error | null = null;

  constructor(readonly size: number) {
    const { file, execArgv } = threadScript();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(file, { execArgv });
      const t = { worker, busy: 0, pending: new Map<number, Pending>() };
      worker.on('message', (m: { seq?: number; reports?: Report[]; error?: string }) => {
        if (m.seq === undefined) return;
        const p = t.pending.get(m.seq);
        if (!p) return;
        t.pending.delete(m.seq);
        t.busy--;
        if (m.error !== undefined) p.reject(new Error(`extraction failed: ${m.error}`));
        else p.resolve(m.reports!);
      });
      // a thread that dies (out of memory) fails what it held, and the pool refuses more
      const die = (e: Error) => {
        this.failure = new Error(`extraction thread ${i + 1} stopped: ${e.message.split('\n')[0]}`);
        for (const p of t.pending.values()) p.reject(this.failure);
        t.pending.clear();
      };
      worker.on('error', die);
      worker.on('exit', (code) => code !== 0 && die(new Error(`exit code ${code}`)));
      this.threads.push(t);
    }
  }

  extract(doc: Document): Promise<Report[]> {
    if (this.failure) return Promise.reject(this.failure);
    const t = this.threads.reduce((a, b) => (b.busy < a.busy ? b : a));
    const seq = this.seq++;
    t.busy++;
    return new Promise((resolve, reject) => {
      t.pending.set(seq, { resolve, reject });
      t.worker.postMessage({ seq, doc });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}

/**
 * Runs `start` on each item as it comes, at most `window` at a time, and hands the results to
 * `finish` in the items' own order: extraction in parallel, linking in sequence.
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
