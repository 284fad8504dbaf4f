import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Server } from 'restify';
import type { Assistant } from '../../app/assistant.js';
import type { Core } from '../../app/bootstrap.js';
import type { FormSubmissions } from '../../app/form-submissions.js';
import { CALL_TIMEOUT_MS } from '../../app/outbound.js';
import { Outbox, TEAMS_CONVERSATION_LIMITS } from '../../app/outbox.js';
import type { Logger } from '../../logger.js';
import { ConversationReferences } from './conversation-references.js';
import { TeamsNotifier } from './notifier.js';
import { TeamsLaPoster } from './la-poster.js';
import type { LaChannelLink } from '../../app/la-channel-link.js';
import { TeamsBot } from './teams-bot.js';
import { TeamsFiles } from './file-consent.js';
import { EdgeAdapter } from './edge-adapter.js';
import { messagesRoute } from './messages-route.js';
import { boundedConnectorHttpClient } from './bounded-connector-client.js';

export interface TeamsChannel {
  laPoster?: TeamsLaPoster;
  /** The Bot Framework adapter, shared with anything else served on /api (the bench's echo bot). */
  adapter: TeamsAdapter;
  bot: TeamsBot;
  notifier: TeamsNotifier;
  close(): Promise<void>;
}

export interface TeamsChannelOptions {
  localMode: boolean;
  log: Logger;
  answerWithinMs?: number;
  /** Tests shorten the outbox's backoff; production keeps the defaults. */
  outbox?: Outbox;
  laLink?: LaChannelLink;
  /** Fires when the bot is stopping: calls to the Bot Connector still in flight are cut short. */
  stopping?: AbortSignal;
  /** Longest one call to the Bot Connector may take, in ms. Default CALL_TIMEOUT_MS; tests shorten it. */
  callTimeoutMs?: number;
}

/** Builds the Teams channel and mounts `POST /api/messages` on the shared server. */
export async function startTeamsChannel(server: Server, core: Core, assistant: Assistant, forms: FormSubmissions, opts: TeamsChannelOptions): Promise<TeamsChannel> {
  const teams = core.config.teams;
  // Empty settings mean "no authentication": the SDK then accepts unsigned requests, which listenMode allows only on loopback.
  const adapter = new EdgeAdapter(
    {
      MicrosoftAppId: teams?.appId ?? '',
      MicrosoftAppPassword: teams?.appPassword ?? '',
      MicrosoftAppTenantId: teams?.tenantId ?? '',
      MicrosoftAppType: teams?.appType ?? 'MultiTenant',
    },
    undefined,
    undefined,
    // Without a deadline a serviceUrl that never answers holds the turn (and shutdown) for minutes.
    { httpClient: boundedConnectorHttpClient({ timeoutMs: opts.callTimeoutMs ?? CALL_TIMEOUT_MS, ...(opts.stopping ? { stopping: opts.stopping } : {}) }) },
  );
  const log = opts.log;
  const references = await ConversationReferences.open(core.documents, core.now);
  // The Bot Connector client already retries 5xx and 429-with-Retry-After three times, so the
  // outbox adds few attempts of its own: it exists for 412, bare 429s, connection failures (which
  // the bounded client keeps from the SDK's slow retries) and the per-conversation pace.
  const outbox = opts.outbox ?? new Outbox({ limits: TEAMS_CONVERSATION_LIMITS, maxAttempts: 3, logger: log.child('outbox'), ...(opts.stopping ? { stopping: opts.stopping } : {}) });
  const appId = teams?.appId ?? '';
  const proactiveDeps = { adapter, appId, references, outbox };
  const notifier = new TeamsNotifier(proactiveDeps);
  const files = new TeamsFiles({ ...proactiveDeps, assistant, log: log.child('files'), localOnly: !teams, ...(opts.callTimeoutMs ? { callTimeoutMs: opts.callTimeoutMs } : {}), ...(opts.stopping ? { stopping: opts.stopping } : {}) });
  const bot = new TeamsBot({ adapter, appId, assistant, forms, references, notifier, outbox, files, log, localMode: opts.localMode, audit: core.audit, now: core.now, ...(opts.answerWithinMs ? { answerWithinMs: opts.answerWithinMs } : {}), ...(opts.laLink ? { laLink: opts.laLink } : {}) });
  const laPoster = opts.laLink ? new TeamsLaPoster(proactiveDeps, opts.laLink) : undefined;

  // No body parser: the route reads plain JSON itself, before sign-in and with a cap. Without
  // credentials (local mode, whatever opts.localMode says about roles) it serves loopback clients only.
  const logic = (context: Parameters<typeof bot.app.run>[0]) => bot.app.run(context).then(() => undefined);
  server.post('/api/messages', messagesRoute({ adapter, logic, localOnly: !teams, log: log.child('edge') }));
  // A reachability probe: the Agents Playground sends HEAD each time its page loads, before it
  // connects. An empty 200 says the endpoint is here without logging a refused request each time.
  server.head('/api/messages', (_req, res, next) => {
    res.writeHead(200);
    res.end();
    next();
  });

  return {
    ...(laPoster ? { laPoster } : {}),
    adapter,
    bot,
    notifier,
    close: async () => {
      await bot.idle();
      await references.close();
    },
  };
}
