import { Assistant } from './app/assistant.js';
import { startCore } from './app/bootstrap.js';
import { FormSubmissions } from './app/form-submissions.js';
import { SLACK_EVENTS_PATH, startSlackChannel } from './channels/slack/slack-channel.js';
import { startTeamsChannel } from './channels/teams/teams-channel.js';
import { describeConfig, loadConfig, loadDotEnv } from './config.js';
import { AppError } from './core/errors.js';
import { createLogger } from './logger.js';
import { createHttpServer, listen } from './server/http-server.js';
import { listenMode } from './server/listen-policy.js';

/** `npm start`: one web server for every channel. Wiring only; each part explains itself. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'bot');
  const mode = listenMode(config);
  if (mode.warning) log.warn(mode.warning);
  const core = await startCore(config);
  // Local mode (no sign-in anywhere) only when Teams runs locally and Slack is off.
  const localMode = mode.teams === 'local' && !config.slack;
  const assistant = new Assistant(core, { localMode, log: log.child('assistant') });
  const forms = new FormSubmissions(assistant);
  const server = createHttpServer(log.child('http'));
  const teams = mode.teams === 'off' ? undefined : await startTeamsChannel(server, core, assistant, forms, { localMode, log: log.child('teams') });
  const slack = config.slack ? await startSlackChannel(server, config.slack, assistant, forms, { log: log.child('slack') }) : undefined;
  if (!slack) log.info('Slack is off: no SLACK_ settings. See docs/slack-setup.md to turn it on.');
  const port = await listen(server, config.server.host, config.server.port);
  const where = `http://${config.server.host}:${port}`;
  log.info('bot started', { settings: describeConfig(config), teams: teams ? `${where}/api/messages` : 'off', slack: slack ? (slack.mode === 'socket' ? 'socket mode' : `${where}${SLACK_EVENTS_PATH}`) : 'off' });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    server.close();
    await teams?.close();
    await slack?.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  const message = err instanceof AppError ? err.message : `Unexpected error: ${(err as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
