import type { PupilCase } from '../src/core/cases/pupil-case.js';
import type { FactEntry } from '../src/core/facts/fact-entry.js';

const AT = '2026-10-01T09:00:00.000Z';

/** Entries of a pupil's chronology as `update` records them, with why, as staff write it. */
const FACTS: FactEntry[] = [
  { id: 'f0', at: AT, by: 's', on: '2026-09-14', why: 'Placed with foster carers in the county', fact: 'care', care: 'looked-after' },
  { id: 'f1', at: AT, by: 's', on: '2026-09-21', why: 'Child in need plan agreed at the strategy meeting', fact: 'social-worker', has: true },
  { id: 'f2', at: AT, by: 's', on: '2026-09-28', why: 'Requested by the SENDCo after the educational psychologist report', fact: 'ehc-assessment', status: 'requested' },
  { id: 'f3', at: AT, by: 's', on: '2026-09-30', why: 'Two suspensions this half term', fact: 'risk-of-permanent-exclusion', atRisk: true },
];

/** The first `n` chronology entries for case `i`, with their timeline lines. */
function chronology(i: number, n: number): Pick<PupilCase, 'facts' | 'timeline'> {
  const facts = FACTS.slice(0, n).map((f) => ({ ...f, id: `${f.id}-${i}` }));
  return { facts, timeline: facts.map((f) => ({ at: AT, by: 's', what: `fact.${f.fact}`, ref: f.id })) };
}

/**
 * A realistic case for load figures: a PCP with a review, a suspension, and one to four entries in
 * the chronology of facts (2.5 on average), fictional data.
 */
export function fakeCase(i: number, schools: number): PupilCase {
  const at = AT;
  const { facts, timeline } = chronology(i, 1 + (i % 4));
  return {
    id: `case-${i}`,
    schoolId: `school-${String(i % schools).padStart(3, '0')}`,
    pupilRef: `R${i}`,
    initials: 'AB',
    yearGroup: i % 14,
    flags: { senSupport: i % 3 === 0, ehcp: i % 11 === 0, lookedAfter: i % 13 === 0, previouslyLookedAfter: false, socialWorker: i % 9 === 0 },
    staffIds: [`teacher-${i % 40}`],
    currentStep: 1 + (i % 6),
    riskOfPermanentExclusion: i % 17 === 0,
    exclusions: i % 4 ? [] : [{ id: `x${i}`, kind: 'suspension', startDate: '2026-10-05', days: 2, reason: 'Repeated refusal to follow instructions', recordedBy: 's', recordedAt: at }],
    pcps: [
      {
        id: `p${i}`,
        step: 2,
        ownerId: `teacher-${i % 40}`,
        createdAt: at,
        fields: { whoIsThisPupil: 'Enjoys practical subjects and football; finds transitions hard.', behavioursOfConcern: 'Leaves class without permission when work feels too hard.', interventionsStrategies: 'Meet and greet; movement breaks; visual timetable' },
        reviewDate: '2026-12-01',
        status: 'active',
        reviews: [{ id: `r${i}`, date: '2026-11-01', positiveChange: i % 2 === 0, notes: 'Some improvement in the mornings.', by: 's' }],
      },
    ],
    psps: [],
    referrals: [],
    stepChanges: [],
    facts,
    timeline: [{ at, by: 's', what: 'case.created' }, ...timeline],
    revision: 0,
    createdAt: at,
    updatedAt: at,
  };
}
