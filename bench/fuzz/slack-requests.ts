import fc from 'fast-check';
import { ACTION, CALLBACK } from '../../src/channels/slack/blocks/ids.js';
import { genuine, signingHeaders, signingLabel, type BuildContext, type FuzzRequest, type Signing } from './fuzz-request.js';
import { jsonArb, signingArb, textArb } from './shared-arbitraries.js';

type Json = Record<string, unknown>;

/** The SENDCo in the fuzzer's staff file (team T0001); other users are strangers. */
export const SLACK_SENDCO = 'U0FUZZSENDCO';
export const SLACK_TEAM = 'T0001';

/** A Slack body before it is sent: JSON events or a form; fields may depend on the fake's URL. */
interface Shape {
  kind: string;
  form: boolean;
  fields: (ctx: BuildContext) => Json;
}

const userArb = fc.oneof(fc.constant(SLACK_SENDCO), fc.integer({ min: 1, max: 50 }).map((n) => `U0STRANGER${n}`));
/** Mostly the fake API's response_url; sometimes one that refuses or is not a URL (never off this machine). */
const responseUrlArb = fc.oneof({ weight: 20, arbitrary: fc.constant('fake') }, { weight: 1, arbitrary: fc.constantFrom('http://127.0.0.1:1/respond', 'not a url', '') });
const responseUrl = (kind: string, ctx: BuildContext) => (kind === 'fake' ? `${ctx.slackUrl}respond/1` : kind);

const eventArb: fc.Arbitrary<Json> = fc.oneof(
  fc.record({ user: userArb, text: textArb, ts: fc.constant('1700000000.000100') }).map((e) => ({ type: 'message', channel_type: 'im', channel: `D${e.user}`, ...e })),
  fc.record({ user: userArb, text: textArb }).map((e) => ({ type: 'message', subtype: 'file_share', channel_type: 'im', channel: 'D1', files: [{ id: 'F1', name: 'x.txt' }], ts: '1.2', ...e })),
  fc.record({ user: userArb, text: textArb }).map((e) => ({ type: 'app_mention', channel: 'C0GENERAL', ts: '1.2', ...e })),
  fc.record({ user: userArb, tab: fc.constantFrom('home', 'messages', 'x') }).map((e) => ({ type: 'app_home_opened', ...e })),
  fc.record({ type: fc.constantFrom('reaction_added', 'member_joined_channel', 'app_uninstalled', 'tokens_revoked', 'fuzz', '') }).map((e) => ({ ...e, user: 'U1' })),
);

/** Events API bodies (JSON): callbacks, the URL check and oddities. */
const eventsArb: fc.Arbitrary<Shape> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ event: eventArb, id: fc.integer({ min: 1, max: 1e9 }) }).map(({ event, id }) => ({ kind: `event:${String(event.type) || 'empty'}`, form: false, fields: () => ({ token: 'x', team_id: SLACK_TEAM, api_app_id: 'A1', type: 'event_callback', event_id: `EvFuzz${id}`, event_time: 1, event: structuredClone(event) }) })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((challenge) => ({ kind: 'url_verification', form: false, fields: () => ({ type: 'url_verification', token: 'x', challenge }) })) },
  { weight: 1, arbitrary: fc.constantFrom('app_rate_limited', 'block_actions', 'fuzz', '').map((type) => ({ kind: `envelope:${type || 'empty'}`, form: false, fields: () => ({ type, team_id: SLACK_TEAM }) })) },
);

const actionIdArb = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...Object.values(ACTION)).chain((a) => fc.constantFrom(a, `${a}:1`, `${a}:12`)) }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) });
const valueArb = fc.oneof(textArb, jsonArb.map((v) => JSON.stringify(v)), fc.constant(JSON.stringify({ dialogId: 'new-pupil', prefill: {} })), fc.constant('{"dialogId":"pcp"'));

