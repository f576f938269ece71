/**
 * URLs and feeds: pages, plain text, JSON lines and RSS/Atom/RDF feeds over HTTP(S) into Documents.
 *
 * One fetch is bounded every way a remote server could hold sitrep up: a total time (20 s) and a
 * time to first byte (10 s), a size cap on the (inflated) body (10 MB, aborted beyond), at most 5
 * redirects (each hop checked again), and a content-type check before the body is read. Host names
 * are resolved here and the socket connects to the checked address (safe-address.ts), so private,
 * loopback and link-local addresses are refused unless `allowPrivate`.
 *
 * A feed becomes one document per item: the item's own body when it is the article (long enough),
 * else the linked page, fetched under the same rules. Identity stays the hash of the text, so the
 * same article reached through a feed, a redirect or a second fetch is one document.
 *
 * Known HTTP problems are `FetchError`s (an `InputError` with a `fetch:*` rule): one line, naming
 * the URL, never a trace.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { lookup as dnsLookup } from 'node:dns/promises';
import { decodeBytes, gunzip, isGzip } from './decode.js';
import { cleanLine, isoDateOrNull } from './document.js';
import { InputError } from './errors.js';
import { ARTICLE_MIN_WORDS, looksLikeFeed, parseFeed, xmlDeclaredEncoding, type Feed, type FeedItem } from './feed.js';
// read.ts imports this module too; the cycle is safe because neither uses the other at load time.
import { documentFromBytes, documentFromRecord, readJsonl, type InputResult } from './read.js';
import { pinnedLookup, resolveChecked, UnsafeAddressError } from './safe-address.js';

export interface FetchOptions {
  /** Allow private, loopback and link-local addresses (intranet sources, tests on 127.0.0.1). */
  allowPrivate?: boolean;
  /** Whole fetch, redirects included. Default 20 s. */
  timeoutMs?: number;
  /** From sending a request to the response head. Default 10 s. */
  firstByteTimeoutMs?: number;
  /** Body bytes after decompression. Default 10 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Linked pages of one feed fetched at once. Default 4. */
  concurrency?: number;
  /** Feed items not to fetch now (by link, else `feed#id`): ones that failed before and wait for their retry. */
  skipItem?: (item: string) => boolean | Promise<boolean>;
  /** Aborts the fetch at hand (watch stops on SIGINT with it). */
  signal?: AbortSignal;
  /** DNS resolution (tests replace it). Default `dns.promises.lookup`. */
  lookup?: typeof dnsLookup;
  /**
   * Why an address is refused, or null (tests replace it to refuse one loopback address and not
   * another). Default `blockedAddressReason`; ignored when `allowPrivate`.
   */
  addressCheck?: (address: string) => string | null;
}

export const FETCH_TIMEOUT_MS = 20_000;
export const FIRST_BYTE_TIMEOUT_MS = 10_000;
/** A news page is well under 2 MB and a busy feed under 5; a larger answer is not one we want. */
export const MAX_FETCH_BYTES = 10 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
export const USER_AGENT = `sitrep/${VERSION} (+https://github.com/sitrep/sitrep)`;

const ACCEPT = 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,application/x-ndjson;q=0.8,*/*;q=0.1';

/** A known fetch failure. `status` is the HTTP status when there was one; `retryAfterMs` its Retry-After. */
export class FetchError extends InputError {
  constructor(
    message: string,
    rule: string,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message, rule);
    this.name = 'FetchError';
  }
}

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

export interface Fetched {
  /** The URL the body came from, after redirects. */
  url: string;
  /** 200 (any 2xx) or 304 (only when `Conditional` was given). */
  status: number;
  headers: IncomingHttpHeaders;
  /** Decompressed; empty for a 304. */
  body: Buffer;
  /** `text/html`, lower case, no parameters; null when the server sent none. */
  mediaType: string | null;
  /** The `charset` parameter of Content-Type. */
  charset: string | null;
}

