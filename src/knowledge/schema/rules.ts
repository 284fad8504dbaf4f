import { z } from 'zod/v4';
import { LeadRole, SeedRef, Slug } from './common.js';

/** Words as a reader counts them (core/views/first-screen.ts counts the same way). */
const words = (t: string) => t.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The most words a warning's `brief` may have: several warnings must fit one phone screen. */
export const BRIEF_MAX_WORDS = 30;

/**
 * A warning's whole obligation in one sentence for the first screen: who does what, by when
 * ("The designated teacher calls the Virtual School before any suspension is decided."). The full
 * `detail` waits behind "Show details".
 */
const Brief = z
  .string()
  .min(10)
  .refine((t) => words(t) <= BRIEF_MAX_WORDS, `a brief is at most ${BRIEF_MAX_WORDS} words, to fit a phone screen beside the other warnings`);

/** The words of a recommendation the guidance engine can give; thresholds sit beside it. */
const Advice = z.object({
  title: z.string().min(5).max(120),
  detail: z.string().min(10).max(900),
  /** Required for the warnings a first screen must show (WithBrief); optional for other advice. */
  brief: Brief.optional(),
  ledBy: z.array(LeadRole).min(1),
  /** Services from the directory to offer alongside this advice. */
  serviceIds: z.array(Slug).default([]),
  source: SeedRef,
});
export type Advice = z.infer<typeof Advice>;
/** Advice that is a safeguarding notice or legal warning: its first-screen brief is required, so a pack without one is refused at start-up. */
const WithBrief = Advice.extend({ brief: Brief });

export const Rules = z.object({
  /** Pastoral Support Programme (Hackney, 003). */
  psp: z.object({
    advice: Advice,
    triggers: z.object({
      /** Two or more suspensions (fixed-term exclusions) this year. */
      suspensionsThisYear: z.number().int().min(1),
      /** A single suspension of this many days or more. */
      singleSuspensionDays: z.number().int().min(1),
    }),
    /** Plan a PSP before a pupil returns from a suspension at least this long. */
    beforeReturnFromDays: z.number().int().min(1),
    reviewIntervalDays: z
      .object({ min: z.number().int().min(1), max: z.number().int(), default: z.number().int() })
      .refine((r) => r.min <= r.default && r.default <= r.max, 'default must sit between min and max'),
    /** After this many reviews in a row without positive change, escalate. */
    escalateAfterReviewsWithoutImpact: z.number().int().min(1),
    escalation: Advice,
  }),
  suspensions: z.object({
    /** Statutory maximum suspension days in a school year. */
    maxDaysPerYear: z.number().int().min(1),
    /**
     * School days in a term: above this ("over 15", seed 003; more than 15, seed 000 Appendix 4) the
     * governing board must consider reinstatement, and the check before saving warns.
     */
    governorsMustMeetAfterDaysInTerm: z.number().int().min(1),
    advice: WithBrief,
    /** Why a suspension past maxDaysPerYear is refused: the law that sets the limit. */
    yearLimit: Advice,
    /** Shown before saving when this term's suspension days go over governorsMustMeetAfterDaysInTerm. */
    termDays: Advice,
    /** Shown before saving a third or later suspension in a school year (003: more than two suggest it is not working). */
    repeated: Advice.optional(),
    /** Shown before saving a suspension past the day-6 line: the school arranges full-time education from then (001). */
    daySix: Advice.optional(),
  }),
  unlawfulExclusion: z.object({
    advice: WithBrief,
  }),
  lookedAfter: z.object({
    /** Before any suspension of a looked-after child. */
    beforeSuspension: WithBrief,
    /**
     * Before any suspension of a previously looked-after child: the Virtual School advises (it is
     * not the child's corporate parent); `beforeSuspension` is shown when a pack leaves this out.
     */
    previouslyBeforeSuspension: WithBrief.optional(),
    /** Personal Education Plans are reviewed every term. */
    pep: Advice,
    pepsPerYear: z.number().int().min(1),
  }),
  socialWorker: Advice,
  /** Shown before a suspension or exclusion is saved, for the pupil's circumstances. */
  beforeExclusion: z.object({
    /** A child in need or on a child protection plan. */
    socialWorker: Advice,
    /** A pupil with an EHC plan: the SEN team and an emergency annual review. */
    ehcp: WithBrief,
    /**
     * A pupil on SEN support (no EHC plan): avoid excluding, check the needs are met, involve the
     * SENDCo, consider an EHC needs assessment and alternatives (003). A first-screen warning in
     * "what next" when a suspension is considered, so its brief is required.
     */
    senSupport: WithBrief.optional(),
  }),
  permanentExclusion: z.object({
    /** Full-time provision from this school day after a permanent exclusion. */
    provisionFromDay: z.number().int().min(1),
    advice: WithBrief,
  }),
  partTimeTimetable: WithBrief,
  /**
   * The longest a part-time timetable may run, in school weeks from its start, before the bot warns
   * and asks for a review date within it. Seed 003 ("Personalised Timetables") says a part-time
   * timetable "must not be treated as a long-term solution" and must have a time limit, but gives no
   * number: the Worcestershire pack uses 6 school weeks, the DfE's usual expectation, not a legal
   * limit. Packs without it use 6.
   */
  partTimeTimetableMaxSchoolWeeks: z.number().int().min(1).max(39).optional(),
  /**
   * Hours in a full school week (DfE, "Length of the school week": 32.5 hours expected); a part-time
   * timetable is fewer. Packs without it use 32.5.
   */
  fullTimeHoursPerWeek: z.number().min(20).max(40).optional(),
  ehcAssessment: z.object({
    advice: Advice,
    decisionWeeks: z.number().int().min(1),
    completionWeeks: z.number().int().min(1),
    criteria: z.array(z.string().min(10)).min(1),
  }),
  /** The notice shown first whenever what someone typed suggests a risk of harm (the words are in concerns.json). */
  safeguarding: z.object({
    advice: WithBrief,
  }),
  managedMove: Advice,
  /** Said instead of a managed move for pupils the managed-move route does not cover. */
  managedMoveNotFor: z.object({
    /** Looked-after and previously looked-after children: the Fair Access Protocol does not apply. */
    lookedAfter: Advice,
    /** Pupils with an EHC plan: not through the managed-move procedure; the SEN team instead. */
    ehcp: Advice,
  }),
  earlyHelp: Advice,
});
export type Rules = z.infer<typeof Rules>;
