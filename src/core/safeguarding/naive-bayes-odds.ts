/**
 * The log2 odds of every label for a list of features, from a model that
 * wink-naive-bayes-text-classifier trained and exported (`exportJSON`), by the library's own formula:
 * for each label, the smoothed likelihood of the features under it against their likelihood under
 * all the other labels together, with the priors.
 *
 * Why not the library's `computeOdds`: it sums the other labels' counts afresh for every label and
 * feature, so its cost grows with the square of the labels (25 here), and the concern check runs on
 * every message. Here each feature's total over all labels is summed once, so the cost grows with
 * the labels. The library still trains the model and owns the file format; a test checks that both
 * give the same odds on every labelled phrasing.
 */
export class NaiveBayesOdds {
  readonly #labels: string[];
  /** The labels the model was trained on, in its own order. */
  get labels(): readonly string[] {
    return this.#labels;
  }

  readonly #count: Record<string, Record<string, number>>;
  readonly #smoothing: number;
  readonly #vocabulary: ReadonlySet<string>;
  /** Per label: log2 of its smoothed word total, of everyone else's, and the two priors. */
  readonly #denominator: number[];
  readonly #inverseDenominator: number[];
  readonly #prior: number[];
  readonly #inversePrior: number[];
  /** Each feature's count over all labels, worked out when first asked for. */
  readonly #total = new Map<string, number>();

  /**
   * `exported` is the library's `exportJSON()` string: [config, samples, count, words, vocabulary].
   * Throws Error when it is not that shape or the model was trained without smoothing, where the
   * library's formula has special cases this does not copy.
   */
  constructor(exported: string) {
    const parsed: unknown = JSON.parse(exported);
    if (!Array.isArray(parsed) || parsed.length !== 5) throw new Error('not a wink-naive-bayes-text-classifier export');
    const [config, samples, count, words, vocabulary] = parsed as [{ smoothingFactor: number }, Record<string, number>, Record<string, Record<string, number>>, Record<string, number>, string[]];
    if (!(config.smoothingFactor > 0)) throw new Error('the model was trained without smoothing');
    this.#labels = Object.keys(samples);
    this.#count = count;
    this.#smoothing = config.smoothingFactor;
    this.#vocabulary = new Set(vocabulary);
    const smoothedVocabulary = this.#vocabulary.size * this.#smoothing;
    const allWords = this.#labels.reduce((t, l) => t + words[l]!, 0);
    const allSamples = this.#labels.reduce((t, l) => t + samples[l]!, 0);
    this.#denominator = this.#labels.map((l) => Math.log2(words[l]! + smoothedVocabulary));
    this.#inverseDenominator = this.#labels.map((l) => Math.log2(allWords - words[l]! + smoothedVocabulary));
    this.#prior = this.#labels.map((l) => Math.log2(samples[l]!) - Math.log2(allSamples));
    this.#inversePrior = this.#labels.map((l) => Math.log2(allSamples - samples[l]!) - Math.log2(allSamples));
  }

  /**
   * [label, log2 odds] for every label, likeliest first, as the library's `computeOdds` gives them;
   * [] when no feature is in the model's vocabulary (the library then answers "unknown").
   */
  odds(features: readonly string[]): [string, number][] {
    const known = features.filter((f) => this.#vocabulary.has(f));
    if (!known.length) return [];
    const s = this.#smoothing;
    const out: [string, number][] = this.#labels.map((label, i) => {
      const count = this.#count[label] ?? {};
      let lh = 0;
      let ilh = 0;
      for (const f of known) {
        const c = count[f] ?? 0;
        lh += Math.log2(c + s) - this.#denominator[i]!;
        ilh += Math.log2(this.#totalOf(f) - c + s) - this.#inverseDenominator[i]!;
      }
      return [label, lh + this.#prior[i]! - (ilh + this.#inversePrior[i]!)];
    });
    return out.sort((a, b) => b[1] - a[1]);
  }

  #totalOf(feature: string): number {
    let t = this.#total.get(feature);
    if (t === undefined) {
      t = 0;
      for (const l of this.#labels) t += this.#count[l]?.[feature] ?? 0;
      this.#total.set(feature, t);
    }
    return t;
  }
}
