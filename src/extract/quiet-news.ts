/**
 * News that tells of no ACLED event although its words are those of one (issue 15): deaths with a
 * cause and no one who caused them (a fall on a mountain, an avalanche, a crash, a drowning, an
 * illness, a storm), property crime where nobody is hurt (a burglary, a ram-raid, a heist), sport
 * ("injured reserve", an "offensive" record), software ("a patch against attacks") and show business.
 *
 * ACLED codes political violence and demonstrations: an event has a perpetrator acting against
 * people or property in a political or communal sense, and a robbery with no one hurt, a climber's
 * fall or a player's injury is none. The type model reads such text by its words (die, dead, hit,
 * injured, armed) and can give it an incident; this reads the *positive* evidence of the quiet kind
 * and, when nothing in the lead names an act of violence (no trigger of weight ≥ 0.5, no doer, no
 * word of a weapon or a wound), says the document reports no incident.
 *
 * Fires are left to the model: a fire set on purpose is often told without its arsonist, so a
 * lead with a fire in it is never quiet (a robbers' getaway car set alight excepted).
 * Patterns are compiled once, at load.
 */
import type { TriggerAnnotation } from '../model/index.js';
import { distinctGroupCounts } from './scan.js';

/** Kinds of news and the words that show them; `one`: a single distinct word is enough, else two. */
const KINDS: { kind: QuietKind; one: boolean; words: string[] }[] = [
  {
    kind: 'fall',
    one: true,
    words: ['climb(?:er|ers|ing)', 'mountaineers?', 'mountaineering', 'avalanches?', 'crevasses?', 'hypothermia', 'frostbite', 'fell (?:\\d+|hundreds of|several|about|some) (?:metres|meters|feet|ft|m)', '(?:fell|fall|falls|falling|plunge|plunged|plunging|slipped) (?:\\w+ ){0,3}?to (?:his|her|their) deaths?', 'glaciers?', '(?:off|from|on) (?:the )?(?:\\w+ ){0,2}?ridge', 'fall from (?:a|the) (?:mountain|cliff|ridge|ledge|balcony|roof|ladder|window)'],
  },
  {
    kind: 'accident',
    one: true,
    words: ['(?:car|road|traffic|plane|air|bus|train|helicopter|motorcycle) (?:crash|crashes|accident|accidents|collision)', 'drown(?:ed|ing|s)', 'capsized', 'derailed', 'derailment', 'head-on collision', '(?:cars?|vehicles?|trucks?|lorr(?:y|ies)|bus(?:es)?|minibus|coach|vans?|motorcycles?|trains?|trams?|boats?|ferr(?:y|ies)|vessels?|ships?|barges?|canoes?) (?:crash(?:es|ed)?|collid(?:es|ed)|overturn(?:s|ed)?|skid(?:s|ded)|veer(?:s|ed)|plunge[sd]?|capsiz(?:es|ed)|sinks|sank|derail(?:s|ed)|rolls? (?:down|over)|rolled (?:down|over)|falls? into|fell into)', 'hit-and-run', 'struck by a (?:car|vehicle|train|truck|lorry|bus|van)', 'run over by', 'collision between', 'collid(?:es|ed|ing) (?:head-on )?with', 'head-on', 'pile-?ups?', 'stampedes?', 'capsiz(?:es|ed|ing)', 'shipwrecks?', '(?:boat|ferry|road|traffic|bus|train|rail|mining|industrial) accidents?', '(?:building|house|bridge|crane|roof|wall|mine|landfill|barrier|stage|dam) (?:collaps(?:es|ed)|gave way)', 'collapse of (?:a|the) (?:building|bridge|mine|dam|roof|landfill)', '(?:into|down) (?:a |the )?(?:gorge|ravine|canal|river)', 'off (?:a |the )?(?:road|cliff|bridge)', 'toxic (?:liquor|alcohol)', '(?:methanol|food|carbon monoxide|alcohol) poisoning', '(?:shark|bear|dog|crocodile|alligator|elephant|tiger|leopard|hippopotamus|snake) attacks?'],
  },
  {
    kind: 'natural_death',
    one: true,
    words: ['natural causes', 'died (?:of|from) (?:an? )?(?:natural|cancer|illness|(?:a )?heart (?:attack|failure|disease)|stroke|complications|pneumonia|disease|old age|leukemia|(?:a )?snake ?bite)', 'heart attack', 'cardiac arrest', 'cancer', 'long illness', 'overdose', 'died peacefully', 'died in (?:his|her) sleep'],
  },
  {
    kind: 'disaster',
    one: true,
    words: ['earthquakes?', 'quakes?', 'tsunamis?', 'hurricanes?', 'tornado(?:es)?', 'floods', 'flooding', 'flash floods?', 'flood ?waters', 'landslides?', 'mudslides?', 'cyclones?', 'typhoons?', 'volcan(?:o|oes|ic)', 'eruption', 'aftershocks?', 'magnitude[- ]\\d', 'tropical storms?', '(?:snow|thunder|hail|dust|winter|rain)storms?', 'storm (?:surge|damage|warnings?)', 'heavy rains?', 'torrential', 'rainfall', 'heat ?waves?', 'blizzards?', 'lightning strikes?', 'struck by lightning'],
  },
  {
    kind: 'property_crime',
    one: true,
    words: ['robbers?', 'robber(?:y|ies)', 'robbed', 'heists?', 'burglar(?:s|y|ies)?', 'burgl(?:ed|ing)', 'thieves', 'thief', 'theft', 'stole', 'stolen', 'steal(?:ing|s)?', 'ram-?raid(?:s|ers?)?', 'smash-and-grab', 'shoplift(?:ing|ers?)'],
  },
  {
    kind: 'sport',
    one: false,
    words: ['injured reserve', 'match(?:es)?', 'season', 'coach(?:es|ed)?', 'league', 'championships?', 'tournaments?', 'playoffs?', 'quarterbacks?', 'running backs?', 'wide receivers?', 'linebackers?', 'strikers?', 'goalkeepers?', 'innings', 'wickets?', 'touchdowns?', 'rebounds', 'halftime', 'overtime', 'stadium', 'semi-?finals?', 'quarter-?finals?', 'olympics?', 'olympic', 'medals?', 'grand slam', 'grand prix', 'basketball', 'football', 'soccer', 'tennis', 'cricket', 'baseball', 'hockey', 'golf', 'boxing', 'heavyweight', 'teammates?', 'scored', 'scoring', 'points', 'seeded', 'world cup', 'nba', 'nfl', 'nhl', 'fifa', 'uefa', 'premier league', 'draft', 'free agent', 'roster', 'rookie', 'practice squad', 'hoops', 'super bowl', 'ncaa', 'pitcher', 'home runs?', 'knockout', 'title fight', 'bouts?', 'undefeated', 'rebounds?', 'assists', 'games?', 'playoff', 'quarter ?back', 'pitchers?', 'inning'],
  },
  {
    kind: 'software',
    one: false,
    words: ['software', 'patch(?:es|ed)?', 'vulnerabilit(?:y|ies)', 'browsers?', 'malware', 'malicious code', 'exploits?', 'hackers?', 'security update', 'internet explorer', 'windows', 'microsoft', 'users', 'computers?', 'bugs?', 'web ?sites?', 'operating system', 'smartphones?', 'iphone', 'processors?', 'chips?'],
  },
  {
    kind: 'spaceflight',
    one: false,
    words: ['satellites?', 'orbit(?:al|s|ing)?', 'spacecraft', 'space ?ships?', 'launch (?:pad|site|vehicle|window)', 'space (?:agency|station|centre|center|force station|program(?:me)?|probe|telescope|observatory|tourism)', 'nasa', 'spacex', 'astronauts?', 'cosmonauts?', 'lunar', 'moon landing', 'mars', 'payload', 'liftoff', 'lift-off', 'falcon 9', 'starship', 'reentry', 're-entry'],
  },
  {
    kind: 'show_business',
    one: false,
    words: ['films?', 'movies?', 'actor', 'actress', 'singer', 'albums?', 'songs?', 'concerts?', 'celebrit(?:y|ies)', 'hollywood', 'oscars?', 'grammys?', 'sitcom', 'starred', 'starring', 'box office', 'red carpet', 'reality show', 'rehab'],
  },
];

