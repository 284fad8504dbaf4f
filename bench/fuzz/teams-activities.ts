import fc from 'fast-check';
import { VERB, VERBS } from '../../src/channels/teams/cards/actions.js';
import type { BuildContext, FuzzRequest } from './fuzz-request.js';
import { jsonArb, textArb } from './shared-arbitraries.js';

type Json = Record<string, unknown>;

/** The SENDCo in the fuzzer's staff file; everyone else is a stranger, as with real credentials. */
export const TEAMS_SENDCO = '00000000-0000-0000-0000-00000000f5e0';
const DIALOGS = ['new-pupil', 'pcp', 'review', 'psp', 'refer', 'exclusion', 'what-next', 'no-such-dialog'];

/**
 * Where replies go. Almost always the fake connector; rarely an address that refuses or is not a
 * URL. Never anything off this machine: only 127.0.0.1, [::1] or strings that are not URLs.
 */
type ServiceUrl = 'connector' | 'connector-odd-path' | 'refused-v4' | 'refused-v6' | 'not-a-url' | 'empty' | 'ftp' | 'javascript' | 'number' | 'null';
const serviceUrlArb = fc.oneof(
  { weight: 60, arbitrary: fc.constant<ServiceUrl>('connector') },
  { weight: 1, arbitrary: fc.constantFrom<ServiceUrl>('connector-odd-path', 'refused-v4', 'refused-v6', 'not-a-url', 'empty', 'ftp', 'javascript', 'number', 'null') },
);

function serviceUrl(kind: ServiceUrl, ctx: BuildContext): unknown {
  switch (kind) {
    case 'connector': return ctx.connectorUrl;
    case 'connector-odd-path': return `${ctx.connectorUrl}%zz/../`;
    case 'refused-v4': return 'http://127.0.0.1:1/';
    case 'refused-v6': return 'http://[::1]:1/';
    case 'not-a-url': return 'not a url';
    case 'empty': return '';
    case 'ftp': return 'ftp://127.0.0.1/';
    case 'javascript': return 'javascript:alert(1)';
    case 'number': return 42;
    case 'null': return null;
  }
}

/** Card data for each verb the bot knows, plus verbs it does not. */
const actionDataArb: fc.Arbitrary<Json> = fc.oneof(
  textArb.map((command) => ({ verb: VERB.command, command })),
  fc.record({ dialogId: fc.constantFrom(...DIALOGS), formId: fc.string({ minLength: 1, maxLength: 30 }), shown: fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }), answer: fc.string({ maxLength: 50 }) }).map((d) => ({ verb: VERB.submitForm, ...d })),
  fc.record({ dialogId: fc.constantFrom(...DIALOGS), formId: fc.string({ maxLength: 30 }) }).map((d) => ({ verb: VERB.cancelForm, ...d })),
  fc.record({ s_query: fc.string({ maxLength: 100 }), s_phase: fc.string({ maxLength: 10 }), s_age: jsonArb }).map((d) => ({ verb: VERB.search, ...d })),
  fc.record({ verb: fc.oneof(fc.string({ maxLength: 20 }), jsonArb) }, { requiredKeys: [] }),
);

/** An activity's own fields; `odd` when Teams would never send it to this bot (unknown verb, invoke name or type). */
interface Payload {
  kind: string;
  fields: Json;
  odd: boolean;
}

const KNOWN_VERBS: readonly unknown[] = VERBS;

/** The activity types Teams sends, and some it does not. */
const payloadArb: fc.Arbitrary<Payload> = fc.oneof(
  { weight: 5, arbitrary: textArb.map((text) => ({ kind: 'message', fields: { type: 'message', text }, odd: false })) },
  {
    weight: 4,
    arbitrary: fc.record({ data: actionDataArb, trigger: fc.constantFrom('manual', 'automatic') }).map(({ data, trigger }) => {
      const known = KNOWN_VERBS.includes(data.verb);
      return { kind: known ? 'invoke-action' : 'invoke-action-unknown-verb', fields: { type: 'invoke', name: 'adaptiveCard/action', replyToId: '1', value: { action: { type: 'Action.Execute', verb: data.verb, data }, trigger } }, odd: !known };
    }),
  },
  { weight: 1, arbitrary: fc.record({ name: fc.constantFrom('signin/verifyState', 'composeExtension/query', 'task/fetch', 'application/search', 'fileConsent/invoke', 'healthCheck', ''), value: jsonArb }).map(({ name, value }) => ({ kind: 'invoke-other', fields: { type: 'invoke', name, value }, odd: true })) },
  { weight: 1, arbitrary: fc.record({ added: fc.boolean(), bot: fc.boolean() }).map(({ added, bot }) => ({ kind: 'conversationUpdate', fields: { type: 'conversationUpdate', [added ? 'membersAdded' : 'membersRemoved']: [{ id: bot ? '28:bot' : '29:someone' }] }, odd: false })) },
  { weight: 1, arbitrary: fc.constantFrom('add', 'remove', 'add-upgrade', 'remove-upgrade').map((action) => ({ kind: 'installationUpdate', fields: { type: 'installationUpdate', action }, odd: false })) },
  { weight: 1, arbitrary: fc.constantFrom('messageReaction', 'event', 'typing', 'endOfConversation', 'messageUpdate', 'messageDelete', 'fuzz', '').map((type) => ({ kind: `type:${type || 'empty'}`, fields: { type }, odd: type === 'fuzz' || type === '' })) },
);

