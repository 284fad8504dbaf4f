import { describe, expect, it } from 'vitest';
import { choice } from '../../src/dialogs/choice-match.js';
import { dateWithin, parseDate, yesNo } from '../../src/dialogs/parse.js';

const TODAY = '2026-11-20';

describe('dates as staff type them', () => {
  it.each([
    ['today', '2026-11-20'],
    ['tomorrow', '2026-11-21'],
    ['in 3 weeks', '2026-12-11'],
    ['2027-03-14', '2027-03-14'],
    ['14/3/2027', '2027-03-14'],
    ['14/03/27', '2027-03-14'],
    ['29/02/2028', '2028-02-29'],
  ])('%s → %s', (raw, iso) => {
    expect(parseDate(raw, TODAY)).toEqual({ ok: true, date: iso });
  });

  it.each(['31/02/2027', '29/02/2027', '2027-13-01', '00/01/2027'])('%s is refused as not a real date', (raw) => {
    expect(parseDate(raw, TODAY)).toEqual({ ok: false, message: `${raw} is not a real date. Please check the day and month.` });
  });

  // Issue 11, tester: the bot's own way of showing a date could not be typed back, nor common UK forms.
  it.each([
    ['Mon 2 Nov 2026', '2026-11-02'],
    ['Mon, 2 Nov 2026', '2026-11-02'],
    ['Thursday 3 December 2026', '2026-12-03'],
    ['2/11/26', '2026-11-02'],
    ['2 Nov', '2026-11-02'],
    ['2nd November', '2026-11-02'],
    ['2/11', '2026-11-02'],
    ['next Monday', '2026-11-23'],
    ['from Monday', '2026-11-23'],
    ['on 2 Nov.', '2026-11-02'],
  ])('%s (as the bot shows dates, or as staff in England write them) → %s', (raw, iso) => {
    expect(parseDate(raw, TODAY)).toEqual({ ok: true, date: iso });
  });

  it('refuses impossible dates kindly, whether typed in numbers or words, and says which way round numbers go', () => {
    expect(parseDate('30 Feb 2026', TODAY)).toEqual({ ok: false, message: '30 Feb 2026 is not a real date. Please check the day and month.' });
    expect(parseDate('31 June', TODAY)).toEqual({ ok: false, message: '31 June is not a real date. Please check the day and month.' });
    expect(parseDate('12/25/2026', TODAY)).toEqual({ ok: false, message: '12/25/2026 is not a real date: dates here are day first, so type 25/12/2026 for Fri 25 Dec 2026.' });
    expect(parseDate('Tue 2 Nov 2026', TODAY)).toEqual({ ok: false, message: '2 Nov 2026 is a Monday, not a Tuesday. Please check the date and type it again.' });
  });

  it('reads a date without its year as the nearest one, or the one a year away when only that fits the question', () => {
    expect(dateWithin('12 Dec', '2027-01-10', { pastDays: 120, futureDays: 0, what: 'review date' })).toEqual({ ok: true, value: '2026-12-12' });
    expect(dateWithin('3 Jan', '2026-12-20', { pastDays: 0, futureDays: 182, what: 'review date' })).toEqual({ ok: true, value: '2027-01-03' });
    expect(dateWithin('3 Jan 2026', '2026-12-20', { pastDays: 0, futureDays: 182, what: 'review date' })).toEqual({ ok: false, message: 'The review date must be today or later.' });
  });

  it('a date outside its window says the furthest day that would do', () => {
    expect(dateWithin('in 20 weeks', TODAY, { pastDays: 365, futureDays: 60, what: 'start date' })).toEqual({ ok: false, message: 'The start date must be within 9 weeks of today: by Tue 19 Jan 2027.' });
    expect(dateWithin('1/1/2025', TODAY, { pastDays: 273, futureDays: 60, what: 'start date' })).toEqual({ ok: false, message: 'The start date can be up to 39 weeks ago; please check it. The earliest it can be is Fri 20 Feb 2026.' });
  });

  it('explains the accepted formats for gibberish', () => {
    const p = parseDate('next tuesday-ish', TODAY);
    expect(p.ok).toBe(false);
    expect(!p.ok && p.message).toContain('14/03/2027');
  });

  it('keeps a review date in the future and a review record in the past', () => {
    expect(dateWithin('yesterday', TODAY, { pastDays: 0, futureDays: 182, what: 'review date' })).toEqual({ ok: false, message: 'The review date must be today or later.' });
    expect(dateWithin('tomorrow', TODAY, { pastDays: 120, futureDays: 0, what: 'review date' })).toEqual({ ok: false, message: 'The review date can’t be in the future.' });
  });
});

describe('choices and yes/no', () => {
  const choices = [
    { value: 'none', label: 'No plan yet' },
    { value: 'in-place', label: 'A plan is in place' },
  ];
  it('accepts a number, a value, or the start of a label', () => {
    expect(choice(choices, '2')).toEqual({ ok: true, value: 'in-place' });
    expect(choice(choices, 'none')).toEqual({ ok: true, value: 'none' });
    expect(choice(choices, 'a plan')).toEqual({ ok: true, value: 'in-place' });
    expect(choice(choices, '7')).toEqual({ ok: false, message: '“7” isn’t one of the choices. Type its number or its words: No plan yet; A plan is in place.' });
  });
  it('reads yes and no loosely but nothing else', () => {
    expect(yesNo('Yep')).toEqual({ ok: true, value: true });
    expect(yesNo('N')).toEqual({ ok: true, value: false });
    expect(yesNo('maybe').ok).toBe(false);
  });
});
