// The report builder on hand-made documents: which of a document's claims make the report's values.
import { describe, expect, it } from 'vitest';
import { textDocument } from '../ingest/document.js';
import { annotate, createPipeline, extract, loadResources } from '../pipeline.js';
import { buildReports, incidentDate, summariseCounts } from './reports.js';

const pipeline = createPipeline(loadResources());
const main = (text: string) => extract(textDocument(text, { source: 'test', published: '2020-03-07' }), pipeline).reports[0];

describe('summariseCounts', () => {
  it('keeps the range of several counts and codes the higher', () => {
    expect(summariseCounts([{ low: 3, best: 3, high: 3 }, { low: 5, best: 5, high: 5 }])).toEqual({ low: 3, best: 5, high: 5 });
  });
  it('drops counts from vague words when a number is given', () => {
    const many = { low: 3, best: 10, high: 99 };
    expect(summariseCounts([many, { low: 4, best: 4, high: 4 }], [true, false])).toEqual({ low: 4, best: 4, high: 4 });
    expect(summariseCounts([many], [true])).toEqual(many);
  });
});

describe('a main report that tells of no death', () => {
  it('counts 0, marked assumed, on a weak claim, when its type kills no one or only the injured are counted', () => {
    const protest = main('On 5 March 2020, protesters gathered in front of the governor office in Bamako to demand water supply.');
    expect(protest.type).toBe('peaceful_protest');
    expect(protest.fatalities).toEqual({ low: 0, best: 0, high: 0, assumed: true });
    const c = protest.claims.find((x) => x.field === 'fatalities')!;
    expect([c.hedged, c.quote.startsWith('On 5 March 2020, protesters')]).toEqual([true, true]);
    expect(main('On 5 March 2020, a bomb exploded at a market in Gao, injuring 5 people.').fatalities).toEqual({ low: 0, best: 0, high: 0, assumed: true });
  });
  it('stays null when the type can kill, or the toll is said to be unknown', () => {
    expect(main('On 5 March 2020, unidentified gunmen attacked a village near Mopti.').fatalities).toBeNull();
    expect(main('On 5 March 2020, police arrested a journalist in Bamako. Fatalities unknown.').fatalities).toBeNull();
  });
  it('keeps a told toll unmarked', () => {
    expect(main('On 5 March 2020, police dispersed protesters in Bamako, killing 2.').fatalities).toEqual({ low: 2, best: 2, high: 2 });
  });
});

