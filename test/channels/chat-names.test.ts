import { afterEach, describe, expect, it } from 'vitest';
import { makeCase } from '../helpers/make-case.js';
import { AAD, teamsHarness, textOf, type TeamsHarness } from './teams/harness.js';
import { slackHarness, TEAM, USERS, type SlackHarness } from './slack/harness.js';
import { slackText } from './slack/modal.js';

/**
 * Issue 12: the name a person's chat gives them (Teams `from.name`, the profile in a Slack
 * message) is kept where the staff file gives none, so colleagues then see them named, not "a
 * teacher at Oak Primary" and never their id.
 */

let teams: TeamsHarness | undefined;
let slack: SlackHarness | undefined;
afterEach(async () => {
  await teams?.close();
  await slack?.close();
  teams = slack = undefined;
});

const TEACHER_AAD = '00000000-0000-0000-0000-0000000000c7';

describe('a chat’s display name names the person to colleagues', () => {
  it('Teams: a teacher who has spoken is named by their display name when a SENDCo shares a pupil with them', async () => {
    const h = (teams = await teamsHarness({ localMode: false }));
    await h.core.staff.grant({ id: `teams:${AAD.admin}`, role: 'admin' }, { id: `teams:${TEACHER_AAD}`, role: 'teacher', schoolId: 'oak-primary' });
    await h.core.repo.save(makeCase({ pupilRef: '4021', schoolId: 'oak-primary', staffIds: [] }), undefined);
    expect(textOf(await h.say(AAD.sendco, `share 4021 with teams:${TEACHER_AAD}`))).toContain('A teacher at Oak Primary now works with pupil 4021');
    await h.say(AAD.sendco, `unshare 4021 teams:${TEACHER_AAD}`);

    const before = h.connector.calls.length;
    await h.post(h.activity(TEACHER_AAD, { type: 'message', text: 'whoami', from: { id: `29:${TEACHER_AAD}`, aadObjectId: TEACHER_AAD, name: 'Jo Khan' } }));
    await h.connector.waitFor((c) => h.connector.calls.indexOf(c) >= before && c.method === 'POST');
    expect(h.core.staff.find(`teams:${TEACHER_AAD}`)?.displayName).toBe('Jo Khan');
    const said = textOf(await h.say(AAD.sendco, `share 4021 with teams:${TEACHER_AAD}`));
    expect(said).toContain('Jo Khan (teacher) now works with pupil 4021');
    expect(said).not.toContain(TEACHER_AAD);
  });

  it('Slack: the name in a direct message’s profile is kept for a person with a role', async () => {
    const h = (slack = await slackHarness());
    const id = `slack:${TEAM}:U0TEACH`;
    await h.core.staff.grant({ id: `slack:${TEAM}:${USERS.admin}`, role: 'admin' }, { id, role: 'teacher', schoolId: 'oak-primary' });
    const before = h.api.calls.length;
    await h.event({ type: 'message', channel_type: 'im', channel: 'DU0TEACH', user: 'U0TEACH', text: 'whoami', ts: `${Date.now() / 1000}`, user_profile: { real_name: 'Jo Khan', display_name: 'jo' } });
    const reply = await h.api.waitFor((c) => c.method === 'chat.postMessage' && h.api.calls.indexOf(c) >= before);
    expect(slackText(reply.params.blocks)).toContain('Who you are to this bot');
    expect(h.core.staff.find(id)?.displayName).toBe('Jo Khan');
  });
});
