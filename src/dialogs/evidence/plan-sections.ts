import type { PlanClosure, PlanLeadsTo, PlanReview } from '../../core/cases/pupil-case.js';
import { londonDayOf, ukDate, ukDatesIn } from '../../core/text/uk-date.js';
import { doc, type DocBlock, type DocSection } from '../../core/views/document.js';
import { planBegan } from '../../core/plans/plan-began.js';
import { pspReviewWindow } from '../../core/plans/review-dates.js';
import { pcpReviewDates, pspReviewDates, type PlanReviewDates } from '../../core/plans/reviews-due.js';
import { itemWithId } from '../../core/record/record-items.js';
import { count, itemName, serviceName } from '../views/record-words.js';
import { fieldLabel, filledFields, template, type PackInput } from './pack-input.js';

/** The parts of the evidence pack about plans: every PCP and PSP in full, and the interventions and services they name. */

const OUTCOMES: Record<PlanClosure['outcome'], string> = { successful: 'successful', 'not-successful': 'not successful', replaced: 'replaced' };
const LEADS_TO: Record<PlanLeadsTo, string> = {
  'usual-support': 'back to the school’s usual support',
  'new-plan': 'a new or updated plan',
  'specialist-support': 'specialist support',
  'ehc-assessment': 'an EHC needs assessment',
  'managed-move': 'a managed move',
  'alternative-provision': 'alternative provision',
  other: 'something else',
};

const WITH_SCHOOL = 'Plans and reviews stay with the school: an LA officer’s copy of the record holds the referrals to the LA, the step, needs and suspension dates.';

/** How a plan stands: active, or closed with its outcome (and the plan that replaced it), what follows, by whom (name and role, never an id) and when. */
export function planStatus(status: 'active' | 'closed', closure: PlanClosure | undefined, replacedBy?: string, who: (staffId: string) => string = () => ''): string {
  if (status === 'active') return 'Active';
  if (!closure) return 'Closed (recorded before outcomes were kept)';
  const notes = closure.notes ? ` Notes: ${closure.notes}` : '';
  const outcome = closure.outcome === 'replaced' && replacedBy ? `replaced by ${replacedBy}` : OUTCOMES[closure.outcome];
  return `Closed ${ukDate(closure.on)}: ${outcome}; leads to ${LEADS_TO[closure.leadsTo]}.${who(closure.by) ? ` Closed by ${who(closure.by)}.` : ''}${notes}`;
}

/** "PCP 2" for the plan a closure says replaced this one, when the record has it. */
function replacedByName(p: PackInput, closure: PlanClosure | undefined): string | undefined {
  const ref = closure?.replacedBy === undefined ? undefined : itemWithId(p.items, closure.replacedBy);
  return ref && itemName(ref);
}

/**
 * A plan's first and next review as the reminders count them (plans/reviews-due.ts): the pack, the
 * pupil's summary and `my reviews` give the same dates.
 */
function reviewFacts(d: PlanReviewDates, heldBeforeRecord?: string): { label: string; value: string }[] {
  const first = d.first
    ? `Due ${ukDate(d.first)}${d.firstHeld ? `; first held ${ukDate(d.firstHeld)}` : ''}`
    : heldBeforeRecord
      ? `Held before the plan was recorded here (latest then ${ukDate(heldBeforeRecord)})`
      : d.firstHeld
        ? `Held ${ukDate(d.firstHeld)} (the date first set was not kept)`
        : 'Not set';
  return [{ label: 'First review', value: first }, ...(d.next ? [{ label: 'Next review due', value: ukDate(d.next) }] : [])];
}

function reviewsTable(reviews: readonly PlanReview[], numbered: ReadonlyMap<string, number>, withTargets: boolean, who: (staffId: string) => string): DocBlock {
  if (!reviews.length) return doc.paragraph('No review recorded yet.', 'note');
  const rows = [...reviews]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((r) => [
      numbered.has(r.id) ? `Review ${numbered.get(r.id)}` : 'Review',
      ukDate(r.date),
      r.step ? `Step ${r.step}` : '',
      r.positiveChange ? 'Positive change' : 'No positive change',
      [r.notes, ...(withTargets && r.targets ? [`Targets amended: ${r.targets.join('; ')}`] : [])].filter(Boolean).join(' ') || 'No notes',
      who(r.by),
    ]);
  return doc.table(['Review', 'Date', 'Held at', 'Outcome', { title: 'Notes', width: 3 }, 'By'], rows);
}

const fieldTable = (fields: [string, string][]): DocBlock => doc.table([{ title: 'Field', width: 1.4 }, { title: 'What was written', width: 3 }], fields.map(([l, v]) => [l, v]));

