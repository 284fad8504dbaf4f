import { SHORT_FIRST_NAMES } from '../core/text/short-first-names.js';
import { nameInReference } from '../core/text/names-in-text.js';
import { heading, text } from '../core/views/view.js';
import type { Answers, DialogContext, FormDialog, Question } from './dialog.js';
import { lookedAfterReadFirst, NO_SOCIAL_WORKER_YET } from './fact-questions.js';
import { CARE_CHOICES, SEND_CHOICES } from './pupil-choices.js';
import { choice, type AnswerChoice } from './choice-match.js';
import { yesNo } from './parse.js';
import { describePupil } from './pupil-question.js';
import { onlyPupilWriters } from './who-may.js';
import { plainYesNo } from './answer-words.js';

const steps: AnswerChoice[] = [1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: `Step ${n}` }));

export function parseYearGroup(raw: string): { ok: true; value: number } | { ok: false; message: string } {
  const t = raw.trim().toLowerCase().replace(/^(year|yr|y)\s*/, '');
  if (t === 'r' || t === 'reception') return { ok: true, value: 0 };
  if (/^\d{1,2}$/.test(t) && Number(t) >= 1 && Number(t) <= 13) return { ok: true, value: Number(t) };
  return { ok: false, message: 'Please type a year group from Reception (R) to Year 13, e.g. "7".' };
}

/** The reference, checked against the school's pupils at once rather than when the form is saved. */
function referenceQuestion(ctx: DialogContext): Question {
  return {
    id: 'pupilRef',
    kind: 'text',
    prompt: 'The pupil’s reference at your school (letters and digits, not their name).',
    async parse(r) {
      const ref = r.trim();
      if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/.test(ref)) return { ok: false, message: 'A reference is letters, digits and dashes, up to 20 characters. Please don’t use the pupil’s name.' };
      // Letters alone can be a name ("JohnSmith"), which the bot never keeps; admission numbers and UPNs have digits.
      if (!/\d/.test(ref)) return { ok: false, message: `A reference has at least one digit, such as the pupil’s admission number (4021) or UPN. “${ref}” is letters only, which could be a name, and names are never kept.` };
      // Digits do not make a name a reference ("Jack1"): a word in it that reads as a name is refused too.
      const named = nameInReference(ref);
      if (named) return { ok: false, message: `“${ref}” has “${named}” in it, which reads like a name, and names are never kept. Please type the pupil’s reference at your school, such as their admission number (4021) or UPN.` };
      const inUse = await ctx.cases.referenceInUse(ctx.user, ref);
      // Someone the pupil is not shared with cannot open it ("what next" would not find it): the SENDCo shares it.
      if (inUse === 'not-shared')
        return { ok: false, message: `Pupil reference ${ref} is already recorded at your school, but not shared with you. To work with that pupil, ask your SENDCo to share ${ref} with you. For a different pupil, give their own reference.` };
      if (inUse === 'seen')
        return { ok: false, message: `Pupil reference ${ref} is already recorded at your school. For a different pupil, give their own reference; to work with this one, stop here and open "what next for ${ref}".` };
      return { ok: true, value: ref };
    },
  };
}

