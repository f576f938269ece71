/**
 * The HTTP API and the web page, as a Hono app instance: `createApp(options)` gives an app that
 * `app.request()` exercises in tests and `@hono/node-server` serves (src/api/server.ts).
 *
 *   GET  /api/events             filters as query parameters (query.ts) → {"events": [...], "next": cursor|null}
 *   GET  /api/events/:id         one event
 *   GET  /api/documents/:id      one document: text, reports with their claims, events, extracted spans
 *   POST /api/documents          a JSON body shaped as one JSONL line → runs the pipeline, stores it
 *   GET  /api/sites              the site profiles ingest has learned → {"sites": [{site, documents, places}]}
 *   GET  /api/export.csv         the events as CSV (same filters), streamed (src/export/)
 *   GET  /api/export.geojson     the events as GeoJSON
 *   GET  /api/export.jsonl       the events as JSON lines, one event a line
 *   GET  /api/export.acled.csv   the events with ACLED's columns
 *   GET  /                       the web page (dist/web, built by `vite build`)
 *
 * Like the CLI it parses, calls the Store or the pipeline, and maps known errors to statuses; it
 * holds no domain logic. Every GET answer carries an ETag (If-None-Match → 304).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { exportChunks, MEDIA_TYPES, pagedEventsOf, type ExportFormat } from '../export/index.js';
import { documentFromRecord } from '../ingest/read.js';
import { DocumentFailed, ingestDocument } from '../jobs/ingest.js';
import { Countries } from '../query/countries.js';
import { FilterError } from '../query/event-filters.js';
import type { Annotation, Document, Event, Report } from '../model/index.js';
import type { Pipeline } from '../pipeline.js';
import type { Span } from '../extract/spans.js';
import { inProcessExtractor, type Extractor } from '../extract-pool.js';
import { UsageError } from '../store/sqlite.js';
import type { EventStore } from '../store/open.js';
import { ApiError } from './errors.js';
import { EXPORT_LIMIT, PAGE_LIMIT, parseEventQuery } from './query.js';
import type { StaticFiles } from './static-files.js';

/** Largest POST body: a long article with its HTML is well under 1 MB. Past it: 413. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface ApiOptions {
  store: EventStore;
  /** The pipeline, run in-process when no `extractor` is given (tests). */
  pipeline?: Pipeline;
  /** Extraction off the request thread with a time budget (`serve` gives an ExtractPool). */
  extractor?: Extractor;
  /** When set, writes need `Authorization: Bearer <token>`. The CLI insists on one beyond loopback. */
  token?: string | null;
  /**
   * Set when the server listens on loopback only: requests must then name a loopback host, so a
   * web page on another origin cannot reach the API through DNS rebinding.
   */
  loopbackOnly?: boolean;
  /** The built page; without it `/` answers 404 with a hint to build it. */
  web?: StaticFiles | null;
  maxBodyBytes?: number;
  /** When set, POSTed documents are queued for `sitrep worker` processes instead of processed here (202). */
  queue?: { enqueue(doc: Document): Promise<void> } | null;
  /** Where unexpected errors go (stderr in the CLI). */
  log?: (line: string) => void;
  /** Country names and codes for filters and ACLED exports; loaded here when not given. */
  countries?: Countries;
}

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });
const UTF8_LOOSE = new TextDecoder('utf-8');
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const EVENT_ID = /^evt_[0-9a-f]{1,64}$/;
const DOCUMENT_ID = /^doc_[0-9a-f]{1,64}$/;

/** The page loads only its own scripts, styles and data: nothing inline, nothing from elsewhere. */
const PAGE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** A GET answer with its ETag, or a bodiless 304 when the client already holds it. */
function send(c: Context, body: string | Uint8Array, type: string, extra: Record<string, string> = {}): Response {
  const etag = etagOf(body);
  const headers = { ETag: etag, 'Cache-Control': 'no-cache', ...extra };
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  return c.body(body as string, 200, { 'Content-Type': type, ...headers });
}

const sendJson = (c: Context, value: unknown) => send(c, JSON.stringify(value), 'application/json; charset=utf-8');

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export type { Span } from '../extract/spans.js';

const publicReport = ({ features: _features, ...r }: Report) => r;

