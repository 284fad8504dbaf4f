import { standingExclusions } from '../core/exclusions/withdrawn.js';
import { ukDate } from '../core/text/uk-date.js';
import { heading, text } from '../core/views/view.js';
import { choice, type AnswerChoice } from './choice-match.js';
import type { DialogContext, FormDialog, Question } from './dialog.js';
import type { PupilCase } from '../core/cases/pupil-case.js';
import type { View } from '../core/views/view.js';
import { reasonText } from './parse.js';
import { describePupil, pickedPupil, pupilQuestionReading } from './pupil-question.js';
import { guidanceAfterSave } from './views/guidance-after-save.js';
import { onlyPupilWriters } from './who-may.js';

/** The exclusions that still count, as choices, kept with the answers when the pupil is picked. */
const choicesOf = (a: Record<string, unknown>): AnswerChoice[] => (Array.isArray(a.exclusionChoices) ? (a.exclusionChoices as AnswerChoice[]) : []);

/**
 * `withdraw exclusion 4021`: a suspension or permanent exclusion recorded by mistake is withdrawn by
 * a new entry saying why (core/exclusions/withdrawn.ts). It stays on record and stops counting.
 */
export const withdrawExclusionDialog: FormDialog = {
  id: 'withdraw-exclusion',
  draftName: 'withdrawal',
  submitLabel: 'Withdraw it',
  title: 'Withdraw a suspension or exclusion recorded by mistake',
  shortTitle: 'Withdraw an exclusion',
  refuse: onlyPupilWriters('change pupil records'),
  intro: () => 'A withdrawn entry stays in the chronology, marked withdrawn, with who withdrew it, when and why; it no longer counts.',
  questions(ctx, a) {
    const reading = pupilQuestionReading(ctx, (c) => ({
      exclusionChoices: standingExclusions(c).map((x) => ({ value: x.id, label: x.kind === 'permanent' ? `Permanent exclusion from ${ukDate(x.startDate)}` : `${x.days}-day suspension from ${ukDate(x.startDate)}` })),
    }));
    const pupil: Question = {
      ...reading,
      async parse(raw) {
        const p = await reading.parse(raw);
        if (!p.ok || (p.also && choicesOf(p.also).length)) return p;
        return { ok: false, message: 'That pupil has no suspension or exclusion that still counts, so there is nothing to withdraw. Type another pupil, or "cancel".' };
      },
    };
    const choices = choicesOf(a);
    if (!pickedPupil(a) || !choices.length) return [pupil];
    return [
      pupil,
      { id: 'exclusion', kind: 'choice', prompt: 'Which one was recorded by mistake?', choices, parse: (r) => choice(choices, r) },
      withdrawWhyQuestion(),
    ];
  },
  async finish(ctx, a) {
    const p = pickedPupil(a)!;
    const label = choicesOf(a).find((c) => c.value === a.exclusion)?.label ?? 'The entry';
    const saved = await ctx.cases.withdrawExclusion(ctx.user, { schoolId: p.schoolId, id: p.caseId }, a.exclusion as string, a.why as string, ctx.today());
    return withdrawnViews(ctx, saved, label);
  },
};

/** Why a suspension or exclusion is withdrawn: required, no names (here and in "update", "Correct an earlier entry"). */
export function withdrawWhyQuestion(): Question {
  return { id: 'why', kind: 'longtext', prompt: 'Why is it withdrawn? For example "recorded for the wrong pupil" (no names, please).', parse: (r) => reasonText(r, 500, 'recorded for the wrong pupil') };
}

/** What is said once it is withdrawn (`label`: "5-day suspension from Mon 16 Nov 2026"), then the guidance as the record now stands. */
export function withdrawnViews(ctx: DialogContext, saved: PupilCase, label: string): View[] {
  return [
    { blocks: [heading('Withdrawn'), text(`${label} for ${describePupil(saved)} is withdrawn: it stays in the chronology, marked withdrawn, and no longer counts towards totals, the 45-day limit or the pathway.`, 'success')] },
    guidanceAfterSave(ctx, saved),
  ];
}
