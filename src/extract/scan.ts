/**
 * Where a zero-width pattern matches, ascending: the positions a joined lookahead over many rules
 * (triggers, equipment, chrono's parsers) stops at, each rule then tried only there.
 */
export function matchStarts(re: RegExp, text: string, from = 0): number[] {
  const out: number[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m.index);
    // one position on; a unicode pattern one code point on, since put inside a surrogate pair it
    // goes back to the pair's start and matches there again, forever
    re.lastIndex = m.index + (re.unicode && text.codePointAt(m.index)! > 0xffff ? 2 : 1);
  }
  return out;
}

/**
 * The matches a global scan of `sticky`'s pattern gives, tried only at `starts` (ascending, e.g. from
 * `matchStarts`): the same wherever every match starts at one of them. A match hides the starts it covers.
 */
export function matchesAt(sticky: RegExp, text: string, starts: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let next = 0;
  for (const p of starts) {
    if (p < next) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    next = p + Math.max(1, m[0].length);
  }
  return out;
}

/**
 * The positions of a regexp source where it may be cut into two sequences of whole atoms (outside
 * any group or class, not inside an escape or a counted repeat, not before a quantifier): null when
 * the source has an alternation at its top level (a cut there would not split a sequence).
 */
function cuts(source: string): Set<number> | null {
  const out = new Set<number>();
  const isQuantifier = (i: number) => '?*+'.includes(source[i]) || (source[i] === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i)));
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; ) {
    if (i > 0 && depth === 0 && !inClass && !isQuantifier(i)) out.add(i);
    const c = source[i];
    if (c === '\\') {
      const e = source[i + 1];
      // the escape's own characters: \xHH, \uHHHH, \cX, \12 (a back-reference or octal), \k<name>, \p{…}, else one
      const braced = (e === 'k' && source[i + 2] === '<') || ((e === 'p' || e === 'P' || e === 'u') && source[i + 2] === '{');
      if (braced) i = source.indexOf(e === 'k' ? '>' : '}', i) + 1;
      else i += e === 'x' ? 4 : e === 'u' ? 6 : e === 'c' ? 3 : /[0-9]/.test(e ?? '') ? 1 + /^[0-9]+/.exec(source.slice(i + 1))![0].length : 2;
      if (i <= 0) return null;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return null;
    else if (c === '{' && isQuantifier(i)) {
      i = source.indexOf('}', i) + 1;
      continue;
    }
    i++;
  }
  return out;
}

/** The longest shared opening of `a` and `b` both may be cut after (0: none). */
function sharedOpening(a: string, b: string, ca: Set<number>, cb: Set<number>): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  while (k > 0 && !(ca.has(k) && cb.has(k))) k--;
  return k;
}

/** The longest shared ending of `a` and `b` both may be cut before (0: none). */
function sharedEnding(a: string, b: string, ca: Set<number>, cb: Set<number>): number {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  while (k > 0 && !(ca.has(a.length - k) && cb.has(b.length - k))) k--;
  return k;
}

/**
 * Sources as the alternatives of one pattern (`(?:a)|(?:b)|…`), where two that open or end alike
 * over at least `least` characters are said as one (`P(?:(?:x)|(?:y))`, `(?:(?:x)|(?:y))T`): a joined
 * lookahead then reads the shared part once at a position, not once per alternative. It matches at
 * the same positions (concatenation distributes over alternation); which alternative matches, and
 * group numbers, differ: only for a scan that asks where.
 */
export function joinFactored(sources: readonly string[], least = 40): string {
  const items = [...sources];
  for (;;) {
    let best: { i: number; j: number; k: number; opening: boolean } | null = null;
    const cutsOf = items.map(cuts);
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const ci = cutsOf[i];
        const cj = cutsOf[j];
        if (!ci || !cj) continue;
        const o = sharedOpening(items[i], items[j], ci, cj);
        const e = sharedEnding(items[i], items[j], ci, cj);
        const k = Math.max(o, e);
        if (k >= least && (!best || k > best.k)) best = { i, j, k, opening: o >= e };
      }
    }
    if (!best) return items.map((s) => `(?:${s})`).join('|');
    const { i, j, k, opening } = best;
    const a = items[i];
    const b = items[j];
    items[i] = opening ? `${a.slice(0, k)}(?:(?:${a.slice(k)})|(?:${b.slice(k)}))` : `(?:(?:${a.slice(0, a.length - k)})|(?:${b.slice(0, b.length - k)}))${a.slice(a.length - k)}`;
    items.splice(j, 1);
  }
}

/**
 * Per named group of `re` (global, one alternative a group), how many distinct words (any case) of
 * `text` it matched: a word met twice counts once, so one repeated word does not make a family.
 */
export function distinctGroupCounts(re: RegExp, text: string, groups: readonly string[]): number[] {
  const seen = new Set<string>();
  const count = new Array<number>(groups.length).fill(0);
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0].toLowerCase();
    if (seen.has(w)) continue;
    seen.add(w);
    const g = m.groups!;
    for (let i = 0; i < groups.length; i++) {
      if (g[groups[i]] !== undefined) {
        count[i]++;
        break;
      }
    }
  }
  return count;
}
