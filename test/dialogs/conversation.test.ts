import { describe, expect, it } from 'vitest';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';


describe('adding a pupil', () => {
  it('records reference, initials and year, never a name', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    expect(await bot.script(NEW_PUPIL)).toContain('AB (ref 4021, Year 8) is recorded at Step 2');
    const [c] = await w.repo.listBySchool('oak-primary');
    expect(c).toMatchObject({ pupilRef: '4021', initials: 'AB', yearGroup: 8, currentStep: 2, flags: { senSupport: true } });
    expect(c!.timeline.map((t) => t.what)).toEqual(['case.created']);
  });

  it('refuses a name as initials and asks again without losing earlier answers', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(['new pupil', '4021']);
    expect(await bot.say('Alexander')).toContain('Please type one to three letters');
    expect(await bot.say('AB')).toContain('Year group');
    expect(bot.state.active?.answers).toMatchObject({ pupilRef: '4021', initials: 'AB' });
  });

  it('will not record the same reference twice', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    expect(await bot.script(NEW_PUPIL.slice(0, 2))).toContain('already recorded at your school');
    expect(await w.repo.listBySchool('oak-primary')).toHaveLength(1);
  });
});

describe('the graduated response over several conversations', () => {
  it('PCP, then a review without positive change, moves the pupil to Step 3 with the SENDCo', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    // The PCP: answer every question the pack's Appendix 3 template asks, skipping the optional ones.
    let reply = await bot.say('pcp for 4021');
    for (let i = 0; i < 40 && reply.includes('?'); i++) {
      if (reply.includes('Incident Support Plan')) reply = await bot.say('no');
      else if (reply.includes('reviewed?')) reply = await bot.say('in 4 weeks');
      else if (reply.includes('[optional')) reply = await bot.say('');
      else if (/date|Date/.test(reply.split('\n').at(-1)!)) reply = await bot.say('today');
      else reply = await bot.say('Calmer mornings; check-in with key adult');
    }
    expect(reply).toContain('Plan saved');
    expect(reply).toContain('Review due Fri 18 Dec 2026');

    const review = await bot.script(['review', '4021', 'today', 'no', 'yes', 'Still leaving lessons', '18/12/2026', 'yes']);
    expect(review).toContain('no positive change');
    expect(review).toContain('[3 you are here]');
    const [c] = await w.repo.listBySchool('oak-primary');
    expect(c!.currentStep).toBe(3);
    expect(c!.timeline.map((t) => t.what)).toEqual(['case.created', 'pcp.created', 'pcp.reviewed', 'step.up']);
  });

  it('a PSP gets its first review 21 days after it starts, and "my reviews" lists it', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.script(['psp', '4021', 'Stay in lessons; no physical incidents', 'me', '2026-11-02', '']);
    const reply = await bot.answerUntil('Weekly check-in');
    expect(reply).toContain('First review due Mon 23 Nov 2026');
    expect(await bot.say('my reviews')).toContain('AB (ref 4021): PSP review due in 3 days, Mon 23 Nov 2026');
  });
});

describe('referrals need parental permission', () => {
  it('keeps the answers when permission is not yet given, and records the referral once it is', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    // Permission is asked first, right after where the referral goes: without it there is nothing to write.
    expect(await bot.script(['refer', '4021', 'inclusion team'])).toMatch(/^\? Have parents\/carers given permission for this referral\? \(yes\/no\)$/m);
    expect(await bot.say('no')).toContain('can only be sent once parents/carers agree');
    expect((await w.repo.listBySchool('oak-primary'))[0]!.referrals).toHaveLength(0);
    // The date the referral was made (004's first field) comes next, today unless said; then the
    // school's name, which the bot already knows: a blank takes it.
    expect(await bot.say('yes')).toMatch(/^\? Date referral made \[blank = today/m);
    expect(await bot.say('')).toMatch(/^\? School \/ setting \[blank = Oak Primary\]$/m);
    const done = await bot.answerUntil('Persistent disruption despite Step 4 plan', (r) => r.includes('Referral of'));
    expect(done).toContain('Referral of AB (ref 4021, Year 8) to Education Engagement');
    const [c] = await w.repo.listBySchool('oak-primary');
    expect(c!.referrals[0]).toMatchObject({ serviceId: 'education-engagement-inclusion-team', toLocalAuthority: true, parentalPermission: true });
    // Known, not typed: the school's name, the SENDCo's role, the pupil's SEN status from their record.
    expect(c!.referrals[0]!.fields).toMatchObject({ schoolName: 'Oak Primary', referrerRole: 'SENDCo', senStatus: 'sen-support' });
    // 000: a referral to external agencies is Step 4's action 15, so from Step 3 it is a move to Step 4.
    expect(c!.currentStep).toBe(4);
  });
});

