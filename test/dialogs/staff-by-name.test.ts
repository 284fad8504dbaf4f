import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../src/core/staff.js';
import type { DialogContext } from '../../src/dialogs/dialog.js';
import { staffQuestion } from '../../src/dialogs/staff-question.js';
import { SENDCO, testWorld } from '../helpers/dialog-context.js';

/** Issue 12, fresh tester: "Jo Brown", named in the staff file, typed as the PSP's overseer got "That isn't an id". */
const JO: StaffMember = { id: 'teams:00000000-0000-0000-0000-00000000000a', role: 'headteacher', schoolId: 'oak-primary', displayName: 'Jo Brown' };
const JO_ELSEWHERE: StaffMember = { id: 'teams:00000000-0000-0000-0000-00000000000b', role: 'sendco', schoolId: 'elm-academy', displayName: 'Jo Brown' };
const TWINS: StaffMember[] = ['c', 'd'].map((x) => ({ id: `teams:00000000-0000-0000-0000-00000000000${x}`, role: 'teacher', schoolId: 'oak-primary', displayName: 'Sam Lee' }));

async function question(staff: StaffMember[]) {
  const w = await testWorld();
  const ctx: DialogContext = { ...w.ctxFor(SENDCO), staff: { find: (id) => staff.find((m) => m.id === id), list: () => staff } };
  return staffQuestion(ctx, { id: 'overseer', prompt: 'Who oversees the PSP?' });
}

describe('a colleague typed by the name the staff directory holds', () => {
  it('takes "Jo Brown" (any case and spacing) as that person, preferring the answerer’s own school', async () => {
    const q = await question([JO_ELSEWHERE, JO]);
    expect(await q.parse('Jo Brown')).toEqual({ ok: true, value: JO.id });
    expect(await q.parse('  jo   brown ')).toEqual({ ok: true, value: JO.id });
  });

  it('asks for the pick or the id when two colleagues share the name, and still reads ids', async () => {
    const q = await question([...TWINS, JO]);
    const twins = await q.parse('Sam Lee');
    expect(twins).toMatchObject({ ok: false, message: expect.stringContaining('2 people here are called “Sam Lee”') });
    expect(await q.parse(JO.id)).toEqual({ ok: true, value: JO.id });
    expect(await q.parse('Nobody Here')).toMatchObject({ ok: false, message: expect.stringContaining('I don’t know a colleague called “Nobody Here”') });
    expect(await q.parse('teams-nonsense')).toMatchObject({ ok: false, message: expect.stringContaining('isn’t an id') });
  });
});
