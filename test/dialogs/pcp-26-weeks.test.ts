import { describe, expect, it } from 'vitest';
import { pcpDialog } from '../../src/dialogs/pcp.js';
import { SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester item 5: a PCP's review must come within 26 weeks of the plan's date
 * (forms.json pcp `reviewDate`), and that was counted from today. Today is Friday 20 November 2026.
 */

const pick = { pupil: { schoolId: 'oak-primary', caseId: 'case-x' } };

async function reviewQuestion(planDate: string) {
  const w = await testWorld();
  return pcpDialog.questions(w.ctxFor(SENDCO), { ...pick, 'pcp.planDate': planDate }).find((x) => x.id === 'reviewDate')!;
}

describe('the 26 weeks count from the plan’s date', () => {
  it('a plan dated Mon 4 Jan 2027 may be reviewed on Mon 28 Jun 2027: 25 weeks after it, though 31 weeks from today', async () => {
    const q = await reviewQuestion('2027-01-04');
    expect(await q.parse('28/6/2027')).toMatchObject({ ok: true, value: '2027-06-28' });
  });

  it('but not on Mon 12 Jul 2027, and the refusal names the plan’s date, not today', async () => {
    const q = await reviewQuestion('2027-01-04');
    const r = await q.parse('12/7/2027');
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('is more than 26 weeks after the plan’s date (Mon 4 Jan 2027). Please type a date up to Mon 5 Jul 2027.') });
    expect(r.ok ? '' : r.message).not.toMatch(/of today/);
  });

  it('a plan dated 24 weeks ago is not offered a review past its 26 weeks: the last school day up to them', async () => {
    // 2026-06-05 + 182 days = Fri 4 Dec 2026; six weeks from today would be Mon 4 Jan 2027.
    const q = await reviewQuestion('2026-06-05');
    expect(q.fallback).toMatchObject({ value: '2026-12-04' });
    expect(await q.parse('4/1/2027')).toMatchObject({ ok: false, message: expect.stringContaining('more than 26 weeks after the plan’s date') });
  });
});
