import { describe, expect, it } from 'vitest';
import { cleanAuthor, extractArticle, isBoilerplate, MAX_DEPTH, MAX_ELEMENTS, prescan } from './html.js';
import { InputError } from './errors.js';

const FETCHED = new Date('2023-11-20T12:00:00Z');
const story = [
  'Two military officers and three crew members were killed when their helicopter was shot down on Monday over the province, the ministry said in a statement.',
  'The aircraft had been delivering humanitarian aid to the besieged city, according to officials who spoke on condition of anonymity to reporters.',
  'It was the deadliest single incident for the force since it arrived in the region more than a year ago, and the third loss of an aircraft this season.',
  'Opposition forces may have received new anti-aircraft weapons, a freelance journalist told a television channel on Tuesday evening.',
];

function page({ head = '', before = '', after = '', body = story.map((p) => `<p>${p}</p>`).join('\n'), htmlAttrs = ' lang="en"' } = {}) {
  return `<!DOCTYPE html><html${htmlAttrs}><head>${head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Helicopter shot down</h1>${before}${body}${after}</article>
<footer><p>© 2023 Example News. All rights reserved.</p></footer></body></html>`;
}

describe('extractArticle: text', () => {
  it('returns the body as paragraphs separated by blank lines, title and navigation left out', () => {
    const a = extractArticle(page(), { fetchedAt: FETCHED });
    expect(a.text).toBe(story.join('\n\n'));
    expect(a.warnings).toEqual([]);
  });

  it('never includes script or style content', () => {
    const a = extractArticle(page({ before: '<script>var secret = "TRACKER";</script><style>.x{color:red}</style>', after: '<script type="application/ld+json">{"@type":"NewsArticle"}</script>' }), { fetchedAt: FETCHED });
    expect(a.text).not.toMatch(/TRACKER|color:red|NewsArticle/);
    expect(a.text).toContain(story[0]);
  });

  it('keeps list items and block quotes as their own paragraphs', () => {
    const a = extractArticle(page({ after: '<ul><li>First item of the list of losses</li><li>Second item of the list</li></ul><blockquote>“All those on board died,” he said.</blockquote>' }), { fetchedAt: FETCHED });
    expect(a.text).toContain('\n\nFirst item of the list of losses\n\nSecond item of the list\n\n“All those on board died,” he said.');
  });

  it('drops boilerplate paragraphs and captions', () => {
    const a = extractArticle(
      page({
        before: '<p>By Jane Roe</p><figure><img src="x.jpg"><figcaption>The wreckage, seen from the air (Photo: Reuters)</figcaption></figure><div class="share-tools"><a>SHARE</a></div>',
        after: '<p>Advertisement</p><p>Related stories:</p><p><a href="/a">Another helicopter lost over the northern province last week</a></p><p>Sign up for our daily newsletter to get the news in your inbox.</p><p>We use cookies to improve your experience.</p>',
      }),
      { fetchedAt: FETCHED },
    );
    expect(a.text).toBe(story.join('\n\n'));
  });

  it('normalises whitespace inside paragraphs and joins inline elements', () => {
    const a = extractArticle(page({ before: `<p>The  <b>ministry</b>\n   said&nbsp;it was <a href="#">investigating</a> the crash, ${'and more words follow here '.repeat(3)}</p>` }), { fetchedAt: FETCHED });
    expect(a.text.split('\n\n')[0]).toBe(`The ministry said it was investigating the crash, ${'and more words follow here '.repeat(3).trim()}`);
  });

  it('falls back to the densest paragraphs when Readability finds too little', () => {
    const html = '<html><body><div><p>A short report on a shelling in the city, as given by the local administration.</p></div></body></html>';
    expect(extractArticle(html, { fetchedAt: FETCHED }).text).toBe('A short report on a shelling in the city, as given by the local administration.');
  });

  it('throws InputError only when nothing usable remains', () => {
    expect(() => extractArticle('<html><body><script>x()</script></body></html>')).toThrow(InputError);
    expect(extractArticle('<html><head><title>Only a title</title></head><body></body></html>').title).toBe('Only a title');
  });
});

