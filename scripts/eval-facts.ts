/**
 * Fact evaluation against UCDP GED Ukraine 2014-2016 (news-sourced rows): does the main report
 * sitrep extracts from an event's headlines carry the coded date, place and death toll?
 *
 * Document per event — what a user gets by ingesting those reports as one `.txt` file: the event's
 * headlines (from `source_article`, whose quoting survives a `;` inside a headline; falling back
 * to `source_headline`/`source_date`), in the dataset's order, one a line, each ended with a
 * period so it is its own sentence; publication date = the latest `source_date`. The real
 * pipeline runs (`extract(textDocument(...))`) and report 0 (the main incident) is scored:
 *
 * - date: correct when the report's interval overlaps the coded [date_start, date_end] (both
 *   inclusive) and is no wider than the coded interval or a week, whichever is wider, so a bare
 *   "2014" or "this month" does not count as a hit. Also printed: plain overlap, and strictly
 *   inside the coded interval. Null is wrong.
 * - place: correct when the report's location lies within 50 km of the coded point, or its admin1
 *   equals the coded `adm_1` after normalising ("Donetsk oblast" = "Donetsk" = "Donetska",
 *   "Kiev Special Republican city" = "Kyiv"; the Kyiv city/oblast split is kept). Null is wrong.
 * - fatalities: correct when the report's fatalities.best lies inside the coded [low, high].
 *   Null is wrong.
 *
 * Each figure is a share of all events; coverage is the share with a non-null value, precision
 * the share correct among those. Then the worst cases per field.
 *
 * Data: `../shared/data/ucdp-ukraine-dev/ged_ukraine_2014_2016_news.csv` from the repo root, or
 * $SITREP_UCDP_CSV. Usage: npm run eval:facts [-- --examples N] [--dump FILE.jsonl]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textDocument } from '../src/ingest/document.js';
import { haversineKm } from '../src/link/compatible.js';
import type { Report } from '../src/model/types.js';
import { createPipeline, extract, loadResources } from '../src/pipeline.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = resolve(process.env.SITREP_UCDP_CSV ?? join(root, '..', 'shared', 'data', 'ucdp-ukraine-dev', 'ged_ukraine_2014_2016_news.csv'));
const args = process.argv.slice(2);
const argOf = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const nExamples = Number(argOf('--examples') ?? 10);
const dumpFile = argOf('--dump');
const PLACE_KM = 50;
const DAY = 86_400_000;

/** RFC 4180: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') (field += '"'), i++;
        else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

interface Source { headline: string; date: string }

/** `"Office,YYYY-MM-DD,Headline";"…"` — the headline may hold `;` and `,`. */
function sourcesOf(r: Record<string, string>): Source[] {
  const art = r.source_article.trim();
  if (art.startsWith('"') && art.endsWith('"')) {
    const items = art.slice(1, -1).split(/"\s*;\s*"/).map((s) => s.replace(/""/g, '"'));
    const parsed = items.map((s) => /^(.*?),(\d{4}-\d{2}-\d{2}),([\s\S]*)$/.exec(s));
    if (parsed.every(Boolean)) return parsed.map((m) => ({ headline: m![3].trim(), date: m![2] }));
  }
  const heads = r.source_headline.split(';');
  const dates = r.source_date.split(';');
  return heads.map((h, i) => ({ headline: h.trim(), date: (dates[i] ?? dates[dates.length - 1]).trim() }));
}

export function normAdmin1(s: string | null | undefined): string {
  if (!s) return '';
  let x = s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’.]/g, '').replace(/-/g, ' ');
  // the capital and the oblast around it are two regions: GeoNames "Kyiv" (city) and "Kyiv
  // Oblast", UCDP "Kiev Special Republican city" and "Kiev oblast"
  const kyivOblast = /^(?:kyiv|kiev)(?:ska(?:\s+oblast)?|\s+(?:oblast|region|province))$/.test(x);
  x = x.replace(/\b(?:oblast|region|province|special republican city|city|autonomous republic of)\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (kyivOblast) return 'kyiv oblast';
  x = x.replace(/^(donet|luhan)ska$/, '$1sk');
  const alias: Record<string, string> = { kiev: 'kyiv', odessa: 'odesa', lugansk: 'luhansk', donetsk: 'donetsk' };
  return alias[x] ?? x;
}

