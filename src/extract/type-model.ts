/**
 * Is it an incident, and of which ACLED category: a multinomial logistic regression over the words of
 * the title and lead (unigrams and bigrams) and the codebook's trigger rules (`event-lexicon.ts`) as
 * features, trained on real labelled reports by `scripts/train-types.ts` (weights in
 * `data/model/types.json`). One class is `none`: a document that reports no incident of the ontology
 * (sports, business, obituaries, disasters with no attacker) is an answer, not a forced guess.
 *
 * The rules are features the model weighs, not verdicts: each `r:<category>/<type>` feature starts
 * from a prior weight on its own category and training moves it only as far as the data says. The
 * categories the training data never labels (protests, riots) therefore keep the rules' reading.
 * The sub-type is chosen afterwards among the category's types by the rules (see reports.ts).
 *
 * Limits: English only. Text under four words, or with no trigger word and few words the model knows
 * or no English function word, is no incident, whatever the model says (so empty, one-word, foreign
 * or garbage text is never a guess).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TriggerAnnotation, TypeGuess } from '../model/index.js';
import { agentFeatures } from './type-agent.js';
import { CUE_FULL, cueCounts } from './type-cues.js';

export const TYPE_CLASSES = ['none', 'battles', 'explosions_remote_violence', 'violence_against_civilians', 'protests', 'riots', 'strategic_developments'] as const;
export type TypeClass = (typeof TYPE_CLASSES)[number];

/** Weights as `train-types.ts` writes them: per feature, one weight per class (TYPE_CLASSES order). */
export interface TypeModel {
  version: 1;
  classes: readonly string[];
  bias: number[];
  /** The weights of the softmax and the head, by feature (made at load from the file's lists). */
  table: FeatureTable;
  /** Weight of a rule feature never seen in training on its own category: its prior (see train-types.ts), per class. */
  rulePriors: number[];
  /** Characters of the text read for word features (the lead: the rest is background more often). */
  leadChars: number;
  /**
   * The incident-or-not head (a binary logistic model of its own, see train-types.ts), when the file
   * has one: it decides whether there is an incident, the softmax above only which category. Absent:
   * the softmax's 1 - P(none) decides.
   */
  head: IncidentHead | null;
  /** The weights hold `a:` features (type-agent.ts: who or what did the harm): only then is the lead scanned for them. */
  agent: boolean;
  /** 1 - P(none) from which a document reports an incident, and the same with a trigger naming its type in the lead. */
  incidentMin: number;
  incidentMinNamed: number;
}

/**
 * Every feature the softmax or the head weighs, as a row: the classifier looks a lead's words up
 * by the word itself (no `w:`/`b:` key made per word and hashed, which was most of its time) and
 * reads the weights from flat arrays.
 */
export interface FeatureTable {
  /** The name of each row. */
  names: string[];
  /** Every word of a `w:` or `b:` feature, numbered: one lookup per word of a lead. */
  vocabulary: Map<string, number>;
  /** By the word's number, the row of `w:<word>` (-1: none); by `first * vocabulary.size + second`, of `b:<first> <second>`. */
  words: Int32Array;
  pairs: Map<number, number>;
  /** The rows of the other features, by name. */
  others: Map<string, number>;
  /** The softmax's weights, a row of `classes.length` per row (a rule feature the training never met: its prior); `softmax[row]` 0 when it has none. */
  weights: Float64Array;
  softmax: Uint8Array;
  /** The head's weight per row (0 where it has none). */
  head: Float64Array;
  /** The row of the prior of a rule feature not in the table, per class. */
  priors: Int32Array;
}

export interface IncidentHead {
  bias: number;
  weights: Map<string, number>;
  /** How much the softmax's own incident log-odds add to the head's (0: the head alone). */
  mix: number;
}

/** What the classifier read and concluded. */
export interface TypeVerdict {
  /** Probability of each class, TYPE_CLASSES order. */
  probabilities: Record<TypeClass, number>;
  /** 1 - P(none): the document reports some incident. */
  incident: number;
  /** The features that weighed most for `explains[0]` against `explains[1]` (positive: for it). */
  explain: { feature: string; weight: number }[];
  /** [winning incident category, what it was weighed against: `none` when it is no incident, else the runner-up]. */
  explains: [string, string];
  /** Too little to read: under MIN_WORDS words, or no trigger word and no English the model knows. No incident, never a guess. */
  noEvidence: boolean;
  /** The model's thresholds on `incident` (without, with a trigger naming its type in the lead). */
  min: number;
  minNamed: number;
}

