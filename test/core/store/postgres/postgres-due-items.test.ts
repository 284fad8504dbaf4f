import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchoolCalendar } from '../../../../src/core/calendar/school-calendar.js';
import { dueItems } from '../../../../src/core/reminders/due-items.js';
import { storedDueItems, storedDueItemsBasis } from '../../../../src/core/reminders/stored-due-items.js';
import { PostgresDatabase } from '../../../../src/core/store/postgres/database.js';
import { PostgresCaseRepository } from '../../../../src/core/store/postgres/postgres-case-repository.js';
import type { KnowledgePack } from '../../../../src/knowledge/schema/pack.js';
import { makeCase } from '../../../helpers/make-case.js';
import { worcestershire } from '../../../helpers/pack.js';
import { createTestDatabase, type TestDatabase } from '../../../helpers/postgres.js';
import { exampleTerms, noTerms, pcp, permanentExclusion, psp } from '../../reminders/plans.js';

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

const withItems = (pack: KnowledgePack, calendar: SchoolCalendar) => new PostgresCaseRepository(db, { dueItems: { basis: storedDueItemsBasis(pack, calendar), calendar, of: (c) => storedDueItems(c, { pack, calendar }) } });
const rows = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM due_item')).rows[0]!.n;

describe('the due_item table', () => {
  it('is filled for cases saved before it existed, and worked out again when the term dates change', async () => {
    const pack = await worcestershire();
    // Saved by a repository that keeps no due items, as every row from before migration 0006.
    const older = new PostgresCaseRepository(db);
    await older.save(makeCase({ pcps: [pcp('2026-11-25')] }), undefined);
    await older.save(makeCase({ psps: [psp('2026-10-26')], exclusions: [permanentExclusion('2026-11-30')] }), undefined);
    await older.save(makeCase(), undefined);
    expect(await rows()).toBe(0);

    const terms = await exampleTerms();
    const repo = withItems(pack, terms);
    expect(await repo.backfillDueItems()).toBe(3);
    expect(await rows()).toBe(3);
    // It runs once per repository: asked again, it gives the same answer and does nothing more.
    expect(await repo.backfillDueItems()).toBe(3);
    const today = '2026-11-23';
    const dueBy = '2026-12-06';
    expect(await repo.dueItemsBy(today, dueBy)).toEqual(dueItems(await repo.scanAll(), { pack, calendar: terms, today, dueBy }));

    // Another school calendar (no term dates: half term counts as school days): every case again.
    const other = withItems(pack, noTerms);
    expect(await other.backfillDueItems()).toBe(3);
    const planned = await other.dueItemsBy(today, dueBy);
    expect(planned).toEqual(dueItems(await other.scanAll(), { pack, calendar: noTerms, today, dueBy }));
    expect(planned?.map((i) => i.kind).sort()).toEqual(['day6-provision', 'pcp-review', 'psp-review']);
  });

  it('finds what is due by the due_on index, not by reading every row', async () => {
    await db.query('SET enable_seqscan = off');
    try {
      const plan = (await db.query<{ 'QUERY PLAN': string }>("EXPLAIN SELECT item FROM due_item WHERE due_on <= '2026-11-29' AND (remind_until IS NULL OR remind_until >= '2026-11-23')")).rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/due_item_due_on/);
    } finally {
      await db.query('RESET enable_seqscan');
    }
  });
});
