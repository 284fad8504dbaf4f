import type { PastoralSupportPlan, PersonCentredPlan, PupilCase, StepChange } from '../cases/pupil-case.js';
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
export function stepChangeOn(c: Pick<PupilCase, 'pcps' | 'psps' | 'referrals'>, change: Pick<StepChange, 'ref' | 'at'>): string {
  const ref = change.ref;
  if (ref) {
    for (const p of c.pcps) {
      if (p.id === ref) return planBegan('pcp', p);
      const r = p.reviews.find((x) => x.id === ref);
      if (r) return r.date;
    }
    for (const p of c.psps) {
      if (p.id === ref) return planBegan('psp', p);
      const r = p.reviews.find((x) => x.id === ref);
      if (r) return r.date;
    }
    const referral = c.referrals.find((x) => x.id === ref);
    if (referral) return referral.date;
  }
  return londonDayOf(change.at);
}
