/**
 * The UCDP GED scene misses of one part, grouped by cause (for reading the TUNE part; the text is
 * printed to the terminal, never written anywhere). Only events whose headlines name the coded
 * place below the country (`named`, see scene-data.ts).
 *
 * Causes:
 * - no-report: no report (the type model reads no incident) or a report without a location;
 * - choice: some scene candidate lies within 50 km, another won;
 * - namesake: the coded name is in the text and the gazetteer holds it within 50 km, but the
 *   places stage read another place of that name (or none of its readings became a candidate);
 * - undetected: the gazetteer holds the coded name within 50 km, the places stage found no place there;
 * - variant: the gazetteer lacks the name near the point, a one-edit spelling of it in the country lies there;
 * - gap: the gazetteer holds no place of the coded name within 50 km.
 *
 * Usage: npx tsx scripts/scene-misses.ts [--part tune] [--cause X] [--n 40]
 */
import { foldName, type PlaceGazetteer } from '../src/extract/gazetteer.js';
import { sceneCandidates, sceneScores } from '../src/extract/scene.js';
import { haversineKm } from '../src/link/compatible.js';
import type { PlaceAnnotation } from '../src/model/types.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { ucdpCases } from './scene-data.js';

const args = process.argv.slice(2);
const argOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const part = argOf('--part') ?? 'tune';
const only = argOf('--cause');
const n = Number(argOf('--n') ?? 40);
const KM = 50;
const COUNTRY: Record<string, string> = { syria: 'SY', mexico: 'MX', myanmar: 'MM' };

const pipeline = createPipeline(loadResources());
const g = pipeline.context.gazetteer as PlaceGazetteer;
const byCause = new Map<string, string[]>();
let total = 0;
for (const c of ucdpCases()) {
  if (c.part !== part || !c.named) continue;
  total++;
  const { annotated, reports } = extract(c.document, pipeline);
  const l = reports[0]?.location ?? null;
  const dist = (lat: number, lon: number) => haversineKm(lat, lon, c.lat, c.lon);
  if (l && dist(l.lat, l.lon) <= KM) continue;
  const cands = sceneCandidates(c.document, annotated.annotations, g);
  const scores = cands.length ? sceneScores(cands) : [];
  const places = annotated.annotations.filter((a): a is PlaceAnnotation => a.kind === 'place');
  const text = ` ${foldName(c.document.text).replace(/[^a-z0-9]+/g, ' ')} `;
  const names = c.codedNames ?? [];
  const cc = COUNTRY[c.group];
  // the coded names the headlines hold that the gazetteer knows within 50 km of the point
  const near = names.filter((nm) => text.includes(` ${nm} `) && g.lookup(nm).some((e) => dist(e.lat, e.lon) <= KM));
  const variants = names.filter((nm) => text.includes(` ${nm} `)).flatMap((nm) => (/^[a-z]{5,20}$/.test(nm) ? g.variants(nm, new Set([cc])) : []).filter((e) => dist(e.lat, e.lon) <= KM).map((e) => e.name));
  let cause: string;
  if (!l) cause = reports.length ? 'no-location' : 'no-report';
  else if (cands.some((k) => dist(k.place.lat, k.place.lon) <= KM)) cause = 'choice';
  else if (near.length && places.some((p) => near.includes(foldName(p.text).replace(/^(?:al|el|as|ash|ar|ad|an|az|at) /, '')))) cause = 'namesake';
  else if (near.length) cause = 'undetected';
  else if (variants.length) cause = 'variant';
  else cause = 'gap';
  const fmt = (v: { name: string; admin1: string | null; country: string; lat: number; lon: number; precision: string }) => `${v.name} [${v.admin1 ?? '-'}, ${v.country}, ${v.precision}] ${Math.round(dist(v.lat, v.lon))} km`;
  const lines = [
    `- ${c.id} gold ${c.gold} (names: ${names.join(' / ')}${variants.length ? `; variant ${variants.join(', ')}` : ''})`,
    `    got ${l ? fmt(l) : 'none'}`,
    `    cands: ${cands.map((k, i) => `${fmt(k.place)} p=${scores[i].toFixed(2)}`).join(' | ') || '-'}`,
    `    places: ${places.map((p) => `"${p.text}"→${p.value.name}/${p.value.country}${p.qualifies !== null ? '(q)' : ''}`).join(', ') || '-'}`,
    ...c.document.text.trim().split('\n').slice(0, 4).map((h) => `    | ${h.slice(0, 160)}`),
  ];
  byCause.set(cause, [...(byCause.get(cause) ?? []), lines.join('\n')]);
}
console.log(`named events in part ${part}: ${total}; misses by cause:`);
for (const [k, v] of [...byCause].sort((a, b) => b[1].length - a[1].length)) console.log(`  ${k}: ${v.length}`);
for (const [k, v] of byCause) {
  if (only && only !== k) continue;
  console.log(`\n## ${k} (${v.length})`);
  for (const s of v.slice(0, n)) console.log(s);
}
