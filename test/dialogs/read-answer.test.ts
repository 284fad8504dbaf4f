import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/dialogs/dialog.js';
import { freeText, yesNo } from '../../src/dialogs/parse.js';
import { readAnswer } from '../../src/dialogs/read-answer.js';

const notes: Question = { id: 'notes', kind: 'longtext', optional: true, prompt: 'Anything else?', parse: (r) => freeText(r, 100) };
const socialWorker: Question = { id: 'socialWorker', kind: 'yesno', prompt: 'Social worker?', parse: yesNo };

describe('"nothing here" is read the same way as a plain no', () => {
  it.each(['none', 'None.', 'n/a', 'N/A', 'n.a.', 'na'])('"%s" leaves an optional text question, and is no on a yes/no one', async (word) => {
    expect(await readAnswer(notes, word)).toEqual({ ok: true, value: null, also: {} });
    expect(await readAnswer(socialWorker, word)).toEqual({ ok: true, value: false, also: {} });
  });

  it('other words are the answer', async () => {
    expect(await readAnswer(notes, 'Nothing new')).toEqual({ ok: true, value: 'Nothing new', also: {} });
  });
});
