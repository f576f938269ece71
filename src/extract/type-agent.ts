/**
 * Who or what did the harm the lead tells of (issue 15, twelfth pass): ACLED's events need a
 * perpetrator, a human agent using force. A death from a fall, an avalanche, a storm, a crash, a fire
 * or an illness has none; neither has sport's "attack", "shot" or "beat". These are features the type
 * model weighs (`a:<name>`, trained like the words: `train:types --agent`), not verdicts:
 *
 * - `a:act` an agentive act of force ("shot", "stabbed", "bombed", "shelled", "ambushed", "abducted",
 *   "opened fire", "beaten to death"; a passive one too: "was shot" has someone who shot);
 * - `a:weapon` a weapon named (gun, rifle, knife, machete, bomb, grenade, IED, explosives);
 * - `a:doer` an armed or attacking actor (gunmen, militants, attackers, assailants, rebels, robbers,
 *   killers, kidnappers, a mob);
 * - `a:forces` state forces (police, troops, soldiers, the army, security forces), who may act or not;
 * - `a:cause` a cause of harm that is no person (an avalanche, a fall, a crash, a storm, a quake, a
 *   fire, an overdose, an illness, a drowning);
 * - `a:harm` a death or a wound told as such (died, dead, injured, bodies); `a:killed` a killing or a
 *   wounding (killed, wounded: a verb that has a killer unless a cause is told);
 * and their joins, which a linear model cannot make itself (an agent = an act, a weapon or a doer):
 * `a:died-noagent` (deaths told only as deaths, no agent), `a:cause-noagent` (a cause that is no
 * person, no agent), `a:harm-cause-noagent` (harm with such a cause and no agent: the plain accident or
 * natural death), `a:cause-agent` (both: an arson told as a fire, a crash after a chase);
 * `a:noagent-article` and `a:harm-noagent-article` (no agent, or harm with no agent, in a lead of
 * ARTICLE_WORDS words or more: a headline alone often leaves its agent unsaid, "Five killed in
 * Mogadishu", an article's lead names it; no agent in a headline is no feature).
 *
 * The trainer weighs them on `none` alone (train-types.ts): they say whether there is an incident, not
 * which category.
 *
 * Values: a family's distinct words, capped at two, over two (one word may be chance); joins 0 or 1.
 * One scan of the lead with one joined pattern, compiled once at load.
 */
import { distinctGroupCounts } from './scan.js';

