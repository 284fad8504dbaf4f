import type { PupilCase } from '../../cases/pupil-case.js';
import { StoreError } from '../../errors.js';
import type { CaseRepository } from '../case-repository.js';
import { assertSchoolId, prepareSave } from '../case-rules.js';
import type { CaseRepositoryOptions } from '../memory-case-repository.js';
import type { DueWindow } from '../../reminders/due-window.js';
import { uniqueViolation, type PostgresDatabase } from './database.js';

/** How the repository works out each case's due window (core/reminders/due-window.ts, bound to the pack). */
export interface DueWindows {
  /** The pack's figures the windows depend on; rows worked out under another basis are worked out again. */
  basis: string;
  of(c: PupilCase): DueWindow | undefined;
}

/** The window's columns: due_from, due_until, due_basis ('infinity' when nothing can fall due). */
function dueColumns(c: PupilCase, windows: DueWindows | undefined): [string | null, string | null, string | null] {
  if (!windows) return [null, null, null];
  const w = windows.of(c);
  return [w?.from ?? 'infinity', w?.until ?? null, windows.basis];
}

/** The key pupil references are unique under: lower-cased here, as sameRef() compares them, not by PostgreSQL's lower(). */
const refKey = (pupilRef: string): string => pupilRef.toLowerCase();

/**
 * The CaseRepository in PostgreSQL (table `pupil_case`): a row per case holding the validated case
 * (chronology and all) as JSONB, with its school, reference key, revision and times as columns.
 * Several instances may share it: a save is one conditional statement, so optimistic concurrency
 * (the revision the caller read) holds across processes, and the database's unique keys refuse a
 * second case with the same id or pupil reference at a school. No access checks, as for every store.
 */
export class PostgresCaseRepository implements CaseRepository {
  readonly #now: () => Date;
  readonly #windows: DueWindows | undefined;
  #windowsChecked: Promise<void> | undefined;

  /** `dueWindows` (given by start-up, which has the pack) keeps each case's due window beside it, for {@link casesDueBy}. */
  constructor(
    private readonly db: PostgresDatabase,
    opts: CaseRepositoryOptions & { dueWindows?: DueWindows } = {},
  ) {
    this.#now = opts.now ?? (() => new Date());
    this.#windows = opts.dueWindows;
  }

