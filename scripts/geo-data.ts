/**
 * The geoparsing corpora (LGL, TR-News in `geoparsing-dev/`): the XML reader and the fixed split,
 * shared by eval-geo.ts and geo-misses.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The fixed split: first hex digit of sha1(`geo:` + corpus + `:` + docid), 0-7 tune, 8-f report. */
export function geoPartOf(corpus: string, docid: string): 'tune' | 'report' {
  const h = createHash('sha1').update(`geo:${corpus}:${docid}`).digest('hex');
  return parseInt(h[0], 16) < 8 ? 'tune' : 'report';
}

export interface Gold { start: number; end: number; phrase: string; geonameid: number | null; lat: number | null; lon: number | null; name: string | null }
export interface Article {
  id: string;
  text: string;
  gold: Gold[];
  /** The page's URL and the site's domain, as the corpus gives them (for site profiles). */
  url: string | null;
  domain: string | null;
  /** When the article was fetched (LGL `dltime`; TR-News' dates in several forms), as ms since 1970, or null. */
  time: number | null;
  /** Position in the file: the order a folder ingest would read them in when no time is given. */
  index: number;
}

/** An article's metadata field, trimmed, or null. */
function field(body: string, tag: string): string | null {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(body.replace(/<text>[\s\S]*$/, ''));
  const v = m ? decode(m[1]).trim() : '';
  return v || null;
}

/** "2009-03-20 12:24:52.002364-05", "2016-12-19", "7:58 AM ET, Sat January 3, 2015" → ms, or null. */
function timeOf(raw: string | null): number | null {
  if (!raw) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}:\d{2}))?/.exec(raw);
  if (iso) return Date.parse(`${iso[1]}T${iso[2] ?? '00:00:00'}Z`);
  const t = Date.parse(raw.replace(/\b(?:ET|EST|EDT|GMT|UTC|BST)\b/g, '').replace(/^[^A-Za-z]*(?:AM|PM)\s*,?\s*/, '').replace(/,\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*/, ','));
  return Number.isFinite(t) ? t : null;
}

function decode(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Code-point offset → UTF-16 offset. */
function cpToUnit(text: string, cp: number): number {
  let unit = 0;
  for (let i = 0; i < cp && unit < text.length; i++) unit += text.codePointAt(unit)! > 0xffff ? 2 : 1;
  return unit;
}

export function parse(file: string): { articles: Article[]; offsetFixes: number; badOffsets: number } {
  const xml = readFileSync(file, 'utf8');
  const articles: Article[] = [];
  let offsetFixes = 0;
  let badOffsets = 0;
  for (const a of xml.matchAll(/<article docid="([^"]*)"[^>]*>([\s\S]*?)<\/article>/g)) {
    const body = a[2];
    const tm = /<text><!\[CDATA\[([\s\S]*?)\]\]>\s*<\/text>/.exec(body);
    if (!tm) continue;
    const text = tm[1];
    const gold: Gold[] = [];
    for (const t of body.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const x = t[1];
      const get = (tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(x)?.[1] ?? null;
      let start = Number(get('start'));
      let end = Number(get('end'));
      const phrase = decode(get('phrase') ?? '').trim();
      if (phrase && text.slice(start, end) !== phrase) {
        const s2 = cpToUnit(text, start);
        const e2 = cpToUnit(text, end);
        if (text.slice(s2, e2) === phrase) {
          start = s2;
          end = e2;
          offsetFixes++;
        } else {
          // some TR-News articles are off by a character or two (text trimmed after annotation)
          const near = text.indexOf(phrase, Math.max(0, start - 3));
          if (near >= 0 && near <= start + 3) {
            start = near;
            end = near + phrase.length;
            offsetFixes++;
          } else badOffsets++;
        }
      }
      const gid = /<gaztag geonameid="(\d+)"/.exec(x)?.[1];
      const lat = get('lat');
      const lon = get('lon');
      gold.push({ start, end, phrase: phrase || text.slice(start, end), geonameid: gid ? Number(gid) : null, lat: lat ? Number(lat) : null, lon: lon ? Number(lon) : null, name: get('name') });
    }
    articles.push({ id: a[1], text, gold, url: field(body, 'url'), domain: field(body, 'domain'), time: timeOf(field(body, 'dltime')), index: articles.length });
  }
  return { articles, offsetFixes, badOffsets };
}

