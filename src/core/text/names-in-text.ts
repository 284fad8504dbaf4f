import { EVERYDAY_WORDS, FIRST_NAMES, NEVER_NAMES } from './first-names.js';

/** A title and the name after it ("Mr Jones", "Mrs. O'Neill"): the name is the first group; "Mr J." is initials and passes. */
const TITLED = /\b(?:Mr|Mrs|Ms|Mx|Miss|Dr)\.?\s+(\p{Lu}[\p{L}'’-]*\p{Ll})(?!\p{L})/gu;

/**
 * Words in free text that are probably someone's first name ("Jack is lively", "hit Tia Brown"):
 * a common first name (first-names.ts) written with a capital, anywhere in a sentence, except one
 * that is also an everyday word ("Will", "Grace"), which counts only mid-sentence. Months, seasons
 * and all-capital words ("TA", "PE") never count. A title's surname ("Mr Jones") counts too,
 * since staff are named by role here, never by name. For asking a person to write initials instead,
 * since the record keeps a reference and initials only (Quality bar; UK GDPR data minimisation,
 * PLATFORM.md). Returns the names found, in order, each once; [] when none.
 */
export function namesIn(text: string): string[] {
  const found: string[] = [];
  // A title before a capitalised word is someone's surname ("Mr Jones", "Mrs. O'Neill"), whatever the
  // word: surnames are too many to list. Read before the split below, which would cut "Mr." off.
  for (const m of text.matchAll(TITLED)) if (!NEVER_NAMES.has(m[1]!) && !found.includes(m[1]!)) found.push(m[1]!);
  // Sentences end at . ! ? or a new line; a word is a run of letters (apostrophes kept: "Jack's").
  for (const sentence of text.split(/[.!?\n]+/)) {
    const words = sentence.match(/\p{L}[\p{L}'’]*/gu) ?? [];
    words.forEach((raw, i) => {
      const w = raw.replace(/['’]s?$/u, '');
      if (!/^\p{Lu}\p{Ll}+$/u.test(w) || NEVER_NAMES.has(w) || !FIRST_NAMES.has(w)) return;
      if (i === 0 && EVERYDAY_WORDS.has(w)) return;
      if (!found.includes(w)) found.push(w);
    });
  }
  return found;
}

/**
 * The part of a pupil reference that reads as a name, or undefined: a word in it (split at digits,
 * dashes and case changes: "JackS1" is "Jack" and "S") that is a common first name in any case
 * ("Jack1", "jack-07", "JACK1"), or is written as a name, a capital then two or more small letters
 * ("Smith2"). Codes in capitals ("ADM4021") and UPNs ("A123456789012") pass. A reference is the
 * school's number for a pupil, never their name (seed-wide: a reference and initials only).
 */
export function nameInReference(ref: string): string | undefined {
  for (const word of ref.match(/\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})/gu) ?? []) {
    const asName = `${word.charAt(0).toUpperCase()}${word.slice(1).toLowerCase()}`;
    if ((FIRST_NAMES.has(asName) && !NEVER_NAMES.has(asName)) || /^\p{Lu}\p{Ll}{2,}$/u.test(word)) return word;
  }
  return undefined;
}
