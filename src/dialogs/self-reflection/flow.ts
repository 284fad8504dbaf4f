import { fillsInSelfReflection, seesSharedSelfReflections } from '../../core/access/policy.js';
import { AppError } from '../../core/errors.js';
import { areasLeft, AREA_NOTE_MAX, latestTwo, type SchoolReflections } from '../../core/self-reflection/reflection.js';
import type { SelfReflectionService } from '../../core/self-reflection/self-reflection-service.js';
import { ukDate, ukDateTime } from '../../core/text/uk-date.js';
import { heading, text, type View } from '../../core/views/view.js';
import type { SelfReflectionTool } from '../../knowledge/schema/templates.js';
import { choice, type AnswerChoice } from '../choice-match.js';
import type { DialogContext, FormDialog, Question } from '../dialog.js';
import { openForm } from '../form-submit.js';
import { yesNo } from '../parse.js';
import { nothingYetView, progressWords, REFLECTION_COMMANDS, sharedView, sharingWords, summaryView } from '../views/self-reflection-view.js';
import { schoolCalled } from '../views/record-words.js';
import { staffNamer } from '../staff-words.js';

/**
 * The Inclusion Self-Reflection Tool (seed 000, Appendix 2), filled in by a school's SENDCo or head
 * area by area: each area is a form of its own (a card in Teams, a modal in Slack, its questions one
 * at a time in the terminal), saved for the school as soon as it is sent, so anyone may stop after
 * an area and they or a colleague carry on later. After the last area one question remains: whether
 * the LA may see the area ratings. Then the summary.
 */

/** Area forms are `self-reflection/<area id>`: the registry builds them from the pack's areas. */
export const AREA_DIALOG_PREFIX = 'self-reflection/';

const toolOf = (ctx: DialogContext): SelfReflectionTool | undefined => ctx.pack.selfReflection;

function serviceOf(ctx: DialogContext): SelfReflectionService {
  if (!ctx.reflections || !ctx.pack.selfReflection) throw new AppError('The self-reflection tool is not set up on this bot.', 'not-found');
  return ctx.reflections;
}

/** For a dialog's `refuse`: who may fill the tool in, and what anyone else can do instead. */
export function onlyReflectors(ctx: DialogContext): string | undefined {
  const { user } = ctx;
  if (!toolOf(ctx) || !ctx.reflections) return 'This bot’s knowledge pack has no self-reflection tool.';
  if (fillsInSelfReflection(user)) return undefined;
  switch (user.role) {
    case 'teacher':
      return 'The Inclusion Self-Reflection is filled in by the school’s SENDCo or head. Ask your SENDCo for the summary.';
    case 'la-officer':
      return `Schools fill in their own self-reflection. To see the area ratings schools share with the LA, type "${REFLECTION_COMMANDS.schools}".`;
    default:
      return 'Only a school’s SENDCo or headteacher can fill in its self-reflection. Ask your admin to give you the role at your school: grant <id> headteacher <school-id>.';
  }
}

/** The rating choices, "1 Not Yet Developed" to "4 Enhanced", with each stage's meaning as words that pick it. */
function ratingChoices(tool: SelfReflectionTool): AnswerChoice[] {
  return tool.rag.map((r) => ({ value: String(r.score), label: `${r.score} ${r.label}` }));
}

function itemQuestion(tool: SelfReflectionTool, item: { id: string; text: string }): Question {
  const choices = ratingChoices(tool);
  return {
    id: item.id,
    kind: 'choice',
    prompt: `${item.id} ${item.text}`,
    choices,
    parse(raw) {
      const c = choice(choices, raw);
      return c.ok ? { ...c, value: Number(c.value) } : c;
    },
  };
}

const noteQuestion: Question = {
  id: 'note',
  kind: 'longtext',
  prompt: 'Evidence of practice, and actions needed, for this area (stays with the school; never shared with the LA)',
  optional: true,
  maxLength: AREA_NOTE_MAX,
  parse(raw) {
    const t = raw.trim();
    return t.length > AREA_NOTE_MAX ? { ok: false, message: `A note holds up to ${AREA_NOTE_MAX} characters; this one has ${t.length}. Please shorten it.`, typed: t } : { ok: true, value: t };
  },
};

/** "1 Not Yet Developed (you are still identifying what needs developing)": the scale as the tool gives it. */
const scaleWords = (tool: SelfReflectionTool): string => tool.rag.map((r) => `${r.score} ${r.label}: ${r.meaning.replace(/\.$/, '')}`).join('; ');

