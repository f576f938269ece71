import { describe, expect, it } from 'vitest';
import { findCasualties, withImpliedZero } from './casualties.js';

const counts = (s: string) => findCasualties(s, 0).map((c) => [c.field, c.value.best, c.hedged]);

describe('findCasualties', () => {
  it('adds up coordinated groups', () => {
    expect(counts('Two military officers and three crew members aboard a transport helicopter were killed.')).toEqual([['fatalities', 5, false]]);
  });
  it('reads "both" and idioms of death', () => {
    expect(counts('Both crew members accompanying the pilot lost their lives during the landing.')).toEqual([['fatalities', 2, false]]);
    expect(counts('Two other crew members attempted to flee but, unfortunately, were neutralized.')).toEqual([['fatalities', 2, false]]);
    expect(counts('The fire resulted in the deaths of two crew members.')).toEqual([['fatalities', 2, false]]);
  });
  it('reads active and headline forms', () => {
    expect(counts('A bridge collapsed, killing 43 people.')).toEqual([['fatalities', 43, false]]);
    expect(counts('Five dead as police launch assault on protesters')).toEqual([['fatalities', 5, false]]);
    expect(counts('Shelling killed at least 12 civilians and wounded 30 others.')).toEqual([
      ['fatalities', 12, false],
      ['injured', 30, false],
    ]);
  });
  it('reads "no casualties" as zero and hedges as hedged', () => {
    expect(counts('No casualties were reported.')).toEqual([
      ['fatalities', 0, false],
      ['injured', 0, false],
    ]);
    expect(counts('Three soldiers may have been killed.')).toEqual([['fatalities', 3, true]]);
  });
  it('keeps ranges for qualifiers and vague words', () => {
    const [c] = findCasualties('At least 12 people were killed.', 0);
    expect(c.value).toEqual({ low: 12, best: 12, high: 24 });
    const [d] = findCasualties('Dozens of civilians were killed.', 0);
    expect(d.value.best).toBe(12);
  });
  it('finds nothing where no one is counted', () => {
    expect(counts('All those who were on the helicopter died.')).toEqual([]);
    expect(counts('The 58th army advanced.')).toEqual([]);
  });
});

describe('ages are not counts', () => {
  it('reads a person named by age as one', () => {
    expect(counts('A combat vehicle kills 8-year-old')).toEqual([['fatalities', 1, false]]);
    expect(counts('A 20-year-old soldier was killed.')).toEqual([['fatalities', 1, false]]);
    expect(counts('Two 19-year-old soldiers were killed.')).toEqual([['fatalities', 2, false]]);
  });
  it('reads singular victims and active verbs in headlines', () => {
    expect(counts('Civilian killed as mortar shell hits the city')).toEqual([['fatalities', 1, false]]);
    expect(counts('Shelling kills three civilians')).toEqual([['fatalities', 3, false]]);
    expect(counts('Death toll from the violence rises to 3')).toEqual([['fatalities', 3, false]]);
  });
  it('takes the whole count, not a part of it named with "including"', () => {
    expect(counts('Clashes kill four, including three civilians.')).toEqual([['fatalities', 4, false]]);
    expect(counts('Six workers including two engineers died in the blast.')).toEqual([['fatalities', 6, false]]);
  });
  it('adds a person named without a number to a coordinated count', () => {
    expect(counts('Mortar fire kills two soldiers, policeman in border village.')).toEqual([['fatalities', 3, false]]);
    expect(counts('Gunmen killed two guards, officer said.')).toEqual([['fatalities', 2, false]]);
  });
  it('reads one victim named without a number after the word', () => {
    expect(counts('Roadside bomb kills Nigerian soldier near Maiduguri.')).toEqual([['fatalities', 1, false]]);
    expect(counts('The ministry confirmed the death of a militia fighter in the raid.')).toEqual([['fatalities', 1, false]]);
    expect(counts('Artillery fire kills one, wounds three in market.')).toEqual([
      ['fatalities', 1, false],
      ['injured', 3, false],
    ]);
    expect(counts('Two militia killed in ambush.')).toEqual([['fatalities', 2, false]]);
  });
  it('gives nothing for plural victims without a number or a part of a group', () => {
    expect(counts('The strike killed rebel fighters near the border.')).toEqual([]);
    expect(counts('Police said he killed one of the leaders.')).toEqual([]);
  });
  it('adds a group coordinated with one person, and reads more idioms of death', () => {
    expect(counts('Gunmen attacked a bus, killing the driver and two passengers.')).toEqual([['fatalities', 3, false]]);
    expect(counts('A trader was stabbed to death in the market.')).toEqual([['fatalities', 1, false]]);
    expect(counts('One person succumbed to injuries on Sunday.')).toEqual([['fatalities', 1, false]]);
    expect(counts('Militants killed 10 herders near the river.').map((c) => c[1])).toEqual([10]);
  });
  it('counts groups only beside a casualty word, each group once', () => {
    expect(counts('Four soldiers and two civilians attended the ceremony in the square.')).toEqual([]);
    expect(counts('Four soldiers and two civilians were wounded; later one guard died.')).toEqual([['injured', 6, false], ['fatalities', 1, false]]);
  });
  it('reads a count however the casualty word is spelled, Kelvin sign included', () => {
    expect(counts('Shelling \u212Aills a civilian in the town.')).toEqual([['fatalities', 1, false]]);
    expect(counts('The ferry sailed at dawn with forty passengers.')).toEqual([]);
  });
});

