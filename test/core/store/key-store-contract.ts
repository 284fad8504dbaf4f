import { describe, expect, it } from 'vitest';
import type { KeyStore } from '../../../src/app/once.js';

/** The behaviour every idempotency key store shares; `make` gives an empty one, `sibling` another instance's on the same storage. */
export function describeKeyStoreContract(name: string, make: () => Promise<KeyStore>, sibling?: () => Promise<KeyStore>): void {
  describe(`${name} (idempotency key contract)`, () => {
    it('lets a key be taken once until it expires, then again', async () => {
      const s = await make();
      expect(await s.take('teams-activity:a1', 2_000, 1_000)).toBe(true);
      expect(await s.take('teams-activity:a1', 3_000, 1_999)).toBe(false);
      expect(await s.take('teams-activity:a1', 3_000, 2_000)).toBe(true);
      expect(await s.take('slack-event:a1', 3_000, 2_000)).toBe(true);
    });

    it('gives a released key back, and extends a held one with put', async () => {
      const s = await make();
      await s.take('form:f1', 2_000, 1_000);
      await s.release('form:f1');
      expect(await s.take('form:f1', 2_000, 1_000)).toBe(true);
      await s.put('form:f1', 10_000);
      expect(await s.take('form:f1', 20_000, 5_000)).toBe(false);
    });

    it('lets exactly one of twenty takes of one key at once succeed', async () => {
      const stores = [await make(), ...(sibling ? [await sibling()] : [])];
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % stores.length]!.take('slack-event:Ev42', 5_000, 1_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
