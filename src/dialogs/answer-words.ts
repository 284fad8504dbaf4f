import { editDistance, normalise } from '../core/text/words.js';

/**
 * The words staff type for a plain yes or no, compared after `normalise` (lower case, punctuation
 * gone, so "Yes." and "n/a" read as "yes" and "n a"). Numbers are not here: "1" is a choice's
 * number, never a yes.
 */
const YES = new Set(['yes', 'y', 'yeah', 'yea', 'ya', 'yep', 'yup', 'yes please', 'correct', 'thats right', 'that is right', 'true', 'sure', 'ok', 'okay', 'definitely', 'of course', 'aye']);

/**
 * Words that say "nothing here": "none", "n/a" (also "N.A.", "na"). On a yes/no question they are
 * a no; elsewhere, or when no choice takes them, they leave the question (read-answer.ts).
 */
const NOTHING = new Set(['none', 'n a', 'na']);

/** "none", "not yet" and "n/a" answer a yes/no question as no ("Any social worker?" "None"). */
const NO = new Set([...NOTHING, 'no', 'n', 'nope', 'nah', 'no thanks', 'no thank you', 'not yet', 'no not yet', 'not at the moment', 'not currently', 'never', 'false', 'incorrect', 'not really']);

/** True for a plain yes, false for a plain no, undefined for anything else. */
export function plainYesNo(raw: string): boolean | undefined {
  const t = normalise(raw);
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** True for words that say "nothing here" ("None", "n/a"), read as plainYesNo reads them. */
export function saysNothing(raw: string): boolean {
  return NOTHING.has(normalise(raw));
}

/**
 * A slip of a plain yes or no ("Yse", "yess", "nope." is already plain): the one it is within one
 * letter (or one swap) of. Only typed words of three letters or more, and only when all the near words
 * agree, so "on" or "ye" are never guessed. Undefined when not near either.
 */
export function nearYesNo(raw: string): { answer: boolean; word: string } | undefined {
  const t = normalise(raw);
  if (t.length < 3 || t.includes(' ')) return undefined;
  const near = (words: Set<string>) => [...words].find((w) => w.length >= 2 && !w.includes(' ') && editDistance(t, w, 1) <= 1);
  const yes = near(YES);
  const no = near(NO);
  if (yes && !no) return { answer: true, word: yes };
  if (no && !yes) return { answer: false, word: no };
  return undefined;
}
