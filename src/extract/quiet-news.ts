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
 * More kinds of general news (tenth pass): fires nobody set, accidents of road and industry,
 * obituaries, weather, sport, show business, infrastructure, business, politics, health, science and
 * spaceflight; and an article whose lead names no harm, force, arms, protest or court at all.
 * A fire is quiet only when nothing in the whole text says someone set it (arson is often told only past
 * the lead), and a death with a cause only when the whole text names no crime against a person.
 * Read only when the type model kept a report (pipeline.ts). Patterns are compiled once, at load.
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
    words: ['(?:car|road|traffic|plane|air|bus|train|helicopter|motorcycle) (?:crash|crashes|accident|accidents|collision)', 'drown(?:ed|ing|s)', 'capsized', 'derailed', 'derailment', 'accidents?', 'accidental(?:ly)?', 'mishaps?', 'collid(?:e|es|ed|ing)', 'capsize', 'overturns?', 'fell (?:down|off|into|from) (?:a |an |the )?(?:\\d+-(?:metre|meter|foot) )?(?:gorge|ravine|cliff|valley|river|canal|ditch|embankment|well|shaft)', '(?:crowd )?crush', '(?:cars?|trucks?|lorr(?:y|ies)|bus(?:es)?|minibus(?:es)?|minivans?|vehicles?|tankers?|trains?|vans?|suvs?|pickups?|container trucks?) (?:rams?|rammed|crash(?:es|ed)|slams?|slammed|ploughs?|ploughed|plows?|plowed) into (?:a |an |the )?(?:\\w+ )?(?:bus|truck|lorry|car|vehicle|train|tanker|van|tree|wall|pole|house|building|river|canal|auto ?rickshaw|rickshaw|motorcycle)', 'trapped (?:in|inside|under) (?:the )?(?:rubble|debris|mines?|wreckage|cars?|vehicles?|buildings?|flood ?waters?|tunnels?|lifts?|elevators?)', 'rescue (?:teams?|workers|efforts?|operations?)', 'rescuers', 'head-on collision', '(?:cars?|vehicles?|trucks?|lorr(?:y|ies)|bus(?:es)?|minibus|coach|vans?|motorcycles?|trains?|trams?|boats?|ferr(?:y|ies)|vessels?|ships?|barges?|canoes?) (?:crash(?:es|ed)?|collid(?:es|ed)|overturn(?:s|ed)?|skid(?:s|ded)|veer(?:s|ed)|plunge[sd]?|capsiz(?:es|ed)|sinks|sank|derail(?:s|ed)|rolls? (?:down|over)|rolled (?:down|over)|falls? into|fell into)', 'hit-and-run', 'struck by a (?:car|vehicle|train|truck|lorry|bus|van)', 'run over by', 'collision between', 'collid(?:es|ed|ing) (?:head-on )?with', 'head-on', 'pile-?ups?', 'stampedes?', 'capsiz(?:es|ed|ing)', 'shipwrecks?', '(?:boat|ferry|road|traffic|bus|train|rail|railway|mining|industrial|workplace|construction) (?:accidents?|incidents?|disasters?)', 'flip(?:s|ped)? (?:on|onto|over)', '(?:illegal |artisanal )?miners (?:are |were )?trapped', '(?:gas|propane|propane-butane|lpg|oxygen|cooking gas) cylinders? explod(?:es|ed)', '(?:tank|tanker|fuel|gasoline|petrol|oil) trucks? (?:explosion|explodes|exploded|fire|caught fire|catches fire|overturn\\w*)', '(?:factory|plant|refinery|warehouse|depot) explod(?:es|ed)', '(?:buildings?|houses?|bridges?|cranes?|roofs?|walls?|mines?|landfill|barriers?|stages?|dams?|towers?|tunnels?|stairs|stands?|ceilings?|balcon(?:y|ies)|scaffold(?:ing)?) (?:collaps(?:e|es|ed)|gave way|give way|caved in)', 'collapse of (?:a|the) (?:building|bridge|mine|dam|roof|landfill)', '(?:into|down) (?:a |the )?(?:gorge|ravine|canal|river)', 'off (?:a |the )?(?:road|cliff|bridge)', 'toxic (?:liquor|alcohol)', '(?:methanol|food|carbon monoxide|alcohol) poisoning', '(?:shark|bear|dog|crocodile|alligator|elephant|tiger|leopard|hippopotamus|snake) attacks?',
      // road accidents as local news tells them
      'crash(?:es|ed)?', 'wrecks?', 'wreckage', 'roll-?overs?', 'rolled (?:over|several times)', 'flipped (?:over|onto)', 'overturned', 'lost control', 'ran off the road', 'veered (?:off|into|across)', '(?:struck|hit|run over|killed|mowed down) by (?:a |an |the )?(?:\\w+ )?(?:car|vehicle|truck|lorry|bus|van|train|suv|pickup|motorist|driver|tractor-trailer|semi)', '(?:pedestrians?|motorists?|cyclists?) (?:was |were )?(?:struck|hit|killed|injured)', 'collided', 'collisions?', 'jackknifed', 'tractor-trailer', 'one-(?:car|vehicle)', 'two-(?:car|vehicle)', 'single-vehicle', 'multi-vehicle', 'drunk driv(?:er|ers|ing)', 'impaired driving', 'seat ?belts?', 'gas (?:leak|explosion)', '(?:factory|plant|refinery|mine|mining|warehouse|chemical|fireworks|firecrackers?|industrial|boiler|cylinder|tanker) (?:explosion|blast|fire)s?', '(?:explosion|blast|fire) at (?:a|an|the) (?:\\w+ )?(?:factory|plant|refinery|mine|warehouse|gas station|petrol station|filling station|fireworks|chemical)', 'electrocuted', 'carbon monoxide', 'tree fell', 'fell on (?:a|the|his|her|their) (?:car|house|home|tent)'],
  },
  {
    kind: 'natural_death',
    one: true,
    words: ['natural causes', 'died (?:of|from) (?:an? )?(?:natural|cancer|illness|(?:a )?heart (?:attack|failure|disease)|stroke|complications|pneumonia|disease|old age|leukemia|(?:a )?snake ?bite)', 'heart attack', 'cardiac arrest', 'cancer', 'long illness', 'overdose', 'died peacefully', 'died in (?:his|her) sleep', '(?:dies|died|passed away) (?:\\w+ ){0,3}?at (?:the age of |age )?(?:[6-9]\\d|1[01]\\d)\\b', 'aged (?:[7-9]\\d|1[01]\\d)', '(?:cholera|measles|ebola|dengue|gastroenteritis|listeria|listeriosis|botulism|mpox|covid(?:-19)?|flu|influenza|meningitis|diphtheria|anthrax|plague|typhoid|malaria|salmonella|e\\. coli|bird flu|avian flu|h5n1) (?:outbreaks?|cases|deaths|epidemic)', 'outbreaks? of (?:cholera|measles|ebola|dengue|gastroenteritis|listeria|listeriosis|botulism|mpox|meningitis|diphtheria|anthrax|plague|typhoid|malaria|salmonella)'],
  },
  {
    kind: 'obituary',
    one: false,
    words: ['obituar(?:y|ies)', 'survived by', 'preceded (?:him|her|them) in death', 'funeral (?:services?|home|mass|will be|arrangements)', 'visitation', 'memorial (?:service|contributions|donations|fund)', 'in lieu of flowers', 'passed away', 'born (?:on )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\\w*\\.? \\d', 'grandchildren', 'great-grandchildren', 'interment', 'burial', 'laid to rest', 'dies at \\d+', 'died (?:\\w+ ){0,3}?at (?:the age of )?\\d+', 'at the age of \\d+', 'beloved', 'cemetery', 'condolences', 'mourners', 'his widow', 'her widower', 'late husband', 'late wife', 'is survived'],
  },
  {
    kind: 'disaster',
    one: true,
    words: ['earthquakes?', 'quakes?', 'tsunamis?', 'hurricanes?', 'tornado(?:es)?', 'floods', 'flooding', 'flash floods?', 'flood ?waters', 'landslides?', 'mudslides?', 'cyclones?', 'typhoons?', 'volcan(?:o|oes|ic)', 'eruption', 'aftershocks?', 'magnitude[- ]\\d', 'tropical storms?', '(?:snow|thunder|hail|dust|winter|rain)storms?', 'storm (?:surge|damage|warnings?)', 'heavy rains?', 'torrential', 'rainfall', 'heat ?waves?', 'blizzards?', 'lightning strikes?', 'struck by lightning', '(?:severe|winter|summer|spring|tropical|ice|snow|rain|wind|dust|sand|hail|thunder) ?storms?', 'storm (?:system|front|clouds|season|cells?|warnings?|watch|damage|surge|drains?|water)', 'severe weather', 'weather service', 'meteorolog(?:ical|ists?|y)', 'forecasters?', 'flood(?!\\s+of)', 'flooded', 'sandbag(?:s|ging)?', 'levees?', 'power lines', 'without (?:power|electricity)', 'power outages?', 'high winds', 'gusts?', 'snowfall', 'ice storm', 'downed trees', 'wildfires?', 'bush ?fires?', 'forest fires?', 'drought', 'monsoon'],
  },
  {
    kind: 'property_crime',
    one: true,
    words: ['robbers?', 'robber(?:y|ies)', 'robbed', 'heists?', 'burglar(?:s|y|ies)?', 'burgl(?:ed|ing)', 'thieves', 'thief', 'theft', 'stole', 'stolen', 'steal(?:ing|s)?', 'ram-?raid(?:s|ers?)?', 'smash-and-grab', 'shoplift(?:ing|ers?)'],
  },
  {
    // a blaze named by a phrase of its own (one is enough); below, a fire told in two words
    kind: 'fire',
    one: true,
    words: ['(?:house|home|hotel|factory|building|apartment|warehouse|market|hospital|restaurant|store|shop|nightclub|club|bar|mine|forest|brush|grass|kitchen|electrical|chemical|plant|office|school|camp|slum|tower|high-rise|ship|boat|vessel|train|bus) fires?', 'fire (?:broke out|breaks out|engulfed|engulfs|gutted|guts|ripped through|rips through|tore through|tears through|spread|spreads|swept through|sweeps through)', 'fire (?:at|in|inside|on) (?:a|an|the) (?:[\\w-]+ ){0,3}?(?:homes?|houses?|hotels?|factory|factories|buildings?|apartments?|flats?|warehouses?|markets?|hospitals?|restaurants?|stores?|shops?|nightclubs?|clubs?|bars?|mines?|plants?|offices?|schools?|camps?|residential|nursing home|retirement home|care home|fair|festival|slums?|high-rise|tower block|dormitor(?:y|ies)|hostel|mall|shopping cent(?:er|re)|ferry|ship|vessel|train|bus)', '(?:caught|catches|catch) fire', 'went up in flames', 'firefighting'],
  },
  {
    kind: 'fire',
    one: false,
    words: ['(?<!cease-)fires?', 'blazes?', 'flames', 'firefighters?', 'fire ?(?:crews?|department|fighters|officials|chief|service|brigade|engines?|trucks?|marshal|station|company|companies)', 'burn(?:ed|t) (?:down|out)', 'smoke', 'electrical (?:fault|fire|problem)', 'space heater', 'gutted', 'acres', 'hectares', 'evacuation orders?', 'contained', 'containment', 'ignit(?:e|es|ed)'],
  },
  {
    kind: 'sport',
    one: false,
    words: ['injured reserve', 'match(?:es)?', 'season', 'coach(?:es|ed)?', 'league', 'championships?', 'tournaments?', 'playoffs?', 'quarterbacks?', 'running backs?', 'wide receivers?', 'linebackers?', 'strikers?', 'goalkeepers?', 'innings', 'wickets?', 'touchdowns?', 'rebounds', 'halftime', 'overtime', 'stadium', 'semi-?finals?', 'quarter-?finals?', 'olympics?', 'olympic', 'medals?', 'grand slam', 'grand prix', 'basketball', 'football', 'soccer', 'tennis', 'cricket', 'baseball', 'hockey', 'golf', 'boxing', 'heavyweight', 'teammates?', 'scored', 'scoring', 'points', 'seeded', 'world cup', 'nba', 'nfl', 'nhl', 'fifa', 'uefa', 'premier league', 'draft', 'free agent', 'roster', 'rookie', 'practice squad', 'hoops', 'super bowl', 'ncaa', 'pitcher', 'home runs?', 'knockout', 'title fight', 'bouts?', 'undefeated', 'rebounds?', 'assists', 'games?', 'playoff', 'quarter ?back', 'pitchers?', 'inning',
      'titles?', 'belts?', 'champions?', 'challengers?', 'rounds?', 'referee', 'knocked (?:\\w+ )?(?:out|down)', 'ufc', 'mma', 'mixed martial arts', 'punch(?:es)?', 'sparring', 'weigh-in', 'ring', 'stoppage', 'welterweight', 'middleweight', 'lightweight', 'cruiserweight', 'featherweight', 'bantamweight',
      'contracts?', 'signed', 'signing', 'traded', 'trade', 'club', 'team', 'players?', 'franchise', 'general manager', 'head coach', 'fired (?:as )?(?:head )?coach', 'mlb', 'yankees', 'red sox', 'first baseman', 'shortstop', 'outfielder', 'slugger', 'offseason', 'off-season', 'spring training', 'world series', 'major league', 'minor league',
      'race', 'races', 'laps?', 'pole position', 'formula one', 'f1', 'nascar', 'podium', 'qualifying', 'wimbledon', '(?:us|u\\.s\\.|french|australian) open', 'atp', 'wta', 'sets', 'finals?', 'cup', 'fans', 'standings', 'fixture', 'kick-?off', 'goals?', 'midfielder', 'defender', 'forward'],
  },
  {
    kind: 'software',
    one: false,
    words: ['software', 'patch(?:es|ed)?', 'vulnerabilit(?:y|ies)', 'browsers?', 'malware', 'malicious code', 'exploits?', 'hackers?', 'security update', 'internet explorer', 'windows', 'microsoft', 'users', 'computers?', 'bugs?', 'web ?sites?', 'operating system', 'smartphones?', 'iphone', 'processors?', 'chips?'],
  },
  {
    kind: 'spaceflight',
    one: false,
    words: ['satellites?', 'orbit(?:al|s|ing)?', 'spacecraft', 'space ?ships?', 'launch (?:pad|site|vehicle|window)', 'space (?:agency|station|centre|center|force station|program(?:me)?|probe|telescope|observatory|tourism)', 'nasa', 'spacex', 'astronauts?', 'cosmonauts?', 'lunar', 'moon landing', 'mars', 'payload', 'liftoff', 'lift-off', 'falcon 9', 'starship', 'reentry', 're-entry', 'lifted off', 'cape canaveral', 'vandenberg', 'baikonur', 'kourou', 'wallops', 'tanegashima', 'jiuquan', 'xichang', 'sriharikota', 'plesetsk', 'kennedy space cent(?:er|re)', 'atlas v', 'delta (?:ii|iv)', 'soyuz', 'ariane', 'long march', 'pslv', 'gslv', 'antares', 'falcon heavy', 'new glenn', 'blue origin', 'rocket lab', 'roscosmos', 'isro', 'esa', 'jaxa'],
  },
  {
    kind: 'infrastructure',
    one: false,
    words: ['undersea cables?', 'submarine cables?', 'fib(?:er|re)[- ]?optic', 'internet', 'broadband', 'telecom(?:s|munications?)?', 'outages?', 'bandwidth', 'data cent(?:er|re)s?', 'connectivity', 'power (?:cuts?|grid)', 'blackouts?', 'electricity', 'telephone', 'phone (?:lines|service)', 'repair(?:s|ed)?', 'engineers', 'pipes?', 'water main', 'potholes?'],
  },
  {
    kind: 'business',
    one: false,
    words: ['acquisitions?', 'acquir(?:e|ed|es|ing)', 'mergers?', 'shares', 'shareholders?', 'stocks?', 'investors?', 'revenues?', 'profits?', 'quarterly', 'earnings', 'chief executive', 'ceo', 'billion', 'companies', 'company', 'firm', 'deal', 'markets?', 'customers', 'products?', 'sales', 'brand', 'retailers?', 'economy', 'economic', 'prices?', 'inflation', 'interest rates?', 'exports?', 'imports?', 'tariffs?', 'startup', 'layoffs', 'jobs', 'unemployment'],
  },
  {
    kind: 'politics',
    one: false,
    words: ['nominat(?:e|ed|es|ing|ion|ions|ee)', 'appoint(?:ed|s|ing|ment|ments)', 'president-elect', 'cabinet', 'confirmation', 'senate', 'senators?', 'secretary', 'ministers?', 'ministry', 'administration', 'transition', 'elections?', 'elected', 're-elected', 'campaign', 'candidates?', 'voters?', 'voting', 'polls?', 'parliament(?:ary)?', 'legislat(?:ure|ive|ion|ors?)', 'lawmakers', 'governor', 'mayor', 'council', 'budget', 'bill', 'surgeon general', 'spokes(?:man|woman|person)', 'resign(?:ed|s|ation)?', 'sworn in', 'inaugurat(?:ed|ion)', 'coalition', 'opposition', 'party', 'democrats?', 'republicans?'],
  },
  {
    kind: 'health',
    one: false,
    words: ['vaccin(?:e|es|ation|ations)', 'outbreaks?', 'virus(?:es)?', 'infect(?:ed|ion|ions|ious)', 'diseases?', 'pandemic', 'epidemic', 'cholera', 'measles', 'flu', 'influenza', 'covid(?:-19)?', 'ebola', 'mpox', 'dengue', 'malaria', 'patients?', 'doctors?', 'physicians?', 'nurses?', 'medical', 'health', 'clinics?', 'drugs?', 'fda', 'who', 'clinical trials?', 'diagnos(?:ed|is)', 'symptoms', 'surgery', 'surgeons?', 'cancer'],
  },
  {
    kind: 'science',
    one: false,
    words: ['scientists?', 'researchers?', 'study', 'studies', 'species', 'fossils?', 'archaeolog(?:y|ists?|ical)', 'excavat(?:ion|ions|ed)', 'tombs?', 'telescope', 'genome', 'genetic', 'dinosaurs?', 'museum', 'ancient', 'centur(?:y|ies)', 'astronomers?', 'planet', 'galaxy', 'comet', 'asteroid', 'experiment', 'laborator(?:y|ies)', 'journal', 'discover(?:y|ed|ies)', 'skeletons?', 'bones', 'artifacts?', 'artefacts?', 'bc', 'bce', 'prehistoric', 'neolithic', 'bronze age', 'iron age', 'roman', 'medieval'],
  },
  {
    kind: 'show_business',
    one: false,
    words: ['films?', 'movies?', 'actor', 'actress', 'singer', 'albums?', 'songs?', 'concerts?', 'celebrit(?:y|ies)', 'hollywood', 'oscars?', 'grammys?', 'sitcom', 'starred', 'starring', 'box office', 'red carpet', 'reality show', 'rehab', 'rehabilitation (?:centre|center|facility|clinic)', 'publicist', 'treatment (?:centre|center|facility|program)', 'addiction', 'divorc(?:e|ed|ing)', 'pop star', '(?:tv|television|film|movie|reality|pop|rock) stars?', 'television', 'tv', 'series', 'episodes?', 'talk show', 'host(?:s|ed|ing)?', 'awards?', 'roles?', 'cast', 'casting', 'broadway', 'musical', 'premiere', 'director', 'producer', 'models?', 'playboy', 'tabloids?', 'paparazzi', 'entertainment', 'comedian', 'rapper', 'band', 'record label', 'music', 'fashion', 'pin-up'],
  },
];

