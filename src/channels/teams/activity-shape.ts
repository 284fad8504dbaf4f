import type { Activity } from 'botbuilder';
import { z } from 'zod';

const id = z.string().min(1).max(1024);
const shortText = z.string().max(1024);
const isoTime = z.string().max(64).refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const account = z.object({ id, name: shortText.optional(), aadObjectId: shortText.optional() }).passthrough();
const httpUrl = z
  .string()
  .max(2048)
  .refine((s) => URL.canParse(s) && ['http:', 'https:'].includes(new URL(s).protocol), 'not an http(s) URL');
const objectValue = z.record(z.unknown());

/**
 * The fields this bot and the Bot Framework SDK read from an incoming activity, with sane
 * lengths; anything else passes through untouched. A value failing here would otherwise throw
 * deep inside the SDK or a handler (for instance a serviceUrl that is not a string).
 */
const activityShape = z
  .object({
    type: z.string().min(1).max(64),
    id: id,
    channelId: z.string().min(1).max(64),
    serviceUrl: httpUrl,
    conversation: z.object({ id, tenantId: shortText.optional(), conversationType: shortText.optional() }).passthrough(),
    from: account,
    recipient: account,
    name: z.string().max(256).optional(),
    text: z.string().max(50_000).optional(),
    // The SDK and teams-ai read these as strings; anything else failed the turn after a 200.
    locale: shortText.optional(),
    textFormat: shortText.optional(),
    action: shortText.optional(),
    value: z.union([objectValue, z.string().max(50_000)]).optional(),
    replyToId: shortText.optional(),
    timestamp: isoTime.optional(),
    localTimestamp: isoTime.optional(),
    expiration: isoTime.optional(),
    channelData: objectValue.optional(),
    entities: z.array(objectValue).max(100).optional(),
    attachments: z.array(z.object({ contentType: z.string().max(256) }).passthrough()).max(50).optional(),
    membersAdded: z.array(account).max(1000).optional(),
    membersRemoved: z.array(account).max(1000).optional(),
  })
  .passthrough()
  .superRefine((a, ctx) => {
    // teams-ai reads value.action.type and .verb for every card action invoke.
    if (a.type === 'invoke' && a.name === 'adaptiveCard/action') {
      const action = typeof a.value === 'object' ? a.value.action : undefined;
      if (!action || typeof action !== 'object' || typeof (action as { type?: unknown }).type !== 'string')
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['value', 'action'], message: 'card action without an action object' });
    }
  });

/**
 * Validates a parsed request body as an activity and turns its time fields into Dates, as the
 * SDK's own `validateAndFixActivity` does (keeping the raw strings beside them).
 * @returns the activity, or undefined when the body is not one this bot can read.
 */
export function readActivity(body: unknown): Activity | undefined {
  const parsed = activityShape.safeParse(body);
  if (!parsed.success) return undefined;
  const activity = parsed.data as Record<string, unknown>;
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['localTimestamp', 'rawLocalTimestamp'], ['expiration', 'rawExpiration']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}
