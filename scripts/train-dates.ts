/**
 * `npm run train:dates`: learns the date ranker's weights (src/extract/date-ranker.ts) from the
 * TUNE part of GVA dev only (the facts split of docs/evaluation.md: sha1("facts:" + incident), first
 * hex digit 0-7), and writes data/model/dates.json (the weights and the margin; no text).
 *
 * Each tune article is extracted by the pipeline without the committed date weights, with a
 * recorder in place of the model: it keeps the main report's candidates (dates and features) and
 * answers with the rules' pick. A candidate is right when it meets the coded day by the facts rule
 * (meets it, at most one day wider). A conditional logit (softmax over each article's candidates,
 * the probability of the right ones raised; L2; full-batch gradient descent from zero for a fixed
 * number of steps: the same file every run) is fitted on the articles with a right candidate and a
 * wrong one.
 *
 * The margin: 5-fold cross-validation by incident on the tune part (every article of an incident in
 * one fold) prints, per margin, the share of tune articles dated right by the rules alone and with
 * the ranker trained without the article's fold; the margin written is the one CV prefers (on a tie
 * the larger). `--dry`: print, write nothing. `--cache FILE`: the recorded candidates are read
 * from (or written to) FILE (numbers only).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseDate, DATE_FEATURES, type DateCandidate } from '../src/extract/date-ranker.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { dateMeets, gvaDocument, loadGva, partOf } from './eval-facts.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const cacheFile = opt('--cache');
const root = join(import.meta.dirname, '..');

/** One tune article: its incident, the candidates (null: no report, or no candidate) with whether each meets the coded day. */
interface Group { incident: string; cands: { ok: boolean; rule: boolean; f: number[] }[] | null }

function record(): Group[] {
  const { inc, docs } = loadGva();
  // the rules' date alone: the committed ranker must not shape its own training data
  const base = createPipeline(loadResources({ dates: false }));
  let seen: DateCandidate[] | null = null;
  const pipeline = { ...base, dateRanker: (c: DateCandidate[]) => ((seen ??= c), c.find((k) => k.features[0] === 1) ?? null) };
  const groups: Group[] = [];
  for (const d of docs) {
    if (partOf(d.incident) !== 'tune') continue;
    const g = inc.get(d.incident);
    if (!g || !d.text?.trim()) continue;
    seen = null;
    const x = extract(gvaDocument(d), pipeline);
    const got = seen as DateCandidate[] | null;
    if (!x.reports.length) {
      groups.push({ incident: d.incident, cands: null });
      continue;
    }
    // not ranked (the rules read a week or a month, or nothing is stated nor published): the rules' date
    if (!got || !got.length) {
      groups.push({ incident: d.incident, cands: [{ ok: dateMeets(x.reports[0].date, [g.date, g.date]), rule: true, f: DATE_FEATURES.map((_, i) => (i === 0 ? 1 : 0)) }] });
      continue;
    }
    groups.push({ incident: d.incident, cands: got.map((c) => ({ ok: dateMeets(c.value, [g.date, g.date]), rule: c.features[0] === 1, f: [...c.features] })) });
  }
  return groups;
}

const groups: Group[] = cacheFile && existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : record();
if (cacheFile && !existsSync(cacheFile)) writeFileSync(cacheFile, JSON.stringify(groups));

const N = DATE_FEATURES.length;
const L2 = Number(opt('--l2') ?? 0.001);
const STEPS = 3000;
const RATE = 0.5;

/** Fits the weights on the groups with a right candidate and a wrong one. */
function fit(train: Group[]): number[] {
  const data = train.filter((g) => g.cands && g.cands.some((c) => c.ok) && g.cands.some((c) => !c.ok));
  const w = new Array<number>(N).fill(0);
  for (let step = 0; step < STEPS; step++) {
    const grad = new Array<number>(N).fill(0);
    for (const g of data) {
      const s = g.cands!.map((c) => c.f.reduce((a, v, i) => a + v * w[i], 0));
      const top = Math.max(...s);
      const e = s.map((x) => Math.exp(x - top));
      const z = e.reduce((a, b) => a + b, 0);
      const zOk = g.cands!.reduce((a, c, k) => a + (c.ok ? e[k] : 0), 0);
      // -log of the right candidates' probability: p - (p among the right ones)
      g.cands!.forEach((c, k) => {
        const p = e[k] / z - (c.ok ? e[k] / zOk : 0);
        for (let i = 0; i < N; i++) grad[i] += p * c.f[i];
      });
    }
    for (let i = 0; i < N; i++) w[i] -= RATE * (grad[i] / data.length + L2 * w[i]);
  }
  return w.map((x) => Math.round(x * 1000) / 1000);
}

function right(w: number[], margin: number, g: Group): boolean {
  if (!g.cands) return false;
  const cands: DateCandidate[] = g.cands.map((c, k) => ({ value: { start: String(k), end: String(k), precision: 'day' }, at: k, features: Float64Array.from(c.f) }));
  const pick = chooseDate({ weights: Float64Array.from(w), margin }, cands);
  return !!pick && g.cands[pick.at].ok;
}

const MARGINS = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5];
const foldOf = (incident: string) => parseInt(createHash('sha1').update(`dates-cv:${incident}`).digest('hex').slice(0, 8), 16) % 5;
const ruleRight = groups.filter((g) => g.cands?.some((c) => c.rule && c.ok)).length;
const reach = groups.filter((g) => g.cands?.some((c) => c.ok)).length;
console.log(`GVA tune: ${groups.length} articles; date right by the rules ${(ruleRight / groups.length).toFixed(3)} (${ruleRight}); among the candidates ${(reach / groups.length).toFixed(3)} (${reach})`);

let margin = 0;
{
  const ok = new Map<number, number>(MARGINS.map((m) => [m, 0]));
  // per margin: articles the ranker puts right that the rules had wrong, and the reverse; gain per fold
  const moved = new Map<number, [number, number, number[]]>(MARGINS.map((m) => [m, [0, 0, [0, 0, 0, 0, 0]]]));
  for (let k = 0; k < 5; k++) {
    const w = fit(groups.filter((g) => foldOf(g.incident) !== k));
    for (const g of groups.filter((x) => foldOf(x.incident) === k)) {
      const before = !!g.cands?.some((c) => c.rule && c.ok);
      for (const m of MARGINS) {
        const now = right(w, m, g);
        if (now) ok.set(m, ok.get(m)! + 1);
        const mv = moved.get(m)!;
        if (now && !before) mv[0]++, mv[2][k]++;
        if (!now && before) mv[1]++, mv[2][k]--;
      }
    }
  }
  let best = -1;
  for (const m of MARGINS) {
    const r = ok.get(m)!;
    console.log(`margin ${m.toFixed(2)}: cross-validated ${(r / groups.length).toFixed(3)} (${r}, ${r - ruleRight >= 0 ? '+' : ''}${r - ruleRight} on the rules: ${moved.get(m)![0]} fixed, ${moved.get(m)![1]} broken; by fold ${moved.get(m)![2].join(' ')})`);
    // on a tie the larger margin: the rules stand where the model is no surer
    if (r >= best) (best = r), (margin = m);
  }
}

const weights = fit(groups);
console.log(DATE_FEATURES.map((f, i) => `${f} ${weights[i]}`).join(', '));
if (!args.includes('--dry')) {
  const file = join(root, 'data', 'model', 'dates.json');
  writeFileSync(file, JSON.stringify({ features: DATE_FEATURES, weights, margin, trainedOn: `GVA dev tune part, ${groups.length} articles` }) + '\n');
  console.log(`wrote ${file} (margin ${margin})`);
}
