import { describe, expect, it } from 'vitest';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester: a step down was saved without a word while the pupil was at risk of
 * permanent exclusion or had just been suspended; a jump up is already confirmed first. Today is
 * Friday 20 November 2026 (no term dates: weekdays bar bank holidays are school days).
 */
const NO_FLAGS = { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false };

async function pupilAtStep4(riskOfPermanentExclusion: boolean) {
  const w = await testWorld();
  await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: NO_FLAGS, currentStep: 4, riskOfPermanentExclusion });
  const bot = chatter(w.ctxFor(SENDCO));
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  return { bot, pupil };
}

describe('stepping a pupil down', () => {
  it('while at risk of permanent exclusion: warned and asked to confirm before the reason; "no" keeps them, "yes" saves the move', async () => {
    const { bot, pupil } = await pupilAtStep4(true);
    const asked = await bot.script(['step 4021', 'down']);
    expect(asked).toContain('Before stepping down: the pupil is at risk of permanent exclusion.');
    expect(asked).toMatch(/^\? Step down from Step 4 to Step 3 even so\?/m);
    expect(await bot.say('no')).toContain('Then type "back" to pick another step (Step 4 is where the pupil is now), or "cancel" to keep them at Step 4.');
    expect((await pupil()).currentStep).toBe(4);
    expect(await bot.say('yes')).toMatch(/^\? Why is the pupil moving\?/m);
    await bot.script(['Three good PSP reviews; risk reviewed with the head', '']);
    expect((await pupil()).stepChanges.at(-1)).toMatchObject({ from: 4, to: 3, reason: 'Three good PSP reviews; risk reviewed with the head' });
  });

  it('with a suspension ended in the last 20 school days: warned with its date; one longer ago is not queried', async () => {
    const { bot } = await pupilAtStep4(false);
    await bot.script(['exclusion', '4021', 'suspension', '9/11/2026', '2', 'Threw a chair in class', 'yes']);
    const asked = await bot.script(['step 4021', '2']);
    expect(asked).toContain('Before stepping down: a suspension ended Tue 10 Nov 2026, 8 school days ago.');
    expect(asked).toMatch(/^\? Step down from Step 4 to Step 2 even so\?/m);
    await bot.say('cancel');

    const earlier = await pupilAtStep4(false);
    await earlier.bot.script(['exclusion', '4021', 'suspension', '7/9/2026', '1', 'Threw a chair in class', 'yes']);
    expect(await earlier.bot.script(['step 4021', '3'])).toMatch(/^\? Why is the pupil moving\?/m);
  });
});
