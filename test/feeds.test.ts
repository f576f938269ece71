// Feeds: parsing RSS 2.0, Atom and RDF; feed files on disk through readInputs; `sitrep watch`
// against a real node:http server on 127.0.0.1 (conditional polls, seen items, back-off, restart,
// Retry-After, SIGINT).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed, looksLikeFeed, ARTICLE_MIN_WORDS } from '../src/ingest/feed.js';
import { readInputs, type InputResult } from '../src/ingest/read.js';
import { backoffMs, watchFeeds, MAX_BACKOFF_MS } from '../src/cli/watch.js';
import { createPipeline, extract, loadResources, type Pipeline } from '../src/pipeline.js';
import { textDocument } from '../src/ingest/document.js';
import { openStore } from '../src/store/sqlite.js';
import { articlePage, atom, examples, rss, send, startServer, type TestItem, type TestServer } from './feed-server.js';

const root = resolve(import.meta.dirname, '..');
const ex = examples();
const dir = mkdtempSync(join(tmpdir(), 'sitrep-feeds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all(gen: AsyncGenerator<InputResult>): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}
const docsOf = (rs: InputResult[]) => rs.flatMap((r) => (r.kind === 'document' ? [r.document] : []));

describe('parseFeed', () => {
  it('reads RSS 2.0 items: title, absolute link, guid, date, author, the richest body', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T &amp; x</title>
      <item><title>A &amp; B</title><link>/a/1</link><guid isPermaLink="false">123</guid><pubDate>Mon, 06 Nov 2023 10:00:00 GMT</pubDate><dc:creator>Jane Roe</dc:creator>
        <description>&lt;p&gt;short &amp;amp; sweet&lt;/p&gt;</description><content:encoded><![CDATA[<p>The <b>full</b> story, longer than the summary.</p>]]></content:encoded></item>
      <item><title>Only guid</title><guid>http://x.org/p</guid><author>ed@x.org (Ed Ward)</author><description>plain</description></item>
      <item><title>Nothing</title></item></channel></rss>`;
    const f = parseFeed(xml, 'http://ex.com/feed.xml')!;
    expect(f.format).toBe('rss');
    expect(f.title).toBe('T & x');
    expect(f.items[0]).toMatchObject({ id: '123', title: 'A & B', link: 'http://ex.com/a/1', published: 'Mon, 06 Nov 2023 10:00:00 GMT', author: 'Jane Roe', html: '<p>The <b>full</b> story, longer than the summary.</p>' });
    expect(f.items[1]).toMatchObject({ id: 'http://x.org/p', link: 'http://x.org/p', author: 'Ed Ward', html: 'plain' });
    expect(f.items[2].id).toMatch(/^sha256:/); // neither guid nor link: a stable hash
    expect(parseFeed(xml, 'http://ex.com/feed.xml')!.items[2].id).toBe(f.items[2].id);
  });

  it('reads Atom entries: alternate link, published/updated, author name, html and xhtml content', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
      <entry><id>urn:1</id><title type="html">X &lt;i&gt;y&lt;/i&gt;</title><link rel="self" href="/self"/><link href="http://a.org/post"/><updated>2023-11-05T10:00:00Z</updated>
        <author><name>Bob</name></author><summary type="text">a &lt; b</summary><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <em>world</em> again</p></div></content></entry>
      <entry><id>urn:2</id><title>Two</title><link href="p2"/><published>2023-11-04</published><content type="html">&lt;p&gt;Para&lt;/p&gt;</content></entry></feed>`;
    const f = parseFeed(xml, 'http://a.org/feed')!;
    expect(f.format).toBe('atom');
    expect(f.items[0]).toMatchObject({ id: 'urn:1', title: 'X y', link: 'http://a.org/post', published: '2023-11-05T10:00:00Z', author: 'Bob' });
    expect(f.items[0].html).toMatch(/<p>Hello <em>world<\/em> again<\/p>/);
    expect(f.items[1]).toMatchObject({ link: 'http://a.org/p2', published: '2023-11-04', html: '<p>Para</p>' });
  });

  it('reads RDF / RSS 1.0 items beside the channel', () => {
    const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="x"><title>R</title></channel><item rdf:about="http://r.org/1"><title>R1</title><link>http://r.org/1</link><dc:date>2023-11-01</dc:date><description>d</description></item></rdf:RDF>`;
    expect(parseFeed(xml)).toMatchObject({ format: 'rdf', title: 'R', items: [{ title: 'R1', link: 'http://r.org/1', published: '2023-11-01' }] });
  });

  it('says null for what is no feed, and sniffs feeds after a prolog', () => {
    expect(parseFeed('<html><body>x</body></html>')).toBeNull();
    expect(parseFeed('<urlset><url><loc>x</loc></url></urlset>')).toBeNull();
    expect(parseFeed('not xml at all <<<')).toBeNull();
    expect(looksLikeFeed('\uFEFF<?xml version="1.0"?>\n<!-- generator --><rss version="2.0">')).toBe(true);
    expect(looksLikeFeed('<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(looksLikeFeed('<!doctype html><html>')).toBe(false);
  });

  it('does not expand entity bombs', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>
      <rss version="2.0"><channel><item><title>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</title><link>http://x.org/</link></item></channel></rss>`;
    const t0 = Date.now();
    const f = parseFeed(bomb);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect((f?.items[0]?.title ?? '').length).toBeLessThan(200_000);
  });
});

// ------------------------------------------------------------------------------------------------

const full = (e: (typeof ex)[number]) => e.paragraphs.map((p) => `<p>${p}</p>`).join('');
let srv: TestServer;
let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = createPipeline(loadResources());
  // the stages load their data on first use (a second or two on a busy machine); the feed server
  // runs in this process, so a cold first extraction would stall it past the fetch timeout
  extract(textDocument('A bomb killed 3 people in Herat on Monday.', { source: 'warm-up' }), pipeline);
  srv = await startServer();
  for (const e of ex) srv.routes.set(`/a/${e.name}.html`, send(articlePage(`Report ${e.name}`, e.paragraphs), 'text/html; charset=utf-8'));
});
afterAll(() => srv.close());

