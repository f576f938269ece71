// Site profiles in the store (SQLite, and PostgreSQL at 127.0.0.1:5432): ingest learns where a site
// reports from its documents, counts each document once however often it comes, and reads the next
// document of the site with what it learned; an ingest that extracts ahead gives the same profiles.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, dropTestDatabase } from './pg-database.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addVotes } from '../src/extract/site-profile.js';
import { inProcessExtractor, type Extractor } from '../src/extract-pool.js';
import { textDocument } from '../src/ingest/document.js';
import { ingestDocument } from '../src/jobs/ingest.js';
import { SiteProfileBook } from '../src/jobs/site-profiles.js';
import type { Document, SiteProfile } from '../src/model/index.js';
import { createPipeline, loadResources } from '../src/pipeline.js';
import type { EventStore } from '../src/store/open.js';
import { PgStore } from '../src/store/postgres.js';
import { openStore } from '../src/store/sqlite.js';
import { sitesTable } from '../src/cli/format.js';

const pipeline = createPipeline(loadResources());
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-profiles-'));
const admin = 'postgres://postgres@127.0.0.1:5432/test';
const dbName = `sitrep_test_profiles_${process.pid}`;

const paper = (n: number, text: string): Document => textDocument(text, { source: `feed#${n}`, url: `https://www.example-star.com/news/${n}`, published: '2024-03-0' + n });
const docs = [
  paper(1, 'Fort Worth police said a crash on Interstate 30 in Fort Worth, Texas, closed two lanes.'),
  paper(2, 'Arlington, Texas, will open a new library in Tarrant County next spring.'),
  paper(3, 'The Grapevine, Texas, school board met on Tuesday in Tarrant County.'),
  paper(4, 'Mansfield council to vote on the new budget on Monday.'),
];

/** Records the profile each document was extracted with. */
function recording(inner: Extractor, seen: Map<string, SiteProfile | null>): Extractor {
  return { extract: (d, profile) => (seen.set(d.id, profile ?? null), inner.extract(d, profile)) };
}

async function learns(store: EventStore): Promise<void> {
  const seen = new Map<string, SiteProfile | null>();
  const ex = recording(inProcessExtractor(pipeline), seen);
  for (const d of docs) await ingestDocument(d, ex, store);
  const after = await store.siteProfile('example-star.com');
  expect(after?.documents).toBe(4);
  expect(after?.places['r:US/Texas']).toBe(3);
  // the fourth document was read with the three before it, and its open namesake settled by them
  expect(seen.get(docs[3].id)?.documents).toBe(3);
  expect(seen.get(docs[0].id)).toBeNull();
  const spans = (await store.documentSpans(docs[3].id)) as { kind: string; label: string }[];
  expect(spans.find((s) => s.kind === 'place')?.label).toBe('Mansfield, Texas, US (place)');
  // re-ingesting changes nothing, the profile included
  for (const d of docs) expect((await ingestDocument(d, ex, store)).stored).toBe(false);
  expect(await store.siteProfile('example-star.com')).toEqual(after);
  expect(await store.siteProfiles()).toEqual([after]);
  expect(await store.siteProfile('elsewhere.org')).toBeNull();
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('site profiles in the store', () => {
  it('SQLite: learns from new documents only, once each', async () => {
    const store = openStore(join(tmp, 'a.db'));
    try {
      await learns(store);
      // what the store keeps in memory between documents is what a fresh reader reads
      const fresh = openStore(join(tmp, 'a.db'), { readonly: true });
      expect(fresh.siteProfile('example-star.com')).toEqual(store.siteProfile('example-star.com'));
      fresh.close();
      // `sitrep sites`: the site, its documents, its regions by share
      expect(sitesTable(store.siteProfiles()).split('\n')[1]).toMatch(/^example-star\.com +4 +US: Texas 75%$/);
    } finally {
      store.close();
    }
  });

  it("places an incident at the site's namesake, in the headline as in the text", async () => {
    const store = openStore(join(tmp, 'c.db'));
    const ex = inProcessExtractor(pipeline);
    for (const d of docs.slice(0, 3)) await ingestDocument(d, ex, store);
    const shooting = textDocument('A man was shot and killed outside a store in Mansfield on Sunday night, police said.', { source: 'feed#5', url: 'https://example-star.com/news/5', title: 'Man shot in Mansfield', published: '2024-03-05' });
    const res = await ingestDocument(shooting, ex, store);
    const event = store.getEvent(res.events[0]);
    expect(event?.location).toMatchObject({ name: 'Mansfield', admin1: 'Texas', country: 'US' });
    // the same text from a site with no profile: the text alone
    const elsewhere = await ex.extract({ ...shooting, url: 'https://elsewhere.org/5' }, null);
    expect(elsewhere.reports[0].location?.admin1).not.toBe('Texas');
    store.close();
  });

  it('an ingest extracting ahead reads each document with the profile one-at-a-time ingest gives', async () => {
    const store = openStore(join(tmp, 'b.db'));
    const ex = inProcessExtractor(pipeline);
    const book = new SiteProfileBook(store);
    const seen: (SiteProfile | null)[] = [];
    // all four in flight before any is stored, as `sitrep ingest` runs ahead of the store
    const outs = await Promise.all(docs.map((d, i) => book.extract(d, (p) => ((seen[i] = p), ex.extract(d, p)))));
    let expected: SiteProfile | null = null;
    for (let i = 0; i < docs.length; i++) {
      expect(seen[i]).toEqual(expected);
      expected = addVotes(expected, 'example-star.com', outs[i].votes);
    }
    store.close();
  });
});

describe('site profiles on PostgreSQL', () => {
  beforeAll(async () => {
    await createTestDatabase(admin, dbName);
  }, 60_000);

  afterAll(async () => {
    await dropTestDatabase(admin, dbName);
  });

  it('learns from new documents only, once each, as SQLite does', async () => {
    const store = await PgStore.open(`postgres://postgres@127.0.0.1:5432/${dbName}`);
    try {
      await learns(store);
      const fresh = await PgStore.open(`postgres://postgres@127.0.0.1:5432/${dbName}`);
      expect(await fresh.siteProfile('example-star.com')).toEqual(await store.siteProfile('example-star.com'));
      await fresh.close();
    } finally {
      await store.close();
    }
  }, 60_000);
});
