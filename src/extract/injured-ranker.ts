/**
 * A second reading of the main report's injured count: the rules (`injuredOf` in reports.ts) give
 * one figure; the document's own statements give others (each count of the hurt, each count of
 * the hit with or without the dead taken off, none). A small conditional logit, trained on the
 * GVA tune part by `npm run train:injured` (scripts/train-injured.ts; weights in
 * data/model/injured.json), weighs the candidates by what the stages already tell of them (where
 * the figure is stated, how often, by which words) and replaces the rules' figure only when it is
 * surer of another by `margin`. Every candidate but none is a figure a sentence states, so the
 * report's claim still quotes the sentence that gives it.
 */
import { readFileSync } from 'node:fs';

/** One statement of a count in the report's sentences. */
export interface InjuredEvidence {
  /** The count stated (its best value). */
  value: number;
  /** `told`: a count of the hurt ("two were wounded"); `hit`: of the people hit, the dead among them ("four shot"). */
  kind: 'told' | 'hit';
  /** The sentence's index in the document (0: the headline or first sentence). */
  sentence: number;
  /** Read from a vague word ("several wounded"), not a number. */
  vague: boolean;
  /** Its sentence has a word of gunfire ("shot", "gunshot", "bullet", "wounded"). */
  gunfire: boolean;
  /** Who was hurt, when the words say (CasualtyAnnotation.victims: "officers", "people"). */
  victims: string | null;
}

export interface InjuredCandidate {
  value: number;
  /** The statement that states it (index into the evidence), -1 for none (0, no claim). */
  at: number;
  features: Float64Array;
}

/** The candidates' features, in the order of the weights in data/model/injured.json. */
export const INJURED_FEATURES = [
  'rule', // the rules' figure
  'rule_hit', // …read from the hit less the dead
  'zero', // none hurt
  'zero_dead', // none hurt where someone died
  'zero_hit', // none hurt where the text counts people hit
  'zero_long', // none hurt in a long report (round-ups, background)
  'told', // a count of the hurt states it
  'told_many', // how many such counts state it (of 3)
  'told_vague', // only vague words state it
  'hit', // a count of the hit states it, the dead not taken off
  'hit_dead', // a count of the hit less the dead
  'hit_raw_dead', // the hit as they are where someone died
  'one',
  'two',
  'three_up',
  'headline', // stated in the first sentence
  'lead', // stated in the first three sentences
  'late', // first stated after the sixth sentence
  'max', // the highest candidate
  'min_stated', // the lowest figure stated (of several)
  'share', // share of the statements that state it
  'hit_with_dead', // the hit as they are, told in a sentence that also tells of the dead
  'hit_dead_with_dead', // the hit less the dead, where one sentence tells of both ("four shot, one dead")
  'hit_dead_unstated', // the hit as they are, where no sentence counts the dead (a "fatal shooting")
  'zero_late', // none hurt where every statement of the hurt or hit comes late
  'told_no_gunfire', // every count of the hurt that states it is told without a word of gunfire (a crash, a fight)
  'told_officers', // a count of hurt officers states it (often hurt in the arrest, not shot)
] as const;

/** Officers hurt are often hurt making the arrest, not by the shots. */
const OFFICERS = /^(?:officers?|deputies|deputy|troopers?|policem[ae]n|agents?)$/;

const F = Object.fromEntries(INJURED_FEATURES.map((f, i) => [f, i])) as Record<(typeof INJURED_FEATURES)[number], number>;

/** Sentences from which a report is long (a round-up, an article with background). */
const LONG_REPORT = 20;
const LEAD = 3;
const LATE = 6;

/**
 * The candidate figures and their features. `rule`: the rules' figure (0 when none); `ruleFromHit`:
 * it was read from the hit less the dead; `dead`: the report's toll; `deadAt`: the sentences that
 * count the dead; `sentences`: the report's length.
 */
