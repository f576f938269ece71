/**
 * Imported gazetteer: GeoNames dumps, as GeoNames distributes them, added to a SQLite file beside
 * the bundled data (`sitrep gazetteer import FILE…`), and read back by extraction.
 *
 * Where: `--gazetteer FILE`, else $SITREP_GAZETTEER, else $XDG_DATA_HOME/sitrep/gazetteer.sqlite
 * (~/.local/share/sitrep/gazetteer.sqlite). One file per user, not per database: the same places
 * serve every store. Extraction reads it when the file exists.
 *
 * What: a place file (a country's `KE.txt`, `allCountries.txt`, `cities500.txt`: 19 tab-separated
 * columns) gives populated places (feature class P) and second- and third-order units (ADM2,
 * ADM3) with their admin codes, population and point; `alternateNamesV2.txt` (10 columns) adds
 * names to places imported or bundled. Either plain or zipped (`KE.zip`), read as a stream.
 *
 * How: one transaction for the whole command, a savepoint per file, so an interrupted import
 * leaves the file as it was and a file that breaks off (a truncated zip) leaves nothing of itself.
 * Bad lines are named (file:line: reason) and skipped. Rows are upserted by geonameid and names
 * are (name, geonameid) pairs, so importing a file again changes nothing. The name filter and
 * the table of longest names are rebuilt at the end and stored in the file, so loading reads two
 * blobs instead of every name.
 */
import { existsSync, mkdirSync, createReadStream } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import yauzl from 'yauzl';
import { buildNameFilter, firstWordTable, foldName, MIN_SKELETON, SKELETON_COUNTRIES, skeleton, type ExtraPlaces, type ImportedPlace } from '../extract/gazetteer.js';

type DB = Database.Database;

