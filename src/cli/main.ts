/**
 * The command line: parses arguments, calls one function, prints. Exit status: 0 all went well,
 * 1 some inputs failed (each named on stderr in one line), 2 usage error; 130/143 when stopped by
 * SIGINT/SIGTERM after finishing the current document.
 */
import { Command, CommanderError, Option } from 'commander';
import type { Event } from '../model/index.js';
import { createPipeline, extract, loadResources } from '../pipeline.js';
import { readInputs } from '../ingest/read.js';
import { UsageError, type EventFilters } from '../store/sqlite.js';
import { openEventStore, type EventStore } from '../store/open.js';
import type { Document } from '../model/index.js';
import { eventDetail, eventsTable, eventsToCsv, eventsToGeoJson } from './format.js';
import { Progress } from './progress.js';
import { escapeControls, guardStdout, oneLine } from './terminal.js';
import { storeDocumentOffThread, storeExtracted } from './ingest-run.js';
import { defaultWorkers, ExtractPool, inOrder, StoppedError, type PoolOutcome } from '../extract-pool.js';
import { registerGazetteer } from './gazetteer.js';
import { registerServe } from './serve.js';
import { registerWatch } from './watch.js';

const out = (s: string) => process.stdout.write(escapeControls(s.endsWith('\n') ? s : s + '\n'));
const err = (s: string) => process.stderr.write(`sitrep: ${oneLine(s)}\n`);

export function dbPath(opts: { db?: string }): string {
  return opts.db ?? process.env.SITREP_DB ?? './sitrep.db';
}

function isoDateArg(name: string) {
  return (v: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`${name} wants a date as YYYY-MM-DD, not ${JSON.stringify(v)}`);
    return v;
  };
}

function intArg(name: string, min: number, max: number) {
  return (v: string) => {
    if (!/^\d+$/.test(v) || +v < min || +v > max) throw new UsageError(`${name} wants a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`);
    return +v;
  };
}

function nearArg(v: string) {
  const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$/.exec(v.replace(/\s/g, ''));
  if (!m || Math.abs(+m[1]) > 90 || Math.abs(+m[2]) > 180) throw new UsageError(`--near wants LAT,LON,KM, not ${JSON.stringify(v)}`);
  return { lat: +m[1], lon: +m[2], km: +m[3] };
}

/** Ctrl-C finishes the document at hand, then stops: the store never holds half a document. */
function stopSignal(onStop: () => void = () => {}): { readonly signal: NodeJS.Signals | null; dispose(): void } {
  const state = { signal: null as NodeJS.Signals | null };
  const on = (s: NodeJS.Signals) => () => {
    if (state.signal) process.exit(s === 'SIGINT' ? 130 : 143); // a second Ctrl-C: now
    state.signal = s;
    process.exitCode = s === 'SIGINT' ? 130 : 143;
    onStop();
    // acted on within a second even when blocked on input (stdin, a slow server): a SQLite write is one
    // synchronous transaction, so this timer never fires inside one; a PostgreSQL transaction cut by
    // the exit is rolled back by the server
    setTimeout(() => process.exit(s === 'SIGINT' ? 130 : 143), 1000).unref();
  };
  const int = on('SIGINT');
  const term = on('SIGTERM');
  process.on('SIGINT', int);
  process.on('SIGTERM', term);
  return {
    get signal() {
      return state.signal;
    },
    dispose() {
      process.off('SIGINT', int);
      process.off('SIGTERM', term);
    },
  };
}

/** Inputs of fewer documents than this are extracted on one thread: each extraction thread first loads the pipeline (a second or two). */
const THREADS_FROM = 64;

/** The first n items, and the rest of the iterator (null when it ended within them). */
async function peek<T>(items: AsyncGenerator<T>, n: number): Promise<{ head: T[]; rest: AsyncGenerator<T> | null }> {
  const head: T[] = [];
  while (head.length < n) {
    const r = await items.next();
    if (r.done) return { head, rest: null };
    head.push(r.value);
  }
  return { head, rest: items };
}

async function* concat<T>(head: readonly T[], rest: AsyncGenerator<T> | null): AsyncGenerator<T> {
  yield* head;
  if (rest) yield* rest;
}

/** A full disk or a read-only or broken database fails every document alike: said once, and the run stops. */
const STORE_FATAL = /^SQLITE_(?:FULL|READONLY|IOERR|CANTOPEN|CORRUPT|NOTADB)/;

