/**
 * Serving an app over HTTP with @hono/node-server: listen, report the port (0 picks a free one),
 * close. Kept apart from app.ts so tests can use `app.request()` without a socket.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';

export interface Listening {
  host: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Loopback names: listening on one of these keeps the API on this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

export function listen(app: Hono, host: string, port: number): Promise<Listening> {
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined = undefined;
    const onError = (err: Error) => reject(err);
    server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      server!.off('error', onError);
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        host: info.address,
        port: info.port,
        url: `http://${shown}:${info.port}/`,
        close: () =>
          new Promise<void>((done) => {
            // idle keep-alive sockets would hold close() open for seconds
            (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
            server!.close(() => done());
          }),
      });
    });
    server.once('error', onError);
  });
}
