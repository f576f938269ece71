/**
 * Bytes to text: gzip, byte-order marks, declared charsets, and a fallback for text that is not
 * UTF-8. Binary data is refused here, with a reason, so no later stage sees it.
 */
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { InputError } from './errors.js';

export interface Decoded {
  text: string;
  encoding: string;
  /** Set when the bytes were not what they claimed (e.g. invalid UTF-8 read as windows-1252). */
  warning: string | null;
}

/** Inflated size we accept from one compressed input; a larger one is a zip bomb or a dump to split. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function gunzip(bytes: Uint8Array): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new InputError(`gzip inflates past ${MAX_INFLATED_BYTES} bytes`, 'ingest:gzip-too-large');
    throw new InputError('truncated or corrupt gzip data', 'ingest:bad-gzip');
  }
}

/** Share of control characters (other than tab, newlines, form feed) above which bytes are binary. */
const CONTROL_SHARE = 0.01;

/**
 * Looks at the first 64 kB. NUL bytes or many control characters mean binary data; UTF-16 is told
 * apart by its BOM before this runs.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > CONTROL_SHARE;
}

function normaliseCharset(name: string): string {
  const n = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (n === 'utf8') return 'utf-8';
  if (n === 'latin1' || n === 'iso-8859-1' || n === 'us-ascii' || n === 'ascii') return 'windows-1252'; // as browsers do
  if (n === 'sjis' || n === 'x-sjis' || n === 'shift-jis') return 'shift_jis';
  return n;
}

/**
 * Decode bytes to a string. Order of trust: BOM, then a declared charset (HTTP header or HTML meta),
 * then strict UTF-8, then windows-1252 with a warning (what browsers do with unlabelled Western text).
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: Buffer.from(bytes.subarray(3)).toString('utf8'), encoding: 'utf-8', warning: null };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', warning: null };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', warning: null };
  if (looksBinary(bytes)) throw new InputError('binary data, not text', 'ingest:binary');
  const charset = declared ? normaliseCharset(declared) : null;
  if (charset && charset !== 'utf-8' && iconv.encodingExists(charset))
    return { text: iconv.decode(Buffer.from(bytes), charset), encoding: charset, warning: null };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warning: null };
  } catch {
    return {
      text: iconv.decode(Buffer.from(bytes), 'windows-1252'),
      encoding: 'windows-1252',
      warning: 'invalid UTF-8, decoded as windows-1252',
    };
  }
}
