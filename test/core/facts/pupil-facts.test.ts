import { describe, expect, it } from 'vitest';
import { PupilCase } from '../../../src/core/cases/pupil-case.js';
import { FactEntry, type NewFact } from '../../../src/core/facts/fact-entry.js';
import { effectiveEntries, pupilFacts } from '../../../src/core/facts/pupil-facts.js';
import { recordFact } from '../../../src/core/facts/record-fact.js';
import { partTimeFigures } from '../../../src/core/record/pupil-figures.js';
import { makeCase } from '../../helpers/make-case.js';

/**
 * The chronology of facts as given–when–then: given a record (its starting flags and entries), when a
 * fact is recorded or corrected, then the facts now are the fold of the entries, and nothing
 * recorded is ever changed.
 */

const ctx = (at = '2026-11-20T10:00:00Z', by = 'sendco-1') => ({ by, now: new Date(at) });

let n = 0;
const entry = (e: Partial<FactEntry> & Pick<FactEntry, 'fact'> & Record<string, unknown>): FactEntry =>
  FactEntry.parse({ id: `e${++n}`, at: '2026-11-20T10:00:00.000Z', by: 'sendco-1', on: '2026-11-01', ...e });

const record = (c: PupilCase, ...facts: NewFact[]) => facts.reduce((x, f, i) => recordFact(x, f, ctx(`2026-11-20T10:0${i}:00Z`)), c);

describe('the facts now are folded from the chronology', () => {
  it('a record with no entries (any file saved before them) reads its stored flags as they are', () => {
    const old = PupilCase.parse({ ...makeCase({ flags: { senSupport: true, ehcp: false, lookedAfter: true, previouslyLookedAfter: false, socialWorker: true }, riskOfPermanentExclusion: true, ehcRequestedOn: '2026-10-01' }), facts: undefined });
    expect(old.facts).toEqual([]);
    expect(pupilFacts(old)).toEqual({ flags: old.flags, riskOfPermanentExclusion: true, ehcRequestedOn: '2026-10-01' });
  });

  it('the stored flags are the starting state: each entry changes it, and the stored fields never change', () => {
    const c = record(
      makeCase({ flags: { senSupport: true, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false } }),
      { fact: 'care', care: 'looked-after', on: '2026-11-02', why: 'Placed with foster carers' },
      { fact: 'social-worker', has: true, on: '2026-11-03', why: '' },
      { fact: 'risk-of-permanent-exclusion', atRisk: true, on: '2026-11-10', why: '' },
    );
    expect(c.flags.lookedAfter).toBe(false);
    expect(c.riskOfPermanentExclusion).toBe(false);
    expect(pupilFacts(c)).toMatchObject({ flags: { lookedAfter: true, socialWorker: true, senSupport: true }, riskOfPermanentExclusion: true });
    expect(c.facts.map((e) => [e.fact, e.by, e.on])).toEqual([
      ['care', 'sendco-1', '2026-11-02'],
      ['social-worker', 'sendco-1', '2026-11-03'],
      ['risk-of-permanent-exclusion', 'sendco-1', '2026-11-10'],
    ]);
    expect(c.timeline.map((t) => [t.what, t.ref])).toEqual(c.facts.map((e) => [`fact.${e.fact}`, e.id]));
  });

  it('entries are read by the day they happened, so one recorded late takes its place in time', () => {
    const c = makeCase({
      facts: [entry({ fact: 'risk-of-permanent-exclusion', atRisk: false, on: '2026-11-15' }), entry({ fact: 'risk-of-permanent-exclusion', atRisk: true, on: '2026-11-01', at: '2026-11-20T11:00:00.000Z' })],
      riskOfPermanentExclusion: false,
    });
    expect(pupilFacts(c).riskOfPermanentExclusion).toBe(false);
  });

  it('an EHC request sets the LA’s dates; an EHCP issued, or the LA deciding not to assess, settles it', () => {
    const asked = record(makeCase(), { fact: 'ehc-assessment', status: 'requested', on: '2026-10-05', why: '' });
    expect(pupilFacts(asked).ehcRequestedOn).toBe('2026-10-05');
    const issued = record(asked, { fact: 'send', send: 'ehcp', on: '2026-11-19', why: '' });
    expect(pupilFacts(issued)).toMatchObject({ flags: { ehcp: true, senSupport: false }, ehcpIssuedOn: '2026-11-19' });
    expect(pupilFacts(issued).ehcRequestedOn).toBeUndefined();
    const stopped = record(asked, { fact: 'ehc-assessment', status: 'not-going-ahead', on: '2026-11-16', why: 'LA decided not to assess' });
    expect(pupilFacts(stopped).ehcRequestedOn).toBeUndefined();
  });

  it('a part-time timetable runs from its start to its planned end, with its hours and when the LA was told, until it ends', () => {
    const on = record(makeCase(), { fact: 'part-time-timetable', on: '2026-11-02', plannedEndDate: '2026-12-11', hoursPerWeek: 15, why: '' });
    expect(pupilFacts(on).partTimeTimetable).toEqual({ startDate: '2026-11-02', endDate: '2026-12-11', hoursPerWeek: 15 });
    const told = record(on, { fact: 'part-time-timetable', on: '2026-11-02', plannedEndDate: '2026-12-11', hoursPerWeek: 15, laNotifiedOn: '2026-11-04', why: 'LA told' });
    expect(pupilFacts(told).partTimeTimetable?.laNotifiedOn).toBe('2026-11-04');
    expect(pupilFacts(record(told, { fact: 'part-time-timetable-ended', on: '2026-11-30', why: '' })).partTimeTimetable).toBeUndefined();
  });

  it('the record’s figures read the timetable as it now stands, whoever calls them', () => {
    const on = record(makeCase(), { fact: 'part-time-timetable', on: '2026-11-02', plannedEndDate: '2026-12-11', hoursPerWeek: 15, why: '' });
    expect(partTimeFigures(on, '2026-11-20')).toMatchObject({ startDate: '2026-11-02', endDate: '2026-12-11', when: 'current' });
  });
});

