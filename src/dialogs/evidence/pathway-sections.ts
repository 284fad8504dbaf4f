import type { PersonCentredPlan, PlanReview } from '../../core/cases/pupil-case.js';
import { citation } from '../../core/guidance/recommendation.js';
import { planBegan } from '../../core/plans/plan-began.js';
import { guide } from '../../core/guidance/guide.js';
import { situationFromCase } from '../../core/guidance/situation.js';
import type { Recommendation } from '../../core/guidance/types.js';
import { ukDate } from '../../core/text/uk-date.js';
import { doc, type DocBlock, type DocSection } from '../../core/views/document.js';
import type { CyclePhase, PathwayAction } from '../../knowledge/schema/pathway.js';
import { EXCLUSION_WARNINGS } from '../views/entry-views.js';
import { itemName, serviceName, stepTitle } from '../views/record-words.js';
import { fieldLabel, template, type PackInput } from './pack-input.js';
import { ehcRequests, ehcWeeks } from './record-sections.js';

/** The parts of the evidence pack that read the record against the pathway: its assess–plan–do–review cycles, and the guidance. */

const PHASES: CyclePhase[] = ['assess', 'plan', 'do', 'review'];
const PHASE_WORDS: Record<CyclePhase, string> = { assess: 'Assess', plan: 'Plan', do: 'Do', review: 'Review' };
const NOTHING = 'Nothing recorded in this system';

/** PCP fields that record the assessment, and the one that records what was done. */
const ASSESS_FIELDS = ['whoIsThisPupil', 'behavioursOfConcern', 'behaviourFunction', 'workingWell'];
const DO_FIELDS = ['interventionsStrategies', 'environmentalChanges', 'replacementBehaviours'];

/** One cycle: a PCP and the reviews of it held at one step. */
interface Cycle {
  n: number;
  plan: PersonCentredPlan;
  step: number;
  /** The cycle the plan was written in (later ones carry it on at another step). */
  first: boolean;
  reviews: PlanReview[];
}

/**
 * Each plan's cycles in the order they ran: the step it was written at, then a new cycle whenever a
 * review was held at another step (the plan carried up or down). A review saved before reviews kept
 * their step counts as held at the step of the cycle it follows.
 */
function cyclesOf(p: PackInput): Cycle[] {
  const out: Cycle[] = [];
  for (const { n, plan } of p.items.pcps) {
    let current: Cycle = { n, plan, step: plan.step, first: true, reviews: [] };
    out.push(current);
    for (const r of [...plan.reviews].sort((a, b) => a.date.localeCompare(b.date))) {
      if (r.step !== undefined && r.step !== current.step) {
        current = { n, plan, step: r.step, first: false, reviews: [] };
        out.push(current);
      }
      current.reviews.push(r);
    }
  }
  return out;
}

const actionsLine = (actions: readonly PathwayAction[]) => actions.map((a) => `${a.id}. ${a.title}`).join('\n');

/** What the record shows for one phase of a cycle. */
function onRecord(p: PackInput, cy: Cycle, phase: CyclePhase, numbered: ReadonlyMap<string, number>): string {
  const name = itemName({ kind: 'pcp', n: cy.n });
  const form = template(p, 'pcp');
  const filled = (ids: readonly string[]) => ids.filter((id) => cy.plan.fields[id]).map((id) => fieldLabel(form, id, id));
  const written = cy.first;
  switch (phase) {
    case 'assess': {
      const f = written ? filled(ASSESS_FIELDS) : [];
      return f.length ? `In ${name}: ${f.join('; ')}` : NOTHING;
    }
    case 'plan':
      return written ? `${name} written ${ukDate(planBegan('pcp', cy.plan))}${p.who(cy.plan.ownerId) ? ` by ${p.who(cy.plan.ownerId)}` : ''}` : `${name} carried on at this step`;
    case 'do': {
      const f = filled(DO_FIELDS);
      return f.length ? `In ${name}: ${f.join('; ')} (see the plan)` : NOTHING;
    }
    case 'review':
      return cy.reviews.length
        ? cy.reviews.map((r) => `${numbered.has(r.id) ? `Review ${numbered.get(r.id)}` : 'Review'} on ${ukDate(r.date)}: ${r.positiveChange ? 'positive change' : 'no positive change'}`).join('\n')
        : 'No review held at this step yet';
  }
}

