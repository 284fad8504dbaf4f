import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LaChannelLink } from '../../../../src/app/la-channel-link.js';
import { ConversationReferences, personKey } from '../../../../src/channels/teams/conversation-references.js';
import { StaffDirectory } from '../../../../src/core/staff-directory.js';
import { JsonlAuditLog, MemoryAuditLog } from '../../../../src/core/store/audit-log.js';
import { copyStores } from '../../../../src/core/store/copy/store-copy.js';
import { readFolderDump } from '../../../../src/core/store/copy/folder-dump.js';
import { DataFolder } from '../../../../src/core/store/data-folder.js';
import { DraftStore } from '../../../../src/core/store/draft-store.js';
import { FileSelfReflectionStore } from '../../../../src/core/store/file-self-reflection-store.js';
import { IdempotencyStore } from '../../../../src/core/store/idempotency-store.js';
import { LowdbCaseRepository } from '../../../../src/core/store/lowdb-case-repository.js';
import { ReminderLedger } from '../../../../src/core/store/reminder-ledger.js';
import { makeCase } from '../../../helpers/make-case.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/postgres.js';
import { oak } from '../self-reflection-contract.js';
import { tempDirs } from '../temp-dirs.js';

// Each test here starts the bot or the CLI as a child process (tsx compiles it first): two test
// workers share the CI machine's two cores, so allow a minute rather than the suite's 20 s.
vi.setConfig({ testTimeout: 60_000 });

const dirs = tempDirs();
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.drop();
  await dirs.removeAll();
});

const now = new Date('2026-11-30T10:00:00Z');
const ADMIN = { id: 'teams:admin-1', role: 'admin' as const };

/** A data folder with something in every store, made through the stores themselves. */
async function filledFolder(): Promise<string> {
  const dir = await dirs.make();
  const folder = await DataFolder.open(dir);
  const repo = await LowdbCaseRepository.open(folder, { now: () => now });
  for (const school of ['oak-primary', 'elm-high']) for (let i = 0; i < 3; i++) await repo.save(makeCase({ schoolId: school, initials: 'JS' }), undefined);
  const first = (await repo.listBySchool('oak-primary'))[0]!;
  await repo.save({ ...first, currentStep: 2 }, first.revision);
  await repo.close();
  const audit = new JsonlAuditLog(folder);
  for (let i = 0; i < 5; i++) await audit.record({ at: `2026-11-2${i}T09:00:00.000+00:00`, actorId: 'teams:s-1', action: 'case.read', schoolId: 'oak-primary', caseId: first.id, outcome: 'allowed' });
  const ledger = await ReminderLedger.open(folder, { now });
  await ledger.claim('pcp-review|c1|2026-11-23|teams:s-1|1', now);
  await ledger.sent('pcp-review|c1|2026-11-23|teams:s-1|1', now);
  await ledger.claim('pcp-review|c2|2026-11-23|teams:s-1|1', now);
  await ledger.failed('pcp-review|c2|2026-11-23|teams:s-1|1', now, new Date('2026-11-30T10:05:00Z'));
  await ledger.snooze('pcp-review|c1|2026-11-23|teams:s-1', new Date('2026-12-01T08:00:00Z'));
  await ledger.setNotice('r1', { schoolId: 'oak-primary', caseId: first.id, referralId: 'r1', referrerId: 'teams:s-1', state: 'posted', attempts: 1, message: { channel: 'slack', id: '1700.1' } });
  await ledger.close();
  const keys = await IdempotencyStore.open(folder, { clock: () => now.getTime() });
  await keys.put('teams-activity:abc', now.getTime() + 86_400_000);
  await keys.close();
  const reflections = await FileSelfReflectionStore.open(folder);
  await reflections.save(oak(), undefined);
  await reflections.close();
  const staff = await StaffDirectory.open(folder, [ADMIN], new MemoryAuditLog(), () => now);
  await staff.grant(ADMIN, { id: 'teams:s-1', role: 'sendco', schoolId: 'oak-primary' });
  await staff.close();
  const link = await LaChannelLink.open(folder);
  await link.set({ channel: 'slack', target: 'C0LA', linkedBy: ADMIN.id, linkedAt: now.toISOString() });
  await link.close();
  const drafts = await DraftStore.open(folder, () => now);
  await drafts.keep('local-sendco', { dialogId: 'pcp', answers: { 'pcp.whoIsThisPupil': 'Kind' }, history: ['pcp.whoIsThisPupil'] });
  await drafts.close();
  const refs = await ConversationReferences.open(folder, () => now);
  await refs.remember({ serviceUrl: 'https://smba.trafficmanager.net/uk/', channelId: 'msteams', conversation: { id: 'a:1', conversationType: 'personal', isGroup: false, name: '' }, bot: { id: '28:bot', name: 'Bot' } }, 'teams:s-1');
  await refs.close();
  await folder.close();
  return dir;
}

