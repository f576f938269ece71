/**
 * The consonants of a name as Latin letters spell it, the same for "Калифорния" (Kaliforniya),
 * "California" and "Kaliforniia": how a Russian or Ukrainian name meets the English name of a
 * region or country the gazetteer has no Cyrillic name for. Vowels, h, y and soft signs go, c and q
 * read as k, x as ks, kh as k, ph as f, doubles as one.
 */
export function romanSkeleton(latin: string): string {
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

/** Skeletons shorter than this meet too many names. */
export const MIN_ROMAN_SKELETON = 3;

/** The first two letters of a Latin spelling, c and q read as k: "Kaliforniya" and "California" both open "ka". */
export function romanOpening(latin: string): string {
  return latin
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')
    .replace(/[cq]/g, 'k')
    .slice(0, 2);
}
