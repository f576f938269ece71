/** `sitrep serve`: the HTTP API and web page (issue 7 builds it). */
import type { Command } from 'commander';

export function registerServe(program: Command, result: { code: number }): void {
  program
    .command('serve')
    .description('HTTP API and web page (default 127.0.0.1:8321)')
    .option('--db <file>', 'database file')
    .option('--port <n>', 'port', '8321')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(() => {
      process.stderr.write('sitrep: serve is not built yet\n');
      result.code = 2;
    });
}
