import { randomUUID } from 'node:crypto';
import type { Exclusion, PastoralSupportPlan, PersonCentredPlan, PlanClosure, PlanReview, PupilCase, Referral, StepChange } from '../cases/pupil-case.js';
import { londonToday } from '../dates.js';
import { currentStepBegan, planBegan, stepAtReview } from './plan-began.js';
import { AppError } from '../errors.js';
import { stepAfterReferral } from '../guidance/pathway-state.js';
import { londonDayOf, ukDate } from '../text/uk-date.js';

/**
 * Changes to a case, as pure functions: each returns a new case with a timeline entry.
 * They check what only the domain knows (a review needs a plan); access is checked by the caller.
 */
export interface ChangeContext {
  by: string;
  now: Date;
}

function log(c: PupilCase, ctx: ChangeContext, what: string, ref?: string): PupilCase {
  return { ...c, timeline: [...c.timeline, { at: ctx.now.toISOString(), by: ctx.by, what, ...(ref ? { ref } : {}) }] };
}

export interface NewPcp {
  fields: Record<string, string>;
  incidentSupportPlan?: Record<string, string>;
  reviewDate: string;
}

/** A plan is Step 2's action 5 (000, Step 2): writing one for a pupil at Step 1 starts Step 2, recorded as a step change. */
export function addPersonCentredPlan(c: PupilCase, input: NewPcp, ctx: ChangeContext): PupilCase {
  const id = randomUUID();
  // The move refers to the plan, so it is dated by the plan's own date (plan-began.ts stepChangeOn).
  const atStep = changeStep(c, { to: Math.max(2, c.currentStep), cause: 'plan', reason: 'A person-centred plan was written: targeted support begins at Step 2.', ref: id }, ctx);
  const plan: PersonCentredPlan = { id, step: atStep.currentStep, ownerId: ctx.by, createdAt: ctx.now.toISOString(), reviews: [], status: 'active', ...input, firstReviewDate: input.reviewDate };
  // A new plan replaces the one before it; the old one stays on record, closed as replaced by it on the new plan's date.
  const began = planBegan('pcp', plan);
  const pcps = atStep.pcps.map((p) => (p.status === 'active' ? { ...p, status: 'closed' as const, closure: replacedBy(id, ctx, laterOf(began, planBegan('pcp', p))) } : p));
  return log({ ...atStep, pcps: [...pcps, plan] }, ctx, 'pcp.created', id);
}

/** How a new plan closes the one it replaces: on the new plan's own date (never before the old one began). */
function replacedBy(id: string, ctx: ChangeContext, on: string = londonToday(ctx.now)): PlanClosure {
  return { on, outcome: 'replaced', leadsTo: 'new-plan', notes: '', by: ctx.by, at: ctx.now.toISOString(), replacedBy: id };
}

const laterOf = (a: string, b: string) => (a > b ? a : b);

export interface NewReview {
  date: string;
  positiveChange: boolean;
  notes: string;
  /** For a PCP: the next review date. */
  nextReviewDate?: string;
  /** For a PSP: the targets as amended at this review; absent to keep them. */
  targets?: string[];
}

/** A review is held at the step the pupil is on when it is recorded, and says so. */
function review(c: PupilCase, input: NewReview, ctx: ChangeContext): PlanReview {
  return { id: randomUUID(), date: input.date, positiveChange: input.positiveChange, notes: input.notes, by: ctx.by, step: c.currentStep, ...(input.targets ? { targets: input.targets } : {}) };
}

/** A review's outcome put right: what it should have said, and why (no names). */
export interface ReviewCorrection {
  positiveChange: boolean;
  why: string;
}

/**
 * Corrects review `reviewId` of a pupil's PCP or PSP: a new review, saying which it corrects and why,
 * stands in its place (the pathway, the escalation and the views read it), and the review as first
 * recorded is kept on the plan (`correctedReviews`); the timeline says who corrected it and when
 * ("pcp.review-corrected"). A step change the review led to stands: it is its own record.
 * @throws AppError 'not-found' (no such review), 'invalid-input' (no reason, or nothing changed)
 */