describe('feed files on disk', () => {
  it('reads .rss, .atom.gz and a sniffed .txt feed through readInputs; full-text items need no fetch', async () => {
    const items: TestItem[] = ex.map((e) => ({ title: `Report ${e.name}`, link: `${srv.base}/a/${e.name}.html`, guid: e.name, content: full(e), pubDate: 'Mon, 06 Nov 2023 10:00:00 GMT' }));
    expect(ex.every((e) => e.paragraphs.join(' ').split(/\s+/).length >= ARTICLE_MIN_WORDS)).toBe(true);
    writeFileSync(join(dir, 'full.rss'), rss(items));
    writeFileSync(join(dir, 'full.atom.gz'), gzipSync(atom(items)));
    writeFileSync(join(dir, 'sniffed.txt'), rss(items.slice(0, 1)));
    const before = srv.requests.length;
    const res = await all(readInputs([join(dir, 'full.rss'), join(dir, 'full.atom.gz'), join(dir, 'sniffed.txt')]));
    expect(res.map((r) => r.kind)).toEqual(Array(7).fill('document'));
    expect(srv.requests.length).toBe(before);
    const docs = docsOf(res);
    // the same article through RSS and Atom is the same document
    expect(docs[0].id).toBe(docs[3].id);
    expect(docs[0]).toMatchObject({ title: 'Report 000', url: `${srv.base}/a/000.html`, source: `${srv.base}/a/000.html`, published: '2023-11-06' });
    expect(docs[3].author).toBe('Test Author');
  });

  it('fetches the linked page of a summary-only item (with the fetch options) and names a failing one', async () => {
    const items: TestItem[] = [
      { title: 'Report 002', link: `${srv.base}/a/002.html`, guid: 'g2' },
      { title: 'Gone', link: `${srv.base}/gone.html`, guid: 'g3' },
    ];
    writeFileSync(join(dir, 'summary.xml'), rss(items));
    const refused = await all(readInputs([join(dir, 'summary.xml')]));
    expect(refused.map((r) => r.kind === 'error' && r.rule)).toEqual(['fetch:private-address', 'fetch:private-address']);
    const res = await all(readInputs([join(dir, 'summary.xml')], undefined, { allowPrivate: true }));
    expect(res[0].kind === 'document' && res[0].document.text).toMatch(/Idlib|helicopter/);
    expect(res[1]).toMatchObject({ kind: 'error', input: `${srv.base}/gone.html`, rule: 'fetch:http-404' });
  });

  it('names a .xml file that is no feed', async () => {
    writeFileSync(join(dir, 'sitemap.xml'), '<urlset><url><loc>http://x.org/</loc></url></urlset>');
    expect(await all(readInputs([join(dir, 'sitemap.xml')]))).toEqual([{ kind: 'error', input: join(dir, 'sitemap.xml'), reason: 'not an RSS, Atom or RDF feed', rule: 'ingest:not-a-feed' }]);
  });
});

