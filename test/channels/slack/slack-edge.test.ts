import { afterEach, describe, expect, it } from 'vitest';
import { slackHarness, slackHeaders, TEAM, USERS, type SlackHarness } from './harness.js';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
  h = undefined as unknown as SlackHarness;
});

const FORM = 'application/x-www-form-urlencoded';
const signedJson = (body: string) => h.send(body, slackHeaders(body));
const signedForm = (body: string) => h.send(body, slackHeaders(body, { contentType: FORM }));
const dmEvent = (text: string) => JSON.stringify({ type: 'event_callback', team_id: TEAM, event_id: `Ev${Math.random()}`, event: { type: 'message', channel_type: 'im', channel: 'D1', user: USERS.sendco, text, ts: '1.1' } });

async function stillServing(): Promise<void> {
  const body = JSON.stringify({ type: 'url_verification', challenge: 'still-here', token: 'x' });
  const res = await signedJson(body);
  expect(res.status).toBe(200);
  expect(res.text).toContain('still-here');
}

describe('Slack edge: bodies Bolt cannot read are refused before it', () => {
  it('answers a correctly signed `null` body with 400 and keeps serving', async () => {
    h = await slackHarness();
    const res = await signedJson('null');
    expect(res.status).toBe(400);
    await stillServing();
  });

  it('answers signed bodies that are not Slack requests with 400 at once, and calls no handler', async () => {
    h = await slackHarness();
    const json = ['[]', '"event"', '42', 'true', '{}', '{"type":5}', '{"type":"event_callback"}', '{"type":"event_callback","event":null}', '{"type":"url_verification"}', '{not json'];
    const form = ['payload=null', 'payload=%5B%5D', 'payload=%7Bnot', 'payload=%7B%7D', 'foo=bar', '', 'payload=%7B%22type%22%3A%22block_actions%22%7D',
      // A slash command that also carries an `event` field: Bolt would route it as an event and fail (the fuzzer's 500s).
      `command=%2Fgraduated&text=help&user_id=${USERS.sendco}&team_id=T0001&event=%7B%7D`];
    const answers = [...(await Promise.all(json.map(signedJson))), ...(await Promise.all(form.map(signedForm)))];
    expect(answers.map((a) => a.status)).toEqual([...json, ...form].map(() => 400));
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(3000);
    await stillServing();
    expect(h.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('still serves real slash commands, interactions and events', async () => {
    h = await slackHarness();
    expect((await h.command(USERS.sendco, 'help')).status).toBe(200);
    await h.api.waitFor((c) => c.method.startsWith('/respond/'));
    expect((await signedJson(dmEvent('help'))).status).toBe(200);
    await h.api.waitFor((c) => c.method === 'chat.postMessage');
  });
});

describe('Slack edge: the signature window is five minutes both ways', () => {
  it('refuses a timestamp six minutes in the future with 401, and acts on nothing', async () => {
    h = await slackHarness();
    const body = dmEvent('help');
    const future = await h.send(body, slackHeaders(body, { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 }));
    expect(future.status).toBe(401);
    const nonsense = await h.send(body, { ...slackHeaders(body), 'x-slack-request-timestamp': '1e12' });
    expect(nonsense.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });
});

describe('Slack edge: the unsigned SSL probe', () => {
  it('answers ssl_check=1 with 200 and carries nothing smuggled beside it to a listener', async () => {
    h = await slackHarness();
    const probe = await h.send('ssl_check=1&token=x', { 'content-type': FORM });
    expect(probe.status).toBe(200);
    // Unsigned, so only the probe may be answered: a button press riding along must act on nothing.
    const payload = JSON.stringify({ type: 'block_actions', team: { id: TEAM }, user: { id: USERS.sendco, team_id: TEAM, name: 'x' }, trigger_id: 'trig-1', response_url: h.api.responseUrl(1), actions: [{ type: 'button', action_id: 'gr_command', block_id: 'b', value: 'help', action_ts: '1' }] });
    const smuggled = await h.send(`ssl_check=1&${new URLSearchParams({ payload }).toString()}`, { 'content-type': FORM });
    expect(smuggled.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.api.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    // The same press, signed, does act: the probe test above is not passing for want of a listener.
    const signed = new URLSearchParams({ payload }).toString();
    expect((await h.send(signed, slackHeaders(signed, { contentType: FORM }))).status).toBe(200);
    await h.api.waitFor((c) => c.method.startsWith('/respond/'));
  });
});

describe('Slack edge: refusals are the shared fixed answers, in Slack\'s words', () => {
  it('answers an unsigned request and a signed non-Slack body with JSON naming Slack', async () => {
    h = await slackHarness();
    const unsigned = await h.send(dmEvent('help'), { 'content-type': 'application/json' });
    expect([unsigned.status, JSON.parse(unsigned.text)]).toEqual([401, { code: 'Unauthorized', message: 'That request is not signed by Slack.' }]);
    const foreign = await signedJson('[]');
    expect([foreign.status, JSON.parse(foreign.text)]).toEqual([400, { code: 'BadRequest', message: 'That request is not one Slack sends.' }]);
  });
});
