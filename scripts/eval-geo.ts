/**
 * Geoparsing evaluation: runs sentences then places over the geoparsing dev corpora (LGL, TR-News)
 * and prints, per corpus: detection recall and precision (a gold toponym counts as found when an
 * emitted mention overlaps it), resolution accuracy within 161 km (over found gold toponyms, and
 * over all gold toponyms with coordinates) and exact GeoNames id accuracy, then the most frequent
 * misses, false alarms and wrong resolutions.
 *
 * Data: `../shared/data/geoparsing-dev/` from the repo root, or $SITREP_SHARED_DATA/geoparsing-dev/.
 * Gold offsets are checked against the text in UTF-16 units and, failing that, in code points.
 *
 * Adjectives and names of peoples ("Russian", "Israelis") count as toponyms in both corpora; they
 * are found here with `findPlaces(…, { adjectives: true })`, which the pipeline leaves off
 * (`--no-adjectives` scores what the pipeline emits).
 *
 * Split (fixed 2026-12-06 22:30 UTC, before any tuning on it; docs/evaluation.md "Gazetteer"):
 * each article goes to the *tune* or the *report* part by the first hex digit of
 * sha1(`geo:` + corpus + `:` + docid): 0-7 tune, 8-f report. Measure the report part first and
 * last only; tune on the tune part. `--part all` gives the whole corpus (the figures before the
 * split was written).
 *
 * Usage: npm run eval:geo [-- --corpus lgl|TR-News] [--part tune|report|all] [--top N] [--verbose] [--no-adjectives]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../src/extract/gazetteer.js';
import { findPlaces } from '../src/extract/places.js';
import { splitSentences } from '../src/extract/sentences.js';
import type { PlaceAnnotation } from '../src/model/types.js';
import { geoPartOf, parse } from './geo-data.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.SITREP_SHARED_DATA ?? join(root, '..', 'shared', 'data'), 'geoparsing-dev');
const args = process.argv.slice(2);
const only = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : null;
const top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 15;
const verbose = args.includes('--verbose');
const part = args.includes('--part') ? args[args.indexOf('--part') + 1] : 'report';
if (!['tune', 'report', 'all'].includes(part)) throw new Error(`--part tune|report|all, not ${part}`);

// the corpora count adjectives ("Russian" for Russia) as toponyms; the pipeline does not emit
// them (see FindPlacesOptions), so --no-adjectives measures what the pipeline sees
const adjectives = !args.includes('--no-adjectives');

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const s = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(s));
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function topOf(map: Map<string, number>, n: number): string {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v}× ${k}`).join('\n    ');
}

const t0 = Date.now();
const gazetteer = loadGazetteer();
console.log(`gazetteer loaded in ${Date.now() - t0} ms, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${(a / b).toFixed(3)} (${a}/${b})`);

for (const corpus of ['lgl', 'TR-News']) {
  if (only && only !== corpus) continue;
  const parsed = parse(join(dataDir, `${corpus}.xml`));
  const { offsetFixes, badOffsets } = parsed;
  const articles = parsed.articles.filter((a) => part === 'all' || geoPartOf(corpus, a.id) === part);
  let gold = 0, found = 0, adjGold = 0, adjFound = 0, emitted = 0, emittedTrue = 0;
  let withCoords = 0, foundWithCoords = 0, within = 0, exactId = 0;
  let ms = 0;
  const misses = new Map<string, number>();
  const falseAlarms = new Map<string, number>();
  const wrong = new Map<string, number>();
  const worst: { d: number; line: string }[] = [];
  for (const art of articles) {
    const t = performance.now();
    const places: PlaceAnnotation[] = findPlaces(art.text, splitSentences(art.text), gazetteer, { adjectives });
    ms += performance.now() - t;
    emitted += places.length;
    for (const p of places) {
      if (art.gold.some((g) => g.start < p.end && p.start < g.end)) emittedTrue++;
      else bump(falseAlarms, p.text);
    }
    for (const g of art.gold) {
      gold++;
      // adjectival gold ("Russian" tagged as Russia): the pipeline skips adjectives by design
      const adjective = gazetteer.demonymCountry(g.phrase) !== null;
      if (adjective) adjGold++;
      const hit = places.find((p) => g.start < p.end && p.start < g.end);
      if (hit) {
        found++;
        if (adjective) adjFound++;
      } else bump(misses, g.phrase);
      if (g.lat === null || g.lon === null) continue;
      withCoords++;
      if (!hit) continue;
      foundWithCoords++;
      const d = km(g.lat, g.lon, hit.value.lat, hit.value.lon);
      if (d <= 161) within++;
      else {
        bump(wrong, `${g.phrase} → ${hit.value.name} (${hit.value.country}${hit.value.admin1 ? ', ' + hit.value.admin1 : ''}) not ${g.name}`);
        worst.push({ d, line: `${art.id} ${g.phrase} @${g.start}: ${hit.value.name}/${hit.value.country} ${Math.round(d)} km off (gold ${g.name} ${g.lat},${g.lon})` });
      }
      if (g.geonameid !== null && g.geonameid === hit.value.geonameid) exactId++;
    }
  }
  console.log(`\n== ${corpus} (part ${part}): ${articles.length} articles, ${gold} gold toponyms (${withCoords} with coordinates); offsets repaired (code points or shifted): ${offsetFixes}, unmatched: ${badOffsets}`);
  console.log(`  detection recall      ${pct(found, gold)}`);
  console.log(`    adjectival gold (${adjGold}, ${adjectives ? 'emitted here' : 'skipped by design'}): ${pct(adjFound, adjGold)}; the rest: ${pct(found - adjFound, gold - adjGold)}`);
  console.log(`  detection precision   ${pct(emittedTrue, emitted)}`);
  console.log(`  accuracy@161km        ${pct(within, foundWithCoords)} of found; ${pct(within, withCoords)} of all gold with coordinates`);
  console.log(`  exact geonameid       ${pct(exactId, foundWithCoords)} of found`);
  console.log(`  time                  ${(ms / articles.length).toFixed(2)} ms/article`);
  // the misses of the report part (and so of the whole) are never printed: read only the tune part's
  if (part !== 'tune') continue;
  console.log(`  most frequent misses:\n    ${topOf(misses, top)}`);
  console.log(`  most frequent false alarms:\n    ${topOf(falseAlarms, top)}`);
  console.log(`  most frequent wrong resolutions:\n    ${topOf(wrong, top)}`);
  if (verbose) console.log(`  worst:\n    ${worst.sort((a, b) => b.d - a.d).slice(0, top).map((w) => w.line).join('\n    ')}`);
}
