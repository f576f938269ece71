/**
 * Which three-letter openings a pattern's matches can have, read off its source once at load, so a
 * scan tries the pattern only where the text opens that way. A joined lookahead over many rules
 * (the trigger lexicon) otherwise makes V8 test every alternative at every word boundary; a
 * table lookup per boundary leaves it a handful of positions.
 *
 * The reading over-approximates: letters are case-folded, every other character is one symbol,
 * and anything the reader does not follow (a back-reference, `\p{…}`, a negated class) stands for
 * any character. So a position the filter refuses can never start a match; one it admits may not.
 */

/** Symbols: a-z as 0-25 (either case), everything else 26. A key is three symbols in base 27. */
const OTHER = 26;
const SYMBOLS = 27;
export const KEY_SPACE = SYMBOLS * SYMBOLS * SYMBOLS;
const K = 3;

const SYMBOL_OF = new Uint8Array(128).fill(OTHER);
for (let c = 0; c < 26; c++) {
  SYMBOL_OF[65 + c] = c;
  SYMBOL_OF[97 + c] = c;
}

function symbolAt(text: string, p: number): number {
  if (p >= text.length) return OTHER;
  const c = text.charCodeAt(p);
  return c < 128 ? SYMBOL_OF[c] : OTHER;
}

/** The key of the three characters from `p` (past the end reads as OTHER). */
export function keyAt(text: string, p: number): number {
  return (symbolAt(text, p) * SYMBOLS + symbolAt(text, p + 1)) * SYMBOLS + symbolAt(text, p + 2);
}

/** A set of symbols as a 27-bit mask. */
type Mask = number;
const ALL: Mask = (1 << SYMBOLS) - 1;
const LETTERS: Mask = (1 << 26) - 1;
const OTHER_BIT: Mask = 1 << OTHER;

type Node =
  | { t: 'char'; mask: Mask }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; item: Node; min: number; max: number }
  | { t: 'empty' }
  | { t: 'any' }; // cannot follow: any string

class Unreadable extends Error {}

function charMask(code: number): Mask {
  return code < 128 ? 1 << SYMBOL_OF[code] : OTHER_BIT;
}

/** A recursive-descent reader of the JavaScript regexp syntax the lexicons use (non-unicode). */
class Reader {
  i = 0;
  constructor(readonly s: string) {}

