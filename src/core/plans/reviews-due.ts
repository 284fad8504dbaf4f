import type { OffDay, SchoolCalendar } from '../calendar/school-calendar.js';
import type { PupilCase } from '../cases/pupil-case.js';
import { daysBetween } from '../dates.js';
import { proposeReviewDate, type ReviewWindow } from './review-dates.js';

export interface ReviewDue {
  caseId: string;
  schoolId: string;
  pupilRef: string;
  initials: string;
  plan: 'pcp' | 'psp';
  planId: string;
  /** Who the reminder goes to: the plan's owner, or for a PSP its overseeing leader too. */
  ownerId: string;
  overseeingLeaderId?: string;
  dueDate: string;
  /** Set when the due date is not a school day: why, and the first school day it can be held. */
  offDay?: OffDay;
  /**
   * Calendar days from today to the first school day on or after the due date (the first day it
   * could be held); negative when overdue, so nothing is overdue before it could have been held.
   */
  daysUntilDue: number;
}

/**
 * When an active PSP's next review falls: a school day in `window` (the pack's, pspReviewWindow:
 * three to four weeks) from the start or the last review, aiming at the plan's interval (calendar
 * days). See proposeReviewDate.
 */
export function pspReviewDue(calendar: SchoolCalendar, window: ReviewWindow, startDate: string, lastReviewDate: string | undefined, intervalDays: number): string {
  return proposeReviewDate(calendar, lastReviewDate ?? startDate, { ...window, aimDays: intervalDays });
}

/** Every active plan's next review, soonest (or most overdue) first. `today` is a London date; `pspWindow` the pack's (pspReviewWindow). */
export function reviewsDue(cases: readonly PupilCase[], today: string, calendar: SchoolCalendar, pspWindow: ReviewWindow): ReviewDue[] {
  const out: ReviewDue[] = [];
  const when = (dueDate: string) => {
    const { firstDay, offDay } = calendar.dueDay(dueDate);
    return { dueDate, ...(offDay ? { offDay } : {}), daysUntilDue: daysBetween(today, firstDay) };
  };
  for (const c of cases) {
    const base = { caseId: c.id, schoolId: c.schoolId, pupilRef: c.pupilRef, initials: c.initials };
    for (const p of c.pcps) if (p.status === 'active') out.push({ ...base, plan: 'pcp', planId: p.id, ownerId: p.ownerId, ...when(p.reviewDate) });
    for (const p of c.psps) {
      if (p.status !== 'active') continue;
      const last = [...p.reviews].map((r) => r.date).sort().at(-1);
      const due = pspReviewDue(calendar, pspWindow, p.startDate, last, p.reviewIntervalDays);
      out.push({ ...base, plan: 'psp', planId: p.id, ownerId: p.ownerId, overseeingLeaderId: p.overseeingLeaderId, ...when(due) });
    }
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.pupilRef.localeCompare(b.pupilRef));
}
