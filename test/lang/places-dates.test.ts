/**
 * Regression tests for Russian date phrasings, Russian place forms and Arabic sites and country
 * context (issue 18, second round). Sentences written for these tests, not taken from a corpus.
 * Publication date 2024-03-07 (a Thursday).
 */
import { describe, expect, it } from 'vitest';
import { annotate, createPipeline, loadResources } from '../../src/pipeline.js';
import type { DateAnnotation, Document, PlaceAnnotation } from '../../src/model/index.js';
import { arCases, ruCases, ukCases } from './cases.js';

const pipeline = createPipeline(loadResources());
const PUBLISHED = '2024-03-07';

function doc(text: string, lang: string): Document {
  return { id: `t_${lang}_${text.length}`, source: 'test', url: null, title: null, published: PUBLISHED, author: null, site: null, lang, text };
}
const dates = (text: string, lang = 'ru') => annotate(doc(text, lang), pipeline).annotations.filter((a): a is DateAnnotation => a.kind === 'date');
const places = (text: string, lang: string) => annotate(doc(text, lang), pipeline).annotations.filter((a): a is PlaceAnnotation => a.kind === 'place');

describe('Russian dates relative to the day of writing', () => {
  it.each([
    ['Склад сгорел осенью прошлого года.', 'осенью прошлого года', '2023-09-01'],
    ['Атака произошла в конце прошлой недели.', 'в конце прошлой недели', '2024-02-29'],
    ['Накануне по городу выпустили четыре ракеты.', 'Накануне', '2024-03-06'],
    ['Вечером 5 марта по городу ударили дроны.', 'Вечером 5 марта', '2024-03-05'],
    ['Он был министром (2001—2003).', '(2001—2003)', '2001-01-01'],
  ])('%s', (text, span, start) => {
    const d = dates(text).find((x) => x.text.includes(span.replace(/^\(|\)$/g, '')) || span.includes(x.text));
    expect(d?.value.start).toBe(start);
  });

  it('takes each year of a list that ends in "годах"', () => {
    const found = dates('Сборная выигрывала в 1958, 1962 и 1970 годах.').map((d) => d.value.start.slice(0, 4));
    expect(found).toEqual(expect.arrayContaining(['1958', '1962', '1970']));
  });

  it('leaves "накануне выборов" alone: the eve of something else', () => {
    expect(dates('Накануне выборов в городе прошли обыски.')).toHaveLength(0);
  });
});

describe('Ukrainian dates relative to the day of writing', () => {
  it.each([
    ['Склад згорів восени минулого року.', '2023-09-01'],
    ['Наприкінці минулого тижня тривали бої.', '2024-02-29'],
    ['Напередодні по місту випустили ракети.', '2024-03-06'],
    ['Ввечері 5 березня дрони атакували місто.', '2024-03-05'],
    ['Торік місто обстрілювали.', '2023-01-01'],
  ])('%s', (text, start) => {
    expect(dates(text, 'uk')[0]?.value.start).toBe(start);
  });

  it('leaves "напередодні виборів" alone', () => {
    expect(dates('Напередодні виборів пройшли обшуки.', 'uk')).toHaveLength(0);
  });
});

describe('Russian place forms', () => {
  it.each([
    ['Туристы вернулись из Египта.', 'EG', 'country'],
    ['Пожары бушуют в Техасе.', 'US', 'admin1'],
    ['Власти Чечни сообщили об атаке.', 'RU', 'admin1'],
  ])('%s', (text, country, precision) => {
    const p = places(text, 'ru')[0];
    expect(p?.value.country).toBe(country);
    expect(p?.value.precision).toBe(precision);
  });

  it('reads an adjective made from a big city as the city, qualifying the next word', () => {
    const p = places('Приговор вынес бостонский суд.', 'ru')[0];
    expect(p?.value.name).toBe('Boston');
    expect(p?.qualifies).not.toBeNull();
  });

  it('reads no common adjective as a town', () => {
    expect(places('Морской порт и детский сад закрыты.', 'ru')).toHaveLength(0);
  });
});

