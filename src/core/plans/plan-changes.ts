import { randomUUID } from 'node:crypto';
import type { Exclusion, PastoralSupportPlan, PersonCentredPlan, PlanReview, PupilCase, Referral } from '../cases/pupil-case.js';
import { AppError } from '../errors.js';

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

export function addPersonCentredPlan(c: PupilCase, input: NewPcp, ctx: ChangeContext): PupilCase {
  const id = randomUUID();
  // A new plan replaces the one before it; the old one stays on record, closed.
  const step = Math.max(2, c.currentStep);
  const plan: PersonCentredPlan = { id, step, ownerId: ctx.by, createdAt: ctx.now.toISOString(), reviews: [], status: 'active', ...input };
  const pcps = c.pcps.map((p) => (p.status === 'active' ? { ...p, status: 'closed' as const } : p));
  return log({ ...c, currentStep: step, pcps: [...pcps, plan] }, ctx, 'pcp.created', id);
}

export interface NewReview {
  date: string;
  positiveChange: boolean;
  notes: string;
  /** For a PCP: the next review date. */
  nextReviewDate?: string;
}

function review(input: NewReview, ctx: ChangeContext): PlanReview {
  return { id: randomUUID(), date: input.date, positiveChange: input.positiveChange, notes: input.notes, by: ctx.by };
}

export function recordPcpReview(c: PupilCase, planId: string, input: NewReview, ctx: ChangeContext): PupilCase {
  const plan = c.pcps.find((p) => p.id === planId && p.status === 'active');
  if (!plan) throw new AppError('That plan is closed or no longer exists, so it cannot be reviewed.', 'not-found');
  const r = review(input, ctx);
  const updated: PersonCentredPlan = { ...plan, reviews: [...plan.reviews, r], reviewDate: input.nextReviewDate ?? plan.reviewDate };
  return log({ ...c, pcps: c.pcps.map((p) => (p.id === planId ? updated : p)) }, ctx, 'pcp.reviewed', r.id);
}

export interface NewPsp {
  overseeingLeaderId: string;
  startDate: string;
  targets: string[];
  fields: Record<string, string>;
  reviewIntervalDays: number;
}

export function addPastoralSupportPlan(c: PupilCase, input: NewPsp, ctx: ChangeContext): PupilCase {
  const id = randomUUID();
  const plan: PastoralSupportPlan = { id, ownerId: ctx.by, reviews: [], status: 'active', ...input };
  const psps = c.psps.map((p) => (p.status === 'active' ? { ...p, status: 'closed' as const } : p));
  return log({ ...c, psps: [...psps, plan] }, ctx, 'psp.created', id);
}

export function recordPspReview(c: PupilCase, planId: string, input: NewReview, ctx: ChangeContext): PupilCase {
  const plan = c.psps.find((p) => p.id === planId && p.status === 'active');
  if (!plan) throw new AppError('That PSP is closed or no longer exists, so it cannot be reviewed.', 'not-found');
  const r = review(input, ctx);
  return log({ ...c, psps: c.psps.map((p) => (p.id === planId ? { ...p, reviews: [...p.reviews, r] } : p)) }, ctx, 'psp.reviewed', r.id);
}

export type NewReferral = Omit<Referral, 'id' | 'by'>;

/** A referral to external agencies or the LA is Step 5 of the pathway. */
export function addReferral(c: PupilCase, input: NewReferral, ctx: ChangeContext): PupilCase {
  const id = randomUUID();
  const referral: Referral = { id, by: ctx.by, ...input };
  return log({ ...c, currentStep: Math.max(c.currentStep, 5), referrals: [...c.referrals, referral] }, ctx, 'referral.made', id);
}

export type NewExclusion = Omit<Exclusion, 'id' | 'recordedBy' | 'recordedAt'>;

export function recordExclusion(c: PupilCase, input: NewExclusion, ctx: ChangeContext): PupilCase {
  const id = randomUUID();
  const e: Exclusion = { id, recordedBy: ctx.by, recordedAt: ctx.now.toISOString(), ...input };
  return log({ ...c, exclusions: [...c.exclusions, e] }, ctx, `exclusion.${input.kind}`, id);
}

export function moveToStep(c: PupilCase, step: number, ctx: ChangeContext): PupilCase {
  if (step === c.currentStep) return c;
  return log({ ...c, currentStep: step }, ctx, step > c.currentStep ? 'step.up' : 'step.down', String(step));
}
