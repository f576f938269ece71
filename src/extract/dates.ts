/**
 * Dates in the text, resolved against the publication date (chrono-node does the parsing).
 *
 * News is about the past: a bare weekday ("shot down Monday") or a month without a year that chrono
 * places after publication is moved back one week or one year. Relative expressions ("a couple of
 * weeks ago", "last month") get the precision of their unit. Without a publication date nothing is
 * anchored, so only dates that state their year, month (and day) come out. Which date belongs to
 * which incident is left to the report builder.
 */
import * as chrono from 'chrono-node';
import type { DateAnnotation, DateInterval, DatePrecision, Stage } from '../model/index.js';
import { addDays, isoDate, parseIsoDate } from './calendar.js';
import { joinFactored, matchStarts } from './scan.js';
import { openingIndex, type OpeningIndex } from './prefix-filter.js';
import { lexiconFor, type Lexicon } from '../lang/index.js';
import { parseRuns, type ParserRun, type ProbedOption } from '../lang/chrono.js';

/** Future-tense cues: "next Monday", "will meet on Friday" may lie after publication. */
const FUTURE_CUE = /\b(next|coming|will|won['’]t|shall|is due|are due|scheduled|planned|upcoming|expected to)\b/i;
/** Words that make a date relative to the day of writing: meaningless without a publication date. */
const RELATIVE = /\b(?:ago|last|next|yesterday|today|tonight|tomorrow|this|earlier|later|past|coming)\b/i;
/** A span up to the day of writing: "over the past week", "in the last 24 hours", "during the past two months". */
const RECENT_SPAN = /\b(?:over|in|during|within|for|of)\s+(?:the\s+)?(?:past|last)\s+(?:(\d+|two|three|four|five|six|seven|ten|several|few)\s+)?(hour|day|week|month)s?\b/gi;
/** A word every RECENT_SPAN match holds. */
const RECENT_CUE = /past|last/i;
const SPAN_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, several: 3, few: 3 };
/**
 * "killed in 7 days of operations", "105 murders in 15 days": a count over days that end at the
 * report, when nothing says when they were (a week ending at publication).
 */
const DAYS_SPAN = /\b(?:in|over|during|within)\s+(?:just\s+|only\s+)?(?:(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week)s|(?:1|one|a single|a)\s+day|24\s+(?:hours|hrs))\b(?!\s+(?:ago|before|after|later|earlier|of (?:mourning|talks)))/gi;
/** "first … in 3 weeks": what follows is the gap since the last such incident. */
const FIRST_BEFORE = /\bfirst\b[^.;:]{0,60}$/i;
/** A word every DAYS_SPAN match holds: "day(s)", "weeks", "hours", "hrs". */
const DAYS_CUE = /day|week|hours|hrs/i;
const STATED_YEAR = /\b(?:1[89]|20)\d\d\b/;
/** "now", "currently": the time of writing, not of any incident. */
const NOT_A_DATE = /^(?:now|right now|currently|at present|just now)$/i;
/** "three hours later", "20 minutes earlier": a time within the story, no date of its own. */
const CLOCK_SPAN = /\b(?:seconds?|minutes?|hours?)\b/i;
/** "sat", "sun", "wed" in lower case are words ("she sat", "the sun"), not weekdays. */
const LOWER_WEEKDAY = /^(?:sun|mon|tue|tues|wed|thu|thur|thurs|fri|sat)\.?$/;
/** "1/2" alone is a half (a mile, a score), not the 2nd of January. */
const BARE_FRACTION = /^\d{1,2}\/\d{1,2}$/;
/** "two months after", "four weeks later", "a day before": an offset from an event it does not name, no date. */
const OFFSET = /^(?:an?|the|\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|few|a few)\s+(?:days?|weeks?|months?|years?)\s+(?:after|later|before|earlier)$/i;
/**
 * "for 10 years", "after four years", "in two weeks", "in the day": a length of time, no day
 * (chrono reads it as a day counted from publication).
 */
const DURATION = /^(?:(?:for|after|in|within|over)\s+(?:about\s+|nearly\s+|almost\s+|more than\s+|over\s+|the\s+(?:past\s+|last\s+)?)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|several|few|many|a few)\s+(?:years?|months?|weeks?|days?|decades?)|in the day)$/i;
/** "march", "may" in lower case are a verb and a modal ("will march to city hall"), not months. */
const LOWER_MONTH = /^(?:march|may)$/;
/** "Sun" of "Sun-Times", "Wed" alone: a weekday's abbreviation stands for a day only with a period or a date after it. */
const BARE_ABBREVIATION = /^(?:Sun|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat)$/i;
/** "born April 6, 2009", "Date of Birth: 01/6/1992": a birthday, no day of the story. */
const BIRTH_BEFORE = /\b(?:born|birth|DOB)\b[\s:,]*(?:on\s+|in\s+)?$/i;
const UNIT_WEEK = /\bweeks?\b/i;
const UNIT_MONTH = /\bmonths?\b/i;
const UNIT_YEAR = /\byears?\b/i;
/**
 * The name of a periodical before its date ("security update 15 January 2018", "Security Memo:
 * July 2, 2007", "news digest for May 3", "Situation Report 15 June 2014"): the issue's date, the
 * day of publication, not the incident's.
 */
