import { afterEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../src/core/staff.js';
import { makeCase } from '../../helpers/make-case.js';
import { slackViolations } from './blocks/limits.js';
import { slackHarness, TEAM, USERS, type SlackHarness } from './harness.js';
import { openModal, slackText, submitModal } from './modal.js';

/**
 * The pupil picker in Slack: a form modal's pupil input is an external_select, and as the person
 * types Slack posts a signed `block_suggestion` to the options load URL (/slack/events); the bot
 * acknowledges with the pupils that person may see, and never any other.
 */

type Json = Record<string, unknown>;
const ADMIN: StaffMember = { id: `slack:${TEAM}:${USERS.admin}`, role: 'admin' };
const TEACHER_USER = 'U0TEACH';
const TEACHER: StaffMember = { id: `slack:${TEAM}:${TEACHER_USER}`, role: 'teacher', schoolId: 'oak-primary' };

let h: SlackHarness;
afterEach(async () => h?.close());

async function school() {
  h = await slackHarness();
  await h.core.staff.grant(ADMIN, TEACHER);
  for (const c of [
    makeCase({ pupilRef: '4021', initials: 'AB', yearGroup: 8, staffIds: [TEACHER.id] }),
    makeCase({ pupilRef: '4022', initials: 'CD', yearGroup: 7, staffIds: [] }),
    makeCase({ pupilRef: '5001', initials: 'AB', yearGroup: 3, staffIds: [] }),
    makeCase({ pupilRef: '4023', initials: 'EF', schoolId: 'elm-high', staffIds: [] }),
  ])
    await h.core.repo.save(c, undefined);
}

/** A signed block_suggestion, as Slack sends it for the picker in an open modal; resolves with the options acknowledged. */
async function suggest(user: string, value: string): Promise<{ status: number; options: { text: { type: string; text: string }; value: string }[] }> {
  const res = await h.interaction({
    type: 'block_suggestion',
    user: h.user(user),
    container: { type: 'view', view_id: 'V1' },
    view: { id: 'V1', type: 'modal', callback_id: 'gr_form', private_metadata: '', state: { values: {} } },
    block_id: 'q_pupil',
    action_id: 'lookup_pupil',
    value,
  });
  return { status: res.status, ...(JSON.parse(res.text) as { options: [] }) };
}

describe('Slack: the pupil picker offers the pupils that person may see', () => {
  it('answers a block_suggestion with options matching reference or initials, at this school only', async () => {
    await school();
    const byRef = await suggest(USERS.sendco, '402');
    expect(byRef.status).toBe(200);
    expect(byRef.options).toEqual([
      { text: { type: 'plain_text', text: 'AB (ref 4021, Year 8)', emoji: true }, value: '4021' },
      { text: { type: 'plain_text', text: 'CD (ref 4022, Year 7)', emoji: true }, value: '4022' },
    ]);
    expect((await suggest(USERS.sendco, 'AB')).options.map((o) => o.value)).toEqual(['4021', '5001']);
    expect((await suggest(USERS.sendco, '4023')).options).toEqual([]);
  });

  it('a teacher is offered only the pupils they work with; someone with no role, or an admin, nothing', async () => {
    await school();
    for (const typed of ['4', 'AB', 'CD', '5001', '4022']) {
      const offered = (await suggest(TEACHER_USER, typed)).options.map((o) => o.value);
      expect(offered.every((v) => v === '4021'), `${typed}: ${offered.join(', ')}`).toBe(true);
    }
    expect((await suggest(TEACHER_USER, '4')).options.map((o) => o.value)).toEqual(['4021']);
    expect((await suggest(USERS.stranger, '4')).options).toEqual([]);
    expect((await suggest(USERS.admin, '4')).options).toEqual([]);
  });

  it('the modal’s pupil input is the picker; the option picked opens the rest of the form, within Slack’s limits', async () => {
    await school();
    const modal = await openModal(h, 'pcp');
    expect(slackViolations(modal, 'modal')).toEqual([]);
    const pupil = (modal.blocks as Json[]).find((b) => b.block_id === 'q_pupil')!;
    expect(pupil.element).toMatchObject({ type: 'external_select', action_id: 'lookup_pupil', min_query_length: 1 });

    const picked = (await suggest(USERS.sendco, 'cd')).options[0]!.value;
    const ack = await submitModal(h, modal, { pupil: picked });
    expect(ack.response_action).toBe('update');
    expect(slackViolations(ack.view!, 'modal')).toEqual([]);
    const chosen = (ack.view!.blocks as Json[]).find((b) => b.block_id === 'q_pupil')!;
    expect(chosen.element).toMatchObject({ type: 'external_select', initial_option: { text: { text: 'CD (ref 4022, Year 7)' }, value: '4022' } });
    expect(slackText(ack.view!.blocks)).toContain('Who is this child/young person?');
  });

  it('a teacher submitting a pupil they do not work with gets the same words as for one never recorded', async () => {
    await school();
    const before = h.api.calls.length;
    await h.command(TEACHER_USER, 'pcp');
    const modal = (await h.api.waitFor((c) => c.method === 'views.open' && h.api.calls.indexOf(c) >= before)).params.view as Json;
    const res = await h.interaction({ type: 'view_submission', user: h.user(TEACHER_USER), view: { ...modal, id: 'V2', hash: 'h1', state: { values: { q_pupil: { lookup_pupil: { type: 'external_select', selected_option: { value: '4022' } } } } } } });
    expect(JSON.parse(res.text)).toMatchObject({ response_action: 'errors', errors: { q_pupil: expect.stringContaining('I can’t find a pupil with reference 4022 among the pupils you work with') } });
  });
});
