import { standingExclusions } from '../core/exclusions/withdrawn.js';
import type { ReinstatedBy } from '../core/exclusions/reinstated.js';
import { ukDate } from '../core/text/uk-date.js';
import { heading, text } from '../core/views/view.js';
import { choice, type AnswerChoice } from './choice-match.js';
import type { Answers, FormDialog, Question } from './dialog.js';
import { dateWithin, freeText } from './parse.js';
import { describePupil, pickedPupil, pupilQuestionReading } from './pupil-question.js';
import { guidanceAfterSave } from './views/guidance-after-save.js';
import { onlyPupilWriters } from './who-may.js';

/** The standing permanent exclusions, as choices, and each one's first day, kept with the answers when the pupil is picked. */
const choicesOf = (a: Answers): AnswerChoice[] => (Array.isArray(a.permanentChoices) ? (a.permanentChoices as AnswerChoice[]) : []);
const startOf = (a: Answers, id: unknown): string | undefined => (a.permanentStarts as Record<string, string> | undefined)?.[id as string];

const DECIDED_BY: AnswerChoice[] = [
  { value: 'governors', label: 'The governors', words: ['governors', 'governing board', 'governing body', 'gb', 'the governing board', 'discipline committee'] },
  { value: 'independent-review-panel', label: 'An independent review panel (the governors reconsidered)', words: ['irp', 'review panel', 'independent review', 'panel', 'independent review panel'] },
];

/**
 * `reinstate 4021`: the governors (or an independent review panel, directing them to reconsider)
 * overturned a permanent exclusion and the pupil is reinstated (seed 003, exclusion rules; 000
 * Appendix 4). Records who decided and the date of their decision; the exclusion stays in the
 * chronology, marked reinstated, and no longer stands (core/exclusions/reinstated.ts).
 */
export const reinstateDialog: FormDialog = {
  id: 'reinstate',
  draftName: 'reinstatement',
  submitLabel: 'Record reinstatement',
  title: 'Reinstate a pupil after a permanent exclusion',
  shortTitle: 'Reinstate a pupil',
  refuse: onlyPupilWriters('change pupil records'),
  intro: () =>
    'When the governors (or an independent review panel) reinstate a permanently excluded pupil, record it here. The permanent exclusion stays in the chronology, marked reinstated; from the date of the decision it no longer stands.',
  questions(ctx, a) {
    const reading = pupilQuestionReading(ctx, (c) => {
      const permanent = standingExclusions(c).filter((x) => x.kind === 'permanent');
      return {
        permanentChoices: permanent.map((x) => ({ value: x.id, label: `Permanent exclusion from ${ukDate(x.startDate)}` })),
        permanentStarts: Object.fromEntries(permanent.map((x) => [x.id, x.startDate])),
      };
    });
    const pupil: Question = {
      ...reading,
      async parse(raw) {
        const p = await reading.parse(raw);
        if (!p.ok || (p.also && choicesOf(p.also).length)) return p;
        return { ok: false, message: 'That pupil has no permanent exclusion that stands, so there is no one to reinstate. Type another pupil, or "cancel".' };
      },
    };
    const choices = choicesOf(a);
    if (!pickedPupil(a) || !choices.length) return [pupil];
    return [
      pupil,
      { id: 'exclusion', kind: 'choice', prompt: 'Which permanent exclusion was overturned?', choices, parse: (r) => choice(choices, r) },
      { id: 'decidedBy', kind: 'choice', prompt: 'Who directed the reinstatement?', choices: DECIDED_BY, parse: (r) => choice(DECIDED_BY, r) },
      {
        id: 'on',
        kind: 'date',
        prompt: 'Date of their decision (the pupil is back on roll from it)?',
        parse(raw) {
          const d = dateWithin(raw, ctx.today(), { pastDays: 366, futureDays: 0, what: 'date of the decision' });
          const start = startOf(a, a.exclusion);
          if (d.ok && start && (d.value as string) < start) return { ok: false, message: `The decision can’t be before the permanent exclusion began (${ukDate(start)}). Type its date, or "cancel".` };
          return d;
        },
      },
      { id: 'why', kind: 'longtext', optional: true, prompt: 'Anything to note, such as conditions agreed for the return? (no names, please)', parse: (r) => freeText(r, 500) },
    ];
  },
  async finish(ctx, a) {
    const p = pickedPupil(a)!;
    const label = choicesOf(a).find((c) => c.value === a.exclusion)?.label ?? 'The permanent exclusion';
    const decidedBy = a.decidedBy as ReinstatedBy;
    const on = a.on as string;
    const saved = await ctx.cases.reinstate(ctx.user, { schoolId: p.schoolId, id: p.caseId }, { exclusionId: a.exclusion as string, on, decidedBy, why: (a.why as string | undefined) ?? '' });
    const who = decidedBy === 'governors' ? 'the governors' : 'an independent review panel';
    return [
      {
        blocks: [
          heading('Reinstated'),
          text(`${describePupil(saved)} is reinstated from ${ukDate(on)}, as ${who} decided. ${label} stays in the chronology, marked reinstated; it no longer stands, and a suspension from ${ukDate(on)} can be recorded if one is ever needed.`, 'success'),
        ],
      },
      guidanceAfterSave(ctx, saved),
    ];
  },
};
