import { chronology } from '../../src/core/record/chronology.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReminderScheduler } from '../../src/app/reminder-scheduler.js';
import { silentLogger } from '../../src/logger.js';
import { actionsOf, cardOf, textOf } from '../channels/teams/harness.js';
import { AAD, botHarness, SLACK, type BotHarness } from './bot-harness.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

let h: BotHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const posts = (hh: BotHarness, aad: string) => hh.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === `a:personal-${aad}`);
const reminderCards = (hh: BotHarness, aad: string) => posts(hh, aad).map((c) => textOf(cardOf(c.body))).filter((t) => t.includes('PSP review') && !t.includes('This week'));
const lastReminder = (hh: BotHarness, aad: string) => cardOf(posts(hh, aad).filter((c) => textOf(cardOf(c.body)).includes('Snooze 1 day')).at(-1)!.body);

/**
 * The scheduler's round trip on each store the bot runs on: the data folder, and PostgreSQL (where
 * the pass plans from the due_item table, never reading a case).
 */
function remindersOn(make: (opts?: { dataDir?: string; start?: string }) => Promise<BotHarness>): void {
    it('sends a PSP reminder 21 days after the start, at 08:00 London, to the leader and the SENDCo, once', async () => {
      h = await make();
      await h.install(AAD.sendco);
      await h.install(AAD.leader);
      await h.pupilWithPsp('2026-11-02');
      h.setNow('2026-11-23T07:59:00Z');
      expect(await h.bot.scheduler.tick()).toMatchObject({ sent: 0 });
      h.setNow('2026-11-23T08:00:00Z');
      // Two reminders, and the SENDCo's Monday digest for the school.
      expect(await h.bot.scheduler.tick()).toMatchObject({ sent: 3 });
      await h.bot.scheduler.tick();
      expect(reminderCards(h, AAD.sendco)).toHaveLength(1);
      expect(reminderCards(h, AAD.leader)).toHaveLength(1);
      expect(posts(h, AAD.sendco).map((c) => textOf(cardOf(c.body))).filter((t) => t.includes('This week: reviews and deadlines at Oak Primary School'))).toHaveLength(1);
      // Each reminder is in the audit trail, by ids only.
      const audited = (await h.bot.core.audit.list()).filter((e) => e.action === 'reminder.sent');
      expect(audited.map((e) => e.subjectId).sort()).toEqual([`teams:${AAD.sendco}`, `teams:${AAD.sendco}`, `teams:${AAD.leader}`].sort());
      expect(audited.every((e) => e.actorId === 'system:reminders' && e.schoolId === 'oak-primary')).toBe(true);
      const card = lastReminder(h, AAD.sendco);
      expect(textOf(card)).toContain('PSP review for AB (ref 4021');
      expect(actionsOf(card, 'command').map((a) => a.title)).toEqual(['Record review now', 'Snooze 1 day', 'Snooze 1 week', 'Done']);
    });

    it('snoozes for one person only: the SENDCo hears again tomorrow, the leader’s schedule is unchanged', async () => {
      h = await make();
      await h.install(AAD.sendco);
      await h.install(AAD.leader);
      await h.pupilWithPsp('2026-11-02');
      h.setNow('2026-11-23T08:00:00Z');
      await h.bot.scheduler.tick();
      const snooze = actionsOf(lastReminder(h, AAD.sendco), 'command').find((a) => a.title === 'Snooze 1 day')!;
      const answer = await h.pressCommand(AAD.sendco, String(snooze.data.command), 'sent-1');
      expect(textOf(answer)).toContain('Snoozed for you until Tue 24 Nov 2026 at 08:00');
      h.setNow('2026-11-24T08:00:00Z');
      await h.bot.scheduler.tick();
      expect(reminderCards(h, AAD.sendco)).toHaveLength(2);
      expect(reminderCards(h, AAD.leader)).toHaveLength(1);
      // Someone else's reminder id does nothing.
      expect(textOf(await h.pressCommand(AAD.leader, String(snooze.data.command), 'sent-2'))).toContain('not one of yours');
    });

    it('catches up once after downtime, and a restart between "recorded" and "sent" sends it exactly once', async () => {
      h = await make();
      await h.install(AAD.sendco);
      await h.pupilWithPsp('2026-11-02', `teams:${AAD.sendco}`);
      // The bot was down for two weeks: one catch-up reminder, not one per missed day.
      h.setNow('2026-12-07T09:00:00Z');
      const plan = await h.bot.scheduler.preview(h.now);
      expect(plan.sends).toHaveLength(1);
      // Crash after recording the send, before it went out.
      await h.bot.core.reminders.claim(plan.sends[0]!.sendKey, h.now);
      const dir = h.dir;
      await h.close();
      h = await make({ dataDir: dir, start: '2026-12-07T09:05:00Z' });
      await h.install(AAD.sendco);
      await h.bot.scheduler.tick();
      await h.bot.scheduler.tick();
      expect(reminderCards(h, AAD.sendco)).toHaveLength(1);
      expect((await h.bot.core.reminders.snapshot()).sends[plan.sends[0]!.sendKey]?.state).toBe('sent');
    });
}