export type QuietKind = 'fall' | 'accident' | 'natural_death' | 'disaster' | 'property_crime' | 'sport' | 'software' | 'spaceflight' | 'show_business';

const KIND_GROUPS = KINDS.map((_, i) => `k${i}`);
const QUIET = new RegExp(`\\b(?:${KINDS.map((k, i) => `(?<k${i}>${k.words.join('|')})`).join('|')})\\b`, 'gi');

/**
 * Words that tell of an act of violence against people, or of someone doing it, whatever the
 * lexicon's weight for them: with any of them in the lead the quiet kind does not decide. A shot in
 * sport ("jump shot", "shooting range") is no gunshot.
 */
const VIOLENCE = /\b(?:(?<doer>violen(?:t|ce)|wars?|warfare|army|soldiers?|troops|ambush\w*|shelling|air ?strikes?|insurgency|guerrillas?|combatants?|fighters|gunm[ae]n|shooters?|attackers?|assailants?|militants?|insurgents?|rebels?|terrorists?|killers?|murder(?:s|ed|er|ers|ing)?|homicides?|manslaughter|stabb(?:ed|ing|ings)|stab wounds?|gunshots?|gunfire|opened fire|fired (?:at|on|upon|into)|came under fire|under attack|hostages?|kidnap\w*|abduct\w*|bomb(?:s|ed|ing|ings|ers?)?|explosi(?:on|ons|ve|ves)|blasts?|grenades?|pistol-whipped|beat(?:en|ing)? (?:him|her|them|up|to death)|assaulted|wounded)|(?<fire>(?:set|sets|setting) (?:on )?fire(?! to (?:it\b|(?:the|their|a|an) (?:getaway |stolen )?(?:vehicle|car|suv|4x4|van)))|set ablaze|(?<!\b(?:set|sets|setting) (?:on )?)(?:fires?|blazes?|flames|arson\w*)|burn(?:ed|t|ing)|torched)|(?<shot>(?<!\b(?:jump|free|foul|three-point|penalty|long|slap|hook|bank|tee|drop|first|winning|game-winning|parting) )(?:shots?|shoot|shoots|shooters?)(?! clock| on goal| off (?:the )?(?:glass|backboard|post|bar|rim))|shootings?(?! (?:range|percentage|guard|touch|slump|woes|night)))|(?<weapon>pistols?|handguns?|rifles?|guns?|knives|knife|armed))\b/gi;

