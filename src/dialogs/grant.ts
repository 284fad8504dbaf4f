import { SchoolId } from '../core/cases/fields.js';
import type { Role } from '../core/staff.js';
import { schoolCalled } from './views/record-words.js';
import { heading, text, textNaming } from '../core/views/view.js';
import { choice, type AnswerChoice } from './choice-match.js';
import type { Answers, DialogContext, FormDialog, Question } from './dialog.js';
import { staffQuestion } from './staff-question.js';
import { roleAt } from './staff-words.js';

/**
 * `grant` on its own: an admin gives someone a role in a form, picking the person in Teams' or
 * Slack's people picker rather than copying the id `whoami` shows (`grant <id> <role> [school]`
 * typed in full still runs at once). The picked id is the one the bot keys staff on, so nothing
 * else is looked up; the person need not be known to the bot yet, as this is how they become known.
 */

const ROLES: (AnswerChoice & { value: Role })[] = [
  { value: 'teacher', label: 'Teacher', words: ['class teacher', 'form tutor', 'tutor'] },
  { value: 'sendco', label: 'SENDCo', words: ['senco', 'special educational needs coordinator'] },
  { value: 'headteacher', label: 'Headteacher', words: ['head', 'head teacher', 'acting head', 'principal'] },
  { value: 'la-officer', label: 'LA officer', words: ['local authority', 'la', 'inclusion officer'] },
  { value: 'admin', label: 'Admin', words: ['administrator'] },
];

/** Roles that work at one school (the staff directory refuses them without one). */
const AT_A_SCHOOL: readonly string[] = ['teacher', 'sendco', 'headteacher'];

/** The id of the school the staff directory calls `raw` (any case and spacing), if one is. */
function schoolIdNamed(ctx: DialogContext, raw: string): string | undefined {
  const said = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  const ids = new Set((ctx.staff?.list?.() ?? []).flatMap((m) => (m.schoolId ? [m.schoolId] : [])));
  return [...ids].find((id) => ctx.staff?.schoolName?.(id).toLowerCase() === said);
}

function schoolQuestion(ctx: DialogContext, role: string): Question {
  const own = ctx.user.schoolId;
  return {
    id: 'schoolId',
    kind: 'text',
    prompt: AT_A_SCHOOL.includes(role) ? 'At which school? Its name, or its id in this bot, such as "oak-primary".' : 'An admin of one school may share its pupils with teachers. Which school, if any?',
    ...(own ? { fallback: { value: own, label: schoolCalled(ctx, own) } } : AT_A_SCHOOL.includes(role) ? {} : { optional: true }),
    parse(raw) {
      // A school's name as the staff file gives it ("Oak Primary School"), as people type it (issue 12, fresh tester).
      const id = schoolIdNamed(ctx, raw) ?? raw.trim().toLowerCase();
      return SchoolId.safeParse(id).success ? { ok: true, value: id } : { ok: false, message: 'A school id is lower-case letters, digits and dashes. Please type the school’s id, such as "oak-primary".' };
    },
  };
}

export const grantDialog: FormDialog = {
  id: 'grant',
  title: 'Give someone a role',
  shortTitle: 'Give a role',
  submitLabel: 'Give the role',
  refuse: ({ user }) => (user.role === 'admin' ? undefined : 'Only an admin can give someone a role. Ask your admin, and tell them your id: type "whoami" to see it.'),
  intro: () => 'A teacher sees the pupils they work with, a SENDCo every pupil at their school, an LA officer what schools refer to the LA, and an admin no pupil records.',
  questions(ctx, a: Answers) {
    const qs: Question[] = [
      staffQuestion(ctx, {
        id: 'who',
        prompt: 'Who? Pick them, or type their id (they can see it by typing "whoami").',
        check: (id) =>
          id === ctx.user.id ? { ok: false, message: 'You can’t change your own role: admins see no pupil records, and a role you give yourself would get round that. Ask another admin.' } : { ok: true, value: id },
      }),
      { id: 'role', kind: 'choice', prompt: 'Which role?', choices: ROLES, parse: (r) => choice(ROLES, r) },
    ];
    const role = typeof a.role === 'string' ? a.role : undefined;
    if (role && role !== 'la-officer') qs.push(schoolQuestion(ctx, role));
    return qs;
  },
  async finish(ctx, a) {
    if (!ctx.staff?.grant) return [{ blocks: [text('Roles can’t be changed here.', 'warning')] }];
    const schoolId = typeof a.schoolId === 'string' ? a.schoolId : undefined;
    const given = await ctx.staff.grant(ctx.user, { id: a.who as string, role: a.role as Role, ...(schoolId ? { schoolId } : {}) });
    const said = given.displayName ?? 'your colleague';
    const role = roleAt(given, (s) => schoolCalled(ctx, s));
    return [{ blocks: [heading('Role given'), textNaming(`Done: ${said} is now ${role}. They see it by typing "whoami".`, 'success', [{ id: given.id, said }])] }];
  },
};
