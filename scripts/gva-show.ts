/** Debug aid: the casualty and date annotations sitrep reads in GVA tune articles (by article id). Usage: npx tsx scripts/gva-show.ts ID… */
import { annotate, createPipeline, extract, loadResources } from '../src/pipeline.js';
import { gvaDocument, loadGva, partOf } from './eval-facts.js';

const want = new Set(process.argv.slice(2));
const { docs } = loadGva();
const pipeline = createPipeline(loadResources());
for (const d of docs) {
  if (!want.has(d.id) || partOf(d.incident) !== 'tune') continue;
  const doc = gvaDocument(d);
  const a = annotate(doc, pipeline);
  const text = a.document.text;
  console.log(`### ${d.id} ${d.title} (published ${d.published})`);
  for (const x of a.annotations) {
    if (x.kind === 'casualty') console.log(`  cas ${x.field} ${x.value.best}${x.struck ? ' struck' : ''}${x.hedged ? ' hedged' : ''}${x.update ? ' update' : ''} "${text.slice(x.start, x.end)}"`);
    if (x.kind === 'date') console.log(`  date ${x.value.start}..${x.value.end}${x.later ? ' later' : ''}${x.stamp ? ' stamp' : ''} "${text.slice(x.start, x.end)}"`);
  }
  const r = extract(doc, pipeline).reports[0];
  console.log(`  => killed ${r?.fatalities?.best} injured ${r?.injured?.best} date ${r?.date?.start}..${r?.date?.end}`);
}
