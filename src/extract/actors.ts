/**
 * Actors: state forces and authorities named by a demonym ("Russian military", "Ukrainian
 * intelligence", "Syrian regime forces"), armed groups and institutions with capitalised names
 * ("Jabhat al-Nusra", "the Defense Ministry"), and people with the role the text gives them
 * ("Jane Doe, head of the regional police", "President Ana Silva").
 * Who acted on whom is decided by the report builder, from the actors' places around the trigger.
 */
import { readFileSync } from 'node:fs';
import { lexiconFor } from '../lang/index.js';
import type { ActorAnnotation, Annotation, Stage, StageContext } from '../model/index.js';
import { matchesAt } from './scan.js';
import { boundaries, openingIndex, textBoundaries, type Boundaries, type OpeningIndex } from './prefix-filter.js';

/** One line of `data/lang/en/actors.tsv`: a side's name and how news spells it. */
interface ActorEntry {
  name: string;
  type: string;
  /** The name holds `{country}`: the scene's country fills it. */
  scene: boolean;
}

/** One scan of the table: its group k + 1 is entry `map[k]`. */
export interface ActorScan {
  re: RegExp;
  map: readonly number[];
  scene: boolean;
  /**
   * Each line of the scan alone, sticky (`\b(?:line)(?!…)`), and which lines may open with each
   * three letters (prefix-filter.ts); null when some line's openings cannot be read. The joined
   * alternation made the engine try ~150 lines at every word boundary (two thirds of the stage).
   */
  lines: readonly RegExp[];
  openings: OpeningIndex | null;
}

/** The table compiled once: one scan per case mode. */
export interface ActorTable {
  entries: readonly ActorEntry[];
  /** Named sides first, then the sides named by the scene ("the army"), each after its own pass. */
  scans: readonly ActorScan[];
}

/** What must follow a side's name: the end of the word (see `parseActorTable`). */
const LINE_END = '(?![\\w\\u00C0-\\u024F])';

/** A side found by one scan: where, and the index in `scan.map` of its line. */
interface SideMatch {
  start: number;
  end: number;
  line: number;
}

/**
 * The matches `text.matchAll(scan.re)` gives: left to right, at each position the first line (in
 * table order) that matches there. Every line opens on `\b`, so only word boundaries can start a
 * match, and a line is tried only where the text opens as the line may (its sticky twin gives the
 * same match the alternation would take at that position, lookahead included).
 */
export function scanSides(scan: ActorScan, text: string, bounds: Boundaries | null = null): SideMatch[] {
  const out: SideMatch[] = [];
  const index = scan.openings;
  if (!index) {
    for (const m of text.matchAll(scan.re)) {
      let k = 1;
      while (m[k] === undefined) k++;
      out.push({ start: m.index!, end: m.index! + m[0].length, line: k - 1 });
    }
    return out;
  }
  const { groupOf, groups } = index;
  const { at, key } = bounds ?? boundaries(text);
  let next = 0;
  for (let i = 0; i < at.length; i++) {
    const g = groupOf[key[i]];
    if (!g) continue;
    const p = at[i];
    if (p < next) continue;
    for (const r of groups[g]) {
      const re = scan.lines[r];
      re.lastIndex = p;
      const m = re.exec(text);
      if (!m) continue;
      const end = p + m[0].length;
      out.push({ start: p, end, line: r });
      // matchAll goes on from the match's end (an empty match: one on)
      next = Math.max(end, p + 1);
      break;
    }
  }
  return out;
}

