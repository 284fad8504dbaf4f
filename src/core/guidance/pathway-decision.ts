import type { PupilCase } from '../cases/pupil-case.js';
import { pupilFacts } from '../facts/pupil-facts.js';
import { pathwayState, type PathwayState } from './pathway-state.js';
import type { PlanStatus, PupilSituation } from './types.js';

/**
 * Where the pupil goes on the graduated response and which numbered actions come next.
 * The branches follow 000 exactly: each review asks "did the plan bring positive change?";
 * no → the NO branch of that step's review; yes → keep going, and after sustained success step
 * down (the pathway is bi-directional).
 */
export interface PathwayDecision {
  recommendedStep: number;
  movement: 'stay' | 'step-up' | 'step-down';
  /** The actions to take next, all at `recommendedStep`. */
  actionIds: string[];
  /** The review action whose outcome is known, so its outcome text is shown. */
  reviewed?: { actionId: string; outcome: 'positive' | 'no-change' };
  /** What next, in one sentence: the first thing a reader sees. */
  headline: string;
  /** What follows from it, when there is more to say than one sentence holds; shown with the details. */
  more?: string;
}

/** What the decision needs: the step, how the plan at that step stands, and whether the pupil already has an EHC plan (absent: not known, taken as no). */
export type PathwayPosition = Pick<PupilSituation, 'currentStep' | 'planStatus' | 'positiveReviewsInARow' | 'steppedDown'> & Partial<Pick<PupilSituation, 'ehcp'>>;

/**
 * Step 6 for a pupil who already has an EHC plan: 17a (the criteria for a new EHC needs
 * assessment) does not apply; the plan they have is reviewed instead, with the LA's SEN team, as an
 * emergency annual review where they are at risk of exclusion (003, "Where a pupil with a statement
 * of SEN is at risk of permanent exclusion ... request an emergency annual review"). Outreach (17b) stays.
 */
function withEhcp(d: PathwayDecision): PathwayDecision {
  if (d.recommendedStep !== 6 || !d.actionIds.includes('17a')) return d;
  const headline =
    d.movement === 'step-up'
      ? 'No positive change with specialist support: the pupil has an EHC plan, so ask the LA’s SEN team for an (emergency) annual review of it rather than a new assessment, with outreach support (Step 6).'
      : 'Step 6: the pupil has an EHC plan, so ask the LA’s SEN team for an (emergency) annual review of it rather than a new assessment, and outreach support (action 17b).';
  return { ...d, actionIds: d.actionIds.filter((a) => a !== '17a'), headline };
}

/** Reviews in a row with positive change, at the current step, before the engine suggests stepping down. */
export const POSITIVE_REVIEWS_TO_STEP_DOWN = 2;

/** The action at each step whose question is "positive change?" (000: actions 7, 12, 13; Steps 5–6 review 16 and 17b). */
const reviewActionAt: Record<number, string> = { 2: '7', 3: '12', 4: '13', 5: '16', 6: '17b' };

/**
 * Actions while a step is under way, before its review. `none`: the step's cycle from its first
 * action (000 Step 2: 1–6 assess, plan, do; Step 3: 8–12 starting with the joint review of the
 * PCP; Step 4: 13; Step 5: 16; Step 6: 17a, 17b). `inPlace`: the plan is written for this step, so
 * do and review (Step 2: 6, 7; Step 3: 11, 12). Step 1 is the universal offer: no numbered actions.
 */
const underWay: Record<number, { none: string[]; inPlace: string[] }> = {
  1: { none: [], inPlace: [] },
  2: { none: ['1', '2', '3', '4', '5', '6'], inPlace: ['6', '7'] },
  3: { none: ['8', '9', '10', '11', '12'], inPlace: ['11', '12'] },
  4: { none: ['13'], inPlace: ['13'] },
  5: { none: ['16'], inPlace: ['16'] },
  6: { none: ['17a', '17b'], inPlace: ['17a', '17b'] },
};

