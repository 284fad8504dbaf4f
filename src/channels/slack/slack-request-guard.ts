import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../logger.js';
import { HttpRefusal, sendRefusal } from '../../server/http-refusal.js';
import { rateLimitedLog } from '../../server/rate-limited-log.js';
import { readRawBody } from '../../server/raw-json-body.js';
import { classifySlackBody } from './slack-body-shape.js';

/** Slack's payloads are small; a 100-block modal submission stays far below this. */
const SLACK_BODY_LIMIT_BYTES = 1024 * 1024;
/** Slack's rule: refuse a request whose timestamp is more than five minutes from now, either way. */
const WINDOW_SECONDS = 5 * 60;

/** Where the shared answers (http-refusal.ts) speak of the Bot Framework, Slack's edge names Slack. */
const SLACK_WORDING = {
  400: 'That request is not one Slack sends.',
  401: 'That request is not signed by Slack.',
} as const;

export interface SlackGuardOptions {
  signingSecret: string;
  log: Logger;
  limitBytes?: number;
  /** Epoch milliseconds; tests may pass their own. */
  now?: () => number;
}

/** True when `signature` is Slack's v0 HMAC of `v0:<timestamp>:<body>` and the timestamp is within the window. */
function slackSignatureValid(secret: string, timestamp: string | undefined, signature: string | undefined, body: Buffer, nowMs: number): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature) return false;
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > WINDOW_SECONDS) return false;
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * Stands in front of Bolt's HTTPReceiver.requestListener, and is the one signature check (Bolt's own
 * is off): reads the raw body once (with a cap), answers Slack's unsigned SSL probe itself, checks
 * Slack's signature over the raw bytes and the timestamp both ways, and answers 400 to bodies Bolt
 * would crash on or cannot route, so only signed, readable requests reach it. Those go on to `next`
 * with the same bytes as `req.rawBody`, which Bolt uses instead of reading the stream. Refusals are
 * the shared fixed answers (sendRefusal) and one rate-limited log line (status and tag).
 */
export function slackRequestGuard(opts: SlackGuardOptions, next: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const warn = rateLimitedLog(opts.log);
  const now = opts.now ?? Date.now;
  const refuse = (res: ServerResponse, status: 400 | 401 | 413, reason: string) => {
    warn(`slack ${status} ${reason}`, 'slack request refused', { status, reason });
    sendRefusal(res, status, SLACK_WORDING);
  };
  return async (req, res) => {
    let body: Buffer;
    try {
      body = await readRawBody(req, opts.limitBytes ?? SLACK_BODY_LIMIT_BYTES);
    } catch (err) {
      return refuse(res, err instanceof HttpRefusal && err.status === 413 ? 413 : 400, err instanceof HttpRefusal ? err.reason : 'read-failed');
    }
    const kind = classifySlackBody(req.headers['content-type'], body.toString('utf8'));
    // Unsigned by design, so answered here (200, empty, as Bolt would): nothing unsigned, nor
    // anything smuggled beside the probe, ever reaches Bolt.
    if (kind === 'ssl-check') {
      res.writeHead(200);
      return void res.end();
    }
    if (!slackSignatureValid(opts.signingSecret, header(req, 'x-slack-request-timestamp'), header(req, 'x-slack-signature'), body, now())) return refuse(res, 401, 'signature');
    if (kind === 'malformed') return refuse(res, 400, 'body-shape');
    // Bolt's bufferIncomingMessage takes a Buffer rawBody as the already-read body.
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    next(req, res);
  };
}