/** Interactivity (`payload=` form): buttons, modal submits and closes, shortcuts, and a broken payload. */
const interactivityArb: fc.Arbitrary<Shape> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ user: userArb, actionId: actionIdArb, value: valueArb, container: fc.constantFrom('message', 'view') }).map(({ user, actionId, value, container }) => ({ kind: 'block_actions', form: true, fields: (ctx: BuildContext) => ({ payload: JSON.stringify({ type: 'block_actions', team: { id: SLACK_TEAM, domain: 'oak' }, user: { id: user, team_id: SLACK_TEAM, name: 'staff' }, api_app_id: 'A1', token: 'x', trigger_id: 'trig-1', container: { type: container }, actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, action_ts: '1.2' }], ...(container === 'message' ? { response_url: `${ctx.slackUrl}respond/2`, channel: { id: 'D1' } } : { view: { id: 'V1', hash: 'h1' } }) }) }) })) },
  { weight: 3, arbitrary: fc.record({ user: userArb, callback: fc.oneof(fc.constantFrom(...Object.values(CALLBACK)), fc.string({ maxLength: 20 })), meta: fc.oneof(fc.constant('{"dialogId":"new-pupil","formId":"f1","shown":[]}'), fc.string({ maxLength: 60 })), values: fc.dictionary(fc.string({ maxLength: 12 }), fc.dictionary(fc.constantFrom('value', 'x'), jsonArb, { maxKeys: 2 }), { maxKeys: 4 }), type: fc.constantFrom('view_submission', 'view_closed') }).map(({ user, callback, meta, values, type }) => ({ kind: type, form: true, fields: () => ({ payload: JSON.stringify({ type, team: { id: SLACK_TEAM }, user: { id: user, team_id: SLACK_TEAM }, api_app_id: 'A1', token: 'x', trigger_id: 't', view: { id: 'V1', type: 'modal', callback_id: callback, private_metadata: meta, state: { values }, hash: 'h' } }) }) })) },
  { weight: 1, arbitrary: fc.constantFrom('shortcut', 'message_action', 'block_suggestion', 'fuzz').map((type) => ({ kind: `payload:${type}`, form: true, fields: () => ({ payload: JSON.stringify({ type, team: { id: SLACK_TEAM }, user: { id: 'U1' }, callback_id: 'x', trigger_id: 't' }) }) })) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('null', '[]', '1', '{"type":null}')).map((payload) => ({ kind: 'payload:broken', form: true, fields: () => ({ payload }) })) },
);

/** Slash commands, form-encoded as Slack sends them. */
const commandArb: fc.Arbitrary<Shape> = fc.record({ user: userArb, text: textArb, command: fc.oneof({ weight: 6, arbitrary: fc.constant('/graduated') }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), url: responseUrlArb }).map(({ user, text, command, url }) => ({
  kind: 'command',
  form: true,
  fields: (ctx: BuildContext) => ({ token: 'x', team_id: SLACK_TEAM, team_domain: 'oak', channel_id: 'C0GENERAL', channel_name: 'general', user_id: user, user_name: 'staff', command, text, api_app_id: 'A1', response_url: responseUrl(url, ctx), trigger_id: 'trig-1' }),
}));

/** One change to a Slack body's fields: one removed (null) or given another JSON value. */
const mutationArb = fc.oneof(
  fc.record({ key: fc.constantFrom('type', 'event', 'team_id', 'user_id', 'command', 'text', 'payload', 'event_id', 'token', 'trigger_id'), value: fc.option(jsonArb, { freq: 3 }) }),
  // The bot may post to response_url, so it only ever becomes a loopback port that refuses or not a URL.
  fc.record({ key: fc.constant('response_url'), value: fc.constantFrom(null, 'http://127.0.0.1:1/', 'not a url', 42) }),
);

/**
 * Category (c): Events API callbacks, interactivity payloads and slash commands, mostly signed with
 * the real secret, sometimes with fields removed or retyped, wrong signatures or stale and future
 * timestamps.
 */
export function slackRequestArb(): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({ shape: fc.oneof(eventsArb, interactivityArb, commandArb), signing: signingArb, mutations: fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 2 }) }), retry: fc.option(fc.constantFrom('1', '2', 'x'), { freq: 8 }) })
    .map(({ shape, signing, mutations, retry }) => {
      const wellFormed = mutations.length === 0 && genuine(signing as Signing);
      return {
        endpoint: 'slack' as const,
        label: `slack:${shape.kind}${mutations.length ? '+mutated' : ''}+${signingLabel(signing)}`,
        wellFormed,
        build: (ctx: BuildContext) => {
          const fields = shape.fields(ctx);
          for (const m of mutations) {
            if (m.value === null) delete fields[m.key];
            else fields[m.key] = m.value;
          }
          const body = Buffer.from(shape.form ? new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')])).toString() : JSON.stringify(fields));
          const contentType = shape.form ? 'application/x-www-form-urlencoded' : 'application/json';
          return { body, headers: { 'content-type': contentType, ...signingHeaders(signing, body, ctx), ...(retry ? { 'x-slack-retry-num': retry, 'x-slack-retry-reason': 'http_timeout' } : {}) } };
        },
      };
    });
}
