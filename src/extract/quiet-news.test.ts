// News whose words are those of violence but which tells of no ACLED event (quiet-news.ts). Texts written for these tests.
import { describe, expect, it } from 'vitest';
import { textDocument } from '../ingest/document.js';
import { createPipeline, extract, loadResources } from '../pipeline.js';
import { longAgo, opening, quietKinds, quietNews } from './quiet-news.js';
import { findTriggers } from './triggers.js';

const quiet = (text: string, title: string | null = null, dead = false) => quietNews(title, text, 1200, title ? findTriggers(title) : [], findTriggers(text), dead);

describe('quietNews', () => {
  it('reads a death with a cause and no doer as no event', () => {
    expect(quiet('A hiker from Oslo died after slipping on ice and falling to his death from a ridge in the Alps on Sunday, rescuers said.', null, true)).toBe('fall');
    expect(quiet('Two brothers were caught by an avalanche while climbing the north face; one of them is presumed dead.', null, true)).toBe('fall');
    expect(quiet('The retired senator died of pneumonia at his home on Tuesday, his family said. He was 88.', null, true)).toBe('natural_death');
    expect(quiet('A magnitude 6.1 earthquake shook the coast overnight, leaving at least 40 people dead.', null, true)).toBe('disaster');
    expect(quiet('Three people died when a bus crash sent the vehicle into a river near the border.', null, true)).toBe('accident');
    expect(quiet('Nine passengers died and twenty were hurt when a minibus collided with a lorry on the coast road at night.', null, true)).toBe('accident');
    expect(quiet('A swimmer was killed in a shark attack off a beach on the island on Saturday.', null, true)).toBe('accident');
    expect(quiet('Five people died when a ferry capsized in high winds on the lake.', null, true)).toBe('accident');
    expect(quiet('A cyclist was killed when he was struck by a truck whose driver did not stop, police said of the hit-and-run.', null, true)).toBe('accident');
  });
  it('reads a property crime with no one hurt as no event, not one with a victim', () => {
    expect(quiet('Thieves drove a van through the front of a watch shop before dawn and escaped with goods worth millions; nobody was injured.')).toBe('property_crime');
    expect(quiet('Armed robbers took cash and jewels from a bank branch on Friday and fled in a waiting car.')).toBe('property_crime');
    expect(quiet('Robbers shot a cashier during a hold-up at a petrol station on Friday.')).toBeNull();
    expect(quiet('A robbery at a corner shop ended with the owner killed, police said.', null, true)).toBeNull();
    expect(quiet('Robbers handcuffed two guards and took their weapons before fleeing the depot.')).toBeNull();
    expect(quiet('A crowd of youths ransacked a shop and stole phones after the match.')).toBeNull();
  });
  it('reads sport and software words of attack as no violence', () => {
    expect(quiet('A rocket carrying two weather satellites lifted off from the coast on Tuesday and reached orbit ten minutes later, the space agency said.')).toBe('spaceflight');
    expect(quiet('The club placed its starting quarterback on injured reserve on Monday, ending his season after a knee injury in the league game.')).toBe('sport');
    expect(quiet('The undefeated heavyweight kept his title with a knockout in the ninth round of the bout.')).toBe('sport');
    expect(quiet('The forward set a scoring record with his offensive play as the basketball team won by twenty points.')).toBe('sport');
    expect(quiet('The company issued a software patch for a browser flaw that attackers could exploit to take over users\u2019 computers; attacks have been reported.')).toBe('software');
  });
  it('leaves violence to the model whatever the kind of news', () => {
    expect(quiet('Rockets were fired at the space centre from across the border overnight, damaging a launch pad where a satellite was being readied.')).toBeNull();
    expect(quiet('Soldiers were killed when their truck overturned after an ambush on the road north of the town.', null, true)).toBeNull();
    expect(quiet('A gunman opened fire outside the stadium after the football match, wounding two fans of the league champions.')).toBeNull();
    expect(quiet('A climber was shot dead by bandits on the mountain road near the pass.', null, true)).toBeNull();
    expect(quiet('The church burned overnight; investigators said the fire was set on purpose and the flood of calls began at dawn.')).toBeNull();
    expect(quiet('Militants attacked a police post near the border on Sunday, killing three officers.', null, true)).toBeNull();
  });
  it('needs two words for sport, software or show business, one for the others', () => {
    expect(quietKinds('The season began.')).toEqual([]);
    expect(quietKinds('The season began with a league match.')).toEqual(['sport']);
    expect(quietKinds('Her brother drowned in the lake.')).toEqual(['accident']);
  });
  it('does not call a fight for one\u2019s life a battle', () => {
    expect(quiet('A climber told of his battle to stay alive for two nights on the mountain after a fall.')).toBe('fall');
  });
});

describe('longAgo', () => {
  it('reads a killing of decades ago in the opening', () => {
    expect(longAgo(null, 'Police arrested a retired teacher on Friday in the 1971 killing of a shop owner. More follows.')).toBe(true);
    expect(longAgo(null, 'A man was charged with a murder committed 35 years ago, prosecutors said. He denies it.')).toBe(true);
  });
  it('does not read a recent one, or an address, as long ago', () => {
    expect(longAgo(null, 'A teenager was charged in last year\u2019s shooting of a bus driver, police said on Monday.')).toBe(false);
    expect(longAgo(null, 'Two men were shot in the 1900 block of Main Street on Thursday night, police said.')).toBe(false);
  });
  it('reads the opening only: title and the first sentence of prose', () => {
    expect(opening('A title', 'May 3, 2011\nThe first sentence has more than eight words in it. The second one.')).toBe('A title\nMay 3, 2011\nThe first sentence has more than eight words in it.');
  });
});

describe('extract', () => {
  const pipeline = createPipeline(loadResources());
  const run = (text: string) => extract(textDocument(text, { source: 'test', title: null, published: '2020-03-07' }), pipeline).reports;
  const doc = (text: string) => textDocument(text, { source: 'test', title: null, published: '2020-03-07' });
  it('gives no event for a road accident or an avalanche the model reads as an incident, and says why (extract --explain)', () => {
    const bus = extract(doc('Two people were killed and five injured when a bus collided with a truck on the highway near the town on Sunday, police said.'), pipeline);
    expect([bus.typing.incident > 0.6, bus.reports.length, bus.quiet]).toEqual([true, 0, 'accident']);
    const snow = extract(doc('A hiker was found dead after an avalanche buried a group of climbers on the mountain; two others were injured.'), pipeline);
    expect([snow.typing.incident > 0.6, snow.reports.length, snow.quiet]).toEqual([true, 0, 'fall']);
  });
  it('keeps the arrest, not the killing, of a case decades old', () => {
    const x = extract(doc('Detectives arrested a 66-year-old man on Tuesday over the 1969 murder of a bank guard, who was shot dead during a hold-up; he will appear in court on Friday.'), pipeline);
    expect([x.reports.map((r) => `${r.category}/${r.type}`), x.quiet]).toEqual([['strategic_developments/arrests'], 'long_ago']);
  });
  it('still reads a shooting as an incident', () => {
    expect(run('Two men were shot and wounded outside a bar on Saturday night, police said; a suspect fled on foot.').length).toBeGreaterThan(0);
  });
});
