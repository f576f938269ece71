// The store on a real SQLite file: idempotent ingest, linking, safe full-text search, filters.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
import { textDocument } from '../src/ingest/document.js';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../src/store/schema.js';
import { openStore } from '../src/store/sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pipeline = createPipeline(loadResources());

function put(store: ReturnType<typeof openStore>, text: string, published: string, source: string) {
  const doc = textDocument(text, { source, published });
  return store.ingest(doc, extract(doc, pipeline).reports);
}

const A1 = 'Artillery shelling hit the city of Kramatorsk on Tuesday, killing seven civilians near the railway station, the mayor said.';
const A2 = 'Seven civilians were killed when artillery shelling struck near the railway station in Kramatorsk on Tuesday, regional officials said.';
const B = 'A car bomb exploded in Kabul on Friday, killing 12 people outside a mosque, police said.';

describe('a document that reports no incident', () => {
  it('is stored and listed, with no event, and a second copy changes nothing', () => {
    const store = openStore(join(dir, 'none.db'));
    const text = 'The Indianapolis Colts beat the Kansas City Chiefs 24-17 on Sunday to clinch a playoff berth. The quarterback threw for 300 yards and two touchdowns in the fourth quarter.';
    const doc = textDocument(text, { source: 'sports.txt', published: '2012-12-23' });
    expect(extract(doc, pipeline).reports).toEqual([]);
    const res = put(store, text, '2012-12-23', 'sports.txt');
    expect([res.stored, res.events]).toEqual([true, []]);
    expect(put(store, text, '2012-12-23', 'again.txt').stored).toBe(false);
    const docs = store.documents();
    expect(docs.map((d) => [d.id, d.primary_event])).toEqual([[doc.id, null]]);
    expect(store.getDocument(doc.id)?.reports).toEqual([]);
    store.close();
  });
});

describe('Store', () => {
  const store = openStore(join(dir, 't.db'));
  it('stores a document once, whatever path it comes by', () => {
    expect(put(store, A1, '2022-04-13', 'a.txt').stored).toBe(true);
    expect(put(store, A1, '2022-04-13', 'copy-of-a.txt').stored).toBe(false);
    expect(store.documentCount()).toBe(1);
  });
  it('links two reports of one incident and keeps another apart', () => {
    const a2 = put(store, A2, '2022-04-13', 'a2.txt');
    const b = put(store, B, '2022-04-16', 'b.txt');
    const docs = store.documents();
    expect(docs[0].primary_event).toBe(docs[1].primary_event);
    expect(b.events[0]).not.toBe(a2.events[0]);
    const e = store.getEvent(a2.events[0])!;
    expect(e.reports.length).toBe(2);
    expect(e.fields.fatalities?.status).toBe('agreed');
    expect(e.fatalities?.best).toBe(7);
  });
  it('answers any full-text query a user might type without an SQL error', () => {
    for (const q of ['"', 'AND', 'NEAR(', '(((', "x' OR 1=1 --", 'shell*', 'Kabul']) {
      try {
        store.events({ q });
      } catch (e) {
        expect((e as Error).name).toBe('UsageError');
      }
    }
    expect(store.events({ q: 'kabul' }).events.length).toBe(1);
    expect(store.events({ q: 'shell*' }).events.length).toBe(1);
  });
  it('filters by country, date and distance', () => {
    expect(store.events({ country: 'AF' }).events.length).toBe(1);
    expect(store.events({ since: '2022-04-14' }).events.every((e) => (e.date?.end ?? '') >= '2022-04-14')).toBe(true);
    expect(store.events({ near: { lat: 48.72, lon: 37.56, km: 50 } }).events.length).toBe(1);
  });
  it('pages with a cursor without repeating events', () => {
    const first = store.events({ limit: 1 });
    expect(first.next).not.toBeNull();
    const second = store.events({ limit: 1, cursor: first.next! });
    expect(second.events[0].id).not.toBe(first.events[0].id);
  });
});

