/**
 * Bounds for every call the bot makes to Teams or Slack. A service that accepts a connection and
 * never answers must not hold a conversation (or shutdown) for minutes, so each call gets a
 * deadline, and all of them are cut short when the bot is stopping.
 */

/** How long one call to the Bot Connector or the Slack Web API may take, in ms. */
export const CALL_TIMEOUT_MS = 15_000;

/** Codes of calls cut short by us. Neither is retried: a timed-out call may still have landed. */
export const CALL_TIMEOUT = 'CALL_TIMEOUT';
export const BOT_STOPPING = 'BOT_STOPPING';

/** A call we abandoned: `code` says why (CALL_TIMEOUT or BOT_STOPPING). Never carries the message sent. */
export class OutboundCallError extends Error {
  constructor(readonly code: typeof CALL_TIMEOUT | typeof BOT_STOPPING, options?: { cause?: unknown }) {
    super(code === CALL_TIMEOUT ? 'the call took too long and was abandoned' : 'the bot is stopping', options);
    this.name = 'OutboundCallError';
  }
}

/**
 * A signal for one call: it fires after `timeoutMs`, when `stopping` fires, or when the caller's
 * own signal does, whichever is first.
 */
export function callSignal(timeoutMs: number, stopping?: AbortSignal, own?: AbortSignal | null): AbortSignal {
  return AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(stopping ? [stopping] : []), ...(own ? [own] : [])]);
}

/** Turns an abort of `signal` into an OutboundCallError saying which bound was hit; other errors pass through. */
export function explainAbort(err: unknown, signal: AbortSignal, stopping?: AbortSignal): unknown {
  if (!signal.aborted) return err;
  return new OutboundCallError(stopping?.aborted ? BOT_STOPPING : CALL_TIMEOUT, { cause: err });
}

/** The Bot Connector refused or dropped the connection; the SDK's error is the cause. */
export class ConnectorUnreachableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('the Bot Connector could not be reached', options);
    this.name = 'ConnectorUnreachableError';
  }
}

/**
 * True when sending itself failed (abandoned, or the service could not be reached), anywhere in
 * the `cause` chain: then a second message to say sorry would only wait as long again.
 */
export function isSendFailure(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) if (e instanceof OutboundCallError || e instanceof ConnectorUnreachableError) return true;
  return false;
}
