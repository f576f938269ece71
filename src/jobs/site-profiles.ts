/**
 * Site profiles for an ingest that extracts ahead (`sitrep ingest`: several documents in flight
 * while earlier ones wait to be stored in input order). Each document must be read with its site's
 * profile as of every earlier document of the input, as one-at-a-time ingest (`ingestDocument`)
 * reads it from the store; otherwise the number of threads would change the places read.
 *
 * So the documents of one site are extracted one after another (other sites' run alongside), and
 * the profile is kept here between them: read from the store at the site's first document of the
 * run, then each extracted document's votes folded in, as the store will fold them when it stores
 * the document. A document's votes do not depend on the profile it was read with (see
 * extract/site-profile.ts), so this is the store's profile, document for document.
 */
import { addVotes } from '../extract/site-profile.js';
import { siteOf } from '../ingest/outlet.js';
import type { Document, SiteProfile } from '../model/index.js';
import type { PoolOutcome } from '../extract-pool.js';
import type { EventStore } from '../store/open.js';

export class SiteProfileBook {
  private readonly profiles = new Map<string, SiteProfile | null>();
  /** Per site, the extraction of its last document so far: the next one waits for it. */
  private readonly last = new Map<string, Promise<unknown>>();
  /** Documents whose votes are folded in: the same text twice in one input counts once, as in the store. */
  private readonly counted = new Set<string>();

  constructor(private readonly store: Pick<EventStore, 'siteProfile'>) {}

  /** Runs `extract` with the document's site profile, after the site's earlier documents of the run. */
  extract(doc: Document, extract: (profile: SiteProfile | null) => Promise<PoolOutcome>): Promise<PoolOutcome> {
    const site = siteOf(doc);
    if (!site) return extract(null);
    const before = this.last.get(site) ?? Promise.resolve();
    const run = before.then(async () => {
      let profile = this.profiles.get(site);
      if (profile === undefined) profile = await this.store.siteProfile(site);
      const out = await extract(profile);
      // a document a stage crashed on is not stored, so it teaches nothing
      if (!out.messages.some((m) => m.severity === 'fatal') && !this.counted.has(doc.id)) {
        this.counted.add(doc.id);
        profile = addVotes(profile, site, out.votes);
      }
      this.profiles.set(site, profile);
      return out;
    });
    this.last.set(
      site,
      run.catch(() => undefined),
    );
    return run;
  }
}
