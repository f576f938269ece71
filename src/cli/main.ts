/**
 * The command line: parses arguments, calls one function, prints. Exit status: 0 all went well,
 * 1 some inputs failed (each named on stderr in one line), 2 usage error; 130/143 when stopped by
 * SIGINT/SIGTERM after finishing the current document.
 */
import { loadLanguageModel } from '../lang/identify.js';
import { Command, CommanderError, Option } from 'commander';
import type { Event } from '../model/index.js';
import { createPipeline, extract, loadResources } from '../pipeline.js';
import { loadTypeModel } from '../extract/type-model.js';
import { readInputs } from '../ingest/read.js';
import { openStore, UsageError, type EventFilters, type Store } from '../store/sqlite.js';
import { eventDetail, eventsTable, eventsToCsv, eventsToGeoJson } from './format.js';
import { Progress } from './progress.js';
import { escapeControls, guardStdout, oneLine } from './terminal.js';
import { storeDocumentOffThread } from './ingest-run.js';
import { ExtractPool, StoppedError } from '../extract-pool.js';
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
    // acted on within a second even when blocked on input (stdin, a slow server): a store write is one
    // synchronous transaction, so this timer can never fire inside one
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

async function ingest(paths: string[], opts: { db?: string; allowPrivate?: boolean; debug?: boolean }): Promise<number> {
  if (!paths.length) throw new UsageError('ingest needs at least one file, folder or "-"');
  // the worker loads the type model too; read here first, a missing or broken weights file is one
  // line at start-up (naming the file), not an error on every document
  loadTypeModel();
  // extraction in a worker: a document past the time budget is stored without the slow stage, and a
  // signal ends the document being extracted (the store only ever holds whole documents)
  const extractor = new ExtractPool();
  const stop = stopSignal(() => void extractor.close());
  let store: Store;
  try {
    store = openStore(dbPath(opts));
  } catch (e) {
    await extractor.close();
    throw e;
  }
  const progress = new Progress(process.stderr);
  let added = 0;
  let known = 0;
  let failed = 0;
  let fatal = false;
  const events = new Set<string>();
  try {
    for await (const item of readInputs(paths, process.stdin, { allowPrivate: opts.allowPrivate })) {
      if (stop.signal) break;
      if (item.kind === 'error') {
        failed++;
        progress.clear();
        err(`${item.input}: ${item.reason}`);
        continue;
      }
      const { document: doc, warnings } = item;
      for (const w of warnings) {
        progress.clear();
        err(`${doc.source}: warning: ${w}`);
      }
      try {
        const res = await storeDocumentOffThread(doc, extractor, store);
        for (const w of res.warnings) {
          progress.clear();
          err(`${doc.source}: warning: ${w}`);
        }
        if (res.stored) {
          added++;
          for (const e of res.events) events.add(e);
        } else known++;
      } catch (e) {
        if (e instanceof StoppedError && stop.signal) break;
        failed++;
        progress.clear();
        const code = (e as { code?: string }).code ?? '';
        // a full disk or a read-only database fails every document alike: say it once, with the cause, and stop
        if (/^SQLITE_(?:FULL|READONLY|IOERR|CANTOPEN|CORRUPT|NOTADB)/.test(code)) {
          err(`${dbPath(opts)}: ${(e as Error).message}; stopped after ${added + known} documents`);
          fatal = true;
          break;
        }
        err(`${doc.source}: ${(e as Error).message}`);
        if (opts.debug) process.stderr.write(`${(e as Error).stack}\n`);
      }
      progress.tick(added + known);
      if (stop.signal) break;
    }
  } finally {
    progress.clear();
    stop.dispose();
    await extractor.close();
    store.close();
  }
  if (fatal) return 1;
  const summary = `${added} new document${added === 1 ? '' : 's'}, ${known} already stored, ${failed} failed; ${events.size} event${events.size === 1 ? '' : 's'} touched`;
  if (stop.signal) {
    err(`stopped by ${stop.signal} after ${added + known} documents: ${summary}`);
    return stop.signal === 'SIGINT' ? 130 : 143;
  }
  out(summary);
  return failed ? 1 : 0;
}

function eventsCommand(opts: Record<string, unknown>): number {
  const store = openStore(dbPath(opts), { readonly: true });
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
    const { events } = store.events(filters);
    if (opts.json) out(JSON.stringify(events, null, 2));
    else if (opts.csv) process.stdout.write(escapeControls(eventsToCsv(events)));
    else if (opts.geojson) out(JSON.stringify(eventsToGeoJson(events)));
    else out(events.length ? eventsTable(events) : 'no events');
    return 0;
  } finally {
    store.close();
  }
}

