import { createPipeline, extract, loadResources } from './src/pipeline.ts';
import { loadLanguageModel } from './src/lang/identify.ts';
const p = createPipeline(loadResources(await loadLanguageModel()));
const mk = (text: string) => ({ id: 'd'+text.length, source: 't', url: null, title: null, published: '2024-03-07', author: null, site: null, lang: null, text });
for (const t of ['В понедельник в результате обстрела Донецка погибли три человека.',
 'У понеділок внаслідок ракетного удару по Харкову загинули п\'ятеро людей, ще двоє поранені, повідомив голова ОВА Олег Синєгубов.',
 'قتل ثلاثة أشخاص وأصيب خمسة آخرون في قصف على بلدة في ريف إدلب يوم الاثنين، وفقا للدفاع المدني.',
 'Вчера в Белгородской области в результате атаки беспилотника погиб мужчина. Об этом сообщил губернатор Вячеслав Гладков.',
 'Three people were killed in Russian shelling of Kharkiv on Monday.']) {
  const { annotated, reports } = extract(mk(t), p);
  console.log(annotated.document.lang, annotated.annotations.filter(a=>a.kind!=='sentence').map(a=>a.kind+':'+t.slice(a.start,a.end)+('value' in a ? '='+JSON.stringify((a as any).value?.name ?? (a as any).value) : '')+ ((a as any).preposition? '/'+(a as any).preposition:'')).join(' | '));
  const r = reports[0]; console.log(' =>', r?.type, r?.date, r?.location?.name, r?.fatalities, r?.injured, r?.claims.map(c=>c.field+':'+c.attributed_to).join(','));
}
