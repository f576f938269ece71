import { describe, expect, it } from 'vitest';
import * as chrono from 'chrono-node';
import { dates, findDates, parseDates } from './dates.js';
import { splitSentences } from './sentences.js';
import type { Document, StageContext } from '../model/index.js';

const one = (s: string, pub: string | null) => findDates(s, 0, pub).map((d) => d.value);

describe('findDates', () => {
  it('puts a bare weekday in a past-tense sentence on or before publication', () => {
    const [d] = one('The helicopter was shot down Friday.', '2023-11-14'); // a Tuesday
    expect(d).toEqual({ start: '2023-11-10', end: '2023-11-10', precision: 'day' });
  });
  it('gives nothing relative without a publication date', () => {
    expect(one('It was shot down Monday.', null)).toEqual([]);
    expect(one('It happened a couple of weeks ago.', null)).toEqual([]);
  });
  it('keeps fully stated dates without a publication date', () => {
    expect(one('A bridge collapsed on 14 August 2018.', null)).toEqual([{ start: '2018-08-14', end: '2018-08-14', precision: 'day' }]);
  });
  it('reads relative weeks with week precision, never after publication', () => {
    const [d] = one('It crossed the border a couple of weeks ago.', '2023-11-14');
    expect(d.precision).toBe('week');
    expect(d.start <= '2023-10-31' && d.end >= '2023-10-31').toBe(true);
    expect(d.end <= '2023-11-14').toBe(true);
  });
  it('moves a month without a year into the past', () => {
    const [d] = one('Fighting broke out in March.', '2023-11-14');
    expect(d).toEqual({ start: '2023-03-01', end: '2023-03-31', precision: 'month' });
  });
  it('reads overnight as the night before publication', () => {
    const [d] = one('Drones struck the city overnight.', '2023-11-14');
    expect(d).toEqual({ start: '2023-11-13', end: '2023-11-14', precision: 'day' });
  });
  it('reads no day in a length of time, a birthday, a verb or a newspaper\'s name', () => {
    expect(one('The two had been friends for 10 years before the argument.', '2016-07-21')).toEqual([]);
    expect(one('He came home after four years in the army.', '2016-07-21')).toEqual([]);
    expect(one('The victim was born April 6, 2009, in a small town.', '2016-07-21')).toEqual([]);
    expect(one('SMITH, JOHN Date of Birth: 01/6/1992 Negligent Homicide', '2016-07-21')).toEqual([]);
    expect(one('Neighbours plan to march to city hall.', '2016-07-21')).toEqual([]);
    expect(one('The Chicago Sun-Times first reported the shooting.', '2016-07-21')).toEqual([]);
    expect(one('A man was shot Sat., police said.', '2016-07-21')).toEqual([{ start: '2016-07-16', end: '2016-07-16', precision: 'day' }]);
  });
  it('reads a weekend as its Saturday and Sunday', () => {
    expect(one('Two men were wounded in a weekend shooting near the park.', '2016-07-21')).toEqual([{ start: '2016-07-16', end: '2016-07-17', precision: 'day' }]);
    expect(one('A teen was killed in a shooting last weekend near the school.', '2016-07-21')).toEqual([{ start: '2016-07-16', end: '2016-07-17', precision: 'day' }]);
    // written on the Sunday: the weekend so far
    expect(one('Three people were shot this weekend in the city.', '2016-07-17')).toEqual([{ start: '2016-07-16', end: '2016-07-17', precision: 'day' }]);
  });
  it('keeps in the future a day that the writer says has not come', () => {
    expect(one("Police say they won't release the names until Thursday morning.", '2016-11-30')).toEqual([{ start: '2016-11-30', end: '2016-11-30', precision: 'day' }]);
  });
  it('dates the incident named between a later step and the date', () => {
    const later = (s: string, pub: string) => findDates(s, 0, pub).map((d) => [d.value.start, !!d.later]);
    expect(later('Police said the shooting was reported Tuesday afternoon near the school.', '2016-10-19')).toEqual([['2016-10-18', false]]);
    expect(later('He was held for court only after the shooting March 9 in the borough.', '2016-05-27')).toEqual([['2016-03-09', false]]);
    expect(later('A teen was charged with murder Thursday in the death of his friend.', '2016-05-27')).toEqual([['2016-05-26', true]]);
  });
  it('marks dates of later steps and page stamps, not of the incident', () => {
    const later = (s: string, pub: string) => findDates(s, 0, pub).map((d) => [d.value.start, !!d.later]);
    expect(later('The man was sentenced Friday for the fatal shooting on May 2.', '2015-06-13')).toEqual([['2015-06-12', true], ['2015-05-02', false]]);
    expect(later('He was charged in the Jan. 1 shooting death of his friend.', '2015-06-13')).toEqual([['2015-01-01', false]]);
    expect(later('November 28, 2016 02:23 PM', '2016-11-28')).toEqual([['2016-11-28', true]]);
    expect(later('She sat on the porch when the sun went down.', '2016-11-28')).toEqual([]);
    expect(later('The boy is still in hospital two months after the shooting.', '2016-11-28')).toEqual([]);
  });
  it('ignores a clock time alone and modal "may"', () => {
    expect(one('Three soldiers may have been killed at 10:00.', '2023-11-14')).toEqual([]);
  });
  it('reads "over the past week" as the span up to publication', () => {
    expect(one('Eleven civilians were killed over the past week, the ombudsman said.', '2021-09-10')).toEqual([{ start: '2021-09-04', end: '2021-09-10', precision: 'week' }]);
    expect(one('Four people died in the last 24 hours.', '2021-09-10')).toEqual([{ start: '2021-09-09', end: '2021-09-10', precision: 'day' }]);
    expect(one('Raids continued during the past two months.', '2021-09-10')).toEqual([{ start: '2021-07-13', end: '2021-09-10', precision: 'month' }]);
    expect(one('Four people died in the last 24 hours.', null)).toEqual([]);
  });

  it('finds what chrono finds when it skips parsers whose pattern fits nowhere in the sentence', () => {
    const ref = new Date(Date.UTC(2019, 3, 9, 12));
    const sentences = [
      'The convoy was hit three days ago near the river.',
      'Two weeks later the bridge reopened, and a couple of hours after that it rained.',
      'Police said on Saturday that the raid began at 4 a.m. on 2019-03-07.',
      'The fair opened on March 5th, 2019, and again on 5/3/2019 and in 04/2019.',
      'Within two days the town was retaken; last month it fell, by the end of the month it was quiet.',
      'Yesterday morning, and tonight at noon, the mayor spoke about the next week.',
      'Nothing here has a date at all, about which the reporter wrote without a pause.',
      // matches that touch (the next starts where the last ended, no boundary between), dates a parser refuses
      'On Monday,Tuesday and March 5March 6, 2019-03-072019-03-08, 31/02/2019 and 2019/13/45, then 3 days ago2 weeks ago.',
      'It began last weeknext month, yesterdaytoday, and in 5 minutes2 hours.',
      // what follows a match at once: a body opening there, after one non-word character, or neither
      'Friday,Saturday and Sunday; (Monday)(Tuesday) on Friday,on Saturday, March 5 March 6-March 7/2019.',
      '3 days ago,4 days ago 5 days ago.then tonight,tomorrow-this morning,this evening night.',
    ];
    const view = (rs: chrono.ParsedResult[]) => rs.map((r) => [r.index, r.text, r.start.date().toISOString(), r.end?.date().toISOString() ?? null]);
    for (const s of sentences) {
      const expected = view(chrono.parse(s, { instant: ref, timezone: 'UTC' }, { forwardDate: false }));
      expect(view(parseDates(s, ref)), s).toEqual(expected);
    }
    expect(view(parseDates(sentences[0], ref)).length).toBeGreaterThan(0);
  });
  it('skips sentences where only clock times or bare numbers can be read, not times with a date', () => {
    expect(one('The 300 troops left at 10:30 and 200 more by 11.', '2019-04-09')).toEqual([]);
    expect(one('The ferry left at 10 am on 5 March 2019.', '2019-04-09')).toEqual([{ start: '2019-03-05', end: '2019-03-05', precision: 'day' }]);
  });
});

