/**
 * The command line: parses arguments, calls one function, prints. Exit status: 0 all went well,
 * 1 some inputs failed (each named on stderr in one line), 2 usage error; 130/143 when stopped by
 * SIGINT/SIGTERM after finishing the current document.
 */
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import type { Event, SiteProfile } from '../model/index.js';
import { outletOf, siteOf } from '../ingest/outlet.js';
import { batched, EXPORT_FORMATS, exportChunks, pagedEventsOf, type ExportFormat } from '../export/index.js';
import { DocumentFailed, ingestDocument, ingestExtracted, messageLine } from '../jobs/ingest.js';
import { SiteProfileBook } from '../jobs/site-profiles.js';
import { holdBack, MAX_ITEM_TRIES, recordFailure, recordSuccess } from '../jobs/item-failures.js';
import { Countries } from '../query/countries.js';
import { FilterError, parseEventFilters } from '../query/event-filters.js';
import { UsageError } from '../store/sqlite.js';
import { openEventStore, type EventStore } from '../store/open.js';
import type { Document } from '../model/index.js';
import { defaultWorkers, ExtractPool, IN_FLIGHT, inOrder, StoppedError, type PoolOutcome } from '../extract-pool.js';
import { documentsTable, eventDetail, eventsTable, sitesTable } from './format.js';
import { countInputs, Progress } from './progress.js';
import { escapeControls, guardStdout, oneLine } from './terminal.js';
import { busy, phase, timing } from './timing.js';
import { registerGazetteer } from './gazetteer.js';
import { registerServe } from './serve.js';
import { registerWatch } from './watch-command.js';

export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

const out = (s: string) => process.stdout.write(escapeControls(s.endsWith('\n') ? s : s + '\n'));
const err = (s: string) => process.stderr.write(`sitrep: ${oneLine(s)}\n`);

export function dbPath(opts: { db?: string }): string {
  return opts.db ?? process.env.SITREP_DB ?? './sitrep.db';
}

function intArg(name: string, min: number, max: number) {
  return (v: string) => {
    if (!/^\d+$/.test(v) || +v < min || +v > max) throw new UsageError(`${name} wants a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`);
    return +v;
  };
}

function isoDateArg(name: string) {
  return (v: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`${name} wants a date as YYYY-MM-DD, not ${JSON.stringify(v)}`);
    return v;
  };
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

/**
 * `ingest` commits stored documents this many at a time, or when the oldest has waited this long
 * (Store.beginBatch): readers see new documents within about half a second, and the commit, a
 * third of the main thread's time when each document had its own, is shared.
 */
const BATCH_DOCS = 64;
const BATCH_MS = 500;

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

interface IngestOptions {
  db?: string;
  allowPrivate?: boolean;
  debug?: boolean;
  verbose?: boolean;
  workers?: number;
  queue?: string;
  /** Documents a transaction (BATCH_DOCS by default). */
  batch?: number;
}

/** A document read, with its input's warnings and the feed item it came from. */
interface ReadDocument {
  document: Document;
  warnings: string[];
  item?: string;
}

/**
 * `sitrep ingest`: N worker threads extract (one for a small input or `--workers 1`), each
 * document within the time budget, while this thread stores the results in input order through the
 * one ingest function (jobs/ingest.ts), so N threads give the events one gives; or, with a queue,
 * the documents are enqueued for `sitrep worker` processes and nothing is extracted here. A signal
 * ends the document being extracted (the store only ever holds whole documents).
 */
