import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnyBlock } from '../../../src/channels/slack/blocks/slack-types.js';
import type { StaffMember } from '../../../src/core/staff.js';
import { manyPupils, PRIVATE, recordedPupil } from '../../helpers/recorded-pupil.js';
import { slackViolations } from './blocks/limits.js';
import { button, buttons, texts } from './blocks/query.js';
import { slackHarness, TEAM, USERS, type SlackHarness } from './harness.js';

/**
 * Issue 11's read back in Slack, over signed requests: a list from the slash command, paged with
 * block actions whose answer replaces the message (one message, like a Teams card in place), a
 * pupil's record behind buttons in a DM, and the access rules. Every message is checked against
 * Block Kit's limits, 50 blocks included.
 */

type Json = Record<string, unknown>;
type Message = Json & { blocks: AnyBlock[] };
const EXAMPLE = fileURLToPath(new URL('../../../src/core/calendar/example-term-dates.json', import.meta.url));
const slackId = (user: string) => `slack:${TEAM}:${user}`;
const ADMIN: StaffMember = { id: slackId(USERS.admin), role: 'admin' };
const SENDCO: StaffMember = { id: slackId(USERS.sendco), role: 'sendco', schoolId: 'oak-primary' };
const PEOPLE = { teacher: 'U0TEACH', otherTeacher: 'U0TEACH2', la: 'U0LA' };
const TEACHER: StaffMember = { id: slackId(PEOPLE.teacher), role: 'teacher', schoolId: 'oak-primary' };
const OTHER_TEACHER: StaffMember = { id: slackId(PEOPLE.otherTeacher), role: 'teacher', schoolId: 'oak-primary' };

let h: SlackHarness;
afterEach(async () => h?.close());

async function school() {
  h = await slackHarness({ env: { CALENDAR_FILE: EXAMPLE } });
  await h.core.staff.grant(ADMIN, TEACHER);
  await h.core.staff.grant(ADMIN, OTHER_TEACHER);
  await h.core.staff.grant(ADMIN, { id: slackId(PEOPLE.la), role: 'la-officer' });
}

/** What Slack was asked to show at a response_url, checked against Block Kit's limits. */
async function responded(url: string): Promise<Message> {
  const call = await h.api.waitFor((c) => c.method === new URL(url).pathname);
  const message = call.params as Message;
  expect(slackViolations(message, 'message')).toEqual([]);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  return message;
}

/** `/graduated <words>` from `user`: the private reply. */
async function slash(user: string, words: string): Promise<Message> {
  const before = h.api.calls.length;
  expect((await h.command(user, words)).status).toBe(200);
  const call = await h.api.waitFor((c) => h.api.calls.indexOf(c) >= before && c.method.startsWith('/respond/'));
  return responded(`http://x${call.method}`);
}

let pressed = 0;
/** A signed press of a button on a message (block_actions); resolves with what replaced or answered it. */
async function press(user: string, message: Message, text: string): Promise<Message> {
  const b = button(message.blocks, text);
  const url = h.api.responseUrl(`press-${++pressed}`);
  const res = await h.interaction({ type: 'block_actions', user: h.user(user), container: { type: 'message', message_ts: '1000.0001', channel_id: 'C0GENERAL', is_ephemeral: true }, response_url: url, actions: [{ type: 'button', action_id: b.action_id, block_id: 'b', value: b.value, action_ts: '1' }] });
  expect(res.status).toBe(200);
  return responded(url);
}

const opens = (m: Message) => buttons(m.blocks).filter((b) => b.text.text.startsWith('Open CD')).map((b) => b.value);
const words = (m: Message) => texts(m.blocks).join('\n');

describe('Slack: lists page with block actions, replacing the message', () => {
  it('23 pupils: 10, 10 and 3 from the slash command, Next and Previous within 50 blocks', async () => {
    await school();
    await manyPupils(h.core.cases, TEACHER, 23);
    const one = await slash(PEOPLE.teacher, 'my pupils');
    expect(words(one)).toContain('Page 1 of 3 (23 pupils)');
    expect(opens(one)).toEqual(Array.from({ length: 10 }, (_, i) => `pupil ${5001 + i}`));
    expect(button(one.blocks, 'Next →')).toMatchObject({ action_id: 'gr_page', value: 'my pupils page 2' });

    const two = await press(PEOPLE.teacher, one, 'Next →');
    expect(two).toMatchObject({ replace_original: true });
    expect(opens(two)[0]).toBe('pupil 5011');
    const three = await press(PEOPLE.teacher, two, 'Next →');
    expect(opens(three)).toEqual(['pupil 5021', 'pupil 5022', 'pupil 5023']);
    expect(buttons(three.blocks).some((b) => b.text.text === 'Next →')).toBe(false);
    const back = await press(PEOPLE.teacher, three, '← Previous');
    expect(opens(back)[0]).toBe('pupil 5011');

    // Opening a pupil is a new message: the list stays where it was.
    const summary = await press(PEOPLE.teacher, back, 'Open CD 5011');
    expect(summary).toMatchObject({ replace_original: false });
    expect(words(summary)).toContain('CD (ref 5011, Year 7)');
  });
});

describe('Slack: a pupil’s record in a DM', () => {
  it('the summary, a plan in full and the chronology, each within Block Kit’s limits', async () => {
    await school();
    await recordedPupil(h.core.cases, SENDCO);
    expect((await h.event({ type: 'message', channel_type: 'im', channel: 'D0SENDCO', user: USERS.sendco, text: 'pupil 4021', ts: '1.1' })).status).toBe(200);
    const dm = (await h.api.waitFor((c) => c.method === 'chat.postMessage')).params as Message;
    expect(slackViolations(dm, 'message')).toEqual([]);
    expect(words(dm)).toContain('*Suspensions this term (Autumn 2026)*\n1 (2 school days)');
    expect(button(dm.blocks, 'Open PCP 1').value).toBe('show pcp 1 for 4021');
    const pcp = await press(USERS.sendco, dm, 'Open PCP 1');
    expect(words(pcp)).toContain(PRIVATE.pcpWords);
    const chronology = await press(USERS.sendco, pcp, 'Chronology');
    expect(words(chronology)).toContain('Mon 16 Nov 2026: Suspension, 2 school days');
  });
});

describe('Slack: who may read what', () => {
  it('a teacher asking for another teacher’s pupil is told nothing, and the refusal is audited', async () => {
    await school();
    await manyPupils(h.core.cases, OTHER_TEACHER, 1, 6001);
    const said = await slash(PEOPLE.teacher, 'timeline 6001');
    expect(words(said)).toContain('I can’t find a pupil with reference 6001 among the pupils you work with.');
    const read = (await h.core.audit.list()).filter((e) => e.actorId === TEACHER.id && e.action === 'case.read');
    expect(read.map((e) => e.outcome)).toEqual(['denied']);
  });

  it('an LA officer sees the referred pupil without plans, notes or reasons', async () => {
    await school();
    await recordedPupil(h.core.cases, SENDCO);
    const summary = await slash(PEOPLE.la, 'pupil 4021');
    expect(words(summary)).toContain('Oak Primary. Referred to the LA');
    const chronology = await press(PEOPLE.la, summary, 'Chronology');
    const suspension = await press(PEOPLE.la, chronology, 'Open Exclusion 1');
    expect(words(suspension)).toContain('The reason stays with the school.');
    const everything = [summary, chronology, suspension].map(words).join('\n');
    for (const w of Object.values(PRIVATE)) expect(everything).not.toContain(w);
    expect(everything).not.toContain('PCP 1');
  });
});
