/**
 * A locale's chrono, as fast as the English date stage's (src/extract/dates.ts `parseDates`).
 * chrono runs every parser's pattern over every sentence, and its ru, uk and ar parsers rebuild
 * their patterns (1-2 kB of source each) on every call. Here each pattern is compiled once, and one
 * zero-width scan (a lookahead over all patterns that open with the locale's word boundary) finds
 * where some parser can match; a parser runs only if its pattern fits at one of those places (or,
 * for patterns of another opening, anywhere). A parser whose pattern fits nowhere returns nothing,
 * so the results are chrono's own.
 */
import * as chrono from 'chrono-node';
import { joinFactored, matchStarts } from '../extract/scan.js';
import { keyAt, type OpeningIndex } from '../extract/prefix-filter.js';
import type { NeedingParser } from './rows.js';

/** The left boundary of the ru, uk and ar parsers (chrono's `REGEX_PARTS.leftBoundary`). */
const BOUNDARY = '([^\\p{L}\\p{N}_]|^)';

/**
 * A parser to run, and where its matches are: chrono searches `pattern.exec(text.substring(from))`
 * for the next one (`rest`); where a joined scan found every place the parser's pattern may start
 * (`at`), its sticky copy (`own`) is tried only there (`matchAt`). `first`: the first match, found
 * already (by the probe), or null.
 */
export interface ParserRun {
  parser: chrono.Parser;
  rest: RegExp;
  own: RegExp | null;
  at: readonly number[];
  first: RegExpExecArray | null;
  /**
   * Where the pattern's body (after its left boundary `(\W|^)`) may open (prefix-filter.ts), when
   * read: the search of the rest of the text after a match is skipped where the body cannot start
   * at the rest's first character (`^`) nor after it (`\W`).
   */
  opens?: OpeningIndex | null;
}

/** The match chrono's search from `from` finds, its index in `text`. */
function nextMatch(run: ParserRun, text: string, from: number): RegExpExecArray | null {
  if (from === 0 && run.first) return run.first;
  if (run.own) return matchAt(run.own, text, run.at, from, run.opens);
  // chrono's own search: the rest of the text as a string of its own (where `^` holds at its start)
  const m = run.rest.exec(from ? text.substring(from) : text);
  if (m && from) m.index += from;
  return m;
}

/**
 * chrono's search, tried only where a pattern can start: `at` (ascending) holds every position of
 * `text` where `sticky` (the pattern chrono searches with, sticky) may match. chrono's leftmost
 * match is the first of them where it does; after `from`, the rest of the text is searched as
 * chrono does at its first position (`^` holds there) and at the positions of `at` beyond it, where
 * the pattern reads the same characters as in the rest alone (it has no lookbehind: `joinable`).
 */
export function matchAt(sticky: RegExp, text: string, at: readonly number[], from: number, opens: OpeningIndex | null = null): RegExpExecArray | null {
  if (from > 0 && (!opens || mayOpenAfter(opens, text, from))) {
    sticky.lastIndex = 0;
    const m = sticky.exec(text.substring(from));
    if (m) {
      m.index += from;
      return m;
    }
  }
  for (let i = 0; i < at.length; i++) {
    const p = at[i];
    if (p < from || (from > 0 && p === from)) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m) return m;
  }
  return null;
}

/** ASCII word characters (a non-unicode `\w`). */
const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * Whether a pattern `(\W|^)body`, searched in the rest of the text from `from` on, may match at the
 * rest's start: the body opening there (`^`), or a non-word character there and the body after it.
 */
function mayOpenAfter(opens: OpeningIndex, text: string, from: number): boolean {
  if (opens.groupOf[keyAt(text, from)]) return true;
  return from < text.length && !isWordCode(text.charCodeAt(from)) && opens.groupOf[keyAt(text, from + 1)] !== 0;
}

/**
 * `Chrono.parse` over the given parsers, each searching where its run says: the same results,
 * objects and order as chrono's own loop (`Chrono.executeParser`, then the refiners).
 */
export function parseRuns(runs: readonly ParserRun[], refiners: readonly chrono.Refiner[], text: string, ref?: chrono.ParsingReference | Date, option?: chrono.ParsingOption): chrono.ParsedResult[] {
  const context = new chrono.ParsingContext(text, ref, option);
  let results: chrono.ParsingResult[] = [];
  for (const run of runs) results = results.concat(execute(context, run));
  results.sort(byIndex);
  for (const refiner of refiners) results = refiner.refine(context, results);
  return results;
}

