/** Helpers the per-language data files share to write their rows. */
import type * as chrono from 'chrono-node';
import type { LexiconTrigger } from './index.js';

export const EXP = 'explosions_remote_violence';
export const BAT = 'battles';
export const VAC = 'violence_against_civilians';
export const STR = 'strategic_developments';

/** The lookbehind that opens every trigger row: no letter before. */
const WORD_START = '(?<!\\p{L})';

/**
 * A trigger row over lower- or mixed-case text. `\b` knows only ASCII letters, so word edges are
 * lookarounds on `\p{L}`; the rest of the word after the stem is taken with a bounded run.
 * `lead` is what may stand before the stem inside the word (Arabic proclitics).
 */
export function trigger(re: string, category: string, type: string, tags: string[], weight: number, lead = ''): LexiconTrigger {
  return { pattern: new RegExp(`${WORD_START}${lead}(?:${re})\\p{L}{0,12}`, 'giu'), category, type, tags, weight };
}

/** A word pattern over one lower-case token: the stems given, any ending. */
export function stems(list: string): RegExp {
  return new RegExp(`^(?:${list})`, 'u');
}

/** Number words: `"три трех трёх трем тремя": 3` style rows, every form one value. */
export function numberTable(rows: Record<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [forms, n] of Object.entries(rows)) for (const f of forms.split(' ')) if (f) out.set(f, n);
  return out;
}

/**
 * The rows joined into one scan (one pass over the text instead of one per row): a named group
 * per row tells which matched; at one position the earlier row wins, as in event-lexicon.ts.
 */
export function joinTriggers(rows: readonly LexiconTrigger[]): RegExp {
  // a run of rows that open with the same lookbehind says it once: tried at every position by each
  // row, it was most of the scan's cost; the groups and the order of the rows are as before
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) parts.push(`${WORD_START}(?:${run.join('|')})`);
    run = [];
  };
  rows.forEach((r, i) => {
    const s = r.pattern.source;
    if (s.startsWith(WORD_START)) run.push(`(?<r${i}>${s.slice(WORD_START.length)})`);
    else {
      flush();
      parts.push(`(?<r${i}>${s})`);
    }
  });
  flush();
  return new RegExp(parts.join('|'), 'giu');
}

/** Demonym rows `"российск RU, московск Moscow"` as a map and one pattern over a lower-case word. */
export function demonymTable(rows: string): { demonyms: Map<string, string>; demonymScan: RegExp } {
  const demonyms = new Map<string, string>();
  for (const row of rows.split(',')) {
    // a stem and what it names, "_" for a space in the name: a row of other shape is a bad table
    const parts = row.trim().split(/\s+/);
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new Error(`demonym table: bad row "${row.trim()}" (want "stem Name", "_" for a space)`);
    demonyms.set(parts[0], parts[1].replace(/_/g, ' '));
  }
  const stems = [...demonyms.keys()].sort((a, b) => b.length - a.length);
  return { demonyms, demonymScan: new RegExp(`^(?:${stems.join('|')})`, 'u') };
}

/**
 * Place names a language's lexicon adds (`"Велика Британія GB, Херсонщина Kherson"`): each by its
 * lower-case form and by the stems of its words (`~` + stems), so every case form meets it
 * ("Великобританії", "Німеччині").
 */
export function placeTable(rows: string, stem: (w: string) => string, endings: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows.split(',')) {
    const m = /^\s*(.+?)\s+(\S+)\s*$/.exec(row);
    if (!m) continue;
    const lower = m[1].toLowerCase();
    // a gazetteer name of several words is written with underscores ("Chechen_Republic")
    const to = m[2].replace(/_/g, ' ');
    out.set(lower, to);
    out.set('~' + lower.split(' ').map(stem).join(' '), to);
    // and without its case ending, which an inflected form's stem may keep ("беларусь" → "беларус", as "беларуси")
    if (!lower.includes(' ')) for (const e of endings) if (lower.length - e.length >= 3 && lower.endsWith(e)) out.set('~' + lower.slice(0, -e.length), to);
  }
  return out;
}

/** A parser that can match only in a text where `needs` matches: the probe skips it elsewhere (src/lang/chrono.ts). */
export type NeedingParser = chrono.Parser & { needs?: RegExp };
const YEAR_DIGITS = /(?:1[89]|20)\d\d/;

/**
 * The language's chrono configuration with one parser more: a year written as a year ("в 2010
 * году", "у 2015 році", "عام 2010", "с 2006 года"), which chrono's ru, uk and ar locales leave out.
 * `before` and `after` are the words that make a four-digit number a year.
 */
export function withYears(base: chrono.Chrono, before: string, after: string): chrono.Chrono {
  const c = base.clone();
  const pattern = new RegExp(`(?<!\\p{L})(?:(?:${before})\\s+((?:1[89]|20)\\d\\d)(?!\\d)(?:\\s*(?:${after})(?!\\p{L}))?|((?:1[89]|20)\\d\\d)\\s*(?:${after})(?!\\p{L}))`, 'iu');
  const parser: NeedingParser = {
    pattern: () => pattern,
    extract: (_context, match) => ({ year: Number(match[1] ?? match[2]) }),
    // every match holds a year: a sentence without four such digits is not searched (src/lang/chrono.ts)
    needs: YEAR_DIGITS,
  };
  c.parsers.push(parser);
  return c;
}