/** What a step's own cycle is, when nothing has been reviewed at it yet. */
const startHeadline: Record<number, string> = {
  1: 'Universal support: the whole-school offer.',
  2: 'Carry out Step 2, led by the class teacher or pastoral lead: assess, plan, do and review.',
  3: 'Step 3: the SENDCo and the staff member review the plan together, update it and put it into practice (actions 8–12).',
  4: 'Step 4, led by the SENDCo: monitor and review the plan, intensifying provision (action 13).',
  5: 'Step 5: refer to the right external specialists and work with them and the LA (action 16).',
  6: 'Step 6: consider the criteria for an EHC needs assessment, and outreach support (actions 17a–17b).',
};

/**
 * The NO branch of each step's review, from 000:
 * - Step 2, action 7 NO: "Staff member seeks support from SENDCo (Step 3)" → 8–12.
 * - Step 3, action 12 NO: "SENDCo leads support (Step 4)" → 13 (Step 4 begins by monitoring and
 *   reviewing the PCP, intensifying provision; 14 and 15 follow only if 13 brings no change).
 * - Step 4, action 13 NO: "Move to 14" → 14 formal meeting, 15 referral to external agencies, still
 *   Step 4: the referral itself moves the pupil to Step 5 (16), so no review moves them there.
 * - Step 5 (Specialist; 17a: needs "which have not responded to support from the school/setting and
 *   external specialists") → Step 6, 17a and 17b.
 * - Step 6 is the last: 17a and 17b stay under review.
 */
const noChange: Record<number, { to: number; actions: string[]; headline: string; more?: string }> = {
  2: { to: 3, actions: ['8', '9', '10', '11', '12'], headline: 'No positive change at Step 2: move to Step 3, where the SENDCo and the teacher review the plan together.' },
  3: { to: 4, actions: ['13'], headline: 'No positive change at Step 3: move to Step 4, led by the SENDCo: monitor and review the plan, intensifying provision.', more: 'If that brings no change, the formal meeting with parents/carers and the referral follow (actions 14–15).' },
  4: { to: 4, actions: ['14', '15'], headline: 'No positive change at Step 4: hold the formal meeting with parents/carers and the pupil, then refer to external agencies.', more: 'The referral moves the pupil to Step 5 (action 16).' },
  5: { to: 6, actions: ['17a', '17b'], headline: 'No positive change with specialist support: consider an EHC needs assessment and outreach support (Step 6).' },
  6: { to: 6, actions: ['17a', '17b'], headline: 'Still no positive change at Step 6: keep the EHC process and outreach under review with the LA.' },
};

/**
 * The step a review without positive change moves the pupil to when that move is recorded with the
 * review (000: Step 2 action 7 → 3, Step 3 action 12 → 4, Step 5 → 6); undefined where the review
 * moves nobody (Step 4, whose referral is the move to Step 5; Step 6, the last).
 */
export function stepAfterNoChange(step: number): number | undefined {
  const to = noChange[step]?.to;
  return to !== undefined && to > step ? to : undefined;
}

/** The decision from where the pupil is. Pure: the same position always gives the same decision. */
export function decidePathway(s: PathwayPosition): PathwayDecision {
  const d = decideByStep(s);
  return s.ehcp ? withEhcp(d) : d;
}

