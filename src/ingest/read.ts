/**
 * Inputs to Documents: files, folders (recursively), stdin, URLs; `.txt`, `.html`/`.htm`, `.jsonl`,
 * RSS/Atom feeds (`.xml`, `.rss`, `.atom`, or any text starting `<rss`/`<feed`), and any of them
 * gzip-compressed. A bad input is a result, not an exception: the caller names it and
 * goes on with the rest. JSONL is streamed line by line, so a 1 GB dump never sits in memory.
 */
import { closeSync, constants as fsConstants, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { lstat, opendir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import type { Document } from '../model/index.js';
import { decodeBytes, gunzip, isGzip } from './decode.js';
import { byteLines } from './lines.js';
import { cleanLine, isoDateOrNull, textDocument } from './document.js';
import { InputError } from './errors.js';
import { sniffHtmlCharset } from './html-charset.js';
import { extractArticle } from './html.js';
import { readFeed, readUrl, type FetchOptions } from './fetch.js';
import { looksLikeFeed } from './feed.js';

/** `item`: set on what a feed item gave, its link (or `feed#id`), so failures can be remembered per item. */
export type InputResult =
  | { kind: 'document'; document: Document; warnings: string[]; item?: string }
  | { kind: 'error'; input: string; reason: string; rule: string; item?: string };

/** Bytes read from one non-JSONL file; past it the rest is left and a warning says so. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Bytes of one JSONL line; a longer line is dropped while it streams, named, and reading goes on. */
export const MAX_JSONL_LINE = 8 * 1024 * 1024;

type Format = 'text' | 'html' | 'jsonl' | 'feed';

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'text', '.text': 'text', '.md': 'text', '': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed',
};

function formatOf(path: string): Format | null {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  const ext = extname(name);
  return ext in EXTENSIONS ? EXTENSIONS[ext] : null;
}

function notRegular(input: string, st: import('node:fs').Stats): InputResult {
  const what = st.isFIFO() ? 'a FIFO (named pipe)' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a regular file';
  return { kind: 'error', input, reason: `${what}, not a regular file: skipped`, rule: 'ingest:not-regular' };
}

function errorResult(input: string, err: unknown): InputResult {
  if (err instanceof InputError) return { kind: 'error', input, reason: err.message, rule: err.rule };
  const e = err as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder', EACCES: 'permission denied', EISDIR: 'is a folder', ELOOP: 'symbolic link loop', EMFILE: 'too many open files',
  };
  // a name that is not UTF-8 comes back from the folder listing with U+FFFD and can no longer be opened
  if (e.code === 'ENOENT' && input.includes('\ufffd')) return { kind: 'error', input, reason: 'file name is not valid UTF-8: cannot be opened by name, skipped', rule: 'ingest:bad-name' };
  return { kind: 'error', input, reason: (e.code && reasons[e.code]) || e.message || String(err), rule: `ingest:${(e.code ?? 'error').toLowerCase()}` };
}

/** A document from the bytes of one page, text or HTML, after gzip and charset. */
export function documentFromBytes(bytes: Uint8Array, format: Exclude<Format, 'jsonl' | 'feed'>, source: string, url: string | null = null, declaredCharset: string | null = null): InputResult {
  const warnings: string[] = [];
  try {
    let data: Uint8Array = isGzip(bytes) ? gunzip(bytes) : bytes;
    if (data.length > MAX_FILE_BYTES) {
      warnings.push(`read the first ${MAX_FILE_BYTES / 1024 / 1024} MB of a larger input; the rest is left out`);
      data = data.subarray(0, MAX_FILE_BYTES);
    }
    const charset = declaredCharset ?? (format === 'html' ? sniffHtmlCharset(data) : null);
    const decoded = decodeBytes(data, charset);
    if (decoded.warning) warnings.push(decoded.warning);
    const looksHtml = format === 'html' || /^\s*(?:<!doctype html|<html|<head|<body)/i.test(decoded.text.slice(0, 512));
    if (!looksHtml) return { kind: 'document', document: textDocument(decoded.text, { source, url }, warnings), warnings };
    const article = extractArticle(decoded.text, { url });
    warnings.push(...article.warnings);
    const document = textDocument(article.text, { source, url, title: article.title, published: article.published, author: article.author, site: article.site, lang: article.lang }, warnings);
    return { kind: 'document', document, warnings };
  } catch (err) {
    return errorResult(source, err);
  }
}

