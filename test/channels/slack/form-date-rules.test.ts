import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../src/core/staff.js';
import { slackViolations } from './blocks/limits.js';
import { slackHarness, TEAM, USERS, type SlackHarness } from './harness.js';
import { openModal, slackText, submitModal } from './modal.js';

/**
 * Issue 11, tester item 1: a PCP's review date, as the pack declares it beside the plan's fields
 * (after the plan's date, within 26 weeks, on a school day), in a Slack modal over signed requests,
 * with the example term dates. Today is Friday 20 November 2026.
 */

type Json = Record<string, unknown>;
const EXAMPLE = fileURLToPath(new URL('../../../src/core/calendar/example-term-dates.json', import.meta.url));
const ME: StaffMember = { id: `slack:${TEAM}:${USERS.sendco}`, role: 'sendco', schoolId: 'oak-primary' };

let h: SlackHarness;
afterEach(async () => {
  const problems = (h?.api.calls ?? []).flatMap((c) => (c.params.view && typeof c.params.view === 'object' ? slackViolations(c.params.view, 'modal') : []));
  await h?.close();
  expect(problems).toEqual([]);
});

const PCP = { 'pcp.planDate': '2026-11-30', 'pcp.whoIsThisPupil': 'Loves football; talks best side by side', wantsIsp: 'no' };

describe('Slack: a PCP’s review date is a school day after the plan’s date', () => {
  it('a review date before the plan’s date, on a Saturday or in the Christmas holiday is refused under it, saying what to type; the plan saves with a school day', async () => {
    h = await slackHarness({ env: { CALENDAR_FILE: EXAMPLE } });
    await h.core.cases.create(ME, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 2, riskOfPermanentExclusion: false });
    // The pupil is picked from the reference typed after the command; the plan's questions follow.
    const modal = await openModal(h, 'pcp 4021');
    const before = await submitModal(h, modal, { ...PCP, reviewDate: '2026-11-25' });
    expect(before).toMatchObject({ response_action: 'errors', errors: { q_reviewDate: expect.stringContaining('The review date (Wed 25 Nov 2026) is before the plan’s date (Mon 30 Nov 2026); it must come after it.') } });
    const saturday = await submitModal(h, modal, { ...PCP, reviewDate: '2027-01-09' }, 1);
    expect(saturday).toMatchObject({ response_action: 'errors', errors: { q_reviewDate: expect.stringContaining('Sat 9 Jan 2027 is not a school day (weekend), so it cannot be the review date. Please type a school day: the first one after it is Mon 11 Jan 2027.') } });
    const christmas = await submitModal(h, modal, { ...PCP, reviewDate: '2026-12-30' }, 2);
    expect(christmas).toMatchObject({ response_action: 'errors', errors: { q_reviewDate: expect.stringContaining('Wed 30 Dec 2026 is not a school day (school holiday), so it cannot be the review date') } });
    expect((christmas.errors as Record<string, string>).q_reviewDate).toContain('the first one after it is Tue 5 Jan 2027');
    expect((await h.core.repo.listBySchool('oak-primary'))[0]!.pcps).toHaveLength(0);

    const saved = await submitModal(h, modal, { ...PCP, reviewDate: '2027-01-11' }, 3);
    expect(saved.response_action).toBe('update');
    expect(slackText((saved.view as Json).blocks)).toContain('Review due Mon 11 Jan 2027');
    expect((await h.core.repo.listBySchool('oak-primary'))[0]!.pcps[0]!.fields).toMatchObject({ planDate: '2026-11-30', whoIsThisPupil: 'Loves football; talks best side by side' });
  });
});
