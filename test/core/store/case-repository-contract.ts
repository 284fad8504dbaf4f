import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PupilCase } from '../../../src/core/cases/pupil-case.js';
import type { CaseRepository } from '../../../src/core/store/case-repository.js';
import { addDays } from '../../../src/core/dates.js';
import { dueItems } from '../../../src/core/reminders/due-items.js';
import { makeCase } from '../../helpers/make-case.js';
import { worcestershire } from '../../helpers/pack.js';
import { exampleTerms, pcp, permanentExclusion, psp } from '../reminders/plans.js';

/** The term dates the contract plans reminders with (a PostgreSQL repository keeps its due items by them). */
export const contractCalendar = exampleTerms;

/** Makes a fresh, empty repository whose clock is `now`. */
export type MakeRepository = (now: () => Date) => Promise<CaseRepository>;

const NOW = new Date('2025-03-10T08:30:00.000Z');

/** What an implementation may add to the contract run. */
export interface ContractOptions {
  /**
   * A second repository on the same storage as the last one made, as another instance of the bot
   * would open it (PostgreSQL). Stores that allow one process per data folder have none.
   */
  sibling?: (now: () => Date) => Promise<CaseRepository>;
}

/** Saves `change(case)` on a fresh read, again and again while another writer gets in first: how a careful caller writes. */
async function saveWithRetry(repo: CaseRepository, schoolId: string, caseId: string, change: (c: PupilCase) => PupilCase): Promise<PupilCase> {
  for (;;) {
    const current = (await repo.get(schoolId, caseId))!;
    try {
      return await repo.save(change(current), current.revision);
    } catch (err) {
      if ((err as { code?: string }).code !== 'conflict') throw err;
    }
  }
}

