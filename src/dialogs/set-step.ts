import { guidanceAfterSave } from './views/guidance-after-save.js';
import { heading, text } from '../core/views/view.js';
import type { PupilCase } from '../core/cases/pupil-case.js';
import { standingExclusions } from '../core/exclusions/withdrawn.js';
import { suspensionDays } from '../core/exclusions/suspension-days.js';
import { exclusionStanding } from '../core/record/pupil-figures.js';
import { count } from '../core/text/plural.js';
import { ukDate } from '../core/text/uk-date.js';
import type { KnowledgePack } from '../knowledge/schema/pack.js';
import { choice, type AnswerChoice } from './choice-match.js';
import type { DialogContext, FormDialog, Question } from './dialog.js';
import { freeText, yesNo } from './parse.js';
import { describePupil, pickedPupil, pupilQuestionReading } from './pupil-question.js';
import { onlySendcos } from './who-may.js';

/**
 * Every step, numbered as in 000 so "4" is Step 4 wherever it is typed; the pupil's step is marked
 * "now" and refused as an answer. "up" and "down" are the steps either side.
 */
function stepChoices(pack: KnowledgePack, from: number): AnswerChoice[] {
  return [1, 2, 3, 4, 5, 6].map((n) => {
    const title = pack.pathway?.steps[n - 1]?.title;
    const words = n === from + 1 ? ['up', 'step up', 'up one'] : n === from - 1 ? ['down', 'step down', 'down one'] : [];
    return { value: String(n), label: `Step ${n}${title ? ` – ${title}` : ''}${n === from ? ' (now)' : ''}`, words: [`step ${n}`, ...words] };
  });
}

/** The steps a move up passes over: Step 3 to Step 6 passes over 4 and 5. */
const passedOver = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from - 1) }, (_, i) => from + 1 + i);

const stepList = (steps: readonly number[]): string => (steps.length === 1 ? `Step ${steps[0]}` : `Steps ${steps.slice(0, -1).join(', ')} and ${steps.at(-1)}`);

/**
 * A move up of more than one step is confirmed first (000: each step's actions are to be tried
 * before the next; a SENDCo may still set the step, with the reason). "No" asks to pick again.
 */
function jumpQuestions(from: number, to: number): Question[] {
  const over = passedOver(from, to);
  if (!over.length) return [];
  return [
    {
      id: 'jump',
      kind: 'yesno',
      prompt: `Move straight from Step ${from} to Step ${to}, past ${stepList(over)}?`,
      before: [{ type: 'text', text: `The graduated response expects each step’s actions to be tried before the next (000), so a move past ${stepList(over)} needs a reason on the record: what makes this urgent, or what was already tried.` }],
      parse(raw) {
        const p = yesNo(raw);
        return p.ok && p.value === false ? { ok: false, message: `Then type "back" to pick another step (Step ${from + 1} is the next one up), or "cancel".` } : p;
      },
    },
  ];
}

/** The reason asked for the move; a jump past steps asks why those steps are passed over. */
function reasonPrompt(from: number, to: number): string {
  const over = passedOver(from, to);
  return over.length
    ? `Why move past ${stepList(over)}? For example what makes it urgent, or what was tried already (no names, please).`
    : 'Why is the pupil moving? For example what the reviews showed (no names, please).';
}

/** Which pupil, the step they are on, and what makes a step down worth a second look, read when picked (the move is checked against the fresh record when saved). */
function pupilWithStep(ctx: DialogContext): Question {
  return pupilQuestionReading(ctx, (c) => ({ fromStep: c.currentStep, downCautions: stepDownCautions(ctx, c) }));
}

/** A suspension whose last school day is up to this many school days ago (about four school weeks) is recent. */
export const RECENT_SUSPENSION_SCHOOL_DAYS = 20;

/**
 * What makes stepping support down risky now, in words: the pupil is at risk of permanent exclusion,
 * or a suspension is under way, decided, or ended within the last {@link RECENT_SUSPENSION_SCHOOL_DAYS}
 * school days (London dates, the school calendar). Empty when neither.
 */