describe('counts in coded event notes', () => {
  it('adds up sides named by acronym or proper name, not lower-case words', () => {
    expect(counts('Troops and rebels clashed near the river; 4 RPF and 3 NLA killed.')).toEqual([['fatalities', 7, false]]);
    expect(counts('Fighting in the valley; 11 Zetas and 6 police officers were killed.')).toEqual([['fatalities', 17, false]]);
    expect(counts('The column moved 5 km and two were killed.')).toEqual([['fatalities', 2, false]]);
  });
  it('counts gendarmes, rioters and other newly listed victims, summed over sides', () => {
    expect(counts('Militants raided the post; 9 gendarmes and 2 civilians killed.')).toEqual([['fatalities', 11, false]]);
    expect(counts('14 rioters were killed in the unrest.')).toEqual([['fatalities', 14, false]]);
    expect(counts('Three supporters of the candidate were shot dead at the rally.')).toEqual([['fatalities', 3, false]]);
    expect(counts('A local party supporter was killed when the police opened fire.')).toEqual([['fatalities', 1, false]]);
  });
  it('reads "a number of" as ACLED\'s 10 and "a dozen" as 12', () => {
    expect(counts('A number of bandits were killed in the operation.')).toEqual([['fatalities', 10, false]]);
    expect(counts('The raid killed a few herders and a dozen soldiers.')).toEqual([['fatalities', 15, false]]);
  });
  it('reads a bare "1 fatality", a lynching and people burned alive', () => {
    expect(counts('Shots were fired at the market. 1 fatality.')).toEqual([['fatalities', 1, false]]);
    expect(counts('Residents lynched a suspect in the square.')).toEqual([['fatalities', 1, false]]);
    expect(counts('Soldiers burned 6 fishermen alive in the hamlet.')).toEqual([['fatalities', 6, false]]);
    expect(counts('Unidentified men killed a local politician near the dam.')).toEqual([['fatalities', 1, false]]);
  });
  it('reads "no injuries" as no one killed only where no death is counted', () => {
    const text = 'Teachers marched to the ministry. No injuries reported.';
    const found = findCasualties(text, 0);
    expect(withImpliedZero(found, text).map((c) => [c.field, c.value.best])).toEqual([
      ['injured', 0],
      ['fatalities', 0],
    ]);
    const other = 'Two men died in the blast. No injuries reported.';
    expect(withImpliedZero(findCasualties(other, 0), other).filter((c) => c.field === 'fatalities').map((c) => c.value.best)).toEqual([2]);
    const died = findCasualties('Two men died in the blast.', 0);
    expect(withImpliedZero([...died, ...findCasualties(' No injuries reported.', 26)], other).map((c) => [c.field, c.value.best])).toEqual([
      ['fatalities', 2],
      ['injured', 0],
    ]);
  });
  it('reads bodies found, beheadings and "several hundred"', () => {
    expect(counts('Police found 7 bodies with gunshot wounds on the road.')).toEqual([['fatalities', 7, false]]);
    expect(counts('Police found 7 suspects hiding in a house.')).toEqual([]);
    expect(counts('Insurgents beheaded 3 civilians in the village.')).toEqual([['fatalities', 3, false]]);
    expect(counts('Troops killed several hundred civilians in the town.')).toEqual([['fatalities', 100, false]]);
  });
  it('adds one person to a group after a possessive, and reads the body of one', () => {
    expect(counts('A man and his three sons were killed by the gunmen.')).toEqual([['fatalities', 4, false]]);
    expect(counts('The body of a kidnapped teacher was found on Monday.')).toEqual([['fatalities', 1, false]]);
  });
  it('counts a suicide attacker, one named with "of", a person beaten to death, but not the killing a protest is about', () => {
    expect(counts('A bomber struck the gate, killing 3 guards and himself.')).toEqual([['fatalities', 4, false]]);
    expect(counts('Gunmen killed the headman of the village at dawn.')).toEqual([]);
    expect(counts('Gunmen killed the chief of the village at dawn.')).toEqual([['fatalities', 1, false]]);
    expect(counts('A crowd beat to death a suspected thief in the market.')).toEqual([['fatalities', 1, false]]);
    expect(counts('Traders protested over the killing of 2 drivers at a checkpoint.')).toEqual([]);
    expect(counts('Residents marched against the deaths of three boys.')).toEqual([]);
  });
  it('names no side with a time, a unit or a title-case word', () => {
    expect(counts('Around 11 PM a blast killed two guards.')).toEqual([['fatalities', 2, false]]);
    expect(counts('3 Hours After Blast, 2 Killed')).toEqual([['fatalities', 2, false]]);
  });
  it('reads tallies, a bare "killing 1", bodies recovered, and keeps parts and unknown numbers out', () => {
    expect(counts('Fatalities: 4.')).toEqual([['fatalities', 4, false]]);
    expect(counts('Gunmen opened fire, killing 1.')).toEqual([['fatalities', 1, false]]);
    expect(counts('11 bodies were recovered from the well.')).toEqual([['fatalities', 11, false]]);
    expect(counts('3 soldiers were found in the forest.')).toEqual([]);
    expect(counts('The raid killed 10 soldiers, 2 of whom were officers.')).toEqual([['fatalities', 10, false]]);
    expect(counts('An unknown number of militants were killed.')).toEqual([]);
  });
  it('reads "hacked 4 people to death"', () => {
    expect(counts('Assailants hacked 4 farmers to death near the river.')).toEqual([['fatalities', 4, false]]);
  });
  it('reads "burned alive 2 men" and a side named without plural s beside another count', () => {
    expect(counts('A mob burned alive 2 men accused of theft.')).toEqual([['fatalities', 2, false]]);
    expect(counts('2 Taliban and 4 NRF fighters were killed.')).toEqual([['fatalities', 6, false]]);
    expect(counts('On 2 March and 3 April, 2 soldiers were killed.')).toEqual([['fatalities', 2, false]]);
  });
  it('adds a relative named without a number, and reads passive lynchings of thieves and rustlers', () => {
    expect(counts('Gunmen shot dead a farmer and his son near the well.')).toEqual([['fatalities', 2, false]]);
    expect(counts('Two suspected rustlers were lynched by villagers.')).toEqual([['fatalities', 2, false]]);
  });
  it('sums two sides counted apart in one sentence, but not a repeat or a running total', () => {
    expect(counts('12 soldiers were killed and 4 rebels were killed.')).toEqual([['fatalities', 16, false]]);
    expect(counts('3 soldiers were killed and 3 soldiers were killed.')).toEqual([
      ['fatalities', 3, false],
      ['fatalities', 3, false],
    ]);
    expect(counts('4 soldiers were killed, bringing the total to 40 people killed.')).toEqual([
      ['fatalities', 4, false],
      ['fatalities', 40, false],
    ]);
  });
  it('reads one person wounded without a number', () => {
    expect(counts('Gunmen shot and wounded a local councillor in the market.')).toEqual([['injured', 1, false]]);
    expect(counts('The blast killed 2 soldiers, injuring a civilian.')).toEqual([
      ['fatalities', 2, false],
      ['injured', 1, false],
    ]);
  });
  it('reads a death named after "after" as the cause, a person\'s body found as one dead', () => {
    expect(counts('A crowd burned the station after the death of a man in custody.')).toEqual([]);
    expect(counts('Militants fled after killing 3 soldiers.')).toEqual([['fatalities', 3, false]]);
    expect(counts("The chief's body was found the next day.")).toEqual([['fatalities', 1, false]]);
  });
  it('reads a participle after an article as a victim named, not a toll', () => {
    expect(counts('Residents marched to demand justice for a murdered trader.')).toEqual([]);
    expect(counts('Gunmen murdered a trader in the market.')).toEqual([['fatalities', 1, false]]);
  });
});

