/**
 * `npm run eval:lang`: places and dates in Russian, Ukrainian and Arabic, on public annotated
 * corpora read from SITREP_EXTDATA (default /work/extdata; never copied into the repository):
 *
 * - NEREL (nerel-ds/NEREL, v1.1, `train` and `dev` only): recall of CITY, COUNTRY,
 *   STATE_OR_PROVINCE and LOCATION mentions among the places found (a mention counts when a
 *   place span overlaps it), and of DATE mentions among the dates found. Spans are scored, not
 *   values; a date relative to the day of writing ("в понедельник") is found only against a
 *   publication date, so a document is anchored at its dateline ("05/08/2008 10:35") where it has
 *   one, else at 2010-06-15 (NEREL's texts are news of 2000-2019).
 * - SlavicNER (SlavicNLP/SlavicNER, ru and uk, every topic but `russia_-_ukraine_war` and
 *   `nord_stream`, which stay unread): LOC recall, the same way.
 * - IDRISI (rsuwaileh/IDRISI, `LMD/data/AR/<event>/train.jsonl` only): location mentions found,
 *   and of those found that carry an OpenStreetMap point, the share resolved within 50 km. A
 *   country mention is resolved when it names the right country: the distance between a country's
 *   centroid (sitrep's point for it) and OpenStreetMap's label point is no measure of it; the
 *   figure with every mention held to 50 km is printed beside it ("strict").
 *
 * Split (fixed, by file and topic, written down in docs/evaluation.md "Languages"): rules were
 * tuned on NEREL train, SlavicNER topics `brexit` and `covid-19`, and IDRISI events
 * `beirut_explosion_2020`, `cairo_bombing_2019`, `covid_2019`, `dragon_storms_2020`. The figures
 * reported are the other parts: NEREL dev; SlavicNER `asia_bibi`, `ryanair`, `us_election_2020`;
 * IDRISI `hafr_albatin_floods_2019`, `jordan_floods_2018`, `kuwait_floods_2018`. `--tune` prints
 * the tuning parts as well.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation, Document } from '../src/model/index.js';
import { annotate, createPipeline, loadResources, type Pipeline } from '../src/pipeline.js';

const root = process.env.SITREP_EXTDATA ?? '/work/extdata';
const tune = process.argv.includes('--tune');
const pipeline = createPipeline(loadResources());

interface Gold {
  start: number;
  end: number;
  lat?: number;
  lon?: number;
}

function doc(text: string, lang: string, id: string, published: string | null = null): Document {
  return { id, source: id, url: null, title: null, published, author: null, site: null, lang, text };
}

const DATELINE = /^(\d{2})\/(\d{2})\/(\d{4})\b/m;
function anchor(text: string): string {
  const m = DATELINE.exec(text.slice(0, 400));
  return m ? `${m[3]}-${m[2]}-${m[1]}` : '2010-06-15';
}

function overlaps(a: Annotation, g: Gold): boolean {
  return a.start < g.end && g.start < a.end;
}

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

class Tally {
  found = 0;
  total = 0;
  add(hit: boolean): void {
    this.total++;
    if (hit) this.found++;
  }
  toString(): string {
    return this.total ? `${(this.found / this.total).toFixed(3)} (${this.found}/${this.total})` : 'n/a';
  }
}

function missing(what: string, path: string): boolean {
  if (existsSync(path)) return false;
  console.log(`${what}: missing (${path}); fetch it into ${root} (see the header of scripts/eval-lang.ts)`);
  return true;
}

function nerel(split: 'train' | 'dev', p: Pipeline): void {
  const dir = join(root, 'NEREL', 'NEREL-v1.1', split);
  if (missing(`NEREL ${split}`, dir)) return;
  const places = new Tally();
  const dates = new Tally();
  const t0 = performance.now();
  let docs = 0;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    const ann = readFileSync(join(dir, f.replace(/\.txt$/, '.ann')), 'utf8');
    const a = annotate(doc(text, 'ru', f, anchor(text)), p).annotations;
    docs++;
    for (const line of ann.split('\n')) {
      const m = /^T\d+\t(\S+) (\d+) (\d+)\t/.exec(line);
      if (!m) continue;
      const g = { start: Number(m[2]), end: Number(m[3]) };
      if (m[1] === 'CITY' || m[1] === 'COUNTRY' || m[1] === 'STATE_OR_PROVINCE' || m[1] === 'LOCATION') places.add(a.some((x) => x.kind === 'place' && overlaps(x, g)));
      else if (m[1] === 'DATE') dates.add(a.some((x) => x.kind === 'date' && overlaps(x, g)));
    }
  }
  console.log(`NEREL ${split} (ru, ${docs} documents, ${((performance.now() - t0) / docs).toFixed(2)} ms each): places ${places}, dates ${dates}`);
}

const SLAVIC_TUNE = ['brexit', 'covid-19'];
const SLAVIC_REPORT = ['asia_bibi', 'ryanair', 'us_election_2020'];

function slavic(lang: 'ru' | 'uk', topics: string[], label: string, p: Pipeline): void {
  const loc = new Tally();
  for (const topic of topics) {
    const nerDir = join(root, 'SlavicNER', 'ner', topic, lang);
    const rawDir = join(root, 'SlavicNER', 'raw', topic, lang);
    if (missing(`SlavicNER ${topic}/${lang}`, nerDir)) continue;
    for (const f of readdirSync(nerDir).filter((n) => n.endsWith('.tsv')).sort()) {
      const rawPath = join(rawDir, f.replace(/\.tsv$/, '.txt'));
      if (!existsSync(rawPath)) continue;
      const text = readFileSync(rawPath, 'utf8');
      const a = annotate(doc(text, lang, f), p).annotations;
      for (const line of readFileSync(join(nerDir, f), 'utf8').split('\n')) {
        const c = line.split('\t');
        if (c.length < 5 || c[4] !== 'LOC') continue;
        const g = { start: Number(c[0]), end: Number(c[1]) };
        loc.add(a.some((x) => x.kind === 'place' && overlaps(x, g)));
      }
    }
  }
  console.log(`SlavicNER ${lang} ${label} (${topics.join(', ')}): LOC recall ${loc}`);
}

const IDRISI_TUNE = ['beirut_explosion_2020', 'cairo_bombing_2019', 'covid_2019', 'dragon_storms_2020'];
const IDRISI_REPORT = ['hafr_albatin_floods_2019', 'jordan_floods_2018', 'kuwait_floods_2018'];

/** UTF-16 offset of each code point offset (IDRISI counts code points, as Python does). */
function utf16Offsets(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  for (const ch of text) {
    out.push(i);
    i += ch.length;
  }
  out.push(i);
  return out;
}