/** Parses the TSV table (name, type, i|c, pattern); compiled once by the caller, never per document. */
export function parseActorTable(tsv: string): ActorTable {
  const entries: ActorEntry[] = [];
  const parts = new Map<string, string[]>();
  const map = new Map<string, number[]>();
  for (const line of tsv.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, type, mode, pattern] = line.split('\t');
    if (!pattern || (mode !== 'i' && mode !== 'c')) throw new Error(`actors table: bad line "${line}"`);
    const scene = name.includes('{country}');
    const key = `${scene ? 's' : 'n'}${mode}`;
    if (!parts.has(key)) {
      parts.set(key, []);
      map.set(key, []);
    }
    map.get(key)!.push(entries.length);
    // the pattern's own groups do not capture: group k + 1 must be line k
    parts.get(key)!.push(`(${pattern.replace(/(?<!\\)\((?!\?)/g, '(?:')})`);
    entries.push({ name, type, scene });
  }
  // a side is whole words: "IS" not inside "ISLAND", "AA" not inside "AAA". Not a unicode regex:
  // V8 scans a non-unicode \b-led alternation several times faster; findActors checks the letter before
  const scans = ['ni', 'nc', 'si', 'sc']
    .filter((k) => parts.has(k))
    .map((k): ActorScan => {
      const lines = parts.get(k)!.map((p) => new RegExp(`\\b(?:${p})${LINE_END}`, k[1] === 'i' ? 'iy' : 'y'));
      // the engine scans a case-sensitive alternation fast (it skips to the letters lines open with): no index
      return { re: new RegExp(`\\b(?:${parts.get(k)!.join('|')})${LINE_END}`, k[1] === 'i' ? 'gi' : 'g'), map: map.get(k)!, scene: k[0] === 's', lines, openings: k[1] === 'i' ? openingIndex(lines) : null };
    });
  return { entries, scans };
}

export function loadActorTable(path = new URL('../../data/lang/en/actors.tsv', import.meta.url)): ActorTable {
  return parseActorTable(readFileSync(path, 'utf8'));
}

/** Institution nouns after a demonym, with the name they form (ACLED's: a state's forces are one side). */
const FORCE_NOUNS: [RegExp, string, string][] = [
  [/^(?:military|army|armed forces|forces|troops|soldiers|servicemen|regime forces|government forces|ground forces)$/i, 'Military Forces', 'armed_forces'],
  // a state's strikes are its forces acting: "Russian airstrikes", "Syrian artillery"
  [/^(?:air ?force|aerospace forces|aviation|warplanes|jets|helicopters|air ?strikes|air raids|artillery|shelling|drones|bombardment)$/i, 'Military Forces', 'armed_forces'],
  [/^(?:navy|naval forces|fleet)$/i, 'Military Forces', 'armed_forces'],
  [/^(?:military intelligence|intelligence|defen[cs]e intelligence|intelligence services?|security services?|special services)$/i, 'Intelligence', 'armed_forces'],
  [/^(?:police|police officers|riot police|national police)$/i, 'Police Forces', 'police'],
  [/^(?:border guards?|border service)$/i, 'Military Forces', 'armed_forces'],
  [/^(?:national guard)$/i, 'Military Forces', 'armed_forces'],
  [/^(?:government|authorities|officials|regime|administration|president|presidency|kremlin)$/i, 'Government', 'government'],
  [/^(?:defen[cs]e ministry|ministry of defen[cs]e|foreign ministry|interior ministry|emergency ministry|emergencies ministry)$/i, 'Ministry', 'government'],
  [/^(?:rebels|separatists|insurgents|militants|militia|militias|opposition forces|opposition)$/i, 'Rebels', 'group'],
  [/^(?:protesters|demonstrators|activists)$/i, 'Protesters', 'protesters'],
  [/^(?:civilians|residents|villagers)$/i, 'Civilians', 'civilians'],
];
const FORCE_PHRASE =
  /\b([\p{Lu}][\p{L}]{1,40})\s+((?:air ?strikes|air raids|warplanes|jets|helicopters|artillery|shelling|drones|bombardment|military intelligence|defen[cs]e intelligence|intelligence services?|security services?|special services|armed forces|air ?force|aerospace forces|naval forces|ground forces|regime forces|government forces|opposition forces|riot police|national police|national guard|border guards?|border service|defen[cs]e ministry|foreign ministry|interior ministry|police officers|military|army|forces|troops|soldiers|servicemen|navy|fleet|intelligence|police|government|authorities|officials|regime|administration|rebels|separatists|insurgents|militants|militias?|protesters|demonstrators|activists|civilians|residents|villagers))\b/gu;

/** Role words that, before or after a name, make it a person with a role. */
const ROLE =
  '(?:President|Prime Minister|Minister|Defen[cs]e Minister|Foreign Minister|spokes(?:wo)?(?:man|person)|head|chief|commander|General|Gen\\.|Colonel|Col\\.|Major|Captain|Lieutenant|governor|mayor|leader|journalist|blogger|analyst|official|ambassador|envoy|secretary|director|deputy|adviser|advisor|pilot|correspondent|reporter|prosecutor)';
