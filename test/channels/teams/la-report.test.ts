import { afterEach, describe, expect, it } from 'vitest';
import { saveLaCases } from '../../helpers/la-world.js';
import { FILE_CONSENT_CARD } from '../../../src/channels/teams/file-consent.js';
import { cardProblems } from './cards/parse-card.js';
import { AAD, teamsHarness, textOf, walk, type TeamsHarness } from './harness.js';

let h: TeamsHarness;
type Json = Record<string, unknown>;
const attachmentsOf = (body: Json) => (body.attachments as { contentType: string; name?: string; content: Json }[] | undefined) ?? [];
afterEach(async () => h?.close());

describe('Teams: the LA report through the real endpoint', () => {
  it('an LA officer gets the figures as one card with Teams charts and tables; the CSV is offered with a file consent card in their personal chat', async () => {
    // Local mode: someone without a role acts as the local user, here an LA officer.
    h = await teamsHarness({ env: { LOCAL_USER_ROLE: 'la-officer' } });
    await saveLaCases(h.core.repo);
    const card = await h.say(AAD.stranger, 'la report 2026-09-01 2026-11-30');
    expect(cardProblems(card)).toEqual([]);
    const types: string[] = [];
    walk(card, (n) => typeof n.type === 'string' && types.push(n.type));
    expect(types).toContain('Chart.VerticalBar');
    expect(types).toContain('Table');
    expect(textOf(card)).toContain('withheld');

    const before = h.connector.calls.length;
    await h.say(AAD.stranger, 'la report csv 1/9/2026 30/11/2026');
    const posted = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && attachmentsOf(c.body).some((a) => a.contentType === FILE_CONSENT_CARD));
    const offer = attachmentsOf(posted.body).find((a) => a.contentType === FILE_CONSENT_CARD)!;
    expect(offer.name).toBe('la-report-2026-09-01-to-2026-11-30.csv');
    expect(offer.content).toMatchObject({ acceptContext: { command: 'la report csv 1/9/2026 30/11/2026' } });
    expect(offer.content.description).toBe('LA figures, Tue 1 Sep 2026 to Mon 30 Nov 2026. Small numbers are withheld in it. Accept to save it to your OneDrive.');
  });

  it('asked in a channel the LA team uses: a kind reason saying it works in the personal chat, and no figures (issue 13 B.7)', async () => {
    h = await teamsHarness({ env: { LOCAL_USER_ROLE: 'la-officer' } });
    await saveLaCases(h.core.repo);
    const channel = { id: '19:la-team@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1' };
    const before = h.connector.calls.length;
    await h.post(h.activity(AAD.stranger, { type: 'message', text: '<at>Graduated Response</at> la report sep to nov', conversation: channel, entities: [{ type: 'mention', text: '<at>Graduated Response</at>', mentioned: { id: '28:bot', name: 'Graduated Response' } }] }));
    const reply = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.conversationId === channel.id && c.body.type === 'message');
    const words = JSON.stringify(reply.body);
    expect(words).toContain('I show them in your personal chat with me');
    expect(words).toContain('la report sep to nov');
    expect(words).not.toContain('Referrals to the LA by month');
  });

  it('a SENDCo is refused', async () => {
    h = await teamsHarness();
    await saveLaCases(h.core.repo);
    expect(textOf(await h.say(AAD.sendco, 'la report'))).toContain('Only LA officers can see the LA’s figures.');
  });
});
