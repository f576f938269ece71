/**
 * Killed, injured and captured counts, each tied to the sentence that states it.
 *
 * A count is a group of people with a number ("two military officers and three crew members" —
 * coordinated groups add up to 5; "both crew members" is 2) joined to a casualty word in the same
 * sentence: before it for passive and intransitive forms ("… were killed", "lost their lives",
 * "were neutralized"), after it for active and nominal ones ("killing 43 people", "the deaths of
 * two crew members"), or right beside it in headlines ("Five dead", "12 injured"). "No casualties
 * were reported" is 0. "May have been killed" is kept, marked hedged. Whether a count belongs to
 * the main incident or to an aggregate ("each time two pilots were killed") is the report
 * builder's call.
 */
import type { CasualtyAnnotation, CasualtyField, Count, DateAnnotation, Stage } from '../model/index.js';
import { lexiconFor } from '../lang/index.js';
import { lexiconCasualties } from '../lang/casualties.js';
import { NUMBER_PHRASE, addCounts, toCount } from './numbers.js';
import { bitsIn, openingBits, openingKeys } from './prefix-filter.js';

const PERSON_NOUNS =
  'people|persons?|civilians?|soldiers?|servicem[ae]n|servicemembers?|service members?|troops|militants?|fighters?|officers?|' +
  'crew ?members?|family members?|members?|crew|crewm[ae]n|pilots?|policem[ae]n|police officers?|police|children|child|kids|women|woman|men|man|residents?|' +
  'protesters?|protestors?|demonstrators?|rebels?|separatists?|insurgents?|workers?|passengers?|journalists?|individuals?|' +
  'others|victims?|combatants?|personnel|marines?|sailors?|commanders?|guards?|volunteers?|militiam[ae]n|paratroopers?|' +
  'gunm[ae]n|attackers?|terrorists?|students?|miners?|villagers?|inhabitants?|citizens?|nationals?|tourists?|patients?|' +
  'doctors?|medics?|staff|employees?|firefighters?|rescuers?|prisoners?|hostages?|boys?|girls?|adults?|teenagers?|infants?|' +
  'babies|relatives|bystanders?|pedestrians?|worshippers?|peacekeepers?|contractors?|mercenaries|jihadists?|extremists?|' +
  'guerrillas?|militias?|herders?|herdsm[ae]n|farmers?|traders?|elders?|chiefs?|convicts?|inmates?|cadets?|conscripts?|recruits?|' +
  'teens?|toddlers?|juveniles?|males?|females?|deput(?:y|ies)|cops?|troopers?|bailiffs?|relatives?|gendarmes?|rioters?|looters?|bandits?|gangsters?|traffickers?|kidnappers?|rustlers?|thieves|robbers?|criminals?|smugglers?|poachers?|pirates?|assailants?|suspects?|agents?|priests?|pastors?|imams?|' +
  'officials?|activists?|supporters?|teachers?|pupils?|nurses?|drivers?|shepherds?|fisherm[ae]n|hunters?|mothers?|fathers?|parents?|' +
  'vigilantes?|monks?|nuns|pilgrims?|motorists?|vendors?|shopkeepers?|businessm[ae]n|voters?|' +
  'newborns?|wives|husbands|sons|daughters|brothers|sisters|siblings|cousins|grandchildren|youths?|bodies|corpses|dead|casualties|[a-z]{1,30}(?:ians|ese)';

const SINGULAR_PERSON =
  'civilian|man|woman|boy|girl|child|teenager|soldier|serviceman|servicewoman|officer|policeman|policewoman|journalist|reporter|' +
  'photographer|pilot|militant|fighter|rebel|separatist|volunteer|resident|protester|activist|supporter|driver|doctor|medic|commander|' +
  'priest|student|worker|guard|mayor|official|pensioner|farmer|miner|paramedic|firefighter|observer|monitor|peacekeeper|' +
  'chief|village chief|elder|imam|pastor|trader|herder|herdsman|militiaman|militia fighter|convict|inmate|prisoner|singer|cameraman|nurse|teacher|sniper|shepherd|passenger|trooper|' +
  'leader|thief|robber|politician|son|daughter|brother|sister|nephew|niece|grandson|granddaughter|baby|infant|councillor|councilor|lawyer|judge|businessman|gendarme|suspect|fisherman|hunter|cleric|mother|father|wife|husband|youth|' +
  // local crime news: the victim is a teen, a toddler, "a 14-year-old", a deputy
  'teen|toddler|juvenile|male|female|person|victim|deputy|cop|agent|bailiff|customer|clerk|neighbou?r|friend|girlfriend|boyfriend|' +
  'stepfather|stepson|stepdaughter|stepmother|grandmother|grandfather|uncle|aunt|cousin|kid|homeowner|gunman|shooter|motorist|pedestrian|bystander|' +
  'security guard|employee|cashier|student|preschooler|newborn|\\d{1,3}[- ](?:year|month|week)s?[- ]old|' +
  // "one man dead and another wounded": one more person, named by the word alone
  'another';

/** A person noun that modifies the next one is no noun of its own: "two adult females", "three teen boys". */
const NOUN_NOT_MODIFIER = '(?!\\s+(?:males?|females?|m[ae]n|wom[ae]n|boys?|girls?|victims?|suspects?|students?|relatives?|sons?|daughters?)\\b)';
/** A group of people with a count: number phrase, up to three modifiers, a person noun. */
const GROUP = new RegExp(
  `${NUMBER_PHRASE.source}(?:\\s+(?:of\\s+(?:(?:the|them|whom|these|those)\\s+)?(?:(?:\\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+)?)?(?:(?!(?:and|or|an?|\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|were|was|are|is|been|have|has|had)\\s)[\\p{L}\\d'-]{1,40}\\s+){0,3}?(${PERSON_NOUNS})\\b${NOUN_NOT_MODIFIER})`,
  'giu',
);
/**
 * Sides named by their own name, as coded notes write them: "5 ADF", "2 FARDC", "19 Houthis",
 * "3 Americans". Case-sensitive, so "5 km" or "two more" are no group; digits or a lower-case
 * number word only (a sentence-initial "Two" would need the case-insensitive reading).
 */