export type ContentKind = 'html' | 'text' | 'feed' | 'jsonl';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set(['text/plain', 'text/markdown']);
const XML_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml', 'application/x-rss+xml', 'application/feed+xml']);
const JSONL_TYPES = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines', 'application/json-lines', 'application/json']);
/** Types whose body says what it is: we look at the bytes. */
const SNIFF_TYPES = new Set(['application/octet-stream', 'binary/octet-stream', 'application/gzip', 'application/x-gzip']);

/** Whether a Content-Type is one sitrep reads; checked before the body is downloaded. */
export function acceptedMediaType(mediaType: string | null): boolean {
  return mediaType === null || HTML_TYPES.has(mediaType) || TEXT_TYPES.has(mediaType) || XML_TYPES.has(mediaType) || JSONL_TYPES.has(mediaType) || SNIFF_TYPES.has(mediaType);
}

/** What a fetched body is, from its Content-Type and, where that is loose, its first bytes. */
export function contentKind(mediaType: string | null, body: Uint8Array): ContentKind | null {
  const head = Buffer.from(body.subarray(0, 1024)).toString('latin1').replace(/^(?:\xEF\xBB\xBF|\uFEFF)/, '').trimStart();
  if (JSONL_TYPES.has(mediaType ?? '')) return 'jsonl';
  // servers label feeds as text/html or text/plain often enough to look first
  if (looksLikeFeed(head)) return 'feed';
  if (mediaType && HTML_TYPES.has(mediaType)) return 'html';
  if (mediaType && TEXT_TYPES.has(mediaType)) return 'text';
  if (mediaType && XML_TYPES.has(mediaType)) return /^<(?:!doctype html|html)[\s>]/i.test(head) ? 'html' : 'feed';
  if (mediaType === null || SNIFF_TYPES.has(mediaType)) {
    if (head.startsWith('{')) return 'jsonl';
    if (head.startsWith('<')) return 'html';
    return 'text';
  }
  return null;
}

function parseContentType(v: string | undefined): { mediaType: string | null; charset: string | null } {
  if (!v) return { mediaType: null, charset: null };
  const [type, ...params] = v.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p);
    if (m) charset = m[1];
  }
  return { mediaType: type.trim().toLowerCase() || null, charset };
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  if (/^\s*\d+\s*$/.test(v)) return +v * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

