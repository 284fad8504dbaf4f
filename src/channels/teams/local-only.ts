import type { IncomingHttpHeaders } from 'node:http';
import type { Activity } from 'botbuilder';
import { isLoopbackUrl } from '../../server/loopback.js';

/*
 * Local mode has no Bot Framework sign-in, so the endpoint must only serve this machine's own
 * clients (the Emulator, the Agents Playground, tests). Two checks, each made once per request:
 *  - originRefusal, on the headers before the body is read. Browsers add `Origin` to cross-site
 *    posts: one from a page that is not on loopback is refused (the Emulator sends none; the
 *    Playground's page is itself on localhost). A JSON post from another site needs a CORS
 *    preflight, which this server never grants, so with JSON-only bodies a web page cannot reach
 *    the bot at all.
 *  - serviceUrlRefusal, on the activity: replies go to its serviceUrl, so that must be on this
 *    machine too.
 * Each returns why the request is refused (a short tag for the log), or undefined to let it through.
 */

/** The header-only check, before the body is read: a page on another site gets 403 whatever it sends. */
export function originRefusal(headers: IncomingHttpHeaders): 'origin' | undefined {
  const origin = headers.origin;
  return origin !== undefined && !isLoopbackUrl(origin) ? 'origin' : undefined;
}

/** The activity's check: replies would go to its serviceUrl, which must be on this machine. */
export function serviceUrlRefusal(activity: Activity): 'service-url' | undefined {
  return isLoopbackUrl(activity.serviceUrl) ? undefined : 'service-url';
}