  alternation(): Node {
    const items: Node[] = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0] : { t: 'alt', items };
  }

  sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { t: 'seq', items };
  }

  quantified(atom: Node): Node {
    const s = this.s;
    let min = 1;
    let max = 1;
    const c = s[this.i];
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (!m) return atom; // a literal brace (Annex B): the atom stands alone, the brace is read next
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return atom;
    if (s[this.i] === '?') this.i++; // lazy: same language
    return { t: 'rep', item: atom, min, max };
  }

  atom(): Node {
    const s = this.s;
    const c = s[this.i++];
    if (c === '(') {
      let zeroWidth = false;
      if (s[this.i] === '?') {
        const rest = s.slice(this.i, this.i + 3);
        if (rest.startsWith('?:')) this.i += 2;
        else if (rest.startsWith('?=') || rest.startsWith('?!')) {
          this.i += 2;
          zeroWidth = true;
        } else if (rest === '?<=' || rest === '?<!') {
          this.i += 3;
          zeroWidth = true;
        } else if (rest.startsWith('?<')) {
          const close = s.indexOf('>', this.i);
          if (close < 0) throw new Unreadable();
          this.i = close + 1;
        } else throw new Unreadable();
      }
      const inner = this.alternation();
      if (s[this.i] !== ')') throw new Unreadable();
      this.i++;
      return zeroWidth ? { t: 'empty' } : inner;
    }
    if (c === '[') return { t: 'char', mask: this.charClass() };
    if (c === '.') return { t: 'char', mask: ALL };
    if (c === '^' || c === '$') return { t: 'empty' };
    if (c === '\\') return this.escape(false);
    if (c === ')' || c === '|' || c === undefined) throw new Unreadable();
    return { t: 'char', mask: charMask(c.charCodeAt(0)) };
  }

  /** After a backslash. In a class, `\b` is a backspace. */
  escape(inClass: boolean): Node {
    const s = this.s;
    const c = s[this.i++];
    switch (c) {
      case 'b':
        return inClass ? { t: 'char', mask: OTHER_BIT } : { t: 'empty' };
      case 'B':
        if (inClass) throw new Unreadable();
        return { t: 'empty' };
      case 'w':
      case 'S':
      case 'D':
      case 'W': // \W holds no ASCII letter but, case-folded, reads as OTHER only
        return { t: 'char', mask: c === 'W' ? OTHER_BIT : ALL };
      case 'd':
      case 's':
      case 'n':
      case 'r':
      case 't':
      case 'f':
      case 'v':
      case '0':
        return { t: 'char', mask: OTHER_BIT };
      case 'x': {
        const hex = s.slice(this.i, this.i + 2);
        this.i += 2;
        return { t: 'char', mask: charMask(parseInt(hex, 16)) };
      }
      case 'u': {
        const hex = s.slice(this.i, this.i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Unreadable();
        this.i += 4;
        return { t: 'char', mask: charMask(parseInt(hex, 16)) };
      }
      case 'c':
        this.i++;
        return { t: 'char', mask: OTHER_BIT };
      case 'p':
      case 'P':
      case 'k':
        throw new Unreadable();
      case undefined:
        throw new Unreadable();
      default:
        if (c >= '1' && c <= '9') return { t: 'any' }; // a back-reference: anything
        return { t: 'char', mask: charMask(c.charCodeAt(0)) };
    }
  }

  /** After `[`: the class's symbols (a negated class: any). */
  charClass(): Mask {
    const s = this.s;
    const negated = s[this.i] === '^';
    if (negated) this.i++;
    let mask = 0;
    // `[]` matches nothing, `[^]` anything: a `]` first closes the class, as in JavaScript
    while (this.i < s.length && s[this.i] !== ']') {
      const lo = this.classAtom();
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && lo.code !== null) {
        this.i++;
        const hi = this.classAtom();
        if (hi.code === null) {
          mask |= lo.mask | hi.mask | OTHER_BIT;
          continue;
        }
        for (let code = lo.code; code <= hi.code && code < 128; code++) mask |= charMask(code);
        if (hi.code >= 128) mask |= OTHER_BIT;
      } else mask |= lo.mask;
    }
    if (s[this.i] !== ']') throw new Unreadable();
    this.i++;
    return negated ? ALL : mask;
  }

  /** One member of a class: its code when it is a single character (for ranges), and its symbols. */
  classAtom(): { code: number | null; mask: Mask } {
    const s = this.s;
    if (s[this.i] === '\\') {
      this.i++;
      const c = s[this.i];
      if ('wWsSdD'.includes(c)) {
        const node = this.escape(true) as { mask: Mask };
        return { code: null, mask: node.mask };
      }
      const start = this.i;
      const node = this.escape(true);
      if (node.t !== 'char') throw new Unreadable();
      const text = s.slice(start, this.i);
      const code =
        text[0] === 'u' ? parseInt(text.slice(1), 16)
        : text[0] === 'x' ? parseInt(text.slice(1), 16)
        : text === 'b' ? 8
        : text.length === 1 && !'nrtfv0'.includes(text) ? text.charCodeAt(0)
        : null;
      return { code, mask: node.mask };
    }
    const code = s.charCodeAt(this.i++);
    return { code, mask: charMask(code) };
  }
}

/** Openings as strings over the symbols (one char each), at most K long; shorter ones may end there. */
type Openings = Set<string> | 'any';
const CAP = 4000;

/** `a` then `b`, cut at `k` symbols. */
function concat(a: Openings, b: Openings, k: number): Openings {
  if (a === 'any') return 'any';
  const out = new Set<string>();
  for (const x of a) {
    if (x.length >= k) {
      out.add(x);
      continue;
    }
    if (b === 'any') return 'any';
    for (const y of b) out.add((x + y).slice(0, k));
    if (out.size > CAP) return 'any';
  }
  return out;
}

function union(a: Openings, b: Openings): Openings {
  if (a === 'any' || b === 'any') return 'any';
  const out = new Set(a);
  for (const y of b) out.add(y);
  return out.size > CAP ? 'any' : out;
}

