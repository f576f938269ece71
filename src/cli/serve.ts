/**
 * `sitrep serve`: the HTTP API and the web page (src/api/). Opens the database once for the
 * process (WAL: an ingest in another process never blocks these readers), loads the pipeline's
 * resources once, listens on 127.0.0.1:8321 unless told otherwise, and stops on Ctrl-C/SIGTERM.
 * Beyond loopback it refuses to start without a token, and writes then need that token.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { ExtractPool } from '../extract-pool.js';
import { UsageError } from '../store/sqlite.js';
import { openEventStore } from '../store/open.js';
import { phase } from './timing.js';

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  token?: string;
  queue?: string;
}

/** `dist/cli/serve.js` → `dist/web/`, where `vite build` puts the page. */
const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'web');

function dbPath(opts: { db?: string }): string {
  return opts.db ?? process.env.SITREP_DB ?? './sitrep.db';
}

async function serveCommand(opts: ServeOptions): Promise<number> {
  if (!/^\d{1,5}$/.test(opts.port) || +opts.port > 65535) throw new UsageError(`--port wants a number from 0 to 65535, not ${JSON.stringify(opts.port)}`);
  const host = opts.host.trim();
  const token = opts.token ?? process.env.SITREP_TOKEN ?? null;
  // the server's modules load here, not when any command starts
  const [{ createApp }, { isLoopback, listen }, { loadStaticFiles }] = await Promise.all([import('../api/app.js'), import('../api/server.js'), import('../api/static-files.js')]);
  const loopback = isLoopback(host);
  if (!loopback && !token) throw new UsageError(`listening on ${host} (beyond this machine) needs a token for writes: --token T or SITREP_TOKEN`);
  if (token !== null && token.length < 8) throw new UsageError('the token must be at least 8 characters');
  const web = loadStaticFiles(WEB_ROOT);
  if (!web) process.stderr.write(`sitrep: warning: no web page in ${WEB_ROOT} (run npm run build); serving the API only\n`);
  const queue = opts.queue ? await (await import('../scale/queue.js')).DocumentQueue.open(opts.queue) : null;
  let store;
  try {
    store = await openEventStore(dbPath(opts));
  } catch (e) {
    await queue?.close();
    throw e;
  }
  // extraction runs in a worker with a per-document budget: a slow POST never stalls other requests or Ctrl-C
  const extractor = new ExtractPool();
  const app = createApp({ store, extractor, token, loopbackOnly: loopback, web, queue });
  let server;
  try {
    server = await listen(app, host, +opts.port);
  } catch (e) {
    await store.close();
    await queue?.close();
    await extractor.close();
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new UsageError(`port ${opts.port} on ${host} is in use; pick another with --port`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') throw new UsageError(`cannot listen on ${host}: no such local address`);
    throw e;
  }
  phase('listening');
  process.stderr.write(`sitrep: serving ${dbPath(opts)} at ${server.url}${token ? ' (writes need the token)' : ''}; Ctrl-C stops\n`);
  const parent = process.ppid;
  let orphanWatch: NodeJS.Timeout | undefined;
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
    // npx runs us under `sh -c` and, stopped, signals only that shell: when npx goes, so do we.
    // (Only under npm exec: a server started with nohup or by a service manager outlives its parent.)
    if (process.env.npm_command === 'exec') orphanWatch = setInterval(() => process.ppid !== parent && resolve('SIGTERM'), 500);
  });
  clearInterval(orphanWatch);
  // within a second: open keep-alive connections do not hold the stop
  await Promise.race([server.close(), new Promise((r) => setTimeout(r, 1000).unref())]);
  await extractor.close();
  await store.close();
  await queue?.close();
  return signal === 'SIGINT' ? 130 : 143;
}

export function registerServe(program: Command, result: { code: number }): void {
  program
    .command('serve')
    .description('HTTP API and web page (default 127.0.0.1:8321)')
    .option('--db <file>', 'database file')
    .option('--port <n>', 'port (0: any free one)', '8321')
    .option('--host <host>', 'address to listen on; beyond loopback a token is required', '127.0.0.1')
    .option('--token <token>', 'writes need "Authorization: Bearer <token>" (or set SITREP_TOKEN)')
    .option('--queue <url>', 'POST /api/documents enqueues for `sitrep worker` processes (nats://host:4222) and answers 202')
    .action(async (o: ServeOptions, cmd: Command) => {
      result.code = await serveCommand({ ...o, queue: o.queue ?? process.env.SITREP_QUEUE, db: (cmd.optsWithGlobals().db as string | undefined) ?? o.db });
    });
}