export function correctReview(c: PupilCase, reviewId: string, input: ReviewCorrection, ctx: ChangeContext): PupilCase {
  const why = input.why.trim();
  if (!why) throw new AppError('Please say what was wrong with the review (no names).', 'invalid-input');
  const fix = <P extends PersonCentredPlan | PastoralSupportPlan>(p: P): P => {
    const i = p.reviews.findIndex((r) => r.id === reviewId);
    if (i < 0) return p;
    const was = p.reviews[i]!;
    if (was.positiveChange === input.positiveChange) throw new AppError(`The review of ${ukDate(was.date)} already says ${was.positiveChange ? 'positive change' : 'no positive change'}.`, 'invalid-input');
    const now: PlanReview = { ...was, id: randomUUID(), positiveChange: input.positiveChange, by: ctx.by, corrects: was.corrects ?? was.id, correctionWhy: why.slice(0, 500) };
    return { ...p, reviews: p.reviews.map((r, j) => (j === i ? now : r)), correctedReviews: [...(p.correctedReviews ?? []), was] };
  };
  const pcps = c.pcps.map(fix);
  const psps = c.psps.map(fix);
  const before = new Set([...c.pcps, ...c.psps].flatMap((p) => p.reviews.map((r) => r.id)));
  const made = [...pcps, ...psps].flatMap((p) => p.reviews).find((r) => !before.has(r.id));
  if (!made) throw new AppError('That review is not on this pupil’s record.', 'not-found');
  const kind = pcps.some((p) => p.reviews.includes(made)) ? 'pcp' : 'psp';
  return log({ ...c, pcps, psps }, ctx, `${kind}.review-corrected`, made.id);
}

/**
 * One review of a plan a day: a second on the same date is refused, not added (two meetings the same
 * day are one review; a repeat is usually the same review recorded twice, and the pathway would read
 * it twice). Says which review is already there and what to do.
 * @throws AppError 'conflict'
 */
export function refuseSecondReview(reviews: readonly { date: string }[], date: string, plan: 'plan' | 'PSP'): void {
  if (reviews.some((r) => r.date === date)) throw new AppError(secondReviewMessage(date, plan), 'conflict');
}

/** Why a second review of one plan on one day is not recorded, and what to type instead. */
export function secondReviewMessage(date: string, plan: 'plan' | 'PSP'): string {
  return `A review of this ${plan} on ${ukDate(date)} is already recorded, and one review a day is kept. If this is the same meeting, nothing more is needed; if it was another review, give its own date.`;
}

export function recordPcpReview(c: PupilCase, planId: string, input: NewReview, ctx: ChangeContext): PupilCase {
  const plan = c.pcps.find((p) => p.id === planId && p.status === 'active');
  if (!plan) throw new AppError('That plan is closed or no longer exists, so it cannot be reviewed.', 'not-found');
  const { targets: _psp, ...pcpInput } = input;
  refuseSecondReview(plan.reviews, input.date, 'plan');
  const r = review(c, pcpInput, ctx);
  const updated: PersonCentredPlan = { ...plan, reviews: [...plan.reviews, r], reviewDate: input.nextReviewDate ?? plan.reviewDate };
  return log({ ...c, pcps: c.pcps.map((p) => (p.id === planId ? updated : p)) }, ctx, 'pcp.reviewed', r.id);
}

export interface NewPsp {
  overseeingLeaderId: string;
  startDate: string;
  targets: string[];
  fields: Record<string, string>;
  reviewIntervalDays: number;
  /** See PastoralSupportPlan.lastReviewBeforeRecord. */
  lastReviewBeforeRecord?: string;
}

export function addPastoralSupportPlan(c: PupilCase, input: NewPsp, ctx: ChangeContext): PupilCase {
  const id = randomUUID();
  const { lastReviewBeforeRecord: before, ...rest } = input;
  const plan: PastoralSupportPlan = { id, ownerId: ctx.by, reviews: [], status: 'active', ...rest, ...(before ? { lastReviewBeforeRecord: before } : {}) };
  const psps = c.psps.map((p) => (p.status === 'active' ? { ...p, status: 'closed' as const, closure: replacedBy(id, ctx, laterOf(input.startDate, p.startDate)) } : p));
  return log({ ...c, psps: [...psps, plan] }, ctx, 'psp.created', id);
}

export function recordPspReview(c: PupilCase, planId: string, input: NewReview, ctx: ChangeContext): PupilCase {
  const plan = c.psps.find((p) => p.id === planId && p.status === 'active');
  if (!plan) throw new AppError('That PSP is closed or no longer exists, so it cannot be reviewed.', 'not-found');
  refuseSecondReview(plan.reviews, input.date, 'PSP');
  const r = review(c, input, ctx);
  const reviewed = log({ ...c, psps: c.psps.map((p) => (p.id === planId ? { ...p, reviews: [...p.reviews, r] } : p)) }, ctx, 'psp.reviewed', r.id);
  // The amended targets are the review's; the timeline says so, so a chronology shows the change.
  return r.targets ? log(reviewed, ctx, 'psp.targets-amended', r.id) : reviewed;
}

