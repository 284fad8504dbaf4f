import { afterEach, describe, expect, it } from 'vitest';
import { makeCase } from '../../helpers/make-case.js';
import { slackHarness, TEAM, USERS, type SlackHarness } from './harness.js';
import { slackText } from './modal.js';

/**
 * Sharing in Slack: a SENDCo types `share 4021 with @teacher` in a direct message, which Slack
 * delivers as `<@U…>`; that mention is the teacher's id in the SENDCo's own workspace.
 */

let h: SlackHarness;
afterEach(async () => h?.close());

const TEACHER = 'U0TEACH';
const dm = (user: string, text: string) => ({ type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: `${Date.now() / 1000}` });

/** A direct message from `user`; resolves with the text of the bot's reply. */
async function say(user: string, text: string): Promise<string> {
  const before = h.api.calls.length;
  await h.event(dm(user, text));
  const post = await h.api.waitFor((c) => c.method === 'chat.postMessage' && h.api.calls.indexOf(c) >= before);
  return slackText(post.params.blocks);
}

describe('Slack: a SENDCo shares a pupil by @-mentioning the teacher', () => {
  it('share 4021 with <@U0TEACH>: the teacher sees the pupil; unshare 4021 <@U0TEACH>: they no longer do', async () => {
    h = await slackHarness();
    const teacherId = `slack:${TEAM}:${TEACHER}`;
    expect(await say(USERS.admin, `grant ${teacherId} teacher oak-primary`)).toContain('is now a teacher at Oak Primary.');
    await h.core.repo.save(makeCase({ pupilRef: '4021', schoolId: 'oak-primary', staffIds: [] }), undefined);
    const teacher = h.core.staff.find(teacherId)!;
    expect(await h.core.cases.findByRef(teacher, '4021')).toBeUndefined();

    // Slack names the teacher with a mention, which it shows as their name; never the id in words.
    expect(await say(USERS.sendco, `share 4021 with <@${TEACHER}>`)).toContain(`<@${TEACHER}> now works with pupil 4021 and can see their record`);
    expect((await h.core.repo.listBySchool('oak-primary'))[0]!.staffIds).toEqual([teacherId]);
    expect(await h.core.cases.findByRef(teacher, '4021')).toMatchObject({ pupilRef: '4021' });

    expect(await say(USERS.sendco, `unshare 4021 <@${TEACHER}>`)).toContain(`<@${TEACHER}> no longer works with pupil 4021`);
    expect(await h.core.cases.findByRef(teacher, '4021')).toBeUndefined();
  });

  it('an admin with no school is refused, saying who can', async () => {
    h = await slackHarness();
    await h.core.repo.save(makeCase({ pupilRef: '4021', schoolId: 'oak-primary' }), undefined);
    expect(await say(USERS.admin, `share 4021 with <@${TEACHER}>`)).toContain('As an admin with no school');
  });
});