const seconds = (ms: number) => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`);

function networkError(e: NodeJS.ErrnoException, url: string): FetchError {
  if (e instanceof FetchError) return e;
  if (e.name === 'AbortError') return new FetchError('stopped', 'fetch:aborted');
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused', ECONNRESET: 'connection reset', ENOTFOUND: 'host not found', EAI_AGAIN: 'host name lookup failed (temporary)',
    ETIMEDOUT: 'connection timed out', EHOSTUNREACH: 'host unreachable', ENETUNREACH: 'network unreachable', EPIPE: 'connection closed', HPE_INVALID_CONSTANT: 'not an HTTP response',
  };
  const code = e.code ?? '';
  if (reasons[code]) return new FetchError(reasons[code], `fetch:${code.toLowerCase()}`);
  if (/CERT|SSL|TLS/.test(code)) return new FetchError(`TLS: ${e.message}`, 'fetch:tls');
  return new FetchError(e.message?.split('\n')[0] || `fetching ${url} failed`, 'fetch:network');
}

interface Exchange {
  status: number;
  statusMessage: string;
  headers: IncomingHttpHeaders;
  body: Buffer | null;
}

interface Limits {
  deadline: number;
  timeoutMs: number;
  firstByteTimeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

/** One request and, for a 2xx, its body, within the limits. Redirects and errors come back as statuses. */
function exchange(u: URL, addresses: Parameters<typeof pinnedLookup>[0], headers: Record<string, string>, limits: Limits): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (err: Error | null, value?: Exchange) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value!);
    };
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(u, { method: 'GET', headers, agent: false, lookup: pinnedLookup(addresses), signal: limits.signal }, (res: IncomingMessage) => {
      clearTimeout(timers[1]);
      const status = res.statusCode ?? 0;
      const base = { status, statusMessage: res.statusMessage ?? '', headers: res.headers };
      if (status < 200 || status >= 300) {
        res.resume();
        finish(null, { ...base, body: null });
        return;
      }
      const { mediaType } = parseContentType(res.headers['content-type']);
      if (!acceptedMediaType(mediaType)) {
        finish(new FetchError(`content type ${mediaType} is not a page, text, feed or JSON lines`, 'fetch:content-type'));
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        finish(new FetchError(`response of ${declared} bytes is over the ${limits.maxBytes}-byte limit`, 'fetch:too-large'));
        return;
      }
      const encoding = String(res.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
      let stream: Readable = res;
      if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip());
      else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate());
      else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
      else if (encoding !== 'identity' && encoding !== '') {
        finish(new FetchError(`content encoding ${encoding} not supported`, 'fetch:content-encoding'));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > limits.maxBytes) {
          finish(new FetchError(`response is over the ${limits.maxBytes}-byte limit`, 'fetch:too-large'));
          stream.destroy();
          return;
        }
        chunks.push(c);
      });
      stream.on('end', () => finish(null, { ...base, body: Buffer.concat(chunks) }));
      stream.on('error', (e: NodeJS.ErrnoException) => finish(stream !== res && e.code?.startsWith('Z_') ? new FetchError(`corrupt ${encoding} body`, 'fetch:bad-encoding') : networkError(e, u.href)));
      res.on('close', () => {
        if (!res.complete) finish(new FetchError('connection closed before the body was complete', 'fetch:truncated'));
      });
      res.on('error', (e: NodeJS.ErrnoException) => finish(networkError(e, u.href)));
    });
    const remaining = Math.max(1, limits.deadline - Date.now());
    timers.push(setTimeout(() => finish(new FetchError(`timed out after ${seconds(limits.timeoutMs)}`, 'fetch:timeout')), remaining));
    timers.push(setTimeout(() => finish(new FetchError(`no response within ${seconds(limits.firstByteTimeoutMs)}`, 'fetch:timeout')), Math.min(remaining, limits.firstByteTimeoutMs)));
    req.on('error', (e: NodeJS.ErrnoException) => finish(networkError(e, u.href)));
    req.end();
  });
}

function beforeDeadline<T>(p: Promise<T>, limits: Limits): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FetchError(`timed out after ${seconds(limits.timeoutMs)} (host name lookup)`, 'fetch:timeout')), Math.max(1, limits.deadline - Date.now()));
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function checkScheme(u: URL, what: string): void {
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError(`${what} ${u.href}: only http and https are fetched`, 'fetch:scheme');
  if (u.username || u.password) throw new FetchError(`${what} ${u.href}: credentials in URLs are not sent`, 'fetch:credentials');
}

/**
 * GETs a URL within the limits, following up to `maxRedirects` redirects, each hop's address
 * checked. Resolves to the body of a 2xx, or to a 304 when `conditional` was given; anything else
 * rejects with a FetchError naming the reason (the caller names the URL).
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}, conditional: Conditional = {}): Promise<Fetched> {
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const limits: Limits = {
    deadline: Date.now() + timeoutMs,
    timeoutMs,
    firstByteTimeoutMs: opts.firstByteTimeoutMs ?? FIRST_BYTE_TIMEOUT_MS,
    maxBytes: opts.maxBytes ?? MAX_FETCH_BYTES,
    signal: opts.signal,
  };
  const maxRedirects = opts.maxRedirects ?? MAX_REDIRECTS;
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;

  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new FetchError('not a valid URL', 'fetch:bad-url');
  }
  checkScheme(u, 'URL');
  const visited = new Set<string>();
  for (let hop = 0; ; hop++) {
    visited.add(u.href);
    let addresses;
    try {
      // the lookup counts against the total time: a resolver that hangs must not hold sitrep up
      addresses = await beforeDeadline(resolveChecked(u.hostname, !!opts.allowPrivate, opts.lookup, opts.addressCheck), limits);
    } catch (e) {
      if (e instanceof UnsafeAddressError) throw new FetchError(`${hop ? `redirect to ${u.href}: ` : ''}${e.message}`, 'fetch:private-address');
      throw networkError(e as NodeJS.ErrnoException, u.href);
    }
    if (Date.now() >= limits.deadline) throw new FetchError(`timed out after ${seconds(timeoutMs)}`, 'fetch:timeout');
    const res = await exchange(u, addresses, headers, limits);
    if (res.status >= 300 && res.status < 400 && res.status !== 304 && res.headers.location) {
      let next: URL;
      try {
        next = new URL(res.headers.location, u);
      } catch {
        throw new FetchError(`redirect to an invalid URL ${JSON.stringify(res.headers.location)}`, 'fetch:bad-redirect');
      }
      checkScheme(next, 'redirect to');
      next.hash = '';
      if (visited.has(next.href)) throw new FetchError(`redirect loop at ${next.href}`, 'fetch:redirect-loop');
      if (hop + 1 > maxRedirects) throw new FetchError(`more than ${maxRedirects} redirects`, 'fetch:too-many-redirects');
      // a redirect to another host must not carry the validators of this one
      if (next.host !== u.host) {
        delete headers['if-none-match'];
        delete headers['if-modified-since'];
      }
      u = next;
      continue;
    }
    const { mediaType, charset } = parseContentType(res.headers['content-type']);
    if (res.status === 304 && (conditional.etag || conditional.lastModified)) return { url: u.href, status: 304, headers: res.headers, body: Buffer.alloc(0), mediaType, charset };
    if (res.status < 200 || res.status >= 300 || !res.body) {
      const wait = res.status === 429 || res.status === 503 ? retryAfterMs(res.headers['retry-after']) : null;
      throw new FetchError(`HTTP ${res.status}${res.statusMessage ? ' ' + res.statusMessage : ''}${hop ? ` (at ${u.href})` : ''}`, `fetch:http-${res.status}`, res.status, wait);
    }
    return { url: u.href, status: res.status, headers: res.headers, body: res.body, mediaType, charset };
  }
}

function errorResult(input: string, e: unknown): InputResult {
  if (e instanceof InputError) return { kind: 'error', input, reason: e.message, rule: e.rule };
  return { kind: 'error', input, reason: (e as Error)?.message ?? String(e), rule: 'fetch:error' };
}

/** The feed in a fetched body or a file, decoded by the declared charset, else the XML declaration. */
export function feedFromBytes(bytes: Uint8Array, base: string | null, declaredCharset: string | null = null): Feed {
  const data = isGzip(bytes) ? gunzip(bytes) : bytes;
  const { text } = decodeBytes(data, declaredCharset ?? xmlDeclaredEncoding(data));
  const feed = parseFeed(text, base);
  if (!feed) throw new InputError('not an RSS, Atom or RDF feed', 'ingest:not-a-feed');
  return feed;
}

/** The document of one feed item: its own body when that is the article, else its linked page. */
export async function itemDocument(item: FeedItem, feedSource: string, opts: FetchOptions = {}): Promise<InputResult> {
  const source = item.link ?? `${feedSource}#${item.id}`;
  const meta = { url: item.link, title: item.title, published: item.published, author: item.author };
  if (item.html && (item.words >= ARTICLE_MIN_WORDS || !item.link)) return documentFromRecord({ html: item.html, ...meta }, source);
  if (!item.link) return { kind: 'error', input: source, reason: 'feed item has neither text nor link', rule: 'ingest:empty-item' };
  let page: Fetched;
  try {
    page = await fetchUrl(item.link, opts);
  } catch (e) {
    return errorResult(item.link, e);
  }
  const kind = contentKind(page.mediaType, page.body);
  if (kind !== 'html' && kind !== 'text') return { kind: 'error', input: item.link, reason: `linked page is ${kind ?? page.mediaType}, not an article`, rule: 'fetch:item-not-a-page' };
  const res = documentFromBytes(page.body, kind, source, page.url, page.charset);
  if (res.kind === 'error') return res;
  // The feed's title is the clean headline (pages add the site's name); the page's own date and
  // byline, where it has them, are the publisher's and win over the feed's.
  const d = res.document;
  return { ...res, document: { ...d, title: cleanLine(item.title) ?? d.title, published: d.published ?? isoDateOrNull(item.published), author: d.author ?? item.author } };
}

