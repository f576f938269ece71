/**
 * What a report in another language shares with an English one, for linking: terms that do not
 * depend on the language. Its places' gazetteer names ("Kharkiv" whether the text wrote "Харкові"
 * or "خاركيف"), the English words of its event type and of its counts (a toll is compared by its
 * number), and its capitalised names spelled in Latin letters ("Синєгубов" → "synehubov"). The
 * quotes and claims keep the source's own words; only the linking features get these.
 */
import type { Report, ReportFeatures, Span } from '../model/index.js';
import type { SharedFeatures } from '../extract/reports.js';
import { contentTerms } from '../extract/terms.js';
import type { Lexicon } from './index.js';

/** The plain scan, for the tests to hold capitalisedNames to. */
export const CAPITALISED_NAME_PATTERN = (): RegExp => CAPITALISED_NAME;

/** The English words a report of each type uses, as `contentTerms` would count them. */
const TYPE_WORDS: Record<string, string> = {
  shelling_artillery_missile_attack: 'shelling strike missile attack',
  air_drone_strike: 'drone strike attack',
  remote_explosive_landmine_ied: 'explosion blast',
  suicide_bomb: 'suicide bombing',
  armed_clash: 'fighting clashes',
  attack: 'attack killed',
  arrests: 'arrested',
  abduction_forced_disappearance: 'abducted',
  peaceful_protest: 'protest',
  agreement: 'agreement',
};

/** How many times a shared word counts: a report names its place and toll a few times. */
const BRIDGE_WEIGHT = 10;

const CAPITALISED_NAME = /(?<!\p{L})\p{Lu}\p{Ll}{2,30}(?:[-\s]\p{Lu}\p{Ll}{2,30}){0,2}/gu;
const CAPITALISED_NAME_Y = new RegExp(CAPITALISED_NAME.source, 'uy');

/**
 * CAPITALISED_NAME's matches, tried only where one may start (its Unicode lookbehind at every
 * character of a Cyrillic text cost most of `latinNames`): not at a lower-case ASCII or Cyrillic
 * letter, nor after an ASCII or Cyrillic letter, nor inside a surrogate pair; elsewhere the pattern decides.
 */
export function capitalisedNames(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let next = 0;
  for (let p = 0; p < text.length; p++) {
    if (p < next) continue;
    const c = text.charCodeAt(p);
    if (c < 128 ? c < 65 || c > 90 : (c >= 0x430 && c <= 0x45f) || (c >= 0xdc00 && c <= 0xdfff)) continue;
    if (p > 0) {
      const b = text.charCodeAt(p - 1);
      if ((b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 0x400 && b <= 0x45f)) continue;
    }
    CAPITALISED_NAME_Y.lastIndex = p;
    const m = CAPITALISED_NAME_Y.exec(text);
    if (!m) continue;
    out.push(m);
    next = p + m[0].length;
  }
  return out;
}

/**
 * A document's capitalised names in Latin letters, in the order of the text: read once per
 * document, for all its reports. A place's name is left out: it is there by its gazetteer name,
 * and its inflected form spelled out would only add noise ("kramatorsku").
 */
export function latinNames(text: string, lex: Lexicon, places: readonly Span[] = []): string[] {
  const out: string[] = [];
  if (lex.script !== 'Cyrillic') return out;
  const seen = new Set<string>();
  for (const m of capitalisedNames(text)) {
    if (seen.has(m[0]) || places.some((p) => p.start < m.index + m[0].length && m.index < p.end)) continue;
    seen.add(m[0]);
    out.push(lex.transliterate(m[0]).toLowerCase());
  }
  return out;
}

/** The English words report `r` shares across languages: its places' names, its type's words, its tolls. */
function bridgeWords(r: Pick<Report, 'location' | 'claims' | 'type' | 'fatalities' | 'injured'>): string {
  const words: string[] = [];
  if (r.location) words.push(r.location.name, r.location.admin1 ?? '');
  for (const c of r.claims) if (c.field === 'location' && c.value && typeof c.value === 'object' && 'name' in c.value) words.push(String((c.value as { name: string }).name));
  words.push(TYPE_WORDS[r.type] ?? '');
  if (r.fatalities && r.fatalities.best > 0) words.push(`${r.fatalities.best} killed`);
  if (r.injured && r.injured.best > 0) words.push(`${r.injured.best} injured wounded`);
  return words.join(' ');
}

/**
 * What `buildReports` adds to each report's features in a language with a lexicon (`names` from
 * `latinNames`): the same features as `bridgeFeatures` of the report built without, counted into
 * its terms as they are made.
 */
export function sharedFeatures(names: readonly string[]): SharedFeatures {
  return (r) => ({ words: bridgeWords(r), weight: BRIDGE_WEIGHT, names });
}

/** The linking features of report `r` with what it shares across languages; `names` from `latinNames`. */
export function bridgeFeatures(r: Report, names: readonly string[]): ReportFeatures {
  // copied key by key, in the same order: spreading a Record of this many keys cost several times more
  const terms: Record<string, number> = {};
  const own = r.features.terms;
  for (const k of Object.keys(own)) terms[k] = own[k];
  // weighed as the words a report dwells on: they are all that two languages share
  for (const [t, n] of Object.entries(contentTerms(bridgeWords(r)))) terms[t] = (terms[t] ?? 0) + BRIDGE_WEIGHT * n;
  return { ...r.features, terms, names: [...new Set([...r.features.names, ...names])] };
}
