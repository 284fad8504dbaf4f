import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Request, Response, Server } from 'restify';
import type { Assistant } from '../../app/assistant.js';
import type { Config } from '../../config.js';
import type { FormSubmissions } from '../../app/form-submissions.js';
import { CALL_TIMEOUT_MS } from '../../app/outbound.js';
import { classifySendError, Outbox, SLACK_CHANNEL_LIMITS } from '../../app/outbox.js';
import { AppError } from '../../core/errors.js';
import type { Logger } from '../../logger.js';
import { boltLogger } from './bolt-logger.js';
import { boundedFetch } from './bounded-fetch.js';
import { registerActions } from './listeners/actions.js';
import { registerCommand } from './listeners/command.js';
import { registerHome } from './listeners/home.js';
import { registerMessages } from './listeners/messages.js';
import { registerOptions } from './listeners/options.js';
import { skipRepeatedEvents } from './listeners/repeats.js';
import { registerViews } from './listeners/views.js';
import { SlackNotifier } from './slack-notifier.js';
import { slackRequestGuard } from './slack-request-guard.js';
import { SlackLaPoster } from './la-poster.js';
import type { LaChannelLink } from '../../app/la-channel-link.js';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackChannel {
  laPoster?: SlackLaPoster;
  app: App;
  notifier: SlackNotifier;
  mode: 'http' | 'socket';
  close(): Promise<void>;
}

export interface SlackChannelOptions {
  log: Logger;
  /** Tests point the Web API at a local fake. */
  slackApiUrl?: string;
  outbox?: Outbox;
  answerWithinMs?: number;
  laLink?: LaChannelLink;
  /** Fires when the bot is stopping: calls to Slack still in flight are cut short. */
  stopping?: AbortSignal;
  /** Longest one call to Slack may take, in ms. Default CALL_TIMEOUT_MS. */
  callTimeoutMs?: number;
}

/**
 * The Slack channel: a Bolt app whose HTTP requests arrive on the shared server at /slack/events
 * (signatures checked against the raw body by slackRequestGuard before Bolt sees them, so no body
 * parser runs first), or over Socket Mode when an app token is set.
 */
export async function startSlackChannel(server: Server, settings: NonNullable<Config['slack']>, assistant: Assistant, forms: FormSubmissions, opts: SlackChannelOptions): Promise<SlackChannel> {
  const log = opts.log;
  // The outbox is the one retry layer: the Web API client's own retries would hold every channel
  // for up to half an hour behind one rate limit, and hide Retry-After from us.
  // Every Web API call and respond() goes through one fetch with a deadline and the stop signal.
  const fetch = boundedFetch({ timeoutMs: opts.callTimeoutMs ?? CALL_TIMEOUT_MS, ...(opts.stopping ? { stopping: opts.stopping } : {}) });
  const clientOptions = { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, fetch, ...(opts.slackApiUrl ? { slackApiUrl: opts.slackApiUrl } : {}) };
  const socket = !!settings.appToken;
  // The guard below is the signature check, over the raw bytes and both ways in time, and answers the
  // unsigned SSL probe itself; Bolt's check (string body, past only) would only repeat a weaker one.
  const receiver = socket ? undefined : new HTTPReceiver({ signingSecret: settings.signingSecret!, signatureVerification: false, endpoints: SLACK_EVENTS_PATH, logger: boltLogger(log.child('bolt')), unhandledRequestTimeoutMillis: 3001 });
  const app = new App({
    token: settings.botToken,
    logger: boltLogger(log.child('bolt')),
    logLevel: LogLevel.WARN,
    clientOptions,
    // Bolt checks the token with auth.test; deferring lets a bad token or no route to Slack stop
    // start-up with one clear line instead of an unhandled rejection later.
    deferInitialization: true,
    ...(receiver ? { receiver } : { socketMode: true, appToken: settings.appToken! }),
  });
  await app.init().catch((err: Error & { code?: string; data?: { error?: string } }) => {
    const why = err.data?.error ?? err.code ?? err.name;
    throw new AppError(`Slack did not accept SLACK_BOT_TOKEN, or cannot be reached (${why}). Check the token in the app's OAuth settings, or remove the SLACK_ settings to keep Slack off.`, 'config', { cause: err });
  });
  const outbox = opts.outbox ?? new Outbox({ limits: SLACK_CHANNEL_LIMITS, retryable: classifySendError, logger: log.child('outbox'), ...(opts.stopping ? { stopping: opts.stopping } : {}) });
  const deps = { assistant, forms, outbox, log, answerWithinMs: opts.answerWithinMs ?? 2500, ...(opts.laLink ? { laLink: opts.laLink } : {}) };

  app.use(skipRepeatedEvents(assistant.idempotency, log));
  registerCommand(app, settings.command, deps);
  registerMessages(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerOptions(app, deps);
  registerHome(app, deps);
  app.error(async (err) => log.error('slack listener failed', { error: err.name, code: (err as { code?: string }).code ?? 'unknown' }));

  if (receiver) {
    // The guard reads and checks the raw request, then hands Bolt the same bytes; resolve when
    // the answer is sent, so restify can log it. Nothing reaches Bolt but through the guard.
    const guard = slackRequestGuard({ signingSecret: settings.signingSecret!, log: log.child('edge') }, receiver.requestListener);
    server.post(SLACK_EVENTS_PATH, async (req: Request, res: Response) => {
      await new Promise<void>((done) => {
        res.once('finish', () => done());
        res.once('close', () => done());
        void guard(req, res);
      });
    });
  } else {
    await app.start();
  }
  return {
    ...(opts.laLink ? { laPoster: new SlackLaPoster(app.client, opts.laLink, outbox) } : {}),
    app,
    notifier: new SlackNotifier(app.client, outbox),
    mode: socket ? 'socket' : 'http',
    close: async () => {
      await outbox.idle();
      if (socket) await app.stop();
    },
  };
}
