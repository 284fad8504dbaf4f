import { describe, expect, it } from 'vitest';
import { psp } from '../core/reminders/plans.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { makeCase } from '../helpers/make-case.js';
import type { Exclusion } from '../../src/core/cases/pupil-case.js';

/** Findings of a fresh tester on the pupil's record (issue 11, 1 Dec 2026); the clock says Fri 20 Nov 2026. */

const exclusion = (id: string, kind: Exclusion['kind'], startDate: string, days: number): Exclusion => ({ id, kind, startDate, days, reason: 'Assault on a member of staff', recordedBy: 'sendco-1', recordedAt: '2026-11-10T09:00:00.000Z' });

async function pupilWith(overrides: Parameters<typeof makeCase>[0]) {
  const w = await testWorld();
  await w.repo.save(makeCase({ pupilRef: '4021', staffIds: ['sendco-1'], ...overrides }), undefined);
  return chatter(w.ctxFor(SENDCO));
}

describe('day-6 provision can be recorded, and then stops being due', () => {
  it('a blank date (today) for provision after a permanent exclusion saves, and the deadline goes from the pupil page', async () => {
    const bot = await pupilWith({ exclusions: [exclusion('x1', 'permanent', '2026-11-12', 0)] });
    expect(await bot.say('pupil 4021')).toMatch(/Full-time provision from day 6/);
    await bot.say('update 4021');
    await bot.say('full-time provision');
    const afterDate = await bot.say('');
    expect(afterDate).not.toMatch(/went wrong/i);
    const saved = await bot.say('');
    expect(saved).not.toMatch(/went wrong/i);
    expect(saved).toMatch(/full-time provision started on Fri 20 Nov 2026/i);
    const page = await bot.say('pupil 4021');
    expect(page).not.toMatch(/Full-time provision from day 6/);
    expect(await bot.say('my reviews')).not.toMatch(/day 6/i);
  });

  it('provision after a suspension of more than five school days can be recorded too', async () => {
    const bot = await pupilWith({ exclusions: [exclusion('s1', 'suspension', '2026-11-09', 10)] });
    expect(await bot.say('pupil 4021')).toMatch(/Full-time provision from day 6 of the suspension/);
    await bot.say('update 4021');
    await bot.say('full-time provision');
    await bot.say('16/11/2026');
    expect(await bot.say('')).toMatch(/full-time provision started on Mon 16 Nov 2026/i);
    expect(await bot.say('pupil 4021')).not.toMatch(/Full-time provision from day 6/);
  });

  it('with no exclusion that needs it, a blank date is refused kindly, not a failure', async () => {
    const bot = await pupilWith({ exclusions: [exclusion('s1', 'suspension', '2026-11-09', 2)] });
    await bot.say('update 4021');
    await bot.say('full-time provision');
    const reply = await bot.say('');
    expect(reply).not.toMatch(/went wrong/i);
    expect(reply).toContain('No permanent exclusion, or suspension of 6 school days or more, is recorded for this pupil by Fri 20 Nov 2026');
  });
});

describe('a managed move is queried for pupils its route does not cover (000 Fair Access Protocol; 003 Managed Move)', () => {
  it('closing a looked-after pupil’s PSP: the caution is shown before "What follows?" and again when a managed move is picked', async () => {
    const flags = { senSupport: false, ehcp: true, lookedAfter: true, previouslyLookedAfter: false, socialWorker: true };
    const bot = await pupilWith({ flags, psps: [psp('2026-11-03')] });
    await bot.say('close plan 4021');
    const asked = await bot.say('not successful');
    expect(asked).toContain('If a managed move is in mind, read this first');
    expect(asked).toContain('Looked-after child: not a managed move through the Fair Access Protocol');
    expect(asked).toContain('Pupil with an EHCP: not a managed move through this procedure');
    await bot.say('managed move');
    await bot.say('');
    const saved = await bot.say('');
    expect(saved).toContain('Plan closed');
    expect(saved).toContain('Looked-after child: not a managed move through the Fair Access Protocol');
  });

  it('for other pupils "What follows?" comes without it', async () => {
    const bot = await pupilWith({ psps: [psp('2026-11-03')] });
    await bot.say('close plan 4021');
    expect(await bot.say('not successful')).not.toContain('managed move is in mind');
  });
});

describe('what a second fresh tester found (issue 11, 1 Dec)', () => {
  it('every check the bot shows before a save reads in words on the exclusion’s page, never as its id', async () => {
    const { EXCLUSION_WARNINGS } = await import('../../src/dialogs/views/entry-views.js');
    const { WARNING_IDS } = await import('../../src/core/exclusions/check-before-saving.js');
    for (const id of WARNING_IDS) expect(EXCLUSION_WARNINGS[id], id).toMatch(/ /);
  });

  it('day-6 provision past its reminders stays on the pupil’s page, overdue, until its start is recorded', async () => {
    const bot = await pupilWith({ exclusions: [exclusion('x1', 'permanent', '2026-11-02', 0)] });
    const page = await bot.say('pupil 4021');
    expect(page).toMatch(/Full-time provision from day 6[^\n]*Mon 9 Nov 2026/);
    expect(await bot.say('my reviews')).toMatch(/day 6|day-6/i);
  });

  it('"withdraw exclusion 1 for 4021" opens the withdrawal, as "withdraw suspension 4021" does', async () => {
    const bot = await pupilWith({ exclusions: [exclusion('s1', 'suspension', '2026-11-09', 2)] });
    expect(await bot.say('withdraw exclusion 1 for 4021')).not.toMatch(/didn’t understand/);
  });
});
