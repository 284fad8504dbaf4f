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

const dm = (user: string, text: string) => ({ type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: `${Date.now() / 1000}` });

/** A direct message from `user`; resolves with the text of the bot's reply. */
async function say(user: string, text: string): Promise<string> {
  const before = h.api.calls.length;
  await h.event(dm(user, text));
  const post = await h.api.waitFor((c) => c.method === 'chat.postMessage' && h.api.calls.indexOf(c) >= before);
  return slackText(post.params.blocks);
}

describe('Slack: people are picked, or @-mentioned, not typed as ids', () => {
  it('the PSP’s overseeing leader is Slack’s users_select; the user picked is the staff member in this workspace', async () => {
    await school();
    // "psp for 4021": the pupil is answered as the modal opens, so the PSP's questions are there at once.
    const modal = await openModal(h, 'psp for 4021');
    const picker = (modal.blocks as Json[]).find((b) => b.block_id === 'q_overseeingLeader')!;
    expect(picker).toMatchObject({ optional: true, element: { type: 'users_select', action_id: 'value' }, hint: { text: expect.stringContaining('Leave blank for: me.') } });
    expect(slackViolations(modal, 'modal')).toEqual([]);

    let view = modal;
    for (let round = 1; view.callback_id === 'gr_form' && round < 5; round++) {
      const ack = await submitModal(h, view, { pupil: '4021', targets: 'Arrive on time\nStay in lessons', overseeingLeader: TEACHER_USER }, round);
      expect(ack.response_action).toBe('update');
      view = ack.view!;
    }
    expect(slackText(view.blocks)).toContain('PSP saved');
    expect((await h.core.repo.findByPupilRef('oak-primary', '4021'))!.psps[0]!.overseeingLeaderId).toBe(TEACHER.id);
  });

  it('grant <@U…> in a direct message, with or without the name Slack adds, gives that person the role', async () => {
    await school();
    // The person is named back as a mention, which Slack shows as their name; never their id in words.
    expect(await say(USERS.admin, 'grant <@U0NEW1> teacher oak-primary')).toContain('Done: <@U0NEW1> is now a teacher at Oak Primary.');
    expect(await say(USERS.admin, 'grant <@U0NEW2|ana> sendco oak-primary')).toContain('Done: <@U0NEW2> is now a SENDCo at Oak Primary.');
    expect(h.core.staff.find(`slack:${TEAM}:U0NEW2`)).toMatchObject({ role: 'sendco', schoolId: 'oak-primary' });
    expect(await say(USERS.admin, 'revoke <@U0NEW2|ana>')).toContain('Done: <@U0NEW2> no longer has a role given in chat.');
  });

  it('the slash command, escaped, brings a mention as <@U…|name>: /graduated grant @ana teacher works too', async () => {
    await school();
    const before = h.api.calls.length;
    await h.command(USERS.admin, 'grant <@U0NEW3|ana> teacher oak-primary');
    await h.api.waitFor((c) => h.api.calls.indexOf(c) >= before && c.method.startsWith('/respond'));
    expect(h.core.staff.find(`slack:${TEAM}:U0NEW3`)).toMatchObject({ role: 'teacher', schoolId: 'oak-primary' });
  });

  it('"grant" alone opens a modal with Slack’s people picker', async () => {
    await school();
    const before = h.api.calls.length;
    await h.command(USERS.admin, 'grant');
    const modal = (await h.api.waitFor((c) => c.method === 'views.open' && h.api.calls.indexOf(c) >= before)).params.view as Json;
    expect(slackViolations(modal, 'modal')).toEqual([]);
    expect((modal.blocks as Json[]).find((b) => b.block_id === 'q_who')).toMatchObject({ element: { type: 'users_select' } });
    const res = await h.interaction({
      type: 'view_submission',
      user: h.user(USERS.admin),
      view: { ...modal, id: 'V3', hash: 'h1', state: { values: { q_who: { value: { type: 'users_select', selected_user: 'U0NEW4' } }, q_role: { value: { type: 'radio_buttons', selected_option: { value: 'sendco' } } } } } },
    });
    const next = JSON.parse(res.text) as { response_action: string; view: Json };
    expect((next.view.blocks as Json[]).map((b) => b.block_id)).toContain('q_schoolId');
    const done = await h.interaction({
      type: 'view_submission',
      user: h.user(USERS.admin),
      view: {
        ...next.view,
        id: 'V3',
        hash: 'h2',
        state: { values: { q_who: { value: { type: 'users_select', selected_user: 'U0NEW4' } }, q_role: { value: { type: 'radio_buttons', selected_option: { value: 'sendco' } } }, q_schoolId: { value: { type: 'plain_text_input', value: 'oak-primary' } } } },
      },
    });
    const saidDone = slackText((JSON.parse(done.text) as { view: Json }).view.blocks);
    expect(saidDone).toContain('Done: <@U0NEW4> is now a SENDCo at Oak Primary.');
    expect(saidDone).not.toContain(`slack:${TEAM}`);
  });
});
