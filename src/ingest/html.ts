/**
 * Article text and metadata from one web page.
 *
 * Steps, in order:
 *  1. `prescan`: one linear pass over the markup, before any DOM exists. It lifts out JSON-LD,
 *     drops `<script>`, `<style>`, comments and other non-text containers, and bounds the page:
 *     elements nested deeper than MAX_DEPTH are flattened (their text kept), and markup past
 *     MAX_ELEMENTS elements or MAX_HTML_CHARS characters is cut. Each cut is a warning. This is
 *     what keeps pathological pages (100,000 nested or 200,000 unclosed tags) from hanging the
 *     parser or blowing the stack in the recursive parts of Readability.
 *  2. Metadata from the untouched DOM: title, published date, author, site, language, read in a
 *     stated order of trust (see `readMetadata`).
 *  3. Mozilla Readability picks the article's container; our own walk turns it into paragraphs
 *     (`blockText`), skipping captions, share bars and other furniture by class and tag.
 *  4. Paragraph rules drop the boilerplate that survives ("Advertisement", "Related stories",
 *     cookie and newsletter prompts, bylines, credits, bare dates): `isBoilerplate`; then
 *     `cutTail` cuts what follows the story (a press release's "About X" section or issuer
 *     profile, promotion after "Want more stories like this?").
 *  5. When Readability finds nothing or too little, a simpler fallback takes the page's densest
 *     run of paragraphs, on htmlparser2's tree (several times faster to build than linkedom's).
 *     Pages with more than READABILITY_MAX_ELEMENTS elements go straight there; their metadata is
 *     read from a DOM of their first BIG_PAGE_META_CHARS characters only.
 *
 * Speed: linkedom's DOM costs per node, and Readability visits every node several times, so the
 * prescan also drops what neither reads (hidden subtrees, stylesheets and preloads, whitespace
 * between block tags, empty elements, attribute-less inline formatting, unread attributes).
 *
 * It does not sanitise HTML, run scripts, fetch anything, or follow multi-page articles.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { parseDocument } from 'htmlparser2';
import type { Document as SitrepDocument } from '../model/index.js';
import { InputError } from './errors.js';

export interface ExtractOptions {
  /** The page's address: a date in its path is one of the publication-date sources. */
  url?: string | null;
  /** When the page was fetched; no publication date after it is believed. Default: now. */
  fetchedAt?: Date;
}

/**
 * What a page gives a Document: its body text (paragraphs separated by a blank line, title not
 * included) and metadata (`published` as the publisher wrote it, their local date).
 */
export interface ExtractedArticle extends Pick<SitrepDocument, 'title' | 'published' | 'author' | 'site' | 'lang' | 'text'> {
  /** What was cut or guessed on the way (bounds hit, fallback used). */
  warnings: string[];
}

/** Characters of markup we read; a 5 MB page is well inside, a dump of a site is not. */
export const MAX_HTML_CHARS = 16 * 1024 * 1024;
/** Elements the DOM may hold; real article pages stay under 20,000 once scripts are gone. */
export const MAX_ELEMENTS = 60_000;
/**
 * Nesting depth kept; deeper tags are dropped (their text stays). Real pages stay under 60; parts of
 * Readability recurse once per level, and depth times element count bounds its worst case.
 */
export const MAX_DEPTH = 100;

/**
 * Above this many elements (after the prescan dropped scripts and furniture) Readability is not run:
 * its cleaning passes grow faster than linearly, and a 5 MB page must finish within 2 s. Article
 * pages in the development set stay under 1,500.
 */
export const READABILITY_MAX_ELEMENTS = 15_000;

/** Characters of markup read for a big page's metadata (see `headOf`). */
const BIG_PAGE_META_CHARS = 256 * 1024;

/** The start of the markup, cut before a tag, for reading a big page's metadata. */
function headOf(markup: string): string {
  if (markup.length <= BIG_PAGE_META_CHARS) return markup;
  const cut = markup.lastIndexOf('<', BIG_PAGE_META_CHARS);
  return markup.slice(0, cut > 0 ? cut : BIG_PAGE_META_CHARS);
}

/** Below this many characters of body text, Readability's pick is checked against the fallback's. */
const MIN_ARTICLE_CHARS = 250;

export function extractArticle(html: string, opts: ExtractOptions = {}): ExtractedArticle {
  const warnings: string[] = [];
  const pre = prescan(html, warnings);
  const big = pre.elements > READABILITY_MAX_ELEMENTS;
  // A big page's metadata sits in its head and first screens; the DOM of all of it would cost seconds.
  const { document } = parseHTML(big ? headOf(pre.markup) : pre.markup);
  const meta = readMetadata(document, pre.jsonLd, opts);

  let paragraphs: Block[] = [];
  if (!big) paragraphs = readabilityParagraphs(document);
  else warnings.push(`${pre.elements} elements: too many for Readability (over ${READABILITY_MAX_ELEMENTS}); used the paragraph fallback`);
  if (textLength(paragraphs) < MIN_ARTICLE_CHARS) {
    // Readability edits the DOM it is handed; the fallback reads its own, lighter parse.
    const fallback = fallbackParagraphs(pre.markup);
    if (textLength(fallback) > textLength(paragraphs)) paragraphs = fallback;
  }
  const text = dropBoilerplate(paragraphs, meta).join('\n\n');
  if (!text && !meta.title) throw new InputError('no article text found in the page', 'ingest:empty-html');
  if (meta.published === null && !text) warnings.push('no text and no date found');
  return { ...meta, text, warnings };
}

// ---------------------------------------------------------------------------------------------
// 1. Prescan

export interface Prescanned {
  markup: string;
  /** Bodies of `<script type="application/ld+json">`, for metadata. */
  jsonLd: string[];
  /** Elements kept in `markup`. */
  elements: number;
}

