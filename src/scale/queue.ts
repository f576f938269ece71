/**
 * The durable document queue for workers on many machines, kept by NATS JetStream
 * (`--queue nats://host:4222`). Why JetStream: a work-queue stream gives each message to one
 * consumer of a shared durable consumer, keeps it on disk until acknowledged, and redelivers it
 * after `ack_wait` when the worker holding it dies (kill -9, a lost machine) — at-least-once
 * delivery with no polling of the database, and the queue works whichever store is behind it
 * (SQLite on one machine, PostgreSQL on many). Publishing with the document id as message id
 * drops a document enqueued twice within the duplicate window.
 *
 * Exactly once in the store comes from the other side: `Store.ingest` stores a document and its
 * links in one transaction keyed by the document id, so a redelivered document that was already
 * committed is acknowledged and skipped.
 */
import { AckPolicy, connect, nanos, RetentionPolicy, StorageType, type JsMsg, type NatsConnection } from 'nats';
import type { Document } from '../model/index.js';

/**
 * The queue's name is the URL's path (`nats://host:4222/east` → stream SITREP_east), `documents`
 * by default: one queue per partition or per test, on one server.
 */
function names(url: string): { stream: string; subject: string; consumer: string } {
  let name = 'documents';
  try {
    const path = new URL(url).pathname.replace(/^\/+|\/+$/g, '');
    if (path) name = path;
  } catch {
    /* checked by the caller */
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new Error(`queue ${JSON.stringify(url)}: the name after the port may hold letters, digits, - and _ only`);
  return { stream: `SITREP_${name}`, subject: `sitrep.${name}`, consumer: 'sitrep-workers' };
}

/** How long a taken document may go unacknowledged before another worker gets it (env for tests). */
const ackWaitMs = () => Number(process.env.SITREP_QUEUE_ACK_WAIT_MS) || 60_000;
/**
 * Deliveries of one document before it is given up (a document that crashes every worker). A kill
 * -9 looks the same as a crash, so this is well above the kills one document may meet (the test
 * kills 20 workers; a slow document can be in hand at each kill).
 */
const MAX_DELIVER = 50;

export const isQueueUrl = (s: string) => /^nats:\/\//i.test(s);

function server(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 4222}`;
  } catch {
    return url;
  }
}

/** Errors of the queue on one line, naming it. */
function named(url: string, e: unknown): Error {
  const msg = ((e as Error)?.message || String((e as { code?: string })?.code ?? e)).split('\n')[0];
  return new Error(`queue NATS ${server(url)}: ${msg}`);
}

export class DocumentQueue {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly url: string,
    private readonly n: { stream: string; subject: string; consumer: string },
  ) {}

  /** Connects (a few seconds at most) and makes sure the stream and the shared consumer exist. */
  static async open(url: string): Promise<DocumentQueue> {
    if (!isQueueUrl(url)) throw new Error(`queue ${JSON.stringify(url)}: wants a nats://host:port URL`);
    const n = names(url);
    const STREAM = n.stream;
    const CONSUMER = n.consumer;
    let nc: NatsConnection | undefined;
    try {
      nc = await connect({ servers: server(url), timeout: 3000, maxReconnectAttempts: 30, reconnectTimeWait: 1000, name: 'sitrep' });
      const jsm = await nc.jetstreamManager({ timeout: 3000 });
      try {
        await jsm.streams.info(STREAM);
      } catch {
        await jsm.streams.add({ name: STREAM, subjects: [n.subject], retention: RetentionPolicy.Workqueue, storage: StorageType.File, duplicate_window: nanos(10 * 60_000) });
      }
      try {
        await jsm.consumers.info(STREAM, CONSUMER);
      } catch {
        await jsm.consumers.add(STREAM, { durable_name: CONSUMER, ack_policy: AckPolicy.Explicit, ack_wait: nanos(ackWaitMs()), max_deliver: MAX_DELIVER });
      }
      return new DocumentQueue(nc, url, n);
    } catch (e) {
      await nc?.close().catch(() => {});
      throw named(url, e);
    }
  }

  async enqueue(doc: Document): Promise<void> {
    try {
      await this.nc.jetstream().publish(this.n.subject, new TextEncoder().encode(JSON.stringify(doc)), { msgID: doc.id, timeout: 10_000 });
    } catch (e) {
      throw named(this.url, e);
    }
  }

  /** Documents waiting or taken but not yet acknowledged. */
  async pending(): Promise<number> {
    const info = await (await this.nc.jetstreamManager()).consumers.info(this.n.stream, this.n.consumer);
    return info.num_pending + info.num_ack_pending;
  }

  /**
   * Takes documents one at a time and hands each to `handle`; acknowledges it once handled (the
   * store committed it), naks it on an error so it comes again later. Returns when `stop()` says
   * so, or, with `drain`, once the queue has nothing left for this long (ms).
   */
  async work(handle: (doc: Document, msg: JsMsg) => Promise<void>, opts: { stop: () => boolean; drainMs?: number; onError: (line: string) => void }): Promise<number> {
    const consumer = await this.nc.jetstream().consumers.get(this.n.stream, this.n.consumer);
    let done = 0;
    let idleSince = Date.now();
    while (!opts.stop()) {
      const batch = await consumer.fetch({ max_messages: 1, expires: 1000 });
      let got = false;
      for await (const msg of batch) {
        got = true;
        let doc: Document;
        try {
          doc = JSON.parse(new TextDecoder().decode(msg.data)) as Document;
        } catch {
          opts.onError('queue: a message that is not a document, dropped');
          msg.term();
          continue;
        }
        // a long document keeps its claim alive
        const beat = setInterval(() => msg.working(), Math.max(1000, ackWaitMs() / 3));
        try {
          await handle(doc, msg);
          await msg.ackAck();
          done++;
        } catch (e) {
          opts.onError(`${doc.source}: ${((e as Error)?.message ?? String(e)).split('\n')[0]}`);
          msg.nak(2000);
        } finally {
          clearInterval(beat);
        }
      }
      if (got) idleSince = Date.now();
      else if (opts.drainMs !== undefined && Date.now() - idleSince >= opts.drainMs && (await this.pending()) === 0) break;
    }
    return done;
  }

  /** Removes the queue and what it holds (tests). */
  async destroy(): Promise<void> {
    await (await this.nc.jetstreamManager()).streams.delete(this.n.stream).catch(() => false);
  }

  async close(): Promise<void> {
    await this.nc.drain().catch(() => this.nc.close());
  }
}