describe('Arabic sites and the document country', () => {
  it('puts a site the gazetteer lacks in the town the report names', () => {
    const ps = places('انفجار قرب معهد الأورام في القاهرة', 'ar');
    const site = ps.find((p) => p.text.startsWith('معهد'));
    expect(site?.value.name).toBe('Cairo');
  });

  it('drops a site when the report names no town or country', () => {
    expect(places('انفجار قرب معهد الأورام', 'ar')).toHaveLength(0);
  });

  it('reads "عمان" as Amman in a report on Jordan, as Oman alone', () => {
    expect(places('أمطار غزيرة في عمان والأردن', 'ar')[0]?.value.country).toBe('JO');
    expect(places('أمطار غزيرة في عمان', 'ar')[0]?.value.country).toBe('OM');
  });

  it('reads "المملكة" as the kingdom the report names, Saudi Arabia when none', () => {
    expect(places('الأردن: أمطار في المملكة', 'ar').map((p) => p.value.country)).toEqual(['JO', 'JO']);
    expect(places('السيول في المملكة اليوم', 'ar').map((p) => p.value.country)).toEqual(['SA']);
  });

  it('finds a town whose GeoNames name ends in a direction mark', () => {
    expect(places('سيول في حفر الباطن', 'ar')[0]?.value.country).toBe('SA');
  });
});

describe('Arabic places remembered across documents', () => {
  // a run keeps what words name between documents (StageContext.memos); a context without it reads each document afresh
  const texts = [
    ...arCases().map((c) => c.text),
    'أمطار غزيرة في عمان والأردن',
    'أمطار غزيرة في عمان',
    'انفجار قرب معهد الأورام في القاهرة',
    'الأردن: أمطار في المملكة',
    'السيول في المملكة اليوم',
    'قصف على بلدة في ريف إدلب وسقوط قتلى في حلب',
  ];
  const fresh = { ...pipeline, context: { gazetteer: pipeline.context.gazetteer } };
  const read = (p: typeof pipeline, text: string) => annotate(doc(text, 'ar'), p).annotations.filter((a) => a.kind === 'place');

  it('reads every document as a fresh context does, in any order, twice over', () => {
    const run = createPipeline(loadResources());
    for (const text of [...texts, ...texts.slice().reverse()]) expect(read(run, text)).toEqual(read(fresh, text));
    expect(run.context.memos?.get('lang-places')).toBeDefined();
  });
});

describe('Russian and Ukrainian places remembered across documents', () => {
  // stems, skeletons and look-ups of words are kept between documents too; lower-case words that cannot be demonyms are passed over
  const texts: [string, string][] = [
    ...ruCases().map((c): [string, string] => [c.text, 'ru']),
    ...ukCases().map((c): [string, string] => [c.text, 'uk']),
    ['Российские военные обстреляли Харьков, а в Донецкой области погибли двое.', 'ru'],
    ['Владимир Путин прилетел в Калифорнию; калифорнийские власти молчат.', 'ru'],
    ['У Києві та Харківській області лунали вибухи, британські медики прибули до Львова.', 'uk'],
  ];
  const fresh = { ...pipeline, context: { gazetteer: pipeline.context.gazetteer } };
  const read = (p: typeof pipeline, [text, lang]: [string, string]) => annotate(doc(text, lang), p).annotations.filter((a) => a.kind === 'place');

  it('reads every document as a fresh context does, in any order, twice over', () => {
    const run = createPipeline(loadResources());
    for (const t of [...texts, ...texts.slice().reverse()]) expect(read(run, t)).toEqual(read(fresh, t));
    expect(run.context.memos?.get('lang-places')).toBeDefined();
  });

  it('reads demonyms and town adjectives in lower case', () => {
    const found = read(pipeline, ['Российские и калифорнийские власти, британські медики.', 'ru']).map((a) => a.text);
    expect(found).toContain('калифорнийские');
    expect(read(pipeline, ['Медики прибули до Львова, британські та польські волонтери теж.', 'uk']).map((a) => a.text)).toEqual(expect.arrayContaining(['британські', 'польські']));
  });
});
