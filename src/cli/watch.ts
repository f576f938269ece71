/**
 * `sitrep watch FEED_URL… [--every MIN] [--allow-private] [--once]`: poll feeds and ingest new items.
 *
 * Each poll is a conditional request (the ETag and Last-Modified of the last answer, kept per feed
 * in the database), so an unchanged feed costs a 304. Items already ingested from a feed (by guid,
 * else link) are skipped before anything is fetched, and their documents are stored through the
 * same step as `sitrep ingest` (identity by text hash, so a re-published article is still stored
 * once). A failed poll backs off exponentially (every × 2^failures, capped at 6 h), and a 429/503
 * waits at least its Retry-After (capped at 24 h). State lives in the database, so a restart picks
 * up validators, seen items and back-off where they were.
 *
 * One line per poll on stdout: `<time> <url>: N new, M seen, status 200|304|…`. SIGINT/SIGTERM
 * finishes the item at hand (an in-flight fetch is aborted), closes the store and exits 0.
 */
import type { Command } from 'commander';
import { feedDocuments, feedFromBytes, fetchUrl, FetchError, type FetchOptions } from '../ingest/fetch.js';
import { InputError } from '../ingest/errors.js';
import type { Feed } from '../ingest/feed.js';
import type { Pipeline } from '../pipeline.js';
import { ExtractPool, inProcessExtractor, StoppedError, type Extractor } from '../extract-pool.js';
import { UsageError, type FeedState } from '../store/sqlite.js';
import { openEventStore, type EventStore } from '../store/open.js';
import type { DocumentQueue } from '../scale/queue.js';
import { ingestDocument, messageLine } from '../jobs/ingest.js';
import { holdBack, MAX_ITEM_TRIES, recordFailure, recordSuccess } from '../jobs/item-failures.js';

const MINUTE = 60_000;
/** Longest --every: a week. */
export const MAX_EVERY_MINUTES = 7 * 24 * 60;

/** Longest back-off after failures (unless --every is longer): a feed down for days is still tried four times a day. */
export const MAX_BACKOFF_MS = 6 * 60 * MINUTE;
/** Longest Retry-After honoured; a server asking for more is asked again after a day. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * MINUTE;

export interface WatchOptions {
  db: string;
  everyMinutes: number;
  allowPrivate?: boolean;
  /** One round over the feeds (those not backing off), then return. */
  once?: boolean;
  /** Limits of each fetch (tests shorten them). */
  fetch?: Omit<FetchOptions, 'allowPrivate' | 'signal'>;
  /** Stops the watch (the CLI wires SIGINT/SIGTERM to it). */
  signal?: AbortSignal;
  /** One poll line (default stdout). */
  log?: (line: string) => void;
  /** One problem line (default stderr). */
  warn?: (line: string) => void;
  /** Print every document's warnings with their rule ids. */
  verbose?: boolean;
  /** Built once by the caller when it has one (tests): run in-process. */
  pipeline?: Pipeline;
  /** Extraction as the caller has it; else the worker pool with its time budget, started here. */
  extractor?: Extractor;
  now?: () => number;
  /** Enqueue new items for `sitrep worker` processes (nats://…) instead of ingesting them here. */
  queue?: string;
}

export interface PollResult {
  url: string;
  /** HTTP status, or the `fetch:*` rule when there was none. */
  status: string;
  added: number;
  seen: number;
  failed: number;
  /** Items held back: their page failed before and waits for its retry. */
  held?: number;
  /** The poll failed as a whole (network, HTTP error, not a feed). */
  error: string | null;
  /** When to poll this feed next (epoch ms). */
  next: number;
}

const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function backoffMs(everyMs: number, failures: number, retryAfter: number | null): number {
  const exp = Math.min(everyMs * 2 ** Math.min(failures, 30), Math.max(everyMs, MAX_BACKOFF_MS));
  return Math.max(exp, Math.min(retryAfter ?? 0, MAX_RETRY_AFTER_MS));
}

/** Whether a stored state lets the feed be polled now: only back-off (failures) holds a feed back across runs. */
function backingOff(st: FeedState | null, now: number): boolean {
  return !!st && st.failures > 0 && !!st.next_poll && Date.parse(st.next_poll) > now;
}

