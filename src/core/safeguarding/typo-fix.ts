import { editDistance } from '../text/words.js';

/** Shortest word worth correcting: below this a single slip turns one real word into another. */
const MIN_LENGTH = 5;

/**
 * Spelling slips in the pack's own words, fixed before matching ("sexaul", "fostring",
 * "alcholic", "referal"). Only a word the patterns do not know is corrected, only to a pattern
 * word one slip away (a letter missed, a letter added, or two neighbours swapped; never a letter
 * changed, which turns "starting" into "starving"), and only when both start with the same two
 * letters, so "putting" never becomes "cutting". Candidates come from a deletion
 * index (every pattern word with one letter taken out), so a lookup is a handful of map reads.
 */
export class TypoFix {
  readonly #known: ReadonlySet<string>;
  readonly #byDeletion = new Map<string, string[]>();

  constructor(vocabulary: Iterable<string>) {
    const known = new Set<string>();
    for (const w of vocabulary) {
      known.add(w);
      if (w.length < MIN_LENGTH - 1 || !/^[a-z]+$/.test(w)) continue;
      for (const d of [w, ...deletions(w)]) {
        const list = this.#byDeletion.get(d);
        if (!list) this.#byDeletion.set(d, [w]);
        else if (!list.includes(w)) list.push(w);
      }
    }
    this.#known = known;
  }

  /** The pattern word `word` was probably meant to be, or undefined (known already, too short, or no single near word). */
  fix(word: string): string | undefined {
    if (word.length < MIN_LENGTH || this.#known.has(word) || !/^[a-z]+$/.test(word)) return undefined;
    const near = new Set<string>();
    for (const d of [word, ...deletions(word)])
      for (const w of this.#byDeletion.get(d) ?? []) if (w.slice(0, 2) === word.slice(0, 2) && isSlip(word, w)) near.add(w);
    return near.size === 1 ? [...near][0] : undefined;
  }
}

/** One letter missed or added, or two neighbours swapped: the slips of typing, not of spelling another word. */
function isSlip(typed: string, meant: string): boolean {
  if (editDistance(typed, meant, 1) !== 1) return false;
  if (typed.length !== meant.length) return true;
  const at = [...typed].findIndex((ch, i) => ch !== meant[i]);
  return typed[at] === meant[at + 1] && typed[at + 1] === meant[at];
}

function deletions(w: string): string[] {
  return Array.from({ length: w.length }, (_, i) => w.slice(0, i) + w.slice(i + 1));
}
