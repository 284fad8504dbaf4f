import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { PupilFlags } from '../../../src/core/cases/pupil-case.js';
import { recordExclusion } from '../../../src/core/plans/plan-changes.js';
import type { StaffMember } from '../../../src/core/staff.js';
import { cardProblems } from './cards/parse-card.js';
import { actionsOf, AAD, inputsOf, teamsHarness, textOf, type TeamsHarness } from './harness.js';

/**
 * Issue 11's check before a suspension is saved, as a Teams card over the real /api/messages
 * endpoint, with the example term dates (today is Friday 20 November 2026).
 */

type Json = Record<string, unknown>;
const EXAMPLE = fileURLToPath(new URL('../../../src/core/calendar/example-term-dates.json', import.meta.url));
const ME: StaffMember = { id: `teams:${AAD.sendco}`, role: 'sendco', schoolId: 'oak-primary' };
const NO_FLAGS: PupilFlags = { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false };

let h: TeamsHarness;
afterEach(async () => h?.close());

async function withPupil(flags: Partial<PupilFlags> = {}) {
  h = await teamsHarness({ env: { CALENDAR_FILE: EXAMPLE } });
  return h.core.cases.create(ME, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { ...NO_FLAGS, ...flags }, currentStep: 3, riskOfPermanentExclusion: false });
}
const exclusions = async () => (await h.core.repo.listBySchool('oak-primary'))[0]!.exclusions;

/** The confirm question a button answers on a card that asks first (its id, without "q_"), and the answer. */
const answers = (button: { data: Json }): [string, unknown][] => Object.entries(button.data).filter(([k]) => k.startsWith('q_confirm-'));

/**
 * Presses the card's button that sends the form with these answers (keyed by question id), as Teams
 * sends them: its submit button, or on a card that asks first the yes or no given for the confirm
 * question (no, unless yes is given).
 */
async function submit(card: Json, given: Record<string, string>): Promise<Json> {
  const all = actionsOf(card, 'form.submit');
  const said = Object.entries(given).find(([k]) => k.startsWith('confirm-'))?.[1] ?? 'no';
  const button = all.find((a) => !answers(a).length) ?? all.find((a) => answers(a).some(([, v]) => v === said));
  if (!button) throw new Error(`no submit button on: ${textOf(card)}`);
  return h.press(AAD.sendco, button, Object.fromEntries(Object.entries(given).map(([k, v]) => [`q_${k}`, v])));
}
const confirmInput = (card: Json): string | undefined => actionsOf(card, 'form.submit').flatMap(answers)[0]?.[0].slice(2);

const SUSPENSION = { pupil: '4021', kind: 'suspension', startDate: '2026-11-23', reason: 'Threw a chair at a member of staff' };

