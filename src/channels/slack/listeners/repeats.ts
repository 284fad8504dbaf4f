import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { Once, type KeyStore } from '../../../app/once.js';
import type { Logger } from '../../../logger.js';

/**
 * Slack retries an event it thinks failed (X-Slack-Retry-Num) and may deliver one twice; Bolt
 * passes both on. Bolt has already acknowledged events by now, so a repeat is simply dropped.
 * Event ids are kept for an hour in the data folder (`store`), so a retry after a restart is dropped too.
 */
export function skipRepeatedEvents(store: KeyStore, log: Logger): Middleware<AnyMiddlewareArgs> {
  const seen = new Once<never>({ ttlMs: 60 * 60_000, persist: { store, namespace: 'slack-event:' } });
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && (await seen.seen(eventId))) {
      log.info('repeated event skipped', { retry: context.retryNum ?? 0 });
      return;
    }
    await next();
  };
}
