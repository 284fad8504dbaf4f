import { describe, expect, it } from 'vitest';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 12: "what next" for a pupil on SEN support when a suspension is being considered. The
 * SEN-support checks (003 "Fixed-Term Exclusion"; 000 "Legislation and Policy Requirements") come
 * first, before anything about the suspension: whether the pupil's needs are being met, the SENDCo
 * involved, an EHC needs assessment considered, and the alternatives to suspension.
 */

const flags = (send: 'none' | 'sen-support' | 'ehcp') => ({ senSupport: send === 'sen-support', ehcp: send === 'ehcp', lookedAfter: false, previouslyLookedAfter: false, socialWorker: false });

async function recorded(send: 'none' | 'sen-support' | 'ehcp') {
  const w = await testWorld();
  await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: flags(send), currentStep: 3, riskOfPermanentExclusion: false });
  return chatter(w.ctxFor(SENDCO));
}

const SEN_BRIEF = 'SEN support: before any suspension, the SENDCo checks needs are met and considers an EHC needs assessment and alternatives.';

describe('what next, a suspension considered, for a pupil on SEN support', () => {
  it('a recorded pupil: the SEN-support checks lead the first screen, and the details give each of them', async () => {
    const bot = await recorded('sen-support');
    const first = await bot.script(['what next for 4021', 'yes', 'no', '']);
    const screen = first.replace(/'/g, '’');
    expect(screen).toContain('== Check these first ==');
    expect(screen).toContain(SEN_BRIEF);
    expect(screen.indexOf(SEN_BRIEF)).toBeLessThan(screen.indexOf('== Next'));
    const details = (await bot.say('details')).replace(/'/g, '’');
    for (const check of ['consider whether the pupil’s needs are being met', 'involve the SENDCo', 'whether an EHC needs assessment is needed', 'consider the alternatives to suspension'])
      expect(details).toContain(check);
  });

  it('a pupil not recorded, with suspensions already: the SEN-support checks come before the suspension days and the PSP', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    const answers = ['what next', 'skip', '3', 'no', '2', '5', '35', '0', 'no', 'no', 'no', 'no', 'no', 'sen support', 'no', 'yes', ''];
    const screen = (await bot.withDetails(await bot.script(answers))).replace(/'/g, '’');
    const sen = screen.indexOf(SEN_BRIEF);
    expect(sen).toBeGreaterThan(-1);
    for (const about of ['! Suspension days: at most 45 in a school year', '! Set up a Pastoral Support Programme']) {
      expect(screen).toContain(about);
      expect(sen).toBeLessThan(screen.indexOf(about));
    }
  });

  it('no suspension considered, or no SEN support, or an EHC plan (its own warning): no SEN-support checks', async () => {
    const notNow = await recorded('sen-support');
    expect(await notNow.script(['what next for 4021', 'no', 'no', ''])).not.toContain('SEN support: before any suspension');
    const noSen = await recorded('none');
    expect(await noSen.script(['what next for 4021', 'yes', 'no', ''])).not.toContain('SEN support: before any suspension');
    const ehcp = await recorded('ehcp');
    const plan = await ehcp.script(['what next for 4021', 'yes', 'no', '']);
    expect(plan).not.toContain('SEN support: before any suspension');
    expect(plan).toContain('EHC plan');
  });
});
