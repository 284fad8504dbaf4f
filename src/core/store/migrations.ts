/**
 * School files carry `schemaVersion`. When the file shape changes, bump
 * CURRENT_SCHEMA_VERSION and add a migration from the previous version; on open the store
 * migrates older files in memory, validates them, keeps a `.v<old>.bak` copy and rewrites them.
 */

/** The school-file version this code writes. */
export const CURRENT_SCHEMA_VERSION = 1;

/** One step in the upgrade path. `migrate` must not mutate its input. */
export interface Migration {
  readonly from: number;
  readonly to: number;
  migrate(raw: unknown): unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 0: files written before versioning had no `schemaVersion` and cases had no
 * `revision`. Revision 0 treats each legacy case as saved once. Anything else malformed is
 * passed through untouched so validation reports it with its field path.
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

/** Every migration, oldest first. */
export const MIGRATIONS: readonly Migration[] = [addRevisions];

/** A version read from a file, or why it could not be used. */
export type VersionCheck = { ok: true; version: number } | { ok: false; problem: string };

/** Reads `schemaVersion` (missing means 0) and refuses versions newer than this code. */
export function readSchemaVersion(raw: unknown, current = CURRENT_SCHEMA_VERSION): VersionCheck {
  if (!isRecord(raw)) return { ok: false, problem: '(top level): expected an object with schemaVersion, schoolId and cases' };
  if (!('schemaVersion' in raw)) return { ok: true, version: 0 };
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, problem: 'schemaVersion: expected a whole number' };
  }
  if (version > current) {
    return {
      ok: false,
      problem: `schemaVersion: this file was written by a newer version of the bot (file version ${version}, this bot knows up to ${current}); upgrade before starting`,
    };
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