const byIndex = (a: chrono.ParsingResult, b: chrono.ParsingResult) => a.index - b.index;

/** chrono's `executeParser` (2.10), with the search for the next match given. */
function execute(context: chrono.ParsingContext, run: ParserRun): chrono.ParsingResult[] {
  const results: chrono.ParsingResult[] = [];
  const text = context.text;
  const parser = run.parser;
  let match = nextMatch(run, text, 0);
  while (match) {
    const result = parser.extract(context, match);
    if (!result) {
      // the index the parser may have moved (past the left boundary it reads)
      match = nextMatch(run, text, match.index + 1);
      continue;
    }
    let parsed: chrono.ParsingResult;
    if (result instanceof chrono.ParsingResult) parsed = result;
    else if (result instanceof chrono.ParsingComponents) {
      parsed = context.createParsingResult(match.index, match[0]);
      parsed.start = result;
    } else parsed = context.createParsingResult(match.index, match[0], result);
    results.push(parsed);
    match = nextMatch(run, text, parsed.index + parsed.text.length);
  }
  return results;
}

interface Probe {
  parser: chrono.Parser;
  /** Sticky and tried where the joined scan stops, or searched by itself (a pattern of another opening); null: always run. */
  pattern: RegExp | null;
  joined: boolean;
  /** The pattern chrono searches with. */
  rest: RegExp;
  /** A pattern every match of the parser's holds somewhere (`NeedingParser`): where it fails, the parser is not tried. */
  needs: RegExp | null;
}

/** The patterns of one value of `forwardDate` (the only option a pattern of these locales reads). */
interface Compiled {
  parsers: chrono.Parser[];
  probes: Probe[];
  anywhere: RegExp | null;
  /** The probe of the clock-time parser (`ProbeOptions.clock`), or -1. */
  clock: number;
  clockKept: RegExp | null;
}

/** What a locale tells `probed` of its parsers. */
export interface ProbeOptions {
  /**
   * The parser of clock times (by its class name, e.g. "RUTimeExpressionParser"), whose pattern
   * takes any number: alone it yields times without a day, month, year or weekday, and text no
   * relative-date word of the lexicon matches, which the date stage drops (`hasDatePart`). With
   * `datesOnly` it is tried only where another parser fits.
   */
  clock?: string;
  /**
   * With `clock`, a text this matches keeps the clock parser even alone: for a locale whose
   * relative-date words (`Lexicon.relativeDate`, unanchored) make the date stage keep a clock time
   * whose text holds one ("10 مساء"), the gate then drops only times the stage drops.
   */
  clockKept?: RegExp;
}

/** chrono's options, and `datesOnly`: a text where no parser but the clock's fits gets no parse (its times alone are no dates). */
export type ProbedOption = chrono.ParsingOption & { datesOnly?: boolean };

/**
 * The letters, digits and "_" of the blocks these locales write in (ASCII, Cyrillic, Arabic), as
 * ranges of a class. The joined scan's boundary is any character but these: a superset of the
 * parsers' own (`BOUNDARY`, anything but a letter, digit or "_"), so the scan stops wherever a
 * parser may match (and where a letter of another block stands, which its sticky pattern refuses),
 * and a class of a few ranges costs the scan a fifth less than \p{L} tried at every character.
 */
const WORD_RANGES = ((): string => {
  const word = /^[\p{L}\p{N}_]$/u;
  const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;
  let out = '';
  for (const [from, to] of [[0x30, 0x7f], [0x400, 0x4ff], [0x600, 0x6ff]]) {
    let start = -1;
    for (let c = from; c <= to + 1; c++) {
      const w = c <= to && word.test(String.fromCharCode(c));
      if (w && start < 0) start = c;
      else if (!w && start >= 0) {
        out += `${hex(start)}-${hex(c - 1)}`;
        start = -1;
      }
    }
  }
  return out;
})();

/**
 * A pattern's source with its groups made non-capturing (`(` and `(?<name>` as `(?:`), escapes and
 * character classes read past: it matches where the pattern does. Only for a source without
 * back-references (`joinable`), which would read the groups.
 */
export function uncaptured(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '(' && source[i + 1] !== '?') out += '(?:';
    else if (c === '(' && source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') {
      // a named group: "(?<name>" as "(?:"
      out += '(?:';
      i = source.indexOf('>', i);
    } else out += c;
  }
  return out;
}

