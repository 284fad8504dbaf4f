import { z } from 'zod/v4';
import { FactEntry } from '../facts/fact-entry.js';
import { IsoDate, IsoDateTime, SchoolId, StaffId } from './fields.js';
import { FIELD_MAX, NOTES_MAX } from './text-limits.js';

export { IsoDate, IsoDateTime, SchoolId, StaffId } from './fields.js';

/**
 * A pupil case holds the minimum a school needs to run the graduated response:
 * the school's own pupil reference and initials, never a full name or date of birth.
 */

/** The school's own reference (MIS id or similar), not a UPN and not a name. */
export const PupilRef = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/, 'letters, digits and dashes, up to 20 characters');
export const Initials = z
  .string()
  .regex(/^[A-Z]{1,3}$/, 'one to three capital letters, such as "AB"');

/** Reception is 0, then Years 1–13. */
export const YearGroup = z.number().int().min(0).max(13);

export const PupilFlags = z.strictObject({
  senSupport: z.boolean().default(false),
  ehcp: z.boolean().default(false),
  lookedAfter: z.boolean().default(false),
  previouslyLookedAfter: z.boolean().default(false),
  /** Child in need or child protection plan: the pupil has a social worker. */
  socialWorker: z.boolean().default(false),
});
export type PupilFlags = z.infer<typeof PupilFlags>;

export const Exclusion = z.strictObject({
  id: z.string(),
  kind: z.enum(['suspension', 'permanent']),
  startDate: IsoDate,
  /** School days; a permanent exclusion records 0. */
  days: z.number().min(0).max(45),
  reason: z.string().max(FIELD_MAX).default(''),
  /**
   * The ids of the warnings shown before it was saved (check-before-saving.ts WARNING_IDS, e.g.
   * "virtual-school"), never their words; absent on records made before that check existed.
   */
  warningsShown: z.array(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/)).max(20).optional(),
  recordedBy: StaffId,
  recordedAt: IsoDateTime,
});
export type Exclusion = z.infer<typeof Exclusion>;

/** A step of the graduated response (000: Steps 1–6). */
export const Step = z.number().int().min(1).max(6);

export const PlanReview = z.strictObject({
  id: z.string(),
  date: IsoDate,
  positiveChange: z.boolean(),
  notes: z.string().max(NOTES_MAX).default(''),
  by: StaffId,
  /**
   * The step the pupil was on when the review was recorded: the pathway reads only reviews held at
   * the current step. Reviews saved before this was kept have none; the pathway works it out from
   * the timeline (see core/guidance/pathway-state.ts).
   */
  step: Step.optional(),
  /**
   * A PSP's targets as amended at this review (003: "targets are amended and developed in response
   * to pupil progress"); absent when they were kept. The targets now are the latest amendment
   * (plans/close-plan.ts, pspTargets), the plan's own `targets` those it started with.
   */
  targets: z.array(z.string().min(1).max(300)).min(1).max(10).optional(),
  /**
   * A correction: the id of the review this one stands in for (the original stays on the plan, in
   * `correctedReviews`), and why it was corrected (no names). The timeline says who and when.
   */
  corrects: z.string().optional(),
  correctionWhy: z.string().max(500).optional(),
});
export type PlanReview = z.infer<typeof PlanReview>;

/** Where a plan's end leads, as staff would say it. */
export const PlanLeadsTo = z.enum(['usual-support', 'new-plan', 'specialist-support', 'ehc-assessment', 'managed-move', 'alternative-provision', 'other']);
export type PlanLeadsTo = z.infer<typeof PlanLeadsTo>;

/**
 * How a plan ended: a PCP successful or replaced, a PSP successful or not (003: a PSP is
 * time-limited), and what follows. A plan replaced by a newer one of its kind is closed with
 * outcome "replaced" and `replacedBy`. Plans closed before this was kept have none.
 */
export const PlanClosure = z.strictObject({
  on: IsoDate,
  outcome: z.enum(['successful', 'not-successful', 'replaced']),
  leadsTo: PlanLeadsTo,
  notes: z.string().max(FIELD_MAX).default(''),
  by: StaffId,
  at: IsoDateTime,
  replacedBy: z.string().optional(),
});
export type PlanClosure = z.infer<typeof PlanClosure>;

/** Appendix 3 Positive Behaviour Support Plan, used as the person-centred plan. */
export const PersonCentredPlan = z.strictObject({
  id: z.string(),
  step: z.number().int().min(2).max(6),
  ownerId: StaffId,
  createdAt: IsoDateTime,
  /** Field values keyed by the pack's PCP template field ids. */
  fields: z.record(z.string(), z.string().max(FIELD_MAX)),
  incidentSupportPlan: z.record(z.string(), z.string().max(FIELD_MAX)).optional(),
  /** The next review's date: set when the plan is written, moved on at each review (what the reminders read). */
  reviewDate: IsoDate,
  /**
   * The first review's date as set when the plan was written; `reviewDate` moves on at each review.
   * Plans saved before it was kept have none (plans/reviews-due.ts pcpReviewDates says what is known).
   */
  firstReviewDate: IsoDate.optional(),
  reviews: z.array(PlanReview).default([]),
  /** Reviews as first recorded, each replaced in `reviews` by a correction that names it; kept, never edited. */
  correctedReviews: z.array(PlanReview).optional(),
  status: z.enum(['active', 'closed']).default('active'),
  closure: PlanClosure.optional(),
});
export type PersonCentredPlan = z.infer<typeof PersonCentredPlan>;

