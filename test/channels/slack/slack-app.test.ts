import { afterEach, describe, expect, it } from 'vitest';
import { makeCase } from '../../helpers/make-case.js';
import { slackViolations } from './blocks/limits.js';
import { slackHarness, slackHeaders, TEAM, USERS, type SlackHarness } from './harness.js';

let h: SlackHarness;
afterEach(async () => {
  // Everything the app sent to Slack in the test must respect Block Kit's limits.
  const problems = (h?.api.calls ?? []).flatMap((c) => {
    const p = c.params;
    if (p.view && typeof p.view === 'object') return slackViolations(p.view, (p.view as Json).type === 'home' ? 'home' : 'modal').map((v) => `${c.method}: ${v}`);
    if (Array.isArray(p.blocks)) return slackViolations({ blocks: p.blocks, text: p.text }, 'message').map((v) => `${c.method}: ${v}`);
    return [];
  });
  await h?.close();
  h = undefined as unknown as SlackHarness;
  expect(problems).toEqual([]);
});

type Json = Record<string, unknown>;
const blocksText = (v: unknown) => JSON.stringify(v);
const dm = (user: string, text: string) => ({ type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: `${Date.now() / 1000}` });

describe('Slack: requests are verified as Slack signs them', () => {
  it('refuses a forged signature and a timestamp older than five minutes with 401, and does nothing', async () => {
    h = await slackHarness();
    const body = JSON.stringify({ type: 'event_callback', team_id: TEAM, event_id: 'Ev1', event: dm(USERS.sendco, 'help') });
    expect((await h.send(body, slackHeaders(body, { secret: 'not-the-secret' }))).status).toBe(401);
    expect((await h.send(body, slackHeaders(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }))).status).toBe(401);
    expect((await h.send(body, { 'content-type': 'application/json' })).status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('answers Slack’s URL verification challenge', async () => {
    h = await slackHarness();
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    const res = await h.send(body, slackHeaders(body));
    expect(res.status).toBe(200);
    expect(res.text).toContain('abc123');
  });
});

describe('Slack: the slash command', () => {
  it('acks at once and answers "signpost attendance" privately with services', async () => {
    h = await slackHarness();
    const res = await h.command(USERS.sendco, 'signpost attendance');
    expect(res.status).toBe(200);
    const reply = await h.api.waitFor((c) => c.method.startsWith('/respond/'));
    expect(reply.params.response_type).toBe('ephemeral');
    expect(blocksText(reply.params.blocks)).toMatch(/Services for/);
  });

  it('opens "what-next" as a modal with the pupil question', async () => {
    h = await slackHarness();
    await h.command(USERS.sendco, 'what-next');
    const open = await h.api.waitFor((c) => c.method === 'views.open');
    expect(open.params.trigger_id).toMatch(/^trig-/);
    expect(open.params.view).toMatchObject({ type: 'modal', callback_id: 'gr_form' });
    expect(blocksText(open.params.view)).toContain('q_pupil');
  });
});

describe('Slack: modals', () => {
  async function openNewPupil(): Promise<Json> {
    await h.command(USERS.sendco, 'new-pupil');
    return (await h.api.waitFor((c) => c.method === 'views.open')).params.view as Json;
  }
  const stateFor = (values: Record<string, string>) => ({
    values: Object.fromEntries(
      Object.entries(values).map(([id, v]) => [`q_${id}`, { value: ['care', 'send', 'step', 'socialWorker', 'risk'].includes(id) ? { type: 'radio_buttons', selected_option: v ? { value: v } : null } : { type: 'plain_text_input', value: v || null } }]),
    ),
  });
  const submit = (view: Json, values: Record<string, string>) =>
    h.interaction({ type: 'view_submission', user: h.user(USERS.sendco), view: { ...view, id: 'V1', hash: 'h1', state: stateFor(values) } });

  it('puts problems next to their fields, then saves once, shows the result and copies it to the DM', async () => {
    h = await slackHarness();
    const view = await openNewPupil();
    const bad = await submit(view, { pupilRef: '4021', initials: 'Alexander', yearGroup: '8', care: 'neither', socialWorker: 'no', send: 'none', step: '', risk: '' });
    const errors = JSON.parse(bad.text) as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe('errors');
    expect(Object.keys(errors.errors).sort()).toEqual(['q_initials', 'q_risk']);
    expect(await h.core.repo.listBySchool('oak-primary')).toHaveLength(0);

    const good = await submit(view, { pupilRef: '4021', initials: 'AB', yearGroup: '8', care: 'neither', socialWorker: 'no', send: 'none', step: '', risk: 'no' });
    const update = JSON.parse(good.text) as { response_action: string; view: Json };
    expect(update.response_action).toBe('update');
    expect(blocksText(update.view)).toContain('AB (ref 4021, Year 8) is recorded at Step 2');
    const copy = await h.api.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === USERS.sendco);
    expect(blocksText(copy.params.blocks)).toContain('is recorded at Step 2');
    await h.api.waitFor((c) => c.method === 'views.publish');
    expect(await h.core.repo.listBySchool('oak-primary')).toHaveLength(1);

    // The same modal submitted again (a double click, or Slack retrying): nothing new is saved.
    const again = await submit(view, { pupilRef: '4021', initials: 'AB', yearGroup: '8', care: 'neither', socialWorker: 'no', send: 'none', step: '', risk: 'no' });
    expect(again.text).toContain('already sent, so nothing new was saved');
    expect(await h.core.repo.listBySchool('oak-primary')).toHaveLength(1);
  });
});

describe('Slack: a SENDCo moves a pupil to another step in a modal', () => {
  it('"/graduated step 4021" opens the form at the step question; submitting records the move with its reason', async () => {
    h = await slackHarness();
    await h.core.repo.save(makeCase({ pupilRef: '4021', schoolId: 'oak-primary', currentStep: 3 }), undefined);
    await h.command(USERS.sendco, 'step 4021');
    const view = (await h.api.waitFor((c) => c.method === 'views.open')).params.view as Json;
    expect(blocksText(view)).toContain('q_step');
    expect(blocksText(view)).toContain('Step 3 – Staff member and SENDCo work together (now)');
    const state = {
      values: {
        q_pupil: { value: { type: 'plain_text_input', value: '4021' } },
        q_step: { value: { type: 'radio_buttons', selected_option: { value: '2' } } },
        q_reason: { value: { type: 'plain_text_input', value: 'Two good reviews at Step 3' } },
        q_agreedWith: { value: { type: 'plain_text_input', value: null } },
      },
    };
    const done = JSON.parse((await h.interaction({ type: 'view_submission', user: h.user(USERS.sendco), view: { ...view, id: 'V1', hash: 'h1', state } })).text) as { response_action: string; view: Json };
    expect(done.response_action).toBe('update');
    expect(blocksText(done.view)).toContain('moved down from Step 3 to Step 2');
    const [c] = await h.core.repo.listBySchool('oak-primary');
    expect(c!.stepChanges).toEqual([expect.objectContaining({ from: 3, to: 2, cause: 'set', reason: 'Two good reviews at Step 3', agreedBy: `slack:${TEAM}:${USERS.sendco}` })]);
  });
});

describe('Slack: a save that fails on our side', () => {
  it('says so in the modal, saves nothing, and the same form can be sent again', async () => {
    h = await slackHarness();
    await h.command(USERS.sendco, 'new-pupil');
    const view = (await h.api.waitFor((c) => c.method === 'views.open')).params.view as Json;
    const values = { pupilRef: { type: 'plain_text_input', value: '4021' }, initials: { type: 'plain_text_input', value: 'AB' }, yearGroup: { type: 'plain_text_input', value: '8' }, care: { type: 'radio_buttons', selected_option: { value: 'neither' } }, socialWorker: { type: 'radio_buttons', selected_option: { value: 'no' } }, send: { type: 'radio_buttons', selected_option: { value: 'none' } }, step: { type: 'radio_buttons', selected_option: null }, risk: { type: 'radio_buttons', selected_option: { value: 'no' } } };
    const state = { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [`q_${k}`, { value: v }])) };
    const save = h.core.repo.save.bind(h.core.repo);
    h.core.repo.save = () => Promise.reject(new Error('disk full'));
    const failed = JSON.parse((await h.interaction({ type: 'view_submission', user: h.user(USERS.sendco), view: { ...view, id: 'V1', hash: 'h1', state } })).text) as { response_action: string; view: Json };
    expect(failed.response_action).toBe('update');
    expect(blocksText(failed.view)).toContain('nothing was saved');
    h.core.repo.save = save;
    const retried = JSON.parse((await h.interaction({ type: 'view_submission', user: h.user(USERS.sendco), view: { ...view, id: 'V1', hash: 'h2', state } })).text) as { view: Json };
    expect(blocksText(retried.view)).toContain('AB (ref 4021, Year 8) is recorded at Step 2');
  });
});

