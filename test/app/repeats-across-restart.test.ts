import { afterEach, describe, expect, it } from 'vitest';
import { actionsOf, cardOf, formAnswers, textOf } from '../channels/teams/harness.js';
import { AAD, botHarness, SENDCO, SLACK, type BotHarness } from './bot-harness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Json = Record<string, unknown>;

/** The bot is stopped and a new one started on the same data folder, as after a deploy or a crash. */
async function restart(): Promise<BotHarness> {
  const dir = h!.dir;
  await h!.close();
  h = await botHarness({ dataDir: dir });
  return h;
}

const invoke = (hh: BotHarness, aad: string, data: Json, id?: string) =>
  hh.activity(aad, { type: 'invoke', name: 'adaptiveCard/action', replyToId: 'sent-1', value: { action: { type: 'Action.Execute', verb: String(data.verb), data } }, ...(id ? { id } : {}) });

/** Types `words` in the personal chat and returns the card the bot posted back. */
async function say(hh: BotHarness, aad: string, words: string): Promise<Json> {
  const before = hh.connector.calls.length;
  await hh.postTeams(hh.activity(aad, { type: 'message', text: words }));
  return cardOf((await hh.connector.waitFor((c) => hh.connector.calls.indexOf(c) >= before && c.method === 'POST')).body);
}

/**
 * Fills and submits a form card as a careful member of staff would, until it turns into a result;
 * returns the last submit's data, so the very same invoke can be sent again.
 */
async function complete(hh: BotHarness, aad: string, card: Json, answers: Record<string, string>): Promise<{ data: Json; result: string }> {
  for (let round = 0; round < 5; round++) {
    const [submit] = actionsOf(card, 'form.submit');
    if (!submit) break;
    const data: Json = { ...submit.data, ...formAnswers(card, answers) };
    card = (await hh.postTeams(invoke(hh, aad, data))).body.value as Json;
    if (!actionsOf(card, 'form.submit').length) return { data, result: textOf(card) };
  }
  throw new Error(`form did not finish: ${textOf(card)}`);
}

const caseOf = async (hh: BotHarness, schoolId = 'oak-primary') => (await hh.bot.core.repo.listBySchool(schoolId))[0]!;
const timeline = async (hh: BotHarness, what: string) => (await caseOf(hh)).timeline.filter((t) => t.what === what).length;

describe('a form sent again after a restart saves nothing twice (Teams)', () => {
  it('a review: one review recorded, and a kind "already sent" answer', async () => {
    h = await botHarness();
    await h.install(AAD.sendco);
    await h.pupilWithPsp('2026-11-02');
    const { data, result } = await complete(h, AAD.sendco, await say(h, AAD.sendco, 'review for 4021'), { positive: 'yes', notes: 'Settled in lessons' });
    expect(result).toMatch(/review/i);
    const reviews = (await caseOf(h)).timeline.filter((t) => t.what.endsWith('.reviewed')).length;
    expect(reviews).toBe(1);

    await restart();
    const again = (await h.postTeams(invoke(h, AAD.sendco, data))).body.value as Json;
    expect(textOf(again)).toContain('This form was already sent, so nothing new was saved.');
    expect((await caseOf(h)).timeline.filter((t) => t.what.endsWith('.reviewed'))).toHaveLength(1);
  });

  it('a PSP: one PSP recorded', async () => {
    h = await botHarness();
    await h.install(AAD.sendco);
    await h.bot.core.cases.create(SENDCO, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: true, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: true });
    const { data } = await complete(h, AAD.sendco, await say(h, AAD.sendco, 'psp for 4021'), { targets: 'Stay in lessons', interval: '21' });
    expect(await timeline(h, 'psp.created')).toBe(1);

    await restart();
    const again = (await h.postTeams(invoke(h, AAD.sendco, data))).body.value as Json;
    expect(textOf(again)).toContain('already sent, so nothing new was saved');
    expect(await timeline(h, 'psp.created')).toBe(1);
    expect((await caseOf(h)).psps).toHaveLength(1);
  });
});

const stateFor = (values: Record<string, string>) => ({
  values: Object.fromEntries(
    Object.entries(values).map(([id, v]) => [`q_${id}`, { value: ['care', 'send', 'step', 'socialWorker', 'risk'].includes(id) ? { type: 'radio_buttons', selected_option: v ? { value: v } : null } : { type: 'plain_text_input', value: v || null } }]),
  ),
});

describe('Slack: a modal submitted again after a restart saves nothing twice', () => {
  it('one pupil recorded, and the modal says it was already sent', async () => {
    h = await botHarness();
    await h.slackCommand(SLACK.sendco, 'new-pupil', 'D0SENDCO', 'directmessage');
    const view = (await h.api.waitFor((c) => c.method === 'views.open')).params.view as Json;
    const values = { pupilRef: '5150', initials: 'CD', yearGroup: '9', care: 'neither', socialWorker: 'no', send: 'none', step: '', risk: 'no' };
    const payload = JSON.stringify({ type: 'view_submission', team: { id: SLACK.team }, user: { id: SLACK.sendco, team_id: SLACK.team, name: 'sam.lee' }, view: { ...view, id: 'V1', hash: 'h1', state: stateFor(values) } });
    const submit = (hh: BotHarness) => hh.postSlack(new URLSearchParams({ payload }).toString(), 'application/x-www-form-urlencoded');
    expect((await submit(h)).text).toContain('is recorded at Step 2');
    expect(await h.bot.core.repo.listBySchool('elm-high')).toHaveLength(1);

    await restart();
    expect((await submit(h)).text).toContain('This form was already sent, so nothing new was saved.');
    expect(await h.bot.core.repo.listBySchool('elm-high')).toHaveLength(1);
  });
});