describe('news phrasings of a toll', () => {
  const full = (s: string) => findCasualties(s, 0).map((c) => [c.field, c.value.best, !!c.struck, !!c.update]);
  it('reads one victim by noun and verb', () => {
    expect(full('Teenager killed in Mesa County accidental shooting')).toEqual([['fatalities', 1, false, false]]);
    expect(full('Boyle County man dies after accidental shooting')).toEqual([['fatalities', 1, false, false]]);
    expect(full('OSHP trooper injured in accidental shooting')).toEqual([['injured', 1, false, false]]);
    expect(full('Jones was shot and killed Saturday evening outside his home.')).toEqual([['fatalities', 1, false, false]]);
  });
  it('reads "fatally shot" as dead, not hurt', () => {
    expect(full('Compton Toddler Fatally Shot While Lying in Crib')).toEqual([['fatalities', 1, false, false]]);
    expect(full('7-year-old boy fatally shoots himself')).toEqual([['fatalities', 1, false, false]]);
  });
  it('reads the people hit apart from the dead', () => {
    expect(full('Four Shot, Man Dead in Long Beach')).toEqual([['injured', 4, true, false], ['fatalities', 1, false, false]]);
    expect(full('4 dead, 1 wounded in Forsyth Co. murder-suicide')).toEqual([['fatalities', 4, false, false], ['injured', 1, false, false]]);
    expect(full('A 39-year-old woman was listed in critical condition.')).toEqual([['injured', 1, false, false]]);
  });
  it('reads a toll and its updates, marked as updates', () => {
    expect(full('The death toll from a Russian drone strike rose to 10 on Sunday.')).toEqual([['fatalities', 10, false, true]]);
    expect(full('The number of people killed has risen to 12.')).toEqual([['fatalities', 12, false, true]]);
    expect(full('The toll rose from 10 to 12.')).toEqual([['fatalities', 12, false, true]]);
    expect(full('The death toll now stands at 7.')).toEqual([['fatalities', 7, false, true]]);
  });
  it('hedges a count only by a hedge before it', () => {
    expect(counts('A 34-year-old woman is dead after what may have been an accidental shooting.')).toEqual([['fatalities', 1, false]]);
    expect(counts('Three soldiers may have been killed.')).toEqual([['fatalities', 3, true]]);
  });
  it('reads the hit by other words, each person hit in one sentence, and the shooter who took his own life', () => {
    expect(full('The clerk was struck in the shoulder.')).toEqual([['injured', 1, true, false]]);
    expect(full('A man arrived at the hospital with a gunshot wound.')).toEqual([['injured', 1, true, false]]);
    expect(full('A boy was shot in the arm; a woman was shot in the leg.')).toEqual([['injured', 2, true, false]]);
    expect(full('The gunman killed his neighbour before turning the gun on himself.')).toEqual([['fatalities', 2, false, false]]);
    expect(full('Mother, father, toddler dead in apartment')).toEqual([['fatalities', 3, false, false]]);
    expect(full('Third victim dies after bar shooting')).toEqual([['fatalities', 3, false, false]]);
  });
  it('reads an apposition once ("other" people hit are hurt besides the dead) and a noun "shot" as no one hit', () => {
    expect(full('Eight other people, five men and three women, were also shot.')).toEqual([['injured', 8, false, false]]);
    expect(full('Two of the four victims died.')).toEqual([['fatalities', 2, false, false]]);
    expect(full('Neighbours heard a single shot.')).toEqual([]);
    expect(full('A woman called 911 at 0:41 Woman dies later')).toEqual([['fatalities', 1, false, false]]);
  });
  it('counts no number that is not a casualty count', () => {
    expect(full('The 2,507 members of the council were approved by the late ruler, who died in 2006.')).toEqual([]);
    expect(full('Image 1 of 10 A 4-year-old girl has died.')).toEqual([['fatalities', 1, false, false]]);
    expect(full('Police said he killed one of the leaders.')).toEqual([]);
  });
});


