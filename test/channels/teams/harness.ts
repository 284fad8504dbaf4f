import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Assistant } from '../../../src/app/assistant.js';
import { startCore, type Core } from '../../../src/app/bootstrap.js';
import { FormSubmissions } from '../../../src/app/form-submissions.js';
import { Outbox, TEAMS_CONVERSATION_LIMITS } from '../../../src/app/outbox.js';
import { startTeamsChannel, type TeamsChannel } from '../../../src/channels/teams/teams-channel.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { createHttpServer, listen } from '../../../src/server/http-server.js';
import { startFakeConnector, type FakeConnector } from './fake-connector.js';

export const AAD = { sendco: '00000000-0000-0000-0000-00000000005e', teacher: '00000000-0000-0000-0000-00000000007e', admin: '00000000-0000-0000-0000-0000000000ad', stranger: '00000000-0000-0000-0000-000000000051' };
export const STAFF = {
  staff: [
    { id: `teams:${AAD.sendco}`, role: 'sendco', schoolId: 'oak-primary' },
    { id: `teams:${AAD.teacher}`, role: 'teacher', schoolId: 'elm-high' },
    { id: `teams:${AAD.admin}`, role: 'admin' },
  ],
};

type Json = Record<string, unknown>;

export interface HarnessOptions {
  env?: Record<string, string>;
  /** False makes unknown people strangers, as with real Teams credentials. */
  localMode?: boolean;
  answerWithinMs?: number;
  /** Longest one Bot Connector call may take (ms); production's is 15 s. */
  callTimeoutMs?: number;
}