async function dumpOf(dir: string) {
  const folder = await DataFolder.open(dir);
  try {
    return await readFolderDump(folder, now);
  } finally {
    await folder.close();
  }
}

/** What the test database holds, copied into a fresh folder. */
async function copiedBack(): Promise<string> {
  const back = await dirs.make();
  await copyStores({ kind: 'postgres', url: testDb.url }, { kind: 'folder', dir: back }, { force: false, now });
  return back;
}

describe('store copy', () => {
  it('round-trips a data folder through PostgreSQL unchanged, counting every store', async () => {
    const from = await filledFolder();
    const there = await copyStores({ kind: 'folder', dir: from }, { kind: 'postgres', url: testDb.url }, { force: false, now });
    expect(there.readBack).toEqual({
      cases: 6, 'audit events': 5, 'reminder sends': 2, 'reminder snoozes and dones': 1, 'LA referral notices': 1, 'idempotency keys': 1,
      'self-reflections': 1, 'staff grants': 1, 'Teams conversations': 2, 'LA channel link': 1, drafts: 1,
    });
    const back = await dirs.make();
    const again = await copyStores({ kind: 'postgres', url: testDb.url }, { kind: 'folder', dir: back }, { force: false, now });
    expect(again.readBack).toEqual(there.readBack);
    const [original, roundTripped] = [await dumpOf(from), await dumpOf(back)];
    expect(roundTripped).toEqual(original);
    // The copy is what the bot reads: a case keeps its revision, the restored folder opens as a bot would open it.
    const repo = await LowdbCaseRepository.open(back);
    expect((await repo.listBySchool('oak-primary'))[0]).toMatchObject({ currentStep: 2, revision: 1 });
    await repo.close();
    const folder = await DataFolder.open(back);
    expect((await ConversationReferences.open(folder)).find(personKey('teams:s-1'))?.conversation.id).toBe('a:1');
    await folder.close();
  });

  it('refuses a target that holds anything unless --force, writing nothing, and replaces it with --force', async () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'store', 'copy', ...args], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
    const from = await filledFolder();
    await copyStores({ kind: 'folder', dir: from }, { kind: 'postgres', url: testDb.url }, { force: true, now });
    const refused = cli('--from', from, '--to', testDb.url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already holds cases \(6\), audit events \(5\),.*nothing was copied.*--force/);
    expect(refused.stderr).not.toContain('postgres://');
    expect((await dumpOf(await copiedBack())).cases).toHaveLength(6);

    const other = await dirs.make();
    const seed = await DataFolder.open(other);
    const repo = await LowdbCaseRepository.open(seed, { now: () => now });
    await repo.save(makeCase({ schoolId: 'ash-academy' }), undefined);
    await repo.close();
    await seed.close();
    // A round the target's old ledger recorded as sent to everyone: it must go with that ledger, or the
    // copied ledger's reminders for the item would be skipped as sent.
    const sql = async (text: string) => {
      const c = new pg.Client({ connectionString: testDb.url });
      await c.connect();
      try {
        return (await c.query<{ n: number }>(text)).rows;
      } finally {
        await c.end();
      }
    };
    await sql("INSERT INTO due_item_settled (item_key, due_on, round, recipients) VALUES ('pcp-review:ash-academy:case-1:p-1', '2026-11-23', 'first', '{staff-1}')");
    const forced = cli('--from', other, '--to', testDb.url, '--force');
    expect(forced.stderr).toBe('');
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/read back and checked:\n\s+1 {2}cases\n\s+0 {2}audit events/);
    expect((await dumpOf(await copiedBack())).cases.map((c) => c.schoolId)).toEqual(['ash-academy']);
    expect(await sql('SELECT count(*)::int AS n FROM due_item_settled')).toEqual([{ n: 0 }]);
  });
});
