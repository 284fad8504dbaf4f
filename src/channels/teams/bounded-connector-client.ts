import { toHttpHeadersLike, type CompatResponse, type RequestPolicy, type WebResourceLike } from '@azure/core-http-compat';
import { createDefaultHttpClient, createHttpHeaders, createPipelineRequest } from '@azure/core-rest-pipeline';
import { callSignal, ConnectorUnreachableError, explainAbort } from '../../app/outbound.js';

/** Options for {@link boundedConnectorHttpClient}. */
export interface BoundedConnectorOptions {
  /** Longest one HTTP call to the Bot Connector may take, in ms. */
  timeoutMs: number;
  /** Fires when the bot is stopping: every call still in flight is cut short. */
  stopping?: AbortSignal;
}

/**
 * The HTTP client the Bot Connector client sends through (its `connectorClientOptions.httpClient`):
 * the SDK's own default client, with a deadline and the bot's stop signal on every call.
 *
 * A connection-level failure (refused, reset, timed out) comes back as a plain Error whose `cause`
 * is the SDK's error, not as a RestError, so the SDK's retry policy passes it straight up (it
 * would otherwise try four times over about 30 s): the outbox is the one retry layer, with its
 * short backoff. HTTP answers (429, 5xx) still reach the SDK's policy as before.
 * Errors thrown: OutboundCallError (CALL_TIMEOUT or BOT_STOPPING), or Error with the cause.
 */
export function boundedConnectorHttpClient(opts: BoundedConnectorOptions): RequestPolicy {
  const inner = createDefaultHttpClient();
  return {
    sendRequest: async (resource: WebResourceLike): Promise<CompatResponse> => {
      const signal = callSignal(opts.timeoutMs, opts.stopping, resource.abortSignal as AbortSignal | undefined);
      const request = createPipelineRequest({
        url: resource.url,
        method: resource.method,
        headers: createHttpHeaders(resource.headers.toJson({ preserveCase: true })),
        body: resource.body as string | undefined,
        abortSignal: signal,
        // As the SDK's own client decides it: plain http only when the serviceUrl is http (local mode).
        allowInsecureConnection: resource.url.startsWith('http:'),
        ...(resource.requestId ? { requestId: resource.requestId } : {}),
      });
      try {
        const res = await inner.sendRequest(request);
        // `request` is the SDK's own resource, so its pipeline finds the operation it belongs to.
        return { request: resource, status: res.status, headers: toHttpHeadersLike(res.headers), ...(res.bodyAsText !== undefined ? { bodyAsText: res.bodyAsText } : {}) };
      } catch (err) {
        const explained = explainAbort(err, signal, opts.stopping);
        if (explained !== err) throw explained;
        throw new ConnectorUnreachableError({ cause: err });
      }
    },
  };
}
