import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { PupilFlags } from '../../../src/core/cases/pupil-case.js';
import { recordExclusion } from '../../../src/core/plans/plan-changes.js';
import type { StaffMember } from '../../../src/core/staff.js';
import { slackViolations } from './blocks/limits.js';
import { slackHarness, TEAM, USERS, type SlackHarness } from './harness.js';

/**
 * Issue 11's check before a suspension is saved, in Slack modals over signed requests, with the
 * example term dates (today is Friday 20 November 2026).
 */

type Json = Record<string, unknown>;
type Modal = Json & { blocks: Json[]; private_metadata: string };
const EXAMPLE = fileURLToPath(new URL('../../../src/core/calendar/example-term-dates.json', import.meta.url));
const ME: StaffMember = { id: `slack:${TEAM}:${USERS.sendco}`, role: 'sendco', schoolId: 'oak-primary' };
const NO_FLAGS: PupilFlags = { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false };

let h: SlackHarness;
afterEach(async () => {
  const problems = (h?.api.calls ?? []).flatMap((c) => (c.params.view && typeof c.params.view === 'object' ? slackViolations(c.params.view, 'modal') : []));
  await h?.close();
  expect(problems).toEqual([]);
});

async function withPupil(flags: Partial<PupilFlags> = {}) {
  h = await slackHarness({ env: { CALENDAR_FILE: EXAMPLE } });
  return h.core.cases.create(ME, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { ...NO_FLAGS, ...flags }, currentStep: 3, riskOfPermanentExclusion: false });
}
const exclusions = async () => (await h.core.repo.listBySchool('oak-primary'))[0]!.exclusions;

/** `/graduated exclusion 4021`: the modal Slack is asked to open. */
async function open(): Promise<Modal> {
  await h.command(USERS.sendco, 'exclusion 4021');
  return (await h.api.waitFor((c) => c.method === 'views.open')).params.view as Modal;
}

/** Each answer as the element Slack would send for its question. */
function element(id: string, v: string): Json {
  if (id === 'kind' || id.startsWith('confirm-')) return { type: 'radio_buttons', selected_option: { value: v } };
  if (id === 'startDate') return { type: 'datepicker', selected_date: v };
  if (id === 'days') return { type: 'number_input', value: v };
  return { type: 'plain_text_input', value: v };
}

/** A signed view_submission of `view` with these answers; resolves with Slack's ack body. */
async function submit(view: Modal, answers: Record<string, string>): Promise<{ response_action: string; view?: Modal; errors?: Record<string, string> }> {
  const state = { values: Object.fromEntries(Object.entries(answers).map(([id, v]) => [`q_${id}`, { value: element(id, v) }])) };
  const res = await h.interaction({ type: 'view_submission', user: h.user(USERS.sendco), view: { ...view, id: 'V1', hash: `h${Math.random()}`, state } });
  expect(res.status).toBe(200);
  return JSON.parse(res.text) as { response_action: string; view?: Modal };
}
const text = (v: unknown) => JSON.stringify(v);
const confirmId = (v: Modal): string | undefined => (JSON.parse(v.private_metadata) as { shown: string[] }).shown.find((id) => id.startsWith('confirm-'));

const SUSPENSION = { pupil: '4021', kind: 'suspension', startDate: '2026-11-23', reason: 'Threw a chair at a member of staff' };

