/**
 * Learns the scene stage's cue weights (src/extract/scene-weights.ts) from the TUNE parts of GVA
 * dev and UCDP GED dev (split in scene-data.ts and docs/evaluation.md; the report parts are never
 * read here).
 *
 * Each labelled document runs through the pipeline; its scene candidates (scene.ts) are labelled
 * right when within 50 km of the coded point. Documents with at least one right and two
 * candidates train a conditional logit: the probability of a candidate is the softmax of its
 * linear score over the document's candidates, and the loss is -log of the summed probability of
 * the right ones (a town and its county may both be right), plus an L2 penalty. Each set weighs
 * the same in total. Full-batch gradient descent from zero, fixed steps: deterministic. Only the
 * weights are written, never any text.
 *
 * Usage: npm run train:scene [-- --steps N] [--dry-run]
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaceGazetteer } from '../src/extract/gazetteer.js';
import { SCENE_FEATURES, sceneCandidates } from '../src/extract/scene.js';
import { haversineKm } from '../src/link/compatible.js';
import { annotate, createPipeline, loadResources } from '../src/pipeline.js';
import { gvaCases, ucdpCases, type SceneCase } from './scene-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const STEPS = Number(args.includes('--steps') ? args[args.indexOf('--steps') + 1] : 600);
const dryRun = args.includes('--dry-run');
const KM = 50;
const L2 = 1e-3;
const RATE = 0.5;

interface Group { xs: Float64Array[]; right: boolean[]; weight: number }

function groupsOf(cases: SceneCase[], pipeline: ReturnType<typeof createPipeline>): { groups: Group[]; usable: number; total: number } {
  const g = pipeline.context.gazetteer as PlaceGazetteer;
  const groups: Group[] = [];
  for (const c of cases) {
    const annotated = annotate(c.document, pipeline);
    const cands = sceneCandidates(c.document, annotated.annotations, g);
    const right = cands.map((k) => haversineKm(k.place.lat, k.place.lon, c.lat, c.lon) <= KM);
    if (cands.length < 2 || !right.some(Boolean) || right.every(Boolean)) continue;
    groups.push({ xs: cands.map((k) => k.x), right, weight: 1 });
  }
  for (const gr of groups) gr.weight = 1 / groups.length;
  return { groups, usable: groups.length, total: cases.length };
}

function train(groups: Group[]): number[] {
  const d = SCENE_FEATURES.length;
  const w = new Float64Array(d);
  // Adam, fixed steps and rate: the same data give the same weights
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  for (let step = 1; step <= STEPS; step++) {
    const grad = new Float64Array(d);
    let loss = 0;
    for (const gr of groups) {
      const s = gr.xs.map((x) => x.reduce((a, xi, i) => a + xi * w[i], 0));
      const max = Math.max(...s);
      const e = s.map((z) => Math.exp(z - max));
      const z = e.reduce((a, b) => a + b, 0);
      const p = e.map((x) => x / z);
      const pr = p.reduce((a, pi, i) => a + (gr.right[i] ? pi : 0), 0);
      loss -= gr.weight * Math.log(Math.max(pr, 1e-12));
      for (let k = 0; k < gr.xs.length; k++) {
        const q = gr.right[k] ? p[k] / pr : 0;
        const coef = gr.weight * (p[k] - q);
        const x = gr.xs[k];
        for (let i = 0; i < d; i++) grad[i] += coef * x[i];
      }
    }
    for (let i = 0; i < d; i++) {
      grad[i] += L2 * w[i];
      loss += 0.5 * L2 * w[i] * w[i];
      m[i] = 0.9 * m[i] + 0.1 * grad[i];
      v[i] = 0.999 * v[i] + 0.001 * grad[i] * grad[i];
      const mh = m[i] / (1 - 0.9 ** step);
      const vh = v[i] / (1 - 0.999 ** step);
      w[i] -= (RATE / Math.sqrt(step)) * mh / (Math.sqrt(vh) + 1e-8);
    }
    if (step % 100 === 0 || step === 1) console.log(`step ${step}: loss ${loss.toFixed(4)}`);
  }
  return [...w].map((x) => Math.round(x * 1000) / 1000);
}

function accuracy(groups: Group[], w: number[]): number {
  let ok = 0;
  for (const gr of groups) {
    const s = gr.xs.map((x) => x.reduce((a, xi, i) => a + xi * w[i], 0));
    ok += gr.right[s.indexOf(Math.max(...s))] ? 1 : 0;
  }
  return ok / groups.length;
}

function main(): number {
  const pipeline = createPipeline(loadResources());
  const gva = groupsOf(gvaCases().filter((c) => c.part === 'tune'), pipeline);
  const ucdp = groupsOf(ucdpCases().filter((c) => c.part === 'tune'), pipeline);
  console.log(`GVA tune: ${gva.usable} of ${gva.total} documents have a choice to learn from; UCDP GED tune: ${ucdp.usable} of ${ucdp.total}`);
  // each set weighs the same in total
  const groups = [...gva.groups, ...ucdp.groups];
  for (const gr of groups) gr.weight *= 0.5;
  const w = train(groups);
  console.log(`choice accuracy on the documents with a choice: GVA ${accuracy(gva.groups, w).toFixed(3)}, UCDP GED ${accuracy(ucdp.groups, w).toFixed(3)}`);
  for (let i = 0; i < w.length; i++) console.log(`  ${SCENE_FEATURES[i].padEnd(18)} ${w[i].toFixed(3)}`);
  if (dryRun) return 0;
  const rows: string[] = [];
  for (let i = 0; i < w.length; i += 6) rows.push(`  ${w.slice(i, i + 6).join(', ')},`);
  const file = join(root, 'src', 'extract', 'scene-weights.ts');
  writeFileSync(file, `/**
 * Scene cue weights, in the order of SCENE_FEATURES (scene.ts): ${SCENE_FEATURES.join(', ')}.
 * Written by \`npm run train:scene\` (scripts/train-scene.ts) from the tune parts of GVA dev and
 * UCDP GED dev (${gva.usable} + ${ucdp.usable} documents with a choice); do not edit by hand.
 */
export const SCENE_WEIGHTS: readonly number[] = [
${rows.join('\n')}
];
`);
  console.log(`weights written to ${file}`);
  return 0;
}

process.exitCode = main();
