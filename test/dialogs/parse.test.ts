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