describe('Slack: a suspension is checked before it is saved', () => {
  it('a looked-after child: the Virtual School warning in the modal before saving; saved only on "yes", noting it', async () => {
    await withPupil({ lookedAfter: true });
    const first = await submit(await open(), SUSPENSION);
    expect(first.response_action).toBe('update');
    const second = await submit(first.view!, { ...SUSPENSION, days: '3' });
    expect(second.response_action).toBe('update');
    const modal = second.view!;
    expect(text(modal)).toContain('Looked-after child: speak to the Virtual School before any suspension');
    expect(text(modal)).toContain('Record this 3-day suspension? Nothing is saved until you answer yes.');
    expect(await exclusions()).toHaveLength(0);

    const done = await submit(modal, { ...SUSPENSION, days: '3', [confirmId(modal)!]: 'yes' });
    expect(text(done.view)).toContain('3-day suspension recorded for AB (ref 4021, Year 8)');
    expect((await exclusions())[0]).toMatchObject({ days: 3, warningsShown: ['virtual-school', 'lawful-reason'] });
    expect((await h.core.audit.list()).map((e) => e.action)).toContain('exclusion.warned:virtual-school');
  });

  it('asks first, as on Teams: a brief of at most 60 words and the yes/no lead the modal, the checks in full after it and the other answers last', async () => {
    await withPupil({ lookedAfter: true, socialWorker: true, ehcp: true });
    const first = await submit(await open(), SUSPENSION);
    const modal = (await submit(first.view!, { ...SUSPENSION, days: '3' })).view!;
    const blocks = modal.blocks as Json[];
    const at = (needle: string) => blocks.findIndex((b) => text(b).includes(needle));
    const confirm = blocks.findIndex((b) => String(b.block_id).startsWith('q_confirm-'));
    const questions = blocks.filter((b) => b.type === 'input');
    // The yes/no is the first question; every other input comes after the reading.
    expect(questions[0]!.block_id).toBe(blocks[confirm]!.block_id);
    expect(text(blocks[confirm])).toContain('Record this 3-day suspension?');
    // The brief, naming the checks, comes just before the yes/no (deliberate change: it was after it).
    const brief = String(((blocks[confirm - 1] as Json).text as Json).text);
    expect(brief).toMatch(/^\d checks apply: .*Virtual School/);
    expect(brief.split(/\s+/).length).toBeLessThanOrEqual(60);
    expect(at('Why these checks')).toBe(confirm + 1);
    expect(at('Before this 3-day suspension is saved, please read these')).toBe(confirm + 2);
    expect(blocks.findIndex((b) => b.block_id === 'q_reason')).toBeGreaterThan(confirm + 2);
  });

  it('a 5-day suspension over a 45-day one: refused under the days in full, with the limit and the dates, and nothing saved', async () => {
    const c = await withPupil();
    await h.core.cases.change(ME, { schoolId: c.schoolId, id: c.id }, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-09-14', days: 45, reason: 'Assault' }, cc));
    const answers = { ...SUSPENSION, startDate: '2026-10-19' };
    const withDays = await submit(await open(), answers);
    const refused = await submit(withDays.view!, { ...answers, days: '5' });
    // Too long for Slack's errors under an input, so the modal is shown again with it in full.
    expect(refused.response_action).toBe('update');
    const all = text(refused.view);
    expect(all).toContain('This would make 50 school days of suspension in the 2026/27 school year, and the law allows no more than 45');
    expect(all).toContain('Mon 19 Oct 2026, Tue 20 Oct 2026, Wed 21 Oct 2026, Thu 22 Oct 2026, Fri 23 Oct 2026');
    expect(confirmId(refused.view!)).toBeUndefined();
    expect(await exclusions()).toHaveLength(1);
  });

  it('a worry typed in the reason leads the modal that asks to confirm, not only the result after it', async () => {
    await withPupil();
    const first = await submit(await open(), { ...SUSPENSION, reason: 'a pupil told me her dad hits her' });
    const asked = await submit(first.view!, { ...SUSPENSION, reason: 'a pupil told me her dad hits her', days: '2' });
    const all = text(asked.view);
    expect(all).toContain('Possible risk of harm: tell the DSL now');
    expect(all.indexOf('tell the DSL now')).toBeLessThan(all.indexOf('Record this 2-day suspension'));
    expect(await exclusions()).toHaveLength(0);
  });

  it('impossible dates and days that are not school days get a kind message under the date', async () => {
    await withPupil();
    // With "suspension" picked, the modal also asks how many days; then the date is checked on its own.
    const modal = (await submit(await open(), SUSPENSION)).view!;
    const impossible = await submit(modal, { ...SUSPENSION, days: '3', startDate: '2026-02-30' });
    expect(impossible).toMatchObject({ response_action: 'errors', errors: { q_startDate: '2026-02-30 is not a real date. Please check the day and month.' } });
    const halfTerm = await submit(modal, { ...SUSPENSION, days: '3', startDate: '2026-10-28' });
    expect(halfTerm).toMatchObject({ response_action: 'errors', errors: { q_startDate: expect.stringContaining('Wed 28 Oct 2026 is not a school day (closure)') } });
    expect(await exclusions()).toHaveLength(0);
  });
});

describe('Slack: dates that overlap a suspension already recorded (issue 11, tester item 3)', () => {
  it('come back under the first day, naming the dates that clash, with the days kept; another first day saves', async () => {
    const c = await withPupil();
    await h.core.cases.change(ME, { schoolId: c.schoolId, id: c.id }, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-11-23', days: 3, reason: 'Assault' }, cc));
    const answers = { ...SUSPENSION, startDate: '2026-11-19', days: '4' };
    const withDays = await submit(await open(), answers);
    const refused = await submit(withDays.view!, answers);
    // Slack shows a problem under its input when short; this one is long, so the modal comes back with it there in full.
    const startDate = (refused.view?.blocks ?? []).find((b) => b.block_id === 'q_startDate');
    expect(text(startDate)).toContain('These dates overlap the 3-day suspension already recorded from Mon 23 Nov 2026 to Wed 25 Nov 2026: both would cover Mon 23 Nov 2026, Tue 24 Nov 2026.');
    expect(text(startDate)).toContain('Please give another first day, one after the suspension already recorded.');
    const days = (refused.view?.blocks ?? []).find((b) => b.block_id === 'q_days');
    expect(days).toMatchObject({ element: { initial_value: '4' } });
    expect(text(days)).not.toContain('overlap');
    expect(await exclusions()).toHaveLength(1);

    const asked = await submit(refused.view!, { ...answers, startDate: '2026-11-26' });
    const confirm = confirmId(asked.view!)!;
    await submit(asked.view!, { ...answers, startDate: '2026-11-26', [confirm]: 'yes' });
    expect((await exclusions()).map((x) => [x.startDate, x.days])).toEqual([['2026-11-23', 3], ['2026-11-26', 4]]);
  });
});

describe('Slack: a suspension said in words (issue 11, tester item 4)', () => {
  it('/graduated suspend 4021 for 2 days from Monday opens the modal with the kind, the days and Mon 23 Nov 2026 in place', async () => {
    await withPupil();
    await h.command(USERS.sendco, 'suspend 4021 for 2 days from Monday');
    const modal = (await h.api.waitFor((c) => c.method === 'views.open')).params.view as Modal;
    const block = (id: string) => modal.blocks.find((b) => b.block_id === `q_${id}`) as Json & { element: Json };
    expect((block('kind').element.initial_option as Json).value).toBe('suspension');
    expect(block('days').element.initial_value).toBe('2');
    expect(block('startDate').element.initial_date).toBe('2026-11-23');
    expect(text(modal)).toContain('Recording a suspension of 2 school days: Mon 23 Nov 2026 to Tue 24 Nov 2026.');
    expect(await exclusions()).toHaveLength(0);
  });
});