function idrisi(events: string[], label: string, p: Pipeline): void {
  const found = new Tally();
  const resolved = new Tally();
  const strict = new Tally();
  for (const ev of events) {
    const path = join(root, 'IDRISI', 'LMD', 'data', 'AR', ev, 'train.jsonl');
    if (missing(`IDRISI ${ev}`, path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as {
        tweet_id: string;
        text: string;
        location_mentions: { start_offset: number; end_offset: number; type: string; osm_json?: { lat?: string; lon?: string; address?: { country_code?: string } } | null }[];
      };
      const at = utf16Offsets(rec.text);
      const a = annotate(doc(rec.text, 'ar', rec.tweet_id), p).annotations;
      for (const m of rec.location_mentions) {
        const g: Gold = { start: at[m.start_offset] ?? m.start_offset, end: at[m.end_offset] ?? m.end_offset };
        const hit = a.find((x) => x.kind === 'place' && overlaps(x, g));
        found.add(!!hit);
        const lat = Number(m.osm_json?.lat);
        const lon = Number(m.osm_json?.lon);
        if (hit && hit.kind === 'place' && Number.isFinite(lat) && Number.isFinite(lon) && m.osm_json?.lat) {
          const near = km(lat, lon, hit.value.lat, hit.value.lon) <= 50;
          strict.add(near);
          const cc = m.osm_json.address?.country_code?.toUpperCase();
          resolved.add(near || (m.type === 'Country' && hit.value.precision === 'country' && hit.value.country === cc));
        }
      }
    }
  }
  console.log(`IDRISI ar ${label} (${events.join(', ')}): found ${found}, resolved within 50 km ${resolved} (strict ${strict})`);
}

console.log(`eval:lang — data from ${root}; reported parts first${tune ? ', then the parts tuned on' : ''}`);
nerel('dev', pipeline);
slavic('ru', SLAVIC_REPORT, 'held', pipeline);
slavic('uk', SLAVIC_REPORT, 'held', pipeline);
idrisi(IDRISI_REPORT, 'held', pipeline);
if (tune) {
  nerel('train', pipeline);
  slavic('ru', SLAVIC_TUNE, 'tuned', pipeline);
  slavic('uk', SLAVIC_TUNE, 'tuned', pipeline);
  idrisi(IDRISI_TUNE, 'tuned', pipeline);
}