/** One change that makes an activity malformed: a field removed, retyped, or nested oddly. */
type Mutation = { op: 'delete'; path: string[] } | { op: 'set'; path: string[]; value: unknown } | { op: 'deep'; path: string[]; depth: number };
const PATHS = [['id'], ['type'], ['text'], ['from'], ['from', 'id'], ['from', 'aadObjectId'], ['conversation'], ['conversation', 'id'], ['conversation', 'conversationType'], ['recipient'], ['recipient', 'id'], ['channelId'], ['timestamp'], ['value'], ['value', 'action'], ['value', 'action', 'data'], ['value', 'action', 'verb'], ['name'], ['entities'], ['attachments'], ['channelData'], ['locale'], ['membersAdded'], ['replyToId']];
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...PATHS).map((path): Mutation => ({ op: 'delete', path })),
  { weight: 3, arbitrary: fc.record({ path: fc.constantFrom(...PATHS), value: jsonArb }).map(({ path, value }): Mutation => ({ op: 'set', path, value })) },
  fc.record({ path: fc.constantFrom(...PATHS), depth: fc.integer({ min: 100, max: 20_000 }) }).map(({ path, depth }): Mutation => ({ op: 'deep', path, depth })),
);

function apply(activity: Json, m: Mutation): void {
  let node: Json = activity;
  for (const key of m.path.slice(0, -1)) {
    const next = node[key];
    if (!next || typeof next !== 'object') return;
    node = next as Json;
  }
  const last = m.path[m.path.length - 1]!;
  if (m.op === 'delete') delete node[last];
  else if (m.op === 'set') node[last] = m.value;
  // JSON.stringify overflows the stack on deep objects, so the nesting is spliced in as text.
  else node[last] = `${DEEP}${m.depth}`;
}

const DEEP = '\u0000deep:';
const deepText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
/** The activity as JSON, with each deep-nesting marker replaced by that many nested objects. */
const serialise = (activity: Json) => JSON.stringify(activity).replace(/"\\u0000deep:(\d+)"/g, (_m, n: string) => deepText(Number(n)));

/**
 * Category (b): Bot Framework activities as Teams sends them, from a SENDCo or strangers in many
 * conversations (so the per-conversation pace never queues), then mutated; a few are left whole
 * as the well-formed control group.
 */
export function teamsActivityArb(): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      payload: payloadArb,
      sendco: fc.boolean(),
      who: fc.integer({ min: 1, max: 50 }),
      conversation: fc.integer({ min: 1, max: 300 }),
      id: fc.integer({ min: 1, max: 1e9 }),
      url: serviceUrlArb,
      mutations: fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) }),
    })
    .map(({ payload, sendco, who, conversation, id, url, mutations }) => {
      const aad = sendco ? TEAMS_SENDCO : `00000000-0000-0000-0000-${String(who).padStart(12, '0')}`;
      const wellFormed = mutations.length === 0 && url === 'connector' && !payload.odd;
      const tags = [mutations.length ? 'mutated' : '', url === 'connector' ? '' : `url:${url}`].filter(Boolean);
      return {
        endpoint: 'teams' as const,
        label: `teams:${payload.kind}${tags.map((t) => `+${t}`).join('')}`,
        wellFormed,
        build: (ctx: BuildContext) => {
          const activity: Json = {
            id: `fuzz-${id}`,
            timestamp: new Date(ctx.nowSeconds * 1000).toISOString(),
            channelId: 'msteams',
            serviceUrl: serviceUrl(url, ctx),
            from: { id: `29:${aad}`, aadObjectId: aad, name: 'Staff member' },
            conversation: { id: `a:fuzz-${conversation}`, conversationType: 'personal', tenantId: 'tenant-fuzz' },
            recipient: { id: '28:bot', name: 'Graduated Response' },
            ...structuredClone(payload.fields),
          };
          for (const m of mutations) apply(activity, m);
          return { headers: { 'content-type': 'application/json' }, body: Buffer.from(serialise(activity)) };
        },
      };
    });
}