/** One JSONL record: `text` or `html` required; `id`, `url`, `title`, `published`, `source` optional. */
export function documentFromRecord(record: unknown, source: string): InputResult {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return { kind: 'error', input: source, reason: 'not a JSON object', rule: 'ingest:jsonl-shape' };
  const r = record as Record<string, unknown>;
  const str = (k: string) => (typeof r[k] === 'string' && (r[k] as string).trim() ? (r[k] as string).trim() : null);
  const src = str('source') ? `${source} (${str('source')})` : source;
  try {
    const rawDate = r.published ?? r.date;
    const published = isoDateOrNull(rawDate);
    const warnings: string[] = [];
    if (!published && (typeof rawDate === 'string' || typeof rawDate === 'number') && String(rawDate).trim())
      warnings.push(`publication date ${JSON.stringify(cleanLine(String(rawDate).slice(0, 40)))} is not a real day; left out`);
    const meta = { source: src, url: str('url'), title: str('title'), published, author: str('author'), site: str('site') };
    if (str('text')) {
      return { kind: 'document', document: textDocument(str('text')!, meta, warnings), warnings };
    }
    if (str('html')) {
      const article = extractArticle(str('html')!, { url: meta.url });
      warnings.push(...article.warnings);
      const document = textDocument(article.text, { ...meta, title: meta.title ?? article.title, published: meta.published ?? article.published, author: meta.author ?? article.author, site: meta.site ?? article.site, lang: article.lang }, warnings);
      return { kind: 'document', document, warnings };
    }
    return { kind: 'error', input: source, reason: 'no "text" or "html" field', rule: 'ingest:jsonl-shape' };
  } catch (err) {
    return errorResult(source, err);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_LOOSE = new TextDecoder('utf-8');

/**
 * Streams a JSONL file or stream (gzip or not): one result per non-empty line. Lines are split on
 * bytes and bounded while reading (`byteLines`). A UTF-8 BOM is dropped; UTF-16 (by its BOM) is
 * transcoded as it streams; invalid UTF-8 in a line is replaced with U+FFFD and said.
 */
export async function* readJsonl(stream: Readable, name: string, gzipped: boolean): AsyncGenerator<InputResult> {
  let input: Readable = gzipped ? stream.pipe(createGunzip()) : stream;
  let streamError: Error | null = null;
  input.on('error', (e) => (streamError = e));
  stream.on('error', (e) => (streamError = e));
  let n = 0;
  try {
    input = await transcodeUtf16(input);
    input.on('error', (e) => (streamError = e));
    for await (const line of byteLines(input, MAX_JSONL_LINE)) {
      n = line.n;
      const where = `${name}:${n}`;
      if (line.kind === 'too-long') {
        yield { kind: 'error', input: where, reason: `line longer than ${MAX_JSONL_LINE / 1024 / 1024} MB (${line.bytes} bytes), skipped`, rule: 'ingest:jsonl-line-too-long' };
        continue;
      }
      let bytes = line.bytes;
      if (n === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      let text: string;
      const warnings: string[] = [];
      try {
        text = UTF8.decode(bytes);
      } catch {
        text = UTF8_LOOSE.decode(bytes);
        warnings.push('invalid UTF-8 replaced with U+FFFD');
      }
      if (!text.trim()) continue;
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch {
        yield { kind: 'error', input: where, reason: 'not valid JSON', rule: 'ingest:jsonl-syntax' };
        continue;
      }
      const result = documentFromRecord(record, where);
      if (result.kind === 'document') result.warnings.unshift(...warnings);
      yield result;
    }
  } catch (err) {
    streamError ??= err as Error;
  }
  if (streamError) {
    const gz = /unexpected end|incorrect header|invalid|zlib/i.test((streamError as Error).message);
    const header = /incorrect header/i.test((streamError as Error).message);
    yield {
      kind: 'error',
      input: `${name}:${n + 1}`,
      reason: header ? 'not gzip data (the name ends in .gz)' : gz ? 'truncated or corrupt gzip data' : (streamError as Error).message,
      rule: gz ? 'ingest:bad-gzip' : 'ingest:read',
    };
  }
}

/** A stream that starts with a UTF-16 BOM, transcoded to UTF-8 as it flows; any other stream as it is. */
async function transcodeUtf16(input: Readable): Promise<Readable> {
  const [head, rest] = await peek(input, 2);
  const bom = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) ? (head[0] === 0xff ? 'utf-16le' : 'utf-16be') : null;
  if (!bom) return rest;
  return rest.pipe(iconv.decodeStream(bom)).pipe(iconv.encodeStream('utf-8')) as unknown as Readable;
}

/** The first bytes of a stream (at least `n` when there are) and a stream that still yields all of it. */
async function peek(input: Readable, n: number): Promise<[Buffer, Readable]> {
  const it = input[Symbol.asyncIterator]();
  const got: Buffer[] = [];
  let len = 0;
  let done = false;
  while (len < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = typeof r.value === 'string' ? Buffer.from(r.value) : (r.value as Buffer);
    got.push(b);
    len += b.length;
  }
  const head = Buffer.concat(got);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield typeof r.value === 'string' ? Buffer.from(r.value) : (r.value as Buffer);
  }
  return [head, Readable.from(all(), { objectMode: false })];
}

/**
 * A regular file's bytes, up to the bound. Read synchronously: a local file of a few kB is read in
 * microseconds, while each of the five promise calls (stat, open, fstat, read, close) was a round
 * trip through libuv's thread pool, ~0.3 ms of this thread's CPU a file (ingest's main thread also
 * stores and links). Opened non-blocking, so a file swapped for a FIFO after the caller's stat
 * cannot stall the thread: it is refused here instead.
 */
function readHead(path: string): Uint8Array | import('node:fs').Stats {
  const fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return st;
    // gzip is inflated whole (bounded by MAX_INFLATED_BYTES); plain files are read up to the bound
    const n = path.toLowerCase().endsWith('.gz') ? st.size : Math.min(st.size, MAX_FILE_BYTES + 1);
    const buf = Buffer.alloc(n);
    let off = 0;
    while (off < n) {
      const bytesRead = readSync(fd, buf, off, n - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

/**
 * A feed, by its first bytes: `<rss`, `<feed`, `<rdf:RDF` after any prolog. Gzip is looked into only
 * when the name says nothing (`lookIntoGzip`): inflating a large `.txt.gz` twice is not worth it.
 */
function sniffFeed(bytes: Uint8Array, lookIntoGzip = true): boolean {
  const head = isGzip(bytes) ? null : Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  if (head !== null) return looksLikeFeed(head);
  if (!lookIntoGzip) return false;
  try {
    return looksLikeFeed(gunzip(bytes).subarray(0, 4096).toString('latin1'));
  } catch {
    return false;
  }
}

/** The results of one file. Feed items that carry only a summary are fetched with `fetchOptions`. */
export async function* readFile(path: string, fetchOptions: FetchOptions = {}): AsyncGenerator<InputResult> {
  const format = formatOf(path);
  try {
    // a FIFO, socket or device would block open() or never end: only regular files are read
    const st = statSync(path);
    if (!st.isFile()) {
      yield notRegular(path, st);
      return;
    }
    if (format === 'jsonl') {
      yield* readJsonl(createReadStream(path), path, path.toLowerCase().endsWith('.gz'));
      return;
    }
    const bytes = readHead(path);
    if (!(bytes instanceof Uint8Array)) {
      yield notRegular(path, bytes);
      return;
    }
    if (bytes.length === 0) {
      yield { kind: 'error', input: path, reason: 'empty file', rule: 'ingest:empty' };
      return;
    }
    if (format === 'feed' || sniffFeed(bytes, format === null)) {
      yield* readFeed(bytes, path, fetchOptions);
      return;
    }
    yield documentFromBytes(bytes, format ?? 'text', path);
  } catch (err) {
    yield errorResult(path, err);
  }
}

/** Files under a folder, sorted, recursively; a folder reached twice (a link loop) is named once. */
async function* walk(dir: string, seen: Set<string>): AsyncGenerator<{ file: string } | InputResult> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (err) {
    yield errorResult(dir, err);
    return;
  }
  if (seen.has(real)) {
    // a link back into a folder being read is a loop; the same folder named twice is only a repeat
    const viaLink = await lstat(dir).then((st) => st.isSymbolicLink(), () => false);
    yield { kind: 'error', input: dir, reason: viaLink ? 'symbolic link loop (folder already read)' : 'folder already read (named twice)', rule: 'ingest:link-loop' };
    return;
  }
  seen.add(real);
  const entries: { name: string; dir: boolean }[] = [];
  try {
    for await (const e of await opendir(dir)) {
      if (e.name.startsWith('.')) continue;
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) {
        try {
          isDir = (await stat(join(dir, e.name))).isDirectory();
        } catch (err) {
          yield errorResult(join(dir, e.name), err);
          continue;
        }
      }
      entries.push({ name: e.name, dir: isDir });
    }
  } catch (err) {
    yield errorResult(dir, err);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.dir) yield* walk(p, seen);
    else yield { file: p };
  }
}

/**
 * Standard input, streamed like a file: gzip is inflated as it flows; JSONL (first non-blank byte
 * "{", after any BOM) goes line by line; anything else is read up to MAX_FILE_BYTES as one text or
 * HTML page or a feed.
 */
export async function* readStream(stream: Readable, name = '-', fetchOptions: FetchOptions = {}): AsyncGenerator<InputResult> {
  let [head, input] = await peek(stream, 2);
  let gzipped = false;
  if (isGzip(head)) {
    gzipped = true;
    const gunzipped = input.pipe(createGunzip());
    input.on('error', (e) => gunzipped.destroy(e));
    input = gunzipped;
  }
  try {
    [head, input] = await peek(input, 512);
  } catch (err) {
    yield { kind: 'error', input: name, reason: gzipped ? 'truncated or corrupt gzip data' : (err as Error).message, rule: gzipped ? 'ingest:bad-gzip' : 'ingest:read' };
    return;
  }
  if (!head.length) {
    yield { kind: 'error', input: name, reason: 'empty input', rule: 'ingest:empty' };
    return;
  }
  const start = decodeBytes(head.subarray(0, Math.min(head.length, 64)), null).text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) {
    yield* readJsonl(input, name, false);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const c of input) {
      chunks.push(c as Buffer);
      size += (c as Buffer).length;
      if (size > MAX_FILE_BYTES) break; // documentFromBytes cuts at the bound and says so
    }
  } catch (err) {
    yield { kind: 'error', input: name, reason: gzipped ? 'truncated or corrupt gzip data' : (err as Error).message, rule: gzipped ? 'ingest:bad-gzip' : 'ingest:read' };
    return;
  }
  input.destroy();
  const bytes = Buffer.concat(chunks);
  if (sniffFeed(bytes)) {
    yield* readFeed(bytes, name, fetchOptions);
    return;
  }
  yield documentFromBytes(bytes, start.startsWith('<') ? 'html' : 'text', name);
}

/** Every input named on the command line, in order. */
export async function* readInputs(paths: readonly string[], stdin: Readable = process.stdin, fetchOptions: FetchOptions = {}): AsyncGenerator<InputResult> {
  const seen = new Set<string>();
  for (const p of paths) {
    if (/^https?:\/\//i.test(p)) {
      yield* readUrl(p, fetchOptions);
      continue;
    }
    if (p === '-') {
      yield* readStream(stdin, '-', fetchOptions);
      continue;
    }
    let st;
    try {
      st = await stat(p);
    } catch (err) {
      yield errorResult(p, err);
      continue;
    }
    if (!st.isDirectory() && !st.isFile()) {
      yield notRegular(p, st);
      continue;
    }
    if (st.isDirectory()) {
      for await (const item of walk(p, seen)) {
        if ('file' in item) yield* readFile(item.file, fetchOptions);
        else yield item;
      }
    } else yield* readFile(p, fetchOptions);
  }
}