/** A date a phrase names relative to the day of writing: whole years, months or days back (negative) or on. */
export interface RelativeRow {
  pattern: string;
  /** Words every match of `pattern` holds (a pattern, matched case-insensitively): where none stands, the row is not searched for. */
  cue: string;
  /** From the match to the date: `years` on from the reference year, or `days` on from the reference day, and a month when the phrase names a season. */
  value(match: RegExpMatchArray): { years?: number; days?: number; month?: number; date?: [number | undefined, number, number] } | null;
}

/**
 * The language's chrono configuration with parsers for phrasings its locale leaves out: dates
 * relative to the day of writing ("осенью прошлого года", "в конце прошлой недели", "накануне")
 * and years standing alone where only a year can stand ("(2003—2011)", "Олимпиаде-2016", "в 1958,
 * 1962 и 1970 годах"). Patterns are compiled once, here.
 */
export function withPhrases(base: chrono.Chrono, relative: readonly RelativeRow[], yearsAfter: string): chrono.Chrono {
  const c = base.clone();
  type Extract = (ref: Date, match: RegExpExecArray) => { year?: number; month?: number; day?: number } | null;
  const rows: { source: string; flags: string; extract: Extract }[] = [];
  for (const row of relative) {
    rows.push({
      // the opening lookbehind is shared in the scan below
      source: `(?<!\\p{L})(?:${row.pattern})(?!\\p{L})`,
      flags: 'iu',
      extract: (ref, match) => {
        const v = row.value(match);
        if (!v) return null;
        // a day of a month written out, its year the reference's unless written
        if (v.date) return v.date[0] ? { year: v.date[0], month: v.date[1], day: v.date[2] } : { month: v.date[1], day: v.date[2] };
        if (v.days !== undefined) {
          const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate() + v.days));
          return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        }
        const year = ref.getUTCFullYear() + (v.years ?? 0);
        return v.month ? { year, month: v.month } : { year };
      },
    });
  }
  const Y = '(?:1[89]|20)\\d\\d';
  const year: Extract = (_ref, match) => ({ year: Number(match[1] ?? match[2]) });
  // chrono drops a result that is digits alone (its UnlikelyFormatFilter): each pattern takes a mark beside the year
  rows.push(
    // a year or a span of years in brackets, alone or after a title: "(2003—2011)", "(«Лили», 1953)", "(1996—98)"
    { source: `(?:\\(\\s?|,\\s)(${Y})(?:\\s*[—–-]\\s*(?:${Y}|\\d\\d))?\\s*\\)`, flags: 'u', extract: year },
    // a span of years written out: "2013-2014", "2017—2018"
    { source: `(?<![\\d.,])(${Y})\\s*[—–]\\s*(?:${Y})(?![\\d.,])|(?<![\\d.,-])(${Y})-(?:${Y})(?![\\d.,-])`, flags: 'u', extract: year },
    // a year joined to a name: "Олимпиаде-2016", "Евро-2012" (the hyphen before the letter behind it:
    // the same matches, and the scan tries \p{L} only at a hyphen, not at every character)
    { source: `-(?<=\\p{L}-)(${Y})(?!\\d)`, flags: 'u', extract: year },
    // the years of a list that ends in the word for years: "в 1958, 1962 и 1970 годах"
    { source: `(?<!\\d)(${Y})\\s*(?:,|и|і|та)(?=(?:\\s*${Y}\\s*,)*\\s*${Y}\\s*(?:${yearsAfter})(?!\\p{L}))`, flags: 'iu', extract: year },
  );
  // one scan over the sentence for all rows (chrono runs every parser's pattern over it); the row
  // that matched is found again at the match's place, with its own groups. The relative rows (first)
  // share their opening lookbehind, said once: tried at every position by each row, it was 4/5 of the scan's cost
  const opening = '(?<!\\p{L})';
  const shared = rows.slice(0, relative.length).map((r) => `(?:${r.source.slice(opening.length)})`);
  const scan = new RegExp([...(shared.length ? [`${opening}(?:${shared.join('|')})`] : []), ...rows.slice(relative.length).map((r) => `(?:${r.source})`)].join('|'), 'iu');
  const sticky = rows.map((r) => new RegExp(r.source, r.flags + 'y'));
  const parser: NeedingParser = {
    pattern: () => scan,
    // every row's match holds its cue, and every year row's a year (src/lang/chrono.ts skips the parser where none stands)
    needs: new RegExp([...relative.map((r) => `(?:${r.cue})`), YEAR_DIGITS.source].join('|'), 'iu'),
    extract: (context, match) => {
      for (let k = 0; k < rows.length; k++) {
        const re = sticky[k];
        re.lastIndex = match.index ?? 0;
        const m = re.exec(context.text);
        if (m && m[0].length === match[0].length) return rows[k].extract(context.refDate, m);
      }
      return null;
    },
  };
  c.parsers.push(parser);
  return c;
}
