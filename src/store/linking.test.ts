// Linking in the store: the same partition whatever the ingestion order, and event ids that
// survive when evidence merges two events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Document, Report } from '../model/index.js';
import { openStore, type Store } from './sqlite.js';
import { SqliteGraph, TermWeights } from './linking.js';
import { runSync } from '../link/incremental.js';
import { linkFeatures, prepare, scoreAgainst, weigh } from '../link/pairwise.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-linking-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => openStore(join(dir, `t${n++}.db`));

/** A hand-made document with one report whose features are its words and capitalised names. */
function doc(id: string, text: string): { doc: Document; reports: Report[] } {
  const terms: Record<string, number> = {};
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) if (w.length > 3) terms[w] = (terms[w] ?? 0) + 1;
  const names = [...new Set((text.match(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)*/g) ?? []).map((x) => x.toLowerCase()))];
  const document: Document = { id: `doc_${id}`, source: `${id}.txt`, url: null, title: null, published: null, author: null, site: null, lang: 'en', text };
  const report: Report = {
    id: `doc_${id}#0`, document: `doc_${id}`, index: 0, title: text.slice(0, 60), category: 'strategic_developments', type: 'other', tags: [],
    date: null, location: null, actors: [], fatalities: null, injured: null, captured: null, equipment: [], claims: [],
    features: { terms, names, equipment: [], published: null },
  };
  return { doc: document, reports: [report] };
}

// two look-alike incidents (two actors entering rehab, years apart) and an unrelated earthquake
const corpus = [
  doc('a1', 'Actress Tara Reid checked into Promises rehab clinic in Malibu, her representative Jack Ketsoyan said in 2008.'),
  doc('a2', 'Tara Reid entered Promises treatment center in Malibu for rehab, Ketsoyan told People magazine in 2008.'),
  doc('a3', 'Reid is at Promises in Malibu: rep Jack Ketsoyan confirms Tara Reid checked into rehab, 2008.'),
  doc('b1', 'Lindsay Lohan checked into the Betty Ford Center rehab clinic in 2013 after her sentencing, lawyer Shawn Holley said.'),
  doc('b2', 'Lohan entered Betty Ford rehab in 2013 as ordered by the court, with lawyer Shawn Holley beside Lindsay Lohan.'),
  doc('b3', 'Lindsay Lohan is at the Betty Ford Center for rehab in 2013; Holley said Lohan will stay ninety days.'),
  doc('c1', 'A magnitude 6.1 earthquake struck southern Iran near Qeshm island, injuring dozens and damaging villages.'),
  doc('c2', 'Earthquake of magnitude 6.1 hit Qeshm island off southern Iran, damaging villages and injuring dozens.'),
];

