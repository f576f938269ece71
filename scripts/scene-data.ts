/**
 * The labelled scenes the scene eval and the scene training read, with their fixed split
 * (written down in docs/evaluation.md, "Scene of the incident"):
 *
 * - GVA dev (`../shared/data/gva-dev`): one case per article — its title, URL, publication date
 *   and text as `sitrep ingest` gets them from a JSONL line — and the GVA incident's lat/lon
 *   (articles of incidents without coordinates are left out). Part by the incident:
 *   sha1(`scene:` + incident id), first hex digit 0-7 → tune, 8-f → report. All articles of one
 *   incident fall in the same part.
 * - UCDP GED dev (`../shared/data/ucdp-ged-dev`, slices syria / mexico / myanmar; the global
 *   sample is left out): one case per event — its headlines one a line, as in eval-facts — and the
 *   coded lat/lon. Part by the event: sha1(`scene:` + event id), first hex digit 0-7 → tune, 8-f
 *   → report. (The dev/holdout split of the data set used the LAST hex digit of sha1(id), so the
 *   first digit of a salted hash is independent of it.)
 *
 * The text is read here and never written anywhere.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { textDocument } from '../src/ingest/document.js';
import type { Document } from '../src/model/types.js';
import { parseCsv } from './eval-facts.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.SITREP_SHARED_DATA ?? join(root, '..', 'shared', 'data'));

export type Part = 'tune' | 'report';

export interface SceneCase {
  id: string;
  set: 'gva' | 'ucdp';
  part: Part;
  document: Document;
  lat: number;
  lon: number;
  /** UCDP: the headlines name the coded place below the country (see `namesPlaceBelowCountry`). */
  named?: boolean;
  /** UCDP slice, GVA state: for per-group figures. */
  group: string;
  /** What the gold says in words, for the listing of misses. */
  gold: string;
  /** UCDP: the coded place's folded names below the country (see `placeNames`), for the listing of misses. */
  codedNames?: string[];
}

/** The fixed split: first hex digit of sha1(`scene:` + key), 0-7 tune, 8-f report. */
export function partOf(key: string): Part {
  const h = createHash('sha1').update(`scene:${key}`).digest('hex');
  return parseInt(h[0], 16) < 8 ? 'tune' : 'report';
}

interface GvaDoc { id: string; incident: string; title: string; published: string; url: string; text: string }

export function gvaCases(): SceneCase[] {
  const dir = join(dataDir, 'gva-dev');
  const incidents = new Map<string, Record<string, string>>();
  const lines = readFileSync(join(dir, 'incidents.tsv'), 'utf8').split('\n').filter(Boolean);
  const header = lines[0].split('\t');
  for (const l of lines.slice(1)) {
    const cells = l.split('\t');
    const rec = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    incidents.set(rec.incident, rec);
  }
  const out: SceneCase[] = [];
  for (const line of gunzipSync(readFileSync(join(dir, 'docs.jsonl.gz'))).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line) as GvaDoc;
    const inc = incidents.get(d.incident);
    if (!inc || inc.lat === '' || inc.lon === '') continue;
    let document: Document;
    try {
      document = textDocument(d.text, { source: `gva:${d.id}`, url: d.url || null, title: d.title || null, published: d.published || null });
    } catch {
      continue; // an empty text: nothing to place
    }
    out.push({
      id: d.id, set: 'gva', part: partOf(d.incident), document, lat: Number(inc.lat), lon: Number(inc.lon),
      group: inc.state, gold: `${inc.city}, ${inc.state}`,
    });
  }
  return out;
}

interface Source { headline: string; date: string }

