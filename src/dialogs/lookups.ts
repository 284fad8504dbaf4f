import { writesPupilRecords } from '../core/access/policy.js';
import type { PupilCase } from '../core/cases/pupil-case.js';
import type { StaffMember } from '../core/staff.js';
import { schoolName } from '../core/text/school-name.js';
import { schoolCalled } from './views/record-words.js';
import type { Choice, Lookup } from '../core/views/view.js';
import type { DialogContext } from './dialog.js';
import { describePupil } from './pupil-question.js';
import { ROLE_WORDS, roleAt } from './staff-words.js';

/**
 * What a picker offers as the person types (QuestionView.lookup), for every channel that has one:
 * each choice's value is what the question reads when typed, so a pick and a typed answer are read
 * by the same parser and the same access rules.
 */

/** The most any picker is offered at once (Teams shows 15; Slack takes up to 100). */
export const LOOKUP_MAX = 25;

/**
 * The most choices a form offers ready-made beside its search (QuestionView.offered), for clients
 * that cannot search as the person types: enough for a teacher's pupils, small enough for a card.
 */
export const OFFERED_MAX = 50;

/** How well a pupil matches the typed words: lower is better; undefined is no match. */
function pupilRank(c: PupilCase, typed: string): number | undefined {
  if (!typed) return 4;
  const ref = c.pupilRef.toUpperCase();
  if (ref === typed) return 0;
  if (c.initials === typed) return 1;
  if (ref.startsWith(typed)) return 2;
  if (c.initials.startsWith(typed)) return 3;
  return ref.includes(typed) ? 4 : undefined;
}

/**
 * The pupils this person may see at their school whose reference or initials match the words typed
 * (best first: the exact reference, the initials, then references that start so), described as
 * everywhere else: "AB (ref 4021, Year 8)". Read through the case service like any list, so the
 * access rules apply on every search and each pupil offered is audited as listed (ids only). Someone
 * who keeps no pupil records (an admin, an LA officer) is offered none.
 */
export function pupilChoices(ctx: DialogContext, typed: string, limit = LOOKUP_MAX): Promise<Choice[]> {
  return rankedPupils(ctx, typed, Math.min(limit, LOOKUP_MAX));
}

/** pupilChoices with a limit of the caller's own (at most `max`), audited the same way. */
async function rankedPupils(ctx: DialogContext, typed: string, max: number): Promise<Choice[]> {
  if (!writesPupilRecords(ctx.user)) return [];
  const words = typed.trim().toUpperCase();
  const ranked = (await ctx.cases.visibleCases(ctx.user))
    .filter((c) => c.schoolId === ctx.user.schoolId)
    .map((c) => ({ c, rank: pupilRank(c, words) }))
    .filter((x): x is { c: PupilCase; rank: number } => x.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.c.pupilRef.localeCompare(b.c.pupilRef, 'en', { numeric: true }))
    .slice(0, Math.max(0, max))
    .map((x) => x.c);
  await ctx.cases.disclosed(ctx.user, shownIds(ranked));
  return ranked.map((c) => ({ value: c.pupilRef, label: describePupil(c) }));
}

const shownIds = (cases: readonly PupilCase[]) => cases.map((c) => ({ schoolId: c.schoolId, id: c.id }));

/**
 * A member of staff in a picker: "Sam Patel (SENDCo at Oak Primary)" where the directory has a name;
 * else their role and school with the last four characters of their id, so two unnamed teachers can
 * still be told apart without showing an AAD or Slack id whole (issue 12: no raw ids on screen).
 * `school` names a school as the staff file does ("Oak Primary School"), as every other view does.
 */
export function staffLabel(m: StaffMember, school: (schoolId: string) => string = schoolName): string {
  const at = `${ROLE_WORDS[m.role]}${m.schoolId ? ` at ${school(m.schoolId)}` : ''}`;
  if (m.displayName) return `${m.displayName} (${at})`;
  const role = roleAt(m, school);
  return `${role[0]!.toUpperCase()}${role.slice(1)}, no name on record (…${m.id.slice(-4)})`;
}

/**
 * Staff the bot knows (the staff directory) who match the words typed, by id or name: for a channel
 * whose own people picker cannot be used (Teams' picker searches the organisation's directory, which a
 * local test client does not have). Anyone with a role may look; a person at a school is offered the
 * staff there, an admin or LA officer with no school everyone.
 */
export function staffChoices(ctx: DialogContext, typed: string, limit = LOOKUP_MAX): Choice[] {
  return rankedStaff(ctx, typed, Math.min(limit, LOOKUP_MAX));
}

function rankedStaff(ctx: DialogContext, typed: string, max: number): Choice[] {
  const words = typed.trim().toLowerCase();
  const here = (m: StaffMember) => !ctx.user.schoolId || m.schoolId === ctx.user.schoolId;
  return (ctx.staff?.list?.() ?? [])
    .filter((m) => here(m) && (!words || m.id.toLowerCase().includes(words) || !!m.displayName?.toLowerCase().includes(words)))
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(0, Math.max(0, max))
    .map((m) => ({ value: m.id, label: staffLabel(m, (s) => schoolCalled(ctx, s)) }));
}

/** A picker's choices for the words typed so far. */
export function lookupChoices(ctx: DialogContext, lookup: Lookup, typed: string, limit = LOOKUP_MAX): Promise<Choice[]> {
  return lookup === 'pupil' ? pupilChoices(ctx, typed, limit) : Promise.resolve(staffChoices(ctx, typed, limit));
}

/**
 * What a form offers ready-made beside its search, so a client that cannot search as the person
 * types (the Agents Playground, older Teams clients) still has something to pick: the pupils this
 * person may see at their school, by reference (up to OFFERED_MAX, audited as listed like any
 * search); or the staff the bot knows at their school, with the person themselves first as "You"
 * where the question takes them (`me`), so a form that asks for a colleague can always be finished.
 * Typing, where the client allows it, still works.
 */
export async function offeredChoices(ctx: DialogContext, lookup: Lookup, opts: { me?: boolean } = {}): Promise<Choice[]> {
  if (lookup === 'pupil') return rankedPupils(ctx, '', OFFERED_MAX);
  const others = rankedStaff(ctx, '', OFFERED_MAX).filter((c) => c.value !== ctx.user.id);
  if (!opts.me) return others;
  const me = ctx.staff?.find(ctx.user.id);
  const you: Choice = { value: ctx.user.id, label: me ? `You (${ROLE_WORDS[me.role]}${me.schoolId ? ` at ${schoolCalled(ctx, me.schoolId)}` : ''})` : 'You' };
  return [you, ...others].slice(0, OFFERED_MAX);
}
