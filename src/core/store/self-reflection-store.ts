import { AppError, StoreError } from '../errors.js';
import { SchoolReflections } from '../self-reflection/reflection.js';
import { assertSchoolId } from './case-rules.js';
import { describeFirstIssue } from './zod-issue.js';

/**
 * Where each school's Inclusion Self-Reflection lives. The core depends only on this interface:
 * a memory store for tests, the data folder's `self-reflection.json` by default, and a database
 * later. Implementations do no access checks: SelfReflectionService does them first.
 */
export interface SelfReflectionStore {
  /** The school's reflections, or undefined if it has none yet. */
  get(schoolId: string): Promise<SchoolReflections | undefined>;
  /** Every school's, by school id: for the reminders and the LA's view, which only read. */
  list(): Promise<SchoolReflections[]>;
  /**
   * Inserts or replaces a school's record. `expectedRevision` is the revision the caller read
   * (undefined when it read none); a mismatch throws StoreError('conflict') so no area is lost.
   * Returns the record as stored, revision bumped.
   */
  save(record: SchoolReflections, expectedRevision: number | undefined): Promise<SchoolReflections>;
  close(): Promise<void>;
}

/**
 * The checks every store applies to a save, so the memory and file stores cannot drift apart:
 * optimistic concurrency, then the schema. Returns the record to store.
 */
export function prepareReflectionSave(current: SchoolReflections | undefined, input: SchoolReflections, expectedRevision: number | undefined): SchoolReflections {
  assertSchoolId(input.schoolId);
  if (current && expectedRevision === undefined) throw new StoreError('This school’s self-reflection was started by someone else just now. Please try again.', 'conflict');
  if (!current && expectedRevision !== undefined) throw new StoreError('This school’s self-reflection is no longer there. Please start again.', 'not-found');
  if (current && current.revision !== expectedRevision) throw new StoreError('Someone else saved this school’s self-reflection since you opened it. Please try again.', 'conflict');
  const parsed = SchoolReflections.safeParse({ ...structuredClone(input), revision: current ? current.revision + 1 : 0 });
  if (!parsed.success) throw new AppError(`The self-reflection is not valid: ${describeFirstIssue(parsed.error)}`, 'invalid-input', { cause: parsed.error });
  return parsed.data;
}

/** A SelfReflectionStore in memory, for tests and local trials; records are copied in and out. */
export class MemorySelfReflectionStore implements SelfReflectionStore {
  readonly #schools = new Map<string, SchoolReflections>();

  async get(schoolId: string): Promise<SchoolReflections | undefined> {
    assertSchoolId(schoolId);
    const found = this.#schools.get(schoolId);
    return found && structuredClone(found);
  }

  async list(): Promise<SchoolReflections[]> {
    return [...this.#schools.keys()].sort().map((id) => structuredClone(this.#schools.get(id)!));
  }

  async save(record: SchoolReflections, expectedRevision: number | undefined): Promise<SchoolReflections> {
    const stored = prepareReflectionSave(this.#schools.get(record.schoolId), record, expectedRevision);
    this.#schools.set(stored.schoolId, stored);
    return structuredClone(stored);
  }

  async close(): Promise<void> {}
}
