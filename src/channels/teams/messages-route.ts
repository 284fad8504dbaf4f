import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../logger.js';
import { HttpRefusal, sendRefusal, type RefusalStatus } from '../../server/http-refusal.js';
import { rateLimitedLog } from '../../server/rate-limited-log.js';
import { readJsonBody } from '../../server/raw-json-body.js';
import { describeConsoleArgs, routeConsoleWithin } from '../../server/sdk-console.js';
import { readActivity } from './activity-shape.js';
import type { EdgeAdapter } from './edge-adapter.js';
import { originRefusal, serviceUrlRefusal } from './local-only.js';

/** Well above the largest real activity (a big Adaptive Card invoke is under 100 KB). */
const TEAMS_BODY_LIMIT_BYTES = 256 * 1024;

export interface MessagesRouteOptions {
  adapter: EdgeAdapter;
  logic: (context: TurnContext) => Promise<void>;
  /** Sign-in is off: serve only this machine's clients (local-only.ts). */
  localOnly: boolean;
  log: Logger;
  limitBytes?: number;
}

const SIGN_IN_ERRORS = new Set(['AuthenticationError', 'JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/** Maps anything thrown while handling a request to a fixed answer and a log tag (the error's class name only). */
function classify(err: unknown): { status: RefusalStatus; reason: string } {
  if (err instanceof HttpRefusal) return { status: err.status, reason: err.reason };
  const name = err instanceof Error ? err.constructor.name || err.name : typeof err;
  return { status: SIGN_IN_ERRORS.has(name) ? 401 : 500, reason: name };
}

/**
 * The `POST /api/messages` handler: reads the body as plain JSON with a cap, validates the
 * activity, applies the local-mode checks, then lets the SDK authenticate and run the turn.
 * Every refusal is a fixed JSON answer and one rate-limited log line (status and tag only);
 * console output from the SDK during the request goes to the logger, rate-limited too.
 */
export function messagesRoute(opts: MessagesRouteOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const warn = rateLimitedLog(opts.log);
  const limit = opts.limitBytes ?? TEAMS_BODY_LIMIT_BYTES;
  const sdkConsole = (level: string, args: unknown[]) => {
    const what = describeConsoleArgs(args);
    warn(`sdk ${level} ${what}`, 'sdk console output', { level, what });
  };
  return async (req, res) => {
    try {
      const foreign = opts.localOnly ? originRefusal(req.headers) : undefined;
      if (foreign) throw new HttpRefusal(403, foreign);
      const activity = readActivity(await readJsonBody(req, limit));
      if (!activity) throw new HttpRefusal(400, 'activity-shape');
      const local = opts.localOnly ? serviceUrlRefusal(activity) : undefined;
      if (local) throw new HttpRefusal(403, local);
      const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
      const invoke = await routeConsoleWithin(sdkConsole, () => opts.adapter.handle(auth, activity, opts.logic));
      // The SDK answers an invoke nobody handles with an empty 501. The app declares no such invoke
      // (no message extensions, no tabs), so only a malformed or foreign request gets here: say so.
      if (invoke?.status === 501) throw new HttpRefusal(400, 'invoke-not-handled');
      const body = invoke?.body === undefined ? undefined : JSON.stringify(invoke.body);
      res.writeHead(invoke?.status ?? 200, body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (err) {
      const { status, reason } = classify(err);
      warn(`teams ${status} ${reason}`, 'teams request refused', { status, reason });
      sendRefusal(res, status);
    }
  };
}
