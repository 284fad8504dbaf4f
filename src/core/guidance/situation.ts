import { exclusionStanding } from '../record/pupil-figures.js';
import type { SchoolCalendar } from '../calendar/school-calendar.js';
import type { PlanReview, PupilCase } from '../cases/pupil-case.js';
import { recordedSuspensions, schoolYearOf, tallyFor } from '../exclusions/suspension-days.js';
import { pupilFacts } from '../facts/pupil-facts.js';
import { positionOf } from './pathway-decision.js';
import { pathwayState } from './pathway-state.js';
import type { PupilSituation } from './types.js';
import { standingExclusions } from '../exclusions/withdrawn.js';

/** Things only the person asking knows today; the case holds the rest. */
export interface AskedToday {
  notes?: string;
  considerSuspension?: boolean;
  rapidlyDeteriorating?: boolean;
  returningFromSuspensionDays?: number;
}

/** Trailing reviews with (or without) positive change, in the order recorded (a plan's reviews are appended as recorded). */
function inARow(reviews: readonly PlanReview[], positive: boolean): number {
  let n = 0;
  for (let i = reviews.length - 1; i >= 0 && reviews[i]!.positiveChange === positive; i--) n++;
  return n;
}

/**
 * The situation the guidance engine reasons about, derived from a stored case. With the school
 * calendar, suspension days are counted in school days within today's school year and term
 * (suspension-days.ts); without it, as the recorded lengths of this year's suspensions, term unknown.
 */
export function situationFromCase(c: PupilCase, today: string, asked: AskedToday = {}, calendar?: SchoolCalendar): PupilSituation {
  const year = schoolYearOf(today);
  // Every suspension recorded in this school year, one decided for next week included, as the pupil's page counts them.
  const suspensions = standingExclusions(c).filter((e) => e.kind === 'suspension' && e.startDate >= year.start && e.startDate <= year.end);
  // Where the pupil is and how the plan at that step stands: the pathway's state machine over the record.
  const pathway = pathwayState(c);
  const tally = calendar ? tallyFor(calendar, recordedSuspensions(calendar, standingExclusions(c)).flatMap((r) => r.days), today) : undefined;
  const psp = c.psps.filter((p) => p.status === 'active').at(-1);
  // The facts as they stand now, folded from the chronology (core/facts), never the starting flags.
  const facts = pupilFacts(c);
  const standing = exclusionStanding(c);
  const ptt = facts.partTimeTimetable;
  // A return recorded for today or later: the PSP should be ready before it (003, PSP).
  const returning = facts.returnFromSuspension && facts.returnFromSuspension.on >= today ? facts.returnFromSuspension.days : 0;
  return {
    ...positionOf(pathway),
    planNotWorking: pathway.latestReviewNoChange,
    suspensionsThisYear: suspensions.length,
    suspensionDaysThisYear: tally ? tally.yearDays : suspensions.reduce((t, e) => t + e.days, 0),
    ...(tally?.termDays !== undefined ? { suspensionDaysThisTerm: tally.termDays } : {}),
    longestSuspensionDays: suspensions.reduce((m, e) => Math.max(m, e.days), 0),
    permanentlyExcluded: standing.permanent !== undefined,
    returningFromSuspensionDays: asked.returningFromSuspensionDays ?? returning,
    // Once permanently excluded, no longer "at risk" (core/record/pupil-figures.ts exclusionStanding).
    riskOfPermanentExclusion: standing.atRisk,
    rapidlyDeteriorating: asked.rapidlyDeteriorating ?? false,
    lookedAfter: facts.flags.lookedAfter,
    previouslyLookedAfter: facts.flags.previouslyLookedAfter,
    socialWorker: facts.flags.socialWorker,
    ehcp: facts.flags.ehcp,
    senSupport: facts.flags.senSupport,
    onPartTimeTimetable: !!ptt && ptt.startDate <= today && ptt.endDate >= today,
    partTimeTimetableNotified: !!ptt?.laNotifiedOn,
    ...(ptt && ptt.startDate <= today && ptt.endDate >= today ? { partTimeTimetableEnds: ptt.endDate, ...(ptt.reviewDate ? { partTimeTimetableReviewBy: ptt.reviewDate } : {}) } : {}),
    considerSuspension: asked.considerSuspension ?? false,
    activePsp: !!psp,
    ...(psp && !c.pcps.some((p) => p.status === 'active') ? { pspOnly: true } : {}),
    pspReviewsWithoutImpactInARow: psp ? inARow(psp.reviews, false) : 0,
    ...(facts.ehcRequestedOn ? { ehcRequestedOn: facts.ehcRequestedOn } : {}),
    notes: asked.notes ?? '',
    exclusionReasons: suspensions.map((e) => e.reason).filter(Boolean).join('. '),
  };
}

/** A neutral starting point for the "what next" questions when no case is stored. */
export function blankSituation(): PupilSituation {
  return {
    currentStep: 1,
    planStatus: 'none',
    positiveReviewsInARow: 0,
    suspensionsThisYear: 0,
    suspensionDaysThisYear: 0,
    longestSuspensionDays: 0,
    permanentlyExcluded: false,
    returningFromSuspensionDays: 0,
    riskOfPermanentExclusion: false,
    rapidlyDeteriorating: false,
    lookedAfter: false,
    previouslyLookedAfter: false,
    socialWorker: false,
    ehcp: false,
    senSupport: false,
    onPartTimeTimetable: false,
    partTimeTimetableNotified: false,
    considerSuspension: false,
    activePsp: false,
    pspReviewsWithoutImpactInARow: 0,
    notes: '',
  };
}
