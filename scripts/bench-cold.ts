/**
 * First-pass extraction cost, which `bench:extract` hides by reading the same texts again: in a
 * fresh process, resources loaded (fastText included), ECB+ dev read, then one pass each over its
 * first half (cold: code, regexps and lazily read gazetteer pages all new), its second half
 * (documents new to the run, code warm: what a stream of new articles costs), and the second half
 * again (every memo and cache hit). Wall and process CPU (all threads: V8's compilers included)
 * per document. Run it several times: a single fresh process is one sample.
 * Usage: tsx scripts/bench-cold.ts [--profile cold|unseen|again] (a CPU profile of that pass,
 * written to bench-cold-PASS.cpuprofile)
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../src/ingest/read.js';
import { loadLanguageModel } from '../src/lang/identify.js';
import type { Document } from '../src/model/types.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const profiled = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : null;
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function main() {
  const session = profiled ? new Session() : null;
  session?.connect();
  const post = (method: string, params: object = {}) => new Promise<unknown>((resolve, reject) => session!.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  let wall = performance.now();
  let used = cpu();
  const pipeline = createPipeline(loadResources({ languageModel: await loadLanguageModel() }));
  console.log(`resources: ${(performance.now() - wall).toFixed(0)} ms wall, ${(cpu() - used).toFixed(0)} ms CPU`);
  const docs: Document[] = [];
  for await (const item of readInputs([join(root, '..', 'shared', 'data', 'ecbplus-dev', 'docs')])) if (item.kind === 'document') docs.push(item.document);
  if (docs.length < 2) throw new Error('ECB+ dev not found in ../shared/data/ecbplus-dev/docs');
  const half = docs.length >> 1;
  const pass = async (name: string, set: readonly Document[]) => {
    if (profiled === name) {
      await post('Profiler.enable');
      await post('Profiler.start');
    }
    wall = performance.now();
    used = cpu();
    for (const d of set) extract(d, pipeline);
    console.log(`${name.padEnd(6)} ${set.length} documents: ${((performance.now() - wall) / set.length).toFixed(2)} ms wall, ${((cpu() - used) / set.length).toFixed(2)} ms CPU a document`);
    if (profiled === name) writeFileSync(`bench-cold-${name}.cpuprofile`, JSON.stringify(((await post('Profiler.stop')) as { profile: object }).profile));
  };
  await pass('cold', docs.slice(0, half));
  await pass('unseen', docs.slice(half));
  await pass('again', docs.slice(half));
}

void main();
