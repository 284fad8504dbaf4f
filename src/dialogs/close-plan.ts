import { FIELD_MAX } from '../core/cases/text-limits.js';
import { closePlan, OUTCOMES } from '../core/plans/close-plan.js';
import { heading, text, type ReadFirst } from '../core/views/view.js';
import type { PlanLeadsTo, PupilCase } from '../core/cases/pupil-case.js';
import { pupilFacts } from '../core/facts/pupil-facts.js';
import { fromAdvice } from '../core/guidance/recommendation.js';
import type { Recommendation } from '../core/guidance/types.js';
import { choice, type AnswerChoice } from './choice-match.js';
import type { Answers, DialogContext, FormDialog, Question } from './dialog.js';
import { dateWithin, freeText } from './parse.js';
import { planDayProblem } from './plan-day.js';
import { planBegan } from '../core/plans/plan-began.js';
import { describePupil, loadPicked, pickedPupil, pupilQuestion } from './pupil-question.js';
import { onlyPupilWriters } from './who-may.js';
import { ukDate } from '../core/text/uk-date.js';

/**
 * `close plan 4021`: a PCP ends successful or replaced, a PSP successful or not (003: a PSP is
 * time-limited), with the day it ended and what follows. The plan stays on record, closed; its
 * review reminders stop.
 */

interface PlanOption {
  value: string;
  label: string;
  kind: 'pcp' | 'psp';
  /** The day it was written or started: it cannot have ended before. */
  began: string;
}

const OUTCOME_LABELS: Record<string, AnswerChoice> = {
  successful: { value: 'successful', label: 'Successful: it did what it set out to do', plainAnswer: 'yes', words: ['success', 'worked', 'it worked', 'met'] },
  'not-successful': { value: 'not-successful', label: 'Not successful', plainAnswer: 'no', words: ['unsuccessful', 'failed', 'didnt work', 'not worked'] },
  replaced: { value: 'replaced', label: 'Replaced by another plan or by an EHCP', words: ['replace', 'superseded', 'new plan'] },
};

const LEADS_TO: (AnswerChoice & { value: PlanLeadsTo })[] = [
  { value: 'usual-support', label: 'Back to the school’s usual support', words: ['usual', 'universal', 'nothing more', 'none'] },
  { value: 'new-plan', label: 'A new or updated plan (PCP or PSP)', words: ['pcp', 'psp', 'new plan', 'another plan'] },
  { value: 'specialist-support', label: 'Specialist support (a referral: EP, inclusion team, re-engagement unit)', words: ['referral', 'refer', 'specialist', 'ep', 'outreach'] },
  { value: 'ehc-assessment', label: 'An EHC needs assessment', words: ['ehc', 'ehcp', 'needs assessment'] },
  { value: 'managed-move', label: 'A managed move', words: ['move', 'managed move'] },
  { value: 'alternative-provision', label: 'Alternative provision', words: ['ap', 'pru', 'alternative'] },
  { value: 'other', label: 'Something else (say what in the notes)', words: ['other', 'else'] },
];

/** What to type next, for what follows. */
const NEXT: Partial<Record<PlanLeadsTo, string>> = {
  'new-plan': 'Type "pcp" or "psp" for the pupil to write it.',
  'specialist-support': 'Type "refer" for the pupil to make the referral (parental permission needed).',
  'ehc-assessment': 'When it is requested, record the date with "update" so the LA’s 6- and 20-week dates are reminded.',
};

/** Kept in the answers when the pupil is picked: why a managed move is not the route for them, if it is not. */
const NO_MANAGED_MOVE = 'noManagedMove';

/**
 * Why a managed move is not open to this pupil: the Fair Access Protocol does not cover looked-after
 * or previously looked-after children (000, "Step 5 – Fair Access Protocol"), and the managed-move
 * procedure is not for pupils with an EHC plan, whose school contacts the SEN team (003, "Managed Move").
 * Empty for everyone else.
 */
function notForManagedMove(c: PupilCase): NotForManagedMove[] {
  const f = pupilFacts(c).flags;
  return [...(f.lookedAfter ? ['looked-after' as const] : f.previouslyLookedAfter ? ['previously-looked-after' as const] : []), ...(f.ehcp ? ['ehcp' as const] : [])];
}

type NotForManagedMove = 'looked-after' | 'previously-looked-after' | 'ehcp';

/** Why, in words, for each reason notForManagedMove keeps (only these ids are kept in the answers, which drafts and cards carry). */
const BECAUSE: Record<NotForManagedMove, string> = {
  'looked-after': 'a looked-after child',
  'previously-looked-after': 'a previously looked-after child',
  ehcp: 'a pupil with an EHC plan',
};

/** The pack's advice for each reason kept by notForManagedMove. */
function cautions(ctx: DialogContext, a: Answers): Recommendation[] {
  const not = ctx.pack.rules?.managedMoveNotFor;
  const why = (a[NO_MANAGED_MOVE] as NotForManagedMove[] | undefined) ?? [];
  if (!not) return [];
  return why.map((w) => (w === 'ehcp' ? fromAdvice(ctx.pack, 'managed-move-not-ehcp', 'warning', not.ehcp, BECAUSE[w]) : fromAdvice(ctx.pack, 'managed-move-not-looked-after', 'warning', not.lookedAfter, BECAUSE[w])));
}

/** Shown above "What follows?" for a pupil a managed move does not suit, before anyone picks it. */
function cautionsBefore(ctx: DialogContext, a: Answers): Pick<Question, 'before'> {
  const recs = cautions(ctx, a);
  if (!recs.length) return {};
  return { before: [{ type: 'text', text: 'If a managed move is in mind, read this first:' }, ...recs.map((rec): ReadFirst => ({ type: 'recommendation', rec }))] };
}