describe('Teams: a suspension is checked before it is saved', () => {
  it('a looked-after child: the Virtual School warning on the card before saving; saved only on "yes", noting it', async () => {
    await withPupil({ lookedAfter: true });
    let card = await submit(await h.say(AAD.sendco, 'exclusion 4021'), SUSPENSION);
    card = await submit(card, { ...SUSPENSION, days: '3' });
    const text = textOf(card);
    expect(text).toContain('Looked-after child: speak to the Virtual School before any suspension');
    // Asked first (issue 12): the question, the checks that apply by title, then its yes and no; the
    // checks in full behind "Why these checks". The Virtual School is named before "Yes" (fresh tester, 1 Dec).
    expect(text).toContain('Record this 3-day suspension? Nothing is saved until you answer yes.');
    expect(text.indexOf('Record this 3-day suspension')).toBeLessThan(text.indexOf('Virtual School'));
    expect(text.indexOf('Virtual School')).toBeLessThan(text.indexOf('[Yes, record it]'));
    expect(cardProblems(card)).toEqual([]);
    expect(await exclusions()).toHaveLength(0);

    const confirm = confirmInput(card)!;
    const done = textOf(await submit(card, { ...SUSPENSION, days: '3', [confirm]: 'yes' }));
    expect(done).toContain('3-day suspension recorded for AB (ref 4021, Year 8)');
    expect((await exclusions())[0]).toMatchObject({ days: 3, warningsShown: ['virtual-school', 'lawful-reason'] });
    expect((await h.core.audit.list()).map((e) => e.action)).toContain('exclusion.warned:virtual-school');
  });

  it('asks first: the question and a brief of at most 60 words naming the checks before the yes and no, the rest (about 850 words) folded behind "Why these checks"', async () => {
    await withPupil({ lookedAfter: true, socialWorker: true, ehcp: true });
    let card = await submit(await h.say(AAD.sendco, 'exclusion 4021'), SUSPENSION);
    card = await submit(card, { ...SUSPENSION, days: '3' });
    const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
    const text = textOf(card);
    // Everything a reader meets before the buttons: the form's title, the question and the brief
    // (deliberate change: the brief was after the buttons, so a yes could come before the checks were seen).
    const before = text.slice(0, text.indexOf('[Yes, record it]'));
    expect(words(before)).toBeLessThanOrEqual(25 + 60);
    expect(before).toContain('Record this 3-day suspension?');
    // The brief names the checks that apply, within 60 words, right before the buttons.
    const body = card.body as Json[];
    const buttons = body.findIndex((e) => e.type === 'ActionSet' && JSON.stringify(e).includes('Yes, record it'));
    const brief = body[buttons - 1]!;
    expect(brief.type).toBe('TextBlock');
    expect(brief.text).toMatch(/^\d checks apply: .*Virtual School/);
    expect(words(String(brief.text))).toBeLessThanOrEqual(60);
    // The checks in full wait, hidden, behind a button that says what they are.
    const toggle = body[buttons + 1]!;
    expect(JSON.stringify(toggle)).toContain('"title":"Why these checks"');
    const folded = body.find((e) => e.type === 'Container' && e.isVisible === false)!;
    expect(words(textOf(folded))).toBeGreaterThan(300);
    expect(textOf(folded)).toContain('Looked-after child: speak to the Virtual School before any suspension');
    expect(cardProblems(card)).toEqual([]);

    // "No" saves nothing; "Yes" (on a fresh card) saves, with the inputs further down sent along.
    expect(textOf(await submit(card, { ...SUSPENSION, days: '3' }))).toContain('Nothing was saved');
    expect(await exclusions()).toHaveLength(0);
    const again = await submit(await submit(await h.say(AAD.sendco, 'exclusion 4021'), SUSPENSION), { ...SUSPENSION, days: '3' });
    await submit(again, { ...SUSPENSION, days: '3', [confirmInput(again)!]: 'yes' });
    expect(await exclusions()).toMatchObject([{ days: 3 }]);
  });

  it('a 5-day suspension over a 45-day one: refused under the days, with the limit and the dates, and nothing saved', async () => {
    const c = await withPupil();
    await h.core.cases.change(ME, { schoolId: c.schoolId, id: c.id }, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-09-14', days: 45, reason: 'Assault' }, cc));
    let card = await submit(await h.say(AAD.sendco, 'exclusion 4021'), { ...SUSPENSION, startDate: '2026-10-19' });
    card = await submit(card, { ...SUSPENSION, startDate: '2026-10-19', days: '5' });
    const text = textOf(card);
    expect(text).toContain('This would make 50 school days of suspension in the 2026/27 school year, and the law allows no more than 45');
    expect(text).toContain('overlap the 45-day suspension already recorded from Mon 14 Sep 2026 to Fri 20 Nov 2026');
    expect(text).toContain('Mon 19 Oct 2026, Tue 20 Oct 2026, Wed 21 Oct 2026, Thu 22 Oct 2026, Fri 23 Oct 2026');
    expect(confirmInput(card)).toBeUndefined();
    expect(await exclusions()).toHaveLength(1);
  });

  it('16 days this term: what the governing board must consider, before saving', async () => {
    const c = await withPupil();
    await h.core.cases.change(ME, { schoolId: c.schoolId, id: c.id }, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-11-02', days: 12, reason: 'Assault' }, cc));
    let card = await submit(await h.say(AAD.sendco, 'exclusion 4021'), SUSPENSION);
    card = await submit(card, { ...SUSPENSION, days: '4' });
    expect(textOf(card)).toContain('with this one, 16 school days of suspension in Autumn 2026 (Wed 2 Sep 2026 to Fri 18 Dec 2026): more than 15, so the governing board must consider reinstatement');
  });

  it('impossible dates and days that are not school days get a kind message under the date', async () => {
    await withPupil();
    const open = await h.say(AAD.sendco, 'exclusion 4021');
    expect(textOf(await submit(open, { ...SUSPENSION, startDate: '2026-02-30' }))).toContain('2026-02-30 is not a real date. Please check the day and month.');
    expect(textOf(await submit(open, { ...SUSPENSION, startDate: '2026-10-28' }))).toContain('Wed 28 Oct 2026 is not a school day (closure). An exclusion starts on a school day: the first one after it is Mon 2 Nov 2026.');
    expect(await exclusions()).toHaveLength(0);
  });
});

describe('Teams: a suspension said in words, and dates that overlap one already recorded (issue 11, tester items 3 and 4)', () => {
  it('"4021 suspended for 2 days from Monday" opens the card with the kind, the days and Mon 23 Nov 2026 filled in; every check still runs before saving', async () => {
    await withPupil({ lookedAfter: true });
    const card = await h.say(AAD.sendco, '4021 suspended for 2 days from Monday');
    const value = (id: string) => inputsOf(card).find((i) => i.id === `q_${id}`)?.value;
    expect([value('kind'), value('days'), value('startDate')]).toEqual(['suspension', 2, '2026-11-23']);
    expect(cardProblems(card)).toEqual([]);
    const answers = { pupil: '4021', kind: 'suspension', days: '2', startDate: '2026-11-23', reason: 'Threw a chair at a member of staff' };
    const asked = await submit(card, answers);
    expect(textOf(asked)).toContain('Looked-after child: speak to the Virtual School before any suspension');
    expect(await exclusions()).toHaveLength(0);
    await submit(asked, { ...answers, [confirmInput(asked)!]: 'yes' });
    expect(await exclusions()).toMatchObject([{ startDate: '2026-11-23', days: 2, warningsShown: ['virtual-school', 'lawful-reason'] }]);
  });

  it('days that run over a recorded suspension come back under the first day, naming the dates that clash, with the days kept', async () => {
    const c = await withPupil();
    await h.core.cases.change(ME, { schoolId: c.schoolId, id: c.id }, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-11-23', days: 3, reason: 'Assault' }, cc));
    const answers = { ...SUSPENSION, startDate: '2026-11-19', days: '4' };
    const back = await submit(await submit(await h.say(AAD.sendco, 'exclusion 4021'), answers), answers);
    const shown = textOf(back);
    const clash = 'These dates overlap the 3-day suspension already recorded from Mon 23 Nov 2026 to Wed 25 Nov 2026: both would cover Mon 23 Nov 2026, Tue 24 Nov 2026.';
    expect(shown).toContain(`${clash} A pupil cannot be suspended twice on the same day.`);
    expect(shown).toContain('Please give another first day, one after the suspension already recorded.');
    // Under the first day, not under the days, which are kept as typed.
    expect(shown.indexOf('First day of the exclusion?')).toBeLessThan(shown.indexOf(clash));
    expect(shown.indexOf(clash)).toBeLessThan(shown.indexOf('How many school days?'));
    expect(inputsOf(back).find((i) => i.id === 'q_days')).toMatchObject({ value: 4 });
    expect(cardProblems(back)).toEqual([]);
    expect(await exclusions()).toHaveLength(1);
  });
});