const NAMED_SIDE = new RegExp(
  `\\b(?:(at least|more than|up to|about|around|over|some|nearly)\\s+)?(\\d{1,3}(?:,\\d{3}){1,6}|\\d{1,40}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+` +
    // not a time or a unit ("11 PM", "5 KM"); and only in running text: in a title-case headline
    // "3 Hours After Blast" names no side
    `(?!(?:AM|PM|GMT|UTC|EST|CET|EAT|WAT|IST|KMS?|MM|CM|KG|HRS|MW|KV|USD|EUR)\\b)` +
    // "2 Taliban and 4 …", "3 Tatmadaw killed": a name without plural s, only beside another count or the casualty word
    `((?:[A-Z]{2,6}s?|[A-Z][a-z]{1,40}s)\\b(?![-'’])(?=\\s*(?:$|[,;.:)]|\\s[a-z\\d]))|(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b)[A-Z][a-z]{1,40}\\b(?=\\s+(?:and\\s+\\d|(?:were\\s+|was\\s+)?(?:killed|dead|died|wounded|injured)\\b)))`,
  'gu',
);
/** Two people named by a word for the pair: "a couple", "the elderly couple", "his parents" (not "a couple of hours"). */
const PAIR = /\b(?:an?|the|his|her|their|my|our)\s+(?:[a-z][\p{L}-]{1,20}\s+)?(couple|parents)\b(?!\s+of\b|['’])/giu;
const PAIR_CUE = /couple|parents/i;
/** Joins coordinated groups: "two officers and three crew members", "two soldiers, three civilians". */
const COORDINATION = /^\s*(?:,\s*(?:and\s+)?|and\s+|as well as\s+|plus\s+)(?:(?:his|her|their)\s+)?$/i;

interface Verb {
  field: CasualtyField;
  /** Where the count stands: before (passive/intransitive) or after (active/nominal). */
  side: 'before' | 'after';
  /** One person named without a number after the word: "fire kills civilian in Luhansk", "the death of a militia fighter". */
  one?: boolean;
  /** Counts only bodies: "11 bodies were recovered" (but "3 soldiers were found" is no toll). */
  bodies?: boolean;
  /** The word itself names the one dead ("the chief's body was found"). */
  self?: boolean;
  /**
   * A plain word the sentence must hold for the rule to be tried: the Unicode-aware rules that
   * scan a long list of person nouns at every word cost most of this stage, and few sentences
   * hold the word they need.
   */
  cue?: RegExp;
  /** The people hit, dead or alive ("shot"): see CasualtyAnnotation.struck. */
  struck?: boolean;
  /** A new figure for a toll told before ("rose to"). */
  update?: boolean;
  /** "shot himself": the one person is the actor, right after the word. */
  selfAfter?: boolean;
  /** One of the rules of rare words, all tried only where RARE_CUE finds one of them (one scan for all). */
  rare?: true;
  /** "a double shooting": the word itself counts the people hit (see MULTIPLE). */
  multiple?: true;
  /** "killing her": one person named by a pronoun right after the word. */
  pronounAfter?: boolean;
  /** No bare number before the word: "in critical condition" after "2 p.m." is no count. */
  noBare?: boolean;
  /** Not after an article: "a shot", "the fatal shot" are nouns. */
  notNoun?: boolean;
  /** Max characters between the group and the word, when less than MAX_GAP_BEFORE ("with a gunshot wound" is said right of the one hit). */
  maxGap?: number;
  /**
   * Said of the sentence's subject, however far before ("The 11-year-old boy was taken to Children's
   * Hospital, where he was reported in critical condition"): words that tell of someone alive and hurt.
   */
  subject?: boolean;
  /** The group must be fighters ("lost 80 troops"). */
  forces?: boolean;
  /** Hurt, alive when said, maybe dead since: one person told of before is among the hit (see KNOWN_ONE). */
  toldBefore?: boolean;
  /** Said of the living ("taken to the hospital"): no count in a sentence that tells of a death. */
  alive?: boolean;
  /** Counted only by a bare number right before the word ("two fatally"), never a group further back. */
  bareOnly?: boolean;
  /** Only a group with a number before the word counts ("five shooting victims"), never one person named alone. */
  counted?: boolean;
}

/** Before "shot" as a noun: "a shot", "a single shot", "the fatal shot". */
const SHOT_NOUN = /\b(?:a|the|one|single|another|first|second|third|fatal|warning|final|lone|good|clear|kill|mug|head|booster|flu)\s+$/i;
const BODY_CUE = /\b(?:body|corpse|remains)\b/i;
const WOUND_CUE = /injur|wound/i;
const SHOOTING_OF_CUE = /shooting (?:injury )?of /i;
const SHOT_ONE_CUE = /\b(?:shot|shoots|shooting|hit|struck|striking|hitting|grazed|grazing) (?:his|her|their|an?) /i;
const GRAZED_PRONOUN_CUE = /\b(?:grazed|grazing|struck|striking) (?:him|her)\b/i;
const HIT_CUE = /\b(?:struck|hit|grazed) (?:by|in)\b/i;
const RECOVERING_CUE = /\brecovering\b/i;
const HOSPITAL_CUE = /hospital|medical cent|trauma cent/i;
const LOST_CUE = /\blos(?:t|es|ing|e)\b/i;
const FORCES = /troops|soldiers|servicem|fighters|militants|personnel|marines|paratroopers|militiam|rebels|separatists|insurgents|policemen|officers/i;
const THREAT_CUE = /threatening|minor|serious|critical|severe/i;
const TREATED_CUE = /\btreated\b|released from/i;
const DEATH_CUE = /\b(?:his|her) (?:death|demise)\b/i;
const KILLING_PRONOUN_CUE = /\bkill(?:ing|ed|s) (?:him|her)\b/i;
const FIGHTING_CUE = /\bfight(?:s|ing) for\b|\bclinging to\b/i;
const SURVIVED_CUE = /\bsurvived\b/i;
const INVERTED_CUE = /\b(?:Injured|Wounded|Hurt)\s+(?:in\s|was\s|were\s)/;
/** The one person right after a word: "shot himself", "shoots self" (not "self-defense"); "killing her". */
const SELF_AT = /^(?:himself|herself|self)\b/i;
const SELF_NEXT = /^\s+(?:himself|herself)\b/i;
/** A number of people right after a bare "shot": "shot five people", "shot 3 men" (not "shot 5 times", read by NOT_PEOPLE_AFTER there). */
const COUNT_NEXT = /^\s+(?:at least\s+)?(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?!(?:times|rounds|shots|bullets|seconds|minutes|hours|days|nights|weeks|months|years)\b)[a-z]/i;
/** An age inside a person's phrase ("his 10-year-old son"): no number of people. */
const AGE_IN = /\d{1,3}[- ](?:year|month|week)s?[- ]old/gi;
const PRONOUN_AT = /^(?:him|her)\b/i;
const ARTICLE_AT = /^an?\s/i;
/** A casualty word denied: "was not injured", "wasn't hurt" (no count; "no one was hurt" is NONE's zero). */
const DENIED = /\b(?:not|never)\b|n['’]t\b/i;
const DENIED_BEFORE = /(?:\b(?:not|never)|n['’]t)\s+$/i;
const GUNSHOT_CUE = /gunshot|bullet|grazing/i;
/** Any word of the `rare` rules: "to death", "double shooting", "triple homicide", "killing of Jane", "deceased", "survived", "Injured in". */
const RARE_CUE = /[Ss]hooting victims|[Gg]unshot victims|(?:were|was|been) hit\b|[Gg]razed|to death|(?:[Dd]ouble|[Tt]riple|[Qq]uadruple)[- ]|(?:[Kk]illing|[Mm]urder|[Ss]laying|[Dd]eath) of [A-Z]|deceased|survived|(?:Injured|Wounded|Hurt) (?:in|was|were)\s/;
const MULTIPLE_CUE = /(?:double|triple|quadruple)[- ]shooting/i;
const MULTIPLE_DEATH_CUE = /(?:double|triple|quadruple)[- ](?:homicide|murder|killing|slaying)/i;
const TO_DEATH_CUE = /\bto death\b/i;
const DEATH_OF_CUE = /(?:[Kk]illing|[Mm]urder|[Ss]laying|[Dd]eath) of [A-Z]/;
const DECEASED_CUE = /\bdeceased\b/i;
const MULTIPLE: Record<string, number> = { double: 2, triple: 3, quadruple: 4 };

/** After a singular victim: the end of the phrase, so "kills rebel fighters" and "the soldier's wife" are not one person. */
const ONE_END = `(?!['’]s)(?=\\s*(?:$|[,;:.|–—-]|(?:in|at|near|on|as|and|after|before|then|during|while|with|by|from|since|when|outside|amid|of|who)\\b))`;
/** What OBJECT_AFTER starts with: one cheap test before the long list of persons. */
const OBJECT_LEAD = /^\s+(?:his|her|their|an?)\s/i;
/** A person right after "shot": its object, as in "shot his wife", "shot a 7-year-old girl". */
const OBJECT_AFTER = new RegExp(`^\\s+(?:his|her|their|an?)\\s+(?:[\\p{L}\\d'’-]{1,40}\\s+){0,2}?(?:${SINGULAR_PERSON})\\b${ONE_END}`, 'iu');

/**
 * What a pattern below cannot match without (its closing words, same flags): a pattern with an
 * optional lead ("were … killed") or a long list of nouns up front is tried at every word of the
 * sentence, the cue is one cheap scan, and most sentences lack it.
 */
const POSSESSIVE_DEATH_CUE = /['’]s\s+(?:accidental\s+|fatal\s+)?(?:shooting\s+)?(?:death|murder|slaying)\b/iu;
const KILLED_CUE = /(?:killed|slain|shot dead|neutrali[sz]ed|eliminated|liquidated|executed|murdered|beheaded|massacred|perished|burned to death|lynched|assassinated|decapitated|(?:hacked|stoned|beaten|clubbed) to death|burn(?:ed|t) alive)\b/i;
const HURT_CUE = /(?:injured|wounded|hurt|hospitali[sz]ed)\b/i;
const TAKEN_CUE = /(?:captured|taken prisoner|taken captive|abducted|kidnapped)\b/i;

/**
 * The words of the patterns below that had no cue, with the same flags as their pattern (a
 * Unicode-aware one reads "ſ" as "s" and the Kelvin sign as "k": its cue does too). Kept where the
 * cue measured cheaper than the pattern's own scan: a case-insensitive Unicode pattern tests its
 * opening word boundary slowly at every character, and an optional lead ("were … shot") is tried at
 * every word; a plain list of words scans as fast as its cue would.
 */
const FATALLY_CUE = /fatally/i;
const FATALLY_CUE_U = /fatally/iu;
const KILLS_ONE_CUE = /kill|shot dead|death of|lynch|to death|beheaded|assassinat|murder|executed|gunned down/iu;
const ALIVE_CUE = /alive/i;
const MUTILATED_CUE = /behead|decapitated|lynch|assassinated|hacked to death/i;
const BODIES_CUE = /bodies|corpses/i;
const DEATH_OF_ONE_CUE = /shooting|homicide|slaying|murder/iu;
const TALLY_CUE = /[:=]/;
const LIVES_CUE = /death|lives of|bodies of/i;
const CAPTURED_CUE = /captur|taking prisoner/i;
const CONDITION_CUE = /condition|coma/i;
const SHOT_CUE = /shot|struck by/i;
const GRAZED_CUE = /grazed/i;
/** "shooting victims", "gunshot victims": the group itself names the people hit. */
const VICTIMS_CUE = /(?:shooting|gunshot) victims/i;
/** A bare "were hit" is gunfire's only in a sentence that tells of shots (not "hit by a car"). */
const HIT_SHOTS_CUE = /\bhit\b(?=[^]*\b(?:shots|gunfire|fired)\b)|\b(?:shots|gunfire|fired)\b(?=[^]*\bhit\b)/i;
const SELF_CUE = /self/i;

/** Casualty words; the group's side depends on the form. Order: longer forms first. */
const VERBS: [RegExp, Verb][] = [
  // a toll and its updates: "the death toll rose to 10", "the number of people killed has risen to 12", "now stands at 7"
  [/\b(?:death toll|toll|number of (?:people |those |victims )?(?:killed|dead|deaths|fatalities)|fatalities|deaths|dead)\b[^.;:]{0,60}?\b(?:rose|risen|rises|climbed|climbs|jumped|increased|grew|went up|has reached|reached|reaches|hit|hits|now stands|stands|stood|is now|now)\s+(?:from\s+\d[\d,]{0,12}\s+)?(?:to|at)\s+(?=(?:at least\s+)?\d)/gi, { field: 'fatalities', side: 'after', update: true }],
  // "suffered a fatal gunshot wound", "died of a gunshot wound" is read by "died"
  [/\b(?:suffer(?:ed|s|ing)?|sustain(?:ed|s|ing)?)\s+(?:an?\s+)?(?:fatal|mortal|deadly)\s+(?:gunshot\s+|bullet\s+|stab\s+)?(?:wounds?|injuries|injury)\b/gi, { field: 'fatalities', side: 'before', cue: /fatal|mortal|deadly/i }],
  // "four people were shot, two fatally", "two of them fatally": the dead among the hit, by a number right before the word
  [/\bfatally\b(?!\s+(?:shot|shoots|shooting|wounded|wounding|injured|injuring|stabbed|stabbing|struck|hit|beaten))/gi, { field: 'fatalities', side: 'before', bareOnly: true, cue: FATALLY_CUE }],
  // "fatally shot", "fatally wounded": dead, not hurt
  [/\b(?:(?:were|was|have been|has been|had been|is|are|being|got)\s+)?fatally\s+(?:shot|wounded|injured|stabbed|struck|hit|beaten)\b/gi, { field: 'fatalities', side: 'before', cue: FATALLY_CUE }],
  [/\bfatally\s+(?:shot|shoots|shooting|wounded|wounding|stabbed|stabbing|struck)\s+(?=(?:himself|herself|self)\b(?![-'’]))/gi, { field: 'fatalities', side: 'after', selfAfter: true, cue: FATALLY_CUE }],
  [new RegExp(`\\bfatally\\s+(?:shot|shoots|shooting|wounded|wounding|stabbed|stabbing|struck)\\s+(?=(?:an?\\s+|one\\s+|his\\s+|her\\s+|their\\s+)?(?:[\\p{L}\\d'’-]{1,40}\\s+){0,2}?(?:${SINGULAR_PERSON})\\b${ONE_END})`, 'giu'), { field: 'fatalities', side: 'after', one: true, cue: FATALLY_CUE_U }],
  [/\bfatally\s+(?:shot|shoots|shooting|wounded|wounding|stabbed|stabbing)\s+(?=(?:at least|more than|up to|some|about|around|over|nearly|almost)?\s*(?:\d|two|three|four|five|six|seven|eight|nine|ten|both))/gi, { field: 'fatalities', side: 'after', cue: FATALLY_CUE }],
  [/\b(?:killing|killed|kills|kill|slaughtered|massacred|executed|murdered|shot dead|shooting dead|gunned down|claimed the lives of|claims the lives of)\s+(?=(?:at least|more than|up to|some|about|around|over|nearly|almost|as many as)?\s*(?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w{1,6}teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|dozens|scores|hundreds|a few|many|both|all))/gi, { field: 'fatalities', side: 'after' }],
  [new RegExp(`\\b(?:killing|killed|kills|kill|shot dead|shot and killed|death of|lynched|lynching|beat to death|beaten to death|stoned to death|hacked to death|burned to death|burnt to death|beheaded|assassinated|assassinating|murdered|murdering|executed|gunned down)\\s+(?=(?:an?\\s+|one\\s+)?(?:[\\p{L}'’-]{1,40}\\s+){0,2}?(?:${SINGULAR_PERSON})\\b${ONE_END})`, 'giu'), { field: 'fatalities', side: 'after', one: true, cue: KILLS_ONE_CUE }],
  // "struck Victoria, killing her": one person named by a pronoun, where the phrase ends ("killing her husband" is read above)
  [/\b(?:killing|killed|kills)\s+(?=(?:him|her)\b(?!['’-])(?=\s*(?:$|[,;:.|–—-]|(?:in|at|near|on|as|and|after|during|while|with|by|from|since|when|outside|amid|instantly)\b)))/gi, { field: 'fatalities', side: 'after', pronounAfter: true, cue: KILLING_PRONOUN_CUE }],
  // "burned 11 villagers alive": the group stands between the verb and "alive"
  [/\b(?:burn(?:ed|t|ing)|buried)\s+(?=[^.;:]{0,60}?\balive\b)/gi, { field: 'fatalities', side: 'after', cue: ALIVE_CUE }],
  [/\b(?:beheaded|beheading|decapitated|lynched|lynching|assassinated|hacked to death)\s+/gi, { field: 'fatalities', side: 'after', cue: MUTILATED_CUE }],
  // "hacked 4 people to death": the group stands between the verb and "to death"
  [/\b(?:hacked|stabbed|beat|beaten|stoned|clubbed|burned|burnt|shot|shooting)\s+(?=[^.;:]{1,40}?\bto death\b)/gi, { field: 'fatalities', side: 'after', cue: TO_DEATH_CUE, rare: true }],
  // "a double homicide", "the triple murder": two or three dead
  [/\b(?:double|triple|quadruple)[- ](?:homicides?|murders?|killings?|slayings?)\b/gi, { field: 'fatalities', side: 'after', multiple: true, cue: MULTIPLE_DEATH_CUE, rare: true }],
  // "the killing of Jane Doe", "in the death of John Smith": one dead, named
  [/\b(?:[Kk]illing|[Mm]urder|[Ss]laying|[Ss]hooting death|[Dd]eath)\s+of\s+(?=\p{Lu}[\p{L}'’-]+\s+(?:\p{Lu}\.\s+)?\p{Lu}[\p{L}'’-]+)/gu, { field: 'fatalities', side: 'after', self: true, cue: DEATH_OF_CUE, rare: true }],
  // "deputies located a deceased male": one dead
  [/\ban?\s+deceased\s+(?:(?:white|black|hispanic|asian|adult|young|elderly|unidentified)\s+)?(?:male|female|man|woman|person|victim|boy|girl|child|teen|teenager|juvenile|adult|individual)\b/gi, { field: 'fatalities', side: 'after', self: true, cue: DECEASED_CUE, rare: true }],
  // bodies found are dead, counted where they are found ("police found 7 bodies")
  [/\b(?:found|discovered|recovered|retrieved|exhumed|dumped)\s+(?=(?:the\s+)?(?:\S{1,40}\s+){0,3}?(?:bodies|corpses)\b)/gi, { field: 'fatalities', side: 'after', cue: BODIES_CUE }],
  // "the chief's body was found": one dead
  [new RegExp(`\\b(?:${SINGULAR_PERSON})['’]s\\s+(?=(?:body|corpse|remains)\\s+(?:was|were|has been|had been)\\s+(?:\\w{1,40}\\s+)?(?:found|discovered|recovered|retrieved))`, 'giu'), { field: 'fatalities', side: 'after', self: true, cue: BODY_CUE }],
  // "the body of a kidnapped trader was found": one dead, whatever follows the person
  [new RegExp(`\\b(?:the )?(?:body|corpse|remains) of\\s+(?=(?:an?\\s+|one\\s+)?(?:[\\p{L}'’-]{1,40}\\s+){0,2}?(?:${SINGULAR_PERSON})\\b(?!['’]s))`, 'giu'), { field: 'fatalities', side: 'after', one: true, cue: BODY_CUE }],
  // one death named as a noun: "the shooting death of a 14-year-old", "the fatal shooting of a 6-year-old boy", "homicide of 3-year-old girl"
  [new RegExp(`\\b(?:(?:fatal\\s+)?shooting\\s+death|(?<!non-)fatal\\s+shooting|homicide|slaying|murder)\\s+of\\s+(?=(?:an?\\s+|one\\s+|his\\s+|her\\s+|their\\s+)?(?:[\\p{L}\\d'’-]{1,40}\\s+){0,2}?(?:${SINGULAR_PERSON})\\b${ONE_END})`, 'giu'), { field: 'fatalities', side: 'after', one: true, cue: DEATH_OF_ONE_CUE }],
  // "Friend's Shooting Death", "the girl's death"
  [new RegExp(`\\b(?:${SINGULAR_PERSON})['’]s\\s+(?:accidental\\s+|fatal\\s+)?(?:shooting\\s+)?(?:death|murder|slaying)\\b`, 'giu'), { field: 'fatalities', side: 'after', self: true, cue: POSSESSIVE_DEATH_CUE }],
  // "struck his wife in the neck, resulting in her death": one dead, named by the pronoun
  [/\b(?:result(?:ed|ing|s)?\s+in|caus(?:ed|ing|es)|le(?:d|ading)\s+to)\s+(?:his|her)\s+(?:death|demise)\b/gi, { field: 'fatalities', side: 'after', self: true, cue: DEATH_CUE }],
  // "the army lost 80 troops", "loses two soldiers": a force's dead (only its fighters: "lost three games" is no toll)
  [/\b(?:lost|loses|losing|lose)\s+(?=[^.;:]{0,40}?\b(?:troops|soldiers|servicem[ae]n|servicemembers|fighters|militants|personnel|marines|paratroopers|militiam[ae]n|rebels|separatists|insurgents|policemen|officers)\b)/gi, { field: 'fatalities', side: 'after', forces: true, cue: LOST_CUE }],
  // a tally: "Fatalities: 4", "Total deaths: 6"
  [/\b(?:fatalities|deaths|dead|killed)\s*[:=]\s*(?=\d)/gi, { field: 'fatalities', side: 'after', cue: TALLY_CUE }],
  [/\b(?:were|was|had been|have been)\s+(?:\w{1,40}\s+)?(?:found|discovered|recovered|retrieved|exhumed)\b/gi, { field: 'fatalities', side: 'before', bodies: true }],
  [/\b(?:deaths? of|death toll (?:\w{1,40}\s+){0,5}?(?:to|of|at|is|was|stands at|reached|hits|climbs to)|lives of|bodies of)\s+/gi, { field: 'fatalities', side: 'after', cue: LIVES_CUE }],
  // before the one-person form, as for the killed: "injured a boy and a woman" is one coordinated group
  [/\b(?:injuring|wounding|injured|wounded|injures|wounds|injure|wound)\s+(?=(?:the\s+)?(?:at least|more than|up to|some|about|around|over|nearly|almost)?\s*(?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|\w{1,6}teen|twenty|thirty|forty|fifty|several|dozens|scores|hundreds|a few|many|both))/gi, { field: 'injured', side: 'after', cue: WOUND_CUE }],
  [new RegExp(`\\b(?:injuring|wounding|injured|wounded|injures|wounds|shot and wounded)\\s+(?=(?:an?\\s+|one\\s+)?(?:[\\p{L}\\d'’-]{1,40}\\s+){0,2}?(?:${SINGULAR_PERSON})\\b${ONE_END})`, 'giu'), { field: 'injured', side: 'after', one: true, cue: WOUND_CUE }],
  [/\b(?:capturing|captured|taking prisoner)\s+(?=(?:at least|more than|up to|some|about|around|over)?\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|\w{1,6}teen|twenty|several|dozens|hundreds|a few|many|both))/gi, { field: 'captured', side: 'after', cue: CAPTURED_CUE }],
  [/\b(?:(?:were|was|have been|has been|had been|are|is|being|got|get)\s+(?:(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s)\w{1,40}\s+){0,2}?)?(?:killed|slain|shot dead|neutrali[sz]ed|eliminated|liquidated|executed|murdered|beheaded|massacred|perished|burned to death|lynched|assassinated|decapitated|(?:hacked|stoned|beaten|clubbed) to death|burn(?:ed|t) alive)\b/gi, { field: 'fatalities', side: 'before', cue: KILLED_CUE }],
  [/\b(?:died|die|dies|dead|succumbed|(?:stabbed|beaten|hacked|shot|burnt|burned|lynched) to death|lost their lives|lost (?:his|her) life|lose their lives|were left dead|fatalities|fatality|deaths)\b/gi, { field: 'fatalities', side: 'before' }],
  [/\b(?:(?:were|was|have been|has been|had been|are|is|being|got|get|remains|remained|remain|were left|was left)\s+(?:(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s)\w{1,40}\s+){0,2}?)?(?:(?:seriously|critically|severely|gravely|badly|slightly|mildly|non-fatally)\s+)?(?:injured|wounded|hurt|hospitali[sz]ed)\b/gi, { field: 'injured', side: 'before', cue: HURT_CUE, toldBefore: true }],
  [/\b(?:(?:were|was|have been|has been|had been|are|is|being|got)\s+(?:\w{1,40}\s+){0,2}?)?(?:captured|taken prisoner|taken captive|abducted|kidnapped)\b/gi, { field: 'captured', side: 'before', cue: TAKEN_CUE }],
  // "Three suffer gunshot wounds", "suffered non-life-threatening injuries"
  // (not gunshot or bullet wounds, said of the dead too: read below as hit, "four people had sustained gunshot wounds … one of the male victims died")
  [/\b(?:suffer(?:ed|s|ing)?|sustain(?:ed|s|ing)?|receiv(?:ed|es|ing))\s+(?:(?:apparent|multiple|serious|minor|critical|non-?life[- ]threatening|life[- ]threatening|stab)\s+){0,2}(?!(?:(?:apparent|multiple|serious|minor|critical|non-?life[- ]threatening|life[- ]threatening)\s+){0,2}(?:gunshot|bullet)\s)(?:(?:gunshot|bullet)\s+)?(?:wounds?|injuries|injury)\b/gi, { field: 'injured', side: 'before', cue: WOUND_CUE }],
  // "treated for his injuries", "treated and released", "released from the hospital": hurt, alive
  [/\b(?:(?:were|was|is|are|being|been|got|later)\s+(?:\w+ly\s+)?)?(?:treated\s+(?:and\s+released|for\s+(?:(?:his|her|their|the|an?|minor|serious|multiple|apparent|non-?life[- ]threatening|life[- ]threatening|gunshot|bullet)\s+){0,3}(?:injur(?:y|ies)|wounds?))|released\s+from\s+(?:the\s+|a\s+|an\s+)?(?:(?!(?:secure|mental|psychiatric|state)\s)[\w.'’-]+\s+){0,3}?(?:hospital|medical\s+cent(?:er|re))|treated\s+at\s+(?:the\s+|a\s+|an\s+)?(?:[\w.'’-]+\s+){0,4}?(?:hospital|medical\s+cent(?:er|re)|trauma\s+cent(?:er|re)))\b/gi, { field: 'injured', side: 'before', noBare: true, cue: TREATED_CUE, maxGap: 90, subject: true }],
  // "were taken to the hospital with non-life-threatening injuries", "listed with life-threatening wounds": hurt, alive
  [/\b(?:with|for(?:\s+treatment\s+of)?|of)\s+(?:what\s+(?:(?:is|are|was|were)\s+)?(?:believed|described|said|thought)\s+to\s+be\s+|what\s+(?:appear|appeared|police\s+said|police\s+called)\s+(?:to\s+be\s+|were\s+)?)?(?:(?:non-?life[- ]threatening|life[- ]threatening|minor|serious|critical|severe)\s+)(?:gunshot\s+|bullet\s+)?(?:injur(?:y|ies)|wounds?)\b/gi, { field: 'injured', side: 'before', noBare: true, cue: THREAT_CUE, maxGap: 120, subject: true }],
  // "a 4-year-old boy is recovering", "a woman and three men are recovering": hurt, alive
  [/\b(?:is|are|was|were)\s+(?:\w+ly\s+)?recovering\b/gi, { field: 'injured', side: 'before', cue: RECOVERING_CUE, maxGap: 20, subject: true }],
  // "in critical condition", "listed in serious condition", "left in a coma": hurt, one person or a group
  [/\b(?:(?:was|were|is|are|remains?|remained|listed|left|in)\s+){1,2}(?:(?:in\s+)?(?:critical|serious|stable|grave|fair|life-threatening)(?:\s+but\s+stable)?\s+condition|a\s+coma)\b/gi, { field: 'injured', side: 'before', noBare: true, cue: CONDITION_CUE, subject: true, toldBefore: true }],
  // "another is fighting for her life", "4-year-old fights for her life": hurt, alive
  [/\b(?:(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?)?(?:(?:fighting|fights)\s+for|clinging\s+to)\s+(?:(?:his|her|their|its)\s+)?li(?:fe|ves)\b/gi, { field: 'injured', side: 'before', noBare: true, cue: FIGHTING_CUE , subject: true , toldBefore: true }],
  // "five people were taken to the hospital", "the mother was rushed to a hospital": hurt, alive (not
  // in a sentence that tells of a death: "was taken to the hospital, where he died")
  [/\b(?:(?:were|was|have been|has been|had been|are|is|being|got)\s+(?:\w+ly\s+)?)?(?:taken|rushed|transported|airlifted|flown|sent)\s+(?:\w+ly\s+)?(?:by\s+(?:ambulance|helicopter|private\s+(?:vehicle|car|auto))\s+)?to\s+(?:an?\s+|the\s+)?(?:[\w.'’-]+\s+){0,4}?(?:hospitals?|medical\s+cent(?:er|re)s?|trauma\s+cent(?:er|re)s?)\b/gi, { field: 'injured', side: 'before', cue: HOSPITAL_CUE, maxGap: 60, struck: true, alive: true }],
  // "a shooting that sent four people to the hospital": hurt, alive
  [/\bsen(?:t|ds|ding)\s+(?=(?:at least\s+)?(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|several)\s+(?:[\p{L}-]+\s+){0,2}?to\s+(?:the\s+|a\s+|area\s+|local\s+)?hospitals?\b)/giu, { field: 'injured', side: 'after', cue: HOSPITAL_CUE, alive: true }],
  // "One of the five victims survived the shooting": hurt, alive
  [/\bsurvived\s+(?:the\s+)?(?:shooting|gunfire|attack|being shot|(?:his|her|their)\s+(?:wounds|injuries))\b/gi, { field: 'injured', side: 'before', noBare: true, cue: SURVIVED_CUE, maxGap: 40, rare: true }],
  // "Both victims survived", "all five survived": a group hit and alive (a group with a number only: "he is survived by" is no count)
  [/(?<!\b(?:who|that)\s+)\bsurvived\b(?!\s+by\b)/gi, { field: 'injured', side: 'before', noBare: true, counted: true, cue: SURVIVED_CUE, maxGap: 12, rare: true }],
  // "Injured in the gunfire were a boy and a woman": the hurt named after the word
  [/\b(?:Injured|Wounded|Hurt)\s+(?:in\s+the\s+(?:\w+\s+)?(?:shooting|gunfire|attack)\s+)?(?:was|were)\s+(?=(?:an?|one|two|three|four|five|\d+)\s)/g, { field: 'injured', side: 'after', cue: INVERTED_CUE, rare: true }],
  // the people hit, dead or alive: "four shot", "a man was shot", "shot two officers"
  [/\b(?:(?:were|was|have been|has been|had been|are|is|being|got|get)\s+(?:also\s+|reportedly\s+|allegedly\s+|accidentally\s+)?)?(?:shot|struck by (?:gunfire|a bullet|bullets|a stray bullet))\b(?!\s+(?:at(?!\s+(?:about|around|approximately|roughly|least|\d|noon|midnight|close range|point[- ]blank|the\s+(?:end|start|corner|scene|entrance|front|back|rear|door)\b)|\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,2}?(?:party|park|club|nightclub|bar|lounge|gas station|home|house|residence|apartments?|complex|school|mall|store|restaurant|church|intersection|gathering|barbecue|cookout|festival|concert|event|hotel|motel)\b)|down|dead|and killed|to death|up|from|through|into|out|back|off|himself|herself|themselves|and\s+(?:wounded|injured)\s+(?:himself|herself))\b)/gi, { field: 'injured', side: 'before', struck: true, notNoun: true, cue: SHOT_CUE }],
  // "the five shooting victims", "four adult gunshot victims": those hit, dead or alive, counted by the group itself (the word is its end)
  [/(?<=\b(?:shooting|gunshot)\s+victims)(?:\s+|[,.;:!?)'’"”—–-])/gi, { field: 'injured', side: 'before', struck: true, counted: true, maxGap: 0, cue: VICTIMS_CUE, rare: true }],
  // "someone fired shots and four people were hit": hit, dead or alive (a bare "hit", only where shots are told)
  [/\b(?:were|was|been)\s+hit\b(?!\s+(?:by|with|in|on|at|and\s+killed)\b)/gi, { field: 'injured', side: 'before', struck: true, cue: HIT_SHOTS_CUE, rare: true }],
  // "two men were grazed": hit, alive or dead (grazed by or in are read below)
  [/\b(?:were|was|been)\s+grazed\b(?!\s+(?:by|in)\b)/gi, { field: 'injured', side: 'before', struck: true, cue: GRAZED_CUE, rare: true }],
  // "was struck in the shoulder", "hit by a stray bullet", "grazed by a bullet": hit, dead or alive
  [/\b(?:struck|hit|grazed)\s+(?:in\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,3}?(?:shooting|gunfire|crossfire|drive-by)|by\s+(?:an?\s+)?(?:stray\s+|falling\s+|single\s+|errant\s+)?(?:gunfire|bullets?|round|gunshots?|shots|shotgun blast|shotgun pellets?|pellets?)|in\s+the\s+(?:head|face|neck|chest|back|legs?|arms?|shoulder|abdomen|stomach|torso|hands?|foot|feet|hip|buttocks|side|thigh|knee|groin|jaw|eye|ankle|wrist|elbow|lower body|upper body))\b/gi, { field: 'injured', side: 'before', struck: true, cue: HIT_CUE }],
  // "with a gunshot wound", "suffering from gunshot wounds": hit, dead or alive (the dead are taken off)
  [/\b(?:(?:suffer(?:ed|s|ing)?|sustain(?:ed|s|ing)?|receiv(?:ed|es|ing))\s+(?:from\s+)?|with\s+|due\s+to\s+|(?:had|has|have)\s+)(?:an?\s+|multiple\s+|several\s+|two\s+|three\s+)?(?:(?:apparent|apparently|single|possible|serious|minor|critical|superficial|self-inflicted|accidental|non[- ]?life[- ]threatening|life[- ]threatening)\s+){0,2}(?:gunshot|bullet|grazing)\s+(?:wounds?|injur(?:y|ies))\b/gi, { field: 'injured', side: 'before', struck: true, cue: GUNSHOT_CUE, maxGap: 40 }],
  // "the shooting of a 7-year-old girl", "non-fatal shooting of son": one person hit (a fatal one is read above)
  [new RegExp(`\\b(?:non-?fatal\\s+|accidental\\s+)?shooting\\s+(?:injury\\s+)?of\\s+(?=(?:an?\\s+|one\\s+|his\\s+|her\\s+|their\\s+)?(?:[\\p{L}\\d'’-]{1,40}\\s+){0,2}?(?:${SINGULAR_PERSON})\\b${ONE_END})`, 'giu'), { field: 'injured', side: 'after', one: true, struck: true, cue: SHOOTING_OF_CUE }],
  [/\b(?:shot|shooting|shoots)\s+(?=(?:at least|more than|up to|some|about|around|over|nearly|almost)?\s*(?:\d(?!\d*(?::\d|\s*(?:[ap]\.?m\b|o'clock)))|two|three|four|five|six|seven|eight|nine|ten|both)\b)/gi, { field: 'injured', side: 'after', struck: true }],
  // "accidentally shot her daughter", "shoots a man": one person hit
  [new RegExp(`\\b(?:shot|shoots|shooting|hit|struck|striking|hitting|grazed|grazing)\\s+(?=(?:his|her|their|an?)\\s+(?:[\\p{L}\\d'’-]{1,40}\\s+){0,2}?(?:${SINGULAR_PERSON})\\b${ONE_END})`, 'giu'), { field: 'injured', side: 'after', one: true, struck: true, cue: SHOT_ONE_CUE }],
  // "a bullet grazed him", "striking her in the leg": one person hit, named by the pronoun
  [/\b(?:grazed|grazing|struck|striking)\s+(?=(?:him|her)\b(?!['’-]))/gi, { field: 'injured', side: 'after', struck: true, pronounAfter: true, cue: GRAZED_PRONOUN_CUE }],
  // "shot himself", "shot and wounded himself and his son": the shooter is hit too
  [/\b(?:shot|shoots|shooting|(?:shot\s+and\s+)?(?:wounded|wounding|injured|injuring))\s+(?=(?:himself|herself|self)\b(?![-'’]))/gi, { field: 'injured', side: 'after', struck: true, selfAfter: true, cue: SELF_CUE }],
  // "a double shooting", "the triple shooting": two or three people hit, dead or alive
  [/\b(?:double|triple|quadruple)[- ]shooting\b/gi, { field: 'injured', side: 'after', struck: true, multiple: true, cue: MULTIPLE_CUE, rare: true }],
];

/** VERBS' patterns and rules apart, read by index in the per-sentence loop (no pair destructured per rule and sentence). */
const VERB_RES: readonly RegExp[] = VERBS.map(([re]) => re);
const VERB_DEFS: readonly Verb[] = VERBS.map(([, verb]) => verb);
/**
 * Which rules of VERBS may match in a sentence, from the three-letter openings of the words there
 * (`openingBits`): each rule's cue where its openings can be read (the rarer word), else its own
 * pattern's; a sentence that passes CASUALTY_CUE had ~40 cue scans, most finding nothing.
 */
const VERB_GATES: readonly Int32Array[] = openingBits(VERBS.map(([re, verb]) => (verb.cue && openingKeys(verb.cue) ? verb.cue : openingKeys(re) ? re : null)));

/** "No casualties", "no one was killed", "nobody was hurt": zero, for the fields it names. */
const NONE = /\b(?:no (?:casualties|fatalities|deaths|injuries|victims)|no(?:body| one)(?: else)? (?:died|has died)|no(?:body| one| people)? (?:was|were|has been|have been)? ?(?:killed|injured|hurt|wounded)|without (?:casualties|loss of life))\b/gi;
const HEDGE = /\b(?:may|might|could)(?: well| \w{1,20}ly)? have\b|\b(?:possibly|feared|unconfirmed|presumably|believed to have)\b/i;
/** Max characters between a group and a casualty word after it ("… aboard a Russian helicopter were killed"). */
const MAX_GAP_BEFORE = 140;
const MAX_GAP_AFTER = 40;

interface Group {
  start: number;
  end: number;
  count: Count;
  victims: string | null;
  /** Part of a count said before it ("five civilians including two children"): never the count itself. */
  subset?: boolean;
  /** "one of five people": the count of the whole group, for a word of hurt said of all of them right after it. */
  whole?: Count;
}

/** "killing 2 soldiers and himself": the suicide attacker is one more dead. */
const AND_SELF = /^\s*(?:,\s*)?(?:(?:and|as well as)\s+)?(?:then\s+)?(?:himself|herself|self)\b/i;
/** "killed his wife before turning the gun on himself": the one who shot is one more dead (GVA counts the shooter). */
const SUICIDE_AFTER = /^[^.;:]{0,60}?\b(?:turn(?:ed|ing|s)?\s+the\s+(?:gun|weapon|rifle|shotgun|pistol)\s+on\s+(?:himself|herself)|(?:then|before|and)\s+(?:fatally\s+shooting|killing|killed|kills)\s+(?:himself|herself)|(?:took|taking|takes)\s+(?:his|her)\s+own\s+life)\b/i;
/**
 * The killing a protest or a riot is about, not a toll of its own: "protested over the killing of a
 * trader", "riots following the deaths of two youths".
 */
const CAUSE_BEFORE = /\b(?:over|following|against|protest(?:ing|ed)?|denounc(?:e|ing|ed)|condemn(?:ing|ed)?|mourn(?:ing|ed)?|justice for)\s+(?:the\s+)?(?:recent\s+|alleged\s+)?$/i;
const ARTICLE_BEFORE = /\b(?:a|an|the|his|her|their|its)\s+$/i;
const PARTICIPLE = /^(?:killed|murdered|slain|executed|assassinated|lynched|beheaded|wounded|injured)\b/i;
/** "riots after the death of a man in custody": a death named as a noun after "after" is the cause. */
const NOMINAL_DEATH = /^(?:deaths?|killings?\s+of|murders?\s+of)\b/i;
const AFTER_BEFORE = /\b(?:after|following)\s+(?:the\s+)?$/i;
/** A coordinated group with its own number is summed by COORDINATION, not counted as one. */
const NUMBER_AT = /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens)\b/i;
const OF_WHOM = /^\S+\s+of\s+(?:whom|them)\b/i;
const SUBSET_BEFORE = /\b(?:including|among them|among whom|of whom|of them|among)\s*$/i;
/** "three civilians, soldier": one more person, named without a number ("and a civilian" is a group of its own, summed by COORDINATION). */
const PLUS_ONE = new RegExp(`^\\s*(?:,\\s*(?:and\\s+)?|and\\s+)(?!(?:an?|one|the|shoots?|shot|shooting|wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|kill(?:s|ed|ing)?|stab(?:s|bed|bing)?|hurt(?:s|ing)?)\\s)(?:[\\p{L}'’-]{1,40}\\s+)?(?:${SINGULAR_PERSON})\\b(?!['’]s|\\s+(?:says?|said|told|of)\\b)`, 'iu');

/** A count, a comma, then its parts: "eight other victims, five men and three women" (no "and" after the comma). */
const APPOSITION = /^\s*,\s*(?!and\b)/i;
/** The nouns that an apposition spells out ("2 adults, 2 children" are two groups). */
const GENERIC_VICTIMS = /^(?:people|persons?|victims?|others|individuals)$/;

/** "one of the teens": one of a group told of before. */
const ONE_OF_THE = /^one\s+of\s+(?:the|them|those|these|his|her|their)\b/i;
/** Between "one of the teens" and "a 15-year-old boy," and after it: a comma, an article, and a comma closing the apposition. */
const APPOSED_ONE = /^\s*,\s*an?\s[^,]*,\s*(?!and\b)\S/i;
/** "one of five people", "one of the three victims": the group's own number after "of". */
const ONE_OF_N = /^one\s+of\s+(?:the\s+)?(\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s/i;
/** Between the group and a word of hurt said of the whole group, no verb of the one: "… people injured", "… people shot and wounded". */
/** The word of hurt itself, no verb before it ("one of the five was hurt" is one; "survived" is said of the one). */
const WHOLE_WORD = /^(?:(?:seriously|critically|severely|badly|slightly)\s+)?(?:injured|wounded|hurt)\b/i;
const WHOLE_BETWEEN = /^\s+(?:(?:who|that)\s+were\s+)?(?:shot\s+and\s+)?$/i;

/** Person groups in a sentence, with coordinated ones summed into one group. */
function findGroups(sentence: string): Group[] {
  const raw: Group[] = [];
  GROUP.lastIndex = 0;
  for (let m = GROUP.exec(sentence); m; m = GROUP.exec(sentence)) {
    // "2014 video of father killed", "0:41 Woman dies": a year or a clock is no count
    if (m[2] && (YEAR.test(m[2]) || CLOCK_BEFORE.test(sentence.slice(Math.max(0, m.index - 3), m.index)))) continue;
    // "call 911 for multiple people shot": the emergency number is no count
    if (m[2] === '911') continue;
    // "about 50 feet from the women": a preposition or an article among the words before the noun (not "two of the victims")
    if (FUNCTION_WORD.test(m[0]) && FUNCTION_MODIFIER.test(afterNumber(m))) {
      GROUP.lastIndex = m.index + 1;
      continue;
    }
    // "an AK-47", "I-95": a number glued to a name by a hyphen; "Image 10 of 10 Girl, 4, died": a caption's counter
    if (m[2] && (GLUED_BEFORE.test(sentence.slice(Math.max(0, m.index - 2), m.index)) || COUNTER.test(m[0]))) continue;
    const count = toCount(m[1], m[2], m[3]);
    if (!count) continue;
    // "a man" / "an official" alone are no counts worth a claim unless they die or are hurt: keep, count 1
    const group: Group = { start: m.index, end: m.index + m[0].length, count, victims: m[4].toLowerCase() };
    // "one of five people injured", "one of four people shot and wounded": the word is said of the
    // whole group (no verb of its own for the one), so the count is the five ("one of the five was
    // hurt" stays one)
    const whole = ONE_OF_N.exec(m[0]);
    if (whole) group.whole = toCount(undefined, whole[1], undefined) ?? undefined;
    // "including two children", "2 of whom were officers": a part of a count already given
    if (SUBSET_BEFORE.test(sentence.slice(Math.max(0, m.index - 20), m.index)) || OF_WHOM.test(m[0])) group.subset = true;
    const plus = PLUS_ONE.exec(sentence.slice(group.end));
    if (plus && !NUMBER_AT.test(plus[0])) {
      group.end += plus[0].length;
      group.count = addCounts(group.count, { low: 1, best: 1, high: 1 });
    }
    raw.push(group);
  }
  // "a couple and their two small children", "his parents": two people, named by a word for the pair
  if (PAIR_CUE.test(sentence)) {
    PAIR.lastIndex = 0;
    for (let m = PAIR.exec(sentence); m; m = PAIR.exec(sentence)) {
      const s = m.index;
      const e = s + m[0].length;
      if (!raw.some((g) => s < g.end && g.start < e)) raw.push({ start: s, end: e, count: { low: 2, best: 2, high: 2 }, victims: m[1].toLowerCase() });
    }
  }
  NAMED_SIDE.lastIndex = 0;
  for (let m = NAMED_SIDE.exec(sentence); m; m = NAMED_SIDE.exec(sentence)) {
    const s = m.index;
    const e = s + m[0].length;
    if (raw.some((g) => s < g.end && g.start < e)) continue;
    const count = toCount(m[1], m[2], undefined);
    if (count) raw.push({ start: s, end: e, count, victims: m[3].toLowerCase() });
  }
  raw.sort((a, b) => a.start - b.start);
  const out: Group[] = [];
  // the first group of each coordination and the sum of the rest: "eight victims, five men and three
  // women" names the eight again (an apposition), it does not add sixteen
  let head: Count = { low: 0, best: 0, high: 0 };
  let rest: Count | null = null;
  let byComma = false;
  let commaParts = 0;
  for (const g of raw) {
    const last = out[out.length - 1];
    const between = last ? sentence.slice(last.end, g.start) : '';
    // "one of the teens, a 15-year-old boy, was grazed": the one person after the comma is the one of them
    if (last && last.count.best === 1 && g.count.best === 1 && ONE_OF_THE.test(sentence.slice(last.start, last.end)) && APPOSED_ONE.test(sentence.slice(last.end, g.end + 3))) {
      out[out.length - 1] = { ...last, end: g.end };
      continue;
    }
    // "three dead and seven others injured" are two counts, not one group of ten
    if (last && !g.subset && last.victims !== 'dead' && g.victims !== 'dead' && COORDINATION.test(between)) {
      if (!rest) {
        byComma = APPOSITION.test(between) && GENERIC_VICTIMS.test(last.victims ?? '');
        commaParts = APPOSITION.test(between) ? 0 : -1;
      }
      if (commaParts >= 0) commaParts++;
      rest = rest ? addCounts(rest, g.count) : g.count;
      // "the two teens, one female and one male": parts after a comma that add up to the count spell it out
      const spelled = commaParts >= 2 && rest.best === head.best;
      out[out.length - 1] = { start: last.start, end: g.end, count: (byComma && rest.best <= head.best) || spelled ? head : addCounts(head, rest), victims: `${last.victims}+${g.victims}` };
    } else {
      head = g.count;
      rest = null;
      out.push(g);
    }
  }
  return out;
}

const AGE_AFTER = /^\s*(?:an?\s+)?[\p{L}\d]+[-\s]years?[-\s]old\b/iu;

/** One person named without a number, as headlines do: "Civilian killed as …", "Italian journalist dies". */
const SINGULAR_TAIL = `\\s+(?:who\\s+(?:was|had\\s+been)\\s+(?:\\p{L}{1,20}ly\\s+)?(?:shot|wounded|injured|hit|struck)\\s+)?(?:(?:was|is|has been|had been|has|gets|got|remains|remained)\\s+)?(?:(?:\\p{L}{1,20}ly|later|then|also|pronounced|found|declared|listed|(?:shot|stabbed),?(?:\\s+and)?)\\s+){0,2}(?:(?:in|at)\\s+(?:the\\s+|a\\s+)?(?:[\\p{L}'’.-]{1,30}\\s+){0,3}?(?:hospital|medical center)\\s+)?$`;
/** After one person, an age or an apposition between commas: "Page, 32,", "father, 32-year-old James Page,". */
const APPOSITION_ONE = `(?:,\\s+(?:\\d{1,3}|[^,;:.!?]{1,45}?),)?`;
/** After one person, what they were doing: "the man driving the vehicle", "a woman sitting in a car". */
const DOING_ONE = `(?:\\s+[a-z]{2,20}ing\\s+(?:(?:in|on|at|inside|outside|near|into|from|down|along)\\s+)?(?:the|a|an|his|her|their)\\s+[\\p{L}-]{2,30})?`;
/** The apposition itself: "Michael, a seventh grader, was shot" is one person, not the seventh. */
const APPOSED = /,[^,]*,/;
const SINGULAR_BEFORE = new RegExp(
  `(?:^|[,;:|“"]\\s*|\\b(?:as|after|when|while|and|where|says?|said)\\s+)(?:(?:a|an|one|the|his|her|their)\\s+)?(?:\\d{1,3}[- ](?:year|month|week)s?[- ]old\\s+)?(?:[\\p{L}\\d'’-]{1,40}\\s+){0,2}?(?:${SINGULAR_PERSON})${APPOSITION_ONE}${SINGULAR_TAIL}`,
  'iu',
);
/** SINGULAR_BEFORE with what the one person was doing ("the man driving the vehicle"), tried only where that fails and DOING_CUE finds a word in -ing. */
const SINGULAR_DOING_BEFORE = new RegExp(
  `(?:^|[,;:|“"]\\s*|\\b(?:as|after|when|while|and|where|says?|said)\\s+)(?:(?:a|an|one|the|his|her|their)\\s+)?(?:\\d{1,3}[- ](?:year|month|week)s?[- ]old\\s+)?(?:[\\p{L}\\d'’-]{1,40}\\s+){0,2}?(?:${SINGULAR_PERSON})${DOING_ONE}${APPOSITION_ONE}${SINGULAR_TAIL}`,
  'iu',
);
const DOING_CUE = /ing\s+(?:(?:in|on|at|inside|outside|near|into|from|down|along)\s+)?(?:the|a|an|his|her|their)\s/i;
/** One person by name: "Jones was shot and killed", "Mexicano was pronounced dead" (case matters: a name is capitalised). */
const NAME_BEFORE = new RegExp(
  `(?:^|[,;:“"]\\s*|\\b(?:and|after|when|while|where)\\s+)(?!(?:Police|Officers|Authorities|Deputies|Investigators|Officials|They|It|This|That|There|The)\\b)\\p{Lu}[\\p{L}'’-]{1,30}(?:\\s+\\p{Lu}[\\p{L}'’-]{1,30}){0,2}${APPOSITION_ONE}${SINGULAR_TAIL}`,
  'u',
);
/** Two people named without a number: "the man and the boy shot dead", "Girl, man killed", "daughter and brother wounded". */
const TWO_BEFORE = new RegExp(`\\b(?:${SINGULAR_PERSON})(?:,\\s+\\d{1,3},)?\\s+and\\s+(?:(?:his|her|their|the|a|an)\\s+)?(?:[\\p{L}\\d'’-]{1,40}\\s+)?(?:${SINGULAR_PERSON})(?:,\\s+\\d{1,3},)?${SINGULAR_TAIL}`, 'iu');
/** What PERSON_AND_BEFORE and NAME_AND_BEFORE end with: one cheap test before them. */
const AND_END = /\sand\s+$/i;
const PERSON_AND_BEFORE = new RegExp(`\\b(?:${SINGULAR_PERSON})(?:,\\s+\\d{1,3},)?\\s+and\\s+$`, 'iu');
const NAME_AND_BEFORE = new RegExp(`(?:^|[,;:“"]\\s*|\\b(?:said|say|says)\\s+)(?!(?:Police|Officers|Authorities|Deputies|Investigators|Officials|They|It|This|That|There|The)\\b)\\p{Lu}[\\p{L}'’-]{1,30}(?:\\s+\\p{Lu}[\\p{L}'’-]{1,30}){0,2}(?:,\\s+\\d{1,3},)?\\s+and\\s+$`, 'u');
/** One item of a list of people before the next one: "a 39-year-old woman, " (then "21-year-old man and a girl"). */
const LIST_ITEM_END = new RegExp(`\\b(?:${SINGULAR_PERSON})(?:,\\s+\\d{1,3})?,\\s+(?:(?:an?|the|his|her|their)\\s+)?(?:[\\p{L}\\d'’-]{1,40}\\s+){0,2}?$`, 'iu');
/**
 * "A 39-year-old woman, 21-year-old man and a 15-year-old girl are recovering": the people listed
 * with commas before the last "X and" (which the caller counts), each one more.
 */
function listedBefore(pre: string): number {
  const last = PERSON_AND_BEFORE.exec(pre);
  return last ? listedItems(pre.slice(0, last.index)) : 0;
}
/** The people listed with commas at the end of `rest` ("a woman, her son, "), one each. */
function listedItems(rest: string): number {
  let n = 0;
  for (let m = LIST_ITEM_END.exec(rest); m && n < 4; m = LIST_ITEM_END.exec(rest)) {
    n++;
    rest = rest.slice(0, m.index);
  }
  return n;
}
const PRONOUN_BEFORE = new RegExp(`\\b(?:he|she)${SINGULAR_TAIL}`, 'iu');
/** A passive or intransitive form, after which a name or a pronoun is the victim ("he was killed", not "he killed"). */
const UNDERGONE = /^(?:were|was|have been|has been|had been|is|are|being|got|get)\b|^(?:died|dies|die|dead|succumbed|survived|remains?|remained|listed|in|struck|hit|grazed)\b/i;
/** Between a group and a casualty word: a relative pronoun that is not the group's own ("two men who were killed" is theirs). */
const OTHER_CLAUSE = /^[\s,]*[\p{L}\d].{0,138}?\b(?:who|whom|whose|which)\b/u;
/** A headline's list of people named without numbers: "Mother, Father, Toddler Dead", "Woman, boyfriend killed". */
const LIST_BEFORE = new RegExp(`(?:^|[:|–—]\\s*)(?!\\d)(?:${SINGULAR_PERSON})(?:,\\s+(?:(?:his|her|their)\\s+)?(?!\\d)(?:${SINGULAR_PERSON}))+(?:,?\\s+and\\s+(?:(?:his|her|their)\\s+)?(?!\\d)(?:${SINGULAR_PERSON}))?(?=${SINGULAR_TAIL})`, 'iu');
const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const ORDINAL = /\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/i;
/** One person, or the n-th of a toll: "a third victim dies" tells of three dead. */
function ordinalCount(phrase: string): Count {
  const m = ORDINAL.exec(phrase);
  const n = m ? ORDINALS[m[1].toLowerCase()] : 1;
  return m ? { low: n, best: n, high: n } : { low: 1, best: 1, high: 1 };
}
/** After a number: not people ("shot five times", "killed around 4:30 p.m.", "fired 3 rounds"). */
// "the shooting three days earlier", "shot two weeks ago": a length of time is no count either
const NOT_PEOPLE_AFTER = /^(?:\s*(?:more\s+)?(?:times|rounds|shots|bullets|seconds|minutes|hours|days|nights|weeks|months|years)\b|:\d|\s*(?:[ap]\.?m\b|o['’]clock))/i;
/** "over an apparent robbery": "over" and an article are no count. */
const OVER_ARTICLE = /^\s*(?:over|about|around|more than|at least)\s+an?\b/i;
/** "hurt or killed", "killed or wounded": both at once, neither a toll of its own. */
const EITHER_BEFORE = /\b(?:hurt|injured|wounded|killed)\s+or\s+$/i;
const EITHER_AFTER = /^\s+or\s+(?:hurt|injured|wounded|killed)\b/i;
const EITHER_CUE = /\s(?:or|OR)\s/;
const NATURAL_CUE = /natural causes|cancer|illness|disease|heart attack|stroke|overdose/i;
const EITHER_IN = /\b(?:hurt|injured|wounded)\s+or\s+killed\b/i;
/** "fatally shot" with no auxiliary before it, and what makes it active: an object after it. */
const FATALLY_BARE = /^fatally\s/i;
const ACTIVE_OBJECT = /^\s+(?:\d|an?\s|the\s|his\s|her\s|their\s|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|both\b|at least\b)/i;
/** "died of natural causes", "died from cancer": a death that is no casualty. */
const NATURAL_AFTER = /^\s+(?:of|from)\s+(?:natural causes|cancer|an? (?:illness|disease|heart attack|stroke|overdose)|illness|disease|a long illness|complications of (?:cancer|diabetes))\b/i;
/** "at least four are dead, including the gunman who took his own life": the shooter among the dead, not one more. */
const AMONG_BEFORE = /\b(?:including|among them)\s+(?:the\s+)?(?:gunman|shooter|suspect|attacker|killer|\p{Lu}[\p{L}'’-]+)\s+(?:who|,)/u;
/** "three others were shot", "two other people were struck": hit besides those told before (the dead), so hurt. */
const OTHERS_GROUP = /\bothers?\b/i;
const ALSO_HIT = /\balso\b/i;
const PRONOUN_SUBJECT = /^(?:he|she|they)\b/i;
/** A number right after "0:" or "12:" is minutes of a clock or a video's length. */
const CLOCK_BEFORE = /\d:\s*$/;
/** The end of a range of ages: "four men, ages 20-27 were shot" (27 is an age, not a count). */
const AGES_BEFORE = /\bage[sd]?\s+(?:of\s+)?\d{1,3}\s*(?:-|–|to|and)\s*$/i;
/** Right before a bare number: a toll and a join ("are dead and ", "killed, ", "four people were shot and two are being treated"). */
const DEAD_AND_BEFORE = /\b(?:dead|killed|died|shot|wounded|injured|hurt)\s*(?:,\s*(?:and\s+)?|and\s+)$/i;
/** Words of a span of time that counts add up over (see PERIOD_AFTER): one cheap test a sentence. */
const PERIOD_CUE = /year|since|from (?:January|February|March|April|May|June|July|August|September|October|November|December)|annually/i;
/** After a count: the span it adds up over ("so far this year", "since January", "from January to November", "each year"). */
const PERIOD_AFTER = /^[^.;:]{0,50}?\b(?:so far (?:this|in) (?:year|20\d\d)|(?:so far )?this year|since (?:the (?:start|beginning) of (?:the year|20\d\d)|January|Jan\.)|from (?:January|February|March|April|May|June|July|August|September|October|November|December)\b[^.;:]{0,30}?\bto\b|(?:each|every|per) year|a year(?!\s+(?:ago|earlier|before|later|after))|annually|year[- ]to[- ]date)\b/i;
/** "a second victim", "the third person": the n-th one hit, so n hit at least. */
const NTH_PERSON = /\b(?:a|the|an)\s+(second|third|fourth|fifth|sixth)\s+(?:victim|person|man|woman|male|female|boy|girl|teen|teenager|child|juvenile|adult|individual)\b/i;
const DASH_CUE = /[—–]/;
/** An aside between dashes that ends right before a word: " — one 29 years old, two others 37 — ". */
const DASH_ASIDE = /\s[—–]\s[^—–]{1,160}\s[—–]\s*$/;
/** The last group before an aside between dashes that ends right before `vs`: undefined where there is no aside, null where no group stands before it. */
function outsideAside(sentence: string, vs: number, near: Group[], maxGap: number): Group | null | undefined {
  const lead = sentence.slice(Math.max(0, vs - 200), vs);
  const aside = DASH_ASIDE.exec(lead);
  if (!aside) return undefined;
  const start = vs - lead.length + aside.index;
  const outside = near.filter((g) => g.end <= start && start - g.end <= maxGap && !OTHER_CLAUSE.test(sentence.slice(g.end, start)));
  return outside.length ? outside[outside.length - 1] : null;
}
/** "the" right after a word: a person told of before. */
const THE_AT = /^the\s/i;
/** After a count of the hurt: one of them dead ("…, including a 17-year-old who succumbed to her injuries", "…, one fatally"). */
const DEAD_AMONG = /^(?:[^.;]{0,60}?\bincluding\b[^.;]{0,80}?\bwho\s+(?:later\s+|has\s+since\s+|since\s+)?(?:died|succumbed|was killed|was pronounced dead|did not survive|didn['’]t survive)\b|\s*,\s*(?:one|two|three|\d{1,2})\s+(?:of\s+them\s+)?fatally\b)/i;
/** A verb form of one person: "was wounded", "is in critical condition". */
const SINGULAR_AUX = /^(?:was|is|has been)\b/i;
/** What GROUP matched after its number phrase ("up to", "more than" are the number's, not modifiers). */
function afterNumber(m: RegExpExecArray): string {
  let p = m[1] ? m[1].length : 0;
  while (p < m[0].length && /\s/.test(m[0][p])) p++;
  return m[0].slice(p + (m[2] ?? m[3] ?? '').length);
}
/** Between a number and its person noun, a word no modifier is: "50 feet from the women" names no group of 50. */
const FUNCTION_WORD = /\s(?:the|from|to|in|at|on|for|with|by|near|than|who|that)\s/i;
const FUNCTION_MODIFIER = /(?<!\bof)\s(?:the|from|to|in|at|on|for|with|by|near|than|who|that)\s/i;
/** A number glued to a word by a hyphen: "AK-47", "I-95" (a name, no count). */
const GLUED_BEFORE = /\p{L}-$/u;
/** A caption's or a gallery's counter: "10 of 10 Girl", "Image 2 of 8" (both numbers in digits). */
const COUNTER = /^\d{1,3}\s+of\s+\d{1,3}\s/;
/**
 * Between a group and a word said after it (passive, intransitive), a clause with a subject of its
 * own: "four teenagers were shot …, and one of them has died", "located four shooting victims, and
 * Flores-Vargas and Ramirez died", "two deputies rushed the girl to the hospital, where she was
 * pronounced dead", "four people were struck, including the boy killed": the group is not the one
 * the word is said of (the nearer subject is read by the one-person and bare-number forms).
 */
const OWN_SUBJECT = /(?:[,;]\s*|\s)(?:(?:and|where|but|when|while|until|before|after)\s+(?:(?:one|two|three|\d{1,2})\s+of\s+(?:them|whom|those|the\s+[A-Za-z]+)|(?!(?:Police|Officers|Authorities|Deputies|Investigators|Officials|They|It|This|That|There|The|Both|All)\b)[A-Z][A-Za-z'’-]+(?:\s+(?:and\s+)?[A-Z][A-Za-z'’-]+){0,3})|including\s+(?:the|a|an|his|her|their)\s+[A-Za-z\d'’-]+(?:\s+[A-Za-z\d'’-]+)?)\s+(?:(?:has|have|had|was|were|is|are|later|since|also|then|been|pronounced|declared|found)\s+){0,3}$/;
/** The same with "he" or "she" as the clause's subject: not the group's when it is several ("where she was pronounced dead"). */
const ONE_SUBJECT = /(?:[,;]\s*|\s)(?:and|where|but|when|while|until|before|after)\s+(?:he|she)\s+(?:(?:has|have|had|was|were|is|are|later|since|also|then|been|pronounced|declared|found)\s+){0,3}$/i;
/** A past form alone, in running text's lower case (a title-case headline's "Killed" is passive as often as not). */
const BARE_PAST = /^(?:killed|murdered|executed|wounded|injured)$/;
/** An object right after a verb: an article or a possessive and a word that is no time ("killed the night before" is passive), a part ("one of the dogs"), or a name. */
const ACTIVE_OBJECT_AFTER = /^\s+(?:(?:one|two|three|\d{1,2})\s+of\s+(?:the|his|her|their)\s|(?:a|an|the|his|her|their)\s+(?!(?:night|day|week|month|year|morning|afternoon|evening|weekend|previous|same|following|next|last|first|other|past|latest|early|late)\b)\p{L}|(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|In|On|At|By|As|After|Near|During|When|While|Since|Sept|Jan|Feb|Mar|Apr|Aug|Oct|Nov|Dec)\b)\p{Lu}\p{Ll}+)/u;
/** A verb of one right after a number: "Dec. 25 has died", "Reyes, 26 was shot". */
const SINGULAR_HAS = /\b(?:has|is|was)\s/i;
/** A four-digit year right before a word ("in 2006 died") is no count. */
const YEAR = /^(?:1[89]|20)\d\d$/;

/** A number right after an active casualty word: "kills 13", "killing at least one". */
const BARE_AFTER = new RegExp(`^\\s*${NUMBER_PHRASE.source}`, 'iu');
/** "kills one" is a count only where the phrase ends: not "killed one of the leaders". */
const BARE_END = /^\s*(?:$|[,;:.|–—-]|(?:in|at|near|on|as|and|after|during|while|with|by|since|amid)\b)/i;
/** The singular victim after a word of `one` verbs (see VERBS). */
// "a 5-year-old boy and a 20-year-old woman": the age and the noun after it are one person, so what is coordinated after it is found
const ONE_AFTER = new RegExp(`^(?:an?\\s+|one\\s+)?(?:(?!(?:and|or)\\s)[\\p{L}\\d'’-]{1,40}\\s+){0,2}?(${SINGULAR_PERSON})\\b(?:\\s+(?:${SINGULAR_PERSON})\\b(?!['’]s))?`, 'iu');

/** A bare number right before a casualty word, as in headlines: "Five dead", "12 killed"; or with its part: "Two of them died". */
const BARE_BEFORE = new RegExp(`${NUMBER_PHRASE.source}(?:\\s+of\\s+(?:them|whom|those|the\\s+(?:victims|wounded|injured)))?\\s*(?:(?:are|were|is|was|remain|remained|has|have|had)\\s+)?(?:(?:now|also|both|still|later|since|found|pronounced|declared|reported|reportedly|left)\\s+){0,2}$`, 'iu');

/**
 * A word every pattern of VERBS and NONE needs one of (stems, case-insensitive): a sentence without
 * any has no count, and most sentences have none, so it skips the ten scans.
 */
const CASUALTY_CUE = /coma\b|treated|released from|lost|loses|losing|slaying|deceased|(?:double|triple|quadruple)[- ]homicid|struck|graz|hit by|hit in|gunshot|bullet|shot|shoot|condition|toll|kill|alive|lynch|assassin|behead|decapitat|corpse|body|slaughter|massacr|execut|murder|gunned|lives|life|death|dead|die|injur|wound|hurt|hospital|captur|prisoner|captive|abduct|kidnap|slain|neutrali|eliminat|liquidat|behead|perish|succumb|fatalit|casualt|victim|bodies/i;
/** "ſ" and the Kelvin sign: a Unicode-aware pattern reads them as "s" and "k", CASUALTY_CUE does not. */
const ODD_FOLDS = /[\u017F\u212A]/;

export function findCasualties(sentence: string, offset: number): CasualtyAnnotation[] {
  if (!CASUALTY_CUE.test(sentence) && !ODD_FOLDS.test(sentence)) return [];
  const out: CasualtyAnnotation[] = [];
  const hedged = HEDGE.test(sentence);
  // person groups cost the biggest regex here, and only a casualty word needs them: most sentences have none
  let groups: Group[] | null = null;
  const groupsOf = () => (groups ??= findGroups(sentence));
  const used = new Set<Group>();
  const nthHit: CasualtyAnnotation[] = [];
  // groups are sorted by start: a binary search finds those near a word, so a sentence of thousands
  // of groups costs each word a few, not all of them
  const firstFrom = (pos: number) => {
    const gs = groupsOf();
    let lo = 0;
    let hi = gs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gs[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** The groups starting at or after `pos`, the first few (a coordinated one is next to it). */
  const groupsFrom = (pos: number) => groupsOf().slice(firstFrom(pos), firstFrom(pos) + 4);
  /** The groups that end before `pos` within MAX_GAP_BEFORE (they start at most that far and a group's length back). */
  const groupsNear = (pos: number) => groupsOf().slice(firstFrom(pos - MAX_GAP_BEFORE - 400), firstFrom(pos));
  // a coverage map, not a list to scan: a sentence of thousands of counts must not cost their square;
  // made at the first count (a typed array per sentence was a tenth of this stage, and most take none)
  let taken: Uint8Array | null = null;
  const overlapsTaken = (s: number, e: number) => {
    if (!taken) return false;
    for (let i = Math.max(0, s); i < e; i++) if (taken[i]) return true;
    return false;
  };
  const take = (s: number, e: number) => (taken ??= new Uint8Array(sentence.length + 1)).fill(1, Math.max(0, s), e);
  const emit = (field: CasualtyField, s: number, e: number, count: Count, victims: string | null, struck = false, update = false) => {
    // a hedge after the count is about something else: "is dead after what may have been an accident"
    const a: CasualtyAnnotation = { kind: 'casualty', field, start: offset + s, end: offset + e, value: count, victims, hedged: hedged && HEDGE.test(sentence.slice(0, e)) };
    if (struck) a.struck = true;
    if (update) a.update = true;
    out.push(a);
  };

  NONE.lastIndex = 0;
  for (let m = NONE.exec(sentence); m; m = NONE.exec(sentence)) {
    const t = m[0].toLowerCase();
    const zero = { low: 0, best: 0, high: 0 };
    if (/casualt|victim|loss of life/.test(t)) {
      emit('fatalities', m.index, m.index + m[0].length, zero, null);
      emit('injured', m.index, m.index + m[0].length, zero, null);
    } else emit(/injur|hurt|wound/.test(t) ? 'injured' : 'fatalities', m.index, m.index + m[0].length, zero, null);
    take(m.index, m.index + m[0].length);
  }

  // rare words, looked for once a sentence before the per-match checks that need them
  const either = EITHER_CUE.test(sentence);
  let death: boolean | undefined;
  const natural = NATURAL_CUE.test(sentence);
  const rare = RARE_CUE.test(sentence);
  let period: boolean | undefined;
  const may = VERB_GATES.map((t) => bitsIn(sentence, t));
  for (let v = 0; v < VERBS.length; v++) {
    if (((may[v >>> 5] >>> (v & 31)) & 1) === 0) continue;
    const verb = VERB_DEFS[v];
    if (verb.rare && !rare) continue;
    if (verb.cue && !verb.cue.test(sentence)) continue;
    if (verb.alive && (death ??= DEATH_WORD.test(sentence))) continue;
    const re = VERB_RES[v];
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const vs = m.index;
      const ve = m.index + m[0].length;
      if (overlapsTaken(vs, ve)) continue;
      if (!verb.update && (DENIED.test(m[0]) || DENIED_BEFORE.test(sentence.slice(Math.max(0, vs - 8), vs)))) continue;
      if (natural && verb.field === 'fatalities' && verb.side === 'before' && NATURAL_AFTER.test(sentence.slice(ve, ve + 40))) continue;
      if (either && sentence.lastIndexOf(' or ', ve + 4) >= vs - 16 && (EITHER_BEFORE.test(sentence.slice(Math.max(0, vs - 16), vs)) || EITHER_AFTER.test(sentence.slice(ve, ve + 16)) || EITHER_IN.test(m[0]))) continue;
      if (verb.notNoun && SHOT_NOUN.test(sentence.slice(Math.max(0, vs - 12), vs))) continue;
      // "A woman shot her husband": an object after a bare "shot" makes it active; the one named after it was hit (read below)
      if (verb.notNoun && verb.struck && !/\s/.test(m[0]) && OBJECT_LEAD.test(sentence.slice(ve, ve + 8)) && OBJECT_AFTER.test(sentence.slice(ve, ve + 120))) continue;
      // "A gunman shot five people": active, the count after it (read by the active form)
      if (verb.notNoun && verb.struck && !/\s/.test(m[0]) && COUNT_NEXT.test(sentence.slice(ve, ve + 16))) continue;
      // "a student who fatally shot three people": active, the count is after the word (read by the next form)
      if (verb.side === 'before' && !verb.struck && FATALLY_BARE.test(m[0]) && ACTIVE_OBJECT.test(sentence.slice(ve, ve + 24))) continue;
      // "the pair killed the 6-year-old boy", "struck and killed Victoria": a bare past form with an object after it is
      // active, and the group before it did it (the object is read by the active forms)
      if (verb.side === 'before' && !verb.struck && BARE_PAST.test(m[0]) && ACTIVE_OBJECT_AFTER.test(sentence.slice(ve, ve + 40))) continue;
      // "a man accidentally wounded himself and his son": active, its object after it (read by the form for "himself")
      if (verb.side === 'before' && verb.field === 'injured' && !verb.struck && SELF_NEXT.test(sentence.slice(ve, ve + 10))) continue;
      let group: Group | undefined;
      if (verb.pronounAfter) {
        const who = PRONOUN_AT.exec(sentence.slice(ve));
        if (who) group = { start: ve, end: ve + who[0].length, count: { low: 1, best: 1, high: 1 }, victims: null };
      } else if (verb.selfAfter) {
        const who = SELF_AT.exec(sentence.slice(ve));
        if (who) {
          group = { start: ve, end: ve + who[0].length, count: { low: 1, best: 1, high: 1 }, victims: null };
          // "shooting himself and a woman": the one coordinated after him was hit too
          // ("himself and his two daughters": up to "and his " between them)
          const more = groupsFrom(group.end).find((g) => !used.has(g) && g.start - group!.end <= 12 && COORDINATION.test(sentence.slice(group!.end, g.start)));
          if (more) {
            used.add(more);
            group = { start: ve, end: more.end, count: addCounts(group.count, more.count), victims: more.victims };
          } else {
            // "shot himself and his 10-year-old son", "himself and a friend": one more, named without a number
            const plus = PLUS_ONE.exec(sentence.slice(group.end));
            if (plus && !NUMBER_AT.test(plus[0].replace(AGE_IN, ''))) group = { ...group, end: group.end + plus[0].length, count: addCounts(group.count, { low: 1, best: 1, high: 1 }) };
          }
        }
      } else if (verb.multiple) {
        const n = MULTIPLE[m[0].slice(0, m[0].search(/[- ]/)).toLowerCase()];
        group = { start: vs, end: ve, count: { low: n, best: n, high: n }, victims: null };
      } else if (verb.self) {
        group = { start: vs, end: ve, count: { low: 1, best: 1, high: 1 }, victims: m[0].replace(/['’]s\s+$/u, '').toLowerCase() };
      } else if (verb.one) {
        const one = ONE_AFTER.exec(sentence.slice(ve));
        if (one) {
          group = { start: ve, end: ve + one[0].length, count: ordinalCount(one[0]), victims: one[1].toLowerCase() };
          // "killing the driver and two passengers": the group coordinated with the one person adds up
          const more = groupsFrom(group.end).find((g) => !used.has(g) && COORDINATION.test(sentence.slice(group!.end, g.start)));
          if (more) {
            used.add(more);
            group = { start: ve, end: more.end, count: addCounts(group.count, more.count), victims: `${group.victims}+${more.victims}` };
          } else {
            // "shot dead a trader and his son": one more person, named without a number
            // "kills wife, son, daughter": each one more person, named without a number
            for (let k = 0; k < 4; k++) {
              const plus = PLUS_ONE.exec(sentence.slice(group.end));
              if (!plus || NUMBER_AT.test(plus[0])) break;
              group = { ...group, end: group.end + plus[0].length, count: addCounts(group.count, { low: 1, best: 1, high: 1 }) };
            }
          }
        }
      } else if (verb.side === 'after') {
        group = groupsFrom(vs).find((g) => !used.has(g) && g.start - ve <= MAX_GAP_AFTER);
        // "wounded an 8-year-old, 2 others": an article right after the word opens the group; when no
        // group starts there (an age, one person), the one-person form reads it and what is added to it
        if (!verb.one && ARTICLE_AT.test(sentence.slice(ve, ve + 4)) && group?.start !== ve) continue;
        // a bare number right after the word is the count, even when a group follows it:
        // "clashes kill four, including three civilians" is 4
        let n = BARE_AFTER.exec(sentence.slice(ve));
        if (n && (NOT_PEOPLE_AFTER.test(sentence.slice(ve + n[0].length, ve + n[0].length + 12)) || OVER_ARTICLE.test(n[0]))) {
          // "shot two weeks ago as she rode with her parents": the number after the word was a time, and no group after it is its object
          if (group && group.start > ve + n[0].length && /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(n[0]) && NOT_PEOPLE_AFTER.test(sentence.slice(ve + n[0].length, ve + n[0].length + 12)) && !/^\s*(?:times|rounds|shots|bullets)\b/i.test(sentence.slice(ve + n[0].length, ve + n[0].length + 12))) group = undefined;
          n = null;
        }
        const count = n && toCount(n[1], n[2], n[3]);
        const bareOk = n && count && (count.best > 1 || (/^\s*(?:at least\s+)?(?:one|1)\b/i.test(n[0]) && BARE_END.test(sentence.slice(ve + n[0].length))));
        if (n && count && bareOk && (!group || group.start >= ve + n[0].length)) group = { start: ve, end: ve + n[0].length, count, victims: null };
        if (!group) {
          // "kills 8-year-old": one person named by age
          const age = AGE_AFTER.exec(sentence.slice(ve, ve + 30));
          if (age) group = { start: ve, end: ve + age[0].length, count: { low: 1, best: 1, high: 1 }, victims: null };
        }
      } else {
        // "2,507 members … approved by the late ruler, who died in 2006": a relative clause further on
        // has its own subject, so a group before it is not the one who died
        const before = groupsNear(vs).filter((g) => !used.has(g) && !g.subset && g.end <= vs && vs - g.end <= (verb.maxGap ?? MAX_GAP_BEFORE) && !overlapsTaken(g.start, g.end) && !OTHER_CLAUSE.test(sentence.slice(g.end, vs)));
        group = before[before.length - 1];
        if (group && vs - group.end > 6) {
          // (the subject stands right before the word: its last 90 characters)
          const between = sentence.slice(Math.max(group.end, vs - 90), vs);
          if (OWN_SUBJECT.test(between) || (group.count.best > 1 && ONE_SUBJECT.test(between))) group = undefined;
        }
        // "Four men who were hit — one 29 years old, two others 37 — were taken …": the groups of an aside between dashes are its parts
        // (with none outside it, none: "Chohan – who leaves behind a husband, a son and two daughters – died" counts no daughters)
        if (group && DASH_CUE.test(sentence.slice(group.end, vs))) {
          const outside = outsideAside(sentence, vs, groupsNear(vs).filter((g) => !used.has(g) && !g.subset), verb.maxGap ?? MAX_GAP_BEFORE);
          if (outside !== undefined) group = outside ?? undefined;
        }
        // "several children found … before the little girl was wounded": a singular verb is not the group's
        if (group && group.count.best > 1 && SINGULAR_AUX.test(m[0])) group = undefined;
        // "one of five people injured": the word is said of the whole group (not "One of the five was hurt", "… has died")
        if (group?.whole && verb.field === 'injured' && !verb.struck && WHOLE_BETWEEN.test(sentence.slice(group.end, vs)) && WHOLE_WORD.test(m[0])) group = { ...group, count: group.whole };
        // a bare number right before the word is its count, before any group further back: "4 dead, 1 wounded", "10 shot, 2 dead"
        const n0 = verb.bodies ? null : BARE_BEFORE.exec(sentence.slice(Math.max(0, vs - 40), vs));
        // "three are dead and two are in critical condition", "3 killed, 2 in critical condition": beside a toll, a bare number is a count (not "2 p.m.")
        const n = !n0 || !verb.noBare ? n0 : DEAD_AND_BEFORE.test(sentence.slice(Math.max(0, vs - n0[0].length - 24), vs - n0[0].length)) ? n0 : null;
        // "Kalone Mcgee, 26 was shot": a number of several before a verb of one is an age, no count
        const bare = n && !YEAR.test(n[2] ?? '') && !GLUED_BEFORE.test(sentence.slice(Math.max(0, vs - n[0].length - 2), vs - n[0].length)) && !(SINGULAR_AUX.test(m[0]) && /\d/.test(n[2] ?? '') && Number(n[2]) > 1) && !CLOCK_BEFORE.test(sentence.slice(Math.max(0, vs - n[0].length - 3), vs - n[0].length)) && !AGES_BEFORE.test(sentence.slice(Math.max(0, vs - n[0].length - 16), vs - n[0].length)) && !overlapsTaken(vs - n[0].length, vs) ? toCount(n[1], n[2], n[3]) : null;
        // "the girl shot Dec. 25 has died": a number of several before a verb of one is no count
        const bareOne = bare && bare.best > 1 && SINGULAR_HAS.test(n![0]) ? null : bare;
        // "the girl and a 24-year-old man were wounded", "Gonzalez and her grandfather were wounded", "a 3-year-old and four adults": one more person before the group
        if (group && !bareOne) {
          const pre = sentence.slice(Math.max(0, group.start - 60), group.start);
          // (before a group of several, only a person's noun: "Father Killed and 4 Others Hurt" is a headline's capitals, and "others" are besides)
          const one = group.count.best === 1;
          if (AND_END.test(pre) && (one || !OTHERS_GROUP.test(group.victims ?? '')) && (PERSON_AND_BEFORE.test(pre) || (one && NAME_AND_BEFORE.test(pre)))) {
            const n = 1 + listedBefore(sentence.slice(Math.max(0, group.start - 200), group.start));
            group = { ...group, count: addCounts(group.count, { low: n, best: n, high: n }) };
          }
        }
        if (verb.bodies) {
          if (!group || !/\b(?:bodies|corpses)\b/.test(group.victims ?? '') || vs - group.end > MAX_GAP_AFTER) continue;
        } else if (bareOne && (!group || group.end < vs - n![0].length || verb.bareOnly)) {
          group = { start: vs - n![0].length, end: vs, count: bareOne, victims: null };
        } else if (verb.bareOnly) continue;
        if (!group && verb.field !== 'captured' && !verb.bodies && !verb.counted) {
          const lead = sentence.slice(Math.max(0, vs - 60), vs);
          const one = SINGULAR_BEFORE.exec(lead) ?? (DOING_CUE.test(lead) ? SINGULAR_DOING_BEFORE.exec(lead) : null) ?? (UNDERGONE.test(m[0]) ? NAME_BEFORE.exec(lead) ?? PRONOUN_BEFORE.exec(lead) : null);
          if (one) {
            // "the 41-year-old man and the 3-year-old boy shot dead": two people, each named without a
            // number; "Mother, Father, Toddler Dead": one a name in a list; "Third victim dies": the third
            const list = LIST_BEFORE.exec(lead);
            const and = /^and\s+/i.exec(one[0]);
            // "Ramirez and her father were wounded": a name, then the one person
            const two = list ? null : TWO_BEFORE.exec(lead);
            // "a woman, her son and a neighbor were shot": who is listed before the two
            const n = list ? list[0].split(/,|\band\b/).length : two ? 2 + listedItems(sentence.slice(Math.max(0, vs - lead.length - 140), vs - lead.length + two.index)) : and && NAME_AND_BEFORE.test(lead.slice(0, one.index + and[0].length)) ? 2 : 0;
            group = { start: vs - one[0].length, end: vs, count: n ? { low: n, best: n, high: n } : ordinalCount(one[0].replace(APPOSED, ',')), victims: null };
          }
        }
        if (!group && verb.subject) group = subjectOf(sentence, vs, groupsFrom, overlapsTaken);
      }
      if (!group) continue;
      if (verb.forces && !FORCES.test(group.victims ?? '')) continue;
      const lead = sentence.slice(Math.max(0, vs - 40), vs);
      if (CAUSE_BEFORE.test(lead) || (AFTER_BEFORE.test(lead) && NOMINAL_DEATH.test(sentence.slice(vs, vs + 24)))) continue;
      // "justice for a murdered trader": a participle after an article names the victim of an incident told before
      if (ARTICLE_BEFORE.test(lead) && PARTICIPLE.test(m[0])) continue;
      // the words read for the count; what a suicide adds after them stays free for other counts ("… and one wounded before killing himself")
      const core = group.end;
      if (verb.field === 'fatalities') {
        const self = AND_SELF.exec(sentence.slice(group.end));
        const after = Math.max(group.end, ve);
        let suicide = self ? null : SUICIDE_AFTER.exec(sentence.slice(after));
        if (suicide && AMONG_BEFORE.test(suicide[0])) suicide = null;
        if (self || suicide) group = { ...group, end: self ? group.end + self[0].length : after + suicide![0].length, count: addCounts(group.count, { low: 1, best: 1, high: 1 }) };
      }
      used.add(group);
      take(Math.min(vs, group.start), Math.max(ve, core));
      // "three others were shot", "a woman was also shot" are hit besides the dead told before:
      // hurt, not the hit the dead are taken from ("he was also shot in the leg" may be the dead man)
      const others = verb.struck && verb.side === 'before' && group.start < vs && (OTHERS_GROUP.test(sentence.slice(group.start, group.end)) || (ALSO_HIT.test(sentence.slice(group.start, ve)) && !PRONOUN_SUBJECT.test(sentence.slice(group.start, group.end))));
      // "the boy was wounded", "he is in critical condition": one person told of before, who may be the one
      // who died (hit, not one more hurt); "a woman was wounded", "another is in critical condition" is someone new
      const toldBefore = !!verb.toldBefore && group.count.best === 1 && !STABLE.test(m[0]) && group.start < vs && KNOWN_ONE.test(sentence.slice(group.start, group.end)) && !NEW_ONE.test(sentence.slice(group.start, group.end));
      // "three people were injured, including a girl who succumbed", "three were wounded, one fatally": the dead are among them (hit)
      const deadAmong = verb.field === 'injured' && verb.side === 'before' && !verb.struck && group.count.best > 1 && DEAD_AMONG.test(sentence.slice(ve, ve + 160));
      // "the gun discharged, injuring the toddler": one person told of before, who may be the one who died (hit)
      const knownObject = !!verb.one && verb.field === 'injured' && group.count.best === 1 && THE_AT.test(sentence.slice(ve, ve + 4));
      // "74 people injured from January to November", "22 hurt so far this year", "1,000 wounded each year": a running total, no incident's count
      if ((period ??= PERIOD_CUE.test(sentence)) && PERIOD_AFTER.test(sentence.slice(Math.max(ve, group.end), Math.max(ve, group.end) + 70))) continue;
      emit(verb.field, Math.min(vs, group.start), Math.max(ve, group.end), group.count, group.victims, (verb.struck && !others) || toldBefore || deadAmong || knownObject, verb.update);
      // "A second victim was treated and released", "A third victim … was also shot": as many hit as the ordinal says
      if (verb.field === 'injured' && group.count.best === 1 && group.start < vs && ORDINAL.test(sentence.slice(group.start, vs))) {
        const nth = NTH_PERSON.exec(sentence.slice(group.start, vs));
        if (nth) {
          const n = ORDINALS[nth[1].toLowerCase()];
          // (kept apart from the steps below: "… is expected to survive" is said of the n-th, not of those before)
          nthHit.push({ kind: 'casualty', field: 'injured', start: offset + Math.min(vs, group.start), end: offset + Math.max(ve, group.end), value: { low: n, best: n, high: n }, victims: group.victims, hedged: hedged && HEDGE.test(sentence.slice(0, Math.max(ve, group.end))), struck: true });
        }
      }
    }
  }
  const read = hitThenSuicide(aliveHit(oneHurtThenDead(sumSides(out.sort((a, b) => a.start - b.start), sentence, offset), sentence, offset), sentence, offset), sentence, offset);
  return nthHit.length ? read.concat(nthHit) : read;
}

/** One person named as known: "the boy", "he", a name alone ("Jones", not "OSHP trooper"; "his wife" is someone new beside him) (not "a woman", "another", "one of them"). */
const KNOWN_ONE = /^(?:[,;:|“"\s]*(?:and\s+|after\s+|when\s+|while\s+|as\s+|where\s+|says?\s+|said\s+)?)(?:(?:[Tt]he|[Hh]e|[Ss]he)\b|(?!(?:His|Her|Their|Its|My|Our|Your|That|This|These|Those|Paramedics|Police|Officers|Deputies|Authorities|One|Another)\b)\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}(?:,\s+\d{1,3},?)?\s*$)/u;
/** "in stable condition", "serious but stable": alive and likely to live, so hurt whoever died. */
const STABLE = /\b(?:stable|fair|good)\b/i;
const NEW_ONE = /\b(?:an?|one|another|other|second|third|fourth|fifth)\b/i;

/** Before a sentence's subject: a dateline ("HOUSTON (KHOU) — ") or who says it ("Police said "). */
const SUBJECT_SKIP = /^(?:[^a-z]{2,60}?\s[—–-]{1,2}\s+)?(?:(?:police|officials|authorities|deputies|investigators|(?:\p{Lu}[\p{L}.'’-]*\s+){1,3})(?:said|says|say|told\s+\S+)(?:\s+that)?,?\s+)?/u;
/** One person as the subject: "The 11-year-old boy", "He", "Dasmine", "Jerry Manning". */
const SUBJECT_ONE = new RegExp(
  `^(?:(?:(?:the|a|an|one|his|her|their|another)\\s+)?(?:[\\p{L}\\d'’-]{1,40}\\s+){0,3}?(?:${SINGULAR_PERSON})\\b(?!['’]s)|(?:he|she)\\b|(?!(?:Police|Officers|Authorities|Deputies|Investigators|Officials|They|It|This|That|There|The|A|An|Both|All|None|No|Neither|Each|One|Two|Three|Four|Five|Witnesses|Family|Friends|Neighbors)\\b)\\p{Lu}[\\p{L}'’-]{1,30}(?:\\s+\\p{Lu}[\\p{L}'’-]{1,30}){0,2}\\b(?!['’]s))`,
  'iu',
);
/** A word of the hit or the dead between the subject and the words of hurt: that word reads the subject ("Two people were shot, one fatally; the other is in stable condition"). */
const HIT_BETWEEN = /\b(?:shot|shooting|killed|wounded|injured|hurt|dead|died|fatal(?:ly)?|struck|hit|grazed|stabbed)\b/i;
const NOT_A_GROUP = /\b(?:that|the|this|which|who)\b/i;
/** Max characters from the subject's start to the words of hurt. */
const SUBJECT_GAP = 200;

/**
 * The sentence's subject, for words said of someone alive and hurt that stand far from them ("The
 * 11-year-old boy was taken to Children's Hospital, where he was reported in critical condition",
 * "Three victims were all transported to a local hospital with non-life-threatening injuries"):
 * a counted group or one person at the sentence's start, none of it read by another word.
 */
function subjectOf(sentence: string, vs: number, groupsFrom: (pos: number) => Group[], overlapsTaken: (s: number, e: number) => boolean): Group | undefined {
  const skip = SUBJECT_SKIP.exec(sentence);
  const at = skip ? skip[0].length : 0;
  if (vs - at > SUBJECT_GAP || at >= vs) return undefined;
  const g = groupsFrom(at)[0];
  // "9 that the girl underwent surgery" (a date's day, then words) is no group
  if (g && g.start === at && !g.subset && g.end <= vs) return overlapsTaken(g.start, vs) || NOT_A_GROUP.test(sentence.slice(g.start, g.end)) || HIT_BETWEEN.test(sentence.slice(g.end, vs)) ? undefined : g;
  const one = SUBJECT_ONE.exec(sentence.slice(at, vs));
  if (!one || overlapsTaken(at, vs) || HIT_BETWEEN.test(sentence.slice(at + one[0].length, vs))) return undefined;
  return { start: at, end: at + one[0].length, count: { low: 1, best: 1, high: 1 }, victims: null };
}

/** Said after the people hit: they lived ("was hit in the leg and survived", "shot in the face, expected to survive"). */
const LIVED_AFTER = /\b(?:survived|(?:is|are|was|were)\s+expected\s+to\s+(?:survive|live|recover)|expected\s+to\s+(?:survive|live|recover)|non-?life[- ]threatening|not\s+life[- ]threatening|(?:in|listed in)\s+(?:good|stable|fair)\s+condition|treated\s+and\s+released|minor\s+injur(?:y|ies))\b/i;
/** A death told in the sentence, counted or not ("one fatally"): the hit may include the dead. */
const DEATH_WORD = /fatal|\bdead\b|\bdie[sd]?\b|killed|death|succumb/i;
/** Max characters between the hit and the words that say they lived; and words that bring in someone else between them. */
const LIVED_GAP = 80;
const OTHER_ONE = /\b(?:another|other|others|and\s+(?:an?|one|two|three|his|her|their)|while|whereas)\b/i;
const LIVED_CUE = /surviv|expected to|threatening|condition|released|minor/i;

/**
 * The people hit in a sentence that says they lived are hurt, not among the hit the dead are taken
 * from: "A second victim was hit in the leg and survived" is one hurt beside the one who died. Not
 * where the sentence also counts dead ("two shot, one fatally; the other is in stable condition").
 */
function aliveHit(found: CasualtyAnnotation[], sentence: string, offset: number): CasualtyAnnotation[] {
  if (!found.some((a) => a.struck) || found.some((a) => a.field === 'fatalities') || !LIVED_CUE.test(sentence) || DEATH_WORD.test(sentence)) return found;
  return found.map((a) => {
    const after = LIVED_AFTER.exec(sentence.slice(a.end - offset, a.end - offset + LIVED_GAP + 60));
    // "a man with a gunshot wound and another man with minor injuries": the other one lived
    if (!a.struck || a.hedged || !after || after.index > LIVED_GAP || OTHER_ONE.test(sentence.slice(a.end - offset, a.end - offset + after.index))) return a;
    const { struck: _, ...hurt } = a;
    return hurt;
  });
}

/** Between the hit and the dead among them: "shot six people, killing four of them". */
const HIT_THEN_KILLED = /^(?:\s+[\p{L}\d'’-]+){0,3}[\s,;]*(?:and\s+)?$/u;
const KILLING_LEAD = /^(?:killing|fatally)\b/i;
const OWN_LIFE = /\b(?:himself|herself|own life)\b/i;

/**
 * "A man shot six people, killing four of them, before turning the gun on himself": the shooter is
 * among the dead (GVA counts him) but not among those he shot, so the hurt are the hit less the dead
 * he shot, told here as a count of its own (the hit less all the dead would miss one).
 */
function hitThenSuicide(found: CasualtyAnnotation[], sentence: string, offset: number): CasualtyAnnotation[] {
  for (let i = 1; i < found.length; i++) {
    const [hit, dead] = [found[i - 1], found[i]];
    if (!hit.struck || hit.hedged || dead.field !== 'fatalities' || dead.hedged || hit.field !== 'injured') continue;
    const deadText = sentence.slice(dead.start - offset, dead.end - offset);
    if (!KILLING_LEAD.test(deadText) || !OWN_LIFE.test(deadText) || !HIT_THEN_KILLED.test(sentence.slice(hit.end - offset, dead.start - offset))) continue;
    const left = hit.value.best - (dead.value.best - 1);
    if (left < 0) continue;
    const { struck: _, ...told } = hit;
    return [...found.slice(0, i + 1), { ...told, start: dead.start, end: dead.end, value: { low: left, best: left, high: left } }, ...found.slice(i + 1)];
  }
  return found;
}

/** Between one person hurt and the same one dead: "in critical condition until she died", "died after she was wounded". */
const SAME_ONE_JOIN = /^[^.;:]{0,40}?\b(?:until|before|after|when|but|then|where)\s+$/i;
const PRONOUN_LEAD = /^(?:he|she)\b/i;

/**
 * One person hurt and then dead in one sentence is one dead, not one more hurt: the second of the
 * two names the first by a pronoun, after "until", "after", "before" ("She was listed in critical
 * condition until she died"; "A girl has died after she was wounded").
 */
function oneHurtThenDead(found: CasualtyAnnotation[], sentence: string, offset: number): CasualtyAnnotation[] {
  if (found.length < 2) return found;
  const drop = new Set<CasualtyAnnotation>();
  for (let i = 1; i < found.length; i++) {
    const [a, b] = [found[i - 1], found[i]];
    const hurt = a.field === 'injured' ? a : b.field === 'injured' ? b : null;
    const dead = a.field === 'fatalities' ? a : b.field === 'fatalities' ? b : null;
    if (!hurt || !dead || hurt === dead || hurt.hedged || dead.hedged || hurt.value.best !== 1 || dead.value.best < 1) continue;
    if (SAME_ONE_JOIN.test(sentence.slice(a.end - offset, b.start - offset)) && PRONOUN_LEAD.test(sentence.slice(b.start - offset, b.end - offset))) drop.add(hurt);
  }
  return drop.size ? found.filter((x) => !drop.has(x)) : found;
}

/** Between two counts of one sentence: a plain "and" or ";", not "including", "of whom", "bringing". */
const SIDE_JOIN = /^[\s,;]*(?:and|while|whereas|as well as)?[\s,]*$/i;

/**
 * Two counts of the dead in one sentence, of different people and joined by a plain "and" ("31
 * soldiers were killed and several militants were killed"), are the two sides of one toll: one
 * count, their sum, as ACLED totals an event. Repeats of one group are left to the report builder.
 */
/** Between two counts of the hurt in one sentence: a clause's end and "and", ";" or "while" ("… in the leg; a woman was shot …"). */
const HURT_JOIN = /^[^.;:]{0,40}?(?:;|,\s*and\b|\band\b|\bwhile\b)[\s,]*$/i;

/** A count of others: "two others were sent", "three other people were wounded". */
const OTHERS_LEAD = /^(?:\S+\s+)?others?\b/i;
/** Between a count of the hurt and one of others after it: the first one's clause, then "and" (no sentence's end). */
const HURT_JOIN_OTHERS = /^[^.;:!?]{0,140}?(?:,\s*and\b|\band\b|\bwhile\b)[\s,]*$/i;

function sumSides(found: CasualtyAnnotation[], sentence: string, offset: number): CasualtyAnnotation[] {
  const out: CasualtyAnnotation[] = [];
  for (const a of found) {
    const last = out[out.length - 1];
    if (
      last && a.field === 'fatalities' && last.field === 'fatalities' && !a.hedged && !last.hedged &&
      a.value.best > 0 && last.value.best > 0 && a.victims && last.victims && a.victims !== last.victims &&
      SIDE_JOIN.test(sentence.slice(last.end - offset, a.start - offset).replace(/\b(?:were|was|also)\b/gi, ''))
    ) {
      out[out.length - 1] = { ...last, end: a.end, value: addCounts(last.value, a.value), victims: `${last.victims}+${a.victims}` };
    } else if (
      // "a 37-year-old woman was shot in the torso; a 39-year-old woman was shot in the leg": each one more person hit
      // ("a man was shot in the leg and three others were wounded": the others besides the one hit, all four hit)
      last && a.field === 'injured' && last.field === 'injured' && !a.hedged && !last.hedged && (!!a.struck === !!last.struck || (!!last.struck && OTHERS_LEAD.test(sentence.slice(a.start - offset, a.end - offset)))) &&
      a.value.best > 0 && last.value.best > 0 && (a.victims === null ? last.victims === null : a.victims !== last.victims) &&
      (HURT_JOIN.test(sentence.slice(last.end - offset, a.start - offset)) ||
        // "two victims were taken to the county's medical center and two others were sent to …": others, after the clause of the first
        (OTHERS_LEAD.test(sentence.slice(a.start - offset, a.end - offset)) && HURT_JOIN_OTHERS.test(sentence.slice(last.end - offset, a.start - offset))))
    ) {
      out[out.length - 1] = { ...last, end: a.end, value: addCounts(last.value, a.value), victims: last.victims && `${last.victims}+${a.victims}` };
    } else out.push(a);
  }
  return out;
}

/** "No injuries", "no one was hurt": a zero for the injured that says no one was killed either. */
const NO_HURT = /\b(?:no (?:injuries|one|body)|nobody|without injur)/i;

/**
 * Where nobody was hurt and no death is counted anywhere in the document, no one died: "Protesters
 * marched to the office. No injuries reported." is 0 fatalities. Read per document, since a
 * toll given in another sentence ("two were killed … no injuries were reported") overrides it.
 */
export function withImpliedZero(found: CasualtyAnnotation[], text: string): CasualtyAnnotation[] {
  if (found.some((a) => a.field === 'fatalities')) return found;
  const zero = found.find((a) => a.field === 'injured' && a.value.best === 0 && !a.hedged && NO_HURT.test(text.slice(a.start, a.end)));
  if (!zero) return found;
  const implied: CasualtyAnnotation = { ...zero, field: 'fatalities', value: { low: 0, best: 0, high: 0 } };
  return [...found, implied].sort((x, y) => x.start - y.start);
}

export const casualties: Stage = {
  name: 'casualties',
  needs: ['sentence'],
  gives: ['casualty'],
  run({ document, annotations }, ctx) {
    const out: CasualtyAnnotation[] = [];
    const lex = lexiconFor(document.lang);
    if (!lex) return { annotations: out };
    if (lex.native) {
      const dates = annotations.filter((a): a is DateAnnotation => a.kind === 'date');
      for (const s of annotations) if (s.kind === 'sentence') out.push(...lexiconCasualties(document.text.slice(s.start, s.end), s.start, lex, dates, ctx.memos));
      return { annotations: out };
    }
    for (const s of annotations) {
      if (s.kind === 'sentence') out.push(...findCasualties(document.text.slice(s.start, s.end), s.start));
    }
    return { annotations: withImpliedZero(out, document.text) };
  },
};
