import { describe, expect, it } from 'vitest';
import { chronology } from '../../../src/core/record/chronology.js';
import { numberedItems } from '../../../src/core/record/record-items.js';
import { endOfWeek } from '../../../src/core/record/deadlines.js';
import { pageBySize, pageOf } from '../../../src/core/views/paging.js';
import { ukDate } from '../../../src/core/text/uk-date.js';
import { schoolName } from '../../../src/core/text/school-name.js';
import { makeCase } from '../../helpers/make-case.js';

const review = (id: string, date: string, by = 'teacher-1') => ({ id, date, positiveChange: false, notes: '', by, step: 2 });

/** A PCP reviewed twice and a PSP reviewed once in between, the second PCP review held before it was recorded. */
const pupil = makeCase({
  createdAt: '2026-09-07T08:00:00.000Z',
  pcps: [{ id: 'pcp', step: 2, ownerId: 'teacher-1', createdAt: '2026-09-08T09:00:00.000Z', fields: {}, reviewDate: '2026-12-01', reviews: [review('r1', '2026-10-01'), review('r3', '2026-10-02')], status: 'active' }],
  psps: [{ id: 'psp', overseeingLeaderId: 'head-1', ownerId: 'sendco-1', startDate: '2026-09-20', targets: ['Attend'], fields: {}, reviewIntervalDays: 21, reviews: [review('r2', '2026-10-10', 'sendco-1')], status: 'active' }],
  stepChanges: [{ id: 'sc', at: '2026-10-01T15:00:00.000Z', from: 2, to: 3, cause: 'review', reason: 'No positive change.', agreedBy: 'teacher-1', agreedWith: '', ref: 'r1' }],
  timeline: [
    { at: '2026-09-07T08:00:00.000Z', by: 'teacher-1', what: 'case.created' },
    { at: '2026-09-08T09:00:00.000Z', by: 'teacher-1', what: 'pcp.created', ref: 'pcp' },
    { at: '2026-09-20T09:00:00.000Z', by: 'sendco-1', what: 'psp.created', ref: 'psp' },
    { at: '2026-10-01T15:00:00.000Z', by: 'teacher-1', what: 'pcp.reviewed', ref: 'r1' },
    { at: '2026-10-01T15:00:00.000Z', by: 'teacher-1', what: 'step.up', ref: 'sc' },
    { at: '2026-10-10T15:00:00.000Z', by: 'sendco-1', what: 'psp.reviewed', ref: 'r2' },
    { at: '2026-10-12T15:00:00.000Z', by: 'teacher-1', what: 'pcp.reviewed', ref: 'r3' },
    { at: '2026-10-13T15:00:00.000Z', by: 'sendco-1', what: 'flags.changed' },
  ],
});

describe('a pupil’s record, numbered and in date order', () => {
  it('numbers reviews across plans in the order they were recorded, so a number never changes', () => {
    expect(numberedItems(pupil).reviews.map((r) => [r.n, r.review.id, r.plan])).toEqual([
      [1, 'r1', { kind: 'pcp', n: 1 }],
      [2, 'r2', { kind: 'psp', n: 1 }],
      [3, 'r3', { kind: 'pcp', n: 1 }],
    ]);
  });

  it('puts every entry in the order it happened, with who did it; a review leads to the step change it caused', () => {
    const entries = chronology(pupil).map((e) => [e.date, e.kind, e.by]);
    expect(entries).toEqual([
      ['2026-09-07', 'event', 'teacher-1'],
      ['2026-09-08', 'pcp', 'teacher-1'],
      ['2026-09-20', 'psp', 'sendco-1'],
      ['2026-10-01', 'review', 'teacher-1'],
      ['2026-10-01', 'step', 'teacher-1'],
      // Held on 2 October, recorded on the 12th: placed by the day it was held.
      ['2026-10-02', 'review', 'teacher-1'],
      ['2026-10-10', 'review', 'sendco-1'],
      ['2026-10-13', 'event', 'sendco-1'],
    ]);
  });

  it('an LA officer’s copy (no plans, no timeline) still has its referrals and exclusions', () => {
    const c = makeCase({
      exclusions: [{ id: 'x', kind: 'suspension', startDate: '2026-11-02', days: 2, reason: '', recordedBy: 's', recordedAt: '2026-11-02T09:00:00.000Z' }],
      referrals: [{ id: 'f', date: '2026-11-20', serviceId: 'x', toLocalAuthority: true, reasons: 'r', parentalPermission: true, fields: {}, by: 's' }],
    });
    expect(chronology(c).map((e) => e.kind)).toEqual(['exclusion', 'referral']);
  });
});

describe('pages', () => {
  it('23 pupils are three pages of 10, 10 and 3; a page past the end shows the last', () => {
    const all = Array.from({ length: 23 }, (_, i) => i);
    expect([1, 2, 3].map((p) => pageOf(all, p).items.length)).toEqual([10, 10, 3]);
    expect(pageOf(all, 9)).toMatchObject({ page: 3, pages: 3, total: 23 });
    expect(pageOf([], 1)).toMatchObject({ page: 1, pages: 1, total: 0, items: [] });
  });

  it('a long record is paged by its size, never splitting a section', () => {
    const sizes = [4000, 4000, 4000, 4000, 100, 12_500];
    const pages = [1, 2, 3].map((p) => pageBySize(sizes, p, (n) => n).items);
    expect(pages).toEqual([[4000, 4000, 4000], [4000, 100], [12_500]]);
  });
});

describe('words for dates and schools', () => {
  it('UK dates, the same on every Node version', () => {
    expect(ukDate('2026-11-23')).toBe('Mon 23 Nov 2026');
    expect(ukDate('2027-09-01')).toBe('Wed 1 Sep 2027');
    expect(endOfWeek('2026-11-20')).toBe('2026-11-22');
    expect(endOfWeek('2026-11-22')).toBe('2026-11-22');
    expect(endOfWeek('2026-11-23')).toBe('2026-11-29');
  });

  it('a school’s name from its id', () => {
    expect(schoolName('oak-primary')).toBe('Oak Primary');
    expect(schoolName('st-marys-ce-first-school')).toBe('St Marys CE First School');
    expect(schoolName('king-of-the-hill-academy')).toBe('King of the Hill Academy');
  });
});
