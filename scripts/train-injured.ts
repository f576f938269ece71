/**
 * `npm run train:injured`: learns the injured ranker's weights (src/extract/injured-ranker.ts) from
 * the TUNE part of GVA dev only (the facts split of docs/evaluation.md: sha1("facts:" + incident),
 * first hex digit 0-7), and writes data/model/injured.json (the weights and the margin; no text).
 *
 * For each tune article with a report, the report builder is run with a recorder in place of the
 * model: it keeps the candidates (figures and features) and answers with the rules' figure. A
 * conditional logit (softmax over each article's candidates, L2, full-batch gradient descent from
 * zero for a fixed number of steps: the same file every run) is fitted on the articles whose coded
 * count is among their candidates.
 *
 * The margin: 5-fold cross-validation by incident on the tune part (every article of an incident in
 * one fold) prints, per margin, the share of tune articles whose injured count is right with the rules
 * alone and with the ranker trained without the article's fold; the margin written is the one CV
 * prefers (on a tie the larger). `--dry`: print, write nothing.
 * `--cache FILE`: the recorded candidates are read from (or written to) FILE (numbers only).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReports } from '../src/extract/reports.js';
import { chooseInjured, INJURED_FEATURES, type InjuredCandidate } from '../src/extract/injured-ranker.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { gvaDocument, loadGva, partOf } from './eval-facts.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const cacheFile = opt('--cache');
const root = join(import.meta.dirname, '..');

/** One tune article: its incident, the coded count, the candidates (null: no report, the count is 0). */
interface Group { incident: string; gold: number; cands: { value: number; rule: boolean; f: number[] }[] | null }

function record(): Group[] {
  const { inc, docs } = loadGva();
  // the rules' figure alone: the committed ranker must not shape its own training data
  const pipeline = createPipeline(loadResources({ injured: false }));
  const groups: Group[] = [];
  for (const d of docs) {
    if (partOf(d.incident) !== 'tune') continue;
    const g = inc.get(d.incident);
    if (!g) continue;
    const x = extract(gvaDocument(d), pipeline);
    if (!x.reports.length) {
      groups.push({ incident: d.incident, gold: g.injured, cands: null });
      continue;
    }
    let seen: InjuredCandidate[] | null = null;
    const rule = (c: InjuredCandidate[]) => c.find((k) => k.features[0] === 1)!;
    buildReports(x.annotated, [], undefined, (c) => ((seen ??= c), rule(c)));
    const rv = x.reports[0].injured?.best ?? 0;
    const cands = seen ? (seen as InjuredCandidate[]).map((c) => ({ value: c.value, rule: c.features[0] === 1, f: [...c.features] })) : [{ value: rv, rule: true, f: INJURED_FEATURES.map((_, i) => (i === 0 ? 1 : 0)) }];
    groups.push({ incident: d.incident, gold: g.injured, cands });
  }
  return groups;
}

const groups: Group[] = cacheFile && existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : record();
if (cacheFile && !existsSync(cacheFile)) writeFileSync(cacheFile, JSON.stringify(groups));

const N = INJURED_FEATURES.length;
const L2 = Number(opt('--l2') ?? 0.01);
const STEPS = 3000;
const RATE = 0.5;

/** Fits the weights on the groups whose coded count is among two or more candidates. */
function fit(train: Group[]): number[] {
  const data = train.filter((g) => g.cands && g.cands.length > 1 && g.cands.some((c) => c.value === g.gold));
  const w = new Array<number>(N).fill(0);
  for (let step = 0; step < STEPS; step++) {
    const grad = new Array<number>(N).fill(0);
    for (const g of data) {
      const s = g.cands!.map((c) => c.f.reduce((a, v, i) => a + v * w[i], 0));
      const top = Math.max(...s);
      const e = s.map((x) => Math.exp(x - top));
      const z = e.reduce((a, b) => a + b, 0);
      g.cands!.forEach((c, k) => {
        const p = e[k] / z - (c.value === g.gold ? 1 : 0);
        for (let i = 0; i < N; i++) grad[i] += p * c.f[i];
      });
    }
    for (let i = 0; i < N; i++) w[i] -= RATE * (grad[i] / data.length + L2 * w[i]);
  }
  return w.map((x) => Math.round(x * 1000) / 1000);
}

function chosen(w: number[], margin: number, g: Group): number {
  if (!g.cands) return 0;
  const cands: InjuredCandidate[] = g.cands.map((c, k) => ({ value: c.value, at: k, features: Float64Array.from(c.f) }));
  return chooseInjured({ weights: Float64Array.from(w), margin }, cands).value;
}

const MARGINS = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5];
const foldOf = (incident: string) => parseInt(createHash('sha1').update(`injured-cv:${incident}`).digest('hex').slice(0, 8), 16) % 5;
const ruleRight = groups.filter((g) => (g.cands ? g.cands.find((c) => c.rule)!.value : 0) === g.gold).length;
const reach = groups.filter((g) => (g.cands ? g.cands.some((c) => c.value === g.gold) : g.gold === 0)).length;
console.log(`GVA tune: ${groups.length} articles; injured right by the rules ${(ruleRight / groups.length).toFixed(3)} (${ruleRight}); among the candidates ${(reach / groups.length).toFixed(3)} (${reach})`);

let margin = 0;
{
  const right = new Map<number, number>(MARGINS.map((m) => [m, 0]));
  for (let k = 0; k < 5; k++) {
    const w = fit(groups.filter((g) => foldOf(g.incident) !== k));
    for (const g of groups.filter((x) => foldOf(x.incident) === k)) for (const m of MARGINS) if (chosen(w, m, g) === g.gold) right.set(m, right.get(m)! + 1);
  }
  let best = -1;
  for (const m of MARGINS) {
    const r = right.get(m)!;
    console.log(`margin ${m.toFixed(2)}: cross-validated ${(r / groups.length).toFixed(3)} (${r}, ${r - ruleRight >= 0 ? '+' : ''}${r - ruleRight} on the rules)`);
    // on a tie the larger margin: the rules stand where the model is no surer
    if (r >= best) (best = r), (margin = m);
  }
}

const weights = fit(groups);
console.log(INJURED_FEATURES.map((f, i) => `${f} ${weights[i]}`).join(', '));
if (!args.includes('--dry')) {
  const file = join(root, 'data', 'model', 'injured.json');
  writeFileSync(file, JSON.stringify({ features: INJURED_FEATURES, weights, margin, trainedOn: `GVA dev tune part, ${groups.length} articles` }) + '\n');
  console.log(`wrote ${file} (margin ${margin})`);
}
