import { afterEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../src/core/staff.js';
import { cardProblems } from './cards/parse-card.js';
import { AAD, actionsOf, inputsOf, teamsHarness, textOf, type TeamsHarness } from './harness.js';

/**
 * Issue 11, tester item 10: `unshare 4021` offered the SENDCo themself (named on the pupil they
 * added) as someone to take off. Over the real Teams endpoint, the card offers only teachers.
 */

let h: TeamsHarness;
afterEach(async () => h?.close());

const ME: StaffMember = { id: `teams:${AAD.sendco}`, role: 'sendco', schoolId: 'oak-primary' };
const TEACHER = 'teams:00000000-0000-0000-0000-0000000000c1';

describe('Teams: unshare offers only the teachers named on a pupil', () => {
  it('the choice holds the teacher, not the SENDCo who added the pupil; sending the SENDCo’s own id is refused saying why', async () => {
    h = await teamsHarness();
    await h.core.staff.grant({ id: `teams:${AAD.admin}`, role: 'admin' }, { id: TEACHER, role: 'teacher', schoolId: 'oak-primary' });
    const c = await h.core.cases.create(ME, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 2, riskOfPermanentExclusion: false });
    await h.core.cases.share(ME, c, TEACHER, h.core.staff.find(TEACHER));
    expect((await h.core.repo.listBySchool('oak-primary'))[0]!.staffIds).toEqual([ME.id, TEACHER]);

    const card = await h.say(AAD.sendco, 'unshare 4021');
    expect(cardProblems(card)).toEqual([]);
    const offered = (inputsOf(card).find((i) => i.id === 'q_staffId')!.choices as { value: string }[]).map((x) => x.value);
    expect(offered).toEqual([TEACHER]);
    expect(textOf(card)).toContain('Which teacher should no longer work with pupil 4021?');

    const [submit] = actionsOf(card, 'form.submit');
    const refused = await h.press(AAD.sendco, submit!, { q_pupil: '4021', q_staffId: ME.id });
    expect(textOf(refused)).toContain('That is you: you see every pupil at the school whether named on a pupil or not');
    expect((await h.core.repo.listBySchool('oak-primary'))[0]!.staffIds).toEqual([ME.id, TEACHER]);

    const done = await h.press(AAD.sendco, submit!, { q_pupil: '4021', q_staffId: TEACHER });
    expect(textOf(done)).toContain('A teacher at Oak Primary no longer works with pupil 4021 and can no longer see their record.');
    expect(textOf(done)).not.toContain(TEACHER);
    expect((await h.core.repo.listBySchool('oak-primary'))[0]!.staffIds).toEqual([ME.id]);
  });
});