export class TypeModelError extends Error {}

/** Left out of the word features (see typeFeatures); also the English test of `evidence`. */
const STOP_WORDS = new Set('the a an of in on at to from by with for and or but was were is are has have had been be being it its this that these those as into during after before he she they we you i his her their our your who which what when where while not no so than then there here also said says will would could should can may might do does did about over up out more most some any all one'.split(' '));

/** The lead's words (read by `leadWords` without the pattern). */
export const LEAD_WORD = /[a-z][a-z'’-]{0,30}|\d{1,6}/g;

/** The lead (title and the text's first `leadChars`, lower-cased) and its words as the model reads them. */
interface LeadWords {
  lead: string;
  /** The words, apostrophes straightened and a possessive 's cut; a function word is '' (it breaks a bigram). */
  words: string[];
  /** How many words, and how many of them function words. */
  count: number;
  stops: number;
}

function leadWords(title: string | null, text: string, leadChars: number): LeadWords {
  const lead = `${title ?? ''}\n${text.slice(0, leadChars)}`.toLowerCase();
  const words: string[] = [];
  let stops = 0;
  // LEAD_WORD's matches, read by their codes (a word cut at 31 letters, a number at 6 digits goes on as
  // another): apostrophes straightened and a possessive 's cut as each is read
  for (let i = 0; i < lead.length; ) {
    let c = lead.charCodeAt(i);
    let end = i + 1;
    let curly = false;
    if (c >= 97 && c <= 122) {
      while (end < lead.length && end - i < 31 && (((c = lead.charCodeAt(end)) >= 97 && c <= 122) || c === 39 || c === 45 || (c === 0x2019 && (curly = true)))) end++;
    } else if (c >= 48 && c <= 57) {
      while (end < lead.length && end - i < 6 && (c = lead.charCodeAt(end)) >= 48 && c <= 57) end++;
    } else {
      i++;
      continue;
    }
    const possessive = end - i > 2 && lead.charCodeAt(end - 1) === 115 /* s */ && ((c = lead.charCodeAt(end - 2)) === 39 || c === 0x2019);
    let w = lead.slice(i, possessive ? end - 2 : end);
    i = end;
    if (curly && w.includes('’')) w = w.replace(/[’]/g, "'");
    // function words say more about a set's style (headline or prose) than about what happened: left out
    if (STOP_WORDS.has(w)) {
      stops++;
      w = '';
    }
    words.push(w);
  }
  return { lead, words, count: words.length, stops };
}

/** The features after the words (`typeFeatures`' order): the counts, the rules, `lead:none` and the cues. */
function otherFeatures(f: Map<string, number>, { lead, count, stops }: LeadWords, triggers: readonly TriggerAnnotation[], titleTriggers: readonly TriggerAnnotation[], leadChars: number, cues: boolean, agent: boolean): Map<string, number> {
  // not weighed (no weights are trained for it): what `evidence` needs to tell prose from a fragment
  f.set('n:words', count);
  f.set('n:stop', stops);
  const rule = (t: TriggerAnnotation, factor: number) => {
    const v = t.weight * factor;
    const r = `r:${t.category}/${t.type}`;
    if ((f.get(r) ?? 0) < v) f.set(r, v);
    const c = `c:${t.category}`;
    if ((f.get(c) ?? 0) < v) f.set(c, v);
  };
  // a trigger in the title or lead names the document's incident more surely than one further down
  for (const t of titleTriggers) rule(t, 1);
  for (const t of triggers) rule(t, t.start < leadChars ? 1 : 0.5);
  if (!titleTriggers.some((t) => t.start < leadChars && t.weight >= 0.5) && !triggers.some((t) => t.start < leadChars && t.weight >= 0.5)) f.set('lead:none', 1);
  // what the lead is about when it is no incident (sport, a trial, a storm...): only the incident head reads them
  if (cues) for (const [family, n] of cueCounts(lead)) f.set(`k:${family}`, Math.min(n, CUE_FULL) / CUE_FULL);
  // who or what did the harm (a person using force, or a fall, a storm, an illness): weighed only by weights that hold them
  if (agent) for (const [k, v] of agentFeatures(lead, count)) f.set(k, v);
  return f;
}

/** Features: `w:word`, `b:word word` (values normalised over the lead's words), `r:cat/type`, `c:cat` (trigger weight), `lead:none`; with `cues`, `k:family` (type-cues.ts, for the incident head); with `agent`, `a:` (type-agent.ts). */
export function typeFeatures(title: string | null, text: string, triggers: readonly TriggerAnnotation[], titleTriggers: readonly TriggerAnnotation[], leadChars: number, cues = false, agent = false): Map<string, number> {
  const read = leadWords(title, text, leadChars);
  const keys = new Set<string>();
  let prev = '';
  for (const w of read.words) {
    if (w) {
      keys.add(`w:${w}`);
      if (prev) keys.add(`b:${prev} ${w}`);
    }
    prev = w;
  }
  const f = new Map<string, number>();
  const norm = keys.size ? 1 / Math.sqrt(keys.size) : 0;
  for (const k of keys) f.set(k, norm);
  return otherFeatures(f, read, triggers, titleTriggers, leadChars, cues, agent);
}

/**
 * The features of a document as rows of the model's table, in `typeFeatures`' order (the order
 * the scores are summed in and `explain`'s ties are broken by); features the model has no row for
 * weigh nothing and are left out. `named`: the name of a position whose row is a rule's prior.
 */
interface Read {
  rows: number[];
  values: number[];
  named: Map<number, string> | null;
  /** What `evidence` reads: words and function words; `w:` features and those the softmax knows; some `r:` feature. */
  count: number;
  stops: number;
  kinds: number;
  known: number;
  trigger: boolean;
}

/** A bigram's two words (ids among a document's words) as one small integer: a lead has far fewer words. */
const PAIR = 2 ** 15;

/**
 * `classifyType(model, typeFeatures(title, text, triggers, titleTriggers, model.leadChars, model.head !== null, model.agent))`,
 * without the feature names: words are looked up once per document and bigrams by their words.
 */
export function typeVerdict(model: TypeModel, title: string | null, text: string, triggers: readonly TriggerAnnotation[], titleTriggers: readonly TriggerAnnotation[]): TypeVerdict {
  const t = model.table;
  const read = leadWords(title, text, model.leadChars);
  if (read.count >= PAIR) return classifyType(model, typeFeatures(title, text, triggers, titleTriggers, model.leadChars, model.head !== null, model.agent));
  const r: Read = { rows: [], values: [], named: null, count: read.count, stops: read.stops, kinds: 0, known: 0, trigger: false };
  const ids = new Map<string, number>();
  // the vocabulary's number of each word (-1: none), by its id among the document's words
  const known: number[] = [];
  const pairs = new Set<number>();
  const stride = t.vocabulary.size;
  let prev = -1;
  for (const w of read.words) {
    if (!w) {
      prev = -1;
      continue;
    }
    let id = ids.get(w);
    if (id === undefined) {
      id = ids.size;
      ids.set(w, id);
      const v = t.vocabulary.get(w) ?? -1;
      const row = v < 0 ? -1 : t.words[v];
      if (row >= 0) {
        r.rows.push(row);
        if (t.softmax[row]) r.known++;
      }
      known.push(v);
    }
    if (prev >= 0 && !pairs.has(prev * PAIR + id)) {
      pairs.add(prev * PAIR + id);
      const row = known[prev] >= 0 && known[id] >= 0 ? t.pairs.get(known[prev] * stride + known[id]) : undefined;
      if (row !== undefined) r.rows.push(row);
    }
    prev = id;
  }
  r.kinds = ids.size;
  const distinct = ids.size + pairs.size;
  const norm = distinct ? 1 / Math.sqrt(distinct) : 0;
  for (let i = 0; i < r.rows.length; i++) r.values.push(norm);
  for (const [k, v] of otherFeatures(new Map(), read, triggers, titleTriggers, model.leadChars, model.head !== null, model.agent)) addFeature(r, t, k, v);
  return verdict(model, r);
}

/** Feature `k` (not a `w:` one: those are counted apart) with its row, or its rule's prior. */
function addFeature(r: Read, t: FeatureTable, k: string, v: number): void {
  let row = rowOf(t, k);
  if (k.startsWith('r:')) {
    r.trigger = true;
    if (row === undefined) {
      // a rule the training never met: its prior on its own category
      const i = TYPE_CLASSES.indexOf(k.slice(2).split('/')[0] as TypeClass);
      if (i < 0) return;
      row = t.priors[i];
      (r.named ??= new Map()).set(r.rows.length, k);
    }
  }
  if (row === undefined) return;
  r.rows.push(row);
  r.values.push(v);
}

export function classifyType(model: TypeModel, features: Map<string, number>): TypeVerdict {
  const t = model.table;
  const r: Read = { rows: [], values: [], named: null, count: features.get('n:words') ?? 0, stops: features.get('n:stop') ?? 0, kinds: 0, known: 0, trigger: false };
  for (const [k, v] of features) {
    if (k.startsWith('w:')) {
      r.kinds++;
      const row = rowOf(t, k);
      if (row === undefined) continue;
      if (t.softmax[row]) r.known++;
      r.rows.push(row);
      r.values.push(v);
    } else addFeature(r, t, k, v);
  }
  return verdict(model, r);
}

/** Most features `explain` shows. */
const EXPLAIN = 12;

function verdict(model: TypeModel, r: Read): TypeVerdict {
  const t = model.table;
  const n = model.classes.length;
  const { rows, values } = r;
  const scores = [...model.bias];
  // the positions of the features that weighed: `explain` needs only two of their classes
  const hits: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!t.softmax[row]) continue;
    const v = values[i];
    const o = row * n;
    for (let c = 0; c < n; c++) scores[c] += t.weights[o + c] * v;
    hits.push(i);
  }
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  const exps = scores.map((s) => Math.exp(s - max));
  let sum = 0;
  for (const e of exps) sum += e;
  const probabilities = {} as Record<TypeClass, number>;
  for (let i = 0; i < TYPE_CLASSES.length; i++) probabilities[TYPE_CLASSES[i]] = exps[i] / sum;
  const noEvidence = evidence(r);
  const head = model.head;
  if (head) {
    // the head says whether there is an incident; the softmax's categories share what it gives
    let logit = head.bias;
    for (let i = 0; i < rows.length; i++) logit += t.head[rows[i]] * values[i];
    const pNone = Math.min(Math.max(probabilities.none, 1e-9), 1 - 1e-9);
    if (head.mix > 0) logit += head.mix * Math.log((1 - pNone) / pNone);
    // mix < 0: the head only vetoes: below -mix its reading replaces the softmax's (when lower)
    const h = 1 / (1 + Math.exp(-logit));
    const incident = head.mix < 0 ? (h < -head.mix ? Math.min(1 - pNone, h) : 1 - pNone) : h;
    for (const c of TYPE_CLASSES) if (c !== 'none') probabilities[c] = (incident * probabilities[c]) / (1 - pNone);
    probabilities.none = 1 - incident;
  }
  // the winner among incidents, against `none` (whether it is one) or, when it is one, against the runner-up
  const order = TYPE_CLASSES.map((_, i) => i).filter((i) => i > 0).sort((a, b) => scores[b] - scores[a]);
  const win = order[0];
  const against = probabilities.none > 0.5 ? 0 : order[1];
  // the EXPLAIN features that weighed most, heaviest first, in feature order among equals (a stable sort's first EXPLAIN)
  const top: { i: number; weight: number }[] = [];
  const weigh = (i: number, weight: number) => {
    const a = Math.abs(weight);
    if (a < 0.01 || (top.length === EXPLAIN && a <= Math.abs(top[EXPLAIN - 1].weight))) return;
    let j = top.length;
    while (j > 0 && Math.abs(top[j - 1].weight) < a) j--;
    top.splice(j, 0, { i, weight });
    if (top.length > EXPLAIN) top.pop();
  };
  if (head && against === 0) {
    // no incident: what the head weighed against one (negative: against an incident)
    for (let i = 0; i < rows.length; i++) weigh(i, t.head[rows[i]] * values[i]);
  } else {
    for (const i of hits) {
      const o = rows[i] * n;
      const v = values[i];
      weigh(i, t.weights[o + win] * v - t.weights[o + against] * v);
    }
  }
  const explain = top.map((c) => ({ feature: r.named?.get(c.i) ?? t.names[rows[c.i]], weight: Math.round(c.weight * 100) / 100 }));
  return { probabilities, incident: noEvidence ? 0 : 1 - probabilities.none, explain, explains: [TYPE_CLASSES[win], TYPE_CLASSES[against]], noEvidence, min: model.incidentMin, minNamed: model.incidentMinNamed };
}

