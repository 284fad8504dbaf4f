import { afterEach, describe, expect, it } from 'vitest';
import { SUPPORTS_NOT_REPLACES } from '../../src/core/safeguarding/concern-notice.js';
import { AAD, cardOf, completeForm, textOf, teamsHarness, type TeamsHarness } from './teams/harness.js';
import { slackHarness, USERS, type SlackHarness } from './slack/harness.js';
import { AAD as AAD_ALL, botHarness } from '../app/bot-harness.js';

let teams: TeamsHarness | undefined;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await teams?.close();
  await slack?.close();
  teams = slack = undefined;
});

const DISCLOSURE = 'a pupil told me her dad hits her';

describe('safeguarding first, whatever the words, in Teams over the real endpoint', () => {
  it('a worry typed as a plain message leads with the DSL notice in the person’s words, not "didn’t understand", and is audited by category only', async () => {
    teams = await teamsHarness();
    const reply = textOf(await teams.say(AAD.sendco, DISCLOSURE));
    expect(reply).toMatch(/Possible risk of harm: tell the DSL now/);
    expect(reply.indexOf('tell the DSL now')).toBeLessThan(reply.indexOf('To record this for a pupil'));
    expect(reply).toContain('“dad hits her”');
    expect(reply).toContain(SUPPORTS_NOT_REPLACES);
    expect(reply).not.toMatch(/didn.t understand/);
    const audit = await teams.core.audit.list();
    const shown = audit.filter((e) => e.action.startsWith('concern.'));
    expect(shown.map((e) => e.action)).toContain('concern.risk:domestic-abuse');
    // Ids and the category only: nothing the person typed reaches the audit log.
    expect(JSON.stringify(audit)).not.toMatch(/dad|hits/);
  });

  it('a worry written in a PCP field leads the reply and the plan is still saved', async () => {
    teams = await teamsHarness();
    const who = AAD.sendco;
    await completeForm(teams, who, await teams.say(who, 'new pupil'), { pupilRef: '4021', initials: 'AB', yearGroup: '8', send: 'sen-support' });
    const done = await completeForm(teams, who, await teams.say(who, 'pcp for 4021'), { wantsIsp: 'no', 'pcp.planDate': '2026-11-20', reviewDate: '2026-12-18', 'pcp.behavioursOfConcern': 'Leaves lessons. Came in with a burn on his hand and said the iron did it.' });
    expect(done).toMatch(/tell the DSL now/);
    expect(done).toContain('burn on his hand');
    expect(done).toContain('Plan saved');
    const [c] = await teams.core.repo.listBySchool('oak-primary');
    expect(c!.pcps).toHaveLength(1);
  });

  it('understands curly apostrophes as phones type them', async () => {
    teams = await teamsHarness();
    expect(textOf(await teams.say(AAD.sendco, 'what’s next for 4021'))).toMatch(/What next for this pupil/);
  });

  it('links the LA channel from "<at>Bot</at>&nbsp;link la channel", as some Teams clients send it', async () => {
    const h = await botHarness();
    try {
      await h.teamsChannelMessage(AAD_ALL.admin, '<at>Graduated Response</at>&nbsp;link la channel');
      expect(textOf(cardOf(h.connector.calls.at(-1)!.body))).toContain('now the LA inclusion team');
    } finally {
      await h.close();
    }
  });
});

describe('safeguarding first in Slack, with signed requests', () => {
  it('a DM with the worry gets the notice first', async () => {
    slack = await slackHarness();
    const res = await slack.event({ type: 'message', channel_type: 'im', channel: `D${USERS.sendco}`, user: USERS.sendco, text: 'mum&apos;s new boyfriend shouts at him and pushes him around', ts: '1700000000.1' });
    expect(res.status).toBe(200);
    const posted = await slack.api.waitFor((c) => c.method === 'chat.postMessage');
    expect(JSON.stringify(posted.params)).toMatch(/tell the DSL now/);
    expect(JSON.stringify(posted.params)).toContain('shouts at him');
  });

  it('a search after /graduated signpost is checked too, and an ordinary one is not', async () => {
    slack = await slackHarness();
    const reply = async (text: string) => {
      const before = slack!.api.calls.length;
      await slack!.command(USERS.sendco, text);
      return JSON.stringify((await slack!.api.waitFor((c) => c.method.startsWith('/respond/') && slack!.api.calls.indexOf(c) >= before)).params);
    };
    const ordinary = await reply('signpost knife crime awareness workshop for year 9');
    const worry = await reply('signpost older lads are making him carry parcels for them');
    expect(ordinary).not.toMatch(/tell the DSL now/);
    expect(worry).toMatch(/tell the DSL now/);
  });
});
