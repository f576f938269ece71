// A real node:http server on 127.0.0.1 for the fetch and feed tests: routes are handlers by path,
// and every request is recorded (path and headers) so tests can count fetches and read validators.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  base: string;
  port: number;
  routes: Map<string, Handler>;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const map = new Map(Object.entries(routes));
  const requests: TestServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    const h = map.get((req.url ?? '').split('?')[0]);
    if (h) h(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    routes: map,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export const send = (body: string | Buffer, type: string, headers: Record<string, string> = {}): Handler => (_req, res) => {
  const b = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(200, { 'content-type': type, 'content-length': String(b.length), ...headers });
  res.end(b);
};

export const redirect = (to: string, status = 302): Handler => (_req, res) => {
  res.writeHead(status, { location: to });
  res.end();
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The bundled example reports (the seeds): name, date line and body paragraphs. */
export function examples(): { name: string; date: string | null; paragraphs: string[] }[] {
  const dir = resolve(import.meta.dirname, '..', 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const lines = readFileSync(join(dir, f), 'utf8').split('\n');
      const date = /^date (\d{4}-\d{2}-\d{2})/.exec(lines[0])?.[1] ?? null;
      return { name: f.slice(0, 3), date, paragraphs: lines.filter((l) => l.trim() && !l.startsWith('date ')) };
    });
}

/** An article page with navigation and footer around the report. */
export function articlePage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><title>${esc(title)} | The Daily</title></head><body><nav>Home | Quillmenu | Sport</nav><article><h1>${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</article><footer>Contact quillfooter</footer></body></html>`;
}

export interface TestItem {
  title: string;
  link: string;
  guid?: string;
  pubDate?: string;
  description?: string;
  /** Full article HTML for content:encoded. */
  content?: string;
}

export function rss(items: TestItem[]): string {
  const body = items
    .map(
      (i) =>
        `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}` +
        `<description>${esc(i.description ?? 'summary')}</description>${i.content ? `<content:encoded><![CDATA[${i.content}]]></content:encoded>` : ''}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Test feed</title><link>http://example.org/</link>\n${body}\n</channel></rss>`;
}

export function atom(items: TestItem[]): string {
  const body = items
    .map(
      (i) =>
        `<entry><id>${esc(i.guid ?? i.link)}</id><title type="html">${esc(i.title)}</title><link rel="alternate" href="${esc(i.link)}"/><updated>${i.pubDate ?? '2023-11-06T10:00:00Z'}</updated><author><name>Test Author</name></author>` +
        `<summary>${esc(i.description ?? 'summary')}</summary>${i.content ? `<content type="html">${esc(i.content)}</content>` : ''}</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Test atom</title><id>urn:test</id><updated>2023-11-06T10:00:00Z</updated>\n${body}\n</feed>`;
}