export function injuredCandidates(evidence: readonly InjuredEvidence[], rule: number, ruleFromHit: boolean, dead: number, deadAt: ReadonlySet<number>, sentences: number): InjuredCandidate[] {
  const byValue = new Map<number, InjuredCandidate>();
  const add = (value: number, at: number) => {
    let c = byValue.get(value);
    if (!c) byValue.set(value, (c = { value, at, features: new Float64Array(INJURED_FEATURES.length) }));
    else if (c.at < 0 || (at >= 0 && evidence[at].sentence < evidence[c.at].sentence)) c.at = at;
    return c.features;
  };
  const hits = evidence.filter((e) => e.kind === 'hit').length;
  const told = evidence.filter((e) => e.kind === 'told');
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i];
    if (e.kind === 'told') {
      const f = add(e.value, i);
      f[F.told] = 1;
      f[F.told_many] = Math.min(3, f[F.told_many] * 3 + 1) / 3;
    } else {
      const f = add(e.value, i);
      f[F.hit] = 1;
      const withDead = deadAt.has(e.sentence);
      if (dead > 0) f[F.hit_raw_dead] = 1;
      if (dead > 0 && withDead) f[F.hit_with_dead] = 1;
      if (dead > 0 && !deadAt.size) f[F.hit_dead_unstated] = 1;
      if (dead > 0 && e.value >= dead) {
        const g = add(e.value - dead, i);
        g[F.hit_dead] = 1;
        if (withDead) g[F.hit_dead_with_dead] = 1;
      }
    }
  }
  const zero = add(0, -1);
  zero[F.zero] = 1;
  if (dead > 0) zero[F.zero_dead] = 1;
  if (hits) zero[F.zero_hit] = 1;
  if (sentences >= LONG_REPORT) zero[F.zero_long] = 1;
  if (evidence.every((e) => e.sentence >= LATE)) zero[F.zero_late] = 1;
  add(rule, -1)[F.rule] = 1;
  if (ruleFromHit) byValue.get(rule)!.features[F.rule_hit] = 1;
  const stated = told.length + hits;
  const all = [...byValue.values()].sort((a, b) => a.value - b.value);
  const max = all[all.length - 1].value;
  const statedValues = all.filter((c) => c.features[F.told] || c.features[F.hit]).map((c) => c.value);
  for (const c of all) {
    const f = c.features;
    if (c.value === 1) f[F.one] = 1;
    else if (c.value === 2) f[F.two] = 1;
    else if (c.value >= 3) f[F.three_up] = 1;
    const at = evidence.filter((e) => e.value === c.value && (e.kind === 'told' || e.kind === 'hit'));
    if (at.length) {
      const first = Math.min(...at.map((e) => e.sentence));
      if (first === 0) f[F.headline] = 1;
      if (first < LEAD) f[F.lead] = 1;
      if (first >= LATE) f[F.late] = 1;
      f[F.share] = stated ? at.length / stated : 0;
    }
    const toldIt = told.filter((e) => e.value === c.value);
    if (f[F.told] && toldIt.every((e) => e.vague)) f[F.told_vague] = 1;
    if (f[F.told] && toldIt.every((e) => !e.gunfire)) f[F.told_no_gunfire] = 1;
    if (toldIt.some((e) => e.victims !== null && OFFICERS.test(e.victims))) f[F.told_officers] = 1;
    if (c.value === max && all.length > 1) f[F.max] = 1;
    if (statedValues.length > 1 && c.value === statedValues[0]) f[F.min_stated] = 1;
  }
  return all;
}

export interface InjuredModel {
  weights: Float64Array;
  /** How much surer of another figure than of the rules' the model must be to replace it. */
  margin: number;
}

/** The candidates' probabilities under the model (softmax of their scores). */
export function injuredProbabilities(model: InjuredModel, candidates: readonly InjuredCandidate[]): number[] {
  const scores = candidates.map((c) => c.features.reduce((s, v, i) => s + v * model.weights[i], 0));
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** The candidate to report: the rules' unless the model is surer of another by its margin. */
export function chooseInjured(model: InjuredModel, candidates: readonly InjuredCandidate[]): InjuredCandidate {
  const rule = candidates.find((c) => c.features[F.rule] === 1)!;
  if (candidates.length < 2) return rule;
  const p = injuredProbabilities(model, candidates);
  let best = candidates.indexOf(rule);
  for (let i = 0; i < candidates.length; i++) if (p[i] > p[best]) best = i;
  return p[best] - p[candidates.indexOf(rule)] >= model.margin ? candidates[best] : rule;
}

/** What picks the figure among the candidates: the model (`chooseInjured`), or a recorder in training. */
export type InjuredRanker = (candidates: InjuredCandidate[]) => InjuredCandidate;

export const DEFAULT_INJURED_MODEL = new URL('../../data/model/injured.json', import.meta.url);

export class InjuredModelError extends Error {}

/** Reads the weights; a missing or broken file is one InjuredModelError naming it. */
export function loadInjuredModel(path: URL | string = DEFAULT_INJURED_MODEL): InjuredModel {
  const name = String(path).split('/').pop();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InjuredModelError(`${name}: cannot read the injured model (${(e as Error).message}); run npm run train:injured`);
  }
  const m = raw as { features?: unknown; weights?: unknown; margin?: unknown };
  const ok = Array.isArray(m.features) && Array.isArray(m.weights) && typeof m.margin === 'number'
    && m.features.length === INJURED_FEATURES.length && m.features.every((f, i) => f === INJURED_FEATURES[i])
    && m.weights.length === INJURED_FEATURES.length && m.weights.every((w) => typeof w === 'number' && Number.isFinite(w));
  if (!ok) throw new InjuredModelError(`${name}: the injured model does not match this code's features; run npm run train:injured`);
  return { weights: Float64Array.from(m.weights as number[]), margin: m.margin as number };
}
