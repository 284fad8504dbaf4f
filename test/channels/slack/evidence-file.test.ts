import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyBlock } from '../../../src/channels/slack/blocks/slack-types.js';
import { pdfText } from '../../helpers/pdf-text.js';
import { threeYearRecord } from '../../helpers/three-year-record.js';
import { button, texts } from './blocks/query.js';
import { slackHarness, TEAM, USERS, type SlackHarness } from './harness.js';

/**
 * The evidence pack in Slack, over signed requests to the real endpoint, with a local stand-in for
 * Slack's Web API and its upload URL: the PDF goes up with files.getUploadURLExternal, the bytes to
 * the URL it gives, and files.completeUploadExternal into the person's DM, wherever they asked.
 */

type Json = Record<string, unknown>;
let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
  await h.core.repo.save(threeYearRecord({ sendco: `slack:${TEAM}:${USERS.sendco}` }), undefined);
});
afterEach(async () => h?.close());

const after = (n: number) => (c: { method: string }) => h.api.calls.indexOf(c as never) >= n;

/** The upload that followed call `n`: the three steps, in order, and the PDF's text. */
async function uploadAfter(n: number) {
  const done = await h.api.waitFor((c) => after(n)(c) && c.method === 'files.completeUploadExternal', 15_000);
  const asked = h.api.calls.find((c) => after(n)(c) && c.method === 'files.getUploadURLExternal')!;
  const fileId = (done.params.files as { id: string }[])[0]!.id;
  const bytes = h.api.uploads.find((u) => u.fileId === fileId)!.body;
  return { asked: asked.params, done: done.params, bytes, text: (await pdfText(bytes)).all.replace(/\s+/g, ' ') };
}

describe('the evidence pack in Slack', () => {
  it('/graduated evidence 4021: the PDF is uploaded to the person’s DM, and the private reply says so', async () => {
    const before = h.api.calls.length;
    expect((await h.command(USERS.sendco, 'evidence 4021')).status).toBe(200);
    const up = await uploadAfter(before);
    expect(h.api.calls.find((c) => after(before)(c) && c.method === 'conversations.open')?.params).toMatchObject({ users: USERS.sendco });
    expect(up.asked).toMatchObject({ filename: 'evidence-pack-4021-2026-11-20.pdf', length: String(up.bytes.length) });
    expect(up.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(up.done).toMatchObject({ channel_id: `D${USERS.sendco}`, files: [{ title: 'Graduated response evidence pack: pupil ref 4021 (JD), Year 9' }] });
    expect(String(up.done.initial_comment)).toContain('It holds special category data about a child');
    expect(up.text).toContain('Pupil ref 4021 (JD), Year 9');
    expect(up.text).toMatch(/Page 1 of \d+/);
    const reply = await h.api.waitFor((c) => after(before)(c) && c.method.startsWith('/respond/'));
    const said = texts(reply.params).join('\n');
    expect(said).toContain('Evidence pack: JD (ref 4021, Year 9)');
    expect(said).toContain('The PDF is in your direct messages with me, where only you can see it.');
    expect(reply.params.response_type).toBe('ephemeral');
  });

  it('in the DM: uploaded straight into it, and the reply follows', async () => {
    const before = h.api.calls.length;
    await h.event({ type: 'message', channel_type: 'im', channel: `D${USERS.sendco}`, user: USERS.sendco, text: 'evidence pack for 4021', ts: '1.1' });
    const up = await uploadAfter(before);
    expect(up.done.channel_id).toBe(`D${USERS.sendco}`);
    expect(h.api.calls.filter((c) => after(before)(c) && c.method === 'conversations.open')).toEqual([]);
    const posted = await h.api.waitFor((c) => after(before)(c) && c.method === 'chat.postMessage');
    expect(texts(posted.params).join('\n')).toContain('The PDF is just above.');
  });

  it('the "Evidence pack" button on the pupil’s summary uploads it too', async () => {
    let before = h.api.calls.length;
    await h.command(USERS.sendco, 'pupil 4021');
    const summary = (await h.api.waitFor((c) => after(before)(c) && c.method.startsWith('/respond/'))).params as Json & { blocks: AnyBlock[] };
    const b = button(summary.blocks, 'Evidence pack');
    before = h.api.calls.length;
    await h.interaction({ type: 'block_actions', user: h.user(USERS.sendco), container: { type: 'message', message_ts: '1000.0001', channel_id: 'C0GENERAL', is_ephemeral: true }, response_url: h.api.responseUrl('press-1'), actions: [{ type: 'button', action_id: b.action_id, block_id: 'b', value: b.value, action_ts: '1' }] });
    expect((await uploadAfter(before)).done.channel_id).toBe(`D${USERS.sendco}`);
  });

  it('asked for with an @mention in a channel: answered in the DM, and the thread hears nothing about the pupil', async () => {
    const before = h.api.calls.length;
    await h.event({ type: 'app_mention', channel: 'C0GENERAL', user: USERS.sendco, text: '<@UBOT> evidence 4021', ts: '2.1' });
    const up = await uploadAfter(before);
    expect(up.done.channel_id).toBe(`D${USERS.sendco}`);
    const thread = await h.api.waitFor((c) => after(before)(c) && c.method === 'chat.postMessage' && c.params.channel === 'C0GENERAL');
    const said = texts(thread.params).join('\n');
    expect(said).toContain('I have answered in our direct messages');
    expect(said).not.toMatch(/JD|4021|Year 9/);
  });

  it('someone who may not see the pupil gets no file', async () => {
    const before = h.api.calls.length;
    await h.command(USERS.stranger, 'evidence 4021');
    const reply = await h.api.waitFor((c) => after(before)(c) && c.method.startsWith('/respond/'));
    expect(texts(reply.params).join('\n')).not.toContain('Evidence pack');
    expect(h.api.calls.filter((c) => after(before)(c) && c.method.startsWith('files.'))).toEqual([]);
  });
});