/** The graduated response's cycles as the record shows them: each PCP at each step, against the seed's numbered actions for that step. */
export function cyclesSection(p: PackInput): DocSection {
  const title = 'Assess, plan, do, review';
  const actions = p.pack.pathway?.actions ?? [];
  if (!p.full) return { title, blocks: [doc.paragraph('The school’s plans and reviews, and so its cycles, stay with the school.')] };
  const cycles = cyclesOf(p);
  const blocks: DocBlock[] = [
    doc.paragraph(
      'Each cycle is a person-centred plan and the reviews of it held at one step, set beside the numbered actions the graduated response gives for that step. "On record" is what this record shows; work done but recorded elsewhere (school notes, meeting minutes) is not here.',
      'note',
    ),
  ];
  if (!cycles.length) blocks.push(doc.paragraph('No person-centred plan is recorded, so no cycle has begun on this record.'));
  const numbered = new Map(p.items.reviews.map((r) => [r.review.id, r.n]));
  cycles.forEach((cy, i) => {
    const atStep = actions.filter((a) => a.step === cy.step);
    blocks.push(doc.subheading(`Cycle ${i + 1}: ${itemName({ kind: 'pcp', n: cy.n })} at ${stepTitle(p.pack, cy.step)}`));
    const rows = PHASES.flatMap((phase) => {
      const these = atStep.filter((a) => a.phase === phase);
      const shown = onRecord(p, cy, phase, numbered);
      return these.length || shown !== NOTHING ? [[PHASE_WORDS[phase], these.length ? actionsLine(these) : 'No numbered action at this step', shown]] : [];
    });
    blocks.push(doc.table([{ title: 'Phase', width: 0.8 }, { title: 'The graduated response’s actions', width: 2.4 }, { title: 'On record', width: 2.6 }], rows));
  });
  // Steps 5 and 6 are led by referrals and the EHC request rather than a plan's own cycle: each
  // action beside what the record shows for it (16: the referrals; 17a: the EHC request and its dates).
  const specialist = actions.filter((a) => a.step >= 5);
  const requests = ehcRequests(p);
  if ((p.items.referrals.length || requests.length) && specialist.length) {
    const { decisionWeeks, completionWeeks } = ehcWeeks(p);
    const referrals = p.items.referrals.map(({ n, referral: r }) => `${itemName({ kind: 'referral', n })} on ${ukDate(r.date)} to ${serviceName(p.pack, r.serviceId)}`).join('\n');
    const ehc = requests.map((r) => `EHC needs assessment requested ${ukDate(r.on)}: the LA’s ${decisionWeeks}-week decision due ${ukDate(r.decisionBy)}, ${completionWeeks}-week deadline ${ukDate(r.completeBy)}`).join('\n');
    const shownFor = (a: PathwayAction) => (a.id === '17a' ? ehc : a.step === 5 ? referrals : '') || NOTHING;
    blocks.push(
      doc.subheading('External agencies and additional provision'),
      doc.table(
        [{ title: 'The graduated response’s actions', width: 2.4 }, { title: 'On record', width: 2.6 }],
        specialist.map((a) => [actionsLine([a]), shownFor(a)]),
      ),
    );
  }
  return { title, blocks };
}

const KIND_WORDS: Record<Recommendation['kind'], string> = { safeguarding: 'Safeguarding', warning: 'Check first', action: 'Next action', info: 'Worth knowing' };

/**
 * The guidance: what the record keeps of the guidance shown at the time (the checks before each
 * suspension or exclusion was saved), then, plainly labelled as such, the guidance the bot gives now
 * from the record as it stands, with the source of each item.
 */
export function guidanceSection(p: PackInput): DocSection {
  const title = 'Guidance';
  if (!p.full) return { title, blocks: [doc.paragraph('Guidance is worked out from the school’s plans and reviews, which stay with the school.')] };
  const blocks: DocBlock[] = [doc.subheading('Guidance shown at the time')];
  const checked = p.items.exclusions.filter((x) => x.exclusion.warningsShown?.length);
  blocks.push(
    doc.paragraph(
      'The record keeps one kind of guidance as it was shown: the checks the bot showed before each suspension or permanent exclusion was saved. It does not keep the guidance it showed at other times (after a review, or for "what next"), so that is not in this pack.',
    ),
  );
  if (checked.length)
    blocks.push(
      doc.table(
        ['Record', 'Date', { title: 'Checks shown before saving', width: 3 }],
        checked.map(({ n, exclusion: e }) => [itemName({ kind: 'exclusion', n }), ukDate(e.startDate), (e.warningsShown ?? []).map((id) => EXCLUSION_WARNINGS[id] ?? id).join('; ')]),
      ),
    );
  else blocks.push(doc.paragraph('No such check is recorded.', 'note'));
  blocks.push(doc.subheading(`Guidance the bot gives now (${ukDate(p.today)})`));
  blocks.push(doc.paragraph('Not a record of guidance given before: this is what the bot advises today from the record as it stands, with where each item comes from.', 'important'));
  let g;
  try {
    g = guide(p.pack, situationFromCase(p.c, p.today, {}, p.calendar), p.today);
  } catch {
    blocks.push(doc.paragraph(`The ${p.pack.localAuthority} knowledge pack gives no step-by-step guidance.`));
    return { title, blocks };
  }
  blocks.push(doc.paragraph(g.headline));
  const recs = [...(g.safeguarding ? [g.safeguarding] : []), ...g.warnings.filter((w) => w.kind === 'warning'), ...g.actions, ...g.warnings.filter((w) => w.kind !== 'warning')];
  if (recs.length)
    blocks.push(
      doc.table(
        [{ title: 'Kind', width: 0.9 }, { title: 'Guidance', width: 3.2 }, { title: 'Led by', width: 1.1 }, { title: 'Source', width: 1.8 }],
        recs.map((r) => [KIND_WORDS[r.kind], `${r.title}. ${r.detail}${r.because ? ` (Why: ${r.because}.)` : ''}`, r.ledByLabel, citation(p.pack, r.source)]),
      ),
    );
  return { title, blocks };
}
