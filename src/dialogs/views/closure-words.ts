import type { PlanClosure, PlanLeadsTo } from '../../core/cases/pupil-case.js';
import { ukDate } from '../../core/text/uk-date.js';
import type { ItemRef } from '../../core/record/record-items.js';
import type { StaffNamer } from '../staff-words.js';
import { byWho, itemName } from './record-words.js';

/** How a plan ended, in the words the close form offers (dialogs/close-plan.ts), for showing on the record. */

const OUTCOME: Record<PlanClosure['outcome'], string> = {
  successful: 'Successful',
  'not-successful': 'Not successful',
  replaced: 'Replaced by another plan',
};

const FOLLOWS: Record<PlanLeadsTo, string> = {
  'usual-support': 'Back to the school’s usual support',
  'new-plan': 'A new or updated plan',
  'specialist-support': 'Specialist support (a referral)',
  'ehc-assessment': 'An EHC needs assessment',
  'managed-move': 'A managed move',
  'alternative-provision': 'Alternative provision',
  other: 'Something else (see the notes)',
};

/** The facts of a closure for a plan's page: outcome, end date, what follows, who closed it and when. */
export function closureFacts(closure: PlanClosure, viewerId: string, who?: StaffNamer): { label: string; value: string }[] {
  return [
    { label: 'Outcome', value: OUTCOME[closure.outcome] },
    { label: 'Ended', value: ukDate(closure.on) },
    { label: 'What follows', value: FOLLOWS[closure.leadsTo] },
    { label: 'Closed by', value: byWho(closure.by, viewerId, who) },
    ...(closure.notes ? [{ label: 'Notes on how it went', value: closure.notes }] : []),
  ];
}

/**
 * A closure as one chronology line: "PSP 1 closed: successful; next, back to the school’s usual
 * support", or "PCP 1 closed: replaced by PCP 2" when the record names the plan that replaced it.
 */
export function closureLine(item: ItemRef, closure: PlanClosure, replacedBy?: ItemRef): string {
  if (closure.outcome === 'replaced' && replacedBy) return `${itemName(item)} closed: replaced by ${itemName(replacedBy)}`;
  return `${itemName(item)} closed: ${OUTCOME[closure.outcome].toLowerCase()}; next, ${FOLLOWS[closure.leadsTo].charAt(0).toLowerCase()}${FOLLOWS[closure.leadsTo].slice(1)}`;
}

/** An LA acknowledgement as one chronology line: "Referral 1 acknowledged by the LA". */
export const acknowledgedLine = (item: ItemRef): string => `${itemName(item)} acknowledged by the LA`;