interface Context {
  store: EventStore;
  extractor: Extractor;
  queue?: DocumentQueue | null;
  fetch: FetchOptions;
  everyMs: number;
  now: () => number;
  warn: (line: string) => void;
  stopped: () => boolean;
  verbose: boolean;
}

/** One poll of one feed: fetch (conditional), ingest unseen items, save state. Never throws for feed problems. */
export async function pollFeed(url: string, ctx: Context): Promise<PollResult> {
  const { store } = ctx;
  const prev = await store.feedState(url);
  const result: PollResult = { url, status: '', added: 0, seen: 0, failed: 0, error: null, next: 0 };
  const fail = async (e: unknown): Promise<PollResult> => {
    const fe = e instanceof FetchError ? e : null;
    const failures = (prev?.failures ?? 0) + 1;
    const now = ctx.now();
    result.status = fe?.status ? String(fe.status) : e instanceof InputError ? e.rule : 'error';
    result.error = (e as Error)?.message ?? String(e);
    if (result.status === 'fetch:aborted') return result; // stopped by the user: not the feed's failure
    result.next = now + backoffMs(ctx.everyMs, failures, fe?.retryAfterMs ?? null);
    await store.saveFeedState({ url, etag: prev?.etag ?? null, last_modified: prev?.last_modified ?? null, last_polled: new Date(now).toISOString(), last_status: result.status, failures, next_poll: new Date(result.next).toISOString() });
    return result;
  };

  let feed: Feed;
  let etag: string | null;
  let lastModified: string | null;
  try {
    const res = await fetchUrl(url, ctx.fetch, { etag: prev?.etag, lastModified: prev?.last_modified });
    result.status = String(res.status);
    const header = (h: string | string[] | undefined) => (Array.isArray(h) ? h[0] : h) ?? null;
    etag = header(res.headers.etag) ?? (res.status === 304 ? (prev?.etag ?? null) : null);
    lastModified = header(res.headers['last-modified']) ?? (res.status === 304 ? (prev?.last_modified ?? null) : null);
    feed = res.status === 304 ? { format: 'rss', title: null, items: [] } : feedFromBytes(res.body, res.url, res.charset);
  } catch (e) {
    return fail(e);
  }

  const fresh: typeof feed.items = [];
  for (const item of feed.items) {
    if (!(await store.hasFeedItem(url, item.id))) fresh.push(item);
    else result.seen++;
  }
  // two items of one feed with one id: the first stands for both
  const firsts = fresh.filter((item, i) => fresh.findIndex((x) => x.id === item.id) === i);
  result.seen += fresh.length - firsts.length;
  // an item whose page failed before waits for its retry (jobs/item-failures.ts)
  const unique: typeof firsts = [];
  for (const item of firsts) if (!(await holdBack(store, item.link ?? `${url}#${item.id}`, ctx.now()))) unique.push(item);
  result.held = firsts.length - unique.length;
  let i = 0;
  for await (const item of feedDocuments({ ...feed, items: unique }, url, ctx.fetch)) {
    const feedItem = unique[i++];
    if (item.kind === 'error') {
      // not marked seen: a later poll tries it again, after its back-off
      if (item.rule !== 'fetch:aborted') {
        const verdict = await recordFailure(store, item.item ?? item.input, item.reason, ctx.now());
        if (verdict === 'new') {
          result.failed++;
          ctx.warn(`${item.input}: ${item.reason} (will retry later)`);
        } else if (verdict === 'gave-up') ctx.warn(`${item.input}: ${item.reason}; gave up after ${MAX_ITEM_TRIES} tries`);
      }
    } else {
      try {
        if (ctx.queue) {
          // a worker stores it; the item counts as seen here once the queue holds it
          for (const w of item.warnings) ctx.warn(`${item.document.source}: warning: ${w}`);
          await ctx.queue.enqueue(item.document);
          await store.addFeedItem(url, feedItem.id, item.document.id);
          if (item.item) await recordSuccess(store, item.item);
          result.added++;
        } else {
          const res = await ingestDocument(item.document, ctx.extractor, store, item.warnings);
          for (const m of res.messages) if (m.rule.startsWith('ingest:') || ctx.verbose) ctx.warn(messageLine(m));
          await store.addFeedItem(url, feedItem.id, item.document.id);
          if (item.item) await recordSuccess(store, item.item);
          if (res.stored) result.added++;
          else result.seen++;
        }
      } catch (e) {
        // stopped while it was being extracted: not the item's failure, and not marked seen
        if (e instanceof StoppedError && ctx.stopped()) break;
        result.failed++;
        ctx.warn(`${item.document.source}: ${(e as Error).message}`);
      }
    }
    if (ctx.stopped()) break;
  }
  const now = ctx.now();
  result.next = now + ctx.everyMs;
  await store.saveFeedState({ url, etag, last_modified: lastModified, last_polled: new Date(now).toISOString(), last_status: result.status, failures: 0, next_poll: new Date(result.next).toISOString() });
  return result;
}

