import { afterEach, describe, expect, it } from 'vitest';
import { slackHarness, USERS, type SlackHarness } from './harness.js';

let h: SlackHarness;
afterEach(async () => h?.close());

const said = (params: Record<string, unknown>) => JSON.stringify(params);
const button = (actionId: string, value: string, n: number) => ({
  type: 'block_actions',
  user: h.user(USERS.sendco),
  container: { type: 'message', message_ts: '1.1', channel_id: 'D0SENDCO', is_ephemeral: true },
  channel: { id: 'D0SENDCO' },
  response_url: h.api.responseUrl(n),
  actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1' }],
});

describe('Slack: buttons from older versions of the app', () => {
  it('acks an unknown action_id at once (not a 404 after 3 s) and answers privately that the card is out of date, with a menu', async () => {
    h = await slackHarness();
    const res = await h.interaction(button('gr_snooze_v1', 'r1', 41));
    expect(res.status).toBe(200);
    const reply = await h.api.waitFor((c) => c.method === '/respond/41');
    expect(reply.params.response_type).toBe('ephemeral');
    expect(said(reply.params)).toContain('That button is from an older card');
    expect(said(reply.params)).toContain('What next?');
  });

  it('answers a known button whose value is in an older format the same way, instead of doing nothing', async () => {
    h = await slackHarness();
    const res = await h.interaction(button('gr_open_form:1', 'review|4021', 42));
    expect(res.status).toBe(200);
    const reply = await h.api.waitFor((c) => c.method === '/respond/42');
    expect(said(reply.params)).toContain('That button is from an older card');
  });
});

describe('Slack: a DM with a file attached', () => {
  it('answers the words like any DM and never fetches the file', async () => {
    h = await slackHarness();
    const res = await h.event({
      type: 'message', subtype: 'file_share', channel: 'D0SENDCO', channel_type: 'im', user: USERS.sendco, text: 'who helps with attendance?', ts: '1700000000.0001',
      files: [{ id: 'F0001', name: 'notes.pdf', mimetype: 'application/pdf', url_private: 'https://files.slack.com/files-pri/T0001-F0001/notes.pdf' }],
    });
    expect(res.status).toBe(200);
    const reply = await h.api.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === 'D0SENDCO');
    expect(said(reply.params)).toContain('attendance');
    expect(said(reply.params)).not.toContain('What I can help with');
    expect(h.api.calls.filter((c) => c.method.startsWith('files.'))).toHaveLength(0);
  });
});
