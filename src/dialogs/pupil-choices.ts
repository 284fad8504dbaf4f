import type { Choice } from '../core/views/view.js';

/** Answers about a pupil that several dialogs ask in the same words. */

export const CARE_CHOICES: Choice[] = [
  { value: 'neither', label: 'Neither' },
  { value: 'looked-after', label: 'Looked after (in care)' },
  { value: 'previously', label: 'Previously looked after' },
];

export const SEND_CHOICES: Choice[] = [
  { value: 'none', label: 'No identified SEND' },
  { value: 'sen-support', label: 'SEN support' },
  { value: 'ehcp', label: 'Has an EHCP' },
];