const details: Question[] = [
  {
    id: 'initials',
    kind: 'text',
    prompt: 'Their initials (one to three letters).',
    help: 'Initials only: the bot never stores full names.',
    parse: (r) => {
      const t = r.trim().replace(/[.\s]/g, '').toUpperCase();
      if (!/^[A-Z]{1,3}$/.test(t)) return { ok: false, message: 'Please type one to three letters, such as "AB".' };
      // "no" or "ok" typed as one word is an answer to some other question, not initials (two fresh
      // testers, 1 Dec, had "NO" kept); with dots ("N.O.") it is taken as initials.
      if (/^[A-Za-z]+$/.test(r.trim()) && plainYesNo(r) !== undefined)
        return { ok: false, message: `“${r.trim()}” reads as an answer, not initials. Please type the pupil’s initials, such as "AB" (or "${t.split('').join('.')}." if those are their initials).` };
      // One word that is a common first name is asked about (nameCheck); dots or spaces say they are initials.
      const word = r.trim();
      return { ok: true, value: t, also: { [LIKE_A_NAME]: /^[A-Za-z]{3}$/.test(word) && SHORT_FIRST_NAMES.has(t) ? word : null } };
    },
  },
  { id: 'yearGroup', kind: 'text', prompt: 'Year group (R, or 1 to 13)?', parse: parseYearGroup },
  { id: 'care', kind: 'choice', prompt: 'Looked after, or previously looked after?', choices: CARE_CHOICES, parse: (r) => choice(CARE_CHOICES, r) },
  { id: 'socialWorker', kind: 'yesno', prompt: 'Does the pupil have a social worker (child in need or child protection plan)?', parse: yesNo },
  { id: 'send', kind: 'choice', prompt: 'Special educational needs?', choices: SEND_CHOICES, parse: (r) => choice(SEND_CHOICES, r) },
  { id: 'step', kind: 'choice', prompt: 'Which step of the graduated response is the pupil on now?', choices: steps, fallback: { value: '2', label: 'Step 2' }, parse: (r) => choice(steps, r) },
  { id: 'risk', kind: 'yesno', prompt: 'Is the pupil at risk of permanent exclusion?', parse: yesNo },
];

/** Where the initials' answer keeps whether they were typed as one word that is a common first name ("TOM"). */
const LIKE_A_NAME = 'initialsLikeAName';

/**
 * Initials typed as a common first name ("TOM", "Amy"; not "T.O.M." or "T O M") are queried before
 * they are kept, since names never are: "yes" keeps them; "no" asks for the initials again. The
 * question's id carries the initials, so a second name-like answer is queried afresh.
 */
function nameCheck(a: Answers): Question[] {
  const typed = a[LIKE_A_NAME];
  const initials = a.initials;
  if (typeof typed !== 'string' || typeof initials !== 'string') return [];
  const example = `${initials[0]}.M.`;
  return [
    {
      id: `initialsConfirmed-${initials}`,
      kind: 'yesno',
      prompt: `${typed} looks like a name; we keep initials only, e.g. ${example} Are ${initials} the pupil’s initials?`,
      parse(raw) {
        const p = yesNo(raw);
        if (!p.ok || p.value) return p;
        return { ok: true, value: false, reopen: { id: 'initials', message: `Please type the pupil’s initials, such as ${example}` } };
      },
    },
  ];
}

/** For a looked-after pupil the social worker question says first why it matters, as `update` does (002). */
function socialWorkerQuestion(ctx: DialogContext, q: Question, a: Answers): Question {
  return a.care === 'looked-after' ? { ...q, before: [{ type: 'text', text: 'A looked-after child normally has a social worker.' }, ...lookedAfterReadFirst(ctx).slice(1)] } : q;
}

export const newPupilDialog: FormDialog = {
  id: 'new-pupil',
  draftName: 'new pupil record',
  submitLabel: 'Add pupil',
  title: 'Add a pupil',
  refuse: onlyPupilWriters('add pupils'),
  intro: () => 'I only record a reference and initials, never a full name or date of birth.',
  questions: (ctx, a) => [referenceQuestion(ctx), ...details.flatMap((q) => (q.id === 'socialWorker' ? [socialWorkerQuestion(ctx, q, a)] : q.id === 'initials' ? [q, ...nameCheck(a)] : [q]))],
  async finish(ctx, a) {
    const c = await ctx.cases.create(ctx.user, {
      pupilRef: a.pupilRef as string,
      initials: a.initials as string,
      yearGroup: a.yearGroup as number,
      currentStep: Number(a.step),
      riskOfPermanentExclusion: a.risk === true,
      flags: {
        lookedAfter: a.care === 'looked-after',
        previouslyLookedAfter: a.care === 'previously',
        socialWorker: a.socialWorker === true,
        senSupport: a.send === 'sen-support',
        ehcp: a.send === 'ehcp',
      },
    });
    const noSocialWorker = c.flags.lookedAfter && !c.flags.socialWorker ? [text(NO_SOCIAL_WORKER_YET, 'warning')] : [];
    return [{ blocks: [heading('Pupil added'), text(`${describePupil(c)} is recorded at Step ${c.currentStep}.`, 'success'), ...noSocialWorker, text('Next: "what next" for guidance, or "pcp" to write their plan.', 'muted')] }];
  },
};