// Word lengths are capped (40): an unbounded `[\p{L}'’-]+` retried at every letter of a long run is quadratic.
// …and a name starts where a word starts: tried inside every long word it cost 40 steps a letter.
const NAME = "(?<![\\p{L}'’-])[\\p{Lu}][\\p{L}'’-]{1,40}(?:\\s{1,8}(?:al-|bin |de |van |von )?[\\p{Lu}][\\p{L}'’-]{1,40}){1,2}";
/** "Jane Doe, head of the regional police" / "John Smith, a spokesperson for …". */
const NAME_COMMA_ROLE = new RegExp(`(${NAME}),\\s+((?:the |a |an )?(?:\\p{L}{1,40}\\s{1,8}){0,2}?${ROLE}\\b[^,.;“”"]{0,70})`, 'gu');
/** "President Ana Silva", "Kenyan journalist John Smith", "the head of X, Jane Doe". */
const ROLE_NAME = new RegExp(`(?<!\\p{L})((?:[\\p{Lu}][\\p{L}]{1,40}\\s{1,8})?${ROLE}(?:\\s+of\\s+(?:the\\s+)?(?:[\\p{Lu}][\\p{L}]{1,40}(?!\\p{L})\\s*){1,4})?),?\\s+(${NAME})`, 'gu');
/** Capitalised organisation names ending in an institution word. */
const ORG = /\b((?:the\s+)?(?:[\p{Lu}][\p{L}'’-]{1,40}\s{1,8}){1,5}(?:Cartel|Ministry|Army|Front|Brigade|Battalion|Regiment|Guards?|Forces|Intelligence|Council|Committee|Party|Movement|Service|Agency|Directorate|Command|Corps|Militia|Republic|Center|Centre))\b/gu;
/** The words ORG ends with, same case: a text without one (most) skips ORG's scan, which tries every capitalised word. */
const ORG_CUE = /Cartel|Ministry|Army|Front|Brigade|Battalion|Regiment|Guard|Forces|Intelligence|Council|Committee|Party|Movement|Service|Agency|Directorate|Command|Corps|Militia|Republic|Center|Centre/;
/** Words of an institution: "Military Intelligence" is a body, not a person's name. */
const INSTITUTION_WORD = /\b(?:Intelligence|Ministry|Forces|Army|Police|Service|Agency|Council|Committee|Command|Guards?|Republic|Center|Centre|Directorate|Department|Office|Liberty|Radio|News|Times|Post|Press|Channel|Television|TV)\b/;
/** A name speaking: "Jane Roe said", "John Doe told reporters". */
const NAME_SPEAKS = new RegExp(`(?<![\\p{L}'’-])([\\p{Lu}][\\p{L}'’-]{1,30}\\s{1,8}[\\p{Lu}][\\p{L}'’-]{1,30})(?=\\s+(?:said|says|told|explained|added|stated|detailed|recounted|confirmed)\\b)`, 'gu');

const PERSON_STOP = /^(?:The|A|An|In|On|At|As|But|And|While|When|According|Despite|Further|Finally|Tragically|Initially|Russian|Ukrainian|Syrian)\b/;

/*
 * The three name patterns above are scanned only near what each cannot match without, the same
 * matches as their global scans: each Unicode pattern tried at every character of a report cost
 * more than the rest of the stage. Their sticky twins are tried, left to right, at the places a
 * match can start (a capital opening a word) within reach of an anchor:
 * - NAME_SPEAKS ends where the blank before its word of saying starts (SPEAKS_AT);
 * - NAME_COMMA_ROLE's name ends at the comma of a role after it (COMMA_ROLE_AT);
 * - ROLE_NAME opens on its role word (ROLE_AT) or on the one capitalised word before it.
 * The reaches are the patterns' longest spans in code units (a letter may take two).
 */
const NAME_SPEAKS_Y = new RegExp(NAME_SPEAKS.source, 'uy');
const NAME_COMMA_ROLE_Y = new RegExp(NAME_COMMA_ROLE.source, 'uy');
const ROLE_NAME_Y = new RegExp(ROLE_NAME.source, 'uy');
const SPEAKS_AT = /\s+(?:said|says|told|explained|added|stated|detailed|recounted|confirmed)\b/gu;
const COMMA_ROLE_AT = new RegExp(`,\\s+(?:the |a |an )?(?:\\p{L}{1,40}\\s{1,8}){0,2}?${ROLE}\\b`, 'gu');
/** A role word, consumed: the engine skips to the letters roles open with, where a lookahead `(?=ROLE)` was tried at every character. */
const ROLE_WORD = new RegExp(ROLE, 'g');
/** Two names of up to 31 letters and the blanks between them. */
const SPEAKS_REACH = 2 * 31 + 8 + 2 * 31;
/** Up to three words of 41 letters, blanks and a particle ("bin ") between them. */
const NAME_REACH = 2 * 41 + 2 * (8 + 4 + 2 * 41);
/** One word of 41 letters and its blanks. */
const ROLE_LEAD_REACH = 2 * 41 + 8;

/** Where a name may start: not inside a surrogate pair, and, in ASCII, a capital after no letter, apostrophe or hyphen (other characters: the pattern decides). */
function mayOpenName(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 128) {
    if (c < 65 || c > 90) return false;
  } else if (c >= 0xdc00 && c <= 0xdfff && p > 0) {
    const h = text.charCodeAt(p - 1);
    if (h >= 0xd800 && h <= 0xdbff) return false;
  }
  if (p === 0) return true;
  const b = text.charCodeAt(p - 1);
  return !((b >= 65 && b <= 90) || (b >= 97 && b <= 122));
}

/**
 * The places a name may start within `reach` before each anchor (ascending, each once), and each
 * anchor itself with `atAnchor` (a role word opens ROLE_NAME whatever its case).
 */
function startsNear(text: string, anchors: readonly number[], reach: number, atAnchor: boolean): number[] {
  const out: number[] = [];
  let from = 0;
  for (const a of anchors) {
    for (let p = Math.max(from, a - reach); p < a; p++) if (mayOpenName(text, p)) out.push(p);
    if (atAnchor && a >= from) {
      out.push(a);
      from = a + 1;
    } else from = Math.max(from, a);
  }
  return out;
}

/** Where a global scan of `re` finds a match (its starts). */
function anchorsOf(re: RegExp, text: string): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

/** The matches of the three name patterns, as `text.matchAll` gives them (see above). */
export function nameSpeaks(text: string): RegExpExecArray[] {
  // the anchor is the blank run's start, where the name ends
  return matchesAt(NAME_SPEAKS_Y, text, startsNear(text, anchorsOf(SPEAKS_AT, text), SPEAKS_REACH, false));
}
export function nameCommaRole(text: string): RegExpExecArray[] {
  return matchesAt(NAME_COMMA_ROLE_Y, text, startsNear(text, anchorsOf(COMMA_ROLE_AT, text), NAME_REACH, false));
}
export function roleName(text: string): RegExpExecArray[] {
  return matchesAt(ROLE_NAME_Y, text, startsNear(text, roleStarts(text), ROLE_LEAD_REACH, true));
}

/** Every place a role word starts, one inside another too ("Minister" in "Defense Minister"): a `(?=ROLE)` scan's stops. */
function roleStarts(text: string): number[] {
  const out: number[] = [];
  ROLE_WORD.lastIndex = 0;
  for (let m = ROLE_WORD.exec(text); m; m = ROLE_WORD.exec(text)) {
    out.push(m.index);
    ROLE_WORD.lastIndex = m.index + 1;
  }
  return out;
}
/** The plain global scans, for the tests to hold the anchored ones to. */
export const NAME_PATTERNS = { NAME_SPEAKS, NAME_COMMA_ROLE, ROLE_NAME } as const;

function forceActor(ctx: StageContext, demonym: string, noun: string, start: number, end: number, text: string): ActorAnnotation | null {
  const cc = ctx.gazetteer.demonymCountry(demonym);
  if (!cc) return null;
  const entry = FORCE_NOUNS.find(([re]) => re.test(noun));
  if (!entry) return null;
  const country = ctx.gazetteer.country(cc)?.name ?? demonym;
  // a state's bodies are "of" it; people of a country are from it, as ACLED writes them
  const value = entry[2] === 'group' || entry[2] === 'protesters' || entry[2] === 'civilians' ? `${entry[1]} (${country})` : `${entry[1]} of ${country}`;
  return { kind: 'actor', start, end, text, value, type: entry[2], role: null };
}

/** Words for forces that point back to the forces last named with their state. */
const ANAPHORIC_FORCES = /^(?:the\s+)?(?:troops|soldiers|servicem[ae]n|army|military|marines|air ?force|navy)$/i;

/** The state's forces named by demonym ("Russian military") last before `at`, if any. */
function lastStateForces(found: readonly ActorAnnotation[], at: number): string | null {
  let best: ActorAnnotation | null = null;
  for (const a of found) if (a.type === 'armed_forces' && a.start < at && a.value.startsWith('Military Forces of ') && (!best || a.start > best.start)) best = a;
  return best?.value ?? null;
}

/** A letter, digit, apostrophe or hyphen before a match: it is inside a word ("al-Nusra" of "Jabhat al-Nusra" is whole). */
const WORD_BEFORE = /[\p{L}\p{N}'’-]/u;

/**
 * The actors of a text. `country` is the scene's country code: whose forces "the army" are, and
 * where the civilians and the unnamed gunmen are from.
 */
export function findActors(text: string, ctx: StageContext, table: ActorTable, country: string | null = null): ActorAnnotation[] {
  const out: ActorAnnotation[] = [];
  // a coverage map, not a scan of `out`: a text of thousands of actors must not cost their square
  const taken = new Uint8Array(text.length + 1);
  const covered = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i]) return true;
    return false;
  };
  const push = (a: ActorAnnotation) => {
    out.push(a);
    taken.fill(1, a.start, a.end);
  };
  for (const m of nameCommaRole(text)) {
    if (PERSON_STOP.test(m[1]) || INSTITUTION_WORD.test(m[1])) continue;
    const start = m.index!;
    push({ kind: 'actor', start, end: start + m[0].length, text: m[0], value: m[1], type: 'person', role: m[2].replace(/^(?:the|a|an)\s+/i, '').trim() });
  }
  for (const m of roleName(text)) {
    const start = m.index! + m[0].length - m[2].length;
    if (covered(start, start + m[2].length) || PERSON_STOP.test(m[2]) || INSTITUTION_WORD.test(m[2])) continue;
    push({ kind: 'actor', start: m.index!, end: m.index! + m[0].length, text: m[0], value: m[2], type: 'person', role: m[1].trim() });
  }
  let roles: Map<string, string | null> | undefined;
  for (const m of nameSpeaks(text)) {
    const start = m.index!;
    if (covered(start, start + m[1].length) || PERSON_STOP.test(m[1]) || INSTITUTION_WORD.test(m[1])) continue;
    // the role given elsewhere in the document stays with the name it was given to
    roles ??= new Map(out.filter((a) => a.type === 'person').map((a) => [a.value, a.role]));
    push({ kind: 'actor', start, end: start + m[1].length, text: m[1], value: m[1], type: 'person', role: roles.get(m[1]) ?? null });
  }
  for (const m of text.matchAll(FORCE_PHRASE)) {
    const start = m.index!;
    if (covered(start, start + m[0].length)) continue;
    const a = forceActor(ctx, m[1], m[2], start, start + m[0].length, m[0]);
    if (a) push(a);
  }
  const countryName = country ? ctx.gazetteer.country(country)?.name ?? null : null;
  const scan = (named: boolean) => {
  for (const sc of table.scans) {
    if (sc.scene === named) continue;
    for (const { start, end, line } of scanSides(sc, text, sc.openings ? textBoundaries(text, ctx.memos) : null)) {
      if (covered(start, end) || (start > 0 && WORD_BEFORE.test(text[start - 1]))) continue;
      const e = table.entries[sc.map[line]];
      let value = e.name;
      const matched = text.slice(start, end);
      // "the Russian military … The troops were heading back": plain words for forces are the
      // forces the text last named by their state, not the scene's ("regime", "junta" are the scene's)
      const named = e.type === 'armed_forces' && ANAPHORIC_FORCES.test(matched) ? lastStateForces(out, start) : null;
      if (named) value = named;
      else if (e.scene) {
        // a state's forces need their state; people and unnamed gunmen are named without it
        if (countryName) value = value.replace('{country}', countryName);
        else if (e.type === 'armed_forces' || e.type === 'police') continue;
        else value = value.replace(/\s*\(\{country\}\)|\s*of \{country\}/, '');
      }
      push({ kind: 'actor', start, end, text: matched, value, type: e.type, role: null });
    }
  }
  };
  scan(true);
  // a capitalised body ("Northern Alliance Army") before the words of any state's forces in it
  for (const m of ORG_CUE.test(text) ? text.matchAll(ORG) : []) {
    const start = m.index! + (m[0].length - m[1].length);
    const name = m[1].replace(/^the\s+/i, '');
    if (covered(start, start + m[1].length)) continue;
    // "Turkish Forces", "Syrian Army" written with capitals are a state's forces, not a body's name
    const state = /^(\p{Lu}\p{L}{1,40})\s+(\p{L}+(?:\s+\p{L}+)?)$/u.exec(name);
    const force = state && forceActor(ctx, state[1], state[2], start, start + m[1].length, m[1]);
    if (force) push(force);
    else push({ kind: 'actor', start, end: start + m[1].length, text: m[1], value: name, type: 'organisation', role: null });
  }
  scan(false);
  return out.sort((a, b) => a.start - b.start);
}

