import type { SchoolCalendar } from '../calendar/school-calendar.js';
import type { PastoralSupportPlan, PersonCentredPlan } from '../cases/pupil-case.js';
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

/** A PSP's next review as the reminders count it: from its latest review (or its start), by {@link pspReviewDue}. */
export function pspNextReview(calendar: SchoolCalendar, window: ReviewWindow, p: Pick<PastoralSupportPlan, 'startDate' | 'reviews' | 'lastReviewBeforeRecord' | 'reviewIntervalDays'>): string {
  return pspReviewDue(calendar, window, latestPspReview(p) ?? p.startDate, undefined, p.reviewIntervalDays);
}

/**
 * A plan's review dates, London `YYYY-MM-DD`, worked out as the reminders work them out (one
 * function for the pack, the summary and `my reviews`):
 * - `first`: the first review, when it was due. A PCP's is the date set when it was written; a
 *   PSP's is a school day three to four weeks after its start (or, for one recorded after it began,
 *   its latest review held before then). Undefined for a PCP saved before the first date was kept
 *   and since reviewed (its first date was moved on): then `firstHeld` says when the first was held.
 * - `firstHeld`: the day the first review recorded here was held, if any.
 * - `next`: for an active plan, the next review due (the date `my reviews` reminds of).
 */
export interface PlanReviewDates {
  first?: string;
  firstHeld?: string;
  next?: string;
}

export function pcpReviewDates(p: Pick<PersonCentredPlan, 'reviewDate' | 'firstReviewDate' | 'reviews' | 'status'>): PlanReviewDates {
  const firstHeld = earliest(p.reviews);
  const first = p.firstReviewDate ?? (p.reviews.length ? undefined : p.reviewDate);
  return { ...(first ? { first } : {}), ...(firstHeld ? { firstHeld } : {}), ...(p.status === 'active' ? { next: p.reviewDate } : {}) };
}

export function pspReviewDates(calendar: SchoolCalendar, window: ReviewWindow, p: Pick<PastoralSupportPlan, 'startDate' | 'reviews' | 'lastReviewBeforeRecord' | 'reviewIntervalDays' | 'status'>): PlanReviewDates {
  const firstHeld = earliest(p.reviews);
  const first = p.lastReviewBeforeRecord ? undefined : pspReviewDue(calendar, window, p.startDate, undefined, p.reviewIntervalDays);
  return { ...(first ? { first } : {}), ...(firstHeld ? { firstHeld } : {}), ...(p.status === 'active' ? { next: pspNextReview(calendar, window, p) } : {}) };
}

const earliest = (reviews: readonly { date: string }[]): string | undefined => reviews.reduce<string | undefined>((a, r) => (a === undefined || r.date < a ? r.date : a), undefined);
