import type { LeadRole, SeedRef } from '../../knowledge/schema/common.js';
import type { Contact } from '../../knowledge/schema/common.js';

/** How the latest plan review went, as the user or the case tells it. */
export type PlanStatus = 'none' | 'in-place' | 'reviewed-positive' | 'reviewed-no-change';

/**
 * What the guidance engine needs to know about a pupil. Built from a stored case
 * or from the "what next" questions; no names, only facts that change the advice.
 */
export interface PupilSituation {
  currentStep: number;
  planStatus: PlanStatus;
  /** Consecutive positive reviews at the current step, newest last; used to suggest stepping down. */
  positiveReviewsInARow: number;
  /** Moved down to the current step (support stepped down), so Step 1 is the universal offer again rather than a new concern. */
  steppedDown?: boolean;
  /** The latest PCP review, at whatever step, found no positive change: planning so far has not worked. */
  planNotWorking?: boolean;
  suspensionsThisYear: number;
  /** School days of suspension in this school year. */
  suspensionDaysThisYear: number;
  /** School days of suspension in this term; undefined when the term dates do not say (or no calendar was given). */
  suspensionDaysThisTerm?: number;
  longestSuspensionDays: number;
  permanentlyExcluded: boolean;
  /** Returning from a suspension of this many days (0 if not). */
  returningFromSuspensionDays: number;
  riskOfPermanentExclusion: boolean;
  rapidlyDeteriorating: boolean;
  lookedAfter: boolean;
  previouslyLookedAfter: boolean;
  socialWorker: boolean;
  ehcp: boolean;
  senSupport: boolean;
  onPartTimeTimetable: boolean;
  partTimeTimetableNotified: boolean;
  /** The London date a recorded part-time timetable is planned to end (by when it is reviewed). */
  partTimeTimetableEnds?: string;
  /** The London date set to review it by, for one longer than the pack's limit (the planned end otherwise). */
  partTimeTimetableReviewBy?: string;
  considerSuspension: boolean;
  activePsp: boolean;
  /** An active PSP and no active PCP: the plan the pathway's "monitor and review the plan" actions mean is the PSP. */
  pspOnly?: boolean;
  pspReviewsWithoutImpactInARow: number;
  ehcRequestedOn?: string;
  /** What the person typed about the pupil today; scanned for worries and unlawful exclusion, never stored by the engine. */
  notes: string;
  /**
   * The reasons recorded for this year's suspensions: scanned only for an unlawful reason, which
   * stays worth saying while the pupil's guidance is read. A worry in them brought its notice when
   * it was typed and was audited then; showing it again on every later read would not tell the
   * DSL anything new and would repeat any false alarm for good.
   */
  exclusionReasons?: string;
  /**
   * The plan review most overdue by the school calendar (a London date, YYYY-MM-DD), with the
   * plan's name as the record numbers it ("PSP 1"); the first screen opens with it.
   */
  overdueReview?: { plan: string; dueDate: string };
}

export interface ServiceLink {
  id: string;
  name: string;
  contacts: Contact[];
}

export type RecommendationKind = 'safeguarding' | 'action' | 'warning' | 'info';

export interface Recommendation {
  /** Stable id, e.g. "action-8" or "psp-trigger". */
  id: string;
  kind: RecommendationKind;
  title: string;
  detail: string;
  ledBy: LeadRole[];
  /** `ledBy` in the school's words. */
  ledByLabel: string;
  source: SeedRef;
  /** The source as a reader sees it: document title and section. */
  citation: string;
  services: ServiceLink[];
  /** For pathway actions: the action number in the document (e.g. "8", "17a"). */
  actionRef?: string;
  /** Why this appears, in a few words ("two suspensions this year"). */
  because?: string;
  /**
   * For a safeguarding notice or legal warning: its whole obligation in one sentence (who, what,
   * by when), which the first screen shows while `detail` waits behind "Show details".
   */
  brief?: string;
  /** `because` in fewer words for the first screen, where a rule gives one ("15 school days this term, 38 this year: 7 left"); empty when the brief says it already. */
  briefBecause?: string;
}

export type LadderState = 'past' | 'current' | 'recommended' | 'ahead';

export interface LadderRung {
  step: number;
  title: string;
  tier: 'universal' | 'targeted' | 'specialist';
  state: LadderState;
}

export interface Guidance {
  currentStep: number;
  recommendedStep: number;
  movement: 'stay' | 'step-up' | 'step-down';
  /** What next, in one sentence. */
  headline: string;
  /** What follows from the decision when one sentence cannot hold it all (e.g. "The referral moves the pupil to Step 5"). */
  more?: string;
  ladder: LadderRung[];
  /** Safeguarding comes before anything else when it applies. */
  safeguarding?: Recommendation;
  actions: Recommendation[];
  warnings: Recommendation[];
}
