import { describe, expect, it } from 'vitest';
import { suggestCommand } from '../../src/dialogs/command-typos.js';
import { COMMAND_WORDS, recognise } from '../../src/dialogs/intents.js';

describe('the commands slips are checked against come from the intent rules', () => {
  it.each(COMMAND_WORDS)('"%s" is itself a command', (word) => {
    expect(recognise(word).kind).not.toBe('unknown');
  });

  it.each([
    ['reveiw', 'review'],
    ['refferal', 'referral'],
    ['suspenion', 'suspension'],
    ['hlep', 'help'],
    // A word that is a command only with a pupil's reference after it (issue 11, fresh tester).
    ['shwo 4021', 'show 4021'],
    ['opne 4021', 'open 4021'],
  ])('"%s" suggests "%s"', (typed, meant) => {
    expect(suggestCommand(typed)).toBe(meant);
  });
});
