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
export function asciiLetters(text: string): number[] | null {
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

/**
 * The rules of `skeletonByPatterns` after its first pass, each a loop over the codes (a global replace:
 * at each position the first alternative that fits). The first four shorten or keep the text, so each
 * rewrites `s` in place (it writes behind where it reads; `s` is the caller's fresh array, consumed).
 */
export function skeletonOfLetters(s: number[]): string {
  let n = s.length;
  let w = 0;
  // shch|sch|sh → S
  for (let i = 0; i < n; ) {
    if (s[i] === S && s[i + 1] === H && s[i + 2] === C && s[i + 3] === H) (s[w++] = BIG_S), (i += 4);
    else if (s[i] === S && s[i + 1] === C && s[i + 2] === H) (s[w++] = BIG_S), (i += 3);
    else if (s[i] === S && s[i + 1] === H) (s[w++] = BIG_S), (i += 2);
    else s[w++] = s[i++];
  }
  n = w;
  s.length = n;
  // tch|ch → C
  w = 0;
  for (let i = 0; i < n; ) {
    if (s[i] === T && s[i + 1] === C && s[i + 2] === H) (s[w++] = BIG_C), (i += 3);
    else if (s[i] === C && s[i + 1] === H) (s[w++] = BIG_C), (i += 2);
    else s[w++] = s[i++];
  }
  n = w;
  s.length = n;
  // zh → Z
  w = 0;
  for (let i = 0; i < n; ) {
    if (s[i] === Z && s[i + 1] === H) (s[w++] = BIG_Z), (i += 2);
    else s[w++] = s[i++];
  }
  n = w;
  s.length = n;
  // kh|ck|c|q → k
  w = 0;
  for (let i = 0; i < n; ) {
    if ((s[i] === K && s[i + 1] === H) || (s[i] === C && s[i + 1] === K)) (s[w++] = K), (i += 2);
    else if (s[i] === C || s[i] === Q) (s[w++] = K), i++;
    else s[w++] = s[i++];
  }
  n = w;
  s.length = n;
  // ph → f, then x → ks, w → v, a e i o u y h j dropped, and runs of one code as one
  let out = '';
  let last = -1;
  for (let i = 0; i < n; i++) {
    const x = s[i];
    let code: number;
    if (x === P && s[i + 1] === H) {
      code = F;
      i++;
    } else if (x === X) {
      if (last !== K) out += 'k';
      last = K;
      code = S;
    } else if (x === W) code = V;
    else if (x !== A && x !== E && x !== I && x !== O && x !== U && x !== Y && x !== H && x !== J) code = x;
    else continue;
    if (code !== last) out += String.fromCharCode(code);
    last = code;
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
  return openingOfLetters(plain);
}

/** `romanOpening` of an ASCII spelling read as its letters' codes (`asciiLetters`; not changed). */
export function openingOfLetters(plain: readonly number[]): string {
  let out = '';
  for (let i = 0; i < plain.length && i < 2; i++) out += String.fromCharCode(plain[i] === C || plain[i] === Q ? K : plain[i]);
  return out;
}