/** Fewer words than this is a label, a name or a fragment, not a report of an incident. */
const MIN_WORDS = 4;

/** `kinds`: the `w:` features; `known`: those the model has a weight for; `trigger`: some `r:` feature. */
function evidence({ count: words, stops, kinds, known, trigger }: Read): boolean {
  if (words < MIN_WORDS) return true;
  if (trigger) return false;
  // English prose is a third or more function words; a headline may have none
  const english = words < 12 || stops >= 0.2 * words;
  return !(known >= 3 && known >= kinds / 2 && english);
}

/** The row of feature `name`, if the table has one. */
function rowOf(t: FeatureTable, name: string): number | undefined {
  const [first, second] = wordsOf(name);
  if (first === null) return t.others.get(name);
  const a = t.vocabulary.get(first);
  if (a === undefined) return undefined;
  if (second === null) return t.words[a] < 0 ? undefined : t.words[a];
  const b = t.vocabulary.get(second);
  return b === undefined ? undefined : t.pairs.get(a * t.vocabulary.size + b);
}

/** The word of a `w:` feature, the two of a `b:` one; [null, null] for another. */
function wordsOf(name: string): [string | null, string | null] {
  if (name.startsWith('w:')) return [name.slice(2), null];
  const space = name.startsWith('b:') ? name.indexOf(' ') : -1;
  return space < 0 ? [null, null] : [name.slice(2, space), name.slice(space + 1)];
}