async function ingest(paths: string[], opts: IngestOptions): Promise<number> {
  if (!paths.length) throw new UsageError('ingest needs at least one file, folder or "-"');
  // the first extraction thread loads its pipeline while this one loads the readers, reads the
  // weights, opens the store and looks at the input: a small ingest waits for one of these loads,
  // not for each in turn
  let pool: ExtractPool | null = opts.queue ? null : new ExtractPool(undefined, 1);
  // a load that fails is tried again, and its error said, with the first document
  pool?.warm().then(() => phase('extraction-ready'), () => undefined);
  // the readers and the stages load with the commands that use them: reading commands start fast
  const [{ loadTypeModel }, { readInputs }] = await Promise.all([import('../extract/type-model.js'), import('../ingest/read.js')]);
  const workers = opts.workers ?? defaultWorkers();
  const queue = opts.queue ? await (await import('../scale/queue.js')).DocumentQueue.open(opts.queue) : null;
  // the worker loads the type model too; read here first, a missing or broken weights file is one
  // line at start-up (naming the file), not an error on every document
  if (!queue) loadTypeModel();
  const stop = stopSignal(() => void pool?.close());
  let store: EventStore | null = null;
  let onExit: (() => void) | null = null;
  const progress = new Progress(process.stderr, { total: await countInputs(paths) });
  const say = (line: string) => {
    progress.clear();
    err(line);
  };
  let added = 0;
  let known = 0;
  let failed = 0;
  let queued = 0;
  let retried = 0;
  let held = 0;
  let warnings = 0;
  let fatal = false;
  const events = new Set<string>();
  /** Names failed inputs; feed items that failed before wait for their retry (jobs/item-failures.ts). */
  async function* documents(s: EventStore | null): AsyncGenerator<ReadDocument> {
    const skipItem = s
      ? async (item: string) => {
          const wait = await holdBack(s, item, Date.now());
          if (wait) held++;
          return wait;
        }
      : undefined;
    for await (const item of readInputs(paths, process.stdin, { allowPrivate: opts.allowPrivate, skipItem })) {
      if (stop.signal) return;
      if (item.kind === 'error') {
        const verdict = item.item && s ? await recordFailure(s, item.item, item.reason, Date.now()) : 'new';
        if (verdict === 'new') {
          failed++;
          say(`${item.input}: ${item.reason}${item.item && s ? ' (will retry on a later ingest)' : ''}`);
        } else {
          retried++;
          if (verdict === 'gave-up') say(`${item.input}: ${item.reason}; gave up after ${MAX_ITEM_TRIES} tries`);
        }
        continue;
      }
      yield { document: item.document, warnings: item.warnings, item: item.item };
      if (stop.signal) return;
    }
  }
  try {
    if (queue) {
      for await (const { document: doc, warnings: w } of documents(null)) {
        for (const line of w) say(`${doc.source}: warning: ${line}`);
        try {
          await queue.enqueue(doc);
          queued++;
        } catch (e) {
          // the queue went away: what is left would be lost the same way
          failed++;
          say(`${doc.source}: ${(e as Error).message}`);
          break;
        }
        progress.tick(queued);
      }
    } else {
      store = await openEventStore(dbPath(opts));
      const s = store;
      // the open batch is committed however the run ends: the last document, a signal's exit, an error
      let batchDocs = 0;
      let batchSince = 0;
      // (SQLite commits before the call returns, so the exit handler commits; PostgreSQL's open
      // batch is rolled back with the connection there, as on a kill, and the next run stores it)
      const commit = async () => {
        batchDocs = 0;
        await s.commitBatch?.();
      };
      onExit = () => {
        batchDocs = 0;
        void s.commitBatch?.()?.catch(() => {});
      };
      process.on('exit', onExit);
      // threads pay for loading the pipeline each: a small input is extracted on one
      const { head, rest } = await peek(documents(s), workers <= 1 ? 0 : THREADS_FROM);
      const threads = workers <= 1 || !rest ? 1 : workers;
      const p = pool!;
      p.grow(threads);
      if (stop.signal) await p.close();
      // each document read with its site's profile as of every earlier document of the input, whatever the threads
      const book = new SiteProfileBook(s);
      // extraction runs ahead in the threads; the ingest function's store step takes the results in input order
      await inOrder<ReadDocument, PoolOutcome | null>(
        concat(head, rest),
        threads * IN_FLIGHT,
        async ({ document: doc }) => ((await s.hasDocument(doc.id)) ? null : book.extract(doc, (profile) => p.extract(doc, profile))),
        async ({ document: doc, warnings: w, item }, r) => {
          try {
            if (s.beginBatch && !batchDocs++) {
              s.beginBatch();
              batchSince = Date.now();
            }
            if (r.status === 'rejected') throw r.reason;
            const res = await ingestExtracted(doc, r.value, s, w);
            if (item) await recordSuccess(s, item);
            // what ingest had to cut or doubts in the input (and a document past the time budget) is
            // always said; the stages' own warnings are counted, and listed with --verbose
            for (const m of res.messages) {
              if (m.rule.startsWith('ingest:')) say(messageLine(m));
              else if (m.severity !== 'info') {
                warnings++;
                if (opts.verbose) say(messageLine(m));
              }
            }
            if (res.stored) {
              added++;
              for (const e of res.events) events.add(e);
            } else known++;
          } catch (e) {
            if (e instanceof StoppedError && stop.signal) return false;
            failed++;
            if (STORE_FATAL.test((e as { code?: string }).code ?? '')) {
              say(`${dbPath(opts)}: ${(e as Error).message}; stopped after ${added + known} documents`);
              fatal = true;
              return false;
            }
            if (e instanceof DocumentFailed) {
              say(`${e.message}; not stored`);
              if (opts.verbose) for (const m of e.messages) say(messageLine(m));
            } else say(`${doc.source}: ${(e as Error).message}`);
            if (opts.debug) process.stderr.write(`${(e as Error).stack}\n`);
          }
          if (batchDocs >= (opts.batch ?? BATCH_DOCS) || Date.now() - batchSince >= BATCH_MS) await commit();
          progress.tick(added + known + failed);
          return !stop.signal;
        },
      );
    }
  } finally {
    if (onExit) process.off('exit', onExit);
    progress.clear();
    stop.dispose();
    if (timing && pool) {
      phase('ingested');
      busy('main-thread', performance.eventLoopUtilization());
      pool.utilization().forEach((u, i) => u && busy(`extraction-thread-${i + 1}`, u));
    }
    await pool?.close();
    await store?.close();
    await queue?.close();
  }
  if (fatal) return 1;
  const extra = [
    retried ? `${retried} feed item${retried === 1 ? '' : 's'} failed again (reported before)` : '',
    held ? `${held} feed item${held === 1 ? '' : 's'} waiting to retry` : '',
    warnings && !opts.verbose ? `${warnings} warning${warnings === 1 ? '' : 's'} (--verbose lists them)` : '',
  ].filter(Boolean);
  const summary = queue
    ? `${queued} document${queued === 1 ? '' : 's'} queued, ${failed} failed`
    : `${added} new document${added === 1 ? '' : 's'}, ${known} already stored, ${failed} failed; ${events.size} event${events.size === 1 ? '' : 's'} touched${extra.length ? `; ${extra.join('; ')}` : ''}`;
  if (stop.signal) {
    err(`stopped by ${stop.signal} after ${added + known} documents: ${summary}`);
    return stop.signal === 'SIGINT' ? 130 : 143;
  }
  out(summary);
  return failed ? 1 : 0;
}

