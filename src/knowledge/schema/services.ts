import { z } from 'zod/v4';
import { AgeRange, Contact, Phase, SeedRef, Slug } from './common.js';

/**
 * One entry of the signposting directory (Appendix 1 and similar).
 * `needs` are tags from the pack's need vocabulary; `keywords` are the everyday
 * words and abbreviations a teacher might type when this service is the answer.
 */
export const Service = z.object({
  id: Slug,
  name: z.string().min(2),
  /** Who runs it: "Worcestershire County Council", "NHS", "Voluntary sector", "National"… */
  provider: z.string().min(2),
  /** What it does, in our own words, one or two sentences. */
  summary: z.string().min(20).max(600),
  ages: AgeRange.optional(),
  phases: z.array(Phase).default([]),
  needs: z.array(Slug).min(1),
  keywords: z.array(z.string().min(2)).default([]),
  contacts: z.array(Contact).default([]),
  /** Graduated-response steps where this service is most often the right call. */
  steps: z.array(z.number().int().min(1).max(6)).default([]),
  /**
   * Set for a safeguarding front door: children's social care (e.g. a Family Front Door or MASH)
   * or the LADO. A referral there is a child-protection referral that the DSL makes under the
   * school's own procedures, where parents' consent is not sought if that could put the child at
   * risk, so the bot's referral form never records one.
   */
  safeguardingRoute: z.enum(['childrens-social-care', 'lado']).optional(),
  source: SeedRef,
});
export type Service = z.infer<typeof Service>;

export const District = Slug;

/** Appendix 5: alternative provision settings run or commissioned by the LA. */
export const ApSetting = z.object({
  id: Slug,
  name: z.string().min(2),
  districts: z.array(District).min(1),
  phases: z.array(Phase).min(1),
  keyStages: z.array(z.enum(['KS1', 'KS2', 'KS3', 'KS4', 'KS5'])).min(1),
  /** e.g. "short stay school", "outreach", "medical education", "special school outreach". */
  type: z.string().min(3),
  offer: z.string().min(10).max(600),
  keywords: z.array(z.string().min(2)).default([]),
  contacts: z.array(Contact).default([]),
  source: SeedRef,
});
export type ApSetting = z.infer<typeof ApSetting>;

/** Appendix 5: approved providers on the Alternative Provision Dynamic Purchasing System. */
export const ApProvider = z.object({
  id: Slug,
  name: z.string().min(2),
  registered: z.boolean(),
  tuitionModes: z.array(z.enum(['online', 'face-to-face'])).min(1),
  districts: z.array(District).min(1),
  ages: AgeRange,
  offer: z.string().min(10).max(600),
  keywords: z.array(z.string().min(2)).default([]),
  contacts: z.array(Contact).default([]),
  source: SeedRef,
});
export type ApProvider = z.infer<typeof ApProvider>;

/** Words a teacher types → the words the directory uses. Keys are lower case. */
export const Vocabulary = z.object({
  needs: z.record(Slug, z.object({ label: z.string(), words: z.array(z.string().min(2)) })),
  /** Abbreviations and synonyms, e.g. "ep": ["educational psychology"]. */
  synonyms: z.record(z.string().min(1), z.array(z.string().min(2)).min(1)),
  districts: z.record(Slug, z.object({ label: z.string(), places: z.array(z.string()).default([]) })),
});
export type Vocabulary = z.infer<typeof Vocabulary>;