function stepDownCautions(ctx: DialogContext, c: PupilCase): string[] {
  const out: string[] = [];
  if (exclusionStanding(c).atRisk) out.push('the pupil is at risk of permanent exclusion');
  const today = ctx.today();
  const last = standingExclusions(c)
    .filter((x) => x.kind === 'suspension')
    .map((x) => suspensionDays(ctx.calendar, x).at(-1) ?? x.startDate)
    .sort()
    .at(-1);
  if (last && last >= today) out.push(`a suspension runs until ${ukDate(last)}`);
  else if (last) {
    const ago = ctx.calendar.schoolDaysBetween(last, today);
    if (ago <= RECENT_SUSPENSION_SCHOOL_DAYS) out.push(`a suspension ended ${ukDate(last)}, ${count(ago, 'school day')} ago`);
  }
  return out;
}

/**
 * A move down while the pupil is at risk of permanent exclusion or lately suspended is confirmed
 * first, as a jump up is (000: support steps down "when appropriate"). "No" asks to pick again.
 */
function stepDownQuestions(from: number, to: number, cautions: readonly string[]): Question[] {
  if (!(to < from) || !cautions.length) return [];
  const why = cautions.join(', and ');
  return [
    {
      id: 'downAnyway',
      kind: 'yesno',
      prompt: `Step down from Step ${from} to Step ${to} even so?`,
      before: [{ type: 'text', text: `Before stepping down: ${why}. Support taken away now may be needed most; step down only when the reviews show it is right, and say so in the reason.` }],
      parse(raw) {
        const p = yesNo(raw);
        return p.ok && p.value === false ? { ok: false, message: `Then type "back" to pick another step (Step ${from} is where the pupil is now), or "cancel" to keep them at Step ${from}.` } : p;
      },
    },
  ];
}

/**
 * `step 4021`: a SENDCo moves a pupil up or down the pathway outside a review, with the reason and
 * who else agreed (000, Guiding Principles: "Intervention can be stepped down, when appropriate,
 * as well as stepped up"). Saved as a step change; the guidance for the new step follows.
 */
export const setStepDialog: FormDialog = {
  id: 'set-step',
  submitLabel: 'Record the move',
  title: 'Move a pupil to another step',
  shortTitle: 'Move to another step',
  refuse: onlySendcos('move a pupil to another step outside a review', 'Record a review with "review": a review without positive change offers the move up. Or ask your SENDCo.'),
  intro: () => 'The pathway works both ways: support can step down as well as up. Say why; please describe, don’t name.',
  questions(ctx, a) {
    const pupil = pupilWithStep(ctx);
    const from = a.fromStep;
    if (!pickedPupil(a) || typeof from !== 'number') return [pupil];
    const steps = stepChoices(ctx.pack, from);
    return [
      pupil,
      {
        id: 'step',
        kind: 'choice',
        prompt: `The pupil is at Step ${from}. Which step should they move to?`,
        choices: steps,
        parse(raw) {
          const p = choice(steps, raw);
          return p.ok && Number(p.value) === from ? { ok: false, message: `The pupil is already at Step ${from}. Pick the step they should move to, or type "cancel".` } : p;
        },
      },
      ...jumpQuestions(from, Number(a.step)),
      ...stepDownQuestions(from, Number(a.step), Array.isArray(a.downCautions) ? (a.downCautions as string[]) : []),
      { id: 'reason', kind: 'longtext', prompt: reasonPrompt(from, Number(a.step)), parse: (r) => freeText(r, 500) },
      { id: 'agreedWith', kind: 'text', optional: true, prompt: 'Who else agreed the move? Roles, not names (e.g. "class teacher and parents/carers").', parse: (r) => freeText(r, 200) },
    ];
  },
  async finish(ctx, a) {
    const p = pickedPupil(a)!;
    const to = Number(a.step);
    const agreedWith = (a.agreedWith as string | null | undefined) ?? '';
    const saved = await ctx.cases.setStep(ctx.user, { schoolId: p.schoolId, id: p.caseId }, { to, reason: a.reason as string, ...(agreedWith ? { agreedWith } : {}) });
    const move = saved.stepChanges.at(-1)!;
    const way = move.to > move.from ? 'up' : 'down';
    return [
      { blocks: [heading('Step changed'), text(`${describePupil(saved)} moved ${way} from Step ${move.from} to Step ${move.to}. The reason is on their record.`, 'success')] },
      guidanceAfterSave(ctx, saved),
    ];
  },
};