export type QuietKind = 'no_violence' | 'fall' | 'accident' | 'natural_death' | 'obituary' | 'disaster' | 'property_crime' | 'fire' | 'sport' | 'software' | 'spaceflight' | 'infrastructure' | 'business' | 'politics' | 'health' | 'science' | 'show_business';

const KIND_GROUPS = KINDS.map((_, i) => `k${i}`);
const QUIET = new RegExp(`\\b(?:${KINDS.map((k, i) => `(?<k${i}>${k.words.join('|')})`).join('|')})\\b`, 'gi');

/**
 * Words that tell of an act of violence against people, or of someone doing it, whatever the
 * lexicon's weight for them: with any of them in the lead the quiet kind does not decide. A shot in
 * sport ("jump shot", "shooting range") is no gunshot.
 */
const VIOLENCE = /\b(?:(?<doer>violen(?:t|ce)|wars?|warfare|army|soldiers?|troops|ambush\w*|shelling|air ?strikes?|insurgency|guerrillas?|combatants?|gunm[ae]n|shooters?|attackers?|assailants?|militants?|insurgents?|rebels?|terrorists?|terror|killers?|murder(?:s|ed|er|ers|ing)?|homicides?|manslaughter|slay(?:ing|ings|er)?|slain|strangl\w*|bludgeon\w*|lynch\w*|massacre[sd]?|behead\w*|decapitat\w*|tortur\w*|rap(?:e|ed|es|ist|ists)|sexual(?:ly)? assault\w*|mutilat\w*|stabb(?:ed|ing|ings)|stab wounds?|gunshots?|gunfire|open(?:ed|ing|s)? fire|fired (?:at|on|upon|into)|(?:came |come |comes )?under fire|exchanges? of fire|exchanged fire|return(?:ed|ing)? fire|cross-?fire|(?:heavy|artillery|mortar|rocket|sniper|small[- ]arms|machine[- ]?gun|tank|naval|friendly|enemy|automatic|gun) fire|fir(?:es|ed|ing) (?:at|on|upon|into)|fire ?exchanges?|exchanges? of fire|bullets?|severed|dismembered|military|militia\w*|paramilitar\w*|junta|regime|warplanes?|artillery|mortars?|jihadists?|cartels?|sicarios?|narcos?|security forces|front ?lines?|isis|isil|daesh|al-qaeda|al-shabaab|boko haram|taliban|operatives|ammunition|munitions|air ?bases?|fighter jets?|drones?|gunships?|confrontations?|under attack|hostages?|kidnap\w*|abduct\w*|bomb(?:s|ed|ing|ings|ers?)?|explosives?|grenades?|pistol-whipped|beat(?:en|ing)? (?:up|to death)|assaulted|wounded|(?:rammed|ploughed|plowed|drove|driven|mowed|crashed|ran) (?:\w+ ){0,3}?(?:into|through) (?:a |the )?(?:crowds?|people|pedestrians|protesters|demonstrators|worshippers|shoppers|marchers|police|soldiers|checkpoint)|deliberately|intentionally|sabotag\w*|vigilantes?|loot(?:ed|ing|ers))|(?<arson>(?:set|sets|setting) (?:\w+ ){1,3}?on fire|(?:set|sets|setting) (?:on )?fire(?! to (?:it\b|(?:the|their|a|an) (?:getaway |stolen )?(?:vehicle|car|suv|4x4|van)))|set ablaze|set alight|arson\w*|torch(?:ed|ing)|fire-?bomb\w*|petrol bombs?|molotov)|(?<fire>(?<!\b(?:set|sets|setting) (?:on )?|cease-)(?:fires?|blazes?|flames)|burn(?:ed|t|ing)|burns)|(?<blast>explosions?|blasts?|explod(?:e|es|ed|ing))|(?<foul>foul play)|(?<fight>fighters|beat(?:en|ing)? (?:him|her|them)|knock(?:ed|s|ing)? (?:him|her|them) (?:out|down))|(?<shot>(?<!\b(?:jump|free|foul|three-point|penalty|long|slap|hook|bank|tee|drop|first|winning|game-winning|parting) )(?:shots?|shoot|shoots|shooters?)(?! clock| on goal| off (?:the )?(?:glass|backboard|post|bar|rim))|shootings?(?! (?:range|percentage|guard|touch|slump|woes|night)))|(?<weapon>pistols?|handguns?|rifles?|shotguns?|guns?|firearms?|knives|knife|armed|hunt(?:ing|er|ers)))\b/gi;

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
/** "Foul play is not suspected", "no sign of foul play": a coroner's denial, not a doer. */
const FOUL_DENIED_BEFORE = /\b(?:no|not|n't|any|without|ruled out|rule out)\b[^.;!?]{0,25}$/i;
const FOUL_DENIED_AFTER = /^\s*(?:is|was|has been)?\s*(?:not|n't|isn't|wasn't|ruled out|is not|was not)\b/i;

/**
 * What only a kind of news may explain: software's attackers, a robbery's weapon, a fire (a blaze whose
 * text names no one who set it), sport's fighters and beatings.
 */
interface Told {
  attackers: boolean;
  weapon: boolean;
  fire: boolean;
  fight: boolean;
  blast: boolean;
}

/** Where an explosion is an accident of industry or fuel ("a gas cylinder exploded", "a blast at a coal mine"), not a bomb. */
const INDUSTRIAL = /\b(?:gas (?:leak|cylinders?|stations?|tanks?|pipelines?|explosion|blast)|petrol stations?|filling stations?|(?:coal|gold|copper|salt) mines?|mining|miners|factory|factories|plant|refinery|boilers?|fireworks?|firecrackers?|chemicals?|tankers?|pipelines?|warehouse|fuel|methane|propane|transformers?|industrial|workshop|furnace)\b/i;

/**
 * A fire set by someone, or a crowd's or protest's fire, anywhere in the text: a blaze is quiet news only
 * when nothing says who lit it (arson is often told only past the lead: "investigators ruled it arson").
 */
const FIRE_SET = /\b(?:arson\w*|(?:set|sets|setting) (?:\w+ ){0,3}?(?:on )?fire|set ablaze|set alight|torch(?:ed|ing)|fire-?bomb\w*|petrol bombs?|molotov|incendiar(?:y|ies)|accelerants?|deliberate(?:ly)?|intentional(?:ly)?|on purpose|suspicious|suspects?|foul play|arrest(?:ed|s)?|charged|criminal|vandal\w*|hate crimes?|protest\w*|demonstrat(?:ors|ion|ions)|riot\w*|mobs?|militants?|rebels?|attack\w*|bomb\w*|explosives?|gunm[ae]n|shot|shooting|forces|troops|army|soldiers|gangs?|commandos?|clash\w*|raid\w*|killed by|kill|kills|(?:was|were|had been|been|being) (?:deliberately |intentionally |purposely )?(?:set|started|lit)|atf|fbi)\b/i;

function violenceTold(lead: string): 'act' | Told {
  const told: Told = { attackers: false, weapon: false, fire: false, fight: false, blast: false };
  VIOLENCE.lastIndex = 0;
  for (let m = VIOLENCE.exec(lead); m; m = VIOLENCE.exec(lead)) {
    const g = m.groups!;
    if (g.weapon !== undefined) told.weapon = true;
    else if (g.fire !== undefined) told.fire = true;
    else if (g.fight !== undefined) told.fight = true;
    else if (g.blast !== undefined) told.blast = true;
    else if (g.foul !== undefined) {
      if (!(FOUL_DENIED_BEFORE.test(lead.slice(Math.max(0, m.index - 40), m.index)) || FOUL_DENIED_AFTER.test(lead.slice(m.index + m[0].length, m.index + m[0].length + 30)))) return 'act';
    }
    else if (g.doer !== undefined && ATTACKERS.test(m[0])) told.attackers = true;
    else return 'act';
  }
  return told;
}

/**
 * Words of harm, force, arms, protest or detention, in any sense (broad on purpose): a lead with none
 * of them tells of no event of the codebook (every event type is an act of force, a protest, or a
 * strategic act such as an arrest or a seizure), whatever the model read in its other words.
 */
const HARM = /\b(?:kill\w*|dead\w*|deaths?|died|dies|die|dying|bod(?:y|ies)|corpses?|remains|fatal\w*|injur\w*|hurt|wound\w*|attack\w*|assault\w*|fight\w*|fought|clash\w*|raid\w*|strik(?:e|es|ing)|struck|battl\w*|hit|hits|beat\w*|violen\w*|victims?|casualt\w*|hostil\w*|threat\w*|riot\w*|loot\w*|destr(?:oy|oyed|oys|uction)\w*|damag\w*|burn\w*|captur\w*|seiz\w*|detain\w*|detention|arrest\w*|custody|execut\w*|murder\w*|shell\w*|missiles?|rockets?|weapons?|arms|armed|guns?|shots?|shoot\w*|fir(?:e|es|ed|ing)|bomb\w*|explo\w*|blast\w*|grenades?|mines?|drones?|troops?|forces|soldiers?|police\w*|militar\w*|army|rebels?|militants?|insurgen\w*|terror\w*|gangs?|hostages?|kidnap\w*|abduct\w*|missing|rap(?:e|ed|es|ist)|sexual\w*|tortur\w*|abus\w*|lynch\w*|mobs?|protest\w*|demonstrat\w*|march\w*|rall(?:y|ies|ied)|crowds?|stab\w*|slay\w*|slain|crime\w*|criminal\w*|suspects?|war|wars|conflict\w*|invasion|invad\w*|occup\w*|siege|coup|unrest|security|dispute\w*|tension\w*|disputes?|sabotag\w*|lifeless|gunned|graves?|assassinat\w*|heads?|hang\w*|hung|skulls?|charred|blood\w*|slaughter\w*|femicid\w*|feminicid\w*|hitm[ae]n|kingpins?|cartels?|narco\w*|deprived|dismember\w*|decapitat\w*|behead\w*|massacre\w*|strangl\w*|sentenc\w*|convict\w*|charg(?:e|es|ed)|trial|jail\w*|prison\w*|court|taken|tragic\w*|loss|lost|grie(?:f|ving|ve)|mourn\w*|funeral|memorial|vigil)\b/i;

/** At least ARTICLE_WORDS words: the lead of an article, not a headline or a one-line note. */
const ARTICLE_WORDS = 60;
const WORD = /\S+/g;
function article(lead: string): boolean {
  WORD.lastIndex = 0;
  let n = 0;
  while (WORD.exec(lead)) if (++n >= ARTICLE_WORDS) return true;
  return false;
}

/** A fight that has no opponent: "a battle to stay alive", "fighting for his life". */
/** An animal's attack (a shark, a bear): no perpetrator ACLED codes. */
const ANIMAL = /\b(?:sharks?|bears?|dogs?|crocodiles?|alligators?|elephants?|tigers?|leopards?|hippopotamus(?:es)?|snakes?|wolf|wolves|bees)\s+$/i;

const STRUGGLE = /^\s+(?:to (?:stay alive|survive|keep)|for (?:his|her|their|my|our) (?:li(?:fe|ves)|survival)|(?:with|against) (?:\w+ ){0,2}?(?:addiction|alcohol\w*|drugs?|cancer|illness|disease|depression|leukemia|tumou?r|obesity|demons|dementia|infection|the bottle))/i;
/** A mine that is dug, not laid ("a coal mine"). */
const MINE_SITE = /\b(?:coal|gold|copper|salt|diamond|iron|iron ore|open-pit|underground|uranium|silver|tin|lithium|zinc|bauxite|jade|ruby)\s+$/i;
/** Power lines and trees brought down by a storm ("downed power lines"). */
const DOWNED = /^downed$/i;
const DOWNED_LINES = /^\s+(?:power |electrical |utility |phone )?(?:lines?|trees?|wires?|poles?|branches|limbs)\b/i;
/** "Battle" inside a name ("Battle Creek", "Battle Ground Academy"): capitalised, mid-sentence, before another capitalised word. */
const NAMED_BATTLE = /^Battle$/;
const NAME_AFTER = /^\s+[A-Z][a-z]/;
const SENTENCE_START = /(?:^|[.!?:]\s*|\n\s*)$/;
/** A battle that is a figure of speech: in court, over custody, for a company or in the polls ("a legal battle", "an uphill battle"). */
const FIGURE = /\b(?:legal|court|courtroom|custody|political|budget|bidding|takeover|ratings|uphill|election|electoral|campaign|public relations|price|patent|copyright|trademark|boardroom|proxy|tax|title|playoff|relegation|lengthy|long-running|years-long)\s+$/i;

/** Someone died (a robbery with a death is an attack). */
const DEATH = /\b(?:killed|killing|dead|died|dies|death|deaths|bod(?:y|ies)|corpses?|fatal(?:ly)?|passed away)\b/i;

/** A crowd's damage (ransacked, vandalised): a riot's mark, not a theft's. */
const MOB = /\b(?:ransack\w*|vandal\w*|smashed up|rampag\w*|mobs?|loot(?:ed|ing|ers)|rioters?|crowds?|gangs? of (?:youths|teenagers))\b/i;

/** People held or threatened with a weapon (a hold-up of guards, an escape at gunpoint): force against people, not only property. */
const FORCE = /\b(?:at (?:gun|knife)-?point|handcuff\w*|tied up|bound and gagged|overpower\w*|pull(?:ed|ing|s)? (?:a|his|her) (?:gun|knife|pistol|weapon)|escap(?:e|ed|es|ing) (?:from|custody)|escaped (?:inmate|prisoner|convict))\b/i;

/**
 * A killing told anywhere in the text ("police are treating the deaths as a homicide"): a death with a
 * cause stays quiet only while the whole text names no crime against a person.
 */
const CRIME = /\b(?:murder\w*|homicid\w*|slay(?:ing|ings|er)?|slain|killers?|stabb\w*|gunshots?|gunm[ae]n|shot (?:dead|and killed|to death|him|her|them)|fatally shot|strangl\w*|bludgeon\w*|arson\w*|assailants?|attackers?|foul play (?:is|was) suspected|suspicious deaths?)\b/i;

/** An arrest told in words the trigger lexicon weighs lightly ("nabbed", "held by police", "booked"): an event of its own (strategic developments/arrests), never quiet. */
const ARRESTED = /\b(?:nabbed|apprehended|booked (?:him|her|them|under)|remanded|picked up by (?:the )?police|held by (?:the )?police|(?:police|cops) (?:held|caught|picked up|rounded up|detained|arrested)|rounded up|surrendered to (?:the )?police|taken into custody|in (?:police|judicial) custody|arrest(?:ed|s|ing)?|detained)\b/i;

/** Words of a protest whatever the kind of news (a strike, a march, a blockade). */
const PROTEST = /\b(?:protest(?:s|ed|ers|ors|ing)?|demonstrat(?:ors|ion|ions|ed)|took to the streets|picket\w*|blockad\w*|sit-ins?|marchers|(?:went|go|goes|are|were) on strike|strikers|walkouts?|hunger strikes?)\b/i;
/** Sport's rallies ("rallied to win"): no protest there. */
const SPORT_RALLY = /^rall/i;

/** Whether the text or its title says what `re` reads. */
function toldIn(re: RegExp, title: string | null, text: string): boolean {
  return re.test(text) || (title !== null && re.test(title));
}

/** Kinds that are the cause of a death ("fell to his death", "died of cancer"): deaths allowed. */
const CAUSES: ReadonlySet<QuietKind> = new Set(['fall', 'accident', 'natural_death', 'obituary', 'disaster', 'fire']);

/** Sport's words of attack ("the offensive record", "the counter-attack"): no act of violence there. */
const SPORT_ATTACK = /^(?:offensive|counter-?offensive|assault(?:ed)?|attack(?:s|ed)?|counter-?attacks?)$/i;
/** A launcher's words ("the rocket lifted off"): no shelling where the news is of spaceflight. */
const SPACE_ROCKET = /^(?:rockets?|launch(?:es|ed)?)$/i;
/** An aircraft's or a vehicle's crash ("helicopter crashes"): no downing where the news is of an accident. */
const CRASH = /\bcrash/i;
/** An explosion's trigger ("explosion", "blast", "mine"): explained only by an accident of industry or fuel (INDUSTRIAL). */
const BLAST = /^(?:explosions?|blasts?|explod(?:e|es|ed|ing)|mines?)$/i;
/** Firefighters' "battle" with a blaze. */
const FIRE_BATTLE = /^battl/i;
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
  const act = (t: TriggerAnnotation) => t.weight >= NAMES_ACT && !CRASH.test(t.text) && !BLAST.test(t.text) && !FIRE_BATTLE.test(t.text) && !SPORT_ATTACK.test(t.text) && !SOFTWARE_ATTACK.test(t.text) && !SPACE_ROCKET.test(t.text);
  const explained = (t: TriggerAnnotation) => {
    const before = text.slice(Math.max(0, t.start - 20), t.start);
    const after = text.slice(t.end, t.end + 40);
    return STRUGGLE.test(after) || ANIMAL.test(before) || FIGURE.test(before) || MINE_SITE.test(before) || (DOWNED.test(t.text) && DOWNED_LINES.test(after)) || (NAMED_BATTLE.test(t.text) && NAME_AFTER.test(after) && !SENTENCE_START.test(before));
  };
  if (titleTriggers.some(act) || textTriggers.some((t) => t.start < leadChars && act(t) && !explained(t))) return null;
  const lead = `${title ?? ''}\n${text.slice(0, leadChars)}`;
  const told = violenceTold(lead);
  if (told === 'act') return null;
  if (ARRESTED.test(lead)) return null;
  const kinds = quietKinds(lead);
  // no kind of news shown, but no word of harm, force, arms or protest either: nothing ACLED could code is told
  // (an article's lead, not a headline: a headline's few words may leave its act unsaid)
  if (!kinds.length) return told.attackers || told.weapon || told.fire || told.fight || told.blast || !article(lead) || HARM.test(lead) ? null : 'no_violence';
  const sport = kinds.includes('sport');
  // a protest, however lightly the lexicon weighs its words ("blocked the highway", "took to the streets"), is an event of its own
  const protest = (t: TriggerAnnotation) => (t.category === 'protests' || t.category === 'riots') && !(sport && SPORT_RALLY.test(t.text));
  if (PROTEST.test(lead) || titleTriggers.some(protest) || textTriggers.some((t) => t.start < leadChars && protest(t))) return null;
  const software = kinds.includes('software');
  const robbery = kinds.includes('property_crime');
  if ((told.attackers && !software) || (told.weapon && !robbery) || (told.fight && !sport)) return null;
  // a fire is left to the model unless the news is of a blaze (or a crash that burst into flames) that nothing in the text says was set
  // whether the title or the text says a fire or a blast was set (read once: both the blaze and the industrial accident ask)
  const fireOrAccident = kinds.includes('fire') || kinds.includes('accident');
  const set = fireOrAccident && toldIn(FIRE_SET, title, text);
  const blaze = fireOrAccident && !set;
  if (told.fire && !blaze) return null;
  // an explosion is left to the model unless it is an accident of industry or fuel that nothing in the text says was set off
  const industrial = told.blast || [...titleTriggers, ...textTriggers].some((t) => BLAST.test(t.text)) ? kinds.includes('accident') && INDUSTRIAL.test(lead) && !set : false;
  if (told.blast && !industrial) return null;
  const space = kinds.includes('spaceflight');
  const accident = kinds.includes('accident');
  const names = (t: TriggerAnnotation) => t.weight >= NAMES_ACT && !(accident && CRASH.test(t.text)) && !(industrial && BLAST.test(t.text)) && !(blaze && FIRE_BATTLE.test(t.text)) && !(sport && SPORT_ATTACK.test(t.text)) && !(software && SOFTWARE_ATTACK.test(t.text)) && !(space && SPACE_ROCKET.test(t.text));
  if (titleTriggers.some(names) || textTriggers.some((t) => t.start < leadChars && names(t) && !explained(t))) return null;
  // a crime against property is no event while no one is hurt (with a victim it is an attack)
  if (robbery) return dead || DEATH.test(lead) || MOB.test(lead) || FORCE.test(lead) || injuredTold(lead) ? null : 'property_crime';
  // a death with a cause and no doer is no event; sport, software or show business with a death is left to the model
  const cause = kinds.find((k) => CAUSES.has(k));
  if (cause) return toldIn(CRIME, title, text) ? null : cause;
  return dead || DEATH.test(lead) ? null : kinds[0];
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
