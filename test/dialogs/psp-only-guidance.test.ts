import { describe, expect, it } from 'vitest';
import { pcp, psp } from '../core/reminders/plans.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { makeCase } from '../helpers/make-case.js';

/** Issue 11: `what next` for a pupil at Step 4 whose only plan is a PSP speaks of the PSP, not a PCP they do not have. */
async function whatNextAtStep4(withPcp: boolean) {
  const w = await testWorld();
  await w.repo.save(makeCase({ pupilRef: '4021', currentStep: 4, psps: [psp('2026-11-03')], pcps: withPcp ? [pcp('2026-12-01')] : [] }), undefined);
  const bot = chatter(w.ctxFor(SENDCO));
  await bot.say('what next for 4021');
  await bot.answerUntil('no', (x) => !x.includes('? '));
  return bot.say('details');
}

describe('what next with only a PSP', () => {
  it('Step 4 says to monitor and review the PSP, with its reviews every 3–4 weeks, not the PCP', async () => {
    const reply = await whatNextAtStep4(false);
    expect(reply).toContain('Monitor and review the PSP, stepping up provision (its reviews every 3–4 weeks)');
    expect(reply).not.toContain('the PCP');
  });

  it('with a PCP as well, Step 4 still speaks of the PCP', async () => {
    expect(await whatNextAtStep4(true)).toContain('Monitor and review the PCP, stepping up provision');
  });
});
