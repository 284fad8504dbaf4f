import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCalendarSettings } from '../../../src/core/calendar/calendar-settings.js';
import { SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import type { Exclusion, PupilCase, PupilFlags } from '../../../src/core/cases/pupil-case.js';
import { checkExclusion, firstDayProblem, warningRecommendation, type ProposedExclusion } from '../../../src/core/exclusions/check-before-saving.js';
import { schoolYearOf, suspensionDays } from '../../../src/core/exclusions/suspension-days.js';
import type { KnowledgePack } from '../../../src/knowledge/schema/pack.js';
import { makeCase } from '../../helpers/make-case.js';
import { worcestershire } from '../../helpers/pack.js';

const EXAMPLE = fileURLToPath(new URL('../../../src/core/calendar/example-term-dates.json', import.meta.url));

let pack: KnowledgePack;
let terms: SchoolCalendar;
const noTerms = new SchoolCalendar();
beforeAll(async () => {
  pack = await worcestershire();
  terms = new SchoolCalendar(await loadCalendarSettings(EXAMPLE));
});

let n = 0;
const suspension = (startDate: string, days: number): Exclusion => ({ id: `x${++n}`, kind: 'suspension', startDate, days, reason: 'threw a chair', recordedBy: 's', recordedAt: `${startDate}T09:00:00.000Z` });
const pupil = (exclusions: Exclusion[] = [], flags: Partial<PupilFlags> = {}): PupilCase => {
  const c = makeCase({ exclusions });
  return { ...c, flags: { ...c.flags, ...flags } };
};
const propose = (startDate: string, days: number, reason = 'threw a chair at a member of staff'): ProposedExclusion => ({ kind: 'suspension', startDate, days, reason });
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);

describe('school days a suspension covers (school days, London dates)', () => {
  it('skips weekends and half term, so 5 days from Thursday 22 October 2026 end on 4 November', () => {
    expect(suspensionDays(terms, { startDate: '2026-10-22', days: 5 })).toEqual(['2026-10-22', '2026-10-23', '2026-11-02', '2026-11-03', '2026-11-04']);
    expect(suspensionDays(noTerms, { startDate: '2026-10-22', days: 5 })).toEqual(['2026-10-22', '2026-10-23', '2026-10-26', '2026-10-27', '2026-10-28']);
  });

  it('counts weekdays once the term dates run out, rather than calling every day a holiday', () => {
    expect(suspensionDays(terms, { startDate: '2027-09-06', days: 2 })).toEqual(['2027-09-06', '2027-09-07']);
  });

  it('puts every day from 1 August to 31 July in one school year (Education Act 1996 s.579)', () => {
    expect(schoolYearOf('2026-08-01')).toEqual({ label: '2026/27', start: '2026-08-01', end: '2027-07-31' });
    expect(schoolYearOf('2026-07-31').label).toBe('2025/26');
  });
});

