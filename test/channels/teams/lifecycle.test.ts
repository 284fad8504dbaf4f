import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AAD, botHarness, type BotHarness } from '../../app/bot-harness.js';
import { cardOf, textOf } from './harness.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const chat = (aad: string) => `a:personal-${aad}`;
const sentTo = (hh: BotHarness, aad: string) => hh.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chat(aad));
const digestText = (hh: BotHarness) => sentTo(hh, AAD.sendco).map((c) => textOf(cardOf(c.body))).find((t) => t.includes('This week: reviews and deadlines')) ?? '';
const savedReferences = async (hh: BotHarness) => (JSON.parse(await readFile(join(hh.dir, 'data', 'teams', 'conversations.json'), 'utf8')) as { references: Record<string, { unreachableSince?: string }> }).references;

describe('Teams lifecycle: uninstalls and removals stop sends, and the SENDCo hears of it', () => {
  it('forgets the chat when the app is uninstalled, tries no reminder there, and tells the SENDCo in the digest', async () => {
    h = await botHarness();
    await h.install(AAD.sendco);
    await h.install(AAD.leader);
    await h.pupilWithPsp('2026-11-02');
    expect((await h.uninstall(AAD.leader)).status).toBe(200);

    const refs = await savedReferences(h);
    expect(Object.keys(refs)).not.toContain(`person:teams:${AAD.leader}`);
    expect(Object.keys(refs)).not.toContain(`conversation:${chat(AAD.leader)}`);
    const audit = (await h.bot.core.audit.list()).filter((e) => e.action === 'teams.bot-removed');
    expect(audit).toEqual([expect.objectContaining({ actorId: `teams:${AAD.leader}`, subjectId: `teams:${AAD.leader}`, outcome: 'done' })]);

    h.setNow('2026-11-23T08:00:00Z');
    await h.bot.scheduler.tick();
    expect(sentTo(h, AAD.leader)).toHaveLength(0);
    expect(digestText(h)).toContain('Reminders can’t reach 1 person');
  });

  it('forgets a team channel the bot was removed from', async () => {
    h = await botHarness();
    const channel = { id: '19:la-team@thread.tacv2', conversationType: 'channel', tenantId: 't1' };
    await h.teamsChannelMessage(AAD.la, 'hello');
    expect(Object.keys(await savedReferences(h))).toContain(`conversation:${channel.id}`);
    const removed = await fetch(`http://127.0.0.1:${(h.bot.server.address() as { port: number }).port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'conversationUpdate', id: 'cu-1', channelId: 'msteams', serviceUrl: h.connector.url, from: { id: `29:${AAD.la}`, aadObjectId: AAD.la }, recipient: { id: '28:bot' }, conversation: channel, membersRemoved: [{ id: '28:bot' }] }),
    });
    expect(removed.status).toBe(200);
    expect(Object.keys(await savedReferences(h))).not.toContain(`conversation:${channel.id}`);
  });

  it('marks a chat unreachable on a 403, never retries it, tells the SENDCo, and a new message from the person clears it', async () => {
    h = await botHarness();
    await h.install(AAD.sendco);
    await h.install(AAD.leader);
    await h.pupilWithPsp('2026-11-02');
    h.connector.refuse(chat(AAD.leader), 403);

    h.setNow('2026-11-23T08:00:00Z');
    expect(await h.bot.scheduler.tick()).toMatchObject({ unreachable: 1 });
    expect(h.connector.refused).toHaveLength(1);
    expect((await savedReferences(h))[`person:teams:${AAD.leader}`]?.unreachableSince).toBeDefined();
    expect(digestText(h)).toContain('Reminders can’t reach 1 person: they may have removed the bot');

    // Later passes (the retry ladder, the next school days) do not knock on that door again.
    for (const at of ['2026-11-23T08:05:00Z', '2026-11-23T12:00:00Z', '2026-11-24T08:00:00Z', '2026-11-26T08:00:00Z']) {
      h.setNow(at);
      await h.bot.scheduler.tick();
    }
    expect(h.connector.refused).toHaveLength(1);

    // They open the bot again: the reference is re-saved from their message and reminders can go.
    h.connector.accept(chat(AAD.leader));
    expect((await h.say(AAD.leader, 'help')).status).toBe(200);
    expect((await savedReferences(h))[`person:teams:${AAD.leader}`]?.unreachableSince).toBeUndefined();
    expect(h.bot.teams!.notifier.reachable(`teams:${AAD.leader}`)).toBe(true);
  });

  it('marks the linked LA channel unreachable on a 403: referral notices wait, recorded, until someone writes in the channel', async () => {
    h = await botHarness();
    const laChannel = '19:la-team@thread.tacv2';
    await h.teamsChannelMessage(AAD.admin, 'link la channel');
    h.connector.refuse(laChannel, 403);
    await h.refer(await h.pupilWithPsp('2026-11-02'));
    const failed = async () => Object.values(await h!.bot.core.reminders.allNotices()).some((n) => n.state === 'failed');
    for (let i = 0; i < 200 && !(await failed()); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await failed()).toBe(true);
    expect((await savedReferences(h))[`conversation:${laChannel}`]?.unreachableSince).toBeDefined();
    expect(h.bot.teams!.laPoster!.linked()).toBe(false);

    // The retry finds no reachable channel, so it knocks on no door.
    await h.bot.la.dispatchPending(new Date('2027-01-01T00:00:00Z'));
    expect(h.connector.refused).toHaveLength(1);

    // The bot is added back and someone writes there: the notice goes.
    h.connector.accept(laChannel);
    await h.teamsChannelMessage(AAD.la, 'hello');
    expect(h.bot.teams!.laPoster!.linked()).toBe(true);
    await h.bot.la.dispatchPending(new Date('2027-01-01T00:00:00Z'));
    await h.connector.waitFor((x) => x.method === 'POST' && x.conversationId === laChannel && textOf(cardOf(x.body)).includes('New referral from Oak Primary School'));
  });
});
