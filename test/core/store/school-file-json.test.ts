import { describe, expect, it } from 'vitest';
import { PupilCase } from '../../../src/core/cases/pupil-case.js';
import { stringifySchoolFile } from '../../../src/core/store/school-file-json.js';
import { makeCase } from '../../helpers/make-case.js';

describe('stringifySchoolFile', () => {
  it('gives exactly what JSON.stringify gives, including for an empty school', () => {
    const cases = [PupilCase.parse(makeCase()), PupilCase.parse(makeCase({ timeline: [{ at: '2025-01-06T09:00:00Z', by: 'staff-"1"', what: 'odd\u2028"name"' }] }))];
    for (const file of [
      { schemaVersion: 1 as const, schoolId: 'oak-primary', cases },
      { schemaVersion: 1 as const, schoolId: 'oak-primary', cases: [] },
    ]) {
      expect(stringifySchoolFile(file)).toBe(JSON.stringify(file));
      // Second call reads the cached case JSON.
      expect(stringifySchoolFile(file)).toBe(JSON.stringify(file));
    }
  });
});