const FAMILIES = {
  act: [
    // shots and shootings, not sport's ("jump shot", "shot on goal", "shooting percentage")
    '(?<!\\b(?:jump|free|foul|three-point|penalty|long|slap|hook|bank|tee|drop|first|winning|game-winning|parting|mug|flu|booster|big|good|best|great) )shot(?! (?:clock|on goal|off (?:the )?(?:glass|backboard|post|bar|rim)|put|glass|at (?:the )?(?:title|glory|redemption|presidency|playoffs?)))',
    'shoot(?:s|ing|ings)?(?! (?:range|percentage|guard|touch|slump|woes|night|star|script|schedule|location))', 'gunned down', 'gunshots?', 'gunfire', 'open(?:ed|s|ing)? fire',
    'fir(?:ed|es|ing) (?:at|on|upon|into|shots)', 'stabb(?:ed|ing|ings)', 'stab wounds?', 'knifed', 'hacked (?:to death|with)', 'beat(?:en|ing)? (?:to death|up)', 'bludgeon\\w*',
    'strangl\\w*', 'lynch(?:ed|ing|ings)', 'behead\\w*', 'massacre[sd]?', 'murder(?:s|ed|ing)?', 'slain', 'slay(?:ing|ings)?', 'assassinat\\w*',
    'execut(?:ed|ing|ion|ions)', 'bomb(?:ed|ing|ings)', 'blew (?:up|himself up|herself up)', 'detonat\\w*', 'shell(?:ed|ing)', 'ambush(?:ed|es)?',
    'abduct(?:ed|ing|ion|ions)', 'kidnapp?(?:ed|ing|ings)?', 'taken hostage', 'held hostage', 'hostages?', 'raped?', 'tortur(?:e|ed|ing)', 'assault(?:ed|ing)',
    'attacked by', 'air ?strikes?', 'drone strikes?', 'gun ?battles?', 'firefights?', 'exchanges? of fire', 'exchanged fire', 'clash(?:ed|es)', 'set (?:\\w+ ){0,3}?on fire', 'set ablaze',
    'torched', 'arson', 'rammed (?:\\w+ ){0,2}?into (?:a |the )?crowd', 'hijack(?:ed|ing|ings|ers?)?', 'piracy',
  ],
  weapon: [
    'guns?', 'handguns?', 'pistols?', 'rifles?', 'shotguns?', 'firearms?', 'ak-47s?', 'kalashnikovs?', 'machine ?guns?', 'knife', 'knives', 'machetes?', 'axes?',
    'bombs?', 'ieds?', 'improvised explosive', 'explosives?', 'grenades?', 'mortars?', 'missiles?', 'rocket-propelled', 'bullets?', 'ammunition', 'weapons?', 'armed',
  ],
  doer: [
    'gunm[ae]n', 'shooters?', 'attackers?', 'assailants?', 'militants?', 'insurgents?', 'rebels?', 'terrorists?', 'jihadists?', 'extremists?', 'guerrillas?',
    'militias?', 'militiamen', 'robbers?', 'killers?', 'murderers?', 'bombers?', 'kidnappers?', 'abductors?', 'gangs?', 'gangsters?', 'mobs?', 'rioters?',
    'perpetrators?', 'culprits?', 'hitm[ae]n', 'sicarios?', 'cartels?', 'maoists?', 'naxals?', 'naxalites?', 'taliban', 'isis', 'al-shabaab', 'boko haram', 'pirates?', 'thugs?',
    'suspects?', 'armed men', 'unidentified men', 'masked men',
  ],
  forces: ['police(?:m[ae]n)?', 'troops', 'soldiers?', 'army', 'security forces', 'forces', 'military', 'paramilitar\\w*', 'commandos?', 'jawans?', 'officers?', 'navy', 'naval', 'warships?', 'coast ?guards?', 'marines'],
  cause: [
    'avalanches?', '(?:fell|fall|falls|falling|plunged|plunge|slipped) (?:\\w+ ){0,3}?(?:from|off|to|into|down)', 'climb(?:er|ers|ing)', 'mountaineers?', 'crash(?:ed|es)?',
    'collision', 'collided', 'accident(?:s|al|ally)?', 'drown(?:ed|ing|s)', 'capsiz(?:ed|es)', 'derail(?:ed|ment)', 'storms?', 'hurricanes?', 'tornado(?:es)?', '(?:earth)?quakes?',
    'floods?', 'flooding', 'landslides?', 'tsunamis?', 'lightning', 'blaze', 'fire broke out', 'caught fire', 'overdose', 'cancer', 'illness', 'disease', 'heart attack',
    'stroke', 'natural causes', 'hypothermia', 'exposure', 'electrocuted', 'suffocat\\w*', 'carbon monoxide', 'collapse[sd]?', 'wreck(?:age)?', 'injur(?:y|ies) (?:in|during) (?:a |the )?(?:game|match|practice)',
    'injured reserve', 'pneumonia', 'complications', 'old age', 'outbreak',
  ],
  harm: ['died', 'die', 'dies', 'dead', 'deaths?', 'injured', 'hurt', 'bod(?:y|ies)', 'fatal(?:ly|ities)?', 'casualties', 'victims?'],
  // a verb that has a killer unless a cause is told ("killed in an avalanche"): apart from the bare deaths above
  killed: ['killed', 'kills', 'killing', 'killings', 'wounded'],
} as const;

type Family = keyof typeof FAMILIES;
const NAMES = Object.keys(FAMILIES) as Family[];
/** The lead comes lower-cased (type-model.ts reads it so): the pattern is case-sensitive, which is faster. */
const PATTERN = new RegExp(`\\b(?:${NAMES.map((f) => `(?<${f}>${FAMILIES[f].join('|')})`).join('|')})\\b`, 'g');

/** A family's distinct words at which its feature is full. */
const FULL = 2;

/** A lead of this many words is an article's, not a headline's: a headline may leave its agent unsaid ("9 die in Sinaloa"), an article's lead names it. */
export const ARTICLE_WORDS = 60;

/** The `a:` features of a lead (title and text's first characters, lower-cased) of `words` words. */
export function agentFeatures(lead: string, words: number): [string, number][] {
  const count = distinctGroupCounts(PATTERN, lead, NAMES);
  const out: [string, number][] = [];
  const has: Record<string, boolean> = {};
  NAMES.forEach((f, i) => {
    has[f] = count[i] > 0;
    if (count[i] > 0) out.push([`a:${f}`, Math.min(count[i], FULL) / FULL]);
  });
  const agent = has.act || has.weapon || has.doer;
  const harm = has.harm || has.killed;
  // an article's lead that names no one using force and no weapon: the plainest sign of no ACLED event (a headline's
  // few words often leave the agent unsaid, "Five killed in Mogadishu": there no agent is no sign, so no feature)
  if (!agent && words >= ARTICLE_WORDS) out.push(['a:noagent-article', 1]);
  if (harm && !agent && words >= ARTICLE_WORDS) out.push(['a:harm-noagent-article', 1]);
  // deaths told only as deaths ("died", "dead"), no killing, no agent
  if (has.harm && !has.killed && !agent) out.push(['a:died-noagent', 1]);
  if (has.cause && !agent) out.push(['a:cause-noagent', 1]);
  if (harm && has.cause && !agent) out.push(['a:harm-cause-noagent', 1]);
  if (has.cause && agent) out.push(['a:cause-agent', 1]);
  return out;
}