describe('local news phrasings of one victim (issue 17)', () => {
  const full = (s: string) => findCasualties(s, 0).map((c) => [c.field, c.value.best, !!c.struck]);
  it('counts no one for a casualty word denied', () => {
    expect(full('The toddler was not injured in the crash.')).toEqual([]);
    expect(full("Deputies said the driver wasn't hurt.")).toEqual([]);
    expect(full('Nobody died, though the windows were shattered.')).toEqual([['fatalities', 0, false]]);
  });
  it('reads one person by a pronoun, by "another", by an age written with spaces, by "self"', () => {
    expect(full('The bullet struck the clerk, killing her.')).toEqual([['fatalities', 1, false]]);
    expect(full('Officers found one man dead and another wounded.')).toEqual([['fatalities', 1, false], ['injured', 1, false]]);
    expect(full('Police say a 7 year old boy was shot near the park.')).toEqual([['injured', 1, true]]);
    expect(full('Teen shoots self with uncle’s rifle')).toEqual([['injured', 1, true]]);
    expect(full('The gunfire injured a 9-year-old girl Tuesday.')).toEqual([['injured', 1, false]]);
  });
  it('reads the hurt by their condition: fighting for life, in a coma', () => {
    expect(full('Three people are dead and another is fighting for his life.')).toEqual([['fatalities', 3, false], ['injured', 1, false]]);
    expect(full('The attack left a woman dead and her son in a coma.')).toEqual([['fatalities', 1, false], ['injured', 1, false]]);
  });
  it('counts one person hurt and then dead once, as dead', () => {
    expect(full('He was listed in critical condition until he died.')).toEqual([['fatalities', 1, false]]);
    expect(full('A teenager has died after she was wounded at a party.')).toEqual([['fatalities', 1, false]]);
  });
  it('hedges "could easily have killed"', () => {
    expect(findCasualties('It could easily have killed her, the sheriff said.', 0).every((c) => c.hedged)).toBe(true);
  });
});

