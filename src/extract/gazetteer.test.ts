import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNameFilter, foldName, GAZETTEER_FILES, linesFrom, loadGazetteer, mayHaveName, skeleton, SortedLines } from './gazetteer.js';

// Loads the gazetteer built by `npm run build:gazetteer` (run at install time by `prepare`).
const g = loadGazetteer();

describe('foldName', () => {
  it('folds case, diacritics, apostrophes, periods and hyphens', () => {
    expect(foldName('Donets’k')).toBe('donetsk');
    expect(foldName('Sant Julià de Lòria')).toBe('sant julia de loria');
    expect(foldName('U.S.')).toBe('us');
    expect(foldName('Ivano-Frankivsk')).toBe('ivano frankivsk');
    expect(foldName('Hamāh')).toBe('hamah');
  });
});

describe('foldName in other scripts', () => {
  it('keeps the letters of non-Latin scripts and drops only optional marks', () => {
    expect(foldName('Київ')).toBe('київ');
    expect(foldName('Йошкар-Ола')).toBe('йошкар ола'); // "й" is no "и"
    expect(foldName('Королёв')).toBe('королев');
    expect(foldName('إدلب')).toBe(foldName('ادلب')); // hamza below the alef is optional
    expect(foldName('मुंबई')).toBe('मुंबई'); // Devanagari vowel signs are letters
    expect(foldName('İstanbul')).toBe('istanbul');
  });
});

describe('skeleton', () => {
  it('gives the Ukrainian and Russian romanisations of a name one key', () => {
    expect(skeleton('oleksandrivka')).toBe(skeleton('alexandrovka'));
    expect(skeleton('horlivka')).toBe(skeleton('gorlovka'));
    expect(skeleton('debaltseve')).toBe(skeleton('debaltsevo'));
    expect(skeleton('lysychansk')).toBe(skeleton('lisichansk'));
    expect(skeleton('kharkiv')).not.toBe(skeleton('kherson'));
  });
});