describe('buildReports', () => {
  it('prefers the stated number to "many" in the same document', () => {
    const r = main('Many soldiers dead after attack on army post in Mali.\nFour soldiers were killed in the attack on the post near Gao, the army said.\n');
    expect(r.fatalities?.best).toBe(4);
  });
  it('tells civilians from fighters by who was killed', () => {
    // an ambush names no target: the killed decide
    expect(main('On 4 May 2021, an ambush near Baga killed 4 fishermen.').type).toBe('attack');
    expect(main('On 4 May 2021, an ambush near Kidal killed 3 hunters.').type).toBe('attack');
    expect(main('On 4 May 2021, an ambush near Gusau killed 6 vigilantes.').type).toBe('armed_clash');
  });
  it('reads a place taken without a fight as a non-violent transfer, and a fought one as a battle', () => {
    expect(main('On 16 August 2021, insurgents took control of Kunduz without a fight.').type).toBe('non_violent_transfer_of_territory');
    expect(main('On 16 August 2021, insurgents took control of Kunduz after heavy fighting.').category).toBe('battles');
    expect(main('On 16 August 2021, protesters marched through Kabul without clashes.').type).toBe('peaceful_protest');
  });
  it('types ACLED-style sentences', () => {
    const a = main('On 5 March 2020, unidentified gunmen attacked a village near Mopti, killing 3 civilians.');
    expect([a.category, a.type, a.location?.name, a.fatalities?.best]).toEqual(['violence_against_civilians', 'attack', 'Mopti', 3]);
    const b = main('On 5 March 2020, an airstrike hit a market in Hama, killing 5 civilians and injuring 12.');
    expect([b.type, b.fatalities?.best, b.injured?.best]).toEqual(['air_drone_strike', 5, 12]);
    expect(main('On 5 March 2020, protesters gathered in Bamako. No injuries were reported.').injured?.best).toBe(0);
  });
  it('reads a place before an event noun as its scene, unless it names who did it', () => {
    expect(main('Two killed in Aleppo shelling - monitor.').location?.name).toBe('Aleppo');
    expect(main('Death toll from Karachi violence rises to 12: police.').location?.name).toBe('Karachi');
    expect(main('Woman killed in Damascus’s shelling of Douma.').location?.name).not.toBe('Damascus');
    expect(main('Damascus shelling kills five in rebel-held suburb.').location?.name).not.toBe('Damascus');
  });
  it('reads a bearing, a settlement word and a possessive qualifier as ties to the scene', () => {
    expect(main('Two shepherds die in shelling to the north of Mosul - official.').location?.name).toBe('Mosul');
    expect(main('Bomb kills two in centre of Syria rebel city Homs: AFP.').location?.name).toBe('Homs');
    expect(main('Gunmen kill three in Nigeria’s Maiduguri.').location?.name).toBe('Maiduguri');
  });
  it('reports a summary of the past week when the document says nothing else', () => {
    const r = main('Six civilians killed in shelling in Homs province over the past week - monitor.');
    expect([r.fatalities?.best, r.location?.name, r.date?.precision]).toEqual([6, 'Homs', 'week']);
    // a running total since a war began is no incident: the type model gives no report (before it, a report with no toll)
    expect(main('More than 9,000 killed since the start of the conflict in Yemen: UN.')?.fatalities ?? null).toBeNull();
    const kept = main('An airstrike killed four civilians in Hama on Monday. Over the past week, 30 people were killed in the province.');
    expect(kept.fatalities?.best).toBe(4);
  });
  it('reads a government seat that says or does something as who, not where', () => {
    expect(main('Baghdad vows revenge after attack kills three soldiers.').location?.name).not.toBe('Baghdad');
    expect(main('Nairobi sabotages the peace deal, rebels say.').location).toBeNull();
  });
  it('keeps a protest and the police response to it one incident', () => {
    const r = main('On 2 March 2020, protesters gathered in Bulawayo to demand the release of detained activists. Police fired tear gas to disperse them.');
    expect([r.category, r.location?.name, r.date?.start]).toEqual(['protests', 'Bulawayo', '2020-03-02']);
  });
  it('lets the victims type a shooting', () => {
    const clash = main('On 5 December 2021, security forces shot dead 3 suspected militants in an encounter near Mopti.');
    expect([clash.type, clash.fatalities?.best]).toEqual(['armed_clash', 3]);
    const attack = main('On 18 October 2020, unidentified armed men killed a village chief near Mopti.');
    expect([attack.category, attack.fatalities?.best]).toEqual(['violence_against_civilians', 1]);
  });
  it('adds the dead a later sentence counts with "also"', () => {
    expect(main('On 3 March 2020, militants attacked an army base near Gao, killing 20 soldiers. 15 militants were also killed.').fatalities?.best).toBe(35);
    expect(main('On 3 March 2020, militants attacked an army base near Gao, killing 20 soldiers. The toll rose to 25 dead on Thursday.').fatalities?.best).toBe(25);
  });
  it('reads police shooting at protesters as excessive force', () => {
    expect(main('On 3 March 2020, police shot and killed a protester during a demonstration in Khartoum.').type).toBe('excessive_force_against_protesters');
  });
  it('reads a distance from a place as where it happened', () => {
    expect(main('On 3 March 2020, militants ambushed a patrol 20 km from Kidal, killing 3 soldiers.').location?.name).toBe('Kidal');
  });
  it('reads armed men raiding a village as an attack on civilians unless soldiers die', () => {
    expect(main('On 3 March 2020, gunmen attacked a village in Sokoto state, killing 9.').category).toBe('violence_against_civilians');
    expect(main('On 3 March 2020, gunmen attacked a village near Kidal, killing 4 soldiers.').type).toBe('armed_clash');
  });
  it('places an incident in the region whose authorities report it when no scene is named', () => {
    expect(main('Truce breached 40 times, 2 fighters killed - Kharkiv Region.').location?.name).toBe('Kharkiv');
    expect(main('Kharkiv Oblast authorities report shelling that killed one civilian.').location?.precision).toBe('admin1');
    // a city speaking is a government, and a region at a route's end is no scene
    expect(main('Nairobi says five soldiers killed.').location).toBeNull();
    expect(main('Aid convoy heads to Kharkiv region after clashes kill two.').location).toBeNull();
  });
  it('reads a town in another romanisation as the town, not the region whose adjective shares its consonants', () => {
    // "Volniansk" and "Volynska" (the region's adjective) share the skeleton "vlnsk"
    expect(main('Shells hit Volniansk in Ukraine, two dead.').location?.precision).toBe('place');
  });
  it('reads "riot police" as a unit, not a riot', () => {
    expect(main('Fire at riot police base kills two officers in Mombasa.').category).not.toBe('riots');
    expect(main('Rioters torched shops in Mombasa, two dead.').category).toBe('riots');
  });
  it('does not read an English word or a phrase with a people\'s name as a town spelled another way', () => {
    expect(main('Soldier, civilian killed in fierce clashes in Ukraine.').location?.precision).toBe('country');
    expect(main('Pro-Russian rebels claim fresh assault in Ukraine.').location?.precision).toBe('country');
  });
  it('takes the region its sentence names over a town resolved outside it', () => {
    expect(main('Kharkiv region militiamen killed in shelling of Vilnyansk.').location).toMatchObject({ name: 'Kharkiv', precision: 'admin1' });
    expect(main('Kharkiv region militiamen killed in shelling of Kupiansk.').location).toMatchObject({ name: 'Kupiansk', precision: 'place' });
  });
  it('reads the place a violent verb acts on as the scene, after a route word too', () => {
    expect(main('Gunmen from Kano attacked Katsina, killing 4.').location?.name).toBe('Katsina');
    expect(main('On 14 June 2021, militants from Mali stormed rebel-held Menaka, killing 6.').location?.name).toBe('Ménaka');
  });
  it('finds a town of three letters after a locative word, but not a month\'s abbreviation', () => {
    expect(main('On 2 June 2019, militants attacked an army base outside Gao, killing 5 soldiers.').location?.name).toBe('Gao');
    expect(main('Gunmen killed two farmers near Jos on Sunday.').location?.name).toBe('Jos');
    expect(main('Two killed in clashes that lasted through Nov. 30.').location).toBeNull();
  });
  it('reads the ends of a road as the scene, unlike the ends of a journey', () => {
    expect(main('On 5 May 2019, a landmine exploded under a vehicle on the road from Kidal to Anefis, killing 2 soldiers.').location?.name).toBe('Kidal');
    expect(main('On 8 March 2020, an IED hit a convoy travelling from Mogadishu to Afgooye, killing 4.').location?.name).toBe('Mogadishu');
    expect(main('Refugees fled from Kidal to Mopti after clashes killed 3.').location).toBeNull();
  });
  it('reads a place that leads or backs someone as who, not where', () => {
    expect(main('Tehran-backed rebels kill 3 soldiers.').location).toBeNull();
    expect(main('Militants attacked Riyadh-led coalition positions, killing 4.').location).toBeNull();
    expect(main('Tehran-backed rebels shell Aden, 3 dead.').location?.name).toBe('Aden');
  });
  it('reads a place a vehicle is bound for as no scene', () => {
    // a derailment with no attacker is no event (quiet-news.ts): the train is shelled here
    expect(main('Kharkiv-bound train shelled, 3 dead.').location).toBeNull();
  });

  describe('scenes in coded notes', () => {
    it('reads "attached to" as no route', () => {
      expect(main('A bomb attached to a motorbike exploded in Jalalabad city (Nangarhar), wounding 2 people.').location?.name).toBe('Jalālābād');
    });
    it('keeps a town its framing region contains, whatever the region codes say', () => {
      const r = main('Militia fighters attacked Geneina (West Darfur) on Tuesday, killing 3 traders.');
      expect([r.location?.name, r.location?.precision]).toEqual(['Geneina', 'place']);
    });
    it('takes the frame of an unknown village as the scene, over a region named for a people', () => {
      expect(main('Gunmen killed 12 Amhara farmers in Tole kebele, Gimbi woreda (West Wellega zone, Oromia).').location?.name).toBe('Gimbi');
    });
    it('takes a framing town as the scene of a place the gazetteer lacks', () => {
      expect(main('Gang members shot dead 2 people in Cite Soleil (Port-au-Prince).').location?.name).toBe('Port-au-Prince');
    });
  });
});


