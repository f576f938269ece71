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
