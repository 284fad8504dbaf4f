import type { PupilCase, Referral } from '../core/cases/pupil-case.js';
import { pupilFacts } from '../core/facts/pupil-facts.js';
import { addReferral } from '../core/plans/plan-changes.js';
import { schoolName } from '../core/text/school-name.js';
import { DRAFT_DAYS } from '../core/store/draft-store.js';
import { signpost } from '../core/signpost/signpost.js';
import { heading, text, type ReadFirst } from '../core/views/view.js';
import type { KnowledgePack } from '../knowledge/schema/pack.js';
import type { Service } from '../knowledge/schema/services.js';
import type { DialogContext, FormDialog, Parsed, Question } from './dialog.js';
import { yesNo } from './parse.js';
import { describePupil, pickedPupil, pupilQuestionReading } from './pupil-question.js';
import { packForm, templateQuestions, templateValues } from './template-questions.js';
import { frontDoorViews } from './views/front-door-view.js';
import { onlyPupilWriters } from './who-may.js';

const ASKED_ELSEWHERE = ['parentalPermission', 'yearGroup', 'referralDate'];
/** A service is the LA's own when its provider is the pack's local authority (or one of its teams). */
export function isLocalAuthorityService(pack: KnowledgePack, s: Service): boolean {
  return s.provider.startsWith(pack.localAuthority);
}

const DEFAULT_SERVICE = 'education-engagement-inclusion-team';

interface ServicePick {
  id: string;
  name: string;
  toLocalAuthority: boolean;
  /** A safeguarding front door (the pack's Service.safeguardingRoute): no inclusion referral is asked or recorded. */
  frontDoor?: true;
}

function serviceQuestion(ctx: DialogContext): Question {
  const fallback = ctx.pack.services.find((s) => s.id === DEFAULT_SERVICE);
  const pickOf = (id: string): ServicePick | undefined => {
    const s = ctx.pack.services.find((x) => x.id === id);
    return s && { id: s.id, name: s.name, toLocalAuthority: isLocalAuthorityService(ctx.pack, s), ...(s.safeguardingRoute ? { frontDoor: true as const } : {}) };
  };
  return {
    id: 'service',
    kind: 'text',
    prompt: `Who are you referring to? Type a service or need (e.g. "inclusion team", "ed psych")${fallback ? `, or leave blank for the ${fallback.name}` : ''}.`,
    ...(fallback ? { fallback: { value: pickOf(fallback.id), label: fallback.name } } : {}),
    parse(raw): Parsed {
      const top = signpost(ctx.index, raw, {}, 5).find((r) => r.kind === 'service');
      const pick = top && pickOf(top.id);
      return pick ? { ok: true, value: pick } : { ok: false, message: 'I couldn’t match that to a service. Try its name, or the need, such as "attendance".' };
    },
  };
}

/** The school's details on a referral, the same on every referral the school makes. */
const SCHOOL_FIELDS = ['schoolName', 'schoolAddress', 'schoolTelephone', 'dslContact'] as const;
/** The referrer's own details, the same on every referral they make. */
const REFERRER_FIELDS = ['referrerRole', 'referrerContact'] as const;

/**
 * What the bot already knows for a referral's fields, so nobody types it twice: the school's details
 * as written on its last referral this person may see (its name otherwise from the school they work
 * at), their own role and contact as on their last referral (a SENDCo's role is plain), and the
 * pupil's SEN status as their record has it. Read through the case service like any list.
 */
async function knownForReferral(ctx: DialogContext, c: PupilCase): Promise<Record<string, string>> {
  const school = ctx.user.schoolId ?? c.schoolId;
  const referrals = (await ctx.cases.visibleCases(ctx.user))
    .filter((x) => x.schoolId === school)
    .flatMap((x) => x.referrals)
    .sort((a, b) => b.date.localeCompare(a.date));
  const latest = (field: string, among: readonly Referral[]) => among.find((r) => r.fields[field]?.trim())?.fields[field];
  const known: Record<string, string> = { schoolName: schoolName(school) };
  for (const f of SCHOOL_FIELDS) {
    const v = latest(f, referrals);
    if (v) known[f] = v;
  }
  const mine = referrals.filter((r) => r.by === ctx.user.id);
  if (ctx.user.role === 'sendco') known.referrerRole = 'SENDCo';
  for (const f of REFERRER_FIELDS) {
    const v = latest(f, mine);
    if (v) known[f] = v;
  }
  const { flags } = pupilFacts(c);
  known.senStatus = flags.ehcp ? 'ehcp' : flags.senSupport ? 'sen-support' : 'none';
  return known;
}

