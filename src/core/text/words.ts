/**
 * Text helpers for signposting (the concern check reads text with wink-nlp instead, nlp.ts).
 * Teachers type fast: lower-case everything, drop punctuation, and compare light stems so
 * "hitting", "hits" and "hit" meet.
 */

const STOP = new Set(
  'a an and are as at be been but by can could do does for from get got has have he her him his how i if in into is it its me my need needs of on or our she so some that the their them they this to too up us was we were what when where which who why will with would you your really very help helps just think might maybe bit lot quite so getting keeps kept seems seem he she him her they them there any about pupil child student boy girl year yr'.split(
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

export function words(text: string): string[] {
  const n = normalise(text);
  return n ? n.split(' ') : [];
}

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/** A deliberately light stemmer: enough to fold plurals and common verb endings. */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d+$/.test(word)) return word;
  const rules: [RegExp, string][] = [
    [/ies$/, 'y'],
    [/(ss|sh|ch|x)es$/, '$1'],
    [/([^s])s$/, '$1'],
    [/ing$/, ''],
    [/ied$/, 'y'],
    [/([^e])ed$/, '$1'],
    [/ment$/, ''],
    [/ness$/, ''],
    [/ally$/, 'al'],
    [/ly$/, ''],
  ];
  let w = word;
  for (const [re, to] of rules) {
    if (re.test(w)) {
      const next = w.replace(re, to);
      if (next.length >= 3) w = next;
      break;
    }
  }
  // Fold a doubled final consonant left by -ing/-ed ("hitting" → "hitt" → "hit").
  if (/([bdfgklmnprt])\1$/.test(w) && w.length > 3) w = w.slice(0, -1);
  return w;
}

export function stems(text: string): string[] {
  return words(text).map(stem);
}

/**
 * True when every stem of phrase `p` appears in order, adjacent, in `textStems`. Stems must not
 * be re-stemmed: the stemmer is not idempotent ("bullying" → "bully" → "bul").
 */
export function containsStems(textStems: readonly string[], p: readonly string[]): boolean {
  return indexOfStems(textStems, p) >= 0;
}

/** Where phrase `p` starts in `textStems` (adjacent, in order), or -1. */
export function indexOfStems(textStems: readonly string[], p: readonly string[]): number {
  if (p.length === 0) return -1;
  outer: for (let i = 0; i + p.length <= textStems.length; i++) {
    for (let j = 0; j < p.length; j++) if (textStems[i + j] !== p[j]) continue outer;
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
