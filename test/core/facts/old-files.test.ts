import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CaseService } from '../../../src/core/cases/case-service.js';
import { pupilFacts } from '../../../src/core/facts/pupil-facts.js';
import { situationFromCase } from '../../../src/core/guidance/situation.js';
import { MemoryAuditLog } from '../../../src/core/store/audit-log.js';
import { LowdbCaseRepository } from '../../../src/core/store/lowdb-case-repository.js';
import { tempDirs } from '../store/temp-dirs.js';

/**
 * A school file saved before the chronology of facts, plan closures and amended PSP targets were
 * kept: its cases have no `facts`, its plans no `closure`. It loads; the stored flags are the facts
 * until something is recorded, and what is recorded is kept beside them on disk.
 */

const dirs = tempDirs();
afterAll(() => dirs.removeAll());

const AT = '2026-10-01T09:00:00.000Z';
const OLD_CASE = {
  id: 'case-old',
  schoolId: 'oak-primary',
  pupilRef: '4021',
  initials: 'AB',
  yearGroup: 8,
  flags: { senSupport: false, ehcp: false, lookedAfter: true, previouslyLookedAfter: false, socialWorker: true },
  staffIds: ['sendco-1'],
  currentStep: 3,
  riskOfPermanentExclusion: true,
  exclusions: [],
  partTimeTimetable: { startDate: '2026-11-02', endDate: '2026-12-11' },
  ehcRequestedOn: '2026-10-05',
  pcps: [{ id: 'p1', step: 3, ownerId: 'sendco-1', createdAt: AT, fields: {}, reviewDate: '2026-12-01', reviews: [], status: 'closed' }],
  psps: [],
  referrals: [],
  timeline: [{ at: AT, by: 'sendco-1', what: 'case.created' }],
  revision: 3,
  createdAt: AT,
  updatedAt: AT,
};

describe('school files saved before the chronology of facts', () => {
  it('load with no entries, read their stored flags as the facts, and keep what is recorded after', async () => {
    const dir = await dirs.make();
    await mkdir(join(dir, 'schools'));
    const file = join(dir, 'schools', 'oak-primary.json');
    await writeFile(file, JSON.stringify({ schemaVersion: 1, schoolId: 'oak-primary', cases: [OLD_CASE] }));
    const repo = await LowdbCaseRepository.open(dir);
    try {
      const c = (await repo.findByPupilRef('oak-primary', '4021'))!;
      expect(c.facts).toEqual([]);
      expect(c.pcps[0]!.closure).toBeUndefined();
      expect(pupilFacts(c)).toEqual({ flags: OLD_CASE.flags, riskOfPermanentExclusion: true, ehcRequestedOn: '2026-10-05', partTimeTimetable: OLD_CASE.partTimeTimetable });
      expect(situationFromCase(c, '2026-11-20')).toMatchObject({ lookedAfter: true, socialWorker: true, riskOfPermanentExclusion: true, onPartTimeTimetable: true, ehcRequestedOn: '2026-10-05' });

      const cases = new CaseService(repo, new MemoryAuditLog(), () => new Date('2026-11-20T10:00:00Z'));
      const sendco = { id: 'sendco-1', role: 'sendco' as const, schoolId: 'oak-primary' };
      await cases.recordFact(sendco, c, { fact: 'care', care: 'neither', on: '2026-11-16', why: 'Returned home' });
      const saved = JSON.parse(await readFile(file, 'utf-8')) as { cases: { flags: unknown; facts: unknown[] }[] };
      expect(saved.cases[0]!.flags).toEqual(OLD_CASE.flags);
      expect(saved.cases[0]!.facts).toEqual([expect.objectContaining({ fact: 'care', care: 'neither', on: '2026-11-16', by: 'sendco-1' })]);
      expect(pupilFacts((await repo.findByPupilRef('oak-primary', '4021'))!).flags).toMatchObject({ lookedAfter: false, socialWorker: true });
    } finally {
      await repo.close();
    }
  });
});
