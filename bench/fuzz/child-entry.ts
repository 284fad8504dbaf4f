/**
 * The bot as `npm start` runs it, for the fuzzer's child process, with one difference: Slack's Web
 * API is the fuzzer's loopback fake (`--slack-api-url`), through the same test-only override the
 * tests use, so production gains no setting that points Slack elsewhere. Settings come from the
 * environment the fuzzer gives it (never from `.env`). When listening, it writes
 * `{"pid":…,"port":…}` to `--ready-file`, so the fuzzer samples this process's memory, whatever
 * launched it.
 *
 * Usage: node --import tsx bench/fuzz/child-entry.ts --slack-api-url URL --ready-file PATH
 */
import { renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { AppError } from '../../src/core/errors.js';
import { createLogger } from '../../src/logger.js';
import { listen } from '../../src/server/http-server.js';
import { startBot } from '../../src/server/start-bot.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'slack-api-url': { type: 'string' }, 'ready-file': { type: 'string' } } });
  const slackApiUrl = values['slack-api-url'];
  const readyFile = values['ready-file'];
  if (!slackApiUrl || !readyFile) throw new AppError('child-entry needs --slack-api-url and --ready-file.', 'config');
  const config = loadConfig();
  const log = createLogger(config.logLevel, 'bot');
  const bot = await startBot(config, log, { slackApiUrl });
  const port = await listen(bot.server, config.server.host, config.server.port);
  // Written then renamed, so the fuzzer never reads half a file.
  writeFileSync(`${readyFile}.tmp`, JSON.stringify({ pid: process.pid, port, teams: !!bot.teams, slack: bot.slack?.mode ?? 'off' }));
  renameSync(`${readyFile}.tmp`, readyFile);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await bot.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  const message = err instanceof AppError ? err.message : `Unexpected error: ${(err as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
