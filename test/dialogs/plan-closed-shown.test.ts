import { describe, expect, it } from 'vitest';
import { pcp, psp } from '../core/reminders/plans.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { makeCase } from '../helpers/make-case.js';

/** Issue 11.5: how a plan ended is on the record: its page, the timeline, and no review still to come. */

async function closeOnly(plans: Parameters<typeof makeCase>[0]) {
  const w = await testWorld();
  await w.repo.save(makeCase({ pupilRef: '4021', ...plans }), undefined);
  const bot = chatter(w.ctxFor(SENDCO));
  let reply = await bot.say('close plan 4021');
  for (const answer of ['successful', 'usual support', '19/11/2026', '']) {
    expect(reply).toContain('?');
    reply = await bot.say(answer);
  }
  expect(reply).toContain('Plan closed');
  return bot;
}

describe('a closed plan shows how it ended', () => {
  it('a PSP closed as successful, back to usual support: its page, and the timeline', async () => {
    const bot = await closeOnly({ psps: [psp('2026-11-03')] });
    const page = await bot.say('show psp 1 for 4021');
    expect(page).toContain('Status: Closed');
    expect(page).toContain('Outcome: Successful');
    expect(page).toContain('Ended: Thu 19 Nov 2026');
    expect(page).toContain('What follows: Back to the school’s usual support');
    expect(page).toContain('Closed by: you');
    const timeline = await bot.say('timeline for 4021');
    expect(timeline).toContain('Thu 19 Nov 2026: PSP 1 closed: successful; next, back to the school’s usual support');
  });

  it('a closed PCP no longer shows a review date to come', async () => {
    const bot = await closeOnly({ pcps: [pcp('2026-12-18')] });
    const page = await bot.say('show pcp 1 for 4021');
    expect(page).toContain('Outcome: Successful');
    expect(page).not.toContain('Fri 18 Dec 2026');
    expect(page).not.toMatch(/Review date|Next review/);
  });
});
