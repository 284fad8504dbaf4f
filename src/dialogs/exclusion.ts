import { guide } from '../core/guidance/guide.js';
import { situationFromCase } from '../core/guidance/situation.js';
import { recordExclusion } from '../core/plans/plan-changes.js';
import { heading, text } from '../core/views/view.js';
import type { FormDialog, Question } from './dialog.js';
import { choice, type AnswerChoice } from './choice-match.js';
import { dateWithin, freeText, wholeNumber } from './parse.js';
import { describePupil, pickedPupil, pupilQuestion } from './pupil-question.js';
import { guidanceView } from './views/guidance-view.js';
import { onlyPupilWriters } from './who-may.js';

const kinds: AnswerChoice[] = [
  { value: 'suspension', label: 'Suspension (fixed-term exclusion)', words: ['suspended', 'fte suspension'] },
  { value: 'permanent', label: 'Permanent exclusion', words: ['permanently excluded', 'pex', 'pe', 'expelled', 'expulsion'] },
];

export const exclusionDialog: FormDialog = {
  id: 'exclusion',
  submitLabel: 'Record and check',
  title: 'Record a suspension or exclusion',
  refuse: onlyPupilWriters('record suspensions or exclusions'),
  intro: () => 'I’ll record it and check it against the rules: the 45-day limit, looked-after children, PSP triggers and unlawful reasons.',
  questions(ctx, a) {
    const qs: Question[] = [pupilQuestion(ctx)];
    if (!pickedPupil(a)) return qs;
    const max = ctx.pack.rules?.suspensions.maxDaysPerYear ?? 45;
    qs.push(
      { id: 'kind', kind: 'choice', prompt: 'Suspension or permanent exclusion?', choices: kinds, parse: (r) => choice(kinds, r) },
      { id: 'startDate', kind: 'date', prompt: 'First day of the exclusion?', fallback: { value: ctx.today(), label: 'today' }, parse: (r) => dateWithin(r, ctx.today(), { pastDays: 365, futureDays: 14, what: 'start date' }) },
    );
    if (a.kind === 'suspension') qs.push({ id: 'days', kind: 'number', prompt: 'How many school days?', parse: (r) => wholeNumber(r, 1, max, 'the number of days') });
    qs.push({ id: 'reason', kind: 'longtext', prompt: 'The reason, briefly (no names).', parse: (r) => freeText(r, 300) });
    return qs;
  },
  async finish(ctx, a) {
    const p = pickedPupil(a)!;
    const kind = a.kind as 'suspension' | 'permanent';
    const saved = await ctx.cases.change(ctx.user, { schoolId: p.schoolId, id: p.caseId }, `exclusion.${kind}`, (c, cc) =>
      recordExclusion(c, { kind, startDate: a.startDate as string, days: kind === 'permanent' ? 0 : (a.days as number), reason: a.reason as string }, cc),
    );
    const g = guide(ctx.pack, situationFromCase(saved, ctx.today(), { considerSuspension: true }), ctx.today());
    return [{ blocks: [heading('Recorded'), text(`${kind === 'permanent' ? 'Permanent exclusion' : `${a.days as number}-day suspension`} recorded for ${describePupil(saved)}.`, 'success')] }, guidanceView(ctx.pack, g, describePupil(saved))];
  },
};
