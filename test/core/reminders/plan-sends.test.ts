import { beforeAll, describe, expect, it } from 'vitest';
import type { SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import type { PupilCase } from '../../../src/core/cases/pupil-case.js';
import { dueItems } from '../../../src/core/reminders/due-items.js';
import { isoWeek, planSends, type ReminderState } from '../../../src/core/reminders/plan-sends.js';
import type { DueItem, PlannedSend, SendState } from '../../../src/core/reminders/types.js';
import type { KnowledgePack } from '../../../src/knowledge/schema/pack.js';
import { makeCase } from '../../helpers/make-case.js';
import { worcestershire } from '../../helpers/pack.js';
import { at, every3, exampleTerms, noTerms, pcp, psp, review, sendcosAt } from './plans.js';

let pack: KnowledgePack;
let terms: SchoolCalendar;
beforeAll(async () => {
  pack = await worcestershire();
  terms = await exampleTerms();
});

const empty = (): ReminderState => ({ sends: {}, people: {} });
const itemsOf = (cases: PupilCase[], today: string, calendar: SchoolCalendar = noTerms) => dueItems(cases, { pack, calendar, today });
const plan = (items: DueItem[], now: string, state: ReminderState = empty(), calendar: SchoolCalendar = noTerms) =>
  planSends(items, state, { now: at(now), calendar, settings: every3, sendcosAt });
const who = (sends: PlannedSend[]) => sends.map((s) => `${s.recipientId} ${s.round}`);

/** The ledger after every planned send went out. */
function sentAll(state: ReminderState, sends: PlannedSend[], when: string): ReminderState {
  const done: Record<string, SendState> = { ...(state.sends as Record<string, SendState>) };
  for (const s of sends) done[s.sendKey] = { state: 'sent', at: when, attempts: 1 };
  return { ...state, sends: done };
}

describe('when a reminder goes out', () => {
  it('a PSP due 2026-11-23 goes at 08:00 London that day to the overseeing leader, owner and SENDCo, not at 07:59', () => {
    const c = makeCase({ pupilRef: '4021', psps: [psp('2026-11-02')] });
    const items = itemsOf([c], '2026-11-23');
    expect(plan(items, '2026-11-23T07:59:00Z')).toEqual({ sends: [], resume: [], digests: [] });
    const { sends } = plan(items, '2026-11-23T08:00:00Z');
    expect(who(sends)).toEqual(['leader-1 first', 'teacher-1 first', 'sendco@oak-primary first']);
    const itemKey = `psp-review:oak-primary:${c.id}:psp-1`;
    expect(sends[0]).toEqual({ sendKey: `${itemKey}|2026-11-23|leader-1|first`, personKey: `${itemKey}|2026-11-23|leader-1`, item: items[0], recipientId: 'leader-1', round: 'first', overdue: false });
  });

  it('nothing before the due date, nor outside sending time', () => {
    const items = itemsOf([makeCase({ pcps: [pcp('2026-11-24')] })], '2026-11-23');
    expect(plan(items, '2026-11-23T10:00:00Z').sends).toEqual([]);
    expect(plan(items, '2026-11-24T18:30:00Z').sends).toEqual([]); // quiet hours
    expect(plan(items, '2026-11-24T17:59:00Z').sends).toHaveLength(2);
  });

  it.each([
    ['a Saturday', '2026-11-28', noTerms, '2026-11-30T08:00:00.000Z'],
    ['Christmas Day, Boxing Day substituted on Monday 28th', '2026-12-25', noTerms, '2026-12-29T08:00:00.000Z'],
    ['half term', '2026-10-27', 'terms', '2026-11-02T08:00:00.000Z'],
    ['the Monday after the clocks go back', '2026-10-26', noTerms, '2026-10-26T08:00:00.000Z'],
    ['the Monday after the clocks go forward', '2026-03-30', noTerms, '2026-03-30T07:00:00.000Z'],
  ] as const)('due on %s: first sent at %s', (_, due, cal, first) => {
    const calendar = cal === 'terms' ? terms : cal;
    const items = itemsOf([makeCase({ pcps: [pcp(due)] })], due, calendar);
    const justBefore = new Date(Date.parse(first) - 60_000).toISOString();
    expect(plan(items, justBefore, empty(), calendar).sends).toEqual([]);
    expect(who(plan(items, first, empty(), calendar).sends)).toEqual(['teacher-1 first', 'sendco@oak-primary first']);
  });
});

describe('snooze and done, per person', () => {
  const c = makeCase({ psps: [psp('2026-11-02')] }); // due Mon 23 Nov
  const personKey = (id: string) => `psp-review:oak-primary:${c.id}:psp-1|2026-11-23|${id}`;

  it('a SENDCo snoozed until tomorrow: the others get theirs, the SENDCo gets one after the snooze', () => {
    const items = itemsOf([c], '2026-11-23');
    let state: ReminderState = { sends: {}, people: { [personKey('sendco@oak-primary')]: { snoozedUntil: '2026-11-24T08:00:00.000Z' } } };
    const monday = plan(items, '2026-11-23T08:00:00Z', state);
    expect(who(monday.sends)).toEqual(['leader-1 first', 'teacher-1 first']);
    state = sentAll(state, monday.sends, '2026-11-23T08:00:01.000Z');

    expect(plan(items, '2026-11-24T07:59:00Z', state).sends).toEqual([]);
    const tuesday = plan(items, '2026-11-24T08:00:00Z', state);
    expect(tuesday.sends.map((s) => [s.recipientId, s.round, s.overdue])).toEqual([['sendco@oak-primary', 'after-snooze-2026-11-24T08:00:00.000Z', true]]);
    state = sentAll(state, tuesday.sends, '2026-11-24T08:00:01.000Z');
    expect(plan(items, '2026-11-24T11:00:00Z', state).sends).toEqual([]);

    // Three school days on, everyone is due again, the SENDCo included.
    expect(who(plan(items, '2026-11-26T08:00:00Z', state).sends)).toEqual(['leader-1 again-1', 'teacher-1 again-1', 'sendco@oak-primary again-1']);
  });

  it('snoozed after the first reminder: after-snooze the next morning', () => {
    const items = itemsOf([c], '2026-11-23');
    const state = sentAll({ sends: {}, people: { [personKey('teacher-1')]: { snoozedUntil: '2026-11-24T08:00:00.000Z' } } }, plan(items, '2026-11-23T08:00:00Z').sends, '2026-11-23T08:00:01.000Z');
    expect(who(plan(items, '2026-11-24T09:30:00Z', state).sends)).toEqual(['teacher-1 after-snooze-2026-11-24T08:00:00.000Z']);
  });

  it('a snooze that ended before the due date changes nothing', () => {
    const items = itemsOf([c], '2026-11-23');
    const state: ReminderState = { sends: {}, people: { [personKey('teacher-1')]: { snoozedUntil: '2026-11-20T08:00:00.000Z' } } };
    expect(who(plan(items, '2026-11-23T08:00:00Z', state).sends)).toContain('teacher-1 first');
  });

  it('done stops only that person', () => {
    const items = itemsOf([c], '2026-11-23');
    const state: ReminderState = { sends: {}, people: { [personKey('teacher-1')]: { doneAt: '2026-11-20T10:00:00.000Z' } } };
    expect(who(plan(items, '2026-11-23T08:00:00Z', state).sends)).toEqual(['leader-1 first', 'sendco@oak-primary first']);
    expect(who(plan(items, '2026-11-26T08:00:00Z', state).sends)).toEqual(['leader-1 again-1', 'sendco@oak-primary again-1']);
  });
});

describe('overdue re-sends', () => {
  const one = makeCase({ pcps: [pcp('2026-11-02')] });
  const items = () => itemsOf([one], '2026-11-02'); // a Monday
  const firstSent = () => sentAll(empty(), plan(items(), '2026-11-02T08:00:00Z').sends, '2026-11-02T08:00:01.000Z');

  it('every 3 school days while the review is not recorded', () => {
    let state = firstSent();
    expect(plan(items(), '2026-11-04T08:00:00Z', state).sends).toEqual([]);
    const thursday = plan(items(), '2026-11-05T08:00:00Z', state).sends;
    expect(thursday.map((s) => [s.round, s.overdue])).toEqual([
      ['again-1', true],
      ['again-1', true],
    ]);
    state = sentAll(state, thursday, '2026-11-05T08:00:01.000Z');
    expect(plan(items(), '2026-11-09T08:00:00Z', state).sends).toEqual([]);
    expect(who(plan(items(), '2026-11-10T08:00:00Z', state).sends)).toEqual(['teacher-1 again-2', 'sendco@oak-primary again-2']);
  });

  it('after 10 school days of downtime: one catch-up per person, the latest round', () => {
    expect(who(plan(items(), '2026-11-16T08:00:00Z', firstSent()).sends)).toEqual(['teacher-1 again-3', 'sendco@oak-primary again-3']);
  });

  it('a recorded review gives a new due date, so the re-sends stop', () => {
    const reviewed = itemsOf([{ ...one, pcps: [pcp('2026-11-30', { reviews: [review('2026-11-09', true)] })] }], '2026-11-10');
    expect(plan(reviewed, '2026-11-10T08:00:00Z', firstSent()).sends).toEqual([]);
  });
});

describe('what the ledger already holds', () => {
  const one = makeCase({ pcps: [pcp('2026-11-23')] });
  const items = () => itemsOf([one], '2026-11-23');
  const keyFor = (recipient: string) => plan(items(), '2026-11-23T08:00:00Z').sends.find((s) => s.recipientId === recipient)!.sendKey;

  it("'sent' is not planned again, 'recorded' is returned to resume, as a Map or a record", () => {
    const sends = new Map<string, SendState>([
      [keyFor('teacher-1'), { state: 'sent', at: '2026-11-23T08:00:01.000Z', attempts: 1 }],
      [keyFor('sendco@oak-primary'), { state: 'recorded', at: '2026-11-23T08:00:01.000Z', attempts: 1 }],
    ]);
    for (const state of [{ sends, people: {} }, { sends: Object.fromEntries(sends), people: {} }]) {
      const p = plan(items(), '2026-11-23T08:05:00Z', state);
      expect(p.sends).toEqual([]);
      expect(who(p.resume)).toEqual(['sendco@oak-primary first']);
    }
  });

  it("'failed' waits for nextTryAt", () => {
    const state: ReminderState = { sends: { [keyFor('teacher-1')]: { state: 'failed', at: '2026-11-23T08:00:01.000Z', attempts: 1, nextTryAt: '2026-11-23T08:10:00.000Z' } }, people: {} };
    expect(who(plan(items(), '2026-11-23T08:09:59Z', state).sends)).toEqual(['sendco@oak-primary first']);
    expect(who(plan(items(), '2026-11-23T08:10:00Z', state).sends)).toEqual(['teacher-1 first', 'sendco@oak-primary first']);
  });
});

describe('ordering', () => {
  it('overdue first, then by due date, whatever order the items came in', () => {
    const items = itemsOf(
      [makeCase({ pupilRef: 'C', pcps: [pcp('2026-11-23')] }), makeCase({ pupilRef: 'A', pcps: [pcp('2026-11-02')] }), makeCase({ pupilRef: 'B', pcps: [pcp('2026-11-16')] })],
      '2026-11-23',
    ).reverse();
    const sends = planSends(items, empty(), { now: at('2026-11-23T08:00:00Z'), calendar: noTerms, settings: every3, sendcosAt: () => [] }).sends;
    expect(sends.map((s) => [s.item.pupilRef, s.overdue])).toEqual([
      ['A', true],
      ['B', true],
      ['C', false],
    ]);
  });
});

describe('due when no school day: not overdue before the first school day it could be held', () => {
  const c = makeCase({ pupilRef: 'XMAS', pcps: [pcp('2026-12-25')] });

  it('a review due on Christmas Day, in the holidays, is reminded on the first day back as due, not overdue', () => {
    const items = itemsOf([c], '2027-01-05', terms);
    const first = plan(items, '2027-01-05T08:00:00Z', empty(), terms);
    expect(first.sends.map((s) => [s.recipientId, s.round, s.overdue])).toEqual([
      ['teacher-1', 'first', false],
      ['sendco@oak-primary', 'first', false],
    ]);
    expect(first.sends[0]!.offDay).toEqual({ why: 'school holiday', firstSchoolDay: '2027-01-05' });
    expect(first.digests[0]).toMatchObject({ overdue: [], due: [expect.objectContaining({ pupilRef: 'XMAS' })], offDays: { '2026-12-25': { why: 'school holiday', firstSchoolDay: '2027-01-05' } } });
    // The next school day it is overdue.
    const state = sentAll(empty(), first.sends, '2027-01-05T08:00:01.000Z');
    expect(plan(itemsOf([c], '2027-01-06', terms), '2027-01-06T08:00:00Z', state, terms).sends).toEqual([]);
    expect(plan(itemsOf([c], '2027-01-08', terms), '2027-01-08T08:00:00Z', state, terms).sends.map((s) => [s.round, s.overdue])).toEqual([
      ['again-1', true],
      ['again-1', true],
    ]);
  });

  it('a PCP review on a Saturday is due, not overdue, on the Monday', () => {
    const sat = makeCase({ pcps: [pcp('2026-11-28')] });
    const sends = plan(itemsOf([sat], '2026-11-30'), '2026-11-30T08:00:00Z').sends;
    expect(sends.map((s) => [s.overdue, s.offDay])).toEqual([
      [false, { why: 'weekend', firstSchoolDay: '2026-11-30' }],
      [false, { why: 'weekend', firstSchoolDay: '2026-11-30' }],
    ]);
  });
});

describe('weekly digest for SENDCos', () => {
  const cases = () => [
    makeCase({ pupilRef: 'OVER', pcps: [pcp('2026-11-16')] }),
    makeCase({ pupilRef: 'TODAY', psps: [psp('2026-11-02')] }), // due 2026-11-23
    makeCase({ pupilRef: 'FRI', pcps: [pcp('2026-11-27')] }),
    makeCase({ pupilRef: 'SUN', pcps: [pcp('2026-11-29')] }),
    makeCase({ pupilRef: 'LATER', pcps: [pcp('2026-12-10')] }),
    makeCase({ schoolId: 'elm-high', pupilRef: 'ELM', pcps: [pcp('2027-01-10')] }),
  ];

  it('on Monday lists the week ahead and what is overdue; none for a SENDCo with nothing due', () => {
    const { digests } = plan(itemsOf(cases(), '2026-11-23'), '2026-11-23T08:00:00Z');
    expect(digests).toHaveLength(1);
    const [d] = digests;
    expect(d).toMatchObject({ sendKey: 'digest|sendco@oak-primary|2026-W48', recipientId: 'sendco@oak-primary', schoolId: 'oak-primary', week: '2026-W48' });
    expect(d!.overdue.map((i) => i.pupilRef)).toEqual(['OVER']);
    expect(d!.due.map((i) => i.pupilRef)).toEqual(['TODAY', 'FRI', 'SUN']);
  });

  it("leaves out items the SENDCo marked done", () => {
    const items = itemsOf(cases(), '2026-11-23');
    const fri = items.find((i) => i.pupilRef === 'FRI')!;
    const state: ReminderState = { sends: {}, people: { [`${fri.itemKey}|${fri.dueDate}|sendco@oak-primary`]: { doneAt: '2026-11-20T10:00:00.000Z' } } };
    expect(plan(items, '2026-11-23T08:00:00Z', state).digests[0]!.due.map((i) => i.pupilRef)).toEqual(['TODAY', 'SUN']);
  });

  it('none on Tuesday when Monday’s was sent', () => {
    const state: ReminderState = { sends: { 'digest|sendco@oak-primary|2026-W48': { state: 'sent', at: '2026-11-23T08:00:01.000Z', attempts: 1 } }, people: {} };
    expect(plan(itemsOf(cases(), '2026-11-24'), '2026-11-24T08:00:00Z', state).digests).toEqual([]);
  });

  it('none later in the week when Monday had nothing to list, though something comes into range on Tuesday', () => {
    const items = itemsOf([makeCase({ pcps: [pcp('2026-11-30')] })], '2026-11-23'); // next Monday
    expect(plan(items, '2026-11-23T08:00:00Z').digests).toEqual([]); // Monday's covers to Sunday the 29th
    expect(plan(items, '2026-11-24T08:00:00Z').digests).toEqual([]);
    expect(plan(items, '2026-11-30T08:00:00Z').digests.map((d) => d.sendKey)).toEqual(['digest|sendco@oak-primary|2026-W49']);
  });

  it('none started after the first school day (the bot was down on Monday), but Monday’s failed one is retried', () => {
    expect(plan(itemsOf(cases(), '2026-11-24'), '2026-11-24T08:00:00Z').digests).toEqual([]);
    const failed: ReminderState = { sends: { 'digest|sendco@oak-primary|2026-W48': { state: 'failed', at: '2026-11-23T08:00:01.000Z', attempts: 5, nextTryAt: '2026-11-24T08:00:00.000Z' } }, people: {} };
    expect(plan(itemsOf(cases(), '2026-11-24'), '2026-11-24T08:00:00Z', failed).digests).toHaveLength(1);
  });

  it('on the first day back after a holiday, whatever day of the week it is', () => {
    const items = itemsOf([makeCase({ pcps: [pcp('2027-01-07')] })], '2027-01-04', terms);
    expect(plan(items, '2027-01-04T08:00:00Z', empty(), terms).digests).toEqual([]); // still the holidays
    expect(plan(items, '2027-01-05T08:00:00Z', empty(), terms).digests.map((d) => d.sendKey)).toEqual(['digest|sendco@oak-primary|2027-W01']);
    const autumn = itemsOf([makeCase({ pcps: [pcp('2026-09-04')] })], '2026-09-02', terms);
    expect(plan(autumn, '2026-09-02T08:00:00Z', empty(), terms).digests).toHaveLength(1); // term starts on a Wednesday
    expect(plan(autumn, '2026-09-03T08:00:00Z', empty(), terms).digests).toEqual([]);
  });

  it('sent on Tuesday when Monday is a bank holiday', () => {
    const items = itemsOf([makeCase({ pcps: [pcp('2026-09-03')] })], '2026-08-31');
    expect(plan(items, '2026-08-31T09:00:00Z').digests).toEqual([]); // summer bank holiday
    expect(plan(items, '2026-09-01T08:00:00Z').digests.map((d) => d.sendKey)).toEqual(['digest|sendco@oak-primary|2026-W36']);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-11-29', '2026-W48'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });
});
