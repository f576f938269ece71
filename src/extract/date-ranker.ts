/**
 * A second reading of the main report's date: the rules (`incidentDate` in reports.ts) pick one of
 * the dates the report's sentences state, or the publication day and the day before when none is
 * stated. A small conditional logit, trained on the GVA tune part by `npm run train:dates`
 * (scripts/train-dates.ts; weights in data/model/dates.json), weighs those same candidates by what
 * the stages already tell of them (where the date is stated, how, how long before publication,
 * which words stand near it) and replaces the rules' pick only when it is surer of another by
 * `margin`. Every candidate but the implied one is a date a sentence states, so the report's claim
 * still quotes the sentence that gives it.
 */
import { readFileSync } from 'node:fs';
import type { DateInterval } from '../model/types.js';

/** One statement of a date in the report's sentences. */
export interface DateEvidence {
  value: DateInterval;
  /** The sentence's index in the document (0: the headline or first sentence). */
  sentence: number;
  /** The dates stage read it as the date of a later step (said, arrested, in court). */
  later: boolean;
  /** Its sentence tells of people hit ("a man was shot Sunday"). */
  told: boolean;
  /** The words of the date ("Sunday", "Aug. 12", "last night"). */
  text: string;
  /** Its sentence's words around it (a few dozen characters either side). */
  near: string;
}

export interface DateCandidate {
  value: DateInterval;
  /** The statement that states it (index into the evidence), -1 for the implied publication days. */
  at: number;
  features: Float64Array;
}

/** The candidates' features, in the order of the weights in data/model/dates.json. */
export const DATE_FEATURES = [
  'rule', // the rules' pick
  'implied', // the publication day and the day before (no date stated)
  'day', // one day
  'two_days', // two days ("overnight", "the weekend")
  'later_all', // every statement of it is read as a later step
  'later_some', // some statement of it is
  'headline', // stated in the first sentence
  'lead', // stated in the first five sentences
  'late', // first stated after the sixth sentence
  'told', // stated in a sentence that tells of people hit
  'many', // how many statements state it (of 3)
  'share', // share of the statements that state it
  'earliest', // the earliest of several dates stated
  'latest', // the latest of several
  'pub_same', // ends on the publication day
  'pub_1', // ends the day before
  'pub_2_7', // 2-7 days before
  'pub_older', // more than a week before
  'pub_after', // after the publication day (a court date ahead, a misread)
  'weekday', // told by a weekday's name ("Sunday")
  'calendar', // told by month and day ("Aug. 12", "8/12")
  'relative', // told by a relative word ("yesterday", "last night", "this morning")
  'near_step', // a later step's word nearby (court, funeral, vigil, charged, died, arrested)
  'near_incident', // an incident's word nearby (shot, shooting, happened, around, about)
  'near_said', // a word of reporting nearby (said, told, according to)
  'implied_only_later', // the implied days, where every stated date is a later step's
  'implied_old', // the implied days, where every stated date is more than a week before publication
  'near_caption', // a caption's or a page's words nearby (photo, image, posted, updated)
  'near_tweet', // a post's marks nearby (@handle, pic.twitter.com)
  'near_clock', // a time of day nearby ("10:45 p.m.", "night", "morning")
  'near_died', // "died" nearby (a victim who died days later)
] as const;

const F = Object.fromEntries(DATE_FEATURES.map((f, i) => [f, i])) as Record<(typeof DATE_FEATURES)[number], number>;

