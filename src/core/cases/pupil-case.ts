import { z } from 'zod/v4';
import { FIELD_MAX, NOTES_MAX } from './text-limits.js';

/**
 * A pupil case holds the minimum a school needs to run the graduated response:
 * the school's own pupil reference and initials, never a full name or date of birth.
 */

export const IsoDate = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

export const SchoolId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a school id such as "st-marys-primary"');
export const StaffId = z.string().min(1).max(128);

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
  reason: z.string().max(300).default(''),
  recordedBy: StaffId,
  recordedAt: IsoDateTime,
});
export type Exclusion = z.infer<typeof Exclusion>;

export const PlanReview = z.strictObject({
  id: z.string(),
  date: IsoDate,
  positiveChange: z.boolean(),
  notes: z.string().max(NOTES_MAX).default(''),
  by: StaffId,
});
export type PlanReview = z.infer<typeof PlanReview>;

/** Appendix 3 Positive Behaviour Support Plan, used as the person-centred plan. */
export const PersonCentredPlan = z.strictObject({
  id: z.string(),
  step: z.number().int().min(2).max(6),
  ownerId: StaffId,
  createdAt: IsoDateTime,
  /** Field values keyed by the pack's PCP template field ids. */
  fields: z.record(z.string(), z.string().max(FIELD_MAX)),
  incidentSupportPlan: z.record(z.string(), z.string().max(FIELD_MAX)).optional(),
  reviewDate: IsoDate,
  reviews: z.array(PlanReview).default([]),
  status: z.enum(['active', 'closed']).default('active'),
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
  reviews: z.array(PlanReview).default([]),
  status: z.enum(['active', 'closed']).default('active'),
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
  flags: PupilFlags,
  /** Staff who work with the pupil and so may see the case. */
  staffIds: z.array(StaffId).default([]),
  currentStep: z.number().int().min(1).max(6),
  riskOfPermanentExclusion: z.boolean().default(false),
  exclusions: z.array(Exclusion).default([]),
  partTimeTimetable: z
    .strictObject({ startDate: IsoDate, endDate: IsoDate, laNotifiedOn: IsoDate.optional() })
    .optional(),
  ehcRequestedOn: IsoDate.optional(),
  pcps: z.array(PersonCentredPlan).default([]),
  psps: z.array(PastoralSupportPlan).default([]),
  referrals: z.array(Referral).default([]),
  timeline: z.array(TimelineEntry).default([]),
  /** Optimistic concurrency: bumped on every save. */
  revision: z.number().int().min(0),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type PupilCase = z.infer<typeof PupilCase>;
