/**
 * What the data allows (issue 15, session 13 census): the figures a PERFECT ACLED coder would get on two
 * targets, from labels read by hand on the TRAIN parts only. Reads keys and labels from this folder (no text
 * of ../shared/data is needed or held): docs/evaluation.md, "What the data allows", says how they were read.
 *
 * - scripts/census15-satp.tsv: a fixed-seed sample of SATP train.tsv, stratified by label combination (the
 *   first n of each stratum in sha1("census15:" + key) order; weight = stratum size / n). `acled` is the set of
 *   armed assault (A) / bombing (B) / kidnapping (K) that an ACLED coder's events give under eval:types'
 *   mapping; `acled_alt` another defensible reading (`=` none, `-` the empty set); `flag` E where SATP's label
 *   looks plainly wrong by its own definitions, D where it is an ontology difference; `sitrep_cv` the classes
 *   of main's type model read by the fold model that did not see the narrative (scripts/census-types.ts).
 * - scripts/census15-ecb.tsv: every ECB+ train article; `class` for `other` a (no violent incident), b (a
 *   violent incident only as background or old: trials, cold cases), c (a current violent incident: none
 *   found), d (a current armed robbery, no one hurt, no shot); for `conflict` i (reports the incident or its
 *   immediate aftermath) or ii (trial, conviction, sentence or charges months or years later, no current event).
 *
 * Usage: npx tsx scripts/census-ceiling.ts   (seeded bootstrap, same output every run)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const table = (file: string) => readFileSync(join(here, file), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).slice(1).map((l) => l.split('\t'));

// a seeded generator, so the intervals are the same every run
let seed = 15;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const f3 = (x: number) => x.toFixed(3);
const quantiles = (xs: number[]) => {
  xs.sort((a, b) => a - b);
  return [xs[Math.floor(0.025 * xs.length)], xs[Math.floor(0.975 * xs.length)]];
};
/** Wilson 95 % interval of k successes in n. */
function wilson(k: number, n: number): [number, number] {
  const z = 1.96, p = k / n, d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d, h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [Math.max(0, c - h), Math.min(1, c + h)];
}

// ---- SATP ----
type Set3 = Set<string>;
interface Row { key: string; stratum: string; weight: number; satp: Set3; other: boolean; acled: Set3; alt: Set3; flag: string; sitrep: Set3 }
const classes = (s: string): Set3 => new Set(s === '-' ? [] : s.split(''));
const satpRows: Row[] = table('census15-satp.tsv').map(([key, stratum, lab, weight, acled, alt, flag, sitrep]) => ({
  key, stratum, weight: Number(weight), satp: new Set(['A', 'B', 'K'].filter((_, i) => lab[i] === '1')), other: lab[3] === '1',
  acled: classes(acled), alt: alt === '=' ? classes(acled) : classes(alt), flag, sitrep: classes(sitrep),
}));
const strata = new Map<string, Row[]>();
for (const r of satpRows) strata.set(r.stratum, [...(strata.get(r.stratum) ?? []), r]);
const population = (s: string) => strata.get(s)![0].weight * strata.get(s)!.length;

