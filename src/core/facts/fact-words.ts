import type { FactEntry, FactKind, PepLead } from './fact-entry.js';
import type { PupilFacts } from './pupil-facts.js';
import { count } from '../text/plural.js';
import { ukDate } from '../text/uk-date.js';

/** The chronology and the facts now in plain words, the same wherever they are shown. */

const CARE: Record<string, string> = {
  'looked-after': 'became looked after',
  'previously-looked-after': 'previously looked after (left care through adoption, a special guardianship or a child arrangements order)',
  neither: 'no longer looked after',
};
const SEND: Record<string, string> = { none: 'no SEN support or EHCP', 'sen-support': 'SEN support', ehcp: 'EHCP issued' };

/** Who led a PEP meeting, in words (a role, never a name). */
export const PEP_LEAD: Record<PepLead, string> = {
  'virtual-school': 'the Virtual School',
  'designated-teacher': 'the designated teacher',
  'social-worker': 'the social worker',
  other: 'someone else',
};

const hours = (n: number) => `${count(n, 'hour')} a week`;

function timetable(p: { startDate: string; endDate: string; hoursPerWeek?: number; laNotifiedOn?: string }): string {
  const told = p.laNotifiedOn ? `the LA told on ${ukDate(p.laNotifiedOn)}` : 'the LA not yet told';
  return `part-time timetable from ${ukDate(p.startDate)} to ${ukDate(p.endDate)}${p.hoursPerWeek !== undefined ? `, ${hours(p.hoursPerWeek)}` : ''}, ${told}`;
}

/** What an entry says, without its date: "became looked after", "EHCP issued". */
export function describeFact(e: FactEntry): string {
  switch (e.fact) {
    case 'care':
      return CARE[e.care]!;
    case 'social-worker':
      return e.has ? 'has a social worker' : 'no longer has a social worker';
    case 'send':
      return SEND[e.send]!;
    case 'ehc-assessment':
      return e.status === 'requested' ? 'EHC needs assessment requested' : 'EHC needs assessment not going ahead';
    case 'part-time-timetable':
      return timetable({ startDate: e.on, endDate: e.plannedEndDate, hoursPerWeek: e.hoursPerWeek, ...(e.laNotifiedOn ? { laNotifiedOn: e.laNotifiedOn } : {}) });
    case 'part-time-timetable-ended':
      return 'part-time timetable ended: back to full time';
    case 'suspension-return':
      return `returns from a ${e.days}-day suspension`;
    case 'risk-of-permanent-exclusion':
      return e.atRisk ? 'at risk of permanent exclusion' : 'no longer at risk of permanent exclusion';
    case 'provision-started':
      return 'full-time provision started after an exclusion (the day-6 duty)';
    case 'pep-meeting':
      return `PEP meeting held, led by ${PEP_LEAD[e.ledBy]}${e.nextOn ? `; next one ${ukDate(e.nextOn)}` : ''}`;
    case 'withdrawn':
      return 'withdrawn: it should not have been recorded';
    case 'reinstated':
      return `reinstated after a permanent exclusion, as ${e.decidedBy === 'governors' ? 'the governors' : 'an independent review panel'} decided`;
  }
}

/** What an entry says with its day, as a sentence's end: "became looked after on Mon 2 Nov 2026". */
export function factSentence(e: FactEntry): string {
  switch (e.fact) {
    case 'part-time-timetable':
      return describeFact(e);
    case 'suspension-return':
      return `returns on ${ukDate(e.on)} from a ${e.days}-day suspension`;
    case 'part-time-timetable-ended':
      return `part-time timetable ended: back to full time from ${ukDate(e.on)}`;
    case 'provision-started':
      return `full-time provision started on ${ukDate(e.on)} after an exclusion (the day-6 duty)`;
    case 'pep-meeting':
      return `PEP meeting held on ${ukDate(e.on)}, led by ${PEP_LEAD[e.ledBy]}${e.nextOn ? `; the next one is set for ${ukDate(e.nextOn)}` : ''}`;
    case 'care':
    case 'ehc-assessment':
      return `${describeFact(e)} on ${ukDate(e.on)}`;
    case 'send':
      return `${describeFact(e)} ${e.send === 'ehcp' ? 'on' : 'from'} ${ukDate(e.on)}`;
    default:
      return `${describeFact(e)} from ${ukDate(e.on)}`;
  }
}

/** An entry as one line of a list to pick from: its day, what it says, and the start of its id. */
export function entryLine(e: FactEntry): string {
  return `${ukDate(e.on)}: ${describeFact(e)} (entry ${e.id.slice(0, 8)})`;
}

/** What the record says now about one kind of fact, for "now: …" beside a choice and for refusals. */
export function describeFacts(f: PupilFacts, kind: FactKind): string {
  const fl = f.flags;
  switch (kind) {
    case 'care':
      return fl.lookedAfter ? 'looked after' : fl.previouslyLookedAfter ? 'previously looked after' : 'not looked after';
    case 'social-worker':
      return fl.socialWorker ? 'has a social worker' : 'no social worker';
    case 'send':
      return fl.ehcp ? `has an EHCP${f.ehcpIssuedOn ? ` (issued ${ukDate(f.ehcpIssuedOn)})` : ''}` : fl.senSupport ? 'SEN support' : 'no SEN support or EHCP';
    case 'ehc-assessment':
      return f.ehcRequestedOn ? `EHC needs assessment requested ${ukDate(f.ehcRequestedOn)}` : 'no EHC needs assessment waiting';
    case 'part-time-timetable':
    case 'part-time-timetable-ended':
      return f.partTimeTimetable ? timetable(f.partTimeTimetable) : 'full time';
    case 'suspension-return':
      return f.returnFromSuspension ? `returns ${ukDate(f.returnFromSuspension.on)} from a ${f.returnFromSuspension.days}-day suspension` : 'no return recorded';
    case 'risk-of-permanent-exclusion':
      return f.riskOfPermanentExclusion ? 'at risk of permanent exclusion' : 'not at risk of permanent exclusion';
    case 'pep-meeting':
      return f.lastPep ? `last PEP meeting ${ukDate(f.lastPep.on)}` : 'no PEP meeting recorded';
    case 'provision-started':
    case 'withdrawn':
    case 'reinstated':
      return '';
  }
}
