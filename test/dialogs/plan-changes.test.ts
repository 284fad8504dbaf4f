import { describe, expect, it } from 'vitest';
import { pspTargets } from '../../src/core/plans/close-plan.js';
import { dueItems } from '../../src/core/reminders/due-items.js';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, "plans cannot be changed or ended", through the typed conversation: a PSP's targets are
 * amended at its review (003, Hackney PSP: "targets are amended and developed in response to pupil
 * progress"), a PSP is closed at its end with its outcome and what follows, a PCP is closed as
 * successful or replaced, and a closed plan's reminders stop. Today is Friday 20 November 2026.
 */

async function world() {
  const w = await testWorld();
  const bot = chatter(w.ctxFor(SENDCO));
  await bot.script(NEW_PUPIL);
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  const due = async () => dueItems(await w.repo.scanAll(), { pack: w.pack, calendar: w.ctxFor(SENDCO).calendar, today: '2026-11-20' });
  return { ...w, bot, pupil, due };
}

type Bot = ReturnType<typeof chatter>;

/**
 * Starts a form with `first` and answers every question until `done`: blank where optional, the first
 * choice, "no" to an Incident Support Plan, a date where one is asked, and words elsewhere.
 */
async function fill(bot: Bot, first: string[], done: string): Promise<string> {
  let reply = await bot.script(first);
  for (let i = 0; i < 40 && !reply.includes(done); i++) {
    const asked = reply.split('\n').filter((l) => l.startsWith('?')).at(-1) ?? '';
    if (reply.includes('Incident Support Plan')) reply = await bot.say('no');
    else if (asked.includes('[optional') || asked.includes('[blank =')) reply = await bot.say('');
    else if (reply.includes('  1. ')) reply = await bot.say('1');
    // A PSP ends after its first review (psp.ts), so its end is typed well ahead.
    else if (asked.startsWith('? End date')) reply = await bot.say('in 26 weeks');
    else if (/date/i.test(asked)) reply = await bot.say('today');
    else reply = await bot.say('Calmer mornings with a key adult');
  }
  return reply;
}

const writePsp = (bot: Bot) => fill(bot, ['psp', '4021', 'Stay in lessons; Use the calm room', 'me', '2026-11-02'], 'PSP saved');
const writePcp = (bot: Bot) => fill(bot, ['pcp 4021'], 'Plan saved');

describe('a PSP’s targets are amended at its review', () => {
  it('the review shows the targets now and takes the amended ones; the plan keeps those it started with, and a blank keeps them', async () => {
    const { bot, pupil } = await world();
    await writePsp(bot);
    await bot.script(['review 4021', '18/11/2026', 'yes']);
    const asked = await bot.say('Better mornings, still leaving science');
    expect(asked).toContain('The PSP’s targets now: 1. Stay in lessons; 2. Use the calm room.');
    expect(asked).toContain('? Amend the targets?');
    const done = await bot.say('Stay in lessons all day; Use the calm room; Walk to the office calmly when upset');
    expect(done).toContain('Targets amended: 1. Stay in lessons all day; 2. Use the calm room; 3. Walk to the office calmly when upset.');

    let c = await pupil();
    const psp = c.psps[0]!;
    expect(psp.targets).toEqual(['Stay in lessons', 'Use the calm room']);
    expect(psp.reviews[0]).toMatchObject({ positiveChange: true, targets: ['Stay in lessons all day', 'Use the calm room', 'Walk to the office calmly when upset'] });
    expect(pspTargets(psp)).toHaveLength(3);
    expect(c.timeline.slice(-2).map((t) => t.what)).toEqual(['psp.reviewed', 'psp.targets-amended']);

    // Two school days after the last review: queried as too soon, and held even so.
    const kept = await bot.script(['review 4021', 'today', 'yes', 'yes', '']);
    expect(kept).toContain('The PSP’s targets now: 1. Stay in lessons all day; 2. Use the calm room; 3. Walk to the office calmly when upset.');
    expect(await bot.say('')).not.toContain('Targets amended');
    c = await pupil();
    expect(c.psps[0]!.reviews[1]!.targets).toBeUndefined();
    expect(pspTargets(c.psps[0]!)).toEqual(['Stay in lessons all day', 'Use the calm room', 'Walk to the office calmly when upset']);
  });
});

describe('a plan is closed with its outcome, and its reminders stop', () => {
  it('a PSP at its end: not successful, leading to specialist support; the review reminder goes, and no review can be recorded on it', async () => {
    const { bot, pupil, due } = await world();
    await writePsp(bot);
    expect((await due()).map((i) => i.kind)).toEqual(['psp-review']);
    expect(await bot.say('close plan 4021')).toContain('? How did the PSP end?');
    expect(await bot.say('not successful')).toContain('? What follows?');
    expect(await bot.say('a referral')).toContain('? When did it end?');
    await bot.say('today');
    const done = await bot.say('Two reviews without change; parents agree to a referral');
    expect(done).toContain('The Pastoral Support Programme for AB (ref 4021, Year 8) is closed as not successful on Fri 20 Nov 2026, leading to: specialist support. Its review reminders stop.');
    expect(done).toContain('Type "refer" for the pupil');

    const c = await pupil();
    expect(c.psps[0]).toMatchObject({ status: 'closed', closure: { on: '2026-11-20', outcome: 'not-successful', leadsTo: 'specialist-support', notes: 'Two reviews without change; parents agree to a referral', by: SENDCO.id } });
    expect(c.timeline.at(-1)).toMatchObject({ what: 'psp.closed', ref: c.psps[0]!.id });
    expect(await due()).toEqual([]);
    expect(await bot.say('review 4021')).toContain('That pupil has no active plan to review');
  });

  it('a PCP closed as successful; "something else" needs the notes to say what', async () => {
    const { bot, pupil, due } = await world();
    await writePcp(bot);
    expect((await due()).map((i) => i.kind)).toEqual(['pcp-review']);
    expect(await bot.say('close the pcp for 4021')).toContain('? How did the plan end?');
    await bot.script(['successful', 'something else', 'today']);
    expect(await bot.say('')).toContain('I need an answer to this one.');
    expect(await bot.say('A nurture group place at the school')).toContain('closed as successful on Fri 20 Nov 2026');
    expect((await pupil()).pcps[0]).toMatchObject({ status: 'closed', closure: { outcome: 'successful', leadsTo: 'other', notes: 'A nurture group place at the school' } });
    expect(await due()).toEqual([]);
    expect(await bot.say('close plan 4021')).toContain('That pupil has no plan in place to close.');
  });

  it('a PCP replaced by a new one is closed as replaced, naming the plan that replaced it', async () => {
    const { bot, pupil } = await world();
    await writePcp(bot);
    await writePcp(bot);
    const [old, current] = (await pupil()).pcps;
    expect(old).toMatchObject({ status: 'closed', closure: { outcome: 'replaced', leadsTo: 'new-plan', replacedBy: current!.id, on: '2026-11-20' } });
    expect(current!.status).toBe('active');
  });

  it('with a PCP and a PSP, asks which plan is ending; a PCP cannot end "not successful"', async () => {
    const { bot, pupil } = await world();
    await writePcp(bot);
    await writePsp(bot);
    expect(await bot.say('end plan 4021')).toContain('? Which plan is ending?');
    expect(await bot.say('pcp')).toContain('1. Successful');
    expect(await bot.say('not successful')).toContain('isn’t one of the choices');
    await bot.script(['replaced', 'a new or updated plan']);
    expect(await bot.say('19/11/2026')).toContain('The end date (Thu 19 Nov 2026) is before the plan’s date (Fri 20 Nov 2026); it cannot come before it.');
    await bot.script(['today', '']);
    const c = await pupil();
    expect(c.pcps[0]!.closure).toMatchObject({ outcome: 'replaced', leadsTo: 'new-plan', on: '2026-11-20' });
    expect(c.psps[0]!.status).toBe('active');
  });
});
