// One strike reported in Ukrainian, English and Arabic: linking compares what does not depend on
// the language (place ids, dates, tolls, type), and each quote stays in its own language.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPipeline, extract, loadResources } from '../../src/pipeline.js';
import { textDocument } from '../../src/ingest/document.js';
import { openStore } from '../../src/store/sqlite.js';
import { loadLanguageModel } from '../../src/lang/identify.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-lang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pipeline = createPipeline(loadResources({ languageModel: await loadLanguageModel() }));

const UK =
  "Ракетний удар по Краматорську: загинули семеро цивільних.\nУ вівторок внаслідок ракетного удару по Краматорську Донецької області загинули семеро цивільних біля залізничного вокзалу, ще 12 людей поранені, повідомив міський голова. Росіяни випустили по місту ракету «Іскандер».";
const EN =
  'Russian missile strike on Kramatorsk kills seven civilians\nSeven civilians were killed and 12 people injured when a Russian missile strike hit near the railway station in Kramatorsk, Donetsk region, on Tuesday, the mayor said. The city was struck by an Iskander missile.';
const RU =
  'Ракетный удар по Краматорску: погибли семь мирных жителей.\nВо вторник в результате ракетного удара по Краматорску Донецкой области погибли семь мирных жителей, еще 12 человек ранены, сообщил мэр города. По городу была выпущена ракета «Искандер».';
const OTHER = 'A car bomb exploded in Kabul on Friday, killing 12 people outside a mosque, police said.';
const AR = 'قتل 12 شخصا يوم الجمعة في انفجار سيارة مفخخة أمام مسجد في كابل، بحسب الشرطة.';

describe('one incident in several languages', () => {
  const store = openStore(join(dir, 'l.db'));
  const put = (text: string, source: string, published: string) => {
    const doc = textDocument(text, { source, published });
    const { annotated, reports } = extract(doc, pipeline);
    return store.ingest(annotated.document, reports);
  };
  it('links a Ukrainian, an English and a Russian report of one strike, and keeps another apart', () => {
    put(UK, 'uk.txt', '2022-04-13');
    put(EN, 'en.txt', '2022-04-13');
    put(RU, 'ru.txt', '2022-04-13');
    put(OTHER, 'kabul.txt', '2022-04-16');
    put(AR, 'kabul-ar.txt', '2022-04-16');
    // events are settled once all are in (a later report may merge two)
    const primary = new Map(store.documents().map((d) => [d.source, d.primary_event]));
    expect(primary.get('en.txt')).toBe(primary.get('uk.txt'));
    expect(primary.get('ru.txt')).toBe(primary.get('uk.txt'));
    expect(primary.get('kabul-ar.txt')).toBe(primary.get('kabul.txt'));
    expect(primary.get('kabul.txt')).not.toBe(primary.get('uk.txt'));
    const e = store.getEvent(primary.get('uk.txt')!)!;
    expect(e.reports.length).toBe(3);
    expect(e.fatalities?.best).toBe(7);
    expect(e.location?.name).toBe('Kramatorsk');
    // each quote in the language of its document
    const quotes = (e.fields.fatalities?.claims ?? []).map((c) => c.quote);
    expect(quotes.some((q) => UK.includes(q) && /загинули/.test(q))).toBe(true);
    expect(quotes.some((q) => EN.includes(q) && /killed/.test(q))).toBe(true);
    expect(quotes.some((q) => RU.includes(q) && /погибли/.test(q))).toBe(true);
    expect(store.documents().map((d) => d.lang).sort()).toEqual(['ar', 'en', 'en', 'ru', 'uk']);
  });
});
