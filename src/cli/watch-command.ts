/**
 * The `watch` command's definition, apart from watch.ts so that defining it (for --help and every
 * other command) loads no feed reader or stage.
 */
import type { Command } from 'commander';
import { UsageError } from '../store/sqlite.js';

export function registerWatch(program: Command, result: { code: number }): void {
  program
    .command('watch')
    .description('poll feeds, ingest new items')
    .argument('<feeds...>')
    .option('--db <file>', 'database file')
    .option('--every <min>', 'minutes between polls', '15')
    .option('--allow-private', 'allow private, loopback and link-local addresses')
    .option('--once', 'poll each feed once, then stop')
    .option('--queue <url>', 'enqueue new items for `sitrep worker` processes (nats://host:4222)')
    .action(async (feeds: string[], o: { every: string; allowPrivate?: boolean; once?: boolean; queue?: string }, cmd: Command) => {
      // the feed reader and the stages load here, not when any command starts
      const { MAX_EVERY_MINUTES, watchFeeds } = await import('./watch.js');
      const every = Number(o.every);
      // at most a week: a timer past 2^31 ms fires at once, and a feed polled less than weekly is not watched
      if (!/^\d+(?:\.\d+)?$/.test(o.every.trim()) || !(every > 0) || every > MAX_EVERY_MINUTES)
        throw new UsageError(`--every wants a number of minutes above 0 and at most ${MAX_EVERY_MINUTES} (a week), not ${JSON.stringify(o.every)}`);
      const db = (cmd.optsWithGlobals().db as string | undefined) ?? process.env.SITREP_DB ?? './sitrep.db';
      const stop = new AbortController();
      let signal: NodeJS.Signals | null = null;
      const on = (s: NodeJS.Signals) => () => {
        if (signal) process.exit(s === 'SIGINT' ? 130 : 143); // a second Ctrl-C: now
        signal = s;
        stop.abort();
      };
      const int = on('SIGINT');
      const term = on('SIGTERM');
      process.on('SIGINT', int);
      process.on('SIGTERM', term);
      try {
        result.code = await watchFeeds(feeds, { db, everyMinutes: every, allowPrivate: o.allowPrivate, once: o.once, signal: stop.signal, verbose: !!cmd.optsWithGlobals().verbose, queue: o.queue ?? process.env.SITREP_QUEUE });
        if (signal) process.stderr.write(`sitrep: watch stopped by ${signal}\n`);
      } finally {
        process.off('SIGINT', int);
        process.off('SIGTERM', term);
      }
    });
}
