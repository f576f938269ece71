/**
 * Extraction alone, in-process, quickly: docs/s over the synthetic ~3 kB plain-text reports that
 * `npm run bench` builds and over ECB+ dev, then ms/doc per stage on ECB+ (each stage, language id,
 * and the type model with the report builder). The fast loop for speed work; `npm run bench` stays
 * the figure of record. Usage: tsx scripts/bench-extract.ts [--lang] [--seconds S] [--only synthetic|ecb]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../src/ingest/read.js';
import { loadLanguageModel } from '../src/lang/identify.js';
import type { Annotation, Document } from '../src/model/types.js';
import { createPipeline, extract, loadResources, withLanguage, type Pipeline } from '../src/pipeline.js';
import { syntheticReports } from './synthetic-reports.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const SECONDS = Number(args.includes('--seconds') ? args[args.indexOf('--seconds') + 1] : 3);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const now = () => performance.now();
/** CPU milliseconds of this process: on a machine others share, steadier than the wall clock. */
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/**
 * docs/s by the wall clock and by the process's CPU time, and by the fastest pass over the set
 * (on a machine others share, the least disturbed pass is the steadiest figure).
 */
function rate(docs: readonly Document[], pipeline: Pipeline): string {
  let n = 0;
  let best = Infinity;
  const t0 = now();
  const c0 = process.cpuUsage();
  do {
    const p0 = now();
    for (const d of docs) extract(d, pipeline);
    best = Math.min(best, now() - p0);
    n += docs.length;
  } while (now() - t0 < SECONDS * 1000);
  const c = process.cpuUsage(c0);
  return `${((n * 1000) / (now() - t0)).toFixed(1)} docs/s wall, ${((n * 1e6) / (c.user + c.system)).toFixed(1)} docs/s CPU, ${((docs.length * 1000) / best).toFixed(1)} docs/s fastest pass`;
}

/** ms/doc per stage: the stages run by hand as `annotate` runs them, then the rest of `extract`. */
function perStage(docs: readonly Document[], pipeline: Pipeline): Map<string, number> {
  const ms = new Map<string, number>();
  const add = (k: string, t: number) => ms.set(k, (ms.get(k) ?? 0) + t);
  for (let round = 0; round < 3; round++) {
    for (let d of docs) {
      let t = cpu();
      d = withLanguage(d, pipeline);
      add('language id', cpu() - t);
      const annotations: Annotation[] = [];
      for (const s of pipeline.stages) {
        t = cpu();
        for (const a of s.run({ document: d, annotations }, pipeline.context).annotations) annotations.push(a);
        add(s.name, cpu() - t);
      }
      // extract() = language + stages + the rest (type model, report builder, persons)
      t = cpu();
      extract(d, pipeline);
      add('whole extract', cpu() - t);
    }
  }
  for (const [k, v] of ms) ms.set(k, v / (3 * docs.length));
  const stages = [...ms].filter(([k]) => k !== 'whole extract').reduce((n, [, v]) => n + v, 0);
  ms.set('reports+attribution+type model (rest)', ms.get('whole extract')! - stages);
  return ms;
}

async function main() {
  let t = now();
  const languageModel = args.includes('--lang') ? await loadLanguageModel() : null;
  const pipeline = createPipeline(loadResources({ languageModel }));
  console.log(`load ${(now() - t).toFixed(0)} ms${languageModel ? ' (with fastText)' : ''}`);
  const ecb: Document[] = [];
  for await (const item of readInputs([join(root, '..', 'shared', 'data', 'ecbplus-dev', 'docs')])) if (item.kind === 'document') ecb.push(item.document);
  const syn = syntheticReports(ecb, 400);
  for (const d of ecb) extract(d, pipeline); // warm up, as npm run bench has run ECB+ before the synthetic reports (lazy gazetteer indexes)
  if (only !== 'ecb') console.log(`synthetic ~3 kB: ${rate(syn, pipeline)}`);
  if (only !== 'synthetic') console.log(`ECB+ dev: ${rate(ecb, pipeline)}`);
  if (only) return;
  for (const [name, set] of [['ECB+ dev', ecb], ['synthetic', syn]] as const) {
    const stages = perStage(set, pipeline);
    console.log(`CPU ms/doc on ${name}:`);
    for (const [k, v] of [...stages].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(40)} ${v.toFixed(3)}`);
  }
}
main();
