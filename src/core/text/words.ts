/**
 * Small text helpers shared by signposting and the concern check. Words and their stems come from
 * wink-nlp (search-words.ts, nlp.ts); these only fold text for plain comparisons, hold the stop
 * words, and compare term lists and spellings.
 */

const STOP = new Set(
  'a an and are as at be been but by can could do does for from get got has have he her him his how i if in into is it its me my need needs of on or our she so some that the their them they this to too up us was we were what when where which who why will with would you your really very help helps just think might maybe bit lot quite so getting keeps kept seems seem ca nt wo he she him her they them there any about pupil child student boy girl year yr'.split(
    ' ',
  ),
);

/** Lower-case, apostrophes folded, everything that is not a letter or digit becomes a space. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/**
 * True when every term of phrase `p` appears in order, adjacent, in `textTerms`. Terms must not
 * be stemmed again: a stemmer is not idempotent.
 */
export function containsTerms(textTerms: readonly string[], p: readonly string[]): boolean {
  return indexOfTerms(textTerms, p) >= 0;
}

/** Where phrase `p` starts in `textTerms` (adjacent, in order), or -1. */
export function indexOfTerms(textTerms: readonly string[], p: readonly string[]): number {
  if (p.length === 0) return -1;
  outer: for (let i = 0; i + p.length <= textTerms.length; i++) {
    for (let j = 0; j < p.length; j++) if (textTerms[i + j] !== p[j]) continue outer;
    return i;
  }
  return -1;
}

/** Optimal-string-alignment distance, giving up early once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j]!;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}
