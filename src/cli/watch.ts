/** `sitrep watch`: poll feeds and ingest new items (issue 8 builds it). */
import type { Command } from 'commander';

export function registerWatch(program: Command, result: { code: number }): void {
  program
    .command('watch')
    .description('poll feeds, ingest new items')
    .argument('<feeds...>')
    .option('--db <file>', 'database file')
    .option('--every <min>', 'minutes between polls', '15')
    .option('--allow-private', 'allow private, loopback and link-local addresses')
    .action(() => {
      process.stderr.write('sitrep: watch is not built yet\n');
      result.code = 2;
    });
}