describe('a batch of documents in one transaction', () => {
  it('stores what one document a transaction stores, undoes a failing document alone, and shows readers only what is committed', () => {
    const one = openStore(join(dir, 'one-by-one.db'));
    const batched = openStore(join(dir, 'batched.db'));
    const reader = new Database(join(dir, 'batched.db'), { readonly: true });
    const docs = [[A1, '2022-04-13', 'a.txt'], [B, '2022-04-16', 'b.txt'], [A2, '2022-04-13', 'a2.txt']] as const;
    for (const [text, published, source] of docs) put(one, text, published, source);
    batched.beginBatch();
    put(batched, A1, '2022-04-13', 'a.txt');
    // a document whose write fails midway (two reports under one id): its savepoint is undone, the batch goes on
    const bad = textDocument('A second car bomb exploded in Kabul on Saturday, killing four people near the airport, police said.', { source: 'bad.txt', published: '2022-04-17' });
    const reports = extract(bad, pipeline).reports;
    expect(reports.length).toBeGreaterThan(0);
    expect(() => batched.ingest(bad, [...reports, reports[0]])).toThrow();
    put(batched, B, '2022-04-16', 'b.txt');
    put(batched, A2, '2022-04-13', 'a2.txt');
    expect(reader.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    batched.commitBatch();
    expect(reader.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(3);
    expect(batched.hasDocument(bad.id)).toBe(false);
    // full text: the batch's documents are found after the commit, the undone one is not
    const found = (s: ReturnType<typeof openStore>, word: string) => s.db.prepare('SELECT d.source FROM documents_fts f JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ? ORDER BY d.source').pluck().all(word);
    expect(found(batched, 'airport')).toEqual([]);
    expect(found(batched, 'Kramatorsk')).toEqual(['a.txt', 'a2.txt']);
    expect(found(batched, 'mosque')).toEqual(found(one, 'mosque'));
    expect(batched.events({ q: 'mosque' }).events.map((e) => e.id)).toEqual(one.events({ q: 'mosque' }).events.map((e) => e.id));
    const rows = (s: ReturnType<typeof openStore>) => s.db.prepare('SELECT id, data, n_reports FROM events ORDER BY id').all().map((r) => ({ ...(r as object), data: JSON.parse((r as { data: string }).data).reports.length }));
    expect(rows(batched)).toEqual(rows(one));
    // a batch left open is committed by close
    batched.beginBatch();
    put(batched, 'Gunmen attacked a police post in Quetta on Monday, killing two officers, officials said.', '2022-05-02', 'c.txt');
    batched.close();
    expect(reader.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(4);
    expect(reader.prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Quetta'").pluck().get()).toBe(1);
    reader.close();
    one.close();
  });
});

describe('Store linking as the store grows', () => {
  const store = openStore(join(dir, 'sweep.db'));
  const others = [
    'Floods swept through villages near Dhaka on Monday after three days of monsoon rain, officials said.',
    'A passenger train derailed outside Lyon early on Sunday, injuring 14 travellers, the operator said.',
    'Wildfire smoke closed schools across Alberta as crews fought blazes north of Calgary.',
    'A cargo ship ran aground off the coast of Chittagong, spilling fuel into the bay, the port authority said.',
    'Protesters blocked the main highway into Lima for a second day over fuel prices.',
  ];
  it('scores again the pairs it scored while it was small, even when no new report links to them', () => {
    put(store, A1, '2022-04-13', 'a1.txt');
    put(store, A2, '2022-04-13', 'a2.txt');
    const id = `${store.documents()[0].id}#0`;
    const scored = () => store.db.prepare('SELECT scored FROM report_edges WHERE a = ? OR b = ?').pluck().get(id, id) as number;
    const first = scored();
    others.forEach((text, i) => put(store, text, '2022-05-01', `o${i}.txt`));
    // the pair scored with two documents' weights is scored again once the store has grown well past that
    expect(scored()).toBeGreaterThan(first);
    const docs = store.documents();
    expect(docs[0].primary_event).toBe(docs[1].primary_event);
  });
});

describe('schema migrations', () => {
  it("upgrades a database at version 6 (stored spans) to 8 (failed feed items, site profiles)", () => {
    expect(MIGRATIONS).toHaveLength(8);
    const path = join(dir, 'v6.db');
    const old = new Database(path);
    for (const [v, sql] of MIGRATIONS.slice(0, 6).entries()) {
      old.exec(sql);
      old.pragma(`user_version = ${v + 1}`);
    }
    old.close();
    const store = openStore(path);
    expect(store.db.pragma('user_version', { simple: true })).toBe(8);
    const doc = textDocument(B, { source: 'b.txt', published: '2024-03-01' });
    store.ingest(doc, extract(doc, pipeline).reports, [{ start: 0, end: 5, kind: 'trigger' }], { site: 'example.org', votes: ['c:US', 'r:US/Texas'] });
    expect(store.documentSpans(doc.id)).toEqual([{ start: 0, end: 5, kind: 'trigger' }]);
    expect(store.siteProfile('example.org')).toEqual({ site: 'example.org', documents: 1, places: { 'c:US': 1, 'r:US/Texas': 1 } });
    store.saveFailedItem({ item: 'https://example.org/a', failures: 1, reason: 'HTTP 404', last_failed: '2024-03-01T00:00:00Z', next_try: null });
    expect(store.failedItem('https://example.org/a')?.failures).toBe(1);
    store.close();
  });
});