describe('a message resent after a restart is handled once', () => {
  it('Teams: the same activity id gets no second reply', async () => {
    h = await botHarness();
    const message = h.activity(AAD.sendco, { type: 'message', text: 'help', id: 'f:resent-after-restart' });
    await h.postTeams(message);
    expect(h.connector.calls.filter((c) => c.method === 'POST')).toHaveLength(1);

    await restart();
    expect((await h.postTeams({ ...message, serviceUrl: h.connector.url })).status).toBe(200);
    // A fresh message in the same chat is answered, and it is the only answer after the restart.
    await h.postTeams(h.activity(AAD.sendco, { type: 'message', text: 'help' }));
    expect(h.connector.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('Slack: the same event_id gets no second reply', async () => {
    h = await botHarness();
    const event = (id: string, text: string) => JSON.stringify({ token: 'x', team_id: SLACK.team, api_app_id: 'A1', type: 'event_callback', event_id: id, event_time: 1, event: { type: 'message', channel_type: 'im', channel: 'D0SENDCO', user: SLACK.sendco, text, ts: '1700000000.000100' } });
    const replies = (hh: BotHarness, words: string) => hh.api.calls.filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'D0SENDCO' && JSON.stringify(c.params).includes(words));
    await h.postSlack(event('EvRestart1', 'help'), 'application/json');
    await h.api.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === 'D0SENDCO');

    await restart();
    await h.postSlack(event('EvRestart1', 'help'), 'application/json');
    // Replies in one channel go out in order, so once the fresh answer is seen any repeat would have been too.
    await h.postSlack(event('EvFresh2', 'whoami'), 'application/json');
    await h.api.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === 'D0SENDCO' && JSON.stringify(c.params).includes('Your id'));
    expect(replies(h, 'What I can help with')).toHaveLength(0);
  });
});

describe('a button pressed twice acts once', () => {
  it('Teams: "Acknowledge" pressed twice on one card, and again after a restart, acknowledges once', async () => {
    h = await botHarness();
    await h.install(AAD.sendco);
    await h.teamsChannelMessage(AAD.admin, 'link la channel');
    await h.refer(await h.pupilWithPsp('2026-11-02'));
    const notice = await h.connector.waitFor((x) => x.method === 'POST' && x.conversationId === '19:la-team@thread.tacv2' && textOf(cardOf(x.body)).includes('New referral'));
    const ack = String(actionsOf(cardOf(notice.body), 'command').find((a) => a.title === 'Acknowledge')!.data.command);
    const channel = { id: '19:la-team@thread.tacv2', conversationType: 'channel', tenantId: 't1' };
    const acks = async (hh: BotHarness) => (await hh.bot.core.audit.list()).filter((e) => e.action === 'la-notice.acknowledged').length;

    const [first, second] = await Promise.all([h.pressCommand(AAD.la, ack, 'notice-1', channel), h.pressCommand(AAD.la, ack, 'notice-1', channel)]);
    expect([textOf(first), textOf(second)].every((t) => t.includes('Acknowledged by Lee Adams'))).toBe(true);
    expect(textOf(await h.pressCommand(AAD.la, ack, 'notice-1', channel))).toContain('That button was already pressed, so nothing was done twice.');
    expect(await acks(h)).toBe(1);

    await restart();
    expect(textOf(await h.pressCommand(AAD.la, ack, 'notice-1', channel))).toContain('That button was already pressed, so nothing was done twice.');
    expect(await acks(h)).toBe(1);
  });

  it('Teams: a button that only shows something answers the same again', async () => {
    h = await botHarness();
    const first = textOf(await h.pressCommand(AAD.sendco, 'my reviews', 'menu-1'));
    expect(textOf(await h.pressCommand(AAD.sendco, 'my reviews', 'menu-1'))).toBe(first);
  });

  it('Slack: "Assign to me" clicked twice on one message assigns once', async () => {
    h = await botHarness();
    await h.slackCommand(SLACK.admin, 'link-la-channel');
    await h.api.waitFor((c) => c.method.startsWith('/respond/') && JSON.stringify(c.params).includes('now the LA inclusion team'));
    await h.refer(await h.pupilWithPsp('2026-11-02'));
    const post = await h.api.waitFor((x) => x.method === 'chat.postMessage' && x.params.channel === 'C0LATEAM');
    const assign = JSON.stringify(post.params.blocks).match(/la assign [0-9a-f-]{36}/)![0];
    const onMessage = { container: { type: 'message', message_ts: '1700000001.000200', channel_id: 'C0LATEAM' } };
    await h.slackButton(SLACK.la, assign, onMessage);
    await h.slackButton(SLACK.la, assign, onMessage);
    await h.api.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === SLACK.la && JSON.stringify(c.params.blocks).includes('already pressed'));
    expect((await h.bot.core.audit.list()).filter((e) => e.action === 'la-notice.assigned')).toHaveLength(1);
  });
});
