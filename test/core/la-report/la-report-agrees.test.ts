import { describe, expect, it } from 'vitest';
import { SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import type { Exclusion, PupilCase, Referral } from '../../../src/core/cases/pupil-case.js';
import type { FactEntry } from '../../../src/core/facts/fact-entry.js';
import { laReport, type FigureTable, type LaReport } from '../../../src/core/la-report/la-report.js';
import { day6Starts } from '../../../src/core/reminders/due-items.js';
import { makeCase } from '../../helpers/make-case.js';

/**
 * Issue 13 §3, as a fresh LA-officer tester found the report: its figures must read the records the
 * way the rest of the bot does. Seeded records, September to November 2026, no term dates (school
 * days are weekdays bar bank holidays); each figure worked out by hand in the comments.
 */

const AT = '2026-09-01T08:00:00.000Z';
let n = 0;
const referral = (date: string): Referral => ({ id: `ref-${++n}`, date, serviceId: 'eeit', toLocalAuthority: true, reasons: 'private', parentalPermission: true, fields: {}, by: 'sendco-1' });
const exclusion = (startDate: string, kind: 'suspension' | 'permanent', days: number): Exclusion => ({ id: `x-${++n}`, kind, startDate, days, reason: 'private', recordedBy: 's', recordedAt: AT });
const fact = (f: Record<string, unknown>): FactEntry => ({ id: `f-${++n}`, at: AT, by: 's', why: '', ...f }) as FactEntry;
const started = (x: Exclusion, on: string) => fact({ fact: 'provision-started', on, exclusionId: x.id });

const calendar = new SchoolCalendar();
const report = (cases: PupilCase[], period = { from: '2026-09-01', to: '2026-11-30' }): LaReport =>
  laReport({ cases, period, today: '2026-12-01', calendar, progress: () => undefined, serviceName: () => undefined, provisionFromDay: 6 });
const raw = (r: LaReport, id: string): Record<string, number> => {
  const t: FigureTable = r.tables.find((x) => x.id === id)!;
  return Object.fromEntries(t.rows.map((row) => [row.label, row.cells[0]!.value]));
};

describe('day-6 provision met or missed, by the reminders’ rule (school days late)', () => {
  // Six pupils, each with a 6-day suspension from Fri 11 Sep: day 6 is Fri 18 Sep.
  const starts = ['2026-09-19', '2026-09-20', '2026-09-18', '2026-09-17', '2026-09-21', '2026-09-22'];
  const cases = starts.map((on) => {
    const x = exclusion('2026-09-11', 'suspension', 6);
    return makeCase({ referrals: [referral('2026-09-01')], exclusions: [x], facts: [started(x, on)] });
  });

  it('provision that started on the weekend after a Friday deadline missed no school day: met, as the pupil’s page says', () => {
    // Sat 19, Sun 20, Fri 18 and Thu 17 Sep: met (4); Mon 21 and Tue 22 Sep: late (2).
    const r = report(cases);
    expect(raw(r, 'day6')).toEqual({ Met: 4, 'Missed: started late': 2, 'Missed: no start recorded': 0, 'Not yet due': 0 });
    // The same pupils as the reminders and the record count them: late exactly where lateBy > 0.
    const lateByReminders = cases.filter((c) => day6Starts(c, 6, calendar).some((s) => s.lateBy > 0)).length;
    expect(lateByReminders).toBe(2);
  });
});

describe('the pupil count is of pupils referred to the LA in the report’s period', () => {
  // Oak: 6 referred in October, 2 referred in August only, 1 referred in August and again in October;
  // Elm: 5 referred in September only.
  const oct = Array.from({ length: 6 }, (_, i) => makeCase({ schoolId: 'oak-primary', referrals: [referral(`2026-10-0${i + 1}`)] }));
  const august = Array.from({ length: 2 }, () => makeCase({ schoolId: 'oak-primary', referrals: [referral('2026-08-20')] }));
  const again = makeCase({ schoolId: 'oak-primary', referrals: [referral('2026-08-21'), referral('2026-10-20')] });
  const sept = Array.from({ length: 5 }, (_, i) => makeCase({ schoolId: 'elm-high', referrals: [referral(`2026-09-1${i}`)] }));
  const cases = [...oct, ...august, again, ...sept];

  it('October to November: the 7 Oak pupils with a referral in it, at 1 school; not the 14 ever referred', () => {
    const r = report(cases, { from: '2026-10-01', to: '2026-11-30' });
    expect(r.pupils).toEqual({ value: 7 });
    expect(r.schools).toEqual({ value: 1 });
  });

  it('September to November: 12 pupils at 2 schools; the two referred only in August are not counted', () => {
    const r = report(cases);
    expect(r.pupils).toEqual({ value: 12 });
    expect(r.schools).toEqual({ value: 2 });
  });

  it('a period with 1–4 pupils referred withholds the count, though more were referred before it', () => {
    const r = report(cases, { from: '2026-08-01', to: '2026-08-31' });
    expect(r.pupils).toEqual({ value: 3, withheld: 'small' });
  });
});

describe('pupils by step after a permanent exclusion (000 Step 6: off the school’s graduated response)', () => {
  // Five pupils referred in September at Step 5, and three at Step 4: one permanently excluded on
  // 5 Oct; one permanently excluded on 5 Oct and reinstated by the governors on 2 Nov; one whose
  // permanent exclusion on 5 Oct was withdrawn (recorded by mistake); one permanently excluded on
  // 7 Dec, after the period.
  const stepFive = Array.from({ length: 5 }, () => makeCase({ currentStep: 5, referrals: [referral('2026-09-07')] }));
  const px = (on: string) => exclusion(on, 'permanent', 0);
  const out = px('2026-10-05');
  const back = px('2026-10-05');
  const mistaken = px('2026-10-05');
  const later = px('2026-12-07');
  const stepFour = [
    makeCase({ currentStep: 4, referrals: [referral('2026-09-08')], exclusions: [out] }),
    makeCase({ currentStep: 4, referrals: [referral('2026-09-08')], exclusions: [back], facts: [fact({ fact: 'reinstated', on: '2026-11-02', exclusionId: back.id, decidedBy: 'governors' })] }),
    makeCase({ currentStep: 4, referrals: [referral('2026-09-08')], exclusions: [mistaken], facts: [fact({ fact: 'withdrawn', on: '2026-10-06', corrects: mistaken.id })] }),
    makeCase({ currentStep: 4, referrals: [referral('2026-09-08')], exclusions: [later] }),
  ];
  const cases = [...stepFive, ...stepFour];

  it('at the end of November: 5 at Step 5, 3 at Step 4 (reinstated, withdrawn, excluded only later), 1 permanently excluded', () => {
    const t = report(cases).tables.find((x) => x.id === 'steps')!;
    expect(raw(report(cases), 'steps')).toEqual({ 'Step 1': 0, 'Step 2': 0, 'Step 3': 0, 'Step 4': 3, 'Step 5': 5, 'Step 6': 0, 'Permanently excluded': 1 });
    expect(t.totals!.cells[0]!.value).toBe(9);
    expect(t.note).toContain('permanently excluded by then is off the school’s steps');
  });

  it('at the end of October, before the reinstatement: 2 permanently excluded, 2 at Step 4', () => {
    expect(raw(report(cases, { from: '2026-09-01', to: '2026-10-31' }), 'steps')).toMatchObject({ 'Step 4': 2, 'Step 5': 5, 'Permanently excluded': 2 });
  });
});