describe('review reminders, end to end in Teams', () => {
  remindersOn((opts) => botHarness(opts));

  it('keeps a reminder through a storm of 429s and sends it once when Teams lets it', async () => {
    h = await botHarness();
    await h.install(AAD.sendco);
    await h.pupilWithPsp('2026-11-02', `teams:${AAD.sendco}`);
    h.setNow('2026-11-23T08:00:00Z');
    h.connector.failNext(30, 429, { 'retry-after': '0' });
    // The reminder and the Monday digest both fail; the ledger keeps them for a later pass.
    expect(await h.bot.scheduler.tick()).toMatchObject({ sent: 0, failed: 2 });
    h.connector.failNext(0, 429);
    await h.bot.scheduler.tick(); // too soon: the ledger says wait
    h.setNow('2026-11-23T08:05:00Z');
    // Whatever is left of the storm passes; the retry goes through once.
    while (h.connector.calls.length === 0 && (await h.bot.scheduler.tick()).sent === 0) h.setNow(new Date(h.now.getTime() + 15 * 60_000).toISOString());
    await h.bot.scheduler.tick();
    expect(reminderCards(h, AAD.sendco)).toHaveLength(1);
  });

  it('reaches a Slack SENDCo by DM, with buttons that act for them', async () => {
    h = await botHarness();
    const slackSendco = { id: `slack:${SLACK.team}:${SLACK.sendco}`, role: 'sendco' as const, schoolId: 'elm-high' };
    await h.pupilWithPsp('2026-11-02', slackSendco.id, slackSendco);
    h.setNow('2026-11-23T08:00:00Z');
    await h.bot.scheduler.tick();
    const dm = await h.api.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === SLACK.sendco && JSON.stringify(c.params.blocks).includes('Snooze 1 day'));
    expect(JSON.stringify(dm.params.blocks)).toContain('PSP review for AB (ref 4021');
    const done = JSON.stringify(dm.params.blocks).match(/reminder done [0-9a-f]{16}/)![0];
    // Pressed on the DM itself: its answer takes the reminder's place, so Done and Snooze cannot be pressed again.
    await h.slackButton(SLACK.sendco, done, { response_url: h.api.responseUrl('dm-reminder'), container: { type: 'message', message_ts: '1.0001' }, channel: { id: SLACK.sendco } });
    const replaced = await h.api.waitFor((c) => c.method === '/respond/dm-reminder');
    expect(replaced.params).toMatchObject({ replace_original: true });
    expect(JSON.stringify(replaced.params.blocks)).toContain('no more reminders to you');
    expect(JSON.stringify(replaced.params.blocks)).not.toMatch(/Snooze|reminder done/);
    // Pressed again on an old copy: only the note that it was already done, and the message stays.
    await h.slackButton(SLACK.sendco, done, { response_url: h.api.responseUrl('dm-again'), container: { type: 'message', message_ts: '1.0001' }, channel: { id: SLACK.sendco } });
    expect(JSON.stringify((await h.api.waitFor((c) => c.method === '/respond/dm-again')).params)).toContain('already pressed');
    h.setNow('2026-11-26T08:00:00Z');
    await h.bot.scheduler.tick();
    expect(h.api.calls.filter((c) => c.method === 'chat.postMessage' && JSON.stringify(c.params.blocks).includes('Snooze 1 day'))).toHaveLength(1);
  });

  it('lets only one bot process use a data folder, so two never both send', async () => {
    h = await botHarness();
    await expect(botHarness({ dataDir: h.dir })).rejects.toMatchObject({ code: 'store-locked' });
    expect(new ReminderScheduler(h.bot.core, {}, silentLogger)).toBeDefined();
  });
});

describe('review reminders, end to end in Teams, on PostgreSQL', () => {
  let testDb: TestDatabase | undefined;
  beforeEach(async () => {
    testDb = await createTestDatabase();
  });
  afterEach(async () => {
    await h?.close();
    h = undefined;
    await testDb?.drop();
  });
  remindersOn((opts) => botHarness({ ...opts, env: { DATABASE_URL: testDb!.url } }));
});

