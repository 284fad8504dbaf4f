import { PCP_REVIEW_WINDOW, proposeReviewDate } from '../core/plans/review-dates.js';
import { daysBetween } from '../core/dates.js';
import { ukDate } from '../core/text/uk-date.js';
import type { DialogContext, Question } from './dialog.js';
import { dateWithin } from './parse.js';

/** How far off a date is from today, as the suggestion reads: "in 11 days", "in about 6 weeks". */
function fromToday(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return days < 14 ? `in ${days} days` : `in about ${Math.round(days / 7)} weeks`;
}

/**
 * When a PCP is next reviewed, asked the same way when the plan is written and after each review:
 * a school day about six weeks after `from` (the plan's start or the review just held), or after
 * today when that would already be past, and at most 26 weeks ahead. The suggestion says how far
 * off it is counted from today, whatever it was counted from.
 */
export function pcpReviewDateQuestion(ctx: DialogContext, q: { id: string; prompt: string; what: string; from?: string }): Question {
  const today = ctx.today();
  const fromGiven = proposeReviewDate(ctx.calendar, q.from ?? today, PCP_REVIEW_WINDOW);
  const suggested = fromGiven >= today ? fromGiven : proposeReviewDate(ctx.calendar, today, PCP_REVIEW_WINDOW);
  return {
    id: q.id,
    kind: 'date',
    prompt: q.prompt,
    fallback: { value: suggested, label: `${ukDate(suggested)} (${fromToday(daysBetween(today, suggested))})` },
    parse: (r) => dateWithin(r, today, { pastDays: 0, futureDays: 182, what: q.what }),
  };
}
