import { describe, expect, it } from 'vitest';
import { addPersonCentredPlan, recordPcpReview, type ChangeContext } from '../../../src/core/plans/plan-changes.js';
import { makeCase } from '../../helpers/make-case.js';

/** Issue 11, fresh tester item 9: a second review of one plan on one day is refused, saying why. */
const ctx: ChangeContext = { by: 'sendco-1', now: new Date('2026-11-20T10:00:00Z') };

describe('one review of a plan a day', () => {
  it('a second review dated the same day is refused, with the first kept; another day is taken', () => {
    const withPlan = addPersonCentredPlan(makeCase({ currentStep: 2 }), { fields: {}, reviewDate: '2026-12-18' }, ctx);
    const id = withPlan.pcps[0]!.id;
    const once = recordPcpReview(withPlan, id, { date: '2026-11-20', positiveChange: true, notes: '' }, ctx);
    expect(() => recordPcpReview(once, id, { date: '2026-11-20', positiveChange: false, notes: '' }, ctx)).toThrow(/A review of this plan on Fri 20 Nov 2026 is already recorded, and one review a day is kept/);
    expect(recordPcpReview(once, id, { date: '2026-11-19', positiveChange: false, notes: '' }, ctx).pcps[0]!.reviews).toHaveLength(2);
  });
});
