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
  const origin = headers.origin;
  if (origin !== undefined && !isLoopbackUrl(origin)) return 'origin';
  if (!isLoopbackUrl(activity.serviceUrl)) return 'service-url';
  return undefined;
}
