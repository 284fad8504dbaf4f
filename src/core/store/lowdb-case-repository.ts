import { mkdir, writeFile } from 'node:fs/promises';
import { DataFile } from 'lowdb/node';
import type { PupilCase } from '../cases/pupil-case.js';
import type { CaseRepository } from './case-repository.js';
import { assertSchoolId, oldestFirst, prepareSave, sameRef } from './case-rules.js';
import { DataLock, type DataLockOptions } from './data-lock.js';
import { loadSchools, type LoadedSchool } from './load-schools.js';
import type { CaseRepositoryOptions } from './memory-case-repository.js';
import { emptySchoolFile, schoolFilePath, schoolsDir, type SchoolFile } from './school-file.js';
import { stringifySchoolFile } from './school-file-json.js';
import { KeyedSerialQueue } from './serial-queue.js';

/** Options for opening the lowdb store. */
export interface LowdbCaseRepositoryOptions extends CaseRepositoryOptions {
  lock?: DataLockOptions;
}

interface School {
  file: SchoolFile;
  /** lowdb's file adapter: steno writes a temporary file and renames it over the old one. */
  adapter: DataFile<SchoolFile>;
}

function fileAdapter(path: string): DataFile<SchoolFile> {
  // Compact JSON: the file is rewritten on every save, and nobody should be editing it by hand.
  return new DataFile<SchoolFile>(path, { parse: JSON.parse, stringify: stringifySchoolFile });
}

/** Keeps the pre-migration bytes; never overwrites an earlier backup. */
async function backUp(path: string, from: number, text: string, now: Date): Promise<void> {
  try {
    await writeFile(`${path}.v${from}.bak`, text, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    await writeFile(`${path}.v${from}.${now.getTime()}.bak`, text, { flag: 'wx', mode: 0o600 });
  }
}

/**
 * The embedded CaseRepository: one JSON file per school under `<dataDir>/schools/`, all held
 * in memory and written through on save, so a save rewrites one school's file only.
 * One process per data directory, enforced by DataLock.
 */
export class LowdbCaseRepository implements CaseRepository {
  readonly #schools = new Map<string, School>();
  readonly #writes = new KeyedSerialQueue();

  readonly #lock: DataLock;
  readonly #now: () => Date;

  private constructor(readonly dataDir: string, lock: DataLock, now: () => Date) {
    this.#lock = lock;
    this.#now = now;
  }

  /**
   * Locks the data directory, then reads and validates every school file. Throws
   * StoreError('store-locked') if another copy holds the directory and
   * StoreError('store-invalid') naming each bad file; bad files are never rewritten.
   */
  static async open(dataDir: string, opts: LowdbCaseRepositoryOptions = {}): Promise<LowdbCaseRepository> {
    // Owner-only: the files hold special-category data about children.
    await mkdir(schoolsDir(dataDir), { recursive: true, mode: 0o700 });
    const lock = await DataLock.acquire(dataDir, opts.lock);
    try {
      const repo = new LowdbCaseRepository(dataDir, lock, opts.now ?? (() => new Date()));
      for (const loaded of await loadSchools(dataDir)) await repo.#adopt(loaded);
      return repo;
    } catch (err) {
      await lock.release();
      throw err;
    }
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
    this.#lock.assertHeld();
    // Saves replace a school's case array and the changed case rather than editing them, so sharing is safe for readers.
    return [...this.#schools.values()].flatMap((s) => s.file.cases);
  }

  async listSchools(): Promise<string[]> {
    this.#lock.assertHeld();
    return [...this.#schools].filter(([, s]) => s.file.cases.length > 0).map(([id]) => id).sort();
  }

  async save(pupilCase: PupilCase, expectedRevision: number | undefined): Promise<PupilCase> {
    const schoolId = pupilCase.schoolId;
    assertSchoolId(schoolId);
    // The check and the write run in one queued task, so two saves of one case cannot both pass.
    return this.#writes.run(schoolId, async () => {
      this.#lock.assertHeld();
      const school = this.#schools.get(schoolId) ?? {
        file: emptySchoolFile(schoolId),
        adapter: fileAdapter(schoolFilePath(this.dataDir, schoolId)),
      };
      const { stored, cases } = prepareSave(school.file.cases, pupilCase, expectedRevision, this.#now());
      const next: SchoolFile = { ...school.file, cases };
      // Memory changes only after the file does, so a failed write leaves both as they were.
      await school.adapter.write(next);
      this.#schools.set(schoolId, { file: next, adapter: school.adapter });
      return structuredClone(stored);
    });
  }

  /** Waits for queued writes, then releases the data-directory lock. */
  async close(): Promise<void> {
    await this.#writes.drain();
    await this.#lock.release();
  }

  async #adopt(loaded: LoadedSchool): Promise<void> {
    const school: School = { file: loaded.file, adapter: fileAdapter(loaded.path) };
    if (loaded.migration) {
      await backUp(loaded.path, loaded.migration.from, loaded.migration.originalText, this.#now());
      await school.adapter.write(loaded.file);
    }
    this.#schools.set(loaded.schoolId, school);
  }

  #cases(schoolId: string): readonly PupilCase[] {
    assertSchoolId(schoolId);
    this.#lock.assertHeld();
    return this.#schools.get(schoolId)?.file.cases ?? [];
  }
}
