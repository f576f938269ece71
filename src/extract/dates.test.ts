import { describe, expect, it } from 'vitest';
import { findDates } from './dates.js';

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
  it('ignores a clock time alone and modal "may"', () => {
    expect(one('Three soldiers may have been killed at 10:00.', '2023-11-14')).toEqual([]);
  });
  it('reads "over the past week" as the span up to publication', () => {
    expect(one('Eleven civilians were killed over the past week, the ombudsman said.', '2021-09-10')).toEqual([{ start: '2021-09-04', end: '2021-09-10', precision: 'week' }]);
    expect(one('Four people died in the last 24 hours.', '2021-09-10')).toEqual([{ start: '2021-09-09', end: '2021-09-10', precision: 'day' }]);
    expect(one('Raids continued during the past two months.', '2021-09-10')).toEqual([{ start: '2021-07-13', end: '2021-09-10', precision: 'month' }]);
    expect(one('Four people died in the last 24 hours.', null)).toEqual([]);
  });
});