describe('Slack: a form in steps, with Back', () => {
  it('what-next brings up follow-up questions in the same modal, Back returns to the first step with answers kept', async () => {
    h = await slackHarness();
    await h.command(USERS.sendco, 'what-next');
    const first = (await h.api.waitFor((c) => c.method === 'views.open')).params.view as Json;
    const state = (values: Record<string, Json>) => ({ values: Object.fromEntries(Object.entries(values).map(([k, v]) => [`q_${k}`, { value: v }])) });
    const step1 = await h.interaction({ type: 'view_submission', user: h.user(USERS.sendco), view: { ...first, id: 'V9', hash: 'h9', state: state({ pupil: { type: 'plain_text_input', value: 'skip' } }) } });
    const updated = JSON.parse(step1.text) as { response_action: string; view: Json & { blocks: Json[]; private_metadata: string } };
    expect(updated.response_action).toBe('update');
    expect(blocksText(updated.view)).toContain('q_suspensions');
    expect(blocksText(updated.view)).toContain('gr_back');
    expect(JSON.parse(updated.view.private_metadata)).toMatchObject({ history: [['pupil']] });

    await h.interaction({ type: 'block_actions', user: h.user(USERS.sendco), container: { type: 'view', view_id: 'V9' }, view: { ...updated.view, id: 'V9', hash: 'h10', state: state({ pupil: { type: 'plain_text_input', value: 'skip' } }) }, actions: [{ type: 'button', action_id: 'gr_back', block_id: 'nav', action_ts: '1' }] });
    const back = await h.api.waitFor((c) => c.method === 'views.update');
    expect(back.params.view_id).toBe('V9');
    const backView = back.params.view as Json;
    expect(blocksText(backView)).toContain('q_pupil');
    expect(blocksText(backView)).not.toContain('q_suspensions');
    // The first step again: its question says blank goes on without a pupil ("skip" typed in the picker is kept as blank, by design).
    expect(blocksText(backView)).toContain('leave it blank to answer a few questions without saving anything');
  });
});

