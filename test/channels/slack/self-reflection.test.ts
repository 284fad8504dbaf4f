import { afterEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../src/core/staff.js';
import { slackViolations } from './blocks/limits.js';
import { slackHarness, TEAM, USERS, type SlackHarness } from './harness.js';
import { openModal, slackText, submitModal } from './modal.js';

/**
 * The Inclusion Self-Reflection in Slack over signed requests: `/graduated self-reflection` opens
 * a modal for the first area left; each area sent is saved and the modal carries on with the next
 * (response_action: update), then the sharing question; the summary closes it and a copy goes to
 * the DM. Every modal and message is checked against Block Kit's limits.
 */

type Json = Record<string, unknown>;
const slackId = (user: string) => `slack:${TEAM}:${user}`;
const ADMIN: StaffMember = { id: slackId(USERS.admin), role: 'admin' };
const LA = 'U0LA';

let h: SlackHarness;
afterEach(async () => h?.close());

const inputIds = (view: Json) => (view.blocks as Json[]).filter((b) => b.type === 'input').map((b) => String(b.block_id));
/** Every rating on the modal set to `score`. */
const rated = (view: Json, score: string, note = '') => Object.fromEntries([...inputIds(view).map((id) => [id.replace(/^q_/, ''), score] as const), ['note', note]]);

function modal(view: Json | undefined): Json {
  expect(view).toBeDefined();
  expect(slackViolations(view, 'modal')).toEqual([]);
  return view!;
}

describe('Slack: the Inclusion Self-Reflection, a modal per area', () => {
  it('each area saved as it is sent, the modal carrying on with the next, then sharing, the summary and a copy in the DM', async () => {
    h = await slackHarness();
    let view = modal(await openModal(h, 'self-reflection'));
    expect(view).toMatchObject({ callback_id: 'gr_form', title: { text: 'Self-reflection' }, submit: { text: 'Save this area' } });
    expect(slackText(view.blocks)).toContain('Your school’s first Inclusion Self-Reflection');
    expect(slackText(view.blocks)).toContain('Area 1 of 4: The Environment, Culture and Ethos');
    expect(inputIds(view)).toEqual(['q_1.1a', 'q_1.1b', 'q_1.1c', 'q_1.2a', 'q_1.2b', 'q_1.3a', 'q_1.3b', 'q_1.5a', 'q_1.6a', 'q_1.7a', 'q_note']);
    const item = (view.blocks as Json[]).find((b) => b.block_id === 'q_1.1a')!;
    expect(item.element).toMatchObject({ type: 'radio_buttons', options: [{ value: '1' }, { value: '2' }, { value: '3' }, { value: '4' }] });

    let ack = await submitModal(h, view, { ...rated(view, '4'), '1.7a': '1', note: 'Transition plans only for Year 6' });
    expect(ack.response_action).toBe('update');
    view = modal(ack.view);
    expect(slackText(view.blocks)).toContain('Saved “The Environment, Culture and Ethos”: 1 of 4 areas rated.');
    expect(slackText(view.blocks)).toContain('Area 2 of 4: Leadership');
    expect(inputIds(view)[0]).toBe('q_2.1a');
    // Nothing goes to the DM until the reflection is done.
    expect(h.api.calls.some((c) => c.method === 'chat.postMessage')).toBe(false);

    for (const [round, score] of [['1', '2'], ['2', '2'], ['3', '1']] as const) {
      ack = await submitModal(h, view, rated(view, score), Number(round));
      view = modal(ack.view);
    }
    expect(slackText(view.blocks)).toContain('One last question, then the summary.');
    expect(view.title).toMatchObject({ text: 'Share with the LA?' });

    ack = await submitModal(h, view, { share: 'no' }, 4);
    const result = modal(ack.view);
    expect(result.callback_id).toBeUndefined();
    const words = slackText(result.blocks);
    expect(words).toContain('Self-reflection completed and saved for Fri 20 Nov 2026.');
    expect(words).toContain('Quality of Education');
    expect(words).toContain('not shared with the LA');

    const dm = (await h.api.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === USERS.sendco)).params as Json;
    expect(slackViolations(dm, 'message')).toEqual([]);
    expect(slackText(dm.blocks)).toContain('Inclusion self-reflection: Oak Primary');
    expect(slackText(dm.blocks)).toContain('*Quality of Education*\n1 Not Yet Developed (items average 1.0)');
    expect(slackText(dm.blocks)).toContain('Transition plans only for Year 6');

    const record = (await h.core.reflections.all())[0]!;
    expect(record.completed[0]!.areas['environment-culture-and-ethos']!).toMatchObject({ note: 'Transition plans only for Year 6', by: slackId(USERS.sendco) });
    expect(record.sharing?.share).toBe(false);

    // An LA officer asks: the school does not share, so nothing of it is shown or disclosed.
    await h.core.staff.grant(ADMIN, { id: slackId(LA), role: 'la-officer' });
    const before = h.api.calls.length;
    await h.command(LA, 'self-reflection schools');
    const reply = await h.api.waitFor((c) => h.api.calls.indexOf(c) >= before && c.method.startsWith('/respond/'));
    expect(slackText(reply.params.blocks)).toContain('No school shares its self-reflection ratings with the LA now');
    expect((await h.core.audit.list({ actorId: slackId(LA) })).filter((e) => e.action === 'self-reflection.disclosed')).toEqual([]);
  });

  it('stopped after an area, the slash command opens the next one', async () => {
    h = await slackHarness();
    const view = modal(await openModal(h, 'self-reflection'));
    await submitModal(h, view, rated(view, '3'));
    const next = modal(await openModal(h, 'inclusion review'));
    expect(slackText(next.blocks)).toContain('Carrying on. The self-reflection started Fri 20 Nov 2026 has 1 of 4 areas rated');
    expect(inputIds(next)[0]).toBe('q_2.1a');
  });
});
