import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifySendError, Outbox, SLACK_CHANNEL_LIMITS, TEAMS_CONVERSATION_LIMITS } from '../../src/app/outbox.js';
import { loadConfig } from '../../src/config.js';
import type { PupilCase } from '../../src/core/cases/pupil-case.js';
import { addPastoralSupportPlan, addReferral } from '../../src/core/plans/plan-changes.js';
import type { StaffMember } from '../../src/core/staff.js';
import { silentLogger } from '../../src/logger.js';
import { listen } from '../../src/server/http-server.js';
import { startBot, type Bot } from '../../src/server/start-bot.js';
import { startFakeSlackApi, type FakeSlackApi } from '../channels/slack/fake-slack-api.js';
import { slackHeaders, SIGNING_SECRET } from '../channels/slack/harness.js';
import { startFakeConnector, type FakeConnector } from '../channels/teams/fake-connector.js';

export const AAD = { sendco: '00000000-0000-0000-0000-0000000005e0', leader: '00000000-0000-0000-0000-000000001ead', la: '00000000-0000-0000-0000-0000000001a0', admin: '00000000-0000-0000-0000-0000000000ad' };
export const SENDCO: StaffMember = { id: `teams:${AAD.sendco}`, role: 'sendco', schoolId: 'oak-primary' };
export const SLACK = { team: 'T0001', sendco: 'U0SENDCO', la: 'U0LAOFFICER', admin: 'U0ADMIN' };

type Json = Record<string, unknown>;

