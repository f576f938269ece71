import { describe, expect, it } from 'vitest';
import { siteOf } from '../ingest/outlet.js';
import type { PlaceAnnotation, SiteProfile } from '../model/types.js';
import { loadGazetteer } from './gazetteer.js';
import { findPlaces } from './places.js';
import { splitSentences } from './sentences.js';
import { addVotes, documentVotes, homeRegion, placeKeys, siteCountry, sitePathNames, siteTownNames, spacedNames } from './site-profile.js';

const g = loadGazetteer();
const placesOf = (text: string, profile: SiteProfile | null = null) => findPlaces(text, splitSentences(text), g, { profile });
const where = (ps: readonly PlaceAnnotation[], name: string) => {
  const p = ps.find((x) => x.text === name);
  return p ? `${p.value.name}, ${p.value.admin1 ?? '-'}, ${p.value.country}` : null;
};

/** A Texas paper's profile, learned from documents that named Tarrant County towns surely. */
function texasPaper(): SiteProfile {
  let p: SiteProfile | null = null;
  const earlier = [
    'Fort Worth police said the crash on Interstate 30 in Fort Worth, Texas, closed two lanes.',
    'Arlington, Texas, will open a new library in Tarrant County next spring.',
    'The Grapevine, Texas, school board met on Tuesday in Tarrant County.',
  ];
  for (const text of earlier) p = addVotes(p, 'example-star.com', documentVotes(placesOf(text)));
  return p!;
}

describe('site profiles', () => {
  it('learns a site from the places its documents read surely', () => {
    const p = texasPaper();
    expect(p.documents).toBe(3);
    expect(p.places['r:US/Texas']).toBe(3);
    expect(homeRegion(p)).toMatchObject({ country: 'US', admin1: 'Texas' });
  });

  it('settles a namesake the text leaves open by the site\'s home region', () => {
    const text = 'Mansfield council to vote on the new budget on Monday.';
    // the text alone: the biggest Mansfield, and not surely
    const alone = placesOf(text);
    expect(where(alone, 'Mansfield')).toBe('Mansfield, England, GB');
    expect(alone[0].confidence).toBeLessThan(0.5);
    expect(where(placesOf(text, texasPaper()), 'Mansfield')).toBe('Mansfield, Texas, US');
  });

  it('never overrides what the text says', () => {
    const text = 'Mansfield council to vote on the new budget. The city in Richland County, Ohio, expects a deficit.';
    expect(where(placesOf(text, texasPaper()), 'Mansfield')).toBe('Mansfield, Ohio, US');
    // a frame settles it too
    expect(where(placesOf('Police in Mansfield, Ohio, arrested two men.', texasPaper()), 'Mansfield')).toBe('Mansfield, Ohio, US');
  });

  it('gives the same votes with or without a profile, so ingest order cannot change a profile', () => {
    for (const text of ['Mansfield council to vote on the new budget on Monday.', 'Athens and Dallas, Texas, signed the deal; Athens will host it.', 'Paris, Texas, and Paris, France, are 8,000 km apart.']) {
      expect(documentVotes(placesOf(text, texasPaper()))).toEqual(documentVotes(placesOf(text)));
    }
  });

  it('keys a place by country, region, county and itself', () => {
    const [dallas] = placesOf('He lives in Dallas, Texas.').filter((p) => p.text === 'Dallas');
    expect(placeKeys(dallas.value)).toEqual(['c:US', 'r:US/Texas', `d:US/Texas/${dallas.value.admin2}`, `p:${dallas.value.geonameid}`]);
  });

  it('names the site by its host', () => {
    expect(siteOf({ url: 'https://www.example-star.com/news/1', site: null, source: 'x.jsonl#1' })).toBe('example-star.com');
    expect(siteOf({ url: 'http://web.archive.org/web/20160713033953/http://ktla.com:80/2016/02/09/story/', site: null, source: 'a' })).toBe('ktla.com');
    expect(siteOf({ url: null, site: 'The Daily Example', source: 'page.html' })).toBe('the daily example');
    expect(siteOf({ url: null, site: null, source: '/home/me/notes.txt' })).toBeNull();
  });
});

describe("a site's country-code domain", () => {
  it('names the country of country-code domains only', () => {
    expect(siteCountry('https://www.thisisoxfordshire.co.uk/news/1')).toBe('GB');
    expect(siteCountry('lfpress.ca')).toBe('CA');
    expect(siteCountry('http://www.dailystar.com.lb/article')).toBe('LB');
    expect(siteCountry('https://www.dallasnews.com/x')).toBeNull();
    expect(siteCountry('news.example.tv')).toBeNull();
    expect(siteCountry('reuters')).toBeNull();
    expect(siteCountry(null)).toBeNull();
  });

  it("breaks a tie the text leaves open toward the site's country, even before any profile", () => {
    const text = 'The council met in Lancaster on Tuesday to discuss parking.';
    const read = (site: string | null) => findPlaces(text, splitSentences(text), g, { site }).find((p) => p.text === 'Lancaster')!.value.country;
    expect(read(null)).toBe('US');
    expect(read('https://www.thelancasterandmorecambecitizen.co.uk/news/1')).toBe('GB');
    // a reading the text makes sure of stays
    const sure = 'Officials in Lancaster, Pennsylvania, said the road was closed.';
    expect(findPlaces(sure, splitSentences(sure), g, { site: 'https://example.co.uk/a' }).find((p) => p.text === 'Lancaster')!.value.country).toBe('US');
  });
});

