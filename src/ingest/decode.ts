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

export function gunzip(bytes: Uint8Array, max = MAX_INFLATED_BYTES): Buffer {
  let out: Buffer;
  try {
    out = gunzipSync(bytes, { maxOutputLength: max });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new InputError(`gzip inflates past ${max} bytes`, 'ingest:gzip-too-large');
    if (/incorrect header/i.test((err as Error).message)) throw new InputError('not gzip data', 'ingest:bad-gzip');
    throw new InputError('truncated or corrupt gzip data', 'ingest:bad-gzip');
  }
  // zlib's sync inflate returns what it got when the stream stops early; the trailer's length
  // (size mod 2^32) tells a whole file from a cut one
  const trailer = bytes.length >= 18 ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).readUInt32LE(bytes.length - 4) : -1;
  if (trailer !== out.length % 2 ** 32) throw new InputError('truncated or corrupt gzip data', 'ingest:bad-gzip');
  return out;
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

/**
 * A charset label as browsers read it (WHATWG Encoding): the Latin-1 family is windows-1252, Shift-JIS
 * is Microsoft's cp932, GB2312 is GBK, and so on; iconv-lite knows the rest by their own names.
 */
const CHARSET_ALIASES: Record<string, string> = {
  utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'x-unicode20utf8': 'utf-8',
  latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', 'iso_8859-1': 'windows-1252',
  'us-ascii': 'windows-1252', ascii: 'windows-1252', 'cp1252': 'windows-1252', 'x-cp1252': 'windows-1252', l1: 'windows-1252',
  'iso-8859-9': 'windows-1254', 'iso-8859-11': 'windows-874', 'tis-620': 'windows-874',
  'cp1251': 'windows-1251', 'x-cp1251': 'windows-1251', 'win-1251': 'windows-1251',
  sjis: 'cp932', 'x-sjis': 'cp932', 'shift-jis': 'cp932', shift_jis: 'cp932', 'ms_kanji': 'cp932', 'windows-31j': 'cp932', 'csshiftjis': 'cp932',
  gb2312: 'gbk', 'gb_2312-80': 'gbk', 'x-gbk': 'gbk', 'euc-cn': 'gbk',
  'euc-kr': 'cp949', 'ks_c_5601-1987': 'cp949', windows_949: 'cp949',
  'big5-hkscs': 'big5hkscs', 'x-euc-jp': 'euc-jp',
  // A page that says UTF-16 in a meta tag is, by the HTML standard, read as UTF-8: it has no BOM,
  // or the BOM would have been seen first.
  'utf-16': 'utf-8', 'utf-16le': 'utf-8', 'utf-16be': 'utf-8',
};

function normaliseCharset(name: string): string {
  const n = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  return CHARSET_ALIASES[n] ?? n;
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
  const unknown = charset && charset !== 'utf-8' ? `unknown charset "${declared}" ignored; ` : '';
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warning: unknown ? unknown.slice(0, -2) : null };
  } catch {
    return {
      text: iconv.decode(Buffer.from(bytes), 'windows-1252'),
      encoding: 'windows-1252',
      warning: `${unknown}invalid UTF-8, decoded as windows-1252`,
    };
  }
}