/** The number of `word` in `vocabulary`, numbering it when new. */
function wordNumber(vocabulary: Map<string, number>, word: string): number {
  let v = vocabulary.get(word);
  if (v === undefined) vocabulary.set(word, (v = vocabulary.size));
  return v;
}

/**
 * The softmax's and the head's weights as one table: the softmax's features first (row i: feature
 * i, weights `weights[i * classes ...]` of the file), then the head's others, then one row per
 * class for the prior of a rule feature the training never met on it. A rule feature the head
 * weighs and the softmax does not takes its prior too. A feature named twice weighs as its last row.
 * Built at every start-up (30k features): one pass over the names and one over the weights, which
 * are checked as they are copied (`broken`: the number of a feature that is not a name with finite weights).
 * The file may give the weights in units of 1/`scale` (`weightScale`: the trainer writes whole
 * thousandths, which JSON.parse reads in half the time of decimals).
 */
function featureTable(features: readonly unknown[], weights: readonly unknown[], scale: number, head: { features: readonly string[]; weights: readonly number[] } | null, rulePriors: readonly number[], broken: (i: number) => Error): FeatureTable {
  const n = TYPE_CLASSES.length;
  const count = features.length;
  const all = (head ? [...features, ...head.features] : features) as readonly string[];
  // the words of each `w:` and `b:` name, numbered as met (the pairs' keys need the vocabulary's final size): wordsOf, inlined
  const vocabulary = new Map<string, number>();
  const first = new Int32Array(all.length).fill(-1);
  const second = new Int32Array(all.length).fill(-1);
  for (let i = 0; i < all.length; i++) {
    const f = all[i];
    if (typeof f !== 'string') throw broken(i);
    if (f.charCodeAt(1) !== 58 /* : */) continue;
    const kind = f.charCodeAt(0);
    if (kind === 119 /* w */) first[i] = wordNumber(vocabulary, f.slice(2));
    else if (kind === 98 /* b */) {
      const space = f.indexOf(' ');
      if (space < 0) continue;
      first[i] = wordNumber(vocabulary, f.slice(2, space));
      second[i] = wordNumber(vocabulary, f.slice(space + 1));
    }
  }
  const stride = vocabulary.size;
  const t: FeatureTable = { names: all.slice(0, count), vocabulary, words: new Int32Array(stride).fill(-1), pairs: new Map(), others: new Map(), weights: new Float64Array(0), softmax: new Uint8Array(0), head: new Float64Array(0), priors: new Int32Array(n) };
  const rowAt = (i: number) => (first[i] < 0 ? t.others.get(all[i]) : second[i] < 0 ? (t.words[first[i]] < 0 ? undefined : t.words[first[i]]) : t.pairs.get(first[i] * stride + second[i]));
  const place = (i: number, row: number) => {
    if (first[i] < 0) t.others.set(all[i], row);
    else if (second[i] < 0) t.words[first[i]] = row;
    else t.pairs.set(first[i] * stride + second[i], row);
  };
  // the softmax's features are rows 0 … count - 1, in order
  for (let i = 0; i < count; i++) place(i, i);
  for (let i = count; i < all.length; i++) {
    if (rowAt(i) !== undefined) continue;
    place(i, t.names.length);
    t.names.push(all[i]);
  }
  const rows = t.names.length;
  t.weights = new Float64Array((rows + n) * n);
  for (let i = 0; i < count; i++) {
    for (let c = 0, o = i * n; c < n; c++) {
      const w = weights[o + c];
      if (!Number.isFinite(w)) throw broken(i);
      // k / 1000 is the double nearest k thousandths, as the decimal "0.xyz" would parse: the same weights
      t.weights[o + c] = (w as number) / scale;
    }
  }
  t.softmax = new Uint8Array(rows + n).fill(1, 0, count);
  for (let c = 0; c < n; c++) {
    t.priors[c] = rows + c;
    t.weights[t.priors[c] * n + c] = rulePriors[c];
    t.softmax[t.priors[c]] = 1;
  }
  for (let row = count; row < rows; row++) {
    if (!t.names[row].startsWith('r:')) continue;
    const c = TYPE_CLASSES.indexOf(t.names[row].slice(2).split('/')[0] as TypeClass);
    if (c < 0) continue;
    t.weights[row * n + c] = rulePriors[c];
    t.softmax[row] = 1;
  }
  t.head = new Float64Array(rows + n);
  if (head) for (let i = count; i < all.length; i++) t.head[rowAt(i)!] = head.weights[i - count];
  return t;
}

