/**
 * The consonants of a name as Latin letters spell it, the same for "Калифорния" (Kaliforniya),
 * "California" and "Kaliforniia": how a Russian or Ukrainian name meets the English name of a
 * region or country the gazetteer has no Cyrillic name for. Vowels, h, y and soft signs go, c and q
 * read as k, x as ks, kh as k, ph as f, doubles as one.
 */
export function romanSkeleton(latin: string): string {
  const plain = asciiLetters(latin);
  return plain === null ? skeletonByPatterns(latin) : skeletonOfLetters(plain);
}

/** `romanSkeleton` as its rules say it, for any text. */
export function skeletonByPatterns(latin: string): string {
  return latin
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')
    .replace(/shch|sch|sh/g, 'S')
    .replace(/tch|ch/g, 'C')
    .replace(/zh/g, 'Z')
    .replace(/kh|ck|c|q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/[aeiouyhj]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/**
 * The letters a-z of an ASCII text as character codes, lower-cased (what lower-casing, NFD and
 * dropping all but a-z leave of it), or null for text beyond ASCII. The places stage asks for the
 * skeletons of every capitalised word it does not find, in several forms: ASCII transliterations,
 * read by loops over codes here rather than by eleven passes of patterns.
 */
function asciiLetters(text: string): number[] | null {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) out.push(c);
    else if (c >= 65 && c <= 90) out.push(c + 32);
    else if (c >= 128) return null;
  }
  return out;
}

const [A, C, E, F, H, I, J, K, O, P, Q, S, T, U, V, W, X, Y, Z] = [...'acefhijkopqstuvwxyz'].map((ch) => ch.charCodeAt(0));
/** The marks the first rules leave: shch/sch/sh, tch/ch, zh. */
const [BIG_S, BIG_C, BIG_Z] = [...'SCZ'].map((ch) => ch.charCodeAt(0));

/** The rules of `skeletonByPatterns` after its first pass, each a loop over the codes (a global replace: at each position the first alternative that fits). */
function skeletonOfLetters(s: readonly number[]): string {
  const n = s.length;
  // shch|sch|sh → S
  const a: number[] = [];
  for (let i = 0; i < n; ) {
    if (s[i] === S && s[i + 1] === H && s[i + 2] === C && s[i + 3] === H) (a.push(BIG_S), (i += 4));
    else if (s[i] === S && s[i + 1] === C && s[i + 2] === H) (a.push(BIG_S), (i += 3));
    else if (s[i] === S && s[i + 1] === H) (a.push(BIG_S), (i += 2));
    else a.push(s[i++]);
  }
  // tch|ch → C
  const b: number[] = [];
  for (let i = 0; i < a.length; ) {
    if (a[i] === T && a[i + 1] === C && a[i + 2] === H) (b.push(BIG_C), (i += 3));
    else if (a[i] === C && a[i + 1] === H) (b.push(BIG_C), (i += 2));
    else b.push(a[i++]);
  }
  // zh → Z
  const c: number[] = [];
  for (let i = 0; i < b.length; ) {
    if (b[i] === Z && b[i + 1] === H) (c.push(BIG_Z), (i += 2));
    else c.push(b[i++]);
  }
  // kh|ck|c|q → k
  const d: number[] = [];
  for (let i = 0; i < c.length; ) {
    if ((c[i] === K && c[i + 1] === H) || (c[i] === C && c[i + 1] === K)) (d.push(K), (i += 2));
    else if (c[i] === C || c[i] === Q) (d.push(K), i++);
    else d.push(c[i++]);
  }
  // ph → f, then x → ks, w → v, a e i o u y h j dropped, and runs of one code as one
  let out = '';
  let last = -1;
  const put = (code: number) => {
    if (code !== last) out += String.fromCharCode(code);
    last = code;
  };
  for (let i = 0; i < d.length; i++) {
    const x = d[i];
    if (x === P && d[i + 1] === H) {
      put(F);
      i++;
    } else if (x === X) {
      put(K);
      put(S);
    } else if (x === W) put(V);
    else if (x !== A && x !== E && x !== I && x !== O && x !== U && x !== Y && x !== H && x !== J) put(x);
  }
  return out;
}

/** Skeletons shorter than this meet too many names. */
export const MIN_ROMAN_SKELETON = 3;

/** The first two letters of a Latin spelling, c and q read as k: "Kaliforniya" and "California" both open "ka". */
export function romanOpening(latin: string): string {
  const plain = asciiLetters(latin);
  if (plain === null)
    return latin
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, '')
      .replace(/[cq]/g, 'k')
      .slice(0, 2);
  let out = '';
  for (let i = 0; i < plain.length && i < 2; i++) out += String.fromCharCode(plain[i] === C || plain[i] === Q ? K : plain[i]);
  return out;
}