describe('extractArticle: metadata', () => {
  it('trusts meta tags over JSON-LD over <time> over the URL', () => {
    const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2023-11-04T08:00:00Z","author":{"@type":"Person","name":"Ld Author"},"publisher":{"@type":"Organization","name":"Ld News"}}</script>';
    const time = '<time datetime="2023-11-03">3 Nov</time>';
    const url = 'https://example.com/2023/11/02/helicopter';
    const meta = '<meta property="article:published_time" content="2023-11-05T10:00:00+02:00">';
    expect(extractArticle(page({ head: meta + ld, before: time }), { url, fetchedAt: FETCHED }).published).toBe('2023-11-05');
    expect(extractArticle(page({ head: ld, before: time }), { url, fetchedAt: FETCHED }).published).toBe('2023-11-04');
    expect(extractArticle(page({ before: time }), { url, fetchedAt: FETCHED }).published).toBe('2023-11-03');
    expect(extractArticle(page(), { url, fetchedAt: FETCHED }).published).toBe('2023-11-02');
    expect(extractArticle(page({ before: '<div class="article-date">Published November 1, 2023</div>' }), { fetchedAt: FETCHED }).published).toBe('2023-11-01');
    expect(extractArticle(page(), { fetchedAt: FETCHED }).published).toBeNull();
  });

  it('refuses dates after the fetch and takes the next source', () => {
    const head = '<meta property="article:published_time" content="2031-01-01T00:00:00Z"><meta name="pubdate" content="2023-11-06">';
    expect(extractArticle(page({ head }), { fetchedAt: FETCHED }).published).toBe('2023-11-06');
    const late = '<meta property="article:published_time" content="2023-11-20T13:00:00Z">';
    expect(extractArticle(page({ head: late }), { fetchedAt: FETCHED }).published).toBeNull();
    expect(extractArticle(page(), { url: 'https://x.org/2024/01/01/a', fetchedAt: FETCHED }).published).toBeNull();
  });

  it('reads title, author, site and language, cleaning the site suffix off the title', () => {
    const head = '<title>Helicopter shot down over Hama | Example News</title><meta property="og:site_name" content="Example News"><meta name="author" content="By Jane Roe"><meta http-equiv="content-language" content="en-GB">';
    const a = extractArticle(page({ head, htmlAttrs: '' }), { fetchedAt: FETCHED });
    expect(a).toMatchObject({ title: 'Helicopter shot down over Hama', site: 'Example News', author: 'Jane Roe', lang: 'en-GB' });
    expect(extractArticle(page({ head: '<meta property="og:title" content="OG title - Example News"><meta property="og:site_name" content="Example News">' }), { fetchedAt: FETCHED }).title).toBe('OG title');
  });

  it('takes author and site from JSON-LD when meta tags lack them', () => {
    const ld = '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","author":[{"name":"A One"},{"name":"B Two"}],"publisher":{"name":"Ld News"}}]}</script>';
    expect(extractArticle(page({ head: ld }), { fetchedAt: FETCHED })).toMatchObject({ author: 'A One, B Two', site: 'Ld News' });
  });

  it('prefers the headline when the title is a section name or carries one', () => {
    const guardian = '<title>The Guardian view on Hong Kong: a city on the brink | Editorial | Opinion | The Guardian</title><meta property="og:site_name" content="the Guardian"><meta property="og:title" content="The Guardian view on Hong Kong: a city on the brink | Editorial">';
    expect(extractArticle(page({ head: guardian }), { fetchedAt: FETCHED, url: 'https://www.theguardian.com/commentisfree/2019/nov/18/x' }).title).toBe('The Guardian view on Hong Kong: a city on the brink');
    expect(extractArticle(page({ head: '<title>Editorial</title>' }), { fetchedAt: FETCHED }).title).toBe('Helicopter shot down');
    expect(extractArticle(page({ head: '<meta property="og:title" content="Opinion | Helicopter shot down">' }), { fetchedAt: FETCHED }).title).toBe('Helicopter shot down');
  });

  it('takes no handle, section, site name or sentence for an author, and tries the next source', () => {
    const head = (author: string) => `<meta property="og:site_name" content="Slash Gear"><meta name="author" content="${author}"><meta name="twitter:creator" content="@slashgear">`;
    for (const bad of ['The Russian and Syrian defense ministries', 'BryanDeArdo', 'venturebeat', 'RT_com', 'Editorial', 'slashgear', 'Staff Writer', 'https://example.com/profile/x'])
      expect(extractArticle(page({ head: head(bad) }), { fetchedAt: FETCHED, url: 'https://www.slashgear.com/x' }).author, bad).toBeNull();
    const withByline = page({ head: head('slashgear'), before: '<p class="byline">By <a rel="author" href="/a">Chris Davies</a></p>' });
    expect(extractArticle(withByline, { fetchedAt: FETCHED }).author).toBe('Chris Davies');
  });

  it('cleans affiliations and roles off named authors', () => {
    expect(cleanAuthor('TOM KRISHER, AP Auto Writer')).toBe('TOM KRISHER');
    expect(cleanAuthor('Victor Tangermann, Futurism')).toBe('Victor Tangermann');
    expect(cleanAuthor('Finian Cunningham. Sputnik International')).toBe('Finian Cunningham');
    expect(cleanAuthor('Lisa Kaczke and Trevor J. Mitchell')).toBe('Lisa Kaczke, Trevor J. Mitchell');
    expect(cleanAuthor('Marcus De Guzman')).toBe('Marcus De Guzman');
    expect(cleanAuthor('Ludwig van Beethoven')).toBe('Ludwig van Beethoven');
    expect(cleanAuthor('Reuters')).toBe('Reuters');
    expect(cleanAuthor('Associated Press')).toBe('Associated Press');
    expect(cleanAuthor('BBC News', ['BBC News'])).toBeNull();
  });
});

