/** cyrillic-to-translit-js (MIT): its `uk` preset gives the GeoNames spellings (Kharkiv, Zaporizhzhia). */
import * as mod from 'cyrillic-to-translit-js';

type Make = (config?: { preset: 'ru' | 'uk' | 'mn' }) => { transform(input: string, spaceReplacement?: string): string };

// a CommonJS module: its function is the default export under Node, the module itself elsewhere
const m = mod as unknown as { default?: Make | { default?: Make } };
const make: Make = (typeof m.default === 'function' ? m.default : (m.default as { default?: Make } | undefined)?.default ?? (mod as unknown as Make));

export function transliterator(preset: 'ru' | 'uk'): (text: string) => string {
  const t = make({ preset });
  return (text) => t.transform(text);
}