/** Containers whose content is never article text; dropped with everything inside. */
const RAW_DROP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'textarea', 'button']);
/** Elements with no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame', 'basefont', 'isindex']);
/** Void elements dropped outright: stylesheets, preloads, form fields, media sources. */
const VOID_DROP = new Set(['link', 'input', 'source', 'track', 'param', 'keygen', 'wbr', 'area', 'base', 'col', 'embed']);
/** Inline formatting unwrapped when it has no attributes: a DOM node less each, text unchanged. */
const UNWRAP = new Set(['span', 'font', 'b', 'strong', 'em', 'i', 'u', 'small', 'big', 'mark', 'abbr', 'cite', 'ins', 'bdi', 'bdo']);
/** Tags that close an open `<p>` (HTML's implied end tags, the common part). */
const CLOSES_P = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'li', 'dd', 'dt']);
/** An open tag that implicitly closes an open tag of the same kinds. */
const SELF_CLOSING_KIN: Record<string, readonly string[]> = {
  li: ['li'], dt: ['dt', 'dd'], dd: ['dt', 'dd'], option: ['option'], tr: ['tr', 'td', 'th'], td: ['td', 'th'], th: ['td', 'th'],
};
/** Tags before which whitespace between tags is dropped (see `prescan`). */
const BLOCKISH = new Set([...CLOSES_P, 'html', 'head', 'body', 'meta', 'link', 'title', 'base', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'br', 'figure', 'picture', 'source']);
const INTER_TAG_SPACE = />\s+(<\/?)([a-zA-Z][a-zA-Z0-9:_-]*)/g;
/** An element with nothing inside (ad slots, icon holders): no text, and it only costs nodes. */
const EMPTY_ELEMENT = /<(div|span|li|p|section|i|a)(?:\s[^<>]*)?><\/\1>/gi;
const JSON_LD_TYPE = /type\s*=\s*["']?application\/ld\+json/i;

/**
 * One pass over the markup with indexOf, never a backtracking regex over the whole page: each
 * character is looked at a bounded number of times, so unclosed tags and comments cost linear time.
 * The open-element stack follows HTML's implied end tags closely enough to count depth; where it
 * is wrong, it errs towards flattening, which loses no text.
 */
export function prescan(html: string, warnings: string[] = []): Prescanned {
  if (html.length > MAX_HTML_CHARS) {
    warnings.push(`page cut at ${MAX_HTML_CHARS} characters (it has ${html.length})`);
    html = html.slice(0, MAX_HTML_CHARS);
  }
  const out: string[] = [];
  const jsonLd: string[] = [];
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const dropped = new Map<string, number>(); // open tags dropped for depth, by name, awaiting their end tag
  let elements = 0;
  let flattened = 0;
  // While dropping page furniture: the stack depth of its element; Infinity when not dropping.
  let dropDepth = Infinity;
  let pos = 0; // start of the text not yet copied
  let i = 0;
  const n = html.length;
  // Copies the markup from `pos` up to `end`, unless inside furniture being dropped.
  const emit = (end: number) => {
    if (dropDepth === Infinity) out.push(html.slice(pos, end));
  };
  // Rewrites the open tag at lt..gt with only the attributes anyone reads (every attribute is a
  // node in the DOM, and style, data-* and srcset are most of a modern page's markup).
  const slim = (lt: number, gt: number, name: string) => {
    if (dropDepth !== Infinity || gt - lt < name.length + 3) return;
    emit(lt);
    out.push(slimTag(html.slice(lt + 1 + name.length, gt), name));
    pos = gt + 1;
  };
  const push = (name: string) => {
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  const popTo = (name: string) => {
    while (stack.length) {
      const top = stack.pop()!;
      openCount.set(top, openCount.get(top)! - 1);
      if (top === name) return;
    }
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      emit(lt);
      pos = i = end < 0 ? n : end + 3;
      continue;
    }
    const c = html.charCodeAt(lt + 1);
    const isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!isLetter && c !== 47 /* / */ && c !== 33 /* ! */ && c !== 63 /* ? */) {
      i = lt + 1; // a bare "<" in text
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) {
      // A tag still open at the end of the input: browsers drop it (EOF in tag), and so do we.
      emit(lt);
      pos = n;
      break;
    }
    // The tag name, read by character codes: this loop runs once per tag of the page.
    const closing = c === 47;
    let k = closing ? lt + 2 : lt + 1;
    const nameStart = k;
    const c0 = html.charCodeAt(k);
    if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) {
      // <!DOCTYPE>, <?xml?>, </ 3>: keep as is; the parser knows them.
      i = gt + 1;
      continue;
    }
    for (k++; k < gt && k - nameStart < 64 && isNameChar(html.charCodeAt(k)); k++);
    const name = html.slice(nameStart, k).toLowerCase();
    if (!closing && RAW_DROP.has(name)) {
      // Drop the element and all inside it; an unclosed one runs to the end, as in a browser.
      const close = indexOfCaseless(html, `</${name}`, gt + 1);
      if (name === 'script' && JSON_LD_TYPE.test(html.slice(lt, gt))) jsonLd.push(html.slice(gt + 1, close < 0 ? n : close));
      emit(lt);
      if (close < 0) {
        pos = i = n;
        break;
      }
      const closeEnd = html.indexOf('>', close);
      pos = i = closeEnd < 0 ? n : closeEnd + 1;
      continue;
    }
    if (closing) {
      const d = dropped.get(name);
      if (d) {
        // The end tag of a tag we flattened goes too.
        dropped.set(name, d - 1);
        emit(lt);
        pos = i = gt + 1;
        continue;
      }
      if (openCount.get(name)) popTo(name);
      if (stack.length < dropDepth && dropDepth !== Infinity) {
        dropDepth = Infinity;
        pos = gt + 1;
      }
      i = gt + 1;
      continue;
    }
    if (stack.length < MAX_DEPTH || VOID.has(name)) elements++; // flattened tags are no elements
    if (elements > MAX_ELEMENTS) {
      warnings.push(`page cut after ${MAX_ELEMENTS} elements`);
      emit(lt);
      pos = i = n;
      break;
    }
    if (VOID.has(name)) {
      if (VOID_DROP.has(name)) {
        // Nodes no reader looks at: each would still cost the DOM and Readability a visit.
        emit(lt);
        pos = i = gt + 1;
        continue;
      }
      slim(lt, gt, name);
      i = gt + 1;
      continue;
    }
    if (name === 'p' || CLOSES_P.has(name)) {
      if (stack[stack.length - 1] === 'p') popTo('p');
    }
    const kin = SELF_CLOSING_KIN[name];
    if (kin && kin.includes(stack[stack.length - 1])) popTo(stack[stack.length - 1]);
    if (stack.length < dropDepth && dropDepth !== Infinity) {
      // An implied end tag closed the furniture being dropped: copy again from this tag on.
      pos = lt;
      dropDepth = Infinity;
    }
    if (stack.length >= MAX_DEPTH) {
      flattened++;
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      emit(lt);
      pos = i = gt + 1;
      continue;
    }
    if (UNWRAP.has(name) && (gt - lt === name.length + 1 || slimTag(html.slice(lt + 1 + name.length, gt), name) === `<${name}>`)) {
      // Inline formatting with no attribute anyone reads: its text stays, the element goes.
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      emit(lt);
      pos = i = gt + 1;
      continue;
    }
    push(name);
    if (dropDepth === Infinity && (gt - lt === name.length + 1 ? FURNITURE_TAG.has(name) : isFurniture(name, html.slice(lt, gt)))) {
      emit(lt);
      dropDepth = stack.length;
    }
    slim(lt, gt, name);
    i = gt + 1;
  }
  if (dropDepth !== Infinity) pos = n;
  out.push(html.slice(pos));
  if (flattened) warnings.push(`${flattened} elements nested deeper than ${MAX_DEPTH} levels were flattened`);
  // linkedom makes the first element of a bare fragment the document element and leaves body
  // empty; a browser would wrap the fragment in html and body, so we do.
  // Whitespace between tags becomes a text node in the DOM, a third of all nodes on a typical
  // page; before or after a block tag it is no word boundary anyone reads, so it goes.
  const markup = out
    .join('')
    .replace(INTER_TAG_SPACE, (all, open: string, name: string) => (BLOCKISH.has(name.toLowerCase()) ? `>${open}${name}` : all))
    .replace(EMPTY_ELEMENT, '');
  const wrapped = openCount.has('html') || openCount.has('body') || openCount.has('head') ? markup : `<html><body>${markup}</body></html>`;
  return { markup: wrapped, jsonLd, elements };
}

