import winkNaiveBayes from 'wink-naive-bayes-text-classifier';
import type { ConcernModelFile } from '../../knowledge/schema/concern-model.js';
import { AppError } from '../errors.js';
import { NaiveBayesOdds } from './naive-bayes-odds.js';
import type { Token } from '../text/nlp.js';

/** Label the model gives ordinary text. */
export const ORDINARY = 'none';

// Words too common to say anything alone; they still count inside word pairs ("hit_her").
const STOP = new Set(['a', 'an', 'the', 'and', 'or', 'to', 'of', 'in', 'on', 'at', 'for', 'is', 'are', 'was', 'be', 'it', 'this', 'that', 'with', 'as', 'by', 'from', 'i', 'we', 'you', 'do', 'what', 'how', 'can', 'could', 'should', 'would', 'our', 'my']);

/**
 * The features the model reads (`lemma-unigrams-bigrams-v1`): dictionary forms of the words that
 * carry meaning, and every pair of neighbouring words, so "hit her" and "hit by" differ.
 */
export function modelFeatures(tokens: readonly Token[]): string[] {
  const lemmas = tokens.map((t) => t.lemma).filter((w) => /[a-z]/.test(w));
  const out = lemmas.filter((w) => !STOP.has(w));
  for (let i = 0; i + 1 < lemmas.length; i++) out.push(`${lemmas[i]}_${lemmas[i + 1]}`);
  return out;
}

/** What the model thinks of a text: its likeliest concern category and by how much it beats "none". */
export interface ModelReading {
  category: string;
  /** log2 odds of the category minus those of "none"; counts when at least the file's `minMargin`. */
  margin: number;
}

/**
 * A naive Bayes classifier (wink-naive-bayes-text-classifier) over lemmas and word pairs, trained on
 * labelled phrasings by category. The concern check asks it about texts its patterns found nothing
 * in, so a worry in words no pattern has met still reaches the DSL notice, and about each sentence a
 * pattern matched in, so a sentence that plainly reads as ordinary can overrule the match (`veto`).
 */
export class ConcernModel {
  readonly #categories: NaiveBayesOdds;
  readonly #kinds: NaiveBayesOdds;
  readonly minMargin: number;
  readonly #kindGate: number;
  /** See ConcernModelFile.kinds.veto; Infinity when the file sets none. */
  readonly veto: number;

  /**
   * Throws AppError('knowledge-pack') when the file names a category the pack does not define, or
   * its classifiers are not the library's export.
   */
  constructor(file: ConcernModelFile, knownCategories: ReadonlySet<string>) {
    try {
      this.#categories = new NaiveBayesOdds(file.naiveBayes);
      this.#kinds = new NaiveBayesOdds(file.kinds.naiveBayes);
    } catch (err) {
      throw new AppError(`Knowledge pack: concern-model.json cannot be read (${(err as Error).message}). Retrain it with npm run concerns:train.`, 'knowledge-pack');
    }
    this.minMargin = file.minMargin;
    this.#kindGate = file.kinds.gate;
    this.veto = file.kinds.veto ?? Infinity;
    for (const label of this.#categories.labels)
      if (label !== ORDINARY && !knownCategories.has(label))
        throw new AppError(`Knowledge pack: concern-model.json was trained on category "${label}", which concerns.json does not define. Retrain it with npm run concerns:train.`, 'knowledge-pack');
  }

  /**
   * The likeliest concern category for these tokens, or undefined when nothing known was read or
   * the text does not read as a worry at all. A three-label reader (risk, exclusion, none) answers
   * first, so most ordinary texts never reach the one with two dozen categories.
   */
  read(tokens: readonly Token[]): ModelReading | undefined {
    const features = modelFeatures(tokens);
    const worry = this.#worry(features);
    if (worry === undefined || !(worry >= this.#kindGate)) return undefined;
    const odds = this.#categories.odds(features);
    const none = odds.find(([label]) => label === ORDINARY)?.[1];
    const best = odds.find(([label]) => label !== ORDINARY);
    if (!best || none === undefined || best[1] === 0) return undefined;
    return { category: best[0], margin: best[1] - none };
  }

  /**
   * How much likelier the text reads as a worry (risk or exclusion) than as ordinary, in log2 odds
   * from the three-label reader; undefined when it knows none of the words (then it has no view,
   * and nothing is vetoed on its word).
   */
  worry(tokens: readonly Token[]): number | undefined {
    return this.#worry(modelFeatures(tokens));
  }

  #worry(features: readonly string[]): number | undefined {
    const kinds = Object.fromEntries(this.#kinds.odds(features));
    const worry = Math.max(kinds.risk ?? -Infinity, kinds.exclusion ?? -Infinity) - (kinds[ORDINARY] ?? -Infinity);
    return Number.isFinite(worry) ? worry : undefined;
  }

  /** True when `reading` is sure enough to raise a notice. */
  counts(reading: ModelReading | undefined): reading is ModelReading {
    return !!reading && reading.margin >= this.minMargin;
  }
}

/**
 * Trains a model file from labelled phrasings (`category` and `kind` are "none" for ordinary text;
 * `kind` is otherwise "risk" or "exclusion").
 * `trainedOn` records the files and their sha256 for the staleness test.
 */
export function trainConcernModel(
  examples: readonly { tokens: readonly Token[]; category: string; kind: string }[],
  thresholds: { minMargin: number; kindGate: number; veto?: number },
  trainedOn: ConcernModelFile['trainedOn'],
): ConcernModelFile {
  const train = (label: (e: (typeof examples)[number]) => string) => {
    const nb = winkNaiveBayes();
    nb.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
    for (const e of examples) {
      const f = modelFeatures(e.tokens);
      if (f.length) nb.learn(f, label(e));
    }
    nb.consolidate();
    return nb.exportJSON();
  };
  return {
    features: 'lemma-unigrams-bigrams-v1',
    minMargin: thresholds.minMargin,
    trainedOn,
    naiveBayes: train((e) => e.category),
    kinds: { gate: thresholds.kindGate, ...(thresholds.veto !== undefined ? { veto: thresholds.veto } : {}), naiveBayes: train((e) => e.kind) },
  };
}
