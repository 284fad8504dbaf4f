import type { PupilSituation } from './types.js';

/**
 * Where the pupil goes on the graduated response and which numbered actions come next.
 * The branches follow the document exactly: each review asks "did the plan bring positive change?";
 * no → the next step up; yes → keep going, and after sustained success step down (the pathway is
 * bidirectional).
 */
export interface PathwayDecision {
  recommendedStep: number;
  movement: 'stay' | 'step-up' | 'step-down';
  actionIds: string[];
  /** The review action whose outcome is known, so its outcome text is shown. */
  reviewed?: { actionId: string; outcome: 'positive' | 'no-change' };
  headline: string;
}

/** Reviews in a row with positive change before the engine suggests stepping down. */
export const POSITIVE_REVIEWS_TO_STEP_DOWN = 2;

const reviewActionAt: Record<number, string> = { 2: '7', 3: '12', 4: '13', 5: '16', 6: '17b' };

/** Actions while a step is under way (no review outcome yet). */
const underWay: Record<number, { none: string[]; inPlace: string[] }> = {
  1: { none: ['1', '2', '3', '4', '5', '6'], inPlace: ['6', '7'] },
  2: { none: ['1', '2', '3', '4', '5', '6'], inPlace: ['6', '7'] },
  3: { none: ['8', '9', '10', '11', '12'], inPlace: ['11', '12'] },
  4: { none: ['13'], inPlace: ['13'] },
  5: { none: ['16'], inPlace: ['16'] },
  6: { none: ['17a', '17b'], inPlace: ['17a', '17b'] },
};

/** What a review without positive change leads to, from each step. */
const noChange: Record<number, { to: number; actions: string[]; headline: string }> = {
  2: { to: 3, actions: ['8', '9', '10', '11', '12'], headline: 'No positive change at Step 2: move to Step 3, where the SENDCo and the teacher review the plan together.' },
  3: { to: 4, actions: ['13', '14', '15'], headline: 'No positive change at Step 3: move to Step 4, led by the SENDCo: intensify the plan, meet parents/carers and the pupil, then refer to external agencies.' },
  4: { to: 5, actions: ['14', '15', '16'], headline: 'No positive change at Step 4: hold the formal meeting with parents/carers and the pupil, then refer to external specialists (Step 5).' },
  5: { to: 6, actions: ['17a', '17b'], headline: 'No positive change with specialist support: consider an EHC needs assessment and outreach support (Step 6).' },
  6: { to: 6, actions: ['17a', '17b'], headline: 'Still no positive change at Step 6: keep the EHC process and outreach under review with the LA.' },
};

export function decidePathway(s: PupilSituation): PathwayDecision {
  // A concern raised at Step 1 starts targeted support at Step 2.
  const step = Math.min(6, Math.max(1, s.currentStep));
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
    const headline =
      s.planStatus === 'none'
        ? `Carry out Step ${step}: assess, plan, do and review.`
        : `The plan is in place at Step ${step}: put it into practice and review it on its date.`;
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
    };
  }

  // Positive change.
  const reviewed = reviewId ? { reviewed: { actionId: reviewId, outcome: 'positive' as const } } : {};
  if (s.positiveReviewsInARow >= POSITIVE_REVIEWS_TO_STEP_DOWN && step > 1) {
    return {
      recommendedStep: step - 1,
      movement: 'step-down',
      actionIds: reviewId ? [reviewId] : [],
      ...reviewed,
      headline: `Positive change at ${s.positiveReviewsInARow} reviews in a row: keep what works and consider stepping support down to Step ${step - 1}.`,
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
