import { SENDCO, testWorld } from '../../../helpers/dialog-context.js';
import { makeCase } from '../../../helpers/make-case.js';

/**
 * A real core with one pupil the SENDCo can see: AB (ref 4021, Year 8) at Step 2, whose plan was
 * reviewed without positive change, with two suspensions this year and a part-time timetable the
 * LA has not been told about. Their plan review was due two days ago.
 */
export async function worldWithPupil() {
  const w = await testWorld();
  const at = '2026-10-01T09:00:00.000Z';
  await w.repo.save(
    makeCase({
      pupilRef: '4021',
      initials: 'AB',
      yearGroup: 8,
      staffIds: [SENDCO.id],
      currentStep: 2,
      flags: { senSupport: true, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false },
      exclusions: [
        { id: 'ex-1', kind: 'suspension', startDate: '2026-09-21', days: 2, reason: 'persistent disruption', recordedBy: SENDCO.id, recordedAt: at },
        { id: 'ex-2', kind: 'suspension', startDate: '2026-10-12', days: 3, reason: 'persistent disruption', recordedBy: SENDCO.id, recordedAt: at },
      ],
      partTimeTimetable: { startDate: '2026-11-02', endDate: '2026-12-18' },
      pcps: [
        {
          id: 'pcp-1',
          step: 2,
          ownerId: SENDCO.id,
          createdAt: at,
          fields: {},
          reviewDate: '2026-11-18',
          reviews: [{ id: 'r-1', date: '2026-10-20', positiveChange: false, notes: '', by: SENDCO.id }],
          status: 'active',
        },
      ],
    }),
    undefined,
  );
  return { ...w, ctx: w.ctxFor(SENDCO) };
}