/** People hurt, not denied ("no one was injured"): a property crime with them is an attack. */
const INJURED = /\b(?:injur(?:ed|ing|ies|y)|hurt|hospitali[sz]ed)\b/gi;
const DENIED = /\b(?:no one|no-one|nobody|none|not|without|no)\b[^.;!?]{0,25}$/i;
function injuredTold(lead: string): boolean {
  INJURED.lastIndex = 0;
  for (let m = INJURED.exec(lead); m; m = INJURED.exec(lead)) if (!DENIED.test(lead.slice(Math.max(0, m.index - 40), m.index))) return true;
  return false;
}

/**
 * What the lead tells of violence: 'act' an act of violence or its doer (decides at once); else
 * whether it names software's "attackers" (of a browser) or weapons (which a robbery where no one is
 * hurt may show: ACLED does not code it), which only the kind of news can explain.
 */
const ATTACKERS = /^attackers?$/i;

function violenceTold(lead: string): 'act' | { attackers: boolean; weapon: boolean } {
  let attackers = false;
  let weapon = false;
  VIOLENCE.lastIndex = 0;
  for (let m = VIOLENCE.exec(lead); m; m = VIOLENCE.exec(lead)) {
    const g = m.groups!;
    if (g.weapon !== undefined) weapon = true;
    else if (g.doer !== undefined && ATTACKERS.test(m[0])) attackers = true;
    else return 'act';
  }
  return { attackers, weapon };
}

