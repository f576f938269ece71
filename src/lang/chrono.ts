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
import { matchStarts } from '../extract/scan.js';

/** The left boundary of the ru, uk and ar parsers (chrono's `REGEX_PARTS.leftBoundary`). */
const BOUNDARY = '([^\\p{L}\\p{N}_]|^)';

interface Probe {
  parser: chrono.Parser;
  /** Sticky and tried where the joined scan stops, or searched by itself (a pattern of another opening); null: always run. */
  pattern: RegExp | null;
  joined: boolean;
}

/** The patterns of one value of `forwardDate` (the only option a pattern of these locales reads). */
interface Compiled {
  parsers: chrono.Parser[];
  probes: Probe[];
  anywhere: RegExp | null;
}

function compile(base: chrono.Chrono, forwardDate: boolean): Compiled {
  const context = new chrono.ParsingContext('', new Date(0), { forwardDate });
  const patterns = base.parsers.map((p) => p.pattern(context));
  // the same parser with its pattern fixed: chrono calls `pattern` once per parse
  const parsers: chrono.Parser[] = base.parsers.map((p, i) => ({ pattern: () => patterns[i], extract: (c, m) => p.extract(c, m) }));
  const joinable = (re: RegExp) => re.flags === 'iu' && re.source.startsWith(BOUNDARY) && !/\\[1-9k]/.test(re.source);
  const probes: Probe[] = parsers.map((parser, i) => {
    const re = patterns[i];
    if (joinable(re)) return { parser, pattern: new RegExp(re.source, 'iuy'), joined: true };
    // a global or sticky pattern keeps a lastIndex the probe would move: such a parser always runs
    return { parser, pattern: re.global || re.sticky ? null : re, joined: false };
  });
  const joined = patterns.filter(joinable).map((re) => `(?:${re.source.slice(BOUNDARY.length)})`);
  // the boundary said once, outside the lookahead: most positions fail it before any pattern is tried
  const anywhere = joined.length ? new RegExp(`(?:[^\\p{L}\\p{N}_]|^)(?=${joined.join('|')})`, 'giu') : null;
  return { parsers, probes, anywhere };
}

/** The parsers of `c` whose pattern fits somewhere in `text`, in chrono's order. */
function fitting(c: Compiled, text: string): chrono.Parser[] {
  const at = c.anywhere ? matchStarts(c.anywhere, text) : [];
  const out: chrono.Parser[] = [];
  for (const { parser, pattern, joined } of c.probes) {
    if (!pattern || (joined ? at.some((p) => ((pattern.lastIndex = p), pattern.test(text))) : pattern.test(text))) out.push(parser);
  }
  return out;
}

/** `base` (a locale's casual chrono, with parsers added) parsing only with the parsers that can find something. */
export function probed(base: chrono.Chrono): chrono.Chrono {
  const byForward = { false: compile(base, false), true: compile(base, true) };
  const refiners = [...base.refiners];
  const out = base.clone();
  out.parse = (text, ref, option) => {
    const parsers = fitting(byForward[option?.forwardDate ? 'true' : 'false'], text);
    // no parser, no result: every refiner maps an empty list to an empty list
    if (!parsers.length) return [];
    // chrono's own parse, over these parsers
    return chrono.Chrono.prototype.parse.call({ parsers, refiners } as unknown as chrono.Chrono, text, ref, option);
  };
  return out;
}