function partition(store: Store): string[][] {
  const by = new Map<string, string[]>();
  for (const d of store.documents()) (by.get(d.primary_event!) ?? by.set(d.primary_event!, []).get(d.primary_event!)!).push(d.id);
  return [...by.values()].map((g) => g.sort()).sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('report-level linking', () => {
  it('gives the same partition whatever the ingestion order', () => {
    const ref = fresh();
    for (const c of corpus) ref.ingest(c.doc, c.reports);
    const expected = partition(ref);
    expect(expected).toEqual([
      ['doc_a1', 'doc_a2', 'doc_a3'],
      ['doc_b1', 'doc_b2', 'doc_b3'],
      ['doc_c1', 'doc_c2'],
    ]);
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const s = fresh();
      for (const c of shuffled(corpus, seed)) s.ingest(c.doc, c.reports);
      expect(partition(s)).toEqual(expected);
      s.close();
    }
    ref.close();
  });

  it('keeps the older event id when a new report merges two events', () => {
    const s = fresh();
    // two accounts too different to link on their own...
    const left = doc('m1', 'Flooding in Porto Alegre: the Guaiba river burst its banks and thousands fled their homes.');
    const right = doc('m2', 'Governor Eduardo Leite asked for federal troops as the Rio Grande do Sul rescue effort grew.');
    const e1 = s.ingest(left.doc, left.reports).events[0];
    const e2 = s.ingest(right.doc, right.reports).events[0];
    expect(e1).not.toBe(e2);
    // ...and one that tells both halves
    const both = doc('m3', 'Flooding in Porto Alegre: the Guaiba river burst its banks, thousands fled their homes, and Governor Eduardo Leite asked for federal troops as the Rio Grande do Sul rescue effort grew.');
    const e3 = s.ingest(both.doc, both.reports).events[0];
    expect(e3).toBe(e1);
    expect(s.getEvent(e2)).toBeNull();
    expect(s.getEvent(e1)!.reports.map((r) => r.document).sort()).toEqual(['doc_m1', 'doc_m2', 'doc_m3']);
    expect(new Set(s.documents().map((d) => d.primary_event))).toEqual(new Set([e1]));
    s.close();
  });

  it('re-clusters an event whole, so no report keeps an event a merge removed', () => {
    const s = fresh();
    const left = doc('m1', 'Flooding in Porto Alegre: the Guaiba river burst its banks and thousands fled their homes.');
    const right = doc('m2', 'Governor Eduardo Leite asked for federal troops as the Rio Grande do Sul rescue effort grew.');
    const other = corpus[6];
    s.ingest(left.doc, left.reports);
    const e2 = s.ingest(right.doc, right.reports).events[0];
    const own = s.ingest(other.doc, other.reports).events[0];
    // a member with no edge into the rest of its event, as when re-scoring drops the pair that tied it
    s.db.prepare('UPDATE reports SET event = ? WHERE id = ?').run(e2, other.reports[0].id);
    s.db.prepare('UPDATE documents SET primary_event = ? WHERE id = ?').run(e2, other.doc.id);
    s.db.prepare('DELETE FROM events WHERE id = ?').run(own);
    const both = doc('m3', 'Flooding in Porto Alegre: the Guaiba river burst its banks, thousands fled their homes, and Governor Eduardo Leite asked for federal troops as the Rio Grande do Sul rescue effort grew.');
    s.ingest(both.doc, both.reports);
    const dangling = s.db.prepare('SELECT count(*) FROM reports WHERE event NOT IN (SELECT id FROM events)').pluck().get();
    expect(dangling).toBe(0);
    const events = new Set(s.documents().map((d) => d.primary_event));
    expect(events.size).toBe(2);
    for (const e of events) expect(s.getEvent(e!)).not.toBeNull();
    s.close();
  });

  it('gives reports of a vanished event their event again when the store opens', () => {
    const path = join(dir, `t${n++}.db`);
    let s = openStore(path);
    for (const c of corpus) s.ingest(c.doc, c.reports);
    const expected = partition(s);
    // what a store written before events were re-clustered whole may hold
    const lost = s.documents().find((d) => d.id === 'doc_b2')!.primary_event!;
    s.db.prepare('DELETE FROM events WHERE id = ?').run(lost);
    s.close();
    s = openStore(path);
    expect(s.db.prepare('SELECT count(*) FROM reports WHERE event NOT IN (SELECT id FROM events)').pluck().get()).toBe(0);
    expect(partition(s)).toEqual(expected);
    expect(s.getEvent(s.documents().find((d) => d.id === 'doc_b2')!.primary_event!)!.reports).toHaveLength(3);
    expect(s.repair()).toBe(0);
    s.close();
  });

  it('keeps event ids when more reports of a known event arrive', () => {
    const s = fresh();
    const first = s.ingest(corpus[0].doc, corpus[0].reports).events[0];
    s.ingest(corpus[1].doc, corpus[1].reports);
    s.ingest(corpus[3].doc, corpus[3].reports);
    s.ingest(corpus[2].doc, corpus[2].reports);
    expect(s.documents().filter((d) => d.id.startsWith('doc_a')).every((d) => d.primary_event === first)).toBe(true);
    s.close();
  });

  it('keeps its cached term weights equal to the stored counts', () => {
    const s = fresh();
    const terms = ['rehab', 'promises', 'n:tara reid', 'earthquake', 'n:malibu'];
    for (const c of corpus) s.ingest(c.doc, c.reports);
    // the linker's weights, cached over eight documents, against a fresh read of term_df
    const linker = runSync((s as unknown as { linker: { core: { weights: TermWeights } } }).linker.core.weights.refresh());
    const fresh_ = new TermWeights(new SqliteGraph(s.db));
    runSync(fresh_.refresh());
    const again = runSync(fresh_.refresh());
    for (const t of terms) expect(linker.get(t)).toBeCloseTo(again.get(t), 12);
    s.close();
  });
});