export function pollLine(r: PollResult, now: number): string {
  const head = `${stamp(now)} ${r.url}: `;
  if (r.error) return `${head}error: ${r.error}; status ${r.status}; next poll ${stamp(r.next)}`;
  return `${head}${r.added} new, ${r.seen} seen, status ${r.status}${r.failed ? `, ${r.failed} failed` : ''}${r.held ? `, ${r.held} waiting to retry` : ''}`;
}

/** Polls the feeds until stopped (or one round with `once`). Returns the exit status. */
export async function watchFeeds(feeds: readonly string[], opts: WatchOptions): Promise<number> {
  for (const f of feeds) {
    if (!/^https?:\/\/[^/]/i.test(f)) throw new UsageError(`watch wants http(s) feed URLs, not ${JSON.stringify(f)}`);
  }
  if (!(opts.everyMinutes > 0) || opts.everyMinutes > MAX_EVERY_MINUTES) throw new UsageError(`--every wants a number of minutes above 0 and at most ${MAX_EVERY_MINUTES}`);
  const log = opts.log ?? ((s: string) => process.stdout.write(s + '\n'));
  const warn = opts.warn ?? ((s: string) => process.stderr.write(`sitrep: ${s}\n`));
  const now = opts.now ?? Date.now;
  const inner = new AbortController(); // aborts the fetch at hand when the watch is stopped
  // extraction off this thread with a per-document time budget, unless the caller brings its own
  const own = opts.extractor || opts.pipeline ? null : new ExtractPool();
  const extractor = opts.extractor ?? (opts.pipeline ? inProcessExtractor(opts.pipeline) : own!);
  const onStop = () => {
    inner.abort();
    void own?.close(); // the document being extracted ends now, not after the budget
  };
  opts.signal?.addEventListener('abort', onStop, { once: true });
  let store: EventStore;
  let queue: DocumentQueue | null = null;
  try {
    queue = opts.queue ? await (await import('../scale/queue.js')).DocumentQueue.open(opts.queue) : null;
    store = await openEventStore(opts.db);
  } catch (e) {
    await own?.close();
    await queue?.close();
    throw e;
  }
  const ctx: Context = {
    store,
    queue,
    extractor,
    fetch: { ...opts.fetch, allowPrivate: !!opts.allowPrivate, signal: inner.signal },
    everyMs: opts.everyMinutes * MINUTE,
    now,
    warn,
    stopped: () => inner.signal.aborted,
    verbose: !!opts.verbose,
  };
  let failedPolls = 0;
  try {
    // When each feed is due: now, unless a stored back-off (from this run or the last) says later.
    const due = new Map<string, number>();
    for (const f of feeds) {
      const st = await store.feedState(f);
      due.set(f, backingOff(st, now()) ? Date.parse(st!.next_poll!) : now());
    }
    for (;;) {
      for (const f of feeds) {
        if (ctx.stopped()) break;
        if (due.get(f)! > now()) {
          if (opts.once) {
            const st = await store.feedState(f);
            log(`${stamp(now())} ${f}: backing off until ${stamp(due.get(f)!)} (${st?.failures ?? 0} failed polls, last status ${st?.last_status ?? '-'})`);
          }
          continue;
        }
        const r = await pollFeed(f, ctx);
        if (r.status === 'fetch:aborted') break;
        if (r.error) failedPolls++;
        log(pollLine(r, now()));
        due.set(f, r.next);
      }
      if (opts.once || ctx.stopped()) break;
      const wait = Math.max(0, Math.min(...due.values()) - now());
      await sleep(wait, inner.signal);
      if (ctx.stopped()) break;
    }
  } finally {
    opts.signal?.removeEventListener('abort', onStop);
    await own?.close();
    await store.close();
    await queue?.close();
  }
  return opts.once && failedPolls ? 1 : 0;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
