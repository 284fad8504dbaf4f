import { NOTES_MAX } from '../core/cases/text-limits.js';
import { blankSituation, situationFromCase } from '../core/guidance/situation.js';
import { guide } from '../core/guidance/guide.js';
import type { PlanStatus, PupilSituation } from '../core/guidance/types.js';
import type { AnswerChoice } from './choice-match.js';
import type { Answers, FormDialog, Question } from './dialog.js';
import { CARE_CHOICES, SEND_CHOICES } from './pupil-choices.js';
import { choice } from './choice-match.js';
import { limitedText, wholeNumber, yesNo } from './parse.js';
import { describePupil, loadPicked, pickedPupil, pupilQuestion } from './pupil-question.js';
import { guidanceView } from './views/guidance-view.js';
import { overdueReviewOf } from './views/overdue-review.js';
import { to } from './read/subject.js';

const yn = (id: string, prompt: string, help?: string): Question => ({ id, kind: 'yesno', prompt, parse: yesNo, ...(help ? { help } : {}) });
const pick = (id: string, prompt: string, choices: AnswerChoice[]): Question => ({ id, kind: 'choice', prompt, choices, parse: (r) => choice(choices, r) });

const steps: AnswerChoice[] = [
  { value: '1', label: 'Step 1 – universal, whole-school support only' },
  { value: '2', label: 'Step 2 – class teacher or pastoral lead has a plan' },
  { value: '3', label: 'Step 3 – SENDCo and teacher working together' },
  { value: '4', label: 'Step 4 – led by the SENDCo' },
  { value: '5', label: 'Step 5 – LA or external agencies involved' },
  { value: '6', label: 'Step 6 – EHC assessment or outreach' },
];
/** "Is there a PCP…?": a plain no is no plan; a plain yes could be any of the other three, so it is asked. */
const planStatuses: AnswerChoice[] = [
  { value: 'none', label: 'No plan yet', words: ['no pcp'] },
  { value: 'in-place', label: 'A plan is in place, not yet reviewed', plainAnswer: 'yes', words: ['not reviewed yet'] },
  { value: 'reviewed-positive', label: 'Reviewed: it brought positive change', plainAnswer: 'yes', words: ['positive', 'it worked', 'reviewed positive'] },
  { value: 'reviewed-no-change', label: 'Reviewed: no positive change', plainAnswer: 'yes', words: ['it didnt work', 'reviewed no change', 'reviewed not working'] },
];
const ptt: AnswerChoice[] = [
  { value: 'no', label: 'No', words: ['full time', 'not part time'] },
  { value: 'notified', label: 'Yes, and the LA has been told', words: ['la told', 'la knows', 'told'] },
  { value: 'not-notified', label: 'Yes, but the LA has not been told', words: ['la not told', 'la doesnt know'] },
];

function notesQuestion(): Question {
  return {
    id: 'notes',
    kind: 'longtext',
    optional: true,
    prompt: 'Anything else I should know today? For example what happened, or why a suspension is being considered. Please leave names out.',
    ...limitedText(NOTES_MAX),
  };
}

/** Questions for a pupil who is not recorded: just what changes the advice. */
function unrecordedQuestions(a: Answers): Question[] {
  const suspensions = (a.suspensions as number | undefined) ?? 0;
  return [
    pick('step', 'Where is the pupil on the graduated response now?', steps),
    pick('plan', 'Is there a person-centred plan (PCP) at this step, and how did its last review go?', planStatuses),
    { id: 'suspensions', kind: 'number', prompt: 'How many suspensions has the pupil had this school year?', fallback: { value: 0, label: 'none' }, parse: (r) => wholeNumber(r, 0, 45, 'the number of suspensions') },
    ...(suspensions > 0
      ? [
          { id: 'longest', kind: 'number', prompt: 'How many school days was the longest suspension?', parse: (r: string) => wholeNumber(r, 1, 45, 'the number of days') } as Question,
          { id: 'totalDays', kind: 'number', prompt: 'How many suspension days in total this school year?', parse: (r: string) => wholeNumber(r, 1, 200, 'the total days') } as Question,
          { id: 'returning', kind: 'number', prompt: 'Is the pupil about to return from a suspension? Type its length in days, or 0.', fallback: { value: 0, label: '0' }, parse: (r: string) => wholeNumber(r, 0, 45, 'the number of days') } as Question,
        ]
      : []),
    yn('permanent', 'Has the pupil been permanently excluded?'),
    yn('risk', 'Is the pupil at risk of permanent exclusion?'),
    yn('deteriorating', 'Has behaviour deteriorated quickly despite the planning so far?'),
    pick('care', 'Is the pupil looked after, or previously looked after?', CARE_CHOICES),
    yn('socialWorker', 'Does the pupil have a social worker (child in need or child protection plan)?'),
    pick('send', 'Special educational needs?', SEND_CHOICES),
    pick('ptt', 'Is the pupil on a part-time timetable?', ptt),
    yn('considerSuspension', 'Is a suspension being considered now?'),
    notesQuestion(),
  ];
}

