import type { SchoolCalendar } from '../calendar/school-calendar.js';
import type { PastoralSupportPlan } from '../cases/pupil-case.js';
import { proposeReviewDate, type ReviewWindow } from './review-dates.js';

/**
 * When an active PSP's next review falls: a school day in `window` (the pack's, pspReviewWindow:
 * three to four weeks) from the start or the last review, aiming at the plan's interval (calendar
 * days). See proposeReviewDate.
 */
export function pspReviewDue(calendar: SchoolCalendar, window: ReviewWindow, startDate: string, lastReviewDate: string | undefined, intervalDays: number): string {
  return proposeReviewDate(calendar, lastReviewDate ?? startDate, { ...window, aimDays: intervalDays });
}

/** A PSP's latest review: the latest recorded, or the one held before the plan was recorded here. */
export function latestPspReview(p: Pick<PastoralSupportPlan, 'reviews' | 'lastReviewBeforeRecord'>): string | undefined {
  let last = p.lastReviewBeforeRecord;
  for (const r of p.reviews) if (last === undefined || r.date > last) last = r.date;
  return last;
}
