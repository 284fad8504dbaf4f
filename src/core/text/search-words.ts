import { analyse } from './nlp.js';

/**
 * One word of a text as the signposting search reads it: the word as typed (lower case), its
 * search term (wink-nlp's Porter2 stem of the normalised word, so "bullied"/"bullying" and
 * "behaviour"/"behavior" meet), and its offsets in the text so an explanation can quote the
 * person's own words.
 */
export interface SearchWord {
  word: string;
  term: string;
  start: number;
  end: number;
}

/**
 * The words of `text` for searching, from the same wink-nlp reading the concern check uses.
 * Possessive and contraction pieces ("'s", "n't") and punctuation are left out.
 */
export function searchWords(text: string): SearchWord[] {
  return analyse(text, { stems: true })
    .filter((t) => /[a-z0-9]/.test(t.word) && !t.word.startsWith("'"))
    .map((t) => ({ word: t.word.replace(/['.]/g, ''), term: t.stem.replace(/['.]/g, '') || t.word, start: t.start, end: t.end }));
}
