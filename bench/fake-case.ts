import type { PupilCase } from '../src/core/cases/pupil-case.js';

/** A realistic case for load figures: a PCP with a review and a suspension, fictional data. */
export function fakeCase(i: number, schools: number): PupilCase {
  const at = '2026-10-01T09:00:00.000Z';
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
    facts: [],
    timeline: [{ at, by: 's', what: 'case.created' }],
    revision: 0,
    createdAt: at,
    updatedAt: at,
  };
}
