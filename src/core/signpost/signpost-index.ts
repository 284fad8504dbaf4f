import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import { searchWords, type SearchWord } from '../text/search-words.js';
import { editDistance, isStopWord } from '../text/words.js';
import { documentsFrom, type SignpostDoc } from './documents.js';

/** Field weights: a hit on a name or an everyday keyword says more than one in a summary. */
export const FIELD_WEIGHT = { name: 3, keywords: 3, needs: 2, summary: 1, keywordParts: 1 } as const;
export type Field = keyof typeof FIELD_WEIGHT;

export interface IndexedDoc {
  doc: SignpostDoc;
  fields: Record<Field, Set<string>>;
  /** Multi-word keywords as term lists, for a phrase bonus. */
  phrases: string[][];
}

/**
 * Built once at start-up from the pack; searches then touch only in-memory sets.
 * `postings` maps each search term (searchWords) to the documents that contain it in any field.
 */
export interface SignpostIndex {
  docs: IndexedDoc[];
  postings: Map<string, number[]>;
  idf: Map<string, number>;
  /** Indexed words as written (not stemmed), by length, so typo correction compares like with like. */
  byLength: Map<number, string[]>;
  /** Each written word's search term. */
  termOf: Map<string, string>;
  /** `terms` are the expansion's search terms, read once here rather than on every query. */
  synonyms: { key: string[]; expansion: string; terms: string[] }[];
  needWords: { need: string; label: string; phrase: string[] }[];
  places: { district: string; label: string; phrase: string[] }[];
  typoCache: Map<string, string | null>;
}

/** The terms of words that carry meaning. */
const content = (words: readonly SearchWord[]) => words.filter((w) => !isStopWord(w.word) && !isStopWord(w.term)).map((w) => w.term);

export function buildIndex(pack: KnowledgePack): SignpostIndex {
  // Each distinct text is read by the NLP library once: keywords, need labels and summaries recur.
  const read = new Map<string, SearchWord[]>();
  const wordsOf = (text: string) => read.get(text) ?? read.set(text, searchWords(text)).get(text)!;
  const termsOf = (text: string) => wordsOf(text).map((w) => w.term);
  const contentOf = (text: string) => content(wordsOf(text));
  const vocab = pack.vocabulary;
  const needText = (n: string) => [vocab.needs[n]?.label ?? n, ...(vocab.needs[n]?.words ?? [])].join(' ');
  const docs: IndexedDoc[] = documentsFrom(pack).map((doc) => ({
    doc,
    fields: {
      name: new Set(contentOf(doc.name)),
      // A one-word keyword is a strong signal; a word inside a longer keyword phrase ("half termly panel")
      // only counts as much as a summary word, and the whole phrase earns a bonus instead.
      keywords: new Set(doc.keywords.filter((k) => wordsOf(k).length === 1).flatMap(contentOf)),
      keywordParts: new Set(doc.keywords.filter((k) => wordsOf(k).length > 1).flatMap(contentOf)),
      needs: new Set(doc.needs.flatMap((n) => contentOf(needText(n)))),
      summary: new Set(contentOf(doc.summary)),
    },
    phrases: doc.keywords.map(termsOf).filter((p) => p.length > 1),
  }));

  const postings = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const all = new Set(Object.values(d.fields).flatMap((f) => [...f]));
    for (const t of all) postings.set(t, [...(postings.get(t) ?? []), i]);
  });
  const idf = new Map<string, number>();
  for (const [t, list] of postings) idf.set(t, Math.log(1 + (docs.length - list.length + 0.5) / (list.length + 0.5)));
  const termOf = new Map<string, string>();
  for (const { doc } of docs)
    for (const w of [doc.name, doc.summary, ...doc.keywords].flatMap(wordsOf)) if (!isStopWord(w.word) && postings.has(w.term)) termOf.set(w.word, w.term);
  const byLength = new Map<number, string[]>();
  for (const w of termOf.keys()) byLength.set(w.length, [...(byLength.get(w.length) ?? []), w]);

  return {
    docs,
    postings,
    idf,
    byLength,
    termOf,
    synonyms: Object.entries(vocab.synonyms).flatMap(([k, list]) => list.map((expansion) => ({ key: termsOf(k), expansion, terms: termsOf(expansion) }))),
    needWords: Object.entries(vocab.needs).flatMap(([need, v]) => [v.label, ...v.words].map((w) => ({ need, label: v.label, phrase: termsOf(w) }))),
    places: Object.entries(vocab.districts).flatMap(([district, d]) => [d.label, ...d.places].map((p) => ({ district, label: d.label, phrase: termsOf(p) }))),
    typoCache: new Map(),
  };
}

const ENGLISH_ENDING = /(ed|ing|ly|al|ful|ous|ive|ers|ment|ness|ble|ght|tion)$/;

/** For a word as typed that the index has never seen: the search term of the closest indexed word, or null. */
export function correctTypo(index: SignpostIndex, { word: typed, term }: SearchWord): string | null {
  // Short words, a changed first letter, or an ordinary English ending are more often a different
  // word than a typo: "poor" is not "door", "convinced" is not "ContinU".
  if (index.postings.has(term) || typed.length < 5 || /\d/.test(typed) || ENGLISH_ENDING.test(typed)) return null;
  const cached = index.typoCache.get(typed);
  if (cached !== undefined) return cached;
  const max = typed.length >= 7 ? 2 : 1;
  let best: string | null = null;
  let bestScore = Infinity;
  for (let len = typed.length - max; len <= typed.length + max; len++) {
    for (const cand of index.byLength.get(len) ?? []) {
      if (cand[0] !== typed[0]) continue;
      const d = editDistance(typed, cand, max);
      const candTerm = index.termOf.get(cand)!;
      // Prefer the nearer word, then the more common one.
      const score = d * 1000 - (index.postings.get(candTerm)?.length ?? 0);
      if (d <= max && score < bestScore) {
        best = candTerm;
        bestScore = score;
      }
    }
  }
  if (index.typoCache.size < 10_000) index.typoCache.set(typed, best);
  return best;
}

