import type { PupilCase } from '../cases/pupil-case.js';
import { londonToday } from '../dates.js';

/**
 * The pathway as a state machine over the pupil's record (000, Graduated Response Overview and
 * Steps 1–6). The record is read into the events that move a pupil along the pathway, in the order
 * they were recorded (the timeline), and folded with {@link evolve}: the state is the step the pupil
 * is on, how they came to it, whether a plan is under way there, and the reviews held there since.
 * What comes next is decided from that state alone (pathway-decision.ts), so a review held at an
 * earlier step can never decide the next step from a later one.
 */

/** Something recorded that moves the pupil along the pathway. */
export type PathwayEvent =
  /** A person-centred plan was written (000 Step 2 action 5; Step 3 action 10 updates it), at this step. */
  | { kind: 'plan'; step: number }
  /** A review of the active PCP: did it bring positive change? Held at `step` when that was recorded. */
  | { kind: 'review'; positive: boolean; step?: number }
  /** A recorded move up or down (000, Guiding Principles: the pathway is bi-directional). */
  | { kind: 'step'; to: number; from?: number }
  /** A referral saved before referrals recorded their move: it moves the pupil as {@link stepAfterReferral} says. */
  | { kind: 'referral' }
  /**
   * A review of the pupil's PSP (003: reviewed every three to four weeks). It is not the step's own
   * "positive change?" question (000 actions 7, 12, 13), which the PCP review answers, so it never
   * takes the NO branch; but one without positive change, recorded after the PCP's reviews at the
   * same step, means the positive change is no longer sustained, so stepping down is not suggested.
   */
  | { kind: 'psp-review'; positive: boolean; step?: number };

export interface PathwayState {
  step: number;
  /** How the pupil came to this step: recorded at it when added, moved up, or moved down. */
  arrived: 'recorded' | 'up' | 'down';
  /**
   * The person-centred plan at this step: none; one written at a lower step, so this step's own
   * cycle has not begun (000 Step 3 starts by jointly reviewing it, action 8); or in place here
   * (written at this step, or carried down from a higher one).
   */
  plan: 'none' | 'from-lower-step' | 'in-place';
  /** Whether each review of the active plan held at this step since the pupil came to it found positive change, oldest first. */
  reviews: boolean[];
  /** Whether the latest PCP review at any step found no positive change ("planning that has not worked"). */
  latestReviewNoChange: boolean;
  /**
   * The first of `reviews` that may count towards a run of positive change: a PSP review without
   * positive change recorded at this step ends the run before it, so only PCP reviews recorded after
   * it count towards stepping down. Absent: 0.
   */
  positiveRunFrom?: number;
}

/**
 * The step a referral to external agencies puts a pupil on (seed 000): the referral is action 15,
 * part of Step 4 ("LED BY SENDCO": 13 monitor and review, 14 formal meeting, 15 referral to
 * external agencies), so a pupil at Step 1–3 moves to Step 4, not straight to the specialist
 * Steps 5–6. Made at Step 4, after the formal meeting, it brings the external specialists in: that
 * is Step 5 ("involvement of local authority / external agencies", action 16). At Step 5 or 6 it
 * moves nobody, and never down.
 */
export function stepAfterReferral(step: number): number {
  return step < 4 ? 4 : Math.max(step, 5);
}

/** A pupil just added at a step: nothing under way there yet. */
export const startAt = (step: number): PathwayState => ({ step, arrived: 'recorded', plan: 'none', reviews: [], latestReviewNoChange: false });

/**
 * Moving to another step starts afresh there: no reviews held yet. Going up, the plan from the
 * lower step is what the new step's cycle starts from; coming down, the plan stays in place
 * (000, Guiding Principles: "Intervention can be stepped down, when appropriate").
 */
function moveTo(s: PathwayState, to: number): PathwayState {
  if (to === s.step) return s;
  const up = to > s.step;
  const plan = s.plan === 'none' ? 'none' : up ? 'from-lower-step' : 'in-place';
  return { ...s, step: to, arrived: up ? 'up' : 'down', plan, reviews: [], positiveRunFrom: 0 };
}

/** One event applied to the state. Pure. */
export function evolve(s: PathwayState, e: PathwayEvent): PathwayState {
  switch (e.kind) {
    case 'step':
      return moveTo(s, e.to);
    case 'referral':
      return moveTo(s, stepAfterReferral(s.step));
    case 'plan':
      // A new plan replaces the one before it, so the old plan's reviews no longer decide anything.
      return { ...moveTo(s, e.step), plan: 'in-place', reviews: [], positiveRunFrom: 0 };
    case 'review': {
      // A review that says which step it was held at is a fact about where the pupil was.
      const at = e.step === undefined ? s : moveTo(s, e.step);
      return { ...at, reviews: [...at.reviews, e.positive], latestReviewNoChange: !e.positive };
    }
    case 'psp-review': {
      // Held at an earlier step, it says nothing about this one (the pupil has moved since).
      if (e.step !== undefined && e.step !== s.step) return s;
      return e.positive ? s : { ...s, positiveRunFrom: s.reviews.length };
    }
  }
}

const LEGACY_STEP = /^[1-6]$/;

/** When an item not named in the timeline happened, for placing it among the others. */
type Dated = { day: string; order: number; event: PathwayEvent };

