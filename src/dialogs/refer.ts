import { addReferral } from '../core/plans/plan-changes.js';
import { DRAFT_DAYS } from '../core/store/draft-store.js';
import { citation } from '../core/guidance/recommendation.js';
import { signpost } from '../core/signpost/signpost.js';
import { heading, text, type ReadFirst } from '../core/views/view.js';
import type { KnowledgePack } from '../knowledge/schema/pack.js';
import type { Service } from '../knowledge/schema/services.js';
import type { DialogContext, FormDialog, Parsed, Question } from './dialog.js';
import { plainYesNo } from './answer-words.js';
import { yesNo } from './parse.js';
import { consentFrom, CONSENT_WORDS, type ConsentRoute } from './referral-consent.js';
import { knownForReferral, previousExclusions } from './referral-known.js';
import { FIELD_MAX } from '../core/cases/text-limits.js';
import { standingExclusions } from '../core/exclusions/withdrawn.js';
import { ukDate } from '../core/text/uk-date.js';
import { describePupil, pickedPupil, pupilQuestionReading } from './pupil-question.js';
import { packForm, templateQuestions, templateValues } from './template-questions.js';
import { frontDoorViews } from './views/front-door-view.js';
import { onlyPupilWriters } from './who-may.js';

/**
 * Form fields the dialog does not ask from the template: permission and year are asked or known
 * elsewhere, and "Details of previous exclusions" is read from the record when the referral is
 * saved (dates, kind and length only: referral-known.ts), so nothing typed there reaches the LA.
 */
const ASKED_ELSEWHERE = ['parentalPermission', 'yearGroup', 'previousExclusions'];
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
      // "no" or "yes" names no service (the search once read "no" as the attendance team): ask again, and say how to stop.
      if (plainYesNo(raw) !== undefined)
        return { ok: false, message: `That doesn’t name a service. Type the service or the need (e.g. "ed psych", "CAMHS", "attendance"), or "cancel" to stop without referring.` };
      const top = signpost(ctx.index, raw, {}, 5).find((r) => r.kind === 'service');
      const pick = top && pickOf(top.id);
      return pick ? { ok: true, value: pick } : { ok: false, message: 'I couldn’t match that to a service. Try its name, or the need, such as "attendance".' };
    },
  };
}

/** The pupil, what the bot knows for the referral's fields and who gives consent for them, read when the pupil is picked. */
function pupilForReferral(ctx: DialogContext): Question {
  return pupilQuestionReading(ctx, async (c) => ({ known: await knownForReferral(ctx, c), consent: consentFrom(c), fromStep: c.currentStep }));
}

/** The step whose action 15 is the referral to external agencies (seed 000, Step 4: led by the SENDCo). */
const REFERRAL_STEP = 4;

/**
 * Read before the referral is written, when the pupil is below Step 4: seed 000 puts the referral
 * (action 15) after the SENDCo's monitoring and review of the PCP (action 13) and the formal meeting
 * with parents/carers and pupil (action 14), all led by the SENDCo. A teacher is told the SENDCo
 * leads it (in words only: a dialog has no way to send the SENDCo a notice). Nothing is saved until
 * the form is finished, so "cancel" here loses nothing recorded.
 */
function belowStepNotice(ctx: DialogContext, step: number): ReadFirst {
  const actions = ctx.pack.pathway?.actions ?? [];
  const named = (id: string) => {
    const x = actions.find((a) => a.id === id);
    return x ? `action ${id} (${x.title.charAt(0).toLowerCase()}${x.title.slice(1)})` : `action ${id}`;
  };
  const source = actions.find((a) => a.id === '15')?.source;
  const cite = source ? ` (${citation(ctx.pack, source)})` : '';
  const teacher = ctx.user.role === 'teacher' ? ' Step 4 is led by the SENDCo: speak to your SENDCo before sending this, as they lead the referral and the meeting before it.' : '';
  return {
    type: 'text',
    tone: 'warning',
    text: `Before you go on: the pupil is at Step ${step}. A referral to external agencies is Step ${REFERRAL_STEP}’s ${named('15')}, and it comes after ${named('13')} and ${named('14')}${cite}.${teacher} Saving it moves the pupil to Step ${REFERRAL_STEP}. To stop with nothing saved, type "cancel".`,
  };
}

/**
 * Asked first, right after where the referral goes: without the agreement of whoever holds parental
 * responsibility it cannot be sent at all, so nobody writes the rest of it first. For a looked-after
 * child that is not simply "the parents": it is asked in the words for their care (consent.ts).
 */
