import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCalendarSettings } from '../../../src/core/calendar/calendar-settings.js';
import { isOverdue, SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';

const EXAMPLE = fileURLToPath(new URL('../../../src/core/calendar/example-term-dates.json', import.meta.url));

const noTerms = new SchoolCalendar();
let example: SchoolCalendar;
beforeAll(async () => {
  example = new SchoolCalendar(await loadCalendarSettings(EXAMPLE));
});

const iso = (d: Date): string => d.toISOString();

describe('school days', () => {
  it('knows whether terms are configured', () => {
    expect(noTerms.hasTerms).toBe(false);
    expect(example.hasTerms).toBe(true);
  });

  it('says why a day is not a school day', () => {
    expect(noTerms.whyNotSchoolDay('2026-10-24')).toBe('weekend');
    expect(noTerms.whyNotSchoolDay('2026-12-25')).toBe('bank holiday: Christmas Day');
    expect(example.whyNotSchoolDay('2026-12-25')).toBe('bank holiday: Christmas Day');
    expect(example.whyNotSchoolDay('2026-12-22')).toBe('school holiday');
    expect(example.whyNotSchoolDay('2026-10-27')).toBe('closure');
    expect(example.whyNotSchoolDay('2026-10-22')).toBeUndefined();
    expect(noTerms.whyNotSchoolDay('2026-12-22')).toBeUndefined();
  });

  it.each([
    ['2026', '2026-12-26', '2026-12-28', 'Boxing Day (substitute day)'],
    ['2027', '2027-12-25', '2027-12-27', 'Christmas Day (substitute day)'],
    ['2027', '2027-12-26', '2027-12-28', 'Boxing Day (substitute day)'],
    ['2032', '2032-12-25', '2032-12-27', 'Christmas Day (substitute day)'],
    ['2032', '2032-12-26', '2032-12-28', 'Boxing Day (substitute day)'],
  ])('%s: a Christmas holiday at the weekend (%s) is a weekend, and its substitute %s is the bank holiday', (_year, weekend, substitute, title) => {
    expect(noTerms.whyNotSchoolDay(weekend)).toBe('weekend');
    expect(noTerms.whyNotSchoolDay(substitute)).toBe(`bank holiday: ${title}`);
  });

  it('moves a weekend to the Monday', () => {
    expect(noTerms.nextSchoolDay('2026-06-13')).toBe('2026-06-15');
    expect(noTerms.nextSchoolDay('2026-06-14')).toBe('2026-06-15');
    expect(noTerms.nextSchoolDay('2026-06-15')).toBe('2026-06-15');
  });

  it('moves Good Friday 2027 past Easter Monday to the Tuesday, or to the summer term with terms', () => {
    expect(noTerms.nextSchoolDay('2027-03-26')).toBe('2027-03-30');
    expect(example.nextSchoolDay('2027-03-26')).toBe('2027-04-12');
  });

  it('moves Christmas 2026 past the substitute Boxing Day, or to the spring term with terms', () => {
    expect(noTerms.nextSchoolDay('2026-12-25')).toBe('2026-12-29');
    expect(example.nextSchoolDay('2026-12-25')).toBe('2027-01-05');
  });

  it('skips half term given as a closure', () => {
    expect(example.nextSchoolDay('2026-10-24')).toBe('2026-11-02');
  });

  it('adds and counts school days', () => {
    expect(noTerms.addSchoolDays('2026-12-23', 1)).toBe('2026-12-24');
    expect(noTerms.addSchoolDays('2026-12-23', 2)).toBe('2026-12-29');
    expect(noTerms.addSchoolDays('2026-12-29', -2)).toBe('2026-12-23');
    expect(noTerms.addSchoolDays('2026-12-26', 0)).toBe('2026-12-29');
    expect(example.addSchoolDays('2026-10-23', 1)).toBe('2026-11-02');
    expect(noTerms.schoolDaysBetween('2026-12-23', '2026-12-29')).toBe(2);
    expect(noTerms.schoolDaysBetween('2026-12-29', '2026-12-23')).toBe(-2);
    expect(example.schoolDaysBetween('2026-10-23', '2026-11-02')).toBe(1);
    // 3 days in the first week, 15 full weeks, less a 5-day half term.
    expect(example.schoolDaysBetween('2026-09-01', '2026-12-18')).toBe(73);
  });

  it('applies extra bank holidays, or replaces the shipped list', () => {
    const extra = new SchoolCalendar({ terms: [], bankHolidays: { dates: [{ date: '2026-11-10', title: 'Royal wedding' }, '2026-11-11'] } });
    expect(extra.whyNotSchoolDay('2026-11-10')).toBe('bank holiday: Royal wedding');
    expect(extra.whyNotSchoolDay('2026-11-11')).toBe('bank holiday');
    expect(extra.isSchoolDay('2026-12-25')).toBe(false);
    const replaced = new SchoolCalendar({ terms: [], bankHolidays: { replace: true, dates: ['2026-11-11'] } });
    expect(replaced.isSchoolDay('2026-12-25')).toBe(true);
    expect(replaced.isSchoolDay('2026-11-11')).toBe(false);
  });

  it('says so when the term dates run out instead of searching for ever', () => {
    expect(() => example.nextSchoolDay('2027-07-22')).toThrow(/No school day within 400 days after 2027-07-22: .*term dates/);
  });

  it('refuses invalid settings and dates', () => {
    expect(() => new SchoolCalendar({ terms: [{ start: '2026-09-02', end: '2026-09-01' }] })).toThrow('terms.0.end');
    expect(() => noTerms.isSchoolDay('2027-02-30')).toThrow(RangeError);
  });
});

describe('offDay: what a due date that is not a school day means', () => {
  it('nothing for a school day', () => {
    expect(example.offDay('2026-11-23')).toBeUndefined();
  });

  it('the weekend, a bank holiday by name, or the holidays that cover it, with the first school day after', () => {
    expect(noTerms.offDay('2026-11-28')).toEqual({ why: 'weekend', firstSchoolDay: '2026-11-30' });
    expect(noTerms.offDay('2026-12-25')).toEqual({ why: 'bank holiday: Christmas Day', firstSchoolDay: '2026-12-29' });
    // Christmas Day falls in the Christmas holidays, and those are what the school is waiting for.
    expect(example.offDay('2026-12-25')).toEqual({ why: 'school holiday', firstSchoolDay: '2027-01-05' });
    // A Saturday before half term waits for the end of the closure.
    expect(example.offDay('2026-10-24')).toEqual({ why: 'closure', firstSchoolDay: '2026-11-02' });
  });

  it('leaves out the first school day when the term dates run out, rather than throwing', () => {
    expect(example.offDay('2027-07-24')).toEqual({ why: 'school holiday' });
  });
});

describe('dueDay: when something due on a date can first be held', () => {
  it('the date itself on a school day; else the first school day after, with why', () => {
    expect(example.dueDay('2026-11-23')).toEqual({ firstDay: '2026-11-23' });
    expect(example.dueDay('2026-12-25')).toEqual({ firstDay: '2027-01-05', offDay: { why: 'school holiday', firstSchoolDay: '2027-01-05' } });
    expect(example.dueDay('2027-07-24')).toEqual({ firstDay: '2027-07-24', offDay: { why: 'school holiday' } });
  });

  it('is overdue only once that first school day has passed', () => {
    const christmas = example.dueDay('2026-12-25');
    expect(isOverdue(christmas, '2027-01-05')).toBe(false);
    expect(isOverdue(christmas, '2027-01-06')).toBe(true);
  });

  it('works each date out once: the same frozen answer comes back', () => {
    const calendar = new SchoolCalendar();
    const first = calendar.offDay('2026-12-25');
    expect(calendar.offDay('2026-12-25')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});

describe('firstSchoolDayOfWeek', () => {
  it('the Monday; the Tuesday after a bank holiday Monday; the first day back; none in the holidays', () => {
    expect(noTerms.firstSchoolDayOfWeek('2026-11-26')).toBe('2026-11-23');
    expect(noTerms.firstSchoolDayOfWeek('2026-11-29')).toBe('2026-11-23'); // a Sunday is in the week before
    expect(noTerms.firstSchoolDayOfWeek('2026-08-31')).toBe('2026-09-01');
    expect(example.firstSchoolDayOfWeek('2026-09-04')).toBe('2026-09-02');
    expect(example.firstSchoolDayOfWeek('2027-01-04')).toBe('2027-01-05');
    expect(example.firstSchoolDayOfWeek('2026-12-23')).toBeUndefined();
  });
});

describe('sendTimeFor', () => {
  it('sends at 08:00 London on the next school day, in GMT and BST', () => {
    expect(iso(noTerms.sendTimeFor('2027-03-26'))).toBe('2027-03-30T07:00:00.000Z');
    expect(iso(noTerms.sendTimeFor('2026-12-25'))).toBe('2026-12-29T08:00:00.000Z');
    expect(iso(example.sendTimeFor('2026-12-25'))).toBe('2027-01-05T08:00:00.000Z');
  });

  it('uses the configured morning hour', () => {
    expect(iso(new SchoolCalendar({ terms: [], morningHour: 9 }).sendTimeFor('2026-07-01'))).toBe('2026-07-01T08:00:00.000Z');
  });
});

describe('nextAllowedSend', () => {
  it('on a Saturday waits for Monday 08:00, or the Monday after half term', () => {
    const saturday = new Date('2026-10-24T10:00:00Z');
    expect(iso(noTerms.nextAllowedSend(saturday))).toBe('2026-10-26T08:00:00.000Z');
    expect(iso(example.nextAllowedSend(saturday))).toBe('2026-11-02T08:00:00.000Z');
  });

  it('in quiet hours on a Tuesday evening waits for Wednesday 08:00', () => {
    expect(iso(noTerms.nextAllowedSend(new Date('2026-11-03T19:30:00Z')))).toBe('2026-11-04T08:00:00.000Z');
    // 19:30 BST is 18:30Z; 08:00 BST is 07:00Z.
    expect(iso(noTerms.nextAllowedSend(new Date('2026-06-09T18:30:00Z')))).toBe('2026-06-10T07:00:00.000Z');
  });

  it('on a Friday at 19:00 waits for Monday, or Tuesday after a bank holiday Monday', () => {
    expect(iso(noTerms.nextAllowedSend(new Date('2026-06-12T18:00:00Z')))).toBe('2026-06-15T07:00:00.000Z');
    expect(iso(noTerms.nextAllowedSend(new Date('2026-05-22T18:00:00Z')))).toBe('2026-05-26T07:00:00.000Z');
  });

  it('sends now during the school day', () => {
    const now = new Date('2026-11-03T10:15:00Z');
    expect(iso(noTerms.nextAllowedSend(now))).toBe(iso(now));
    expect(noTerms.nextAllowedSend(now)).not.toBe(now);
  });

  it('early on a school day waits for the morning hour that day', () => {
    expect(iso(noTerms.nextAllowedSend(new Date('2026-11-03T06:00:00Z')))).toBe('2026-11-03T08:00:00.000Z');
    expect(iso(noTerms.nextAllowedSend(new Date('2026-11-03T07:45:00Z')))).toBe('2026-11-03T08:00:00.000Z');
  });

  it('just before midnight on a Sunday waits for Monday morning', () => {
    expect(iso(noTerms.nextAllowedSend(new Date('2026-11-01T23:59:00Z')))).toBe('2026-11-02T08:00:00.000Z');
  });

  it('waits for the end of a daytime quiet window', () => {
    const lunch = new SchoolCalendar({ terms: [], quietHours: { start: '12:00', end: '13:00' } });
    expect(iso(lunch.nextAllowedSend(new Date('2026-11-03T12:30:00Z')))).toBe('2026-11-03T13:00:00.000Z');
    expect(iso(lunch.nextAllowedSend(new Date('2026-11-03T19:30:00Z')))).toBe(iso(new Date('2026-11-03T19:30:00Z')));
  });

  it('in the holidays waits for the first day of term', () => {
    expect(iso(example.nextAllowedSend(new Date('2026-12-21T09:00:00Z')))).toBe('2027-01-05T08:00:00.000Z');
  });
});

describe('termOf and termDatesCover: which term a day is in, and whether the term dates say', () => {
  it('names the term a day falls in, half term included, and none in the holidays', () => {
    expect(example.termOf('2026-11-23')).toEqual({ name: 'Autumn 2026', start: '2026-09-02', end: '2026-12-18' });
    expect(example.termOf('2026-10-27')?.name).toBe('Autumn 2026');
    expect(example.termOf('2026-12-22')).toBeUndefined();
    expect(noTerms.termOf('2026-11-23')).toBeUndefined();
  });

  it('covers the days from the first term’s start to the last term’s end, and nothing without terms', () => {
    expect(example.termDatesCover('2026-12-22')).toBe(true);
    expect(example.termDatesCover('2026-09-01')).toBe(false);
    expect(example.termDatesCover('2027-07-22')).toBe(false);
    expect(noTerms.termDatesCover('2026-11-23')).toBe(false);
  });
});
