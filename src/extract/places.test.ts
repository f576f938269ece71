import { describe, expect, it } from 'vitest';
import type { Document, PlaceAnnotation } from '../model/types.js';
import { loadGazetteer } from './gazetteer.js';
import { findPlaces, places, tokenize } from './places.js';
import { splitSentences } from './sentences.js';

const gazetteer = loadGazetteer();

function run(text: string): PlaceAnnotation[] {
  const document: Document = { id: 'doc_test', source: 'test', url: null, title: null, published: null, author: null, site: null, lang: 'en', text };
  const out = places.run({ document, annotations: splitSentences(text) }, { gazetteer });
  for (const a of out.annotations) expect(text.slice(a.start, a.end)).toBe((a as PlaceAnnotation).text);
  return out.annotations as PlaceAnnotation[];
}

const byText = (ps: PlaceAnnotation[], t: string) => ps.find((p) => p.text === t);

describe('places', () => {
  it('resolves a town qualified by its region later in the sentence', () => {
    const text = 'The convoy stopped near Kupiansk, a town close to the Russian border in Kharkiv.';
    const ps = run(text);
    const town = byText(ps, 'Kupiansk')!;
    expect(town.value).toMatchObject({ country: 'UA', admin1: 'Kharkiv', precision: 'place' });
    expect(town.preposition).toBe('near');
    const region = byText(ps, 'Kharkiv')!;
    expect(region.value.precision).toBe('admin1');
    expect(region.qualifies).toBe(town.start);
    // "Russian border" is an adjective, not a mention of Russia
    expect(ps.some((p) => p.value.country === 'RU')).toBe(false);
  });

  it('reads "X province" and possessive qualifiers', () => {
    const ps = run('A jet was shot down over Syria’s Hama province on Tuesday.');
    const hama = byText(ps, 'Hama')!;
    expect(hama.value).toMatchObject({ country: 'SY', precision: 'admin1' });
    expect(hama.preposition).toBeNull();
    const syria = byText(ps, 'Syria')!;
    expect(syria.qualifies).toBe(hama.start);
    expect(syria.preposition).toBe('over');
  });

  it('uses "Town, State" to pick the right namesake', () => {
    const ps = run('The fair opened in Springfield, Illinois, on Saturday.');
    const town = byText(ps, 'Springfield')!;
    expect(town.value).toMatchObject({ country: 'US', admin1: 'Illinois', precision: 'place' });
    expect(byText(ps, 'Illinois')!.qualifies).toBe(town.start);
  });

  it('follows the document context for ambiguous names', () => {
    const us = run('Storms hit Atlanta and Savannah. Georgia officials said roads in Georgia were closed.');
    expect(us.filter((p) => p.text === 'Georgia').every((p) => p.value.country === 'US')).toBe(true);
    const caucasus = run('Talks in Tbilisi went on. Russia and Georgia exchanged notes about South Ossetia.');
    expect(byText(caucasus, 'Georgia')!.value).toMatchObject({ country: 'GE', precision: 'country' });
  });

  it('knows transliterations and curated bases', () => {
    const ps = run('Troops flew from Kharkov to Incirlik Air Base in southern Turkey.');
    expect(byText(ps, 'Kharkov')!.value).toMatchObject({ name: 'Kharkiv', country: 'UA' });
    expect(byText(ps, 'Incirlik Air Base')!.value).toMatchObject({ country: 'TR' });
    expect(byText(ps, 'Incirlik Air Base')!.preposition).toBe('to');
  });

  it('includes a capitalised type word and reads abbreviations of states after a comma', () => {
    const ps = run('Deputies in Laurel County arrested a man from Gainesville, Ga., on Friday.');
    expect(byText(ps, 'Laurel County')!.value).toMatchObject({ precision: 'admin2', country: 'US', admin1: 'Kentucky' });
    expect(byText(ps, 'Gainesville')!.value).toMatchObject({ admin1: 'Georgia' });
    expect(byText(ps, 'Ga.')).toBeDefined();
  });

  it('emits nothing for people, organisations, demonyms and common words', () => {
    const negatives = [
      'A Syrian official and a Russian diplomat met on Monday.',
      'Jordan Smith scored twice for Georgia Tech.',
      'The Syrian Observatory for Human Rights said the toll rose.',
      'Reading the report, Paris Hilton laughed.',
      'Police said the march would start on Thursday in May.',
      'Mobile phones were banned.',
      'He works for the Washington Post.',
    ];
    for (const text of negatives) expect(run(text), text).toEqual([]);
  });

  it('keeps a later surname from reading as a place', () => {
    const ps = run('Officer Tom Lincoln arrived. Lincoln said the road was closed.');
    expect(ps).toEqual([]);
  });

  it('finds countries written as abbreviations', () => {
    const ps = run('The U.S. and the UK sent aid to Ukraine.');
    expect(ps.map((p) => p.value.country)).toEqual(['US', 'GB', 'UA']);
    expect(byText(ps, 'U.S.')).toBeDefined();
  });

  it('lets two ambiguous names settle each other', () => {
    // neither "Walker County" (AL, GA, TX) nor "Huntsville" (AL, TX) is clear alone
    const ps = run('Deputies in Walker County said the fire near Huntsville was out.');
    expect(byText(ps, 'Walker County')!.value).toMatchObject({ country: 'US', admin1: 'Texas' });
    expect(byText(ps, 'Huntsville')!.value).toMatchObject({ country: 'US', admin1: 'Texas' });
  });

  it('counts a place that names a body, but not a first name or a person with an age', () => {
    const ps = run('Crews from the Texas Forest Service helped. Barnes, 39, of Pomeroy was charged.');
    expect(byText(ps, 'Texas')!.value).toMatchObject({ precision: 'admin1', admin1: 'Texas' });
    expect(byText(ps, 'Barnes')).toBeUndefined();
    expect(run('Virginia Alexander and Chad Walker spoke.')).toEqual([]);
    expect(run('Reporters from the Washington Drive office left.')).toEqual([]);
  });

  it('reads the self-proclaimed republics as their oblasts', () => {
    const text = "Militia of the Donetsk People's Republic and the Lugansk Republic said the DPR and LPR would hold.";
    const ps = run(text);
    expect(ps.map((p) => p.value.admin1)).toEqual(['Donetsk', 'Luhansk', 'Donetsk', 'Luhansk']);
    expect(ps.every((p) => p.value.country === 'UA' && p.value.precision === 'admin1')).toBe(true);
    expect(byText(ps, "Donetsk People's Republic")).toBeDefined();
  });

  it('finds Ukrainian places in another romanisation when the document is about Ukraine', () => {
    const ps = run('Ukrainian forces shelled Alexandrovka and Gorlovka, the DPR said.');
    expect(byText(ps, 'Alexandrovka')!.value).toMatchObject({ name: 'Oleksandrivka', country: 'UA' });
    expect(byText(ps, 'Gorlovka')!.value).toMatchObject({ name: 'Horlivka', country: 'UA', admin1: 'Donetsk' });
  });

  it('keeps a place standing for its government, without a preposition', () => {
    const ps = run('Fighting between rebels and Kiev forces went on. Moscow denies it. Shells fell in Kiev.');
    const kiev = ps.filter((p) => p.text === 'Kiev');
    expect(kiev.map((p) => p.preposition)).toEqual([null, 'in']);
    expect(byText(ps, 'Moscow')!.preposition).toBeNull();
    // a compass word keeps the country a country
    expect(byText(run('Fighting went on in eastern Ukraine.'), 'Ukraine')!.value.precision).toBe('country');
  });

  it('emits adjectives as their countries only when asked', () => {
    const text = 'A Russian jet crashed.';
    expect(run(text)).toEqual([]);
    const ps = findPlaces(text, splitSentences(text), gazetteer, { adjectives: true });
    expect(ps.map((p) => [p.text, p.value.country, p.preposition])).toEqual([['Russian', 'RU', null]]);
    // a demonym several countries share is the most populous one's
    expect(findPlaces('American aid', [], gazetteer, { adjectives: true })[0].value.country).toBe('US');
    const two = 'Sri Lankan troops met Canadians.';
    expect(findPlaces(two, splitSentences(two), gazetteer, { adjectives: true }).map((p) => [p.text, p.value.country])).toEqual([['Sri Lankan', 'LK'], ['Canadians', 'CA']]);
    // a country without a demonym gives no plural "s" ("New U.S. Airline")
    expect(gazetteer.demonymCountry('S')).toBeNull();
    expect(run('Leaders of the Chamber of Commerce met.').some((p) => p.text === 'Commerce')).toBe(false);
  });

  it('reads a region named for a small seat as the region, a big city as the city', () => {
    expect(byText(run('Flooding hit Quebec on Monday.'), 'Quebec')!.value.precision).toBe('admin1');
    expect(byText(run('Shelling hit Aleppo on Monday.'), 'Aleppo')!.value.precision).toBe('place');
  });

  it('takes a region name before a settlement word for another place, and a city name after a first name for a person', () => {
    // (the town itself is a post office of Anderson County, Texas, in the bundled data: never the state)
    expect(run('A man from Tennessee Colony was found.').map((p) => [p.text, p.value.name, p.value.admin1])).toEqual([['Tennessee Colony', 'Tennessee Colony', 'Texas']]);
    expect(run('Melton Lewis Paris, 51, was found. Paris had been shot once.')).toEqual([]);
    // a country's name stays a place
    expect(byText(run('Georgia Smith spoke. Troops left Georgia.'), 'Georgia')).toBeDefined();
  });

  it("reads a state's postal code after a town and a comma as the state, and nowhere else", () => {
    const found = run('The crash near Paris, TX killed two; a man from Athens, TN was hurt.');
    expect(byText(found, 'Paris')!.value).toMatchObject({ country: 'US', admin1: 'Texas' });
    expect(byText(found, 'TX')!.value).toMatchObject({ name: 'Texas', precision: 'admin1' });
    expect(byText(found, 'Athens')!.value).toMatchObject({ admin1: 'Tennessee' });
    expect(byText(run('The VA said IN the morning that OR and PA were fine.'), 'VA')).toBeUndefined();
  });

  it('reads a short name in capitals that opens a dateline as a town, not an acronym', () => {
    expect(byText(run('Rising costs. PARIS, Mo. — In 1999, the mill closed.'), 'PARIS')!.value).toMatchObject({ admin1: 'Missouri' });
    expect(byText(run('ROME (AP) — The pope spoke on Sunday.'), 'ROME')!.value).toMatchObject({ country: 'IT' });
    expect(byText(run('The report came from PARIS in the spring.'), 'PARIS')).toBeUndefined();
  });

  it('reads a name only a hamlet without people bears as a place only where the text says it as one', () => {
    expect(byText(run('Commissioner Van Voorhis said the vote went well.'), 'Van Voorhis')).toBeUndefined();
    expect(byText(run('The fair in Van Voorhis opens on Friday.'), 'Van Voorhis')!.value).toMatchObject({ country: 'US', admin1: 'Pennsylvania' });
  });

  it('reads "Mt." and "Ft." as "Mount" and "Fort", and the other way round', () => {
    const found = run('He lives in Mt. Pleasant, Iowa, and works in Ft. Madison.');
    expect(byText(found, 'Mt. Pleasant')!.value).toMatchObject({ name: 'Mount Pleasant', admin1: 'Iowa' });
    expect(byText(found, 'Ft. Madison')!.value).toMatchObject({ name: 'Fort Madison', admin1: 'Iowa' });
  });

  it('reads two names joined by a hyphen as two places', () => {
    expect(byText(run('Traffic on the Tampa-Orlando corridor grew.'), 'Tampa')).toBeDefined();
    expect(byText(run('They lost to Watertown-ML on Friday.'), 'Watertown')).toBeDefined();
  });

  it('reads a town after an organisation\'s initials as its branch there, but not a ship', () => {
    expect(byText(run('He told CBC Toronto on Monday.'), 'Toronto')!.value.country).toBe('CA');
    expect(run('A memorial to the USS Arizona opened.').some((p) => p.text === 'Arizona')).toBe(false);
  });

  it('reads a city before an English word as the place of what it names, but not a small namesake or a landform', () => {
    expect(byText(run('The Nashville Film Festival opens today.'), 'Nashville')!.value.admin1).toBe('Tennessee');
    expect(run('She studied at Chapman University.').some((p) => p.text === 'Chapman')).toBe(false);
    expect(run('A man from Meadow Grove was charged.').some((p) => p.text === 'Meadow')).toBe(false);
  });

  it('reads a region after an English word as the region, but not after a first name or in a party name', () => {
    expect(byText(run('Members of Education Minnesota met.'), 'Minnesota')!.value.precision).toBe('admin1');
    expect(run('The United Russia candidate won.').some((p) => p.text === 'Russia')).toBe(false);
  });

  it('reads a day after a name as no part of it', () => {
    expect(byText(run('Snow is expected to fall on Toronto Saturday night.'), 'Toronto')!.value.country).toBe('CA');
  });

  it('reads "US" in capitals as the country, not the word "us"', () => {
    expect(byText(run('Much now hinges on the US taking a fresh view.'), 'US')!.value.country).toBe('US');
    expect(run('LET US GO HOME.').some((p) => p.text === 'US')).toBe(false);
  });

  it('reads state abbreviations after a party letter or before a lower-case word', () => {
    expect(byText(run('Sen. Bob Casey, D-Pa., called for an inquiry.'), 'Pa.')!.value).toMatchObject({ country: 'US', admin1: 'Pennsylvania' });
    expect(byText(run('Police found an Ill. man in the car.'), 'Ill.')!.value.admin1).toBe('Illinois');
    expect(byText(run('The slide closed a road in W.Va. on Monday.'), 'W.Va.')).toBeDefined();
    // a sentence that ends in "Mass." is no mention of Massachusetts
    expect(run('They went to Mass. Then they ate.').some((p) => p.text === 'Mass.')).toBe(false);
  });

  it('reads a big city\'s dotted initials, even before a full stop', () => {
    expect(byText(run('The band moved to L.A. in May.'), 'L.A.')!.value).toMatchObject({ name: 'Los Angeles', country: 'US' });
    expect(run('The band moved to L.A.. Then it split.').map((p) => p.value.name)).toEqual(['Los Angeles']);
  });

  it('knows continents', () => {
    expect(byText(run('Officials in Europe agreed.'), 'Europe')!.value).toMatchObject({ precision: 'country', geonameid: 6255148 });
  });

  it('finds streets and roads and reports them at the town they are in', () => {
    const ps = run('Firefighters were called to a house on Maple Grove Drive in Springfield, Illinois, on Sunday. Traffic on Highway 12 and on N. Elm St. was slow.');
    const street = byText(ps, 'Maple Grove Drive')!;
    expect(street.value).toMatchObject({ name: 'Springfield', admin1: 'Illinois', precision: 'place' });
    expect(street.preposition).toBe('on');
    expect(byText(ps, 'Highway 12')!.value).toMatchObject({ name: 'Springfield', admin1: 'Illinois' });
    expect(byText(ps, 'N. Elm St.')!.value.name).toBe('Springfield');
    // an address, a compass abbreviation and a day after the name
    const more = run('Police in Springfield, Illinois, searched 412 Birch Road Lot 9, a house at 80 Cedar St. Officers said, and 12 Ninth Street N.W. on Quarry Lane Monday.').map((p) => p.text);
    expect(more).toEqual(expect.arrayContaining(['Birch Road', 'Cedar St.', 'Ninth Street N.W.', 'Quarry Lane']));
  });

  it('takes no person, newspaper or lone street for a place', () => {
    expect(run('Margaret T. Lane spoke to the Wall Street Journal in Dayton, Ohio.').map((p) => p.text)).toEqual(['Dayton', 'Ohio']);
    // no town to put it in
    expect(run('The parade went down Maple Grove Drive.')).toEqual([]);
  });

  it('places a natural feature only by its namesake town near the story or a place after it', () => {
    const ps = run('Kayakers from Rock Hill launched onto the Catawba River on Sunday. Others fished the Quillomack Creek and Lake Drennow, Ohio.');
    expect(byText(ps, 'Catawba River')!.value).toMatchObject({ name: 'Catawba', admin1: 'South Carolina' });
    expect(byText(ps, 'Quillomack Creek')).toBeUndefined();
    expect(byText(ps, 'Lake Drennow')!.value).toMatchObject({ name: 'Ohio', precision: 'admin1' });
  });

  it('reads an unknown place where people live as lying near the story\'s town', () => {
    const ps = run('Police in Dayton, Ohio, said a Quarrow Glen man and Jane Roe, 38, of Tillbrook were charged. The Smith family and a Christian man were not.');
    expect(ps.map((p) => p.text)).toEqual(['Dayton', 'Ohio', 'Quarrow Glen', 'Tillbrook']);
    expect(byText(ps, 'Tillbrook')!.value).toMatchObject({ name: 'Dayton', admin1: 'Ohio', precision: 'place' });
  });

  it('reads names listed before "counties" as counties', () => {
    const ps = run('Flood warnings covered Walton, Clarke and Oconee counties on Friday.');
    expect(ps.map((p) => p.text)).toEqual(['Walton', 'Clarke', 'Oconee']);
    for (const p of ps) expect(p.value).toMatchObject({ admin1: 'Georgia', precision: 'admin2' });
  });

  it('reads a state after a party letter, and a state before a body on a road word', () => {
    expect(byText(run('The bill came from Rep. Ann Dole, D-N.Y., on Monday.'), 'N.Y.')!.value).toMatchObject({ name: 'New York', precision: 'admin1' });
    expect(byText(run('Two Oregon Highway Patrol cars were hit.'), 'Oregon')!.value).toMatchObject({ precision: 'admin1' });
  });

  it('reads a state that is also a first name as the state before a body of several words', () => {
    expect(byText(run('Agents of the Georgia Bureau of Investigation searched a house in Macon.'), 'Georgia')!.value).toMatchObject({ country: 'US', precision: 'admin1' });
    expect(byText(run('Virginia Weaver spoke to reporters.'), 'Virginia')).toBeUndefined();
    // a girl named for a state stays a girl through the story, even "to Georgia's credit"…
    expect(run('Young Georgia Pettibone skates daily. Georgia began at four, and to Georgia\'s credit she never quit.')).toEqual([]);
    // …unless it also says "in Georgia"
    expect(run('Georgia Pettibone skates daily. She was born in Georgia.').some((p) => p.text === 'Georgia' && p.preposition === 'in')).toBe(true);
  });

  it('takes a name after a first name and a middle initial for a surname, here and later', () => {
    expect(run('John W. Coull beat out David F. Farnham for the seat. Farnham had held it for years.').some((p) => p.text === 'Farnham')).toBe(false);
    // without the first name and initial it is the town
    expect(run('Farnham is a town in Surrey.').some((p) => p.text === 'Farnham')).toBe(true);
  });

  it('takes firms and titled people for no places, here and later', () => {
    expect(run('The firm Dayton & Lancaster won the contract in Ohio.').map((p) => p.text)).toEqual(['Ohio']);
    expect(run('Shoppers went to Valu-Mart on Friday.')).toEqual([]);
    expect(run('President Lincoln spoke first. Afterwards the crowd cheered Lincoln again.')).toEqual([]);
    // a name with one reading is no place before a body's name just because it stands alone elsewhere
    expect(run('The Belk Foundation gave money. Belk opened a store.').some((p) => p.start === 4)).toBe(false);
  });

  it('warns instead of failing with a gazetteer that cannot look up names', () => {
    const document: Document = { id: 'd', source: 't', url: null, title: null, published: null, author: null, site: null, lang: null, text: 'In Kyiv.' };
    const out = places.run({ document, annotations: [] }, { gazetteer: { demonymCountry: () => null, country: () => null } });
    expect(out.annotations).toEqual([]);
    expect(out.messages?.[0].rule).toBe('places:no-gazetteer');
  });
});