describe('refused before saving', () => {
  it('a 5-day suspension overlapping a 45-day one: past the 45-day limit, and the dates named', () => {
    const check = checkExclusion(pack, noTerms, pupil([suspension('2026-09-14', 45)]), propose('2026-10-19', 5));
    expect(ids(check.refusals)).toEqual(['over-year-limit', 'overlap']);
    const [limit, overlap] = check.refusals.map((r) => r.message);
    expect(limit).toContain('This would make 50 school days of suspension in the 2026/27 school year, and the law allows no more than 45');
    expect(limit).toContain('Education Act 2002');
    expect(limit).toContain('45 are already recorded, so no further suspension can be given in this school year');
    expect(overlap).toContain('overlap the 45-day suspension already recorded from Mon 14 Sep 2026 to Fri 13 Nov 2026');
    expect(overlap).toContain('Mon 19 Oct 2026, Tue 20 Oct 2026, Wed 21 Oct 2026, Thu 22 Oct 2026, Fri 23 Oct 2026');
  });

  it('past the limit without any overlap, saying how many are left', () => {
    const check = checkExclusion(pack, noTerms, pupil([suspension('2026-09-14', 43)]), propose('2026-11-16', 5));
    expect(ids(check.refusals)).toEqual(['over-year-limit']);
    expect(check.refusals[0]!.message).toContain('48 school days');
    expect(check.refusals[0]!.message).toContain('at most 2 more');
    expect(checkExclusion(pack, noTerms, pupil([suspension('2026-09-14', 43)]), propose('2026-11-16', 2)).refusals).toEqual([]);
  });

  it('counts only the school year the days fall in: last summer’s 40 days do not count in September', () => {
    expect(checkExclusion(pack, noTerms, pupil([suspension('2026-05-05', 40)]), propose('2026-09-07', 10)).refusals).toEqual([]);
  });

  it('a first day that is not a school day, naming the first school day after it', () => {
    expect(firstDayProblem(noTerms, '2026-11-21')).toBe('Sat 21 Nov 2026 is not a school day (weekend). An exclusion starts on a school day: the first one after it is Mon 23 Nov 2026.');
    expect(firstDayProblem(terms, '2026-12-25')).toContain('the first one after it is Tue 5 Jan 2027');
    expect(firstDayProblem(terms, '2026-11-23')).toBeUndefined();
    expect(ids(checkExclusion(pack, terms, pupil(), propose('2026-12-22', 2)).refusals)).toEqual(['not-a-school-day']);
  });

  it('never refuses a permanent exclusion for falling inside a suspension (a suspension may become one)', () => {
    const check = checkExclusion(pack, noTerms, pupil([suspension('2026-11-16', 5)]), { kind: 'permanent', startDate: '2026-11-18', days: 0, reason: 'serious assault on a member of staff' });
    expect(check.refusals).toEqual([]);
  });
});

describe('days this term, against the term dates', () => {
  it('does not add an autumn suspension to a spring one: 12 + 4 days in different terms is no warning', () => {
    const check = checkExclusion(pack, terms, pupil([suspension('2026-11-02', 12)]), propose('2027-01-05', 4));
    expect(ids(check.warnings)).not.toContain('term-days');
  });

  it('warns once this term’s days pass 15, saying the governing board must consider reinstatement', () => {
    const check = checkExclusion(pack, terms, pupil([suspension('2027-01-05', 12)]), propose('2027-02-01', 4));
    const w = check.warnings.find((x) => x.id === 'term-days')!;
    expect(w.because).toBe('with this one, 16 school days of suspension in Spring 2027 (Tue 5 Jan 2027 to Fri 26 Mar 2027): more than 15, so the governing board must consider reinstatement');
    expect(warningRecommendation(pack, pack.rules!, w).detail).toContain('governing board must meet to consider reinstating');
  });

  it('does not warn at exactly 15: the seeds’ rule is over 15 (003 “over 15 school days”), and the heading says so', () => {
    const w = checkExclusion(pack, terms, pupil([suspension('2027-01-05', 11)]), propose('2027-02-01', 4)).warnings.find((x) => x.id === 'term-days');
    expect(w).toBeUndefined();
    expect(pack.rules!.suspensions.termDays.title).toMatch(/^Over 15 school days of suspension this term/);
  });

  it('without term dates, counts the school year and says the term cannot be counted', () => {
    const w = checkExclusion(pack, noTerms, pupil([suspension('2026-09-14', 12)]), propose('2026-11-16', 4)).warnings.find((x) => x.id === 'term-days');
    expect(w?.because).toContain('16 school days of suspension in the 2026/27 school year; no term dates are set');
  });
});