/**
 * `sitrep ingest`: N worker threads extract (one for a small input or `--workers 1`), each
 * document within the time budget, while this thread links and stores the results in input order
 * (the same events whatever N); or, with a queue, the documents are enqueued for `sitrep worker`
 * processes and nothing is extracted here. A signal ends the document being extracted (the store
 * only ever holds whole documents).
 */
async function ingest(paths: string[], opts: { db?: string; allowPrivate?: boolean; debug?: boolean; workers?: number; queue?: string }): Promise<number> {
  if (!paths.length) throw new UsageError('ingest needs at least one file, folder or "-"');
  const workers = opts.workers ?? defaultWorkers();
  const queue = opts.queue ? await (await import('../scale/queue.js')).DocumentQueue.open(opts.queue) : null;
  let pool: ExtractPool | null = null;
  const stop = stopSignal(() => void pool?.close());
  let store: EventStore | null = null;
  const progress = new Progress(process.stderr);
  let added = 0;
  let known = 0;
  let failed = 0;
  let queued = 0;
  let fatal = false;
  const events = new Set<string>();
  const failedDoc = (doc: Document, e: unknown) => {
    failed++;
    progress.clear();
    err(`${doc.source}: ${(e as Error).message}`);
    if (opts.debug) process.stderr.write(`${(e as Error).stack}\n`);
  };
  /** Names failed inputs and warnings; the documents that can be stored go on. */
  async function* documents(): AsyncGenerator<Document> {
    for await (const item of readInputs(paths, process.stdin, { allowPrivate: opts.allowPrivate })) {
      if (stop.signal) return;
      if (item.kind === 'error') {
        failed++;
        progress.clear();
        err(`${item.input}: ${item.reason}`);
        continue;
      }
      for (const w of item.warnings) {
        progress.clear();
        err(`${item.document.source}: warning: ${w}`);
      }
      yield item.document;
      if (stop.signal) return;
    }
  }
  try {
    if (queue) {
      for await (const doc of documents()) {
        try {
          await queue.enqueue(doc);
          queued++;
        } catch (e) {
          // the queue went away: what is left would be lost the same way
          failedDoc(doc, e);
          break;
        }
        progress.tick(queued);
      }
    } else {
      store = await openEventStore(dbPath(opts));
      const s = store;
      // threads pay for loading the pipeline each: a small input is extracted on one
      const { head, rest } = await peek(documents(), workers <= 1 ? 0 : THREADS_FROM);
      const threads = workers <= 1 || !rest ? 1 : workers;
      const p = (pool = new ExtractPool(undefined, threads));
      if (stop.signal) await p.close();
      // extraction runs ahead in the threads; linking takes the results in input order
      await inOrder<Document, PoolOutcome | null>(
        concat(head, rest),
        threads * 4,
        async (doc) => ((await s.hasDocument(doc.id)) ? null : p.extract(doc)),
        async (doc, r) => {
          try {
            if (r.status === 'rejected') throw r.reason;
            const res = await storeExtracted(doc, r.value, s);
            for (const w of res.warnings) {
              progress.clear();
              err(`${doc.source}: warning: ${w}`);
            }
            if (res.stored) {
              added++;
              for (const e of res.events) events.add(e);
            } else known++;
          } catch (e) {
            if (e instanceof StoppedError && stop.signal) return false;
            if (STORE_FATAL.test((e as { code?: string }).code ?? '')) {
              failed++;
              progress.clear();
              err(`${dbPath(opts)}: ${(e as Error).message}; stopped after ${added + known} documents`);
              fatal = true;
              return false;
            }
            failedDoc(doc, e);
          }
          progress.tick(added + known);
          return !stop.signal;
        },
      );
    }
  } finally {
    progress.clear();
    stop.dispose();
    await pool?.close();
    await store?.close();
    await queue?.close();
  }
  if (fatal) return 1;
  const summary = queue
    ? `${queued} document${queued === 1 ? '' : 's'} queued, ${failed} failed`
    : `${added} new document${added === 1 ? '' : 's'}, ${known} already stored, ${failed} failed; ${events.size} event${events.size === 1 ? '' : 's'} touched`;
  if (stop.signal) {
    err(`stopped by ${stop.signal} after ${added + known} documents: ${summary}`);
    return stop.signal === 'SIGINT' ? 130 : 143;
  }
  out(summary);
  return failed ? 1 : 0;
}

