import type { OffDay, SchoolCalendar } from '../calendar/school-calendar.js';
import { pupilFacts } from '../facts/pupil-facts.js';
import type { Exclusion, PupilCase } from '../cases/pupil-case.js';
import { addDays } from '../dates.js';
import { day6Duties, DEFAULT_PROVISION_FROM_DAY, dueItems } from '../reminders/due-items.js';
import { schoolYearOf } from '../exclusions/suspension-days.js';
import type { DueKind } from '../reminders/types.js';
import { weekdayOf } from '../calendar/london-time.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import { numberedItems, type ItemRef } from './record-items.js';

/**
 * Everything dated a school must act on for a pupil, as the reminders work it out (dueItems): plan
 * reviews, the LA's EHC needs-assessment dates, day-6 provision after a permanent exclusion or a
 * suspension of more than five school days, and the termly PEP of a looked-after child, with whether each is overdue by the school calendar (nothing
 * is overdue before the first school day it could have been met). Pure.
 */

export interface Deadline {
  kind: DueKind;
  /** The date itself: a review's, the LA's statutory date, the day provision must start, the PEP's term start. */
  dueDate: string;
  /** When to act by, if earlier than the date itself: day-6 provision is arranged three school days ahead. */
  actBy?: string;
  /** Set when the date is not a school day: why, and the first school day after it. */
  offDay?: OffDay;
  /** The first school day on or after the date has passed. */
  overdue: boolean;
  /** The plan a review is for. */
  plan?: ItemRef;
  /** For the EHC dates: the day the assessment was requested. */
  requestedOn?: string;
  /** For day-6 provision: what it follows. */
  after?: Exclusion['kind'];
}

export interface DeadlineContext {
  pack: KnowledgePack;
  calendar: SchoolCalendar;
  /** London date, YYYY-MM-DD. */
  today: string;
}

/** The pupil's deadlines, soonest (or most overdue) first. */
export function pupilDeadlines(c: PupilCase, ctx: DeadlineContext): Deadline[] {
  const { calendar, today } = ctx;
  const items = numberedItems(c);
  const planOf = (id: string | undefined): ItemRef | undefined => {
    const pcp = items.pcps.find((p) => p.plan.id === id);
    if (pcp) return { kind: 'pcp', n: pcp.n };
    const psp = items.psps.find((p) => p.plan.id === id);
    return psp ? { kind: 'psp', n: psp.n } : undefined;
  };
  const dated = (kind: DueKind, dueDate: string, extra: Partial<Deadline> = {}): Deadline => {
    // The LA's EHC dates are statutory calendar dates: one in the school holidays still falls on
    // that day (a fresh tester, issue 11, read "due in 34 days, Mon 28 Dec" 26 days before it).
    if (kind === 'ehc-decision' || kind === 'ehc-completion') return { kind, dueDate, overdue: dueDate < today, ...extra };
    const due = calendar.dueDay(dueDate);
    return { kind, dueDate, ...(due.offDay ? { offDay: due.offDay } : {}), overdue: due.firstDay < today, ...extra };
  };
  const out: Deadline[] = [];
  const requestedOn = pupilFacts(c).ehcRequestedOn;
  for (const item of dueItems([c], { pack: ctx.pack, calendar, today })) {
    // Day-6 items are dated by their reminder; the summary names the day provision must start, below.
    if (item.kind === 'day6-provision') continue;
    const plan = planOf(item.planId);
    const ehc = item.kind === 'ehc-decision' || item.kind === 'ehc-completion';
    out.push(dated(item.kind, item.dueDate, { ...(plan ? { plan } : {}), ...(ehc && requestedOn ? { requestedOn } : {}) }));
  }
  const fromDay = ctx.pack.rules?.permanentExclusion.provisionFromDay ?? DEFAULT_PROVISION_FROM_DAY;
  // The same duties, dates and live window as the reminders and the due_item rows (day6Duties).
  for (const duty of day6Duties(c, fromDay, calendar)) {
    const after = duty.exclusion.kind;
    if (today <= duty.lastLiveDay) out.push(dated('day6-provision', duty.provisionOn, { actBy: duty.remindOn, after }));
    // Past its reminders' few days of grace but still not recorded as started: it stays, overdue, on the
    // pupil's page and in "my reviews" for the rest of the school year, as the LA's figures count it missed.
    else if (duty.exclusion.startDate >= schoolYearOf(today).start) out.push(dated('day6-provision', duty.provisionOn, { after }));
  }
  return out.sort((a, b) => (a.actBy ?? a.dueDate).localeCompare(b.actBy ?? b.dueDate));
}

/** The Sunday that ends the week (Monday to Sunday) `today` is in. */
export function endOfWeek(today: string): string {
  return addDays(today, (7 - weekdayOf(today)) % 7);
}

/** Deadlines to act on by the end of this week, overdue ones included. */
export function dueThisWeek(deadlines: readonly Deadline[], today: string): Deadline[] {
  const sunday = endOfWeek(today);
  return deadlines.filter((d) => (d.actBy ?? d.dueDate) <= sunday || d.overdue);
}
