import { describe, expect, it } from 'vitest';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/** Rules a fresh tester of 1 Dec found wrong or missing (issues 11 and 13). */

const flags = { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false };

describe('the PCP asks who was at the meeting in plain words', () => {
  it('asks "Who was at the meeting (roles, not names)?", not a bare "Present"', async () => {
    const w = await testWorld();
    await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags, currentStep: 2, riskOfPermanentExclusion: false });
    const bot = chatter(w.ctxFor(SENDCO));
    let reply = await bot.say('pcp 4021');
    for (let i = 0; i < 10 && !/meeting/i.test(reply); i++) {
      const asked = reply.split('\n').filter((l) => l.startsWith('?')).at(-1) ?? '';
      reply = await bot.say(asked.includes('[optional') || asked.includes('[blank =') ? '' : reply.includes('  1. ') ? '1' : /date/i.test(asked) ? 'today' : asked.includes('yes/no') ? 'no' : 'Oak Primary');
    }
    expect(reply).toContain('Who was at the meeting (roles, not names)?');
    expect(reply).not.toMatch(/^\? Present\b/m);
  });
});
