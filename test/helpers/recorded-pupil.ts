import type { CaseService } from '../../src/core/cases/case-service.js';
import type { PupilCase } from '../../src/core/cases/pupil-case.js';
import { addPastoralSupportPlan, addPersonCentredPlan, addReferral, moveAfterReview, recordExclusion, recordPcpReview } from '../../src/core/plans/plan-changes.js';
import type { StaffMember } from '../../src/core/staff.js';

const FLAGS = { senSupport: true, ehcp: false, lookedAfter: true, previouslyLookedAfter: false, socialWorker: false };

/** Words that belong to the school, never shown to an LA officer. */
export const PRIVATE = { exclusionReason: 'Threw a chair at a member of staff', pcpWords: 'Loves drawing and football', reviewNotes: 'Still leaving lessons most days' };

/**
 * Pupil 4021 (AB, Year 8) recorded through the real changes, as the dialogs make them: a PCP with
 * an Incident Support Plan, reviewed without positive change and moved up to Step 3, a PSP, a
 * 2-day suspension, a part-time timetable the LA has not been told about, an EHC needs assessment
 * requested, and a referral to the LA (Step 4's action 15, so the pupil moves to Step 4). Today in the test worlds is Friday 20 November 2026.
 */
export async function recordedPupil(cases: CaseService, by: StaffMember, pupilRef = '4021'): Promise<PupilCase> {
  const c = await cases.create(by, { pupilRef, initials: 'AB', yearGroup: 8, flags: FLAGS, currentStep: 2, riskOfPermanentExclusion: true });
  const ref = { schoolId: c.schoolId, id: c.id };
  const withPcp = await cases.change(by, ref, 'pcp.create', (x, cc) =>
    addPersonCentredPlan(x, { fields: { whoIsThisPupil: PRIVATE.pcpWords, behavioursOfConcern: 'Leaves lessons when anxious' }, incidentSupportPlan: { warningSigns: 'Goes quiet and pulls his hood up' }, reviewDate: '2026-11-18' }, cc),
  );
  const planId = withPcp.pcps[0]!.id;
  await cases.change(by, ref, 'pcp.review', (x, cc) => moveAfterReview(recordPcpReview(x, planId, { date: '2026-11-10', positiveChange: false, notes: PRIVATE.reviewNotes, nextReviewDate: '2026-12-08' }, cc), 3, cc));
  await cases.change(by, ref, 'psp.create', (x, cc) => addPastoralSupportPlan(x, { overseeingLeaderId: 'head-1', startDate: '2026-11-02', targets: ['Stay in lessons', 'Use the time-out card'], fields: { reasonDetails: 'Repeated walk-outs' }, reviewIntervalDays: 21 }, cc));
  await cases.change(by, ref, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-11-16', days: 2, reason: PRIVATE.exclusionReason, warningsShown: ['virtual-school', 'lawful-reason'] }, cc));
  await cases.change(by, ref, 'case.facts', (x) => ({ ...x, partTimeTimetable: { startDate: '2026-11-02', endDate: '2026-12-18' }, ehcRequestedOn: '2026-10-20' }));
  return cases.change(by, ref, 'referral.create', (x, cc) =>
    addReferral(x, { date: '2026-11-19', serviceId: 'education-engagement-inclusion-team', toLocalAuthority: true, reasons: 'Escalating incidents despite a PSP', parentalPermission: true, fields: { mainReason: 'Escalating incidents despite a PSP', senStatus: 'sen-support' } }, cc),
  );
}

/** `n` pupils recorded by `by` (references from `first` up), so lists have pages. */
export async function manyPupils(cases: CaseService, by: StaffMember, n: number, first = 5001): Promise<void> {
  for (let i = 0; i < n; i++)
    await cases.create(by, { pupilRef: String(first + i), initials: 'CD', yearGroup: 7, flags: { ...FLAGS, senSupport: false, lookedAfter: false }, currentStep: 1, riskOfPermanentExclusion: i % 5 === 0 });
}
