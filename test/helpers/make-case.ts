import type { PupilCase } from '../../src/core/cases/pupil-case.js';

let made = 0;

/**
 * A valid PupilCase with fictional details; each call gets a fresh id and pupil reference
 * so several cases can be saved to one school. Overrides are not validated, so tests can
 * build invalid cases on purpose.
 */
export function makeCase(overrides: Partial<PupilCase> = {}): PupilCase {
  made += 1;
  return {
    id: `case-${made}`,
    schoolId: 'oak-primary',
    pupilRef: `P${String(made).padStart(5, '0')}`,
    initials: 'AB',
    yearGroup: 5,
    flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false },
    staffIds: ['staff-1'],
    currentStep: 1,
    riskOfPermanentExclusion: false,
    exclusions: [],
    pcps: [],
    psps: [],
    referrals: [],
    stepChanges: [],
    facts: [],
    timeline: [],
    revision: 0,
    createdAt: '2025-01-06T09:00:00.000Z',
    updatedAt: '2025-01-06T09:00:00.000Z',
    ...overrides,
  };
}
