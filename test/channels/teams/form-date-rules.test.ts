import { afterEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../src/core/staff.js';
import { cardProblems } from './cards/parse-card.js';
import { AAD, actionsOf, formAnswers, inputsOf, teamsHarness, textOf, type TeamsHarness } from './harness.js';

/**
 * Issue 11, tester item 1: a form's dates against each other, as the pack declares them beside the
 * form's fields (forms.json dateRule), on a Teams card over the real /api/messages endpoint. Today
 * is Friday 20 November 2026.
 */

type Json = Record<string, unknown>;
const ME: StaffMember = { id: `teams:${AAD.sendco}`, role: 'sendco', schoolId: 'oak-primary' };

let h: TeamsHarness;
afterEach(async () => h?.close());

async function submit(card: Json, answers: Record<string, string>): Promise<Json> {
  const [button] = actionsOf(card, 'form.submit');
  if (!button) throw new Error(`no submit button on: ${textOf(card)}`);
  return h.press(AAD.sendco, button, formAnswers(card, answers));
}
const valueOf = (card: Json, id: string) => inputsOf(card).find((i) => i.id === `q_${id}`)?.value;

describe('Teams: a PSP’s end date comes after its start', () => {
  it('an end date before the start comes back under the end date, naming both dates and what to type, with every other answer kept; nothing is saved until it is right', async () => {
    h = await teamsHarness();
    await h.core.cases.create(ME, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 4, riskOfPermanentExclusion: false });
    const answers = { targets: 'Stay in lessons\nUse the break card', overseeingLeader: 'me', startDate: '2026-11-23', 'psp.endDate': '2026-11-16', 'psp.pupilViews': 'Wants to stay in maths', 'psp.reasonForPsp': 'risk-of-permanent-exclusion' };
    const back = await submit(await h.say(AAD.sendco, 'psp 4021'), answers);
    const shown = textOf(back);
    expect(shown).toContain('The end date (Mon 16 Nov 2026) is before the start date (Mon 23 Nov 2026); it must come after it. Please type a date after Mon 23 Nov 2026, such as Tue 24 Nov 2026.');
    expect(shown).toContain('One answer needs attention; everything else is kept.');
    expect(valueOf(back, 'psp.pupilViews')).toBe('Wants to stay in maths');
    expect(valueOf(back, 'startDate')).toBe('2026-11-23');
    expect(cardProblems(back)).toEqual([]);
    expect((await h.core.repo.listBySchool('oak-primary'))[0]!.psps).toHaveLength(0);

    const same = await submit(back, { ...answers, 'psp.endDate': '2026-11-23' });
    expect(textOf(same)).toContain('The end date (Mon 23 Nov 2026) is the same day as the start date (Mon 23 Nov 2026)');

    const saved = textOf(await submit(same, { ...answers, 'psp.endDate': '2027-03-25' }));
    expect(saved).toContain('PSP saved');
    expect((await h.core.repo.listBySchool('oak-primary'))[0]!.psps[0]!.fields).toMatchObject({ endDate: '2027-03-25', pupilViews: 'Wants to stay in maths' });
  });
});
