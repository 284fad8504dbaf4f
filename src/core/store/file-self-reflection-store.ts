import { z } from 'zod/v4';
import { SchoolReflections } from '../self-reflection/reflection.js';
import { assertSchoolId } from './case-rules.js';
import type { DataFolder } from './data-folder.js';
import { VERSIONED_FROM_THE_START } from './migrations.js';
import { JsonDocument } from './json-document.js';
import { prepareReflectionSave, type SelfReflectionStore } from './self-reflection-store.js';

/**
 * `self-reflection.json` in the data folder: every school's reflections by school id. A small file
 * (four areas a term per school), so one document; it carries `schemaVersion` like every data file,
 * so a later shape can be migrated and a newer file refused by name.
 */
const SelfReflectionFile = z.strictObject({ schemaVersion: z.literal(1), schools: z.record(z.string(), SchoolReflections) }).superRefine((f, ctx) => {
  for (const [id, s] of Object.entries(f.schools)) if (s.schoolId !== id) ctx.addIssue({ code: 'custom', path: ['schools', id, 'schoolId'], message: `filed under "${id}" but says "${s.schoolId}"` });
});
type SelfReflectionFile = z.infer<typeof SelfReflectionFile>;

/**
 * The embedded SelfReflectionStore. Like the other data files it is owner-only, written durably and
 * atomically with the data-folder lock checked first, and a hand-edited file that is not valid stops
 * start-up naming it and is never overwritten.
 */
export class FileSelfReflectionStore implements SelfReflectionStore {
  private constructor(private readonly doc: JsonDocument<SelfReflectionFile>) {}

  /** Throws StoreError('store-invalid') naming the file when it is not valid. */
  static async open(folder: DataFolder): Promise<FileSelfReflectionStore> {
    return new FileSelfReflectionStore(await JsonDocument.open(folder, 'selfReflection', SelfReflectionFile, () => ({ schemaVersion: 1 as const, schools: {} }), VERSIONED_FROM_THE_START));
  }

  async get(schoolId: string): Promise<SchoolReflections | undefined> {
    assertSchoolId(schoolId);
    const found = this.doc.data.schools[schoolId];
    return found && structuredClone(found);
  }

  async list(): Promise<SchoolReflections[]> {
    const schools = this.doc.data.schools;
    return Object.keys(schools)
      .sort()
      .map((id) => structuredClone(schools[id]!));
  }

  async save(record: SchoolReflections, expectedRevision: number | undefined): Promise<SchoolReflections> {
    let stored: SchoolReflections | undefined;
    // Checked against the file as it stands when this write's turn comes, so two saves from one read cannot both land.
    await this.doc.update((f) => {
      stored = prepareReflectionSave(f.schools[record.schoolId], record, expectedRevision);
      return { ...f, schools: { ...f.schools, [stored.schoolId]: stored } };
    });
    return structuredClone(stored!);
  }

  close(): Promise<void> {
    return this.doc.close();
  }
}
