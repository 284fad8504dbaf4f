import type { StaffMember } from '../core/staff.js';
import type { Choice } from '../core/views/view.js';
import type { DialogContext, Parsed, Question } from './dialog.js';
import { staffIdFrom } from './staff-id.js';
import { staffNamer } from './staff-words.js';

/**
 * A question whose answer is a member of staff: picked in Teams' people picker or Slack's (which send
 * the person's Entra object id or Slack user id), or typed as an id or, in Slack, an @-mention. Either
 * way it becomes the id this bot keys staff on (`teams:<AAD object id>`, `slack:<team>:<user>`), with
 * no directory lookup beyond the bot's own: the picked id is the staff directory's key.
 */
export interface StaffQuestionOptions {
  id: string;
  prompt: string;
  help?: string;
  /** "me" (and a blank answer) mean the person answering. */
  me?: boolean;
  /** Whether this person may be named here, given who the staff directory says they are (undefined: no role). */
  check?: (id: string, member: StaffMember | undefined) => Parsed | Promise<Parsed>;
}

/**
 * How the member of staff already picked shows: their id as the value, and as the label the words
 * staffNamer gives ("Sam Patel (SENDCo)"), "you", or "someone with no role here yet"; never the id.
 */
export function shownStaff(ctx: DialogContext, answer: unknown): Choice | undefined {
  if (typeof answer !== 'string' || !answer) return undefined;
  if (answer === ctx.user.id) return { value: answer, label: 'You' };
  return { value: answer, label: staffNamer(ctx)(answer) || 'someone with no role here yet' };
}

export function staffQuestion(ctx: DialogContext, opts: StaffQuestionOptions): Question {
  return {
    id: opts.id,
    kind: 'text',
    prompt: opts.prompt,
    ...(opts.help ? { help: opts.help } : {}),
    lookup: 'staff',
    shown: (answer) => shownStaff(ctx, answer),
    ...(opts.me ? { fallback: { value: ctx.user.id, label: 'me' } } : {}),
    async parse(raw) {
      if (opts.me && /^(me|myself)$/i.test(raw.trim())) return { ok: true, value: ctx.user.id };
      const byName = namedStaff(ctx, raw);
      if (byName && !byName.ok) return byName;
      const read = byName ?? staffIdFrom(raw, ctx.user.id, (id) => !!ctx.staff?.find(id));
      // Words that read as a name nobody here has: say so, rather than that it is not an id.
      if (!read.ok && ctx.staff?.list && /^[\p{L}][\p{L}' -]*$/u.test(raw.trim()) && /\s/.test(raw.trim()))
        return { ok: false, message: `I don’t know a colleague called “${raw.trim()}” here. Pick them from the list, or type their id (they can see it by typing "whoami").` };
      if (!read.ok) return read;
      return opts.check ? opts.check(read.id, ctx.staff?.find(read.id)) : { ok: true, value: read.id };
    },
  };
}

/**
 * Someone typed by the name the staff directory holds for them ("Jo Brown"), as a person naturally
 * answers "Who oversees the PSP?" where no picker is shown (a fresh tester, issue 12, was told
 * "That isn't an id"). Colleagues at the answerer's own school first; undefined when no one has
 * that name (the answer is then read as an id); a kind refusal when two people share it.
 */
function namedStaff(ctx: DialogContext, raw: string): { ok: true; id: string } | { ok: false; message: string } | undefined {
  const name = raw.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!name || !ctx.staff?.list) return undefined;
  const everyone = ctx.staff.list().filter((m) => m.displayName?.trim().replace(/\s+/g, ' ').toLowerCase() === name);
  const here = everyone.filter((m) => m.schoolId !== undefined && m.schoolId === ctx.user.schoolId);
  const found = here.length ? here : everyone;
  if (found.length === 1) return { ok: true, id: found[0]!.id };
  if (found.length > 1) return { ok: false, message: `${found.length} people here are called “${raw.trim()}”. Pick them from the list, or type their id (they can see it by typing "whoami").` };
  return undefined;
}