/** Every person-centred plan (Appendix 3): when and at which step, each field as written, its Incident Support Plan, its reviews and how it ended. */
export function pcpSection(p: PackInput): DocSection {
  const title = 'Person-centred plans (PCP)';
  if (!p.full) return { title, blocks: [doc.paragraph(WITH_SCHOOL)] };
  if (!p.items.pcps.length) return { title, blocks: [doc.paragraph('No person-centred plan is recorded.')] };
  const numbered = new Map(p.items.reviews.map((r) => [r.review.id, r.n]));
  const blocks: DocBlock[] = [];
  for (const { n, plan } of p.items.pcps) {
    blocks.push(doc.subheading(`${itemName({ kind: 'pcp', n })}: written ${ukDate(planBegan('pcp', plan))} at Step ${plan.step}`));
    blocks.push(
      doc.facts([
        { label: 'Written by', value: `${p.who(plan.ownerId) || 'a member of staff'}${londonDayOf(plan.createdAt) !== planBegan('pcp', plan) ? ` (recorded here ${ukDate(londonDayOf(plan.createdAt))})` : ''}` },
        ...reviewFacts(pcpReviewDates(plan)),
        { label: 'Status', value: planStatus(plan.status, plan.closure, replacedByName(p, plan.closure), p.who) },
        { label: 'Reviews', value: plan.reviews.length ? String(plan.reviews.length) : 'None yet' },
      ]),
    );
    const fields = filledFields(template(p, 'pcp'), plan.fields);
    blocks.push(fields.length ? fieldTable(fields) : doc.paragraph('No field of the plan was filled in.', 'note'));
    if (plan.incidentSupportPlan) {
      const isp = filledFields(template(p, 'incident-support-plan'), plan.incidentSupportPlan);
      blocks.push(doc.subheading(`Incident Support Plan with ${itemName({ kind: 'pcp', n })}`), isp.length ? fieldTable(isp) : doc.paragraph('Started but not filled in.', 'note'));
    }
    blocks.push(doc.paragraph(`Reviews of ${itemName({ kind: 'pcp', n })}`, 'important'), reviewsTable(plan.reviews, numbered, false, p.who));
  }
  return { title, blocks };
}

/** Every Pastoral Support Programme: dates, who oversees it, its targets (and amendments at reviews), each field and review, and its outcome. */
export function pspSection(p: PackInput): DocSection {
  const title = 'Pastoral Support Programmes (PSP)';
  if (!p.full) return { title, blocks: [doc.paragraph(WITH_SCHOOL)] };
  if (!p.items.psps.length) return { title, blocks: [doc.paragraph('No Pastoral Support Programme is recorded.')] };
  const numbered = new Map(p.items.reviews.map((r) => [r.review.id, r.n]));
  const blocks: DocBlock[] = [];
  for (const { n, plan } of p.items.psps) {
    blocks.push(doc.subheading(`${itemName({ kind: 'psp', n })}: started ${ukDate(plan.startDate)}`));
    blocks.push(
      doc.facts([
        { label: 'Set up by', value: p.who(plan.ownerId) || 'a member of staff' },
        { label: 'Overseen by', value: p.who(plan.overseeingLeaderId) || 'a member of staff' },
        { label: 'Reviews', value: `Every ${plan.reviewIntervalDays} days; ${plan.reviews.length ? `${plan.reviews.length} held` : 'none yet'}` },
        ...reviewFacts(pspReviewDates(p.calendar, pspReviewWindow(p.pack), plan), plan.lastReviewBeforeRecord),
        { label: 'Status', value: planStatus(plan.status, plan.closure, replacedByName(p, plan.closure), p.who) },
      ]),
      doc.paragraph('Targets it started with', 'important'),
      doc.list(plan.targets),
    );
    const fields = filledFields(template(p, 'psp'), plan.fields);
    if (fields.length) blocks.push(fieldTable(fields));
    blocks.push(doc.paragraph(`Reviews of ${itemName({ kind: 'psp', n })}`, 'important'), reviewsTable(plan.reviews, numbered, true, p.who));
  }
  return { title, blocks };
}

/** PCP and PSP fields that name interventions, strategies or agencies: quoted, with the plan they are in. */
const INTERVENTION_FIELDS: Record<'pcp' | 'psp', string[]> = {
  pcp: ['interventionsStrategies', 'environmentalChanges', 'replacementBehaviours'],
  psp: ['previousInterventions', 'strategies', 'schoolActions', 'agenciesInvolved', 'agencyActions'],
};

/** Interventions and services involved: what the plans say was put in place, and the services referred to. */
export function interventionsSection(p: PackInput): DocSection {
  const rows: string[][] = [];
  if (p.full) {
    for (const kind of ['pcp', 'psp'] as const) {
      const form = template(p, kind);
      const plans = kind === 'pcp' ? p.items.pcps.map(({ n, plan }) => ({ n, fields: plan.fields, from: ukDate(planBegan('pcp', plan)) })) : p.items.psps.map(({ n, plan }) => ({ n, fields: plan.fields, from: ukDate(plan.startDate) }));
      for (const { n, fields, from } of plans)
        for (const id of INTERVENTION_FIELDS[kind]) if (fields[id]) rows.push([`${itemName({ kind, n })} (${from})`, fieldLabel(form, id, id), ukDatesIn(fields[id])]);
    }
  }
  for (const { n, referral: r } of p.items.referrals) {
    rows.push([`${itemName({ kind: 'referral', n })} (${ukDate(r.date)})`, 'Service referred to', serviceName(p.pack, r.serviceId)]);
    if (r.fields.otherAgencies) rows.push([`${itemName({ kind: 'referral', n })} (${ukDate(r.date)})`, fieldLabel(template(p, 'referral'), 'otherAgencies', 'Other agencies'), ukDatesIn(r.fields.otherAgencies)]);
  }
  const services = [...new Set(p.items.referrals.map((r) => serviceName(p.pack, r.referral.serviceId)))];
  return {
    title: 'Interventions and services involved',
    blocks: [
      doc.paragraph(services.length ? `Services referred to: ${services.join('; ')} (${count(p.items.referrals.length, 'referral')}).` : 'No referral to a service is recorded.'),
      rows.length ? doc.table([{ title: 'Where recorded', width: 1.3 }, { title: 'Field', width: 1.6 }, { title: 'What was written', width: 3 }], rows) : doc.paragraph('No intervention or strategy is written in a plan on this record.', 'note'),
    ],
  };
}
