import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { PupilCase } from '../cases/pupil-case.js';
import { AppError } from '../errors.js';
import type { ChangeContext } from '../plans/plan-changes.js';
import { FactEntry, type FactKind, type NewFact } from './fact-entry.js';
import { describeFact, describeFacts } from './fact-words.js';
import { evolveFacts, originalOf, pupilFacts, type PupilFacts } from './pupil-facts.js';
import { ukDate } from '../text/uk-date.js';

/**
 * Deciding whether a fact may be added to a pupil's chronology, and adding it: the entry with its
 * id, who and when, and a timeline entry ("fact.care", "fact.corrected") that refers to it. Pure
 * apart from the new id; access is the caller's (CaseService.recordFact). Refusals say what to do.
 */
export function recordFact(c: PupilCase, input: NewFact, ctx: ChangeContext): PupilCase {
  const entry = FactEntry.parse({ ...input, id: randomUUID(), at: ctx.now.toISOString(), by: ctx.by });
  if (entry.corrects) checkCorrection(c, entry);
  else checkChange(c, entry);
  const what = entry.corrects ? 'fact.corrected' : `fact.${entry.fact}`;
  return { ...c, facts: [...c.facts, entry], timeline: [...c.timeline, { at: entry.at, by: ctx.by, what, ref: entry.id }] };
}

/** What an entry is about: a part-time timetable's end belongs with the timetable, so one corrects the other. */
export const factFamily = (kind: FactKind): FactKind => (kind === 'part-time-timetable-ended' ? 'part-time-timetable' : kind);

/** Said when a PEP meeting is recorded for a pupil the record does not have as looked after. */
export const PEP_NOT_LOOKED_AFTER = 'The record does not have this pupil as looked after, and the termly PEP is for a looked-after child. If they are looked after, record that first with "update" (looked after), or type "cancel".';

/**
 * Why an EHCP issued on `on` (London date) cannot be recorded against the facts `now`: it is dated
 * before the EHC needs assessment request waiting for it. Undefined when it may be.
 */
export function ehcpBeforeRequest(now: Pick<PupilFacts, 'ehcRequestedOn'>, on: string): string | undefined {
  const asked = now.ehcRequestedOn;
  if (!asked || on >= asked) return undefined;
  return `The EHCP is dated ${ukDate(on)}, before the EHC needs assessment was requested on ${ukDate(asked)}. An EHCP is issued after the request: please type a date on or after ${ukDate(asked)}.`;
}

const refuse = (message: string): never => {
  throw new AppError(message, 'invalid-input');
};

/** A correction names an entry of this pupil's and keeps to its kind of fact (or withdraws it). */
function checkCorrection(c: PupilCase, e: FactEntry): void {
  const original = originalOf(c.facts, e.corrects!);
  if (!original) refuse('That entry is not in this pupil’s record, so it cannot be corrected.');
  if (e.fact !== 'withdrawn' && factFamily(e.fact) !== factFamily(original!.fact))
    refuse(`A correction keeps to what the entry was about (${describeFact(original!)}). To record something else, record it as a change of its own.`);
  const latest = c.facts.filter((x) => x.corrects && originalOf(c.facts, x.id)?.id === original!.id).at(-1);
  if (e.fact === 'withdrawn' && latest?.fact === 'withdrawn') refuse('That entry has already been withdrawn.');
  checkValues(c, e);
}

/** A change must change something: saying again what the record already says is refused, kindly. */
function checkChange(c: PupilCase, e: FactEntry): void {
  const now = pupilFacts(c);
  if (e.fact === 'ehc-assessment' && e.status === 'not-going-ahead' && !now.ehcRequestedOn) refuse('No EHC needs assessment is waiting for this pupil, so there is none to stop.');
  if (e.fact === 'pep-meeting' && !now.flags.lookedAfter) refuse(PEP_NOT_LOOKED_AFTER);
  if (e.fact === 'send' && e.send === 'ehcp') {
    const problem = ehcpBeforeRequest(now, e.on);
    if (problem) refuse(problem);
  }
  if (e.fact === 'part-time-timetable-ended' && !now.partTimeTimetable) refuse('The record has no part-time timetable for this pupil, so there is none to end.');
  const toggles = e.fact === 'care' || e.fact === 'social-worker' || e.fact === 'send' || e.fact === 'risk-of-permanent-exclusion';
  if (toggles && sameFlags(evolveFacts(now, e), now))
    refuse(`The record already says: ${describeFacts(now, e.fact)}. To change when that began, correct the entry that says so ("Correct an earlier entry").`);
  checkValues(c, e);
}

const sameFlags = (a: ReturnType<typeof pupilFacts>, b: ReturnType<typeof pupilFacts>) => isDeepStrictEqual(a.flags, b.flags) && a.riskOfPermanentExclusion === b.riskOfPermanentExclusion;

/** What the values themselves must hold, whether first recorded or corrected. */
function checkValues(c: PupilCase, e: FactEntry): void {
  if (e.fact === 'part-time-timetable' && e.plannedEndDate < e.on) refuse(`The planned end (${ukDate(e.plannedEndDate)}) is before the start (${ukDate(e.on)}). Please check the dates.`);
  if (e.fact === 'pep-meeting' && e.nextOn && e.nextOn <= e.on) refuse(`The next PEP meeting (${ukDate(e.nextOn)}) is not after this one (${ukDate(e.on)}). Please check the dates.`);
  if (e.fact === 'suspension-return') {
    const x = c.exclusions.find((s) => s.id === e.exclusionId && s.kind === 'suspension');
    if (!x) refuse('That suspension is not on this pupil’s record. Record it first with "exclusion".');
    if (x!.startDate > e.on) refuse(`The return (${ukDate(e.on)}) is before the suspension began (${ukDate(x!.startDate)}). Please check the date.`);
  }
  if (e.fact === 'provision-started') {
    const x = c.exclusions.find((s) => s.id === e.exclusionId);
    if (!x) refuse('That exclusion is not on this pupil’s record. Record it first with "exclusion".');
    if (x!.startDate > e.on) refuse(`Provision cannot start (${ukDate(e.on)}) before the exclusion began (${ukDate(x!.startDate)}). Please check the date.`);
  }
}
