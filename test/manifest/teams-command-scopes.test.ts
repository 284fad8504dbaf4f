import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_PATH } from '../../scripts/teams-package/paths.js';
import { AAD, botHarness, type BotHarness } from '../app/bot-harness.js';
import { cardOf, textOf } from '../channels/teams/harness.js';

/**
 * Each command the Teams manifest offers, picked in the scope it is offered in, as Teams sends it
 * (the title as the message, after an @mention in a channel or group chat), to the whole bot: it is
 * answered there, not refused or misunderstood.
 */

type Lists = { bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[] };
const lists = (JSON.parse(readFileSync(TEMPLATE_PATH, 'utf8')) as Lists).bots[0]!.commandLists;
const offered = (scope: string) => lists.find((l) => l.scopes.includes(scope))!.commands.map((c) => c.title);

const REFUSED = [/didn’t understand/, /Let’s talk about pupils in private/, /Run this in the LA team’s channel/, /Only an admin/, /not set up/, /don’t have a role/];

const CONVERSATIONS = {
  personal: (aad: string) => ({ id: `a:personal-${aad}`, conversationType: 'personal', tenantId: 't1' }),
  team: () => ({ id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: 't1' }),
  groupChat: () => ({ id: '19:staffroom@thread.v2', conversationType: 'groupChat', tenantId: 't1' }),
};

let h: BotHarness;
beforeAll(async () => {
  h = await botHarness();
});
afterAll(async () => {
  await h.close();
});

async function pick(scope: keyof typeof CONVERSATIONS, title: string): Promise<string> {
  // The SENDCo in their chat; the admin in a channel or group chat (only an admin links the LA's channel).
  const aad = scope === 'personal' ? AAD.sendco : AAD.admin;
  const conversation = CONVERSATIONS[scope](aad);
  const shared = scope !== 'personal';
  const text = shared ? `<at>Graduated Response</at> ${title}` : title;
  const entities = shared ? [{ type: 'mention', text: '<at>Graduated Response</at>', mentioned: { id: '28:bot', name: 'Graduated Response' } }] : [];
  const before = h.connector.calls.length;
  const res = await h.postTeams(h.activity(aad, { type: 'message', text, entities }, conversation));
  expect(res.status).toBe(200);
  const reply = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.method === 'POST' && c.conversationId === conversation.id);
  return textOf(cardOf(reply.body));
}

describe('Teams command lists, picked in their scope', () => {
  it.each((['personal', 'team', 'groupChat'] as const).flatMap((scope) => offered(scope).map((title) => [scope, title] as const)))('%s: "%s" is answered, not refused', async (scope, title) => {
    const said = await pick(scope, title);
    for (const refused of REFUSED) expect(said, said.slice(0, 200)).not.toMatch(refused);
  });

  it('the check can fail: pupil work picked in a group chat is refused', async () => {
    expect(await pick('groupChat', 'pcp')).toMatch(/Let’s talk about pupils in private/);
  });
});
