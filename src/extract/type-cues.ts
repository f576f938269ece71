/**
 * Cue families of news that reports no incident of the ontology: sport, courts, the past, accidents,
 * natural disasters, natural deaths, business and technology, entertainment, politics. Each family is
 * a list of general words and phrasings; the type model's incident head weighs them as `k:<family>`
 * features (see type-model.ts, train-types.ts). A family says what a text is *about*, not that no
 * incident happened: a shooting told through its trial still has its triggers, and training decides
 * how far each family counts against an incident.
 *
 * One scan of the lead with one joined pattern (compiled once, at load).
 */

import { distinctGroupCounts } from './scan.js';
export const CUE_FAMILIES = {
  sport: [
    'match(?:es)?', 'season', 'coach(?:es|ed)?', 'league', 'championships?', 'tournaments?', 'playoffs?', 'quarterbacks?',
    'strikers?', 'goalkeepers?', 'innings', 'wickets?', 'touchdowns?', 'rebounds', 'halftime', 'overtime', 'stadium',
    'semi-?finals?', 'quarter-?finals?', 'olympics?', 'olympic', 'medals?', 'grand slam', 'grand prix', 'basketball',
    'football', 'soccer', 'tennis', 'cricket', 'baseball', 'hockey', 'golf', 'teammates?', 'fans', 'scored', 'points',
    'seeded', 'title race', 'world cup', 'nba', 'nfl', 'fifa', 'uefa', 'premier league', 'draft pick', 'free agent',
  ],
  court: [
    'trial', 'jur(?:y|ors)', 'judge', 'sentenced', 'sentencing', 'convicted', 'conviction', 'acquitted', 'verdict',
    'pleaded', 'plea', 'testified', 'testimony', 'prosecutors?', 'defen[cs]e (?:attorney|lawyer)s?', 'attorneys?',
    'appeal(?:s|ed)?', 'courtroom', 'hearing', 'lawsuit', 'sued', 'guilty', 'life in prison', 'parole', 'retrial',
  ],
  past: [
    'years ago', 'decades ago', 'anniversary', 'cold case', 'commemorat(?:e|ed|es|ing|ion)', 'memorial', 'remembered',
    'in the (?:19|18)\\d0s', 'history', 'historic', 'historians?', 'centur(?:y|ies) ago', 'legacy',
  ],
  accident: [
    'accident(?:s|al|ally)?', 'crash(?:ed|es)?', 'collision', 'collided', 'derail(?:ed|ment)', 'capsized', 'drown(?:ed|ing)',
    'plunged', 'overturned', 'fell (?:from|off|to)', 'fall from', 'climbers?', 'mountaineers?', 'avalanche', 'rescuers',
    'stranded', 'mishap', 'malfunction', 'blaze', 'fire broke out', 'firefighters', 'gas leak', 'mine collapse',
  ],
  disaster: [
    'earthquakes?', 'quakes?', 'tsunamis?', 'hurricanes?', 'tornado(?:es)?', 'flood(?:s|ed|ing)?', 'landslides?',
    'cyclones?', 'typhoons?', 'storms?', 'wildfires?', 'volcano(?:es)?', 'eruption', 'magnitude', 'aftershocks?',
    'drought', 'heat ?wave', 'epicent(?:er|re)', 'seismic', 'disaster relief',
  ],
  death: [
    'died of', 'obituary', 'passed away', 'died peacefully', 'at the age of', 'cancer', 'heart attack', 'illness',
    'overdose', 'funeral', 'survived by', 'cause of death', 'natural causes', 'autopsy', 'hospice', 'rehab',
  ],
  business: [
    'compan(?:y|ies)', 'shares', 'stocks?', 'revenue', 'profits?', 'acquisition', 'acquire[sd]?', 'merger', 'ceo',
    'chief executive', 'investors?', 'customers', 'products?', 'software', 'update', 'patch(?:es|ed)?', 'vulnerabilit(?:y|ies)',
    'smartphones?', 'processors?', 'chips?', 'launch(?:ed|es)?', 'unveiled', 'release[sd]?', 'browser', 'users',
    'analysts', 'quarter', 'sales', 'deal', 'brand', 'market share',
  ],
  entertainment: [
    'films?', 'movies?', 'actor', 'actress', 'singer', 'albums?', 'songs?', 'concerts?', 'celebrit(?:y|ies)', 'hollywood',
    'oscars?', 'grammys?', 'awards?', 'episodes?', 'television', 'tv', 'sitcom', 'starred', 'starring', 'director',
    'box office', 'wedding', 'married', 'divorce', 'engaged', 'pregnant', 'red carpet', 'fashion', 'reality show',
  ],
  politics: [
    'elections?', 'vot(?:e|es|ed|ers|ing)', 'polls?', 'campaign(?:s|ed|ing)?', 'candidates?', 'nominee', 'nomination',
    'senate', 'congress', 'parliament(?:ary)?', 'appointed', 'resign(?:s|ed|ation)?', 'inaugurat(?:ed|ion)', 'sworn in',
    'cabinet', 'legislation', 'referendum', 'ballots?', 'primar(?:y|ies)', 'constituency', 'coalition government',
  ],
} as const;

export type CueFamily = keyof typeof CUE_FAMILIES;
export const CUE_NAMES = Object.keys(CUE_FAMILIES) as CueFamily[];

/** One pattern, one named group per family; the families' words are whole words. */
const CUES = new RegExp(CUE_NAMES.map((f) => `(?<${f}>${CUE_FAMILIES[f].join('|')})`).join('|').replace(/^/, '\\b(?:') + ')\\b', 'gi');

/** Hits per family in `lead` (already lower-cased or not): a family counts once per distinct word. */
export function cueCounts(lead: string): Map<CueFamily, number> {
  const count = distinctGroupCounts(CUES, lead, CUE_NAMES);
  const out = new Map<CueFamily, number>();
  for (let i = 0; i < CUE_NAMES.length; i++) if (count[i] > 0) out.set(CUE_NAMES[i], count[i]);
  return out;
}

/** Hits at which a family's feature is full (1): one word may be chance, two say what the text is about. */
export const CUE_FULL = 2;