const day = (iso: string) => Date.parse(iso.slice(0, 10));
/** Days between two inclusive intervals; 0 when they overlap. */
const gapDays = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, (b0 - a1) / DAY, (a0 - b1) / DAY);

interface Row { id: string; headlines: string[]; published: string; gold: { date: [string, string]; lat: number; lon: number; adm1: string; where: string; deaths: [number, number, number] }; report: Report | null; text: string }
interface Verdict { ok: boolean; pred: string | null; gold: string; err: number }

function scoreDate(r: Row): Verdict & { overlap: boolean; inside: boolean } {
  const [gs, ge] = r.gold.date;
  const gold = gs === ge ? gs : `${gs}..${ge}`;
  const d = r.report?.date;
  if (!d) return { ok: false, overlap: false, inside: false, pred: null, gold, err: Infinity };
  const [a0, a1, b0, b1] = [day(d.start), day(d.end), day(gs), day(ge)];
  const gap = gapDays(a0, a1, b0, b1);
  const overlap = gap === 0;
  const narrow = a1 - a0 <= Math.max(6 * DAY, b1 - b0);
  return { ok: overlap && narrow, overlap, inside: a0 >= b0 && a1 <= b1, pred: `${d.start}..${d.end} (${d.precision})`, gold, err: gap || (a1 - a0) / DAY };
}

function scorePlace(r: Row): Verdict {
  const g = r.gold;
  const gold = `${g.where} [${g.adm1 || '-'}] (${g.lat.toFixed(2)},${g.lon.toFixed(2)})`;
  const l = r.report?.location;
  if (!l) return { ok: false, pred: null, gold, err: Infinity };
  const km = haversineKm(l.lat, l.lon, g.lat, g.lon);
  const sameAdmin = !!g.adm1 && !!l.admin1 && normAdmin1(l.admin1) === normAdmin1(g.adm1);
  return { ok: km <= PLACE_KM || sameAdmin, pred: `${l.name} [${l.admin1 ?? '-'}, ${l.country}, ${l.precision}] ${Math.round(km)} km`, gold, err: km };
}

function scoreFatalities(r: Row): Verdict {
  const [low, best, high] = r.gold.deaths;
  const gold = low === high ? `${best}` : `${best} [${low}-${high}]`;
  const f = r.report?.fatalities;
  if (!f) return { ok: false, pred: null, gold, err: Infinity };
  return { ok: f.best >= low && f.best <= high, pred: f.low === f.high ? `${f.best}` : `${f.best} [${f.low}-${f.high}]`, gold, err: Math.abs(f.best - best) };
}