export function createApp(opts: ApiOptions): Hono {
  const { store } = opts;
  if (!opts.extractor && !opts.pipeline) throw new Error('createApp needs a pipeline or an extractor');
  const pool = opts.extractor ?? inProcessExtractor(opts.pipeline!);
  const log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const maxBody = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const countries = opts.countries ?? Countries.load();
  const app = new Hono();

  app.use('*', async (c, next) => {
    // set first, so refusals (421, 405) carry them too
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    if (opts.loopbackOnly) {
      const host = new URL(c.req.url).hostname;
      if (!LOOPBACK_HOSTS.has(host)) throw new ApiError(421, 'this server answers to 127.0.0.1 and localhost only');
    }
    // OPTIONS, TRACE, PROPFIND and the rest: this server has only reads and one POST
    if (!['GET', 'HEAD', 'POST'].includes(c.req.method)) {
      c.header('Allow', 'GET, HEAD, POST');
      throw new ApiError(405, 'method not allowed');
    }
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });

  // ---------------------------------------------------------------- reads
  app.get('/api/events', async (c) => {
    const filters = parseEventQuery(new URL(c.req.url).searchParams, PAGE_LIMIT, countries);
    return sendJson(c, await store.events(filters));
  });

  app.get('/api/events/:id', async (c) => {
    const id = c.req.param('id');
    const event = EVENT_ID.test(id) ? await store.getEvent(id) : null;
    if (!event) throw new ApiError(404, 'no such event');
    return sendJson(c, event);
  });

  app.get('/api/documents/:id', async (c) => {
    const id = c.req.param('id');
    const doc = DOCUMENT_ID.test(id) ? await store.getDocument(id) : null;
    if (!doc) throw new ApiError(404, 'no such document');
    const { reports, ingested_at: _at, primary_event: _pe, ...fields } = doc;
    const document: Document = fields;
    // the spans stored at ingest; a document stored before they were is run once more, off this thread, within the budget
    const spans = ((await store.documentSpans(id)) as Span[] | null) ?? (await pool.extract(document)).spans;
    return sendJson(c, { ...doc, reports: reports.map(publicReport), events: await store.documentEvents(id), spans });
  });

  // what each site's documents taught about where it reports (extract/site-profile.ts), most documents first
  app.get('/api/sites', async (c) => sendJson(c, { sites: await store.siteProfiles() }));

  // Exports stream a page of events at a time (no ETag: the body is not known up front).
  const EXPORTS: [string, ExportFormat, string][] = [
    ['/api/export.csv', 'csv', 'sitrep-events.csv'],
    ['/api/export.geojson', 'geojson', 'sitrep-events.geojson'],
    ['/api/export.jsonl', 'jsonl', 'sitrep-events.jsonl'],
    ['/api/export.acled.csv', 'acled', 'sitrep-events-acled.csv'],
  ];
  for (const [path, format, file] of EXPORTS) {
    app.get(path, async (c) => {
      const { limit = EXPORT_LIMIT.default, ...filters } = parseEventQuery(new URL(c.req.url).searchParams, EXPORT_LIMIT, countries);
      const chunks = exportChunks(format, await pagedEventsOf(store, filters, limit), { countries, now: Math.floor(Date.now() / 1000) });
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          // one page's worth of text per pull: the client's pace sets ours
          let text = '';
          for (let r = chunks.next(); ; r = chunks.next()) {
            if (r.done) {
              if (text) controller.enqueue(encoder.encode(text));
              controller.close();
              return;
            }
            text += r.value;
            if (text.length >= 64 * 1024) break;
          }
          controller.enqueue(encoder.encode(text));
        },
        cancel() {
          chunks.return(undefined);
        },
      });
      return c.body(body, 200, { 'Content-Type': MEDIA_TYPES[format], 'Content-Disposition': `attachment; filename="${file}"`, 'Cache-Control': 'no-cache' });
    });
  }

  // ---------------------------------------------------------------- writes
  app.post(
    '/api/documents',
    async (c, next) => {
      // before the body is read: who may write, and in what form
      if (opts.token) {
        const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
        if (!m || !sameSecret(m[1], opts.token)) {
          c.header('WWW-Authenticate', 'Bearer');
          throw new ApiError(401, 'writes need the server token: Authorization: Bearer <token>');
        }
      }
      // a cross-site form can post text/plain but not JSON without a CORS preflight this server never grants
      if (!/^application\/json\s*(?:;|$)/i.test(c.req.header('content-type') ?? '')) throw new ApiError(415, 'send the document as Content-Type: application/json');
      await next();
    },
    bodyLimit({ maxSize: maxBody, onError: () => { throw new ApiError(413, `body larger than ${maxBody} bytes`); } }),
    async (c) => {
      let record: unknown;
      // JSON is UTF-8 (RFC 8259); bytes that are not are replaced, and the answer says so
      const inputWarnings: string[] = [];
      try {
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        let text: string;
        try {
          text = UTF8_STRICT.decode(bytes);
        } catch {
          text = UTF8_LOOSE.decode(bytes);
          inputWarnings.push('invalid UTF-8 replaced with U+FFFD');
        }
        record = JSON.parse(text);
      } catch (err) {
        if (err instanceof ApiError) throw err;
        throw new ApiError(400, 'body is not valid JSON');
      }
      const read = documentFromRecord(record, 'api');
      if (read.kind === 'error') throw new ApiError(400, read.reason);
      read.warnings.unshift(...inputWarnings);
      const doc = read.document;
      const events = async (ids: readonly string[]) => (await Promise.all(ids.map((id) => store.getEvent(id)))).filter((e): e is Event => e !== null);
      if (opts.queue && !(await store.hasDocument(doc.id))) {
        // many machines: a worker extracts, links and stores it (see queue.ts)
        await opts.queue.enqueue(doc);
        c.header('Location', `/api/documents/${doc.id}`);
        return c.json({ document: doc.id, stored: false, queued: true, warnings: read.warnings, events: [] }, 202);
      }
      let result;
      try {
        result = await ingestDocument(doc, pool, store, read.warnings);
      } catch (e) {
        // a stage crashed on it: the document is refused whole, and the log says which one
        if (!(e instanceof DocumentFailed)) throw e;
        log(`sitrep serve: POST /api/documents: ${e.message}`);
        return c.json({ error: `extraction failed on this document: ${e.messages.find((m) => m.severity === 'fatal')?.rule ?? 'fatal'}`, document: doc.id }, 422);
      }
      const ids = result.events;
      if (result.stored) c.header('Location', `/api/documents/${doc.id}`);
      // warnings: the input's and the extraction's (a stage's, the time budget's) as lines; messages: the same with rule ids
      const warnings = result.messages.filter((m) => m.severity !== 'info').map((m) => m.reason);
      return c.json({ document: doc.id, stored: result.stored, warnings, messages: result.messages, events: await events(ids) }, result.stored ? 201 : 200);
    },
  );

  for (const path of ['/api/events', '/api/events/:id', '/api/documents/:id', ...EXPORTS.map((e) => e[0]), '/api/documents']) {
    app.on(['PUT', 'PATCH', 'DELETE', 'POST'], path, () => {
      throw new ApiError(405, 'method not allowed');
    });
  }

  // ---------------------------------------------------------------- the page
  app.get('*', (c) => {
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/api/')) throw new ApiError(404, 'not found');
    if (!opts.web) throw new ApiError(404, path === '/' ? 'the web page is not built: run npm run build' : 'not found');
    const file = opts.web.get(path === '/' ? '/index.html' : path);
    if (!file) throw new ApiError(404, 'not found');
    const headers: Record<string, string> = {
      ETag: file.etag,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (file.type.startsWith('text/html')) headers['Content-Security-Policy'] = PAGE_CSP;
    if (etagMatches(c.req.header('if-none-match'), file.etag)) return c.body(null, 304, headers);
    return c.body(file.body as unknown as ArrayBuffer, 200, { 'Content-Type': file.type, ...headers });
  });

  app.notFound((c) => c.json({ error: 'not found' }, 404));

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json({ error: err.message }, err.status);
    if (err instanceof FilterError) return c.json({ error: err.message }, 400);
    // the Store's own refusals of bad input (an unsearchable q, a forged cursor)
    if (err instanceof UsageError) return c.json({ error: err.message.replace(/^--q: /, 'q: ') }, 400);
    if (err instanceof HTTPException && err.status < 500) return c.json({ error: err.message || 'bad request' }, err.status);
    log(`sitrep serve: ${c.req.method} ${new URL(c.req.url).pathname}: ${(err as Error)?.stack ?? String(err)}`);
    return c.json({ error: 'internal error' }, 500);
  });

  return app;
}
