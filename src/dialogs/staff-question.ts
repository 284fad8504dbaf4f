import type { StaffMember } from '../core/staff.js';
import type { Choice } from '../core/views/view.js';
import type { DialogContext, Parsed, Question } from './dialog.js';
import { staffLabel } from './lookups.js';
import { staffIdFrom } from './staff-id.js';

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

/** How a member of staff shows in a picker: their id, in words the directory gives. */
export function shownStaff(ctx: DialogContext, answer: unknown): Choice | undefined {
  if (typeof answer !== 'string' || !answer) return undefined;
  const member = ctx.staff?.find(answer);
  const words = member ? staffLabel(member) : answer;
  return { value: answer, label: answer === ctx.user.id ? `You: ${words}` : words };
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
      const read = staffIdFrom(raw, ctx.user.id, (id) => !!ctx.staff?.find(id));
      if (!read.ok) return read;
      return opts.check ? opts.check(read.id, ctx.staff?.find(read.id)) : { ok: true, value: read.id };
    },
  };
}
