import type { ServerResponse } from 'node:http';

/** Fixed, user-safe answers for requests refused at the edge; nothing internal ever goes in them. */
const REFUSALS = {
  400: { code: 'BadRequest', message: 'That request is not a Bot Framework activity this bot can read.' },
  401: { code: 'Unauthorized', message: 'This request is not signed by the Bot Framework.' },
  403: { code: 'Forbidden', message: 'In local mode the bot only answers clients on this machine.' },
  413: { code: 'PayloadTooLarge', message: 'That request is too large.' },
  415: { code: 'UnsupportedMediaType', message: 'Send the request as uncompressed application/json.' },
  500: { code: 'InternalError', message: 'Sorry, something went wrong on our side.' },
} as const;
export type RefusalStatus = keyof typeof REFUSALS;

/**
 * A request turned away before (or instead of) the bot: `status` picks a fixed answer from
 * REFUSALS; `reason` is a short internal tag for the log (never sent to the client).
 */
export class HttpRefusal extends Error {
  constructor(
    readonly status: RefusalStatus,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'HttpRefusal';
  }
}

/**
 * Writes the fixed JSON answer for `status` (shape `{ code, message }`, as restify's own errors);
 * `wording` replaces a message where an endpoint speaks for another platform (Slack). After a 413
 * or 415 the body was not (fully) read, so the connection is closed after the answer: a client
 * streaming a huge body cannot keep it busy.
 */
export function sendRefusal(res: ServerResponse, status: RefusalStatus, wording: Partial<Record<RefusalStatus, string>> = {}): void {
  if (res.headersSent) return void res.end();
  const body = JSON.stringify({ code: REFUSALS[status].code, message: wording[status] ?? REFUSALS[status].message });
  const unread = status === 413 || status === 415;
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(unread ? { connection: 'close' } : {}) });
  res.end(body);
}