/** The country most of the document's places lie in: whose forces "the army" are. */
function mainCountry(annotations: readonly Annotation[]): string | null {
  const n = new Map<string, number>();
  for (const a of annotations) if (a.kind === 'place') n.set(a.value.country, (n.get(a.value.country) ?? 0) + 1);
  let best: string | null = null;
  for (const [k, v] of n) if (!best || v > n.get(best)!) best = k;
  return best;
}

/** The incident's country: the scene's, else the one most of the document's places lie in. */
function sceneCountry(annotations: readonly Annotation[]): string | null {
  for (const a of annotations) if (a.kind === 'scene') return a.value.country;
  return mainCountry(annotations);
}

/** Victims who took no part in the fighting: people named by who they are, not by a force they served in. */
const CIVILIAN_VICTIMS = /\b(?:civilians?|residents?|villagers?|wom[ae]n|men|man|people|persons?|famil(?:y|ies)|children|child|kids?|toddlers?|bab(?:y|ies)|infants?|teen(?:ager)?s?|youths?|boys?|girls?|brothers|sisters|couple|(?:grand)?(?:father|mother|son|daughter)s?|passengers?|worshippers?|students?|farmers?|pedestrians?|aid workers?|inhabitants?|refugees?|displaced|IDPs?|migrants?|herders?|herdsm[ae]n|traders?|elders?|imams?|pastors?|priests?|pilgrims?|teachers?|drivers?|motorists?|fisherm[ae]n|shepherds?|miners?|vendors?|shopkeepers?|businessm[ae]n|doctors?|nurses?|patients?|tourists?|citizens?|bystanders?)\b/i;
const COMBATANT_VICTIMS = /\b(?:soldiers?|troops|servicem[ae]n|militants?|fighters?|rebels?|separatists?|insurgents?|combatants?|personnel|officers?|policem[ae]n|police|marines?|militiam[ae]n|guerrillas?|gendarmes?|jihadists?|members?|gunm[ae]n|hitm[ae]n|elements|terrorists?|commanders?|guards?|agents?)\b/i;

