/**
 * Per-item outputs of the type model on the TRAIN part, cross-validated (issue 15 census, session 13):
 * each ECB+ and SATP train item read by the fold model trained without it, printed as keys, gold labels
 * and the reports' types only (never text), for comparing with labels read by hand
 * (docs/evaluation.md, "What the data allows"; keys: scripts/census15-*.tsv).
 *
 * Usage: npx tsx scripts/census-types.ts --cache FILE --cv-dir DIR > OUT.tsv
 *        npx tsx scripts/census-types.ts --satp-sample 160,45,30,30,20,30   (the census sample's keys, no text)
 *   (the cache and fold models as `cv:types -- --cache FILE` makes them: train:types --cache FILE --fold i --out DIR/fold-i.json)
 * Columns: set, id, gold, P(incident), reports as category/type (comma-separated), SATP classes under eval:types' mapping.
 */
import { createHash } from 'node:crypto';
import { loadResources, createPipeline, typeBuilt } from '../src/pipeline.js';
import { loadTypeModel } from '../src/extract/type-model.js';
import { loadCache } from './type-cache.js';
import { CV_FOLDS, cvFold, loadEcb, loadSatp } from './type-data.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

// --satp-sample: SATP train.tsv strata by label combination (N none, O `other` only, A/B/K one class only, M the rest),
// in each the first n keys in sha1("census15:" + key) order: the census sample of scripts/census15-satp.tsv
const sizes = opt('--satp-sample')?.split(',').map(Number);
if (sizes) {
  const stratum = (l: string) => ({ '0000': 'N', '0001': 'O', '1000': 'A', '0100': 'B', '0010': 'K' } as Record<string, string>)[l] ?? 'M';
  const order = (k: string) => createHash('sha1').update(`census15:${k}`).digest('hex');
  const rows = loadSatp().filter((it) => !it.test).map((it) => ({ key: it.id, lab: ['armed_assault', 'bombing', 'kidnapping', 'other'].map((k) => (it.gold[k] ? '1' : '0')).join('') }));
  ['N', 'O', 'A', 'B', 'K', 'M'].forEach((s, i) => {
    const inS = rows.filter((r) => stratum(r.lab) === s).sort((a, b) => (order(a.key) < order(b.key) ? -1 : 1));
    for (const r of inS.slice(0, sizes[i])) console.log(`${r.key}\t${s}\t${r.lab}\t${(inS.length / sizes[i]).toFixed(3)}`);
  });
  process.exit(0);
}
const cacheFile = opt('--cache');
const cvDir = opt('--cv-dir') ?? '/tmp/sitrep-types-cv';
if (!cacheFile) throw new Error('--cache FILE (train part only)');
const cache = loadCache(cacheFile);
if (!cache) throw new Error(`${cacheFile}: no cache; build it with eval:types --part cv --cache FILE`);
const res = loadResources();
const folds = Array.from({ length: CV_FOLDS }, (_, i) => createPipeline({ ...res, typeModel: loadTypeModel(`${cvDir}/fold-${i}.json`) }));

// eval:types' SATP mapping (scripts/eval-types.ts satpLabels)
const satpClasses = (rs: { category: string; type: string }[]) => {
  const out = new Set<string>();
  for (const r of rs) {
    if ((r.category === 'battles' && r.type === 'armed_clash') || (r.category === 'violence_against_civilians' && r.type === 'attack')) out.add('A');
    if (r.category === 'explosions_remote_violence') out.add('B');
    if (r.type === 'abduction_forced_disappearance') out.add('K');
  }
  return [...out].sort().join('');
};

const items = [...loadEcb(), ...loadSatp()].filter((it) => !it.test);
for (const it of items) {
  const c = cache.get(`${it.set}:${it.id}`);
  if (!c) throw new Error(`${it.set}:${it.id} not in the cache`);
  const p = folds[cvFold(it.key)];
  const { reports, typing } = c.failed ? { reports: [], typing: null } : typeBuilt(p.typeModel, c.title, c.text, c.titleTriggers, c.textTriggers, c.built, c.native);
  const gold = it.set === 'ecb' ? `${it.gold.subtopic}:${it.gold.label}` : ['armed_assault', 'bombing', 'kidnapping', 'other'].map((k) => (it.gold[k] ? '1' : '0')).join('');
  console.log([it.set, it.id, gold, typing ? typing.incident.toFixed(3) : '-', reports.map((r) => `${r.category}/${r.type}`).join(',') || 'none', satpClasses(reports)].join('\t'));
}