describe('Slack: events', () => {
  it('answers a DM once, even when Slack retries the same event', async () => {
    h = await slackHarness();
    await h.event(dm(USERS.sendco, 'who helps with attendance?'), { eventId: 'EvSame' });
    await h.event(dm(USERS.sendco, 'who helps with attendance?'), { eventId: 'EvSame', retryNum: 1 });
    const post = await h.api.waitFor((c) => c.method === 'chat.postMessage');
    expect(post.params.channel).toBe(`D${USERS.sendco}`);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.api.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('publishes App Home with the person’s start buttons and pupils', async () => {
    h = await slackHarness();
    await h.event({ type: 'app_home_opened', user: USERS.sendco, channel: 'D1', tab: 'home' });
    const publish = await h.api.waitFor((c) => c.method === 'views.publish');
    expect(publish.params.user_id).toBe(USERS.sendco);
    expect(publish.params.view).toMatchObject({ type: 'home' });
    expect(blocksText(publish.params.view)).toContain('Your pupils');
  });

  it('keeps pupil work out of channels: a mention asking about a pupil gets a pointer to the DM, in a thread', async () => {
    h = await slackHarness();
    await h.event({ type: 'app_mention', user: USERS.sendco, channel: 'C0GENERAL', text: '<@UBOT> what next for 4021', ts: '111.222' });
    const post = await h.api.waitFor((c) => c.method === 'chat.postMessage');
    expect(post.params).toMatchObject({ channel: 'C0GENERAL', thread_ts: '111.222' });
    expect(blocksText(post.params.blocks)).toContain('pupils in private');
  });

  it('waits as Slack asks when rate limited, and still sends the reply once', async () => {
    h = await slackHarness();
    h.api.rateLimitNext('chat.postMessage', 1);
    const started = Date.now();
    await h.event(dm(USERS.sendco, 'help'));
    await h.api.waitFor((c) => c.method === 'chat.postMessage', 8000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(h.api.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
  });

  it('tells someone without a role how to get one', async () => {
    h = await slackHarness();
    await h.event(dm(USERS.stranger, 'what next'));
    const post = await h.api.waitFor((c) => c.method === 'chat.postMessage');
    expect(blocksText(post.params.blocks)).toContain(`grant slack:${TEAM}:${USERS.stranger}`);
  });
});

describe('Slack: start-up', () => {
  it('stops with one clear line when Slack cannot check the bot token', async () => {
    const { startSlackChannel } = await import('../../../src/channels/slack/slack-channel.js');
    const { createHttpServer } = await import('../../../src/server/http-server.js');
    const { silentLogger } = await import('../../../src/logger.js');
    const settings = { botToken: 'xoxb-bad', signingSecret: 'abcdefgh12345678', command: '/graduated' };
    const noSlack = 'http://127.0.0.1:9/api/';
    await expect(startSlackChannel(createHttpServer(silentLogger), settings, {} as never, {} as never, { log: silentLogger, slackApiUrl: noSlack })).rejects.toThrow(/^Slack did not accept SLACK_BOT_TOKEN, or cannot be reached/);
  });
});
