import { addDays } from '../dates.js';
import { weekdayOf } from './london-time.js';

/** One bank holiday: the day it is taken, and its gov.uk-style title. */
export interface BankHoliday {
  date: string;
  title: string;
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm),
 * valid for every Gregorian year, so Good Friday and Easter Monday need no lookup table.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return iso(year, Math.floor(n / 31), (n % 31) + 1);
}

function firstMonday(year: number, month: number): string {
  const first = iso(year, month, 1);
  return addDays(first, (8 - weekdayOf(first)) % 7);
}

function lastMonday(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return addDays(last, -((weekdayOf(last) + 6) % 7));
}

const isWeekend = (date: string): boolean => weekdayOf(date) === 0 || weekdayOf(date) === 6;

/**
 * Fixed-date holidays that fall at a weekend move to the next weekday not already a holiday.
 * Weekday ones are placed first, so Christmas on a Sunday gives Boxing Day on the Monday
 * and the Christmas substitute on the Tuesday, as the proclamations do.
 */
function withSubstitutes(fixed: BankHoliday[]): BankHoliday[] {
  const taken = new Set(fixed.filter((h) => !isWeekend(h.date)).map((h) => h.date));
  return fixed.map((h) => {
    if (!isWeekend(h.date)) return h;
    let date = addDays(h.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    return { date, title: `${h.title} (substitute day)` };
  });
}

/**
 * England and Wales bank holidays for one year from the standing rules (Banking and Financial
 * Dealings Act 1971 and the annual proclamations). One-off holidays (jubilees, coronations,
 * state funerals) and one-off moves (VE Day 2020) are not rules and must be added by hand.
 */
export function englandBankHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const holidays = [
    ...withSubstitutes([{ date: iso(year, 1, 1), title: "New Year's Day" }]),
    { date: addDays(easter, -2), title: 'Good Friday' },
    { date: addDays(easter, 1), title: 'Easter Monday' },
    { date: firstMonday(year, 5), title: 'Early May bank holiday' },
    { date: lastMonday(year, 5), title: 'Spring bank holiday' },
    { date: lastMonday(year, 8), title: 'Summer bank holiday' },
    ...withSubstitutes([
      { date: iso(year, 12, 25), title: 'Christmas Day' },
      { date: iso(year, 12, 26), title: 'Boxing Day' },
    ]),
  ];
  return holidays.sort((x, y) => x.date.localeCompare(y.date));
}