export const DEFAULT_TYPE_MODEL = new URL('../../data/model/types.json', import.meta.url);

/** Reads the weights; a missing or broken file is one TypeModelError naming it. */
export function loadTypeModel(path: URL | string = DEFAULT_TYPE_MODEL): TypeModel {
  const name = typeof path === 'string' ? path : fileURLToPath(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : `unreadable (${(e as Error).message.split('\n')[0]})`;
    throw new TypeModelError(`type model ${name}: ${why}; run npm run train:types`);
  }
  return parseTypeModel(raw, name);
}

export function parseTypeModel(raw: unknown, name: string): TypeModel {
  const bad = (why: string) => new TypeModelError(`type model ${name}: ${why}; run npm run train:types`);
  const m = raw as { version?: unknown; classes?: unknown; bias?: unknown; features?: unknown; weights?: unknown; weightScale?: unknown; rulePriors?: unknown; leadChars?: unknown; head?: unknown; incidentMin?: unknown; incidentMinNamed?: unknown };
  if (!m || typeof m !== 'object' || m.version !== 1) throw bad('not a version 1 model');
  if (!Array.isArray(m.classes) || m.classes.join() !== TYPE_CLASSES.join()) throw bad(`classes are not ${TYPE_CLASSES.join(',')}`);
  const n = TYPE_CLASSES.length;
  if (!Array.isArray(m.bias) || m.bias.length !== n || !m.bias.every(Number.isFinite)) throw bad('bias is not one number per class');
  if (!Array.isArray(m.features) || !Array.isArray(m.weights) || m.weights.length !== m.features.length * n) throw bad('features and weights do not match');
  const scale = m.weightScale ?? 1;
  if (typeof scale !== 'number' || !(scale > 0)) throw bad('weightScale is not a positive number');
  if (!Array.isArray(m.rulePriors) || m.rulePriors.length !== n || !m.rulePriors.every(Number.isFinite) || typeof m.leadChars !== 'number') throw bad('rulePriors or leadChars missing');
  let head: IncidentHead | null = null;
  if (m.head !== undefined) {
    const h = m.head as { bias?: unknown; features?: unknown; weights?: unknown; mix?: unknown };
    if (!h || typeof h.bias !== 'number' || typeof h.mix !== 'number' || !Array.isArray(h.features) || !Array.isArray(h.weights) || h.features.length !== h.weights.length) throw bad('the incident head is broken');
    const hw = new Map<string, number>();
    for (let i = 0; i < h.features.length; i++) {
      if (typeof h.features[i] !== 'string' || !Number.isFinite(h.weights[i])) throw bad(`head feature ${i} is broken`);
      hw.set(h.features[i] as string, h.weights[i] as number);
    }
    head = { bias: h.bias, weights: hw, mix: h.mix };
  }
  const min = m.incidentMin ?? INCIDENT_MIN;
  const minNamed = m.incidentMinNamed ?? INCIDENT_MIN_NAMED;
  if (typeof min !== 'number' || typeof minNamed !== 'number') throw bad('incidentMin is not a number');
  const h = m.head as { features: string[]; weights: number[] } | undefined;
  // the features' names and weights are checked as the table is built
  const table = featureTable(m.features, m.weights, scale, head && h ? h : null, m.rulePriors as number[], (i) => bad(`feature ${i} is broken`));
  const agent = [...table.others.keys()].some((k) => k.startsWith('a:'));
  return { version: 1, classes: TYPE_CLASSES, bias: m.bias as number[], table, rulePriors: m.rulePriors as number[], leadChars: m.leadChars, head, agent, incidentMin: min, incidentMinNamed: minNamed };
}

