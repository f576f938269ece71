/**
 * Feeds to items: RSS 2.0 (and 0.9x), Atom 1.0 and RDF/RSS 1.0, parsed with fast-xml-parser. No
 * I/O here: fetch.ts and read.ts turn items into Documents (fetching an item's linked page when the
 * item carries only a summary).
 *
 * Limits: the parser's own entity limits apply (no entity-expansion bombs); an item's content is
 * taken as the feed gives it, HTML or text, and judged an article or a summary by its length alone.
 */
import { XMLParser } from 'fast-xml-parser';
import { createHash } from 'node:crypto';

export interface FeedItem {
  /** Stable identity within the feed: guid / Atom id, else link, else a hash of title and date. */
  id: string;
  title: string | null;
  /** The item's article, absolute. */
  link: string | null;
  /** As the feed wrote it (RFC 822 or ISO 8601); isoDateOrNull reads both. */
  published: string | null;
  author: string | null;
  /** The richest body the item carries, as HTML (content:encoded, Atom content, description, summary). */
  html: string | null;
  /** Words in `html` once tags are dropped: tells a full article from a summary. */
  words: number;
}

export interface Feed {
  format: 'rss' | 'atom' | 'rdf';
  title: string | null;
  items: FeedItem[];
}

/**
 * Words an item body needs to count as the article rather than a teaser. Summaries in news feeds run
 * one to three sentences (20-80 words); the shortest wire briefs run past 150.
 */
export const ARTICLE_MIN_WORDS = 150;

/** True when the first bytes read as a feed document (`<rss`, `<feed`, `<rdf:RDF` after any prolog). */
export function looksLikeFeed(head: string): boolean {
  const s = head
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[^\]]*\])?\s*>/gi, '') // a DOCTYPE may carry an internal subset [ … ]
    .trimStart();
  return /^<(?:rss|feed|rdf:RDF|RDF)[\s>/]/i.test(s);
}

/** The `encoding` of an XML declaration, when present. */
export function xmlDeclaredEncoding(head: Uint8Array): string | null {
  const s = Buffer.from(head.subarray(0, 256)).toString('latin1');
  return /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(s)?.[1] ?? null;
}

// Bodies are kept raw (stop nodes) so their HTML survives as HTML: fast-xml-parser would otherwise
// read an Atom `type="xhtml"` body or unescaped markup as child elements.
const BODY_TAGS = ['description', 'content:encoded', 'content', 'summary'];

const parser = () =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: true,
    stopNodes: BODY_TAGS.map((t) => `*.${t}`),
    isArray: (name) => ['item', 'entry', 'link', 'author', 'dc:creator', 'category'].includes(name),
  });

type Node = Record<string, unknown>;

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return XML_ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** A stop node's raw inner XML as the text it stands for: CDATA kept verbatim, entities decoded outside it. */
function rawBody(raw: string, xhtml: boolean): string {
  if (xhtml) return raw; // Atom type="xhtml": the markup itself is the content
  let out = '';
  let last = 0;
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
  for (let m; (m = re.exec(raw)); ) {
    out += decodeXmlEntities(raw.slice(last, m.index)) + m[1];
    last = m.index + m[0].length;
  }
  return (out + decodeXmlEntities(raw.slice(last))).trim();
}

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (typeof v === 'object') return text((v as Node)['#text']);
  return null;
}

/** A body stop node: a string, or an object carrying `#text` and a `@_type`. */
function body(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return body(v[0]);
  if (typeof v === 'string') return rawBody(v, false) || null;
  if (typeof v === 'object') {
    const n = v as Node;
    const raw = typeof n['#text'] === 'string' ? (n['#text'] as string) : '';
    const type = String(n['@_type'] ?? '').toLowerCase();
    const decoded = rawBody(raw, type === 'xhtml');
    if (!decoded) return null;
    // Atom type="text" (the default) is plain text: escape it so it stays text as HTML
    return type === 'text' ? decoded.replace(/&/g, '&amp;').replace(/</g, '&lt;') : decoded;
  }
  return null;
}

