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
 * Site profiles (`src/extract/site-profile.ts`): a first pass reads the set without them (the
 * first figure printed: the text alone) and keeps each article's votes; the measured passes give
 * each article its site's profile from the site's earlier articles (the figure of record: what an
 * ingest in time order gives) and, beside it, from all its other articles (see
 * scripts/site-profiles.ts). No gold is read to make them.
 *
 * Usage: npm run eval:geo [-- --corpus lgl|TR-News] [--part tune|report|all] [--top N] [--verbose] [--no-adjectives]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../src/extract/gazetteer.js';
import { findPlaces } from '../src/extract/places.js';
import { documentVotes } from '../src/extract/site-profile.js';
import { siteOf } from '../src/ingest/outlet.js';
import { splitSentences } from '../src/extract/sentences.js';
import type { PlaceAnnotation, SiteProfile } from '../src/model/types.js';
import { geoPartOf, parse, type Article } from './geo-data.js';
import { profilesFor } from './site-profiles.js';

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

interface Figures { lines: string[]; misses: Map<string, number>; falseAlarms: Map<string, number>; wrong: Map<string, number>; worst: { d: number; line: string }[] }

/** Scores one pass: `placesOf[i]` are the places found in `articles[i]`. */
function score(corpus: string, articles: Article[], placesOf: PlaceAnnotation[][], ms: number, offsetFixes: number, badOffsets: number): Figures {
  let gold = 0, found = 0, adjGold = 0, adjFound = 0, emitted = 0, emittedTrue = 0;
  let withCoords = 0, foundWithCoords = 0, within = 0, exactId = 0;
  const misses = new Map<string, number>();
  const falseAlarms = new Map<string, number>();
  const wrong = new Map<string, number>();
  const worst: { d: number; line: string }[] = [];
  articles.forEach((art, i) => {
    const places = placesOf[i];
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
        worst.push({ d, line: `${art.id} ${art.domain ?? '-'} ${g.phrase} @${g.start}: ${hit.value.name}/${hit.value.country}${hit.value.admin1 ? '/' + hit.value.admin1 : ''} ${Math.round(d)} km off (gold ${g.name} ${g.lat},${g.lon})` });
      }
      if (g.geonameid !== null && g.geonameid === hit.value.geonameid) exactId++;
    }
  });
  const lines = [
    `== ${corpus} (part ${part}): ${articles.length} articles, ${gold} gold toponyms (${withCoords} with coordinates); offsets repaired (code points or shifted): ${offsetFixes}, unmatched: ${badOffsets}`,
    `  detection recall      ${pct(found, gold)}`,
    `    adjectival gold (${adjGold}, ${adjectives ? 'emitted here' : 'skipped by design'}): ${pct(adjFound, adjGold)}; the rest: ${pct(found - adjFound, gold - adjGold)}`,
    `  detection precision   ${pct(emittedTrue, emitted)}`,
    `  accuracy@161km        ${pct(within, foundWithCoords)} of found; ${pct(within, withCoords)} of all gold with coordinates`,
    `  exact geonameid       ${pct(exactId, foundWithCoords)} of found`,
    `  time                  ${(ms / articles.length).toFixed(2)} ms/article`,
  ];
  return { lines, misses, falseAlarms, wrong, worst };
}

for (const corpus of ['lgl', 'TR-News']) {
  if (only && only !== corpus) continue;
  const parsed = parse(join(dataDir, `${corpus}.xml`));
  const { offsetFixes, badOffsets } = parsed;
  const articles = parsed.articles.filter((a) => part === 'all' || geoPartOf(corpus, a.id) === part);
  // first pass: the text alone, as a site seen for the first time; it also gives each article's votes
  const run = (profiles: (SiteProfile | null)[] | null) => {
    const t = performance.now();
    // the site's domain, like its profile, is no part of the text: the first pass reads neither
    const placesOf = articles.map((art, i) => findPlaces(art.text, splitSentences(art.text), gazetteer, { adjectives, profile: profiles?.[i] ?? null, site: profiles ? art.url ?? art.domain : null }));
    return { placesOf, ms: performance.now() - t };
  };
  const plain = run(null);
  const votes = plain.placesOf.map((ps) => documentVotes(ps));
  const dated = articles.map((a) => ({ site: siteOf({ url: a.url, site: a.domain, source: '' }), time: a.time, index: a.index }));
  const sites = new Set(dated.map((d) => d.site));
  console.log(`\n${corpus}: ${sites.size} sites; ${votes.filter((v) => v.length).length} of ${articles.length} articles vote (${(votes.reduce((n, v) => n + v.length, 0) / articles.length).toFixed(1)} keys an article)`);
  const base = score(corpus, articles, plain.placesOf, plain.ms, offsetFixes, badOffsets);
  console.log(`\n-- without site profiles (the text alone)\n${base.lines.join('\n')}`);
  const others = run(profilesFor(dated, votes, 'others'));
  const o = score(corpus, articles, others.placesOf, others.ms, offsetFixes, badOffsets);
  console.log(`\n-- profiles from all the site's other articles, later ones too (a store that has read the site a while)\n${o.lines.slice(1, 6).join('\n')}`);
  const earlier = run(profilesFor(dated, votes, 'earlier'));
  const f = score(corpus, articles, earlier.placesOf, earlier.ms, offsetFixes, badOffsets);
  console.log(`\n-- profiles from the site's earlier articles (as an ingest in time order; the figure of record)\n${f.lines.join('\n')}`);
  // the misses of the report part (and so of the whole) are never printed: read only the tune part's
  if (part !== 'tune') continue;
  console.log(`  most frequent misses:\n    ${topOf(f.misses, top)}`);
  console.log(`  most frequent false alarms:\n    ${topOf(f.falseAlarms, top)}`);
  console.log(`  most frequent wrong resolutions:\n    ${topOf(f.wrong, top)}`);
  if (verbose) console.log(`  worst:\n    ${f.worst.sort((a, b) => b.d - a.d).slice(0, top).map((w) => w.line).join('\n    ')}`);
  if (!args.includes('--changes')) continue;
  // what the profile changed, gold toponym by gold toponym (tune part only)
  console.log('  changed by the profile (earlier articles):');
  articles.forEach((art, i) => {
    for (const g of art.gold) {
      if (g.lat === null || g.lon === null) continue;
      const a = plain.placesOf[i].find((p) => g.start < p.end && p.start < g.end);
      const b = earlier.placesOf[i].find((p) => g.start < p.end && p.start < g.end);
      if (!a || !b || a.value.geonameid === b.value.geonameid) continue;
      const ok = (p: PlaceAnnotation) => km(g.lat!, g.lon!, p.value.lat, p.value.lon) <= 161;
      if (ok(a) === ok(b)) continue;
      console.log(`    ${ok(b) ? 'GAIN' : 'LOSS'} ${art.domain} ${g.phrase}: ${a.value.name}/${a.value.admin1 ?? a.value.country} (${a.confidence}) -> ${b.value.name}/${b.value.admin1 ?? b.value.country}`);
    }
  });
}
