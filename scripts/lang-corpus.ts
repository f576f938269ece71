/**
 * The texts `bench:lang` and `dump-lang` read per language. The eval corpora in SITREP_EXTDATA
 * (NEREL dev for ru, SlavicNER uk, IDRISI tweets for ar; see scripts/eval-lang.ts) and ECB+ dev for
 * en; where a corpus is missing, the reports written for the tests (test/lang/cases.ts) and any
 * `.txt` files in `$SITREP_BENCH_TEXTS/<lang>/` stand in, so speed work can be measured and its
 * output compared without the corpora.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../src/model/index.js';
import { arCases, PUBLISHED, ruCases, ukCases } from '../test/lang/cases.js';

const root = process.env.SITREP_EXTDATA ?? '/work/extdata';
const REPORT_CHARS = 3000;

export const BENCH_LANGS = ['en', 'ru', 'uk', 'ar'] as const;

/** The eval corpus of a language, or [] when it is missing. */
export function corpusTexts(lang: string): string[] {
  const out: string[] = [];
  if (lang === 'ru') {
    const dir = join(root, 'NEREL', 'NEREL-v1.1', 'dev');
    if (existsSync(dir)) for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) out.push(readFileSync(join(dir, f), 'utf8'));
  } else if (lang === 'uk') {
    for (const topic of ['asia_bibi', 'ryanair', 'us_election_2020']) {
      const dir = join(root, 'SlavicNER', 'raw', topic, 'uk');
      if (existsSync(dir)) for (const f of readdirSync(dir).sort()) out.push(readFileSync(join(dir, f), 'utf8'));
    }
  } else if (lang === 'ar') {
    const dir = join(root, 'IDRISI', 'LMD', 'data', 'AR');
    if (existsSync(dir))
      for (const ev of readdirSync(dir).sort()) {
        const p = join(dir, ev, 'train.jsonl');
        if (existsSync(p)) for (const line of readFileSync(p, 'utf8').split('\n')) if (line.trim()) out.push((JSON.parse(line) as { text: string }).text + '.');
      }
  } else {
    const dir = join(root, '..', 'shared', 'data', 'ecbplus-dev', 'docs');
    const alt = join(process.cwd(), '..', 'shared', 'data', 'ecbplus-dev', 'docs');
    const d = existsSync(alt) ? alt : dir;
    if (existsSync(d)) for (const f of readdirSync(d).sort().slice(0, 400)) out.push(readFileSync(join(d, f), 'utf8'));
  }
  return out;
}

/** The reports written for the tests, then the stand-in texts of `$SITREP_BENCH_TEXTS/<lang>/`. */
export function writtenTexts(lang: string): string[] {
  const cases = lang === 'ru' ? ruCases() : lang === 'uk' ? ukCases() : lang === 'ar' ? arCases() : [];
  const out = cases.map((c) => c.text);
  const dir = process.env.SITREP_BENCH_TEXTS ? join(process.env.SITREP_BENCH_TEXTS, lang) : null;
  if (dir && existsSync(dir)) for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) out.push(readFileSync(join(dir, f), 'utf8'));
  return out;
}

/** Consecutive texts joined into reports of about REPORT_CHARS, language left to be read. */
export function asReports(texts: readonly string[], lang: string): Document[] {
  const out: Document[] = [];
  let buf = '';
  const flush = () => {
    out.push({ id: `bench_${lang}_${out.length}`, source: 'bench', url: null, title: null, published: PUBLISHED, author: null, site: null, lang: null, text: buf.slice(0, REPORT_CHARS) });
    buf = '';
  };
  for (const t of texts) {
    buf += (buf ? '\n\n' : '') + t.trim();
    if (buf.length >= REPORT_CHARS) flush();
  }
  return out;
}

/** Every text of the eval corpora in SITREP_EXTDATA, named: NEREL train and dev, SlavicNER ru and uk (every topic present), IDRISI AR tweets. */
export function allCorpusTexts(): [string, string][] {
  const out: [string, string][] = [];
  for (const split of ['dev', 'train']) {
    const dir = join(root, 'NEREL', 'NEREL-v1.1', split);
    if (existsSync(dir)) for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) out.push([`nerel/${split}/${f}`, readFileSync(join(dir, f), 'utf8')]);
  }
  const slavic = join(root, 'SlavicNER', 'raw');
  if (existsSync(slavic))
    for (const topic of readdirSync(slavic).sort())
      for (const lang of ['ru', 'uk']) {
        const dir = join(slavic, topic, lang);
        if (existsSync(dir)) for (const f of readdirSync(dir).sort()) out.push([`slavicner/${topic}/${lang}/${f}`, readFileSync(join(dir, f), 'utf8')]);
      }
  const idrisi = join(root, 'IDRISI', 'LMD', 'data', 'AR');
  if (existsSync(idrisi))
    for (const ev of readdirSync(idrisi).sort()) {
      const p = join(idrisi, ev, 'train.jsonl');
      if (existsSync(p)) readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).forEach((line, i) => out.push([`idrisi/${ev}/${i}`, (JSON.parse(line) as { text: string }).text]));
    }
  return out;
}
