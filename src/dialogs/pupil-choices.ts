import type { AnswerChoice } from './choice-match.js';

/** Answers about a pupil that several dialogs ask in the same words, with the words staff type for each. */

export const CARE_CHOICES: AnswerChoice[] = [
  { value: 'neither', label: 'Neither', plainAnswer: 'no', words: ['not looked after', 'not in care', 'not lac', 'not cla'] },
  { value: 'looked-after', label: 'Looked after (in care)', plainAnswer: 'yes', words: ['in care', 'lac', 'cla', 'child looked after', 'looked after child', 'foster care', 'fostered', 'care'] },
  {
    value: 'previously',
    label: 'Previously looked after',
    plainAnswer: 'yes',
    words: ['pla', 'plac', 'post looked after', 'previously in care', 'was in care', 'was looked after', 'adopted', 'adoption', 'special guardianship', 'sgo', 'child arrangements order', 'cao'],
  },
];

export const SEND_CHOICES: AnswerChoice[] = [
  { value: 'none', label: 'No identified SEND', words: ['no sen', 'nothing identified', 'neither'] },
  { value: 'sen-support', label: 'SEN support', plainAnswer: 'yes', words: ['sen k', 'k', 'send support', 'on the sen register'] },
  { value: 'ehcp', label: 'Has an EHCP', plainAnswer: 'yes', words: ['ehc plan', 'education health and care plan', 'statement'] },
];
