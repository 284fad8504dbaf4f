import { describeConfig, loadConfig, loadDotEnv } from './config.js';
import { SLACK_EVENTS_PATH } from './channels/slack/slack-channel.js';
import { AppError } from './core/errors.js';
import { createLogger } from './logger.js';
import { warmUp } from './pdf/render-pdf.js';
import { listen } from './server/http-server.js';
import { startBot } from './server/start-bot.js';

/** `npm start`: one web server for every channel. Wiring lives in start-bot.ts. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'bot');
  const bot = await startBot(config, log);
  const port = await listen(bot.server, config.server.host, config.server.port);
  const where = `http://${config.server.host}:${port}`;
  const slack = bot.slack ? (bot.slack.mode === 'socket' ? 'socket mode' : `${where}${SLACK_EVENTS_PATH}`) : 'off';
  // The first PDF in a process pays for reading its fonts; pay it now, not in someone's turn.
  void warmUp().catch((err: Error) => log.warn('pdf warm-up failed', { error: err.name }));
  log.info('bot started', { settings: describeConfig(config), teams: bot.teams ? `${where}/api/messages` : 'off', slack, calendar: bot.core.calendar.hasTerms ? 'term dates loaded' : 'no term dates: weekdays except bank holidays' });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    // close() bounds itself (grace, then outbound calls are cut short); this is the backstop if a
    // store write or a socket still hangs, so a supervisor's SIGTERM always ends the process.
    setTimeout(() => {
      log.error('stopping took too long; exiting anyway', { signal });
      process.exit(1);
    }, 10_000).unref();
    await bot.close().catch((err: Error) => log.error('stopping failed', { error: err.name }));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  // One line: an operator reads this in a service log; the full error is not for them.
  const message = err instanceof AppError ? err.message : `The bot could not start: ${String((err as Error)?.message ?? err).split('\n')[0]}. Check the settings in .env (see .env.example).`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
