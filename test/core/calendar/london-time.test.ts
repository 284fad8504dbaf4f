import { describe, expect, it } from 'vitest';
import { londonInstant, londonParts } from '../../../src/core/calendar/london-time.js';

describe('londonInstant', () => {
  it.each([
    ['2026-03-27', '2026-03-27T08:00:00.000Z', 'GMT, the Friday before the clocks go forward'],
    ['2026-03-29', '2026-03-29T07:00:00.000Z', 'BST, the Sunday they go forward'],
    ['2026-03-30', '2026-03-30T07:00:00.000Z', 'BST, the Monday after'],
    ['2026-10-23', '2026-10-23T07:00:00.000Z', 'BST, the Friday before the clocks go back'],
    ['2026-10-25', '2026-10-25T08:00:00.000Z', 'GMT, the Sunday they go back'],
    ['2026-10-26', '2026-10-26T08:00:00.000Z', 'GMT, the Monday after'],
  ])('08:00 in London on %s is %s (%s)', (date, utc) => {
    expect(londonInstant(date, 8).toISOString()).toBe(utc);
  });

  it('takes minutes', () => {
    expect(londonInstant('2026-07-01', 7, 30).toISOString()).toBe('2026-07-01T06:30:00.000Z');
  });

  it('reads a time in the skipped spring hour as an hour later', () => {
    expect(londonInstant('2026-03-29', 1, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first (BST) occurrence of a time in the repeated autumn hour', () => {
    expect(londonInstant('2026-10-25', 1, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses impossible dates and times', () => {
    expect(() => londonInstant('2027-02-30', 8)).toThrow(RangeError);
    expect(() => londonInstant('2027-02-03', 24)).toThrow(RangeError);
    expect(() => londonInstant('2027-02-03', 8, 60)).toThrow(RangeError);
    expect(() => londonInstant('2027-02-03', 8.5)).toThrow(RangeError);
  });
});

describe('londonParts', () => {
  it('reads the London clock in summer, past midnight, with the weekday', () => {
    expect(londonParts(new Date('2026-06-01T23:30:00Z'))).toEqual({ date: '2026-06-02', hour: 0, minute: 30, weekday: 2 });
  });

  it('reads the London clock in winter', () => {
    expect(londonParts(new Date('2026-12-20T18:05:00Z'))).toEqual({ date: '2026-12-20', hour: 18, minute: 5, weekday: 0 });
  });

  it('round-trips londonInstant every hour across both change days', () => {
    for (const date of ['2026-03-29', '2026-10-25', '2026-03-28', '2026-10-26']) {
      for (let hour = 0; hour < 24; hour++) {
        if (date === '2026-03-29' && hour === 1) continue; // that hour does not exist
        const parts = londonParts(londonInstant(date, hour, 15));
        expect([parts.date, parts.hour, parts.minute]).toEqual([date, hour, 15]);
      }
    }
  });
});
