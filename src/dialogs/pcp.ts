import { addPersonCentredPlan } from '../core/plans/plan-changes.js';
import { heading, text } from '../core/views/view.js';
import type { FormDialog, Question } from './dialog.js';
import { fieldName } from './date-rules.js';
import { yesNo } from './parse.js';
import { pcpReviewDateQuestion } from './pcp-review-date.js';
import { describePupil, pickedPupil, pupilQuestion } from './pupil-question.js';
import { packForm, templateQuestions, templateValues } from './template-questions.js';
import { onlyPupilWriters } from './who-may.js';
import { ukDate } from '../core/text/uk-date.js';

/** Fields the dialog asks in its own way, or that belong to the review rather than the plan. */
const ASKED_ELSEWHERE = ['school', 'reviewDate', 'progressSeen', 'whatWorked', 'whatLearnt', 'whatNext', 'reviewDecision'];

export const pcpDialog: FormDialog = {
  id: 'pcp',
  draftName: 'PCP',
  submitLabel: 'Save plan',
  title: 'Person-centred plan',
  refuse: onlyPupilWriters('write plans'),
  intro: (ctx) => {
    const t = packForm(ctx, 'pcp');
    return `${t?.title ?? 'Person-centred plan'}. Optional questions can be left blank. Please describe, don’t name: no names of pupils or family.`;
  },
  questions(ctx, a) {
    const qs: Question[] = [pupilQuestion(ctx)];
    if (!pickedPupil(a)) return qs;
    const pcp = packForm(ctx, 'pcp');
    if (pcp) qs.push(...templateQuestions(ctx, pcp, 'pcp', ASKED_ELSEWHERE));
    // The review counts from the plan's date (the pack's rule for the review date names it).
    const planField = pcp?.fields.find((f) => f.id === 'planDate');
    const planDate = a['pcp.planDate'];
    const from = planField && typeof planDate === 'string' ? { date: planDate, name: fieldName(planField) } : undefined;
    qs.push(pcpReviewDateQuestion(ctx, { id: 'reviewDate', prompt: 'When will the plan be reviewed?', what: 'review date', pastWhenFromIs: true, ...(from ? { from } : {}) }));
    const isp = packForm(ctx, 'incident-support-plan');
    if (isp) {
      qs.push({ id: 'wantsIsp', kind: 'yesno', prompt: 'Add an Incident Support Plan for moments of crisis?', parse: yesNo });
      if (a.wantsIsp === true) qs.push(...templateQuestions(ctx, isp, 'isp'));
    }
    return qs;
  },
  async finish(ctx, a) {
    const p = pickedPupil(a)!;
    const isp = a.wantsIsp === true ? templateValues(a, 'isp') : undefined;
    const saved = await ctx.cases.change(ctx.user, { schoolId: p.schoolId, id: p.caseId }, 'pcp.create', (c, cc) =>
      addPersonCentredPlan(c, { fields: templateValues(a, 'pcp'), reviewDate: a.reviewDate as string, ...(isp ? { incidentSupportPlan: isp } : {}) }, cc),
    );
    return [
      {
        blocks: [
          heading('Plan saved'),
          text(`The person-centred plan for ${describePupil(saved)} is saved at Step ${saved.currentStep}${isp ? ' with an Incident Support Plan' : ''}. Review due ${ukDate(a.reviewDate as string)}.`, 'success'),
          text('Put the plan into practice, then type "review" on the review date.', 'muted'),
        ],
      },
    ];
  },
};
