import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueItems } from '../../../../src/core/reminders/due-items.js';
import { caseDueWindow, dueWindowBasis } from '../../../../src/core/reminders/due-window.js';
import { PostgresDatabase } from '../../../../src/core/store/postgres/database.js';
import { PostgresCaseRepository } from '../../../../src/core/store/postgres/postgres-case-repository.js';
import { makeCase } from '../../../helpers/make-case.js';
import { worcestershire } from '../../../helpers/pack.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/postgres.js';
import { noTerms, pcp, psp } from '../../reminders/plans.js';

let testDb: TestDatabase;
let db: PostgresDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await PostgresDatabase.open(testDb.url, { maxConnections: 3 });
});
afterAll(async () => {
  await db.close();
  await testDb.drop();
});

describe('finding the cases due by query', () => {
  it('returns every case with something due this week and leaves the rest in the database, including rows saved before windows were kept', async () => {
    const pack = await worcestershire();
    const windows = { basis: dueWindowBasis(pack), of: (c: Parameters<typeof caseDueWindow>[0]) => caseDueWindow(c, pack) };
    const repo = new PostgresCaseRepository(db, { dueWindows: windows });
    // Saved by a repository that keeps no windows: as rows from before migration 0005 are.
    const older = new PostgresCaseRepository(db);
    const dueNow = await repo.save(makeCase({ pcps: [pcp('2026-11-25')] }), undefined);
    const overdue = await older.save(makeCase({ pcps: [pcp('2026-10-01')] }), undefined);
    await repo.save(makeCase({ pcps: [pcp('2027-03-01')] }), undefined);
    await older.save(makeCase({ psps: [psp('2026-11-20')] }), undefined);
    await repo.save(makeCase(), undefined);
    const reviewedLater = await repo.save(makeCase({ pcps: [pcp('2026-11-24')] }), undefined);
    // Its review moved to the spring: the window moves with the save.
    await repo.save({ ...reviewedLater, pcps: [pcp('2027-04-01')] }, reviewedLater.revision);

    const found = await repo.casesDueBy('2026-11-23', '2026-11-29');
    expect(found.map((c) => c.id).sort()).toEqual([dueNow.id, overdue.id].sort());
    const all = await repo.scanAll();
    const due = new Set(dueItems(all, { pack, calendar: noTerms, today: '2026-11-23', dueBy: '2026-11-29' }).map((i) => i.caseId));
    expect(new Set(found.map((c) => c.id))).toEqual(due);
    // The older rows were given their windows, so the next pass reads them by index too.
    expect((await db.query("SELECT count(*)::int AS n FROM pupil_case WHERE due_basis IS NULL")).rows[0]).toEqual({ n: 0 });
  });
});
