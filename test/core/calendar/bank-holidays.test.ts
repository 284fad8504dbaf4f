import { describe, expect, it } from 'vitest';
import { isRealDate } from '../../../src/core/dates.js';
import { easterSunday, englandBankHolidays } from '../../../src/core/calendar/bank-holiday-rules.js';
import shipped from '../../../src/core/calendar/england-bank-holidays.json' with { type: 'json' };
import { weekdayOf } from '../../../src/core/calendar/london-time.js';

const datesOf = (year: number): string[] => englandBankHolidays(year).map((h) => h.date);

describe('Easter', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('Easter Sunday %i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});

describe('England and Wales bank holidays from the standing rules', () => {
  it('2026', () => {
    expect(datesOf(2026)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
  });

  it('2027: Christmas and Boxing Day at a weekend move to Monday and Tuesday', () => {
    expect(datesOf(2027)).toEqual(['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']);
  });

  it('2028: New Year on a Saturday moves to Monday', () => {
    expect(datesOf(2028)).toEqual(['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26']);
  });

  it('2032: Christmas on a Saturday and Boxing Day on a Sunday are taken on Mon 27 and Tue 28 Dec', () => {
    expect(englandBankHolidays(2032).slice(-2)).toEqual([
      { date: '2032-12-27', title: 'Christmas Day (substitute day)' },
      { date: '2032-12-28', title: 'Boxing Day (substitute day)' },
    ]);
  });

  it('Christmas on a Sunday: Boxing Day stays Monday and Christmas is substituted on Tuesday (2022)', () => {
    expect(englandBankHolidays(2022).slice(-2)).toEqual([
      { date: '2022-12-26', title: 'Boxing Day' },
      { date: '2022-12-27', title: 'Christmas Day (substitute day)' },
    ]);
  });
});

describe('the shipped england-bank-holidays.json', () => {
  it('says where it comes from and that one-off holidays are added by hand', () => {
    expect(shipped.source).toBe('https://www.gov.uk/bank-holidays');
    expect(shipped.division).toBe('england-and-wales');
    expect(shipped.note).toMatch(/one-off/i);
  });

  it('holds every rule-generated holiday for 2025 to 2040 (hand-added one-offs are allowed)', () => {
    const inFile = new Map(shipped.dates.map((h) => [h.date, h.title]));
    for (let year = 2025; year <= 2040; year++) for (const h of englandBankHolidays(year)) expect(inFile.get(h.date)).toBe(h.title);
  });

  it('lists real weekdays, once each, in order', () => {
    const dates = shipped.dates.map((h) => h.date);
    for (const date of dates) {
      expect(isRealDate(date)).toBe(true);
      expect([0, 6]).not.toContain(weekdayOf(date));
    }
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });
});
