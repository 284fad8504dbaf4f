import { basename } from 'node:path';

/**
 * Data files carry `schemaVersion`. When a file's shape changes, its version goes up and a migration
 * from the previous version is added. On open, a store brings an older file up to date in memory in
 * one go, validates it, keeps the original bytes beside it (keep-backup.ts) and rewrites it once; a
 * file from a newer version of the bot is refused, since this code cannot know what its fields mean.
 */

/** One step in the upgrade path. `migrate` must not mutate its input. */
export interface Migration {
  readonly from: number;
  readonly to: number;
  migrate(raw: unknown): unknown;
}

/** How one kind of data file is versioned: the version this code writes, and the steps up to it. */
export interface FileVersions {
  readonly current: number;
  readonly migrations: readonly Migration[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** For a file that has carried `schemaVersion: 1` since it was first written, and not changed shape. */
export const VERSIONED_FROM_THE_START: FileVersions = { current: 1, migrations: [] };

/**
 * For a file that was written before it had a version: its content is version 1 as it stands.
 * Anything malformed is passed through for validation to report with its field path.
 */
export const stampVersion1: Migration = {
  from: 0,
  to: 1,
  migrate: (raw) => (isRecord(raw) ? { schemaVersion: 1, ...raw } : raw),
};

/**
 * School files, version 0 to 1: files written before versioning had no `schemaVersion` and cases
 * had no `revision`. Revision 0 treats each legacy case as saved once.
 */
const addRevisions: Migration = {
  from: 0,
  to: 1,
  migrate(raw) {
    if (!isRecord(raw)) return raw;
    const cases = Array.isArray(raw.cases)
      ? raw.cases.map((c: unknown) => (isRecord(c) && !('revision' in c) ? { ...c, revision: 0 } : c))
      : raw.cases;
    return { ...raw, schemaVersion: 1, cases };
  },
};

/**
 * School files, version 1 to 2. Version 2 files may hold what version 1 code cannot read: the
 * chronology of facts (`facts`), step changes, the step a review was held at and the targets it
 * amended, plan closures, the warnings shown before a suspension, and the latest review of a PSP
 * held before it was recorded. Each is optional or defaults to empty, and a record without facts
 * reads its stored flags, risk, EHC request and part-time timetable as its facts (startingFacts in
 * core/facts/pupil-facts.ts), so a version 1 case, written before any of them existed or after,
 * means the same at version 2 and nothing in it changes. Turning those stored flags into entries
 * would invent a chronology nobody recorded. What the step does give: an older bot meeting a
 * version 2 file refuses it by name and version rather than stopping at an unknown field, and
 * the first start of this version keeps a copy the older bot can still read.
 */
const markFactsEra: Migration = {
  from: 1,
  to: 2,
  migrate: (raw) => (isRecord(raw) ? { ...raw, schemaVersion: 2 } : raw),
};

/** School files (`schools/<id>.json`). */
export const SCHOOL_FILE_VERSIONS: FileVersions = { current: 2, migrations: [addRevisions, markFactsEra] };

/** The school-file version this code writes. */
export const CURRENT_SCHEMA_VERSION = SCHOOL_FILE_VERSIONS.current;

/** Every school-file migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = SCHOOL_FILE_VERSIONS.migrations;

/** A version read from a file, or why it cannot be used; `newer` is set for a file from a newer bot. */
export type VersionCheck = { ok: true; version: number } | { ok: false; problem: string; newer?: number };

/** Reads `schemaVersion` (missing means 0) and refuses versions newer than `current`. */
export function readSchemaVersion(raw: unknown, current = CURRENT_SCHEMA_VERSION): VersionCheck {
  if (!isRecord(raw)) return { ok: false, problem: '(top level): expected an object with a schemaVersion' };
  if (!('schemaVersion' in raw)) return { ok: true, version: 0 };
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problem: 'schemaVersion: expected a whole number' };
  }
  if (version > current) {
    return { ok: false, newer: version, problem: `schemaVersion: written by a newer version of the bot (file version ${version}; this version reads up to ${current})` };
  }
  return { ok: true, version };
}

/** A migrated value, or why no migration path exists. */
export type MigrationResult = { ok: true; value: unknown } | { ok: false; problem: string };

/** Runs the migrations from `from` up to `to`, one step at a time. */
export function migrate(
  raw: unknown,
  from: number,
  to = CURRENT_SCHEMA_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  let value = raw;
  let version = from;
  while (version < to) {
    const step = migrations.find((m) => m.from === version);
    // A step must move forward, or a bad table would loop for ever.
    if (!step || step.to <= version) {
      return { ok: false, problem: `schemaVersion: no migration from version ${version}` };
    }
    value = step.migrate(value);
    version = step.to;
  }
  return { ok: true, value };
}

/** A file's parsed JSON brought up to this code's version (`from` is the version it was at), or why not. */
export type Upgraded = { ok: true; value: unknown; from: number } | { ok: false; problem: string; newer?: number };

/** Reads the version of a file's parsed JSON and migrates it to `versions.current`. Pure. */
export function upgrade(raw: unknown, versions: FileVersions): Upgraded {
  const version = readSchemaVersion(raw, versions.current);
  if (!version.ok) return version;
  const migrated = migrate(raw, version.version, versions.current, versions.migrations);
  return migrated.ok ? { ok: true, value: migrated.value, from: version.version } : migrated;
}

/**
 * What start-up says about a file from a newer version of the bot: one sentence naming the file and
 * both versions, then what to do. Someone who moved back to this version on purpose wants the copy
 * the newer one kept when it first opened the file (keep-backup.ts names it).
 */
export function newerFileMessage(path: string, fileVersion: number, current: number): string {
  return `${path} was written by a newer version of the bot (file version ${fileVersion}; this version reads up to ${current}), so the bot will not start; the file is as it was. Run the newer version, or put back the copy it kept beside the file (${basename(path)}.v${current}-<date and time>.bak).`;
}