describe('staying kind with bad input', () => {
  it('refuses an impossible date by name and keeps the dialog', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.script(['exclusion', '4021', '1']);
    expect(await bot.say('31/02/2026')).toContain('31/02/2026 is not a real date');
    expect(await bot.say('16/11/2026')).toContain('How many school days');
  });

  it('"back" changes the last answer; "cancel" stops without saving', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(['new pupil', '4021', 'AB']);
    expect(await bot.say('back')).toContain('Their initials');
    expect(bot.state.active?.answers).not.toHaveProperty('initials');
    expect(await bot.say('cancel')).toContain('Nothing from it was saved');
    expect(await w.repo.listBySchool('oak-primary')).toHaveLength(0);
  });

  it('shows the menu after two misunderstandings in a row', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    expect(await bot.say('asdfgh')).toContain('Sorry, I didn’t understand that');
    expect(await bot.say('qwerty')).toContain('What I can help with');
  });

  it('says so kindly when a pupil reference is not found', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    expect(await bot.say('review for 9999')).toContain('I can’t find a pupil with reference 9999');
  });
});

describe('free text finds the right dialog', () => {
  it('"who helps with attendance?" signposts', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    const reply = await bot.say('who helps with attendance?');
    expect(reply.split('\n').find((l) => /^1\. /.test(l))).toMatch(/^1\. Attendance and Children Missing Team/);
  });

  it('"what next?" for an unrecorded pupil asks step by step, then gives guidance with a PSP trigger', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    const reply = await bot.script(['what next?', 'skip', '2', '4', '2', '3', '5', '0', 'no', 'no', 'no', '1', 'no', '2', '1', 'no', '']);
    expect(reply).toContain('move to Step 3');
    expect(reply).toContain('Pastoral Support');
    expect(reply).toMatch(/Why: 2 suspensions this school year/);
  });
});

describe('safeguarding first in signposting', () => {
  it('a disclosure typed as a search starts with the DSL and the Family Front Door', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    const reply = await bot.say('signpost she says she is scared to go home and has bruises');
    expect(reply.split('\n')[0]).toMatch(/^!!! /);
    expect(reply.indexOf('Family Front Door')).toBeLessThan(reply.indexOf('== Services') === -1 ? Infinity : reply.indexOf('== Services'));
  });

  it('quotes the worry in the search’s own words, never the command word, even when only the learned reader found it', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    const reply = await bot.say('signpost Prevent advice for a Y9 lad sharing terrorist propaganda videos');
    expect(reply).toMatch(/“Prevent advice for a Y9 lad sharing terrorist propaganda videos”/);
    expect(reply).not.toMatch(/“signpost/i);
  });

  it('an ordinary search has no safeguarding banner', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    expect(await bot.say('signpost dyslexia assessment')).not.toContain('!!!');
  });
});

describe('lists are typed the way each screen allows', () => {
  it('the terminal asks for a PSP’s targets separated with ";" and takes them so; the question itself names no separator, as cards take one per line', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    const asked = await bot.say('psp for 4021');
    expect(asked).toMatch(/^\? The pupil’s targets \(up to 5\)\. \(separate them with ";"\)$/m);
    expect(await bot.say('Stay in lessons; Use the calm space')).toMatch(/Who oversees the PSP/);
  });
});

describe('finding a pupil by initials', () => {
  it('"what next for AB?" finds the one pupil with those initials', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    expect(await bot.say('what next for AB?')).toContain('Is a suspension being considered now?');
  });

  it('asks for the reference when two pupils share initials', async () => {
    const w = await testWorld();
    const bot = chatter(w.ctxFor(SENDCO));
    await bot.script(NEW_PUPIL);
    await bot.script(['new pupil', '4022', 'AB', '7', '1', 'no', '1', '', 'no']);
    expect(await bot.say('what next for AB')).toContain('More than one of your pupils has the initials AB');
  });
});
