import type { PastoralSupportPlan } from '../../core/cases/pupil-case.js';
import type { NumberedItems } from '../../core/record/record-items.js';
import { ukDate } from '../../core/text/uk-date.js';

/**
 * A PSP's targets as they stand (003: "targets are amended and developed in response to pupil
 * progress"): those of its latest review that amended them, else those it started with, and
 * where they came from, named as the record numbers reviews ("amended at review 3 on Sat 28 Nov 2026").
 */
export interface TargetsNow {
  targets: string[];
  /** Absent when the targets are those the PSP started with. */
  amended?: { n: number; date: string; words: string };
}

/** The targets of `plan` now; `items` numbers its reviews as the record does. */
export function pspTargetsNow(items: NumberedItems, plan: Pick<PastoralSupportPlan, 'targets' | 'reviews'>): TargetsNow {
  const latest = plan.reviews.findLast((r) => r.targets);
  if (!latest?.targets) return { targets: plan.targets };
  const n = items.reviews.find((r) => r.review.id === latest.id)?.n;
  const words = n ? `amended at review ${n} on ${ukDate(latest.date)}` : `amended at the review on ${ukDate(latest.date)}`;
  return { targets: latest.targets, amended: { n: n ?? 0, date: latest.date, words } };
}
