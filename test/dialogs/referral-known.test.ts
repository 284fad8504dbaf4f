import { describe, expect, it } from 'vitest';
import { previousExclusions } from '../../src/dialogs/referral-known.js';

/** Issue 11, tester item 9: a referral's "Details of previous exclusions" starts from the pupil's record. */

const x = (startDate: string, days: number, reason: string, kind: 'suspension' | 'permanent' = 'suspension') => ({ id: startDate, kind, startDate, days, reason, recordedBy: 's', recordedAt: `${startDate}T12:00:00.000Z` });

describe('previous exclusions for a referral', () => {
  it('lists each with its date, kind and length in school days, oldest first, never its reason (a referral is read by the LA); nothing when none is recorded', () => {
    expect(previousExclusions({ exclusions: [] }, 4000)).toBeUndefined();
    expect(previousExclusions({ exclusions: [x('2026-11-02', 0, 'Assault on staff', 'permanent'), x('2026-10-05', 2, '  Fighting \n in the yard ')] }, 4000)).toBe(
      'Mon 5 Oct 2026: suspension of 2 school days; Mon 2 Nov 2026: permanent exclusion',
    );
  });

  it('keeps within the field’s limit: the latest that fit, saying how many earlier ones are on the record', () => {
    const many = Array.from({ length: 6 }, (_, i) => x(`2026-10-0${i + 1}`, 1, 'r'.repeat(60)));
    const text = previousExclusions({ exclusions: many }, 120)!;
    expect(text.length).toBeLessThanOrEqual(120);
    expect(text).toMatch(/^\d earlier ones? on the pupil’s record; \w{3} \d Oct 2026: suspension/);
    expect(text).toContain('Tue 6 Oct 2026: suspension of 1 school day');
  });
});
