import { beforeAll, describe, expect, it } from 'vitest';
import type { SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import type { PupilCase } from '../../../src/core/cases/pupil-case.js';
import { dueItems, firstTermStartFrom } from '../../../src/core/reminders/due-items.js';
import type { KnowledgePack } from '../../../src/knowledge/schema/pack.js';
import { makeCase } from '../../helpers/make-case.js';
import { worcestershire } from '../../helpers/pack.js';
import { exampleTerms, noTerms, pcp, permanentExclusion, psp, review } from './plans.js';

let pack: KnowledgePack;
let terms: SchoolCalendar;
beforeAll(async () => {
  pack = await worcestershire();
  terms = await exampleTerms();
});

const items = (cases: PupilCase[], today: string, calendar: SchoolCalendar = noTerms) => dueItems(cases, { pack, calendar, today });

describe('PCP and PSP reviews', () => {
  it('a PCP is due on its review date, for its owner', () => {
    const c = makeCase({ pupilRef: '4021', pcps: [pcp('2026-11-27')] });
    expect(items([c], '2026-11-20')).toEqual([
      {
        itemKey: `pcp-review:oak-primary:${c.id}:pcp-1`,
        kind: 'pcp-review',
        schoolId: 'oak-primary',
        caseId: c.id,
        pupilRef: '4021',
        initials: 'AB',
        planId: 'pcp-1',
        dueDate: '2026-11-27',
        ownerIds: ['teacher-1'],
        title: 'PCP review for AB (ref 4021)',
        command: 'review for 4021',
      },
    ]);
  });

  it('a PSP started 2026-11-02 every 21 days is due 2026-11-23, then 2026-12-14 after that review', () => {
    const before = makeCase({ pupilRef: '4021', psps: [psp('2026-11-02')] });
    const [item] = items([before], '2026-11-20');
    expect(item).toMatchObject({ kind: 'psp-review', dueDate: '2026-11-23', ownerIds: ['leader-1', 'teacher-1'], title: 'PSP review for AB (ref 4021)', command: 'review for 4021' });
    expect(item?.escalation).toBeUndefined();

    const after = { ...before, psps: [psp('2026-11-02', { reviews: [review('2026-11-23', true)] })] };
    expect(items([after], '2026-11-23')[0]?.dueDate).toBe('2026-12-14');
  });

  it('a PSP started 2026-12-04 is due on a school day, not Christmas Day: the first day back, or in the window with no term dates', () => {
    const c = makeCase({ psps: [psp('2026-12-04')] });
    expect(items([c], '2026-12-04', terms)[0]?.dueDate).toBe('2027-01-05');
    expect(items([c], '2026-12-04', noTerms)[0]?.dueDate).toBe('2026-12-29');
    const reviewed = makeCase({ psps: [psp('2026-11-02', { reviews: [review('2026-12-04', true)] })] });
    expect(items([reviewed], '2026-12-04', terms)[0]?.dueDate).toBe('2027-01-05');
  });

  it('lists an owner who also oversees the PSP once', () => {
    const c = makeCase({ psps: [psp('2026-11-02', { overseeingLeaderId: 'teacher-1' })] });
    expect(items([c], '2026-11-20')[0]?.ownerIds).toEqual(['teacher-1']);
  });

  it('leaves out items due after dueBy', () => {
    const c = makeCase({ pcps: [pcp('2026-11-27')], psps: [psp('2026-11-02')] });
    expect(dueItems([c], { pack, calendar: noTerms, today: '2026-11-20', dueBy: '2026-11-26' }).map((i) => i.kind)).toEqual(['psp-review']);
  });

  it('a PSP is reviewed in the window the pack sets', () => {
    // Example terms: 21 to 28 days after Monday 30 November 2026 are all in the Christmas holidays.
    const c = makeCase({ psps: [psp('2026-11-30')] });
    const dueWith = (min: number, max: number) => {
      const rules = { ...pack.rules!, psp: { ...pack.rules!.psp, reviewIntervalDays: { min, max, default: 21 } } };
      return dueItems([c], { pack: { ...pack, rules }, calendar: terms, today: '2026-11-30' })[0]!.dueDate;
    };
    expect(dueWith(21, 28)).toBe('2027-01-05'); // the first school day after the window
    expect(dueWith(14, 35)).toBe('2026-12-18'); // the last school day before the aim, inside this wider window
  });

  it('works from a pack without rules: statutory EHC weeks, no escalation', () => {
    const c = makeCase({ ehcRequestedOn: '2026-09-07', psps: [psp('2026-09-07', { reviews: [review('2026-09-28', false), review('2026-10-19', false)] })] });
    const got = dueItems([c], { pack: { ...pack, rules: undefined }, calendar: noTerms, today: '2026-10-10' });
    expect(got.map((i) => [i.kind, i.dueDate, i.escalation])).toEqual([
      ['ehc-decision', '2026-10-19', undefined],
      ['psp-review', '2026-11-09', undefined],
      ['ehc-completion', '2027-01-25', undefined],
    ]);
  });

  it('leaves out closed plans', () => {
    const c = makeCase({ pcps: [pcp('2026-11-27', { status: 'closed' })], psps: [psp('2026-11-02', { status: 'closed' })] });
    expect(items([c], '2026-11-20')).toEqual([]);
  });

  it('comes back in due-date order, overdue first, same-day items in case order', () => {
    const a = makeCase({ pcps: [pcp('2026-12-01')] });
    const b = makeCase({ pcps: [pcp('2026-11-10')] });
    const c = makeCase({ pcps: [pcp('2026-12-01')], psps: [psp('2026-10-20')] });
    const got = items([a, b, c], '2026-11-20').map((i) => [i.caseId, i.kind, i.dueDate]);
    expect(got).toEqual([
      [b.id, 'pcp-review', '2026-11-10'],
      [c.id, 'psp-review', '2026-11-10'],
      [a.id, 'pcp-review', '2026-12-01'],
      [c.id, 'pcp-review', '2026-12-01'],
    ]);
  });
});

describe('PSP escalation', () => {
  const escalated = (reviews: ReturnType<typeof review>[]) => items([makeCase({ psps: [psp('2026-09-07', { reviews })] })], '2026-11-20')[0]?.escalation;

  it('appears after two reviews in a row without positive change, with the seed citation', () => {
    expect(escalated([review('2026-09-28', false), review('2026-10-19', false)])).toEqual({
      title: 'PSP not working after two reviews: bring in specialist support',
      detail: pack.rules!.psp.escalation.detail,
      citation: 'Hackney: exclusion policy and Pastoral Support Programme, Pastoral Support Programme (PSP) – How does it work? (review process)',
    });
  });

  it('not after one, nor when the latest of two showed positive change', () => {
    expect(escalated([review('2026-09-28', false)])).toBeUndefined();
    expect(escalated([review('2026-09-28', false), review('2026-10-19', true)])).toBeUndefined();
  });

  it('counts the latest reviews by date, whatever order they were stored in', () => {
    expect(escalated([review('2026-10-19', false), review('2026-09-07', true), review('2026-09-28', false)])).toBeDefined();
    expect(escalated([review('2026-10-19', true), review('2026-09-07', false), review('2026-09-28', false)])).toBeUndefined();
  });
});

describe('EHC needs assessment', () => {
  const ehcCase = () => makeCase({ pupilRef: '4021', ehcRequestedOn: '2026-09-07' });

  it("the LA's 6-week decision and 20-week completion, for the SENDCo", () => {
    const c = ehcCase();
    expect(items([c], '2026-10-10')).toEqual([
      expect.objectContaining({ itemKey: `ehc-decision:oak-primary:${c.id}`, kind: 'ehc-decision', dueDate: '2026-10-19', ownerIds: [], title: "EHC needs assessment: the LA's 6-week decision is due for AB (ref 4021)", command: 'what next for 4021' }),
      expect.objectContaining({ itemKey: `ehc-completion:oak-primary:${c.id}`, kind: 'ehc-completion', dueDate: '2027-01-25', ownerIds: [], title: "EHC needs assessment: the LA's 20-week deadline to finish is due for AB (ref 4021)" }),
    ]);
  });

  it('stops reminding 28 days after a date has passed', () => {
    const c = ehcCase();
    expect(items([c], '2026-11-16').map((i) => i.kind)).toEqual(['ehc-decision', 'ehc-completion']); // 28 days after
    expect(items([c], '2026-11-17').map((i) => i.kind)).toEqual(['ehc-completion']);
    expect(items([c], '2027-02-23')).toEqual([]);
  });
});

describe('day-6 provision after a permanent exclusion or a long suspension', () => {
  it('is due 3 school days before provision starts, across a weekend', () => {
    // Tue 1 Dec is day 1; day 6 is Tue 8 Dec; three school days before is Thu 3 Dec.
    const c = makeCase({ pupilRef: '4021', exclusions: [permanentExclusion('2026-12-01')] });
    expect(items([c], '2026-12-01')).toEqual([
      expect.objectContaining({
        itemKey: `day6-provision:oak-primary:${c.id}:x-1`,
        kind: 'day6-provision',
        dueDate: '2026-12-03',
        ownerIds: [],
        title: 'Full-time provision from day 6 (Tue 8 Dec 2026) for AB (ref 4021)',
        command: 'what next for 4021',
      }),
    ]);
  });

  it('counts from the next school day when the exclusion starts on one that is not', () => {
    const c = makeCase({ exclusions: [permanentExclusion('2026-11-28')] }); // a Saturday: day 1 is Mon 30 Nov
    expect(items([c], '2026-11-28')[0]).toMatchObject({ dueDate: '2026-12-02', title: expect.stringContaining('(Mon 7 Dec 2026)') });
  });

  it('skips half term with term dates', () => {
    // Thu 22 Oct is day 1, Fri 23 day 2, half term, then Mon 2 Nov day 3 … Thu 5 Nov day 6.
    const c = makeCase({ exclusions: [permanentExclusion('2026-10-22')] });
    expect(items([c], '2026-10-22', terms)[0]).toMatchObject({ dueDate: '2026-11-02', title: expect.stringContaining('(Thu 5 Nov 2026)') });
  });

  it('counts weekdays bar bank holidays when the term dates run out, which can only be early', () => {
    const c = makeCase({ exclusions: [permanentExclusion('2027-07-20')] }); // the example's last term ends 2027-07-21
    expect(items([c], '2027-07-20', terms)[0]).toMatchObject({ dueDate: '2027-07-22', title: expect.stringContaining('(Tue 27 Jul 2027)') });
  });

  it('is dropped once provision should have started more than 5 school days ago; a suspension of 5 days or fewer has none', () => {
    const c = makeCase({ exclusions: [permanentExclusion('2026-12-01'), { ...permanentExclusion('2026-12-01', 'x-2'), kind: 'suspension', days: 5 }] });
    expect(items([c], '2026-12-15')).toHaveLength(1); // 5 school days after Tue 8 Dec
    expect(items([c], '2026-12-16')).toEqual([]);
  });

  it('follows a suspension of more than five school days too: the school arranges education from its sixth day', () => {
    // Mon 23 Nov is day 1 of 8; day 6 is Mon 30 Nov; three school days before is Wed 25 Nov.
    const c = makeCase({ pupilRef: '4021', exclusions: [{ ...permanentExclusion('2026-11-23', 'x-9'), kind: 'suspension', days: 8 }] });
    expect(items([c], '2026-11-20')).toEqual([
      expect.objectContaining({
        itemKey: `day6-provision:oak-primary:${c.id}:x-9`,
        kind: 'day6-provision',
        dueDate: '2026-11-25',
        title: 'Full-time provision from day 6 of the suspension (Mon 30 Nov 2026) for AB (ref 4021)',
      }),
    ]);
  });
});

describe('termly PEP for a looked-after child', () => {
  const lac = () => makeCase({ flags: { senSupport: false, ehcp: false, lookedAfter: true, previouslyLookedAfter: false, socialWorker: false } });

  it('is due on the first school day of the current or next term', () => {
    const c = lac();
    expect(items([c], '2026-08-20', terms)).toEqual([expect.objectContaining({ itemKey: `pep:oak-primary:${c.id}`, kind: 'pep', dueDate: '2026-09-02', ownerIds: [], title: 'Termly PEP for AB (ref ' + c.pupilRef + ')' })]);
    expect(items([c], '2026-09-30', terms)[0]?.dueDate).toBe('2026-09-02'); // 28 days into the term
    expect(items([c], '2026-10-01', terms)[0]?.dueDate).toBe('2027-01-05'); // half term is not a new term
    expect(items([c], '2027-02-10', terms)[0]?.dueDate).toBe('2027-04-12');
  });

  it('is not made without term dates, nor once the term dates run out, nor for other pupils', () => {
    expect(items([lac()], '2026-11-20')).toEqual([]);
    expect(items([lac()], '2027-09-01', terms)).toEqual([]);
    expect(items([makeCase()], '2026-11-20', terms)).toEqual([]);
  });

  it('firstTermStartFrom finds a term starting on the day asked about', () => {
    expect(firstTermStartFrom(terms, '2027-01-05')).toBe('2027-01-05');
    expect(firstTermStartFrom(terms, '2027-01-06')).toBe('2027-04-12');
  });
});
