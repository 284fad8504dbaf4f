import { afterEach, describe, expect, it } from 'vitest';
import { makeCase } from '../../helpers/make-case.js';
import { slackHarness, type SlackHarness } from './harness.js';
import { completeModal } from './modal.js';

/** Changing and ending a plan in Slack modals: a PSP's targets amended at its review, then the PSP closed with its outcome. */

let h: SlackHarness;
afterEach(async () => h?.close());

const psp = { id: 'psp-1', overseeingLeaderId: 'leader-1', ownerId: 'teacher-1', startDate: '2026-10-26', targets: ['Stay in lessons'], fields: {}, reviewIntervalDays: 21, reviews: [], status: 'active' as const };

describe('Slack: a PSP’s targets amended at its review, then the PSP closed', () => {
  it('the review modal takes the amended targets, one per line; the close modal records the outcome and what follows', async () => {
    h = await slackHarness();
    await h.core.repo.save(makeCase({ pupilRef: '4021', schoolId: 'oak-primary', currentStep: 4, psps: [psp] }), undefined);
    const reviewed = await completeModal(h, 'review 4021', { date: '2026-11-16', positive: 'yes', notes: '', targets: 'Stay in lessons all day\nAsk for a break card when upset' });
    expect(reviewed).toContain('Targets amended: 1. Stay in lessons all day; 2. Ask for a break card when upset.');
    const closed = await completeModal(h, 'close plan 4021', { outcome: 'successful', leadsTo: 'usual-support', on: '2026-11-20' });
    expect(closed).toContain('closed as successful on Fri 20 Nov 2026, leading to: back to the school’s usual support');
    const [c] = await h.core.repo.listBySchool('oak-primary');
    expect(c!.psps[0]).toMatchObject({ status: 'closed', targets: ['Stay in lessons'], reviews: [expect.objectContaining({ targets: ['Stay in lessons all day', 'Ask for a break card when upset'] })], closure: { outcome: 'successful', leadsTo: 'usual-support' } });
  });
});