describe('loadGazetteer', () => {
  it('finds places by their transliterations', () => {
    for (const name of ['Kharkiv', 'Kharkov', 'Kiev', 'Kyiv', 'Odessa', 'Kupyansk']) {
      expect(g.lookup(foldName(name)).length, name).toBeGreaterThan(0);
    }
    const kharkov = g.lookup('kharkov').find((e) => e.country === 'UA' && e.precision === 'place')!;
    expect(g.resolved(kharkov)).toMatchObject({ name: 'Kharkiv', country: 'UA', admin1: 'Kharkiv', precision: 'place' });
  });

  it('knows first names and English words', () => {
    expect(g.firstName('virginia')).toBe(true);
    expect(g.firstName('kharkiv')).toBe(false);
    expect(g.englishWord('forest')).toBe(true);
    expect(g.englishWord('hilton')).toBe(false);
  });

  it('knows first-order regions by their English short names', () => {
    const kharkiv = g.lookup('kharkiv').find((e) => e.precision === 'admin1');
    expect(kharkiv?.country).toBe('UA');
    const georgia = g.lookup('georgia');
    expect(georgia.some((e) => e.precision === 'country' && e.country === 'GE')).toBe(true);
    expect(georgia.some((e) => e.precision === 'admin1' && e.country === 'US')).toBe(true);
    expect(g.admin1Name('US', 'OH')).toBe('Ohio');
  });

  it('puts regions near their GeoNames points', () => {
    const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
      const r = Math.PI / 180;
      const s = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
      return 12742 * Math.asin(Math.sqrt(s));
    };
    const region = (name: string, cc: string) => g.lookup(foldName(name)).find((e) => e.precision === 'admin1' && e.country === cc)!;
    // country-state-city puts Victoria on the South Australian border: the two must not swap places
    expect(km(region('Victoria', 'AU'), { lat: -37, lon: 145 })).toBeLessThan(200);
    expect(km(region('South Australia', 'AU'), { lat: -30, lon: 135 })).toBeLessThan(200);
    // …and Helmand in Maryland: a point outside the country is not kept
    expect(region('Helmand', 'AF').lon).toBeGreaterThan(55);
    // the supplement gives GeoNames' point where no centroid comes near it
    expect(km(region('Alberta', 'CA'), { lat: 52.28333, lon: -117.469 })).toBeLessThan(1);
  });

  it("matches regions to GeoNames' codes by GeoNames' own names before their centroids", () => {
    const km = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
      const r = Math.PI / 180;
      const s = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
      return 12742 * Math.asin(Math.sqrt(s));
    };
    const region = (name: string, cc: string) => g.lookup(foldName(name)).find((e) => e.precision === 'admin1' && e.country === cc)!;
    // country-state-city puts Hunan in Oklahoma and Shandong nowhere near it: they once sat at
    // China's point (35 N 105 E), and Guangdong took Hunan's code and places
    expect(km(region('Hunan', 'CN'), { lat: 27.66667, lon: 111.75 })).toBeLessThan(161);
    expect(km(region('Shandong', 'CN'), { lat: 36, lon: 118 })).toBeLessThan(161);
    expect(km(region('Guangdong', 'CN'), { lat: 23.5, lon: 113.5 })).toBeLessThan(161);
    expect(region('Hunan', 'CN').admin1Code).toBe('11');
    expect(region('Guangdong', 'CN').admin1Code).toBe('30');
    // a region across 180° is placed by the narrow way round (Chukotka once sat at Russia's point)
    const chukotka = region('Chukotka Autonomous Okrug', 'RU');
    expect(chukotka.lat).toBeGreaterThan(60);
    expect(Math.abs(chukotka.lon)).toBeGreaterThan(160);
    // a centroid outside the box of the region's own places is an error: Hidalgo's lay 600 km north
    expect(km(region('Hidalgo', 'MX'), { lat: 20.5, lon: -98.9 })).toBeLessThan(161);
    // renumbered regions keep what their places say: Lạng Sơn is in the north of Vietnam
    expect(region('Lạng Sơn', 'VN').lat).toBeGreaterThan(20);
  });

  it('knows US counties and curated air bases', () => {
    expect(g.lookup('laurel county').some((e) => e.precision === 'admin2' && e.admin1Code === 'KY')).toBe(true);
    const base = g.lookup(foldName('Incirlik Air Base'))[0];
    expect(base.country).toBe('TR');
    expect(base.code).toBe('AIRB');
  });

  it('maps demonyms to countries and countries to places', () => {
    expect(g.demonymCountry('Syrian')).toBe('SY');
    expect(g.demonymCountry('Russian')).toBe('RU');
    expect(g.demonymCountry('Springfield')).toBeNull();
    // names of peoples in the plural, and demonyms of two words
    expect(g.demonymCountry('Canadians')).toBe('CA');
    expect(g.demonymCountry('Iraqis')).toBe('IQ');
    expect(g.demonymCountry('Sri Lankan')).toBe('LK');
    expect(g.country('UA')).toMatchObject({ name: 'Ukraine', precision: 'country' });
    expect(g.country('XX')).toBeNull();
  });

  it('marks common English words', () => {
    expect(g.commonWord('reading')).toBeGreaterThan(0);
    expect(g.commonWord('kharkiv')).toBe(0);
  });

  it('looks up names in Cyrillic and Arabic script', () => {
    expect(g.lookup(foldName('Харків')).some((e) => e.country === 'UA' && e.precision === 'place')).toBe(true);
    expect(g.lookup(foldName('Київ')).some((e) => e.country === 'UA')).toBe(true);
    expect(g.lookup(foldName('حلب')).some((e) => e.country === 'SY')).toBe(true);
    expect(g.lookup(foldName('إدلب')).some((e) => e.country === 'SY')).toBe(true);
  });

  it('gives every entry both coordinates (the Holy See once had lat 0, lon null)', () => {
    for (const name of ['holy see', 'vatican', 'burma', 'drc', 'uae', 'czech republic', 'swaziland']) {
      const found = g.lookup(name);
      expect(found.length, name).toBeGreaterThan(0);
      for (const e of found) {
        expect(Number.isFinite(e.lat) && Number.isFinite(e.lon), name).toBe(true);
        expect(e.lat !== 0 || e.lon !== 0, name).toBe(true);
      }
      expect(found.some((e) => e.precision === 'country'), name).toBe(true);
    }
  });

  it("holds Who's On First's towns that GeoNames' city lists lack, and countries at their own points", () => {
    // Myanmar township seats with no people in GeoNames (data/gazetteer-wof.tsv)
    for (const name of ['pauk', 'mindat', 'paletwa']) expect(g.lookup(name).some((e) => e.country === 'MM' && e.precision === 'place')).toBe(true);
    // world-countries puts Kuwait in Saudi Arabia; the supplement moves it to GeoNames' point
    const kw = g.lookup('kuwait').find((e) => e.precision === 'country')!;
    expect(kw.lon).toBeGreaterThan(46.5);
    // …and Zambia, Somalia and Libya 180-460 km from GeoNames' points, which the supplement gives
    const at = (name: string) => g.lookup(name).find((e) => e.precision === 'country')!;
    expect(at('zambia')).toMatchObject({ lat: -14.3333, lon: 28.5 });
    expect(at('somalia')).toMatchObject({ lat: 6, lon: 48 });
    expect(at('libya')).toMatchObject({ lat: 28, lon: 17 });
  });

  it('fails with a hint when the data is missing', () => {
    expect(() => loadGazetteer('/nonexistent')).toThrow(/build:gazetteer/);
  });
});