// ------------------------------------------------------------------------------------------------

describe('sitrep watch', () => {
  const fetch = { timeoutMs: 3000, firstByteTimeoutMs: 1000 };

  async function round(db: string, url: string, extra: Partial<Parameters<typeof watchFeeds>[1]> = {}) {
    const lines: string[] = [];
    const warnings: string[] = [];
    const code = await watchFeeds([url], { db, everyMinutes: 15, allowPrivate: true, once: true, pipeline, fetch, log: (l) => lines.push(l), warn: (l) => warnings.push(l), ...extra });
    return { code, lines, warnings };
  }

  it('polls conditionally, never ingests an item twice, and survives a restart', async () => {
    const db = join(dir, 'watch.db');
    let version = 1;
    let items: TestItem[] = ex.slice(0, 2).map((e) => ({ title: `Report ${e.name}`, link: `${srv.base}/a/${e.name}.html`, guid: e.name }));
    srv.routes.set('/watch.xml', (req, res) => {
      const etag = `"v${version}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
      } else send(rss(items), 'application/rss+xml', { etag, 'last-modified': 'Mon, 06 Nov 2023 10:00:00 GMT' })(req, res);
    });
    const url = `${srv.base}/watch.xml`;

    const first = await round(db, url);
    expect(first.code).toBe(0);
    expect(first.lines).toHaveLength(1);
    expect(first.lines[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ${url}: 2 new, 0 seen, status 200$`));

    // a new process (a new watchFeeds, a new store handle): 304 with the stored ETag
    const second = await round(db, url);
    expect(second.lines[0]).toMatch(/: 0 new, 0 seen, status 304$/);
    const polls = srv.requests.filter((r) => r.path === '/watch.xml');
    expect(polls.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(polls.at(-1)!.headers['if-modified-since']).toBe('Mon, 06 Nov 2023 10:00:00 GMT');

    // the feed changes: one new item; the two old ones are not fetched again
    version = 2;
    items = [{ title: 'Report 002', link: `${srv.base}/a/002.html`, guid: '002' }, ...items];
    const pages = () => srv.requests.filter((r) => r.path.startsWith('/a/')).length;
    const before = pages();
    const third = await round(db, url);
    expect(third.lines[0]).toMatch(/: 1 new, 2 seen, status 200$/);
    expect(pages() - before).toBe(1);

    const store = openStore(db);
    try {
      expect(store.documentCount()).toBe(3);
      expect(store.feedState(url)).toMatchObject({ etag: '"v2"', failures: 0, last_status: '200' });
    } finally {
      store.close();
    }
  });

  it('backs off on 503 honouring Retry-After, across runs, and resets after a success', async () => {
    const db = join(dir, 'busy.db');
    let busy = true;
    srv.routes.set('/busy.xml', (req, res) => {
      if (busy) {
        res.writeHead(503, { 'retry-after': '7200' });
        res.end();
      } else send(rss([]), 'application/rss+xml')(req, res);
    });
    const url = `${srv.base}/busy.xml`;
    const t0 = Date.now();
    const first = await round(db, url);
    expect(first.code).toBe(1);
    expect(first.lines[0]).toMatch(/: error: HTTP 503 Service Unavailable; status 503; next poll /);
    const store = openStore(db);
    const st = store.feedState(url)!;
    store.close();
    expect(st.failures).toBe(1);
    expect(Date.parse(st.next_poll!) - t0).toBeGreaterThanOrEqual(7200_000 - 1000);

    // the next run waits: nothing is sent
    const sent = srv.requests.length;
    const second = await round(db, url);
    expect(second.lines[0]).toMatch(/: backing off until .* \(1 failed polls, last status 503\)$/);
    expect(srv.requests.length).toBe(sent);
    expect(second.code).toBe(0);

    // once the time has come it polls, and a success clears the back-off
    busy = false;
    const later = await round(db, url, { now: () => Date.now() + 3 * 3600_000 });
    expect(later.lines[0]).toMatch(/: 0 new, 0 seen, status 200$/);
    const s2 = openStore(db);
    expect(s2.feedState(url)).toMatchObject({ failures: 0, last_status: '200' });
    s2.close();
  });

  it('grows the back-off exponentially, capped', () => {
    const every = 15 * 60_000;
    expect(backoffMs(every, 1, null)).toBe(2 * every);
    expect(backoffMs(every, 3, null)).toBe(8 * every);
    expect(backoffMs(every, 20, null)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(every, 1, 5 * 3600_000)).toBe(5 * 3600_000);
    expect(backoffMs(every, 1, 365 * 24 * 3600_000)).toBe(24 * 3600_000);
  });

  it('refuses a loopback feed without --allow-private, and a feed that is no feed', async () => {
    const db = join(dir, 'refuse.db');
    srv.routes.set('/page-not-feed', send(articlePage('x', ['y']), 'text/html'));
    const r = await round(db, `${srv.base}/watch.xml`, { allowPrivate: false });
    expect(r.code).toBe(1);
    expect(r.lines[0]).toMatch(/error: 127\.0\.0\.1: loopback address refused .*status fetch:private-address/);
    const n = await round(db, `${srv.base}/page-not-feed`);
    expect(n.lines[0]).toMatch(/error: not an RSS, Atom or RDF feed/);
  });

  it('stops cleanly on SIGINT (the CLI)', async () => {
    const db = join(dir, 'sigint.db');
    srv.routes.set('/empty.xml', send(rss([]), 'application/rss+xml'));
    const p = spawn(process.execPath, [join(root, 'bin/sitrep.js'), 'watch', `${srv.base}/empty.xml`, '--every', '0.005', '--allow-private', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    const polled = new Promise<void>((ok) =>
      p.stdout.on('data', (d) => {
        out += d;
        if (out.split('\n').length > 2) ok(); // two polls: the loop runs
      }),
    );
    await polled;
    p.kill('SIGINT');
    const code = await new Promise<number | null>((ok) => p.on('exit', (c) => ok(c)));
    expect(code).toBe(0);
    expect(err).toMatch(/watch stopped by SIGINT/);
    expect(out).toMatch(/: 0 new, 0 seen, status 200\n/);
  });

  it('refuses bad arguments as usage errors', async () => {
    await expect(watchFeeds(['feed.xml'], { db: join(dir, 'u.db'), everyMinutes: 15, pipeline })).rejects.toThrow(/http\(s\) feed URLs/);
    await expect(watchFeeds([`${srv.base}/x`], { db: join(dir, 'u.db'), everyMinutes: 0, pipeline })).rejects.toThrow(/--every/);
  });
});