/** The whole bot as `npm start` wires it (Teams and Slack, notices, scheduler) with a clock the test moves. */
export async function botHarness(opts: { dataDir?: string; start?: string; env?: Record<string, string> } = {}) {
  const dir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'gr-bot-')));
  const staffFile = join(dir, 'staff-roles.json');
  await writeFile(
    staffFile,
    JSON.stringify({
      staff: [
        SENDCO,
        { id: `teams:${AAD.leader}`, role: 'teacher', schoolId: 'oak-primary' },
        { id: `teams:${AAD.la}`, role: 'la-officer' },
        { id: `teams:${AAD.admin}`, role: 'admin' },
        { id: `slack:${SLACK.team}:${SLACK.sendco}`, role: 'sendco', schoolId: 'elm-high' },
        { id: `slack:${SLACK.team}:${SLACK.la}`, role: 'la-officer' },
        { id: `slack:${SLACK.team}:${SLACK.admin}`, role: 'admin' },
      ],
      // Named, as a staff file may name its schools; elm-high is left to be called by its id's words.
      schools: [{ id: 'oak-primary', name: 'Oak Primary School' }],
    }),
  );
  const connector: FakeConnector = await startFakeConnector();
  const api: FakeSlackApi = await startFakeSlackApi();
  let now = new Date(opts.start ?? '2026-11-20T10:00:00Z');
  const config = loadConfig({ DATA_DIR: join(dir, 'data'), STAFF_FILE: staffFile, LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, ...opts.env });
  const fast = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };
  const bot: Bot = await startBot(config, silentLogger, {
    now: () => now,
    slackApiUrl: api.apiUrl,
    scheduler: 'manual',
    teamsOutbox: new Outbox({ limits: TEAMS_CONVERSATION_LIMITS, ...fast }),
    slackOutbox: new Outbox({ limits: SLACK_CHANNEL_LIMITS, retryable: classifySendError, ...fast }),
  });
  const port = await listen(bot.server, '127.0.0.1', 0);
  const base = `http://127.0.0.1:${port}`;
  let seq = 0;
  // Activity ids are unique across restarts on one data folder, as Teams' are: a repeated id is a resend.
  const run = Math.random().toString(36).slice(2, 8);

  const activity = (aad: string, extra: Json, conversation: Json = { id: `a:personal-${aad}`, conversationType: 'personal', tenantId: 't1' }): Json => ({
    id: `act-${run}-${++seq}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: `29:${aad}`, aadObjectId: aad, name: aad === AAD.la ? 'Lee Adams' : 'Staff member' },
    conversation,
    recipient: { id: '28:bot', name: 'Graduated Response' },
    ...extra,
  });
  const postTeams = async (body: Json) => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  };
  const postSlack = async (body: string, contentType: string) => {
    const res = await fetch(`${base}/slack/events`, { method: 'POST', headers: slackHeaders(body, { contentType }), body });
    return { status: res.status, text: await res.text() };
  };

  return {
    dir,
    bot,
    /** A Teams activity from this person, with a fresh id unless `extra` gives one. */
    activity,
    postTeams,
    postSlack,
    connector,
    api,
    get now() {
      return now;
    },
    setNow(iso: string) {
      now = new Date(iso);
    },
    /** The person installs the app: Teams sends installationUpdate, and the bot keeps the chat's reference. */
    async install(aad: string) {
      await postTeams(activity(aad, { type: 'installationUpdate', action: 'add' }));
    },
    /** The person uninstalls the app (Teams sends installationUpdate remove or remove-upgrade). */
    uninstall: (aad: string, action: 'remove' | 'remove-upgrade' = 'remove') => postTeams(activity(aad, { type: 'installationUpdate', action })),
    /** A typed message in the person's personal chat. */
    say: (aad: string, text: string) => postTeams(activity(aad, { type: 'message', text })),
    teamsChannelMessage: (aad: string, text: string) => postTeams(activity(aad, { type: 'message', text }, { id: '19:la-team@thread.tacv2', conversationType: 'channel', tenantId: 't1' })),
    /** A press of an Action.Execute button that sends a command (menu, reminder and LA buttons). */
    async pressCommand(aad: string, command: string, replyToId: string, conversation?: Json) {
      const res = await postTeams(activity(aad, { type: 'invoke', name: 'adaptiveCard/action', replyToId, value: { action: { type: 'Action.Execute', verb: 'command', data: { verb: 'command', command } } } }, conversation));
      return res.body.value as Json;
    },
    slackCommand: (user: string, text: string, channel = 'C0LATEAM', channelName = 'la-team') =>
      postSlack(new URLSearchParams({ team_id: SLACK.team, user_id: user, channel_id: channel, channel_name: channelName, command: '/graduated', text, response_url: api.responseUrl(++seq), trigger_id: `t${seq}` }).toString(), 'application/x-www-form-urlencoded'),
    slackButton: (user: string, value: string, extra: Json = {}) =>
      postSlack(new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', team: { id: SLACK.team }, user: { id: user, team_id: SLACK.team, name: 'sam.lee' }, trigger_id: `t${++seq}`, actions: [{ type: 'button', action_id: 'gr_command', block_id: 'b', value, action_ts: '1' }], ...extra }) }).toString(), 'application/x-www-form-urlencoded'),
    /** A pupil at the school with a PSP started on `start` (as the SENDCo). */
    async pupilWithPsp(start: string, leaderId = `teams:${AAD.leader}`, who: StaffMember = SENDCO): Promise<PupilCase> {
      const c = await bot.core.cases.create(who, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: { senSupport: true, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false }, currentStep: 3, riskOfPermanentExclusion: true });
      return bot.core.cases.change(who, { schoolId: c.schoolId, id: c.id }, 'psp.create', (x, cc) => addPastoralSupportPlan(x, { targets: ['Stay in lessons'], overseeingLeaderId: leaderId, startDate: start, reviewIntervalDays: 21, fields: {} }, cc));
    },
    async refer(c: PupilCase, who: StaffMember = SENDCO) {
      return bot.core.cases.change(who, { schoolId: c.schoolId, id: c.id }, 'referral.create', (x, cc) => addReferral(x, { date: '2026-11-20', serviceId: 'education-engagement-inclusion-team', toLocalAuthority: true, reasons: 'Needs assessment', parentalPermission: true, fields: {} }, cc));
    },
    async close() {
      await bot.close();
      await connector.close();
      await api.close();
    },
  };
}
export type BotHarness = Awaited<ReturnType<typeof botHarness>>;
