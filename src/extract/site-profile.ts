/**
 * Site profiles: where a site reports, learned without labels from its own documents.
 *
 * A local paper names its own towns again and again, mostly plainly ("Mansfield council to vote"
 * in a Texas paper, "Athens center" in a Tennessee one): the text leaves such a name open, but
 * the site's other documents, where places were named with a sure reading ("Fort Worth",
 * "Tarrant County", "Mansfield, Texas"), say where its readers live. Each document gives its
 * votes — the country, region, county and town keys of the places it read surely (confidence at
 * least SURE, from the text alone) — once; a profile is the count of documents per key. The
 * places stage weighs a profile only between readings the text leaves close (see places.ts
 * `profileChoice`), so a clear context is never overridden.
 *
 * Pure functions only (the site of a document is `siteOf`, src/ingest/outlet.ts): the store keeps
 * the counts (`site_profiles`, `site_places`), the ingest job passes the profile in
 * (`StageContext.siteProfile`). A profile acts only below OPEN and votes come only from readings
 * at SURE or above, so a document's votes are the same with or without a profile, and a profile
 * does not depend on the order its documents arrived in.
 */
import type { Annotation, ResolvedPlace, SiteProfile } from '../model/types.js';

/** A reading this sure from the text alone is what a profile learns from. */
export const SURE = 0.9;

/**
 * Below this, a reading is open and a profile may break the tie (readings at 0.8-0.9, "Atlanta" in
 * a Pittsburgh paper, "Hamilton" in an Ohio one, were right more often than the profile: 0.7 kept
 * them, 0.6 lost LGL tune gains).
 */
export const OPEN = 0.7;

/** The profile keys of a place: its country, its region, its county, and itself. */
export function placeKeys(v: ResolvedPlace): string[] {
  const keys = [`c:${v.country}`];
  if (v.precision === 'country' || !v.admin1) return keys;
  keys.push(`r:${v.country}/${v.admin1}`);
  if (v.precision === 'admin1') return keys;
  if (v.admin2 && v.precision === 'place') keys.push(`d:${v.country}/${v.admin1}/${v.admin2}`);
  // a county is its own district key: "Tarrant County" supports a Mansfield in it
  if (v.precision === 'admin2') keys.push(`d:${v.country}/${v.admin1}/${v.name}`);
  if (v.precision === 'place' && v.geonameid !== null) keys.push(`p:${v.geonameid}`);
  return keys;
}

/** What one document teaches its site's profile: the keys of the places it read surely, each once, sorted. */
export function documentVotes(annotations: readonly Annotation[]): string[] {
  const keys = new Set<string>();
  for (const a of annotations) {
    if (a.kind !== 'place' || a.confidence === undefined || a.confidence < SURE) continue;
    for (const k of placeKeys(a.value)) keys.add(k);
  }
  return [...keys].sort();
}

/** The profile with one more document's votes: the fold the store runs in SQL, for scripts and tests. */
export function addVotes(profile: SiteProfile | null, site: string, votes: readonly string[]): SiteProfile {
  const places: Record<string, number> = { ...(profile?.places ?? {}) };
  for (const k of new Set(votes)) places[k] = (places[k] ?? 0) + 1;
  return { site, documents: (profile?.documents ?? 0) + 1, places };
}

/**
 * How strongly a profile holds a key: the share of the site's documents that named a place there
 * surely, shrunk toward nothing while the site has few documents (one document naming Texas is
 * no home region yet: 1 / (1 + PRIOR_DOCS) = 0.33).
 */
export function profileShare(profile: SiteProfile, key: string): number {
  const n = profile.places[key] ?? 0;
  return n === 0 ? 0 : n / (profile.documents + PRIOR_DOCS);
}

/** Documents of shrinkage in `profileShare` (swept on the LGL and TR-News tune parts: 0.5, 1, 2; 2 lost least on TR-News' national sites). */
export const PRIOR_DOCS = 2;

