/**
 * Golden pages: every `test/fixtures/html/<case>/source.html` must extract to its `expected.json`
 * (title, published, author, site, lang, text, warnings). Make one with
 * `tsx scripts/make-html-fixture.ts PAGE CASE`, then check and correct expected.json by hand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.js';
import { sniffHtmlCharset } from './html-charset.js';
import { extractArticle } from './html.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures', 'html');
const cases = existsSync(fixtures) ? readdirSync(fixtures).filter((d) => existsSync(join(fixtures, d, 'expected.json'))) : [];

describe('extractArticle: golden pages', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
  for (const name of cases) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(join(fixtures, name, 'expected.json'), 'utf8'));
      const bytes = readFileSync(join(fixtures, name, 'source.html'));
      const got = extractArticle(decodeBytes(bytes, sniffHtmlCharset(bytes)).text, { url: expected.url ?? null, fetchedAt: new Date(expected.fetchedAt) });
      const { url: _url, fetchedAt: _fetched, ...want } = expected;
      // Paragraph by paragraph first, so a failure names the paragraph that changed.
      expect(got.text.split('\n\n')).toEqual(want.text.split('\n\n'));
      expect(got).toEqual(want);
    });
  }
});