export type NewReferral = Omit<Referral, 'id' | 'by'>;

/**
 * A referral to external agencies or the LA (000, Step 4 action 15) moves the pupil as
 * {@link stepAfterReferral} says (from Step 1–3 to Step 4; from Step 4 to Step 5, action 16),
 * recorded as a step change that refers to the referral.
 */
export function addReferral(c: PupilCase, input: NewReferral, ctx: ChangeContext, serviceName?: string): PupilCase {
  const id = randomUUID();
  const referral: Referral = { id, by: ctx.by, ...input };
  const referred = log({ ...c, referrals: [...c.referrals, referral] }, ctx, 'referral.made', id);
  const to = stepAfterReferral(c.currentStep);
  const why = to === 4 ? 'a referral to external agencies is Step 4, led by the SENDCo (action 15)' : 'specialist involvement is Step 5 (action 16)';
  const reason = `Referral to ${serviceName ?? 'external agencies'} on ${ukDate(input.date)}: ${why}.`;
  return changeStep(referred, { to, cause: 'referral', reason, ref: id }, ctx);
}

export type NewExclusion = Omit<Exclusion, 'id' | 'recordedBy' | 'recordedAt'>;

export function recordExclusion(c: PupilCase, input: NewExclusion, ctx: ChangeContext): PupilCase {
  const id = randomUUID();
  const e: Exclusion = { id, recordedBy: ctx.by, recordedAt: ctx.now.toISOString(), ...input };
  return log({ ...c, exclusions: [...c.exclusions, e] }, ctx, `exclusion.${input.kind}`, id);
}

export interface NewStepChange {
  to: number;
  cause: StepChange['cause'];
  reason: string;
  /** Anyone else who agreed it, by role. */
  agreedWith?: string;
  ref?: string;
}

/**
 * The one way a pupil's step changes: a StepChange saying from, to, why and who agreed it (the
 * person recording it), and a "step.up" or "step.down" timeline entry that refers to it. Moving to
 * the step the pupil is already on changes nothing.
 */
export function changeStep(c: PupilCase, input: NewStepChange, ctx: ChangeContext): PupilCase {
  if (input.to === c.currentStep) return c;
  const change: StepChange = {
    id: randomUUID(),
    at: ctx.now.toISOString(),
    from: c.currentStep,
    to: input.to,
    cause: input.cause,
    reason: input.reason,
    agreedBy: ctx.by,
    agreedWith: input.agreedWith ?? '',
    ...(input.ref ? { ref: input.ref } : {}),
  };
  return log({ ...c, currentStep: input.to, stepChanges: [...c.stepChanges, change] }, ctx, input.to > c.currentStep ? 'step.up' : 'step.down', change.id);
}

/**
 * The move a review's outcome leads to (000: Step 2 action 7, Step 3 action 12, Step 4 action 13
 * NO branches), agreed by whoever recorded that review, which must be the last thing recorded.
 */
export function moveAfterReview(c: PupilCase, to: number, ctx: ChangeContext): PupilCase {
  const last = c.timeline.at(-1);
  const r = last && [...c.pcps, ...c.psps].flatMap((p) => p.reviews).find((x) => x.id === last.ref);
  if (!r) throw new AppError('A step change after a review needs the review recorded first.', 'invalid-input');
  const outcome = r.positiveChange ? 'positive change' : 'no positive change';
  // A review held before the current step began cannot date a move from it: the move is dated today, and says why (plan-began.ts).
  const began = currentStepBegan(c);
  const late = began && r.date < began ? ` Dated ${ukDate(londonDayOf(ctx.now.toISOString()))}, the day it was recorded: the review was held before the pupil reached Step ${c.currentStep} (${ukDate(began)}).` : '';
  return changeStep(c, { to, cause: 'review', reason: `Review on ${ukDate(r.date)} at Step ${stepAtReview(c, r) ?? c.currentStep}: ${outcome}.${late}`, ref: r.id }, ctx);
}

/** A SENDCo sets the step outside a review, saying why (access is the caller's: CaseService.setStep). */
export function setStep(c: PupilCase, input: { to: number; reason: string; agreedWith?: string }, ctx: ChangeContext): PupilCase {
  if (input.to === c.currentStep) throw new AppError(`The pupil is already at Step ${input.to}.`, 'invalid-input');
  return changeStep(c, { to: input.to, cause: 'set', reason: input.reason, ...(input.agreedWith ? { agreedWith: input.agreedWith } : {}) }, ctx);
}