function permissionQuestion(consent: ConsentRoute): Question {
  const words = CONSENT_WORDS[consent];
  return {
    id: 'parentalPermission',
    kind: 'yesno',
    prompt: words.prompt,
    ...(words.help ? { help: words.help } : {}),
    parse(raw) {
      const p = yesNo(raw);
      if (!p.ok) return p;
      return p.value
        ? p
        : { ok: false, message: `${words.refused} Your answers are kept (in the chat, as a draft for ${DRAFT_DAYS} days if you leave): ${words.speakTo}, then answer "yes", or type "cancel" to stop.` };
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
    'A referral to external agencies is Step 4’s action 15, led by the SENDCo; made at Step 4 it brings in the specialists of Step 5. It can only be sent with parental permission. A child-protection referral (children’s social care, the LADO) is different: the DSL makes it. Please describe, don’t name.',
  questions(ctx, a) {
    const qs: Question[] = [pupilForReferral(ctx)];
    if (!pickedPupil(a)) return qs;
    qs.push(serviceQuestion(ctx));
    // The rest depends on where the referral goes: a safeguarding front door asks nothing more.
    const service = a.service as ServicePick | undefined;
    if (!service || service.frontDoor) return qs;
    // The service was matched from free words ("ed psych", "police"): name it above the next question,
    // so a wrong match is seen before anything is written for it.
    // A form has the service question above; a typed conversation goes back to it.
    const named: ReadFirst = { type: 'text', tone: 'muted', text: `Referring to ${service.name}. Not the one you meant? Change the service.` };
    const below = typeof a.fromStep === 'number' && a.fromStep < REFERRAL_STEP ? [belowStepNotice(ctx, a.fromStep)] : [];
    qs.push({ ...permissionQuestion((a.consent as ConsentRoute | undefined) ?? 'parents'), before: [named, ...below], typedHint: 'Type "back" to name the service again.' });
    // Only with permission is there a referral to write.
    if (a.parentalPermission !== true) return qs;
    const form = packForm(ctx, 'referral');
    const known = (a.known as Record<string, string> | undefined) ?? {};
    // "What support would you like from {service}?": the service picked, not one named in the form.
    // "Date referral made" (004's first field) starts as today; the referral is counted by it (LA report).
    const today = ctx.today();
    const fromForm = form ? templateQuestions(ctx, form, 'referral', ASKED_ELSEWHERE, { known: { ...known, referralDate: today }, answers: a, words: { service: service.name } }) : [];
    const recordNote: ReadFirst[] = known.previousExclusions
      ? [{ type: 'text', tone: 'muted', text: `Details of previous exclusions, from the pupil’s record (dates, kind and length only; the reasons stay with the school; withdrawn ones and any after the referral’s date are left out): ${known.previousExclusions}` }]
      : [];
    qs.push(
      ...fromForm.map((q) =>
        q.id === 'referral.referralDate' ? { ...q, fallback: { value: today, label: `today, ${ukDate(today)}` } } : q.id === 'referral.mainReason' && recordNote.length ? { ...q, before: [...(q.before ?? []), ...recordNote] } : q,
      ),
    );
    return qs;
  },
  async finish(ctx, a) {
    const p = pickedPupil(a)!;
    const service = a.service as ServicePick;
    const frontDoor = ctx.pack.services.find((s) => s.id === service.id);
    // Not an inclusion referral: the DSL makes it under the school's procedures, and nothing is recorded.
    if (frontDoor?.safeguardingRoute) return frontDoorViews(ctx.pack, frontDoor, frontDoor.safeguardingRoute);
    const { referralDate, ...fields } = templateValues(a, 'referral');
    const date = referralDate ?? ctx.today();
    const reasons = fields.mainReason ?? fields.supportRequested ?? '';
    const max = packForm(ctx, 'referral')?.fields.find((f) => f.id === 'previousExclusions')?.maxLength ?? FIELD_MAX;
    const saved = await ctx.cases.change(ctx.user, { schoolId: p.schoolId, id: p.caseId }, 'referral.create', (c, cc) => {
      // Read from the record as it stands on the referral's date, never typed: dates, kind and length only.
      const exclusions = previousExclusions({ exclusions: standingExclusions(c).filter((x) => x.startDate <= date) }, max);
      return addReferral(c, { date, serviceId: service.id, toLocalAuthority: service.toLocalAuthority, reasons, parentalPermission: true, fields: { ...fields, ...(exclusions ? { previousExclusions: exclusions } : {}) } }, cc, service.name);
    });
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
