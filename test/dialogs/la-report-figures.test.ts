import { describe, expect, it } from 'vitest';
import type { Exclusion, PastoralSupportPlan, PupilCase, Referral, StepChange } from '../../src/core/cases/pupil-case.js';
import type { FactEntry } from '../../src/core/facts/fact-entry.js';
import type { DialogContext } from '../../src/dialogs/dialog.js';
import { chatter, LA_OFFICER, testWorld } from '../helpers/dialog-context.js';
import { makeCase } from '../helpers/make-case.js';

/**
 * The LA's figures an officer reads in the chat (issue 13 fixes), each from a small store of
 * records: pupils on a PSP in a month still in progress, pupils by step at a month's end and on
 * the last day of a term (London time), day-6 provision after a long suspension, and a total
 * beside small numbers only.
 */

const AT = '2026-09-01T08:00:00.000Z';
let n = 0;
const referral = (date: string): Referral => ({ id: `lr-${++n}`, date, serviceId: 'eeit', toLocalAuthority: true, reasons: 'private', parentalPermission: true, fields: {}, by: 'sendco-1' });
const psp = (startDate: string, end?: string, outcome: 'successful' | 'not-successful' = 'successful'): PastoralSupportPlan => ({
  id: `lp-${++n}`, overseeingLeaderId: 'head', ownerId: 's', startDate, targets: ['Stay in lessons'], fields: {}, reviewIntervalDays: 21, reviews: [],
  status: end ? 'closed' : 'active', ...(end ? { closure: { on: end, outcome, leadsTo: 'usual-support', notes: '', by: 's', at: AT } } : {}),
});
const move = (at: string, from: number, to: number, ref?: string): StepChange => ({ id: `ls-${++n}`, at, from, to, cause: ref ? 'referral' : 'set', reason: 'r', agreedBy: 's', agreedWith: '', ...(ref ? { ref } : {}) });
const suspension = (startDate: string, days: number): Exclusion => ({ id: `lx-${++n}`, kind: 'suspension', startDate, days, reason: 'private', recordedBy: 's', recordedAt: AT });
const started = (exclusionId: string, on: string): FactEntry => ({ id: `lf-${++n}`, at: AT, by: 's', why: '', fact: 'provision-started', on, exclusionId }) as FactEntry;

/** An LA officer's report over these records, asked on `today` (London). */
async function report(cases: PupilCase[], today: string, words: string): Promise<string> {
  const w = await testWorld();
  for (const c of cases) await w.repo.save(c, undefined);
  const ctx: DialogContext = { ...w.ctxFor(LA_OFFICER), today: () => today };
  return chatter(ctx).say(words);
}

/** The figures in one row of a table as the officer reads them ("Dec 2026  withheld" → ["withheld"]). */
function row(reply: string, title: string, label: string): string[] {
  const lines = reply.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  expect(start, `no table "${title}"`).toBeGreaterThanOrEqual(0);
  const line = lines.slice(start + 1).find((l, i, rest) => l.startsWith(`  ${label} `) && rest.slice(0, i).every((x) => x.startsWith('  ')));
  expect(line, `no row "${label}" in "${title}"`).toBeDefined();
  return line!.slice(label.length + 2).trim().split(/\s{2,}/);
}

describe('pupils on a PSP in a month still in progress', () => {
  it('one PSP running in December reads "withheld" for December, not 0, in a report made on 10 December', async () => {
    const reply = await report([makeCase({ referrals: [referral('2026-11-02')], psps: [psp('2026-11-03')] })], '2026-12-10', 'la report dec');
    expect(row(reply, 'Pupils on a PSP in each month', 'Dec 2026')).toEqual(['withheld']);
    expect(reply).toContain('A withheld number of pupils were on a PSP at some time in the period');
  });

  it('counts every PSP that ran on any day of the month: 5 pupils, one of whose PSPs ended on 4 December', async () => {
    const cases = [0, 1, 2, 3].map(() => makeCase({ referrals: [referral('2026-11-02')], psps: [psp('2026-11-03')] }));
    cases.push(makeCase({ referrals: [referral('2026-11-02')], psps: [psp('2026-10-01', '2026-12-04')] }));
    // Not counted: one that ended before December, and one that starts after today.
    cases.push(makeCase({ referrals: [referral('2026-11-02')], psps: [psp('2026-10-01', '2026-11-30')] }), makeCase({ referrals: [referral('2026-11-02')], psps: [psp('2026-12-14')] }));
    const reply = await report(cases, '2026-12-10', 'la report dec');
    expect(row(reply, 'Pupils on a PSP in each month', 'Dec 2026')).toEqual(['5']);
    expect(reply).toContain('5 pupils were on a PSP at some time in the period');
  });
});