function wordCount(html: string | null): number {
  if (!html) return 0;
  const t = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ');
  return t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function absolute(link: string | null, base: string | null): string | null {
  if (!link) return null;
  try {
    const u = new URL(link, base ?? undefined);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function richest(...bodies: (string | null)[]): { html: string | null; words: number } {
  let best = { html: null as string | null, words: 0 };
  for (const b of bodies) {
    const words = wordCount(b);
    if (b && (best.html === null || words > best.words)) best = { html: b, words };
  }
  return best;
}

function itemId(guid: string | null, link: string | null, title: string | null, published: string | null): string {
  if (guid) return guid;
  if (link) return link;
  return 'sha256:' + createHash('sha256').update(`${title ?? ''}\n${published ?? ''}`).digest('hex').slice(0, 16);
}

function atomLink(links: unknown, base: string | null): string | null {
  const list = Array.isArray(links) ? (links as unknown[]) : links ? [links] : [];
  let fallback: string | null = null;
  for (const l of list) {
    if (typeof l === 'string') {
      fallback ??= l;
      continue;
    }
    const n = l as Node;
    const rel = String(n['@_rel'] ?? 'alternate');
    const href = typeof n['@_href'] === 'string' ? (n['@_href'] as string) : text(n);
    if (rel === 'alternate' && href) return absolute(href, base);
    if (!fallback && href && rel !== 'self' && rel !== 'enclosure' && rel !== 'replies') fallback = href;
  }
  return absolute(fallback, base);
}

function authorName(v: unknown): string | null {
  const first = Array.isArray(v) ? v[0] : v;
  if (first && typeof first === 'object' && 'name' in (first as Node)) return text((first as Node).name);
  const s = text(first);
  // RSS <author> is an e-mail address, often "jane@example.com (Jane Doe)"
  return s?.replace(/^\S+@\S+\s*\((.+)\)$/, '$1') ?? null;
}

function rssItem(n: Node, base: string | null): FeedItem {
  const rawLink = text(n.link);
  const guidNode = n.guid;
  const guid = text(guidNode);
  const permalink = guidNode && typeof guidNode === 'object' && !Array.isArray(guidNode) ? (guidNode as Node)['@_isPermaLink'] !== 'false' : typeof guidNode === 'string';
  const link = absolute(rawLink, base) ?? (guid && permalink ? absolute(guid, base) : null);
  const title = text(n.title);
  const published = text(n.pubDate) ?? text(n['dc:date']) ?? text(n.published) ?? text(n.updated);
  const { html, words } = richest(body(n['content:encoded']), body(n.description), body(n.content));
  return { id: itemId(guid, link, title, published), title, link, published, author: authorName(n['dc:creator']) ?? authorName(n.author), html, words };
}

/** An Atom title of type html or xhtml, as the text it shows. */
function atomTitle(v: unknown): string | null {
  const t = text(v);
  const type = v && typeof v === 'object' && !Array.isArray(v) ? String((v as Node)['@_type'] ?? '') : '';
  return t && (type === 'html' || type === 'xhtml') ? t.replace(/<[^>]*>/g, '').trim() || null : t;
}

function atomEntry(n: Node, base: string | null): FeedItem {
  const link = atomLink(n.link, base);
  const title = atomTitle(n.title);
  const published = text(n.published) ?? text(n.updated) ?? text(n['dc:date']);
  const { html, words } = richest(body(n.content), body(n.summary));
  return { id: itemId(text(n.id), link, title, published), title, link, published, author: authorName(n.author), html, words };
}

const asList = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v && typeof v === 'object' ? [v as Node] : []);

/**
 * The items of an RSS, Atom or RDF feed, in feed order; null when the text is no feed. `base`
 * (the feed's URL) makes relative links absolute.
 */
export function parseFeed(xml: string, base: string | null = null): Feed | null {
  let doc: Node;
  try {
    doc = parser().parse(xml) as Node;
  } catch {
    return null;
  }
  const rss = doc.rss as Node | undefined;
  if (rss && typeof rss === 'object') {
    const channel = (Array.isArray(rss.channel) ? rss.channel[0] : rss.channel) as Node | undefined;
    if (!channel) return { format: 'rss', title: null, items: [] };
    return { format: 'rss', title: text(channel.title), items: asList(channel.item).map((i) => rssItem(i, base)) };
  }
  const feed = (doc.feed ?? doc['atom:feed']) as Node | undefined;
  if (feed && typeof feed === 'object') return { format: 'atom', title: atomTitle(feed.title), items: asList(feed.entry ?? feed['atom:entry']).map((e) => atomEntry(e, base)) };
  const rdf = (doc['rdf:RDF'] ?? doc.RDF) as Node | undefined;
  if (rdf && typeof rdf === 'object') {
    // RSS 1.0: items are siblings of the channel, not inside it
    const channel = (Array.isArray(rdf.channel) ? rdf.channel[0] : rdf.channel) as Node | undefined;
    return { format: 'rdf', title: text(channel?.title), items: asList(rdf.item).map((i) => rssItem(i, base)) };
  }
  return null;
}
