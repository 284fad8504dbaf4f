import { guide } from '../../src/core/guidance/guide.js';
import { blankSituation } from '../../src/core/guidance/situation.js';
import type { PupilSituation } from '../../src/core/guidance/types.js';
import type { View } from '../../src/core/views/view.js';
import { guidanceView } from '../../src/dialogs/views/guidance-view.js';
import type { KnowledgePack } from '../../src/knowledge/schema/pack.js';

/**
 * The guidance scenarios the tests use, as the core builds their views: a new pupil at each step,
 * the pathway's reviews either way, and the pupils whose warnings must never be missed (looked
 * after, an EHC plan facing suspension, a safeguarding worry, day-6 provision, an unlawful reason).
 * The bench prints each one's first-screen words; the first-screen tests read the same list.
 */

export const SCENARIO_DAY = '2026-11-20';

export interface GuidanceScenario {
  name: string;
  situation: Partial<PupilSituation>;
  /** Whether a safeguarding notice or a legal warning must be on the first screen (as its brief; in full behind "Show details"). */
  mustShowInFull: boolean;
}

const AB = 'AB (ref 4021, Year 8)';

export const GUIDANCE_SCENARIOS: readonly GuidanceScenario[] = [
  ...[1, 2, 3, 4, 5, 6].map((step) => ({ name: `new pupil at Step ${step}`, situation: { currentStep: step }, mustShowInFull: false })),
  { name: 'Step 2 plan in place', situation: { currentStep: 2, planStatus: 'in-place' }, mustShowInFull: false },
  { name: 'Step 2 review, no change', situation: { currentStep: 2, planStatus: 'reviewed-no-change' }, mustShowInFull: false },
  { name: 'Step 3 review, no change', situation: { currentStep: 3, planStatus: 'reviewed-no-change' }, mustShowInFull: false },
  { name: 'Step 4 review, no change', situation: { currentStep: 4, planStatus: 'reviewed-no-change' }, mustShowInFull: false },
  { name: 'Step 3, two positive reviews', situation: { currentStep: 3, planStatus: 'reviewed-positive', positiveReviewsInARow: 2 }, mustShowInFull: false },
  { name: 'stepped down to Step 1', situation: { currentStep: 1, planStatus: 'in-place', steppedDown: true }, mustShowInFull: false },
  { name: 'two suspensions (PSP)', situation: { currentStep: 2, planStatus: 'in-place', suspensionsThisYear: 2, suspensionDaysThisYear: 3, longestSuspensionDays: 2 }, mustShowInFull: false },
  { name: 'PSP not working', situation: { currentStep: 4, planStatus: 'in-place', activePsp: true, pspReviewsWithoutImpactInARow: 2 }, mustShowInFull: false },
  {
    name: 'pupil 4021 (suspensions, part-time timetable)',
    situation: { currentStep: 2, planStatus: 'reviewed-no-change', suspensionsThisYear: 2, suspensionDaysThisYear: 5, longestSuspensionDays: 3, senSupport: true, onPartTimeTimetable: true, rapidlyDeteriorating: true },
    mustShowInFull: true,
  },
  { name: 'looked-after pupil', situation: { currentStep: 3, planStatus: 'in-place', lookedAfter: true, socialWorker: true }, mustShowInFull: true },
  { name: 'looked-after, suspension considered', situation: { currentStep: 3, planStatus: 'in-place', lookedAfter: true, considerSuspension: true }, mustShowInFull: true },
  { name: 'SEN support, suspension considered', situation: { currentStep: 3, planStatus: 'in-place', senSupport: true, considerSuspension: true, suspensionsThisYear: 2, suspensionDaysThisYear: 4, longestSuspensionDays: 2 }, mustShowInFull: true },
  { name: 'EHCP pupil facing suspension', situation: { currentStep: 4, planStatus: 'in-place', ehcp: true, considerSuspension: true, suspensionsThisYear: 1, suspensionDaysThisYear: 2, longestSuspensionDays: 2 }, mustShowInFull: true },
  { name: 'safeguarding worry', situation: { currentStep: 2, notes: 'She says she is scared to go home and has bruises on her arms.' }, mustShowInFull: true },
  { name: 'unlawful reason in the notes', situation: { currentStep: 2, planStatus: 'in-place', considerSuspension: true, notes: 'sent home because we cannot meet his needs' }, mustShowInFull: true },
  { name: 'permanently excluded (day 6)', situation: { currentStep: 5, planStatus: 'in-place', permanentlyExcluded: true }, mustShowInFull: true },
  { name: 'PSP review overdue', situation: { currentStep: 4, planStatus: 'in-place', activePsp: true, overdueReview: { plan: 'PSP 1', dueDate: '2026-11-16' } }, mustShowInFull: false },
  {
    name: 'overdue PSP, looked after, near the limit, worry',
    situation: {
      currentStep: 4,
      planStatus: 'reviewed-no-change',
      activePsp: true,
      overdueReview: { plan: 'PSP 1', dueDate: '2026-11-16' },
      lookedAfter: true,
      socialWorker: true,
      considerSuspension: true,
      suspensionsThisYear: 4,
      suspensionDaysThisYear: 38,
      suspensionDaysThisTerm: 15,
      longestSuspensionDays: 5,
      notes: 'He told me his stepdad hits him when he gets home late and he has a mark on his face.',
    },
    mustShowInFull: true,
  },
  {
    name: 'long stored reason, EHCP, near the limit',
    situation: {
      currentStep: 4,
      planStatus: 'in-place',
      ehcp: true,
      considerSuspension: true,
      overdueReview: { plan: 'PCP 2', dueDate: '2026-11-02' },
      suspensionsThisYear: 5,
      suspensionDaysThisYear: 41,
      suspensionDaysThisTerm: 12,
      longestSuspensionDays: 5,
      exclusionReasons:
        'Sent home early again because the school cannot meet his needs in the classroom this term without a one-to-one adult, and the parents agreed to collect him at lunchtime every day this week.',
    },
    mustShowInFull: true,
  },
];

/** The guidance for a scenario, as "what next" shows it. */
export function scenarioViews(pack: KnowledgePack, s: GuidanceScenario): View[] {
  const situation = { ...blankSituation(), ...s.situation };
  return [guidanceView(pack, guide(pack, situation, SCENARIO_DAY), AB, { situation, today: SCENARIO_DAY, pupil: AB })];
}