/**
 * Civilians among the dead, hurt or taken ("a man was shot dead", "kill 4 people"): a side the
 * words for civilians did not already name, spanning the count that names them.
 */
function victimSides(found: ActorAnnotation[], annotations: readonly Annotation[], countryName: string | null): ActorAnnotation[] {
  const out: ActorAnnotation[] = [];
  for (const a of annotations) {
    if (a.kind !== 'casualty' || !a.victims || a.value.best === 0 || COMBATANT_VICTIMS.test(a.victims) || !CIVILIAN_VICTIMS.test(a.victims)) continue;
    if (found.some((f) => f.type === 'civilians' && f.start < a.end && f.end > a.start)) continue;
    out.push({ kind: 'actor', start: a.start, end: a.end, text: a.victims, value: countryName ? `Civilians (${countryName})` : 'Civilians', type: 'civilians', role: null });
  }
  return out;
}

function actorsOf(text: string, annotations: readonly Annotation[], ctx: StageContext, table: ActorTable): ActorAnnotation[] {
  const country = sceneCountry(annotations);
  const found = findActors(text, ctx, table, country);
  const victims = victimSides(found, annotations, country ? ctx.gazetteer.country(country)?.name ?? null : null);
  return victims.length ? [...found, ...victims].sort((a, b) => a.start - b.start) : found;
}

/** The actors stage over the table `loadActorTable()` read once. */
export function actorsStage(table: ActorTable): Stage {
  return {
    name: 'actors',
    gives: ['actor'],
    needs: ['place'],
    // English rules: another language gets no actors until its lexicon names them (src/lang)
    run: ({ document, annotations }, ctx) => ({ annotations: lexiconFor(document.lang)?.native === false ? actorsOf(document.text, annotations, ctx, table) : [] }),
  };
}
