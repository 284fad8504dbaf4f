import type { PupilCase } from '../../cases/pupil-case.js';
import { StoreError } from '../../errors.js';
import type { CaseRepository } from '../case-repository.js';
import { assertSchoolId, prepareSave } from '../case-rules.js';
import type { CaseRepositoryOptions } from '../memory-case-repository.js';
import { uniqueViolation, type PostgresDatabase } from './database.js';

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

  constructor(
    private readonly db: PostgresDatabase,
    opts: CaseRepositoryOptions = {},
  ) {
    this.#now = opts.now ?? (() => new Date());
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
    const values = [stored.schoolId, stored.id, refKey(stored.pupilRef), stored.revision, stored.createdAt, stored.updatedAt, JSON.stringify(stored)];
    try {
      if (!existing) {
        await this.db.query('INSERT INTO pupil_case (school_id, case_id, pupil_ref_key, revision, created_at, updated_at, body) VALUES ($1, $2, $3, $4, $5, $6, $7)', values);
        return stored;
      }
      const r = await this.db.query(
        'UPDATE pupil_case SET pupil_ref_key = $3, revision = $4, updated_at = $5, body = $6 WHERE school_id = $1 AND case_id = $2 AND revision = $7',
        [stored.schoolId, stored.id, refKey(stored.pupilRef), stored.revision, stored.updatedAt, JSON.stringify(stored), expectedRevision],
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
