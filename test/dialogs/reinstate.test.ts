import { describe, expect, it } from 'vitest';
import { chatter, SENDCO, TEACHER, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester: the governors (or an independent review panel) can reinstate a
 * permanently excluded pupil (seed 003, exclusion rules; 000 Appendix 4). `reinstate 4021` records
 * who decided and when; the exclusion stays on record, marked reinstated, and no longer stands, so a
 * suspension after the decision can be recorded again. Today is Friday 20 November 2026.
 */
async function world() {
  const w = await testWorld();
  await w.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 4, riskOfPermanentExclusion: true });
  const bot = chatter(w.ctxFor(SENDCO));
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  // A permanent exclusion from Monday 2 November, saved after its checks.
  await bot.script(['exclusion', '4021', 'permanent', '02/11/2026', 'Serious assault on a member of staff', 'yes']);
  return { ...w, bot, pupil };
}

describe('reinstatement after a permanent exclusion', () => {
  it('"reinstate 4021": who and when; the exclusion is kept, marked reinstated, stops standing, and suspensions after it are allowed again; audited', async () => {
    const { bot, pupil, audit } = await world();
    const c = await pupil();
    expect(c.exclusions).toEqual([expect.objectContaining({ kind: 'permanent', startDate: '2026-11-02' })]);
    expect(await bot.script(['exclusion', '4021', 'suspension', '16/11/2026'])).toContain('recorded as permanently excluded from Mon 2 Nov 2026');
    await bot.say('cancel');

    const asked = await bot.say('reinstate 4021');
    expect(asked).toContain('Permanent exclusion from Mon 2 Nov 2026');
    expect(await bot.say('1')).toMatch(/^\? Who directed the reinstatement\?/m);
    expect(await bot.say('governors')).toMatch(/^\? Date of their decision/m);
    // Not before the exclusion began; the answer is asked again.
    expect(await bot.say('30/10/2026')).toContain('can’t be before the permanent exclusion began (Mon 2 Nov 2026)');
    await bot.say('12/11/2026');
    const done = await bot.say('');
    expect(done).toContain('AB (ref 4021, Year 8) is reinstated from Thu 12 Nov 2026, as the governors decided.');

    const after = await pupil();
    expect(after.exclusions).toHaveLength(1);
    expect(after.facts.at(-1)).toMatchObject({ fact: 'reinstated', exclusionId: c.exclusions[0]!.id, decidedBy: 'governors', on: '2026-11-12', by: SENDCO.id });
    expect(after.timeline.at(-1)).toMatchObject({ what: 'exclusion.reinstated', by: SENDCO.id });
    expect((await audit.list()).filter((e) => e.action === 'exclusion.reinstated')).toEqual([expect.objectContaining({ actorId: SENDCO.id, outcome: 'done', caseId: c.id })]);
    // Shown on the exclusion's own page, and no longer a permanent exclusion that stands.
    expect(await bot.say('show exclusion 1 for 4021')).toContain('Reinstated: From Thu 12 Nov 2026, as the governors decided; it no longer stands; not counted');
    // The timeline marks it too (issue 11: it read as an exclusion that stands).
    expect(await bot.say('timeline 4021')).toContain('Mon 2 Nov 2026: Permanent exclusion (exclusion 1) (reinstated Thu 12 Nov 2026; not counted)');
    const page = await bot.say('pupil 4021');
    expect(page).not.toMatch(/Permanently excluded/i);
    // Still on the pupil's page, marked reinstated with the date (issue 11).
    expect(page).toContain('Permanent exclusion (reinstated): From Mon 2 Nov 2026; reinstated from Thu 12 Nov 2026');
    expect(await bot.say('reinstate 4021')).toContain('no permanent exclusion that stands');
    await bot.say('cancel');

    // Before the decision the pupil was still off roll; from it, a suspension can be recorded.
    expect(await bot.script(['exclusion', '4021', 'suspension', '09/11/2026'])).toContain('recorded as permanently excluded from Mon 2 Nov 2026');
    await bot.say('cancel');
    await bot.script(['exclusion', '4021', 'suspension', '16/11/2026', '2', 'Threw a chair at a member of staff']);
    await bot.say('yes');
    expect((await pupil()).exclusions.map((x) => x.kind)).toEqual(['permanent', 'suspension']);
  });

  it('an independent review panel is a choice too; a teacher without write access is refused', async () => {
    const { bot, pupil, ctxFor } = await world();
    await bot.script(['reinstate 4021', '1', 'review panel', '19/11/2026', 'Return with a reintegration meeting']);
    expect((await pupil()).facts.at(-1)).toMatchObject({ fact: 'reinstated', decidedBy: 'independent-review-panel', on: '2026-11-19', why: 'Return with a reintegration meeting' });
    expect(await chatter(ctxFor(TEACHER)).say('reinstate 4021')).toMatch(/can’t|cannot/);
  });
});