const ISSUE_BEFORE = /\b(?:update|memo|briefs?|briefing|digest|round-?up|bulletin|summary|newsletter|sitrep|situation report|news)\s*(?:[:,\u2013\u2014-]\s*|\s+(?:for|of)\s+(?:today\s+)?)?$/i;
/** How far into a sentence a periodical's date stands: its title, not a later clause. */
const ISSUE_REACH = 80;
/** chrono's "weekend" is its Saturday (its Sunday after "last"): the span is both days. */
const WEEKEND = /\bweekend\b/i;
/** "weekday" is no day. */
const WEEKDAY_WORD = /\bweekdays?\b/i;
/** "on Saturday and Sunday", "between Friday and Sunday": one span, not two days. */
const DAY_AND_DAY = /^\s*(?:and|to|through|until|till|[\u2013-])\s*$/i;
/** Parts of a day ("overnight", "last night") that chrono does not anchor on their own. */
const OVERNIGHT = /\b(overnight|last night)\b/gi;
/** A word every OVERNIGHT match holds. */
const NIGHT_CUE = /night/i;

/**
 * chrono runs 18 regex parsers over every sentence, and most find nothing there. One zero-width
 * pass (a lookahead over all their patterns) finds the positions where some parser's pattern
 * matches; each parser is then tried only at those, anchored, and runs only if one fits. A parser
 * whose pattern fits nowhere in the sentence would return nothing (its first search is over the
 * whole sentence), so the results are chrono's own. A pattern with flags other than "i" or
 * back-references keeps its parser running always.
 */
const CASUAL = chrono.en.configuration.createCasualConfiguration(false);
/** The options of every parse: they also pick the pattern of the "within …" parser. */
const PARSE_OPTIONS = { forwardDate: false } as const;
/** A locale's parse (src/lang/chrono.ts): a sentence where only clock times can be found gets none, as `parseDates(…, true)`. */
const LOCALE_OPTIONS: ProbedOption = { ...PARSE_OPTIONS, datesOnly: true };
const WORD_START = '(\\W|^)';

/**
 * The parser of clock times ("at 10", "200 million" reads as one): alone it yields times without a
 * day, month or year, which no refiner dates on its own and `hasDatePart` drops.
 */
const CLOCK_ONLY = 'ENTimeExpressionParser';

interface Probe {
  parser: chrono.Parser;
  /**
   * How to tell whether the parser's pattern fits somewhere: 'joined' (its pattern opens with
   * `(\W|^)` and is in the joined scan; `pattern` is sticky, tried where that scan stops),
   * 'alone' (`pattern` is searched by itself, as chrono's first search does) or 'always'.
   */
  how: 'joined' | 'alone' | 'always';
  pattern: RegExp;
  /** A joined parser's own pattern, sticky: its matches are searched only where the joined scan stops (`matchAt`). */
  own: RegExp | null;
  /** The pattern chrono searches with. */
  rest: RegExp;
  /** The parser of clock times (CLOCK_ONLY), whose pattern matches in a third of sentences. */
  clock: boolean;
  /** Where a joined parser's pattern may open after its left boundary (`ParserRun.opens`). */
  opens: OpeningIndex | null;
}