/** The type a category takes when no trigger of it stands in the text. */
const DEFAULT_TYPE: Record<string, string> = {
  battles: 'armed_clash',
  explosions_remote_violence: 'remote_explosive_landmine_ied',
  violence_against_civilians: 'attack',
  protests: 'peaceful_protest',
  riots: 'violent_demonstration',
  strategic_developments: 'other',
};

/**
 * The confidence from which a document reports an incident. Above one half because news of a
 * kind the training never saw (a new sport, a new industry) leans towards the incident classes;
 * chosen on the validation slice of the train part (docs/evaluation.md), never on the test part.
 */
export const INCIDENT_MIN = 0.6;
/** The same where the lead holds a trigger that names its type (weight ≥ SPECIFIC, as in reports.ts), or the headline an exchange of fire. */
export const INCIDENT_MIN_NAMED = 0.4;
const SPECIFIC = 0.8;

/**
 * Words that can only tell of an armed clash ("exchanges of fire", "a firefight", "a gun battle"):
 * the lexicon weighs them in one row with "fighting" and "battles", which also tell of other things
 * (a fight for one's life, legal battles), so that row's weight is below SPECIFIC. In a headline
 * they name the incident's type; in a narrative's lead they often tell of a clash that a set's
 * labels call no attack (SATP's "killed in a gun battle with SFs"), where the model decides alone.
 */
