import type { PastoralSupportPlan, PersonCentredPlan, PlanReview, PupilCase, StepChange } from '../cases/pupil-case.js';
import { londonDayOf } from '../text/uk-date.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The plan's own date, London `YYYY-MM-DD`: nothing done to the plan (a review, its end) can come
 * before it. A PCP's is the date typed on the form (forms.json pcp `planDate`: "the date the plan
 * was drawn up or last updated"), else the London day it was saved; a PSP's is its start date.
 */
export function planBegan(kind: 'pcp', plan: Pick<PersonCentredPlan, 'fields' | 'createdAt'>): string;
export function planBegan(kind: 'psp', plan: Pick<PastoralSupportPlan, 'startDate'>): string;
export function planBegan(kind: 'pcp' | 'psp', plan: Partial<Pick<PersonCentredPlan, 'fields' | 'createdAt'> & Pick<PastoralSupportPlan, 'startDate'>>): string {
  if (kind === 'psp') return plan.startDate!;
  const typed = plan.fields?.planDate;
  return typed && ISO_DAY.test(typed) ? typed : londonDayOf(plan.createdAt!);
}

/**
 * The day a step change took effect, London `YYYY-MM-DD`: the date of the review, referral or plan
 * that led to it (a move agreed at a review held on Monday and typed in on Thursday took effect on
 * Monday), else the day it was recorded (a SENDCo setting the step). Not the moment it was typed.
 */
export function stepChangeOn(c: Pick<PupilCase, 'pcps' | 'psps' | 'referrals'> & Partial<Pick<PupilCase, 'stepChanges'>>, change: Pick<StepChange, 'ref' | 'at'>): string {
  const ref = change.ref;
  if (ref) {
    for (const p of c.pcps) {
      if (p.id === ref) return planBegan('pcp', p);
      const r = p.reviews.find((x) => x.id === ref);
      if (r) return reviewMoveOn(c, change, r.date);
    }
    for (const p of c.psps) {
      if (p.id === ref) return planBegan('psp', p);
      const r = p.reviews.find((x) => x.id === ref);
      if (r) return reviewMoveOn(c, change, r.date);
    }
    const referral = c.referrals.find((x) => x.id === ref);
    if (referral) return referral.date;
  }
  return londonDayOf(change.at);
}

/**
 * A move after a review takes effect on the review's date, unless the review was held before the
 * step it moves from began (a review typed in late, back-dated): the move cannot come before the
 * step it leaves, so it is dated the day it was recorded (issue 11: the step history read out of order).
 */
function reviewMoveOn(c: Pick<PupilCase, 'pcps' | 'psps' | 'referrals'> & Partial<Pick<PupilCase, 'stepChanges'>>, change: Pick<StepChange, 'ref' | 'at'>, reviewDate: string): string {
  const i = (c.stepChanges ?? []).findIndex((x) => x.ref === change.ref && x.at === change.at);
  const before = i > 0 ? c.stepChanges![i - 1]! : undefined;
  return before && reviewDate < stepChangeOn(c, before) ? londonDayOf(change.at) : reviewDate;
}

/**
 * The step the pupil was at when review `r` was held, from the chronology: the step changes that took
 * effect before its date (or that day, recorded before it), not the step they are at when it is typed
 * in (issue 11: a back-dated review read "at Step 3", a step reached a month later). A record with no
 * step changes keeps the step saved with the review. The pathway still reads the saved step.
 */
export function stepAtReview(c: Pick<PupilCase, 'pcps' | 'psps' | 'referrals' | 'stepChanges' | 'timeline'>, r: Pick<PlanReview, 'id' | 'date' | 'step' | 'corrects'>): number | undefined {
  if (!c.stepChanges.length) return r.step;
  const own = r.corrects ?? r.id;
  const recorded = c.timeline.find((t) => t.ref === own)?.at;
  const dated = c.stepChanges.map((x, i) => ({ x, i, on: stepChangeOn(c, x) })).sort((a, b) => a.on.localeCompare(b.on) || a.i - b.i);
  let step = c.stepChanges[0]!.from;
  for (const d of dated) {
    if (d.x.ref === own || d.x.ref === r.id) continue;
    if (d.on < r.date || (d.on === r.date && recorded !== undefined && d.x.at < recorded)) step = d.x.to;
  }
  return step;
}

/** The day the pupil's current step began (its last step change took effect), if a change is recorded. */
export function currentStepBegan(c: Pick<PupilCase, 'pcps' | 'psps' | 'referrals' | 'stepChanges'>): string | undefined {
  const last = c.stepChanges.at(-1);
  return last && stepChangeOn(c, last);
}
