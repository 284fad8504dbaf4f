import { PCP_REVIEW_WINDOW, proposeReviewDate } from '../core/plans/review-dates.js';
import { addDays, daysBetween } from '../core/dates.js';
import { ukDate } from '../core/text/uk-date.js';
import { dateRuleProblem, type Anchor } from './date-rules.js';
import type { DialogContext, Question } from './dialog.js';
import { dateWithin } from './parse.js';
import { packForm } from './template-questions.js';

/** How far off a date is from today, as the suggestion reads: "in 11 days", "in about 6 weeks". */
function fromToday(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return days < 14 ? `in ${days} days` : `in about ${Math.round(days / 7)} weeks`;
}

/** Far enough past the plan's date that the pack's rule, which names the plan's date, is what refuses a late review. */
const FAR = 366;

/**
 * A review suggested from today that would fall after the plan's limit (a plan dated some months
 * ago): the last school day up to the limit instead, while that is not before today.
 */
function withinLimit(ctx: DialogContext, suggested: string, today: string, limit: string | undefined): string {
  if (!limit || suggested <= limit) return suggested;
  for (let d = limit; d >= today; d = addDays(d, -1)) if (ctx.calendar.isSchoolDay(d)) return d;
  return suggested;
}

/**
 * When a PCP is next reviewed, asked the same way when the plan is written and after each review:
 * a school day about six weeks after `from` (the plan's date or the review just held), or after
 * today when that would already be past, but never past 26 weeks from `from` while a day before
 * then is left (a typed date is held to 26 weeks from `from`, not from today). The suggestion says how far
 * off it is counted from today, whatever it was counted from. A typed date must keep the pack's
 * rule for the plan's review date (forms.json, pcp `reviewDate`: after the plan's date, within 26
 * weeks of it, on a school day); after a review it counts from the review instead of the plan's date.
 * With `pastWhenFromIs` (a PCP's own review date), a plan dated in the past may have a past review
 * date too, still after the plan's date: it is recorded as past, and the answer says so.
 */
export function pcpReviewDateQuestion(ctx: DialogContext, q: { id: string; prompt: string; what: string; from?: Anchor; pastWhenFromIs?: boolean }): Question {
  const today = ctx.today();
  const rule = packForm(ctx, 'pcp')?.fields.find((f) => f.id === 'reviewDate')?.dateRule;
  const fromGiven = proposeReviewDate(ctx.calendar, q.from?.date ?? today, PCP_REVIEW_WINDOW);
  const limit = q.from && rule?.maxDaysAfter !== undefined ? addDays(q.from.date, rule.maxDaysAfter) : undefined;
  const suggested = fromGiven >= today ? fromGiven : withinLimit(ctx, proposeReviewDate(ctx.calendar, today, PCP_REVIEW_WINDOW), today, limit);
  // The 26 weeks count from the plan's date (or the review), not today: the rule says how far, by name.
  const futureDays = q.from ? Math.max(0, daysBetween(today, q.from.date)) + FAR : 182;
  return {
    id: q.id,
    kind: 'date',
    prompt: q.prompt,
    fallback: { value: suggested, label: `${ukDate(suggested)} (${fromToday(daysBetween(today, suggested))})` },
    parse(r) {
      // A plan written up after the event may already have been reviewed: then its review date may be past too (after the plan's date, the rule says).
      // Wider than the rule, so a date before the plan is refused in the rule’s words, naming the plan’s date.
      const pastDays = q.pastWhenFromIs && q.from && q.from.date < today ? daysBetween(q.from.date, today) + FAR : 0;
      const d = dateWithin(r, today, { pastDays, futureDays, what: q.what, weekdayAhead: !pastDays });
      const problem = d.ok && rule ? dateRuleProblem(ctx.calendar, rule, `the ${q.what}`, d.value as string, q.from) : undefined;
      if (problem) return { ok: false, message: `${problem} Or leave it blank for ${ukDate(suggested)}.` };
      if (d.ok && (d.value as string) < today)
        return { ...d, note: `${ukDate(d.value as string)} is past: it will be recorded as a past review date, for a plan written up after it was reviewed. Record that review with "review" (its date can be up to 120 days ago).` };
      return d;
    },
  };
}
