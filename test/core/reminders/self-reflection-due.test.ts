import { describe, expect, it } from 'vitest';
import { SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import { recipientsFor } from '../../../src/core/reminders/recipients.js';
import { selfReflectionDueItems } from '../../../src/core/reminders/self-reflection-due.js';
import type { SchoolReflections } from '../../../src/core/self-reflection/reflection.js';

/** The example term dates: autumn 2 Sep–18 Dec 2026, spring 5 Jan–26 Mar 2027, summer from 12 Apr 2027. */
const TERMS = new SchoolCalendar({
  terms: [
    { name: 'Autumn 2026', start: '2026-09-02', end: '2026-12-18' },
    { name: 'Spring 2027', start: '2027-01-05', end: '2027-03-26' },
    { name: 'Summer 2027', start: '2027-04-12', end: '2027-07-21' },
  ],
  closures: [{ name: 'Spring half term', start: '2027-02-15', end: '2027-02-19' }],
});

function school(id: string, completedOn?: string, by = 'teams:head'): SchoolReflections {
  const at = `${completedOn ?? '2026-11-20'}T10:00:00.000Z`;
  return {
    schoolId: id,
    revision: 1,
    completed: completedOn ? [{ id: 'a6d0e3c2-0000-4000-8000-000000000001', startedAt: at, startedBy: by, areas: {}, completedAt: at, completedBy: by, completedOn }] : [],
  };
}

const everyone = () => true;
const due = (schools: SchoolReflections[], today: string, fillsIn = everyone, calendar = TERMS) => selfReflectionDueItems(schools, { calendar, today, fillsIn });

describe('the termly self-reflection reminder', () => {
  it('is due on the first school day of each term for a school that completed one last term, to whoever completed it', () => {
    const items = due([school('oak-primary', '2026-11-20')], '2027-01-05');
    expect(items).toEqual([
      {
        itemKey: 'self-reflection:oak-primary',
        kind: 'self-reflection',
        schoolId: 'oak-primary',
        dueDate: '2027-01-05',
        ownerIds: ['teams:head'],
        title: 'Inclusion self-reflection: time to revisit it this term (last completed Fri 20 Nov 2026)',
        command: 'self-reflection',
      },
    ]);
    expect(recipientsFor(items[0]!, () => ['teams:sendco'])).toEqual(['teams:head']);
    // Still due a fortnight in (it is overdue then), and for the summer term after Easter.
    expect(due([school('oak-primary', '2026-11-20')], '2027-01-19')[0]!.dueDate).toBe('2027-01-05');
    expect(due([school('oak-primary', '2027-02-01')], '2027-04-12')[0]!.dueDate).toBe('2027-04-12');
  });

  it('is not due for a school that completed one in the holidays before the term or since it began, or never did one', () => {
    expect(due([school('oak-primary', '2026-12-21')], '2027-01-05')).toEqual([]);
    expect(due([school('oak-primary', '2027-01-05')], '2027-01-06')).toEqual([]);
    expect(due([school('oak-primary')], '2027-01-05')).toEqual([]);
  });

  it('goes to the SENDCos when the person who completed it may no longer, and nowhere without term dates', () => {
    const [item] = due([school('oak-primary', '2026-11-20')], '2027-01-05', () => false);
    expect(item!.ownerIds).toEqual([]);
    expect(recipientsFor(item!, () => ['teams:sendco-a', 'teams:sendco-b'])).toEqual(['teams:sendco-a', 'teams:sendco-b']);
    expect(due([school('oak-primary', '2026-11-20')], '2027-01-05', everyone, new SchoolCalendar())).toEqual([]);
  });
});