describe('a value repeated through a long article', () => {
  it('keeps its first few sentences as evidence, not one claim per repetition', () => {
    const r = main('A car bomb killed 4 people in Herat on Monday. ' + 'Police in Herat said more. '.repeat(400));
    const herat = r.claims.filter((c) => c.field === 'location' && (c.value as { geonameid: number }).geonameid === 1140026);
    expect(r.location?.geonameid).toBe(1140026);
    expect(herat.length).toBeGreaterThan(1);
    expect(herat.length).toBeLessThanOrEqual(8);
    expect(herat[0].quote).toMatch(/^A car bomb killed 4 people in Herat/);
  });
});

describe('incidentDate', () => {
  const day = (d: string) => ({ start: d, end: d, precision: 'day' as const });
  it('takes the day told most, a lead day counting three, and on a tie the earlier day', () => {
    expect(incidentDate([day('2016-08-16'), day('2016-08-15')])).toEqual(day('2016-08-15'));
    expect(incidentDate([day('2016-08-16'), day('2016-08-16'), day('2016-08-15')])).toEqual(day('2016-08-16'));
    expect(incidentDate([day('2016-08-16'), day('2016-08-16'), day('2016-08-15')], [], [false, false, true])).toEqual(day('2016-08-15'));
    expect(incidentDate([day('2016-08-16'), day('2016-08-15')], [false, true])).toEqual(day('2016-08-16'));
    // "In August, …" in the lead supports the day inside it
    const august = { start: '2014-08-01', end: '2014-08-31', precision: 'month' as const };
    expect(incidentDate([august, day('2014-09-27'), day('2014-08-12')], [], [true, true, false])).toEqual(day('2014-08-12'));
  });
  it('counts twice a day told where the shots are told', () => {
    expect(incidentDate([day('2016-08-16'), day('2016-08-15')], [], [], [false, true])).toEqual(day('2016-08-15'));
    expect(incidentDate([day('2016-08-16'), day('2016-08-16'), day('2016-08-15')], [], [], [false, false, true])).toEqual(day('2016-08-15'));
  });
  it('takes a night or a weekend whose days the text tells apart, and a repeated caption once', () => {
    const two = (a: string, b: string) => ({ start: a, end: b, precision: 'day' as const });
    // "overnight" (Friday to Saturday), "10:45 p.m. Friday", "early Saturday" twice
    expect(incidentDate([two('2016-07-01', '2016-07-02'), day('2016-07-01'), day('2016-07-02'), day('2016-07-02')])).toEqual(two('2016-07-01', '2016-07-02'));
    const r = main('Man wounded in shooting\n\nA man was wounded late Wednesday night on Main Street, police said. Image 1 of 3 Police at the scene on Thursday, March 5. Image 2 of 3 Police at the scene on Thursday, March 5. Image 3 of 3 Police at the scene on Thursday, March 5.');
    expect([r.date?.start, r.date?.end]).toEqual(['2020-03-04', '2020-03-04']);
  });
  it('dates a shooting by the sentence that tells of the shots, not one told beside it', () => {
    const r = main('Boy wounded in drive-by\n\nA 12-year-old boy was shot in the leg on Sunday night, police said. His mother said he had come home from a camp on Friday.');
    expect([r.date?.start, r.date?.end]).toEqual(['2020-03-01', '2020-03-01']);
  });
});

