import { describe, expect, it } from 'vitest';
import { SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import type { PastoralSupportPlan, PupilCase, Referral } from '../../../src/core/cases/pupil-case.js';
import type { FactEntry } from '../../../src/core/facts/fact-entry.js';
import { laReport, medianAndP90, type FigureTable, type LaReport, type ReferralProgress } from '../../../src/core/la-report/la-report.js';
import { reportCsv } from '../../../src/core/la-report/report-csv.js';
import { cellWords } from '../../../src/core/la-report/suppression.js';
import fc from 'fast-check';
import { makeCase } from '../../helpers/make-case.js';
import { recoverable, type SumLine } from '../../helpers/disclosure.js';

/**
 * A seeded set of records, September to November 2026, with every figure worked out by hand:
 * 15 pupils referred to the LA at three schools, one pupil never referred (whose record must count
 * for nothing), exclusions, PSPs, step changes, part-time timetables and day-6 provision.
 */

const AT = '2026-09-01T08:00:00.000Z';
let n = 0;
const referral = (date: string, over: Partial<Referral> = {}): Referral => ({
  id: `ref-${++n}`, date, serviceId: 'eeit', toLocalAuthority: true, reasons: 'private words', parentalPermission: true, fields: {}, by: 'sendco-1', ...over,
});
const suspension = (startDate: string, kind: 'suspension' | 'permanent' = 'suspension') => ({ id: `x-${++n}`, kind, startDate, days: kind === 'permanent' ? 0 : 2, reason: 'private', recordedBy: 's', recordedAt: AT });
const psp = (startDate: string, closure?: { on: string; outcome: 'successful' | 'not-successful' | 'replaced' }): PastoralSupportPlan => ({
  id: `psp-${++n}`, overseeingLeaderId: 'head', ownerId: 's', startDate, targets: ['Stay in lessons'], fields: {}, reviewIntervalDays: 21, reviews: [],
  status: closure ? 'closed' : 'active', ...(closure ? { closure: { ...closure, leadsTo: 'usual-support', notes: '', by: 's', at: AT } } : {}),
});
const fact = (f: Record<string, unknown>): FactEntry => ({ id: `f-${++n}`, at: AT, by: 's', why: '', ...f }) as FactEntry;

function seed(): { cases: PupilCase[]; progress: Map<string, ReferralProgress> } {
  const cases: PupilCase[] = [];
  const progress = new Map<string, ReferralProgress>();
  // Oak: 7 referrals in September, 3 in November. Waits (days to acknowledgement) for 9 of the 15.
  const waits = [0, 1, 1, 2, 3, 3, 4, 7, 10];
  const dates = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-11-02', '2026-11-03', '2026-11-04'];
  dates.forEach((d) => cases.push(makeCase({ schoolId: 'oak-primary', yearGroup: 8, currentStep: 5, referrals: [referral(d)] })));
  ['2026-11-05', '2026-11-06', '2026-11-09'].forEach((d) => cases.push(makeCase({ schoolId: 'birch-academy', yearGroup: 9, currentStep: 4, referrals: [referral(d)] })));
  ['2026-10-05', '2026-10-06'].forEach((d) => cases.push(makeCase({ schoolId: 'elm-high', yearGroup: 10, currentStep: 4, referrals: [referral(d)] })));
  const referred = cases.map((c) => c.referrals[0]!);
  waits.forEach((w, i) => {
    const r = referred[i]!;
    const day = new Date(`${r.date}T12:00:00Z`);
    day.setUTCDate(day.getUTCDate() + w);
    progress.set(r.id, { acknowledgedAt: day.toISOString(), ...(i < 2 ? { assignedAt: day.toISOString() } : {}) });
  });
  // Not counted: a referral to a service outside the LA, and one before the period.
  cases[0] = { ...cases[0]!, referrals: [...cases[0]!.referrals, referral('2026-09-15', { toLocalAuthority: false, serviceId: 'camhs' }), referral('2026-08-20')] };

  // Exclusions: September 6 suspensions (Year 8) and 1 permanent (Year 10); October 5 suspensions (Year 9); one in August (not counted).
  for (let i = 0; i < 6; i++) cases[i] = { ...cases[i]!, exclusions: [suspension(`2026-09-${String(14 + i).padStart(2, '0')}`)] };
  const permanent = suspension('2026-09-14', 'permanent');
  cases[13] = { ...cases[13]!, exclusions: [permanent], facts: [fact({ fact: 'provision-started', on: '2026-09-21', exclusionId: permanent.id })] };
  const missed = suspension('2026-08-24', 'permanent'); // day 6 falls on 2026-09-01 (31 August is a bank holiday): no start recorded
  cases[14] = { ...cases[14]!, exclusions: [missed] };
  for (let i = 0; i < 3; i++) cases[10 + i] = { ...cases[10 + i]!, exclusions: [suspension(`2026-10-0${5 + i}`)] };
  cases[6] = { ...cases[6]!, yearGroup: 9, exclusions: [suspension('2026-10-12'), suspension('2026-08-28')] };
  cases[7] = { ...cases[7]!, yearGroup: 9, exclusions: [suspension('2026-10-13')] };

  // PSPs: 6 from 10 September, two ending 15 October (one successful, one not); one more from 3 November.
  for (let i = 0; i < 6; i++) cases[i] = { ...cases[i]!, psps: [psp('2026-09-10', i === 0 ? { on: '2026-10-15', outcome: 'successful' } : i === 1 ? { on: '2026-10-15', outcome: 'not-successful' } : undefined)] };
  cases[8] = { ...cases[8]!, psps: [psp('2026-11-03')] };

  // Steps: one Oak pupil moved from Step 4 to 5 on 1 December, after the period: Step 4 at its end.
  cases[9] = { ...cases[9]!, stepChanges: [{ id: 'sc1', at: '2026-12-01T10:00:00.000Z', from: 4, to: 5, cause: 'set', reason: 'r', agreedBy: 's', agreedWith: '' }] };

  // Part-time timetables: told in September (and changed later: the same one), one kept before the chronology never told, one told in November.
  cases[2] = { ...cases[2]!, facts: [fact({ fact: 'part-time-timetable', on: '2026-09-07', plannedEndDate: '2026-10-16', hoursPerWeek: 15, laNotifiedOn: '2026-09-08' }), fact({ fact: 'part-time-timetable', on: '2026-09-21', plannedEndDate: '2026-10-23', hoursPerWeek: 20 })] };
  cases[3] = { ...cases[3]!, partTimeTimetable: { startDate: '2026-10-01', endDate: '2026-11-01' } };
  cases[4] = { ...cases[4]!, facts: [fact({ fact: 'part-time-timetable', on: '2026-11-02', plannedEndDate: '2026-12-11', hoursPerWeek: 12, laNotifiedOn: '2026-11-02' })] };

  // Never referred: its suspension, PSP and step must count for nothing.
  cases.push(makeCase({ schoolId: 'oak-primary', currentStep: 6, exclusions: [suspension('2026-09-20')], psps: [psp('2026-09-10')] }));
  return { cases, progress };
}

const { cases, progress } = seed();
const report: LaReport = laReport({
  cases,
  period: { from: '2026-09-01', to: '2026-11-30' },
  today: '2026-12-01',
  calendar: new SchoolCalendar(),
  progress: (id) => progress.get(id),
  serviceName: (id) => (id === 'eeit' ? 'Education Engagement and Inclusion Team' : undefined),
  provisionFromDay: 6,
});

const table = (id: string): FigureTable => report.tables.find((t) => t.id === id)!;
/** Rows as a person reads them: label, each column and the total, in words. */
const read = (id: string) => {
  const t = table(id);
  return Object.fromEntries([...t.rows, ...(t.totals ? [t.totals] : [])].map((r) => [r.label, [...r.cells, ...(r.total ? [r.total] : [])].map(cellWords)]));
};

describe('the LA report over seeded records', () => {
  it('reads only pupils referred to the LA: 15 pupils at 3 schools', () => {
    expect(cellWords(report.pupils)).toBe('15');
    expect(cellWords(report.schools)).toBe('3');
  });

  it('referrals by month: October (2) is fewer than 5, and November is withheld so the total cannot give October back', () => {
    expect(read('referrals-by-month')).toEqual({ 'Sep 2026': ['7'], 'Oct 2026': ['withheld'], 'Nov 2026': ['withheld'], Total: ['15'] });
  });

  it('referrals by school, by service and by status', () => {
    expect(read('referrals-by-school')).toEqual({ 'Oak Primary': ['10'], 'Birch Academy': ['withheld'], 'Elm High': ['withheld'], Total: ['15'] });
    expect(read('referrals-by-service')).toEqual({ 'Education Engagement and Inclusion Team': ['15'], Total: ['15'] });
    // 6 waiting, 7 acknowledged, 2 assigned: the 2 is small, so the smallest other (6) is withheld too.
    expect(read('referrals-by-status')).toEqual({ 'Not yet acknowledged': ['withheld'], Acknowledged: ['7'], 'Assigned to an officer': ['withheld'], Total: ['15'] });
  });

  it('time from referral to acknowledgement: median 3 and 90th percentile 10 calendar days; the count is withheld as it would give back the waiting', () => {
    expect(report.acknowledgement.medianDays).toBe(3);
    expect(report.acknowledgement.p90Days).toBe(10);
    expect(cellWords(report.acknowledgement.acknowledged)).toBe('withheld');
  });

  it('suspensions and permanent exclusions by month and by year group, with secondary suppression in rows and columns', () => {
    expect(read('exclusions-by-month')).toEqual({
      'Sep 2026': ['withheld', 'withheld', 'withheld'],
      'Oct 2026': ['withheld', '0', 'withheld'],
      'Nov 2026': ['0', '0', '0'],
      Total: ['withheld', 'withheld', '12'],
    });
    expect(read('exclusions-by-year-group')).toEqual({
      'Year 8': ['6', '0', '6'],
      // Year 10's 1 would follow from 12 − 6 − 5 down the Total column, so Year 9's total is withheld, and then its suspensions.
      'Year 9': ['withheld', '0', 'withheld'],
      'Year 10': ['0', 'withheld', 'withheld'],
      Total: ['withheld', 'withheld', '12'],
    });
  });

  it('pupils on a PSP in each month (6, 6, 5: the two ended on 15 October still ran in October) and PSP outcomes (1 successful, 1 not: all fewer than 5)', () => {
    expect(read('pupils-on-a-psp')).toEqual({ 'Sep 2026': ['6'], 'Oct 2026': ['6'], 'Nov 2026': ['5'] });
    expect(table('pupils-on-a-psp').note).toContain('7 pupils were on a PSP at some time');
    expect(read('psp-outcomes')).toEqual({ Successful: ['withheld'], 'Not successful': ['withheld'], 'Replaced by a new PSP': ['0'], Total: ['withheld'] });
  });

  it('step distribution at the period’s end: 9 at Step 5, 4 at Step 4 (one moved up only after it), and the 2 permanently excluded Elm pupils off the steps', () => {
    expect(read('steps')).toEqual({ 'Step 1': ['0'], 'Step 2': ['0'], 'Step 3': ['0'], 'Step 4': ['withheld'], 'Step 5': ['9'], 'Step 6': ['0'], 'Permanently excluded': ['withheld'], Total: ['15'] });
    expect(table('steps').rows.map((r) => r.cells[0]!.value)).toEqual([0, 0, 0, 4, 9, 0, 2]);
  });

  it('part-time timetables: notified in September and November, and in place told or not told', () => {
    expect(read('part-time-notified')).toEqual({ 'Sep 2026': ['withheld'], 'Oct 2026': ['0'], 'Nov 2026': ['withheld'], Total: ['withheld'] });
    expect(read('part-time-in-place')).toEqual({ 'Told by the period’s end': ['withheld'], 'Not told': ['withheld'], Total: ['withheld'] });
  });

  it('day-6 provision: one met, one missed with no start recorded', () => {
    expect(read('day6')).toEqual({
      Met: ['withheld'],
      'Missed: started late': ['0'],
      'Missed: no start recorded': ['withheld'],
      'Not yet due': ['0'],
      Total: ['withheld'],
    });
  });

  it('the same figures before suppression, so the small ones are known to be right', () => {
    const raw = (id: string) => table(id).rows.map((r) => r.cells.map((c) => c.value));
    expect(raw('referrals-by-status')).toEqual([[6], [7], [2]]);
    expect(raw('exclusions-by-month')).toEqual([[6, 1], [5, 0], [0, 0]]);
    expect(raw('part-time-notified')).toEqual([[1], [0], [1]]);
    expect(raw('part-time-in-place')).toEqual([[2], [1]]);
    expect(raw('day6')).toEqual([[1], [0], [1], [0]]);
    expect(raw('psp-outcomes')).toEqual([[1], [1], [0]]);
  });

  it('the CSV has every figure as shown, and no withheld value', () => {
    const csv = reportCsv(report);
    expect(csv.split('\r\n')[0]).toBe('figure,row,column,value');
    expect(csv).toContain('Referrals to the LA by month,Oct 2026,Referrals,withheld\r\n');
    expect(csv).toContain('Referrals to the LA by month,Nov 2026,Referrals,withheld\r\n');
    expect(csv).toContain('Suspensions and permanent exclusions by month,Total,Total,12\r\n');
    expect(csv).toContain('Suspensions and permanent exclusions by month,Sep 2026,Permanent exclusions,withheld\r\n');
    expect(csv).toContain('Time from referral to acknowledgement (calendar days),Median,Days,3\r\n');
    expect(csv).not.toMatch(/Nov 2026,Referrals,6/);
  });
});

/**
 * Every sum a reader of one report can set up from what it shows: each table's rows and columns
 * with their totals, the tables that count the same things (all referral tables add up to the same
 * referrals; both exclusion tables to the same suspensions and permanent exclusions), and the
 * acknowledged referrals as those acknowledged plus those assigned.
 */
function readerSums(r: LaReport): SumLine[] {
  const out: SumLine[] = [];
  const byId = (id: string) => r.tables.find((t) => t.id === id)!;
  for (const t of r.tables) {
    if (!t.totals) continue;
    const many = t.columns.length > 1;
    t.columns.forEach((_, c) => out.push({ parts: t.rows.map((row) => row.cells[c]!), total: t.totals!.cells[c]! }));
    if (many) {
      for (const row of t.rows) out.push({ parts: row.cells, total: row.total! });
      out.push({ parts: t.totals.cells, total: t.totals.total! }, { parts: t.rows.map((row) => row.total!), total: t.totals.total! });
    }
  }
  const same = (a: SumLine['total'] | undefined, b: SumLine['total'] | undefined) => a && b && out.push({ parts: [a], total: b });
  const referrals = ['referrals-by-month', 'referrals-by-status', 'referrals-by-service', 'referrals-by-school'].map((id) => byId(id).totals!.cells[0]!);
  referrals.slice(1).forEach((t) => same(referrals[0], t));
  const [m, y] = ['exclusions-by-month', 'exclusions-by-year-group'].map(byId) as [FigureTable, FigureTable];
  m.totals!.cells.forEach((c, i) => same(c, y.totals!.cells[i]));
  same(m.totals!.total, y.totals!.total);
  const status = byId('referrals-by-status').rows;
  out.push({ parts: [status[1]!.cells[0]!, status[2]!.cells[0]!], total: r.acknowledgement.acknowledged });
  return out;
}

describe('no withheld number can be worked out from one report (issue 13 B.2)', () => {
  it('the seeded set: every withheld number stays unknown however the shown sums are combined', () => {
    const withheld = readerSums(report).flatMap((l) => [...l.parts, l.total]).filter((c) => c.withheld);
    expect(withheld.length).toBeGreaterThan(5);
    expect(recoverable(readerSums(report))).toEqual([]);
  });

  it('any set of referrals and exclusions: nothing withheld can be recovered, and nothing shown is wrong', () => {
    const months = ['2026-09', '2026-10', '2026-11'];
    const rec = fc.record({ school: fc.integer({ min: 0, max: 3 }), year: fc.integer({ min: 7, max: 11 }), month: fc.integer({ min: 0, max: 2 }), referred: fc.boolean(), acked: fc.integer({ min: 0, max: 2 }), ex: fc.constantFrom('none', 'suspension', 'permanent') });
    fc.assert(
      fc.property(fc.array(rec, { minLength: 1, maxLength: 40 }), (rows) => {
        const progress = new Map<string, ReferralProgress>();
        const cs = rows.map((x, i) => {
          const day = `${months[x.month]}-${String(2 + (i % 20)).padStart(2, '0')}`;
          const r = referral(day, { serviceId: x.school % 2 ? 'eeit' : 'ehss' });
          if (x.acked) progress.set(r.id, { acknowledgedAt: `${day}T15:00:00.000Z`, ...(x.acked === 2 ? { assignedAt: `${day}T16:00:00.000Z` } : {}) });
          return makeCase({ schoolId: ['oak-primary', 'birch-academy', 'elm-high', 'ash-school'][x.school]!, yearGroup: x.year, referrals: x.referred ? [r] : [referral(day, { toLocalAuthority: false })], exclusions: x.ex === 'none' ? [] : [suspension(day, x.ex as 'suspension' | 'permanent')] });
        });
        const r = laReport({ cases: cs, period: { from: '2026-09-01', to: '2026-11-30' }, today: '2026-12-01', calendar: new SchoolCalendar(), progress: (id) => progress.get(id), serviceName: () => undefined, provisionFromDay: 6 });
        expect(recoverable(readerSums(r))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('median and 90th percentile', () => {
  it('take the middle (or the mean of the middle two) and the nearest rank', () => {
    expect(medianAndP90([4, 1, 3, 2])).toEqual({ median: 2.5, p90: 4 });
    expect(medianAndP90([5])).toEqual({ median: 5, p90: 5 });
    expect(medianAndP90([])).toBeUndefined();
  });
});
