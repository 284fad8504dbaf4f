import type { PastoralSupportPlan, PersonCentredPlan } from '../cases/pupil-case.js';
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
