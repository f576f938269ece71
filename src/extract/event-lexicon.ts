/**
 * What happened, read from the words that say it: the ACLED codebook's event types written as a
 * lexicon. Each row: a pattern, the ACLED category and sub-event type it signals, finer tags, and a
 * weight — how strongly the word alone points to that type ("airstrike" names its type; "killed"
 * only says someone died). Rows are tried in order; a span is read once, by the first row that
 * claims it, so more specific rows come first.
 */
export interface TriggerRule {
  pattern: RegExp;
  category: string;
  type: string;
  tags: string[];
  weight: number;
}

const rule = (re: string, category: string, type: string, tags: string[], weight: number): TriggerRule => ({
  pattern: new RegExp(`\\b(?:${re})\\b`, 'gi'),
  category,
  type,
  tags,
  weight,
});

const EXP = 'explosions_remote_violence';
const BAT = 'battles';
const VAC = 'violence_against_civilians';
const STR = 'strategic_developments';

export const TRIGGER_RULES: readonly TriggerRule[] = [
  // coded notes that open with their type as a label ("Looting: On 3 May, …"): the coder's own reading
  rule('(?:looting|property destruction|arson)(?=\\s*:)', STR, 'looting_property_destruction', ['property_destruction'], 0.95),
  rule('(?:disrupted weapons use|defusal)(?=\\s*:)', STR, 'disrupted_weapons_use', [], 0.95),
  rule('(?:headquarters or base established)(?=\\s*:)', STR, 'headquarters_or_base_established', [], 0.95),
  rule('(?:change to group/activity|change to group activity)(?=\\s*:)', STR, 'change_to_group_activity', [], 0.95),
  rule('(?:non-violent transfer of territory)(?=\\s*:)', STR, 'non_violent_transfer_of_territory', [], 0.95),
  rule('(?:non-violent activity)(?=\\s*:)', STR, 'other', [], 0.95),
  rule('(?:mob violence)(?=\\s*:)', 'riots', 'mob_violence', ['riot'], 0.95),
  rule('(?:sexual violence)(?=\\s*:)', 'violence_against_civilians', 'sexual_violence', [], 0.95),
  rule('(?:abduction|forced disappearance)(?=\\s*:)', 'violence_against_civilians', 'abduction_forced_disappearance', ['abduction'], 0.95),
  // strategic developments that are not violence
  rule('defect(?:ed|ing|s|ion|ions|or|ors)?', STR, 'other', ['defection'], 0.95),
  // people abducted before and now freed: the release (or rescue) is the news, the abduction an earlier event
  rule('(?:(?:rescued|freed|released|recovered|secured the release of)\\s+[^.;]{0,80}?\\b(?:who|whom|it|they|he|she)\\s+(?:was|were|had been|had)\\s+(?:allegedly\\s+)?(?:kidnapped|abducted)|(?:who|whom)\\s+(?:was|were|had been)\\s+(?:allegedly\\s+)?(?:kidnapped|abducted)[^.;]{0,100}?\\b(?:was|were|have been|has been)\\s+(?:later\\s+|safely\\s+|finally\\s+)?(?:recovered|rescued|released|freed))', STR, 'other', ['release'], 0.9),
  rule('(?:released|freed) (?:\\d+ |two |three |four |five |several |the |all )?(?:[\\w-]+ )?(?:hostages|captives|abductees|prisoners|detainees)', STR, 'other', ['release'], 0.9),
  rule('(?:ceasefire|cease-fire|truce|peace deal|peace agreement|prisoner (?:swap|exchange)|signed an agreement|agreed to)', STR, 'agreement', ['agreement'], 0.8),
  // protesters arrested: ACLED codes the protest, with its intervention, not the arrest
  rule('(?:(?:arrest(?:ed|ing)?|detain(?:ed|ing)?|round(?:ed)? up)\\s+(?:[\\w-]+\\s+){0,3}?(?:protesters?|protestors?|demonstrators?|marchers)|(?:protesters?|protestors?|demonstrators?|marchers)\\s+(?:were\\s+|was\\s+)?(?:arrested|detained))', 'protests', 'protest_with_intervention', ['protest'], 0.85),
  // a protest the police then broke up, or protesters the police detained, in one sentence
  rule('(?:(?:protest(?:ed|s|ing)?|demonstrat(?:ed|ion|ions)|sit-ins?|rall(?:y|ied|ies)|marched)(?=[^.]{0,120}?\\b(?:police|security forces|soldiers|troops|authorities|officers|gendarmes)\\b[^.]{0,30}?\\b(?:arrested|detained|dispersed|fired tear ?gas|used (?:batons|tear ?gas|water cannons?|force)|beat|rounded up))|(?:police|security forces|soldiers|troops|authorities|officers|gendarmes)\\s+(?:[\\w-]+\\s+){0,3}?(?:arrested|detained|rounded up)(?=[^.]{0,80}?\\b(?:protest|demonstrat|sit-in|rall(?:y|ied|ies)|march(?:ed|es|ers)|(?:a|the) march)))', 'protests', 'protest_with_intervention', ['protest'], 0.75),
  rule('(?:arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|taken into custody)', STR, 'arrests', ['arrest'], 0.7),
  // below STRONG: ACLED codes looting and burning only where no one was hurt; raiders who also kill
  // are an attack or a clash, as their victims say (see byVictims in reports.ts)
  rule('(?:loot(?:ed|ing)?|torched|set (?:on )?fire to|set ablaze|set alight|burn(?:ed|t) down|demolish(?:ed)?|razed|burn(?:ed|t) (?:a |an |the |several |dozens of |\\d+ )?(?:[\\w-]+ ){0,2}?(?:houses?|homes?|huts?|shops?|markets?|buildings?|facilit(?:y|ies)|vehicles?|cars|trucks|granar(?:y|ies)|crops|fields|offices?)|destroy(?:ed|ing)? (?:[\\w-]+ ){0,3}?(?:houses|homes|laborator(?:y|ies)|labs?|crops|shops|propert(?:y|ies)|buildings|huts|granar(?:y|ies)|farms))', STR, 'looting_property_destruction', ['property_destruction'], 0.45),
  rule('(?:(?:arms|weapons?) (?:deliver(?:y|ies)|shipments?|transfers?)|pledged to (?:provide|supply|send)|to (?:provide|supply|send|deliver) (?:\\w+ ){0,3}(?:fighter jets|tanks|missiles|weapons|air defen[cs]e))', STR, 'other', ['weapons_transfer'], 0.6),
  rule('(?:intercepted|shot down (?:\\w+ ){0,2}(?:drones?|missiles?|rockets?|UAVs?)|downed (?:\\w+ ){0,2}(?:drones?|missiles?|UAVs?)|air defen[cs]es? (?:destroyed|downed))', STR, 'disrupted_weapons_use', ['interception'], 0.8),
  // a bomb defused or found is a weapon kept from use: the device named after it is no explosion
  rule('(?:defus(?:ed|ing)|disarm(?:ed|ing)|dismantled|deactivated|neutrali[sz]ed|found|discovered|uncovered|recovered|retrieved|safely detonated)\\s+(?:an?\\s+|the\\s+|two\\s+|three\\s+|\\d+\\s+)?["“]?(?:[\\w-]+["”]?\\s+){0,2}?(?:IEDs?|improvised explosive devices?|explosive devices?|bombs?|explosives|land ?mines?|mines|suicide vests?|(?:hand )?grenades?)', STR, 'disrupted_weapons_use', [], 0.9),
  // the same told of the device first: "a bomb planted near the gate was defused", "three IEDs were recovered"
  rule('(?:IEDs?|improvised explosive devices?|explosive devices?|bombs?|explosives|land ?mines?|(?:hand )?grenades?)(?:\\s+\\([\\w\\s]{1,12}\\))?\\s+(?:(?!explod|went\\b|blast|kill|injur|wound|and\\b)[\\w,-]+\\s+){0,6}?(?:was|were|had been|have been|has been|being)\\s+(?:later\\s+|safely\\s+|immediately\\s+|also\\s+)?(?:defused|found|recovered|retrieved|seized|discovered|detected|unearthed|disposed of|neutrali[sz]ed|deactivated)', STR, 'disrupted_weapons_use', [], 0.9),
  rule('(?:defused|disarmed|seized (?:\\w+ ){0,4}(?:weapons|arms|explosives|ammunition))', STR, 'disrupted_weapons_use', [], 0.7),
  rule('(?:set up|established|erected) (?:[\\w-]+ ){0,4}?(?:base|bases|headquarters|camp)', STR, 'headquarters_or_base_established', [], 0.7),
  // a group's own changes: new leaders, mergers, splits, allegiance, recruitment drives
  rule('(?:appointed (?:a |its )?new (?:leader|commander|emir)|(?:appointment|election) of (?:a |its )?new (?:leader|commander|emir)|announced (?:a |its )?(?:merger|dissolution|split)|pledged allegiance|recruitment (?:drive|campaign))', STR, 'change_to_group_activity', [], 0.7),
  // a place taken without a fight: ACLED's non-violent transfer, not a battle (above the capture words' weight)
  rule('(?:took|taken|seized|gained|assumed|entered|captured|occupied)\\b[^.;!?]{0,80}?\\bwithout (?:a fight|any fighting|fighting|(?:any )?resistance|a shot(?: being)? fired|firing a shot|bloodshed)', STR, 'non_violent_transfer_of_territory', ['territory'], 0.9),
  // a place left to another side without a fight
  rule('(?:(?:withdrew|withdrawn|pulled out|retreated) from(?! (?:the |a |an |its |their )?(?:[\\w-]+ )?(?:agreements?|deals?|treat(?:y|ies)|talks|race|elections?|negotiations?|tournaments?|competitions?|accords?|pacts?|contests?|campaigns?|markets?|projects?|programm?es?|coalitions?|government|alliances?|organi[sz]ations?|unions?|leagues?|councils?|conventions?|plans?|bids?|process|events?|games?|match(?:es)?|summit|meetings?|forum)\\b)|handed (?:over )?(?:control|the (?:town|city|area|base|positions?))(?: over)?|hand(?:ed)?over of)', STR, 'non_violent_transfer_of_territory', [], 0.6),
  // explosions and remote violence
  rule('(?:chemical (?:attack|weapons?)|chlorine|sarin|nerve agent)', EXP, 'chemical_weapon', ['chemical'], 0.95),
  // strikes, boycotts, hunger strikes: protests, not the "strike" of an attack (read below)
  rule('(?:hunger strikes?|general strikes?|(?:went|go|goes|are|were) on (?:a )?(?:\\w+ )?strike|strike action|labou?r strikes?|workers\\W? strikes?)', 'protests', 'peaceful_protest', ['protest'], 0.7),
  rule('boycott(?:ed|s|ing)?', 'protests', 'peaceful_protest', ['protest'], 0.4),
  rule('(?:suicide (?:bomb(?:er|ing|ers|ings)?|attack(?:er)?|car bomb)|blew (?:himself|herself|themselves) up|SVBIEDs?|PBIEDs?)', EXP, 'suicide_bomb', ['suicide'], 0.95),
  rule('(?:air ?strikes?|airstrikes?|air raids?|barrel bombs?|drone (?:strikes?|attacks?)|bomb(?:ed|ing|ings)? (?:raids?|runs?)|kamikaze drones?|strike drones?|UAV attacks?|aerial bombardment|(?:warplanes?|(?:fighter |military )?jets?|aircraft|planes?|(?:helicopter )?gunships?|helicopters?|drones?|UAVs?)\\s+(?:reportedly\\s+|also\\s+)?(?:struck|hit|bombed|strafed|fired (?:\\w+ )?(?:at|on|upon|into)|targeted)|(?:explosives?|bombs?|grenades?|munitions?) (?:dropped |launched |released )?from (?:an? )?(?:drones?|UAVs?|aircraft|helicopters?)|drone-dropped)', EXP, 'air_drone_strike', ['air_strike'], 0.9),
  rule('(?:shell(?:ed|ings?|s)?|artillery|mortars?|rockets?|missiles?|barrages?|bombard(?:ed|ment)|Grad|MLRS|howitzers?|rocket fire|missile strikes?|cluster munitions?)', EXP, 'shelling_artillery_missile_attack', ['shelling'], 0.8),
  rule('(?:IEDs?|VBIEDs?|unexploded (?:ordnance|munitions?|shells?|bombs?|devices?)|UXOs?|explosive remnants of war|improvised explosive|roadside bombs?|land ?mines?|mines?|car bombs?|booby[- ]trap(?:ped)?|explosive devices?|detonat(?:ed|ion))', EXP, 'remote_explosive_landmine_ied', ['ied'], 0.85),
  rule('(?:grenades?)', EXP, 'grenade', [], 0.85),
  rule('(?:explosions?|blasts?|exploded|bombings?|bombs?)', EXP, 'remote_explosive_landmine_ied', ['explosion'], 0.5),
  // aircraft lost: shot down crewed aircraft are an armed clash with its crew (ACLED codes the fight)
  // a crash or a forced landing only of an aircraft named beside it (a car crash, a market crash are no loss)
  rule('(?:shot down|shoot down|downed|(?:planes?|jets?|aircraft|airliners?|helicopters?|choppers?|drones?|UAVs?|warplanes?|fighters?|bombers?|gunships?)\\s+(?:[\\w-]+\\s+){0,3}?(?:(?:was|were) brought down|crash(?:ed|es)?|crash-landed|lost (?:its|their) way|made an emergency landing)|(?:crash(?:es)?|crash-landing|emergency landing) of (?:an?|the|its|their) (?:[\\w-]+ ){0,2}?(?:planes?|jets?|aircraft|airliners?|helicopters?|choppers?|drones?|UAVs?|warplanes?|fighters?|bombers?|gunships?))', BAT, 'armed_clash', ['aircraft_loss'], 0.6),
  rule('(?:land(?:ed|ing)|took off|take off|flew|crossed the border)', STR, 'other', ['flight'], 0.2),
  // battles
  rule('(?:recaptur(?:ed|e|ing)|retook|regain(?:ed)? control|liberat(?:ed|ion))', BAT, 'government_regains_territory', ['territory'], 0.8),
  // a place taken by the state's own forces, named as the subject of the note ("On 3 May, army troops
  // took over the town"): ACLED's government regaining territory, not an armed group's gain
  // (the look back runs only where a subject word stands)
  rule('(?:troops|soldiers|army|military|government forces|security forces|armed forces|state forces|loyalist forces)(?<=(?:^|[,;:]\\s*|\\.\\s+)(?:(?![\\w-]*ed\\s)[\\w\'-]+\\s+){0,3}(?:troops|soldiers|army|military|forces))\\s+(?:(?![\\w-]*ed\\s)[\\w-]+\\s+){0,5}?(?:(?:took (?:back |full )?|seized |regained (?:full )?)control of|(?:captured|took over|reclaimed)(?=\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:town|city|village|district|area|base|capital|airport|localit(?:y|ies)|territory)))', BAT, 'government_regains_territory', ['territory'], 0.85),
  rule('(?:(?:captur(?:ed|ing)|seiz(?:ed|ing)|overr[au]n) (?:\\d+ |two |three |several )(?:[\\w-]+ )?(?:outposts?|posts|bases|positions|checkpoints|camps|barracks)|captur(?:ed|ing) [\\w-]+,? (?:the )?(?:capital|town|city|village|district|headquarters)\\b|(?<!-)occupied the (?:[\\w-]+ ){0,2}?(?:town|city|village|airport|base|district|capital)|(?:captur(?:ed|e|ing)|overr[au]n) (?:the )?(?:[\\w-]+ ){0,2}?(?:town|city|village|airport|base|positions?|territory|region|district (?:cent(?:re|er)|headquarters)|district|(?:provincial |regional )?capital|localit(?:y|ies))|seiz(?:ed|ure) (?:of )?(?:the )?(?:town|city|village|airport|base|territory)|(?:took|taken|seized|gained) (?:full )?control(?! (?:of )?(?:the )?(?:game|match|race|lead|ball|contest|company|board|market)\\b)(?! with)|(?:took|taken) over (?:the )?(?:[\\w-]+ ){0,2}?(?:town|city|village|airport|base|district|area|capital)|fell to(?!\\s+(?:(?:his|her|their|its|my|our|your|one)\\b|the (?:ground|floor|bottom|earth|deck)\\b|an? (?:low|record)\\b|\\$|£|€|\\d|(?:second|third|fourth|fifth|sixth|last|zero|pieces|bits)\\b)))', BAT, 'non_state_actor_overtakes_territory', ['territory'], 0.8),
  rule('(?:clash(?:ed|es)?|fighting|fought|battles?|firefights?|gun ?battles?|exchanges? of fire|exchanged fire|(?:night|heavy|fierce|intense|close|street) combat|shoot-?outs?|cross-?fire|(?:in an|an armed|during an|gun) encounter|encounter (?:with|between) (?:the )?(?:security forces|police|troops|militants|army|soldiers|insurgents|rebels|terrorists|Maoists|gunmen)|offensive|counter-?offensive|skirmish(?:es)?|assault(?:ed)?|attacked (?:positions|troops|soldiers|checkpoints?))', BAT, 'armed_clash', ['clash'], 0.7),
  rule('(?:repel(?:led|s)?|repulsed|foiled|thwarted) (?:an? |the )?(?:[\\w-]+ ){0,2}?(?:attacks?|assaults?|offensives?|incursions?|raids?|ambush(?:es)?)', BAT, 'armed_clash', ['clash'], 0.85),
  // an armed attack on a post, a patrol or a base fights its guards: ACLED's armed clash, whoever dies
  rule('(?:attack(?:ed|s|ing)?|raid(?:ed|s|ing)?|overr?an|stormed|ambush(?:ed|es|ing)?)\\s+(?:an?\\s+|the\\s+)?(?:[\\w-]+\\s+){0,3}?(?:(?:military|army|police|gendarmerie|security|border|naval|air)\\s+(?:posts?|camps?|stations?|bases?|headquarters)|checkpoints?|outposts?|garrisons?|barracks|patrols?|military convoys?|army convoys?|positions?|troops|soldiers|(?:military|air|army|naval) bases?|(?<!(?:IDPs?|refugees?|displacement|displaced|persons|people|transit|cattle|farm|fishing|mining|school|holiday|summer)\\s)(?:camps?|hideouts?|strongholds?)(?! for\\b))', BAT, 'armed_clash', ['clash'], 0.7),
  // an ambush with no target named: below STRONG, so its victims decide (travellers killed: an attack)
  rule('ambush(?:ed|es|ing)?', BAT, 'armed_clash', ['clash'], 0.45),
  // protesters met with lethal force: before the attacks on civilians, whose words ("shot dead") they contain
  rule('(?:(?:police|security forces|soldiers|troops|army)\\s+(?:\\w+\\s+)?(?:shot(?: and killed)?|shot dead|killed|opened fire on|fired live (?:ammunition|rounds|bullets) (?:at|on|into))\\s+(?:\\w+\\s+){0,2}?(?:protesters?|protestors?|demonstrators?|marchers|crowds?))', 'protests', 'excessive_force_against_protesters', ['protest'], 0.9),
  // demonstrators killed by those who stop them (a crowd that fought is a riot, below: the heavier word wins)
  rule('(?:(?:opened fire on|fired (?:live (?:ammunition|rounds|bullets) )?(?:at|on|into)|used live (?:ammunition|rounds|bullets|fire) (?:against|on|to disperse))\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,6}?(?:protesters?|protestors?|demonstrators?|marchers|crowds?|protesting|demonstrating)|(?:fired|used) (?:tear ?gas and )?live (?:rounds|ammunition|bullets|fire)(?! (?:at|on) (?:the )?(?:militants|rebels|insurgents|fighters|positions|troops|soldiers))(?![^.]{0,40}\\b(?:drills?|exercises?|training|manoeuvres|maneuvers)\\b))', 'protests', 'excessive_force_against_protesters', ['protest'], 0.85),
  rule('(?:(?:killing|killed|shot dead|shooting dead|gunned down)\\s+(?:at least\\s+|some\\s+|about\\s+)?(?:\\d+|[a-z]+)\\s+(?:[\\w-]+\\s+)?(?:protesters?|protestors?|demonstrators?|marchers)|(?:protesters|protestors|demonstrators|marchers)(?=\\s+(?:were\\s+)?(?:killed|shot dead)))', 'protests', 'excessive_force_against_protesters', ['protest'], 0.85),
  // violence against civilians
  // captives taken and people killed in one raid: ACLED codes the killing
  rule('(?:(?:abduct(?:ed|ing)|kidnapp(?:ed|ing))(?=(?:\\s+[^\\s.]+){0,14}?\\s+(?:(?:and|before|then)\\s+)?(?:later\\s+|subsequently\\s+)?(?:killed|killing|murdered|executed|shot dead|beheaded|found dead|(?:[\\w-]+[\'’]s\\s+)?(?:body|bodies|corpses?)\\s+(?:was|were)\\s+(?:later\\s+)?(?:found|discovered|recovered))\\b)|(?:killed|killing|murdered|executed|beheaded)\\s+(?:[^\\s.;]+\\s+){0,6}?and\\s+(?:abducted|abducting|kidnapped|kidnapping))', VAC, 'attack', ['attack'], 0.9),
  // "the kidnapped businessman": an abduction told before, not the incident
  rule('(?<!\\b(?:a|an|the|of)\\s)(?:abduct(?:ed|ion|ions)?|kidnap(?:ped|ping|pings)?|snatched (?:\\d+ |two |three |several |a |an |the )?(?:[\\w-]+ )?(?:children|girls|boys|women|men|students|pupils|people|villagers|passengers|farmers|traders|workers|civilians|child|girl|boy|woman|man)\\b|disappeared|hostages? taken|took (?:\\w+ ){0,2}hostage)', VAC, 'abduction_forced_disappearance', ['abduction'], 0.85),
  rule('(?:rap(?:ed|e)|sexual (?:violence|assault))', VAC, 'sexual_violence', [], 0.9),
  // "shot dead" says nothing of who was hit: soldiers shot dead in a firefight are a clash, civilians an
  // attack; below STRONG, so the victims decide (see byVictims in reports.ts)
  rule('(?:shot dead|gunned down)', VAC, 'attack', ['attack'], 0.45),
  // bodies found dumped: people killed, whoever killed them (below STRONG: soldiers' bodies are a fight's dead)
  rule('(?:(?:bod(?:y|ies)|corpses?)\\s+(?:[\\w-]+\\s+){0,5}?(?:were\\s+|was\\s+)?(?:found|discovered|dumped|recovered)|(?:found|discovered|recovered|dumped)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:bod(?:y|ies)|corpses?))', VAC, 'attack', ['attack'], 0.45),
  rule('(?:massacre[ds]?|executed|(?<!code )execution|stabbed|behead(?:ed|ing|ings)?|(?:hack(?:ed|ing)|stabb(?:ed|ing)|club(?:bed|bing)|ston(?:ed|ing)|beat(?:en|ing)?|bludgeon(?:ed|ing)) (?:[\\w-]+ ){0,4}?to death|machetes?|flogg(?:ed|ing)|whipp(?:ed|ing)|murder(?:ed|s)?|assassinat(?:ed|ion|ions)|beaten to death|tortured|burn(?:ed|t) (?:[\\w-]+ ){1,4}?alive)', VAC, 'attack', ['attack'], 0.6),
  // protests and riots
  // "riot police", "riot gear" name a unit and its kit, not a riot
  // riots or protests an incident set off are its aftermath, not its type: the span is claimed at a weight that decides nothing
  rule('(?:sparking|sparked|triggering|triggered|prompting|prompted|provoking|provoked|leading to|led to)\\s+(?:[\\w-]+\\s+){0,2}?(?:riots?|protests?|demonstrations?|unrest|outrage)', STR, 'other', ['aftermath'], 0.05),
  // a mob's violence, with no demonstration: lynchings, vigilante killings
  rule('(?:mobs?|lynch(?:ed|ing|ings)?|mob justice|jungle justice)', 'riots', 'mob_violence', ['riot'], 0.85),
  // a crowd that is no demonstration, burning or beating: mob violence
  rule('(?:(?:angry|irate|enraged) )?(?:residents|villagers|locals|community members|inhabitants|crowds?)(?=(?:\\s+[^\\s.;!?]+){0,8}?\\s+(?:set (?:on )?fire|set ablaze|set alight|torched|burn(?:ed|t)|beat|attacked|stoned|vandali[sz]ed|ransacked|lynched))', 'riots', 'mob_violence', ['riot'], 0.85),
  // a crowd that burns, storms or fights: a violent demonstration, though it also marched or rallied
  rule('(?:(?:protesters?|protestors?|demonstrators?|rioters|supporters|youths|students|(?:hundreds|thousands|dozens|scores) of (?:[\\w-]+ )?(?:people|residents|protesters|demonstrators|youths|students|supporters|workers|farmers|villagers|men|women|fans|members|[a-z]+(?:ians|ans|ese|bs|ds|ks|is)))(?=(?:\\s+[^\\s.;!?]+){0,12}?\\s+(?:set (?:on )?fire|set ablaze|set alight|torched|vandali[sz]ed|stormed|burn(?:ed|t)|looted|ransacked|clashed with|threw (?:stones|rocks|petrol bombs)|pelted))|(?:marched|marches|(?:a|the) march|protest(?:s|ed)?|demonstrat(?:ed|ions?)|rall(?:y|ies|ied)|sit-ins?)(?=(?:\\s+[^\\s.;!?]+){0,10}?\\s+(?:and|then|before)\\s+(?:[\\w-]+\\s+)?(?:set (?:on )?fire|set ablaze|set alight|torched|vandali[sz]ed|stormed|looted|ransacked|burn(?:ed|t)|clashed|threw stones|pelted)))', 'riots', 'violent_demonstration', ['riot'], 0.9),
  rule('(?:riot(?:s|ed|ing|ers)?(?! (?:police|policem[ae]n|squads?|gear|shields?|control|units?|troops)\\b)|looters|violent (?:protests?|demonstrations?))', 'riots', 'violent_demonstration', ['riot'], 0.8),
  rule('(?:tear ?gas|water cannon|rubber bullets|police (?:dispersed|disperse|cracked down|stormed|storm|launch assault)|crackdown)', 'protests', 'protest_with_intervention', ['protest'], 0.8),
  rule('(?:dispers(?:e|ed|ing)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[\\w-]+\\s+){0,2}?(?:protesters?|protestors?|demonstrators?|crowds?|them|protests?|demonstrations?|marchers|march(?:es)?|rall(?:y|ies)|gatherings?|sit-ins?))', 'protests', 'protest_with_intervention', ['protest'], 0.8),
  rule('(?:blocked (?:the |a |several |main )?(?:[\\w-]+ )?(?:roads?|highways?|streets?|roundabouts?|bridges?|junctions?|intersections?)|road ?blockades?|to demand|demanding|to denounce|denouncing)', 'protests', 'peaceful_protest', ['protest'], 0.4),
  // ACLED's crowd-size tag ("[size=no report]") is written on protests and riots only
  rule('(?:size=(?:no report|around|about|approx|at least|more than|between|several|dozens|hundreds|thousands|a few|many|large|small|\\d))|(?:candlelight |silent )?vigils?', 'protests', 'peaceful_protest', ['protest'], 0.6),
  rule('(?:protest(?:s|ed|ers|ors|ing)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|march(?:ed|es)|(?:a|the|peaceful|protest) march(?!\\s+\\d)|sit-in|strike action|picket(?:s|ed)?)', 'protests', 'peaceful_protest', ['protest'], 0.6),
  // weak, generic violence: read only when nothing more specific stands in the report
  // armed men raiding a village, a market or a bus, with no weapon named: an attack on civilians,
  // below STRONG so that soldiers among the victims still make it a clash (see byVictims)
  rule('(?:(?:attack(?:ed|s|ing)?|raid(?:ed|s|ing)?|storm(?:ed|s|ing)?)\\s+(?:an?\\s+|the\\s+)?(?:[\\w-]+\\s+)?(?:villages?|markets?|church(?:es)?|mosques?|schools?|hospitals?|homes?|houses?|bus(?:es)?|farms?|IDP camps?|camps? for (?:the )?(?:displaced|refugees)|displacement sites?|health (?:cent(?:re|er)s?|facilit(?:y|ies)|posts?)|clinics?|worshippers|villagers|civilians|residents|passengers|travell?ers|motorists|refugees|hunters|farmers|herders|fishermen|traders|miners|shepherds|women|children|students|pupils|patients|displaced (?:people|persons))|(?:gunm[ae]n|armed m[ae]n|assailants?|attackers?|shooters?|bandits|unidentified (?:men|attackers|individuals|persons)|unknown (?:men|attackers))\\s+(?:\\w+\\s+){0,3}?(?:attacked|opened fire|stormed|raided|killed|shot|murdered|assassinated|hacked))', VAC, 'attack', ['attack'], 0.45),
  // armed men killing "people", "residents": ACLED's attack on civilians unless a fight or a weapon is named
  // (below STRONG: soldiers among the counted dead still make it a clash, see byVictims)
  // (above the looting rule: people killed where houses also burned are the attack ACLED codes)
  rule('(?:kill(?:ed|ing|s)|shot dead|massacring)\\s+(?:at least\\s+|more than\\s+|about\\s+|some\\s+|over\\s+)?(?:\\d+|[a-z]+)\\s+(?:[\\w-]+\\s+)?(?:people|persons|residents|villagers|inhabitants|worshippers|passengers|civilians|farmers|herders|fishermen|traders|shopkeepers|shepherds|hunters|miners|women|children|students|pupils|teachers|aid workers|journalists|priests|pastors|imams|motorists|travell?ers|drivers|boys?|girls?|child(?:ren)?|teenagers?)', VAC, 'attack', ['attack'], 0.48),
  rule('(?:attack(?:ed|s|ing)?|strikes?|struck|hit)', EXP, 'shelling_artillery_missile_attack', ['attack'], 0.25),
  // headlines speak in the present ("Gunmen kill 4", "9 die in Zacatecas")
  rule('(?:killed|killing|kills?|died|dies|die|dead|deaths?|neutrali[sz]ed|lost (?:their|his|her) lives?|wounded|injured)', BAT, 'armed_clash', ['casualties'], 0.15),
];
