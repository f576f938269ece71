/**
 * The charset an HTML page declares for itself, found as browsers do (the "prescan" of the HTML
 * standard, simplified): in the first 1024 bytes, a `<meta charset=…>` or a
 * `<meta http-equiv="Content-Type" content="…; charset=…">`. The caller passes what this finds to
 * `decodeBytes(bytes, charset)`; a byte-order mark and an HTTP header still win over it there.
 *
 * Only ASCII-compatible declarations can be read this way; a UTF-16 page carries a BOM instead.
 */

/** How far browsers look; a declaration later than this is ignored by them too. */
export const CHARSET_PRESCAN_BYTES = 1024;

// Both forms in one pass over the tag's attributes; `charset=` also appears inside `content=`.
const META_TAG = /<meta\b[^>]*>/gi;
const CHARSET_ATTR = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.()+-]+)/i;
const HTTP_EQUIV = /\bhttp-equiv\s*=\s*["']?\s*content-type/i;
const CHARSET_META = /^<meta\b[^>]*?\s(?:charset)\s*=/i;

/** The declared charset label (lower case, as written, e.g. `windows-1251`), or null. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  // latin1 keeps every byte as one char, so offsets and ASCII markup survive whatever the encoding.
  const head = Buffer.from(bytes.subarray(0, CHARSET_PRESCAN_BYTES)).toString('latin1');
  for (const m of head.matchAll(META_TAG)) {
    const tag = m[0];
    if (!CHARSET_META.test(tag) && !HTTP_EQUIV.test(tag)) continue;
    const found = CHARSET_ATTR.exec(tag);
    if (found) return found[1].toLowerCase();
  }
  return null;
}
