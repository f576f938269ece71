import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { decodeBytes, gunzip, isGzip, looksBinary } from './decode.js';
import { sniffHtmlCharset } from './html-charset.js';

const page = (charset: string, body: string) =>
  `<html><head><meta charset="${charset}"><title>t</title></head><body><p>${body}</p></body></html>`;

describe('decodeBytes', () => {
  it('reads windows-1251 Cyrillic when the page declares it', () => {
    const bytes = iconv.encode(page('windows-1251', 'Вертолёт сбит под Харьковом'), 'windows-1251');
    const charset = sniffHtmlCharset(bytes);
    expect(charset).toBe('windows-1251');
    const d = decodeBytes(bytes, charset);
    expect(d.text).toContain('Вертолёт сбит под Харьковом');
    expect(d.warning).toBeNull();
  });

  it('reads Shift-JIS, declared by http-equiv', () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body>東京で地震が発生した</body></html>';
    const bytes = iconv.encode(html, 'shift_jis');
    const charset = sniffHtmlCharset(bytes);
    expect(charset).toBe('shift_jis');
    expect(decodeBytes(bytes, charset).text).toContain('東京で地震が発生した');
  });

  it('reads latin1 as windows-1252, as browsers do (curly quotes survive)', () => {
    const bytes = iconv.encode(page('iso-8859-1', 'Café “crème” – São Paulo'), 'windows-1252');
    expect(decodeBytes(bytes, sniffHtmlCharset(bytes)).text).toContain('Café “crème” – São Paulo');
  });

  it('lets a BOM win over a declared charset', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Київ', 'utf8')]);
    expect(decodeBytes(bytes, 'windows-1251').text).toBe('Київ');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kyiv', 'utf16le')]);
    expect(decodeBytes(le).text).toBe('Kyiv');
  });

  it('falls back to windows-1252 with a warning on invalid UTF-8', () => {
    const d = decodeBytes(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]));
    expect(d.text).toBe('Café ok');
    expect(d.encoding).toBe('windows-1252');
    expect(d.warning).toMatch(/invalid UTF-8/);
  });

  it('reads a meta "utf-16" without BOM as UTF-8, as the HTML standard says', () => {
    const bytes = Buffer.from(page('utf-16', 'Zürich'), 'utf8');
    expect(decodeBytes(bytes, sniffHtmlCharset(bytes)).text).toContain('Zürich');
  });

  it('ignores an unknown charset label, with a warning', () => {
    const d = decodeBytes(Buffer.from('plain', 'utf8'), 'x-no-such-charset');
    expect(d.text).toBe('plain');
    expect(d.warning).toMatch(/unknown charset/);
  });

  it('refuses binary data', () => {
    expect(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).toThrow(/binary/);
    expect(looksBinary(Buffer.from('text\n'))).toBe(false);
  });

  it('gunzips', () => {
    const z = gzipSync(Buffer.from('hello'));
    expect(isGzip(z)).toBe(true);
    expect(gunzip(z).toString()).toBe('hello');
    expect(() => gunzip(z.subarray(0, 10))).toThrow(/gzip/);
  });
});

describe('sniffHtmlCharset', () => {
  it('finds nothing when nothing is declared, or only after the first 1024 bytes', () => {
    expect(sniffHtmlCharset(Buffer.from('<html><body>x</body></html>'))).toBeNull();
    expect(sniffHtmlCharset(Buffer.from(' '.repeat(1100) + '<meta charset="koi8-r">'))).toBeNull();
  });
  it('ignores charset= in an unrelated meta tag', () => {
    expect(sniffHtmlCharset(Buffer.from('<meta name="description" content="charset=koi8-r is old">'))).toBeNull();
  });
});