/**
 * The form for one area of the pack's tool: its items, each rated 1 to 4, and a note. Built on each
 * call (it is a few closures), so ids sent from outside never grow a cache.
 */
export function areaDialog(areaId: string): FormDialog {
  const areaIn = (ctx: DialogContext) => toolOf(ctx)?.areas.find((a) => a.id === areaId);
  return {
    id: `${AREA_DIALOG_PREFIX}${areaId}`,
    title: 'Inclusion self-reflection',
    shortTitle: 'Self-reflection',
    draftName: 'self-reflection area',
    keptOnStop: `The areas already saved are kept; only this area’s answers were not saved. Type "${REFLECTION_COMMANDS.start}" to carry on where you left off.`,
    submitLabel: 'Save this area',
    refuse: (ctx) => onlyReflectors(ctx) ?? (areaIn(ctx) ? undefined : `That area is no longer in the self-reflection tool. Type "${REFLECTION_COMMANDS.start}" to carry on.`),
    intro(ctx) {
      const tool = toolOf(ctx)!;
      const n = tool.areas.findIndex((a) => a.id === areaId) + 1;
      return `Area ${n} of ${tool.areas.length}: ${areaIn(ctx)?.title ?? areaId}. Rate each item from 1 to 4 (${scaleWords(tool)}). The area is saved for your school as soon as every item is rated; you can stop after any area and carry on later with "${REFLECTION_COMMANDS.start}".`;
    },
    questions(ctx) {
      const tool = toolOf(ctx);
      const area = areaIn(ctx);
      return tool && area ? [...area.items.map((i) => itemQuestion(tool, i)), noteQuestion] : [];
    },
    async finish(ctx, a) {
      const tool = toolOf(ctx)!;
      const area = areaIn(ctx)!;
      const ratings = Object.fromEntries(area.items.map((i) => [i.id, Number(a[i.id])]));
      const saved = await serviceOf(ctx).saveArea(ctx.user, tool, area.id, ratings, typeof a.note === 'string' ? a.note : undefined);
      const left = areasLeft(tool, saved.inProgress);
      const done = tool.areas.length - left.length;
      const standing = saved.inProgress?.areas[area.id];
      const replaced = standing?.earlier?.at(-1);
      // Two leaders on the same area: say whose ratings stand, and that the colleague's were kept.
      const colleague = replaced && replaced.replacedAt === standing!.at ? ` Your ratings now stand for this area; ${staffNamer(ctx)(replaced.by) || 'a colleague'}’s ratings saved ${ukDateTime(replaced.at)} were kept with the record, not lost.` : '';
      const said = `Saved “${area.title}”: ${done} of ${tool.areas.length} areas rated.${colleague}`;
      return nextForm(ctx, saved, left.length ? `${said} You can stop here and carry on later: type "${REFLECTION_COMMANDS.start}".` : `${said} One last question, then the summary.`);
    },
  };
}

/**
 * The next form for the school's reflection (the first area left, or the sharing question when
 * every area is rated), with `notice` above it: card channels show it; a typed conversation carries
 * straight on into its questions (next-form.ts).
 */
async function nextForm(ctx: DialogContext, record: SchoolReflections | undefined, notice: string): Promise<View[]> {
  const left = areasLeft(toolOf(ctx)!, record?.inProgress);
  const outcome = await openForm(left[0] ? areaDialog(left[0].id) : shareDialog, ctx);
  if (outcome.done) return outcome.views;
  return [{ blocks: [{ type: 'form', form: { ...outcome.form, notice } }] }];
}

/** `self-reflection`: starts the school's reflection, or carries on the one under way; an LA officer sees what schools share. */
export const startReflectionDialog: FormDialog = {
  id: 'self-reflection',
  title: 'Inclusion self-reflection',
  refuse: (ctx) => (seesSharedSelfReflections(ctx.user) && toolOf(ctx) && ctx.reflections ? undefined : onlyReflectors(ctx)),
  questions: () => [],
  async finish(ctx) {
    const service = serviceOf(ctx);
    const tool = toolOf(ctx)!;
    if (seesSharedSelfReflections(ctx.user)) return [sharedView(tool, await service.shared(ctx.user, tool), (id) => schoolCalled(ctx, id))];
    const record = await service.forSchool(ctx.user);
    const { latest } = latestTwo(record);
    const progress = progressWords(tool, record);
    const why = progress
      ? `Carrying on. ${progress}`
      : latest
        ? `A new self-reflection. The last was completed ${ukDate(latest.completedOn)} (to see it: "${REFLECTION_COMMANDS.summary}"); this one’s summary will show what has changed since. Nothing is saved until you send the first area.`
        : 'Your school’s first Inclusion Self-Reflection: four areas, each saved as you go.';
    return nextForm(ctx, record, why);
  },
};