const FIRE_EXCHANGED = /^(?:exchanges? of fire|exchanged fire|firefights?|gun ?battles?)$/i;
const exchangeOfFire = (t: TriggerAnnotation) => t.type === 'armed_clash' && FIRE_EXCHANGED.test(t.text);

/**
 * Where the document's headline ends: its first line when that is short and stands alone (a title
 * line, one of a list of headlines), else 0 (a narrative opens with prose, not a headline).
 */
export function headlineEnd(text: string): number {
  const nl = text.indexOf('\n');
  const end = nl < 0 ? text.length : nl;
  return end <= HEADLINE_CHARS && (nl >= 0 || text.length <= HEADLINE_CHARS) ? end : 0;
}

/** Classes no labelled set teaches (see train-types.ts): their weights are the rules' priors. */
const UNTRAINED: ReadonlySet<string> = new Set(['protests', 'riots']);

/** The share of the incident probability below which the model overrules the rules' category. */
const RULE_STANDS = 0.1;

/** A runner-up is shown when its probability is at least this share of the winner's. */
const CLOSE = 0.5;

/** The category's sub-type, chosen by the rules: the type of its triggers with the most weight (title and lead count double). */
export function subTypeOf(category: string, triggers: readonly TriggerAnnotation[], leadChars: number): string {
  const score = new Map<string, number>();
  for (const t of triggers) if (t.category === category) score.set(t.type, (score.get(t.type) ?? 0) + t.weight * (t.start < leadChars ? 2 : 1));
  let best: [string, number] | null = null;
  for (const e of score) if (!best || e[1] > best[1]) best = e;
  return best?.[0] ?? DEFAULT_TYPE[category];
}

/**
 * The reports as the model reads them: none when the document reports no incident; else the main
 * report takes the model's category (its sub-type kept when the rules agree on the category, else
 * chosen among the category's triggers), its probability and a close runner-up, and every report
 * the document's confidence that it reports an incident. Background reports keep the rules' type.
 */
/** Words of violence that a toll is told with ("Seven killed", "two soldiers wounded"), not "died". */
const TOLL_WORD = /\b(?:killed|killing|kills|shot|shooting|wounded|wounding|injured|slain|gunned down|executed|massacred|lost|loses)\b/i;

/** A first sentence this short is a headline, not an article's lead. */
const HEADLINE_CHARS = 160;

/**
 * A toll of violence stated in the headline, the document's first sentence ("Seven killed in
 * E.Ukraine amid fierce fighting"): names the incident as a trigger of its type does. Not where the
 * headline's words are of an accident, a disaster, a natural death, sport, a court or the past
 * ("killed in a crash"): those tolls are no attack. The headline only: an article's lead that tells
 * of a death among other news is the model's to weigh.
 */
