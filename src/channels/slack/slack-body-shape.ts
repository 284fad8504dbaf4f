import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';

const FORM = 'application/x-www-form-urlencoded';
const text = z.string().max(10_000);

/** Events API bodies (JSON): the fields Bolt reads before any listener runs. */
const jsonBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url_verification'), challenge: z.string().min(1).max(1000) }).passthrough(),
  z.object({ type: z.literal('event_callback'), event: z.object({ type: z.string().min(1).max(100) }).passthrough() }).passthrough(),
  z.object({ type: z.literal('app_rate_limited') }).passthrough(),
]);

/** Interactivity payloads (the `payload` form field, JSON): Bolt routes on these fields. */
const payloadBody = z.union([
  z.object({ type: z.literal('block_actions'), actions: z.array(z.object({ action_id: text }).passthrough()).min(1).max(100) }).passthrough(),
  z.object({ type: z.enum(['view_submission', 'view_closed']), view: z.object({ callback_id: text.optional() }).passthrough() }).passthrough(),
  z.object({ type: z.enum(['shortcut', 'message_action', 'block_suggestion', 'interactive_message', 'dialog_submission']) }).passthrough(),
]);

/**
 * Slash commands (form fields). Bolt routes a body with an `event` field as an event whatever
 * else it holds, and Slack never form-encodes events, so such a body is refused here.
 */
const commandBody = z
  .object({ command: z.string().startsWith('/').max(100), text: text.optional(), user_id: text, team_id: text })
  .passthrough()
  .refine((form) => !('event' in form), 'a slash command carries no event');

/**
 * What Bolt's HTTPReceiver would make of this body, decided exactly as it does (form-encoded only
 * for that exact content type, a `payload` field parsed as JSON, otherwise the body as JSON).
 * @returns 'ssl-check' for Slack's unsigned SSL probe (Bolt answers it itself), 'ok' for a body
 * Bolt and our listeners can read, 'malformed' for anything else (null, arrays, bad JSON, …).
 */
export function classifySlackBody(contentType: string | undefined, raw: string): 'ok' | 'ssl-check' | 'malformed' {
  try {
    if (contentType === FORM) {
      const form = parseQuery(raw);
      if (form.ssl_check === '1') return 'ssl-check';
      if (typeof form.payload === 'string') return payloadBody.safeParse(JSON.parse(form.payload)).success ? 'ok' : 'malformed';
      return commandBody.safeParse(form).success ? 'ok' : 'malformed';
    }
    return jsonBody.safeParse(JSON.parse(raw)).success ? 'ok' : 'malformed';
  } catch {
    return 'malformed';
  }
}