/** Turns the answers into the situation the engine reasons about. */
export function situationFromAnswers(a: Answers): PupilSituation {
  const s = blankSituation();
  const suspensions = (a.suspensions as number) ?? 0;
  return {
    ...s,
    currentStep: Number(a.step ?? 1),
    planStatus: (a.plan as PlanStatus) ?? 'none',
    positiveReviewsInARow: a.plan === 'reviewed-positive' ? 1 : 0,
    suspensionsThisYear: suspensions,
    longestSuspensionDays: (a.longest as number) ?? 0,
    suspensionDaysThisYear: (a.totalDays as number) ?? 0,
    returningFromSuspensionDays: (a.returning as number) ?? 0,
    permanentlyExcluded: a.permanent === true,
    riskOfPermanentExclusion: a.risk === true,
    rapidlyDeteriorating: a.deteriorating === true,
    lookedAfter: a.care === 'looked-after',
    previouslyLookedAfter: a.care === 'previously',
    socialWorker: a.socialWorker === true,
    ehcp: a.send === 'ehcp',
    senSupport: a.send === 'sen-support',
    onPartTimeTimetable: a.ptt === 'notified' || a.ptt === 'not-notified',
    partTimeTimetableNotified: a.ptt === 'notified',
    considerSuspension: a.considerSuspension === true,
    notes: (a.notes as string | null) ?? '',
  };
}

export const whatNextDialog: FormDialog = {
  id: 'what-next',
  draftName: '“what next”',
  submitLabel: 'Show guidance',
  title: 'What next for this pupil?',
  shortTitle: 'What next?',
  intro: () => 'I’ll ask a few questions, then show where the pupil is on the graduated response and what to do next.',
  questions(ctx, a) {
    const first = pupilQuestion(ctx, { optional: true, prompt: 'Which pupil? Their pupil reference, or leave it blank to answer a few questions without saving anything.' });
    if (!('pupil' in a)) return [first];
    if (pickedPupil(a))
      return [first, yn('considerSuspension', 'Is a suspension being considered now?'), yn('deteriorating', 'Has behaviour deteriorated quickly despite the planning so far?'), notesQuestion()];
    return [first, ...unrecordedQuestions(a)];
  },
  async finish(ctx, a) {
    const today = ctx.today();
    const c = await loadPicked(ctx, a);
    const overdueReview = c && overdueReviewOf(ctx, c, today);
    const s = c
      ? {
          ...situationFromCase(c, today, { notes: (a.notes as string) ?? '', considerSuspension: a.considerSuspension === true, rapidlyDeteriorating: a.deteriorating === true }, ctx.calendar),
          ...(overdueReview ? { overdueReview } : {}),
        }
      : situationFromAnswers(a);
    const pupil = c ? describePupil(c) : undefined;
    const shown = guidanceView(ctx.pack, guide(ctx.pack, s, today), pupil, { situation: s, today, ...(pupil ? { pupil } : {}) });
    // For a recorded pupil: their summary and chronology, a button away.
    if (c) shown.blocks.push({ type: 'actions', actions: [to.pupil({ c, viewer: ctx.user }), to.timeline({ c, viewer: ctx.user })] });
    return [shown];
  },
};