/** Runs thunks `width` at a time and yields their results in order. The thunks never reject. */
async function* ordered<T>(thunks: readonly (() => Promise<T>)[], width: number): AsyncGenerator<T> {
  const running: Promise<T>[] = [];
  let next = 0;
  while (next < thunks.length && running.length < width) running.push(thunks[next++]());
  while (running.length) {
    const value = await running.shift()!;
    if (next < thunks.length) running.push(thunks[next++]());
    yield value;
  }
}

/** One result per feed item, in feed order; linked pages are fetched a few at a time. */
export async function* feedDocuments(feed: Feed, source: string, opts: FetchOptions = {}): AsyncGenerator<InputResult> {
  const key = (item: FeedItem) => item.link ?? `${source}#${item.id}`;
  let items = feed.items;
  if (opts.skipItem) {
    const skip = opts.skipItem;
    // the store answering may be a server (PostgreSQL): asked one item at a time, in feed order
    const kept: FeedItem[] = [];
    for (const item of items) if (!(await skip(key(item)))) kept.push(item);
    items = kept;
  }
  const thunks = items.map((item) => async (): Promise<InputResult> => ({ ...(await itemDocument(item, source, opts).catch((e: unknown) => errorResult(item.link ?? source, e))), item: key(item) }));
  yield* ordered(thunks, Math.max(1, opts.concurrency ?? 4));
}

