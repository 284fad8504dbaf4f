/**
 * PostgreSQL beside lowdb at LA scale: a case write (one fact recorded, as `update` does) and a case
 * read at 50,000 cases (250 schools x 200 pupils), each store measured in the same run; and finding
 * what is due among 100,000 active plans (50,000 cases with a PCP and a PSP) by the due-window
 * index, beside reading every case and working it out in Node. Printed, never asserted; not part
 * of `npm test`. Needs PostgreSQL (PG_TEST_URL, as the tests; a throwaway database is made and
 * dropped). `npm run bench:pg` runs it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadCalendarSettings } from '../src/core/calendar/calendar-settings.js';
import { SchoolCalendar } from '../src/core/calendar/school-calendar.js';
import type { PupilCase } from '../src/core/cases/pupil-case.js';
import { pupilFacts } from '../src/core/facts/pupil-facts.js';
import { recordFact } from '../src/core/facts/record-fact.js';
import { dueItems } from '../src/core/reminders/due-items.js';
import { caseDueWindow, dueWindowBasis } from '../src/core/reminders/due-window.js';
import { storedDueItems, storedDueItemsBasis } from '../src/core/reminders/stored-due-items.js';
import { planHorizon, planSends } from '../src/core/reminders/plan-sends.js';
import { londonToday } from '../src/core/dates.js';
import { insertRows } from '../src/core/store/copy/postgres-dump.js';
import { LowdbCaseRepository } from '../src/core/store/lowdb-case-repository.js';
import { CURRENT_SCHEMA_VERSION } from '../src/core/store/migrations.js';
import { PostgresDatabase } from '../src/core/store/postgres/database.js';
import { PostgresCaseRepository } from '../src/core/store/postgres/postgres-case-repository.js';
import type { KnowledgePack } from '../src/knowledge/schema/pack.js';
import { loadPack } from '../src/knowledge/load-pack.js';
import { createTestDatabase } from '../test/helpers/postgres.js';
import { fakeCase } from './fake-case.js';
import { benchCase, NOW } from './reminders-due.js';
import { percentiles, report, time } from './stats.js';

const SCHOOLS = 250;
const CASES = 50_000;
const OPS = 1000;
const DUE_RUNS = 20;
const AIM_MS = 100;
const schoolOf = (i: number) => `school-${String(i % SCHOOLS).padStart(3, '0')}`;

/** Rows straight into pupil_case in one transaction, windows and due items worked out as a save would. */
async function load(db: PostgresDatabase, cases: readonly PupilCase[], pack: KnowledgePack, calendar: SchoolCalendar): Promise<number> {
  const basis = dueWindowBasis(pack);
  const itemsBasis = storedDueItemsBasis(pack, calendar);
  const t = performance.now();
  await db.transaction(async (c) => {
    await c.query('TRUNCATE pupil_case CASCADE');
    await insertRows(c, 'pupil_case', ['school_id', 'case_id', 'pupil_ref_key', 'revision', 'created_at', 'updated_at', 'body', 'due_from', 'due_until', 'due_basis'], cases.map((k) => {
      const w = caseDueWindow(k, pack);
      return [k.schoolId, k.id, k.pupilRef.toLowerCase(), k.revision, k.createdAt, k.updatedAt, JSON.stringify(k), w?.from ?? 'infinity', w?.until ?? null, basis];
    }));
    const seqs = new Map((await c.query<{ s: string; c: string; seq: string }>('SELECT school_id AS s, case_id AS c, seq::text FROM pupil_case')).rows.map((r) => [`${r.s}/${r.c}`, r.seq]));
    await insertRows(c, 'due_item', ['school_id', 'case_id', 'item_key', 'kind', 'due_on', 'remind_until', 'owner_ids', 'case_created_at', 'case_seq', 'ord', 'item'], cases.flatMap((k) =>
      storedDueItems(k, { pack, calendar }).map((d) => [k.schoolId, k.id, d.item.itemKey, d.item.kind, d.dueOn, d.remindUntil ?? null, d.item.ownerIds, k.createdAt, seqs.get(`${k.schoolId}/${k.id}`), d.ord, JSON.stringify(d.item)]),
    ));
    await c.query('UPDATE pupil_case SET due_items_basis = $1', [itemsBasis]);
  });
  await db.query('ANALYZE pupil_case');
  await db.query('ANALYZE due_item');
  return performance.now() - t;
}

/** The same cases as school files, written directly (saving 50,000 one at a time would take minutes). */
async function lowdbFolder(dir: string, cases: readonly PupilCase[]): Promise<void> {
  await mkdir(path.join(dir, 'schools'), { recursive: true });
  const bySchool = new Map<string, PupilCase[]>();
  for (const c of cases) bySchool.set(c.schoolId, [...(bySchool.get(c.schoolId) ?? []), c]);
  for (const [schoolId, list] of bySchool) await writeFile(path.join(dir, 'schools', `${schoolId}.json`), JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, schoolId, cases: list }));
}

/** OPS writes (each one fact on a different pupil, as `update`) and OPS reads of one case by id. */
async function writesAndReads(repo: { get(s: string, c: string): Promise<PupilCase | undefined>; save(c: PupilCase, r: number): Promise<PupilCase> }): Promise<{ writes: number[]; reads: number[] }> {
  const writes: number[] = [];
  const reads: number[] = [];
  for (let n = 0; n < OPS; n++) {
    const i = (n * 7919) % CASES;
    reads.push(await time(() => repo.get(schoolOf(i), `case-${i}`)));
    const c = (await repo.get(schoolOf(i), `case-${i}`))!;
    const next = recordFact(c, { fact: 'risk-of-permanent-exclusion', atRisk: !pupilFacts(c).riskOfPermanentExclusion, on: '2026-11-20', why: 'Reviewed at the pastoral meeting' }, { by: 's', now: new Date() });
    writes.push(await time(() => repo.save(next, c.revision)));
  }
  return { writes, reads };
}

