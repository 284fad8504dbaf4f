import { describe, expect, it } from 'vitest';
import { chatter, NEW_PUPIL, SENDCO, TEACHER, testWorld } from '../helpers/dialog-context.js';
import { newPupilAt, writePcp } from '../helpers/pupil-scripts.js';

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

describe('the referral’s service question', () => {
  it('"no" matches no service: it asks again, saying how to stop', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.script(['refer', '4021']);
    const reply = await bot.say('no');
    expect(reply).not.toMatch(/Referring to/);
    expect(reply).toMatch(/"cancel"/);
    expect(bot.state.active).toBeDefined();
  });

  for (const words of ['edpsych', 'ed psych', 'EP', 'educational psych', 'the psychologist']) {
    it(`"${words}" is the Educational Psychology Service`, async () => {
      const w = await testWorld();
      const bot = chatter(w.ctxFor(SENDCO));
      await bot.script(NEW_PUPIL);
      await bot.script(['refer', '4021']);
      expect(await bot.say(words)).toContain('Referring to The Educational Psychology Service (EPS).');
    });
  }

  for (const words of ['CAMHS', 'cahms', 'camhs referral', 'SALT', 'OT']) {
    it(`"${words}" names a service`, async () => {
      const w = await testWorld();
      const bot = chatter(w.ctxFor(SENDCO));
      await bot.script(NEW_PUPIL);
      await bot.script(['refer', '4021']);
      expect(await bot.say(words)).toMatch(/Referring to (Children and Adolescent Mental Health|Speech|Occupational)/);
    });
  }
});

describe('a referral for a pupil below Step 4 says what comes first (seed 000, Step 4)', () => {

  it('a teacher referring a Step 3 pupil is told, before writing it, that actions 13 and 14 come first and the SENDCo leads it', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(TEACHER));
    await bot.script(newPupilAt(3));
    const reply = await bot.script(['refer 4021', 'ed psych']);
    expect(reply).toContain('Before you go on: the pupil is at Step 3. A referral to external agencies is Step 4’s action 15 (referral to external agencies), and it comes after action 13');
    expect(reply).toContain('action 14 (formal meeting with parents/carers and pupil)');
    expect(reply).toContain('Step 4 – action 15');
    expect(reply).toContain('Step 4 is led by the SENDCo: speak to your SENDCo before sending this');
    expect(reply).toContain('type "cancel"');
    // Nothing is saved by reading it; cancel keeps the pupil where they were.
    await bot.say('cancel');
    const [c] = await w.repo.listBySchool('oak-primary');
    expect([c!.currentStep, c!.referrals]).toEqual([3, []]);
  });

  it('a SENDCo is told the order but not to speak to the SENDCo; at Step 4 nothing is said', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(newPupilAt(3));
    const reply = await bot.script(['refer 4021', 'ed psych']);
    expect(reply).toContain('the pupil is at Step 3');
    expect(reply).not.toContain('speak to your SENDCo');

    const w4 = await testWorld();
    const bot4 = chatter(w4.ctxFor(SENDCO));
    await bot4.script(newPupilAt(4));
    expect(await bot4.script(['refer 4021', 'ed psych'])).not.toContain('Before you go on');
  });
});


describe('a review of "no positive change" in a plan’s first days is queried (seed 003: reviews every three to four weeks)', () => {
  it('a PCP written today and reviewed today: "even so?"; no keeps the answers and saves nothing; yes records it', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await writePcp(bot, 'today');
    const asked = await bot.script(['review', '4021', 'today', 'no']);
    expect(asked).toContain('This review is on the day the plan began. A plan needs time to work before a review can show whether it has: the shortest review interval is 3 school weeks');
    expect(asked).toContain('? Record “no positive change” even so?');
    const kept = await bot.say('no');
    expect(kept).toContain('Your answers are kept. Type "back"');
    expect((await w.repo.listBySchool('oak-primary'))[0]!.pcps[0]!.reviews).toEqual([]);
    expect(await bot.say('yes')).toMatch(/What worked/);
  });

  it('a review 19 school days after the plan is not queried', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await writePcp(bot, '26/10/2026');
    const next = await bot.script(['review', '4021', 'today', 'no']);
    expect(next).not.toContain('even so');
    expect(next).toMatch(/What worked/);
  });
});

describe('a PCP written up after the event may have a past review date', () => {
  /** Answers the PCP for 4021 dated 2 Nov 2026 up to its review date question, and returns that question. */
  async function upToReviewDate(bot: ReturnType<typeof chatter>): Promise<string> {
    let reply = await bot.say('pcp for 4021');
    for (let i = 0; i < 40 && !reply.includes('reviewed?'); i++) {
      if (reply.includes('[optional')) reply = await bot.say('');
      else if (/date|Date/.test(reply.split('\n').at(-1)!)) reply = await bot.say('2/11/2026');
      else reply = await bot.say('Calmer mornings; check-in with key adult');
    }
    return reply;
  }

  it('a plan dated 2 Nov takes a review date of 16 Nov (today is 20 Nov), saying it is recorded as past; one before the plan is refused', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    expect(await upToReviewDate(bot)).toContain('reviewed?');
    expect(await bot.say('30/10/2026')).toContain('is before the plan’s date');
    const taken = await bot.say('16/11/2026');
    expect(taken).toContain('Mon 16 Nov 2026 is past: it will be recorded as a past review date');
    let reply = taken;
    for (let i = 0; i < 10 && reply.includes('?'); i++) reply = await bot.say('no');
    expect(reply).toContain('Plan saved');
    expect((await w.repo.listBySchool('oak-primary'))[0]!.pcps[0]!.reviewDate).toBe('2026-11-16');
  });

  it('a plan dated today still refuses a review date in the past', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    let reply = await bot.say('pcp for 4021');
    for (let i = 0; i < 40 && !reply.includes('reviewed?'); i++) {
      if (reply.includes('[optional')) reply = await bot.say('');
      else if (/date|Date/.test(reply.split('\n').at(-1)!)) reply = await bot.say('today');
      else reply = await bot.say('Calmer mornings; check-in with key adult');
    }
    const refused = await bot.say('16/11/2026');
    expect(refused).not.toContain('recorded as a past review date');
    expect(refused).toContain('reviewed?');
  });
});