describe('pupils by step at the end of a month and of a term, London time', () => {
  it('30 November: pupils whose records were typed in on 1 December, moved to Step 5 by referrals in November, count at Step 5', async () => {
    const cases = [0, 1, 2, 3, 4].map(() => {
      const r = referral('2026-11-05');
      return makeCase({ createdAt: '2026-12-01T09:00:00.000Z', currentStep: 5, referrals: [r], stepChanges: [move('2026-12-01T09:05:00.000Z', 4, 5, r.id)] });
    });
    const reply = await report(cases, '2026-12-01', 'la report nov');
    expect(reply).toContain('Pupils by step on Mon 30 Nov 2026');
    expect(row(reply, 'Pupils by step', 'Step 5')).toEqual(['5']);
    expect(row(reply, 'Pupils by step', 'Total')).toEqual(['5']);
  });

  it('30 September (BST): a move recorded at 23:30 London on the 30th counts; one at 00:30 London on 1 October (23:30 UTC on the 30th) does not', async () => {
    const on30th = [0, 1, 2, 3, 4].map(() => makeCase({ currentStep: 3, referrals: [referral('2026-09-07')], stepChanges: [move('2026-09-30T22:30:00.000Z', 2, 3)] }));
    const on1st = [0, 1, 2, 3, 4].map(() => makeCase({ currentStep: 4, referrals: [referral('2026-09-07')], stepChanges: [move('2026-09-30T23:30:00.000Z', 3, 4)] }));
    const reply = await report([...on30th, ...on1st], '2026-10-05', 'la report sep');
    expect(reply).toContain('Pupils by step on Wed 30 Sep 2026');
    expect(row(reply, 'Pupils by step', 'Step 3')).toEqual(['10']);
    expect(row(reply, 'Pupils by step', 'Step 4')).toEqual(['0']);
  });

  it('the last day of the summer term (Wed 21 July 2027), asked that day: a move at 00:30 London that morning counts, one at 00:30 the next does not', async () => {
    const thatMorning = [0, 1, 2, 3, 4].map(() => makeCase({ currentStep: 2, referrals: [referral('2027-07-01')], stepChanges: [move('2027-07-20T23:30:00.000Z', 1, 2)] }));
    const nextMorning = [0, 1, 2, 3, 4].map(() => makeCase({ currentStep: 3, referrals: [referral('2027-07-01')], stepChanges: [move('2027-07-21T23:30:00.000Z', 2, 3)] }));
    const reply = await report([...thatMorning, ...nextMorning], '2027-07-21', 'la report jul 2027');
    expect(reply).toContain('Pupils by step on Wed 21 Jul 2027');
    expect(row(reply, 'Pupils by step', 'Step 2')).toEqual(['10']);
    expect(row(reply, 'Pupils by step', 'Step 3')).toEqual(['0']);
  });
});

describe('day-6 provision after a suspension of more than 5 school days', () => {
  it('counts them met, late, missed and still to come, as for a permanent exclusion; a 5-day suspension brings none', async () => {
    // Suspended from Monday 2 November for 6 school days: provision from the 6th, Monday 9 November.
    const group = (start: string, provided?: string) =>
      [0, 1, 2, 3, 4].map(() => {
        const x = suspension(start, 6);
        return makeCase({ referrals: [referral('2026-11-02')], exclusions: [x], facts: provided ? [started(x.id, provided)] : [] });
      });
    const fiveDays = [0, 1, 2, 3, 4].map(() => makeCase({ referrals: [referral('2026-11-02')], exclusions: [suspension('2026-11-02', 5)] }));
    const cases = [...group('2026-11-02', '2026-11-09'), ...group('2026-11-02', '2026-11-11'), ...group('2026-11-02'), ...group('2026-11-16'), ...fiveDays];
    const reply = await report(cases, '2026-11-20', 'la report nov');
    const title = 'Day-6 provision after a permanent exclusion or a suspension of more than 5 school days';
    expect(row(reply, title, 'Met')).toEqual(['5']);
    expect(row(reply, title, 'Missed: started late')).toEqual(['5']);
    expect(row(reply, title, 'Missed: no start recorded')).toEqual(['5']);
    // Suspended from Monday 16 November: provision from Monday 23 November, after today.
    expect(row(reply, title, 'Not yet due')).toEqual(['5']);
    expect(row(reply, title, 'Total')).toEqual(['20']);
  });
});

describe('a total beside small numbers only', () => {
  const ended = (outcome: 'successful' | 'not-successful') => makeCase({ referrals: [referral('2026-10-05')], psps: [psp('2026-10-01', '2026-11-13', outcome)] });

  it('PSPs ended in November, 3 successful and 3 not: every outcome and the Total read "withheld", not "6"', async () => {
    const reply = await report([...[0, 1, 2].map(() => ended('successful')), ...[0, 1, 2].map(() => ended('not-successful'))], '2026-11-20', 'la report nov');
    const title = 'PSPs ended in the period, by outcome';
    expect(row(reply, title, 'Successful')).toEqual(['withheld']);
    expect(row(reply, title, 'Not successful')).toEqual(['withheld']);
    expect(row(reply, title, 'Total')).toEqual(['withheld']);
  });

  it('with 8 successful beside 3 not, both are withheld and the Total stays: 11', async () => {
    const reply = await report([...Array.from({ length: 8 }, () => ended('successful')), ...[0, 1, 2].map(() => ended('not-successful'))], '2026-11-20', 'la report nov');
    const title = 'PSPs ended in the period, by outcome';
    expect(row(reply, title, 'Successful')).toEqual(['withheld']);
    expect(row(reply, title, 'Total')).toEqual(['11']);
  });
});