export const PastoralSupportPlan = z.strictObject({
  id: z.string(),
  overseeingLeaderId: StaffId,
  ownerId: StaffId,
  startDate: IsoDate,
  targets: z.array(z.string().min(1).max(300)).min(1).max(10),
  fields: z.record(z.string(), z.string().max(FIELD_MAX)).default({}),
  /** Days between reviews, 21–28 (every 3–4 weeks). */
  reviewIntervalDays: z.number().int().min(21).max(28),
  /**
   * For a PSP recorded after it had begun (a school starting with the bot mid-programme): the day of
   * its latest review held before then, when there was one. The next review counts from it. How that
   * review went was not recorded here, so the pathway and the escalation read only `reviews`.
   */
  lastReviewBeforeRecord: IsoDate.optional(),
  reviews: z.array(PlanReview).default([]),
  /** Reviews as first recorded, each replaced in `reviews` by a correction that names it; kept, never edited. */
  correctedReviews: z.array(PlanReview).optional(),
  status: z.enum(['active', 'closed']).default('active'),
  closure: PlanClosure.optional(),
});
export type PastoralSupportPlan = z.infer<typeof PastoralSupportPlan>;

export const Referral = z.strictObject({
  id: z.string(),
  date: IsoDate,
  /** Service id from the knowledge pack, e.g. "education-engagement-inclusion-team". */
  serviceId: z.string(),
  /** A referral to the LA makes the case visible to LA officers. */
  toLocalAuthority: z.boolean(),
  reasons: z.string().max(FIELD_MAX),
  parentalPermission: z.literal(true),
  fields: z.record(z.string(), z.string().max(FIELD_MAX)).default({}),
  by: StaffId,
});
export type Referral = z.infer<typeof Referral>;

/**
 * A move up or down the pathway, with why and who agreed it (000, Guiding Principles: the pathway
 * is bi-directional). Every change of `currentStep` is one of these, and its timeline entry
 * ("step.up" or "step.down") refers to it by id.
 */
export const StepChange = z.strictObject({
  id: z.string(),
  at: IsoDateTime,
  from: Step,
  to: Step,
  /**
   * What moved the pupil: a review without positive change (or sustained positive change), a
   * referral to external agencies (Step 4's action 15; from Step 4 into Step 5), a first plan (Step 2 begins), or a SENDCo setting the step.
   */
  cause: z.enum(['review', 'referral', 'plan', 'set']),
  /** Why, in words (no names). */
  reason: z.string().min(1).max(500),
  /** Who agreed the move: the member of staff who recorded it. */
  agreedBy: StaffId,
  /** Anyone else who agreed it, by role ("class teacher and parents"), never by name. */
  agreedWith: z.string().max(200).default(''),
  /** The review or referral that led to it. */
  ref: z.string().optional(),
});
export type StepChange = z.infer<typeof StepChange>;

export const TimelineEntry = z.strictObject({
  at: IsoDateTime,
  by: StaffId,
  /** A short event name such as "pcp.created"; never pupil details. */
  what: z.string().max(60),
  ref: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const PupilCase = z.strictObject({
  id: z.string(),
  schoolId: SchoolId,
  pupilRef: PupilRef,
  initials: Initials,
  yearGroup: YearGroup,
  /**
   * The flags when the pupil was added (or when the chronology began, for files saved before it):
   * the starting state. What holds now is `pupilFacts(c).flags` (core/facts), folded from `facts`.
   */
  flags: PupilFlags,
  /** Staff who work with the pupil and so may see the case. */
  staffIds: z.array(StaffId).default([]),
  currentStep: Step,
  /** The starting state, like `flags`: now is `pupilFacts(c).riskOfPermanentExclusion`. */
  riskOfPermanentExclusion: z.boolean().default(false),
  exclusions: z.array(Exclusion).default([]),
  /** The starting state, like `flags`: now is `pupilFacts(c).partTimeTimetable`. */
  partTimeTimetable: z
    .strictObject({ startDate: IsoDate, endDate: IsoDate, laNotifiedOn: IsoDate.optional() })
    .optional(),
  /** The starting state, like `flags`: now is `pupilFacts(c).ehcRequestedOn`. */
  ehcRequestedOn: IsoDate.optional(),
  pcps: z.array(PersonCentredPlan).default([]),
  psps: z.array(PastoralSupportPlan).default([]),
  referrals: z.array(Referral).default([]),
  /** Files saved before step changes were kept have none (their moves are "step.up" entries in the timeline). */
  stepChanges: z.array(StepChange).default([]),
  /** The chronology of facts about the pupil, only ever added to (core/facts); files saved before it have none. */
  facts: z.array(FactEntry).default([]),
  timeline: z.array(TimelineEntry).default([]),
  /** Optimistic concurrency: bumped on every save. */
  revision: z.number().int().min(0),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type PupilCase = z.infer<typeof PupilCase>;
