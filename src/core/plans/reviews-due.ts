import type { SchoolCalendar } from '../calendar/school-calendar.js';
import { proposeReviewDate, type ReviewWindow } from './review-dates.js';

/**
 * When an active PSP's next review falls: a school day in `window` (the pack's, pspReviewWindow:
 * three to four weeks) from the start or the last review, aiming at the plan's interval (calendar
 * days). See proposeReviewDate.
 */
export function pspReviewDue(calendar: SchoolCalendar, window: ReviewWindow, startDate: string, lastReviewDate: string | undefined, intervalDays: number): string {
  return proposeReviewDate(calendar, lastReviewDate ?? startDate, { ...window, aimDays: intervalDays });
}