function errors(gold: Set3, pred: Set3): [number, number, number] {
  let tp = 0, fp = 0, fn = 0;
  for (const c of 'ABK') {
    if (gold.has(c) && pred.has(c)) tp++;
    else if (pred.has(c)) fp++;
    else if (gold.has(c)) fn++;
  }
  return [tp, fp, fn];
}
type Pick = (rs: Row[]) => Row[];
const all: Pick = (rs) => rs;
const resample: Pick = (rs) => rs.map(() => rs[Math.floor(rnd() * rs.length)]);
/** Population-weighted micro-F1 of `pred` against `gold`, and the share of no-attack narratives given none of the three. */
function score(gold: (r: Row) => Set3, pred: (r: Row) => Set3, pick: Pick = all, only = 'ABK') {
  let tp = 0, fp = 0, fn = 0, none = 0, left = 0;
  for (const [s, rows] of strata) {
    const rs = pick(rows), w = population(s) / rs.length;
    for (const r of rs) {
      const g = new Set([...gold(r)].filter((c) => only.includes(c))), p = new Set([...pred(r)].filter((c) => only.includes(c)));
      const [a, b, c] = errors(g, p);
      tp += w * a, fp += w * b, fn += w * c;
      if (!r.satp.size) (none += w), (left += pred(r).size ? 0 : w);
    }
  }
  return { f: (2 * tp) / (2 * tp + fp + fn), p: tp / (tp + fp), r: tp / (tp + fn), tp, fp, fn, left: left / none };
}
function report(name: string, gold: (r: Row) => Set3, pred: (r: Row) => Set3, withLeft = true) {
  const e = score(gold, pred);
  const boots = Array.from({ length: 4000 }, () => score(gold, pred, resample));
  const [lo, hi] = quantiles(boots.map((b) => b.f)), [llo, lhi] = quantiles(boots.map((b) => b.left));
  const per = ['A', 'B', 'K'].map((c) => `${c} ${f3(score(gold, pred, all, c).f)}`).join(', ');
  console.log(`  ${name}: micro-F1 ${f3(e.f)} [95 % ${f3(lo)}-${f3(hi)}] (P ${f3(e.p)} R ${f3(e.r)}; per class ${per})` + (withLeft ? `; no-attack left ${pct(e.left)} [${pct(llo)}-${pct(lhi)}]` : ''));
}
// per narrative, the reading (primary or alternative) closer to SATP, or farther from it: bounds on the ceiling
const closer = (r: Row, far = false) => {
  const e = (s: Set3) => { const [, fp, fn] = errors(r.satp, s); return fp + fn; };
  return (e(r.alt) < e(r.acled)) !== far ? r.alt : r.acled;
};

console.log(`SATP train.tsv, ${satpRows.length} narratives read of ${[...strata.keys()].reduce((a, s) => a + population(s), 0).toFixed(0)} (` + [...strata].map(([s, rs]) => `${s} ${rs.length}/${population(s).toFixed(0)}`).join(', ') + ')');
console.log('A perfect ACLED coder against SATP (the ceiling of eval:types\' SATP measure):');
report('primary reading', (r) => r.satp, (r) => r.acled);
report('each narrative read the way closer to SATP (upper bound)', (r) => r.satp, (r) => closer(r));
report('each narrative read the way farther from SATP (lower bound)', (r) => r.satp, (r) => closer(r, true));
console.log('The same if SATP\'s plain errors (E) were fixed, and if SATP `other` counted as armed assault:');
const fixed = (r: Row) => (r.flag === 'E' ? r.acled : r.satp);
report('E fixed', fixed, (r) => r.acled);
report('E fixed, other as armed assault', (r) => (r.other ? new Set([...fixed(r), 'A']) : fixed(r)), (r) => r.acled);
report('E fixed, other as armed assault, upper bound', (r) => (r.other ? new Set([...fixed(r), 'A']) : fixed(r)), (r) => closer(r));
console.log('sitrep (main\'s model, cross-validated) on the same sample:');
report('against SATP (all of train.tsv: 0.623)', (r) => r.satp, (r) => r.sitrep);
report('against the ACLED reading', (r) => r.acled, (r) => r.sitrep, false);
// where the ceiling's errors come from
const mass = new Map<string, [number, number, number]>();
for (const [s, rs] of strata) for (const r of rs) {
  const [, fp, fn] = errors(r.satp, r.acled);
  if (!fp && !fn) continue;
  const k = `${s}/${r.flag}`, m = mass.get(k) ?? [0, 0, 0];
  mass.set(k, [m[0] + r.weight * fp, m[1] + r.weight * fn, m[2] + 1]);
}
console.log('  the ceiling\'s false positives / negatives by stratum and flag (population-weighted): ' + [...mass].sort().map(([k, [fp, fn, n]]) => `${k} FP ${fp.toFixed(0)} FN ${fn.toFixed(0)} (${n} read)`).join('; '));
for (const [s, flag] of [['N', 'E'], ['N', 'D']]) {
  const rs = strata.get(s)!, k = rs.filter((r) => r.flag === flag && errors(r.satp, r.acled)[1] > 0).length, [lo, hi] = wilson(k, rs.length);
  console.log(`  SATP no-attack narratives an ACLED coder gives one of the three, flag ${flag}: ${k}/${rs.length} = ${pct(k / rs.length)} [${pct(lo)}-${pct(hi)}], about ${((population(s) * k) / rs.length).toFixed(0)} of ${population(s).toFixed(0)}`);
}