describe('two people hit, named without a number (issue 17)', () => {
  const full = (s: string) => findCasualties(s, 0).map((c) => [c.field, c.value.best, !!c.struck]);
  it('adds a person coordinated after one named by age, or before a group of one', () => {
    expect(full('The gunfire wounded a 6-year-old boy and a 30-year-old woman.')).toEqual([['injured', 2, false]]);
    expect(full('A stray round wounded a 9-year-old, 3 others on the porch.')).toEqual([['injured', 4, false]]);
    expect(full('Deputies said the toddler and a 41-year-old man were wounded.')).toEqual([['injured', 2, false]]);
    expect(full('Ramirez and her 70-year-old father were wounded.')).toEqual([['injured', 2, false]]);
  });
  it('reads "X shot his wife" as the wife hit, not X', () => {
    expect(full('A man shot his girlfriend and her son early Sunday.')).toEqual([['injured', 2, true]]);
    expect(full('The farmer was accidentally shooting his nephew and his brother-in-law while hunting.')).toEqual([['injured', 2, true]]);
  });
});

describe('numbers that count no one, and the hit counted apart (issue 17, fourth pass)', () => {
  const full = (s: string) => findCasualties(s, 0).map((c) => [c.field, c.value.best, !!c.struck]);
  it('reads no count in the times a person was shot, a clock, the emergency number or "over an"', () => {
    expect(full('The boy was shot four times in the chest.')).toEqual([['injured', 1, true]]);
    expect(full('Police said the teen was killed around 4:30 p.m. on the porch.')).toEqual([['fatalities', 1, false]]);
    expect(full('A neighbour ran out and said, "Call 911 for the people shot next door."').some(([, n]) => n === 911)).toBe(false);
    expect(full('"She was killed over an argument about money," the sergeant said.')).toEqual([['fatalities', 1, false]]);
  });
  it('reads no count in the end of a range of ages (sixth pass)', () => {
    expect(full('A fight broke out and four unidentified men, ages 20-27 were shot.')).toEqual([['injured', 4, true]]);
    expect(full('Two men, aged 18 and 25 were shot outside the bar.')).toEqual([['injured', 2, true]]);
  });
  it('reads "hurt or killed" as no toll', () => {
    expect(full('Nine children have been hurt or killed by gunfire this spring.')).toEqual([]);
  });
  it('reads "others" hit as hurt besides the dead, not as the hit the dead are taken from', () => {
    expect(full('One man died at the scene and three others were shot.')).toEqual([['fatalities', 1, false], ['injured', 3, false]]);
    expect(full('A woman was killed; two other people were also struck by gunfire.')).toEqual([['fatalities', 1, false], ['injured', 2, false]]);
  });
  it('reads an apposition that names fewer than its count once', () => {
    expect(full('Two others, a 30-year-old man and 41-year-old man, were also shot.')).toEqual([['injured', 2, false]]);
  });
  it('counts the people hit in a double or a triple shooting, and one shot with himself', () => {
    expect(full('Police are investigating a double shooting on Elm Street.')).toEqual([['injured', 2, true]]);
    expect(full('One man died after a triple shooting downtown.')).toEqual([['fatalities', 1, false], ['injured', 3, true]]);
    expect(full('He accidentally fired the pistol, shooting himself and a woman.')).toEqual([['injured', 2, true]]);
    expect(full('Three men received life-threatening injuries.')).toEqual([['injured', 3, false]]);
    expect(full('The boy was hit by shots fired from a passing car.')).toEqual([['injured', 1, true]]);
  });
});

describe('the dead in local news phrasings (issue 17, fourth pass)', () => {
  const full = (s: string) => findCasualties(s, 0).map((c) => [c.field, c.value.best]);
  it('reads "fatally shot" with an object as active, the shooter who then killed himself one more', () => {
    expect(full('A student who fatally shot three people before turning the gun on himself left a note.')).toEqual([['fatalities', 4]]);
    expect(full('He is accused of shooting five people to death before killing himself.')).toEqual([['fatalities', 6]]);
    expect(full('At least four are dead, including the gunman who took his own life.')).toEqual([['fatalities', 4]]);
  });
  it('reads a double homicide, a named killing and a deceased person as dead', () => {
    expect(full('Detectives are investigating a double homicide in the north end.')).toEqual([['fatalities', 2]]);
    expect(full('A man was charged in the killing of Jane Roe of Smallville.')).toEqual([['fatalities', 1]]);
    expect(full('Arriving deputies located a deceased male in the yard.')).toEqual([['fatalities', 1]]);
  });
  it('reads no casualty in a death of natural causes', () => {
    expect(full('Their grandmother died of natural causes last spring.')).toEqual([]);
    expect(full('His older sister died from cancer a day before the shooting.')).toEqual([]);
  });
});