function sourcesOf(e: Event): Map<string, string> {
  return new Map(e.reports.map((r) => [r.document, r.source]));
}

function showCommand(id: string, opts: { db?: string; json?: boolean }): number {
  const store = openStore(dbPath(opts), { readonly: true });
  try {
    const e = store.getEvent(id);
    if (!e) {
      err(`no event ${id}`);
      return 1;
    }
    out(opts.json ? JSON.stringify(e, null, 2) : eventDetail(e, sourcesOf(e)));
    return 0;
  } finally {
    store.close();
  }
}

function documentsCommand(opts: { db?: string; json?: boolean }): number {
  const store = openStore(dbPath(opts), { readonly: true });
  try {
    const docs = store.documents();
    if (opts.json) out(JSON.stringify(docs, null, 2));
    else if (!docs.length) out('no documents');
    else for (const d of docs) out(`${d.id}  ${d.published ?? '----------'}  ${d.primary_event ?? '-'}  ${d.source}  ${d.title ?? ''}`);
    return 0;
  } finally {
    store.close();
  }
}

async function extractCommand(paths: string[], opts: { published?: string; explain?: boolean }): Promise<number> {
  if (!paths.length) throw new UsageError('extract needs at least one file or "-"');
  const pipeline = createPipeline(loadResources({ languageModel: await loadLanguageModel() }));
  let failed = 0;
  for await (const item of readInputs(paths)) {
    if (item.kind === 'error') {
      failed++;
      err(`${item.input}: ${item.reason}`);
      continue;
    }
    const doc = opts.published ? { ...item.document, published: opts.published } : item.document;
    const { annotated, reports, typing } = extract(doc, pipeline);
    const places = annotated.annotations.flatMap((a) =>
      a.kind === 'place'
        ? [{ text: a.text, start: a.start, end: a.end, name: a.value.name, country: a.value.country, admin1: a.value.admin1, lat: a.value.lat, lon: a.value.lon, geonameid: a.value.geonameid, precision: a.value.precision }]
        : [],
    );
    // the language as read from the text (src/lang/identify.ts)
    const { id, source, text, title, published, author, site, lang, url } = annotated.document;
    // --explain: what the type model read — its probabilities and the words and rules that weighed most
    const explain = opts.explain
      ? { explain: { incident: Math.round(typing.incident * 1000) / 1000, no_evidence: typing.noEvidence, probabilities: Object.fromEntries(Object.entries(typing.probabilities).map(([k, v]) => [k, Math.round(v * 1000) / 1000])), weighed: `${typing.explains[0]} against ${typing.explains[1]}`, features: typing.explain } }
      : {};
    out(JSON.stringify({ source, id, document: { title, published, author, site, lang, url, text }, places, reports: reports.map(({ features: _f, ...r }) => r), ...explain }));
  }
  return failed ? 1 : 0;
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
    .action(async (inputs: string[], o: { allowPrivate?: boolean }, cmd: Command) => {
      result.code = await ingest(inputs, { ...db(cmd), allowPrivate: o.allowPrivate, debug: !!cmd.optsWithGlobals().debug });
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
    .action((_o, cmd: Command) => {
      result.code = eventsCommand({ ...cmd.opts(), ...db(cmd) });
    });
  p.command('show')
    .description('one event: every field, its claims with quotes and sources')
    .argument('<id>')
    .option('--db <file>', 'database file')
    .option('--json', 'JSON')
    .action((id: string, o: { json?: boolean }, cmd: Command) => {
      result.code = showCommand(id, { ...o, ...db(cmd) });
    });
  p.command('documents')
    .description('the documents with their events')
    .option('--db <file>', 'database file')
    .option('--json', 'JSON')
    .action((o: { json?: boolean }, cmd: Command) => {
      result.code = documentsCommand({ ...o, ...db(cmd) });
    });
  p.command('extract')
    .description('no database: one JSON object a line per input, with places and reports')
    .argument('<inputs...>')
    .option('--json', 'JSON lines (the only format)')
    .option('--published <date>', 'publication date to resolve dates against', isoDateArg('--published'))
    .option('--explain', 'add what made the type: the model\'s probabilities and the words (w:, b:) and rules (r:, c:) that weighed most')
    .action(async (inputs: string[], o: { published?: string; explain?: boolean }) => {
      result.code = await extractCommand(inputs, o);
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
