import { z } from 'zod/v4';

/**
 * A learned second reader for the concern check (`concern-model.json` in a pack), trained by
 * `npm run concerns:train` from the pack's labelled development phrasings, never its test parts.
 *
 * - `naiveBayes`: the category classifier as wink-naive-bayes-text-classifier exports it (a JSON string).
 * - `minMargin`: how far (log2 odds) the best category must stand above "none" before the model's
 *   answer counts; chosen on a development part the model was not trained on.
 * - `features`: which features the model was trained on, so a changed feature set cannot load an old model.
 * - `trainedOn`: the files and a sha256 of their contents, so a test can say the model is stale.
 */
export const ConcernModelFile = z.object({
  features: z.literal('lemma-unigrams-bigrams-v1'),
  minMargin: z.number().min(0).max(100),
  trainedOn: z.object({ files: z.array(z.string()).min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  naiveBayes: z.string().min(2),
  /**
   * The three-label reader (risk, exclusion, none). `gate`: below it (log2 odds of a worry over
   * "none") the model raises nothing of its own. `veto`, when set: a pattern's match is dropped when
   * its sentence reads as ordinary by more than this ("type 1 diabetes training for TAs"); chosen on
   * development parts the model was not trained on, where it cost almost no worries found.
   */
  kinds: z.object({ gate: z.number().min(-100).max(100), veto: z.number().min(0).max(1000).optional(), naiveBayes: z.string().min(2) }),
});
export type ConcernModelFile = z.infer<typeof ConcernModelFile>;
