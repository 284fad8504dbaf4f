import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConversationReferences } from '../../../src/channels/teams/conversation-references.js';
import { StaffDirectory } from '../../../src/core/staff-directory.js';
import { JsonlAuditLog } from '../../../src/core/store/audit-log.js';
import { DataFolder } from '../../../src/core/store/data-folder.js';
import { ReminderLedger } from '../../../src/core/store/reminder-ledger.js';
import { spawnHolder, type Holder } from './spawn-holder.js';
import { tempDirs } from './temp-dirs.js';

const dirs = tempDirs();
let paused: Holder | undefined;
afterAll(async () => {
  paused?.child.kill('SIGCONT');
  await paused?.kill();
  await dirs.removeAll();
});

const STALE_MS = 2_000;

/** Waits until the paused holder's heartbeat is older than the stale limit (it cannot refresh while stopped). */
async function untilStale(lock: string): Promise<void> {
  while (Date.now() - (await lstat(lock)).mtimeMs <= STALE_MS + 200) await new Promise((r) => setTimeout(r, 200));
}

describe('a paused process that lost the data folder', () => {
  it('never writes again once resumed: its grant, reference, audit and ledger writes fail and the new holder keeps its data', async () => {
    const dir = await dirs.make();
    paused = spawnHolder(dir, STALE_MS);
    expect(await paused.next()).toBe('ready');
    paused.child.kill('SIGSTOP');
    await untilStale(join(dir, '.lock'));

    // The new process takes over and saves one of everything.
    const folder = await DataFolder.open(dir, { staleMs: STALE_MS });
    const audit = new JsonlAuditLog(folder);
    const staff = await StaffDirectory.open(folder, [], audit);
    const refs = await ConversationReferences.open(folder);
    const ledger = await ReminderLedger.open(folder);
    await staff.grant({ id: 'teams:admin-new', role: 'admin' }, { id: 'teams:from-new', role: 'admin' });
    await refs.remember({ serviceUrl: 'https://new.example/', channelId: 'msteams', conversation: { id: 'conv-new' } as never, bot: { id: 'b', name: 'b' } });
    await ledger.recorded('new-key', new Date());

    paused.child.kill('SIGCONT');
    paused.send('write-all');
    expect(await paused.next()).toEqual({ case: 'store-locked', grant: 'store-locked', reference: 'store-locked', audit: 'store-locked', ledger: 'store-locked' });

    const staffFile = await readFile(join(dir, 'staff.json'), 'utf-8');
    expect(staffFile).toContain('teams:from-new');
    expect(staffFile).not.toContain('teams:from-old');
    const conversations = await readFile(join(dir, 'teams', 'conversations.json'), 'utf-8');
    expect(conversations).toContain('conv-new');
    expect(conversations).not.toContain('conv-old');
    const auditText = (await Promise.all((await readdir(join(dir, 'audit'))).map((f) => readFile(join(dir, 'audit', f), 'utf-8')))).join('');
    expect(auditText).toContain('teams:admin-new');
    expect(auditText).not.toContain('old.write');
    const ledgerText = await readFile(join(dir, 'reminders.jsonl'), 'utf-8');
    expect(ledgerText).toContain('new-key');
    expect(ledgerText).not.toContain('old-key');
    expect(await readdir(join(dir, 'schools'))).toEqual([]);
    await folder.close();
  });
});
