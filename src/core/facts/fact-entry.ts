import { z } from 'zod/v4';
import { IsoDate, IsoDateTime, StaffId } from '../cases/fields.js';

/**
 * One entry of a pupil's chronology of facts: something about the pupil that changed on a day
 * (became looked after, got a social worker, an EHCP issued, a part-time timetable agreed…), who
 * recorded it and when, and why. Entries are only ever added: the pupil's facts now are folded from
 * them (pupil-facts.ts), and a mistake is put right by a new entry that names the one it corrects.
 */

/** Why or what else, in words (no names); the same size as a step change's reason. */
export const WHY_MAX = 500;

/** Ids are UUIDs when the bot makes them; anything short and plain loads. */
const EntryId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

const common = {
  id: EntryId,
  /** When it was recorded. */
  at: IsoDateTime,
  /** Who recorded it. */
  by: StaffId,
  /**
   * The day it happened or takes effect: the day care began, the EHCP was issued, the assessment
   * was requested, the part-time timetable starts, the pupil returns. Entries are read in this
   * order, then in the order they were recorded.
   */
  on: IsoDate,
  /** Why, or anything to note (no names); empty when nothing was said. */
  why: z.string().max(WHY_MAX).default(''),
  /** "Correction of <entry id>": this entry's values stand where that entry stood, which stays on record. */
  corrects: EntryId.optional(),
};

/** Looked after (in care), previously looked after (left care through adoption, an SGO or a CAO), or neither. */
export const CareStatus = z.enum(['looked-after', 'previously-looked-after', 'neither']);
export type CareStatus = z.infer<typeof CareStatus>;

/** Special educational needs: none identified, SEN support, or an EHC plan (`on` is the day it was issued). */
export const SendStatus = z.enum(['none', 'sen-support', 'ehcp']);
export type SendStatus = z.infer<typeof SendStatus>;

/** Who led a PEP meeting, as a role: the Virtual School, the school's designated teacher, the social worker, or someone else. */
export const PepLead = z.enum(['virtual-school', 'designated-teacher', 'social-worker', 'other']);
export type PepLead = z.infer<typeof PepLead>;

export const FactEntry = z.discriminatedUnion('fact', [
  z.strictObject({ ...common, fact: z.literal('care'), care: CareStatus }),
  /** A child in need or child protection plan: the pupil has a social worker, or no longer has one. */
  z.strictObject({ ...common, fact: z.literal('social-worker'), has: z.boolean() }),
  z.strictObject({ ...common, fact: z.literal('send'), send: SendStatus }),
  /**
   * An EHC needs assessment: requested on `on` (the LA's 6- and 20-week dates count from it), or not
   * going ahead (the LA decided not to assess, or the request was withdrawn). An EHCP issued ends it too.
   */
  z.strictObject({ ...common, fact: z.literal('ehc-assessment'), status: z.enum(['requested', 'not-going-ahead']) }),
  /** A part-time timetable from `on` to its planned end; recorded again when it changes (say, once the LA is told). */
  z.strictObject({
    ...common,
    fact: z.literal('part-time-timetable'),
    plannedEndDate: IsoDate,
    hoursPerWeek: z.number().min(0.5).max(40),
    /** The day the LA was told; absent while it has not been. */
    laNotifiedOn: IsoDate.optional(),
    /** When it is to be reviewed, for one planned to run longer than the pack's limit (rules.partTimeTimetableMaxSchoolWeeks); absent otherwise. */
    reviewDate: IsoDate.optional(),
  }),
  /** Back to a full timetable on `on`. */
  z.strictObject({ ...common, fact: z.literal('part-time-timetable-ended') }),
  /** The pupil returns (or returned) on `on` from the recorded suspension `exclusionId`, of `days` school days. */
  z.strictObject({ ...common, fact: z.literal('suspension-return'), exclusionId: z.string().min(1).max(64), days: z.number().min(0).max(45) }),
  z.strictObject({ ...common, fact: z.literal('risk-of-permanent-exclusion'), atRisk: z.boolean() }),
  /**
   * Full-time education began on `on` after the recorded exclusion `exclusionId` (a permanent one, or
   * a suspension past the fifth school day): the day-6 duty (000, permanent exclusion; 001) is met
   * when `on` is no later than the day it fell due, and its reminder stops.
   */
  z.strictObject({ ...common, fact: z.literal('provision-started'), exclusionId: z.string().min(1).max(64) }),
  /**
   * A looked-after child's termly Personal Education Plan meeting was held on `on` (002
   * Hertfordshire, "Statutory Personal Education Plans (ePEP)"), led by `ledBy` (a role, never a
   * name), with the next one set for `nextOn` when known. It meets the PEP of the term it falls in.
   */
  z.strictObject({ ...common, fact: z.literal('pep-meeting'), ledBy: PepLead, nextOn: IsoDate.optional() }),
  /**
   * The pupil is reinstated after the recorded permanent exclusion `exclusionId`, as the governors
   * (or an independent review panel, directing the governors to reconsider) decided on `on` (seed
   * 003, exclusion rules; 000 Appendix 4). The exclusion stays on record, marked reinstated, and no
   * longer stands from `on`: the pupil is back on roll (core/exclusions/reinstated.ts).
   */
  z.strictObject({ ...common, fact: z.literal('reinstated'), exclusionId: z.string().min(1).max(64), decidedBy: z.enum(['governors', 'independent-review-panel']) }),
  /** With `corrects`: that entry should never have been recorded, and counts for nothing. */
  z.strictObject({ ...common, fact: z.literal('withdrawn'), corrects: EntryId }),
]);
export type FactEntry = z.infer<typeof FactEntry>;
export type FactKind = FactEntry['fact'];

/** An entry as a command gives it: the bot adds the id, who and when. */
export type NewFact = DistributiveOmit<FactEntry, 'id' | 'at' | 'by'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
