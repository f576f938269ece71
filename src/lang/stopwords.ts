/** Function words per language, from stopwords-iso (MIT): words that never start a place name. */
import lists from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };

export function stopwordsOf(code: 'ru' | 'uk' | 'ar', extra = '', keep = ''): Set<string> {
  const set = new Set((lists as Record<string, string[]>)[code]);
  for (const w of extra.split(' ')) if (w) set.add(w);
  // the list holds a few names ("москва", "россия" in Russian): they stay names
  for (const w of keep.split(' ')) set.delete(w);
  return set;
}