/** The last question of a reflection, and `self-reflection sharing` at any time: may the LA see the area ratings? */
export const shareDialog: FormDialog = {
  id: 'self-reflection-share',
  title: 'Share your self-reflection with the LA?',
  shortTitle: 'Share with the LA?',
  submitLabel: 'Save',
  refuse: onlyReflectors,
  intro: () => 'If you say yes, LA officers see each area’s rating (1 to 4) and the date: never your notes or the items’ ratings. You can change this at any time.',
  questions: () => [{ id: 'share', kind: 'yesno', prompt: 'Share the school’s area ratings with the local authority?', parse: yesNo }],
  async finish(ctx, a) {
    const service = serviceOf(ctx);
    const tool = toolOf(ctx)!;
    const share = a.share === true;
    const before = await service.forSchool(ctx.user);
    if (before?.inProgress && !areasLeft(tool, before.inProgress).length) {
      const { record, completed } = await service.complete(ctx.user, tool, share);
      const { previous } = latestTwo(record);
      return [{ blocks: [text(`Self-reflection completed and saved for ${ukDate(completed.completedOn)}. You’ll be reminded to revisit it at the start of next term.`, 'success')] }, summaryView(ctx.pack, record, completed, previous, ctx.user.id, (id) => schoolCalled(ctx, id), staffNamer(ctx))];
    }
    const record = await service.setSharing(ctx.user, share);
    const progress = progressWords(tool, record);
    return [{ blocks: [heading('Sharing with the LA'), text(sharingWords(record), 'success'), ...(progress ? [text(`${progress} Type "${REFLECTION_COMMANDS.start}" to carry on.`)] : [])] }];
  },
};

/** `self-reflection sharing`: the sharing question, saying first what is shared now. */
export const sharingDialog: FormDialog = {
  id: 'self-reflection-sharing',
  title: 'Share your self-reflection with the LA?',
  refuse: onlyReflectors,
  questions: () => [],
  async finish(ctx) {
    const record = await serviceOf(ctx).forSchool(ctx.user);
    const outcome = await openForm(shareDialog, ctx);
    if (outcome.done) return outcome.views;
    return [{ blocks: [{ type: 'form', form: { ...outcome.form, notice: sharingWords(record) } }] }];
  },
};

/** `self-reflection summary`: the latest completed reflection against the one before. */
export const summaryDialog: FormDialog = {
  id: 'self-reflection-summary',
  title: 'Self-reflection summary',
  refuse: startReflectionDialog.refuse,
  questions: () => [],
  async finish(ctx) {
    const service = serviceOf(ctx);
    const tool = toolOf(ctx)!;
    if (seesSharedSelfReflections(ctx.user)) return [sharedView(tool, await service.shared(ctx.user, tool), (id) => schoolCalled(ctx, id))];
    const record = await service.forSchool(ctx.user);
    const { latest, previous } = latestTwo(record);
    if (!latest) return [nothingYetView(tool, record, ctx.user.schoolId!, (id) => schoolCalled(ctx, id))];
    const progress = progressWords(tool, record);
    return [summaryView(ctx.pack, record!, latest, previous, ctx.user.id, (id) => schoolCalled(ctx, id), staffNamer(ctx)), ...(progress ? [{ blocks: [text(progress, 'muted')] }] : [])];
  },
};

/** `self-reflection schools`: for LA officers, the area ratings schools share. */
export const schoolsDialog: FormDialog = {
  id: 'self-reflection-schools',
  title: 'Schools’ self-reflection ratings',
  refuse: (ctx) =>
    !toolOf(ctx) || !ctx.reflections
      ? 'This bot’s knowledge pack has no self-reflection tool.'
      : seesSharedSelfReflections(ctx.user)
        ? undefined
        : `Only LA officers see the ratings schools share. For your own school’s, type "${REFLECTION_COMMANDS.summary}".`,
  questions: () => [],
  async finish(ctx) {
    const tool = toolOf(ctx)!;
    return [sharedView(tool, await serviceOf(ctx).shared(ctx.user, tool), (id) => schoolCalled(ctx, id))];
  },
};

export const REFLECTION_DIALOGS: readonly FormDialog[] = [startReflectionDialog, shareDialog, sharingDialog, summaryDialog, schoolsDialog];
