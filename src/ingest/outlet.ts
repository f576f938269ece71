import type { Document } from '../model/index.js';

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

const ARCHIVE = /^https?:\/\/web\.archive\.org\/web\/[^/]+\//i;
const HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/?#]*@)?([^/:?#]+)/i;

/**
 * The site a document came from, as its site profile is kept (extract/site-profile.ts): the host
 * of its URL without "www." (an archived copy's original host), else its site name, else the host
 * of its source when that is a URL. Null for a file with neither: a path on someone's disk is no
 * site.
 */
export function siteOf(doc: Pick<Document, 'url' | 'site' | 'source'>): string | null {
  for (const u of [doc.url, doc.site?.includes('.') ? doc.site : null, /^https?:\/\//i.test(doc.source) ? doc.source : null]) {
    if (!u) continue;
    const m = HOST.exec(u.trim().replace(ARCHIVE, ''));
    if (m && m[1].includes('.')) return m[1].toLowerCase().replace(/^www\d?\./, '');
  }
  const name = doc.site?.replace(/\s+/g, ' ').trim().toLowerCase();
  return name ? name.slice(0, 200) : null;
}

