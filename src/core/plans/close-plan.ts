import type { PastoralSupportPlan, PlanClosure, PlanLeadsTo, PupilCase } from '../cases/pupil-case.js';
import { AppError } from '../errors.js';
import type { ChangeContext } from './plan-changes.js';
import { ukDate } from '../text/uk-date.js';
import { planBegan } from './plan-began.js';

/**
 * Ending a plan with its outcome, and a PSP's targets as they stand. A closed plan stays on record;
 * its reviews are no longer due (reminders read active plans only) and the pathway no longer
 * counts it as under way.
 */

/** A PCP ends successful or replaced; a PSP, which is time-limited, successful or not (003, PSP). */
export const OUTCOMES = { pcp: ['successful', 'replaced'], psp: ['successful', 'not-successful'] } as const satisfies Record<'pcp' | 'psp', readonly PlanClosure['outcome'][]>;

export interface PlanEnd {
  on: string;
  outcome: PlanClosure['outcome'];
  leadsTo: PlanLeadsTo;
  notes: string;
}

/** Closes the active plan `planId` of that kind, with its outcome and what follows; refuses a closed one. */
export function closePlan(c: PupilCase, kind: 'pcp' | 'psp', planId: string, input: PlanEnd, ctx: ChangeContext): PupilCase {
  const plans: readonly { id: string; status: string }[] = kind === 'pcp' ? c.pcps : c.psps;
  const plan = plans.find((p) => p.id === planId && p.status === 'active');
  if (!plan) throw new AppError('That plan is already closed or no longer exists.', 'not-found');
  if (!(OUTCOMES[kind] as readonly string[]).includes(input.outcome)) throw new AppError(`A ${kind.toUpperCase()} ends ${OUTCOMES[kind].join(' or ')}.`, 'invalid-input');
  const began = kind === 'pcp' ? planBegan('pcp', c.pcps.find((p) => p.id === planId)!) : planBegan('psp', c.psps.find((p) => p.id === planId)!);
  if (input.on < began) throw new AppError(`The plan began on ${ukDate(began)}, so it cannot have ended on ${ukDate(input.on)}. Please check the date.`, 'invalid-input');
  const closure: PlanClosure = { ...input, by: ctx.by, at: ctx.now.toISOString() };
  const close = <P extends { id: string }>(p: P): P => (p.id === planId ? { ...p, status: 'closed' as const, closure } : p);
  const closed = kind === 'pcp' ? { ...c, pcps: c.pcps.map(close) } : { ...c, psps: c.psps.map(close) };
  return { ...closed, timeline: [...c.timeline, { at: closure.at, by: ctx.by, what: `${kind}.closed`, ref: planId }] };
}

/** A PSP's targets now: as amended at its latest review that amended them, else those it started with. */
export function pspTargets(p: Pick<PastoralSupportPlan, 'targets' | 'reviews'>): string[] {
  return p.reviews.findLast((r) => r.targets)?.targets ?? p.targets;
}
