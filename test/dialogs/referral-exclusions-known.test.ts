import { describe, expect, it } from 'vitest';
import { withdrawExclusion } from '../../src/core/exclusions/withdrawn.js';
import { recordExclusion } from '../../src/core/plans/plan-changes.js';
import { knownForReferral } from '../../src/dialogs/referral-known.js';
import { SENDCO, testWorld } from '../helpers/dialog-context.js';

const NO_SEN = { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false };

/**
 * Issue 13, fresh LA tester: the referral form showed "Details of previous exclusions" with a
 * withdrawn suspension and one dated after the referral, while the saved referral (and the PDF)
 * listed only the one that stood. The form now shows what will be saved. Today is Fri 20 Nov 2026.
 */
describe('the referral form’s previous exclusions', () => {
  it('leaves out a withdrawn suspension and one starting after today, as the saved referral does', async () => {
    const w = await testWorld();
    const c = await w.cases.create(SENDCO, { pupilRef: '5012', initials: 'EF', yearGroup: 8, flags: NO_SEN, currentStep: 3, riskOfPermanentExclusion: false });
    const ref = { schoolId: c.schoolId, id: c.id };
    await w.cases.change(SENDCO, ref, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-10-12', days: 3, reason: 'Fighting' }, cc));
    const mistaken = await w.cases.change(SENDCO, ref, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-11-09', days: 2, reason: 'Swearing' }, cc));
    await w.cases.change(SENDCO, ref, 'exclusion.withdrawn', (x, cc) => withdrawExclusion(x, mistaken.exclusions.at(-1)!.id, 'Wrong pupil', cc, '2026-11-10'));
    const now = await w.cases.change(SENDCO, ref, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-11-23', days: 6, reason: 'Assault' }, cc));
    const known = await knownForReferral(w.ctxFor(SENDCO), now);
    expect(known.previousExclusions).toBe('Mon 12 Oct 2026: suspension of 3 school days');
  });
});
