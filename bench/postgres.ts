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

/** Rows straight into pupil_case in one transaction, windows worked out as a save would. */
async function load(db: PostgresDatabase, cases: readonly PupilCase[], pack: KnowledgePack): Promise<number> {
  const basis = dueWindowBasis(pack);
  const t = performance.now();
  await db.transaction(async (c) => {
    await c.query('TRUNCATE pupil_case');
    await insertRows(c, 'pupil_case', ['school_id', 'case_id', 'pupil_ref_key', 'revision', 'created_at', 'updated_at', 'body', 'due_from', 'due_until', 'due_basis'], cases.map((k) => {
      const w = caseDueWindow(k, pack);
      return [k.schoolId, k.id, k.pupilRef.toLowerCase(), k.revision, k.createdAt, k.updatedAt, JSON.stringify(k), w?.from ?? 'infinity', w?.until ?? null, basis];
    }));
  });
  await db.query('ANALYZE pupil_case');
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
    const loadMs = await load(db, cases, pack);
    await lowdbFolder(dir, cases);
    console.log(`postgres: ${CASES} cases at ${SCHOOLS} schools (${CASES / SCHOOLS} pupils each), loaded in ${(loadMs / 1000).toFixed(1)} s by batched INSERTs; ${OPS} operations each`);
    const pg = await writesAndReads(new PostgresCaseRepository(db, { dueWindows: windows }));
    const lowdb = await LowdbCaseRepository.open(dir);
    const files = await writesAndReads(lowdb);
    await lowdb.close();
    report('case write p99: PostgreSQL', percentiles(pg.writes), undefined, { name: 'lowdb school files', f: percentiles(files.writes) });
    report('case read p99: PostgreSQL', percentiles(pg.reads), undefined, { name: 'lowdb (held in memory)', f: percentiles(files.reads) });

    // Due planning: 100,000 active plans, as the scheduler's pass does it.
    const plans = Array.from({ length: 50_000 }, (_, i) => benchCase(i, 'normal'));
    await load(db, plans, pack);
    const repo = new PostgresCaseRepository(db, { dueWindows: windows });
    const today = londonToday(NOW);
    const dueBy = planHorizon(NOW);
    const ctx = { now: NOW, calendar, settings: { resendEverySchoolDays: 3 }, sendcosAt: () => ['sendco'] };
    const pass = (found: readonly PupilCase[]) => planSends(dueItems(found, { pack, calendar, today, dueBy }), { sends: {}, people: {} }, ctx);
    const byIndex: number[] = [];
    const queryOnly: number[] = [];
    const scanned: number[] = [];
    let found = 0;
    let sends = 0;
    for (let r = 0; r < DUE_RUNS + 2; r++) {
      const keep = r >= 2;
      const tq = await time(() => repo.casesDueBy(today, dueBy));
      const t0 = performance.now();
      const due = await repo.casesDueBy(today, dueBy);
      sends = pass(due).sends.length;
      const tIndex = performance.now() - t0;
      found = due.length;
      const tScan = await time(async () => pass(await repo.scanAll()));
      if (keep) {
        queryOnly.push(tq);
        byIndex.push(tIndex);
        scanned.push(tScan);
      }
    }
    const plan = (await db.query<{ 'QUERY PLAN': string }>("EXPLAIN SELECT body FROM pupil_case WHERE due_from <= $2 AND (due_until IS NULL OR due_until >= $1)", [today, dueBy])).rows.map((r) => r['QUERY PLAN']);
    console.log(`due planning: 100000 active plans (50000 cases), ${found} cases found by the index, ${sends} sends due; aim < ${AIM_MS} ms`);
    console.log(`  plan: ${plan[0]!.trim()}`);
    report('  due query alone', percentiles(queryOnly));
    report('  due query + dueItems + planSends', percentiles(byIndex), { p99: AIM_MS }, { name: 'read every case + same', f: percentiles(scanned) });
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
