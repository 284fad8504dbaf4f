import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotProcess, writeStaffFile, type ChildExit, type RssFigures, type Shutdown } from './bot-process.js';
import { startFakeConnector, startFakeSlackApi } from './fake-services.js';
import { PATHS, type BuildContext, type FuzzRequest } from './fuzz-request.js';
import { requestStream } from './request-stream.js';
import { send } from './send.js';
import { SLACK_SENDCO } from './slack-requests.js';
import { Tally } from './tally.js';
import { TEAMS_SENDCO } from './teams-activities.js';

export interface FuzzOptions {
  /** Requests to send (both endpoints together). */
  count: number;
  /** Stop after this many seconds even if `count` is not reached. */
  seconds: number;
  seed: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Per-request limit in ms; a request still unanswered is counted as a timeout. */
  timeoutMs: number;
}

export const DEFAULTS: FuzzOptions = { count: 12_000, seconds: 900, seed: 1, concurrency: 8, timeoutMs: 5_000 };

export interface FuzzResult {
  options: FuzzOptions;
  tally: Tally;
  stoppedBy: 'count' | 'seconds';
  exits: ChildExit[];
  rss: RssFigures[];
  shutdown: Shutdown;
  /** Lines of the child's output that were raw stack frames, and a few of them (redacted). */
  outputLines: number;
  stackLines: number;
  stackLineSamples: string[];
  tempFilesLeft: number;
  /** Calls the bot made to the fakes: Bot Connector, Slack Web API and response_url. */
  outbound: { connector: number; slack: number };
  ms: number;
  /** Why the run counts as failed; empty when it passes. */
  failures: string[];
}

/**
 * Starts the loopback fakes and the bot as a child process, posts generated requests to both
 * endpoints with bounded concurrency until `count` or `seconds` is reached, stops the bot with
 * SIGTERM and returns what it saw. Everything it starts is stopped and its temp folder removed.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const started = Date.now();
  const workDir = await mkdtemp(join(tmpdir(), 'gr-fuzz-'));
  const connector = await startFakeConnector();
  const slackApi = await startFakeSlackApi();
  const secret = randomBytes(24).toString('hex');
  const staffFile = join(workDir, 'staff-roles.json');
  writeStaffFile(staffFile, TEAMS_SENDCO, SLACK_SENDCO);
  const inFlight = new Map<number, string>();
  const tally = new Tally();
  const bot = new BotProcess({ workDir, slackApiUrl: slackApi.url, signingSecret: secret, staffFile }, () => ({ answered: tally.sent, inFlight: [...inFlight.values()], recent: [...tally.recent] }));
  try {
    await bot.start();
    const stream = requestStream(options.seed);
    // The time bound is for sending: start-up on a busy machine should not eat into it.
    const deadline = Date.now() + options.seconds * 1000;
    let next = 0;
    const worker = async () => {
      while (next < options.count && Date.now() < deadline) {
        const n = next++;
        const request: FuzzRequest = stream.next().value as FuzzRequest;
        const base = await bot.url();
        const ctx: BuildContext = { connectorUrl: connector.url, slackUrl: slackApi.url, secret, nowSeconds: Math.floor(Date.now() / 1000) };
        const built = request.build(ctx);
        inFlight.set(n, request.label);
        const answer = await send(`${base}${PATHS[request.endpoint]}`, built.headers, built.body, options.timeoutMs);
        inFlight.delete(n);
        tally.add(request, built, answer);
        if (answer.outcome === 'conn-error') await bot.settle();
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const stoppedBy = tally.sent >= options.count ? 'count' : 'seconds';
    const shutdown = await bot.stop();
    const result: Omit<FuzzResult, 'failures'> = {
      options,
      tally,
      stoppedBy,
      exits: bot.exits,
      rss: bot.rss,
      shutdown,
      outputLines: bot.outputLines,
      stackLines: bot.stackLines,
      stackLineSamples: bot.stackSamples,
      tempFilesLeft: bot.tempFilesLeft(),
      outbound: { connector: connector.calls(), slack: slackApi.calls() },
      ms: Date.now() - started,
    };
    return { ...result, failures: failuresOf(result) };
  } finally {
    await bot.stop().catch(() => undefined);
    await connector.close();
    await slackApi.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The check: no unexpected exits (nor an unclean stop), no 5xx for malformed input, no stack text in replies. */
function failuresOf(r: Omit<FuzzResult, 'failures'>): string[] {
  const f: string[] = [];
  if (r.exits.length) f.push(`the bot exited ${r.exits.length} time(s) while being fuzzed`);
  if (r.shutdown.killed || r.shutdown.code !== 0) f.push(`SIGTERM did not end the bot cleanly (${r.shutdown.killed ? 'killed after 10 s' : `exit ${r.shutdown.code ?? r.shutdown.signal}`})`);
  if (r.tally.serverErrorsOnMalformed.total) f.push(`${r.tally.serverErrorsOnMalformed.total} answer(s) 5xx to malformed input`);
  if (r.tally.stackText.total) f.push(`${r.tally.stackText.total} repl(ies) with stack-like text`);
  return f;
}