/**
 * A probe's pattern: the parser's own with bounded runs of spaces (`\s{0,5}`) left unbounded. It
 * matches wherever the parser's does (and a little more, which only runs a parser for nothing), and
 * V8 compiles it in a fraction of the time: it unrolls a bounded quantifier, and chrono's "3 days
 * ago" and "2 weeks later" patterns, with several inside a repeated group, took ~80 ms each to compile
 * and the joined scan ~200 ms, a third of a one-document `sitrep extract`. chrono's own pattern is
 * compiled only when a sentence has something of the kind.
 */
const relaxed = (source: string) => source.replace(/\\s\{0,\d+\}/g, '\\s*');

function probes(): { list: Probe[]; anywhere: RegExp | null } {
  const context = new chrono.ParsingContext('', new Date(0), PARSE_OPTIONS);
  const list: Probe[] = CASUAL.parsers.map((parser) => {
    const re = parser.pattern(context);
    const clock = parser.constructor.name === CLOCK_ONLY;
    const rest = re;
    if (re.flags !== 'i' || /\\[1-9k]/.test(re.source)) return { parser, how: 'always', pattern: re, own: null, rest, clock, opens: null };
    // a pattern without the common opening would be tried at every position of the joined scan;
    // one with a lookbehind would read before the rest of the text chrono searches (`matchAt`)
    if (!re.source.startsWith(WORD_START) || /\(\?<[=!]/.test(re.source)) return { parser, how: 'alone', pattern: new RegExp(relaxed(re.source), 'i'), own: null, rest, clock, opens: null };
    // the relaxed body's openings: a superset of the own pattern's
    const opens = openingIndex([new RegExp(relaxed(re.source).slice(WORD_START.length), 'i')]);
    return { parser, how: 'joined', pattern: new RegExp(relaxed(re.source), 'iy'), own: new RegExp(re.source, 'iy'), rest, clock, opens };
  });
  // said once outside, `(\W|^)` lets the engine skip most positions; the parsers of durations ("3 days
  // ago", "2 weeks later", "in 5 days", "last 2 weeks") share their long number-and-unit part, said once
  const joined = list.filter((p) => p.how === 'joined').map((p) => p.pattern.source.slice(WORD_START.length));
  return { list, anywhere: joined.length ? new RegExp(`(?:\\W|^)(?=${joinFactored(joined)})`, 'gi') : null };
}
const PROBES = probes();

/** Whether a probe's pattern fits somewhere in the sentence (`at`: where the joined scan stopped). */
function fits({ how, pattern }: Probe, sentence: string, at: readonly number[]): boolean {
  if (how === 'always') return true;
  if (how === 'alone') return pattern.test(sentence);
  for (let i = 0; i < at.length; i++) {
    pattern.lastIndex = at[i];
    if (pattern.test(sentence)) return true;
  }
  return false;
}

/** A probe's parser, searching where chrono would find its matches. */
function runOf(probe: Probe, at: readonly number[]): ParserRun {
  return { parser: probe.parser, rest: probe.rest, own: probe.own, at, first: null, opens: probe.opens };
}

/**
 * The parsers whose pattern fits somewhere in the sentence, in chrono's order. With `datesOnly`
 * (clock times alone are dropped), the clock parser's pattern is tried only once another parser
 * fits: where none does, the sentence gets no parse whatever the clock parser would find.
 */
function parsersFor(sentence: string, datesOnly: boolean): ParserRun[] {
  const at = PROBES.anywhere ? matchStarts(PROBES.anywhere, sentence) : [];
  const out: ParserRun[] = [];
  let clock: Probe | null = null;
  let clockAt = -1;
  for (const probe of PROBES.list) {
    if (datesOnly && probe.clock && probe.how !== 'always') {
      clock = probe;
      clockAt = out.length;
    } else if (fits(probe, sentence, at)) out.push(runOf(probe, at));
  }
  if (clock && out.length && fits(clock, sentence, at)) out.splice(clockAt, 0, runOf(clock, at));
  return out;
}

/**
 * chrono's casual English parse, running only the parsers that can find something. With
 * `datesOnly`, a sentence where only clock times can be found gets no parse at all.
 */
export function parseDates(sentence: string, ref: Date, datesOnly = false): chrono.ParsedResult[] {
  const runs = parsersFor(sentence, datesOnly);
  // no parser, no result: every refiner maps an empty list to an empty list
  if (!runs.length) return [];
  if (datesOnly && runs.length === 1 && runs[0].parser.constructor.name === CLOCK_ONLY) return [];
  return parseRuns(runs, CASUAL.refiners, sentence, { instant: ref, timezone: 'UTC' }, PARSE_OPTIONS);
}

/** A clock time alone ("at 10:00") is not an incident date. */
function hasDatePart(r: chrono.ParsedResult, lex: Lexicon | null): boolean {
  const c = r.start;
  return c.isCertain('day') || c.isCertain('weekday') || c.isCertain('month') || c.isCertain('year') || (lex ? lex.relativeDate.test(r.text) : /\b(ago|yesterday|today|tonight|last|this)\b/i.test(r.text));
}

function precisionOf(r: chrono.ParsedResult): DatePrecision {
  const c = r.start;
  const relative = /\bago\b|\blast\b|\bthis\b|\bearlier\b/i.test(r.text);
  if (relative) {
    if (UNIT_YEAR.test(r.text)) return 'year';
    if (UNIT_MONTH.test(r.text)) return 'month';
    if (UNIT_WEEK.test(r.text)) return 'week';
    return 'day';
  }
  if (c.isCertain('day') || c.isCertain('weekday')) return 'day';
  if (c.isCertain('month')) return 'month';
  if (c.isCertain('year')) return 'year';
  return 'day';
}

function intervalFor(day: Date, precision: DatePrecision, published: Date | null): DateInterval {
  let start: Date;
  let end: Date;
  if (precision === 'week') {
    start = addDays(day, -3);
    end = addDays(day, 3);
  } else if (precision === 'month') {
    start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
    end = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0));
  } else if (precision === 'year') {
    start = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
    end = new Date(Date.UTC(day.getUTCFullYear(), 11, 31));
  } else {
    start = end = day;
  }
  // an incident reported on a date cannot have happened after it
  if (published && end > published) end = published;
  if (start > end) start = end;
  return { start: isoDate(start), end: isoDate(end), precision };
}

