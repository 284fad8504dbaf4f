import { join } from 'node:path';
import { z } from 'zod/v4';
import { PupilCase, SchoolId } from '../cases/pupil-case.js';
import { assertSchoolId, sameRef } from './case-rules.js';
import { CURRENT_SCHEMA_VERSION, SCHOOL_FILE_VERSIONS, upgrade } from './migrations.js';
import { describeFirstIssue } from './zod-issue.js';
import { jsonMistakeAt, type Mistake } from './fix-advice.js';

/** One school's cases on disk: `<dataDir>/schools/<schoolId>.json`. */
export const SchoolFile = z
  .object({
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    schoolId: SchoolId,
    cases: z.array(PupilCase),
  })
  .superRefine((file, ctx) => {
    // Hand edits can break what save() guarantees; catch that here rather than at lookup.
    const ids = new Set<string>();
    file.cases.forEach((c, i) => {
      if (c.schoolId !== file.schoolId) {
        ctx.addIssue({ code: 'custom', path: ['cases', i, 'schoolId'], message: 'the same school id as the file' });
      } else if (ids.has(c.id)) {
        ctx.addIssue({ code: 'custom', path: ['cases', i, 'id'], message: 'an id no other case in the file uses' });
      } else if (file.cases.slice(0, i).some((o) => sameRef(o.pupilRef, c.pupilRef))) {
        ctx.addIssue({ code: 'custom', path: ['cases', i, 'pupilRef'], message: 'a pupil reference no other case in the file uses' });
      }
      ids.add(c.id);
    });
  });
export type SchoolFile = z.infer<typeof SchoolFile>;

/** The directory holding the school files. */
export function schoolsDir(dataDir: string): string {
  return join(dataDir, 'schools');
}

/** The file for one school; the id is validated first so it cannot escape the directory. */
export function schoolFilePath(dataDir: string, schoolId: string): string {
  assertSchoolId(schoolId);
  return join(schoolsDir(dataDir), `${schoolId}.json`);
}

/** An empty file for a school that has no cases yet. */
export function emptySchoolFile(schoolId: string): SchoolFile {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, schoolId, cases: [] };
}

/**
 * A parsed school file, or the problem to report (field path and expectation, no values); `newer` is
 * the file's version when a newer bot wrote it; `mistake` says what to correct (a field when absent).
 */
export type ParsedSchoolFile =
  | { ok: true; file: SchoolFile; migratedFrom?: number }
  | { ok: false; problem: string; newer?: number; mistake?: Mistake };

/** Parses, migrates and validates the text of a school file named for `schoolId`. */
export function parseSchoolFile(text: string, schoolId: string): ParsedSchoolFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    // The SyntaxError quotes the surrounding text, which may hold pupil details: only its position is kept.
    const at = jsonMistakeAt(text, err);
    return { ok: false, problem: `not valid JSON${at ? ` at ${at}` : ''} (was it edited by hand?)`, mistake: { json: true, ...(at ? { at } : {}) } };
  }
  const upgraded = upgrade(raw, SCHOOL_FILE_VERSIONS);
  if (!upgraded.ok) return upgraded;
  const parsed = SchoolFile.safeParse(upgraded.value);
  if (!parsed.success) return { ok: false, problem: describeFirstIssue(parsed.error) };
  if (parsed.data.schoolId !== schoolId) {
    return { ok: false, problem: 'schoolId: the school id in the file name' };
  }
  return upgraded.from < CURRENT_SCHEMA_VERSION ? { ok: true, file: parsed.data, migratedFrom: upgraded.from } : { ok: true, file: parsed.data };
}
