import { callSignal, explainAbort } from '../../app/outbound.js';

/** Options for {@link boundedFetch}. */
export interface BoundedFetchOptions {
  /** Longest one call to Slack (Web API or response_url) may take, in ms. */
  timeoutMs: number;
  /** Fires when the bot is stopping: every call still in flight is cut short. */
  stopping?: AbortSignal;
}

/**
 * The `fetch` Bolt and its Web API client send through (`clientOptions.fetch`, which Bolt also uses
 * for `respond()`): the platform fetch with a deadline and the bot's stop signal on every call.
 * Throws OutboundCallError (CALL_TIMEOUT or BOT_STOPPING) when either bound is hit.
 */
export function boundedFetch(opts: BoundedFetchOptions): (url: string | URL, init?: RequestInit) => Promise<Response> {
  return async (url, init = {}) => {
    const signal = callSignal(opts.timeoutMs, opts.stopping, init.signal);
    try {
      return await fetch(url, { ...init, signal });
    } catch (err) {
      throw explainAbort(err, signal, opts.stopping);
    }
  };
}