describe('TermWeights over a store it reads whole', () => {
  it('weighs every term as a look-up would, an uncounted one too, without a query a term, and stays so as documents are counted', () => {
    const s = fresh();
    for (const c of corpus.slice(0, 5)) s.ingest(c.doc, c.reports);
    const g = new SqliteGraph(s.db);
    let lookups = 0;
    const counting = Object.assign(Object.create(g) as SqliteGraph, { termDfNow: (t: string) => (lookups++, g.termDfNow(t)) });
    // the same store without the whole read: one look-up a term, as before
    const single = Object.assign(Object.create(g) as SqliteGraph, { allTermDfs: undefined });
    const whole = new TermWeights(counting);
    const each = new TermWeights(single);
    const terms = [...(s.db.prepare('SELECT term FROM term_df').pluck().all() as string[]), 'never-counted', 'n:nobody'];
    const check = () => {
      const a = runSync(whole.refresh());
      const b = runSync(each.refresh());
      for (const t of terms) expect(a.get(t)).toBe(b.get(t));
    };
    check();
    // the next documents are stored, then counted by both, as the linker counts them
    for (const c of corpus.slice(5)) {
      s.ingest(c.doc, c.reports);
      whole.counted(c.reports);
      each.counted(c.reports);
      terms.push(...Object.keys(c.reports[0].features.terms), ...c.reports[0].features.names.map((x) => `n:${x}`));
      check();
    }
    expect(lookups).toBe(0);
    s.close();
  });
});

describe('TermWeights by term number', () => {
  it('weighs numbered terms and scores pairs exactly as by the terms themselves', () => {
    const s = fresh();
    for (const c of corpus.slice(0, 6)) s.ingest(c.doc, c.reports);
    const weights = new TermWeights(new SqliteGraph(s.db));
    const idf = runSync(weights.refresh());
    const [a, b] = [corpus[6], corpus[7]].map((c) => linkFeatures(c.doc, c.reports[0]));
    const pa = weights.numbered(prepare(a));
    const pb = weights.numbered(prepare(b));
    for (const lc of [pa.terms, pa.people, pb.terms]) lc.keys.forEach((k, i) => expect(weights.at(lc.ids![i])).toBe(idf.get(k)));
    expect(scoreAgainst(weigh(pa, idf.get, idf.byId), pb, idf.get, idf.byId)).toBe(scoreAgainst(weigh(prepare(a), idf.get), prepare(b), idf.get));
    expect(scoreAgainst(weigh(pa, idf.get, idf.byId), pb, idf.get, idf.byId)).toBeGreaterThan(0);
    // the report laid out by term number, scored against candidates, then cleared for the next one
    const wa = weigh(pa, idf.get, idf.byId);
    const dense = weights.dense(wa, pa);
    for (const c of corpus.slice(0, 6)) {
      const pc = weights.numbered(prepare(linkFeatures(c.doc, c.reports[0])));
      expect(scoreAgainst(wa, pc, idf.get, idf.byId, dense)).toBe(scoreAgainst(weigh(prepare(a), idf.get), prepare(linkFeatures(c.doc, c.reports[0])), idf.get));
    }
    expect(scoreAgainst(wa, pb, idf.get, idf.byId, dense)).toBe(scoreAgainst(weigh(prepare(a), idf.get), prepare(b), idf.get));
    weights.clearDense(pa);
    expect(dense.terms.every((x) => x === 0) && dense.people.every((x) => x === 0)).toBe(true);
    s.close();
  });
});

describe('SqliteGraph.linkWhen', () => {
  it('reads the dates and country of stored link features as the JSON holds them', () => {
    const store = fresh();
    const dated = doc('w1', 'A drone strike hit Kharkiv on Friday, killing three people, Oleh Synehubov said.');
    dated.doc.published = '2024-05-11';
    const r = dated.reports[0];
    r.date = { start: '2024-05-10', end: '2024-05-10', precision: 'day' };
    r.location = { name: 'Kharkiv', admin1: null, country: 'UA', lat: 49.98, lon: 36.25, precision: 'place', geonameid: null };
    r.features.published = '2024-05-11';
    const bare = doc('w2', 'Lindsay Lohan checked into the Betty Ford Center rehab clinic after her sentencing.');
    store.ingest(dated.doc, dated.reports);
    store.ingest(bare.doc, bare.reports);
    const g = new SqliteGraph(store.db);
    const when = runSync(g.linkWhen([r.id, bare.reports[0].id, 'doc_none#0']));
    expect(when.get(r.id)).toEqual({ published: '2024-05-11', date: { start: '2024-05-10', end: '2024-05-10' }, location: { country: 'UA' } });
    expect(when.get(bare.reports[0].id)).toEqual({ published: null, date: null, location: null });
    expect(when.has('doc_none#0')).toBe(false);
    store.close();
  });
});
