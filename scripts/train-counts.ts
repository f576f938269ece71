/**
 * `npm run train:counts`: learns the count rankers' weights (src/extract/count-ranker.ts), injured
 * and killed, from the TUNE part of GVA dev only (the facts split of docs/evaluation.md:
 * sha1("facts:" + incident), first hex digit 0-7), and writes data/model/injured.json and
 * killed.json (the weights and the margin; no text).
 *
 * For each tune article with a report, the report builder is run with recorders in place of the
 * models: they keep the candidates (figures and features) and answer with the rules' figure. Per field, a
 * conditional logit (softmax over each article's candidates, L2, full-batch gradient descent from
 * zero for a fixed number of steps: the same file every run) is fitted on the articles whose coded
 * count is among their candidates.
 *
 * `--cv`: 5-fold cross-validation by incident on the tune part (every article of an incident in one
 * fold): per margin, the share of tune articles whose count is right with the rules alone and
 * with the ranker trained without the article's fold. The margin written is the one CV prefers.
 * `--cache FILE`: the recorded candidates are read from (or written to) FILE (numbers only).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReports } from '../src/extract/reports.js';
import { chooseCount, INJURED_FEATURES, KILLED_FEATURES, type CountCandidate, type CountField } from '../src/extract/count-ranker.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { gvaDocument, loadGva, partOf } from './eval-facts.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const cacheFile = opt('--cache');
const root = join(import.meta.dirname, '..');

/** One tune article and field: its incident, the coded count, the candidates (null: no report, the count is 0). */
interface Group { incident: string; gold: number; cands: { value: number; rule: boolean; f: number[] }[] | null }
type Recorded = Record<CountField, Group[]>;
const FEATURES: Record<CountField, readonly string[]> = { injured: INJURED_FEATURES, killed: KILLED_FEATURES };

function record(): Recorded {
  const { inc, docs } = loadGva();
  // the rules' figures alone: the committed rankers must not shape their own training data
  const pipeline = createPipeline(loadResources({ counts: false }));
  const out: Recorded = { injured: [], killed: [] };
  const rule = (c: CountCandidate[]) => c.find((k) => k.features[0] === 1)!;
  const asGroup = (c: CountCandidate[]) => c.map((k) => ({ value: k.value, rule: k.features[0] === 1, f: [...k.features] }));
  for (const d of docs) {
    if (partOf(d.incident) !== 'tune') continue;
    const g = inc.get(d.incident);
    if (!g) continue;
    const x = extract(gvaDocument(d), pipeline);
    if (!x.reports.length) {
      out.injured.push({ incident: d.incident, gold: g.injured, cands: null });
      out.killed.push({ incident: d.incident, gold: g.killed, cands: null });
      continue;
    }
    const seen: Partial<Record<CountField, CountCandidate[]>> = {};
    buildReports(x.annotated, [], undefined, { injured: (c) => ((seen.injured ??= c), rule(c)), killed: (c) => ((seen.killed ??= c), rule(c)) });
    const r = x.reports[0];
    // no statement of the field: the rules' figure is the only candidate
    const alone = (field: CountField, value: number) => [{ value, rule: true, f: FEATURES[field].map((_, i) => (i === 0 ? 1 : 0)) }];
    out.injured.push({ incident: d.incident, gold: g.injured, cands: seen.injured ? asGroup(seen.injured) : alone('injured', r.injured?.best ?? 0) });
    out.killed.push({ incident: d.incident, gold: g.killed, cands: seen.killed ? asGroup(seen.killed) : alone('killed', r.fatalities?.best ?? 0) });
  }
  return out;
}

const recorded: Recorded = cacheFile && existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : record();
if (cacheFile && !existsSync(cacheFile)) writeFileSync(cacheFile, JSON.stringify(recorded));

const L2 = Number(opt('--l2') ?? 0.01);
const STEPS = 3000;
const RATE = 0.5;

/** Fits the weights on the groups whose coded count is among two or more candidates. */
function fit(train: Group[]): number[] {
  const N = train.find((g) => g.cands)!.cands![0].f.length;
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
  const cands: CountCandidate[] = g.cands.map((c, k) => ({ value: c.value, at: k, features: Float64Array.from(c.f) }));
  return chooseCount({ weights: Float64Array.from(w), margin }, cands).value;
}

const MARGINS = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5];
const foldOf = (incident: string) => parseInt(createHash('sha1').update(`injured-cv:${incident}`).digest('hex').slice(0, 8), 16) % 5;
for (const field of ['injured', 'killed'] as const) {
  const groups = recorded[field];
  const ruleRight = groups.filter((g) => (g.cands ? g.cands.find((c) => c.rule)!.value : 0) === g.gold).length;
  const reach = groups.filter((g) => (g.cands ? g.cands.some((c) => c.value === g.gold) : g.gold === 0)).length;
  console.log(`${field}, GVA tune: ${groups.length} articles; right by the rules ${(ruleRight / groups.length).toFixed(3)} (${ruleRight}); among the candidates ${(reach / groups.length).toFixed(3)} (${reach})`);
  let margin = 0.2;
  if (args.includes('--cv')) {
    const right = new Map<number, number>(MARGINS.map((m) => [m, 0]));
    for (let k = 0; k < 5; k++) {
      const w = fit(groups.filter((g) => foldOf(g.incident) !== k));
      for (const g of groups.filter((x) => foldOf(x.incident) === k)) for (const m of MARGINS) if (chosen(w, m, g) === g.gold) right.set(m, right.get(m)! + 1);
    }
    let best = -1;
    for (const m of MARGINS) {
      const r = right.get(m)!;
      console.log(`  margin ${m.toFixed(2)}: cross-validated ${(r / groups.length).toFixed(3)} (${r}, ${r - ruleRight >= 0 ? '+' : ''}${r - ruleRight} on the rules)`);
      // on a tie the larger margin: the rules stand where the model is no surer
      if (r >= best) (best = r), (margin = m);
    }
  }
  const weights = fit(groups);
  console.log('  ' + FEATURES[field].map((f, i) => `${f} ${weights[i]}`).join(', '));
  if (!args.includes('--dry')) {
    const file = join(root, 'data', 'model', `${field}.json`);
    writeFileSync(file, JSON.stringify({ features: FEATURES[field], weights, margin, trainedOn: `GVA dev tune part, ${groups.length} articles` }) + '\n');
    console.log(`  wrote ${file} (margin ${margin})`);
  }
}
