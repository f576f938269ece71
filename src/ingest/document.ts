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
  return text.normalize('NFKC').replace(ZERO_WIDTH_ALL, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function documentId(text: string): string {
  return 'doc_' + createHash('sha256').update(normaliseForIdentity(text)).digest('hex').slice(0, 16);
}

/** Publication years we believe: news before 1900 or after 2100 is a typo or a placeholder ("0000-00-00"). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** Whether y-m-d is a day of the calendar in the accepted years ("2023-02-31" is not). */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A calendar date in ISO form, from the forms metadata uses; null when it is none or not a real day. */
export function isoDateOrNull(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const s = String(value).trim().slice(0, 100);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return isRealDay(+m[1], +m[2], +m[3]) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  return isRealDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ? d.toISOString().slice(0, 10) : null;
}

/**
 * Terminal escape sequences (CSI, OSC, and the two-byte forms) and every other C0/C1 control but tab
 * and newline: text from a document must never drive the terminal it is printed on. Bounded, linear.
 */
const ESCAPES = /(?:\x1b\[|\x9b)[\x30-\x3f]{0,64}[\x20-\x2f]{0,16}[\x40-\x7e]?|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\|\x9c)?|\x1b[\x20-\x2f]{0,4}[\x30-\x7e]?/g;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
/** Zero-width space, word joiner, BOM: invisible, meaningless in text, yet they split a word. */
const ZERO_WIDTH = /[\u200b\u2060\ufeff]/g;
/** Identity also ignores the joiners (ZWNJ, ZWJ), which matter to how Persian or emoji render, not to what a report says. */
const ZERO_WIDTH_ALL = /[\u200b-\u200d\u2060\ufeff]/g;

export function stripControls(text: string, keepNewlines = true): string {
  const out = text.replace(ESCAPES, '').replace(CONTROLS, '');
  return keepNewlines ? out : out.replace(/[\t\n]/g, ' ');
}

/** One-line metadata (title, source, author): controls stripped, newlines and tabs become spaces. */
export function cleanLine(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return stripControls(value, false).replace(ZERO_WIDTH, '').trim() || null;
}

/** Lone UTF-16 surrogates (from "\ud800" in JSON) become U+FFFD, one unit for one: offsets stay put. */
export function wellFormed(text: string): string {
  return (text as string & { toWellFormed?: () => string }).toWellFormed?.() ?? text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
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
  let text = stripControls(wellFormed(raw).replace(/\r\n?/g, '\n')).replace(ZERO_WIDTH, '');
  let published = meta.published ?? null;
  if (published && !isoDateOrNull(published)) {
    warnings.push(`publication date ${JSON.stringify(cleanLine(published.slice(0, 40)))} is not a real day; left out`);
    published = null;
  }
  const prefix = DATE_PREFIX.exec(text);
  if (prefix) {
    if (!published && !isoDateOrNull(prefix[1])) warnings.push(`date line ${prefix[1]} is not a real day; left out`);
    published ??= isoDateOrNull(prefix[1]);
    text = text.slice(prefix[0].length);
  }
  text = cut(cleanPlainText(text), warnings);
  if (!text.trim()) throw new InputError('no text in it', 'ingest:empty');
  const filler = fillerWarning(text);
  if (filler) warnings.push(filler);
  return {
    id: documentId(text),
    source: cleanLine(meta.source) ?? '-',
    url: cleanLine(meta.url),
    title: cleanLine(meta.title) ?? headline(text),
    published,
    author: cleanLine(meta.author),
    site: cleanLine(meta.site),
    lang: cleanLine(meta.lang),
    text,
  };
}
