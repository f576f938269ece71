/**
 * What an import costs: writes a synthetic GeoNames place file (N rows in the allCountries
 * format, made-up names, default 500,000), imports it, and prints import time, rows/s, peak RSS,
 * the file's size on disk, and the gazetteer load (wall and CPU) and lookup cost with and without
 * it. Rows: 40 % populated places, 3 % second/third-order units, the rest other feature classes
 * (roughly allCountries' mix); a third have alternate names, one in Cyrillic.
 *
 * Usage: npm run bench:gazetteer-import [-- --rows N]
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledGeonameids, loadGazetteer } from '../src/extract/gazetteer.js';
import { importGeoNames, openImportedGazetteer } from '../src/store/gazetteer-import.js';

const args = process.argv.slice(2);
const rows = args.includes('--rows') ? Number(args[args.indexOf('--rows') + 1]) : 500_000;
const dir = mkdtempSync(join(tmpdir(), 'sitrep-gaz-bench-'));
const file = join(dir, 'allCountries.txt');
const db = join(dir, 'gazetteer.sqlite');

// deterministic made-up names from syllables (a fixed linear congruential sequence)
let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const SYL = ['ka', 'ri', 'bo', 'lan', 'mi', 'tes', 'ngo', 'ra', 'su', 'vel', 'do', 'shi', 'ar', 'en', 'tu', 'pol', 'zan', 'ke', 'yo', 'ma'];
const CYR = ['ка', 'ри', 'бо', 'лан', 'ми', 'тес', 'нго', 'ра', 'су', 'вел'];
const word = (n: number, s: string[]) => Array.from({ length: n }, () => s[Math.floor(rand() * s.length)]).join('');
const cap = (w: string) => w[0].toUpperCase() + w.slice(1);
const COUNTRIES = ['KE', 'BF', 'NG', 'SY', 'MM', 'MX', 'UA', 'ET', 'ML', 'SO'];

async function writeFile(): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < rows; i++) {
    const r = rand();
    const [cls, code] = r < 0.4 ? ['P', 'PPL'] : r < 0.415 ? ['A', 'ADM2'] : r < 0.43 ? ['A', 'ADM3'] : r < 0.7 ? ['H', 'STM'] : r < 0.9 ? ['T', 'HLL'] : ['S', 'FRM'];
    const name = cap(word(2 + Math.floor(rand() * 2), SYL)) + (rand() < 0.2 ? ' ' + cap(word(2, SYL)) : '');
    const alts = rand() < 0.33 ? [cap(word(3, SYL)), cap(word(3, CYR)), name.toUpperCase()].join(',') : '';
    const pop = rand() < 0.1 ? Math.floor(rand() * 50000) : 0;
    const line = [20_000_000 + i, name, name, alts, (rand() * 160 - 80).toFixed(5), (rand() * 340 - 170).toFixed(5), cls, code,
      COUNTRIES[i % COUNTRIES.length], '', String(1 + (i % 30)).padStart(2, '0'), String(i % 500), '', '', pop, '', '100', 'Africa/Nairobi', '2024-01-01'].join('\t');
    if (!out.write(line + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function loadCost(withImport: boolean): { wallMs: number; cpuMs: number; rssMB: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const g = loadGazetteer(undefined, withImport ? openImportedGazetteer(db) : null);
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  g.lookup('nairobi');
  return { wallMs: Math.round(wallMs), cpuMs: Math.round((c.user + c.system) / 1000), rssMB: Math.round(process.memoryUsage().rss / 1e6) };
}

/** Microseconds per first lookup of a mix of names: imported, bundled, and none (after one warm-up lookup). */
function lookupCost(withImport: boolean): number {
  const g = loadGazetteer(undefined, withImport ? openImportedGazetteer(db) : null);
  g.lookup(word(3, SYL)); // the first hit reads the bundled ids once
  const words = Array.from({ length: 20000 }, (_, i) => (i % 3 === 0 ? word(3, SYL) : i % 3 === 1 ? `nowhere${i}` : `${['nairobi', 'kharkiv', 'paris'][i % 3]}${i % 7 ? '' : ' city'}`));
  const t0 = performance.now();
  for (const w of words) g.lookup(w);
  return Math.round(((performance.now() - t0) * 1000) / words.length);
}

try {
  let t = performance.now();
  await writeFile();
  console.log(`synthetic allCountries: ${rows} rows, ${(statSync(file).size / 1e6).toFixed(0)} MB, written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  t = performance.now();
  const c0 = process.cpuUsage();
  const [r] = await importGeoNames(db, [file], bundledGeonameids(), () => {});
  const secs = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(c0);
  clearInterval(timer);
  const disk = statSync(db).size;
  console.log(`import: ${r.added} places kept, ${r.skipped} skipped (other classes), ${r.bad} bad; ${secs.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU, ${Math.round(rows / secs)} rows/s; peak RSS ${Math.round(peak / 1e6)} MB; file ${(disk / 1e6).toFixed(0)} MB`);
  t = performance.now();
  await importGeoNames(db, [file], new Set(), () => {});
  console.log(`re-import (nothing changes): ${((performance.now() - t) / 1000).toFixed(1)} s`);
  console.log('load, bundled only:', JSON.stringify(loadCost(false)));
  console.log('load, with the import:', JSON.stringify(loadCost(true)));
  console.log(`lookup: ${lookupCost(false)} µs bundled only, ${lookupCost(true)} µs with the import`);
  const factor = 12_000_000 / rows;
  console.log(`extrapolated to 12,000,000 rows (x${factor.toFixed(0)}, linear): import ${((secs * factor) / 60).toFixed(0)} min, file ${((disk * factor) / 1e9).toFixed(1)} GB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