describe('the town a local paper is named after', () => {
  it("reads the town's name out of the host, newspaper words stripped", () => {
    expect(siteTownNames('http://www.columbustelegram.com/news/1')).toContain('columbus');
    expect(siteTownNames('theparisnews.com')).toContain('paris');
    expect(siteTownNames('https://www.lasvegassun.com/x')).toContain('lasvegas');
    expect(spacedNames('lasvegas')).toContain('las vegas');
    expect(siteTownNames('chronicle.augusta.com')[0]).toBe('augusta');
    // an archived copy names its original host
    expect(siteTownNames('http://web.archive.org/web/20160713033953/http://www.dallasnews.com:80/a')).toContain('dallas');
    expect(siteTownNames('star-telegram.com')).toEqual([]);
    expect(siteTownNames(null)).toEqual([]);
  });

  it('breaks a tie the text leaves open toward places near that town, before any profile', () => {
    const text = 'The council met in Arlington on Tuesday to discuss the new stadium.';
    const read = (site: string | null) => findPlaces(text, splitSentences(text), g, { site }).find((p) => p.text === 'Arlington')!.value.admin1;
    expect(read(null)).toBe('Virginia');
    expect(read('https://www.dallasnews.com/a')).toBe('Texas');
    // a common word or a country's name in a host names no town
    expect(read('https://thepolicenews.net/a')).toBe('Virginia');
  });

  it("reads the town a site's section is named after out of its URL's directories, never the slug", () => {
    expect(sitePathNames('http://www.star-telegram.com/arlington_news/story/1272887.html')).toEqual(['arlington']);
    expect(sitePathNames('http://www.latimes.com/news/local/los_angeles_metro/la-me-x.html')).toEqual(['los angeles']);
    expect(sitePathNames('https://web.archive.org/web/2015/http://www.x.com/news/local/springfield/story.html')).toEqual(['springfield']);
    expect(sitePathNames('http://www.x.com/news/local/shooting-in-dayton.html')).toEqual([]);
    expect(sitePathNames('star-telegram.com')).toEqual([]);
    // an abbreviated first word is spelled out before another word, dropped alone
    expect(sitePathNames('http://x.com/articles/2009/03/13//mt_pleasant_news/top_stories/doc4.txt')).toEqual(['mount pleasant']);
    expect(sitePathNames('http://x.com/mt/news/a.html')).toEqual([]);
    // a host that names no town leaves the section to say where the story is
    const text = 'MANSFIELD — The council will vote today on the financing package.';
    const read = (site: string | null) => findPlaces(text, splitSentences(text), g, { site }).find((p) => p.text === 'MANSFIELD')!.value.admin1;
    expect(read('http://www.star-telegram.com/arlington_news/story/1272887.html')).toBe('Texas');
  });

  it('never trades a city the text prefers for a hamlet without people on the profile\'s word', () => {
    let profile: SiteProfile | null = null;
    for (let i = 0; i < 10; i++) profile = addVotes(profile, 'x.com', ['c:US', 'r:US/Indiana']);
    const text = 'Fans from Richmond and Muncie, Indiana, went to Denver for the game.';
    expect(placesOf(text, profile).find((p) => p.text === 'Denver')!.value.admin1).toBe('Colorado');
  });

  it("takes a generic domain's town in North America when it has a namesake there", () => {
    const text = 'Paris firefighters made quick work of a kitchen fire in S.E. Paris on Tuesday.';
    const read = (site: string | null) => findPlaces(text, splitSentences(text), g, { site }).filter((p) => p.text === 'Paris').map((p) => p.value.country);
    expect(read(null)).toEqual(['FR', 'FR']);
    expect(read('http://theparisnews.com/story.lasso?ewcd=1')).toEqual(['US', 'US']);
    expect(read('http://web.archive.org/web/2009/http://theparisnews.com/story.lasso')).toEqual(['US', 'US']);
  });

  it("pins the site to a section's town near a town its host names: a bare mention is that town", () => {
    const url = 'http://columbuslocalnews.com/articles/2009/03/18/dublin_news/news/story_6.txt';
    // dates are no sections and do not count toward the first directories
    expect(sitePathNames(url)).toEqual(['dublin']);
    const text = "Irish pride was abundant as Dublin's St. Patrick's Day parade stepped off. Dublin City Council members marched.";
    const read = (site: string | null) => findPlaces(text, splitSentences(text), g, { site }).filter((p) => p.text.startsWith('Dublin')).map((p) => p.value.country);
    expect(read(null)).toEqual(['IE', 'IE']);
    expect(read(url)).toEqual(['US', 'US']);
    // a section far from every town the host names pins nothing
    expect(read('http://columbuslocalnews.com/articles/2009/03/18/paris_news/news/story_6.txt')).toEqual(['IE', 'IE']);
  });

  it("reads the site's own name as one of its towns, not a county of that name", () => {
    const text = 'Officials in Norfolk said the fair would open on Friday.';
    const read = (site: string | null) => findPlaces(text, splitSentences(text), g, { site }).find((p) => p.text === 'Norfolk')!.value.precision;
    expect(read(null)).toBe('admin2');
    expect(read('http://norfolkdailynews.com/news/1')).toBe('place');
  });
});
