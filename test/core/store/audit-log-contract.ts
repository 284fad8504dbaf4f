import { describe, expect, it } from 'vitest';
import type { AuditEvent, AuditLog } from '../../../src/core/store/case-repository.js';

/** An audit event with ids only; override what a test needs. */
export function event(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return { at: '2025-03-10T09:00:00.000Z', actorId: 'staff-1', action: 'case.read', schoolId: 'oak-primary', caseId: 'case-1', outcome: 'allowed', ...overrides };
}

/** The behaviour every AuditLog must share; run it once per implementation. */
export function describeAuditLog(name: string, make: () => Promise<AuditLog>): void {
  describe(`${name} (AuditLog contract)`, () => {
    it('lists what was recorded, most recent last', async () => {
      const log = await make();
      const a = event({ at: '2025-03-10T09:00:00.000Z' });
      const b = event({ at: '2025-02-01T09:00:00.000Z', action: 'case.update', outcome: 'done' });
      const c = event({ at: '2025-03-10T10:00:00.000Z', outcome: 'denied' });
      for (const e of [a, b, c]) await log.record(e);
      expect(await log.list()).toEqual([b, a, c]);
    });

    it('filters by case and by actor', async () => {
      const log = await make();
      await log.record(event({ caseId: 'case-1', actorId: 'staff-1' }));
      await log.record(event({ caseId: 'case-2', actorId: 'staff-1' }));
      await log.record(event({ caseId: 'case-1', actorId: 'staff-2' }));
      expect((await log.list({ caseId: 'case-1' })).map((e) => e.actorId)).toEqual(['staff-1', 'staff-2']);
      expect((await log.list({ actorId: 'staff-1' })).map((e) => e.caseId)).toEqual(['case-1', 'case-2']);
      expect(await log.list({ caseId: 'case-1', actorId: 'staff-2' })).toHaveLength(1);
    });

    it('keeps ids only: extra fields are dropped and sentences refused', async () => {
      const log = await make();
      await log.record({ ...event(), initials: 'AB' } as AuditEvent);
      expect(await log.list()).toEqual([event()]);
      await expect(log.record(event({ action: 'read the case of a pupil' }))).rejects.toMatchObject({ code: 'invalid-input' });
      await expect(log.record(event({ at: 'yesterday' }))).rejects.toMatchObject({ code: 'invalid-input' });
    });

    it('keeps the order of concurrent records', async () => {
      const log = await make();
      const actions = Array.from({ length: 20 }, (_, i) => `step.${i}`);
      await Promise.all(actions.map((action) => log.record(event({ action }))));
      expect((await log.list()).map((e) => e.action)).toEqual(actions);
    });
  });
}

