/**
 * SITREP_TIMING=1: a command's start-up phases on stderr, each with the CPU (all threads) and wall ms
 * since the process started, and the same at exit; `npm run bench:ready` reads them.
 */
const on = process.env.SITREP_TIMING === '1';

export function phase(name: string): void {
  if (!on) return;
  const u = process.cpuUsage();
  process.stderr.write(`sitrep: timing ${name} cpu_ms=${((u.user + u.system) / 1000).toFixed(0)} wall_ms=${performance.now().toFixed(0)}\n`);
}

if (on) process.once('exit', () => phase('exit'));