describe('a lead that calls the incident deadly', () => {
  it('counts one dead where no one is counted, the one hit among them, and two in a murder-suicide', () => {
    const r = main('Police investigate fatal shooting in Elm Park\n\nA man was shot near the pond on Friday night, police said.');
    expect(r.fatalities?.best).toBe(1);
    expect(r.injured?.best ?? 0).toBe(0);
    expect(main('Deputies investigate apparent murder-suicide\n\nTwo bodies were found in a house on Friday.').fatalities?.best).toBe(2);
    expect(main('Police investigate non-fatal shooting in Elm Park\n\nA man was shot in the leg on Friday.').fatalities?.best ?? 0).toBe(0);
  });
});

describe('a page stamp', () => {
  it('dates an undated report as its publication (implied), not as a claim of the incident day', () => {
    const r = extract(textDocument('Gunmen kill two in market attack\nSaturday, September 14, 2013\nGunmen killed two traders at a market in Herat, police said.', { source: 'test' }), pipeline).reports[0];
    expect(r.date).toEqual({ start: '2013-09-13', end: '2013-09-14', precision: 'day', implied: true });
    expect(r.claims.some((c) => c.field === 'date')).toBe(false);
  });
  it('leaves a short sentence that tells the incident its date', () => {
    const r = extract(textDocument('On Monday a bomb killed 3 in Herat.', { source: 'test', published: '2013-09-18' }), pipeline).reports[0];
    expect(r.date).toEqual({ start: '2013-09-16', end: '2013-09-16', precision: 'day' });
    expect(r.claims.some((c) => c.field === 'date')).toBe(true);
  });
});