async function planOptions(ctx: DialogContext, a: Answers): Promise<PlanOption[]> {
  const c = await loadPicked(ctx, a);
  if (!c) return [];
  return [
    ...c.pcps.filter((p) => p.status === 'active').map((p) => ({ value: p.id, label: `Person-centred plan (Step ${p.step}, written ${ukDate(planBegan('pcp', p))})`, kind: 'pcp' as const, began: planBegan('pcp', p) })),
    ...c.psps.filter((p) => p.status === 'active').map((p) => ({ value: p.id, label: `Pastoral Support Programme (started ${ukDate(p.startDate)})`, kind: 'psp' as const, began: p.startDate })),
  ];
}

const chosenPlan = (a: Answers): PlanOption | undefined => {
  const options = (a.options as PlanOption[] | undefined) ?? [];
  return options.length === 1 ? options[0] : options.find((o) => o.value === a.planId);
};

export const closePlanDialog: FormDialog = {
  id: 'close-plan',
  draftName: 'plan closure',
  submitLabel: 'Close the plan',
  title: 'Close a plan',
  refuse: onlyPupilWriters('close plans'),
  intro: () => 'A closed plan stays on the pupil’s record, with how it ended and what follows; its review reminders stop.',
  questions(ctx, a) {
    const base = pupilQuestion(ctx);
    const pupil: Question = {
      ...base,
      async parse(raw) {
        const p = await base.parse(raw);
        if (!p.ok) return p;
        const options = await planOptions(ctx, { pupil: p.value });
        if (!options.length) return { ok: false, message: 'That pupil has no plan in place to close. Type "cancel", or another pupil’s reference.' };
        const c = await loadPicked(ctx, { pupil: p.value });
        return { ok: true, value: p.value, also: { options, [NO_MANAGED_MOVE]: c ? notForManagedMove(c) : [] } };
      },
    };
    const options = (a.options as PlanOption[] | undefined) ?? [];
    if (!pickedPupil(a) || !options.length) return [pupil];
    const qs: Question[] = [pupil];
    if (options.length > 1) {
      const plans = options.map(({ value, label, kind }) => ({ value, label, words: kind === 'pcp' ? ['pcp', 'person centred plan'] : ['psp', 'pastoral support'] }));
      qs.push({ id: 'planId', kind: 'choice', prompt: 'Which plan is ending?', choices: plans, parse: (r) => choice(plans, r) });
    }
    const plan = chosenPlan(a);
    if (!plan) return qs;
    const outcomes = OUTCOMES[plan.kind].map((o) => OUTCOME_LABELS[o]!);
    const today = ctx.today();
    qs.push(
      { id: 'outcome', kind: 'choice', prompt: `How did the ${plan.kind === 'pcp' ? 'plan' : 'PSP'} end?`, choices: outcomes, parse: (r) => choice(outcomes, r) },
      { id: 'leadsTo', kind: 'choice', prompt: 'What follows?', choices: LEADS_TO, ...cautionsBefore(ctx, a), parse: (r) => choice(LEADS_TO, r) },
      {
        id: 'on',
        kind: 'date',
        prompt: 'When did it end?',
        fallback: { value: today, label: 'today' },
        parse(r) {
          const d = dateWithin(r, today, { pastDays: 365, futureDays: 0, what: 'end date' });
          const problem = d.ok ? planDayProblem(ctx.calendar, d.value as string, { began: plan.began, name: plan.kind === 'pcp' ? 'the plan’s date' : 'the PSP’s start date' }, 'the end date') : undefined;
          return problem ? { ok: false, message: problem } : d;
        },
      },
      {
        id: 'notes',
        kind: 'longtext',
        optional: a.leadsTo !== 'other',
        maxLength: FIELD_MAX,
        prompt: a.leadsTo === 'other' ? 'What follows? (no names, please)' : 'Anything to note about how it went? (no names, please)',
        parse: (r) => freeText(r, FIELD_MAX),
      },
    );
    return qs;
  },
  async finish(ctx, a) {
    const p = pickedPupil(a)!;
    const plan = chosenPlan(a)!;
    const input = { on: a.on as string, outcome: a.outcome as 'successful', leadsTo: a.leadsTo as PlanLeadsTo, notes: (a.notes as string | null) ?? '' };
    const saved = await ctx.cases.change(ctx.user, { schoolId: p.schoolId, id: p.caseId }, `${plan.kind}.close`, (c, cc) => closePlan(c, plan.kind, plan.value, input, cc));
    const name = plan.kind === 'pcp' ? 'person-centred plan' : 'Pastoral Support Programme';
    const outcome = OUTCOME_LABELS[input.outcome]!.label.split(':')[0]!.toLowerCase();
    const follows = LEADS_TO.find((l) => l.value === input.leadsTo)!.label.replace(/ \(.*\)$/, '');
    const next = NEXT[input.leadsTo];
    return [
      {
        blocks: [
          heading('Plan closed'),
          text(`The ${name} for ${describePupil(saved)} is closed as ${outcome} on ${ukDate(input.on)}, leading to: ${follows.charAt(0).toLowerCase()}${follows.slice(1)}. Its review reminders stop.`, 'success'),
          ...(next ? [text(next, 'muted')] : []),
          // Said again after the save: the move is on record, but the route the school chose may not be open.
          ...(input.leadsTo === 'managed-move' ? cautions(ctx, a).map((rec): ReadFirst => ({ type: 'recommendation', rec })) : []),
        ],
      },
    ];
  },
};
