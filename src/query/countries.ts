/**
 * Countries as users write them and as ACLED files name them: "Syria", "Syrian Arab Republic",
 * "SY", "SYR" all mean SY; ACLED wants the numeric ISO code, the name and its own region. Built from
 * the world-countries package (read-only JSON), once per process by whoever needs it.
 */
import { createRequire } from 'node:module';

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  ccn3: string;
  altSpellings: string[];
  region: string;
  subregion: string;
}

export interface CountryInfo {
  /** ISO 3166-1 alpha-2. */
  code: string;
  alpha3: string;
  /** ISO 3166-1 numeric, as ACLED's `iso` column holds it. */
  numeric: number | null;
  name: string;
  /** ACLED's region ("Middle East", "Eastern Africa"). */
  region: string;
}

/** ACLED's regions differ from the UN's sub-regions in a few places: the Caucasus, Iran, Mexico, Cyprus. */
function acledRegion(c: WorldCountry): string {
  if (['AM', 'AZ', 'GE'].includes(c.cca2) || c.subregion === 'Central Asia') return 'Caucasus and Central Asia';
  if (c.cca2 === 'IR') return 'Middle East';
  if (c.cca2 === 'MX') return 'Central America';
  if (c.cca2 === 'CY' || c.region === 'Europe') return 'Europe';
  const asia: Record<string, string> = { 'Western Asia': 'Middle East', 'Southern Asia': 'South Asia', 'South-Eastern Asia': 'Southeast Asia', 'Eastern Asia': 'East Asia' };
  if (asia[c.subregion]) return asia[c.subregion];
  if (c.region === 'Oceania') return 'Oceania';
  if (c.region === 'Antarctic') return 'Antarctica';
  return c.subregion || c.region;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

export class Countries {
  private readonly byCode = new Map<string, CountryInfo>();
  private readonly byName = new Map<string, string>();
  private list: (() => readonly WorldCountry[]) | null;

  /** The tables are built at first use: most commands (`sitrep events` without --country) never look a country up. */
  constructor(list: readonly WorldCountry[] | (() => readonly WorldCountry[])) {
    this.list = typeof list === 'function' ? list : () => list;
  }

  private built(): this {
    if (!this.list) return this;
    const list = this.list();
    this.list = null;
    for (const c of list) {
      const info: CountryInfo = { code: c.cca2, alpha3: c.cca3, numeric: c.ccn3 ? Number(c.ccn3) : null, name: c.name.common, region: acledRegion(c) };
      this.byCode.set(c.cca2, info);
      for (const n of [c.name.common, c.name.official, c.cca3, ...c.altSpellings]) {
        const k = fold(n);
        if (k.length > 1 && !this.byName.has(k)) this.byName.set(k, c.cca2);
      }
    }
    return this;
  }

  static load(): Countries {
    const require = createRequire(import.meta.url);
    return new Countries(() => require('world-countries/countries.json') as WorldCountry[]);
  }

  /** The alpha-2 code of what a user typed ("Syria", "sy", "SYR", "Côte d'Ivoire"), else null. */
  find(input: string): string | null {
    const t = input.trim();
    this.built();
    if (/^[A-Za-z]{2}$/.test(t) && this.byCode.has(t.toUpperCase())) return t.toUpperCase();
    return this.byName.get(fold(t)) ?? null;
  }

  info(code: string): CountryInfo | null {
    return this.built().byCode.get(code.toUpperCase()) ?? null;
  }

  /** A few names for error messages. */
  examples(): string {
    return 'a two- or three-letter ISO code or an English name, e.g. SY, SYR, Syria, Ukraine';
  }
}
