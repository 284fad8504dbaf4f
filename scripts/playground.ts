/**
 * `npm run playground`: the bot in local mode and Microsoft 365 Agents Playground together, to see
 * the bot's Teams cards in a browser with no Teams, Azure or credentials. Ctrl-C stops both.
 *
 *   npm run playground                       # bot on PORT (3978), Playground on PLAYGROUND_PORT (56150)
 *   TEAMSAPPTESTER_BROWSER=none npm run playground   # don't open a browser
 *
 * The bot runs as `npm start` runs it, on the same data folder, so stop `npm start` first. Output
 * goes through process.stdout/stderr: the lint rule keeps console out of the codebase.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadConfig, loadDotEnv } from '../src/config.js';
import { AppError } from '../src/core/errors.js';
import { DEFAULT_PLAYGROUND_PORT, ignoresCredentials, launchPlan, LOCAL_MODE_ENV } from './playground/launch-plan.js';
import { freePort, isFree, waitForHealth } from './playground/ports.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BOT_READY_MS = 60_000;
const PLAYGROUND_READY_MS = 30_000;
/** Past the bot's own 10 s backstop, so a stop is never cut shorter than the bot allows itself. */
const STOP_MS = 15_000;

const say = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string) => process.stderr.write(`${line}\n`);

/** `PLAYGROUND_PORT`, or the Playground's own default; a wrong value stops start-up naming it. */
function wantedPlaygroundPort(env: NodeJS.ProcessEnv): number {
  const raw = env.PLAYGROUND_PORT || String(DEFAULT_PLAYGROUND_PORT);
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) throw new AppError('Setting PLAYGROUND_PORT is not valid: a whole number from 1 to 65535.', 'config');
  return port;
}

/** Resolves with the port the Playground says it listens on (it prints only that when not on a terminal). */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`the Playground did not start within ${PLAYGROUND_READY_MS / 1000} s`)), PLAYGROUND_READY_MS);
    lines.on('line', (line) => {
      const m = /^Listening on (\d+)$/.exec(line.trim());
      if (!m) return;
      clearTimeout(timer);
      resolve(Number(m[1]));
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error('the Playground stopped while starting'));
    });
  });
}

async function main(): Promise<void> {
  loadDotEnv();
  const env = { ...process.env };
  // The bot checks its settings again; checking here first keeps a mistake to the bot's one line.
  const botPort = loadConfig({ ...env, ...LOCAL_MODE_ENV }).server.port;
  const wanted = wantedPlaygroundPort(env);
  const playgroundPort = (await isFree(wanted)) ? wanted : await freePort();
  if (playgroundPort !== wanted) say(`Port ${wanted} is in use, so the Playground uses ${playgroundPort}.`);
  if (ignoresCredentials(env)) say('Teams and Slack settings are not used here: the playground runs the bot in local mode.');

  // The Playground's log holds every message typed: keep it out of the project, and remove it afterwards.
  const logDir = mkdtempSync(join(tmpdir(), 'agents-playground-'));
  const plan = launchPlan(env, { bot: botPort, playground: playgroundPort }, join(logDir, 'playground.log'));
  const children: ChildProcess[] = [];
  let stopping = false;
  let keepLog = false;

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
    const exits = running.map((c) => new Promise((resolve) => c.once('exit', resolve)));
    for (const c of running) c.kill('SIGTERM');
    const cap = setTimeout(() => running.forEach((c) => c.kill('SIGKILL')), STOP_MS);
    await Promise.all(exits);
    clearTimeout(cap);
    if (keepLog) fail(`The Playground's log is in ${logDir} (it may hold what was typed: delete it when done).`);
    else rmSync(logDir, { recursive: true, force: true });
    process.exit(code);
  };
  // Ctrl-C reaches both children from the terminal as well; stop() makes sure, and waits for them.
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  // Both start at once (the Playground waits for the bot when its page loads); each stopping stops the other.
  const bot = spawn(process.execPath, plan.bot.args, { cwd: REPO_ROOT, env: plan.bot.env, stdio: ['ignore', 'inherit', 'inherit'] });
  const playground = spawn(process.execPath, plan.playground.args, { cwd: REPO_ROOT, env: plan.playground.env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(bot, playground);
  bot.once('exit', (code, signal) => {
    if (stopping) return;
    fail(`The bot stopped (${signal ?? `exit code ${code}`}), so the Playground is stopped too.`);
    void stop(1);
  });
  playground.once('exit', (code, signal) => {
    if (stopping) return;
    keepLog = true;
    fail(`The Playground stopped (${signal ?? `exit code ${code}`}), so the bot is stopped too.`);
    void stop(1);
  });

  const [botUp, port] = await Promise.all([
    waitForHealth(plan.bot.health, BOT_READY_MS, () => stopping || bot.exitCode !== null || bot.signalCode !== null),
    listeningPort(playground).catch((err: Error) => {
      if (stopping) return undefined;
      fail(`Could not start the Agents Playground: ${err.message}.`);
      keepLog = true;
      return undefined;
    }),
  ]);
  if (stopping) return;
  if (!botUp) {
    fail(`The bot did not answer at ${plan.bot.health} within ${BOT_READY_MS / 1000} s.`);
    return void stop(1);
  }
  if (port === undefined) return void stop(1);
  // Its replies go to the connector address it was given, so it must be on the port it was told.
  if (port !== playgroundPort) {
    fail(`The Playground took port ${port} instead of ${playgroundPort}; set PLAYGROUND_PORT to a free port and try again.`);
    return void stop(1);
  }

  say('');
  say(`Bot (local mode):   ${plan.bot.endpoint}`);
  say(`Agents Playground:  ${plan.playground.url}`);
  say('Open the Playground in a browser and type "help". Ctrl-C stops both.');
}

main().catch((err: unknown) => {
  fail(err instanceof AppError ? err.message : `npm run playground could not start: ${String((err as Error)?.message ?? err).split('\n')[0]}`);
  process.exit(1);
});