describe('warned before saving', () => {
  it('only the lawful-reason reminder for a pupil with nothing else to check', () => {
    const check = checkExclusion(pack, terms, pupil(), propose('2026-11-23', 2));
    expect(check).toEqual({ refusals: [], warnings: [{ id: 'lawful-reason', because: 'every suspension and exclusion needs a disciplinary reason' }] });
  });

  it.each([
    [{ lookedAfter: true }, 'virtual-school', 'a looked-after child'],
    [{ previouslyLookedAfter: true }, 'virtual-school-previously', 'a previously looked-after child'],
    [{ socialWorker: true }, 'social-worker', 'the pupil has a social worker'],
    [{ ehcp: true }, 'ehcp', 'a suspension of a pupil with an EHC plan'],
  ] as const)('%o brings %s', (flags, id, because) => {
    const w = checkExclusion(pack, terms, pupil([], flags), propose('2026-11-23', 2)).warnings;
    expect(ids(w)).toEqual([id, 'lawful-reason']);
    expect(w[0]!.because).toContain(because);
  });

  it('never calls a previously looked-after child looked after: their own advice, not the in-care one (issue 12, fresh tester)', () => {
    const rules = pack.rules!;
    const w = checkExclusion(pack, terms, pupil([], { previouslyLookedAfter: true }), propose('2026-11-23', 2)).warnings[0]!;
    const rec = warningRecommendation(pack, rules, w);
    expect(`${rec.title} ${rec.brief ?? ''} ${rec.detail}`).not.toMatch(/^Looked-after|Children in care|Looked-after child:/);
    expect(rec.title).toMatch(/^Previously looked-after child/);
    expect(rec.services.map((s) => s.id)).toContain('virtual-school');
  });

  it('each warning carries the pack’s advice, who leads it, its source and contacts', () => {
    const rules = pack.rules!;
    const virtual = warningRecommendation(pack, rules, { id: 'virtual-school', because: 'x' });
    expect(virtual.services.map((s) => s.id)).toContain('virtual-school');
    expect(virtual.citation).toContain('Hertfordshire');
    const ehcp = warningRecommendation(pack, rules, { id: 'ehcp', because: 'x' });
    expect(ehcp.detail).toContain('emergency annual review');
    expect(ehcp.detail).toContain('SEN team');
    expect(ehcp.services.map((s) => s.id)).toContain('send-local-offer');
    expect(ehcp.citation).toContain('Hackney');
    const social = warningRecommendation(pack, rules, { id: 'social-worker', because: 'x' });
    expect(social.detail).toContain('social worker');
  });

  it('puts an unlawful-sounding reason first, quoting it: pressing parents to home educate to take a pupil off roll', () => {
    const w = checkExclusion(pack, terms, pupil([], { lookedAfter: true }), propose('2026-11-23', 2, 'we persuaded mum to home educate him so he comes off roll')).warnings;
    expect(ids(w)).toEqual(['unlawful-reason', 'virtual-school']);
    expect(w[0]!.because).toContain('off-rolling');
    expect(warningRecommendation(pack, pack.rules!, w[0]!).title).toBe('Check the reason is lawful before any suspension or exclusion');
  });

  it.each([
    ['poor grades in mocks', 'attainment'],
    ['wearing the wrong shoes', 'minor incident'],
    ['truanting', 'minor incident'],
    ['mum was rude to reception staff', 'parent'],
    ['he can not come back until he apologises to Mr B', 'condition'],
  ])('reads a bare reason as a reason: “%s” is warned about (%s)', (reason, label) => {
    const w = checkExclusion(pack, terms, pupil([]), propose('2026-11-23', 1, reason)).warnings;
    expect(ids(w)).toEqual(['unlawful-reason']);
    expect(w[0]!.because).toContain(label);
  });

  it.each(['kicked a TA during a restraint', 'racist abuse towards another pupil', 'swore at a teacher and refused to hand over his phone', 'vandalised the toilets'])(
    'keeps only the lawful-reason reminder for the disciplinary reason “%s”',
    (reason) => expect(ids(checkExclusion(pack, terms, pupil([]), propose('2026-11-23', 1, reason)).warnings)).toEqual(['lawful-reason']),
  );
});
