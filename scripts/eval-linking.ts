/**
 * Linking evaluation on ECB+ (dev): ingests every article through the real pipeline and Store
 * (a temporary SQLite file), maps each article to its document's primary event and scores that
 * clustering against the gold sub-topics with B-cubed precision/recall/F1 and the adjusted Rand
 * index, computed as `../shared/tools/clusterscore.py` does.
 *
 * Two files with the same normalised text are one document (one id): both map to its event.
 * Documents with no event count as singletons, as the python scorer treats missing ids.
 *
 * Data: `../shared/data/ecbplus-dev/` from the repo root, or $SITREP_ECBPLUS_DIR.
 * Usage: npm run eval:linking [-- --pred FILE] [--pred-shuffled FILE] [--shuffle SEED | --no-shuffle] [--top N]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textDocument } from '../src/ingest/document.js';
import { createPipeline, extract, loadResources, type Pipeline } from '../src/pipeline.js';
import { openStore } from '../src/store/sqlite.js';
import type { Document, Report } from '../src/model/types.js';
import { rng, shuffleInPlace } from './rng.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.SITREP_ECBPLUS_DIR ?? join(root, '..', 'shared', 'data', 'ecbplus-dev'));
const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const predFile = opt('--pred');
const predShuffledFile = opt('--pred-shuffled');
/** Linking must not depend on ingestion order: a second, shuffled run is part of every evaluation (seed 1 unless told). */
const shuffleSeed = args.includes('--no-shuffle') ? undefined : (opt('--shuffle') ?? '1');
const top = Number(opt('--top') ?? 8);

type Clustering = Map<string, string>;

/** B-cubed over the gold documents, as clusterscore.py: every gold doc weighs the same. */
export function bcubed(gold: Clustering, pred: Clustering): { P: number; R: number; F1: number } {
  const members = (c: Clustering) => {
    const m = new Map<string, Set<string>>();
    for (const [d, k] of c) (m.get(k) ?? m.set(k, new Set()).get(k)!).add(d);
    return m;
  };
  const gc = members(gold);
  const pc = members(pred);
  let P = 0;
  let R = 0;
  for (const [d, g] of gold) {
    const gs = gc.get(g)!;
    const ps = pc.get(pred.get(d)!)!;
    let inter = 0;
    for (const x of ps) if (gs.has(x)) inter++;
    P += inter / ps.size;
    R += inter / gs.size;
  }
  P /= gold.size;
  R /= gold.size;
  return { P, R, F1: P + R ? (2 * P * R) / (P + R) : 0 };
}

export function adjustedRand(gold: Clustering, pred: Clustering): number {
  const c2 = (x: number) => (x * (x - 1)) / 2;
  const count = (keys: Iterable<string>) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const docs = [...gold.keys()];
  const cont = count(docs.map((d) => `${gold.get(d)}\u0000${pred.get(d)}`));
  const a = count(docs.map((d) => gold.get(d)!));
  const b = count(docs.map((d) => pred.get(d)!));
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + c2(v), 0);
  const s = sum(cont);
  const sa = sum(a);
  const sb = sum(b);
  const exp = (sa * sb) / c2(docs.length);
  const mx = (sa + sb) / 2;
  return mx !== exp ? (s - exp) / (mx - exp) : 1;
}

function shuffled<T>(xs: T[], seed: number): T[] {
  return shuffleInPlace([...xs], rng(seed));
}

function loadGold(): Clustering {
  const gold: Clustering = new Map();
  const lines = readFileSync(join(dataDir, 'gold_doc_clusters.tsv'), 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    const p = line.split('\t');
    if (p.length > 2) gold.set(p[0], p[2]);
  }
  return gold;
}

