/**
 * The GVA tune part's misses, one JSON object a line: what GVA codes and what sitrep read, with the
 * headline and the sentences the values came from (a tuning aid; the report part is refused).
 *
 * Usage: npx tsx scripts/gva-misses.ts OUT.jsonl [--field killed|injured|date]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textDocument } from '../src/ingest/document.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ?? '/dev/stdout';
const dir = join(root, '..', 'shared', 'data', 'gva-dev');
const DAY = 86_400_000;
const tune = (id: string) => parseInt(createHash('sha1').update(`facts:${id}`).digest('hex')[0], 16) < 8;
const day = (s: string) => Date.parse(s.slice(0, 10));
function dateMeets(p: { start: string; end: string } | null | undefined, g: string): boolean {
  if (!p) return false;
  const [a0, a1, b] = [day(p.start), day(p.end), day(g)];
  return a0 <= b && b <= a1 && a1 - a0 <= DAY;
}

const inc = new Map<string, { date: string; killed: number; injured: number }>();
const tsv = readFileSync(join(dir, 'incidents.tsv'), 'utf8').trim().split('\n');
const h = tsv[0].split('\t');
for (const line of tsv.slice(1)) {
  const c = Object.fromEntries(line.split('\t').map((v, i) => [h[i], v]));
  inc.set(c.incident, { date: c.date, killed: Number(c.killed), injured: Number(c.injured) });
}
const docs = gunzipSync(readFileSync(join(dir, 'docs.jsonl.gz'))).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; incident: string; title: string; published: string; text: string });
const pipeline = createPipeline(loadResources());
const lines: string[] = [];
const CUE = /shot|shoot|kill|dead|die|death|injur|wound|hurt|hospital|condition|fatal|slain|murder|homicide|victim/i;
for (const d of docs) {
  if (!tune(d.incident)) continue;
  const g = inc.get(d.incident);
  if (!g || !d.text?.trim()) continue;
  const text = `${d.title}\n\n${d.text}`;
  const x = extract(textDocument(text, { source: `gva:${d.id}`, published: d.published }), pipeline);
  const r = x.reports[0];
  const k = r?.fatalities?.best ?? null;
  const j = r?.injured?.best ?? null;
  const miss = { killed: (k ?? 0) !== g.killed, injured: (j ?? 0) !== g.injured, date: !dateMeets(r?.date, g.date) };
  if (!miss.killed && !miss.injured && !miss.date) continue;
  const claims = (field: string) => (r?.claims ?? []).filter((c) => c.field === field).map((c) => `${JSON.stringify(c.value)} ← ${c.quote.replace(/\s+/g, ' ').slice(0, 300)}`);
  lines.push(JSON.stringify({
    id: d.id, incident: d.incident, published: d.published, title: d.title, miss,
    gold: g, got: { killed: k, injured: j, date: r?.date ? `${r.date.start}..${r.date.end}${r.date.implied ? ' implied' : ''}` : null },
    killedFrom: claims('fatalities'), injuredFrom: claims('injured'), dateFrom: claims('date'),
    cueSentences: text.split(/(?<=[.!?])\s+|\n+/).filter((s) => CUE.test(s)).slice(0, 12).map((s) => s.slice(0, 300)),
  }));
}
writeFileSync(out, lines.join('\n') + '\n');
console.error(`${lines.length} articles with a miss written to ${out}`);
