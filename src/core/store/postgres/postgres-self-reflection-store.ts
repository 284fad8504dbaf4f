import { StoreError } from '../../errors.js';
import type { SchoolReflections } from '../../self-reflection/reflection.js';
import { assertSchoolId } from '../case-rules.js';
import { prepareReflectionSave, type SelfReflectionStore } from '../self-reflection-store.js';
import { uniqueViolation, type PostgresDatabase } from './database.js';

/**
 * Each school's Inclusion Self-Reflection in PostgreSQL (table `self_reflection`), one row per
 * school. A save applies the shared rules to the row as read and writes only if its revision is
 * still the one read, so two instances saving one school's areas at once cannot both land.
 */
export class PostgresSelfReflectionStore implements SelfReflectionStore {
  constructor(private readonly db: PostgresDatabase) {}

  async get(schoolId: string): Promise<SchoolReflections | undefined> {
    assertSchoolId(schoolId);
    const r = await this.db.query<{ body: SchoolReflections }>('SELECT body FROM self_reflection WHERE school_id = $1', [schoolId]);
    return r.rows[0]?.body;
  }

  async list(): Promise<SchoolReflections[]> {
    const r = await this.db.query<{ body: SchoolReflections }>('SELECT body FROM self_reflection ORDER BY school_id COLLATE "C"');
    return r.rows.map((row) => row.body);
  }

  /** StoreError('conflict') when another save got in first, as the other stores; AppError('invalid-input') for a record that is not valid. */
  async save(record: SchoolReflections, expectedRevision: number | undefined): Promise<SchoolReflections> {
    const current = await this.get(record.schoolId);
    const stored = prepareReflectionSave(current, record, expectedRevision);
    try {
      if (!current) {
        await this.db.query('INSERT INTO self_reflection (school_id, revision, body) VALUES ($1, $2, $3)', [stored.schoolId, stored.revision, JSON.stringify(stored)]);
        return stored;
      }
      const r = await this.db.query('UPDATE self_reflection SET revision = $2, body = $3 WHERE school_id = $1 AND revision = $4', [stored.schoolId, stored.revision, JSON.stringify(stored), expectedRevision]);
      if (r.rowCount === 1) return stored;
    } catch (err) {
      if (uniqueViolation(err) === undefined) throw err;
    }
    throw new StoreError('Someone else saved this school’s self-reflection since you opened it. Please try again.', 'conflict');
  }

  async close(): Promise<void> {}
}
