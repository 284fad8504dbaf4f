import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SchoolId } from '../cases/pupil-case.js';
import { StoreError } from '../errors.js';
import { parseSchoolFile, schoolsDir, type SchoolFile } from './school-file.js';

/** A school file read and validated at open. */
export interface LoadedSchool {
  schoolId: string;
  path: string;
  file: SchoolFile;
  /** Set when the file was at an older version and needs a backup and rewrite. */
  migration?: { from: number; originalText: string };
}

/**
 * Reads and validates every `schools/*.json` before anything is written, so one bad file
 * stops start-up with every bad file named and no file half-migrated.
 */
export async function loadSchools(dataDir: string): Promise<LoadedSchool[]> {
  const dir = schoolsDir(dataDir);
  const names = (await readdir(dir, { withFileTypes: true }))
    // Dot files are steno's temporary files from an interrupted write; .bak files are backups.
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const loaded: LoadedSchool[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const schoolId = name.slice(0, -'.json'.length);
    if (!SchoolId.safeParse(schoolId).success) {
      problems.push(`${path}: (file name): a school id such as "st-marys-primary" followed by .json`);
      continue;
    }
    const text = await readFile(path, 'utf-8');
    const parsed = parseSchoolFile(text, schoolId);
    if (!parsed.ok) {
      problems.push(`${path}: ${parsed.problem}`);
    } else if (parsed.migratedFrom === undefined) {
      loaded.push({ schoolId, path, file: parsed.file });
    } else {
      loaded.push({ schoolId, path, file: parsed.file, migration: { from: parsed.migratedFrom, originalText: text } });
    }
  }
  if (problems.length > 0) {
    const intro = problems.length === 1 ? 'A case file is not valid' : `${problems.length} case files are not valid`;
    throw new StoreError(`${intro}, so the bot will not start. Nothing was changed.\n${problems.join('\n')}`, 'store-invalid');
  }
  return loaded;
}