// ---- ECB+ ----
const ecb = table('census15-ecb.tsv').map(([id, subtopic, label, cls, sitrep]) => ({ id, subtopic, label, cls, sitrep }));
const other = ecb.filter((r) => r.label === 'other'), conflict = ecb.filter((r) => r.label === 'conflict');
const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;
const interval = (k: number, n: number) => { const [lo, hi] = wilson(k, n); return `${k}/${n} = ${pct(k / n)} [${pct(lo)}-${pct(hi)}]`; };
/** Sub-topic cluster bootstrap of a share (articles of one sub-topic are one story). */
function cluster(rows: typeof ecb, f: (r: (typeof ecb)[number]) => boolean) {
  const subs = [...new Set(rows.map((r) => r.subtopic))];
  const xs = Array.from({ length: 4000 }, () => {
    const pick = subs.map(() => subs[Math.floor(rnd() * subs.length)]).flatMap((s) => rows.filter((r) => r.subtopic === s));
    return count(pick, f) / pick.length;
  });
  const [lo, hi] = quantiles(xs);
  return `sub-topic bootstrap ${pct(lo)}-${pct(hi)}`;
}
console.log(`\nECB+ train part: ${other.length} other articles (${new Set(other.map((r) => r.subtopic)).size} sub-topics), ${conflict.length} conflict (${new Set(conflict.map((r) => r.subtopic)).size})`);
console.log('  other by class: ' + ['a', 'b', 'c', 'd'].map((c) => `${c} ${count(other, (r) => r.cls === c)} (sitrep CV typed violent ${count(other, (r) => r.cls === c && r.sitrep === 'violent')})`).join(', '));
console.log('  conflict by class: ' + ['i', 'ii'].map((c) => `${c} ${count(conflict, (r) => r.cls === c)} (sitrep CV found ${count(conflict, (r) => r.cls === c && r.sitrep !== 'none')})`).join(', '));
console.log('A reader faithful to ACLED (an event is what happens now; trials and sentences are not events; arrests are):');
console.log(`  other typed violent ${interval(count(other, (r) => r.cls === 'c'), other.length)}; with the armed robbery (d) ${interval(count(other, (r) => r.cls === 'c' || r.cls === 'd'), other.length)}, ${cluster(other, (r) => r.cls === 'c' || r.cls === 'd')}`);
console.log(`  conflict found ${interval(count(conflict, (r) => r.cls === 'i'), conflict.length)}, ${cluster(conflict, (r) => r.cls === 'i')}`);
console.log('A reader that makes every told killing a report (background and old incidents too):');
console.log(`  other typed violent ${interval(count(other, (r) => r.cls === 'b' || r.cls === 'c'), other.length)}, ${cluster(other, (r) => r.cls === 'b' || r.cls === 'c')}; with (d) ${interval(count(other, (r) => r.cls !== 'a'), other.length)}`);
console.log(`  conflict found ${interval(conflict.length, conflict.length)}`);
console.log(`sitrep now (CV): other typed violent ${interval(count(other, (r) => r.sitrep === 'violent'), other.length)}; conflict found ${interval(count(conflict, (r) => r.sitrep !== 'none'), conflict.length)}`);