/** The behaviour every CaseRepository must share; run it once per implementation. */
export function describeCaseRepositoryContract(name: string, makeRepo: MakeRepository, opts: ContractOptions = {}): void {
  describe(`${name} (CaseRepository contract)`, () => {
    let repo: CaseRepository;
    beforeEach(async () => {
      repo = await makeRepo(() => NOW);
    });
    afterEach(async () => {
      await repo.close();
    });

    it('stores a new case at revision 0 with updatedAt from the clock', async () => {
      const input = makeCase({ revision: 7 });
      const stored = await repo.save(input, undefined);
      expect(stored).toEqual({ ...input, revision: 0, updatedAt: NOW.toISOString() });
      expect(await repo.get(input.schoolId, input.id)).toEqual(stored);
    });

    it('returns undefined for an unknown case or school', async () => {
      const stored = await repo.save(makeCase(), undefined);
      expect(await repo.get(stored.schoolId, 'no-such-case')).toBeUndefined();
      expect(await repo.get('elm-academy', stored.id)).toBeUndefined();
      expect(await repo.findByPupilRef('elm-academy', stored.pupilRef)).toBeUndefined();
      expect(await repo.listBySchool('elm-academy')).toEqual([]);
    });

    it('scans every case at every school, and a scan taken earlier is not changed by a later save', async () => {
      const a = await repo.save(makeCase({ id: 'a', pupilRef: 'R1' }), undefined);
      await repo.save(makeCase({ id: 'b', pupilRef: 'R2', schoolId: 'elm-academy' }), undefined);
      const before = await repo.scanAll();
      expect(before.map((c) => c.id).sort()).toEqual(['a', 'b']);
      await repo.save({ ...a, currentStep: 4 }, a.revision);
      expect(before.find((c) => c.id === 'a')?.currentStep).toBe(a.currentStep);
      expect((await repo.scanAll()).find((c) => c.id === 'a')?.currentStep).toBe(4);
    });

    it('bumps the revision on update and keeps createdAt', async () => {
      const first = await repo.save(makeCase(), undefined);
      const second = await repo.save({ ...first, currentStep: 2, createdAt: '2030-01-01T00:00:00.000Z' }, 0);
      expect(second).toMatchObject({ revision: 1, currentStep: 2, createdAt: first.createdAt });
      const third = await repo.save({ ...second, currentStep: 3 }, 1);
      expect(third.revision).toBe(2);
      expect(await repo.get(first.schoolId, first.id)).toEqual(third);
    });

    it('refuses a save with a stale revision and keeps the stored case', async () => {
      const first = await repo.save(makeCase(), undefined);
      const second = await repo.save({ ...first, currentStep: 2 }, 0);
      await expect(repo.save({ ...first, currentStep: 4 }, 0)).rejects.toMatchObject({ code: 'conflict' });
      expect(await repo.get(first.schoolId, first.id)).toEqual(second);
    });

    it('lets only one of two racing saves of the same revision win', async () => {
      const first = await repo.save(makeCase(), undefined);
      const results = await Promise.allSettled([
        repo.save({ ...first, currentStep: 2 }, 0),
        repo.save({ ...first, currentStep: 3 }, 0),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((await repo.get(first.schoolId, first.id))?.revision).toBe(1);
    });

    it('refuses a new case whose id is already used at that school', async () => {
      const first = await repo.save(makeCase({ id: 'dup' }), undefined);
      await expect(repo.save(makeCase({ id: 'dup' }), undefined)).rejects.toMatchObject({ code: 'conflict' });
      expect(await repo.listBySchool(first.schoolId)).toEqual([first]);
    });

    it('allows the same case id at another school', async () => {
      await repo.save(makeCase({ id: 'same' }), undefined);
      const other = await repo.save(makeCase({ id: 'same', schoolId: 'elm-academy' }), undefined);
      expect(await repo.get('elm-academy', 'same')).toEqual(other);
    });

    it('reports not-found when updating a case that does not exist', async () => {
      await expect(repo.save(makeCase(), 3)).rejects.toMatchObject({ code: 'not-found' });
    });

    it('refuses a second case with the same pupil reference, whatever its case', async () => {
      await repo.save(makeCase({ pupilRef: 'abc-1' }), undefined);
      await expect(repo.save(makeCase({ pupilRef: 'ABC-1' }), undefined)).rejects.toMatchObject({ code: 'conflict' });
    });

    it('finds a case by pupil reference, ignoring letter case', async () => {
      const stored = await repo.save(makeCase({ pupilRef: 'Mis-42a' }), undefined);
      await repo.save(makeCase(), undefined);
      expect(await repo.findByPupilRef(stored.schoolId, 'MIS-42A')).toEqual(stored);
      expect(await repo.findByPupilRef(stored.schoolId, 'mis-42')).toBeUndefined();
    });

    it('lists a school oldest first', async () => {
      const newer = await repo.save(makeCase({ createdAt: '2025-02-01T10:00:00.000Z' }), undefined);
      const older = await repo.save(makeCase({ createdAt: '2025-01-01T10:00:00+01:00' }), undefined);
      await repo.save(makeCase({ schoolId: 'elm-academy' }), undefined);
      expect(await repo.listBySchool('oak-primary')).toEqual([older, newer]);
    });

    it('lists schools that have cases', async () => {
      expect(await repo.listSchools()).toEqual([]);
      await repo.save(makeCase({ schoolId: 'oak-primary' }), undefined);
      await repo.save(makeCase({ schoolId: 'elm-academy' }), undefined);
      await repo.save(makeCase({ schoolId: 'oak-primary' }), undefined);
      expect(await repo.listSchools()).toEqual(['elm-academy', 'oak-primary']);
    });

    it('does not let callers change stored cases through objects they hold', async () => {
      const input = makeCase({ staffIds: ['staff-1'] });
      const stored = await repo.save(input, undefined);
      input.staffIds.push('intruder');
      stored.staffIds.push('intruder');
      (await repo.get(input.schoolId, input.id))!.staffIds.push('intruder');
      (await repo.listBySchool(input.schoolId))[0]!.staffIds.push('intruder');
      (await repo.findByPupilRef(input.schoolId, input.pupilRef))!.staffIds.push('intruder');
      expect((await repo.get(input.schoolId, input.id))?.staffIds).toEqual(['staff-1']);
    });

    it('rejects an invalid case, naming the field but not its value, and stores nothing', async () => {
      const bad = makeCase({ initials: 'Jonathan' });
      const err: unknown = await repo.save(bad, undefined).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'invalid-input' });
      expect((err as Error).message).toContain('initials');
      expect((err as Error).message).not.toContain('Jonathan');
      expect(await repo.get(bad.schoolId, bad.id)).toBeUndefined();
    });

    it('applies schema defaults to what it stores', async () => {
      const input = makeCase();
      const partial = { ...input, exclusions: undefined } as unknown as typeof input;
      expect((await repo.save(partial, undefined)).exclusions).toEqual([]);
    });

    it('rejects school ids that could escape the data directory', async () => {
      for (const schoolId of ['../evil', 'a/b', '..', 'Oak-Primary', '']) {
        await expect(repo.save(makeCase({ schoolId }), undefined)).rejects.toMatchObject({ code: 'invalid-input' });
        await expect(repo.get(schoolId, 'x')).rejects.toMatchObject({ code: 'invalid-input' });
      }
      expect(await repo.listSchools()).toEqual([]);
    });

    describe('concurrent writers', () => {
      /** The repositories writing at once: this one, and another instance's where the store has them. */
      const writers = async (): Promise<CaseRepository[]> => (opts.sibling ? [repo, await opts.sibling(() => NOW)] : [repo]);
      const closing: CaseRepository[] = [];
      afterEach(async () => {
        for (const r of closing.splice(0)) if (r !== repo) await r.close();
      });
      const open = async () => {
        const ws = await writers();
        closing.push(...ws);
        return ws;
      };

      it('lets exactly one of ten saves from the same revision win, and keeps the winner', async () => {
        const ws = await open();
        const first = await repo.save(makeCase(), undefined);
        const steps = [2, 3, 4, 5, 6, 2, 3, 4, 5, 6];
        const results = await Promise.allSettled(steps.map((step, i) => ws[i % ws.length]!.save({ ...first, currentStep: step, initials: `A${String.fromCharCode(65 + i)}` }, 0)));
        const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        expect(won).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'conflict' });
        for (const w of ws) expect(await w.get(first.schoolId, first.id)).toEqual(won[0]);
      });

      it('loses no change when ten writers each read, change and save one case, trying again on a conflict', async () => {
        const ws = await open();
        const first = await repo.save(makeCase({ staffIds: [] }), undefined);
        await Promise.all(Array.from({ length: 10 }, (_, i) => saveWithRetry(ws[i % ws.length]!, first.schoolId, first.id, (c) => ({ ...c, staffIds: [...c.staffIds, `staff-${i}`] }))));
        const last = (await repo.get(first.schoolId, first.id))!;
        expect(last.revision).toBe(10);
        expect([...last.staffIds].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `staff-${i}`).sort());
      });

      it('keeps every one of twenty new cases saved at once to one school', async () => {
        const ws = await open();
        const cases = Array.from({ length: 20 }, () => makeCase());
        await Promise.all(cases.map((c, i) => ws[i % ws.length]!.save(c, undefined)));
        for (const w of ws) expect((await w.listBySchool('oak-primary')).map((c) => c.id).sort()).toEqual(cases.map((c) => c.id).sort());
      });

      it('lets only one of two new cases with one pupil reference in, however they race', async () => {
        const ws = await open();
        const a = makeCase({ pupilRef: 'race-1' });
        const b = makeCase({ pupilRef: 'RACE-1' });
        const results = await Promise.allSettled([ws[0]!.save(a, undefined), ws[ws.length - 1]!.save(b, undefined)]);
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect(await repo.listBySchool('oak-primary')).toHaveLength(1);
      });
    });

    describe('what the reminder pass plans from', () => {
      const lac = { senSupport: false, ehcp: false, lookedAfter: true, previouslyLookedAfter: false, socialWorker: false };

      it('is exactly what dueItems works out from every case, through new cases, changes, a refused save and a closed plan', async () => {
        const [pack, calendar] = await Promise.all([worcestershire(), contractCalendar()]);
        const a = await repo.save(makeCase({ flags: lac, pcps: [pcp('2026-11-25')] }), undefined);
        const b = await repo.save(makeCase({ ehcRequestedOn: '2026-09-07', psps: [psp('2026-11-02')] } as Partial<PupilCase>), undefined);
        const c = await repo.save(makeCase({ exclusions: [permanentExclusion('2026-12-01')] }), undefined);
        await repo.save({ ...a, pcps: [pcp('2027-01-12'), pcp('2026-12-03', { id: 'pcp-2' })] }, a.revision);
        await repo.save({ ...b, psps: [psp('2026-11-02', { status: 'closed' })] }, b.revision);
        const c2 = await repo.save({ ...c, initials: 'CD' }, c.revision);
        // A save from a stale read is refused, and its review is never planned.
        await expect(repo.save({ ...c, pcps: [pcp('2026-11-24', { id: 'pcp-9' })] }, c.revision)).rejects.toMatchObject({ code: 'conflict' });
        let seen = 0;
        for (let today = '2026-11-16'; today <= '2027-02-15'; today = addDays(today, 2)) {
          const dueBy = addDays(today, 6);
          const expected = dueItems(await repo.scanAll(), { pack, calendar, today, dueBy });
          const planned = (await repo.dueItemsBy?.(today, dueBy)) ?? dueItems(await repo.scanAll(), { pack, calendar, today, dueBy });
          expect(planned, today).toEqual(expected);
          seen += planned.length;
          expect(planned.some((i) => i.planId === 'pcp-9')).toBe(false);
        }
        expect(seen).toBeGreaterThan(0);
        // The changed case's items carry what it says now.
        expect((await repo.dueItemsBy?.('2026-12-01', '2026-12-07'))?.find((i) => i.caseId === c2.id)?.title ?? `for CD`).toContain('for CD');
      });
    });
  });
}
