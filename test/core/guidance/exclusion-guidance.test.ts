import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCalendarSettings } from '../../../src/core/calendar/calendar-settings.js';
import { SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import type { Exclusion } from '../../../src/core/cases/pupil-case.js';
import { guide } from '../../../src/core/guidance/guide.js';
import { blankSituation, situationFromCase } from '../../../src/core/guidance/situation.js';
import type { PupilSituation } from '../../../src/core/guidance/types.js';
import type { KnowledgePack } from '../../../src/knowledge/schema/pack.js';
import { makeCase } from '../../helpers/make-case.js';
import { worcestershire } from '../../helpers/pack.js';

/** Issue 11's guidance gaps around exclusion: days this term, managed moves, and pupils with an EHCP. */

const EXAMPLE = fileURLToPath(new URL('../../../src/core/calendar/example-term-dates.json', import.meta.url));
let pack: KnowledgePack;
let terms: SchoolCalendar;
beforeAll(async () => {
  pack = await worcestershire();
  terms = new SchoolCalendar(await loadCalendarSettings(EXAMPLE));
});

const run = (s: Partial<PupilSituation>, today = '2026-11-20') => guide(pack, { ...blankSituation(), ...s }, today);
const warning = (g: ReturnType<typeof run>, id: string) => g.warnings.find((w) => w.id === id);
const suspension = (id: string, startDate: string, days: number): Exclusion => ({ id, kind: 'suspension', startDate, days, reason: '', recordedBy: 's', recordedAt: `${startDate}T09:00:00.000Z` });

describe('suspension days: this term against the 15, this school year against the 45', () => {
  it('8 autumn days and 8 spring days are 16 this school year but 8 this term: no governors’ warning', () => {
    const c = makeCase({ currentStep: 3, exclusions: [suspension('a', '2026-11-02', 8), suspension('b', '2027-01-05', 8)] });
    const s = situationFromCase(c, '2027-01-20', {}, terms);
    expect([s.suspensionDaysThisYear, s.suspensionDaysThisTerm]).toEqual([16, 8]);
    expect(warning(guide(pack, s, '2027-01-20'), 'suspension-days')).toBeUndefined();
  });

  it('counts the same school year (from 1 August) for the number of suspensions, their days and the longest, as the pupil summary does', () => {
    // A suspension begun in August belongs to the new school year: it was 0 suspensions but 2 days before.
    const c = makeCase({ currentStep: 3, exclusions: [suspension('a', '2026-08-03', 2)] });
    const s = situationFromCase(c, '2026-09-10', {}, terms);
    expect([s.suspensionsThisYear, s.longestSuspensionDays]).toEqual([1, 2]);
  });

  it('16 days in the spring term warn, counting this term', () => {
    const c = makeCase({ currentStep: 3, exclusions: [suspension('a', '2027-01-05', 8), suspension('b', '2027-01-18', 8)] });
    const w = warning(guide(pack, situationFromCase(c, '2027-01-29', {}, terms), '2027-01-29'), 'suspension-days');
    expect(w?.because).toBe('16 school days of suspension this term (more than 15: the governing board must consider reinstatement); 16 this school year, 29 left before the 45-day limit');
  });

  it('when the term is not known, says so rather than calling the year a term', () => {
    const w = warning(run({ suspensionsThisYear: 2, suspensionDaysThisYear: 16 }), 'suspension-days');
    expect(w?.because).toBe('16 suspension days this school year, 29 left before the 45-day limit; how many fall in this term is not known (more than 15 in a term and the governing board must consider reinstatement)');
  });
});

describe('the Virtual School before a suspension', () => {
  it('gives a previously looked-after child their own advice, never the in-care words (issue 12, fresh tester)', () => {
    const previously = warning(run({ previouslyLookedAfter: true, considerSuspension: true }), 'virtual-school-before-suspension')!;
    expect(previously.title).toMatch(/^Previously looked-after child/);
    expect(previously.detail).not.toContain('Children in care');
    expect(warning(run({ lookedAfter: true, considerSuspension: true }), 'virtual-school-before-suspension')!.title).toMatch(/^Looked-after child/);
  });
});

describe('no managed move for pupils the managed-move route does not cover', () => {
  it.each([
    [{ lookedAfter: true }, 'managed-move-not-looked-after', 'virtual-school'],
    [{ previouslyLookedAfter: true }, 'managed-move-not-looked-after', 'virtual-school'],
    [{ ehcp: true }, 'managed-move-not-ehcp', 'send-local-offer'],
  ] as const)('%o at risk of permanent exclusion: %s instead, pointing to %s', (flags, id, service) => {
    const g = run({ riskOfPermanentExclusion: true, currentStep: 5, ...flags });
    expect(g.warnings.map((w) => w.id)).not.toContain('managed-move');
    expect(g.warnings.flatMap((w) => w.services.map((s) => s.id))).not.toContain('managed-moves');
    const w = warning(g, id)!;
    expect(w.services.map((s) => s.id)).toContain(service);
    expect(w.detail).not.toMatch(/^A managed move lets/);
  });

  it('says why, citing its source: the Fair Access Protocol (000), the SEN team (003)', () => {
    expect(warning(run({ riskOfPermanentExclusion: true, lookedAfter: true }), 'managed-move-not-looked-after')!.citation).toContain('Fair Access Protocol');
    expect(warning(run({ riskOfPermanentExclusion: true, ehcp: true }), 'managed-move-not-ehcp')!.detail).toContain('contact the local authority\'s SEN team');
  });

  it('still suggests a managed move for other pupils at risk of permanent exclusion', () => {
    expect(warning(run({ riskOfPermanentExclusion: true }), 'managed-move')).toBeDefined();
  });
});

describe('a pupil with an EHCP facing suspension or exclusion', () => {
  it('gets the SEN team and an emergency annual review', () => {
    const w = warning(run({ ehcp: true, considerSuspension: true }), 'ehcp-exclusion')!;
    expect(w.detail).toContain('emergency annual review');
    expect(w.services.map((s) => s.id)).toContain('send-local-offer');
    expect(warning(run({ ehcp: true }), 'ehcp-exclusion')).toBeUndefined();
  });
});
