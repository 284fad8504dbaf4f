import { afterEach, describe, expect, it } from 'vitest';
import { saveLaCases } from '../../helpers/la-world.js';
import { cardProblems } from './cards/parse-card.js';
import { AAD, cardOf, teamsHarness, textOf, walk, type TeamsHarness } from './harness.js';

let h: TeamsHarness;
afterEach(async () => h?.close());

describe('Teams: the LA report through the real endpoint', () => {
  it('an LA officer gets the figures as one card with Teams charts and tables; the CSV comes to their personal chat as text', async () => {
    // Local mode: someone without a role acts as the local user, here an LA officer.
    h = await teamsHarness({ env: { LOCAL_USER_ROLE: 'la-officer' } });
    await saveLaCases(h.core.repo);
    const card = await h.say(AAD.stranger, 'la report 2026-09-01 2026-11-30');
    expect(cardProblems(card)).toEqual([]);
    const types: string[] = [];
    walk(card, (n) => typeof n.type === 'string' && types.push(n.type));
    expect(types).toContain('Chart.VerticalBar');
    expect(types).toContain('Table');
    expect(textOf(card)).toContain('fewer than 5');

    const before = h.connector.calls.length;
    await h.say(AAD.stranger, 'la report csv 2026-09-01 2026-11-30');
    const posted = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.method === 'POST' && textOf(cardOf(c.body)).includes('figure,row,column,value'));
    const file = cardOf(posted.body);
    expect(cardProblems(file)).toEqual([]);
    const mono: string[] = [];
    walk(file, (n) => n.fontType === 'Monospace' && mono.push(String(n.text)));
    expect(mono[0]).toContain('Referrals to the LA by month,Oct 2026,Referrals,fewer than 5');
    const reply = await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.method === 'POST' && textOf(cardOf(c.body)).includes('Sent to our personal chat'));
    expect(textOf(cardOf(reply.body))).toContain('la-report-2026-09-01-to-2026-11-30.csv');
  });

  it('a SENDCo is refused', async () => {
    h = await teamsHarness();
    await saveLaCases(h.core.repo);
    expect(textOf(await h.say(AAD.sendco, 'la report'))).toContain('Only LA officers can see the LA’s figures.');
  });
});