describe('the hurt named apart from the dead (issue 17, fourth pass)', () => {
  const full = (s: string) => findCasualties(s, 0).map((c) => [c.field, c.value.best, !!c.struck]);
  it('reads one more hurt beside the dead and a suicide, a survivor, and the hurt named after the word', () => {
    expect(full('He left five dead and one wounded before killing himself.')).toEqual([['fatalities', 6, false], ['injured', 1, false]]);
    expect(full('One of the four victims survived the shooting and ran for help.')).toEqual([['injured', 1, false]]);
    expect(full('Injured in the gunfire were a 6-year-old boy and a 30-year-old woman, deputies said.')).toEqual([['injured', 2, false]]);
    expect(full('Her grandmother remains clinging to life.')).toEqual([['injured', 1, false]]);
  });
  it('reads a person "also" hit as hurt besides the dead, but not "he" again', () => {
    expect(full('A teen was killed and a woman was also struck by gunfire.')).toEqual([['fatalities', 1, false], ['injured', 1, false]]);
    expect(full('He was shot in the head and was also shot in the leg.')).toEqual([['injured', 1, true]]);
  });
});

describe('the hurt who lived, and the words said of them (issue 17, fifth pass)', () => {
  const full = (s: string) => findCasualties(s, 0).map((c) => [c.field, c.value.best, !!c.struck]);
  it('reads "treated for injuries", "treated and released" and "both remain hospitalized" as hurt', () => {
    expect(full('Both victims were taken to a hospital and treated for their injuries.')).toEqual([['injured', 2, false]]);
    expect(full('He was treated and released from the hospital.')).toEqual([['injured', 1, false]]);
    expect(full('Both remain hospitalized.')).toEqual([['injured', 2, false]]);
    expect(full('He is currently in the hospital being treated for his injuries.')).toEqual([['injured', 1, false]]);
  });
  it('reads one hit who lived as hurt, not among the hit the dead are taken from', () => {
    // (the second man tells of two hit: the first may be the dead)
    expect(full('A second man was hit in the leg and survived.')).toEqual([['injured', 1, false], ['injured', 2, true]]);
    expect(full('A 15-year-old boy shot in the face is expected to survive.')).toEqual([['injured', 1, false]]);
    // a death told in the sentence: the hit may hold the dead
    // ("one fatally" is the dead among the hit, read since the seventh pass)
    expect(full('Two people were shot, one fatally; the other is in stable condition.')).toEqual([['injured', 2, true], ['fatalities', 1, false]]);
  });
  it('reads the subject of a sentence of hurt however far before the words', () => {
    expect(full('Three men were taken to a local hospital with non-life-threatening injuries.')).toEqual([['injured', 3, false]]);
    expect(full('Police said the man was taken to a hospital in critical condition.')).toEqual([['injured', 1, true]]);
    expect(full('None suffered life-threatening injuries.')).toEqual([]);
  });
  it('reads one person told of before, wounded or in critical condition, among the hit (the dead may be them); someone new as hurt', () => {
    expect(full('The boy was wounded.')).toEqual([['injured', 1, true]]);
    expect(full('A woman was wounded.')).toEqual([['injured', 1, false]]);
    expect(full('The girl was listed in stable condition.')).toEqual([['injured', 1, false]]);
  });
  it('reads a graze, "survived by" as no hurt, an apposition, and a person noun that modifies another', () => {
    expect(full('A bullet grazed him.')).toEqual([['injured', 1, true]]);
    expect(full('She is survived by her husband.')).toEqual([]);
    expect(full('Her father, 32-year-old John Doe, was also shot.')).toEqual([['injured', 1, false]]);
    expect(full('Michael, a seventh grader, was shot.')).toEqual([['injured', 1, true]]);
    expect(full('Two adult females and one adult male were wounded.')).toEqual([['injured', 3, false]]);
  });
  it('reads one dead named by "resulting in her death", "found dead", "reported killed", and a force that lost its fighters', () => {
    expect(full('The clerk fired one shot which struck her husband in the neck, resulting in his death.')).toEqual([['injured', 1, true], ['fatalities', 1, false]]);
    expect(full('Three were found dead.')).toEqual([['fatalities', 3, false]]);
    expect(full('Four reported killed near the border.')).toEqual([['fatalities', 4, false]]);
    expect(full('The army lost 80 troops in the battle.')).toEqual([['fatalities', 80, false]]);
    expect(full('The team lost three games.')).toEqual([]);
    // a part of a count told before, the subject of its own word
    expect(full('Two of them died at the hospital.')).toEqual([['fatalities', 2, false]]);
  });
  it('reads "one of N people hurt" as the N, a length of time as no count, and the shooter hit with those named after "himself"', () => {
    expect(full('The student was one of six people wounded at the fair.')).toEqual([['injured', 6, false]]);
    expect(full('A cook was one of three people shot and wounded behind the diner.')).toEqual([['injured', 3, false]]);
    // a verb of the one, or a word not of hurt, is said of the one
    expect(full('One of the six victims was injured.')).toEqual([['injured', 1, false]]);
    expect(full('One of the six victims survived the shooting.')).toEqual([['injured', 1, false]]);
    expect(full('One of six men wounded at the fair has died.')).toEqual([['fatalities', 1, false]]);
    expect(full('The arrest came after the shooting four days earlier.')).toEqual([]);
    expect(full('She was shot three weeks ago.')).toEqual([['injured', 1, true]]);
    expect(full('A hunter accidentally shot himself and his two sons while cleaning a rifle.')).toEqual([['injured', 3, true]]);
    expect(full('A farmer accidentally shot and wounded himself and his 12-year-old niece.')).toEqual([['injured', 2, true]]);
  });
  it('reads the people taken to a hospital as hit (dead or alive, not in a sentence that tells of a death) and those a shooting sent there as hurt', () => {
    expect(full('Two men and a girl were rushed to Mercy General Hospital.')).toEqual([['injured', 3, true]]);
    expect(full('At least four people were taken to area hospitals.')).toEqual([['injured', 4, true]]);
    expect(full('The clerk was taken to a hospital where he later died.')).toEqual([['fatalities', 1, false]]);
    expect(full('Gunfire outside a bar sent three men to the hospital.')).toEqual([['injured', 3, false]]);
    expect(full('He was taken to jail after a night in the hospital.')).toEqual([]);
  });
  it('reads a bare "shot" before a count as active, "two (of them) fatally" as dead, and the hurt of a shooter who then killed himself', () => {
    expect(full('A teenager shot four classmates, killing one.')).toEqual([['injured', 4, true], ['fatalities', 1, false]]);
    expect(full('Six people were shot, three of them fatally.')).toEqual([['injured', 6, true], ['fatalities', 3, false]]);
    expect(full('A man was shot 4 times in the back.')).toEqual([['injured', 1, true]]);
    // the shooter is among the dead, not among those he shot: hurt = hit less the dead he shot
    expect(full('A woman shot five relatives on Sunday, killing three of them, before turning the gun on herself.')).toEqual([
      ['injured', 5, true],
      ['fatalities', 4, false],
      ['injured', 2, false],
    ]);
  });
  it('reads one person told of before after "said" among the hit (the dead may be them)', () => {
    expect(full('Deputies said the boy was injured by a rifle round.')).toEqual([['injured', 1, true]]);
    expect(full('Deputies said a man was injured.')).toEqual([['injured', 1, false]]);
  });
  it('reads no "and" as a word before the one person after a verb (that is a person of its own)', () => {
    expect(full('A clerk was killed and his cousin and 9-year-old son wounded in the robbery.')).toEqual([['fatalities', 1, false], ['injured', 2, false]]);
  });
  it('reads one person dead by "has died" and "who was shot was pronounced dead"', () => {
    expect(full('Officers say the girl has died at the hospital.')).toEqual([['fatalities', 1, false]]);
    expect(full('The 19-year-old man who was shot was pronounced dead at the scene.')).toEqual([['fatalities', 1, false]]);
    // a death that may not have happened is none
    expect(full('Police would not say if the man had died.')).toEqual([]);
  });
  it('reads the eighth pass phrasings of the hit and the hurt', () => {
    // "shot at" a time or a place's part is hit ("shot at by a gunman" is fired at)
    expect(full('Four people were shot at the end of an anti-violence event.')).toEqual([['injured', 4, true]]);
    expect(full('Police were shot at by a gunman.')).toEqual([]);
    // parts after a comma that add up to the count spell it out; "two adults, two children" are four
    expect(full('The two teens, one female and one male, were treated for serious injuries.')).toEqual([['injured', 2, false]]);
    expect(full('Two adults, two children were wounded.')).toEqual([['injured', 4, false]]);
    expect(full('The 16-year-old had gunshot wounds to his arm and leg.')).toEqual([['injured', 1, true]]);
    expect(full('Cops said the five shooting victims were members of a gang.')).toEqual([['injured', 5, true]]);
    expect(full('Someone fired shots and four people were hit.')).toEqual([['injured', 4, true]]);
    expect(full('He was hit by a car.')).toEqual([]);
    expect(full('A 39-year-old woman, 21-year-old man and a 15-year-old girl are recovering from their injuries.')).toEqual([['injured', 3, false]]);
    expect(full('Three people were injured, including a girl who succumbed to her injuries.')).toEqual([['injured', 3, true]]);
    expect(full('The gun discharged, injuring the toddler.')).toEqual([['injured', 1, true]]);
    expect(full('There is currently one wounded.')).toEqual([['injured', 1, false]]);
    expect(full('A 3-year-old and four adults were shot.')).toEqual([['injured', 5, true]]);
    expect(full('Three people are dead and two are in critical condition.')).toEqual([['fatalities', 3, false], ['injured', 2, false]]);
    expect(full('Two men were grazed.')).toEqual([['injured', 2, true]]);
    expect(full('Both victims survived.')).toEqual([['injured', 2, false]]);
    expect(full('Four men who were hit — one 29 years old, two others 37 — were taken to a local hospital.')).toEqual([['injured', 4, true]]);
    expect(full('She was taken to a hospital, where Chohan – who leaves behind a husband, a son and two daughters – died.')).toEqual([]);
    expect(full('He is survived by his wife and two sons.')).toEqual([]);
    // a running total is no incident's count
    expect(full('In all, 74 people were injured from January to November.')).toEqual([]);
    expect(full('Two people were injured a year ago.')).toEqual([['injured', 2, false]]);
  });
  it('reads the ninth pass: a clause with a subject of its own, objects, others after a clause, numbers that are no count', () => {
    // the group is not the subject of a clause that has its own
    expect(full('Three boys were shot on the porch, and one of them has died.')).toEqual([['injured', 3, true], ['fatalities', 1, false]]);
    expect(full('Officers located four shooting victims, and two of them died at the scene.')).toEqual([['injured', 4, true], ['fatalities', 2, false]]);
    // (the four are not the dead; who is, is read by the one-person forms)
    expect(full('Officers located four shooting victims, and Smith and Jones died at the scene.').some(([f, n]) => f === 'fatalities' && n === 4)).toBe(false);
    expect(full('The girl shot in the park Dec. 25 has died.').some(([f, n]) => f === 'fatalities' && n === 25)).toBe(false);
    expect(full('Two nurses drove the boy to the clinic, where he was pronounced dead.')).toEqual([['fatalities', 1, false]]);
    expect(full('Five people were shot, including the woman killed.')).toEqual([['injured', 5, true], ['fatalities', 1, false]]);
    // but "she" of one person is that person: the third victim is still the third
    expect(full('A third victim, a 30-year-old woman, was taken to a hospital, where she remained in critical condition.')).toEqual([['injured', 1, false], ['injured', 3, true]]);
    // a bare past form with an object after it is active: the group before it did it
    expect(full('The two brothers killed the cashier and wounded his son.')).toEqual([['fatalities', 1, false], ['injured', 1, false]]);
    expect(full('Two men shot and killed Anna.')).toEqual([]);
    expect(full('Three people killed the night before were named.')).toEqual([['fatalities', 3, false]]);
    // no group across a preposition or an article, in a name, or in a caption's counter
    expect(full('He stood about 40 feet from the women who were killed.')).toEqual([]);
    expect(full('Two relatives of a man who carried an AK-47 were found dead.').some(([, n]) => n === 47)).toBe(false);
    expect(full('Photo 7 of 7 Boy, 9, died after the shooting.').some(([, n]) => n === 7)).toBe(false);
    // others after the clause of a count add up; a man hit and three others hurt are four hit
    expect(full('Two victims were taken to the county medical center and two others were sent to a trauma center downtown.')).toEqual([['injured', 4, true]]);
    expect(full('A man was shot in the arm near the park and three others were wounded.')).toEqual([['injured', 4, true]]);
    // "one of the teens, a 15-year-old boy," is one; "Reyes, 26 was shot" is an age
    expect(full('One of the teens, a 15-year-old boy, was grazed in the leg by a bullet.')).toEqual([['injured', 1, true]]);
    expect(full('Maria Reyes, 26 was shot in the arm.')).toEqual([]);
    // gunshot wounds suffered, sustained or received are the hit (the dead among them)
    expect(full('Four people had sustained gunshot wounds inside the bar.')).toEqual([['injured', 4, true]]);
    expect(full('Two men received gunshot injuries.')).toEqual([['injured', 2, true]]);
    expect(full('Two people suffered minor injuries.')).toEqual([['injured', 2, false]]);
    // the living, in more words
    expect(full('The driver was treated at a nearby hospital.')).toEqual([['injured', 1, false]]);
    expect(full('The boy was released from a local hospital on Sunday.')).toEqual([['injured', 1, false]]);
    expect(full('A man was released from a secure mental hospital last year.')).toEqual([]);
    expect(full('Two other people were taken privately to a hospital.')).toEqual([['injured', 2, false]]);
    expect(full('Police say five people were shot and two are being treated at a local hospital.')).toEqual([['injured', 5, true], ['injured', 2, false]]);
    expect(full('He was shot at 2 p.m. and taken to a hospital in critical condition.')).toEqual([['injured', 1, true]]);
    // one person and what they were doing
    expect(full('The man driving the truck was struck by gunfire just after midnight.')).toEqual([['injured', 1, true]]);
    // a couple and parents are two
    expect(full('A couple and their three children were found dead.')).toEqual([['fatalities', 5, false]]);
    expect(full('A couple of hours later a man was killed.')).toEqual([['fatalities', 1, false]]);
    // a time after "shot" leaves no object further on
    expect(full('The boy died after being shot three days ago while riding with his parents.')).toEqual([['fatalities', 1, false]]);
  });
});
