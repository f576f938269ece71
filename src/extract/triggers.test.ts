import { describe, expect, it } from 'vitest';
import { TRIGGER_RULES } from './event-lexicon.js';
import { findTriggers, indexRules } from './triggers.js';
import { lexiconFor } from '../lang/index.js';
import { lexiconTriggers } from '../lang/triggers.js';
import { boundaries } from './prefix-filter.js';

describe('findTriggers', () => {
  const texts = [
    'Rebels shelled the port overnight; an airstrike then hit a market and killed four traders.',
    'Police fired tear gas at protesters who had rallied outside the court, and two were arrested.',
    'The convoy was ambushed near the dam. Soldiers shot dead a gunman, and a roadside bomb exploded later.',
    'A ceasefire was agreed to on Sunday, but shelling and fighting resumed, with rockets striking homes.',
    'Nothing happened in the quiet orchard that spring.',
  ];
  it('finds with the joined index what a scan rule by rule finds', () => {
    // a copy of the list is scanned rule by rule
    for (const t of texts) expect(findTriggers(t), t).toEqual(findTriggers(t, [...TRIGGER_RULES]));
    expect(findTriggers(texts[0]).map((x) => x.text)).toEqual(['shelled', 'airstrike', 'hit', 'killed four traders']);
    expect(findTriggers(texts[4])).toEqual([]);
  });
  it('leaves rules with back-references or other flags to the plain scan', () => {
    const rule = { category: 'battles', type: 'armed_clash', tags: [], weight: 0.5 };
    expect(indexRules([{ ...rule, pattern: /\b(a)\1\b/gi }])).toBeNull();
    expect(indexRules([{ ...rule, pattern: /\bclash\b/g }])).toBeNull();
    expect(indexRules(TRIGGER_RULES)).not.toBeNull();
  });
  describe('coded event notes', () => {
    /** The types found, strongest first: what the report builder weighs. */
    const types = (t: string) => findTriggers(t).sort((a, b) => b.weight - a.weight).map((x) => x.type);
    it('tells mob violence from a violent demonstration and a protest', () => {
      expect(types('A mob lynched a suspected cattle thief at the market.')[0]).toBe('mob_violence');
      expect(types('Students set fire to tyres on the main road.')[0]).toBe('violent_demonstration');
      expect(types('Traders held a march to the town hall and vandalised two police cars.')[0]).toBe('violent_demonstration');
      expect(types('Traders held a march to the town hall.')).toEqual(['peaceful_protest']);
      // the month is no march
      expect(types('On 2 March, rebels clashed with the army near the river.')[0]).toBe('armed_clash');
    });
    it('reads interventions and lethal force against protesters', () => {
      expect(types('Police detained 20 protesters outside the parliament.')[0]).toBe('protest_with_intervention');
      expect(types('Police arrested 3 suspected smugglers at the port.')[0]).toBe('arrests');
      expect(types('Riot police used batons to disperse the crowd.')[0]).toBe('protest_with_intervention');
      expect(types('Troops broke up the sit-in, killing 14 demonstrators.')[0]).toBe('excessive_force_against_protesters');
    });
    it('reads aircraft, attacks on posts, captured district centres and defused bombs', () => {
      expect(types('A military jet bombed a wedding party in the valley.')[0]).toBe('air_drone_strike');
      expect(types('Government aircraft struck a rebel camp.')[0]).toBe('air_drone_strike');
      expect(types('Insurgents attacked a police post on the highway.')[0]).toBe('armed_clash');
      expect(types('Rebels captured the district centre after brief fighting.')[0]).toBe('non_state_actor_overtakes_territory');
      expect(types('Engineers defused an IED planted under a culvert.')).toEqual(['disrupted_weapons_use']);
      // the device told first, a quoted adjective, a grenade: still a weapon kept from use
      expect(types('A bomb left near the bus stand was defused by the disposal squad.')).toEqual(['disrupted_weapons_use']);
      expect(types('Four IEDs (each 3 kg) weighing twelve kilograms were recovered by the patrol.')).toEqual(['disrupted_weapons_use']);
      expect(types('Police defused a “crude” bomb outside the office.')).toEqual(['disrupted_weapons_use']);
      expect(types('Villagers found a hand grenade in a field.')).toEqual(['disrupted_weapons_use']);
      // words of other news: a car or market crash, a fall to a death or a price, a team taking control, code execution, a date in March
      const all = (t: string) => findTriggers(t).map((x) => x.type);
      expect(all('Two cars crashed on the highway, and the market crash wiped out savings.')).toEqual([]);
      expect(all('A military helicopter crashed near the base.')).toEqual(['armed_clash']);
      expect(all('The climber fell to his death; shares fell to $12.')).not.toContain('non_state_actor_overtakes_territory');
      expect(all('The town fell to the rebels on Sunday.')).toEqual(['non_state_actor_overtakes_territory']);
      expect(all('The visitors took control with a 19-4 run.')).toEqual([]);
      expect(all('Insurgents took control of the district centre.')).toEqual(['non_state_actor_overtakes_territory']);
      expect(all('The flaw allows remote code execution.')).toEqual([]);
      expect(all('He spoke after the March 11 vote.')).toEqual([]);
      expect(all('Thousands joined the march to parliament.')).toEqual(['peaceful_protest']);
      // people abducted before and now freed: a release, not a new abduction
      expect(types('Police rescued a trader (45) and his driver, who were abducted from the highway on Monday.')[0]).toBe('other');
      expect(types('Two engineers, who were kidnapped by gunmen from a dam site last month, were recovered from a forest on Friday.')[0]).toBe('other');
      expect(types('The rebels freed the 12 workers they had abducted from a quarry.')[0]).toBe('other');
      expect(types('Gunmen abducted two engineers from a dam site on Friday.')[0]).toBe('abduction_forced_disappearance');
      // but a device that went off is an explosion, whatever was found after it
      expect(types('A bomb exploded and the suspects were detected on camera.')[0]).toBe('remote_explosive_landmine_ied');
    });
    it('reads killings by unnamed gunmen and people burned alive as attacks', () => {
      expect(types('Unidentified men killed a pastor at his home.')).toContain('attack');
      expect(types('Soldiers burned 4 herders alive in their hut.')[0]).toBe('attack');
    });
    it('reads killings with abductions, bodies found, beheadings and aircraft firing as what they are', () => {
      expect(types('Gunmen abducted 4 traders and killed a driver on the highway.')[0]).toBe('attack');
      expect(types('Residents found 3 bodies dumped near the river.')).toContain('attack');
      expect(types('Insurgents beheaded two farmers in the hamlet.')[0]).toBe('attack');
      expect(types('An army helicopter fired on a wedding in the valley.')[0]).toBe('air_drone_strike');
      expect(types('Rebels dropped explosives from a drone onto the barracks.')[0]).toBe('air_drone_strike');
      expect(types('Police fired at demonstrators near the stadium.')[0]).toBe('excessive_force_against_protesters');
      expect(types('Farmers blocked the main highway demanding fuel subsidies.')).toContain('peaceful_protest');
      expect(types('Customs officers seized a large shipment of weapons at the port.')[0]).toBe('disrupted_weapons_use');
    });
    it('reads an overrun camp as a fight, but a raided camp for the displaced as no military target', () => {
      expect(types('Troops overran a rebel camp after a firefight.')[0]).toBe('armed_clash');
      expect(types('Militiamen raided a displaced persons camp at dawn.')).not.toContain('armed_clash');
      expect(types('Rebels overran the town after a week of fighting.')[0]).toBe('non_state_actor_overtakes_territory');
    });
    it('keeps looting below the strength at which the victims decide the type', () => {
      const [loot] = findTriggers('Fighters looted the market.');
      expect(loot.type).toBe('looting_property_destruction');
      expect(loot.weight).toBeLessThan(0.5);
    });
    it('reads group changes, handovers, killings of unnamed people and a kidnapping told before', () => {
      expect(types('The group announced the appointment of a new leader for the north.')[0]).toBe('change_to_group_activity');
      expect(types('Rebels withdrew from the town and handed over control to elders.')[0]).toBe('non_violent_transfer_of_territory');
      expect(types('Soldiers killed 12 people near the border village.')[0]).toBe('attack');
      expect(types('Shelling killed 12 people near the border village.')[0]).toBe('shelling_artillery_missile_attack');
      expect(types('Militants killed 2 fishermen near the lake.')[0]).toBe('attack');
      expect(types('The body of a kidnapped engineer was found near the road.')).not.toContain('abduction_forced_disappearance');
      expect(types('Gunmen kidnapped an engineer near the road.')[0]).toBe('abduction_forced_disappearance');
      expect(types('Guards used live ammunition to disperse the crowd, killing a protester.')[0]).toBe('excessive_force_against_protesters');
    });
    it('reads lethal force against protesters before the words of an attack, and a crowd that sets a base ablaze as a riot', () => {
      expect(types('Police and protesters clashed; 2 protesters were shot dead.')[0]).toBe('excessive_force_against_protesters');
      expect(types('Marchers were met by troops who fired tear gas and live rounds, killing 4.')[0]).toBe('excessive_force_against_protesters');
      expect(types('Angry youths set ablaze a police post during protests; 2 protesters killed.')[0]).toBe('violent_demonstration');
      // ACLED: territory taken with no violent act is a non-violent transfer (a strategic development), not a battle
      expect(types('Rebels captured Kamba, the capital of the district, without a fight.')[0]).toBe('non_violent_transfer_of_territory');
      expect(types('Rebels captured Kamba, the capital of the district, after a fight.')[0]).toBe('non_state_actor_overtakes_territory');
    });
    it('takes a coded note\'s own type label, but not the same words in running text', () => {
      expect(types('Property destruction: On 3 May, militiamen burned a granary.')[0]).toBe('looting_property_destruction');
      expect(types('Mob violence: On 9 June, residents beat a man accused of theft.')[0]).toBe('mob_violence');
      expect(types('Officials condemned the looting of the market, which began on Monday.')[0]).toBe('looting_property_destruction');
      expect(findTriggers('Officials condemned the looting of the market.')[0].weight).toBeLessThan(0.5);
    });
    it('reads strikes and boycotts as protests, unexploded ordnance, shootouts, snatching, razing and machete attacks', () => {
      expect(types('Dock workers went on strike over unpaid wages.')[0]).toBe('peaceful_protest');
      expect(types('Inmates began a hunger strike.')[0]).toBe('peaceful_protest');
      expect(types('A boy was killed by unexploded ordnance in a field.')[0]).toBe('remote_explosive_landmine_ied');
      expect(types('A shootout between police and smugglers left 2 dead.')[0]).toBe('armed_clash');
      expect(types('Armed men snatched two girls from a farm.')[0]).toBe('abduction_forced_disappearance');
      expect(types('Militiamen razed the hamlet.')).toEqual(['looting_property_destruction']);
      expect(types('Assailants hacked 3 villagers to death.')[0]).toBe('attack');
      expect(types('Helicopters dropped barrel bombs on the town.')[0]).toBe('air_drone_strike');
      expect(types('Rebels occupied the town at dawn.')[0]).toBe('non_state_actor_overtakes_territory');
      expect(types('Shelling hit the occupied territory.')).not.toContain('non_state_actor_overtakes_territory');
    });
    it('reads protests broken up in the same sentence, mobs of residents, repelled attacks, bases set up and property destroyed', () => {
      expect(types('Pupils protested against fees; police arrested 8 of them.')[0]).toBe('protest_with_intervention');
      expect(types('Police in the capital detained 30 traders who were staging a sit-in.')[0]).toBe('protest_with_intervention');
      expect(types('Police arrested 4 suspected robbers in the capital.')[0]).toBe('arrests');
      // the month is no march
      expect(types('Police arrested 5 men suspected of a killing in March.')[0]).toBe('arrests');
      expect(types('Angry residents set fire to the house of a suspected thief.')[0]).toBe('mob_violence');
      expect(types('Troops repelled an attack by insurgents on the camp.')[0]).toBe('armed_clash');
      expect(types('The group set up a checkpoint and a base near the river.')[0]).toBe('headquarters_or_base_established');
      expect(types('The army destroyed 3 drug laboratories in the jungle.')[0]).toBe('looting_property_destruction');
      expect(types('Militiamen attacked Dogon hunters near the river.')[0]).toBe('attack');
      expect(types('Rebels took over the town of Kamba.')[0]).toBe('non_state_actor_overtakes_territory');
    });
    it('reads a place taken by the state\'s forces as government regaining territory, only where they are the subject', () => {
      expect(types('On 3 May, army troops and local militia took over the town of Kamba.')[0]).toBe('government_regains_territory');
      expect(types('On 3 May, militants attacked army positions and captured the town.')).not.toContain('government_regains_territory');
    });
    it('reads hostage releases, outposts seized, a kidnapping that ends in death, and killings above burnings', () => {
      expect(types('The rebels released 6 hostages near the border.')[0]).toBe('other');
      expect(types('Insurgents seized 3 army outposts along the road.')[0]).toBe('non_state_actor_overtakes_territory');
      expect(types('Gunmen kidnapped a pastor; he was found dead a week later.')[0]).toBe('attack');
      expect(types('Militants abducted and later executed a nurse.')[0]).toBe('attack');
      const main = findTriggers('Raiders set ablaze 4 hamlets, killing 9 people.').sort((a, b) => b.weight - a.weight)[0];
      expect(main.type).toBe('attack');
    });
    it('keeps the new words to their conflict sense: drills, chance encounters, phones snatched, deals left', () => {
      expect(findTriggers('Troops held drills with live ammunition near the border.')).toEqual([]);
      expect(findTriggers('He had a brief encounter with the president.')).toEqual([]);
      expect(findTriggers('Robbers snatched a phone.')).toEqual([]);
      expect(findTriggers('The government withdrew from the trade agreement.')).toEqual([]);
      expect(types('Troops withdrew from the river port overnight.')).toEqual(['non_violent_transfer_of_territory']);
    });
    it('reads crowds, vigils, size tags, burned buildings, and riots an incident sparked as its aftermath', () => {
      expect(types('An angry crowd set fire to the police station.')[0]).toBe('mob_violence');
      expect(types('Hundreds of Kurds clashed with police near the square.')[0]).toBe('violent_demonstration');
      expect(types('Dozens of cars were burned overnight.')).not.toContain('violent_demonstration');
      expect(types('Residents held a candlelight vigil for the victims. [size=around 50]')[0]).toBe('peaceful_protest');
      expect(types('Militants burned a water facility near the town.')[0]).toBe('looting_property_destruction');
      const main = findTriggers('Police killed 1 teenage boy at a checkpoint, sparking riots in the city.').sort((a, b) => b.weight - a.weight)[0];
      expect(main.type).toBe('attack');
    });
    it('leaves an ambush with no target to its victims, and reads floggings, beatings to death and fire on a protesting crowd', () => {
      const [bare] = findTriggers('Armed men ambushed a minibus on the highway.');
      expect([bare.type, bare.weight < 0.5]).toEqual(['armed_clash', true]);
      expect(findTriggers('Militants ambushed an army patrol near the hills.')[0].weight).toBeGreaterThanOrEqual(0.5);
      expect(types('Guards publicly flogged 4 men in the square.')[0]).toBe('attack');
      expect(types('Youths beat a shopkeeper to death.')[0]).toBe('attack');
      expect(types('Soldiers opened fire on members of a sect protesting in the city, killing 12.')[0]).toBe('excessive_force_against_protesters');
      expect(types('On 2 May, the national army took control of Kamba after the rebels left.')[0]).toBe('government_regains_territory');
    });
  });
});


