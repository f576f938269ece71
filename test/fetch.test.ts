// Fetching URLs against a real node:http server on 127.0.0.1: limits (time, size, redirects),
// content types, charsets, the private-address rule and its per-hop check, feeds by URL.
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, FetchError, readUrl, retryAfterMs, USER_AGENT, type FetchOptions } from '../src/ingest/fetch.js';
import { blockedAddressReason, pinnedLookup, resolveChecked } from '../src/ingest/safe-address.js';
import type { InputResult } from '../src/ingest/read.js';
import { articlePage, examples, redirect, rss, send, startServer, type TestServer } from './feed-server.js';

const ex = examples();
let srv: TestServer;
const opts: FetchOptions = { allowPrivate: true, timeoutMs: 2000, firstByteTimeoutMs: 300, maxBytes: 1024 * 1024 };

async function all(gen: AsyncGenerator<InputResult>): Promise<InputResult[]> {
  const out: InputResult[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

async function fetchError(url: string, o: FetchOptions = opts): Promise<FetchError> {
  try {
    await fetchUrl(url, o);
  } catch (e) {
    if (e instanceof FetchError) return e;
    throw e;
  }
  throw new Error(`${url} was fetched`);
}

beforeAll(async () => {
  srv = await startServer({
    '/a/000.html': send(articlePage('Report 000', ex[0].paragraphs), 'text/html; charset=utf-8'),
    '/a/001.html': send(articlePage('Report 001', ex[1].paragraphs), 'text/html'),
    '/plain.txt': send(ex[2].paragraphs.join('\n\n'), 'text/plain; charset=utf-8'),
    '/r1': redirect('/r2', 301),
    '/r2': redirect('/r3', 307),
    '/r3': redirect('/a/000.html'),
    '/loop1': redirect('/loop2'),
    '/loop2': redirect('/loop1'),
    '/to-other-host': (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.2:${srv.port}/a/000.html` });
      res.end();
    },
    '/to-file': redirect('file:///etc/passwd'),
    '/slow': (_req, res) => {
      setTimeout(() => send('late', 'text/plain')(_req, res), 1500).unref();
    },
    '/trickle': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const t = setInterval(() => res.write('word '), 100);
      res.on('close', () => clearInterval(t));
    },
    '/huge-declared': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) });
      res.write('x'.repeat(1000));
    },
    '/huge-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let n = 0;
      const pump = () => {
        while (n++ < 64 && res.write(chunk));
        if (n < 64) res.once('drain', pump);
        else res.end();
      };
      pump();
    },
    '/gzip-bomb': send(gzipSync(Buffer.alloc(20 * 1024 * 1024, ' ')), 'text/plain', { 'content-encoding': 'gzip' }),
    '/gzipped.html': send(gzipSync(articlePage('Report 001', ex[1].paragraphs)), 'text/html; charset=utf-8', { 'content-encoding': 'gzip' }),
    '/image.png': send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'image/png'),
    '/pdf': send('%PDF-1.4', 'application/pdf'),
    '/cp1251.html': send(iconv.encode('<html><body><article><p>Обстріл Харкова: загинули двоє людей, повідомили в обласній адміністрації. ' + 'Слово '.repeat(60) + '</p></article></body></html>', 'windows-1251'), 'text/html; charset=windows-1251'),
    '/busy': (_req, res) => {
      res.writeHead(503, { 'retry-after': '120' });
      res.end();
    },
    '/etag': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
      } else send('body', 'text/plain', { etag: '"v1"' })(req, res);
    },
    '/feed.xml': (req, res) =>
      send(
        rss(ex.slice(0, 2).map((e) => ({ title: `Report ${e.name}`, link: `${srv.base}/a/${e.name}.html`, guid: e.name, pubDate: 'Mon, 06 Nov 2023 10:00:00 GMT' }))),
        'application/rss+xml',
      )(req, res),
    '/feed-as-html': (req, res) => send(rss([{ title: 'Report 000', link: `${srv.base}/a/000.html` }]), 'text/html')(req, res),
    '/docs.jsonl': send(`{"text": "A bridge collapsed in Genoa on 14 August 2018, killing 43 people.", "published": "2018-08-15"}\n{"title": "no text"}\n`, 'application/x-ndjson'),
  });
});
afterAll(() => srv.close());

describe('address safety', () => {
  it('names the reason for private, loopback, link-local, CGNAT, multicast, unspecified, ULA', () => {
    const cases: [string, RegExp | null][] = [
      ['127.0.0.1', /loopback/], ['10.2.3.4', /private/], ['172.16.0.1', /private/], ['172.31.255.255', /private/], ['192.168.1.1', /private/],
      ['169.254.169.254', /link-local/], ['100.64.0.1', /carrier-grade NAT/], ['224.0.0.251', /multicast/], ['0.0.0.0', /unspecified/], ['255.255.255.255', /reserved/],
      ['::1', /loopback/], ['::', /unspecified/], ['fd00::1', /unique local/], ['fe80::1%eth0', /link-local/], ['ff02::1', /multicast/],
      ['::ffff:127.0.0.1', /loopback/], ['::ffff:7f00:1', /loopback/], ['64:ff9b::a00:1', /private/], ['2002:c0a8:0101::1', /private/],
      ['8.8.8.8', null], ['172.32.0.1', null], ['100.128.0.1', null], ['2606:4700::1111', null], ['::ffff:8.8.8.8', null], ['93.184.216.34', null],
      ['not-an-ip', /not an IP/],
    ];
    for (const [ip, want] of cases) {
      const got = blockedAddressReason(ip);
      if (want) expect(got, ip).toMatch(want);
      else expect(got, ip).toBeNull();
    }
  });

  it('refuses a host when any of its addresses is private, and pins the checked ones', async () => {
    const fake = (async () => [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }]) as never;
    await expect(resolveChecked('mixed.test', false, fake)).rejects.toThrow(/mixed\.test resolves to 10\.0\.0\.7: private address refused/);
    const ok = await resolveChecked('mixed.test', true, fake);
    const lookup = pinnedLookup(ok);
    const one = await new Promise((r) => (lookup as any)('other.test', { family: 4 }, (_e: unknown, a: string) => r(a)));
    expect(one).toBe('93.184.216.34');
    const many = await new Promise((r) => (lookup as any)('other.test', { all: true }, (_e: unknown, a: unknown) => r(a)));
    expect(many).toEqual([{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.7', family: 4 }]);
  });

  it('refuses 127.0.0.1 by default, with one line naming URL and reason', async () => {
    const before = srv.requests.length;
    const res = await all(readUrl(`${srv.base}/feed.xml`, { ...opts, allowPrivate: false }));
    expect(res).toHaveLength(1);
    expect(res[0]).toMatchObject({ kind: 'error', input: `${srv.base}/feed.xml`, rule: 'fetch:private-address' });
    expect((res[0] as { reason: string }).reason).toMatch(/^127\.0\.0\.1: loopback address refused/);
    expect(srv.requests.length).toBe(before); // nothing was sent
  });

  it('connects to the address it checked, not to what the name says later', async () => {
    // the name resolves once, to the server; the request goes there with the name as Host
    let calls = 0;
    const lookup = (async () => (calls++, [{ address: '127.0.0.1', family: 4 }])) as never;
    const r = await fetchUrl(`http://news.test:${srv.port}/plain.txt`, { ...opts, lookup });
    expect(r.status).toBe(200);
    expect(calls).toBe(1);
    expect(srv.requests.at(-1)!.headers.host).toBe(`news.test:${srv.port}`);
  });

  it('checks every redirect hop', async () => {
    // 127.0.0.1 allowed, 127.0.0.2 refused: the redirect to the second is stopped before it is sent
    const addressCheck = (a: string) => (a === '127.0.0.2' ? 'private address' : null);
    const e = await fetchError(`${srv.base}/to-other-host`, { ...opts, allowPrivate: false, addressCheck });
    expect(e.rule).toBe('fetch:private-address');
    expect(e.message).toMatch(/^redirect to http:\/\/127\.0\.0\.2:\d+\/a\/000\.html: 127\.0\.0\.2: private address refused/);
  });
});

describe('fetching', () => {
  it('fetches a page with a clear User-Agent and extracts the article', async () => {
    const res = await all(readUrl(`${srv.base}/a/000.html`, opts));
    expect(res).toHaveLength(1);
    const r = res[0];
    if (r.kind !== 'document') throw new Error(JSON.stringify(r));
    expect(r.document.text).toMatch(/helicopter/);
    expect(r.document.text).not.toMatch(/quillmenu|quillfooter/i);
    expect(r.document.url).toBe(`${srv.base}/a/000.html`);
    expect(srv.requests.at(-1)!.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^sitrep\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\//);
  });

  it('follows a redirect chain to the same document', async () => {
    const direct = (await all(readUrl(`${srv.base}/a/000.html`, opts)))[0];
    const via = (await all(readUrl(`${srv.base}/r1`, opts)))[0];
    if (direct.kind !== 'document' || via.kind !== 'document') throw new Error('not documents');
    expect(via.document.id).toBe(direct.document.id);
    expect(via.document.url).toBe(`${srv.base}/a/000.html`);
    expect(via.document.source).toBe(`${srv.base}/r1`);
  });

  it('stops a redirect loop, too many redirects and non-http redirects', async () => {
    expect((await fetchError(`${srv.base}/loop1`)).rule).toBe('fetch:redirect-loop');
    expect((await fetchError(`${srv.base}/r1`, { ...opts, maxRedirects: 2 })).rule).toBe('fetch:too-many-redirects');
    expect((await fetchError(`${srv.base}/to-file`)).rule).toBe('fetch:scheme');
  });

  it('times out a slow server (first byte) and a slow body (total)', async () => {
    const t0 = Date.now();
    const e = await fetchError(`${srv.base}/slow`);
    expect(e.rule).toBe('fetch:timeout');
    expect(e.message).toMatch(/no response within 300 ms/);
    const e2 = await fetchError(`${srv.base}/trickle`, { ...opts, timeoutMs: 500 });
    expect(e2.rule).toBe('fetch:timeout');
    expect(e2.message).toMatch(/timed out after 500 ms/);
    expect(Date.now() - t0).toBeLessThan(1500);
  });

  it('refuses a huge response, declared or streamed, and a gzip bomb', async () => {
    expect(await fetchError(`${srv.base}/huge-declared`)).toMatchObject({ rule: 'fetch:too-large' });
    expect(await fetchError(`${srv.base}/huge-chunked`)).toMatchObject({ rule: 'fetch:too-large' });
    expect(await fetchError(`${srv.base}/gzip-bomb`)).toMatchObject({ rule: 'fetch:too-large' });
  });

  it('inflates a gzip-encoded page', async () => {
    const r = (await all(readUrl(`${srv.base}/gzipped.html`, opts)))[0];
    expect(r.kind === 'document' && r.document.text).toMatch(/pilot/);
  });

  it('refuses content types it cannot read, with the type named', async () => {
    const [img] = await all(readUrl(`${srv.base}/image.png`, opts));
    expect(img).toMatchObject({ kind: 'error', rule: 'fetch:content-type' });
    expect((img as { reason: string }).reason).toMatch(/image\/png/);
    expect(await fetchError(`${srv.base}/pdf`)).toMatchObject({ rule: 'fetch:content-type' });
  });

  it('decodes by the charset of the Content-Type header', async () => {
    const r = (await all(readUrl(`${srv.base}/cp1251.html`, opts)))[0];
    expect(r.kind === 'document' && r.document.text).toMatch(/Обстріл Харкова/);
  });

  it('names HTTP errors, keeps Retry-After, answers 304 to a conditional request', async () => {
    const [missing] = await all(readUrl(`${srv.base}/missing`, opts));
    expect(missing).toMatchObject({ kind: 'error', input: `${srv.base}/missing`, rule: 'fetch:http-404' });
    expect((missing as { reason: string }).reason).toBe('HTTP 404 Not Found');
    const busy = await fetchError(`${srv.base}/busy`);
    expect(busy).toMatchObject({ status: 503, retryAfterMs: 120_000 });
    const first = await fetchUrl(`${srv.base}/etag`, opts);
    expect(first.status).toBe(200);
    const again = await fetchUrl(`${srv.base}/etag`, opts, { etag: String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('30')).toBe(30_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });

  it('turns a feed URL into one document per item, fetching summary-only items', async () => {
    const res = await all(readUrl(`${srv.base}/feed.xml`, opts));
    expect(res.map((r) => r.kind)).toEqual(['document', 'document']);
    const docs = res.flatMap((r) => (r.kind === 'document' ? [r.document] : []));
    expect(docs.map((d) => d.title)).toEqual(['Report 000', 'Report 001']);
    expect(docs.map((d) => d.source)).toEqual([`${srv.base}/a/000.html`, `${srv.base}/a/001.html`]);
    expect(docs[1].published).toBe('2023-11-06'); // from the item: the page has no date
    expect(docs[0].text).toMatch(/helicopter/);
    // a feed served as text/html is still read as a feed
    const [asHtml] = await all(readUrl(`${srv.base}/feed-as-html`, opts));
    expect(asHtml.kind === 'document' && asHtml.document.title).toBe('Report 000');
  });

  it('reads JSON lines by URL, naming the bad line', async () => {
    const res = await all(readUrl(`${srv.base}/docs.jsonl`, opts));
    expect(res.map((r) => r.kind)).toEqual(['document', 'error']);
    expect(res[1]).toMatchObject({ input: `${srv.base}/docs.jsonl:2` });
  });

  it('refuses what is no http(s) URL', async () => {
    expect(await fetchError('http://')).toMatchObject({ rule: 'fetch:bad-url' });
    expect(await fetchError('http://user:pw@127.0.0.1/')).toMatchObject({ rule: 'fetch:credentials' });
  });
});

describe('time spent resolving', () => {
  it('counts a hanging host name lookup against the total time', async () => {
    const lookup = (() => new Promise(() => {})) as never;
    const e = await fetchError('http://hangs.test/', { ...opts, lookup, timeoutMs: 200 });
    expect(e.rule).toBe('fetch:timeout');
    expect(e.message).toMatch(/host name lookup/);
  });
});
