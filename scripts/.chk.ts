import { findCasualties } from '../src/extract/casualties.js';
import { textDocument } from '../src/ingest/document.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';
const ss = ['Teenager killed in Mesa County accidental shooting', 'Boyle County man dies after accidental shooting', 'Four Shot, Man Dead in Long Beach', 'Compton Toddler Fatally Shot While Lying in Crib', 'OSHP trooper injured in accidental shooting',
 'The death toll from a Russian drone strike on Saturday rose to 10 on Sunday.', 'The number of people killed in the strike has risen to 12.', 'The toll rose from 10 to 12.', 'The council of 2,507 members was approved by the late ruler, who died in 2006.', 'A 14-year-old was shot in the head and is in critical condition.', 'Ten people were shot, two of them fatally.', 'Police said he killed one of the leaders.'];
for (const s of ss) console.log(s, '=>', findCasualties(s, 0).map((a) => `${a.field}${a.struck ? '(struck)' : ''}${a.update ? '(update)' : ''}=${a.value.best}`).join(', '));
const p = createPipeline(loadResources());
for (const t of ['Four Shot, Man Dead in Long Beach.\n\nFour people were shot Saturday night in Long Beach and one man died.', 'A Russian drone strike hit Odesa on Saturday. The death toll from the Russian drone strike rose to 10 on Sunday, officials said.']) {
  const r = extract(textDocument(t, { source: 'x', published: '2024-03-04' }), p).reports[0];
  console.log(JSON.stringify({ k: r.fatalities, i: r.injured, d: r.date }));
}
