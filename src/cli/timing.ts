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

/** SITREP_TIMING=1: how busy a thread's event loop was (ms running, ms waiting for work) since it started. */
export function busy(name: string, elu: { active: number; idle: number }): void {
  if (!on) return;
  process.stderr.write(`sitrep: timing ${name} active_ms=${elu.active.toFixed(0)} idle_ms=${elu.idle.toFixed(0)}\n`);
}

export const timing = on;