const DAY = 86_400_000;
const LEAD = 5;
const LATE = 6;
const WEEKDAY = /\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b/i;
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*\d|\d{1,2}\/\d{1,2}|\d{4}-\d\d-\d\d|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const RELATIVE = /\b(?:yesterday|today|tonight|last night|this (?:morning|afternoon|evening)|overnight|earlier|ago|last week(?:end)?|this week(?:end)?)\b/i;
const STEP = /\b(?:arraign\w*|court|judge|funeral|vigil|memorial|charged|charges|indicted|sentenced|hearing|trial|pleaded|died|death|arrested|arrest|booked|released|identified|autopsy|buried|services?|rally|march|protest)\b/i;
const INCIDENT = /\b(?:shot|shots|shooting|gunfire|fired|wounded|killed|stabbed|happened|occurred|incident|around|about|approximately|just before|just after|shortly)\b/i;
const CAPTION = /\b(?:photos?|image|posted|updated|published|file|copyright|video)\b|©/i;
const TWEET = /@\w|pic\.twitter|twitter\.com|\(@/i;
const CLOCK = /\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|\b(?:night|morning|afternoon|evening|noon|midnight|dawn)\b/i;
const DIED = /\b(?:died|dies|succumbed|passed away)\b/i;
const SAID = /\b(?:said|says|told|according|announced|reported|confirmed|statement)\b/i;

/**
 * The candidate dates and their features. `rule`: the rules' pick (null when none); `implied`: the
 * publication days (null without a publication date); `published`: the publication day.
 */
export function dateCandidates(evidence: readonly DateEvidence[], rule: DateInterval | null, implied: DateInterval | null, published: string | null): DateCandidate[] {
  const key = (d: DateInterval) => `${d.start}/${d.end}`;
  const byKey = new Map<string, DateCandidate>();
  const add = (value: DateInterval, at: number) => {
    let c = byKey.get(key(value));
    if (!c) byKey.set(key(value), (c = { value, at, features: new Float64Array(DATE_FEATURES.length) }));
    else if (c.at < 0 && at >= 0) c.at = at;
    return c;
  };
  // a week or a month stated is no candidate: the model learnt from incidents coded by the day
  // (GVA), and where such a span is the rules' pick the rules stand (see reports.ts)
  for (let i = 0; i < evidence.length; i++) if (Date.parse(evidence[i].value.end) - Date.parse(evidence[i].value.start) <= DAY) add(evidence[i].value, i);
  if (implied) add(implied, -1).features[F.implied] = 1;
  if (rule) add(rule, -1).features[F.rule] = 1;
  // a span holding the rules' day (the publication days around "Sunday") is the same reading told less
  // precisely: right more often by a rule that allows a day's width, no better a reading; not offered
  if (rule) for (const [k, c] of byKey) if (c.features[F.rule] !== 1 && c.value.start <= rule.start && c.value.end >= rule.end) byKey.delete(k);
  const pub = published ? Date.parse(published) : NaN;
  const stated = [...new Set(evidence.map((e) => key(e.value)))];
  const starts = evidence.map((e) => e.value.start).sort();
  const ends = evidence.map((e) => e.value.end).sort();
  const onlyLater = evidence.length > 0 && evidence.every((e) => e.later);
  const allOld = evidence.length > 0 && !Number.isNaN(pub) && evidence.every((e) => pub - Date.parse(e.value.end) > 7 * DAY);
  const all = [...byKey.values()];
  for (const c of all) {
    const f = c.features;
    const span = Date.parse(c.value.end) - Date.parse(c.value.start);
    if (span <= 0) f[F.day] = 1;
    else f[F.two_days] = 1;
    if (f[F.implied] && onlyLater) f[F.implied_only_later] = 1;
    if (f[F.implied] && allOld) f[F.implied_old] = 1;
    if (!Number.isNaN(pub)) {
      const before = Math.round((pub - Date.parse(c.value.end)) / DAY);
      if (Date.parse(c.value.start) > pub) f[F.pub_after] = 1;
      else if (before <= 0) f[F.pub_same] = 1;
      else if (before === 1) f[F.pub_1] = 1;
      else if (before <= 7) f[F.pub_2_7] = 1;
      else f[F.pub_older] = 1;
    }
    const at = evidence.filter((e) => key(e.value) === key(c.value));
    if (!at.length) continue;
    const first = Math.min(...at.map((e) => e.sentence));
    if (first === 0) f[F.headline] = 1;
    if (first < LEAD) f[F.lead] = 1;
    if (first >= LATE) f[F.late] = 1;
    if (at.every((e) => e.later)) f[F.later_all] = 1;
    else if (at.some((e) => e.later)) f[F.later_some] = 1;
    if (at.some((e) => e.told)) f[F.told] = 1;
    f[F.many] = Math.min(3, at.length) / 3;
    f[F.share] = at.length / evidence.length;
    if (stated.length > 1 && c.value.start === starts[0]) f[F.earliest] = 1;
    if (stated.length > 1 && c.value.end === ends[ends.length - 1]) f[F.latest] = 1;
    if (at.some((e) => WEEKDAY.test(e.text))) f[F.weekday] = 1;
    if (at.some((e) => MONTH.test(e.text))) f[F.calendar] = 1;
    if (at.some((e) => RELATIVE.test(e.text))) f[F.relative] = 1;
    if (at.some((e) => STEP.test(e.near))) f[F.near_step] = 1;
    if (at.some((e) => INCIDENT.test(e.near))) f[F.near_incident] = 1;
    if (at.some((e) => SAID.test(e.near))) f[F.near_said] = 1;
    if (at.some((e) => CAPTION.test(e.near))) f[F.near_caption] = 1;
    if (at.some((e) => TWEET.test(e.near))) f[F.near_tweet] = 1;
    if (at.some((e) => CLOCK.test(e.near))) f[F.near_clock] = 1;
    if (at.some((e) => DIED.test(e.near))) f[F.near_died] = 1;
  }
  return all;
}

export interface DateModel {
  weights: Float64Array;
  /** How much surer of another date than of the rules' the model must be to replace it. */
  margin: number;
}

/** The candidates' probabilities under the model (softmax of their scores). */
export function dateProbabilities(model: DateModel, candidates: readonly DateCandidate[]): number[] {
  const scores = candidates.map((c) => c.features.reduce((s, v, i) => s + v * model.weights[i], 0));
  const top = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** The candidate to report: the rules' unless the model is surer of another by its margin (null: no rules' pick and none surer). */
export function chooseDate(model: DateModel, candidates: readonly DateCandidate[]): DateCandidate | null {
  const rule = candidates.find((c) => c.features[F.rule] === 1) ?? null;
  if (!candidates.length) return rule;
  const p = dateProbabilities(model, candidates);
  // from the rules' pick: another replaces it only when more probable
  let best = rule ? candidates.indexOf(rule) : 0;
  for (let i = 0; i < candidates.length; i++) if (p[i] > p[best]) best = i;
  return rule && p[best] - p[candidates.indexOf(rule)] < model.margin ? rule : candidates[best];
}

/** What picks the date among the candidates: the model (`chooseDate`), or a recorder in training. */
export type DateRanker = (candidates: DateCandidate[]) => DateCandidate | null;

export const DEFAULT_DATE_MODEL = new URL('../../data/model/dates.json', import.meta.url);

export class DateModelError extends Error {}

/** Reads the weights; a missing or broken file is one DateModelError naming it. */
export function loadDateModel(path: URL | string = DEFAULT_DATE_MODEL): DateModel {
  const name = String(path).split('/').pop();
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new DateModelError(`${name}: cannot read the date model (${(e as Error).message}); run npm run train:dates`);
  }
  const m = raw as { features?: unknown; weights?: unknown; margin?: unknown };
  const ok = Array.isArray(m.features) && Array.isArray(m.weights) && typeof m.margin === 'number'
    && m.features.length === DATE_FEATURES.length && m.features.every((f, i) => f === DATE_FEATURES[i])
    && m.weights.length === DATE_FEATURES.length && m.weights.every((w) => typeof w === 'number' && Number.isFinite(w));
  if (!ok) throw new DateModelError(`${name}: the date model does not match this code's features; run npm run train:dates`);
  return { weights: Float64Array.from(m.weights as number[]), margin: m.margin as number };
}
