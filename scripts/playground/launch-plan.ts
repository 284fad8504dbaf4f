import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Playground's own default port; `PLAYGROUND_PORT` changes it. */
export const DEFAULT_PLAYGROUND_PORT = 56150;

/**
 * Settings that put the bot in local mode whatever `.env` says: no Teams or Slack credentials
 * (the Playground signs nothing, so an authenticating bot would refuse it), loopback only, not
 * production. Empty values count as unset (config.ts), and `.env` never overrides a variable
 * that is already set, even to nothing.
 */
export const LOCAL_MODE_ENV: Readonly<Record<string, string>> = {
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppTenantId: '',
  SLACK_BOT_TOKEN: '',
  SLACK_SIGNING_SECRET: '',
  SLACK_APP_TOKEN: '',
  HOST: '127.0.0.1',
  NODE_ENV: 'development',
};

/** True when `.env` or the environment holds Teams or Slack credentials that the playground will not use. */
export function ignoresCredentials(env: NodeJS.ProcessEnv): boolean {
  return ['MicrosoftAppId', 'MicrosoftAppPassword', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'].some((k) => !!env[k]);
}

/**
 * Telemetry off. `--disable-telemetry` stops the Playground's own events, but it still starts the
 * Application Insights SDK, which on its own posts SDK statistics ("statsbeat") to Microsoft within
 * seconds of starting and a heartbeat every 15 minutes. These two SDK settings stop those too.
 */
export const TELEMETRY_OFF_ENV: Readonly<Record<string, string>> = {
  APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
  APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: JSON.stringify({ disableStatsbeat: true, enableAutoCollectHeartbeat: false, enableAutoCollectPreAggregatedMetrics: false }),
};

/** What to run: the bot on `botPort`, the Playground on `playgroundPort`, and where each is reached. */
export interface LaunchPlan {
  bot: { args: string[]; env: NodeJS.ProcessEnv; endpoint: string; health: string };
  playground: { args: string[]; env: NodeJS.ProcessEnv; url: string };
}

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The Playground's command-line entry point, from the installed (pinned) package. */
export function playgroundCli(): string {
  return join(dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
}

/**
 * Both command lines. The Playground is told the bot's endpoint and its own connector address
 * (on 127.0.0.1, where it listens) so replies come straight back; it keeps its log, which holds
 * every message typed, in `logFile` rather than a `devTools` folder in the project.
 */
export function launchPlan(env: NodeJS.ProcessEnv, ports: { bot: number; playground: number }, logFile: string): LaunchPlan {
  const botBase = `http://127.0.0.1:${ports.bot}`;
  const playgroundBase = `http://127.0.0.1:${ports.playground}`;
  const endpoint = `${botBase}/api/messages`;
  return {
    bot: {
      // As `npm start` runs it.
      args: ['--import', 'tsx', 'src/main.ts'],
      env: { ...env, ...LOCAL_MODE_ENV, PORT: String(ports.bot) },
      endpoint,
      health: `${botBase}/healthz`,
    },
    playground: {
      args: [
        '--import', join(here, 'loopback-only.mjs'),
        playgroundCli(),
        '--app-endpoint', endpoint,
        '--channel-id', 'msteams',
        '--port', String(ports.playground),
        '--service-url', `${playgroundBase}/_connector`,
        '--disable-telemetry',
      ],
      env: { ...env, ...TELEMETRY_OFF_ENV, M365_AGENTS_PLAYGROUND_LOGFILE: logFile },
      url: playgroundBase,
    },
  };
}
