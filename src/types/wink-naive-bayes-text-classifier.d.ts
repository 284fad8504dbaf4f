/** The parts of wink-naive-bayes-text-classifier 2.2 this project uses (the package ships no types). */
declare module 'wink-naive-bayes-text-classifier' {
  interface NaiveBayesTextClassifier {
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    /** With no prep tasks defined, `learn` and `computeOdds` take an array of features. */
    learn(input: string[], label: string): boolean;
    consolidate(): boolean;
    /** [label, log2 odds of that label against the rest], best first. */
    computeOdds(input: string[]): [string, number][];
    exportJSON(): string;
    importJSON(json: string): boolean;
    stats(): { labelWiseSamples: Record<string, number>; labelWiseVocabulary: Record<string, number>; vocabulary: number };
  }
  function winkNaiveBayesTextClassifier(): NaiveBayesTextClassifier;
  export = winkNaiveBayesTextClassifier;
}