function decideByStep(s: PathwayPosition): PathwayDecision {
  const step = Math.min(6, Math.max(1, s.currentStep));
  // 000 Step 1 → Step 2: a concern beyond the universal offer starts targeted support. A pupil
  // stepped down to Step 1 is back on the universal offer until a new concern.
  if (step === 1 && s.steppedDown && s.planStatus !== 'reviewed-no-change')
    return {
      recommendedStep: 1,
      movement: 'stay',
      actionIds: [],
      headline: 'Support has stepped down to Step 1: the whole-school offer continues.',
      more: 'If concerns come back, begin Step 2 with actions 1–6.',
    };
  if (step === 1 && s.planStatus !== 'reviewed-positive') {
    return {
      recommendedStep: 2,
      movement: 'step-up',
      actionIds: s.planStatus === 'in-place' ? underWay[2]!.inPlace : underWay[2]!.none,
      headline: 'Universal support is not enough on its own: begin Step 2, led by the class teacher or pastoral lead, and build a person-centred plan.',
    };
  }

  if (s.planStatus === 'none' || s.planStatus === 'in-place') {
    const ids = s.planStatus === 'none' ? underWay[step]!.none : underWay[step]!.inPlace;
    const headline = s.planStatus === 'none' ? startHeadline[step]! : `The plan is in place at Step ${step}: put it into practice and review it on its date.`;
    return { recommendedStep: step, movement: 'stay', actionIds: ids, headline };
  }

  const reviewId = reviewActionAt[step];
  if (s.planStatus === 'reviewed-no-change') {
    const n = noChange[step] ?? noChange[2]!;
    return {
      recommendedStep: n.to,
      movement: n.to > step ? 'step-up' : 'stay',
      actionIds: n.actions,
      ...(reviewId ? { reviewed: { actionId: reviewId, outcome: 'no-change' as const } } : {}),
      headline: n.headline,
      ...(n.more ? { more: n.more } : {}),
    };
  }

  // Positive change: the YES branch ("continues to support pupil", 000 actions 7, 12, 13).
  const reviewed = reviewId ? { reviewed: { actionId: reviewId, outcome: 'positive' as const } } : {};
  if (s.positiveReviewsInARow >= POSITIVE_REVIEWS_TO_STEP_DOWN && step > 1) {
    // Stepping down (000, Guiding Principles): the lower step with the plan in place, so its actions are its own.
    const down = step - 1;
    const then = down === 1 ? 'back to the whole-school offer (Step 1)' : `down to Step ${down}`;
    return {
      recommendedStep: down,
      movement: 'step-down',
      actionIds: underWay[down]!.inPlace,
      headline: `Positive change at ${s.positiveReviewsInARow} reviews in a row at Step ${step}: keep what works and consider stepping support ${then}.`,
      more: 'A SENDCo records the move with its reason.',
    };
  }
  return {
    recommendedStep: step,
    movement: 'stay',
    actionIds: reviewId ? [reviewId] : [],
    ...reviewed,
    headline: `Positive change at Step ${step}: keep the plan going and review progress as agreed.`,
  };
}

/** How the plan at the current step stands, as the guidance engine asks it. */
export function planStatusOf(p: PathwayState): PlanStatus {
  const last = p.reviews.at(-1);
  if (last !== undefined) return last ? 'reviewed-positive' : 'reviewed-no-change';
  return p.plan === 'in-place' ? 'in-place' : 'none';
}

/**
 * Trailing reviews with positive change, held at the current step; a PSP review without positive
 * change recorded at the step ends the run (the latest review recorded at the step counts).
 */
export function positiveInARow(p: PathwayState): number {
  let n = 0;
  for (let i = p.reviews.length - 1; i >= (p.positiveRunFrom ?? 0) && p.reviews[i]; i--) n++;
  return n;
}

/** The state's position on the pathway, as {@link decidePathway} reads it. */
export function positionOf(p: PathwayState): PathwayPosition {
  return { currentStep: p.step, planStatus: planStatusOf(p), positiveReviewsInARow: positiveInARow(p), steppedDown: p.arrived === 'down' };
}

/**
 * The pathway for a recorded pupil, as one pure function of their record: the step they are on and
 * what comes next, decided from the latest review held at that step only.
 */
export function pathwayFor(c: PupilCase): PathwayDecision & { step: number } {
  const state = pathwayState(c);
  return { step: state.step, ...decidePathway({ ...positionOf(state), ehcp: pupilFacts(c).flags.ehcp }) };
}
