/**
 * Miss census of the GVA tune part (issue 17): is a miss the data's (the article cannot give GVA's
 * figure) or sitrep's (the text states it and sitrep read it wrong)? It reads only the tune part.
 *
 *   npx tsx scripts/gva-census.ts sample OUT.txt        100 misses per field (killed, injured, date),
 *                                                        drawn with a fixed seed, written for reading
 *   npx tsx scripts/gva-census.ts count LABELS.tsv      the categories' counts and each field's ceiling
 *   … --field injured --n 220 --seed 7                     one field, another sample size or seed (the seventh
 *                                                        pass's injured census: scripts/gva-census7-labels.tsv)
 *
 * The sample: the tune part's misses of one field, sorted by article id, shuffled by mulberry32(17),
 * the first 100. LABELS.tsv (`scripts/gva-census-labels.tsv`, written by hand after reading the
 * sample; ids and categories only, no text of the data): `field <TAB> article id <TAB> category`,
 * a category's first letter `d` for data-bound, `f` for fixable by sitrep (the codes below).
 * The ceiling of a field: (right + fixable share × misses) / articles, the share with a 95 % Wilson
 * interval over the sampled misses (the finite population makes it a little narrower, not counted).
 * Once the code has moved, the share is that among the labelled misses still missed.
 * `count` also says how many of the labelled misses the code of the day gets right.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Report } from '../src/model/types.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { dateMeets, gvaDocument, loadGva, partOf } from './eval-facts.js';
import { rng, shuffleInPlace } from './rng.js';

type Field = 'killed' | 'injured' | 'date';
const FIELDS: Field[] = ['killed', 'injured', 'date'];
const SAMPLE = 100;
/** Options: `--field F` (one field only), `--n N` (sample size), `--seed S` (the shuffle's seed; 17 for the fourth pass's census). */
const opt = (name: string) => { const a = process.argv.indexOf(name); return a > 0 ? process.argv[a + 1] : undefined; };
const ONLY = opt('--field') as Field | undefined;
const SAMPLE_N = Number(opt('--n') ?? SAMPLE);
const SEED = Number(opt('--seed') ?? 17);
const LONG = SAMPLE_N > SAMPLE;

/** What a category code means (the census's classes). */
export const CATEGORIES: Record<string, string> = {
  'd-later': 'data: the toll changed after the article (a victim died later, GVA counts a victim the article has not yet)',
  'd-roundup': "data: a round-up or another incident's count; the article does not give this incident's own figure",
  'd-noday': 'data: the article never states the day (a follow-up, "last week", no day at all)',
  'd-notext': 'data: no article text (a page of links, a video stub, another story)',
  'd-untold': 'data: the article tells of the incident but never states the figure (a piece on one victim, "multiple bodies")',
  'd-differs': 'data: GVA codes a figure other than the one the text states (or a day other than the one stated)',
  'f-phrase': 'fix: a phrasing of the figure sitrep does not read',
  'f-sentence': "fix: another incident's or a background sentence's figure taken over the incident's own",
  'f-overcount': 'fix: one person or group counted twice, or a number that is no count',
  'f-dead-hit': 'fix: the dead among the hit (or the hit among the dead) taken off wrongly',
  'f-dateword': 'fix: the stated day of the incident not chosen (a later step, a caption, a background date, a false date won) or the implied date lost',
};

/** Wilson score interval for x of n at 95 %. */
export function wilson(x: number, n: number): [number, number] {
  if (!n) return [0, 1];
  const z = 1.96, p = x / n, z2 = z * z;
  const mid = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, mid - half), Math.min(1, mid + half)];
}

interface Run { n: number; right: Record<Field, number>; misses: Record<Field, string[]>; rows: Map<string, { title: string; text: string; published: string; gold: { date: string; killed: number; injured: number }; report: Report | undefined; annotated: string[] }> }

const CUE = /shot|shoot|gun|kill|dead|die|death|injur|wound|hurt|hospital|condition|fatal|slain|murder|homicide|victim|struck|stab/i;
const DAYWORD = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\b(?:yesterday|today|tonight|last night|this morning|overnight|last week|weekend|earlier this)\b/i;

function run(keepText: boolean): Run {
  const { inc, docs } = loadGva();
  const pipeline = createPipeline(loadResources());
  const out: Run = { n: 0, right: { killed: 0, injured: 0, date: 0 }, misses: { killed: [], injured: [], date: [] }, rows: new Map() };
  for (const d of docs) {
    if (partOf(d.incident) !== 'tune') continue;
    const g = inc.get(d.incident);
    if (!g || !d.text?.trim()) continue;
    const x = extract(gvaDocument(d), pipeline);
    const text = x.annotated.document.text;
    const r = x.reports[0];
    out.n++;
    const ok: Record<Field, boolean> = {
      killed: (r?.fatalities?.best ?? 0) === g.killed,
      injured: (r?.injured?.best ?? 0) === g.injured,
      date: dateMeets(r?.date, [g.date, g.date]),
    };
    for (const f of FIELDS) ok[f] ? out.right[f]++ : out.misses[f].push(d.id);
    if (keepText && FIELDS.some((f) => !ok[f])) {
      const t = x.annotated.document.text;
      const annotated = x.annotated.annotations.flatMap((a) =>
        a.kind === 'casualty' ? [`cas ${a.field} ${a.value.best}${a.struck ? ' struck' : ''}${a.hedged ? ' hedged' : ''}${a.update ? ' update' : ''} "${t.slice(a.start, a.end)}"`]
        : a.kind === 'date' ? [`date ${a.value.start}..${a.value.end}${a.later ? ' later' : ''}${a.stamp ? ' stamp' : ''} "${t.slice(a.start, a.end)}"`] : []);
      out.rows.set(d.id, { title: d.title, text, published: d.published, gold: g, report: r, annotated });
    }
  }
  return out;
}