/** A fight that has no opponent: "a battle to stay alive", "fighting for his life". */
/** An animal's attack (a shark, a bear): no perpetrator ACLED codes. */
const ANIMAL = /\b(?:sharks?|bears?|dogs?|crocodiles?|alligators?|elephants?|tigers?|leopards?|hippopotamus(?:es)?|snakes?|wolf|wolves|bees)\s+$/i;

const STRUGGLE = /^\s+(?:to (?:stay alive|survive|keep)|for (?:his|her|their|my|our) (?:li(?:fe|ves)|survival))/i;

/** Someone died (a robbery with a death is an attack). */
const DEATH = /\b(?:killed|killing|dead|died|dies|death|deaths|bod(?:y|ies)|corpses?|fatal(?:ly)?|passed away)\b/i;

/** A crowd's damage (ransacked, vandalised): a riot's mark, not a theft's. */
const MOB = /\b(?:ransack\w*|vandal\w*|smashed up|rampag\w*|mobs?|loot(?:ed|ing|ers)|rioters?|crowds?|gangs? of (?:youths|teenagers))\b/i;

/** People held or threatened with a weapon (a hold-up of guards, an escape at gunpoint): force against people, not only property. */
const FORCE = /\b(?:at (?:gun|knife)-?point|handcuff\w*|tied up|bound and gagged|overpower\w*|pull(?:ed|ing|s)? (?:a|his|her) (?:gun|knife|pistol|weapon)|escap(?:e|ed|es|ing) (?:from|custody)|escaped (?:inmate|prisoner|convict))\b/i;

/** Kinds that are the cause of a death ("fell to his death", "died of cancer"): deaths allowed. */
const CAUSES: ReadonlySet<QuietKind> = new Set(['fall', 'accident', 'natural_death', 'disaster']);

/** Sport's words of attack ("the offensive record", "the counter-attack"): no act of violence there. */
const SPORT_ATTACK = /^(?:offensive|counter-?offensive|assault(?:ed)?|attack(?:s|ed)?|counter-?attacks?)$/i;
/** A launcher's words ("the rocket lifted off"): no shelling where the news is of spaceflight. */
const SPACE_ROCKET = /^(?:rockets?|launch(?:es|ed)?)$/i;
/** Software's words of attack ("attacks that exploit the flaw"). */
const SOFTWARE_ATTACK = /^(?:attack(?:s|ed|ers)?|hit|strikes?)$/i;

/** How strongly a trigger must name its type for the quiet kind to yield to it (the weight of "murder", "offensive"). */
const NAMES_ACT = 0.5;

/** The quiet kinds whose evidence is in `lead` (title and lead, any case). */
export function quietKinds(lead: string): QuietKind[] {
  const count = distinctGroupCounts(QUIET, lead, KIND_GROUPS);
  return KINDS.filter((k, i) => count[i] >= (k.one ? 1 : 2)).map((k) => k.kind);
}

/**
 * The quiet kind the document's lead tells of, when nothing in it names an act of violence; null
 * otherwise. `titleTriggers`, `textTriggers`: as the type model reads them (text offsets; a title's
 * trigger counts as in the lead); `dead`: the document's main report has a death toll (≥ 1).
 */