/** Writes chunks to stdout, waiting when its buffer is full: memory stays bounded however long the export. */
async function writeAll(chunks: Iterable<string>): Promise<void> {
  for (const chunk of batched(chunks)) {
    // stored text reaches a terminal too: controls written out (JSON and CSV stay valid)
    if (!process.stdout.write(escapeControls(chunk))) await once(process.stdout, 'drain');
  }
}

type EventsOptions = Record<string, string | boolean | undefined> & { db?: string };

function formatOf(opts: EventsOptions): ExportFormat | 'table' {
  const flags = (['json', 'csv', 'geojson', 'jsonl'] as const).filter((f) => opts[f]);
  const format = opts.format as string | undefined;
  if (format !== undefined && !(EXPORT_FORMATS as readonly string[]).includes(format) && format !== 'table') {
    throw new UsageError(`--format: no format ${JSON.stringify(format)}; accepted: table, ${EXPORT_FORMATS.join(', ')}`);
  }
  const all = [...flags, ...(format ? [format] : [])];
  if (new Set(all).size > 1) throw new UsageError(`give one output format, not ${all.map((f) => (f === format ? `--format ${f}` : `--${f}`)).join(' and ')}`);
  return (all[0] as ExportFormat | 'table' | undefined) ?? 'table';
}

async function eventsCommand(opts: EventsOptions): Promise<number> {
  const format = formatOf(opts);
  const countries = Countries.load();
  const str = (k: string) => (typeof opts[k] === 'string' ? (opts[k] as string) : undefined);
  // a table is for reading: 1,000 by default; an export is everything that matches
  const limits = format === 'table' ? { default: 1000, max: 100_000 } : { default: Number.MAX_SAFE_INTEGER, max: 10_000_000 };
  const filters = parseEventFilters(
    { since: str('since'), until: str('until'), type: str('type'), country: str('country'), near: str('near'), q: str('q'), limit: str('limit'), disputed: !!opts.disputed },
    { limits, countries, prefix: '--' },
  );
  const store = await openEventStore(dbPath(opts), { readonly: true });
  try {
    if (format === 'table') {
      const { events } = await store.events(filters);
      out(events.length ? eventsTable(events) : 'no events');
      return 0;
    }
    const { limit = Number.MAX_SAFE_INTEGER, ...rest } = filters;
    await writeAll(exportChunks(format, await pagedEventsOf(store, rest, limit), { countries, now: Math.floor(Date.now() / 1000) }));
    return 0;
  } finally {
    await store.close();
  }
}

/** How a document is named in the evidence: its outlet where known (not a file path), else its source. */
function sourcesOf(e: Event): Map<string, string> {
  return new Map(e.reports.map((r) => [r.document, r.outlet ?? outletOf({ source: r.source }) ?? r.source]));
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
    else out(documentsTable(docs));
    return 0;
  } finally {
    await store.close();
  }
}