/** Sub-topics `relevance.tsv` labels `conflict` (an incident a conflict or crime tracker would code). */
function conflictSubtopics(): Set<string> {
  try {
    const rows = readFileSync(join(dataDir, 'relevance.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    return new Set(rows.filter((r) => r[1] === 'conflict').map((r) => r[0]));
  } catch {
    return new Set();
  }
}

interface Prepared {
  file: string;
  docId: string;
  doc: Document;
  reports: Report[];
}

function prepare(pipeline: Pipeline, files: string[]): { prepared: Prepared[]; ms: number } {
  const t0 = performance.now();
  const prepared: Prepared[] = [];
  for (const f of files) {
    const doc = textDocument(readFileSync(join(dataDir, 'docs', f), 'utf8'), { source: join(dataDir, 'docs', f) });
    prepared.push({ file: f, docId: basename(f, '.txt'), doc, reports: extract(doc, pipeline).reports });
  }
  return { prepared, ms: performance.now() - t0 };
}

/** Ingests in the given order into a fresh store; returns article id → cluster id, and the time taken. */
function run(prepared: Prepared[]): { pred: Clustering; ms: number; cpuMs: number; disputed: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-linking-'));
  const store = openStore(join(dir, 'eval.db'));
  try {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const p of prepared) store.ingest(p.doc, p.reports);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const primary = new Map(store.documents().map((d) => [d.id, d.primary_event]));
    const pred: Clustering = new Map();
    for (const p of prepared) pred.set(p.docId, primary.get(p.doc.id) ?? `__single__${p.docId}`);
    // how many events carry a dispute, and on which fields: a flag on most events says nothing
    const events = store.events({ limit: 100_000 }).events;
    const byField = new Map<string, number>();
    for (const e of events) for (const f of e.disputed) byField.set(f, (byField.get(f) ?? 0) + 1);
    const multi = events.filter((e) => e.reports.length > 1);
    const disputed = `disputed events ${events.filter((e) => e.disputed.length).length} of ${events.length} (${multi.filter((e) => e.disputed.length).length} of ${multi.length} with 2+ documents); by field: ${[...byField].map(([f, n]) => `${f} ${n}`).join(', ') || '-'}`;
    return { pred, ms, cpuMs: (cpu.user + cpu.system) / 1000, disputed };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function score(gold: Clustering, raw: Clustering) {
  // as clusterscore.py: gold docs missing from the prediction are singletons
  const pred: Clustering = new Map([...gold.keys()].map((d) => [d, raw.get(d) ?? `__single__${d}`]));
  return { ...bcubed(gold, pred), ARI: adjustedRand(gold, pred), clusters: new Set(pred.values()).size, pred };
}

const f3 = (x: number) => x.toFixed(3);

function main(): void {
  const gold = loadGold();
  const files = readdirSync(join(dataDir, 'docs')).filter((f) => f.endsWith('.txt')).sort();
  const pipeline = createPipeline(loadResources());
  const { prepared, ms: extractMs } = prepare(pipeline, files);
  const docs = new Set(prepared.map((p) => p.doc.id)).size;
  const { pred: raw, ms, cpuMs, disputed } = run(prepared);
  const s = score(gold, raw);
  console.log(`articles=${files.length} documents=${docs} gold_clusters=${new Set(gold.values()).size} pred_clusters=${s.clusters}`);
  console.log(`B3 P=${f3(s.P)} R=${f3(s.R)} F1=${f3(s.F1)} ARI=${f3(s.ARI)}`);
  console.log(disputed);
  // documents that report no incident have no event (issue 15): above they count as singletons;
  // here linking is scored where it has something to link, and on the incidents ECB+ labels as such
  const withEvent = new Map([...gold].filter(([d]) => raw.has(d) && !raw.get(d)!.startsWith('__single__')));
  const e = score(withEvent, raw);
  console.log(`over the ${withEvent.size} articles with an event: B3 P=${f3(e.P)} R=${f3(e.R)} F1=${f3(e.F1)} ARI=${f3(e.ARI)}`);
  const conflict = conflictSubtopics();
  if (conflict.size) {
    const goldConflict = new Map([...gold].filter(([, g]) => conflict.has(g)));
    const c = score(goldConflict, raw);
    console.log(`over the ${goldConflict.size} articles of conflict sub-topics (relevance.tsv): B3 P=${f3(c.P)} R=${f3(c.R)} F1=${f3(c.F1)} ARI=${f3(c.ARI)}`);
  }
  console.log(`time/doc: extract ${(extractMs / files.length).toFixed(1)} ms, store+link ${(ms / files.length).toFixed(1)} ms (CPU ${(cpuMs / files.length).toFixed(1)} ms)`);

  if (predFile) {
    writeFileSync(predFile, [...raw].map(([d, c]) => `${d}\t${c}\n`).join(''));
    console.log(`prediction written to ${predFile}`);
  }

  // worst-merged: predicted clusters holding the most docs of other gold sub-topics
  const byPred = new Map<string, string[]>();
  for (const [d, c] of s.pred) (byPred.get(c) ?? byPred.set(c, []).get(c)!).push(d);
  const merged = [...byPred.entries()]
    .map(([c, ds]) => {
      const counts = new Map<string, number>();
      for (const d of ds) counts.set(gold.get(d)!, (counts.get(gold.get(d)!) ?? 0) + 1);
      const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      return { c, n: ds.length, wrong: ds.length - sorted[0][1], sorted };
    })
    .filter((m) => m.wrong > 0)
    .sort((a, b) => b.wrong - a.wrong);
  console.log(`worst-merged clusters (${merged.length} impure):`);
  for (const m of merged.slice(0, top)) console.log(`  ${m.c} n=${m.n} foreign=${m.wrong}: ${m.sorted.map(([g, n]) => `${g}×${n}`).join(' ')}`);
  // most split gold sub-topics
  const byGold = new Map<string, Set<string>>();
  for (const [d, g] of gold) (byGold.get(g) ?? byGold.set(g, new Set()).get(g)!).add(s.pred.get(d)!);
  const split = [...byGold.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, top);
  console.log(`most-split gold sub-topics: ${split.map(([g, cs]) => `${g}→${cs.size}`).join(' ')}`);

  if (shuffleSeed !== undefined) {
    const { pred: raw2 } = run(shuffled(prepared, Number(shuffleSeed)));
    const s2 = score(gold, raw2);
    if (predShuffledFile) writeFileSync(predShuffledFile, [...raw2].map(([d, c]) => `${d}\t${c}\n`).join(''));
    console.log(`shuffled (seed ${shuffleSeed}): B3 P=${f3(s2.P)} R=${f3(s2.R)} F1=${f3(s2.F1)} ARI=${f3(s2.ARI)} pred_clusters=${s2.clusters}  ΔF1=${(s2.F1 - s.F1).toFixed(3)}`);
  }
}

main();