  /**
   * The cases that may have something due by `dueBy` (London dates): found by the due_from index,
   * never by reading every case; dueItems then works out exactly what is due. Without due windows
   * (no pack given) every case. The first call works out any window missing or made under another
   * basis (rows from before migration 0005, a changed pack), a thousand rows a statement.
   */
  async casesDueBy(today: string, dueBy: string): Promise<readonly Readonly<PupilCase>[]> {
    if (!this.#windows) return this.scanAll();
    await (this.#windowsChecked ??= this.#refreshWindows(this.#windows).catch((err: unknown) => {
      this.#windowsChecked = undefined;
      throw err;
    }));
    const r = await this.db.query<{ body: PupilCase }>('SELECT body FROM pupil_case WHERE due_from <= $2 AND (due_until IS NULL OR due_until >= $1) ORDER BY school_id, created_at, seq', [today, dueBy]);
    return r.rows.map((row) => row.body);
  }

  async #refreshWindows(windows: DueWindows): Promise<void> {
    for (;;) {
      const stale = await this.db.query<{ school_id: string; case_id: string; body: PupilCase }>('SELECT school_id, case_id, body FROM pupil_case WHERE due_basis IS NULL OR due_basis <> $1 LIMIT 1000', [windows.basis]);
      if (stale.rows.length === 0) return;
      const rows = stale.rows.map((row) => [row.school_id, row.case_id, ...dueColumns(row.body, windows)]);
      await this.db.query(
        `UPDATE pupil_case p SET due_from = v.f::date, due_until = v.u::date, due_basis = v.b
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS v(s, c, f, u, b)
          WHERE p.school_id = v.s AND p.case_id = v.c`,
        [0, 1, 2, 3, 4].map((i) => rows.map((row) => row[i])),
      );
    }
  }

  async get(schoolId: string, caseId: string): Promise<PupilCase | undefined> {
    assertSchoolId(schoolId);
    const r = await this.db.query<{ body: PupilCase }>('SELECT body FROM pupil_case WHERE school_id = $1 AND case_id = $2', [schoolId, caseId]);
    return r.rows[0]?.body;
  }

  async findByPupilRef(schoolId: string, pupilRef: string): Promise<PupilCase | undefined> {
    assertSchoolId(schoolId);
    const r = await this.db.query<{ body: PupilCase }>('SELECT body FROM pupil_case WHERE school_id = $1 AND pupil_ref_key = $2', [schoolId, refKey(pupilRef)]);
    return r.rows[0]?.body;
  }

  async listBySchool(schoolId: string): Promise<PupilCase[]> {
    assertSchoolId(schoolId);
    const r = await this.db.query<{ body: PupilCase }>('SELECT body FROM pupil_case WHERE school_id = $1 ORDER BY created_at, seq', [schoolId]);
    return r.rows.map((row) => row.body);
  }

  async listSchools(): Promise<string[]> {
    // COLLATE "C": the same order as JavaScript's sort() in the other stores, whatever the server's locale.
    const r = await this.db.query<{ school_id: string }>('SELECT school_id FROM pupil_case GROUP BY school_id ORDER BY school_id COLLATE "C"');
    return r.rows.map((row) => row.school_id);
  }

  /** Every case, read fresh from the database (each call is a new copy, so a later save cannot change it). */
  async scanAll(): Promise<readonly Readonly<PupilCase>[]> {
    const r = await this.db.query<{ body: PupilCase }>('SELECT body FROM pupil_case ORDER BY school_id, created_at, seq');
    return r.rows.map((row) => row.body);
  }

  /**
   * Inserts (expectedRevision undefined) or updates the case only if its stored revision is still
   * `expectedRevision`, in one statement; otherwise StoreError('conflict') or ('not-found') as the
   * other stores, and AppError('invalid-input') naming the field for a case that is not valid.
   */
  async save(pupilCase: PupilCase, expectedRevision: number | undefined): Promise<PupilCase> {
    assertSchoolId(pupilCase.schoolId);
    const existing = await this.get(pupilCase.schoolId, pupilCase.id);
    // The shared rules on the case as read; the conditional write below makes the check stick.
    const { stored } = prepareSave(existing ? [existing] : [], pupilCase, expectedRevision, this.#now());
    const due = dueColumns(stored, this.#windows);
    const values = [stored.schoolId, stored.id, refKey(stored.pupilRef), stored.revision, stored.createdAt, stored.updatedAt, JSON.stringify(stored), ...due];
    try {
      if (!existing) {
        await this.db.query('INSERT INTO pupil_case (school_id, case_id, pupil_ref_key, revision, created_at, updated_at, body, due_from, due_until, due_basis) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', values);
        return stored;
      }
      const r = await this.db.query(
        'UPDATE pupil_case SET pupil_ref_key = $3, revision = $4, updated_at = $5, body = $6, due_from = $8, due_until = $9, due_basis = $10 WHERE school_id = $1 AND case_id = $2 AND revision = $7',
        [stored.schoolId, stored.id, refKey(stored.pupilRef), stored.revision, stored.updatedAt, JSON.stringify(stored), expectedRevision, ...due],
      );
      if (r.rowCount === 1) return stored;
      // Changed (or removed) by another writer between the read and the write.
      throw new StoreError('Someone else changed this case since you opened it. Reload and try again.', 'conflict');
    } catch (err) {
      const constraint = uniqueViolation(err);
      if (constraint === 'pupil_case_pkey') throw new StoreError('A case with this id already exists at this school.', 'conflict', { cause: err });
      if (constraint === 'pupil_case_ref_unique') throw new StoreError('Another case at this school already uses this pupil reference.', 'conflict', { cause: err });
      throw err;
    }
  }

  /** The database is shared by every store and closed by whoever opened it. */
  async close(): Promise<void> {}
}