function main(): number {
  const table = parseCsv(readFileSync(csvPath, 'utf8'));
  const header = table[0];
  const records = table.slice(1).map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  if (records.length !== 471) console.warn(`warning: expected 471 events, read ${records.length}`);

  const t0 = performance.now();
  const pipeline = createPipeline(loadResources());
  const tLoad = performance.now();
  const rows: Row[] = [];
  for (const rec of records) {
    const sources = sourcesOf(rec);
    const headlines = sources.map((s) => s.headline).filter(Boolean);
    const published = sources.map((s) => s.date).sort().at(-1)!;
    const text = headlines.map((h) => (/[.!?]["'”’]?$/.test(h) ? h : h + '.')).join('\n') + '\n';
    const { reports } = extract(textDocument(text, { source: `ucdp:${rec.id}`, published }), pipeline);
    rows.push({
      id: rec.id, headlines, published, text, report: reports[0] ?? null,
      gold: {
        date: [rec.date_start.slice(0, 10), rec.date_end.slice(0, 10)], lat: Number(rec.latitude), lon: Number(rec.longitude),
        adm1: rec.adm_1, where: rec.where_description, deaths: [Number(rec.low), Number(rec.best), Number(rec.high)],
      },
    });
  }
  const tRun = performance.now();

  const n = rows.length;
  const fields = { date: scoreDate, place: scorePlace, fatalities: scoreFatalities } as const;
  const pct = (x: number, of: number) => (of ? (x / of).toFixed(3) : '  -  ');
  console.log(`# eval:facts — UCDP GED Ukraine 2014-2016, ${n} events (${rows.filter((r) => r.headlines.length > 1).length} with several headlines)`);
  console.log(`pipeline load ${((tLoad - t0) / 1000).toFixed(1)} s, extraction ${((tRun - tLoad) / 1000).toFixed(1)} s; ${rows.filter((r) => !r.report).length} documents gave no report\n`);
  console.log('| field | correct (of all) | coverage | precision (of non-null) | target |');
  console.log('|---|---|---|---|---|');
  const targets: Record<string, number> = { date: 0.88, place: 0.4, fatalities: 0.36 };
  const verdicts = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, rows.map((r) => (f as (r: Row) => Verdict)(r))])) as Record<keyof typeof fields, Verdict[]>;
  for (const [k, vs] of Object.entries(verdicts)) {
    const ok = vs.filter((v) => v.ok).length;
    const nonNull = vs.filter((v) => v.pred !== null).length;
    console.log(`| ${k} | ${pct(ok, n)} (${ok}) | ${pct(nonNull, n)} (${nonNull}) | ${pct(ok, nonNull)} | ≥ ${targets[k]} |`);
  }
  const dv = rows.map(scoreDate);
  console.log(`\ndate variants: plain overlap ${pct(dv.filter((v) => v.overlap).length, n)}, inside coded interval ${pct(dv.filter((v) => v.inside).length, n)}; ` +
    `publication date alone would overlap ${pct(rows.filter((r) => r.published >= r.gold.date[0] && r.published <= r.gold.date[1]).length, n)}`);
  const byPrec = new Map<string, number>();
  for (const r of rows) if (r.report?.location) byPrec.set(r.report.location.precision, (byPrec.get(r.report.location.precision) ?? 0) + 1);
  console.log(`location precision: ${[...byPrec].map(([k, v]) => `${k} ${v}`).join(', ')}`);

  for (const [k, vs] of Object.entries(verdicts)) {
    const wrong = rows.map((r, i) => ({ r, v: vs[i] })).filter((x) => !x.v.ok);
    const valued = wrong.filter((x) => x.v.pred !== null).sort((a, b) => b.v.err - a.v.err);
    const nulls = wrong.filter((x) => x.v.pred === null);
    console.log(`\n## ${k}: ${wrong.length} wrong (${valued.length} wrong value, ${nulls.length} null) — worst first, then nulls`);
    const shown = [...valued.slice(0, nExamples), ...nulls.slice(0, Math.max(3, nExamples - valued.length))];
    for (const { r, v } of shown) {
      const h = r.headlines.join(' | ');
      console.log(`- ${r.id} pub ${r.published}: ${h.length > 160 ? h.slice(0, 157) + '...' : h}\n    predicted ${v.pred ?? 'null'}; gold ${v.gold}`);
    }
  }
  if (dumpFile) {
    writeFileSync(dumpFile, rows.map((r, i) => JSON.stringify({
      id: r.id, published: r.published, headlines: r.headlines, gold: r.gold,
      date: verdicts.date[i], place: verdicts.place[i], fatalities: verdicts.fatalities[i],
      report: r.report && { title: r.report.title, type: r.report.type, date: r.report.date, location: r.report.location, fatalities: r.report.fatalities },
    })).join('\n') + '\n');
    console.log(`\nper-event verdicts written to ${dumpFile}`);
  }
  return 0;
}

// run only as a script: the tests import normAdmin1 without running the evaluation
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (e) {
    console.error(`eval-facts: ${(e as Error).stack ?? e}`);
    process.exitCode = 1;
  }
}