/** Moves a date chrono placed after publication back into the past, when nothing says future. */
function intoThePast(r: chrono.ParsedResult, day: Date, published: Date, sentence: string): Date {
  if (day <= published || FUTURE_CUE.test(sentence)) return day;
  const c = r.start;
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    while (day > published) day = addDays(day, -7);
    return day;
  }
  if (!c.isCertain('year')) {
    const back = new Date(day);
    back.setUTCFullYear(back.getUTCFullYear() - 1);
    return back;
  }
  return day;
}

/**
 * Words right before a date that make it the date of a later step (see DateAnnotation.later):
 * "said Tuesday", "arrested Thursday", "pleaded guilty on Monday", "the toll rose on Sunday",
 * "Updated: May 31". Bounded: at most 30 characters between the word and the date.
 */
const LATER_BEFORE = /\b(?:said|says|told|announced|confirmed|(?<!\b(?:shooting|shootings|shots?|gunfire|gunshots?|incident|attack|stabbing)\s+(?:was\s+|were\s+|first\s+)?)reported|released|identified|arrested|charged|booked|arraigned|indicted|sentenced|pleaded(?: guilty| not guilty)?|pled(?: guilty)?|convicted|acquitted|appeared|testified|ruled|filed|rose|risen|climbed|updated|posted|published|buried|funeral|vigil|hearing|court|trial|verdict|jury|surrendered|captured|extradited|(?:was|were) taken into custody)\b[^,.;:!?()]{0,30}$|\b(?:updated|posted|published|last modified)\s*:\s*$/i;
/**
 * A later step's word before the date, unless the incident is named between them: "said the
 * shooting happened Tuesday", "held for court after the shooting March 9" date the shooting.
 */
