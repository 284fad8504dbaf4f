import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/chat/render-text.js';
import { dueItems } from '../../src/core/reminders/due-items.js';
import type { FormView } from '../../src/core/views/view.js';
import { submitForm, type FormOutcome } from '../../src/dialogs/form-submit.js';
import { DIALOGS } from '../../src/dialogs/registry.js';
import { chatter, NEW_PUPIL, SENDCO, testWorld } from '../helpers/dialog-context.js';

/**
 * A school that starts with the bot mid-year records the PSPs already running (issue 11: "a PSP
 * that started more than 60 days ago" could not be recorded). Today is Friday 20 November 2026; a
 * PSP begun on Monday 8 June, in the summer term, has been reviewed on paper since.
 */
async function saved() {
  const w = await testWorld();
  const bot = chatter(w.ctxFor(SENDCO));
  await bot.script(NEW_PUPIL);
  return { w, bot };
}

describe('a PSP that started before it was recorded', () => {
  it('is recorded with its start last term, asks when it was last reviewed, and the next review counts from that', async () => {
    const { w, bot } = await saved();
    const asked = await bot.script(['psp', '4021', 'Stay in lessons', 'me', '2026-06-08', '']);
    expect(asked).toContain('? The PSP has run since Mon 8 Jun 2026: when was its latest review held? [blank = not reviewed yet]');
    await bot.say('2026-11-11');
    const reply = await bot.answerUntil('Weekly check-in');
    expect(reply).toContain('starts Mon 8 Jun 2026 with 1 target. Reviewed Wed 11 Nov 2026 before it was recorded here; next review due Wed 2 Dec 2026.');

    // Not a flood of overdue reminders for the reviews held on paper: one review, three weeks on.
    expect(await bot.say('my reviews')).toContain('- AB (ref 4021): PSP review due in 12 days, Wed 2 Dec 2026');
    const items = dueItems(await w.repo.listBySchool('oak-primary'), { pack: w.pack, calendar: w.ctxFor(SENDCO).calendar, today: '2026-11-20' });
    expect(items.map((i) => [i.kind, i.dueDate])).toEqual([['psp-review', '2026-12-02']]);
    const plan = await bot.say('show psp 1 for 4021');
    expect(plan).toContain('Started: Mon 8 Jun 2026');
    expect(plan).toContain('Reviewed before it was recorded here: Latest Wed 11 Nov 2026 (how it went is not on this record)');
  });

  it('left blank (not reviewed yet), the first review counts from the start and is said to be overdue, once', async () => {
    const { bot } = await saved();
    await bot.script(['psp', '4021', 'Stay in lessons', 'me', '2026-06-08', '', '']);
    const reply = await bot.answerUntil('Weekly check-in');
    expect(reply).toContain('First review due Mon 29 Jun 2026. That date has passed, so the review is overdue: hold it when you can and record it with “review”.');
    const reviews = (await bot.say('my reviews')).split('\n').filter((l) => l.startsWith('- '));
    expect(reviews).toEqual(['- AB (ref 4021): PSP review OVERDUE by 144 calendar days, Mon 29 Jun 2026']);
  });

  it('refuses a review date before the start or in the future, and a start more than 39 weeks back, saying why', async () => {
    const { bot } = await saved();
    expect(await bot.script(['psp', '4021', 'Stay in lessons', 'me', '2025-06-08'])).toContain('The start date can be up to 39 weeks ago; please check it.');
    expect(await bot.script(['2026-06-08', '', '2026-05-01'])).toContain('The PSP started Mon 8 Jun 2026, so its reviews came after that.');
    expect(await bot.say('2026-12-01')).toContain('Type the date the latest review was held (not a future one)');
  });

  it('asks nothing more when no review can have fallen due yet', async () => {
    const { bot } = await saved();
    const reply = await bot.script(['psp', '4021', 'Stay in lessons', 'me', '2026-11-02', '']);
    expect(reply).not.toContain('latest review');
  });

  it('asks the plan’s dates together: start, days between reviews, the latest review, then the end date (issue 12: the end date sat after the reasons)', async () => {
    const { w } = await saved();
    const ctx = w.ctxFor(SENDCO);
    const ids = async (values: Record<string, string>) => {
      const o = await submitForm(DIALOGS.psp!, ctx, { formId: 'f', values, shown: [] });
      if (o.done) throw new Error(`expected the form back, got: ${renderText(o.views)}`);
      return o.form.questions.map((q) => q.id);
    };
    const first = await ids({ pupil: '4021' });
    expect(first.slice(first.indexOf('startDate'), first.indexOf('startDate') + 3)).toEqual(['startDate', 'interval', 'psp.endDate']);
    expect(first.indexOf('psp.endDate')).toBeLessThan(first.indexOf('psp.reasonForPsp'));
    const later = await ids({ pupil: '4021', startDate: '2026-06-08', interval: '21' });
    expect(later.slice(later.indexOf('startDate'), later.indexOf('startDate') + 4)).toEqual(['startDate', 'interval', 'lastReview', 'psp.endDate']);
    // The typed conversation asks in the same order.
    const bot = chatter(ctx);
    expect(await bot.script(['psp', '4021', 'Stay in lessons', 'me', '2026-11-02', ''])).toContain('? End date');
  });

  it('in a card or modal, the start date brings the question up, and the form then saves', async () => {
    const { w } = await saved();
    const ctx = w.ctxFor(SENDCO);
    const formOf = (o: FormOutcome): FormView => {
      if (o.done) throw new Error(`expected the form back, got: ${renderText(o.views)}`);
      return o.form;
    };
    const first = formOf(await submitForm(DIALOGS.psp!, ctx, { formId: 'f', values: { pupil: '4021' }, shown: ['pupil'] }));
    // Every question on the form answered as a person would, the start date last term.
    const values: Record<string, string> = { pupil: '4021' };
    for (const q of first.questions) if (!(q.id in values)) values[q.id] = q.kind === 'choice' ? q.choices![0]!.value : q.kind === 'date' ? '2026-11-20' : q.optional ? '' : 'Weekly check-in';
    // Its end after the next review (due 2 Dec, three weeks from the latest): an end before it is refused.
    Object.assign(values, { targets: 'Stay in lessons', overseeingLeader: 'me', startDate: '2026-06-08', interval: '21', 'psp.endDate': '2027-03-25' });
    const second = formOf(await submitForm(DIALOGS.psp!, ctx, { formId: 'f', values, shown: first.questions.map((q) => q.id) }));
    expect(second.notice).toBe('Thank you. Your answers bring up one more question.');
    expect(second.questions.find((q) => q.id === 'lastReview')).toMatchObject({ kind: 'date', prompt: 'The PSP has run since Mon 8 Jun 2026: when was its latest review held?', optional: true, defaultLabel: 'not reviewed yet' });
    const done = await submitForm(DIALOGS.psp!, ctx, { formId: 'f', values: { ...values, lastReview: '2026-11-11' }, shown: second.questions.map((q) => q.id) });
    expect(done.done).toBe(true);
    expect(renderText(done.views)).toContain('Reviewed Wed 11 Nov 2026 before it was recorded here; next review due Wed 2 Dec 2026.');
    expect((await w.repo.findByPupilRef('oak-primary', '4021'))?.psps[0]).toMatchObject({ startDate: '2026-06-08', lastReviewBeforeRecord: '2026-11-11', reviews: [] });
  });
});
