import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { listenMode } from '../../../src/server/listen-policy.js';
import { actionsOf, cardOf, textOf, AAD, teamsHarness, type TeamsHarness } from './harness.js';

let h: TeamsHarness;
afterEach(async () => h?.close());

const APP = { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000' };

describe('Teams: authentication and who may start', () => {
  it('with Microsoft credentials configured, an unsigned request gets 401 and nothing is sent or saved', async () => {
    h = await teamsHarness({ env: APP, localMode: false });
    const res = await h.post(h.activity(AAD.sendco, { type: 'message', text: 'new pupil' }));
    expect(res.status).toBe(401);
    const forged = await h.post(h.activity(AAD.sendco, { type: 'message', text: 'help' }), { authorization: 'Bearer not.a.token' });
    expect(forged.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.connector.calls).toHaveLength(0);
  });

  it('refuses to start without credentials in production or beyond loopback, and says why', () => {
    expect(() => listenMode(loadConfig({ NODE_ENV: 'production' }))).toThrow(/production.*Refusing to start/);
    expect(() => listenMode(loadConfig({ HOST: '0.0.0.0' }))).toThrow(/HOST is 0\.0\.0\.0.*127\.0\.0\.1 only/);
    expect(() => listenMode(loadConfig({ MicrosoftAppId: APP.MicrosoftAppId }))).toThrow(/MicrosoftAppPassword is not/);
    expect(listenMode(loadConfig({}))).toMatchObject({ teams: 'local', warning: expect.stringMatching(/authentication is OFF/) });
    expect(listenMode(loadConfig({ ...APP, NODE_ENV: 'production' }))).toEqual({ teams: 'authenticated' });
    // A Slack-only school in production: Slack verifies its own signatures; Teams stays off.
    const slackOnly = { NODE_ENV: 'production', HOST: '0.0.0.0', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'abcdefgh12345678' };
    expect(listenMode(loadConfig(slackOnly))).toMatchObject({ teams: 'off', warning: expect.stringMatching(/Teams is off/) });
  });
});

describe('Teams: roles come from the AAD object id', () => {
  it('someone with no role can signpost but not see pupils, until an admin grants a role in chat', async () => {
    h = await teamsHarness({ localMode: false });
    expect(textOf(await h.say(AAD.stranger, 'what next'))).toContain('You don’t have a role yet');
    expect(textOf(await h.say(AAD.stranger, 'who helps with attendance?'))).toMatch(/Services for/);
    expect(textOf(await h.say(AAD.stranger, 'whoami'))).toContain(`teams:${AAD.stranger}`);
    // The menu offers what works without a role, as the welcome says; not forms that would refuse.
    const before = textOf(await h.say(AAD.stranger, 'help'));
    expect(before).toContain('Find a service');
    for (const item of ['Add a pupil', 'Person-centred plan', 'Evidence pack', 'My pupils']) expect(before).not.toContain(item);
    expect(textOf(await h.say(AAD.sendco, `grant teams:${AAD.stranger} teacher oak-primary`))).toContain('Only an admin');
    // An admin is offered roles, not pupil forms (admins see no pupil records), and is not told to grant themselves.
    const adminMenu = textOf(await h.say(AAD.admin, 'help'));
    expect(adminMenu).toContain('Give a role');
    expect(adminMenu).not.toContain('Add a pupil');
    expect(textOf(await h.say(AAD.admin, 'whoami'))).not.toContain(`grant teams:${AAD.admin}`);
    expect(textOf(await h.say(AAD.admin, `grant teams:${AAD.stranger} teacher oak-primary`))).toContain('is now a teacher at Oak Primary.');
    expect(actionsOf(await h.say(AAD.stranger, 'what next'), 'form.submit')).toHaveLength(1);
    const after = textOf(await h.say(AAD.stranger, 'help'));
    expect(after).toContain('Add a pupil');
    expect(after).not.toContain('Give a role');
  });

  it('in a team channel, where others would see, pupil work is sent to the personal chat; signposting still works', async () => {
    h = await teamsHarness();
    const inChannel = (text: string) =>
      h.post(h.activity(AAD.sendco, { type: 'message', text: `<at>Graduated Response</at> ${text}`, entities: [{ type: 'mention', mentioned: { id: '28:bot', name: 'Graduated Response' }, text: '<at>Graduated Response</at>' }], conversation: { id: '19:team-channel@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' } }));
    await inChannel('what next for 4021');
    await inChannel('who helps with attendance?');
    const [first, second] = await Promise.all([0, 1].map((i) => h.connector.waitFor((c) => h.connector.calls.indexOf(c) === i)));
    expect(textOf(cardOf(first!.body))).toContain('Let’s talk about pupils in private');
    expect(textOf(cardOf(second!.body))).toMatch(/Services for/);
    expect(first!.conversationId).toBe('19:team-channel@thread.tacv2');
  });

  it('a teacher at another school cannot open a pupil by reference', async () => {
    h = await teamsHarness();
    const form = await h.say(AAD.sendco, 'new pupil');
    await h.press(AAD.sendco, actionsOf(form, 'form.submit')[0]!, { q_pupilRef: '4021', q_initials: 'AB', q_yearGroup: '8', q_care: 'neither', q_socialWorker: 'no', q_send: 'none', q_risk: 'no' });
    const theirs = await h.say(AAD.teacher, 'what next for 4021');
    expect(textOf(theirs)).not.toContain('AB (ref 4021');
    expect(textOf(theirs)).toMatch(/answer needs attention/);
  });
});

describe('Teams: proactive messages and slow work', () => {
  it('sends a proactive card to the personal chat saved at install', async () => {
    h = await teamsHarness();
    await h.post(h.activity(AAD.sendco, { type: 'installationUpdate', action: 'add' }));
    const outcome = await h.teams.notifier.notifyPerson(`teams:${AAD.sendco}`, [{ blocks: [{ type: 'heading', text: 'PSP review due for AB' }] }]);
    expect(outcome).toBe('sent');
    const call = await h.connector.waitFor((c) => c.method === 'POST' && textOf(cardOf(c.body)).includes('PSP review due'));
    expect(call.conversationId).toBe(`a:personal-${AAD.sendco}`);
    expect(await h.teams.notifier.notifyPerson('teams:never-installed', [])).toBe('unreachable');
  });

  it('answers a slow submit at once and updates the card in place when the work is done', async () => {
    h = await teamsHarness({ answerWithinMs: 50 });
    const save = h.core.repo.save.bind(h.core.repo);
    h.core.repo.save = async (...args) => {
      await new Promise((r) => setTimeout(r, 400));
      return save(...args);
    };
    const form = await h.say(AAD.sendco, 'new pupil');
    const started = Date.now();
    const now = await h.press(AAD.sendco, actionsOf(form, 'form.submit')[0]!, { q_pupilRef: '4021', q_initials: 'AB', q_yearGroup: '8', q_care: 'neither', q_socialWorker: 'no', q_send: 'none', q_risk: 'no' }, 'card-77');
    expect(Date.now() - started).toBeLessThan(400);
    expect(textOf(now)).toContain('Still working on that');
    const update = await h.connector.waitFor((c) => c.method === 'PUT' && c.activityId === 'card-77');
    expect(textOf(cardOf(update.body))).toContain('AB (ref 4021, Year 8) is recorded');
  });

  it('keeps a reply through a burst of 429s by waiting as the connector asks', async () => {
    h = await teamsHarness();
    h.connector.failNext(2, 429, { 'retry-after': '0' });
    const card = await h.say(AAD.sendco, 'help');
    expect(textOf(card)).toContain('What I can help with');
    expect(h.connector.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });
});