const INCIDENT_NOUN = /\b(?:shooting|shootings|shot|shots|gunfire|killing|killings|slaying|attack|incident)\b/i;
function laterBefore(before: string): boolean {
  const m = LATER_BEFORE.exec(before);
  if (!m) return false;
  const word = /^[\w-]+/.exec(m[0]);
  return !INCIDENT_NOUN.test(m[0].slice(word ? word[0].length : 0));
}

/** Words right after a date that make it a later step's: "Tuesday's hearing", "Monday in court". */
const LATER_AFTER = /^(?:['’]s\s+(?:hearing|arraignment|court|funeral|vigil|news conference|press conference)|\s+(?:in|at)\s+(?:court|a hearing|(?:his|her|their) arraignment)|,?\s+the\s+(?:death\s+)?toll\s+(?:rose|climbed|jumped|increased|reached|grew))\b/i;

/**
 * The words that tell what a date is the day of: the incident itself ("shot", "killed", "happened")
 * or a later step of the story (an arrest, a court hearing, a sentence, a funeral). Follow-up
 * news gives both in one sentence: "was sentenced Friday for the fatal shooting in May".
 */
const INCIDENT_STEP = /\b(?:shot|shooting|shootings|shoots?|injur(?:y|ies|ed)|wounds?|under fire|killed|killing|kills?|died|dies|dead|death|murder(?:ed|ing)?|slain|slaying|wounded|injured|fired|opened fire|gunfire|gunshots?|happened|occurred|incident|attack(?:ed)?|stabbed|robbery)\b/gi;
const LATER_STEP = /\b(?:arrest(?:ed)?|charged|charges|sentenced|sentencing|pleaded|pleads|pled|plea|convicted|indicted|indictment|arraigned|arraignment|court|hearing|trial|guilty|custody|booked|jailed|jail|prison|bond|bail|verdict|jury|funeral|vigil|memorial|buried|identified|surrendered|extradited|released|announced|press conference|news conference)\b/gi;
const INCIDENT_RIGHT_AFTER = /^(?:['’]s)?[\s,]*(?:\d{4}\s+)?(?:fatal\s+|deadly\s+|double\s+|triple\s+|accidental\s+|drive-by\s+)?(?:shooting|shootings|killing|killings|murders?|homicide|slaying|death|attack|incident|rampage|massacre)\b/i;
/** Characters searched on each side of a date for the nearest such word. */
const STEP_WINDOW = 80;

function lastIn(re: RegExp, text: string): number {
  let at = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index + m[0].length;
  return at;
}

function firstIn(re: RegExp, text: string): number {
  re.lastIndex = 0;
  const m = re.exec(text);
  return m ? m.index : -1;
}

/**
 * Which step the nearest such word names, before the date in its clause or, where none is before,
 * after it ("On Thursday, a man was found guilty"); null where no such word is near.
 */
function nearestStep(sentence: string, start: number, end: number): 'incident' | 'later' | null {
  // "in the Jan. 1 shooting death", "the February 5, 2017 shooting": the date names the incident
  if (INCIDENT_RIGHT_AFTER.test(sentence.slice(end, end + 30))) return 'incident';
  const before = sentence.slice(Math.max(0, start - STEP_WINDOW), start);
  const inc = lastIn(INCIDENT_STEP, before);
  const lat = lastIn(LATER_STEP, before);
  if (inc >= 0 || lat >= 0) return lat > inc ? 'later' : 'incident';
  const after = sentence.slice(end, end + STEP_WINDOW);
  const inc2 = firstIn(INCIDENT_STEP, after);
  const lat2 = firstIn(LATER_STEP, after);
  if (inc2 < 0 && lat2 < 0) return null;
  return lat2 >= 0 && (inc2 < 0 || lat2 < inc2) ? 'later' : 'incident';
}

/** Words of a line beside a date. */
const WORD = /\p{L}{2,}/gu;
/**
 * A line that is a date and little else ("November 28, 2016 02:23 PM", "Update (8:20 p.m.
 * Sunday)", "DATE: September 15, 2016 9:11:51 AM CDT") stamps the page, not the incident.
 */
function isStamp(sentence: string, start: number, end: number): boolean {
  if (sentence.length - (end - start) > 60) return false;
  const rest = sentence.slice(0, start) + ' ' + sentence.slice(end);
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(rest) && ++n <= 3);
  return n <= 3;
}

/** The words a page's date line carries besides the date ("Published 12:17 am", "Last updated at 14:00 GMT"). */
const STAMP_WORDS = new Set(['published', 'updated', 'update', 'posted', 'last', 'created', 'edited', 'modified', 'story', 'date', 'time', 'at', 'on', 'am', 'pm', 'a.m', 'p.m', 'by', 'and', 'hrs', 'local', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const STAMP_WORD = /\p{L}[\p{L}.]*/gu;

/**
 * A line that stamps the page and nothing else: the date with words of publishing only, or a time
 * zone ("PUBLISHED: 16:05 GMT, 9 June 2013"). Asked of an `isStamp` line only, which it narrows: "Monday in Donetsk a blast
 * went off" is short but tells the incident.
 */
function publishingWordsOnly(sentence: string, start: number, end: number): boolean {
  const rest = sentence.slice(0, start) + ' ' + sentence.slice(end);
  STAMP_WORD.lastIndex = 0;
  for (let m = STAMP_WORD.exec(rest); m; m = STAMP_WORD.exec(rest)) {
    const w = m[0].replace(/\.$/, '');
    if (w.length < 2) continue;
    if (!STAMP_WORDS.has(w.toLowerCase()) && !/^\p{Lu}{2,4}$/u.test(w)) return false;
  }
  return true;
}

/** Finds dates in one sentence; `offset` is the sentence's start in the document. */
export function findDates(sentence: string, offset: number, published: string | null, lex: Lexicon | null = null): DateAnnotation[] {
  return datesIn(sentence, offset, published ? parseIsoDate(published) : null, lex);
}

const ASCII_DIGIT = /[0-9]/;

/** Whether [start, end) overlaps one of the spans (a loop, not a closure per sentence). */
function overlapsAny(spans: readonly [number, number][], start: number, end: number): boolean {
  for (let i = 0; i < spans.length; i++) if (start < spans[i][1] && spans[i][0] < end) return true;
  return false;
}

/** Whether a date found covers the position. */
function covered(found: readonly DateAnnotation[], pos: number): boolean {
  for (let i = 0; i < found.length; i++) if (found[i].start <= pos && pos < found[i].end) return true;
  return false;
}

/** `findDates` with the publication date read once per document, not once per sentence. */
function datesIn(sentence: string, offset: number, pub: Date | null, lex: Lexicon | null): DateAnnotation[] {
  // another language: its chrono locale, and its own words for dates relative to the day of writing
  const locale = lex?.dates ?? null;
  const ref = pub ? new Date(pub.getTime() + 12 * 3600_000) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: DateAnnotation[] = [];
  const periods: [number, number][] = [];
  // each English span pattern needs a word its cue tests for (RECENT_CUE, DAYS_CUE, NIGHT_CUE, kept beside
  // the patterns: a pattern that learns a new word needs it in its cue): a sentence without it is not searched
  if (pub && !locale && RECENT_CUE.test(sentence)) {
    // "over the past week", "in the last 24 hours": the span up to publication, which chrono reads as one day a week back
    RECENT_SPAN.lastIndex = 0;
    for (let m = RECENT_SPAN.exec(sentence); m; m = RECENT_SPAN.exec(sentence)) {
      const n = m[1] ? (/^\d+$/.test(m[1]) ? Number(m[1]) : SPAN_WORDS[m[1].toLowerCase()]) : 1;
      const unit = m[2].toLowerCase();
      // days back from publication: 24 hours reach into yesterday; a week is seven days with publication day the last
      const days = unit === 'hour' ? Math.max(1, Math.ceil(n / 24)) : unit === 'day' ? n : unit === 'week' ? 7 * n - 1 : 30 * n - 1;
      const precision: DatePrecision = unit === 'month' ? 'month' : unit === 'week' || days >= 7 ? 'week' : 'day';
      const start = m.index + m[0].indexOf(m[0].trim());
      periods.push([start, m.index + m[0].length]);
      out.push({ kind: 'date', start: offset + start, end: offset + m.index + m[0].length, text: m[0].trim(), value: { start: isoDate(addDays(pub, -days)), end: isoDate(pub), precision }, stated: false });
    }
  }
  if (pub && !locale && DAYS_CUE.test(sentence)) {
    DAYS_SPAN.lastIndex = 0;
    // the future cue is read only when a span is found: most sentences have none, and it scans them all
    let future: boolean | null = null;
    for (let m = DAYS_SPAN.exec(sentence); m; m = DAYS_SPAN.exec(sentence)) {
      if ((future ??= FUTURE_CUE.test(sentence))) break;
      if (overlapsAny(periods, m.index, m.index + m[0].length)) continue;
      // "the first casualties in 3 weeks": the time since the last one, not a span of the incident
      if (FIRST_BEFORE.test(sentence.slice(Math.max(0, m.index - 60), m.index))) {
        periods.push([m.index, m.index + m[0].length]);
        continue;
      }
      // "in one day", "in 24 hours": the day up to publication, which news tells the morning after (as "overnight")
      const n = !m[1] ? 0 : /^\d+$/.test(m[1]) ? Number(m[1]) : SPAN_WORDS[m[1].toLowerCase()];
      const days = m[1] ? (m[2].toLowerCase() === 'week' ? 7 * n : n) : 2;
      if (!days || days > 62) continue;
      periods.push([m.index, m.index + m[0].length]);
      out.push({ kind: 'date', start: offset + m.index, end: offset + m.index + m[0].length, text: m[0], value: { start: isoDate(addDays(pub, 1 - days)), end: isoDate(pub), precision: days >= 7 ? 'week' : 'day' }, stated: false });
    }
  }
  // a digit is a date hint in every lexicon (`lexicon.dateHint` opens with one): tested first, it spares most sentences the hint's word scan
  if (locale && lex && !ASCII_DIGIT.test(sentence) && !lex.dateHint.test(sentence)) return out;
  const parsed = locale ? locale.parse(sentence, { instant: ref, timezone: 'UTC' }, LOCALE_OPTIONS) : parseDates(sentence, ref, true);
  for (const r of parsed) {
    if (!hasDatePart(r, locale ? lex : null)) continue;
    if (overlapsAny(periods, r.index, r.index + r.text.length)) continue;
    const c = r.start;
    const stated = c.isCertain('year');
    // without a publication date only what the text fully states can be placed in time
    // without a publication date only a date that writes its year can be placed ("15 days after" cannot)
    if (!pub && (!STATED_YEAR.test(r.text) || (locale && lex ? lex.relativeDate : RELATIVE).test(r.text) || !c.isCertain('month'))) continue;
    if (!locale && WEEKDAY_WORD.test(r.text)) continue;
    const bare = r.text.trim();
    if (NOT_A_DATE.test(r.text) || CLOCK_SPAN.test(r.text) || LOWER_WEEKDAY.test(bare) || BARE_FRACTION.test(bare) || OFFSET.test(bare)) continue;
    if (!locale && (DURATION.test(bare) || LOWER_MONTH.test(bare) || (BARE_ABBREVIATION.test(bare) && !/^[.,]/.test(sentence.slice(r.index + r.text.length))))) continue;
    if (!locale && BIRTH_BEFORE.test(sentence.slice(Math.max(0, r.index - 20), r.index))) continue;
    // a number word alone is a count, not a day ("اثنين" is two as well as Monday)
    if (locale && lex && lex.numbers.has(r.text.trim())) continue;
    const precision = precisionOf(r);
    let day = new Date(Date.UTC(c.get('year')!, c.get('month')! - 1, c.get('day')!));
    if (pub) day = intoThePast(r, day, pub, sentence);
    let value = intervalFor(day, precision, pub);
    if (r.end && r.end.isCertain('day')) {
      const endDay = new Date(Date.UTC(r.end.get('year')!, r.end.get('month')! - 1, r.end.get('day')!));
      if (endDay >= day) value = { start: value.start, end: isoDate(endDay), precision: 'day' };
    }
    if (!locale && WEEKEND.test(r.text)) {
      // chrono reads "weekend" as its Saturday ("last weekend" as its Sunday): the span is both days
      const sat = addDays(day, day.getUTCDay() === 0 ? -1 : 0);
      const sun = addDays(sat, 1);
      // a weekend still under way at publication ends there
      value = pub && sun > pub ? intervalFor(sat, 'day', pub) : { start: isoDate(sat), end: isoDate(sun), precision: 'day' };
    }
    const a: DateAnnotation = { kind: 'date', start: offset + r.index, end: offset + r.index + r.text.length, text: r.text, value, stated };
    // "charged in Friday's shooting": a date that names the incident is its own, whatever came before
    const stampLine = isStamp(sentence, r.index, r.index + r.text.length);
    if (!INCIDENT_RIGHT_AFTER.test(sentence.slice(r.index + r.text.length, r.index + r.text.length + 30)) && (laterBefore(sentence.slice(Math.max(0, r.index - 60), r.index)) || LATER_AFTER.test(sentence.slice(r.index + r.text.length, r.index + r.text.length + 40)) || nearestStep(sentence, r.index, r.index + r.text.length) === 'later' || stampLine)) a.later = true;
    if (a.later && stampLine && publishingWordsOnly(sentence, r.index, r.index + r.text.length)) a.stamp = true;
    if (!locale && r.index < ISSUE_REACH && ISSUE_BEFORE.test(sentence.slice(Math.max(0, r.index - 40), r.index))) a.later = a.stamp = true;
    // "Saturday and Sunday": the day before joins this one into one span
    const prev = out.at(-1);
    if (!locale && prev && !prev.later && !a.later && prev.value.precision === 'day' && value.precision === 'day' && DAY_AND_DAY.test(sentence.slice(prev.end - offset, r.index))) {
      const gap = (Date.parse(value.start) - Date.parse(prev.value.end)) / 86_400_000;
      if (gap >= 1 && gap <= 6) {
        out[out.length - 1] = { ...prev, end: a.end, text: sentence.slice(prev.start - offset, a.end - offset), value: { start: prev.value.start, end: value.end, precision: 'day' } };
        continue;
      }
    }
    out.push(a);
  }
  if (pub && !locale && NIGHT_CUE.test(sentence)) {
    // "overnight" in a news report: the night before publication, to the publication day
    OVERNIGHT.lastIndex = 0;
    for (let m = OVERNIGHT.exec(sentence); m; m = OVERNIGHT.exec(sentence)) {
      if (covered(out, offset + m.index)) continue;
      out.push({
        kind: 'date',
        start: offset + m.index,
        end: offset + m.index + m[0].length,
        text: m[0],
        value: { start: isoDate(addDays(pub, -1)), end: isoDate(pub), precision: 'day' },
        stated: false,
      });
    }
  }
  return out;
}

export const dates: Stage = {
  name: 'dates',
  needs: ['sentence'],
  gives: ['date'],
  run({ document, annotations }) {
    const out: DateAnnotation[] = [];
    const lex = lexiconFor(document.lang);
    if (!lex) return { annotations: out };
    const pub = document.published ? parseIsoDate(document.published) : null;
    for (const s of annotations) {
      if (s.kind !== 'sentence') continue;
      out.push(...datesIn(document.text.slice(s.start, s.end), s.start, pub, lex.native ? lex : null));
    }
    return { annotations: out };
  },
};