export async function postgresFigures(): Promise<void> {
  const pack = await loadPack('worcestershire');
  const calendar = new SchoolCalendar(await loadCalendarSettings(fileURLToPath(new URL('../src/core/calendar/example-term-dates.json', import.meta.url))));
  const testDb = await createTestDatabase();
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-pg-'));
  const db = await PostgresDatabase.open(testDb.url, { maxConnections: 4 });
  try {
    const windows = { basis: dueWindowBasis(pack), of: (c: PupilCase) => caseDueWindow(c, pack) };
    const cases = Array.from({ length: CASES }, (_, i) => fakeCase(i, SCHOOLS));
    const loadMs = await load(db, cases, pack, calendar);
    await lowdbFolder(dir, cases);
    console.log(`postgres: ${CASES} cases at ${SCHOOLS} schools (${CASES / SCHOOLS} pupils each), loaded in ${(loadMs / 1000).toFixed(1)} s by batched INSERTs; ${OPS} operations each`);
    // Saved as the bot saves: the due window and the case's due_item rows in the same transaction.
    const itemRows = { basis: storedDueItemsBasis(pack, calendar), calendar, of: (c: PupilCase) => storedDueItems(c, { pack, calendar }) };
    const pg = await writesAndReads(new PostgresCaseRepository(db, { dueWindows: windows, dueItems: itemRows }));
    const lowdb = await LowdbCaseRepository.open(dir);
    const files = await writesAndReads(lowdb);
    await lowdb.close();
    report('case write p99: PostgreSQL', percentiles(pg.writes), undefined, { name: 'lowdb school files', f: percentiles(files.writes) });
    report('case read p99: PostgreSQL', percentiles(pg.reads), undefined, { name: 'lowdb (held in memory)', f: percentiles(files.reads) });

    // Due planning: 100,000 active plans, as the scheduler's pass does it.
    const plans = Array.from({ length: 50_000 }, (_, i) => benchCase(i, 'normal'));
    await load(db, plans, pack, calendar);
    const repo = new PostgresCaseRepository(db, { dueWindows: windows, dueItems: itemRows });
    const today = londonToday(NOW);
    const dueBy = planHorizon(NOW);
    const ctx = { now: NOW, calendar, settings: { resendEverySchoolDays: 3 }, sendcosAt: () => ['sendco'] };
    const pass = (found: readonly PupilCase[]) => planSends(dueItems(found, { pack, calendar, today, dueBy }), { sends: {}, people: {} }, ctx);
    const byIndex: number[] = [];
    const queryOnly: number[] = [];
    const scanned: number[] = [];
    const table: number[] = [];
    const tableQuery: number[] = [];
    let found = 0;
    let sends = 0;
    let items = 0;
    let tableSends = 0;
    for (let r = 0; r < DUE_RUNS + 2; r++) {
      const keep = r >= 2;
      // New: the due_item table, one indexed query; no case document is read.
      const tt = await time(() => repo.dueItemsBy(today, dueBy));
      const t1 = performance.now();
      const live = (await repo.dueItemsBy(today, dueBy))!;
      tableSends = planSends(live, { sends: {}, people: {} }, ctx).sends.length;
      const tTable = performance.now() - t1;
      items = live.length;
      // Before: the due-window index finds the cases, whose documents are read and worked out in Node.
      const tq = await time(() => repo.casesDueBy(today, dueBy));
      const t0 = performance.now();
      const due = await repo.casesDueBy(today, dueBy);
      sends = pass(due).sends.length;
      const tIndex = performance.now() - t0;
      found = due.length;
      const tScan = await time(async () => pass(await repo.scanAll()));
      if (keep) {
        tableQuery.push(tt);
        table.push(tTable);
        queryOnly.push(tq);
        byIndex.push(tIndex);
        scanned.push(tScan);
      }
    }
    if (tableSends !== sends) throw new Error(`the due_item table planned ${tableSends} sends, the cases ${sends}`);
    const explain = async (sql: string) => (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, [today, dueBy])).rows[0]!['QUERY PLAN'].trim();
    const rows = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM due_item')).rows[0]!.n;
    console.log(`due planning: 100000 active plans (50000 cases, ${rows} due_item rows), ${items} items live and due by ${dueBy}, ${sends} sends due now (the same from both); aim < ${AIM_MS} ms`);
    console.log(`  plan (due_item): ${await explain('SELECT item FROM due_item WHERE due_on <= $2 AND (remind_until IS NULL OR remind_until >= $1) ORDER BY school_id, case_created_at, case_seq, ord')}`);
    console.log(`  plan (cases by window, before): ${await explain('SELECT body FROM pupil_case WHERE due_from <= $2 AND (due_until IS NULL OR due_until >= $1)')}`);
    report('  due_item query alone', percentiles(tableQuery));
    report('  due_item query + planSends', percentiles(table), { p99: AIM_MS }, { name: 'before: cases by window + dueItems + planSends', f: percentiles(byIndex) });
    report(`  before: cases by window, query alone (${found} cases)`, percentiles(queryOnly));
    report('  before: read every case + dueItems + planSends', percentiles(scanned));
  } finally {
    await db.close();
    await testDb.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  postgresFigures().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
