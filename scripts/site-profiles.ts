/**
 * Site profiles for the evaluations, made the way a deployment makes them: a first pass reads
 * every document of the set without a profile and keeps its votes (`documentVotes`: the places it
 * read surely, from the text alone, no gold); the measured pass then gives each document the
 * profile of its site.
 *
 * Which documents a profile holds is the order question:
 * - `earlier` (the figure of record): the site's documents strictly before it in time (ties and
 *   undated ones in file order). This is exactly what `sitrep ingest`/`watch` reproduces when the
 *   documents come in that order: a document's votes do not depend on the profile it was read
 *   with (only sure readings vote, and a profile never changes a sure reading), so the store's
 *   profile after N documents is the fold of their first-pass votes.
 * - `others`: all the site's other documents, later ones too (leave-one-out) — what a store that
 *   has read the site for a while gives; printed beside (not always higher).
 */
import { addVotes } from '../src/extract/site-profile.js';
import type { SiteProfile } from '../src/model/types.js';

export type ProfileMode = 'earlier' | 'others';

export interface Dated {
  site: string | null;
  /** ms since 1970, or null when unknown. */
  time: number | null;
  /** Position in the input. */
  index: number;
}

/** Earlier first: by time, undated after dated, then by position. */
export function chronological(a: Dated, b: Dated): number {
  if (a.time !== b.time) {
    if (a.time === null) return 1;
    if (b.time === null) return -1;
    return a.time - b.time;
  }
  return a.index - b.index;
}

/** Each item's profile under `mode`, from the first pass's votes (`votes[i]` for `items[i]`); null for a site seen first or an item with no site. */
export function profilesFor(items: readonly Dated[], votes: readonly (readonly string[])[], mode: ProfileMode): (SiteProfile | null)[] {
  const bySite = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (!it.site) return;
    const list = bySite.get(it.site);
    if (list) list.push(i);
    else bySite.set(it.site, [i]);
  });
  const out: (SiteProfile | null)[] = items.map(() => null);
  for (const [site, idx] of bySite) {
    idx.sort((a, b) => chronological(items[a], items[b]));
    if (mode === 'earlier') {
      let p: SiteProfile | null = null;
      for (const i of idx) {
        out[i] = p;
        p = addVotes(p, site, votes[i]);
      }
    } else {
      for (const i of idx) {
        let p: SiteProfile | null = null;
        for (const j of idx) if (j !== i) p = addVotes(p, site, votes[j]);
        out[i] = p;
      }
    }
  }
  return out;
}