/**
 * The record as pathway events, in the order they were recorded. Each timeline entry names what it
 * refers to; the rules for records saved before step changes and review steps were kept:
 * - a "step.up"/"step.down" entry whose ref is a step number (not a StepChange id) moved the pupil
 *   to that step, from the one below (or above): the review form was the only thing that wrote them,
 *   always one step;
 * - a referral with no StepChange of its own moved the pupil as {@link stepAfterReferral} says;
 * - a review with no step was held at the step the events before it put the pupil on.
 * Items the timeline does not name (a hand-made record) come after the rest, by date.
 */
export function pathwayEvents(c: PupilCase): PathwayEvent[] {
  // A corrected review is read where the original was recorded, as its correction now says.
  const reviews = new Map(c.pcps.flatMap((p) => p.reviews.map((r) => [r.corrects ?? r.id, r] as const)));
  const pspReviews = new Map(c.psps.flatMap((p) => p.reviews.map((r) => [r.corrects ?? r.id, r] as const)));
  const plans = new Map(c.pcps.map((p) => [p.id, p]));
  const changes = new Map(c.stepChanges.map((x) => [x.id, x]));
  const referralsWithMove = new Set(c.stepChanges.flatMap((x) => (x.cause === 'referral' && x.ref ? [x.ref] : [])));
  const named = new Set<string>();
  const events: PathwayEvent[] = [];

  for (const t of c.timeline) {
    const ref = t.ref;
    if (!ref) continue;
    named.add(ref);
    if (t.what === 'pcp.created') {
      const p = plans.get(ref);
      if (p) events.push({ kind: 'plan', step: p.step });
    } else if (t.what === 'pcp.reviewed') {
      const r = reviews.get(ref);
      if (r) events.push({ kind: 'review', positive: r.positiveChange, ...(r.step ? { step: r.step } : {}) });
    } else if (t.what === 'psp.reviewed') {
      // In the order recorded, never by the review's own date: a review dated earlier but recorded
      // later is still the latest thing known about the pupil.
      const r = pspReviews.get(ref);
      if (r) events.push({ kind: 'psp-review', positive: r.positiveChange, ...(r.step ? { step: r.step } : {}) });
    } else if (t.what === 'step.up' || t.what === 'step.down') {
      const x = changes.get(ref);
      if (x) events.push({ kind: 'step', from: x.from, to: x.to });
      else if (LEGACY_STEP.test(ref)) {
        const to = Number(ref);
        events.push({ kind: 'step', to, from: t.what === 'step.up' ? to - 1 : to + 1 });
      }
    } else if (t.what === 'referral.made' && !referralsWithMove.has(ref)) events.push({ kind: 'referral' });
  }

  // Timestamps are UTC; plans' and reviews' dates are London days. Compare London days, or a plan
  // typed at 23:30 in summer time sorts a day early, before a review dated that evening.
  const unnamed: Dated[] = [
    ...c.pcps.filter((p) => !named.has(p.id)).map((p) => ({ day: londonToday(new Date(p.createdAt)), order: 1, event: { kind: 'plan', step: p.step } as PathwayEvent })),
    ...c.pcps.flatMap((p) => p.reviews).filter((r) => !named.has(r.id)).map((r) => ({ day: r.date, order: 2, event: { kind: 'review', positive: r.positiveChange, ...(r.step ? { step: r.step } : {}) } as PathwayEvent })),
    ...c.stepChanges.filter((x) => !named.has(x.id)).map((x) => ({ day: londonToday(new Date(x.at)), order: 0, event: { kind: 'step', from: x.from, to: x.to } as PathwayEvent })),
    ...c.referrals.filter((r) => !named.has(r.id) && !referralsWithMove.has(r.id)).map((r) => ({ day: r.date, order: 3, event: { kind: 'referral' } as PathwayEvent })),
  ];
  unnamed.sort((a, b) => a.day.localeCompare(b.day) || a.order - b.order);
  return [...events, ...unnamed.map((d) => d.event)];
}

/**
 * The step the pupil was recorded at: the step before the first event that fixes it (a step
 * change's `from`, a plan's or a review's step), or, with none, the step they are on now.
 */
export function startingStep(events: readonly PathwayEvent[], currentStep: number): number {
  for (const e of events) {
    if (e.kind === 'step' && e.from !== undefined) return e.from;
    if (e.kind === 'step') return e.to;
    if (e.kind === 'plan') return e.step;
    if (e.kind === 'review' && e.step !== undefined) return e.step;
  }
  return currentStep;
}

/**
 * Where the pupil is on the pathway, from their record alone. The stored `currentStep` has the last
 * word: if the events end elsewhere (a record edited by hand, or moved before moves were recorded),
 * the pupil is taken to have moved there after them, with nothing held at that step yet. A plan
 * that is no longer active is not under way.
 */
export function pathwayState(c: PupilCase): PathwayState {
  const events = pathwayEvents(c);
  const folded = events.reduce(evolve, startAt(startingStep(events, c.currentStep)));
  const here = evolve(folded, { kind: 'step', to: c.currentStep });
  return c.pcps.some((p) => p.status === 'active') ? here : { ...here, plan: 'none', reviews: [] };
}