/** A feed file's documents (read.ts hands feed files here). */
export async function* readFeed(bytes: Uint8Array, source: string, opts: FetchOptions = {}, base: string | null = null, charset: string | null = null): AsyncGenerator<InputResult> {
  let feed: Feed;
  try {
    feed = feedFromBytes(bytes, base, charset);
  } catch (e) {
    yield errorResult(source, e);
    return;
  }
  yield* feedDocuments(feed, source, opts);
}

/** The documents behind one URL: a page, a text, JSON lines, or every item of a feed. */
export async function* readUrl(url: string, opts: FetchOptions = {}): AsyncGenerator<InputResult> {
  let res: Fetched;
  try {
    res = await fetchUrl(url, opts);
  } catch (e) {
    yield errorResult(url, e);
    return;
  }
  let body: Uint8Array = res.body;
  try {
    // a .gz served as application/gzip: what matters is inside
    // inflated within the fetch bound, as a Content-Encoding body is: not the file bound (256 MB)
    if (isGzip(body) && (res.mediaType === null || SNIFF_TYPES.has(res.mediaType))) body = gunzip(body, opts.maxBytes ?? MAX_FETCH_BYTES);
  } catch (e) {
    yield errorResult(url, e);
    return;
  }
  if (!body.length) {
    yield { kind: 'error', input: url, reason: 'empty response', rule: 'fetch:empty' };
    return;
  }
  const kind = contentKind(res.mediaType, body);
  if (kind === 'feed') yield* readFeed(body, url, opts, res.url, res.charset);
  else if (kind === 'jsonl') yield* readJsonl(Readable.from([body]), url, false);
  else if (kind === 'html' || kind === 'text') yield documentFromBytes(body, kind, url, res.url, res.charset);
  else yield { kind: 'error', input: url, reason: `content type ${res.mediaType} is not a page, text, feed or JSON lines`, rule: 'fetch:content-type' };
}
