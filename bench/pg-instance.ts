/**
 * One bot instance for bench/pg-instances.ts: the whole bot as `npm start` wires it (startBot: Teams
 * in local mode, Slack off, the reminder scheduler with its advisory-lock leadership), on the shared
 * DATABASE_URL, listening on PORT. The one difference from `npm start`: the clock starts at NOW (a
 * sending time, so reminders go out whatever the hour the bench is run) and runs on in real time.
 * Prints one JSON line `{ instance, port, event: 'ready' }` when it listens.
 */
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { listen } from '../src/server/http-server.js';
import { startBot } from '../src/server/start-bot.js';

const started = Date.now();
const base = Date.parse(process.env.NOW!);
const config = loadConfig();
const bot = await startBot(config, createLogger(config.logLevel, 'bot'), { now: () => new Date(base + Date.now() - started) });
const port = await listen(bot.server, config.server.host, config.server.port);
process.stdout.write(`${JSON.stringify({ instance: bot.core.database?.instanceId, port, event: 'ready' })}\n`);
