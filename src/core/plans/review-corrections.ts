import type { PlanReview, PupilCase } from '../cases/pupil-case.js';

/** A review whose outcome was corrected: the review as first recorded, and who corrected it, when and why. */
export interface ReviewCorrected {
  /** The review as first recorded (kept on the plan's `correctedReviews`). */
  original: PlanReview;
  /** When the correction was recorded (ISO date-time, from the timeline), and by whom (a staff id). */
  at: string;
  by: string;
  why: string;
}

/**
 * What a review standing on a plan corrected, if it is a correction (plans/plan-changes.ts
 * correctReview): the review as first recorded and the correction's who, when (its timeline line,
 * "pcp.review-corrected"/"psp.review-corrected") and why. Undefined for a review never corrected. Pure.
 */
export function reviewCorrected(c: Pick<PupilCase, 'pcps' | 'psps' | 'timeline'>, review: PlanReview): ReviewCorrected | undefined {
  if (!review.corrects) return undefined;
  const original = [...c.pcps, ...c.psps].flatMap((p) => p.correctedReviews ?? []).find((r) => r.id === review.corrects);
  const logged = c.timeline.find((t) => t.ref === review.id && t.what.endsWith('.review-corrected'));
  if (!original || !logged) return undefined;
  return { original, at: logged.at, by: logged.by, why: review.correctionWhy ?? '' };
}