describe('a mistake is put right by a new entry, never by changing the old one', () => {
  it('a correction stands where the entry it corrects stood; the entry stays in the chronology', () => {
    const c = record(makeCase(), { fact: 'care', care: 'looked-after', on: '2026-11-02', why: '' }, { fact: 'social-worker', has: true, on: '2026-11-05', why: '' });
    const wrong = c.facts[0]!;
    const fixed = record(c, { fact: 'care', care: 'previously-looked-after', on: '2026-11-02', why: 'Adopted, not in care: typed the wrong one', corrects: wrong.id });
    expect(fixed.facts.slice(0, 2)).toEqual(c.facts);
    expect(fixed.facts[2]).toMatchObject({ fact: 'care', care: 'previously-looked-after', corrects: wrong.id });
    expect(fixed.timeline.at(-1)).toMatchObject({ what: 'fact.corrected', ref: fixed.facts[2]!.id });
    expect(pupilFacts(fixed).flags).toMatchObject({ lookedAfter: false, previouslyLookedAfter: true, socialWorker: true });
    expect(effectiveEntries(fixed.facts).map((e) => e.fact)).toEqual(['care', 'social-worker']);
  });

  it('a withdrawal makes the entry count for nothing; a correction of a correction replaces the latest', () => {
    const c = record(makeCase(), { fact: 'social-worker', has: true, on: '2026-11-05', why: '' });
    const first = c.facts[0]!;
    const withdrawn = record(c, { fact: 'withdrawn', on: '2026-11-20', why: 'Wrong pupil', corrects: first.id });
    expect(pupilFacts(withdrawn).flags.socialWorker).toBe(false);
    expect(() => record(withdrawn, { fact: 'withdrawn', on: '2026-11-20', why: 'again', corrects: first.id })).toThrow(/already been withdrawn/);
    const back = record(withdrawn, { fact: 'social-worker', has: true, on: '2026-11-06', why: 'It was this pupil after all', corrects: withdrawn.facts[1]!.id });
    expect(pupilFacts(back).flags.socialWorker).toBe(true);
    expect(effectiveEntries(back.facts)).toEqual([expect.objectContaining({ on: '2026-11-06' })]);
  });

  it('refuses what would not make sense, saying what to do', () => {
    const c = record(makeCase(), { fact: 'care', care: 'looked-after', on: '2026-11-02', why: '' });
    expect(() => record(c, { fact: 'care', care: 'looked-after', on: '2026-11-10', why: '' })).toThrow(/already says: looked after.*correct the entry/);
    expect(() => record(c, { fact: 'social-worker', has: true, on: '2026-11-10', why: '', corrects: c.facts[0]!.id })).toThrow(/keeps to what the entry was about/);
    expect(() => record(c, { fact: 'care', care: 'neither', on: '2026-11-10', why: '', corrects: 'no-such-entry' })).toThrow(/not in this pupil’s record/);
    expect(() => record(c, { fact: 'part-time-timetable-ended', on: '2026-11-10', why: '' })).toThrow(/no part-time timetable/);
    expect(() => record(c, { fact: 'ehc-assessment', status: 'not-going-ahead', on: '2026-11-10', why: '' })).toThrow(/No EHC needs assessment is waiting/);
    expect(() => record(c, { fact: 'part-time-timetable', on: '2026-11-10', plannedEndDate: '2026-11-01', hoursPerWeek: 10, why: '' })).toThrow(/before the start/);
    expect(() => record(c, { fact: 'suspension-return', on: '2026-11-10', exclusionId: 'x', days: 5, why: '' })).toThrow(/Record it first/);
  });

  it('a hand-edited file whose corrections go round in a circle loads and counts neither', () => {
    const c = makeCase({ facts: [entry({ id: 'a', fact: 'social-worker', has: true, corrects: 'b' }), entry({ id: 'b', fact: 'social-worker', has: true, corrects: 'a' })] });
    expect(pupilFacts(c).flags.socialWorker).toBe(false);
  });
});