describe('arrests told beside the incident', () => {
  it('tag the main report, and only when they are not an earlier story', () => {
    const riot = main('On 5 March 2020, a mob set fire to shops and pelted stones at a police post in the old city. Police later arrested 14 men from the area.');
    expect(riot.type).not.toBe('arrests');
    expect(riot.tags).toContain('arrest');
    expect(riot.tags[0]).not.toBe('arrest');
    const earlier = main('On 5 March 2020, a mob set fire to shops and pelted stones at a police post in the old city. In a separate case last year, police arrested two men.');
    expect(earlier.tags).not.toContain('arrest');
  });
  it('in other words than "arrested", even where no trigger names an incident', () => {
    expect(main('On 5 March 2020, a mob set fire to shops and pelted stones at a police post in the old city. By evening the police had rounded up 60 youths from the lanes.').tags).toContain('arrest');
    expect(main('On 5 March 2020, the state government banned all processions on Friday. The police have rounded up 1,200 activists headed for the capital.').tags).toContain('arrest');
  });
  it('not from arrests only called for, threatened or denied', () => {
    const call = main('On 5 March 2020, the opposition leader said the chief minister should be arrested for his speech and asked the government to arrest the party chief too.');
    expect(call?.type ?? 'none').not.toBe('arrests');
    expect(call?.tags ?? []).not.toContain('arrest');
    const denied = main('On 5 March 2020, a mob set fire to shops and pelted stones at a police post in the old city. No arrests have been made so far.');
    expect(denied.tags).not.toContain('arrest');
  });
});

describe('a vague number of hurt beside a counted hit (issue 17)', () => {
  it('leaves out the titles of a video playlist, not a live blog\'s times', () => {
    const r = main('Boy shot in the arm on Pine Street\n\nA 12-year-old boy was shot in the arm on Pine Street on Friday, police said.\n\n0:43 Homeless man found dead under the bridge\n\n2:10 Three killed in highway crash');
    expect([r.fatalities?.best ?? 0, r.injured?.best]).toEqual([0, 1]);
    expect(main('Shooting at the mall\n\n11:02 p.m. Police said two people were shot at the mall and one of them died.').fatalities?.best).toBe(1);
    // a page's time stamp is no video: it still dates the page
    expect(extract(textDocument('10:24 AM, MON 22 JUL 2013\nTwo men shot dead outside a supermarket\nPolice said two men were shot dead outside the supermarket.', { source: 'test' }), pipeline).reports[0]?.date?.end).toBe('2013-07-22');
  });
  it('takes the hit counted over "several people injured"', () => {
    const r = main('Four shot at club\n\nShots rang out at a club early Saturday, leaving several people injured. Police said four victims were shot and all are expected to survive.');
    expect(r.injured?.best).toBe(4);
  });
});