const ATTRIBUTE = /([^\s"'>\/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
/** Attributes read by Readability, the metadata readers or the block walk. */
const KEPT_ATTRIBUTES = new Set([
  'class', 'id', 'role', 'hidden', 'aria-hidden', 'itemprop', 'itemtype', 'itemscope', 'rel', 'href', 'lang',
  'name', 'property', 'content', 'http-equiv', 'charset', 'datetime', 'value', 'type', 'colspan', 'dir', 'alt', 'src',
]);

function slimTag(attrs: string, name: string): string {
  let out = `<${name}`;
  for (const m of attrs.matchAll(ATTRIBUTE)) {
    const key = m[1].toLowerCase();
    if (!KEPT_ATTRIBUTES.has(key)) continue;
    if (key === 'src' && name !== 'iframe' && name !== 'embed') continue;
    out += m[2] === undefined ? ` ${key}` : ` ${key}=${m[2]}`;
  }
  return out + (attrs.endsWith('/') && VOID.has(name) ? '/>' : '>');
}

/** Elements that are navigation or asides by their tag or ARIA role. */
const FURNITURE_TAG = new Set(['nav', 'aside', 'footer', 'dialog', 'menu']);
const FURNITURE_ROLE = /\brole\s*=\s*["']?(?:navigation|complementary|menu|menubar|dialog|alertdialog|contentinfo|banner)\b/i;
const CLASS_OR_ID = /\b(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
/**
 * Class or id words of page furniture, in the spirit of Readability's `unlikelyCandidates` but
 * matched as whole words, so "article-related-links" drops and "relatedness" does not.
 */
const FURNITURE_CLASS = /(?:^|\s)(?:sidebar|related|comments?|newsletter|breadcrumbs?|cookie|cookies|consent|gdpr|modal|popup|masthead|site-header|site-footer|footer|navbar|menu|share-bar|social-share|sharing|social|outbrain|taboola|recirc|paywall)(?:$|[\s_-])/i;
/**
 * The summary under a headline and the label over it ("content__standfirst", "sub-headline",
 * "article-dek", "kicker"): not the story's text, though they sit inside the article's container.
 * Readability would move them into its pick without their class, so they go before it runs.
 */
const STANDFIRST_CLASS = /(?:^|[\s_-])(?:standfirst|sub-?headline|dek|strapline|kicker|eyebrow)(?:$|[\s_-])/i;
/** Elements too large to be a standfirst whatever their class says. */
const CONTAINER = new Set(['html', 'body', 'main', 'article']);
/** Hidden by attribute or inline style: Readability and the block walk skip these anyway. */
const HIDDEN = /\s(?:hidden(?:[\s=/>]|$)|aria-hidden\s*=\s*["']?true\b|style\s*=\s*["'][^"']*(?:display\s*:\s*none|visibility\s*:\s*hidden))/i;
/** Words that make a container a likely article even when a furniture word is there too. */
const ARTICLE_CLASS = /article|content|main|body|story|post|entry|text/i;
const NEVER_FURNITURE = new Set(['html', 'body', 'main', 'article', 'p', 'h1', 'h2', 'h3', 'span', 'a', 'em', 'strong', 'b', 'i']);

/** Whether an open tag starts navigation, asides or other furniture that Readability would drop anyway. */
function isFurniture(name: string, tag: string): boolean {
  if (FURNITURE_TAG.has(name)) return true;
  if (name !== 'html' && name !== 'body' && HIDDEN.test(tag) && !/fallback-image/.test(tag)) return true;
  if (!CONTAINER.has(name)) for (const m of tag.matchAll(CLASS_OR_ID)) if (STANDFIRST_CLASS.test(m[1] ?? m[2] ?? m[3] ?? '')) return true;
  if (NEVER_FURNITURE.has(name)) return false;
  if (FURNITURE_ROLE.test(tag)) return true;
  for (const m of tag.matchAll(CLASS_OR_ID)) {
    const v = m[1] ?? m[2] ?? m[3] ?? '';
    if (FURNITURE_CLASS.test(v) && !ARTICLE_CLASS.test(v)) return true;
  }
  return false;
}

/** Letters, digits, ':', '_' and '-': the characters of a tag name after its first letter. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45;
}

/** `haystack.indexOf(needle)` ignoring ASCII case, for an all-lower-case needle. */
function indexOfCaseless(haystack: string, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  for (let i = haystack.indexOf(String.fromCharCode(first), from); i >= 0; i = haystack.indexOf(String.fromCharCode(first), i + 1)) {
    let k = 1;
    for (; k < needle.length; k++) {
      const a = haystack.charCodeAt(i + k) | 0x20;
      if (a !== needle.charCodeAt(k)) break;
    }
    if (k === needle.length) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// 2. Metadata

type Meta = Omit<ExtractedArticle, 'text' | 'warnings'>;

/**
 * Meta names for the publication date, most trusted first. Modified dates are not here: a page
 * updated today was still published when it was.
 */
const DATE_META = [
  'article:published_time', 'og:article:published_time', 'article:published', 'datepublished', 'published_time',
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'article.published', 'parsely-pub-date',
  'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dc.date.created', 'dcterms.created',
  'citation_publication_date', 'citation_date', 'date', 'original-publish-date', 'og:pubdate', 'article:post_date',
];
const AUTHOR_META = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'twitter:creator'];
const SITE_META = ['og:site_name', 'application-name', 'al:android:app_name', 'al:iphone:app_name'];
const TITLE_META = ['og:title', 'twitter:title', 'dc.title', 'sailthru.title', 'headline'];

function readMetadata(document: Document, jsonLd: string[], opts: ExtractOptions): Meta {
  const metas = new Map<string, string>();
  for (const el of document.querySelectorAll('meta')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? el.getAttribute('http-equiv') ?? '').trim().toLowerCase();
    const value = normaliseSpace(el.getAttribute('content') ?? el.getAttribute('value') ?? '');
    if (key && value && !metas.has(key)) metas.set(key, value);
  }
  const ld = readJsonLd(jsonLd);
  const first = (keys: readonly string[]) => {
    for (const k of keys) {
      const v = metas.get(k);
      if (v) return v;
    }
    return null;
  };

  const site = cleanName(first(SITE_META)) ?? cleanName(ld.publisher);
  const rawTitle = first(TITLE_META) || ld.headline || normaliseSpace(document.querySelector('title')?.textContent ?? '') || normaliseSpace(document.querySelector('h1')?.textContent ?? '');
  const title = preferHeadline(cleanTitle(rawTitle || null, site, opts.url ?? null), [ld.headline, document.querySelector('h1')?.textContent ?? null]);

  const limit = latestBelievable(opts.fetchedAt ?? new Date());
  // Lazily, most trusted first: each DOM query walks the whole page, so stop at the first good date.
  const dateCandidates = function* (): Generator<string | null> {
    for (const k of DATE_META) yield metas.get(k) ?? null;
    yield ld.datePublished;
    for (const t of document.querySelectorAll('time[datetime], [itemprop="datePublished"]'))
      yield t.getAttribute('datetime') ?? t.getAttribute('content') ?? t.textContent;
  };
  let published: string | null = null;
  for (const c of dateCandidates()) {
    published = c ? believableDate(c, limit) : null;
    if (published) break;
  }
  if (!published && opts.url) published = dateFromUrl(opts.url, limit);
  if (!published) published = visibleDateline(document, limit);

  // The first source that names a person (or a news agency), not a handle, section or sentence.
  const notAuthors = [site, ld.publisher, hostWord(opts.url ?? null)];
  let author: string | null = null;
  for (const k of AUTHOR_META) if ((author = cleanAuthor(metas.get(k) ?? null, notAuthors))) break;
  author ??= cleanAuthor(ld.author, notAuthors) ?? cleanAuthor(bylineFromDom(document), notAuthors);
  const lang = normaliseLang(document.documentElement?.getAttribute('lang') ?? metas.get('content-language') ?? metas.get('language') ?? metas.get('og:locale') ?? null);
  return { title, published, author, site, lang };
}

interface JsonLdFacts {
  headline: string | null;
  datePublished: string | null;
  author: string | null;
  publisher: string | null;
}

const ARTICLE_TYPE = /Article|Posting|Report|NewsArticle|WebPage|Blog/i;

/** The first article-like object in the page's JSON-LD (walking `@graph` and arrays). */
function readJsonLd(blocks: string[]): JsonLdFacts {
  const facts: JsonLdFacts = { headline: null, datePublished: null, author: null, publisher: null };
  const seen: unknown[] = [];
  for (const block of blocks) {
    try {
      seen.push(JSON.parse(block.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '')));
    } catch {
      // Broken JSON-LD is common (trailing commas, raw newlines in strings); it is only a hint.
    }
  }
  // Breadth-first and bounded: JSON-LD can be large, and nothing we want is deep.
  const queue = seen.slice();
  for (let visited = 0; queue.length && visited < 500; visited++) {
    const node = queue.shift();
    if (Array.isArray(node)) {
      queue.push(...node);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o['@graph'])) queue.push(...o['@graph']);
    const type = String(o['@type'] ?? '');
    if (!ARTICLE_TYPE.test(type)) continue;
    const isArticle = !/WebPage/i.test(type);
    if (typeof o.datePublished === 'string' && (!facts.datePublished || isArticle)) facts.datePublished ??= o.datePublished;
    if (typeof o.headline === 'string') facts.headline ??= o.headline;
    facts.author ??= personNames(o.author ?? o.creator);
    facts.publisher ??= personNames(o.publisher);
  }
  return facts;
}

function personNames(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const names = v.map(personNames).filter((x): x is string => !!x);
    return names.length ? [...new Set(names)].join(', ') : null;
  }
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
  return null;
}

const BYLINE_SELECTOR = '[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"], .byline, .author-name, .author';

function bylineFromDom(document: Document): string | null {
  const el = document.querySelector(BYLINE_SELECTOR);
  const text = normaliseSpace(el?.textContent ?? '');
  return text && text.length < 100 ? text : null;
}

const BY_PREFIX = /^(?:by|von|par|por|di|door|av)\s+/i;
const URLISH = /^(?:https?:)?\/\/|^www\./i;

/** Words of a role or a section, not a person: "Editorial", "Staff", "Web Desk", "admin". */
const ROLE_WORD = /^(?:editorial|editorials|editor|editors|staff|admin|administrator|newsroom|team|desk|web|news|guest|contributor|contributors|correspondent|writer|reporter|opinion|user|anonymous|unknown|author|sponsored|content|partner|wire|wires|service|services|auto|senior|chief|political|business|sports?|associate|assistant|managing|deputy|foreign|staffer)$/i;
/** Words of an organisation's name: kept as author only when no person is named beside it. */
const ORG_WORD = /^(?:international|news|media|press|group|agency|inc\.?|ltd\.?|llc|network|magazine|daily|times|post|herald|journal|online|tv|radio|channel|weekly|tribune|gazette|wire|newspaper|corporation|corp\.?|company|studios?|com)$/i;
/** Lower-case particles inside personal names. */
const NAME_PARTICLE = /^(?:de|da|das|do|dos|del|della|di|du|van|von|der|den|ter|ten|le|la|bin|ibn|al|el|y|e|zu|af)$/;
/** One word of a personal name: capitalised (any case after), an initial, or hyphen/apostrophe joined. */
const NAME_TOKEN = /^(?:\p{Lu}\.?|\p{Lu}[\p{L}\p{M}'’.-]*\p{L}\.?)$/u;

/**
 * An author as a publisher's metadata or byline gives it, checked to be one or more names:
 * "By Jane Doe" → "Jane Doe"; "TOM KRISHER, AP Auto Writer" → "TOM KRISHER"; "Victor Tangermann,
 * Futurism" → "Victor Tangermann". Null for handles ("@venturebeat", "BryanDeArdo", "RT_com"), the
 * site's own name, roles and sections ("Editorial"), URLs, and sentences ("The Russian and Syrian
 * defense ministries").
 */
export function cleanAuthor(s: string | null, notAuthors: readonly (string | null)[] = []): string | null {
  if (!s) return null;
  const t = normaliseSpace(s).replace(BY_PREFIX, '');
  if (!t || URLISH.test(t) || t.length > 120 || /[@#_/\\<>{}=|]|\d/.test(t)) return null;
  const others = notAuthors.filter((x): x is string => !!x).map(squash).filter(Boolean);
  const isOther = (part: string) => {
    const k = squash(part);
    return others.some((o) => o === k || (k.length >= 4 && o.includes(k)) || (o.length >= 4 && k.includes(o)));
  };
  // "A, B and C", "A & B", "A. Outlet Name": one part per name.
  const parts = t.split(/\s*(?:[,;&]|\band\b|\bund\b|\bet\b|\by\b|(?<=\p{Ll}{2})\.(?=\s+\p{Lu}))\s*/u).filter(Boolean);
  if (parts.length > 6) return null;
  const people: string[] = [];
  const orgs: string[] = [];
  for (const part of parts) {
    const words = part.split(' ');
    if (words.length > 5 || words.some((w) => ROLE_WORD.test(w)) || isOther(part)) continue;
    if (!words.every((w) => NAME_TOKEN.test(w) || NAME_PARTICLE.test(w))) return null; // a sentence, not a list of names
    if (/^(?:the|our|this|by)$/i.test(words[0])) {
      if (words.some((w) => ORG_WORD.test(w))) orgs.push(part);
      continue;
    }
    if (words.length === 1) {
      // A single word is a handle unless it reads as a capitalised name ("Reuters", "Regan").
      if (/^\p{Lu}\p{Ll}+$/u.test(part)) orgs.push(part);
      continue;
    }
    (words.some((w) => ORG_WORD.test(w)) ? orgs : people).push(part);
  }
  const names = people.length ? people : orgs.slice(0, 1);
  return names.length ? [...new Set(names)].join(', ') : null;
}

function cleanName(s: string | null): string | null {
  const t = s ? normaliseSpace(s) : '';
  return t && t.length <= 100 && !URLISH.test(t) ? t : null;
}

/** Title separators before a site name: "Story | Site", "Story - Site", "Story — Site". */
const TITLE_SEPARATOR = /\s+(?:\||-|–|—|::|«|»|·|•)\s+/;

/**
 * Drops the site part a page appends (or prepends) to its title: a part that is the site's name or
 * its host name, or after " | " a short tail the story itself would not end in.
 */
function cleanTitle(title: string | null, site: string | null, url: string | null): string | null {
  if (!title) return null;
  let t = normaliseSpace(title);
  const host = hostWord(url);
  const siteKey = site ? squash(site) : null;
  const isSite = (part: string) => {
    const k = squash(part);
    // A part naming the site is about as long as the name: "The Guardian view on …" is no site name.
    const near = (name: string) => k.includes(name) && k.length <= name.length + 12;
    return !!k && ((!!siteKey && (near(siteKey) || siteKey.includes(k))) || (!!host && near(host)));
  };
  for (let round = 0; round < 2; round++) {
    const parts = t.split(TITLE_SEPARATOR);
    if (parts.length < 2) break;
    const lastPart = parts[parts.length - 1];
    const firstPart = parts[0];
    if (isSite(lastPart)) t = t.slice(0, t.lastIndexOf(lastPart)).replace(/\s*\S+\s*$/, '').trim();
    else if (isSite(firstPart)) t = t.slice(firstPart.length).replace(/^\s*\S+\s*/, '').trim();
    else if (/\s\|\s/.test(t) && wordCount(lastPart) <= 4 && wordCount(lastPart) < wordCount(t) / 2) t = t.slice(0, t.lastIndexOf('|')).trim();
    else break;
  }
  return t || null;
}

/**
 * The story's own headline (JSON-LD `headline`, the page's h1) when the title is that headline
 * with a section or site part still on it ("X | Editorial", "Opinion | X"), or when the title is
 * only a section name ("Editorial").
 */
/** A title that only names a section of the site. */
const SECTION_TITLE = /^(?:[\p{L}-]+|(?:(?:news|opinion|editorials?|comment|commentisfree|analysis|reviews?|blogs?|sports?|world|politics|business|culture|home|articles?|stories|features?|letters?|columns?|columnists?|local|national|international)\s*)+)$/iu;

function preferHeadline(title: string | null, headlines: (string | null)[]): string | null {
  for (const raw of headlines) {
    const h = raw ? normaliseSpace(raw) : '';
    if (!h || h.length > 300 || wordCount(h) < 2) continue;
    if (!title) return h;
    if (title === h) return title;
    const rest = title.startsWith(h) ? title.slice(h.length) : title.endsWith(h) ? title.slice(0, title.length - h.length) : null;
    if (rest !== null && /^\s*(?:\||-|–|—|::|«|»|·|•|:)\s+|\s+(?:\||-|–|—|::|«|»|·|•|:)\s*$/.test(rest)) return h;
    if (SECTION_TITLE.test(title) && wordCount(h) >= 3) return h;
  }
  return title;
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** "https://www.theguardian.com/…" → "theguardian". */
function hostWord(url: string | null): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\d?\./, '');
    const parts = host.split('.');
    return parts.length >= 2 ? squash(parts[parts.length - 2].length > 3 || parts.length < 3 ? parts[parts.length - 2] : parts[parts.length - 3]) : null;
  } catch {
    return null;
  }
}

function normaliseLang(s: string | null): string | null {
  if (!s) return null;
  const t = s.trim().replace(/_/g, '-').split(/[,;\s]/)[0];
  return /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/.test(t) ? t : null;
}

// --- dates

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const MONTH_WORD = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ISO_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;
const SLASH_YMD = /^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b/;
const COMPACT_YMD = /^\s*(\d{4})(\d{2})(\d{2})(?:T?\d{4,6})?\s*$/;
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH_WORD},?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const EARLIEST_YEAR = 1990;

/** The last local date anywhere on earth at `fetchedAt` (UTC+14), as YYYY-MM-DD. */
function latestBelievable(fetchedAt: Date): { instant: number; date: string } {
  const t = fetchedAt.getTime();
  return { instant: t, date: new Date(t + 14 * 3600_000).toISOString().slice(0, 10) };
}

function ymd(y: number, m: number, d: number): string | null {
  if (y < EARLIEST_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 31 February
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date string from metadata as the publisher's local date, or null when unreadable or later than
 * the fetch. With a time and offset the instant is compared; a bare date is compared with the
 * latest date anywhere on earth at fetch time.
 */
export function believableDate(s: string, limit: { instant: number; date: string }): string | null {
  let date: string | null = null;
  let m = ISO_DATE.exec(s);
  if (m) {
    date = ymd(+m[1], +m[2], +m[3]);
    if (date && m[4] !== undefined && m[7]) {
      const instant = Date.parse(`${date}T${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}${m[7].length === 5 ? m[7].slice(0, 3) + ':' + m[7].slice(3) : m[7]}`);
      if (Number.isFinite(instant) && instant > limit.instant) return null;
    }
  } else if ((m = SLASH_YMD.exec(s)) || (m = COMPACT_YMD.exec(s))) {
    date = ymd(+m[1], +m[2], +m[3]);
  } else if ((m = DAY_MONTH_YEAR.exec(s))) {
    date = ymd(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  } else if ((m = MONTH_DAY_YEAR.exec(s))) {
    date = ymd(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
  } else if (/^\s*\d{10}(?:\d{3})?\s*$/.test(s)) {
    // Unix time in seconds or milliseconds, as some CMSs write it.
    const ms = s.trim().length === 13 ? +s : +s * 1000;
    if (ms > limit.instant) return null;
    date = new Date(ms).toISOString().slice(0, 10);
  }
  if (!date || date > limit.date) return null;
  return date;
}

const URL_DATE = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)/;
const URL_COMPACT_DATE = /[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[/_-]/;

function dateFromUrl(url: string, limit: { instant: number; date: string }): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const m = URL_DATE.exec(path) ?? URL_COMPACT_DATE.exec(path);
  if (!m) return null;
  const date = ymd(+m[1], +m[2], +m[3]);
  return date && date <= limit.date ? date : null;
}

const DATELINE_SELECTOR = '[class*="date" i], [class*="time" i], [class*="byline" i], [class*="meta" i], [id*="date" i], time';

/** The visible "Published November 6, 2023" near the top of the page: the least trusted source. */
function visibleDateline(document: Document, limit: { instant: number; date: string }): string | null {
  let checked = 0;
  for (const el of document.querySelectorAll(DATELINE_SELECTOR)) {
    if (++checked > 50) break;
    const text = normaliseSpace(el.textContent ?? '');
    if (!text || text.length > 200 || /\b(?:updated|modified)\b/i.test(text)) continue;
    const d = believableDate(text, limit) ?? datePhrase(text, limit);
    if (d) return d;
  }
  return null;
}

function datePhrase(text: string, limit: { instant: number; date: string }): string | null {
  const m = DAY_MONTH_YEAR.exec(text) ?? MONTH_DAY_YEAR.exec(text);
  return m ? believableDate(m[0], limit) : null;
}

// ---------------------------------------------------------------------------------------------
// 3. Readability and the block walk

function readabilityParagraphs(document: Document): Block[] {
  let root: Element | null = null;
  narrowToArticle(document);
  try {
    const reader = new Readability<Element>(document, { serializer: (el) => el as Element, charThreshold: MIN_ARTICLE_CHARS, keepClasses: true, disableJSONLD: true });
    skipUnneededPasses(reader);
    const result = reader.parse();
    root = result?.content ?? null;
  } catch {
    // Readability assumes a browser DOM; on a DOM shape it does not expect, take the fallback.
    root = null;
  }
  return root ? blockText(root as unknown as AnyNode) : [];
}

/** Share of the page's paragraphs that one `<article>` must hold to be taken as the story's place. */
const ARTICLE_P_SHARE = 0.6;

/**
 * When the page marks its story up as one `<article>` (or one `itemprop="articleBody"`) holding
 * most of its paragraphs, everything beside it on the way up to `<body>` is removed before
 * Readability runs: Readability would score and discard it anyway, and visiting it is most of
 * Readability's time on a page with many teasers.
 */
function narrowToArticle(document: Document): void {
  const body = document.body;
  if (!body) return;
  let candidates = document.querySelectorAll('[itemprop="articleBody"]');
  if (candidates.length !== 1) candidates = document.getElementsByTagName('article') as unknown as NodeListOf<Element>;
  if (candidates.length !== 1) return;
  const article = candidates[0];
  const all = body.getElementsByTagName('p').length;
  const inside = article.getElementsByTagName('p').length;
  if (inside < 3 || inside < all * ARTICLE_P_SHARE) return;
  for (let n: Element = article; n !== body && n.parentElement; n = n.parentElement) {
    for (const sibling of [...n.parentElement.children]) if (sibling !== n) sibling.remove();
  }
}

/**
 * Readability passes whose work the prescan has done or whose result we do not read, switched off
 * on this one instance (each walks the whole DOM, and on linkedom that is most of the cost):
 * hidden elements are already gone (so every node is "probably visible", and asking would build a
 * style object per node), and noscript images were dropped with their noscript.
 */
function skipUnneededPasses(reader: Readability<Element>): void {
  const r = reader as unknown as Record<string, unknown>;
  if (typeof r._isProbablyVisible === 'function') r._isProbablyVisible = () => true;
  if (typeof r._unwrapNoscriptImages === 'function') r._unwrapNoscriptImages = () => {};
}

/** Elements that end the paragraph before them and start a new one. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main',
  'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'br', 'caption',
  'html', 'legend', 'option', 'output',
]);
/** Never article text, wherever they stand. */
const SKIP_TAG = new Set(['figcaption', 'script', 'style', 'noscript', 'template', 'svg', 'button', 'nav', 'select', 'textarea', 'form', 'iframe', 'audio', 'video', 'picture', 'source', 'head', 'title', 'input']);
/**
 * Class or id words of page furniture inside an article container: share bars, captions, credits,
 * ads, related links, newsletter boxes. Matched as whole words of the attribute.
 */
const SKIP_CLASS = /(?:^|[\s_-])(?:share|sharing|social|caption|credit|advert|advertisement|ad|ads|promo|related|newsletter|subscribe|subscription|signup|byline|author-bio|bio|tags|tag-list|breadcrumbs?|comments?|disqus|sponsored|outbrain|taboola|recirc|read-more|more-stories|hidden|visually-hidden|sr-only|print-only|rollover-block|tooltip|popover|hovercard|standfirst|sub-headline|subheadline|dek|strapline)(?:$|[\s_-])/i;

/**
 * The part of a node both trees share: linkedom's DOM (after Readability) and htmlparser2's
 * domhandler tree (the fallback), which has the DOM's navigation getters but `name`/`attribs`
 * in place of `localName`/`getAttribute`.
 */
interface AnyNode {
  nodeType: number;
  nodeValue?: string | null;
  firstChild: AnyNode | null;
  nextSibling: AnyNode | null;
  parentNode: AnyNode | null;
  localName?: string;
  name?: string;
  attribs?: Record<string, string>;
  getAttribute?(name: string): string | null;
}

function tagName(el: AnyNode): string {
  return el.localName ?? el.name ?? '';
}

function attr(el: AnyNode, name: string): string | null {
  return el.attribs ? (el.attribs[name] ?? null) : (el.getAttribute?.(name) ?? null);
}

function skipElement(el: AnyNode, tag: string): boolean {
  if (SKIP_TAG.has(tag)) return true;
  if (attr(el, 'hidden') !== null || attr(el, 'aria-hidden') === 'true') return true;
  const cls = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;
  return cls.length > 1 && SKIP_CLASS.test(cls);
}

/** One paragraph of the walk, with the share of its characters that sit inside links. */
interface Block {
  text: string;
  linkShare: number;
}

/**
 * The text of `root` as paragraphs: each block element (p, li, blockquote, heading, table row, …)
 * is its own paragraph, inline elements join their text, `<br>` breaks. Iterative, so depth costs
 * no stack.
 */
function blockText(root: AnyNode): Block[] {
  const blocks: Block[] = [];
  let buf = '';
  let linkChars = 0;
  let inLink = 0;
  const flush = () => {
    const text = normaliseSpace(buf);
    if (text) blocks.push({ text, linkShare: Math.min(1, linkChars / text.length) });
    buf = '';
    linkChars = 0;
  };
  let node: AnyNode | null = root.firstChild;
  let skipped: AnyNode | null = null; // the element last passed over, which must not be "left" below
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      buf += v;
      if (inLink) linkChars += v.trim().length;
    } else if (node.nodeType === 1) {
      const el = node;
      const tag = tagName(el);
      if (skipElement(el, tag)) skipped = el;
      else {
        if (BLOCK.has(tag) || tag.includes('-')) flush();
        else if (tag === 'img' || tag === 'td' || tag === 'th') buf += ' '; // a table row is one paragraph, its cells words apart
        else if (tag === 'a') inLink++;
        descend = el.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    // Leave this node, and every ancestor we finish, closing block paragraphs on the way out.
    while (node && node !== root) {
      if (node.nodeType === 1 && node !== skipped) {
        const tag = tagName(node);
        if (BLOCK.has(tag) || tag.includes('-')) flush();
        else if (tag === 'a') inLink--;
        else if (tag === 'td' || tag === 'th') buf += ' ';
      }
      if (node.nextSibling) {
        node = node.nextSibling;
        break;
      }
      node = node.parentNode;
    }
    if (node === root) break;
  }
  flush();
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// 5. Fallback

/**
 * When Readability gives up: the parent element holding the most paragraph text (plain `<p>` and
 * list items outside navigation), read as blocks.
 */
function fallbackParagraphs(markup: string): Block[] {
  // htmlparser2's tree, not linkedom's: it is built several times faster, which matters on the
  // big pages that come here without Readability.
  const doc = parseDocument(markup) as unknown as AnyNode;
  const score = new Map<AnyNode, number>();
  let body: AnyNode | null = null;
  for (let node: AnyNode | null = doc.firstChild; node; node = nextInTree(node, doc)) {
    if (node.nodeType !== 1) continue;
    const tag = tagName(node);
    if (tag === 'body') body ??= node;
    if (tag !== 'p' && tag !== 'pre' && tag !== 'blockquote') continue;
    const len = normaliseSpace(textOf(node)).length;
    if (len < 25) continue;
    const parent = node.parentNode;
    if (parent) score.set(parent, (score.get(parent) ?? 0) + len);
  }
  let best: AnyNode | null = null;
  let bestScore = 0;
  for (const [el, s] of score) {
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  const root = best ?? body;
  return root ? blockText(root) : [];
}

/** The node after `node` in document order, within `root`. */
function nextInTree(node: AnyNode, root: AnyNode): AnyNode | null {
  if (node.firstChild) return node.firstChild;
  for (let n: AnyNode | null = node; n && n !== root; n = n.parentNode) if (n.nextSibling) return n.nextSibling;
  return null;
}

/** All text under `node`, iteratively. */
function textOf(node: AnyNode): string {
  let out = '';
  for (let n: AnyNode | null = node.firstChild; n; n = nextInTree(n, node)) if (n.nodeType === 3) out += n.nodeValue ?? '';
  return out;
}

// ---------------------------------------------------------------------------------------------
// 4. Boilerplate paragraphs

/**
 * Whole paragraphs that are page furniture, not writing. Short ones only: a rule here must never
 * drop a sentence of the story, so each pattern is anchored at both ends or bounded in length.
 */
const BOILERPLATE_PARAGRAPH = [
  /^(?:advertisement|advertisment|advert|ad|ads|anzeige|werbung|publicidad|publicidade|publicité|pubblicità|iklan|реклама|광고|广告|sponsored(?: content)?|story continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue(?: with content)?)$/i,
  /^(?:share|share this(?: article| story| post)?|share on \w+|tweet|email|e-mail|print|comments?|\d+ comments?|save|copy link|link copied)$/i,
  /^(?:read more|related|related (?:articles|stories|content|coverage|posts|news|topics|links)|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|more (?:stories|from|on) .{0,60}|you (?:may|might) also like|also read|see also|see more|don'?t miss|watch|listen|listen to this article|skip (?:to (?:main )?content|advertisement))\s*[:.…!]*$/i,
  /^(?:photo|image|picture|video|graphic|illustration)(?: credit)?s?\s*[:：|].{0,120}$/i,
  /^\(?(?:photo|image|picture)s?\s*(?:by|via|courtesy of?)\b.{0,100}\)?$/i,
  /^(?:getty images|ap photo|reuters|afp(?: via getty images)?|shutterstock|istock)(?:\/.{0,60})?$/i,
  // A caption carries its credit in brackets at its end: "… riots (Image: GETTY)".
  /^.{0,250}\((?:image|photo|picture|pic|credit|source)s?\s*:[^)]{0,60}\)$/i,
  /^(?:see more|read more|also read|watch|related|more)\s*:.{0,200}$/i,
  // Kickers of promoted links: "China furious at Macron [INSIGHT]".
  /^.{0,160}\[(?:video|insight|reaction|pictures|poll|latest|analysis|live|gallery|photos|revealed|explained)\]\|?$/i,
  /^.{0,200}\b(?:newsletters?|inbox)\b.{0,80}$/i,
  /^(?:sign up|subscribe)\b.{0,200}$/i,
  /^.{0,80}\b(?:we use cookies|uses cookies|cookie policy|accept (?:all )?cookies)\b.{0,200}$/i,
  /^(?:follow (?:us|me|him|her|them) on|like us on|join us on)\b.{0,100}$/i,
  /^(?:previous|next)\s*(?:article|post|story).{0,200}$/i,
  /^\d+\s*min(?:ute)?s?\s*read$/i,
  /^.{0,40}\b(?:click|tap) here\b.{0,120}$/i,
  /^.{0,100}(?:©|\(c\)\s*\d{4}|all rights reserved|copyright \d{4}).{0,200}$/i,
  /^(?:this (?:article|story|post) (?:was|has been|is) (?:originally )?(?:published|updated|produced)|originally published)\b.{0,200}$/i,
  // Datelines: "Updated Nov 19, 9:41 AM; Posted Nov 18", "| UPDATED: 11:05, Tue, Nov 19, 2019", "Published 1 day ago".
  /^[|•·\s]*(?:updated|published|posted|last updated|first published|publié(?:e)?(?: le)?|mis à jour(?: le)?|veröffentlicht(?: am)?|aktualisiert(?: am)?|publicado(?: el| em)?|actualizado(?: el)?|atualizado(?: em)?|pubblicato(?: il)?|aggiornato(?: il)?)(?=[\s:]|$)\s*:?\s*.{0,70}$/iu,
  /^.{0,60}(?:may be reached at|can be reached at|have a (?:news )?tip\?|contact (?:the )?(?:author|reporter|writer) at)\b.{0,200}$/i,
  /^(?:this (?:slideshow|video|content|feature) requires javascript|please enable javascript|javascript is (?:disabled|required)).{0,80}$/i,
  /^(?:tell us what you think|leave a (?:comment|reply)|join the (?:conversation|discussion)|what do you think)\b.{0,80}$/i,
  /^(?:sign in|sign out|log ?in|log ?out|register|my account|menu|search|home|breaking news|latest news|top stories|more news)$/i,
  /^this (?:post|article|page|story|site) (?:may )?contains? (?:affiliate|sponsored|referral).{0,200}$/i,
  // A caption ending in its credit: "… outside a Home Depot in Hialeah, Fla. (AP Photo/Alan Diaz, File)".
  /^.{0,300}\([^()]{0,40}\b(?:photo|photos|photograph|images|picture|pictures|credit)\b[^()]{0,60}\)$/i,
  // A photo credit on its own line: "Natalie Naccache | Bloomberg | Getty Images".
  /^[^.!?]{0,100}(?:[|/]\s*|\s)(?:getty images|shutterstock|istock(?:photo)?|ap photo|afp|reuters|epa|alamy|bloomberg)\s*$/i,
  /^join (?:our|the) .{0,40}\b(?:forums?|community|conversation|discussion)\b.{0,250}$/i,
  /^get .{0,60} delivered\b.{0,200}$/i,
  /^.{0,300}\bfollow (?:him|her|them|us|me) on (?:twitter|facebook|instagram|x)\b.{0,200}$/i,
  // WordPress shortcodes left as text: "[button link=…]Send us…[/button]".
  /^\[(\w+)[^\]]{0,200}\].{0,200}\[\/\1\]$/,
];
const BYLINE_PARAGRAPH = /^(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Rr]eporting by)\s+[\p{Lu}][\p{L}'’.-]+(?:[\s,]+(?:and\s+)?[\p{Lu}][\p{L}'’.-]+){0,6}(?:\s*[|,–—-]\s*[^.!?]{0,60})?$/u;
/** An author's note after the story: "Jane Doe is a freelance writer living in Minneapolis." */
const AUTHOR_BIO = /^[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,3}\s+(?:is|was|has been)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,6}(?:writer|reporter|journalist|editor|correspondent|analyst|contributor|columnist|author|freelancer|producer|photographer|blogger)\b.{0,400}$/u;
/** No letters at all: ticker cells, bare numbers and symbols from tables and widgets. */
const NO_LETTERS = /^[^\p{L}]*$/u;
/** A paragraph that is one link of four or more words is a promoted headline, not writing. */
const LINK_PROMO_SHARE = 0.9;
const LINK_PROMO_WORDS = 4;
/** Paragraphs within this many of the end count as "after the story" for author notes. */
const TAIL_PARAGRAPHS = 3;

export function isBoilerplate(paragraph: string): boolean {
  if (paragraph.length > 400) return false;
  return BOILERPLATE_PARAGRAPH.some((re) => re.test(paragraph)) || BYLINE_PARAGRAPH.test(paragraph) || NO_LETTERS.test(paragraph);
}

function dropBoilerplate(blocks: Block[], meta: Meta): string[] {
  const titleKey = meta.title ? squash(meta.title) : null;
  const authorKey = meta.author ? squash(meta.author) : null;
  // A note about the author after the story starts with their name: "Regan is a … native now living in …".
  const firstAuthor = meta.author?.split(', ')[0] ?? null;
  const authorBio = firstAuthor ? new RegExp(`^${escapeRegExp(firstAuthor)}\\s+(?:is|was|has|lives|writes|covers)\\b`, 'u') : null;
  const kept: string[] = [];
  blocks.forEach((b, i) => {
    const p = b.text;
    if (isBoilerplate(p)) return;
    if (b.linkShare >= LINK_PROMO_SHARE && wordCount(p) >= LINK_PROMO_WORDS) return;
    // A heading that repeats the title is the title, which the text must not include.
    if (p.length <= SHORT_LINE) {
      const key = squash(p);
      if (titleKey && key === titleKey) return;
      // The byline's name alone, or a bare date line: page furniture around the story.
      if (authorKey && key === authorKey) return;
      if (wordCount(p) <= 6 && DATE_ONLY.test(p)) return;
    }
    if (i >= blocks.length - TAIL_PARAGRAPHS && p.length < 600 && (AUTHOR_BIO.test(p) || (authorBio !== null && authorBio.test(p)))) return;
    kept.push(p);
  });
  return cutTail(kept, meta);
}

/** Longer than this, a paragraph is no title, name or date line (and is not squashed to check). */
const SHORT_LINE = 400;

/** A paragraph that is only a date: "September 15, 2014", "Nov. 19, 2019 9:41 AM". */
const DATE_ONLY = new RegExp(`^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?(?:${'(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${'(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'}\\.?,?\\s+\\d{4})(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,4})?)?$`, 'i');

/** "About Ascom", "About the Company": the press release's boilerplate about the issuer starts here. */
const ABOUT_HEADING = /^about (?:the )?[\p{L}\p{N}][\p{L}\p{N}&.,'’ -]{1,60}:?$/iu;
/** "Ascom is a global solutions provider …", "Acme (NASDAQ: ACME) is the leading maker of …". */
const COMPANY_PROFILE = /^((?:[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*\s+){0,4}?[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*)(?:,?\s+\([^)]{2,40}\))?,?\s+(?:is|are)\s+(?:an?|the|one of the)\s+(?:[\p{L}'’-]+\s+){0,8}?(?:provider|company|manufacturer|developer|firm|organi[sz]ation|leader|platform|maker|supplier|network|group|agency|publisher|retailer|operator|producer|distributor|specialist|pioneer|brand|startup|start-up|institution|foundation|association|nonprofit|non-profit|charity)s?\b/u;
/** Prompts that close a story on many sites: what follows them is promotion, not the story. */
const END_MARKER = /^(?:want more stories like this\??|more stories like this|(?:get|sign up for) (?:the|our) .{0,60}newsletter.{0,60}|(?:media|press) (?:contacts?|inquiries|enquiries)\s*:?.{0,120}|for (?:more|further) information,? (?:please )?(?:contact|visit).{0,160}|forward-looking statements?:?)$/i;
/** Paragraphs from the end within which an issuer profile closes a press release. */
const PROFILE_TAIL = 4;

/**
 * Cuts what follows the story: from an "About X" heading or an issuer's profile in the last
 * paragraphs, or from a closing prompt ("Want more stories like this?") in the second half of the
 * text. A cut never takes more than half the text.
 */
function cutTail(paragraphs: string[], meta: Meta): string[] {
  const total = paragraphs.reduce((n, p) => n + p.length, 0);
  const names = [meta.site, meta.title].filter((x): x is string => !!x).map(squash);
  let before = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (before >= total / 2 && i > 0) {
      if (ABOUT_HEADING.test(p) || END_MARKER.test(p) || (i < paragraphs.length - 1 && AUTHOR_BIO.test(p) && p.length < 300)) return paragraphs.slice(0, i);
      const m = i >= paragraphs.length - PROFILE_TAIL ? COMPANY_PROFILE.exec(p) : null;
      if (m && names.some((n) => n.includes(squash(m[1])))) return paragraphs.slice(0, i);
    }
    before += p.length;
  }
  return paragraphs;
}

// ---------------------------------------------------------------------------------------------

// Zero-width characters and soft hyphens are invisible in the page and split words for the tokenizer.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SPACE_RUN = /\s+/g;

function normaliseSpace(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACE_RUN, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words separated by white space, counted without building an array (paragraphs can be megabytes). */
function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

function textLength(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) n += b.text.length;
  return n;
}
