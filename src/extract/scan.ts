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
