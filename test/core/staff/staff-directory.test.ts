import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StaffDirectory, StaffFile, type StaffEntry } from '../../../src/core/staff-directory.js';
import { MemoryAuditLog } from '../../../src/core/store/audit-log.js';
import { recogniseStaffCommand, runStaffCommand } from '../../../src/dialogs/staff-commands.js';
import { renderText } from '../../../src/chat/render-text.js';
import { staffNamer } from '../../../src/dialogs/staff-words.js';
import { folderAt, tempDirs } from '../store/temp-dirs.js';

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

const ADMIN = { id: 'teams:admin-1', role: 'admin' as const };
const now = () => new Date('2026-11-20T10:00:00Z');

async function open(configured: StaffEntry[] = [{ id: 'teams:admin-1', role: 'admin' }]) {
  const dir = await dirs.make();
  const audit = new MemoryAuditLog();
  return { dir, audit, staff: await StaffDirectory.open(await folderAt(dir), configured, audit, now) };
}

describe('staff roles', () => {
  it('an admin grants a role in chat; it is kept on disk and audited by id only', async () => {
    const { dir, audit, staff } = await open();
    const cmd = recogniseStaffCommand('grant teams:abc-123 SENDCo oak-primary')!;
    const reply = renderText([await runStaffCommand(cmd, ADMIN.id, ADMIN, staff)]);
    // Nobody has told the bot their name yet, so they are "your colleague", never the id.
    expect(reply).toContain('Done: your colleague is now a SENDCo at Oak Primary.');
    expect(reply).not.toContain('abc-123');
    expect(staff.find('teams:abc-123')).toEqual({ id: 'teams:abc-123', role: 'sendco', schoolId: 'oak-primary' });
    await staff.close();
    const reopened = await StaffDirectory.open(await folderAt(dir), [], new MemoryAuditLog(), now);
    expect(reopened.find('teams:abc-123')?.role).toBe('sendco');
    expect(await audit.list()).toEqual([{ at: '2026-11-20T10:00:00.000Z', actorId: 'teams:admin-1', action: 'staff.grant', subjectId: 'teams:abc-123', schoolId: 'oak-primary', outcome: 'done' }]);
  });

  it('refuses grants from anyone but an admin, and records the refusal', async () => {
    const { audit, staff } = await open();
    const sendco = { id: 'teams:s', role: 'sendco' as const, schoolId: 'oak-primary' };
    await expect(staff.grant(sendco, { id: 'teams:x', role: 'admin' })).rejects.toThrow('Only an admin');
    expect(staff.find('teams:x')).toBeUndefined();
    expect((await audit.list())[0]).toMatchObject({ action: 'staff.grant', outcome: 'denied' });
  });

  it('will not let an admin give themselves a role, so an admin cannot reach pupil records alone', async () => {
    const { audit, staff } = await open();
    const reply = renderText([await runStaffCommand(recogniseStaffCommand(`grant ${ADMIN.id} sendco oak-primary`)!, ADMIN.id, ADMIN, staff).catch((err: Error) => ({ blocks: [{ type: 'text' as const, text: err.message }] }))]);
    expect(reply).toContain('Ask another admin');
    expect(staff.find(ADMIN.id)).toEqual({ id: ADMIN.id, role: 'admin' });
    expect((await audit.list()).at(-1)).toMatchObject({ actorId: ADMIN.id, action: 'staff.grant', subjectId: ADMIN.id, outcome: 'denied' });
    // A second admin can make the same grant.
    await staff.grant({ id: 'teams:admin-2', role: 'admin' }, { id: ADMIN.id, role: 'sendco', schoolId: 'oak-primary' });
    expect(staff.find(ADMIN.id)).toMatchObject({ role: 'sendco', schoolId: 'oak-primary' });
  });

  it('explains a role that does not exist and a teacher without a school', async () => {
    const { staff } = await open();
    expect(renderText([await runStaffCommand(recogniseStaffCommand('grant teams:x governor')!, ADMIN.id, ADMIN, staff)])).toContain('is not a role');
    await expect(staff.grant(ADMIN, { id: 'teams:x', role: 'teacher' })).rejects.toThrow('A teacher works at a school, so say which: grant teams:x teacher <school-id>.');
    await expect(staff.grant(ADMIN, { id: 'teams:x', role: 'headteacher' })).rejects.toThrow('A headteacher works at a school, so say which: grant teams:x headteacher <school-id>.');
    await expect(staff.grant(ADMIN, { id: 'local-sendco', role: 'admin' })).rejects.toThrow(/“local-sendco” is not an id I can give a role to\. .*whoami/);
  });

  it('tells anyone their id with whoami, so they can pass it to an admin', async () => {
    const { staff } = await open();
    const reply = renderText([await runStaffCommand(recogniseStaffCommand('whoami')!, 'teams:new-person', undefined, staff)]);
    expect(reply).toContain('Your id: teams:new-person');
    expect(reply).toContain('grant teams:new-person sendco');
  });

  it('will not start on a hand-edited staff file with an unknown role, and leaves it untouched', async () => {
    const { dir, staff } = await open();
    await staff.close();
    const bad = JSON.stringify({ staff: [{ id: 'teams:x', role: 'governor', schoolId: 'oak-primary' }] });
    await writeFile(join(dir, 'staff.json'), bad);
    await expect(StaffDirectory.open(await folderAt(dir), [], new MemoryAuditLog(), now)).rejects.toThrow(/staff\.json: staff\.0\.role/);
    expect(await readFile(join(dir, 'staff.json'), 'utf8')).toBe(bad);
  });
});

