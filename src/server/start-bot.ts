import type { Server } from 'restify';
import { Assistant } from '../app/assistant.js';
import { startCore, type Core } from '../app/bootstrap.js';
import { FormSubmissions } from '../app/form-submissions.js';
import { LaChannelLink } from '../app/la-channel-link.js';
import { LaNotices, type LaChannelPoster } from '../app/la-notices.js';
import { BOT_STOPPING, OutboundCallError } from '../app/outbound.js';
import type { Outbox } from '../app/outbox.js';
import { ReminderScheduler, type Notifiers } from '../app/reminder-scheduler.js';
import { startSlackChannel, type SlackChannel } from '../channels/slack/slack-channel.js';
import { startTeamsChannel, type TeamsChannel } from '../channels/teams/teams-channel.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createHttpServer } from './http-server.js';
import { listenMode } from './listen-policy.js';
import { AdvisoryLockLeadership } from '../core/store/postgres/advisory-leadership.js';

/** What tests and benches may swap: the clock, Slack's address, the outboxes' backoff. */
export interface BotOverrides {
  now?: () => Date;
  slackApiUrl?: string;
  teamsOutbox?: Outbox;
  slackOutbox?: Outbox;
  /** Tests drive reminder passes themselves. */
  scheduler?: 'manual';
  /** How long `close()` lets work in flight finish before cutting outbound calls short (ms). Default 5000. */
  graceMs?: number;
}

export interface Bot {
  server: Server;
  core: Core;
  assistant: Assistant;
  teams?: TeamsChannel;
  slack?: SlackChannel;
  scheduler: ReminderScheduler;
  la: LaNotices;
  /**
   * Stops taking requests, lets work in flight finish for up to the grace period, then cuts short
   * every call to Teams or Slack still waiting (failed sends stay in the ledger for the next start)
   * and closes the stores.
   */
  close(): Promise<void>;
}

/**
 * Everything `npm start` runs, wired once: the core, each configured channel on the shared server,
 * LA referral notices and the reminder scheduler. Listening is left to the caller.
 */
export async function startBot(config: Config, log: Logger, overrides: BotOverrides = {}): Promise<Bot> {
  const mode = listenMode(config);
  const core = await startCore(config, { log: log.child('store'), ...(overrides.now ? { now: overrides.now } : {}) });
  // Said once start-up can no longer be refused for another reason, so a refusal stands alone.
  if (mode.warning) log.warn(mode.warning);
  const laLink = await LaChannelLink.open(core.documents);
  // Local mode (nobody signs in) only when Teams runs locally and Slack is off.
  const localMode = mode.teams === 'local' && !config.slack;
  const assistant = new Assistant(core, { localMode, log: log.child('assistant') });
  const forms = new FormSubmissions(assistant);
  const server = createHttpServer(log.child('http'));
  // One switch for every outbound call: close() flips it once the grace period is over.
  const stopping = new AbortController();
  const teams =
    mode.teams === 'off' ? undefined : await startTeamsChannel(server, core, assistant, forms, { localMode, log: log.child('teams'), laLink, stopping: stopping.signal, ...(overrides.teamsOutbox ? { outbox: overrides.teamsOutbox } : {}) });
  const slack = config.slack
    ? await startSlackChannel(server, config.slack, assistant, forms, { log: log.child('slack'), laLink, stopping: stopping.signal, ...(overrides.slackApiUrl ? { slackApiUrl: overrides.slackApiUrl } : {}), ...(overrides.slackOutbox ? { outbox: overrides.slackOutbox } : {}) })
    : undefined;
  if (!slack) log.info('Slack is off: no SLACK_ settings. See docs/slack-setup.md to turn it on.');

  const notifiers: Notifiers = { ...(teams ? { teams: teams.notifier } : {}), ...(slack ? { slack: slack.notifier } : {}) };
  const posters = [teams?.laPoster, slack?.laPoster].filter((p): p is NonNullable<typeof p> => !!p) as LaChannelPoster[];
  const la = new LaNotices(core, posters, notifiers, log.child('la'));
  la.listen();
  assistant.useLaNotices(la);
  const leaderLog = log.child('reminders');
  // Several instances on one database: the scheduler runs on whichever holds the advisory lock.
  const leadership = core.database ? new AdvisoryLockLeadership(core.database, { log: (m) => leaderLog.info(m, { instance: core.database!.instanceId }) }) : undefined;
  const scheduler = new ReminderScheduler(core, notifiers, leaderLog, la, leadership);
  if (overrides.scheduler !== 'manual') scheduler.start(config.reminders.pollSeconds);
  // Passes driven by hand (tests): on a shared database this instance must still hold the lock to send.
  else await scheduler.lead();

  return {
    server, core, assistant, scheduler, la,
    ...(teams ? { teams } : {}),
    ...(slack ? { slack } : {}),
    close: async () => {
      server.close();
      const inFlight = Promise.allSettled([scheduler.stop(), teams?.bot.idle(), slack?.close()]);
      const grace = new Promise<void>((resolve) => setTimeout(resolve, overrides.graceMs ?? 5000).unref());
      if ((await Promise.race([inFlight.then(() => 'done' as const), grace])) !== 'done') log.warn('stopping: cutting short calls still in flight');
      stopping.abort(new OutboundCallError(BOT_STOPPING));
      await inFlight;
      await teams?.close();
      await laLink.close();
      await core.close();
    },
  };
}