describe('extractArticle: bounds', () => {
  it('flattens 100,000 nested elements without blowing the stack', () => {
    const n = 100_000;
    const html = `<html><body>${'<div>'.repeat(n)}<p>${story[0]}</p><p>${story[1]}</p>${'</div>'.repeat(n)}</body></html>`;
    const t0 = Date.now();
    const a = extractArticle(html, { fetchedAt: FETCHED });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(a.text).toContain(story[0]);
    expect(a.warnings.join(' ')).toMatch(new RegExp(`deeper than ${MAX_DEPTH}`));
  });

  it('cuts 200,000 unclosed tags at the element bound', () => {
    const html = `<html><body><p>${story[0]}</p>${'<span><b>x '.repeat(100_000)}</body></html>`;
    const t0 = Date.now();
    const a = extractArticle(html, { fetchedAt: FETCHED });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(a.warnings.join(' ')).toMatch(new RegExp(`${MAX_ELEMENTS} elements|deeper than`));
  });

  it('survives unclosed comments, scripts and tags', () => {
    expect(() => extractArticle(`<html><body><p>${story[0]}</p><!-- never closed ${'<p>x'.repeat(1000)}`)).not.toThrow();
    expect(extractArticle(`<html><body><p>${story[0]}</p><script>${'<div>'.repeat(1000)}`).text).toBe(story[0]);
    expect(() => extractArticle(`<p>${story[0]}</p>${'<a '.repeat(50_000)}`)).not.toThrow();
  });

  it('reads a 5 MB page in under 2 s', () => {
    const chunk = `<div class="item"><p>${story[2]}</p><script>var a = ${JSON.stringify('x'.repeat(500))};</script><ul><li><a href="/l">link one</a></li><li><a href="/l">link two</a></li></ul></div>\n`;
    const html = `<html><body><article>${story.map((p) => `<p>${p}</p>`).join('')}</article>${chunk.repeat(Math.ceil(5e6 / chunk.length))}</body></html>`;
    expect(html.length).toBeGreaterThan(5e6);
    const t0 = Date.now();
    const a = extractArticle(html, { fetchedAt: FETCHED });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(a.text.length).toBeGreaterThan(100);
  });

  it('prescan lifts JSON-LD and drops scripts, styles and comments', () => {
    const p = prescan('<head><script type="application/ld+json">{"a":1}</script><style>p{}</style></head><!-- c --><p>x</p><SCRIPT>y</SCRIPT >');
    expect(p.jsonLd).toEqual(['{"a":1}']);
    expect(p.markup).toBe('<head></head><p>x</p>');
  });
});