export function tollInHeadline(claims: readonly { field: string; value: unknown; start?: number; quote?: string; hedged?: boolean }[]): boolean {
  return claims.some((c) => {
    if ((c.field !== 'fatalities' && c.field !== 'injured') || c.hedged || c.start !== 0 || !c.quote || c.quote.length > HEADLINE_CHARS) return false;
    const best = (c.value as { best?: number } | null)?.best ?? 0;
    return best >= 1 && TOLL_WORD.test(c.quote) && cueCounts(c.quote).size === 0;
  });
}

/**
 * Whether `typeReports` drops every report, whatever the reports hold: no evidence, or an incident
 * below both bars (the lower one stands only where a trigger or a headline toll names the type).
 * `extract` then builds none.
 */
export function reportsNone(verdict: TypeVerdict): boolean {
  return verdict.noEvidence || verdict.incident < Math.min(verdict.min, verdict.minNamed);
}

/**
 * `headline`: the triggers of the document's headline (its title's, or those of its first line when
 * that is a headline: `headlineEnd`).
 */
export function typeReports<R extends { category: string; type: string; claims: { field: string; value: unknown; start?: number; quote?: string; hedged?: boolean }[] }>(
  reports: readonly R[],
  verdict: TypeVerdict,
  triggers: readonly TriggerAnnotation[],
  leadChars: number,
  headline: readonly TriggerAnnotation[] = [],
): (R & TypeFields)[] {
  if (!reports.length || verdict.noEvidence) return [];
  // a word that names its type in the lead ("drone strike", "kidnapped"), an exchange of fire in the
  // headline, or a toll of violence told in the headline, lowers the bar, never removes it
  const named = triggers.some((t) => t.weight >= SPECIFIC && t.start < leadChars) || headline.some(exchangeOfFire) || tollInHeadline(reports[0].claims);
  if (verdict.incident < (named ? verdict.minNamed : verdict.min)) return [];
  const incident: TypeClass[] = TYPE_CLASSES.filter((c) => c !== 'none').sort((a, b) => verdict.probabilities[b] - verdict.probabilities[a]);
  const share = (c: TypeClass) => verdict.probabilities[c] / verdict.incident;
  // the rules' category stands unless the model finds it unlikely: the rules read what the model's
  // bag of words cannot (who the victims were, which weapon: ACLED's definitions), the model
  // overrules a reading it finds implausible
  const rule = reports[0].category as TypeClass;
  // ACLED defines explosions and remote violence by the weapon, whoever was hit: a word that names one stands
  // (not against a strategic development the model reads first: a weapon recovered, a bomber arrested)
  const weapon = rule === 'explosions_remote_violence' && incident[0] !== 'strategic_developments' && triggers.some((t) => t.category === rule && t.weight >= 0.8);
  // between protests and riots the model learned nothing (no labelled data): the rules tell them apart
  const demonstration = UNTRAINED.has(rule) && UNTRAINED.has(incident[0]);
  // a strategic development the model reads first (an arrest, a recovery, a surrender told beside an old
  // clash) is not overruled by a battles or explosions reading it finds merely possible; an abduction, an
  // attack on civilians, a riot or protest (which the model never learned) still is
  const strategic = incident[0] === 'strategic_developments' && (rule === 'battles' || rule === 'explosions_remote_violence');
  const ruleClose = incident.includes(rule) && ((share(rule) >= RULE_STANDS && !strategic) || weapon || demonstration);
  const [first, second] = ruleClose ? [rule, ...incident.filter((c) => c !== rule)] : incident;
  const confidence = round(verdict.incident);
  return reports.map((r, i) => {
    if (i > 0) return { ...r, confidence };
    const type = r.category === first ? r.type : subTypeOf(first, triggers, leadChars);
    const value = `${first}/${type}`;
    const claims = r.claims.map((c) => (c.field === 'type' ? { ...c, value } : c));
    const runner_up = share(second) >= CLOSE * share(first) ? { category: second, type: r.category === second ? r.type : subTypeOf(second, triggers, leadChars), probability: round(share(second)) } : null;
    return { ...r, category: first, type, claims, confidence, type_probability: round(share(first)), runner_up };
  });
}

export interface TypeFields {
  confidence: number;
  type_probability?: number;
  runner_up?: TypeGuess | null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