/** `"Office,YYYY-MM-DD,Headline";"…"` as in eval-facts: the headline may hold `;` and `,`. */
function sourcesOf(r: Record<string, string>): Source[] {
  const art = r.source_article.trim();
  if (art.startsWith('"') && art.endsWith('"')) {
    const items = art.slice(1, -1).split(/"\s*;\s*"/).map((s) => s.replace(/""/g, '"'));
    const parsed = items.map((s) => /^(.*?),(\d{4}-\d{2}-\d{2}),([\s\S]*)$/.exec(s));
    if (parsed.every(Boolean)) return parsed.map((m) => ({ headline: m![3].trim(), date: m![2] }));
  }
  const heads = r.source_headline.split(';');
  const dates = r.source_date.split(';');
  return heads.map((h, i) => ({ headline: h.trim(), date: (dates[i] ?? dates[dates.length - 1] ?? '').trim().slice(0, 10) }));
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/['’`ʼ‘]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** Type words UCDP appends to its names ("Balleza town", "Idlib Governorate", "Afrin district"). */
const TYPE_TAIL = /\s+(?:town|village|city|state|governorate|province|district|municipality|region|division|township|area|nahiya|subdistrict|camp|neighbourhood|neighborhood|hamlet)$/;
const NAME_HEAD = /^(?:al|el|as|ash|ar|ad|an|az|at)\s+/;

/** The names of the coded place below the country: the settlement, its admin2, and its admin1 when coded at that level; type words and articles dropped. */
export function placeNames(r: Record<string, string>): string[] {
  const names: string[] = [];
  // the admin1 is the coded place only when the event is coded at that level (where_prec 4)
  for (const raw of [r.where_coordinates, r.adm_2, r.where_prec === '4' ? r.adm_1 : '']) {
    if (!raw) continue;
    // "Idlib town (Idlib)", "Markaz Idlib district": the head before any parenthesis
    let n = fold(raw.replace(/\(.*$/, ''));
    n = n.replace(TYPE_TAIL, '').replace(/^(?:markaz|mintaqat markaz|mintaqat)\s+/, '').trim();
    const bare = n.replace(NAME_HEAD, '');
    if (bare.length >= 3) names.push(bare);
  }
  return names;
}

/**
 * How "the headlines name a place below the country" is counted: some headline, folded (no
 * accents, no apostrophes, punctuation as spaces, Arabic article dropped), holds as whole words
 * the coded settlement's name (`where_coordinates`) or its admin2, or its admin1 when the event is
 * coded at admin1 level (`where_prec` 4) (type words such as "town", "Governorate", "district"
 * dropped). A headline naming only the country, only the province around a coded town ("6 die in
 * southern Chihuahua" for a village 250 km from the state's capital), or a place the coders did
 * not pick, does not count.
 */
export function namesPlaceBelowCountry(headlines: string[], r: Record<string, string>): boolean {
  const text = ` ${headlines.map(fold).join(' ').replace(/\b(?:al|el|as|ash|ar|ad|an|az|at) /g, '')} `;
  return placeNames(r).some((n) => text.includes(` ${n} `));
}

export const UCDP_SLICES = new Set(['syria', 'mexico', 'myanmar']);

export function ucdpCases(): SceneCase[] {
  const csv = gunzipSync(readFileSync(join(dataDir, 'ucdp-ged-dev', 'ged_news_nonukraine.csv.gz'))).toString('utf8');
  const table = parseCsv(csv);
  const header = table[0];
  const out: SceneCase[] = [];
  for (const cells of table.slice(1)) {
    const r = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    if (!UCDP_SLICES.has(r.slice) || r.latitude === '' || r.longitude === '') continue;
    const sources = sourcesOf(r);
    const headlines = sources.map((s) => s.headline).filter(Boolean);
    if (!headlines.length) continue;
    const published = sources.map((s) => s.date).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort().at(-1) ?? null;
    const text = headlines.map((h) => (/[.!?]["'”’]?$/.test(h) ? h : h + '.')).join('\n') + '\n';
    let document: Document;
    try {
      document = textDocument(text, { source: `ucdp:${r.id}`, published });
    } catch {
      continue;
    }
    out.push({
      id: r.id, set: 'ucdp', part: partOf(r.id), document, lat: Number(r.latitude), lon: Number(r.longitude),
      named: namesPlaceBelowCountry(headlines, r), group: r.slice, gold: `${r.where_coordinates} [${r.adm_1}] p${r.where_prec}`, codedNames: placeNames(r),
    });
  }
  return out;
}

/** A fixed subsample (every k-th case) for quick runs: `--sample N` keeps about N. */
export function sample<T>(xs: T[], n: number | null): T[] {
  if (!n || n >= xs.length) return xs;
  const step = xs.length / n;
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(xs[Math.floor(i * step)]);
  return out;
}
