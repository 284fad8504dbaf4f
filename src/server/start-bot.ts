import type { Server } from 'restify';
import { Assistant } from '../app/assistant.js';
import { startCore, type Core } from '../app/bootstrap.js';
import { FormSubmissions } from '../app/form-submissions.js';
import { LaChannelLink } from '../app/la-channel-link.js';
import { LaNotices, type LaChannelPoster } from '../app/la-notices.js';
import type { Outbox } from '../app/outbox.js';
import { ReminderScheduler, type Notifiers } from '../app/reminder-scheduler.js';
import { startSlackChannel, type SlackChannel } from '../channels/slack/slack-channel.js';
import { startTeamsChannel, type TeamsChannel } from '../channels/teams/teams-channel.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createHttpServer } from './http-server.js';
import { listenMode } from './listen-policy.js';

/** What tests and benches may swap: the clock, Slack's address, the outboxes' backoff. */
export interface BotOverrides {
  now?: () => Date;
  slackApiUrl?: string;
  teamsOutbox?: Outbox;
  slackOutbox?: Outbox;
  /** Tests drive reminder passes themselves. */
  scheduler?: 'manual';
}

export interface Bot {
  server: Server;
  core: Core;
  assistant: Assistant;
  teams?: TeamsChannel;
  slack?: SlackChannel;
  scheduler: ReminderScheduler;
  la: LaNotices;
  close(): Promise<void>;
}

/**
 * Everything `npm start` runs, wired once: the core, each configured channel on the shared server,
 * LA referral notices and the reminder scheduler. Listening is left to the caller.
 */
export async function startBot(config: Config, log: Logger, overrides: BotOverrides = {}): Promise<Bot> {
  const mode = listenMode(config);
  if (mode.warning) log.warn(mode.warning);
  const core = await startCore(config, { log: log.child('store'), ...(overrides.now ? { now: overrides.now } : {}) });
  const laLink = await LaChannelLink.open(core.folder);
  // Local mode (nobody signs in) only when Teams runs locally and Slack is off.
  const localMode = mode.teams === 'local' && !config.slack;
  const assistant = new Assistant(core, { localMode, log: log.child('assistant') });
  const forms = new FormSubmissions(assistant);
  const server = createHttpServer(log.child('http'));
  const teams =
    mode.teams === 'off' ? undefined : await startTeamsChannel(server, core, assistant, forms, { localMode, log: log.child('teams'), laLink, ...(overrides.teamsOutbox ? { outbox: overrides.teamsOutbox } : {}) });
  const slack = config.slack
    ? await startSlackChannel(server, config.slack, assistant, forms, { log: log.child('slack'), laLink, ...(overrides.slackApiUrl ? { slackApiUrl: overrides.slackApiUrl } : {}), ...(overrides.slackOutbox ? { outbox: overrides.slackOutbox } : {}) })
    : undefined;
  if (!slack) log.info('Slack is off: no SLACK_ settings. See docs/slack-setup.md to turn it on.');

  const notifiers: Notifiers = { ...(teams ? { teams: teams.notifier } : {}), ...(slack ? { slack: slack.notifier } : {}) };
  const posters = [teams?.laPoster, slack?.laPoster].filter((p): p is NonNullable<typeof p> => !!p) as LaChannelPoster[];
  const la = new LaNotices(core, posters, notifiers, log.child('la'));
  la.listen();
  assistant.useLaNotices(la);
  const scheduler = new ReminderScheduler(core, notifiers, log.child('reminders'), la);
  if (overrides.scheduler !== 'manual') scheduler.start(config.reminders.pollSeconds);

  return {
    server, core, assistant, scheduler, la,
    ...(teams ? { teams } : {}),
    ...(slack ? { slack } : {}),
    close: async () => {
      await scheduler.stop();
      server.close();
      await teams?.close();
      await slack?.close();
      await laLink.close();
      await core.close();
    },
  };
}