describe('a count over a span of days or across the city is background (issue 17)', () => {
  it('keeps the incident\'s count over the city\'s', () => {
    const r = main('Man wounded on Elm Street\n\nA man was wounded on Elm Street early Friday, police said. The shooting came during a weekend that saw 20 people shot over a span of 80 hours.');
    expect(r.injured?.best).toBe(1);
  });
});

describe('the hurt among the hit and the dead (issue 17, fifth pass)', () => {
  it('counts one hit who lived beside the dead, and not one hurt who then died', () => {
    expect(main('Man killed, friend hurt in shooting\n\nA man was shot and killed on Elm Street on Sunday. His friend was shot in the leg. He was treated and released from the hospital.').injured?.best).toBe(1);
    expect(main('Girl killed, man wounded\n\nA girl was killed on Sunday. A second victim was hit in the leg and survived.').injured?.best).toBe(1);
    const r = main('Man dies after shooting\n\nA man was shot on Elm Street on Sunday. He was taken to the hospital in critical condition. He died on Monday.');
    expect([r.fatalities?.best, r.injured?.best]).toEqual([1, 0]);
  });
});

describe('an earlier incident told in the background (issue 17, seventh pass)', () => {
  it('leaves out the counts of a sentence dated a month or more before the incident, or to last year, once the incident has its count', () => {
    const rules = (text: string) => buildReports(annotate(textDocument(text, { source: 'test', published: '2020-03-07' }), pipeline))[0];
    const r = rules(
      'Two hurt in Oak Street shooting\n\nTwo men were wounded in a shooting on Oak Street on Thursday night, police said. ' +
        'Officers found casings in the road. A neighbour heard several shots. ' +
        'Last year, a teenager was killed and four people were wounded at the same corner. ' +
        'On January 12, 2019, three men were shot outside the store across the road.',
    );
    expect([r.fatalities?.best ?? 0, r.injured?.best]).toEqual([0, 2]);
  });
  it('keeps them where the incident is told only so (a follow-up)', () => {
    const r = main('Suspect in court\n\nA man appeared in court on Friday. He is charged over a shooting last year that killed a man and wounded three women.');
    expect([r.fatalities?.best, r.injured?.best]).toEqual([1, 3]);
  });
});

describe('the hit counted by a vague word (issue 17, seventh pass)', () => {
  it('takes the counted hurt over "several were shot" (the rules alone, no ranker)', () => {
    const doc = textDocument('One dead after bar fight\n\nA gunman killed one man and wounded three others at a bar on Saturday, deputies said. Witnesses said several people were shot as the crowd ran.', { source: 'test', published: '2020-03-07' });
    const [r] = buildReports(annotate(doc, pipeline));
    expect([r.fatalities?.best, r.injured?.best]).toEqual([1, 3]);
  });
});

describe('a later death of one of the hurt (issue 17, ninth pass)', () => {
  const both = (text: string) => {
    const r = main(text);
    return [r.fatalities?.best ?? 0, r.injured?.best ?? 0];
  };
  it('counts one of the hurt who died later once, as dead', () => {
    expect(both('Two hurt in shooting on Main Street\n\nTwo men were wounded in a shooting on Main Street on Saturday night, police said. One of the men later died at the hospital.')).toEqual([1, 1]);
    // with the rules alone too
    const doc = textDocument('Three hurt at party\n\nThree people were injured when someone fired into a party on Friday. One of the victims later died, police said.', { source: 'test', published: '2020-03-07' });
    const [r] = buildReports(annotate(doc, pipeline));
    expect([r.fatalities?.best, r.injured?.best]).toEqual([1, 2]);
  });
  it('leaves a count of the hurt told beside the dead, and a death told of "he", as they are', () => {
    // "1 dead, 3 hurt" is already the toll after the death
    expect(both('1 dead, 3 hurt in shooting\n\nFour people were shot on Oak Street on Sunday. One of them later died at the hospital.')).toEqual([1, 3]);
    // "he later died" is most often the one counted dead before
    expect(both('Man killed in shooting\n\nA man was shot on Pine Street and two women were wounded. He later died at the hospital.')).toEqual([1, 2]);
  });
});