describe('nameTokensFrom', () => {
  it('gives the most words of a name opened by a folded word, 0 when none opens one', () => {
    expect(g.nameTokensFrom('rio')).toBeGreaterThanOrEqual(3); // "rio de janeiro"
    expect(g.nameTokensFrom('new')).toBeGreaterThanOrEqual(3); // "new york city"
    expect(g.nameTokensFrom('ivano')).toBeGreaterThanOrEqual(2); // "ivano frankivsk"
    expect(g.nameTokensFrom('yesterday')).toBe(0);
    expect(g.nameTokensFrom('new york')).toBe(0); // a first word, not a phrase
  });

  it('reads an Arabic first word exactly from the names', () => {
    expect(g.nameTokensFrom('الدار')).toBeGreaterThanOrEqual(2); // "الدار البيضاء"
    expect(g.nameTokensFrom('منطقة')).toBe(8); // the longest Arabic name of the bundled data opens with it
    // every several-word Arabic name of the bundled data: its first word reaches its tokens
    const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'gazetteer');
    const names = readFileSync(join(dir, GAZETTEER_FILES.names), 'utf8').split('\n').map((l) => l.slice(0, l.indexOf('\t')));
    const most = new Map<string, number>();
    for (const k of names) {
      if (!/^[\u0600-\u06ff]+ /.test(k)) continue;
      const first = k.slice(0, k.indexOf(' '));
      most.set(first, Math.max(most.get(first) ?? 0, k.split(' ').length));
    }
    expect(most.size).toBeGreaterThan(5_000);
    for (const [first, n] of most) expect([first, g.nameTokensFrom(first)]).toEqual([first, n]);
    // a word that opens no name of several words: 0, where the hashed table answers one probe in ten with 2 or more
    expect(['قال', 'اليوم', 'وزير', 'الحكومة'].map((w) => g.nameTokensFrom(w))).toEqual([0, 0, 0, 0]);
  });
});

describe('name filter', () => {
  it('keeps every name it was built from and rules out most others', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `town ${i} ${'x'.repeat(i % 7)}`);
    const filter = buildNameFilter(names, names.length);
    for (const n of names) expect(mayHaveName(filter, n)).toBe(true);
    let passed = 0;
    for (let i = 0; i < 5000; i++) if (mayHaveName(filter, `village ${i}`)) passed++;
    expect(passed).toBeLessThan(250);
  });

  it('leaves lookups as they were', () => {
    expect(g.lookup('kharkiv').length).toBeGreaterThan(0);
    expect(g.lookup('rio de janeiro').length).toBeGreaterThan(0);
    expect(g.lookup('zzqx nowhere')).toEqual([]);
  });
});

describe('supplement recodes and moves regions', () => {
  const region = (name: string, cc: string) => g.lookup(name).find((e) => e.precision === 'admin1' && e.country === cc)!;
  it('gives a region the admin1 code of its seat', () => {
    const darfur = region('north darfur', 'SD');
    expect(darfur.admin1Code).toBe(g.lookup('el fasher').find((e) => e.country === 'SD')!.admin1Code);
    expect(region('batha', 'TD').admin1Code).toBe(g.lookup('ati').find((e) => e.country === 'TD')!.admin1Code);
    expect(region('michoacan', 'MX').admin1Code).toBe(g.lookup('morelia').find((e) => e.country === 'MX' && e.precision === 'place')!.admin1Code);
  });
  it('moves a region sitting at its country centroid to its point', () => {
    expect(region('north west', 'CM').lat).toBeGreaterThan(5.5);
    expect(region('north west', 'CM').lon).toBeLessThan(11);
  });
  it('knows region names of coded notes', () => {
    expect(region('babil', 'IQ')).toBeDefined();
    expect(region('lower shabelle', 'SO')).toBeDefined();
    expect(region('north kivu', 'CD')).toBeDefined();
  });
});

