/** Calendar dates as ISO strings (shared/domain/dates): validity, day arithmetic in UTC, quarters. */
import { describe, expect, it } from 'vitest';
import { addDays, dateOf, daysBetween, fromUtc, isIsoDate, quarterOf } from '../../shared/domain/dates';

describe('isIsoDate', () => {
  it.each(['2026-01-05', '2026-12-31', '2024-02-29', '2000-02-29', '1900-01-01', '2200-06-30'])('accepts %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });

  it.each([
    '2026-02-29', // not a leap year
    '1900-02-29', // a century that is not a leap year
    '2100-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '26-01-05',
    ' 2026-01-05',
    '2026-01-05 ',
    '2026-01-05T00:00:00Z',
    '2026/01/05',
    '２０２６-01-05',
    '',
  ])('refuses %j', (d) => {
    expect(isIsoDate(d)).toBe(false);
  });
});

describe('addDays and daysBetween', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2024-01-01', 365, '2024-12-31'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2026-03-28', 2, '2026-03-30'], // across a daylight-saving change in many zones
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-05-15', 0, '2026-05-15'],
    ['2026-05-15', -500, '2024-12-31'],
  ] as const)('%s plus %i days is %s', (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
    expect(daysBetween(from, to)).toBe(n);
    expect(daysBetween(to, from)).toBe(n === 0 ? 0 : -n);
  });

  it('counts whole days over years and leap years', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2000-01-01', '2100-01-01')).toBe(36_525);
  });

  it('refuses what is not an ISO date instead of guessing', () => {
    expect(() => addDays('2026/01/05', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(/not an ISO date/);
    expect(() => daysBetween('2026-01-05', 'tomorrow')).toThrow(RangeError);
  });
});

describe('quarterOf', () => {
  it.each([
    ['2026-01-01', 2026, 1, '2026-01-01', '2026-03-31'],
    ['2026-03-31', 2026, 1, '2026-01-01', '2026-03-31'],
    ['2024-02-29', 2024, 1, '2024-01-01', '2024-03-31'],
    ['2026-04-01', 2026, 2, '2026-04-01', '2026-06-30'],
    ['2026-06-30', 2026, 2, '2026-04-01', '2026-06-30'],
    ['2026-08-15', 2026, 3, '2026-07-01', '2026-09-30'],
    ['2026-10-01', 2026, 4, '2026-10-01', '2026-12-31'],
    ['2026-12-31', 2026, 4, '2026-10-01', '2026-12-31'],
  ] as const)('%s is in %i Q%i (%s .. %s)', (date, year, q, start, end) => {
    expect(quarterOf(date)).toEqual({ year, q, start, end });
  });

  it('the quarters of a year cover it without gaps', () => {
    let day = '2024-01-01';
    for (let q = 1; q <= 4; q++) {
      const quarter = quarterOf(day);
      expect(quarter.q).toBe(q);
      expect(quarter.start).toBe(day);
      day = addDays(quarter.end, 1);
    }
    expect(day).toBe('2025-01-01');
  });
});

describe('dateOf and fromUtc', () => {
  it('takes the calendar date of a timestamp as written, and of a Date in UTC', () => {
    expect(dateOf('2026-05-15T23:30:00.000Z')).toBe('2026-05-15');
    expect(dateOf('2026-05-15T07:30:00+08:00')).toBe('2026-05-15');
    expect(dateOf('2026-05-15')).toBe('2026-05-15');
    expect(dateOf(new Date(Date.UTC(2026, 4, 15, 23, 59, 59)))).toBe('2026-05-15');
    expect(dateOf('May 15, 2026 12:00 UTC')).toBe('2026-05-15');
    expect(fromUtc(Date.UTC(2026, 0, 5))).toBe('2026-01-05');
  });
});
