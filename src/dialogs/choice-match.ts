import { editDistance, normalise } from '../core/text/words.js';
import type { Choice } from '../core/views/view.js';
import { nearYesNo, plainYesNo } from './answer-words.js';
import type { Parsed } from './dialog.js';

/**
 * A choice as a dialog defines it: what is shown, plus the other words staff naturally type for it
 * ("LAC" for looked after) and, when it is not plain from the label, which choice a bare "yes" or
 * "no" means ("Neither" is the no of "Looked after, or previously looked after?").
 */
export interface AnswerChoice extends Choice {
  /**
   * Only words `choice` cannot already read: it reads the value, the start of the label, words
   * found inside the label or inside another of these words, an added "the", and a plain yes or
   * no in front ("yes, told" is "told" among the yes choices).
   */
  words?: readonly string[];
  plainAnswer?: 'yes' | 'no';
}

/** A label that starts "Yes" or "No" ("No plan yet", "Yes, and the LA has been told") answers that plainly. */
function plainAnswerOf(c: AnswerChoice): 'yes' | 'no' | undefined {
  if (c.plainAnswer) return c.plainAnswer;
  const first = normalise(c.label).split(' ')[0];
  return first === 'yes' || first === 'no' ? first : undefined;
}

const names = (c: AnswerChoice) => [c.value, c.label, ...(c.words ?? [])].map(normalise);

const listed = (choices: readonly AnswerChoice[]) => choices.map((c) => c.label).join('; ');

function ambiguous(raw: string, among: readonly AnswerChoice[]): Parsed {
  return { ok: false, message: `“${raw.trim()}” could be ${among.map((c) => c.label).join(' or ')}: which one? Type its number or its words.` };
}

/** Exactly one choice meets the test: that one; several: ask which; none: undefined, try the next way. */
function pickOne(raw: string, choices: readonly AnswerChoice[], test: (c: AnswerChoice) => boolean): Parsed | undefined {
  const found = choices.filter(test);
  if (found.length === 1) return { ok: true, value: found[0]!.value };
  return found.length > 1 ? ambiguous(raw, found) : undefined;
}

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/**
 * A number said in words at the end of an answer, as its digits: "three", "the third", "step three"
 * read as "3", "the 3", "step 3", so a choice numbered or labelled with digits ("Step 3") is picked
 * by the words staff say. Only the last word, so "no one" or "one of them" stay as they are.
 */
function numberWords(t: string): string {
  const words = t.split(' ');
  const last = words.at(-1) ?? '';
  const n = NUMBER_WORDS.indexOf(last) + 1 || ORDINALS.indexOf(last) + 1;
  if (!n || (words.length > 1 && !['step', 'the', 'number', 'option', 'choice'].includes(words.at(-2)!))) return t;
  return [...words.slice(0, -1), String(n)].join(' ');
}

/** Words that never tell choices apart ("the LA knows" is "LA knows"). */
const ARTICLES = new Set(['the', 'a', 'an']);
const bare = (t: string) => t.split(' ').filter((w) => !ARTICLES.has(w)).join(' ');

/**
 * Reads an answer to a choice question, most certain reading first: the choice's number (choices
 * are numbered wherever they are typed, and cards and modals send the value), its value, label or
 * one of its words; a plain yes or no; a plain yes or no followed by words ("yes, the LA knows"),
 * the words read among the choices that plain answer fits; the start of one label; words found
 * whole inside labels; the words without articles. Words that fit several choices ask which one;
 * words that fit none list the choices.
 */
export function choice(choices: readonly AnswerChoice[], raw: string): Parsed {
  const t = numberWords(normalise(raw));
  const numbered = /^(?:(?:number|option|choice|the) )?(\d+)$/.exec(t)?.[1];
  if (numbered && Number(numbered) >= 1 && Number(numbered) <= choices.length) return { ok: true, value: choices[Number(numbered) - 1]!.value };
  return match(raw, t, choices) ?? nearMatch(raw, t, choices) ?? { ok: false, message: `“${raw.trim()}” isn’t one of the choices. Type its number or its words: ${listed(choices)}.` };
}

/** `t` (normalised words) read among `choices`; undefined when no reading fits. */
function match(raw: string, t: string, choices: readonly AnswerChoice[]): Parsed | undefined {
  const plain = plainYesNo(t);
  return (
    pickOne(raw, choices, (c) => names(c).includes(t)) ??
    (plain === undefined ? undefined : pickOne(raw, choices, (c) => plainAnswerOf(c) === (plain ? 'yes' : 'no'))) ??
    afterPlainAnswer(raw, t, choices) ??
    (t.length >= 2 ? pickOne(raw, choices, (c) => normalise(c.label).startsWith(t)) : undefined) ??
    (t.length >= 2 ? pickOne(raw, choices, (c) => names(c).some((n) => ` ${n} `.includes(` ${t} `))) : undefined) ??
    (bare(t) && bare(t) !== t ? match(raw, bare(t), choices) : undefined)
  );
}

/**
 * "Yes, not told" or "no - full time": a plain yes or no first keeps only the choices it answers,
 * and the rest of the words pick among them. The longest plain start is tried first ("no not yet …").
 */
function afterPlainAnswer(raw: string, t: string, choices: readonly AnswerChoice[]): Parsed | undefined {
  const words = t.split(' ');
  for (let n = words.length - 1; n >= 1; n--) {
    const plain = plainYesNo(words.slice(0, n).join(' '));
    if (plain === undefined) continue;
    const among = choices.filter((c) => plainAnswerOf(c) === (plain ? 'yes' : 'no'));
    const found = among.length ? match(raw, words.slice(n).join(' '), among) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Slips allowed in a word this long: one up to five letters ("sendc0"), two in a longer one ("permenant"). */
const slips = (word: string) => (word.length <= 5 ? 1 : 2);

/**
 * A slip of the keyboard ("Yse", "sendc0", "permenant"): the one choice whose value, label, other
 * words or a word of its label (four letters or more) is within a few letters of what was typed,
 * counting a swap of two letters as one (editDistance, optimal string alignment). Plain Levenshtein
 * (fastest-levenshtein) counts "Yse" as two slips, so the project's own bounded distance is used.
 * The reading is said in `note`, as it is a guess; words near several choices are not guessed.
 */
function nearMatch(raw: string, t: string, choices: readonly AnswerChoice[]): Parsed | undefined {
  if (t.length < 3) return undefined;
  const yn = nearYesNo(t);
  const fixed = yn ? match(raw, yn.word, choices) : undefined;
  const taken = (value: string): Parsed => ({ ok: true, value, note: `Took “${raw.trim()}” as ${choices.find((c) => c.value === value)!.label}.` });
  if (fixed?.ok) return taken(fixed.value as string);
  const words = (c: AnswerChoice) => [...names(c), ...normalise(c.label).split(' ').filter((w) => w.length >= 4)];
  let best: { distance: number; values: Set<string> } | undefined;
  for (const c of choices)
    for (const w of words(c)) {
      const d = editDistance(t, w, slips(w));
      if (d > slips(w) || d === 0) continue;
      if (!best || d < best.distance) best = { distance: d, values: new Set([c.value]) };
      else if (d === best.distance) best.values.add(c.value);
    }
  return best?.values.size === 1 ? taken([...best.values][0]!) : undefined;
}
