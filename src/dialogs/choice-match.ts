import { normalise } from '../core/text/words.js';
import type { Choice } from '../core/views/view.js';
import { plainYesNo } from './answer-words.js';
import type { Parsed } from './dialog.js';

/**
 * A choice as a dialog defines it: what is shown, plus the other words staff naturally type for it
 * ("LAC" for looked after) and, when it is not plain from the label, which choice a bare "yes" or
 * "no" means ("Neither" is the no of "Looked after, or previously looked after?").
 */
export interface AnswerChoice extends Choice {
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

/**
 * Reads an answer to a choice question, most certain reading first: the choice's number (choices
 * are numbered wherever they are typed, and cards and modals send the value), its value, label or
 * one of its words; a plain yes or no; the start of one label; words found whole inside labels.
 * Words that fit several choices ask which one; words that fit none list the choices.
 */
export function choice(choices: readonly AnswerChoice[], raw: string): Parsed {
  const t = normalise(raw);
  if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= choices.length) return { ok: true, value: choices[Number(t) - 1]!.value };
  const plain = plainYesNo(raw);
  const found =
    pickOne(raw, choices, (c) => names(c).includes(t)) ??
    (plain === undefined ? undefined : pickOne(raw, choices, (c) => plainAnswerOf(c) === (plain ? 'yes' : 'no'))) ??
    (t.length >= 2 ? pickOne(raw, choices, (c) => normalise(c.label).startsWith(t)) : undefined) ??
    (t.length >= 2 ? pickOne(raw, choices, (c) => names(c).some((n) => ` ${n} `.includes(` ${t} `))) : undefined);
  return found ?? { ok: false, message: `“${raw.trim()}” isn’t one of the choices. Type its number or its words: ${listed(choices)}.` };
}
