import { createHmac } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Assistant } from '../../../src/app/assistant.js';
import { startCore, type Core } from '../../../src/app/bootstrap.js';
import { FormSubmissions } from '../../../src/app/form-submissions.js';
import { classifySendError, Outbox, SLACK_CHANNEL_LIMITS } from '../../../src/app/outbox.js';
import { startSlackChannel, type SlackChannel } from '../../../src/channels/slack/slack-channel.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { createHttpServer, listen } from '../../../src/server/http-server.js';
import { startFakeSlackApi, type FakeSlackApi } from './fake-slack-api.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const TEAM = 'T0001';
export const USERS = { sendco: 'U0SENDCO', admin: 'U0ADMIN', stranger: 'U0NEW' };
const STAFF = {
  staff: [
    { id: `slack:${TEAM}:${USERS.sendco}`, role: 'sendco', schoolId: 'oak-primary' },
    { id: `slack:${TEAM}:${USERS.admin}`, role: 'admin' },
  ],
};

/** Signs a body exactly as Slack does: v0=HMAC-SHA256(secret, "v0:<timestamp>:<raw body>"). */
export function slackHeaders(body: string, opts: { secret?: string; timestamp?: number; contentType?: string } = {}): Record<string, string> {
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const sig = createHmac('sha256', opts.secret ?? SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex');
  return { 'content-type': opts.contentType ?? 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': `v0=${sig}` };
}

/** The real server and Bolt app on a temp data folder, talking to a fake Slack Web API. */
export async function slackHarness(opts: { answerWithinMs?: number; env?: Record<string, string> } = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'gr-slack-'));
  const staffFile = join(dataDir, 'staff-roles.json');
  await writeFile(staffFile, JSON.stringify(STAFF));
  const api: FakeSlackApi = await startFakeSlackApi();
  const config = loadConfig({ DATA_DIR: join(dataDir, 'data'), STAFF_FILE: staffFile, LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, ...opts.env });
  const core: Core = await startCore(config, { now: () => new Date('2026-11-20T10:00:00Z') });
  // Slack needs real credentials, so unknown people are strangers here, as in production.
  const assistant = new Assistant(core, { localMode: false, log: silentLogger });
  const server = createHttpServer(silentLogger);
  const outbox = new Outbox({ limits: SLACK_CHANNEL_LIMITS, retryable: classifySendError, maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 50 });
  const slack: SlackChannel = await startSlackChannel(server, config.slack!, assistant, new FormSubmissions(assistant), { log: silentLogger, slackApiUrl: api.apiUrl, outbox, ...(opts.answerWithinMs ? { answerWithinMs: opts.answerWithinMs } : {}) });
  const port = await listen(server, '127.0.0.1', 0);
  const url = `http://127.0.0.1:${port}/slack/events`;
  let trigger = 0;

  async function send(body: string, headers: Record<string, string>): Promise<{ status: number; text: string; ms: number }> {
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, text, ms: performance.now() - started };
  }

  return {
    core,
    api,
    slack,
    url,
    send,
    /** A signed Events API callback. */
    event(event: Record<string, unknown>, opts: { eventId?: string; retryNum?: number } = {}) {
      const body = JSON.stringify({ token: 'x', team_id: TEAM, api_app_id: 'A1', type: 'event_callback', event_id: opts.eventId ?? `Ev${++trigger}`, event_time: 1, event });
      return send(body, { ...slackHeaders(body), ...(opts.retryNum ? { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}) });
    },
    /** A signed slash command, form-encoded as Slack sends it. */
    command(user: string, text: string) {
      const n = ++trigger;
      const body = new URLSearchParams({ token: 'x', team_id: TEAM, team_domain: 'oak', channel_id: 'C0GENERAL', channel_name: 'general', user_id: user, user_name: 'staff', command: '/graduated', text, api_app_id: 'A1', response_url: api.responseUrl(n), trigger_id: `trig-${n}` }).toString();
      return send(body, slackHeaders(body, { contentType: 'application/x-www-form-urlencoded' }));
    },
    /** A signed interactivity payload (block_actions, view_submission). */
    interaction(payload: Record<string, unknown>) {
      const body = new URLSearchParams({ payload: JSON.stringify({ team: { id: TEAM, domain: 'oak' }, api_app_id: 'A1', token: 'x', trigger_id: `trig-${++trigger}`, ...payload }) }).toString();
      return send(body, slackHeaders(body, { contentType: 'application/x-www-form-urlencoded' }));
    },
    user: (id: string) => ({ id, team_id: TEAM, username: 'staff', name: 'staff' }),
    async close() {
      server.close();
      await slack.close();
      await core.close();
      await api.close();
    },
  };
}
export type SlackHarness = Awaited<ReturnType<typeof slackHarness>>;
