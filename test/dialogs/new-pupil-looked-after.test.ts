import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/chat/render-text.js';
import { openForm, submitForm } from '../../src/dialogs/form-submit.js';
import { DIALOGS } from '../../src/dialogs/registry.js';
import { chatter, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * Issue 11, fresh tester item 4: a looked-after pupil added with `new pupil` and no social worker
 * got no prompt, where `update` gives one (002: the Virtual School and the social worker must be
 * involved). Now both say the same, in the chat and on a card or modal.
 */

const NO_SOCIAL_WORKER = 'No social worker is recorded: add one with "update" when you know. The Virtual School supports every looked-after child, with a PEP each term.';

describe('new pupil, looked after, no social worker', () => {
  it('in the chat: the social worker question says why it matters, and the save says none is recorded', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    const asked = await bot.script(['new pupil', '4021', 'AB', '8', 'looked after']);
    expect(asked).toContain('A looked-after child normally has a social worker.');
    expect(asked).toMatch(/Virtual School/);
    expect(asked).toMatch(/^\? Does the pupil have a social worker/m);
    const saved = await bot.script(['no', 'no', '2', 'no']);
    expect(saved).toContain('is recorded at Step 2');
    expect(saved).toContain(NO_SOCIAL_WORKER);
  });

  it('with a social worker, or not looked after, says nothing of it', async () => {
    const bot = chatter((await testWorld()).ctxFor(SENDCO));
    expect(await bot.script(['new pupil', '4021', 'AB', '8', 'looked after', 'yes', 'no', '2', 'no'])).not.toContain(NO_SOCIAL_WORKER);
    const other = chatter((await testWorld()).ctxFor(SENDCO));
    const asked = await other.script(['new pupil', '4022', 'CD', '8', 'neither']);
    expect(asked).not.toContain('A looked-after child normally has a social worker.');
    expect(await other.script(['no', 'no', '2', 'no'])).not.toContain(NO_SOCIAL_WORKER);
  });

  it('on a card or modal: the saved message says the same', async () => {
    const w = await testWorld();
    const ctx = w.ctxFor(SENDCO);
    const dialog = DIALOGS['new-pupil']!;
    const form = await openForm(dialog, ctx);
    if (form.done) throw new Error('expected a form');
    const values = { pupilRef: '4021', initials: 'AB', yearGroup: '8', care: 'looked-after', socialWorker: 'no', send: 'none', step: '', risk: 'no' };
    const done = await submitForm(dialog, ctx, { formId: form.form.formId, values, shown: form.form.questions.map((q) => q.id) });
    expect(done.done).toBe(true);
    expect(renderText(done.views)).toContain(NO_SOCIAL_WORKER);
  });
});