async function eventsCommand(opts: Record<string, unknown>): Promise<number> {
  const store = await openEventStore(dbPath(opts), { readonly: true });
  try {
    const filters: EventFilters = {
      since: opts.since as string | undefined,
      until: opts.until as string | undefined,
      type: opts.type as string | undefined,
      country: opts.country as string | undefined,
      near: opts.near as EventFilters['near'],
      q: opts.q as string | undefined,
      disputed: !!opts.disputed,
      limit: (opts.limit as number | undefined) ?? 1000,
    };
    const { events } = await store.events(filters);
    if (opts.json) out(JSON.stringify(events, null, 2));
    else if (opts.csv) process.stdout.write(escapeControls(eventsToCsv(events)));
    else if (opts.geojson) out(JSON.stringify(eventsToGeoJson(events)));
    else out(events.length ? eventsTable(events) : 'no events');
    return 0;
  } finally {
    await store.close();
  }
}

function sourcesOf(e: Event): Map<string, string> {
  return new Map(e.reports.map((r) => [r.document, r.source]));
}

async function showCommand(id: string, opts: { db?: string; json?: boolean }): Promise<number> {
  const store = await openEventStore(dbPath(opts), { readonly: true });
  try {
    const e = await store.getEvent(id);
    if (!e) {
      err(`no event ${id}`);
      return 1;
    }
    out(opts.json ? JSON.stringify(e, null, 2) : eventDetail(e, sourcesOf(e)));
    return 0;
  } finally {
    await store.close();
  }
}

async function documentsCommand(opts: { db?: string; json?: boolean }): Promise<number> {
  const store = await openEventStore(dbPath(opts), { readonly: true });
  try {
    const docs = await store.documents();
    if (opts.json) out(JSON.stringify(docs, null, 2));
    else if (!docs.length) out('no documents');
    else for (const d of docs) out(`${d.id}  ${d.published ?? '----------'}  ${d.primary_event ?? '-'}  ${d.source}  ${d.title ?? ''}`);
    return 0;
  } finally {
    await store.close();
  }
}

async function extractCommand(paths: string[], opts: { published?: string }): Promise<number> {
  if (!paths.length) throw new UsageError('extract needs at least one file or "-"');
  const pipeline = createPipeline(loadResources());
  let failed = 0;
  for await (const item of readInputs(paths)) {
    if (item.kind === 'error') {
      failed++;
      err(`${item.input}: ${item.reason}`);
      continue;
    }
    const doc = opts.published ? { ...item.document, published: opts.published } : item.document;
    const { annotated, reports } = extract(doc, pipeline);
    const places = annotated.annotations.flatMap((a) =>
      a.kind === 'place'
        ? [{ text: a.text, start: a.start, end: a.end, name: a.value.name, country: a.value.country, admin1: a.value.admin1, lat: a.value.lat, lon: a.value.lon, geonameid: a.value.geonameid, precision: a.value.precision }]
        : [],
    );
    const { id, source, text, title, published, author, site, lang, url } = doc;
    out(JSON.stringify({ source, id, document: { title, published, author, site, lang, url, text }, places, reports: reports.map(({ features: _f, ...r }) => r) }));
  }
  return failed ? 1 : 0;
}

/**
 * `sitrep worker`: one of any number of processes on any number of machines sharing a queue and a
 * store. Each document is extracted here and stored and linked in one transaction (serialised by
 * the store: an advisory lock on PostgreSQL, the write lock on SQLite), then acknowledged; a worker
 * killed before that leaves it to be delivered again.
 */
async function workerCommand(opts: { db?: string; queue?: string; drain: boolean }): Promise<number> {
  if (!opts.queue) throw new UsageError('worker needs --queue nats://host:port (or $SITREP_QUEUE)');
  const queue = await (await import('../scale/queue.js')).DocumentQueue.open(opts.queue);
  let store: EventStore | null = null;
  // extraction in a worker thread with the per-document time budget, as `ingest`; a signal ends
  // the document being extracted, which is then not acknowledged and comes again to another worker
  const pool = new ExtractPool();
  const stop = stopSignal(() => void pool.close());
  try {
    store = await openEventStore(dbPath(opts));
    const s = store;
    const done = await queue.work(
      async (doc) => {
        const res = await storeDocumentOffThread(doc, pool, s);
        for (const w of res.warnings) err(`${doc.source}: warning: ${w}`);
      },
      { stop: () => !!stop.signal, drainMs: opts.drain ? 1500 : undefined, onError: (line) => void (stop.signal || err(line)) },
    );
    err(`worker: ${done} document${done === 1 ? '' : 's'} handled`);
  } finally {
    stop.dispose();
    await pool.close();
    await store?.close();
    await queue.close();
  }
  return stop.signal ? (stop.signal === 'SIGINT' ? 130 : 143) : 0;
}

