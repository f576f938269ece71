/**
 * `npm run bench:ready`: how soon each command is ready (issue 20: any command ready in ≤ 0.5 s).
 * Runs the installed command (bin/sitrep.js, with its shebang's flags) as a user would, each
 * command N times, and reads the phases it prints with SITREP_TIMING=1 (CPU of all its threads and
 * wall, ms since the process started):
 * - `events` on a small store, to exit;
 * - `extract FILE` (one 3.6 kB example): until the pipeline is loaded, then the first document's own
 *   work (first-use compilation of the extraction code and its regexps included), to exit;
 * - `ingest FILE` into a new store, to exit (one extraction thread: its start-up is in the CPU);
 * - `serve` until it listens, and until it answers GET /api/events (wall).
 * CPU is what the code costs; wall on a shared machine is mostly the load (a quiet run is noted).
 *
 * Knobs: READY_N=5 (runs a command), READY_BINS="bin/sitrep.js" (several: alternated, compared; an
 * entry NAME=VALUE:bin/sitrep.js runs it with that environment variable, e.g.
 * "SITREP_CODE_CACHE=0:bin/sitrep.js SITREP_CODE_CACHE=all:bin/sitrep.js").
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.READY_N ?? 5);
const BINS = (process.env.READY_BINS ?? 'bin/sitrep.js').split(/\s+/).filter(Boolean);
const FLAGS = ['--max-old-space-size=512', '--no-regexp-tier-up']; // bin/sitrep.js's shebang
const FILE = join(root, 'examples', '000_05da5d787429f6a0.txt');
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-bench-ready-'));
const env = { ...process.env, SITREP_TIMING: '1' };

type Phases = Map<string, { cpu: number; wall: number }>;
function phases(stderr: string): Phases {
  const out: Phases = new Map();
  for (const m of stderr.matchAll(/timing (\S+) cpu_ms=(\d+) wall_ms=(\d+)/g)) if (!out.has(m[1])) out.set(m[1], { cpu: +m[2], wall: +m[3] });
  return out;
}

/** A READY_BINS entry: the script and the environment it runs with. */
function spec(entry: string): { script: string; env: NodeJS.ProcessEnv } {
  const m = /^(\w+)=([^:]*):(.+)$/.exec(entry);
  return m ? { script: join(root, m[3]), env: { ...env, [m[1]]: m[2] } } : { script: join(root, entry), env };
}

function run(bin: string, args: string[]): Phases {
  const { script, env } = spec(bin);
  const p = spawnSync(process.execPath, [...FLAGS, script, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (p.status !== 0) throw new Error(`${bin} ${args.join(' ')}: exit ${p.status}: ${p.stderr}`);
  return phases(p.stderr);
}

/** `serve` on a free port: phases until it listens; `answered`: wall ms from spawn until GET /api/events answers. */
async function serve(bin: string, db: string): Promise<Phases> {
  const t0 = Date.now();
  const { script, env } = spec(bin);
  const p = spawn(process.execPath, [...FLAGS, script, 'serve', '--port', '0', '--db', db], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    p.stderr.on('data', (b: Buffer) => {
      err += b.toString();
      const m = /at (http:\/\/\S+);/.exec(err);
      if (m) resolve(m[1]);
    });
    p.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  const res = await fetch(new URL('/api/events?limit=1', url));
  await res.arrayBuffer();
  const answered = Date.now() - t0;
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  await exited;
  const out = phases(err);
  out.set('answered', { cpu: Number.NaN, wall: answered });
  return out;
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : Number.NaN;
};

async function main(): Promise<void> {
  const db = join(tmp, 'examples.db');
  spawnSync(process.execPath, [...FLAGS, spec(BINS[0]).script, 'ingest', join(root, 'examples'), '--db', db], { encoding: 'utf8' });
  const results = new Map<string, number[]>(); // `${bin}|${command}|${phase}|cpu|wall`
  const add = (bin: string, cmd: string, ph: Phases) => {
    for (const [name, v] of ph) {
      for (const [k, x] of [['cpu', v.cpu], ['wall', v.wall]] as const) {
        const key = `${bin}|${cmd}|${name}|${k}`;
        results.set(key, [...(results.get(key) ?? []), x]);
      }
    }
  };
  const load0 = loadavg()[0];
  // one run each first: a command's code cache is written by its first run
  for (const bin of BINS) {
    run(bin, ['--db', db, 'events']);
    run(bin, ['extract', FILE]);
    run(bin, ['ingest', FILE, '--db', join(tmp, `warm.db`)]);
  }
  for (let i = 0; i < N; i++) {
    for (const bin of BINS) {
      add(bin, 'events', run(bin, ['--db', db, 'events']));
      add(bin, 'extract FILE', run(bin, ['extract', FILE]));
      add(bin, 'ingest FILE (new store)', run(bin, ['ingest', FILE, '--db', join(tmp, `i${i}-${BINS.indexOf(bin)}.db`)]));
      const ph = await serve(bin, db);
      add(bin, 'serve', ph);
    }
  }
  console.log(`bench:ready, ${N} runs a command, median ms since the process started (CPU: all threads); load average ${load0.toFixed(1)} -> ${loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} cores\n`);
  console.log('| command | phase | ' + BINS.map((b) => `${b} CPU / wall`).join(' | ') + ' |\n|---|---|' + BINS.map(() => '---|').join(''));
  const rows = new Map<string, string[]>();
  for (const key of results.keys()) {
    const [, cmd, name] = key.split('|');
    rows.set(`${cmd}|${name}`, [cmd, name]);
  }
  for (const [k, [cmd, name]] of rows) {
    const cells = BINS.map((b) => `${median(results.get(`${b}|${k}|cpu`) ?? []).toFixed(0)} / ${median(results.get(`${b}|${k}|wall`) ?? []).toFixed(0)}`);
    console.log(`| ${cmd} | ${name} | ${cells.join(' | ')} |`);
  }
  rmSync(tmp, { recursive: true, force: true });
}

await main();
