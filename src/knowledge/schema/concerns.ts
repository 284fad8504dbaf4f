import { z } from 'zod/v4';

/**
 * How the pack describes worries in staff's own words (`concerns.json`). Patterns use the syntax in
 * src/core/safeguarding/pattern.ts; `@name` refers to a word list in `lexicon`.
 *
 * - `signs`: what staff see or hear (an adult + a harm verb + the child; an injury + a body part).
 *   They count wherever they appear, unless a `notWhen` pattern overlaps them ("hit by a ball").
 * - `topics`: a name for the worry ("county lines", "FGM"). They count unless the same sentence is
 *   about teaching or training (`teachingContext`: "awareness talk", "PSHE lesson") or a `notWhen` overlaps.
 */
const PatternList = z.array(z.string().min(2).max(600)).default([]);

export const ConcernCategory = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** How the notice names it: "physical abuse". */
  label: z.string().min(3).max(160),
  /** Who to tell first besides the DSL: `lado` when the worry is about an adult who works with children. */
  contact: z.enum(['dsl', 'lado']).default('dsl'),
  /** One or two sentences shown with the notice: what the law or guidance says about this kind. */
  note: z.string().min(10).max(600).optional(),
  signs: PatternList,
  topics: PatternList,
  notWhen: PatternList,
  /** Patterns that, anywhere in the same sentence, make a match ordinary ("bridesmaid" for a family wedding). */
  notInSentence: PatternList,
  /**
   * Exclusion kinds only: patterns read in a suspension's or exclusion's recorded reason, where the
   * exclusion goes without saying ("late three times", "wrong shoes"), and nowhere else.
   */
  asReason: PatternList,
  /**
   * When the learned reader (not a pattern) finds this category, one of these must be in the text
   * for it to count: the words without which the worry cannot be meant (a timetable word for "a
   * reduced timetable as a sanction"; home education, the roll or another school for off-rolling).
   * Empty: the reader alone decides.
   */
  modelNeeds: PatternList,
});
export type ConcernCategory = z.infer<typeof ConcernCategory>;

export const Concerns = z.object({
  lexicon: z.record(z.string().regex(/^[a-z0-9-]+$/), z.array(z.string().min(1).max(40)).min(1)),
  /** Words that make a topic mention part of teaching or training, not a worry about a child (anywhere in the text). */
  teachingContext: z.array(z.string().min(2)).default([]),
  /** Patterns that, anywhere in the same sentence, say the worry is absent or over ("no concerns", "now settled"). */
  settledContext: PatternList,
  /**
   * Patterns that, anywhere in the text, put the explanation given for an injury in doubt ("story
   * keeps changing", "explanation inconsistent"): then an everyday excuse (`notWhen`: a fall, PE)
   * does not cancel a worry, since the excuse is what staff doubt.
   */
  doubtContext: PatternList,
  /** Child-protection categories (Keeping Children Safe in Education). */
  risk: z.array(ConcernCategory).min(1),
  /** Unlawful or informal exclusion, off-rolling, part-time timetables as a sanction. */
  exclusion: z.array(ConcernCategory).default([]),
});
export type Concerns = z.infer<typeof Concerns>;
