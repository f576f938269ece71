/**
 * Makes a golden fixture for `extractArticle` from one page:
 *
 *   tsx scripts/make-html-fixture.ts PAGE.html[.gz] CASE [--url URL] [--fetched ISO] [--trim] [--force]
 *
 * writes `test/fixtures/html/CASE/source.html` (the page's bytes, inflated) and `expected.json`
 * (what the extractor returns today: title, published, author, site, lang, text, warnings, plus
 * the url and fetch time it was given). Read expected.json before committing it: it is the
 * extractor's answer, and a fixture is only golden once a person agrees with it; edit it where
 * the extractor is wrong, and the test (`src/ingest/html.fixtures.test.ts`) fails until fixed.
 *
 * `--trim` empties script bodies (JSON-LD kept), style sheets and comments, which the extractor
 * never reads, so the fixture stays small. `--force` overwrites an existing case.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes, gunzip, isGzip } from '../src/ingest/decode.js';
import { sniffHtmlCharset } from '../src/ingest/html-charset.js';
import { extractArticle } from '../src/ingest/html.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !['--url', '--fetched'].includes(args[i - 1]));
const [page, name] = positional;
if (!page || !name || !/^[a-z0-9][a-z0-9-]*$/.test(name)) {
  console.error('usage: tsx scripts/make-html-fixture.ts PAGE.html[.gz] CASE (lower-case letters, digits, hyphens) [--url URL] [--fetched ISO] [--trim] [--force]');
  process.exit(2);
}
const dir = join(root, 'test', 'fixtures', 'html', name);
if (existsSync(dir) && !args.includes('--force')) {
  console.error(`${dir} exists; --force to overwrite`);
  process.exit(1);
}

let bytes: Uint8Array = readFileSync(page);
if (isGzip(bytes)) bytes = gunzip(bytes);
if (args.includes('--trim')) {
  // Latin-1 keeps every byte as one character, so the page's own encoding survives the round trip.
  const raw = Buffer.from(bytes).toString('latin1');
  const trimmed = raw
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2')
    .replace(/(<script\b([^>]*)>)([\s\S]*?)(<\/script\s*>)/gi, (all, open: string, attrs: string, _body: string, close: string) => (/ld\+json/i.test(attrs) ? all : open + close));
  bytes = Buffer.from(trimmed, 'latin1');
}
const url = flag('--url') ?? null;
const fetchedAt = flag('--fetched') ?? new Date().toISOString();
const a = extractArticle(decodeBytes(bytes, sniffHtmlCharset(bytes)).text, { url, fetchedAt: new Date(fetchedAt) });
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'source.html'), bytes);
writeFileSync(join(dir, 'expected.json'), JSON.stringify({ url, fetchedAt, ...a }, null, 2) + '\n');
console.log(`${dir}: ${(bytes.length / 1024).toFixed(0)} kB source, ${a.text.length} chars of text. Check expected.json before committing it.`);