/**
 * How much each level of a profile counts for a reading: its region above all (a local paper's
 * home state), its county and the town itself a little. The country counts for nothing: a
 * national site names its own country in most documents, and weighing it moved ties in CNN's
 * stories to US namesakes ("Alexandria", "Paris"). Swept on the tune parts (region 2-8, county and
 * town 0-4, country 0-2): LGL tune 1738 of 1954 within 161 km without a profile, 1763 with all at
 * 2 and the country at 1, 1777 with these; TR-News tune 630 -> 627 -> 629.
 */
export const PROFILE_WEIGHTS = { p: 1, d: 1, r: 6, c: 0 } as const;

/** What a profile says for one reading: the weighted shares of its keys (0 to about 7). */
export function profileSupport(profile: SiteProfile, v: ResolvedPlace): number {
  let s = 0;
  for (const k of placeKeys(v)) s += PROFILE_WEIGHTS[k[0] as keyof typeof PROFILE_WEIGHTS] * profileShare(profile, k);
  return s;
}

/** The first-order region most of a site's documents name surely, with its share, when it is the site's home (half or more). */
export function homeRegion(profile: SiteProfile, country?: string): { country: string; admin1: string; share: number } | null {
  let best: { country: string; admin1: string; share: number } | null = null;
  for (const k of Object.keys(profile.places)) {
    if (!k.startsWith('r:')) continue;
    const slash = k.indexOf('/');
    const cc = k.slice(2, slash);
    if (country && cc !== country) continue;
    const share = profileShare(profile, k);
    if (!best || share > best.share) best = { country: cc, admin1: k.slice(slash + 1), share };
  }
  return best && best.share >= HOME_SHARE ? best : null;
}

/** Share of a site's documents that must name a region for it to be the site's home. */
export const HOME_SHARE = 0.5;


/**
 * The country a site's country-code domain names ("thisisoxfordshire.co.uk" GB, "lfpress.ca" CA),
 * from its URL or host; null for generic domains (.com, .org) and for country codes sold for
 * other uses (.tv, .io, .me, .fm, .co). A local paper's own country, known from its first document
 * on, before any profile: "Lancaster" in a Lancashire paper is not Pennsylvania's.
 */
export function siteCountry(urlOrHost: string | null | undefined): string | null {
  if (!urlOrHost) return null;
  const host = SITE_HOST.exec(urlOrHost.trim().replace(ARCHIVED, ''))?.[1]?.toLowerCase();
  if (!host || !host.includes('.')) return null;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (!/^[a-z]{2}$/.test(tld) || VANITY_TLDS.has(tld)) return null;
  return tld === 'uk' ? 'GB' : tld.toUpperCase();
}

const SITE_HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/:?#\s]+)/i;
/** An archived copy's URL: its original host is the site (as `siteOf` reads it). */
const ARCHIVED = /^https?:\/\/web\.archive\.org\/web\/[^/]+\//i;
/** Country codes mostly sold as generic names. */
const VANITY_TLDS = new Set(['tv', 'io', 'me', 'fm', 'co', 'ai', 'cc', 'ly', 'to', 'ws', 'la', 'am', 'nu', 'tk', 'gg', 'im', 'is', 'it', 'sh', 'ac', 'vc', 'gl', 'ms', 'st', 'ag', 'gd', 'so', 'md', 'cx', 'fo', 'bz', 'cd', 'al', 'eu', 'su']);

/**
 * What a site's country-code domain adds to a reading in that country, between readings the text
 * leaves open: as much as a home region every document names (`PROFILE_WEIGHTS`). Swept on the
 * LGL and TR-News tune parts (0, 2, 4, 6, 8, 12): LGL 1776, 1776, 1780, 1781, 1781, 1781 of 1954
 * within 161 km; TR-News 637 of 660 throughout.
 */
export const SITE_COUNTRY_WEIGHT = 6;