/** The pupil, and what the bot knows for the referral's fields, read when the pupil is picked. */
function pupilForReferral(ctx: DialogContext): Question {
  return pupilQuestionReading(ctx, async (c) => ({ known: await knownForReferral(ctx, c) }));
}

/**
 * Asked first, right after where the referral goes: without parents'/carers' permission it cannot be
 * sent at all, so nobody writes the rest of it first.
 */
function permissionQuestion(): Question {
  return {
    id: 'parentalPermission',
    kind: 'yesno',
    prompt: 'Have parents/carers given permission for this referral?',
    parse(raw) {
      const p = yesNo(raw);
      if (!p.ok) return p;
      return p.value
        ? { ok: true, value: true }
        : { ok: false, message: `A referral can only be sent once parents/carers agree. Your answers are kept (in the chat, as a draft for ${DRAFT_DAYS} days if you leave): speak to them, then answer "yes", or type "cancel" to stop.` };
    },
  };
}

export const referDialog: FormDialog = {
  id: 'refer',
  draftName: 'referral',
  submitLabel: 'Send referral',
  title: 'Make a referral',
  refuse: onlyPupilWriters('make referrals'),
  intro: () =>
    'A referral to external agencies is Step 5. It can only be sent with parental permission. A child-protection referral (children’s social care, the LADO) is different: the DSL makes it. Please describe, don’t name.',
  questions(ctx, a) {
    const qs: Question[] = [pupilForReferral(ctx)];
    if (!pickedPupil(a)) return qs;
    qs.push(serviceQuestion(ctx));
    // The rest depends on where the referral goes: a safeguarding front door asks nothing more.
    const service = a.service as ServicePick | undefined;
    if (!service || service.frontDoor) return qs;
    // The service was matched from free words ("ed psych", "police"): name it above the next question,
    // so a wrong match is seen before anything is written for it.
    const named: ReadFirst = { type: 'text', tone: 'muted', text: `Referring to ${service.name}. Not the one you meant? Go back ("back" in a chat) and name it again.` };
    qs.push({ ...permissionQuestion(), before: [named] });
    // Only with permission is there a referral to write.
    if (a.parentalPermission !== true) return qs;
    const form = packForm(ctx, 'referral');
    const known = (a.known as Record<string, string> | undefined) ?? {};
    qs.push(...(form ? templateQuestions(ctx, form, 'referral', ASKED_ELSEWHERE, { known, answers: a }) : []));
    return qs;
  },
  async finish(ctx, a) {
    const p = pickedPupil(a)!;
    const service = a.service as ServicePick;
    const frontDoor = ctx.pack.services.find((s) => s.id === service.id);
    // Not an inclusion referral: the DSL makes it under the school's procedures, and nothing is recorded.
    if (frontDoor?.safeguardingRoute) return frontDoorViews(ctx.pack, frontDoor, frontDoor.safeguardingRoute);
    const fields = templateValues(a, 'referral');
    const reasons = fields.mainReason ?? fields.supportRequested ?? '';
    const saved = await ctx.cases.change(ctx.user, { schoolId: p.schoolId, id: p.caseId }, 'referral.create', (c, cc) =>
      addReferral(c, { date: ctx.today(), serviceId: service.id, toLocalAuthority: service.toLocalAuthority, reasons, parentalPermission: true, fields }, cc, service.name),
    );
    return [
      {
        blocks: [
          heading('Referral recorded'),
          text(`Referral of ${describePupil(saved)} to ${service.name} recorded; the pupil is now at Step ${saved.currentStep}.`, 'success'),
          ...(service.toLocalAuthority ? [text('This referral is visible to the local authority’s inclusion team.', 'muted')] : []),
        ],
      },
    ];
  },
};
