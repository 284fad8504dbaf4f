/**
 * `npm run fuzz [-- --count N --seconds S --seed N --concurrency N --timeout-ms N]`: posts generated
 * bodies to POST /api/messages and POST /slack/events of the bot running as a child process,
 * against loopback fakes of the Bot Connector and Slack's Web API, and prints what it saw. Exits 1
 * if the bot died, answered malformed input with a 5xx, or put stack-like text in a reply.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod/v4';
import { DEFAULTS, runFuzz, type FuzzOptions } from './fuzz.js';
import { formatReport } from './report.js';

const Options = z.object({
  count: z.coerce.number().int().min(1).default(DEFAULTS.count),
  seconds: z.coerce.number().positive().default(DEFAULTS.seconds),
  seed: z.coerce.number().int().default(DEFAULTS.seed),
  concurrency: z.coerce.number().int().min(1).max(64).default(DEFAULTS.concurrency),
  timeoutMs: z.coerce.number().int().min(100).default(DEFAULTS.timeoutMs),
});

function options(): FuzzOptions {
  const { values } = parseArgs({ options: { count: { type: 'string' }, seconds: { type: 'string' }, seed: { type: 'string' }, concurrency: { type: 'string' }, 'timeout-ms': { type: 'string' } } });
  const parsed = Options.safeParse({ ...values, timeoutMs: values['timeout-ms'] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`--${String(issue.path[0]).replace('timeoutMs', 'timeout-ms')} is not valid: ${issue.message}`);
  }
  return parsed.data;
}

try {
  const result = await runFuzz(options());
  console.log(formatReport(result));
  process.exitCode = result.failures.length ? 1 : 0;
} catch (err) {
  console.error(`npm run fuzz could not run: ${(err as Error).message}`);
  process.exitCode = 2;
}
