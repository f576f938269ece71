// The Current Events Portal reader of the type training (scripts/type-data.ts): one item per bullet
// that cites its sources, links reduced to their text, the heading kept, the story bullets above
// an item and headings that mix incidents in left out ("Law and crime" is read: only its hand-labelled
// items train). Hand-written markdown, not the portal's text.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { portalItems, portalKey, wikinewsCategoryKind, wikinewsQuiet, wikitextPlain } from '../scripts/type-data.js';

const PAGE = `---
title: 2031 May 04
---

#### Sports

* [Example Cup](https://example.org/wiki/Example_Cup "Example Cup")
  * The *[Northport Herons](https://example.org/wiki/Herons "Herons")* beat the Southport Gulls 3–1 in the final of the [Example Cup](https://example.org/wiki/Example_Cup_%282031%29 "Example Cup (2031)"). [(Example News)](https://news.example.org/a) [(Other Wire)](https://wire.example.org/b)

**Law and crime**

* A man is charged with stealing forty bicycles from a depot in Northport. [(Example News)](https://news.example.org/c)

#### Disasters and accidents

* Two hikers die after a rockfall on a mountain trail near Southport. [(Example News)](https://news.example.org/d)
* Too short. [(Example News)](https://news.example.org/e)

#### Armed conflicts and attacks

* A drone strike hits a depot near the border, killing three people. [(Example News)](https://news.example.org/f)
`;

describe('portalItems', () => {
  const items = portalItems(PAGE, '2031-05-04');
  it('reads one item per cited bullet, with its heading and links as plain text', () => {
    expect(items.map((i) => [i.gold.heading, i.text])).toEqual([
      ['sports', 'The Northport Herons beat the Southport Gulls 3–1 in the final of the Example Cup.'],
      ['law', 'A man is charged with stealing forty bicycles from a depot in Northport.'],
      ['disasters', 'Two hikers die after a rockfall on a mountain trail near Southport.'],
      ['conflict', 'A drone strike hits a depot near the border, killing three people.'],
    ]);
  });
  it('leaves out fragments', () => {
    expect(items.some((i) => /Too short/.test(i.text))).toBe(false);
  });
  it('names an item by its day and a hash of its text, so a label file holds no text', () => {
    const law = items.find((i) => i.gold.heading === 'law')!;
    const sha = createHash('sha1').update(law.text).digest('hex').slice(0, 8);
    expect(law.gold.item).toBe(`2031-05-04:${sha}`);
    expect(portalKey('2031-05-04', law.text)).toBe(law.gold.item);
  });
  it('keeps every item on the train side, grouped by day', () => {
    expect(items.every((i) => i.set === 'portal' && !i.test && i.key === 'portal:2031-05-04' && i.published === '2031-05-04')).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });
});

// The Wikinews extra negatives (eleventh pass): the conservative filter, wikitext to words, Wikinews' categories to kinds.
// Hand-written sentences, not Wikinews' text.
describe('wikinews', () => {
  it('keeps a quiet kind only when the text names no act of violence', () => {
    expect(wikinewsQuiet('science', 'Astronomers in Chile found a cold planet orbiting a small star.')).toBe(true);
    expect(wikinewsQuiet('science', 'The team said a gunman had attacked the lab last year.')).toBe(false);
    expect(wikinewsQuiet('politics', 'Protesters rallied outside the parliament as the bill passed.')).toBe(false);
    expect(wikinewsQuiet('politics', 'The mayor said police would close the bridge for repairs.')).toBe(true);
    expect(wikinewsQuiet('crime', 'A court in Northport fined the company for late filings.')).toBe(false);
    // a fire or a crash may kill; an obituary may not name a killing
    expect(wikinewsQuiet('disasters', 'A fire at a warehouse killed two workers, firefighters said.')).toBe(true);
    expect(wikinewsQuiet('obituary', 'The singer, who was killed in a crash, was 61.')).toBe(false);
    expect(wikinewsQuiet('obituary', 'The singer died at home aged 88.')).toBe(true);
    // stability and Bombay are no stabbing and no bomb
    expect(wikinewsQuiet('business', 'Shares in Bombay rose on hopes of stability.')).toBe(true);
  });
  it('reduces wikitext to its words', () => {
    expect(wikitextPlain("{{date|May 4, 2031}}\n[[w:Northport|Northport]] '''council''' met {{w|Jane Doe}} and [[Southport]].<ref>x</ref>\n{{publish}}")).toBe('Northport council met Jane Doe and Southport.');
  });
  it("maps Wikinews' top categories to kinds, crime and law before politics", () => {
    expect(wikinewsCategoryKind(['Politics and conflicts', 'Crime and law'])).toBe('crime');
    expect(wikinewsCategoryKind(['Science and technology', 'Internet'])).toBe('science');
    expect(wikinewsCategoryKind(['Brazil'])).toBe(null);
  });
});
