import { EVERYDAY_WORDS, FIRST_NAMES, NEVER_NAMES } from './first-names.js';

/**
 * Words in free text that are probably someone's first name ("Jack is lively", "hit Tia Brown"):
 * a common first name (first-names.ts) written with a capital, anywhere in a sentence, except one
 * that is also an everyday word ("Will", "Grace"), which counts only mid-sentence. Months, seasons
 * and all-capital words ("TA", "PE") never count. For asking a person to write initials instead,
 * since the record keeps a reference and initials only (Quality bar; UK GDPR data minimisation,
 * PLATFORM.md). Returns the names found, in order, each once; [] when none.
 */
export function namesIn(text: string): string[] {
  const found: string[] = [];
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
