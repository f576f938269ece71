/**
 * Tuning aid (tune part only): in articles whose injured (or killed) count is under GVA's, the
 * sentences with a word of hurt or death that gave no casualty annotation, one a line.
 * Usage: npx tsx scripts/gva-unread.ts injured|killed > OUT.txt
 */
import { annotate, createPipeline, extract, loadResources } from '../src/pipeline.js';
import { gvaDocument, loadGva, partOf } from './eval-facts.js';

const field = process.argv[2] === 'killed' ? 'killed' : 'injured';
const CUE = field === 'injured' ? /hospital|condition|treated|injur|wound|hurt|shot|struck|hit by|hit in|graz|surviv|recover/i : /dead|died|dies|death|kill|slain|fatal|murder|homicide|body|bodies|deceased|passed away|succumb/i;
const { inc, docs } = loadGva();
const pipeline = createPipeline(loadResources());
for (const d of docs) {
  if (partOf(d.incident) !== 'tune') continue;
  const g = inc.get(d.incident);
  if (!g || !d.text?.trim()) continue;
  const doc = gvaDocument(d);
  const r = extract(doc, pipeline).reports[0];
  const got = field === 'injured' ? r?.injured?.best ?? 0 : r?.fatalities?.best ?? 0;
  const want = field === 'injured' ? g.injured : g.killed;
  if (got >= want) continue;
  const a = annotate(doc, pipeline);
  const text = a.document.text;
  const cas = a.annotations.filter((x) => x.kind === 'casualty');
  const lines: string[] = [];
  for (const s of a.annotations) {
    if (s.kind !== 'sentence') continue;
    const t = text.slice(s.start, s.end);
    if (!CUE.test(t) || cas.some((c) => c.start < s.end && c.end > s.start)) continue;
    lines.push(`  | ${t.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
  if (lines.length) console.log(`=== ${d.id} gold k${g.killed} i${g.injured} got k${r?.fatalities?.best ?? null} i${r?.injured?.best ?? null} | ${d.title.slice(0, 100)}\n${lines.slice(0, 12).join('\n')}`);
}
