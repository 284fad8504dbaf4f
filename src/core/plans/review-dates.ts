import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import { SchoolCalendar } from '../calendar/school-calendar.js';
import { addDays } from '../dates.js';

/**
 * When a review may fall, counted in calendar days (not school days) after the plan's start or its
 * last review: from `earliestDays` to `latestDays` inclusive, aiming at `aimDays` (by default the
 * earliest). A PSP's is three to four weeks, aiming at the interval chosen for the plan.
 */
export interface ReviewWindow {
  earliestDays: number;
  latestDays: number;
  aimDays?: number;
}

/** A PSP is reviewed every three to four weeks (Hackney, 003); used only for a pack that sets no rules. */
const PSP_INTERVAL_WITHOUT_RULES = Object.freeze({ min: 21, max: 28 });

/** The pack's days between PSP reviews (rules.psp.reviewIntervalDays), as the window a review may fall in. */
export function pspReviewWindow(pack: KnowledgePack): ReviewWindow {
  const r = pack.rules?.psp.reviewIntervalDays ?? PSP_INTERVAL_WITHOUT_RULES;
  return { earliestDays: r.min, latestDays: r.max };
}

/**
 * A PCP's suggested review: six weeks on, or the first school day later that week. The guidance
 * sets no interval for a PCP, so this is only the form's suggestion; staff may pick any date.
 */
export const PCP_REVIEW_WINDOW: ReviewWindow = Object.freeze({ earliestDays: 42, latestDays: 48 });

/** Used only when the school's term dates run out before a proposal is found: counting holidays as school days errs early. */
const WEEKDAYS = new SchoolCalendar();

/**
 * The date to propose for a review: always a school day of `calendar`. Dates are London
 * `YYYY-MM-DD` days; the window is in calendar days after `from` (the start or the last review).
 *
 * 1. the first school day on or after the aim, if it is still inside the window;
 * 2. else the latest school day before the aim that is inside the window;
 * 3. else (a holiday covers the whole window) the first school day after the window.
 *
 * With the aim at the window's start this is simply the first school day on or after it. When
 * the term dates run out before step 3 finds a day, weekdays that are not bank holidays count as
 * school days, so a proposal is always made, and never late. Pure.
 */
export function proposeReviewDate(calendar: SchoolCalendar, from: string, window: ReviewWindow): string {
  const { earliestDays, latestDays } = window;
  const aim = Math.min(Math.max(window.aimDays ?? earliestDays, earliestDays), latestDays);
  for (let d = aim; d <= latestDays; d++) if (calendar.isSchoolDay(addDays(from, d))) return addDays(from, d);
  for (let d = aim - 1; d >= earliestDays; d--) if (calendar.isSchoolDay(addDays(from, d))) return addDays(from, d);
  const after = calendar.offDay(addDays(from, latestDays + 1));
  if (after === undefined) return addDays(from, latestDays + 1);
  return after.firstSchoolDay ?? proposeReviewDate(WEEKDAYS, from, window);
}