/** The openings of `n`, at most `k` symbols long: what follows past `k` is never read. */
function openings(n: Node, k: number): Openings {
  if (k <= 0) return new Set(['']);
  switch (n.t) {
    case 'empty':
      return new Set(['']);
    case 'any':
      return 'any';
    case 'char': {
      const out = new Set<string>();
      for (let sym = 0; sym < SYMBOLS; sym++) if (n.mask & (1 << sym)) out.add(String.fromCharCode(97 + sym));
      return out;
    }
    case 'seq': {
      let acc: Openings = new Set(['']);
      for (const item of n.items) {
        if (acc === 'any') return 'any';
        let shortest = k;
        for (const x of acc) shortest = Math.min(shortest, x.length);
        if (shortest >= k) break;
        acc = concat(acc, openings(item, k - shortest), k);
      }
      return acc;
    }
    case 'alt': {
      let out: Openings = new Set<string>();
      for (const item of n.items) out = union(out, openings(item, k));
      return out;
    }
    case 'rep': {
      const one = openings(n.item, k);
      let acc: Openings = new Set(['']);
      let out: Openings = n.min === 0 ? new Set(['']) : new Set<string>();
      const top = Math.min(n.max, n.min + k + 1);
      for (let i = 1; i <= top; i++) {
        acc = concat(acc, one, k);
        if (i >= n.min) out = union(out, acc);
        if (out === 'any') return 'any';
      }
      return out;
    }
  }
}

/** The keys a match of `re` may open with, ascending; null when the reader cannot follow the pattern (unicode). */
export function openingKeys(re: RegExp): number[] | null {
  if (re.unicode || (re as RegExp & { unicodeSets?: boolean }).unicodeSets) return null;
  let found: Openings;
  try {
    const reader = new Reader(re.source);
    const node = reader.alternation();
    if (reader.i !== re.source.length) return null;
    found = openings(node, K);
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  }
  if (found === 'any') return Array.from({ length: KEY_SPACE }, (_, k) => k);
  const keys = new Set<number>();
  for (const x of found) {
    // a shorter opening ends the match: whatever follows may be anything
    let lo = 0;
    for (let d = 0; d < K; d++) lo = lo * SYMBOLS + (d < x.length ? x.charCodeAt(d) - 97 : 0);
    const span = SYMBOLS ** (K - Math.min(K, x.length));
    for (let k = lo; k < lo + span; k++) keys.add(k);
  }
  return [...keys].sort((a, b) => a - b);
}

/**
 * Per key, the patterns that may open a match with it, 32 to a table: bit i of table t under a key
 * says `patterns[32 * t + i]` may. A null pattern, or one whose openings cannot be read, has its
 * bit under every key (always tried).
 */
export function openingBits(patterns: readonly (RegExp | null)[]): Int32Array[] {
  const tables: Int32Array[] = [];
  for (let t = 0; t * 32 < patterns.length; t++) tables.push(new Int32Array(KEY_SPACE));
  for (let i = 0; i < patterns.length; i++) {
    const table = tables[i >>> 5];
    const bit = 1 << (i & 31);
    const re = patterns[i];
    const keys = re ? openingKeys(re) : null;
    if (keys) for (const k of keys) table[k] |= bit;
    else for (let k = 0; k < KEY_SPACE; k++) table[k] |= bit;
  }
  return tables;
}

/**
 * The bits of `table` (see `openingBits`) under the keys of every position of `text`: the patterns
 * that may match somewhere in it; a pattern whose bit is clear matches nowhere.
 */
export function bitsIn(text: string, table: Int32Array): number {
  let bits = 0;
  // the key from each position, rolled on (keyAt's sum, one symbol in and one out a step)
  let key = symbolAt(text, 0) * SYMBOLS + symbolAt(text, 1);
  for (let p = 0; p < text.length; p++) {
    key = (key % (SYMBOLS * SYMBOLS)) * SYMBOLS + symbolAt(text, p + 2);
    bits |= table[key];
  }
  return bits;
}

const isWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * Many rules' openings in one table: each key names the group of rules that may open so (0: none).
 * Built once per rule list; null when some rule's openings cannot be read.
 */
