import { afterEach, describe, expect, it } from 'vitest';
import { actionsOf, AAD, cardOf, teamsHarness, textOf, type TeamsHarness } from './harness.js';

let h: TeamsHarness;
afterEach(async () => h?.close());

type Json = Record<string, unknown>;
const invoke = (action: Json) => h.post(h.activity(AAD.sendco, { type: 'invoke', name: 'adaptiveCard/action', replyToId: 'sent-1', value: { action: { type: 'Action.Execute', ...action }, trigger: 'manual' } }));

describe('Teams: cards from older versions get a friendly answer and a fresh menu', () => {
  it('answers an Action.Execute with a verb it no longer knows with 200 and an out-of-date card, not an empty 501', async () => {
    h = await teamsHarness();
    const res = await invoke({ verb: 'reminder.v1.snooze', data: { id: 'x' } });
    expect(res.status).toBe(200);
    const card = res.body.value as Json;
    expect(textOf(card)).toContain('That button is from an older card');
    expect(actionsOf(card, 'command').map((a) => a.data.command)).toContain('what next');
  });

  it('answers an Action.Execute with no verb the same way', async () => {
    h = await teamsHarness();
    const res = await invoke({ data: { anything: 1 } });
    expect(res.status).toBe(200);
    expect(textOf(res.body.value as Json)).toContain('That button is from an older card');
  });

  it('answers an Action.Submit with data no route knows with an out-of-date message and a menu', async () => {
    h = await teamsHarness();
    const before = h.connector.calls.length;
    expect((await h.post(h.activity(AAD.sendco, { type: 'message', value: { oldVerb: 'submit', formId: 'f1' } }))).status).toBe(200);
    const call = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.method === 'POST');
    const card = cardOf(call.body);
    expect(textOf(card)).toContain('That button is from an older card');
    expect(actionsOf(card, 'command').map((a) => a.data.command)).toContain('what next');
  });
});

describe('Teams: words sent only as an HTML attachment', () => {
  it('answers them as if typed', async () => {
    h = await teamsHarness();
    const typed = textOf(await h.say(AAD.sendco, 'who helps with attendance?'));
    const before = h.connector.calls.length;
    const html = { contentType: 'text/html', content: '<p>who helps with <b>attendance</b>&#63;</p>' };
    expect((await h.post(h.activity(AAD.sendco, { type: 'message', text: '', attachments: [html] }))).status).toBe(200);
    const call = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.method === 'POST');
    expect(textOf(cardOf(call.body))).toBe(typed);
    expect(typed).not.toContain('What I can help with');
  });
});

describe('Teams: the words are decoded once, never twice', () => {
  it('shows an escaped "<b>" the person typed as they typed it, not as a tag to drop', async () => {
    h = await teamsHarness();
    // The person typed "zzqq &lt;b&gt;xx" as text; Teams escapes their "&" once more.
    expect(textOf(await h.say(AAD.sendco, 'signpost zzqq &amp;lt;b&amp;gt;xx'))).toContain('“zzqq &lt;b&gt;xx”');
  });

  it('reads an HTML attachment’s entities once too', async () => {
    h = await teamsHarness();
    const before = h.connector.calls.length;
    const html = { contentType: 'text/html', content: '<p>signpost zzqq &amp;lt;b&amp;gt;xx</p>' };
    await h.post(h.activity(AAD.sendco, { type: 'message', text: '', attachments: [html] }));
    const call = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.method === 'POST');
    expect(textOf(cardOf(call.body))).toContain('“zzqq &lt;b&gt;xx”');
  });
});
