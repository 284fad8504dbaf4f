import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../src/core/staff.js';
import type { DialogContext } from '../../src/dialogs/dialog.js';
import { staffIdFrom } from '../../src/dialogs/staff-id.js';
import { ADMIN, chatter, LA_OFFICER, NEW_PUPIL, SENDCO, TEACHER, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, "no command lets a SENDCo give a teacher access to a pupil (or take it away)", through
 * the typed conversation: `share 4021 with <id>` and `unshare 4021 <id>`, audited, refused for
 * anyone but a SENDCo or an admin of the pupil's school; the teacher then can or cannot see the pupil.
 */

const TEACHER_2: StaffMember = { id: 'teams:00000000-0000-0000-0000-0000000000t2', role: 'teacher', schoolId: 'oak-primary' };
const ELM_TEACHER: StaffMember = { id: 'teams:elm-teacher', role: 'teacher', schoolId: 'elm-high' };
const ELM_SENDCO: StaffMember = { id: 'sendco-9', role: 'sendco', schoolId: 'elm-high' };
const SCHOOL_ADMIN: StaffMember = { id: 'admin-oak', role: 'admin', schoolId: 'oak-primary' };
const EVERYONE = [SENDCO, TEACHER, TEACHER_2, ELM_TEACHER, ELM_SENDCO, ADMIN, SCHOOL_ADMIN, LA_OFFICER];

async function world() {
  const w = await testWorld();
  const as = (user: StaffMember): DialogContext => ({ ...w.ctxFor(user), staff: { find: (id) => EVERYONE.find((s) => s.id === id) } });
  await chatter(as(SENDCO)).script(NEW_PUPIL);
  const pupil = async () => (await w.repo.listBySchool('oak-primary'))[0]!;
  return { ...w, as, pupil };
}

describe('a SENDCo shares a pupil with a teacher, and takes it away', () => {
  it('share 4021 with teacher-1: the teacher can then find the pupil; unshare: they cannot; both audited with the teacher as subject', async () => {
    const w = await world();
    const teacher = chatter(w.as(TEACHER));
    expect(await teacher.script(['what next for 4021'])).toContain('I can’t find a pupil with reference 4021 among the pupils you work with');
    await teacher.say('cancel');

    const sendco = chatter(w.as(SENDCO));
    const shared = await sendco.say('share 4021 with teacher-1');
    // Named by role and school, never by id; the way back is a command that needs no id either.
    expect(shared).toContain('A teacher at Oak Primary now works with pupil 4021 and can see their record. To take that away, type "unshare 4021" and pick them.');
    expect(shared).not.toContain('teacher-1');
    expect((await w.pupil()).staffIds).toEqual([SENDCO.id, TEACHER.id]);
    expect(await teacher.say('what next for 4021')).toContain('? Is a suspension being considered now?');
    await teacher.say('cancel');

    expect(await sendco.say('unshare 4021 teacher-1')).toContain('A teacher at Oak Primary no longer works with pupil 4021 and can no longer see their record.');
    expect((await w.pupil()).staffIds).toEqual([SENDCO.id]);
    expect(await teacher.say('what next for 4021')).toContain('I can’t find a pupil with reference 4021');

    const c = await w.pupil();
    const audit = (await w.audit.list({ caseId: c.id })).filter((e) => e.action === 'case.share' || e.action === 'case.unshare');
    expect(audit.map((e) => [e.action, e.actorId, e.subjectId, e.outcome])).toEqual([
      ['case.share', SENDCO.id, TEACHER.id, 'done'],
      ['case.unshare', SENDCO.id, TEACHER.id, 'done'],
    ]);
    expect(c.timeline.slice(-2).map((t) => [t.what, t.ref])).toEqual([
      ['case.share', TEACHER.id],
      ['case.unshare', TEACHER.id],
    ]);
  });

  it('step by step: the pupil, then the teacher by the id "whoami" shows; unshare lists who is named', async () => {
    const w = await world();
    const sendco = chatter(w.as(SENDCO));
    expect(await sendco.say('share')).toContain('? Which pupil? Type their pupil reference');
    expect(await sendco.say('4021')).toContain('? Which teacher should work with pupil 4021?');
    expect(await sendco.say('@ana')).toContain('I can’t tell who “@ana” is from a name.');
    expect(await sendco.say(TEACHER_2.id)).toContain('A teacher at Oak Primary now works with pupil 4021');
    const asked = await sendco.script(['unshare', '4021']);
    // Issue 11, tester item 10: the SENDCo (who added the pupil, so is named) was offered too; only teachers are now.
    expect(asked).toContain(`1. ${TEACHER_2.id} (teacher)`);
    expect(asked).not.toContain(`${SENDCO.id} (SENDCo)`);
    // Typing the SENDCo's own id says why not, and what to type.
    const self = await sendco.say(SENDCO.id);
    expect(self).toContain('That is you: you see every pupil at the school whether named on a pupil or not, so there is nothing to take away.');
    expect(self).toContain(`Type one of: ${TEACHER_2.id} (teacher), or "cancel".`);
    expect(await sendco.say('1')).toContain('A teacher at Oak Primary no longer works with pupil 4021');
    // With no teacher left, there is no one to offer: said at the pupil, with how to name one.
    const none = await sendco.script(['unshare', '4021']);
    expect(none).toContain('No teacher is named on pupil 4021, so there is no one to take off (a SENDCo sees every pupil at the school whether named or not). To name a teacher: share 4021 with <their id>.');
    expect(await sendco.say('cancel')).toContain('Nothing from it was saved');
  });

  it('the whole command typed at the form’s first question names the teacher too, as it does when the form opens', async () => {
    const w = await world();
    const sendco = chatter(w.as(SENDCO));
    expect(await sendco.say('share')).toContain('? Which pupil?');
    expect(await sendco.say('share 4021 with teacher-1')).toContain('A teacher at Oak Primary now works with pupil 4021');
  });

  it('only a teacher at the pupil’s school can be named, and each refusal says why', async () => {
    const w = await world();
    const sendco = chatter(w.as(SENDCO));
    expect(await sendco.say(`share 4021 with ${ELM_TEACHER.id}`)).toContain('is a teacher at another school');
    expect(await sendco.say('teams:nobody-yet')).toContain('teams:nobody-yet has no role in this bot yet. Ask your admin to make them a teacher at this school first (grant teams:nobody-yet teacher oak-primary)');
    expect(await sendco.say(SENDCO.id)).toContain('already works with pupil 4021');
    expect(await sendco.say('teacher-1')).toContain('A teacher at Oak Primary now works with pupil 4021');
    expect(await sendco.say('share 4021 with teacher-1')).toContain('A teacher at Oak Primary already works with pupil 4021. Pick someone else, or "cancel".');
  });
});

describe('who may share', () => {
  it('a teacher, an admin with no school and an LA officer are refused before the first question; a SENDCo elsewhere cannot find the pupil', async () => {
    const w = await world();
    const teacher = chatter(w.as(TEACHER));
    expect(await teacher.say('share 4021 with teacher-1')).toContain('Only a SENDCo can share a pupil with a teacher');
    expect(teacher.state.active).toBeUndefined();
    expect(await chatter(w.as(ADMIN)).say('share 4021 with teacher-1')).toContain('As an admin with no school');
    expect(await chatter(w.as(LA_OFFICER)).say('unshare 4021 teacher-1')).toContain('As an LA officer');
    expect(await chatter(w.as(ELM_SENDCO)).say('share 4021 with teacher-1')).toContain('I can’t find a pupil with reference 4021 at your school');
    expect((await w.pupil()).staffIds).toEqual([SENDCO.id]);
  });

  it('an admin of the pupil’s school may share by reference, and is shown nothing of the record', async () => {
    const w = await world();
    const reply = await chatter(w.as(SCHOOL_ADMIN)).say('share 4021 with teacher-1');
    expect(reply).toContain('A teacher at Oak Primary now works with pupil 4021');
    expect(reply).not.toContain('AB');
    expect(await w.cases.findByRef(SCHOOL_ADMIN, '4021')).toBeUndefined();
  });

  it('the case service refuses anyone else, and audits the refusal', async () => {
    const w = await world();
    const c = await w.pupil();
    await expect(w.cases.share(TEACHER, c, TEACHER_2.id, TEACHER_2)).rejects.toThrow(/Only a SENDCo/);
    await expect(w.cases.unshare(ELM_SENDCO, c, SENDCO.id)).rejects.toThrow(/Only a SENDCo/);
    // Nor does it take a SENDCo off a pupil (they see it anyway), whoever asks.
    await expect(w.cases.unshare(SENDCO, c, SENDCO.id)).rejects.toThrow(/That is you: you see every pupil/);
    await expect(w.cases.share(SENDCO, c, ELM_TEACHER.id, ELM_TEACHER)).rejects.toThrow(/another school/);
    expect((await w.audit.list({ caseId: c.id })).filter((e) => e.outcome === 'denied').map((e) => [e.action, e.actorId, e.subjectId])).toEqual([
      ['case.share', TEACHER.id, TEACHER_2.id],
      ['case.unshare', ELM_SENDCO.id, SENDCO.id],
      ['case.share', SENDCO.id, ELM_TEACHER.id],
    ]);
  });
});

describe('a member of staff’s id as typed', () => {
  it.each([
    ['teams:abc', 'teams:00000000-0000-0000-0000-00000000005e', 'teams:abc'],
    ['<@U0TEACH>', 'slack:T0001:U0SENDCO', 'slack:T0001:U0TEACH'],
    ['<@U0TEACH|ana>', 'slack:T0001:U0SENDCO', 'slack:T0001:U0TEACH'],
    ['@U0TEACH', 'slack:T0001:U0SENDCO', 'slack:T0001:U0TEACH'],
    ['U0TEACH', 'slack:T0001:U0SENDCO', 'slack:T0001:U0TEACH'],
    ['0000AAAA-0000-0000-0000-00000000007E', 'teams:00000000-0000-0000-0000-00000000005e', 'teams:0000aaaa-0000-0000-0000-00000000007e'],
  ])('%s, typed by %s, is %s', (typed, me, id) => {
    expect(staffIdFrom(typed, me)).toEqual({ ok: true, id });
  });

  it('a bare Slack user id means nothing in Teams, and a name means nothing anywhere', () => {
    expect(staffIdFrom('U0TEACH', 'teams:x').ok).toBe(false);
    expect(staffIdFrom('@ana', 'slack:T0001:U0SENDCO')).toEqual({ ok: false, message: expect.stringContaining('In a direct message to me, @-mention them') });
  });
});

describe('a teacher named as the staff file names them (issue 12, fresh tester)', () => {
  it('"share 4021 with Jo Brown" shares with that teacher; "unshare 4021 jo brown" takes it away', async () => {
    const w = await testWorld();
    const JO: StaffMember = { ...TEACHER_2, displayName: 'Jo Brown' };
    const staff = [SENDCO, TEACHER, JO, ELM_TEACHER];
    const as = (user: StaffMember): DialogContext => ({ ...w.ctxFor(user), staff: { find: (id) => staff.find((s) => s.id === id), list: () => staff } });
    const sendco = chatter(as(SENDCO));
    await sendco.script(NEW_PUPIL);
    expect(await sendco.say('share 4021 with Jo Brown')).toContain('now works with pupil 4021');
    expect((await w.repo.listBySchool('oak-primary'))[0]!.staffIds).toContain(JO.id);
    expect(await sendco.say('unshare 4021 jo brown')).toContain('no longer works with pupil 4021');
    expect((await w.repo.listBySchool('oak-primary'))[0]!.staffIds).not.toContain(JO.id);
  });
});