describe('SortedLines', () => {
  it('finds keys and their values as a map would, in any script', () => {
    const pairs: [string, string][] = [['US.CA.037', 'Los Angeles County'], ['US.CA.03', 'Short'], ['US.CA.0371', 'Longer'], ['UA.14.1', 'Бахмутський район'], ['SY.09.', 'empty key tail'], ['AF.a', '']];
    const sorted = [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const t = new SortedLines(sorted.map(([k, v]) => `${k}\t${v}\n`).join(''));
    expect(t.size).toBe(pairs.length);
    for (const [k, v] of pairs) expect(t.get(k)).toBe(v);
    for (const k of ['US.CA.0', 'US.CA.0372', 'US.CA.037 ', '', 'ZZ', 'A', 'UA.14.']) expect(t.get(k)).toBeNull();
    const words = new SortedLines(['apple', 'apples', 'b', 'zebra', 'ünder'].join('\n'));
    expect(['apple', 'apples', 'b', 'zebra', 'ünder'].every((w) => words.has(w))).toBe(true);
    expect(['appl', 'applesauce', 'a', 'c', 'zebras', 'under', ''].some((w) => words.has(w))).toBe(false);
    expect(new SortedLines('').has('')).toBe(false);
  });
});

describe('a gazetteer built before its tables left meta.json', () => {
  it('reads districts, words and first names from meta.json as before', () => {
    const built = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'build', 'gazetteer');
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-old-gazetteer-'));
    try {
      const tables: string[] = [GAZETTEER_FILES.admin2, GAZETTEER_FILES.words, GAZETTEER_FILES.firstNames, GAZETTEER_FILES.meta];
      for (const f of readdirSync(built)) if (!tables.includes(f)) symlinkSync(join(built, f), join(dir, f));
      const lines = (f: string) => readFileSync(join(built, f), 'utf8').split('\n').filter(Boolean);
      const meta = JSON.parse(readFileSync(join(built, GAZETTEER_FILES.meta), 'utf8'));
      meta.admin2 = Object.fromEntries(lines(GAZETTEER_FILES.admin2).map((l) => l.split('\t')));
      meta.words = lines(GAZETTEER_FILES.words);
      meta.firstNames = lines(GAZETTEER_FILES.firstNames);
      writeFileSync(join(dir, GAZETTEER_FILES.meta), JSON.stringify(meta));
      const old = loadGazetteer(dir);
      expect([old.firstName('virginia'), old.firstName('kharkiv'), old.englishWord('forest'), old.englishWord('hilton')]).toEqual([true, false, true, false]);
      const springfield = g.lookup('springfield').find((e) => e.country === 'US' && e.admin1Code === 'IL' && e.precision === 'place')!;
      expect(old.resolved(old.lookup('springfield').find((e) => e.index === springfield.index)!)).toEqual(g.resolved(springfield));
      expect(g.resolved(springfield).admin2).toBeTruthy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('linesFrom', () => {
  // a country's names sorted as whole lines, as the spelling-variant file is written
  const text = 'AA\tbelo\t1\nBB\taxe\t2\nBB\tbay\t3\nBB\tbox\t4\nBB\tdune\t5\nCC\tarc\t6\n';
  const lineAt = (at: number) => text.slice(at, text.indexOf('\n', at));
  it('finds the first line of a prefix, or where it would go', () => {
    expect(lineAt(linesFrom(text, 'BB\tb'))).toBe('BB\tbay\t3');
    expect(lineAt(linesFrom(text, 'BB\tc'))).toBe('BB\tdune\t5');
    expect(lineAt(linesFrom(text, 'BB\t'))).toBe('BB\taxe\t2');
    expect(linesFrom(text, 'AA')).toBe(0);
    expect(linesFrom(text, 'ZZ\ta')).toBe(text.length);
  });
  it('gives the lines of one letter between two bisections', () => {
    const from = linesFrom(text, 'BB\tb');
    const to = linesFrom(text, 'BB\tc');
    expect(text.slice(from, to)).toBe('BB\tbay\t3\nBB\tbox\t4\n');
    expect(linesFrom(text, 'BB\te')).toBe(linesFrom(text, 'BB\tf'));
  });
});