/**
 * The names a local paper's host may be named after, as folded one-word names to look up, longest first:
 * the host's own label ("gainesvilletimes" of gainesvilletimes.com, "augusta" of
 * chronicle.augusta.com) with newspaper words stripped from its ends in every way they strip
 * ("columbiadailyherald" → "columbiadaily", "columbia"; "theparisnews" → "paris"). Only names of
 * four letters or more. The reader takes the longest that names a town (places.ts
 * `siteTowns`), so "starkvilledailynews" gives Starkville, not "kville" after "star".
 */
export function siteTownNames(urlOrHost: string | null | undefined): string[] {
  if (!urlOrHost) return [];
  const host = SITE_HOST.exec(urlOrHost.trim().replace(ARCHIVED, ''))?.[1]?.toLowerCase();
  if (!host || !host.includes('.')) return [];
  const labels = host.split('.');
  // the registrable label: "thisisoxfordshire" of thisisoxfordshire.co.uk, "augusta" of chronicle.augusta.com
  const second = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]) ? labels.length - 3 : labels.length - 2;
  const seen = new Set<string>();
  // "richmondandtwickenhamtimes": two towns' names; the whole label is kept too ("sanduskyregister")
  const todo = (labels[second] ?? '').split('-').flatMap((p) => (p.includes('and') ? [p, ...p.split('and')] : [p]));
  while (todo.length) {
    const rest = todo.pop()!;
    if (seen.has(rest)) continue;
    seen.add(rest);
    for (const w of PAPER_WORDS) {
      if (rest.length <= w.length) continue;
      if (rest.endsWith(w)) todo.push(rest.slice(0, -w.length));
      if (rest.startsWith(w)) todo.push(rest.slice(w.length));
    }
  }
  return [...seen].filter((n) => n.length >= 4 && /^[a-z]+$/.test(n) && !PAPER_WORDS.includes(n)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/**
 * The names of the sections a local site files a story under, from the directories of its URL's
 * path ("/dublin_news/", "/news/lancaster/", "/arlington/"), as folded names: words split at "_"
 * and "-", newspaper words dropped. A section named for a town is the edition of that town; the
 * reader takes it as it takes a town the host is named after (places.ts `siteTowns`). The last
 * segment (the story's own slug, its headline's words) is never read.
 */
export function sitePathNames(url: string | null | undefined): string[] {
  if (!url) return [];
  const m = URL_PATH.exec(url.trim().replace(ARCHIVED, ''));
  if (!m) return [];
  const out: string[] = [];
  const dirs = m[1].split('/').slice(1, -1);
  // dates ("/2009/03/18/") are no sections and do not count
  for (const d of dirs.filter((x) => !DIGITS.test(x)).slice(0, MAX_SECTIONS)) {
    if (!SECTION.test(d)) continue;
    // "mt_pleasant_news": an abbreviated first word of a longer name stays ("mt pleasant")
    const words = d.toLowerCase().split(/[_-]+/).filter((w, k, all) => w && !PAPER_WORDS.includes(w) && (!SECTION_WORDS.has(w) || (ABBREVIATED_HEADS.has(w) && k < all.length - 1 && !SECTION_WORDS.has(all[k + 1]) && !PAPER_WORDS.includes(all[k + 1]))));
    if (words.length === 0 || words.length > 3) continue;
    const name = words.map((w) => SPELLED_HEADS.get(w) ?? w).join(' ');
    if (name.length >= 4 && !out.includes(name)) out.push(name);
  }
  return out;
}

/** A URL's path, after its scheme and host, up to its query or fragment. */
const URL_PATH = /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+(\/[^?#\s]*)/i;
/** A section directory: letters joined by "_" or "-", nothing else ("news", "local_news", "los_angeles_metro"). */
const SECTION = /^[A-Za-z]+(?:[_-][A-Za-z]+){0,4}$/;
const DIGITS = /^\d+$/;
/** Only the first directories (dates aside) name sections; deeper ones are dates, ids and slugs. */
const MAX_SECTIONS = 4;
/** Abbreviated first words of names ("mt_pleasant"), a name's part only before another word. */
const ABBREVIATED_HEADS = new Set(['mt', 'st', 'ft']);
/** …spelled out as the gazetteer folds them ("St. Louis" is folded "st louis"). */
const SPELLED_HEADS = new Map([['mt', 'mount'], ['ft', 'fort']]);
/** Words of sections that are no town's name. */
const SECTION_WORDS = new Set(['headlines', 'stories', 'story', 'articles', 'article', 'content', 'services', 'metro', 'updates', 'templates', 'dynamic', 'lifestyles', 'lifestyle', 'sharedcontent', 'apps', 'business', 'sports', 'sport', 'crime', 'education', 'schools', 'breaking', 'top', 'national', 'features', 'feature', 'community', 'portal', 'servlet', 'newsstand', 'potpourri', 'opinion', 'obituaries', 'politics', 'entertainment', 'region', 'regional', 'cn', 'mt', 'st', 'simple', 'topnews', 'spages', 'newsmanager', 'hasen', 'high', 'school']);

/**
 * The two-word names a host's name may be, its space lost ("lasvegas" → "las vegas", "kansascity"
 * → "kansas city"): every split into words of two letters or more, to look up when the name as
 * one word names no town.
 */
export function spacedNames(name: string): string[] {
  const out: string[] = [];
  for (let i = 2; i + 2 <= name.length; i++) out.push(`${name.slice(0, i)} ${name.slice(i)}`);
  return out;
}

/** Second-level labels under which a country's sites register ("co.uk", "com.au"). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'or', 'ne']);

/** Words newspapers' hosts are made of besides their town's name. */
const PAPER_WORDS: readonly string[] = [
  'the', 'daily', 'weekly', 'news', 'newspaper', 'newspapers', 'times', 'herald', 'register', 'telegram', 'telegraph', 'press', 'post',
  'gazette', 'tribune', 'journal', 'star', 'sun', 'online', 'local', 'ledger', 'enquirer', 'inquirer', 'chronicle', 'record',
  'courier', 'sentinel', 'review', 'monitor', 'dispatch', 'citizen', 'observer', 'examiner', 'independent', 'standard', 'express',
  'mail', 'today', 'now', 'live', 'bee', 'globe', 'leader', 'reporter', 'eagle', 'democrat', 'republican', 'argus', 'bulletin',
  'mercury', 'pioneer', 'advocate', 'banner', 'beacon', 'voice', 'union', 'messenger', 'echo', 'item', 'free', 'evening', 'morning',
  'sunday', 'tv', 'radio', 'web', 'info', 'media', 'group', 'courant', 'statesman', 'progress', 'guardian', 'mirror', 'world',
  'state', 'province', 'extra', 'thisis', 'my', 'talk', 'town', 'city', 'county', 'area',
];

/**
 * Where a reading must lie from a town the site is named after to count as that town's (a paper's
 * county and neighbours). Swept on the LGL tune part (30, 50, 80 km): 1811, 1811, 1803 of 1954.
 */
export const SITE_TOWN_KM = 50;

/**
 * What lying near a town the site is named after adds, between readings the text leaves open (like
 * SITE_COUNTRY_WEIGHT). Swept on the LGL tune part (4, 6, 8): 1809, 1811, 1811 of 1954 (from 1789).
 */
export const SITE_TOWN_WEIGHT = 6;

/**
 * Below this, a town the site is named after may break a reading the text makes near-sure (0.7 to
 * 0.8: "East Hampton" of Virginia at 0.77 in a Middletown, Connecticut, paper). Swept on the tune
 * parts (0.7, 0.8, 0.9, 0.95): LGL 1813, 1817, 1817, 1817 of 1954; TR-News 637 throughout.
 */
export const SITE_TOWN_OPEN = 0.8;

/**
 * Smallest town a site is taken to be named after: a name's small namesakes only add noise
 * (Concord, New York, a part of Staten Island, beside Hanover, New Jersey). Swept on the LGL tune
 * part (3,000, 5,000, 10,000, 20,000): 1806, 1806, 1811, 1810 of 1954.
 */
export const SITE_TOWN_MIN_PEOPLE = 10000;
