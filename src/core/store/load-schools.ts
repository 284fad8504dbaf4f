import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SchoolId } from '../cases/pupil-case.js';
import { StoreError } from '../errors.js';
import { describeNonFile, readDataFile } from './read-data-file.js';
import { howToFix } from './fix-advice.js';
import { CURRENT_SCHEMA_VERSION, newerFileMessage } from './migrations.js';
import { parseSchoolFile, schoolsDir, type SchoolFile } from './school-file.js';

/** A school file read and validated at open. */
export interface LoadedSchool {
  schoolId: string;
  path: string;
  file: SchoolFile;
  /** Set when the file was at an older version and needs a backup and rewrite. */
  migration?: { from: number };
}

/**
 * Reads and validates every `schools/*.json` before anything is written, so one bad file
 * stops start-up with every bad file named and no file half-migrated. A symbolic link or folder
 * named like a school file is a bad file too: skipping it would hide its pupils, and the next save
 * would replace the link. A byte-order mark at the start of a file is ignored. A file from a newer
 * version of the bot is named first, in its own sentence: it is not broken, only not for this version.
 */
export async function loadSchools(dataDir: string): Promise<LoadedSchool[]> {
  const dir = schoolsDir(dataDir);
  const entries = (await readdir(dir, { withFileTypes: true }))
    // Dot files are temporary files from an interrupted write; .bak files are backups.
    .filter((e) => e.name.endsWith('.json') && !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const loaded: LoadedSchool[] = [];
  const problems: string[] = [];
  const newer: string[] = [];
  for (const entry of entries) {
    const name = entry.name;
    const path = join(dir, name);
    if (!entry.isFile()) {
      problems.push(describeNonFile(path, await lstat(path)));
      continue;
    }
    const schoolId = name.slice(0, -'.json'.length);
    if (!SchoolId.safeParse(schoolId).success) {
      problems.push(`${path}: (file name): a school id such as "st-marys-primary" followed by .json`);
      continue;
    }
    const text = (await readDataFile(path)) ?? '';
    const parsed = parseSchoolFile(text, schoolId);
    if (!parsed.ok) {
      if (parsed.newer !== undefined) newer.push(newerFileMessage(path, parsed.newer, CURRENT_SCHEMA_VERSION));
      else problems.push(`${path}: ${parsed.problem}. ${await howToFix(path, parsed.mistake ?? { field: true })}`);
    } else if (parsed.migratedFrom === undefined) {
      loaded.push({ schoolId, path, file: parsed.file });
    } else {
      loaded.push({ schoolId, path, file: parsed.file, migration: { from: parsed.migratedFrom } });
    }
  }
  if (problems.length > 0 || newer.length > 0) {
    const intro = problems.length === 1 ? 'A case file is not valid' : `${problems.length} case files are not valid`;
    const invalid = problems.length ? [`${intro}, so the bot will not start. Nothing was changed.`, ...problems] : [];
    throw new StoreError([...newer, ...invalid].join('\n'), 'store-invalid');
  }
  return loaded;
}
