import { describe, expect, it } from 'vitest';
import { SchoolCalendar } from '../../src/core/calendar/school-calendar.js';
import { suspensionFigures } from '../../src/core/record/pupil-figures.js';
import { chatter, SENDCO, TEACHER, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester item 2: a suspension recorded by mistake can be withdrawn by a new entry
 * saying who, when and why; it stays on record and no longer counts (totals, the 45-day limit, the
 * pathway). Today is Friday 20 November 2026.
 */

async function world() {
  const w = await testWorld();
  await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: false });
  const bot = chatter(w.ctxFor(SENDCO));
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  return { ...w, bot, pupil };
}

describe('withdrawing a suspension recorded by mistake', () => {
  it('a 45-day suspension withdrawn no longer counts: a later 5-day one is allowed, totals drop; it stays on record, audited', async () => {
    const { bot, pupil, cases, audit } = await world();
    const calendar = new SchoolCalendar();
    await bot.script(['exclusion', '4021', 'suspension', '14/09/2026', '45', 'Threw a chair at a member of staff', 'yes']);
    const c = await pupil();
    expect(suspensionFigures(c, calendar, '2026-11-20').yearDays).toBe(45);
    const refused = await bot.script(['exclusion', '4021', 'suspension', '16/11/2026', '5']);
    expect(refused).toContain('the law allows no more than 45');
    await bot.say('cancel');

    const after = await cases.withdrawExclusion(SENDCO, { schoolId: 'oak-primary', id: c.id }, c.exclusions[0]!.id, 'Recorded for the wrong pupil', '2026-11-20');
    expect(after.exclusions).toHaveLength(1);
    expect(after.facts.at(-1)).toMatchObject({ fact: 'withdrawn', corrects: c.exclusions[0]!.id, by: SENDCO.id, why: 'Recorded for the wrong pupil', on: '2026-11-20' });
    expect(after.timeline.at(-1)).toMatchObject({ what: 'exclusion.withdrawn', by: SENDCO.id });
    expect(suspensionFigures(after, calendar, '2026-11-20').yearDays).toBe(0);
    expect((await audit.list()).filter((e) => e.action === 'exclusion.withdrawn')).toEqual([expect.objectContaining({ actorId: SENDCO.id, outcome: 'done', caseId: c.id })]);

    await bot.script(['exclusion', '4021', 'suspension', '16/11/2026', '5', 'Threw a chair at a member of staff']);
    await bot.say('yes');
    expect((await pupil()).exclusions.map((x) => x.days)).toEqual([45, 5]);
    // The chronology still shows both, and the withdrawal.
    expect(await bot.say('timeline 4021')).toMatch(/withdrawn/i);
  });

  it('by text: "withdraw suspension 4021" picks the suspension, asks why, and it stops counting', async () => {
    const { bot, pupil } = await world();
    await bot.script(['exclusion', '4021', 'suspension', '16/11/2026', '2', 'Threw a chair at a member of staff', 'yes']);
    const asked = await bot.say('withdraw suspension 4021');
    expect(asked).toContain('2-day suspension from Mon 16 Nov 2026');
    expect(asked).toMatch(/^\? Which one was recorded by mistake\?/m);
    expect(await bot.say('1')).toMatch(/^\? Why is it withdrawn\?/m);
    const done = await bot.say('Recorded for the wrong pupil');
    expect(done).toContain('2-day suspension from Mon 16 Nov 2026 for AB (ref 4021, Year 8) is withdrawn');
    const c = await pupil();
    expect(c.facts.at(-1)).toMatchObject({ fact: 'withdrawn', corrects: c.exclusions[0]!.id, why: 'Recorded for the wrong pupil' });
    expect(await bot.say('withdraw suspension 4021')).toContain('nothing to withdraw');
  });

  it('the timeline and the suspension itself say it was withdrawn, when, why and that it is not counted; the withdrawal names the suspension', async () => {
    const { bot } = await world();
    await bot.script(['exclusion', '4021', 'suspension', '16/11/2026', '2', 'Threw a chair at a member of staff', 'yes']);
    await bot.script(['withdraw suspension 4021', '1', 'Recorded for the wrong pupil']);
    const timeline = await bot.say('timeline 4021');
    expect(timeline).toContain('Mon 16 Nov 2026: Suspension, 2 school days (exclusion 1) (withdrawn Fri 20 Nov 2026: Recorded for the wrong pupil; not counted)');
    expect(timeline).toContain('Fri 20 Nov 2026: Withdrawn: the suspension of 2 school days from Mon 16 Nov 2026, no longer counted');
    expect(timeline).not.toContain('Corrects an earlier entry');
    const shown = await bot.say('show exclusion 1 for 4021');
    expect(shown).toMatch(/Withdrawn:? Fri 20 Nov 2026 by you: Recorded for the wrong pupil; not counted/);
  });

  it('needs a reason, is not done twice, and is refused to someone without access', async () => {
    const { bot, pupil, cases } = await world();
    await bot.script(['exclusion', '4021', 'suspension', '16/11/2026', '2', 'Threw a chair at a member of staff', 'yes']);
    const c = await pupil();
    const ref = { schoolId: 'oak-primary', id: c.id };
    const x = c.exclusions[0]!.id;
    await expect(cases.withdrawExclusion(SENDCO, ref, x, '  ', '2026-11-20')).rejects.toThrow('Please say why the 2-day suspension from Mon 16 Nov 2026 is withdrawn');
    await expect(cases.withdrawExclusion(TEACHER, ref, x, 'Mistake', '2026-11-20')).rejects.toThrow('You cannot change this pupil’s record');
    await cases.withdrawExclusion(SENDCO, ref, x, 'Mistake', '2026-11-20');
    await expect(cases.withdrawExclusion(SENDCO, ref, x, 'Mistake', '2026-11-20')).rejects.toThrow('has already been withdrawn');
  });
});

describe('withdrawing a suspension from "update", "Correct an earlier entry" (tester, issue 11)', () => {
  it('offers the suspension among the entries; picking it asks why, withdraws it, and it is offered no more', async () => {
    const { bot, pupil } = await world();
    await bot.script(['exclusion', '4021', 'suspension', '16/11/2026', '2', 'Threw a chair at a member of staff', 'yes']);
    // Only a suspension is on record: "Correct an earlier entry" is offered all the same.
    expect(await bot.say('update 4021')).toContain('Correct an earlier entry');
    const entries = await bot.say('correct an earlier entry');
    expect(entries).toContain('Mon 16 Nov 2026: 2-day suspension (recorded by mistake: withdraw it)');
    const asked = await bot.say('2-day suspension');
    expect(asked).toContain('If only its dates or days were wrong, withdraw it here and record it again with "exclusion".');
    expect(asked).toMatch(/^\? Why is it withdrawn\?/m);
    const done = await bot.say('Recorded for the wrong pupil');
    expect(done).toContain('2-day suspension from Mon 16 Nov 2026 for AB (ref 4021, Year 8) is withdrawn');
    const c = await pupil();
    expect(c.facts.at(-1)).toMatchObject({ fact: 'withdrawn', corrects: c.exclusions[0]!.id, why: 'Recorded for the wrong pupil', by: SENDCO.id });
    expect(c.timeline.at(-1)).toMatchObject({ what: 'exclusion.withdrawn' });
    expect(await bot.say('update 4021')).not.toContain('Correct an earlier entry');
  });
});