/** The real server, Teams adapter and core on a temp data folder, talking to a fake Bot Connector. */
export async function teamsHarness(opts: HarnessOptions = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'gr-teams-'));
  const staffFile = join(dataDir, 'staff-roles.json');
  await writeFile(staffFile, JSON.stringify(STAFF));
  const connector: FakeConnector = await startFakeConnector();
  const config = loadConfig({ DATA_DIR: join(dataDir, 'data'), STAFF_FILE: staffFile, LOG_LEVEL: 'silent', ...opts.env });
  const core: Core = await startCore(config, { now: () => new Date('2026-11-20T10:00:00Z') });
  const localMode = opts.localMode ?? true;
  const assistant = new Assistant(core, { localMode, log: silentLogger });
  const server = createHttpServer(silentLogger);
  // Real pacing and retries, with short backoff so a 429 test takes milliseconds, not seconds.
  const outbox = new Outbox({ limits: TEAMS_CONVERSATION_LIMITS, maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 50 });
  const teams: TeamsChannel = await startTeamsChannel(server, core, assistant, new FormSubmissions(assistant), { localMode, log: silentLogger, outbox, ...(opts.answerWithinMs ? { answerWithinMs: opts.answerWithinMs } : {}), ...(opts.callTimeoutMs ? { callTimeoutMs: opts.callTimeoutMs } : {}) });
  const port = await listen(server, '127.0.0.1', 0);
  const base = `http://127.0.0.1:${port}`;
  let seq = 0;

  const activity = (who: string, extra: Json): Json => ({
    id: `act-${++seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: `29:${who}`, aadObjectId: who, name: 'Staff member' },
    conversation: { id: `a:personal-${who}`, conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:bot', name: 'Graduated Response' },
    ...extra,
  });

  async function post(body: Json | string, headers: Record<string, string> = {}): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  return {
    base,
    core,
    teams,
    connector,
    dataDir,
    activity,
    post,
    /** A typed message; resolves with the card the bot posted back to the connector. */
    async say(who: string, text: string): Promise<Json> {
      const before = connector.calls.length;
      const a = activity(who, { type: 'message', text });
      const res = await post(a);
      if (res.status !== 200) throw new Error(`message got HTTP ${res.status}`);
      const call = await connector.waitFor((c) => connector.calls.indexOf(c) >= before && c.method === 'POST');
      return cardOf(call.body);
    },
    /** An Action.Execute press; resolves with the card Teams would show in place. */
    async press(who: string, action: { verb: string; data: Json }, inputs: Json = {}, replyToId = 'sent-1'): Promise<Json> {
      const res = await post(activity(who, { type: 'invoke', name: 'adaptiveCard/action', replyToId, value: { action: { type: 'Action.Execute', verb: action.verb, data: { ...action.data, ...inputs } }, trigger: 'manual' } }));
      if (res.status !== 200) throw new Error(`invoke got HTTP ${res.status}`);
      return res.body.value as Json;
    },
    async close() {
      server.close();
      await teams.close();
      await core.close();
      await connector.close();
    },
  };
}
export type TeamsHarness = Awaited<ReturnType<typeof teamsHarness>>;

export function cardOf(activity: Json): Json {
  const attachments = activity.attachments as { contentType: string; content: Json }[] | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) throw new Error('no adaptive card in the activity');
  return card;
}

/** Every value in a card tree, depth first, for finding actions, inputs and texts. */
export function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Json);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

export function actionsOf(card: Json, verb: string): { verb: string; title: string; data: Json }[] {
  const found: { verb: string; title: string; data: Json }[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && n.verb === verb) found.push(n as unknown as { verb: string; title: string; data: Json });
  });
  return found;
}

export function textOf(card: Json): string {
  const parts: string[] = [];
  walk(card, (n) => {
    if (typeof n.text === 'string') parts.push(n.text);
    if (typeof n.title === 'string' && typeof n.type === 'string' && n.type.startsWith('Action.')) parts.push(`[${n.title}]`);
    if (typeof n.label === 'string') parts.push(n.label);
  });
  return parts.join('\n');
}

export function inputsOf(card: Json): Json[] {
  const found: Json[] = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) found.push(n);
  });
  return found;
}

/**
 * Fills a form card as a careful member of staff would: required fields get a sensible answer,
 * optional ones are left blank unless given, yes/no questions are "no" unless given. Submits until
 * the form turns into a result (follow-up questions appear after earlier answers); resolves with its text.
 */
export async function completeForm(h: TeamsHarness, who: string, card: Json, answers: Record<string, string>): Promise<string> {
  for (let round = 0; round < 5; round++) {
    // A card that asks first has no submit of its own: its "no" (a careful answer) sends the form.
    const sends = actionsOf(card, 'form.submit');
    const answering = (a: { data: Json }) => Object.keys(a.data).some((k) => k.startsWith('q_'));
    const submit = sends.find((a) => !answering(a)) ?? sends.find((a) => Object.values(a.data).includes('no'));
    if (!submit) return textOf(card);
    card = await h.press(who, submit, formAnswers(card, answers));
  }
  throw new Error(`form did not finish: ${textOf(card)}`);
}

/** The inputs of a form card filled as `completeForm` fills them, keyed as Teams sends them (`q_<id>`). */
export function formAnswers(card: Json, answers: Record<string, string>): Json {
  const values: Json = {};
  for (const input of inputsOf(card)) {
    const id = String(input.id).replace(/^q_/, '');
    const choices = (input.choices as { value: string }[] | undefined)?.map((c) => c.value);
    if (id in answers) values[`q_${id}`] = answers[id];
    else if (typeof input.value === 'string' && input.value) values[`q_${id}`] = input.value;
    else if (!input.isRequired) values[`q_${id}`] = '';
    else if (choices?.includes('no')) values[`q_${id}`] = 'no';
    else if (choices) values[`q_${id}`] = choices[0];
    else if (input.type === 'Input.Date') values[`q_${id}`] = '2026-12-18';
    else if (input.type === 'Input.Number') values[`q_${id}`] = '1';
    else values[`q_${id}`] = 'Calmer mornings with a key adult check-in';
  }
  return values;
}
