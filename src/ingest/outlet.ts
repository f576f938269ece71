/**
 * The outlet a document came from, as people name sources: the page's own site name ("Reuters"),
 * else the host of its URL without "www." ("kyivindependent.com"), else null. Never a file path: a
 * path says where a copy lay on someone's disk, not who published it.
 */
export function outletOf(doc: { site?: string | null; url?: string | null; source?: string | null }): string | null {
  const site = doc.site?.replace(/\s+/g, ' ').trim();
  if (site) return site.slice(0, 200);
  for (const u of [doc.url, doc.source]) {
    if (!u || !/^https?:\/\//i.test(u)) continue;
    try {
      return new URL(u).hostname.replace(/^www\./, '') || null;
    } catch {
      /* not a URL after all */
    }
  }
  return null;
}
