import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/knowledge/load-pack.js';

/**
 * Which services the exclusion warnings name (issue 12: a suspension warning listed the home
 * education / Gypsy, Roma and Traveller team). Seed 000 "Suspensions & Permanent Exclusions" sends
 * schools to the Education Engagement – Inclusion Team (its exclusions and re-integration work);
 * Appendix 1 gives the EHE, GRT team one part in exclusion: education for a permanently excluded
 * pupil within six days. So suspensions name the inclusion team only.
 */
describe('services named by the exclusion warnings', async () => {
  const pack = await loadPack('worcestershire');
  const EHE_GRT = 'exclusions-ehe-grt-team';

  it('every suspension warning names the Education Engagement – Inclusion Team and not the home education / GRT team', () => {
    const s = pack.rules!.suspensions;
    for (const [name, rule] of Object.entries({ advice: s.advice, yearLimit: s.yearLimit, termDays: s.termDays, repeated: s.repeated, daySix: s.daySix })) {
      expect(rule!.serviceIds, name).toContain('education-engagement-inclusion-team');
      expect(rule!.serviceIds, name).not.toContain(EHE_GRT);
    }
  });

  it('permanent exclusion still names the team that arranges education from the sixth day (seed 000 Appendix 1)', () => {
    expect(pack.rules!.permanentExclusion.advice.serviceIds).toEqual(['education-engagement-inclusion-team', EHE_GRT]);
  });

});