describe('the school’s SENDCos, for reminders', () => {
  it('lists them by school, from the staff file and from grants, and notices a new grant', async () => {
    const { staff } = await open([{ id: 'teams:admin-1', role: 'admin' }, { id: 'teams:s1', role: 'sendco', schoolId: 'oak-primary' } as never]);
    expect(staff.sendcosAt('oak-primary')).toEqual(['teams:s1']);
    await staff.grant(ADMIN, { id: 'slack:T1:U2', role: 'sendco', schoolId: 'oak-primary' });
    expect(staff.sendcosAt('oak-primary')).toEqual(['slack:T1:U2', 'teams:s1']);
    expect(staff.sendcosAt('elm-high')).toEqual([]);
  });
});

describe('school names from the staff file', () => {
  it('names a school the file names, any other by its id’s words, and refuses a school with no name', async () => {
    const dir = await dirs.make();
    const staff = await StaffDirectory.open(await folderAt(dir), [], new MemoryAuditLog(), now, [{ id: 'oak-primary', name: 'Oak Primary School' }]);
    expect(staff.schoolName('oak-primary')).toBe('Oak Primary School');
    expect(staff.schoolName('st-marys-rc-high')).toBe('St Marys RC High');
    const reply = renderText([await runStaffCommand({ kind: 'whoami' }, 'teams:t-1', { id: 'teams:t-1', role: 'teacher', schoolId: 'oak-primary' }, staff)]);
    expect(reply).toContain('You are set up as teacher at Oak Primary School.');
    expect(StaffFile.safeParse({ staff: [], schools: [{ id: 'oak-primary', name: ' ' }] }).success).toBe(false);
    expect(StaffFile.safeParse({ staff: [], schools: [{ id: 'oak-primary', name: 'Oak Primary School' }] }).success).toBe(true);
    await staff.close();
  });
});

describe('names from the staff file (issue 12)', () => {
  it('a configured entry’s name is how views name that person; an entry without one has none', async () => {
    const file = StaffFile.parse({ staff: [{ id: 'teams:admin-1', role: 'admin' }, { id: 'teams:aad-1234', role: 'sendco', schoolId: 'oak-primary', name: 'Sam Patel' }, { id: 'teams:aad-5678', role: 'teacher', schoolId: 'oak-primary' }] });
    const { staff } = await open(file.staff);
    const who = staffNamer({ staff });
    expect(who('teams:aad-1234')).toBe('Sam Patel (SENDCo)');
    expect(who('teams:aad-5678')).toBe('a teacher at Oak Primary');
    expect(who('teams:nobody')).toBe('');
    await staff.close();
  });
});

describe('names their chats give (issue 12)', () => {
  it('someone with a role is named by the name their chat gave, kept across restarts, where the staff file gives none', async () => {
    const file = StaffFile.parse({ staff: [{ id: 'teams:admin-1', role: 'admin' }, { id: 'teams:aad-1234', role: 'sendco', schoolId: 'oak-primary', name: 'Sam Patel' }, { id: 'teams:aad-5678', role: 'teacher', schoolId: 'oak-primary' }] });
    const { dir, staff } = await open(file.staff);
    expect(await staff.rememberName('teams:aad-5678', '  Jo   Khan ')).toBe(true);
    expect(staffNamer({ staff })('teams:aad-5678')).toBe('Jo Khan (teacher)');
    // The staff file's name is kept; a second name does not replace the first; someone with no role is not kept.
    expect(await staff.rememberName('teams:aad-1234', 'Samuel P')).toBe(false);
    expect(staffNamer({ staff })('teams:aad-1234')).toBe('Sam Patel (SENDCo)');
    expect(await staff.rememberName('teams:aad-5678', 'Joanne Khan')).toBe(false);
    expect(await staff.rememberName('teams:stranger', 'Pat Doe')).toBe(false);
    expect(await staff.rememberName('teams:admin-1', ' ')).toBe(false);
    await staff.close();
    const reopened = await StaffDirectory.open(await folderAt(dir), file.staff, new MemoryAuditLog(), now);
    expect(reopened.find('teams:aad-5678')).toEqual({ id: 'teams:aad-5678', role: 'teacher', schoolId: 'oak-primary', displayName: 'Jo Khan' });
    expect(JSON.stringify(JSON.parse(await readFile(join(dir, 'staff.json'), 'utf8')))).not.toContain('Pat Doe');
    await reopened.close();
  });

  it('a granted role taken away takes the name with it', async () => {
    const { staff } = await open();
    await staff.grant(ADMIN, { id: 'slack:T01:U0JO', role: 'teacher', schoolId: 'oak-primary' });
    await staff.rememberName('slack:T01:U0JO', 'Jo Khan');
    expect(staff.list().find((m) => m.id === 'slack:T01:U0JO')?.displayName).toBe('Jo Khan');
    // A new role for someone already named keeps the name, so the grant's reply names them.
    expect((await staff.grant(ADMIN, { id: 'slack:T01:U0JO', role: 'sendco', schoolId: 'oak-primary' })).displayName).toBe('Jo Khan');
    await staff.revoke(ADMIN, 'slack:T01:U0JO');
    await staff.grant(ADMIN, { id: 'slack:T01:U0JO', role: 'teacher', schoolId: 'oak-primary' });
    expect(staff.find('slack:T01:U0JO')?.displayName).toBeUndefined();
    await staff.close();
  });
});