export function quietNews(title: string | null, text: string, leadChars: number, titleTriggers: readonly TriggerAnnotation[], textTriggers: readonly TriggerAnnotation[], dead: boolean): QuietKind | null {
  // a trigger that names an act and that no kind of news explains away decides at once (most incidents: no scan)
  const act = (t: TriggerAnnotation) => t.weight >= NAMES_ACT && !SPORT_ATTACK.test(t.text) && !SOFTWARE_ATTACK.test(t.text) && !SPACE_ROCKET.test(t.text);
  const explained = (t: TriggerAnnotation) => STRUGGLE.test(text.slice(t.end, t.end + 30)) || ANIMAL.test(text.slice(Math.max(0, t.start - 20), t.start));
  if (titleTriggers.some(act) || textTriggers.some((t) => t.start < leadChars && act(t) && !explained(t))) return null;
  const lead = `${title ?? ''}\n${text.slice(0, leadChars)}`;
  const told = violenceTold(lead);
  if (told === 'act') return null;
  const kinds = quietKinds(lead);
  if (!kinds.length) return null;
  const sport = kinds.includes('sport');
  const software = kinds.includes('software');
  const robbery = kinds.includes('property_crime');
  if ((told.attackers && !software) || (told.weapon && !robbery)) return null;
  const space = kinds.includes('spaceflight');
  const names = (t: TriggerAnnotation) => t.weight >= NAMES_ACT && !(sport && SPORT_ATTACK.test(t.text)) && !(software && SOFTWARE_ATTACK.test(t.text)) && !(space && SPACE_ROCKET.test(t.text));
  if (titleTriggers.some(names) || textTriggers.some((t) => t.start < leadChars && names(t) && !explained(t))) return null;
  // a crime against property is no event while no one is hurt (with a victim it is an attack)
  if (robbery) return dead || DEATH.test(lead) || MOB.test(lead) || FORCE.test(lead) || injuredTold(lead) ? null : 'property_crime';
  // a death with a cause and no doer is no event; sport, software or show business with a death is left to the model
  return kinds.find((k) => CAUSES.has(k)) ?? (dead || DEATH.test(lead) ? null : kinds[0]);
}

/**
 * The killing told as decades old: a year of the last century, "decades", "N years ago" (N ≥ 10), an
 * anniversary, a cold case. ACLED codes what happens now: the old killing is no new event (an arrest
 * for it is one, of its own type). Not "last year" or "two years later": court news of recent
 * shootings is still told as their incident by the sets' labels and by crime coders.
 */
const LONG_AGO = /\b(?:(?:in|since|back in|over|for|of) (?:the )?(?:[a-z]+ )?(?:19\d\d|(?:18|19)\d0s)(?! block)|(?:[1-9]\d|ten|twenty|thirty|forty|fifty|sixty|several|many) (?:years|decades) (?:ago|earlier|later|after)|decades(?:[- ]old| ago| later| after)|(?:\d+(?:st|nd|rd|th)|[a-z]+ieth|tenth|twentieth) anniversary|cold[- ]case)\b/i;

const LETTER = /[a-z]/i;

/** The document's opening: its title and the text up to the end of its first sentence of prose (≥ 8 words), at most 500 characters. */
export function opening(title: string | null, text: string): string {
  const head = text.slice(0, 500);
  let end = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    const stop = c === 10 /* \n */ || ((c === 46 || c === 33 || c === 63) /* . ! ? */ && (i + 1 >= head.length || head.charCodeAt(i + 1) === 32 || head.charCodeAt(i + 1) === 10));
    if (!stop) continue;
    const words = head.slice(end, i).split(' ').filter((w) => LETTER.test(w)).length;
    end = i + 1;
    if (words >= 8) break;
  }
  return `${title ?? ''}\n${head.slice(0, end || head.length)}`;
}

/** The document's opening tells of a killing decades old (see LONG_AGO). */
export function longAgo(title: string | null, text: string): boolean {
  // most texts hold no such phrase in their first 500 characters at all: no need to find the opening's end
  if (!LONG_AGO.test(text.slice(0, 500)) && !(title && LONG_AGO.test(title))) return false;
  return LONG_AGO.test(opening(title, text));
}
