import type { PupilCase, Referral } from '../../src/core/cases/pupil-case.js';
import type { CaseRepository } from '../../src/core/store/case-repository.js';
import { makeCase } from './make-case.js';

const AT = '2026-09-01T08:00:00.000Z';
const referral = (id: string, date: string, toLocalAuthority = true): Referral => ({
  id, date, serviceId: 'exclusions-ehe-grt-team', toLocalAuthority, reasons: 'Words that stay with the school', parentalPermission: true, fields: {}, by: 'sendco-1',
});

/**
 * Pupils for the LA's figures, September to November 2026: 8 referred to the LA at oak-primary
 * (6 in September, 2 in October) and 3 at elm-high (November), each suspended once in the month
 * they were referred; one pupil at oak-primary never referred, with 9 suspensions of their own, whose
 * record must count for nothing. Referral ids are `ref-1`… in that order.
 */
export function laCases(): PupilCase[] {
  const cases: PupilCase[] = [];
  const dates = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-07', '2026-09-08', '2026-09-09', '2026-10-05', '2026-10-06', '2026-11-02', '2026-11-03', '2026-11-04'];
  dates.forEach((d, i) =>
    cases.push(
      makeCase({
        schoolId: i < 8 ? 'oak-primary' : 'elm-high',
        yearGroup: 7 + (i % 3),
        currentStep: 5,
        referrals: [referral(`ref-${i + 1}`, d)],
        exclusions: [{ id: `x-${i}`, kind: 'suspension', startDate: d, days: 1, reason: 'A reason that stays with the school', recordedBy: 's', recordedAt: AT }],
      }),
    ),
  );
  cases.push(
    makeCase({
      schoolId: 'oak-primary',
      referrals: [referral('ref-private', '2026-09-10', false)],
      exclusions: Array.from({ length: 9 }, (_, i) => ({ id: `p-${i}`, kind: 'suspension' as const, startDate: `2026-09-1${i}`, days: 1, reason: 'r', recordedBy: 's', recordedAt: AT })),
    }),
  );
  return cases;
}

/** Saves {@link laCases} to a repository. */
export async function saveLaCases(repo: Pick<CaseRepository, 'save'>): Promise<PupilCase[]> {
  const cases = laCases();
  for (const c of cases) await repo.save(c, undefined);
  return cases;
}