function program(result: { code: number }): Command {
  const p = new Command('sitrep')
    .description('Turn news reports into a corroborated log of real-world events')
    .option('--db <file>', 'database file (default ./sitrep.db or $SITREP_DB)')
    .option('--debug', 'print stack traces of unexpected errors')
    .option('--gazetteer <file>', 'imported gazetteer (default $SITREP_GAZETTEER or ~/.local/share/sitrep/gazetteer.sqlite)')
    .exitOverride()
    .showHelpAfterError();
  const db = (cmd: Command) => ({ db: cmd.optsWithGlobals().db as string | undefined });
  p.command('ingest')
    .description('read files, folders, URLs, feeds or - (stdin); extract; link; store')
    .argument('<inputs...>')
    .option('--db <file>', 'database file')
    .option('--allow-private', 'allow URLs on private, loopback and link-local addresses')
    .addOption(new Option('--workers <n>', 'extraction threads (default: the cores); linking stays in input order').argParser(intArg('--workers', 1, 256)))
    .option('--queue <url>', 'enqueue the documents for `sitrep worker` processes (nats://host:4222) instead of processing them here')
    .action(async (inputs: string[], o: { allowPrivate?: boolean; workers?: number; queue?: string }, cmd: Command) => {
      result.code = await ingest(inputs, { ...db(cmd), allowPrivate: o.allowPrivate, debug: !!cmd.optsWithGlobals().debug, workers: o.workers, queue: o.queue ?? process.env.SITREP_QUEUE });
    });
  p.command('events')
    .description('the events, newest first')
    .option('--db <file>', 'database file')
    .option('--json', 'JSON')
    .option('--csv', 'CSV')
    .option('--geojson', 'GeoJSON FeatureCollection')
    .option('--since <date>', 'on or after YYYY-MM-DD', isoDateArg('--since'))
    .option('--until <date>', 'on or before YYYY-MM-DD', isoDateArg('--until'))
    .option('--type <type>', 'ACLED category or sub-event type')
    .option('--country <cc>', 'ISO country code')
    .option('--near <lat,lon,km>', 'within KM of a point', nearArg)
    .option('--q <text>', 'full-text search over the reports')
    .option('--disputed', 'only events with a disputed field')
    .addOption(new Option('--limit <n>', 'at most N events').argParser(intArg('--limit', 1, 100_000)))
    .action(async (_o, cmd: Command) => {
      result.code = await eventsCommand({ ...cmd.opts(), ...db(cmd) });
    });
  p.command('show')
    .description('one event: every field, its claims with quotes and sources')
    .argument('<id>')
    .option('--db <file>', 'database file')
    .option('--json', 'JSON')
    .action(async (id: string, o: { json?: boolean }, cmd: Command) => {
      result.code = await showCommand(id, { ...o, ...db(cmd) });
    });
  p.command('documents')
    .description('the documents with their events')
    .option('--db <file>', 'database file')
    .option('--json', 'JSON')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      result.code = await documentsCommand({ ...o, ...db(cmd) });
    });
  p.command('extract')
    .description('no database: one JSON object a line per input, with places and reports')
    .argument('<inputs...>')
    .option('--json', 'JSON lines (the only format)')
    .option('--published <date>', 'publication date to resolve dates against', isoDateArg('--published'))
    .action(async (inputs: string[], o: { published?: string }) => {
      result.code = await extractCommand(inputs, o);
    });
  p.command('worker')
    .description('take documents from the queue (--queue nats://…), extract, link and store them, until stopped')
    .option('--db <file>', 'database file or postgres:// URL')
    .option('--queue <url>', 'the queue (nats://host:4222, or $SITREP_QUEUE)')
    .option('--drain', 'stop once the queue is empty')
    .action(async (o: { queue?: string; drain?: boolean }, cmd: Command) => {
      result.code = await workerCommand({ ...db(cmd), queue: o.queue ?? process.env.SITREP_QUEUE, drain: !!o.drain });
    });
  // the imported gazetteer named once for every command that extracts (see loadResources)
  p.hook('preAction', (cmd) => {
    const gazetteer = cmd.opts().gazetteer as string | undefined;
    if (gazetteer) process.env.SITREP_GAZETTEER = gazetteer;
  });
  registerGazetteer(p, result);
  registerServe(p, result);
  registerWatch(p, result);
  return p;
}

export async function main(argv: string[]): Promise<number> {
  const result = { code: 0 };
  const debug = argv.includes('--debug');
  guardStdout();
  try {
    await program(result).parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      err(e.message);
      return 2;
    }
    const message = (e as Error)?.message ?? String(e);
    err(`error: ${message.split('\n')[0]}`);
    if (debug) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return 1;
  }
}
