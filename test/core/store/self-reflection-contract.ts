import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SchoolReflections } from '../../../src/core/self-reflection/reflection.js';
import type { SelfReflectionStore } from '../../../src/core/store/self-reflection-store.js';

const AT = '2026-11-20T10:00:00.000Z';
const REFLECTION_ID = '6f1c2a3e-1111-4222-8333-444455556666';

/** Oak Primary's reflections, one area in progress. */
export function oak(over: Partial<SchoolReflections> = {}): SchoolReflections {
  return {
    schoolId: 'oak-primary',
    revision: 0,
    inProgress: { id: REFLECTION_ID, startedAt: AT, startedBy: 'teams:sendco', areas: { leadership: { ratings: { '2.1a': 2, '2.1b': 3 }, note: 'Plan written by SLT only', by: 'teams:sendco', at: AT } } },
    completed: [],
    ...over,
  };
}

/** The behaviour every SelfReflectionStore shares; run once per implementation. */
export function contract(name: string, make: () => Promise<SelfReflectionStore>) {
  describe(`${name} (SelfReflectionStore contract)`, () => {
    let store: SelfReflectionStore;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(() => store.close());

    it('keeps a school’s reflection at revision 0, then 1, and lists every school in id order', async () => {
      expect(await store.get('oak-primary')).toBeUndefined();
      const first = await store.save(oak({ revision: 9 }), undefined);
      expect(first.revision).toBe(0);
      const second = await store.save({ ...first, sharing: { share: true, by: 'teams:sendco', at: AT } }, 0);
      expect(second.revision).toBe(1);
      await store.save({ ...oak(), schoolId: 'elm-high' }, undefined);
      expect((await store.list()).map((s) => [s.schoolId, s.revision])).toEqual([
        ['elm-high', 0],
        ['oak-primary', 1],
      ]);
      expect(await store.get('oak-primary')).toEqual(second);
    });

    it('refuses a save from a stale read, so no area is lost, and a second first save', async () => {
      const first = await store.save(oak(), undefined);
      await store.save(first, 0);
      await expect(store.save(first, 0)).rejects.toMatchObject({ code: 'conflict' });
      await expect(store.save(oak(), undefined)).rejects.toMatchObject({ code: 'conflict' });
      await expect(store.save({ ...oak(), schoolId: 'ash-academy' }, 3)).rejects.toMatchObject({ code: 'not-found' });
    });

    it('refuses a rating off the 1 to 4 scale and a bad school id, saving nothing', async () => {
      const bad = oak();
      bad.inProgress!.areas.leadership!.ratings['2.1a'] = 5;
      await expect(store.save(bad, undefined)).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(store.save({ ...oak(), schoolId: '../etc' }, undefined)).rejects.toMatchObject({ code: 'invalid-input' });
      expect(await store.list()).toEqual([]);
    });

    it('hands out copies: changing what came back changes nothing stored', async () => {
      const saved = await store.save(oak(), undefined);
      saved.inProgress!.areas.leadership!.ratings['2.1a'] = 4;
      (await store.get('oak-primary'))!.completed.push(saved.inProgress!);
      expect((await store.get('oak-primary'))!.inProgress!.areas.leadership!.ratings['2.1a']).toBe(2);
      expect((await store.get('oak-primary'))!.completed).toEqual([]);
    });
  });
}

