import { editDistance } from '../core/text/words.js';
import { COMMAND_WORDS, recognise } from './intents.js';

/** Words that steer a form rather than answer it. */
const CONTROLS = ['cancel', 'back', 'help'] as const;

/**
 * Words that are a command only with a pupil's reference after them ("show 4021" reads the pupil's
 * summary, read-request.ts), so they are not among COMMAND_WORDS, which are commands on their own.
 * A slip in them ("shwo 4021") is suggested like any other.
 */
const WITH_REFERENCE = ['show', 'open', 'summary'] as const;

/** Slips allowed for a word this long: one in a word of up to five letters (so "peer" is not "refer"), two in a longer one. */
const slips = (word: string) => (word.length <= 5 ? 1 : 2);

/**
 * The command these words were probably meant to be ("waht next for 4021" → "what next for 4021"),
 * or undefined. Only a suggestion that would itself be understood is offered.
 */
export function suggestCommand(input: string): string | undefined {
  const words = input.trim().toLowerCase().split(/\s+/);
  let best: { text: string; distance: number } | undefined;
  for (const command of [...COMMAND_WORDS, ...WITH_REFERENCE]) {
    const n = command.split(' ').length;
    const head = words.slice(0, n).join(' ');
    const distance = editDistance(head, command, slips(command));
    if (distance === 0 || distance > slips(command) || (best && best.distance <= distance)) continue;
    const text = [command, ...words.slice(n)].join(' ');
    if (recognise(text).kind !== 'unknown') best = { text, distance };
  }
  return best?.text;
}

/** The word that steers a form ("cancel", "back", "help") these words were probably meant to be, if any. */
export function nearControlWord(input: string): (typeof CONTROLS)[number] | undefined {
  const t = input.trim().toLowerCase();
  return CONTROLS.find((w) => t !== w && editDistance(t, w, slips(w)) <= slips(w));
}
