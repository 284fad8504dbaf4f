import type { Exclusion, PupilCase } from '../../core/cases/pupil-case.js';
import type { ReviewCorrected } from '../../core/plans/review-corrections.js';
import { reinstatedOn } from '../../core/exclusions/withdrawn.js';
import type { ItemRef } from '../../core/record/record-items.js';
import { londonDayOf, ukDate } from '../../core/text/uk-date.js';
import { count } from './record-words.js';

/** How the views and the pack word a record put right after it was made (issue 11: a correction or a withdrawal must show). */

const outcome = (positiveChange: boolean): string => (positiveChange ? 'positive change' : 'no positive change');

/** "Recorded as no positive change; corrected on Wed 2 Dec 2026 by you: <why>." `who` names a staff id for the reader. */
export function reviewCorrectedWords(k: ReviewCorrected, who: (id: string) => string): string {
  const why = k.why ? `: ${k.why.replace(/\.?$/, '.')}` : '.';
  return `Recorded as ${outcome(k.original.positiveChange)}; corrected on ${ukDate(londonDayOf(k.at))} by ${who(k.by)}${why}`;
}

/** The correction's own line: "Corrected PSP review 2 (Mon 2 Nov 2026): now positive change". */
export function reviewCorrectionLine(review: ItemRef, plan: ItemRef, k: ReviewCorrected, positiveChange: boolean): string {
  return `Corrected ${plan.kind.toUpperCase()} review ${review.n} (${ukDate(k.original.date)}): now ${outcome(positiveChange)}`;
}

/** "10-day suspension from Thu 3 Dec 2026", "permanent exclusion from Mon 2 Nov 2026": a withdrawal names what it withdrew. */
export function exclusionNamed(x: Exclusion): string {
  return x.kind === 'permanent' ? `permanent exclusion from ${ukDate(x.startDate)}` : `suspension of ${count(x.days, 'school day')} from ${ukDate(x.startDate)}`;
}

/** An exclusion that no longer stands, and why: withdrawn (a mistake) or the pupil reinstated. */
export type ExclusionStatus = { kind: 'withdrawn'; on: string; by: string; why: string } | { kind: 'reinstated'; on: string };

/** Whether exclusion `x` still stands (undefined) or was withdrawn or overturned (core/exclusions/withdrawn.ts). */
export function exclusionStatus(c: Pick<PupilCase, 'facts'>, x: Exclusion): ExclusionStatus | undefined {
  const w = c.facts.find((f) => f.fact === 'withdrawn' && f.corrects === x.id);
  if (w) return { kind: 'withdrawn', on: w.on, by: w.by, why: w.why ?? '' };
  const back = reinstatedOn(c).get(x.id);
  return back ? { kind: 'reinstated', on: back } : undefined;
}

/** " (withdrawn Wed 2 Dec 2026: recorded for the wrong pupil; not counted)" or " (reinstated …; not counted)"; empty while it stands. */
export function exclusionStatusMark(st: ExclusionStatus | undefined): string {
  if (!st) return '';
  if (st.kind === 'reinstated') return ` (reinstated ${ukDate(st.on)}; not counted)`;
  return ` (withdrawn ${ukDate(st.on)}${st.why ? `: ${st.why.replace(/\.$/, '')}` : ''}; not counted)`;
}