describe('LA referral notifications', () => {
  it('Teams: posts to the linked LA channel, updates it for everyone on Acknowledge, and tells the referrer', async () => {
    h = await botHarness();
    await h.install(AAD.sendco);
    expect((await h.teamsChannelMessage(AAD.sendco, 'link la channel')).status).toBe(200);
    expect(textOf(cardOf(h.connector.calls.at(-1)!.body))).toContain('Only an admin');
    await h.teamsChannelMessage(AAD.admin, 'link la channel');
    expect(textOf(cardOf(h.connector.calls.at(-1)!.body))).toContain('now the LA inclusion team');

    const c = await h.pupilWithPsp('2026-11-02');
    await h.refer(c);
    const notice = await h.connector.waitFor((x) => x.method === 'POST' && x.conversationId === '19:la-team@thread.tacv2' && textOf(cardOf(x.body)).includes('New referral from Oak Primary School'));
    const noticeText = JSON.stringify(cardOf(notice.body));
    expect(noticeText).toContain('AB (ref 4021, Year 8)');
    expect(noticeText).not.toContain('Needs assessment');
    const ack = actionsOf(cardOf(notice.body), 'command').find((a) => a.title === 'Acknowledge')!;

    const channel = { id: '19:la-team@thread.tacv2', conversationType: 'channel', tenantId: 't1' };
    expect(textOf(await h.pressCommand(AAD.sendco, String(ack.data.command), 'sent-9', channel))).toContain('Only the LA inclusion team');
    const pressed = await h.pressCommand(AAD.la, String(ack.data.command), 'sent-9', channel);
    expect(textOf(pressed)).toContain('Acknowledged by Lee Adams');
    const update = await h.connector.waitFor((x) => x.method === 'PUT' && x.conversationId === '19:la-team@thread.tacv2');
    // For everyone: who and when, and no Acknowledge button left to press; Assign to me stays until someone takes it.
    for (const card of [pressed, cardOf(update.body)]) {
      expect(textOf(card)).toContain('Acknowledged by Lee Adams');
      expect(JSON.stringify(card)).toContain('{"title":"Acknowledged","value":"Fri 20 Nov 2026 at 10:00"}');
      expect(actionsOf(card, 'command').map((a) => a.title)).toEqual(['Assign to me']);
    }
    const assign = actionsOf(pressed, 'command')[0]!;
    const taken = await h.pressCommand(AAD.la, String(assign.data.command), 'sent-9', channel);
    expect(textOf(taken)).toContain('Assigned to Lee Adams');
    expect(actionsOf(taken, 'command')).toEqual([]);
    const told = await h.connector.waitFor((x) => x.conversationId === `a:personal-${AAD.sendco}` && textOf(cardOf(x.body)).includes('was acknowledged by Lee Adams'));
    expect(told.method).toBe('POST');
    expect((await h.bot.core.audit.list()).map((e) => e.action)).toEqual(expect.arrayContaining(['la-notice.posted', 'la-notice.acknowledged', 'referral.acknowledged']));
    // The pupil's record keeps the acknowledgement too (issue 13.5), once, so its chronology and evidence pack show it.
    const record = (await h.bot.core.repo.get(c.schoolId, c.id))!;
    expect(chronology(record).filter((e) => e.kind === 'acknowledged').map((e) => [e.kind, e.date, e.item])).toEqual([['acknowledged', '2026-11-20', { kind: 'referral', n: 1 }]]);
  });

  it('Slack: posts to the linked channel and updates the same message on "Assign to me"', async () => {
    h = await botHarness();
    await h.slackCommand('U0ADMIN', 'link-la-channel');
    await h.api.waitFor((c) => c.method.startsWith('/respond/') && JSON.stringify(c.params).includes('now the LA inclusion team'));
    // A referral made in Teams still reaches the LA team's Slack channel: the channel is the LA's choice.
    const c = await h.pupilWithPsp('2026-11-02');
    await h.refer(c);
    const post = await h.api.waitFor((x) => x.method === 'chat.postMessage' && x.params.channel === 'C0LATEAM');
    expect(JSON.stringify(post.params.blocks)).toContain('New referral from Oak Primary School');
    const assign = JSON.stringify(post.params.blocks).match(/la assign [0-9a-f-]{36}/)![0];
    await h.slackButton('U0LAOFFICER', assign);
    const update = await h.api.waitFor((x) => x.method === 'chat.update');
    expect(update.params).toMatchObject({ channel: 'C0LATEAM' });
    const blocks = JSON.stringify(update.params.blocks);
    expect(blocks).toContain('Assigned to sam.lee');
    // The moment in each reader's own time zone, with the London words where Slack cannot format it.
    expect(blocks).toContain(`<!date^${Date.parse('2026-11-20T10:00:00Z') / 1000}^{date_short_pretty} at {time}|Fri 20 Nov 2026 at 10:00>`);
    // Taken on, so neither button is left.
    expect(blocks).not.toMatch(/la (ack|assign) /);
  });
});
