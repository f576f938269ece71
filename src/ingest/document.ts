/**
 * Building a Document from what an input gave: identity by the hash of the normalised text, the
 * seeds' `date YYYY-MM-DD` prefix read as the publication date, text cut at a documented bound.
 */
import { createHash } from 'node:crypto';
import type { Document } from '../model/index.js';
import { cleanPlainText } from './clean-text.js';
import { InputError } from './errors.js';

/**
 * Characters of article text kept. No news report comes near it (a long feature is 60,000); a
 * larger input is a dump or a book, and is cut here, stored, with a warning. The bound also caps
 * what one document costs to extract and link (about a second at this size).
 */
export const MAX_TEXT_CHARS = 200_000;

const DATE_PREFIX = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?/i;

/** Whitespace, case and Unicode form do not make a different document. */
export function normaliseForIdentity(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function documentId(text: string): string {
  return 'doc_' + createHash('sha256').update(normaliseForIdentity(text)).digest('hex').slice(0, 16);
}

/** A calendar date in ISO form, from the forms metadata uses; null when it is none. */
export function isoDateOrNull(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

function cut(text: string, warnings: string[]): string {
  if (text.length <= MAX_TEXT_CHARS) return text;
  warnings.push(`text cut at ${MAX_TEXT_CHARS} characters (was ${text.length})`);
  const at = text.lastIndexOf('\n', MAX_TEXT_CHARS);
  return text.slice(0, at > MAX_TEXT_CHARS / 2 ? at : MAX_TEXT_CHARS);
}

export interface DocumentMeta {
  source: string;
  url?: string | null;
  title?: string | null;
  published?: string | null;
  author?: string | null;
  site?: string | null;
  lang?: string | null;
}

/** Words sampled for the filler check, and the distinct share below which text is filler. */
const FILLER_SAMPLE = 20_000;
const FILLER_MIN_WORDS = 500;
const FILLER_DISTINCT_SHARE = 0.02;

/** Text that repeats a handful of words over and over is a broken export or padding, not a report. */
function fillerWarning(text: string): string | null {
  const words = text.slice(0, FILLER_SAMPLE * 8).toLowerCase().match(/\p{L}+/gu);
  if (!words || words.length < FILLER_MIN_WORDS) return null;
  const distinct = new Set(words.slice(0, FILLER_SAMPLE)).size;
  const n = Math.min(words.length, FILLER_SAMPLE);
  return distinct / n < FILLER_DISTINCT_SHARE ? `repetitive text (${distinct} distinct words in ${n}): filler or a broken export?` : null;
}

/** The first line when it reads as a headline (short, no end punctuation), else null. */
function headline(text: string): string | null {
  const first = text.split('\n', 1)[0].trim();
  if (first.length > 0 && first.length <= 160 && !/[,;:]$/.test(first)) return first.replace(/[.]$/, '');
  return null;
}

/** A document from plain text (a `.txt` file, a JSONL `text` field, stdin). */
export function textDocument(raw: string, meta: DocumentMeta, warnings: string[] = []): Document {
  let text = raw.replace(/\r\n?/g, '\n').replace(/\u0000/g, '');
  let published = meta.published ?? null;
  const prefix = DATE_PREFIX.exec(text);
  if (prefix) {
    published ??= isoDateOrNull(prefix[1]);
    text = text.slice(prefix[0].length);
  }
  text = cut(cleanPlainText(text), warnings);
  if (!text.trim()) throw new InputError('no text in it', 'ingest:empty');
  const filler = fillerWarning(text);
  if (filler) warnings.push(filler);
  return {
    id: documentId(text),
    source: meta.source,
    url: meta.url ?? null,
    title: meta.title ?? headline(text),
    published,
    author: meta.author ?? null,
    site: meta.site ?? null,
    lang: meta.lang ?? null,
    text,
  };
}