/** The imported gazetteer's path: the option, $SITREP_GAZETTEER, or the user's data folder. */
export function importedGazetteerPath(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (option) return option;
  if (env.SITREP_GAZETTEER) return env.SITREP_GAZETTEER;
  const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'sitrep', 'gazetteer.sqlite');
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS places (
  geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL,
  admin2 TEXT NOT NULL, admin3 TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
  population INTEGER NOT NULL, class TEXT NOT NULL, code TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS places_admin ON places (country, admin1, admin2, code);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, geonameid INTEGER NOT NULL, PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_place ON names (geonameid);
CREATE TABLE IF NOT EXISTS blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS imports (file TEXT PRIMARY KEY, kind TEXT NOT NULL, rows INTEGER NOT NULL, at TEXT NOT NULL);
`;

/** Columns of a GeoNames place line and of an alternateNamesV2 line. */
const PLACE_COLUMNS = 19;
const ALT_COLUMNS = 10;
/** Feature codes kept besides class P: the units below first-order regions (those are bundled). */
const ADMIN_CODES = new Set(['ADM2', 'ADM3']);
/** "Languages" of alternateNamesV2 that are codes or links, not names. */
const NOT_NAMES = new Set(['post', 'iata', 'icao', 'faac', 'link', 'wkdt', 'unlc', 'abbr', 'fr_1793', 'tcid']);
const CODE_LIKE = /^[A-Z0-9]{2,4}$/;
const LATIN_NAME = /^[\p{Script=Latin}\p{M}' ’.\-]+$/u;
const INTEGER = /^-?\d{1,12}$/;
/** Bad lines named per file before the rest are only counted. */
const MAX_NAMED = 50;

export interface FileResult {
  file: string;
  kind: 'places' | 'alternate names' | 'none';
  /** Rows that added or changed something. */
  added: number;
  unchanged: number;
  /** Rows of other feature classes, or names of places not known. */
  skipped: number;
  bad: number;
  /** A reason the whole file was not imported, or null. */
  failed: string | null;
}

/** Names of a place line: its name, ASCII name and alternates (a hamlet's Latin alternates are mostly noise). */
export function placeKeys(name: string, ascii: string, alternates: string, population: number, code: string, country = ''): Set<string> {
  const keys = new Set<string>();
  const add = (n: string) => {
    const k = foldName(n);
    if (k.length >= 2 && !k.includes('|')) keys.add(k);
  };
  add(name);
  add(ascii);
  const town = population >= 2000 || code.startsWith('PPLA') || code === 'PPLC' || code.startsWith('ADM');
  if (alternates) {
    for (const alt of alternates.split(',')) {
      if (alt.length < 2 || CODE_LIKE.test(alt)) continue;
      if (!LATIN_NAME.test(alt) || (town && alt.length >= 3)) add(alt);
    }
  }
  // another romanisation of a Ukrainian village, as for the bundled places (see skeleton)
  if (SKELETON_COUNTRIES.has(country)) {
    for (const k of [...keys]) {
      const sk = skeleton(k);
      if (sk.length > MIN_SKELETON) keys.add(sk);
    }
  }
  return keys;
}

function openDb(path: string): DB {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 30000');
  db.exec(SCHEMA);
  return db;
}

/** Lines of a file, plain or zipped (each .txt entry but the readme), with the entry's name. */
async function* linesOf(path: string): AsyncGenerator<{ entry: string; lines: AsyncIterable<string> }> {
  if (!/\.zip$/i.test(path)) {
    yield { entry: path, lines: createInterface({ input: createReadStream(path), crlfDelay: Infinity }) };
    return;
  }
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(new Error(`not a readable zip (${e.message})`)) : resolve(z))),
  );
  try {
    const entries: yauzl.Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        if (/\.txt$/i.test(e.fileName) && !/(^|\/)(readme|iso-languagecodes)\.txt$/i.test(e.fileName)) entries.push(e);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', (e: Error) => reject(new Error(`not a readable zip (${e.message})`)));
      zip.readEntry();
    });
    if (!entries.length) throw new Error('the zip holds no .txt data file');
    for (const e of entries) {
      const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(e, (err, s) => (err ? reject(err) : resolve(s))));
      yield { entry: `${path}!${e.fileName}`, lines: createInterface({ input: stream, crlfDelay: Infinity }) };
    }
  } finally {
    zip.close();
  }
}

/**
 * Import GeoNames files into the gazetteer file at `path`. `bundled` are the ids the bundled data
 * holds (alternate names of those are kept too). `report` gets each bad line and failed file.
 */
export async function importGeoNames(path: string, files: readonly string[], bundled: ReadonlySet<number>, report: (line: string) => void): Promise<FileResult[]> {
  const db = openDb(path);
  const results: FileResult[] = [];
  // place files first: alternate names attach only to places already known
  const ordered = [...files].sort((a, b) => Number(/alternate/i.test(basename(a))) - Number(/alternate/i.test(basename(b))));
  const upsert = db.prepare(`INSERT INTO places (geonameid, name, country, admin1, admin2, admin3, lat, lon, population, class, code)
    VALUES (@geonameid, @name, @country, @admin1, @admin2, @admin3, @lat, @lon, @population, @class, @code)
    ON CONFLICT (geonameid) DO UPDATE SET name = excluded.name, country = excluded.country, admin1 = excluded.admin1,
      admin2 = excluded.admin2, admin3 = excluded.admin3, lat = excluded.lat, lon = excluded.lon,
      population = excluded.population, class = excluded.class, code = excluded.code
    WHERE (name, country, admin1, admin2, admin3, lat, lon, population, class, code)
      IS NOT (excluded.name, excluded.country, excluded.admin1, excluded.admin2, excluded.admin3, excluded.lat, excluded.lon, excluded.population, excluded.class, excluded.code)`);
  const addName = db.prepare('INSERT OR IGNORE INTO names (key, geonameid) VALUES (?, ?)');
  const known = db.prepare('SELECT 1 FROM places WHERE geonameid = ?').pluck();
  const logImport = db.prepare('INSERT OR REPLACE INTO imports (file, kind, rows, at) VALUES (?, ?, ?, ?)');
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const file of ordered) {
      const r: FileResult = { file, kind: 'none', added: 0, unchanged: 0, skipped: 0, bad: 0, failed: null };
      results.push(r);
      const bad = (where: string, reason: string) => {
        r.bad++;
        if (r.bad <= MAX_NAMED) report(`${where}: ${reason}`);
      };
      db.exec('SAVEPOINT file');
      let where = file;
      try {
        if (!existsSync(file)) throw new Error('no such file');
        for await (const { entry, lines } of linesOf(file)) {
          let n = 0;
          for await (const line of lines) {
            n++;
            where = `${entry}:${n}`;
            if (line === '' || line.startsWith('#')) continue;
            const f = line.split('\t');
            if (r.kind === 'none') {
              // the first line says which dump this is
              if (f.length === PLACE_COLUMNS) r.kind = 'places';
              else if (f.length === ALT_COLUMNS) r.kind = 'alternate names';
              else throw new Error(`not a GeoNames dump: ${f.length} tab-separated columns (a place file has ${PLACE_COLUMNS}, alternateNamesV2 ${ALT_COLUMNS})`);
            }
            if (r.kind === 'places') {
              if (f.length !== PLACE_COLUMNS) {
                bad(where, `${f.length} columns, not ${PLACE_COLUMNS}`);
                continue;
              }
              const [id, name, ascii, alts, lat, lon, cls, code, country, , admin1, admin2, admin3, , pop] = f;
              const y = Number(lat);
              const x = Number(lon);
              if (!INTEGER.test(id)) bad(where, `geonameid ${JSON.stringify(id)} is not a number`);
              else if (lat === '' || lon === '' || !Number.isFinite(y) || !Number.isFinite(x) || Math.abs(y) > 90 || Math.abs(x) > 180) bad(where, `coordinates ${lat},${lon}: no latitude and longitude in range`);
              else if (!name) bad(where, 'no name');
              else if (!/^[A-Z]{2}$/.test(country) && country !== '') bad(where, `country ${JSON.stringify(country)}`);
              else if (pop !== '' && !INTEGER.test(pop)) bad(where, `population ${JSON.stringify(pop)} is not a number`);
              else if ((cls !== 'P' && !(cls === 'A' && ADMIN_CODES.has(code))) || country === '') r.skipped++;
              else {
                const population = Number(pop) || 0;
                const place = { geonameid: Number(id), name, country, admin1, admin2, admin3, lat: y, lon: x, population, class: cls, code };
                let changed = upsert.run(place).changes > 0;
                for (const k of placeKeys(name, ascii, alts, population, code, country)) if (addName.run(k, place.geonameid).changes > 0) changed = true;
                if (changed) r.added++;
                else r.unchanged++;
              }
            } else {
              if (f.length !== ALT_COLUMNS) {
                bad(where, `${f.length} columns, not ${ALT_COLUMNS}`);
                continue;
              }
              const [, id, lang, name, , , colloquial, historic] = f;
              if (!INTEGER.test(id)) {
                bad(where, `geonameid ${JSON.stringify(id)} is not a number`);
                continue;
              }
              const gid = Number(id);
              const k = foldName(name);
              if (NOT_NAMES.has(lang) || colloquial === '1' || historic === '1' || k.length < 2 || CODE_LIKE.test(name) || (!bundled.has(gid) && !known.get(gid))) {
                r.skipped++;
                continue;
              }
              if (addName.run(k, gid).changes > 0) r.added++;
              else r.unchanged++;
            }
          }
          if (n === 0) throw new Error('empty file');
        }
        logImport.run(basename(file), r.kind, r.added + r.unchanged, new Date().toISOString());
        db.exec('RELEASE file');
      } catch (e) {
        db.exec('ROLLBACK TO file');
        db.exec('RELEASE file');
        r.failed = (e as Error).message;
        r.added = r.unchanged = r.skipped = 0;
        report(`${where}: ${r.failed}; nothing of ${file} imported`);
      }
      if (r.bad > MAX_NAMED) report(`${file}: ${r.bad - MAX_NAMED} more bad lines not shown`);
    }
    writeIndex(db);
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  } finally {
    db.close();
  }
  return results;
}

/** The name filter and the longest-name table over every imported name, kept in the file. */
function writeIndex(db: DB): void {
  const count = db.prepare('SELECT count(*) FROM names').pluck().get() as number;
  const keys = db.prepare('SELECT DISTINCT key FROM names').pluck();
  const filter = buildNameFilter(keys.iterate() as Iterable<string>, Math.max(count, 1));
  const { table, maxTokens } = firstWordTable(keys.iterate() as Iterable<string>);
  const put = db.prepare('INSERT OR REPLACE INTO blobs (name, data) VALUES (?, ?)');
  put.run('filter', Buffer.from(filter.bits.buffer, filter.bits.byteOffset, filter.bits.byteLength));
  put.run('first-words', Buffer.from(table.buffer, table.byteOffset, table.byteLength));
  put.run('max-tokens', Buffer.from(String(maxTokens)));
}

/** The imported places for extraction, or null when nothing was imported. */
export function openImportedGazetteer(path: string): ExtraPlaces | null {
  if (!existsSync(path)) return null;
  let db: DB;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 30000');
  } catch (e) {
    throw new Error(`imported gazetteer ${path}: ${(e as Error).message}`);
  }
  const blob = db.prepare('SELECT data FROM blobs WHERE name = ?').pluck();
  let filterBuf: Buffer | undefined;
  let firstBuf: Buffer | undefined;
  let maxBuf: Buffer | undefined;
  try {
    filterBuf = blob.get('filter') as Buffer | undefined;
    firstBuf = blob.get('first-words') as Buffer | undefined;
    maxBuf = blob.get('max-tokens') as Buffer | undefined;
  } catch (e) {
    throw new Error(`imported gazetteer ${path} is not one (${(e as Error).message})`);
  }
  if (!filterBuf || !firstBuf) return null;
  const bits = new Uint32Array(filterBuf.buffer.slice(filterBuf.byteOffset, filterBuf.byteOffset + filterBuf.byteLength));
  const find = db.prepare(`SELECT n.geonameid AS geonameid, p.name AS name, p.country AS country, p.admin1 AS admin1, p.admin2 AS admin2,
    p.lat AS lat, p.lon AS lon, p.population AS population, p.code AS code
    FROM names n LEFT JOIN places p ON p.geonameid = n.geonameid WHERE n.key = ?`);
  const unit = db.prepare("SELECT name FROM places WHERE country = ? AND admin1 = ? AND admin2 = ? AND code = 'ADM2' LIMIT 1").pluck();
  const inCountry = db.prepare('SELECT name FROM places WHERE country = ?').pluck();
  const units = new Map<string, string | null>();
  type Row = { geonameid: number; name: string | null } & Omit<ImportedPlace, 'geonameid' | 'name'>;
  return {
    filter: { bits, mask: bits.length * 32 - 1 },
    firstWords: new Uint8Array(firstBuf),
    maxNameTokens: maxBuf ? Number(maxBuf.toString()) || 1 : 1,
    find: (folded) =>
      (find.all(folded) as Row[]).map((r) => ({ geonameid: r.geonameid, place: r.name === null ? null : { ...r, name: r.name } })),
    admin2Name: (cc, a1, a2) => {
      const k = `${cc}.${a1}.${a2}`;
      if (!units.has(k)) units.set(k, (unit.get(cc, a1, a2) as string | undefined) ?? null);
      return units.get(k)!;
    },
    namesIn: (cc) => inCountry.iterate(cc) as Iterable<string>,
  };
}

/** What the imported file holds: places per country, names, the files imported. */
export function importedStats(path: string): { places: { country: string; places: number; units: number }[]; names: number; imports: { file: string; kind: string; rows: number; at: string }[] } | null {
  if (!existsSync(path)) return null;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const places = db
      .prepare("SELECT country, sum(class = 'P') AS places, sum(class = 'A') AS units FROM places GROUP BY country ORDER BY count(*) DESC")
      .all() as { country: string; places: number; units: number }[];
    const names = db.prepare('SELECT count(*) FROM names').pluck().get() as number;
    const imports = db.prepare('SELECT file, kind, rows, at FROM imports ORDER BY at').all() as { file: string; kind: string; rows: number; at: string }[];
    return { places, names, imports };
  } finally {
    db.close();
  }
}
