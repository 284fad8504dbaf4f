import type { SchoolCalendar } from '../core/calendar/school-calendar.js';
import { ukDate } from '../core/text/uk-date.js';
import { dateRuleProblem } from './date-rules.js';

/** A plan's own date and how a message names it ("the plan’s date", "the PSP’s start date"). */
export interface PlanDay {
  began: string;
  name: string;
}

/**
 * Why `date` (London `YYYY-MM-DD`), typed as `what` ("the review date"), cannot be the day of
 * something done to a plan, or undefined when it can: not before the plan's own date, and on a
 * school day, as the forms' date rules ask of a review (forms.json pcp `reviewDate`: schoolDay).
 */
export function planDayProblem(cal: SchoolCalendar, date: string, plan: PlanDay, what: string): string | undefined {
  if (date < plan.began) {
    const cap = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
    return `${cap} (${ukDate(date)}) is before ${plan.name} (${ukDate(plan.began)}); it cannot come before it. Please type a date from ${ukDate(plan.began)}.`;
  }
  return dateRuleProblem(cal, { schoolDay: true }, what, date);
}