/** A site profile from a JSON file (`sitrep sites --json` prints them): a one-line error naming the file when it is none. */
function readProfile(file: string): SiteProfile {
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--profile ${file}: ${(e as Error).message}`);
  }
  const p = v as SiteProfile;
  const ok = !!p && typeof p.site === 'string' && Number.isInteger(p.documents) && p.documents >= 0 && !!p.places && typeof p.places === 'object' && Object.values(p.places).every((n) => Number.isInteger(n) && n >= 0);
  if (!ok) throw new UsageError(`--profile ${file}: not a site profile ({"site", "documents", "places": {key: count}})`);
  return p;
}

async function extractCommand(paths: string[], opts: { published?: string; explain?: boolean; verbose?: boolean; profile?: string; profiles?: string }): Promise<number> {
  if (!paths.length) throw new UsageError('extract needs at least one file or "-"');
  if (opts.profile && opts.profiles) throw new UsageError('--profile and --profiles: one or the other');
  const [{ loadLanguageModel }, { createPipeline, extract, loadResources }, { readInputs }] = await Promise.all([import('../lang/identify.js'), import('../pipeline.js'), import('../ingest/read.js')]);
  const pipeline = createPipeline(loadResources({ languageModel: await loadLanguageModel() }));
  phase('pipeline-loaded');
  // a site's profile breaks ties the text leaves open: one given for every input, or each input's site's from a store (read only)
  const fixed = opts.profile ? readProfile(opts.profile) : null;
  const store = opts.profiles ? await openEventStore(opts.profiles, { readonly: true }) : null;
  try {
    return await extractAll();
  } finally {
    await store?.close();
  }
  async function extractAll(): Promise<number> {
    let failed = 0;
    for await (const item of readInputs(paths)) {
      if (item.kind === 'error') {
        failed++;
        err(`${item.input}: ${item.reason}`);
        continue;
      }
      const doc = opts.published ? { ...item.document, published: opts.published } : item.document;
      const home = store ? siteOf(doc) : null;
      const profile = fixed ?? (store && home ? await store.siteProfile(home) : null);
      const { annotated, reports, typing, quiet } = extract(doc, pipeline, { profile });
      const fatal = annotated.messages.find((m) => m.severity === 'fatal');
      if (opts.verbose) for (const m of annotated.messages) err(messageLine(m));
      if (fatal) {
        failed++;
        err(`${doc.source} (${doc.id}): ${fatal.reason} [${fatal.rule}]; no output for it`);
        continue;
      }
      const places = annotated.annotations.flatMap((a) =>
        a.kind === 'place'
          ? [{ text: a.text, start: a.start, end: a.end, name: a.value.name, country: a.value.country, admin1: a.value.admin1, lat: a.value.lat, lon: a.value.lon, geonameid: a.value.geonameid, precision: a.value.precision }]
          : [],
      );
      // the language as read from the text (src/lang/identify.ts)
      const { id, source, text, title, published, author, site, lang, url } = annotated.document;
      // --explain: what the type model read — its probabilities and the words and rules that weighed most
      const explain = opts.explain
        ? { explain: { incident: Math.round(typing.incident * 1000) / 1000, no_evidence: typing.noEvidence, probabilities: Object.fromEntries(Object.entries(typing.probabilities).map(([k, v]) => [k, Math.round(v * 1000) / 1000])), weighed: `${typing.explains[0]} against ${typing.explains[1]}`, features: typing.explain, ...(quiet ? { set_aside: quiet } : {}) } }
        : {};
      out(JSON.stringify({ source, id, document: { title, published, author, site, lang, url, text }, places, reports: reports.map(({ features: _f, ...r }) => r), ...explain }));
      phase('document');
    }
    return failed ? 1 : 0;
  }
}

/** `sitrep sites`: what each site's documents taught about where it reports. */
async function sitesCommand(opts: { db?: string; json?: boolean }): Promise<number> {
  const store = await openEventStore(dbPath(opts), { readonly: true });
  try {
    const profiles = await store.siteProfiles();
    if (opts.json) out(profiles.map((p) => JSON.stringify(p)).join('\n'));
    else if (!profiles.length) out('no site profiles (sitrep ingest learns them from documents with a URL or site)');
    else out(sitesTable(profiles));
    return 0;
  } finally {
    await store.close();
  }
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
    // loaded before the first document is taken: a kill while loading leaves no claim to wait out
    await pool.warm().catch((e: unknown) => {
      if (!(e instanceof StoppedError && stop.signal)) throw e;
    });
    const done = await queue.work(
      async (doc) => {
        // the one ingest function; a document a stage crashed on is acknowledged, named, not stored
        try {
          const res = await ingestDocument(doc, pool, s);
          for (const m of res.messages) if (m.severity !== 'info') err(messageLine(m));
        } catch (e) {
          if (!(e instanceof DocumentFailed)) throw e;
          err(`${e.message}; not stored`);
        }
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
    .option('--verbose', "list every document's warnings with their rule ids")
    .option('--gazetteer <file>', 'imported gazetteer (default $SITREP_GAZETTEER or ~/.local/share/sitrep/gazetteer.sqlite)')
    .version(VERSION, '-V, --version', 'print the version')
    .exitOverride()
    .showHelpAfterError();
  const db = (cmd: Command) => ({ db: cmd.optsWithGlobals().db as string | undefined });
  p.command('ingest')
    .description('read files, folders, URLs, feeds or - (stdin); extract; link; store')
    .argument('<inputs...>')
    .option('--db <file>', 'database file')
    .option('--allow-private', 'allow URLs on private, loopback and link-local addresses')
    .addOption(new Option('--workers <n>', 'extraction threads (default: one fewer than the cores, at least one); linking stays in input order').argParser(intArg('--workers', 1, 256)))
    .option('--queue <url>', 'enqueue the documents for `sitrep worker` processes (nats://host:4222) instead of processing them here')
    .addOption(new Option('--batch <n>', `documents stored a transaction (default ${BATCH_DOCS}, or what half a second brings)`).argParser(intArg('--batch', 1, 100_000)))
    .action(async (inputs: string[], o: { allowPrivate?: boolean; workers?: number; queue?: string; batch?: number }, cmd: Command) => {
      const g = cmd.optsWithGlobals();
      result.code = await ingest(inputs, { ...db(cmd), allowPrivate: o.allowPrivate, debug: !!g.debug, verbose: !!g.verbose, workers: o.workers, queue: o.queue ?? process.env.SITREP_QUEUE, batch: o.batch });
    });
  p.command('events')
    .description('the events, newest first')
    .option('--db <file>', 'database file')
    .option('--json', 'JSON')
    .option('--csv', 'CSV')
    .option('--geojson', 'GeoJSON FeatureCollection')
    .option('--jsonl', 'JSON lines: one event a line')
    .option('--format <format>', `table, ${EXPORT_FORMATS.join(', ')} (acled: ACLED's columns)`)
    .option('--since <date>', 'on or after YYYY-MM-DD')
    .option('--until <date>', 'on or before YYYY-MM-DD')
    .option('--type <type>', 'ACLED category or type, e.g. Battles, air_drone_strike, "Air/drone strike"')
    .option('--country <country>', 'ISO code or name, e.g. SY, Syria')
    .option('--near <lat,lon,km>', 'within KM of a point')
    .option('--q <text>', 'full-text search over the reports')
    .option('--disputed', 'only events with a disputed field')
    .option('--limit <n>', 'at most N events (a table shows 1,000 by default; exports everything)')
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
  p.command('sites')
    .description('what the stored documents taught about where each site reports (its site profile)')
    .option('--db <file>', 'database file')
    .option('--json', 'JSON lines, one profile a line')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      result.code = await sitesCommand({ ...o, ...db(cmd) });
    });
  p.command('extract')
    .description('no database: one JSON object a line per input, with places and reports')
    .argument('<inputs...>')
    .option('--json', 'JSON lines (the only format)')
    .option('--published <date>', 'publication date to resolve dates against', isoDateArg('--published'))
    .option('--explain', 'add what made the type: the model\'s probabilities and the words (w:, b:) and rules (r:, c:) that weighed most')
    .option('--profile <file>', 'a site profile (JSON, as `sitrep sites --json` prints one) to break ties between readings of a place name')
    .option('--profiles <db>', "read each input's site profile from this store (file or postgres:// URL; nothing is written)")
    .action(async (inputs: string[], o: { published?: string; explain?: boolean; profile?: string; profiles?: string }, cmd: Command) => {
      result.code = await extractCommand(inputs, { ...o, verbose: !!cmd.optsWithGlobals().verbose });
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
  phase('cli-loaded');
  guardStdout();
  try {
    await program(result).parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return 2;
    }
    if (e instanceof UsageError || e instanceof FilterError) {
      err(e.message);
      return 2;
    }
    const message = (e as Error)?.message ?? String(e);
    err(`error: ${message.split('\n')[0]}`);
    if (debug) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    return 1;
  }
}
