import type { PupilCase } from '../cases/pupil-case.js';
import type { SchoolFile } from './school-file.js';

// Stored cases are never mutated (saves replace them, reads hand out clones), so each
// one's JSON can be kept and a save re-serialises only the case that changed.
const caseJson = new WeakMap<PupilCase, string>();

function jsonOf(pupilCase: PupilCase): string {
  let json = caseJson.get(pupilCase);
  if (json === undefined) {
    json = JSON.stringify(pupilCase);
    caseJson.set(pupilCase, json);
  }
  return json;
}

/** Compact JSON for a school file, the same text JSON.stringify would give, but cheaper on repeat saves. */
export function stringifySchoolFile(file: SchoolFile): string {
  const { cases, ...envelope } = file;
  const head = JSON.stringify(envelope).slice(0, -1);
  const sep = head.length > 1 ? ',' : '';
  return `${head}${sep}"cases":[${cases.map(jsonOf).join(',')}]}`;
}