describe('dates of a later step', () => {
  const later = (s: string) => findDates(s, 0, '2024-03-04').map((d) => [d.value.start, !!d.later]);
  it('marks the reporting, the arrest, the court and the update, not the incident', () => {
    expect(later('The man was shot on Saturday, police said Sunday.')).toEqual([['2024-03-02', false], ['2024-03-03', true]]);
    expect(later('The suspect appeared in court Monday.')).toEqual([['2024-03-04', true]]);
    expect(later('On Sunday the toll rose to 12.')).toEqual([['2024-03-03', true]]);
    expect(later('The toll rose to 12 on Sunday.')).toEqual([['2024-03-03', true]]);
  });
  it('reads "in 7 days" as the week ending at publication, and no date from "three hours later"', () => {
    expect(findDates('Troops killed 40 militants in 7 days of operations.', 0, '2024-03-10').map((d) => [d.value.start, d.value.end])).toEqual([['2024-03-04', '2024-03-10']]);
    expect(findDates('He was pronounced dead three hours later.', 0, '2024-03-10')).toEqual([]);
  });
});

describe('spans of days and the dates of an issue', () => {
  const span = (s: string, pub: string) => findDates(s, 0, pub).map((d) => [d.value.start, d.value.end, !!d.later, !!d.stamp]);
  it('reads a weekend as its Saturday and Sunday, and "Saturday and Sunday" as one span', () => {
    // 2024-03-04 is a Monday
    expect(span('Nine people were killed over the weekend in the port city.', '2024-03-04')).toEqual([['2024-03-02', '2024-03-03', false, false]]);
    expect(span('Police said Monday that two men were shot last weekend.', '2024-03-06')).toEqual([['2024-03-04', '2024-03-04', true, false], ['2024-03-02', '2024-03-03', false, false]]);
    expect(span('Gunmen killed six people between Saturday and Sunday.', '2024-03-04')).toEqual([['2024-03-02', '2024-03-03', false, false]]);
    // two days told apart stay apart
    expect(span('A man was shot Saturday and died of his wounds on Sunday.', '2024-03-04').length).toBe(2);
    // a weekend on the day of publication ends there
    expect(span('A violent weekend began with two killings.', '2024-03-02')).toEqual([['2024-03-02', '2024-03-02', false, false]]);
  });
  it('reads "in one day" and "in 24 hours" as the day up to publication', () => {
    expect(span('Twelve murdered in one day in the state capital.', '2024-03-04')).toEqual([['2024-03-03', '2024-03-04', false, false]]);
    expect(span('Eight killings in 24 hrs across the region.', '2024-03-04')).toEqual([['2024-03-03', '2024-03-04', false, false]]);
    expect(span('Reports of the last 8 days from the border towns.', '2024-03-10')).toEqual([['2024-03-02', '2024-03-10', false, false]]);
  });
  it('stamps the date of a bulletin, which is its day of publication', () => {
    expect(span('Border security update 4 March 2024.', '2024-03-04')).toEqual([['2024-03-04', '2024-03-04', true, true]]);
    expect(span('Security Memo: March 4, 2024.', '2024-03-04')).toEqual([['2024-03-04', '2024-03-04', true, true]]);
    expect(span('Regional news digest for March 4.', '2024-03-04')).toEqual([['2024-03-04', '2024-03-04', true, true]]);
    // a date later in a long sentence is the incident's, even after the word "news"
    expect(span('The news came late: gunmen had killed three farmers on March 2 near the river, officials told reporters at the scene.', '2024-03-04')[0]).toEqual(['2024-03-02', '2024-03-02', false, false]);
  });
  it('reads "the first … in 3 weeks" as the time since the last one, not a span', () => {
    expect(findDates('The army reports its first casualties in 3 weeks.', 0, '2016-01-31')).toEqual([]);
    expect(findDates('Twelve soldiers were killed in 3 weeks of fighting.', 0, '2016-01-31').map((d) => [d.value.start, d.value.end])).toEqual([['2016-01-11', '2016-01-31']]);
  });
  it('no day from "weekdays"', () => {
    expect(findDates('The market is open on weekdays.', 0, '2024-03-04')).toEqual([]);
  });
});

describe('dates stage', () => {
  // the stage skips the span patterns in a document without the word each needs: it must find
  // what findDates finds sentence by sentence
  const stageDates = (text: string, published: string) => {
    const document = { id: 'd', source: 't', url: null, title: null, published, lang: 'en', text } as unknown as Document;
    const annotations = splitSentences(text);
    return dates.run({ document, annotations }, {} as StageContext).annotations;
  };
  const bySentence = (text: string, published: string) => splitSentences(text).flatMap((s) => findDates(text.slice(s.start, s.end), s.start, published));
  it.each([
    'Four shops burned in 24 hours. Nobody was hurt.',
    'Police made arrests in one day of raids. Two more in a single day after that.',
    'Clashes went on over the past week. The town was quiet.',
    'Shelling went on OVERNIGHT in the east. Last night was calm, officials said on Monday.',
    'Three were killed in 10 days of fighting; in 2 weeks the toll doubled.',
    'A quiet report with no span at all, on Friday.',
  ])('finds what findDates finds per sentence: %s', (text) => {
    expect(stageDates(text, '2023-11-14')).toEqual(bySentence(text, '2023-11-14'));
  });
});
