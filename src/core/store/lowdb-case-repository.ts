import { mkdir } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { PupilCase } from '../cases/pupil-case.js';
import type { CaseRepository } from './case-repository.js';
import { assertSchoolId, oldestFirst, prepareSave, sameRef } from './case-rules.js';
import { DataFolder } from './data-folder.js';
import { commit, DurableAdapter } from './durable-adapter.js';
import type { DataLockOptions } from './data-lock.js';
import { loadSchools, type LoadedSchool } from './load-schools.js';
import type { CaseRepositoryOptions } from './memory-case-repository.js';
import { emptySchoolFile, schoolFilePath, schoolsDir, type SchoolFile } from './school-file.js';
import { stringifySchoolFile } from './school-file-json.js';
import { keepBackup } from './keep-backup.js';
import { KeyedSerialQueue } from './serial-queue.js';

/** Options for opening the file store. */
export interface LowdbCaseRepositoryOptions extends CaseRepositoryOptions {
  /** Lock timings, when the store opens the data folder itself (given a path). */
  lock?: DataLockOptions;
}

/** One school's file as a lowdb database: `data` is what is on disk; writes go through the durable adapter. */
type School = Low<SchoolFile>;

/**
 * The embedded CaseRepository: one JSON file per school under `<dataDir>/schools/`, all held
 * in memory and written through on save, so a save rewrites one school's file only (durably:
 * temp file, fsync, rename, folder fsync). One process per data folder, enforced by its lock.
 */
export class LowdbCaseRepository implements CaseRepository {
  readonly #schools = new Map<string, School>();
  readonly #writes = new KeyedSerialQueue();

  readonly #folder: DataFolder;
  /** Set when this store opened the folder itself, so closing the store releases it. */
  readonly #ownsFolder: boolean;
  readonly #now: () => Date;

  private constructor(folder: DataFolder, ownsFolder: boolean, now: () => Date) {
    this.#folder = folder;
    this.#ownsFolder = ownsFolder;
    this.#now = now;
  }

  get dataDir(): string {
    return this.#folder.dir;
  }

  /**
   * Reads and validates every school file in `folder`; given a path, it opens (and later closes)
   * the data folder itself. Throws StoreError('store-locked') if another copy holds the folder and
   * StoreError('store-invalid') naming each bad file; bad files are never rewritten.
   */
  static async open(folder: DataFolder | string, opts: LowdbCaseRepositoryOptions = {}): Promise<LowdbCaseRepository> {
    const owns = typeof folder === 'string';
    const opened = owns ? await DataFolder.open(folder, opts.lock) : folder;
    try {
      // Owner-only: the files hold special-category data about children.
      await mkdir(schoolsDir(opened.dir), { recursive: true, mode: 0o700 });
      const repo = new LowdbCaseRepository(opened, owns, opts.now ?? (() => new Date()));
      for (const loaded of await loadSchools(opened.dir)) await repo.#adopt(loaded);
      return repo;
    } catch (err) {
      if (owns) await opened.close();
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
    this.#folder.assertHeld();
    // Saves replace a school's case array and the changed case rather than editing them, so sharing is safe for readers.
    return [...this.#schools.values()].flatMap((s) => s.data.cases);
  }

  async listSchools(): Promise<string[]> {
    this.#folder.assertHeld();
    return [...this.#schools].filter(([, s]) => s.data.cases.length > 0).map(([id]) => id).sort();
  }

  async save(pupilCase: PupilCase, expectedRevision: number | undefined): Promise<PupilCase> {
    const schoolId = pupilCase.schoolId;
    assertSchoolId(schoolId);
    // The check and the write run in one queued task, so two saves of one case cannot both pass.
    return this.#writes.run(schoolId, async () => {
      this.#folder.assertHeld();
      const school = this.#schools.get(schoolId) ?? this.#school(schoolFilePath(this.dataDir, schoolId), emptySchoolFile(schoolId));
      const { stored, cases } = prepareSave(school.data.cases, pupilCase, expectedRevision, this.#now());
      // Memory takes the change only once the file holds it, so both always agree.
      await commit(school, { ...school.data, cases });
      this.#schools.set(schoolId, school);
      return structuredClone(stored);
    });
  }

  /** Waits for queued writes, then releases the data folder if this store opened it. */
  async close(): Promise<void> {
    await this.#writes.drain();
    if (this.#ownsFolder) await this.#folder.close();
  }

  /** Takes a loaded file into memory; one at an older version is backed up and rewritten once, every file having been read first. */
  async #adopt(loaded: LoadedSchool): Promise<void> {
    const school = this.#school(loaded.path, loaded.file);
    if (loaded.migration) {
      await this.#folder.assertOwner();
      await keepBackup(loaded.path, loaded.migration.from, this.#now());
      await school.write();
    }
    this.#schools.set(loaded.schoolId, school);
  }

  /** Compact JSON: the file is rewritten on every save, and nobody should be editing it by hand. */
  #school(path: string, file: SchoolFile): School {
    return new Low(new DurableAdapter<SchoolFile>(this.#folder, path, stringifySchoolFile), file);
  }

  #cases(schoolId: string): readonly PupilCase[] {
    assertSchoolId(schoolId);
    this.#folder.assertHeld();
    return this.#schools.get(schoolId)?.data.cases ?? [];
  }
}