function sampleOf(ids: string[], seed = SEED): string[] {
  return shuffleInPlace([...ids].sort(), rng(seed)).slice(0, SAMPLE_N);
}

const clip = (s: string, n: number) => { const one = s.replace(/\s+/g, ' ').trim(); return one.length > n ? one.slice(0, n - 3) + '...' : one; };

function writeSample(file: string): void {
  const r = run(true);
  const lines: string[] = [`# GVA tune part: ${r.n} articles; misses killed ${r.misses.killed.length}, injured ${r.misses.injured.length}, date ${r.misses.date.length}`];
  for (const f of FIELDS) {
    if (ONLY && f !== ONLY) continue;
    sampleOf(r.misses[f]).forEach((id, i) => {
      const row = r.rows.get(id)!;
      const rep = row.report;
      const got = { killed: rep?.fatalities?.best ?? null, injured: rep?.injured?.best ?? null, date: rep?.date ? `${rep.date.start}..${rep.date.end}${rep.date.implied ? ' implied' : ''}` : null };
      lines.push('', `=== ${f} #${i + 1} ${id} pub ${row.published} | gold k${row.gold.killed} i${row.gold.injured} ${row.gold.date} | got k${got.killed} i${got.injured} ${got.date}`);
      lines.push(`T: ${row.title}`);
      const want = f === 'date' ? /^date/ : f === 'killed' ? /^cas fatalities/ : /^cas (?:injured|fatalities)/;
      for (const a of row.annotated.filter((x) => want.test(x)).slice(0, 14)) lines.push(`  ${clip(a, 140)}`);
      const sentences = row.text.split(/(?<=[.!?]["”]?)\s+|\n+/).filter((s) => (f === 'date' ? DAYWORD : CUE).test(s));
      // a larger census reads more of each article (every sentence of hurt, not the first 16)
      const most = LONG ? 40 : 16;
      for (const s of sentences.slice(0, most)) lines.push(`  | ${clip(s, LONG ? 400 : 260)}`);
      if (sentences.length > most) lines.push(`  | … ${sentences.length - most} more`);
      lines.push(`  (text ${row.text.length} chars)`);
    });
  }
  writeFileSync(file, lines.join('\n') + '\n');
  console.error(`sample written to ${file}`);
}

function count(file: string): void {
  const labels = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t'));
  const r = run(false);
  console.log(`# GVA tune part census: ${r.n} articles`);
  console.log('| field | right now | misses | sampled | data-bound | fixable | ceiling (95 % interval) |');
  console.log('|---|---|---|---|---|---|---|');
  const detail: string[] = [];
  for (const f of FIELDS) {
    if (ONLY && f !== ONLY) continue;
    const mine = labels.filter((l) => l[0] === f);
    const missNow = new Set(r.misses[f]);
    const fix = mine.filter((l) => l[2].startsWith('f-')).length;
    const data = mine.length - fix;
    // the share fixable among the labelled misses still missed: the census-time share once the code has moved
    const still = mine.filter((l) => missNow.has(l[1]));
    const fixStill = still.filter((l) => l[2].startsWith('f-')).length;
    const [lo, hi] = wilson(fixStill, still.length);
    const m = r.misses[f].length;
    const ceil = (s: number) => ((r.right[f] + s * m) / r.n).toFixed(3);
    console.log(`| ${f} | ${(r.right[f] / r.n).toFixed(3)} (${r.right[f]}) | ${m} | ${mine.length} (${still.length} still missed) | ${data} | ${fix} (${fixStill} still missed) | ${ceil(fixStill / (still.length || 1))} (${ceil(lo)}-${ceil(hi)}) |`);
    const byCat = new Map<string, [number, number]>();
    for (const l of mine) {
      const c = byCat.get(l[2]) ?? [0, 0];
      byCat.set(l[2], [c[0] + 1, c[1] + +!missNow.has(l[1])]);
    }
    detail.push(`${f}: ${[...byCat].sort((a, b) => b[1][0] - a[1][0]).map(([c, [k, now]]) => `${c} ${k}${now ? ` (${now} right now)` : ''}`).join(', ')}`);
  }
  console.log('\n' + detail.join('\n'));
  console.log('\n(the ceiling takes the current misses and the census share; "right now" counts labelled misses the code of the day gets right)');
}

const [mode, file] = process.argv.slice(2);
if (mode === 'sample' && file) writeSample(file);
else if (mode === 'count' && file) count(file);
else {
  console.error('usage: gva-census.ts sample OUT.txt | count LABELS.tsv');
  process.exitCode = 2;
}
