/**
 * The English places stage alone, in-process: A/B of two copies of `findPlaces` (a base worktree's
 * and this one's), alternated in blocks over the same inputs, or a profile loop of this one.
 * Inputs: synthetic 3 kB reports (`--set synth`, after ECB+ dev and 800 synthetic reports extracted
 * whole as warm-up) or bench:lang's English reports (`--set lang`). `--fresh` gives each block a
 * gazetteer loaded anew (every name looked up is new to it). Usage:
 *   tsx scripts/places-ab.ts [--base /work/wt-places10-base] [--set synth|lang] [--rounds 10] [--fresh] [--aa] [--profile SECONDS]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../src/ingest/read.js';
import type { Document, SentenceAnnotation } from '../src/model/types.js';
import type { findPlaces } from '../src/extract/places.js';
import type { PlaceGazetteer } from '../src/extract/gazetteer.js';
import { syntheticReports } from './synthetic-reports.js';
import { asReports, corpusTexts } from './lang-corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (n: string, d: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const base = arg('--base', '/work/wt-places10-base');
const set = arg('--set', 'synth');
const rounds = Number(arg('--rounds', '10'));
const fresh = args.includes('--fresh');
const aa = args.includes('--aa');
const profile = Number(arg('--profile', '0'));
/** `--callgrind A|B`: under valgrind, one side's instructions: warm-up passes, then dumps around a pass over the same reports (warm) and one over reports new to the run (first-seen). */
const callgrind = arg('--callgrind', '');
/** `--dist`: the compiled modules (dist/ here and in the base, built by tsc), whose profiles name lines. */
const dir = args.includes('--dist') ? 'dist' : 'src';
const ext = dir === 'dist' ? 'js' : 'ts';
const { createPipeline, extract, loadResources } = (await import(join(root, dir, `pipeline.${ext}`))) as typeof import('../src/pipeline.js');
const { findPlaces: B } = (await import(join(root, dir, 'extract', `places.${ext}`))) as typeof import('../src/extract/places.js');
const { loadGazetteer } = (await import(join(root, dir, 'extract', `gazetteer.${ext}`))) as typeof import('../src/extract/gazetteer.js');

const pipeline = createPipeline(loadResources());
const ecb: Document[] = [];
for await (const item of readInputs([join(root, '..', 'shared', 'data', 'ecbplus-dev', 'docs')])) if (item.kind === 'document') ecb.push(item.document);
let docs: Document[];
if (callgrind) {
  docs = syntheticReports(ecb, 800);
} else if (set === 'synth') {
  const all = syntheticReports(ecb, 1200);
  for (const d of ecb) extract(d, pipeline);
  for (const d of all.slice(0, 800)) extract(d, pipeline);
  docs = all.slice(800);
} else {
  docs = asReports(corpusTexts('en'), 'en').map((d) => ({ ...d, lang: 'en' }));
  for (let p = 0; p < 2; p++) for (const d of docs) extract(d, pipeline);
}
// the sentence stage alone: the places stage reads nothing else (and no name is looked up before the timed passes)
const sentenceStage = pipeline.stages.find((s) => s.gives.includes('sentence'))!;
const inputs = docs.map((d) => ({ text: d.text, sentences: sentenceStage.run({ document: d, annotations: [] }, pipeline.context).annotations.filter((a): a is SentenceAnnotation => a.kind === 'sentence'), site: d.url ?? d.site }));
const g0 = pipeline.context.gazetteer as PlaceGazetteer;
type Find = typeof findPlaces;
const A: Find = aa ? B : ((await import(join(base, dir, 'extract', `places.${ext}`))) as { findPlaces: Find }).findPlaces;
const run = (f: Find, g: PlaceGazetteer) => {
  let n = 0;
  for (const x of inputs) n += f(x.text, x.sentences, g, { profile: null, site: x.site }).length;
  return n;
};
if (callgrind) {
  const { spawnSync } = await import('node:child_process');
  const dump = () => spawnSync('callgrind_control', ['-d', String(process.pid)], { encoding: 'utf8' });
  const f = callgrind === 'A' ? A : B;
  const warm = inputs.slice(0, 400);
  const fresh = inputs.slice(400);
  const pass = (xs: typeof inputs) => { for (const x of xs) f(x.text, x.sentences, g0, { profile: null, site: x.site }); };
  for (let p = 0; p < 4; p++) pass(warm);
  dump();
  pass(warm);
  dump();
  pass(fresh);
  dump();
  console.log('dumps: .2 warm pass (400 reports), .3 first-seen pass (400 reports)');
  process.exit(0);
}
// same output first
const same = JSON.stringify(inputs.map((x) => A(x.text, x.sentences, g0, { site: x.site }))) === JSON.stringify(inputs.map((x) => B(x.text, x.sentences, g0, { site: x.site })));
if (profile > 0) {
  const t0 = performance.now();
  let passes = 0;
  while (performance.now() - t0 < profile * 1000) {
    run(B, fresh ? loadGazetteer() : g0);
    passes++;
  }
  console.log(`profiled ${passes} passes of ${inputs.length} reports`);
} else {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [f, out] of (r % 2 ? [[B, tb], [A, ta]] : [[A, ta], [B, tb]]) as [Find, number[]][]) {
      const g = fresh ? loadGazetteer() : g0;
      const t = performance.now();
      run(f, g);
      out.push((performance.now() - t) / inputs.length);
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const min = (xs: number[]) => Math.min(...xs);
  console.log(`${set}${fresh ? ' fresh' : ''} ${inputs.length} reports, ${rounds} rounds${aa ? ' (A/A)' : ''}, same output: ${same}`);
  console.log(`ms a report  A min ${min(ta).toFixed(4)} med ${med(ta).toFixed(4)} | B min ${min(tb).toFixed(4)} med ${med(tb).toFixed(4)} | B/A min ${(min(tb) / min(ta)).toFixed(3)} med ${(med(tb) / med(ta)).toFixed(3)}`);
}