describe('tokenize', () => {
  // the definition the hand-written scanner follows
  const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  const byRegex = (text: string) => [...text.matchAll(TOKEN)].map((m) => {
    const possessive = m[0].length > 3 && /['’]s$/.test(m[0]);
    const word = possessive ? m[0].slice(0, -2) : m[0];
    return { start: m.index, end: m.index + word.length, text: word, cap: /^\p{Lu}/u.test(word), possessive };
  });

  it('finds the spans, possessives and capitals the token regex defines', () => {
    const texts = [
      "People's Republic of O’Brien's town, Donets'k and Kyiv's 3rd brigade; it's 12th-ish.",
      'Ärzte in Łódź, Škoda at ÖBB, élan; 𝐀𝐁 and 𝑥y, Ελλάδα ΣΟΣ, 2x4 O\'Neil2 ’tis rock’n’roll',
      "a lone \ud800 surrogate, trailing apostrophe' and ’ quote, x''y, ab's",
    ];
    for (const text of texts) {
      const got = tokenize(text, []).map(({ start, end, text: t, cap, possessive }) => ({ start, end, text: t, cap, possessive }));
      expect(got).toEqual(byRegex(text));
    }
  });
});

describe('places in coded notes', () => {
  describe('administrative frames', () => {
    it('keeps the reading inside the frame a type word and a comma give', () => {
      const ps = run('Heavy fighting was reported in Hays district, Al Hudaydah, on Sunday.');
      expect(byText(ps, 'Hays')!.value).toMatchObject({ country: 'YE', precision: 'place' });
    });

    it('drops a namesake abroad and leaves the region it is said to be in', () => {
      const ps = run('Soldiers burned houses in Kani township, Sagaing region, on Monday.');
      expect(ps.some((p) => p.value.country === 'JP')).toBe(false);
      expect(ps.some((p) => p.value.country === 'MM')).toBe(true);
    });

    it('reads a frame in parentheses past a unit the gazetteer lacks', () => {
      const ps = run('Gunmen raided a post in Uri (Baramulla district, Jammu and Kashmir) overnight.');
      const town = byText(ps, 'Uri')!;
      expect(town.value).toMatchObject({ country: 'IN', precision: 'place' });
      expect(byText(ps, 'Jammu and Kashmir')!.qualifies).toBe(town.start);
    });

    it('takes second-level unit words as type words', () => {
      expect(byText(run('Bandits looted shops in Faskari LGA, Katsina state.'), 'Faskari LGA')!.value).toMatchObject({ country: 'NG' });
      expect(byText(run('Rebels took two villages in Beni territory (Nord-Kivu).'), 'Beni')!.value).toMatchObject({ country: 'CD', precision: 'place' });
    });

    it('reads no frame in parentheses that describe', () => {
      const ps = run('The plant in Sanford, Florida (near Orlando, Florida) closed.');
      expect(ps.filter((p) => p.text === 'Florida').every((p) => p.value.country === 'US')).toBe(true);
    });

    it('keeps a town in the frame country when the region codes disagree', () => {
      expect(byText(run('Soldiers fought gunmen in Aguililla (Michoacan) at dawn.'), 'Aguililla')!.value).toMatchObject({ country: 'MX', precision: 'place' });
    });

    it('reads a compass word with a unit word as a region', () => {
      const ps = run('Protesters blocked roads in Tripoli (North governorate) on Friday.');
      expect(byText(ps, 'Tripoli')!.value).toMatchObject({ country: 'LB' });
    });

    it('keeps the names of one frame in one country', () => {
      const ps = run('Drones hit a market in Mai Tsebri (North Western zone, Tigray region).');
      expect(ps.some((p) => p.value.country === 'LK')).toBe(false);
      expect(byText(ps, 'Tigray')!.value.country).toBe('ET');
    });

    it('drops a namesake abroad before "Place," that ends the phrase, not in a list', () => {
      const ps = run('A bomb went off in Dasht-e-Barchi, Kabul, killing 4.');
      expect(ps.every((p) => p.value.country === 'AF')).toBe(true);
      expect(byText(run('Storms hit Clay, Barchi, Kabul and Herat.'), 'Barchi')).toBeDefined();
    });

    it('reads no place in a military operation\'s name, nor the first word of a hyphenated name', () => {
      expect(run('Fighting went on during Operation “Olive Branch” on Monday.').map((p) => p.text)).toEqual([]);
      expect(run('The “Olive Branch” operation went on.').map((p) => p.text)).toEqual([]);
      expect(run('Shells hit Tell-el-Abyad and Dasht-e-Barchi.').map((p) => p.text)).not.toContain('Dasht');
    });

    it('reads no place in a ship named for one, and still reads the place itself', () => {
      expect(run('INS Mysore arrived in Djibouti on Monday.').map((p) => p.text)).toEqual(['Djibouti']);
      expect(run('The USS Cole was bombed in Aden.').map((p) => p.text)).toEqual(['Aden']);
      expect(run('Floods hit Mysore on Monday.').map((p) => p.text)).toEqual(['Mysore']);
    });

    it('reads a Mexican state by its usual abbreviation after a town', () => {
      const ps = run('Celaya Gto: two men killed at a car wash.');
      expect(byText(ps, 'Celaya')!.value).toMatchObject({ country: 'MX', admin1: 'Guanajuato' });
    });

    it('reads a headline after a bracketed tag as opening there', () => {
      expect(byText(run('[Video] In Celaya gunmen killed a man.'), 'Celaya')!.value.country).toBe('MX');
    });

    it('counts a seat GeoNames gives no people as a town, and knows towns cities500 lacks', () => {
      expect(byText(run('Airstrikes hit Ariha on Monday.'), 'Ariha')!.value.country).toBe('SY');
      expect(byText(run('Fighting was reported in Kyaukme on Monday.'), 'Kyaukme')!.value.country).toBe('MM');
    });

    it('keeps a short region name with its unit word', () => {
      expect(byText(run('Fighters attacked an army base in Lac province at night.'), 'Lac')!.value).toMatchObject({ country: 'TD', precision: 'admin1' });
    });

    it('reads frames right to left, so a name dropped from one frames nothing', () => {
      expect(byText(run('Gunmen shot a trader in Turbat, Kech district (Balochistan).'), 'Turbat')!.value).toMatchObject({ country: 'PK' });
    });

    it('drops a namesake abroad before a unit named for a town', () => {
      const ps = run('Militiamen burned houses in Tole kebele, Gimbi woreda (Oromia).');
      expect(ps.every((p) => p.value.country === 'ET')).toBe(true);
    });

    it('trusts "Town, Place" only when the place is surely a region or capital by its own name', () => {
      expect(byText(run('Rebels attacked an outpost in Gandara, Samar; no casualties.'), 'Gandara')!.value).toMatchObject({ country: 'PH' });
    });

    it('lets a frame in the same country qualify a town whose region codes disagree', () => {
      const ps = run('Shells fell on a market in El Fasher (North Darfur).');
      const town = byText(ps, 'El Fasher')!;
      expect(town.value).toMatchObject({ country: 'SD', admin1: 'North Darfur' });
      expect(byText(ps, 'North Darfur')!.qualifies).toBe(town.start);
    });

    it('reads a name in a frame as the region and lends the frame to a name joined to it', () => {
      const ps = run('Soldiers were ambushed between Boni and Torodi (Tillaberi) at dawn.');
      expect(byText(ps, 'Tillaberi')!.value).toMatchObject({ country: 'NE', precision: 'admin1' });
      expect(ps.every((p) => p.value.country === 'NE')).toBe(true);
    });

    it('keeps a list with commas: no type word, no frame', () => {
      const ps = run('Envoys met in Kabul, Pakistan and India to discuss trade.');
      expect(byText(ps, 'Kabul')!.value).toMatchObject({ country: 'AF' });
    });
  });

  it('reads a city known by its region\'s name as the city ("Odessa", "Lugansk")', () => {
    expect(byText(run('Police detained 5 men in Odessa.'), 'Odessa')!.value).toMatchObject({ country: 'UA', precision: 'place' });
    expect(byText(run('Shelling hit Lugansk overnight.'), 'Lugansk')!.value).toMatchObject({ country: 'UA', precision: 'place' });
  });

  it('places regions the supplement recodes or moves', () => {
    const sonora = byText(run('Farmers marched in Hermosillo (Sonora).'), 'Sonora')!.value;
    expect([sonora.country, sonora.precision]).toEqual(['MX', 'admin1']);
    expect(sonora.lat).toBeLessThan(32.5);
    const sw = byText(run('Separatists burned a school in Kumba (South-West region).'), 'South-West')!.value;
    expect([sw.country, Math.round(sw.lat)]).toEqual(['CM', 5]);
  });

  it('knows the three spellings of "Tall"', () => {
    expect(byText(run('Shells fell on Tal Tamr at night.'), 'Tal Tamr')!.value).toMatchObject({ country: 'SY' });
  });

  it('finds Arab towns written without their article, and Hodeidah', () => {
    expect(byText(run('Shelling hit Qamishli on Friday.'), 'Qamishli')!.value).toMatchObject({ country: 'SY', precision: 'place' });
    expect(byText(run('Airstrikes hit the port of Hodeidah.'), 'Hodeidah')!.value).toMatchObject({ country: 'YE', precision: 'place' });
  });
});

describe('places in headlines', () => {
  const names = (text: string) => findPlaces(text, splitSentences(text), gazetteer).map((p) => p.text);
  it('reads a place among the capitalised words of a title-case headline line', () => {
    expect(names('Two Bodies Found Near Ensenada\n\nPolice said the bodies were found on Sunday.')).toContain('Ensenada');
    expect(names('Teen Shot Outside Uruapan Market\n\nThe teenager was taken to hospital.')).toContain('Uruapan');
  });
  it('keeps a town with its state written after it, without a comma', () => {
    expect(names('Salamanca Guanajuato: gunmen kill four at a bar.')).toEqual(expect.arrayContaining(['Salamanca', 'Guanajuato']));
  });
  it('reads a headline verb after a name as naming a person: no place, no road', () => {
    expect(names('Tyler Killed In Crash On Highway\n\nThe driver died at the scene.')).toEqual([]);
  });
  it('keeps names of people and bodies in ordinary sentences', () => {
    expect(names('A counselor at George Washington High School said the trail was closed.')).not.toContain('George');
    expect(names('Members of the Ely Army Cadet Force, Orwell Youth Club and the Parent Free Zone gathered on Monday.')).not.toContain('Force');
  });
});

describe('namesakes settled by the names around them', () => {
  it('reads a town and a county that holds it in one state', () => {
    // Richmond alone would go to a larger namesake; Madison County holds the Kentucky one
    const ps = run('A charity gave a grant to a shelter in Richmond on Tuesday. The shelter serves families from Madison County and beyond.');
    expect(byText(ps, 'Richmond')!.value).toMatchObject({ country: 'US', admin1: 'Kentucky' });
    expect(byText(ps, 'Madison County')!.value).toMatchObject({ country: 'US', admin1: 'Kentucky' });
  });

  it('leaves common names that meet by chance where they are most likely', () => {
    // small towns called Houston and Jacksonville lie near each other in several states
    const ps = run('Storms hit Houston on Monday. Crews from Jacksonville helped.');
    expect(byText(ps, 'Houston')!.value).toMatchObject({ country: 'US', admin1: 'Texas' });
  });

  it('does not count a name against its own longer form', () => {
    // "New London City" is New London itself, not a second name of the story
    const ps = run('New London City officials met on Monday. New London will repave its roads.');
    expect(byText(ps, 'New London')!.value).toMatchObject({ country: 'US', admin1: 'Connecticut' });
  });
});

describe("towns from Who's On First", () => {
  it('reads a Myanmar township seat GeoNames gives no people', () => {
    const ps = run('Soldiers burned houses in Pauk township, Magway region, on Sunday.');
    expect(byText(ps, 'Pauk')!.value).toMatchObject({ country: 'MM', precision: 'place' });
  });
});

describe('a word opening a line before a place', () => {
  it("reads a headline's label after an English word that opens the line, not a surname", () => {
    const ps = run('Photos Irapuato: two shops were set on fire overnight.');
    expect(byText(ps, 'Irapuato')!.value).toMatchObject({ country: 'MX' });
    const framed = run('Video Uruapan Michoacan: a bar was attacked.');
    expect(byText(framed, 'Uruapan')!.value).toMatchObject({ country: 'MX' });
  });

  it('still reads a first name, an English word or a bare name after it as no place', () => {
    expect(run('Bill Paris spoke on Monday.').length).toBe(0);
    expect(run('Highway Patrol officers stopped the car.').length).toBe(0);
    // without a colon or a state after it, the name may be a person's
    expect(byText(run('Pensioner Bayram said he would vote.'), 'Bayram')).toBeUndefined();
  });
});

describe('airports and regions the news names alone', () => {
  it('reads Heathrow as the London airport in an English story, and the Florida town beside Florida', () => {
    const uk = byText(run('Fog has affected travel in southern England, with flights cancelled at Heathrow.'), 'Heathrow')!;
    expect(uk.value).toMatchObject({ country: 'GB' });
    expect(Math.abs(uk.value.lon + 0.456)).toBeLessThan(0.1);
    expect(byText(run('He moved to Heathrow, Florida, last year.'), 'Heathrow')!.value).toMatchObject({ country: 'US', admin1: 'Florida' });
  });

  it('reads "Southern California" as the region, not the state', () => {
    const p = byText(run('A tree fell on a wedding party in Southern California on Saturday.'), 'Southern California')!;
    expect(p.value.lat).toBeCloseTo(34.69, 1);
    expect(p.value.lon).toBeCloseTo(-116.78, 1);
  });
});

describe('a name with its settlement word', () => {
  it("reads every namesake of \"X City\", not the one GeoNames lists it for (Springfield, Massachusetts)", () => {
    const p = byText(run('The Springfield City Commission met on Monday in Clark County, Ohio.'), 'Springfield City')!;
    expect(p.value).toMatchObject({ country: 'US', admin1: 'Ohio' });
    expect(byText(run('Mexico City was quiet on Sunday.'), 'Mexico City')!.value.country).toBe('MX');
  });
});

describe('a county named in full, then bare', () => {
  const read = (text: string, name: string) => {
    const p = findPlaces(text, splitSentences(text), loadGazetteer()).find((x) => x.text === name)!;
    return `${p.value.name}, ${p.value.admin1}`;
  };
  it('reads the bare name as the county, not a namesake town elsewhere', () => {
    expect(read('Hendricks County deputies said the road was closed. Schools in Hendricks will open late on Monday.', 'Hendricks')).toBe('Hendricks County, Indiana');
    expect(read('Platte County, Nebraska, deputies said the road was closed. Schools in Platte will open late on Monday.', 'Platte')).toBe('Platte County, Nebraska');
  });
  it('keeps a town of that name inside the county', () => {
    expect(read('DeKalb County police said the school was closed. Parents in DeKalb were told on Monday.', 'DeKalb')).toBe('DeKalb, Illinois');
  });
});

describe('a sea named after a land', () => {
  it('does not read "Mexico" in "the Gulf of Mexico" as the country', () => {
    const text = 'Oil from the well reached the Gulf of Mexico on Friday.';
    expect(findPlaces(text, splitSentences(text), loadGazetteer()).map((p) => p.text)).not.toContain('Mexico');
  });
});

describe('a state alone before "counties"', () => {
  it('reads "Indiana counties" as the state, a list before "counties" as counties', () => {
    const read = (text: string, name: string) => findPlaces(text, splitSentences(text), loadGazetteer()).find((p) => p.text === name)!.value.precision;
    expect(read('Boone County was near the middle of Indiana counties in February.', 'Indiana')).toBe('admin1');
    expect(read('Girls from Cooke, Grayson and Love counties will compete.', 'Grayson')).toBe('admin2');
  });
});

describe('a town known without its river', () => {
  it('reads "Newcastle" in a British story as Newcastle upon Tyne', () => {
    const text = "The UK's fertility regulator approved the treatment, developed by doctors in Newcastle.";
    const p = findPlaces(text, splitSentences(text), loadGazetteer()).find((x) => x.text === 'Newcastle')!;
    expect(p.value.name).toBe('Newcastle upon Tyne');
  });
});
