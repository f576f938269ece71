/**
 * The tune part's wrong resolutions in LGL (or TR-News): for each found gold toponym placed more
 * than 161 km off, the reading chosen, the gold, whether any reading of the name lies within
 * 161 km of the gold (else the gazetteer lacks it), the top readings' scores, and the states the
 * document's other places were read in. Reads the tune part only (scripts/geo-data.ts).
 *
 * Usage: npx tsx scripts/geo-misses.ts [--corpus lgl|TR-News] [--max N]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldName, loadGazetteer } from '../src/extract/gazetteer.js';
import { findPlaces } from '../src/extract/places.js';
import { splitSentences } from '../src/extract/sentences.js';
import { haversineKm } from '../src/link/compatible.js';
import { geoPartOf, parse } from './geo-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.SITREP_SHARED_DATA ?? join(root, '..', 'shared', 'data'), 'geoparsing-dev');
const args = process.argv.slice(2);
const corpus = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : 'lgl';
const max = args.includes('--max') ? Number(args[args.indexOf('--max') + 1]) : 1000;
const g = loadGazetteer();
const { articles } = parse(join(dataDir, `${corpus}.xml`));
let n = 0;
const causes = new Map<string, number>();
for (const art of articles) {
  if (geoPartOf(corpus, art.id) !== 'tune') continue;
  const lines: string[] = [];
  const places = findPlaces(art.text, splitSentences(art.text), g, { adjectives: true, debug: (l) => lines.push(l) });
  const states = new Map<string, number>();
  for (const p of places) if (p.value.country === 'US' && p.value.admin1) states.set(p.value.admin1, (states.get(p.value.admin1) ?? 0) + 1);
  for (const gd of art.gold) {
    if (gd.lat === null || gd.lon === null) continue;
    const hit = places.find((p) => gd.start < p.end && p.start < gd.end);
    if (!hit) continue;
    const d = haversineKm(gd.lat, gd.lon, hit.value.lat, hit.value.lon);
    if (d <= 161) continue;
    const readings = g.lookup(foldName(hit.text));
    const near = readings.filter((e) => haversineKm(e.lat, e.lon, gd.lat!, gd.lon!) <= 161);
    // some other name of the document was read within 100 km of the gold point: the story's own
    // places could have settled it
    const ctx = places.some((p) => foldName(p.text) !== foldName(hit.text) && haversineKm(p.value.lat, p.value.lon, gd.lat!, gd.lon!) <= 100);
    const cause = near.length ? (ctx ? 'choice-ctx' : 'choice') : 'absent';
    causes.set(cause, (causes.get(cause) ?? 0) + 1);
    if (n++ >= max) continue;
    const dbg = lines.find((l) => l.startsWith(`${hit.text}@${hit.start}:`)) ?? '';
    console.log(`${art.id} [${cause}] "${hit.text}" → ${hit.value.name} (${hit.value.country}, ${hit.value.admin1 ?? '-'}) ${Math.round(d)} km; gold ${gd.name} ${gd.lat},${gd.lon}${near.length ? ` = ${near.map((e) => `${e.name}/${e.country}.${e.admin1Code}/${e.code}/${e.population}`).join(' ')}` : ''}`);
    console.log(`    scores ${dbg.slice(dbg.indexOf(':') + 2)}`);
    console.log(`    states ${[...states].map(([k, v]) => `${k}:${v}`).join(' ')} | ${art.text.slice(0, 90).replace(/\s+/g, ' ')}`);
  }
}
console.log(`\n${n} wrong: ${[...causes].map(([k, v]) => `${k} ${v}`).join(', ')}`);