describe('extractArticle: what follows the story', () => {
  it('cuts a press release at its "About X" section or the issuer profile', () => {
    const about = '<h3>About Example Corp</h3><p>Example Corp is a global provider of helicopter services, with offices in 12 countries and 1,300 staff worldwide.</p>';
    expect(extractArticle(page({ after: about }), { fetchedAt: FETCHED }).text).toBe(story.join('\n\n'));
    const head = '<meta property="og:site_name" content="Helicopter Corp">';
    const profile = '<hr><p>Helicopter Corp is a leading provider of aviation solutions focused on humanitarian logistics and rescue flights.</p><p>Helicopter Corp is headquartered in Baar.</p>';
    expect(extractArticle(page({ head, after: profile }), { fetchedAt: FETCHED }).text).toBe(story.join('\n\n'));
  });

  it('cuts promotion after a closing prompt, but never a story that merely mentions one', () => {
    const promo = '<p>Want more stories like this?</p><p>Every day we send an email with the top stories.</p><h3>LIFE AFTER FEDERER</h3><p>When the three greatest players ever happen to have been born within six years of one another, the sport changes.</p>';
    expect(extractArticle(page({ after: promo }), { fetchedAt: FETCHED }).text).toBe(story.join('\n\n'));
    // In the first half of the text the same words are the story's, not a footer's.
    const early = page({ before: '<p>About Example Corp</p>' });
    expect(extractArticle(early, { fetchedAt: FETCHED }).text).toContain(story[3]);
  });

  it('drops standfirsts, hover cards, repeated titles, bare dates and the byline name', () => {
    const a = extractArticle(
      page({
        head: '<meta name="author" content="Jane Roe">',
        before: '<h2 class="sub-headline">A summary line that the page shows under the headline.</h2><p>Helicopter shot down</p><p>September 15, 2014</p><p>Jane Roe</p>',
        body: `<p>${story[0].replace('ministry', 'ministry <span class="rollover-people"><a>Ministry</a><span class="rollover-block"><a>Hillicon Valley: unrelated headline | another one</a></span></span>')}</p>${story.slice(1).map((p) => `<p>${p}</p>`).join('')}`,
      }),
      { fetchedAt: FETCHED },
    );
    expect(a.text).not.toMatch(/summary line|Hillicon|September 15|^Jane Roe|Helicopter shot down/m);
    expect(a.text).toContain(story[1]);
  });
});

describe('isBoilerplate', () => {
  it('knows furniture', () => {
    for (const s of ['Natalie Naccache | Bloomberg | Getty Images', 'Join our Space Forums to keep talking space on the latest missions!', 'Get Motor Cycle Monthly delivered through your letterbox every month.', 'Her book is out now. Follow her on Twitter @example.', 'Publié le 7 juin 2016', 'Sign In', 'Iklan', 'This post may contain affiliate and/or referral links. Please see my disclosure page.', 'Vicente Aguiar loads garage door trims into his pickup truck (AP Photo/Alan Diaz, File)', 'Advertisement', 'SHARE', 'Related stories:', 'Photo: AP', 'Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM', 'By Justine Coleman - 11/18/19 11:04 PM EST', '© Aaron Schwartz'])
      expect(isBoilerplate(s), s).toBe(true);
  });
  it('keeps sentences of the story', () => {
    for (const s of story.concat(['He said they would share the cost.', 'By Monday, the fighting had stopped in the north of the city.']))
      expect(isBoilerplate(s), s).toBe(false);
  });
});
