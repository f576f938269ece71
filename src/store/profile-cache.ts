/**
 * The site profiles a store has read or written lately, so a document of a busy site does not read
 * its site's every key again (a local site read for months holds thousands of towns: 7 ms a read at
 * 6,000 keys). An entry is used only while the stored document count of its site is the one it was
 * made at: another process's document, or a transaction that failed, makes it read afresh.
 */
import { addVotes } from '../extract/site-profile.js';
import type { SiteProfile } from '../model/index.js';

/** Sites kept (least recently used go first). */
const MAX_SITES = 1000;

export class ProfileCache {
  private readonly entries = new Map<string, SiteProfile>();

  /** The cached profile when its site still counts `documents` stored documents. */
  get(site: string, documents: number): SiteProfile | undefined {
    const p = this.entries.get(site);
    if (!p) return undefined;
    this.entries.delete(site);
    if (p.documents !== documents) return undefined;
    this.entries.set(site, p);
    return p;
  }

  put(p: SiteProfile): void {
    this.entries.delete(p.site);
    this.entries.set(p.site, p);
    if (this.entries.size > MAX_SITES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A new document's votes, written in the store: the cached profile follows when it was current (`before` documents). */
  counted(site: string, before: number, votes: readonly string[]): void {
    const p = this.entries.get(site);
    if (p && p.documents === before) this.put(addVotes(p, site, votes));
    else this.entries.delete(site);
  }

  /** After a transaction that failed: what it wrote is gone from the store. */
  clear(): void {
    this.entries.clear();
  }
}