/** A pattern the joined scan can find: the common opening, no back-reference, no lookbehind (`matchAt`). */
const joinable = (re: RegExp) => re.flags === 'iu' && re.source.startsWith(BOUNDARY) && !/\\[1-9k]|\(\?<[=!]/.test(re.source);

function compile(base: chrono.Chrono, forwardDate: boolean, { clock: clockName, clockKept }: ProbeOptions): Compiled {
  const context = new chrono.ParsingContext('', new Date(0), { forwardDate });
  const patterns = base.parsers.map((p) => p.pattern(context));
  // the same parser with its pattern fixed: chrono calls `pattern` once per parse
  const parsers: chrono.Parser[] = base.parsers.map((p, i) => ({ pattern: () => patterns[i], extract: (c, m) => p.extract(c, m) }));
  const probes: Probe[] = parsers.map((parser, i) => {
    const re = patterns[i];
    const needs = (base.parsers[i] as NeedingParser).needs ?? null;
    if (joinable(re)) return { parser, pattern: new RegExp(re.source, 'iuy'), joined: true, rest: re, needs };
    // a global or sticky pattern keeps a lastIndex the probe would move: such a parser always runs
    return { parser, pattern: re.global || re.sticky ? null : re, joined: false, rest: re, needs };
  });
  // without their groups: the scan only says where (a group is a slot filled at every try)
  const joined = patterns.filter(joinable).map((re) => uncaptured(re.source.slice(BOUNDARY.length)));
  // the boundary said once, outside the lookahead: most positions fail it before any pattern is tried;
  // the parsers that open or end alike (ru, uk: durations) share that part, said once (`joinFactored`)
  const anywhere = joined.length ? new RegExp(`(?:[^${WORD_RANGES}]|^)(?=${joinFactored(joined)})`, 'giu') : null;
  // not found (a bundler renamed the class): every parser is tried, as chrono does
  const clock = clockName ? base.parsers.findIndex((p) => p.constructor.name === clockName) : -1;
  return { parsers, probes, anywhere, clock, clockKept: clockKept ?? null };
}

/**
 * The parsers of `c` whose pattern fits somewhere in `text`, in chrono's order, each with where to
 * search: a joined one from its first fit on (`matchAt`), another from the match its probe found.
 * With `datesOnly`, the clock parser is tried only once another fits (none: no runs at all).
 */
function fitting(c: Compiled, text: string, datesOnly: boolean): ParserRun[] {
  const at = c.anywhere ? matchStarts(c.anywhere, text) : [];
  const out: ParserRun[] = [];
  const gated = datesOnly && !c.clockKept?.test(text) ? c.clock : -1;
  let clockAt = -1;
  for (let i = 0; i < c.probes.length; i++) {
    if (i === gated) {
      clockAt = out.length;
      continue;
    }
    const run = fits(c.probes[i], text, at);
    if (run) out.push(run);
  }
  if (clockAt >= 0 && out.length) {
    const run = fits(c.probes[gated], text, at);
    if (run) out.splice(clockAt, 0, run);
  }
  return out;
}

/** The run of a probe's parser when its pattern fits somewhere in `text` (`at`: where the joined scan stopped), else null. */
function fits(probe: Probe, text: string, at: readonly number[]): ParserRun | null {
  const { parser, pattern, joined, rest, needs } = probe;
  if (needs && pattern && !needs.test(text)) return null;
  if (!pattern) return { parser, rest, own: null, at, first: null };
  if (joined) {
    const first = matchAt(pattern, text, at, 0);
    return first ? { parser, rest, own: pattern, at, first } : null;
  }
  // chrono's first search, made here: the pattern is chrono's own, not global, so it keeps no state
  const first = pattern.exec(text);
  return first ? { parser, rest, own: null, at, first } : null;
}

/** `base` (a locale's casual chrono, with parsers added) parsing only with the parsers that can find something. */
export function probed(base: chrono.Chrono, options: ProbeOptions = {}): chrono.Chrono {
  const byForward = { false: compile(base, false, options), true: compile(base, true, options) };
  const refiners = [...base.refiners];
  const out = base.clone();
  out.parse = (text, ref, option?: ProbedOption) => {
    const runs = fitting(byForward[option?.forwardDate ? 'true' : 'false'], text, !!option?.datesOnly);
    // no parser, no result: every refiner maps an empty list to an empty list
    if (!runs.length) return [];
    return parseRuns(runs, refiners, text, ref, option);
  };
  return out;
}
