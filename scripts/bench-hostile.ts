/**
 * Hostile input (issue 19), each part in this process or its own child:
 * - `stages`: every extraction stage timed on the adversarial texts of scripts/adversarial.ts at 20k
 *   and 200k characters (least of two runs): per text the total, the ratio, and the slowest stage.
 *   Linear stages give a ratio near 10; the check in test/reliability/linear-stages allows 12.
 * - `streams [MB]`: peak RSS (VmHWM) of the installed command (`bin/sitrep.js`, dist/) ingesting one
 *   generated JSONL of MB megabytes as a file, as `.jsonl.gz`, and on stdin; Linux only.
 * Prints markdown table rows. Used by scripts/bench.ts.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pipeline as pipe } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { textDocument } from '../src/ingest/document.js';
import type { Annotation } from '../src/model/index.js';
import { createPipeline, loadResources } from '../src/pipeline.js';
import { ADVERSARIAL_UNITS, adversarialText } from './adversarial.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ecb = resolve(process.env.SITREP_BENCH_ECB ?? join(root, '..', 'shared', 'data', 'ecbplus-dev', 'docs'));
const MB = 1024 * 1024;

function stages(): void {
  const p = createPipeline(loadResources());
  const times = (text: string) => {
    const doc = textDocument(text, { source: 'bench' });
    const best = p.stages.map(() => Infinity);
    for (let t = 0; t < 2; t++) {
      const annotations: Annotation[] = [];
      p.stages.forEach((s, i) => {
        const t0 = performance.now();
        annotations.push(...s.run({ document: doc, annotations }, p.context).annotations);
        best[i] = Math.min(best[i], performance.now() - t0);
      });
    }
    return best;
  };
  times(adversarialText('A', 20_000));
  console.log('| adversarial text (unit repeated) | 20k chars, all stages | 200k chars, all stages | ratio | slowest stage at 200k |');
  console.log('|---|---|---|---|---|');
  for (const [name, unit] of Object.entries(ADVERSARIAL_UNITS)) {
    const a = times(adversarialText(unit, 20_000));
    const b = times(adversarialText(unit, 200_000));
    const sa = a.reduce((x, y) => x + y, 0);
    const sb = b.reduce((x, y) => x + y, 0);
    const worst = b.indexOf(Math.max(...b));
    console.log(`| ${name} ${JSON.stringify(unit)} | ${sa.toFixed(0)} ms | ${sb.toFixed(0)} ms | ${(sb / Math.max(sa, 1)).toFixed(1)} | ${p.stages[worst].name} ${b[worst].toFixed(0)} ms (20k: ${a[worst].toFixed(0)} ms) |`);
  }
}

/** Runs the command, polling its peak resident memory (VmHWM, main thread and worker together). */
function peakRss(args: string[], stdinFile: string | null): Promise<{ mb: number; seconds: number; code: number | null }> {
  return new Promise((res) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--max-old-space-size=512', join(root, 'bin', 'sitrep.js'), ...args], { stdio: [stdinFile ? 'pipe' : 'ignore', 'ignore', 'ignore'] });
    if (stdinFile) createReadStream(stdinFile).pipe(child.stdin!).on('error', () => {});
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, +m[1] / 1024);
      } catch {
        // gone
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(poll);
      res({ mb: peak, seconds: (performance.now() - t0) / 1000, code });
    });
  });
}

async function streams(mb: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-hostile-'));
  try {
    const file = join(dir, 'big.jsonl');
    const texts = readdirSync(ecb).sort().slice(0, 200).map((f) => readFileSync(join(ecb, f), 'utf8'));
    const out = createWriteStream(file);
    let written = 0;
    for (let n = 0; written < mb * MB; n++) {
      // mostly repeats (hashed and skipped, as a re-sent dump is), so the run measures reading, not extraction
      const line = JSON.stringify({ text: `${texts[n % texts.length]}\n(${Math.floor(n / texts.length) % 2})`, published: "2020-01-01" }) + "\n";
      written += Buffer.byteLength(line);
      if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise((r) => out.end(r));
    await pipe(createReadStream(file), createGzip(), createWriteStream(`${file}.gz`));
    const size = (statSync(file).size / MB).toFixed(0);
    for (const [label, args, stdin] of [
      ['file', ['ingest', file], null],
      ['.jsonl.gz', ['ingest', `${file}.gz`], null],
      ['stdin', ['ingest', '-'], file],
    ] as const) {
      const r = await peakRss([...args, '--db', join(dir, `${label}.db`)], stdin);
      console.log(`| ingest ${size} MB JSONL as ${label} | ${r.seconds.toFixed(1)} s, exit ${r.code} | peak RSS ${r.mb.toFixed(0)} MB |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, a] = process.argv.slice(2);
const run = mode === 'stages' ? Promise.resolve(stages()) : mode === 'streams' ? streams(Number(a ?? 200)) : Promise.reject(new Error('usage: bench-hostile.ts stages | streams [MB]'));
run.catch((e) => {
  console.error(`bench-hostile: ${(e as Error).message}`);
  process.exit(1);
});