export interface OpeningIndex {
  groupOf: Uint16Array;
  groups: readonly (readonly number[])[];
}

export function openingIndex(patterns: readonly RegExp[]): OpeningIndex | null {
  const rulesOf = new Map<number, number[]>();
  for (let r = 0; r < patterns.length; r++) {
    const keys = openingKeys(patterns[r]);
    if (!keys) return null;
    for (const k of keys) {
      const list = rulesOf.get(k);
      if (list) list.push(r);
      else rulesOf.set(k, [r]);
    }
  }
  const groupOf = new Uint16Array(KEY_SPACE);
  const groups: number[][] = [[]];
  const ids = new Map<string, number>();
  for (const [key, rules] of rulesOf) {
    const name = rules.join(',');
    let id = ids.get(name);
    if (id === undefined) {
      id = groups.length;
      if (id >= 2 ** 16) return null;
      ids.set(name, id);
      groups.push(rules);
    }
    groupOf[key] = id;
  }
  return { groupOf, groups };
}

const RULE = 2 ** 32;

/**
 * Every word boundary (ASCII `\b`, as non-unicode patterns read it) paired with each rule that may
 * open there, as `rule * 2^32 + position`, ordered by rule, then position: each rule's candidate
 * starts for `matchesAt`, which finds the same matches as a global scan since no other start can match.
 */
export function ruleStarts(text: string, index: OpeningIndex): Float64Array {
  const pairs: number[] = [];
  const { groupOf, groups } = index;
  let prev = false;
  for (let p = 0; p <= text.length; p++) {
    const here = p < text.length && isWord(text.charCodeAt(p));
    if (here !== prev) {
      const g = groupOf[keyAt(text, p)];
      if (g) for (const r of groups[g]) pairs.push(r * RULE + p);
    }
    prev = here;
  }
  return Float64Array.from(pairs).sort();
}

/** The rule of a pair from `ruleStarts`, and its position. */
export const ruleOf = (pair: number): number => Math.floor(pair / RULE);
export const startOf = (pair: number): number => pair % RULE;

/** ASCII word characters (`\w` of a non-unicode pattern). */
const WORD_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_CHAR[c] = isWord(c) ? 1 : 0;

/**
 * A text's word boundaries (ASCII `\b`, as non-unicode patterns read it), ascending, each with the
 * key of the three characters from it (`keyAt`): read once, looked up by every opening index the
 * text is scanned with.
 */
export interface Boundaries {
  at: number[];
  key: number[];
}

export function boundaries(text: string): Boundaries {
  const at: number[] = [];
  const key: number[] = [];
  const n = text.length;
  let prev = 0;
  for (let p = 0; p <= n; p++) {
    const c = p < n ? text.charCodeAt(p) : 128;
    const here = c < 128 ? WORD_CHAR[c] : 0;
    if (here !== prev) {
      at.push(p);
      key.push(keyAt(text, p));
      prev = here;
    }
  }
  return { at, key };
}

/** The run's memo of the text read last (`StageContext.memos`): the stages that scan a document's whole text share its boundaries. */
const MEMO_KEY = 'prefix-filter:boundaries';

/** `boundaries(text)`, shared through the run's memos with the stages that read the same text next (its last text only). */
export function textBoundaries(text: string, memos?: Map<string, object>): Boundaries {
  if (!memos) return boundaries(text);
  const last = memos.get(MEMO_KEY) as { text: string; bounds: Boundaries } | undefined;
  if (last && last.text === text) return last.bounds;
  const bounds = boundaries(text);
  memos.set(MEMO_KEY, { text, bounds });
  return bounds;
}

/**
 * `ruleStarts` over boundaries read already, as each rule's starts (ascending; undefined: none):
 * no pair encoded, no sort (the boundaries come in order).
 */
export function startsByRule(bounds: Boundaries, index: OpeningIndex, rules: number): (number[] | undefined)[] {
  const lists: (number[] | undefined)[] = new Array(rules);
  const { groupOf, groups } = index;
  const { at, key } = bounds;
  for (let i = 0; i < at.length; i++) {
    const g = groupOf[key[i]];
    if (g) for (const r of groups[g]) (lists[r] ??= []).push(at[i]);
  }
  return lists;
}