describe('clashes named by their fire (issue 17)', () => {
  const kinds = (s: string) => findTriggers(s).map((t) => t.type);
  it('reads "exchanges of fire" and "night combat" as clashes, not "combat sports"', () => {
    expect(kinds('Exchanges of fire at the airport.')).toEqual(['armed_clash']);
    expect(kinds('The army lost troops in night combat.')).toEqual(['armed_clash']);
    expect(kinds('The combat sports league opened.')).toEqual([]);
  });
});

describe('lexicon triggers', () => {
  it('the scan without its lookbehind (ru, uk) finds what the joined scan finds; Arabic keeps the joined scan', () => {
    const texts: Record<'ru' | 'uk' | 'ar', string> = {
      ru: 'Обстрел Донецка: артобстрел и переобстрел, БПЛА-атака, удар ракетами. Задержан мужчина😀обстрел 𝐀обстрел.',
      uk: 'Обстріл Харкова: артобстріл, дрон-камікадзе, безпілотники збито. Затримали чоловіка😀обстріл 𝐀обстріл.',
      ar: 'قصف على إدلب وغارات جوية، وانفجار عبوة ناسفة. اعتقال شخصين.',
    };
    for (const code of ['ru', 'uk', 'ar'] as const) {
      const lex = lexiconFor(code)!;
      expect(!!lex.triggerSeek, code).toBe(code !== 'ar');
      const found = lexiconTriggers(texts[code], lex);
      expect(found.length, code).toBeGreaterThan(2);
      expect(found, code).toEqual(lexiconTriggers(texts[code], { ...lex, triggerSeek: null }));
    }
  });
});

describe('findTriggers over boundaries read already', () => {
  it('finds what it finds reading them itself', () => {
    const texts = [
      'Gunmen opened fire on a bus, killing three; an airstrike hit the market and shelling went on overnight.',
      'Protesters clashed with police, who fired tear gas; a car bomb exploded and two were abducted.',
      'Nothing happened here at all.',
      '',
    ];
    for (const t of texts) expect(findTriggers(t, TRIGGER_RULES, boundaries(t)), t).toEqual(findTriggers(t));
    expect(findTriggers(texts[0], TRIGGER_RULES, boundaries(texts[0])).length).toBeGreaterThan(2);
  });
});
