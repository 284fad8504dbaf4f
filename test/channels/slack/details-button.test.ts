import { afterEach, describe, expect, it } from 'vitest';
import { numberedAction } from '../../../src/channels/slack/blocks/ids.js';
import { packGuidanceInput } from '../../../src/core/guidance/guidance-input.js';
import { blankSituation } from '../../../src/core/guidance/situation.js';
import { slackHarness, USERS, type SlackHarness } from './harness.js';
import { slackText } from './modal.js';

/** "Show details" under guidance, pressed in Slack over the real signed endpoint. */

let h: SlackHarness;
afterEach(async () => h?.close());

const press = (user: string, value: string) =>
  h.interaction({
    type: 'block_actions',
    user: h.user(user),
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: `D${user}` },
    channel: { id: `D${user}` },
    actions: [{ type: 'button', action_id: numberedAction('gr_details', 1), block_id: 'b', value, action_ts: '1' }],
  });

const lookedAfterAtStep3 = packGuidanceInput({ situation: { ...blankSituation(), currentStep: 3, planStatus: 'reviewed-no-change', lookedAfter: true }, today: '2026-11-20', pupil: 'AB (ref 4021, Year 8)' });

describe('Slack: "Show details"', () => {
  it('opens the details in a modal: every next action with its source, and who to contact about the warnings', async () => {
    h = await slackHarness();
    await press(USERS.sendco, lookedAfterAtStep3);
    const open = await h.api.waitFor((c) => c.method === 'views.open');
    const view = open.params.view as { title: { text: string }; blocks: unknown[] };
    expect(view.title.text).toBe('Guidance details');
    const text = slackText(view.blocks);
    expect(text).toContain('What next for AB (ref 4021, Year 8): the details');
    expect(text).toContain('Next actions (Step 4)');
    expect(text).toContain('Source: Worcestershire: Graduated Response to Preventing Exclusions, Step 4 – action 13');
    expect(text).toContain('The warning in full');
    expect(text).toContain('the designated teacher should contact the Virtual School');
    expect(text).toContain('*Contact:* Worcestershire Virtual School');
  });

  it('gives someone without a role no guidance, only how to get one', async () => {
    h = await slackHarness();
    await press(USERS.stranger, lookedAfterAtStep3);
    const open = await h.api.waitFor((c) => c.method === 'views.open');
    const text = slackText((open.params.view as { blocks: unknown[] }).blocks);
    expect(text).not.toContain('Next actions');
    expect(text).toContain('You don’t have a role yet');
  });

  it('answers a value it did not write with the out-of-date notice, and opens nothing', async () => {
    h = await slackHarness();
    await press(USERS.sendco, '{"s":{"currentStep":9},"t":"2026-11-20"}');
    const post = await h.api.waitFor((c) => c.method === 'chat.postMessage');
    expect(slackText(post.params.blocks)).toContain('That button is from an older card');
    expect(h.api.calls.some((c) => c.method === 'views.open')).toBe(false);
  });
});
