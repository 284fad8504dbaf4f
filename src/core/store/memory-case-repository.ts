import type { PupilCase } from '../cases/pupil-case.js';
import type { CaseRepository } from './case-repository.js';
import { assertSchoolId, oldestFirst, prepareSave, sameRef } from './case-rules.js';

/** Options shared by the case repositories. */
export interface CaseRepositoryOptions {
  /** Clock for updatedAt; tests inject a fixed one. */
  now?: () => Date;
}

/**
 * A CaseRepository held in memory, for tests and local trials. Cases are cloned on the way
 * in and out so a caller holding a returned object cannot change what is stored.
 */
export class MemoryCaseRepository implements CaseRepository {
  readonly #schools = new Map<string, PupilCase[]>();
  readonly #now: () => Date;

  constructor(opts: CaseRepositoryOptions = {}) {
    this.#now = opts.now ?? (() => new Date());
  }

  async get(schoolId: string, caseId: string): Promise<PupilCase | undefined> {
    const found = this.#cases(schoolId).find((c) => c.id === caseId);
    return found && structuredClone(found);
  }

  async findByPupilRef(schoolId: string, pupilRef: string): Promise<PupilCase | undefined> {
    const found = this.#cases(schoolId).find((c) => sameRef(c.pupilRef, pupilRef));
    return found && structuredClone(found);
  }

  async listBySchool(schoolId: string): Promise<PupilCase[]> {
    return oldestFirst(this.#cases(schoolId)).map((c) => structuredClone(c));
  }

  async scanAll(): Promise<readonly Readonly<PupilCase>[]> {
    return [...this.#schools.values()].flat();
  }

  async listSchools(): Promise<string[]> {
    return [...this.#schools].filter(([, cases]) => cases.length > 0).map(([id]) => id).sort();
  }

  async save(pupilCase: PupilCase, expectedRevision: number | undefined): Promise<PupilCase> {
    const current = this.#cases(pupilCase.schoolId);
    const { stored, cases } = prepareSave(current, pupilCase, expectedRevision, this.#now());
    this.#schools.set(pupilCase.schoolId, cases);
    return structuredClone(stored);
  }

  async close(): Promise<void> {}

  #cases(schoolId: string): readonly PupilCase[] {
    assertSchoolId(schoolId);
    return this.#schools.get(schoolId) ?? [];
  }
}
