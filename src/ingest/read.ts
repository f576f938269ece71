/**
 * Inputs to Documents: files, folders (recursively), stdin, URLs; `.txt`, `.html`/`.htm`, `.jsonl`,
 * RSS/Atom feeds (`.xml`, `.rss`, `.atom`, or any text starting `<rss`/`<feed`), and any of them
 * gzip-compressed. A bad input is a result, not an exception: the caller names it and
 * goes on with the rest. JSONL is streamed line by line, so a 1 GB dump never sits in memory.
 */
import { createReadStream } from 'node:fs';
import { open, opendir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { Document } from '../model/index.js';
import { decodeBytes, gunzip, isGzip } from './decode.js';
import { isoDateOrNull, textDocument } from './document.js';
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
/** Characters of one JSONL line; a longer line is named and skipped. */
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

function errorResult(input: string, err: unknown): InputResult {
  if (err instanceof InputError) return { kind: 'error', input, reason: err.message, rule: err.rule };
  const e = err as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder', EACCES: 'permission denied', EISDIR: 'is a folder', ELOOP: 'symbolic link loop', EMFILE: 'too many open files',
  };
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
    const meta = { source: src, url: str('url'), title: str('title'), published: isoDateOrNull(r.published ?? r.date), author: str('author'), site: str('site') };
    if (str('text')) {
      const warnings: string[] = [];
      return { kind: 'document', document: textDocument(str('text')!, meta, warnings), warnings };
    }
    if (str('html')) {
      const article = extractArticle(str('html')!, { url: meta.url });
      const warnings = [...article.warnings];
      const document = textDocument(article.text, { ...meta, title: meta.title ?? article.title, published: meta.published ?? article.published, author: meta.author ?? article.author, site: meta.site ?? article.site, lang: article.lang }, warnings);
      return { kind: 'document', document, warnings };
    }
    return { kind: 'error', input: source, reason: 'no "text" or "html" field', rule: 'ingest:jsonl-shape' };
  } catch (err) {
    return errorResult(source, err);
  }
}

/** Streams a JSONL file or stream (gzip or not): one result per non-empty line. */
export async function* readJsonl(stream: Readable, name: string, gzipped: boolean): AsyncGenerator<InputResult> {
  const input = gzipped ? stream.pipe(createGunzip()) : stream;
  let streamError: Error | null = null;
  input.on('error', (e) => (streamError = e));
  stream.on('error', (e) => (streamError = e));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      const where = `${name}:${n}`;
      if (line.length > MAX_JSONL_LINE) {
        yield { kind: 'error', input: where, reason: `line longer than ${MAX_JSONL_LINE} characters`, rule: 'ingest:jsonl-line-too-long' };
        continue;
      }
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        yield { kind: 'error', input: where, reason: 'not valid JSON', rule: 'ingest:jsonl-syntax' };
        continue;
      }
      yield documentFromRecord(record, where);
    }
  } catch (err) {
    streamError ??= err as Error;
  }
  if (streamError) {
    const gz = /unexpected end|incorrect header|invalid|zlib/i.test((streamError as Error).message);
    yield { kind: 'error', input: `${name}:${n + 1}`, reason: gz ? 'truncated or corrupt gzip data' : (streamError as Error).message, rule: gz ? 'ingest:bad-gzip' : 'ingest:read' };
  }
}

async function readHead(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    // gzip is inflated whole (bounded by MAX_INFLATED_BYTES); plain files are read up to the bound
    const n = path.toLowerCase().endsWith('.gz') ? size : Math.min(size, MAX_FILE_BYTES + 1);
    const buf = Buffer.alloc(n);
    let off = 0;
    while (off < n) {
      const { bytesRead } = await fh.read(buf, off, n - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return buf.subarray(0, off);
  } finally {
    await fh.close();
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
    if (format === 'jsonl') {
      yield* readJsonl(createReadStream(path), path, path.toLowerCase().endsWith('.gz'));
      return;
    }
    const bytes = await readHead(path);
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
    yield { kind: 'error', input: dir, reason: 'symbolic link loop (folder already read)', rule: 'ingest:link-loop' };
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

/** Standard input: JSONL when it starts with "{", else one text or HTML page. */
export async function* readStream(stream: Readable, name = '-', fetchOptions: FetchOptions = {}): AsyncGenerator<InputResult> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const bytes = Buffer.concat(chunks);
  if (!bytes.length) {
    yield { kind: 'error', input: name, reason: 'empty input', rule: 'ingest:empty' };
    return;
  }
  const head = bytes.subarray(0, 64).toString('utf8').trimStart();
  if (head.startsWith('{')) {
    const { Readable } = await import('node:stream');
    yield* readJsonl(Readable.from([bytes]), name, false);
    return;
  }
  if (sniffFeed(bytes)) {
    yield* readFeed(bytes, name, fetchOptions);
    return;
  }
  yield documentFromBytes(bytes, head.startsWith('<') ? 'html' : 'text', name);
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
    if (st.isDirectory()) {
      for await (const item of walk(p, seen)) {
        if ('file' in item) yield* readFile(item.file, fetchOptions);
        else yield item;
      }
    } else yield* readFile(p, fetchOptions);
  }
}

