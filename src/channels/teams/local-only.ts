import type { IncomingHttpHeaders } from 'node:http';
import type { Activity } from 'botbuilder';
import { isLoopbackUrl } from '../../server/loopback.js';

/**
 * Local mode has no Bot Framework sign-in, so the endpoint must only serve this machine's own
 * clients (the Emulator, the Agents Playground, tests). Browsers add `Origin` to cross-site posts:
 * one from a page that is not on loopback is refused (the Emulator sends none; the Playground's
 * page is itself on localhost). A JSON post from another site needs a CORS preflight, which this
 * server never grants, so with JSON-only bodies a web page cannot reach the bot at all. Replies go
 * to the activity's serviceUrl, so that must be on this machine too.
 * @returns why the request is refused (a short tag for the log), or undefined to let it through.
 */
export function localModeRefusal(headers: IncomingHttpHeaders, activity: Activity): 'origin' | 'service-url' | undefined {
  return originRefusal(headers) ?? (isLoopbackUrl(activity.serviceUrl) ? undefined : 'service-url');
}

/** The header-only part, checked before the body is read: a page on another site gets 403 whatever it sends. */
export function originRefusal(headers: IncomingHttpHeaders): 'origin' | undefined {
  const origin = headers.origin;
  return origin !== undefined && !isLoopbackUrl(origin) ? 'origin' : undefined;
}
