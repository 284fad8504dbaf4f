import { acknowledgedLine, closureLine } from '../views/closure-words.js';
import { stepAtReview } from '../../core/plans/plan-began.js';
import { reviewCorrectionLine } from '../views/correction-words.js';
import { addDays } from '../../core/dates.js';
import { recordedSuspensions, schoolYearOf } from '../../core/exclusions/suspension-days.js';
import { describeFact } from '../../core/facts/fact-words.js';
import { correctionNote } from '../../core/facts/corrections.js';
import { provisionStarted, pupilFacts, standingEntries } from '../../core/facts/pupil-facts.js';
import { pathwayEvents, startingStep } from '../../core/guidance/pathway-state.js';
import type { ChronologyEntry } from '../../core/record/chronology.js';
import { londonDayOf, ukDate } from '../../core/text/uk-date.js';
import { doc, type DocBlock, type DocSection } from '../../core/views/document.js';
import { EXCLUSION_WARNINGS } from '../views/entry-views.js';
import { count, eventWords, itemName, serviceName, stepTitle } from '../views/record-words.js';
import { calendarWords, filledFields, template, type PackInput } from './pack-input.js';
import { day6ProvisionDay, day6Timing, DEFAULT_PROVISION_FROM_DAY, needsDay6 } from '../../core/reminders/due-items.js';
import { reinstatedOn, standingExclusions } from '../../core/exclusions/withdrawn.js';
import { FIELD_MAX } from '../../core/cases/text-limits.js';
import type { Exclusion, PupilCase, Referral } from '../../core/cases/pupil-case.js';
import { FULL_DETAILS_FROM_SCHOOL, referralFieldsShown } from '../referral-known.js';
import { recordBegan, stepOn } from '../../core/la-report/record-figures.js';

/** The parts of the evidence pack read straight from the record: steps, suspensions, referrals, EHC dates, facts, the chronology. */

const CAUSES = { review: 'After a review', referral: 'On a referral', plan: 'When a plan was written', set: 'Set by the SENDCo' } as const;

const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** A fact in words with its dates as staff read them ("from Mon 4 Nov 2024"), not as stored. */
const factWords = (e: Parameters<typeof describeFact>[0]) => capital(describeFact(e)).replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => ukDate(d));

/**
 * Where the pupil stands on the pathway now, derived from the record: the step they are at, or, while
 * a permanent exclusion stands (not withdrawn, no reinstatement), that they are off the school's
 * graduated response, with the step they were at on the day they were excluded. Seed 000's steps are
 * the school's (Step 6 is additional provision: the EHC criteria and outreach, 17a–17b); after a
 * permanent exclusion the LA arranges the pupil's education (001), so a referral made afterwards, which
 * moves the stored step (Step 4 to 5), does not put a permanently excluded pupil back on it (issue 13 §1.3).
 */
export function stepNowWords(p: Pick<PackInput, 'c' | 'pack'>): string {
  const off = offTheSteps(p);
  return off ? capital(off) : stepTitle(p.pack, p.c.currentStep);
}

/** "off the school’s steps: permanently excluded from …, when at Step 4: …", or undefined while on them ({@link stepNowWords}). */
function offTheSteps(p: Pick<PackInput, 'c' | 'pack'>): string | undefined {
  const excluded = standingExclusions(p.c).filter((e) => e.kind === 'permanent').sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
  return excluded && `off the school’s steps: permanently excluded from ${ukDate(excluded.startDate)}, when at ${stepTitle(p.pack, stepOn(p.c, excluded.startDate))}`;
}

/** "Now at Step 4: …", or "Now off the school’s steps: …" after a permanent exclusion. */
const nowWords = (p: Pick<PackInput, 'c' | 'pack'>) => `Now ${offTheSteps(p) ?? `at ${stepTitle(p.pack, p.c.currentStep)}`}`;

/** Every move up or down the pathway, with why and who agreed it, from the step the pupil was added at. */
export function stepsSection(p: PackInput): DocSection {
  const { c } = p;
  const added = londonDayOf(c.createdAt);
  if (!p.full) return { title: 'Steps over time', blocks: [doc.paragraph(`${nowWords(p)}. How the pupil came to this step stays with the school.`)] };
  const start = startingStep(pathwayEvents(c), c.currentStep);
  // The starting step dates from the first day the record tells of (a plan, move, referral or
  // exclusion typed in later), not the day it was typed: a panel read "1 Dec: added at Step 2" above
  // moves in October and November (fresh tester, 1 Dec).
  const began = recordBegan(c);
  const first = began < added ? `At Step ${start} from the first thing recorded (added to the record on ${ukDate(added)})` : `Added to the record at Step ${start}`;
  const rows: string[][] = [[ukDate(began), first, '', p.who(c.timeline[0]?.by ?? ''), '']];
  for (const e of p.chronology) {
    if (e.kind === 'step') {
      const x = e.change;
      rows.push([ukDate(e.date), `Step ${x.from} to Step ${x.to}`, `${CAUSES[x.cause]}: ${x.reason}`, p.who(x.agreedBy), x.agreedWith]);
    } else if (e.kind === 'event' && (e.what === 'step.up' || e.what === 'step.down')) {
      rows.push([ukDate(e.date), e.what === 'step.up' ? 'Moved up a step' : 'Moved down a step', 'Recorded before reasons were kept', p.who(e.by), '']);
    }
  }
  return {
    title: 'Steps over time',
    blocks: [
      doc.paragraph(`${nowWords(p)}. ${rows.length > 1 ? `${count(rows.length - 1, 'move')} recorded, each with why and who agreed it.` : 'No move up or down has been recorded.'}`),
      doc.table([{ title: 'Date', width: 1.1 }, { title: 'Move', width: 1.1 }, { title: 'Why', width: 3 }, { title: 'Agreed by', width: 1.4 }, { title: 'Agreed with', width: 1.2 }], rows),
    ],
  };
}

const DECIDED_BY = { governors: 'the governors', 'independent-review-panel': 'the governors after an independent review panel' } as const;

/**
 * Why a recorded suspension or exclusion no longer stands, in words for its row: "withdrawn Thu 3 Dec
 * 2026" (recorded by mistake, withdraw-exclusion) or "reinstated by the governors Mon 7 Dec 2026"
 * (reinstate); undefined when it stands. Read as standingExclusions reads it, so the row and the
 * totals agree; on an LA officer's copy the entries keep their dates (access/policy.ts laFacts).
 */
export function notStandingWords(c: Pick<PupilCase, 'facts' | 'exclusions'>, e: Exclusion): string | undefined {
  const withdrawn = c.facts.find((f) => f.fact === 'withdrawn' && f.corrects === e.id);
  if (withdrawn) return `withdrawn ${ukDate(withdrawn.on)}`;
  const back = reinstatedOn(c).get(e.id);
  if (!back) return undefined;
  const decision = c.facts.find((f) => f.fact === 'reinstated' && f.exclusionId === e.id && f.on === back);
  return `reinstated by ${decision?.fact === 'reinstated' ? DECIDED_BY[decision.decidedBy] : 'the governors'} ${ukDate(back)}`;
}

/** Suspensions and permanent exclusions with their school days, and the total for each school year. */
export function exclusionsSection(p: PackInput): DocSection {
  const { c } = p;
  const items = p.items.exclusions;
  if (!items.length) return { title: 'Suspensions and exclusions', blocks: [doc.paragraph('No suspension or permanent exclusion is recorded.')] };
  const daysOf = new Map(recordedSuspensions(p.calendar, c.exclusions).map((r) => [r.exclusion.id, r.days]));
  const rows = items.map(({ n, exclusion: e }) => {
    const days = daysOf.get(e.id) ?? [];
    const span = e.kind === 'permanent' ? `From ${ukDate(e.startDate)}` : days.length > 1 ? `${ukDate(days[0]!)} to ${ukDate(days.at(-1)!)}` : ukDate(days[0] ?? e.startDate);
    const warned = e.warningsShown ? (e.warningsShown.length ? e.warningsShown.map((id) => EXCLUSION_WARNINGS[id] ?? id).join('; ') : 'None applied') : 'Not kept (recorded before the checks)';
    // A withdrawn or overturned one stays on the record, marked so, its days not counted (issue 13 §1.2).
    const gone = notStandingWords(c, e);
    return [
      `${itemName({ kind: 'exclusion', n })}`,
      `${e.kind === 'permanent' ? 'Permanent exclusion' : 'Suspension'}${gone ? `: ${capital(gone)}, not counted` : ''}`,
      span,
      e.kind === 'permanent' ? '' : gone ? `(${e.days})` : String(e.days),
      p.full ? e.reason || 'No reason written' : 'Stays with the school',
      p.full ? warned : '',
    ];
  });
  // Totals and day-6 dates count the exclusions that stand, as the pupil's page does: not one withdrawn or overturned.
  const standing = new Set(standingExclusions(c).map((x) => x.id));
  const years = new Map<string, { count: number; days: number }>();
  for (const { exclusion: e } of items) {
    if (e.kind !== 'suspension' || !standing.has(e.id)) continue;
    for (const label of new Set((daysOf.get(e.id) ?? []).map((d) => schoolYearOf(d).label))) {
      const y = years.get(label) ?? { count: 0, days: 0 };
      years.set(label, { count: y.count + 1, days: y.days + (daysOf.get(e.id) ?? []).filter((d) => schoolYearOf(d).label === label).length });
    }
  }
  const blocks: DocBlock[] = [
    doc.paragraph(`${calendarWords(p.calendar)} The warnings column lists the checks the bot showed before each was saved. One withdrawn (recorded by mistake) or overturned (the pupil reinstated) stays listed, marked so, and is not counted in the totals.`, 'note'),
    doc.table(['Record', 'Kind', 'School days', { title: 'Days', width: 0.5 }, { title: 'Reason', width: 2.4 }, { title: 'Warnings shown before saving', width: 2 }], rows),
  ];
  // Day-6 provision (001; 000 Step 6): for a suspension of more than five school days the school,
  // and after a permanent exclusion the LA, arranges full-time education from the sixth school day,
  // counted as the reminders count it (reminders/due-items.ts day6ProvisionDay).
  const fromDay = p.pack.rules?.permanentExclusion.provisionFromDay ?? DEFAULT_PROVISION_FROM_DAY;
  // On the LA's copy too: its redacted case keeps the provision-started entries (access/policy.ts).
  const started = provisionStarted(c);
  const day6 = items.filter(({ exclusion: e }) => standing.has(e.id) && needsDay6(e, fromDay));
  if (day6.length)
    blocks.push(
      doc.subheading(`Full-time education from the ${ordinal(fromDay)} school day`),
      doc.table(
        ['Record', { title: 'Who arranges it', width: 1.6 }, 'Provision must start', { title: 'Provision started', width: 1.4 }],
        day6.map(({ n, exclusion: e }) => {
          const due = day6ProvisionDay(e.startDate, fromDay, p.calendar);
          const on = started.get(e.id);
          return [
            itemName({ kind: 'exclusion', n }),
            e.kind === 'permanent' ? 'The LA (permanent exclusion)' : `The school (a suspension of ${count(e.days, 'school day')})`,
            ukDate(due),
            on ? startedWords(on, day6Timing(e.startDate, on, fromDay, p.calendar)) : 'Not recorded',
          ];
        }),
      ),
    );
  if (years.size)
    blocks.push(
      doc.subheading('Suspensions in each school year'),
      doc.table(['School year (from 1 August)', 'Suspensions', 'School days'], [...years].sort(([a], [b]) => a.localeCompare(b)).map(([label, y]) => [label, String(y.count), String(y.days)])),
    );
  return { title: 'Suspensions and exclusions', blocks };
}

/**
 * A referral's form answers as every reader sees them: "Details of previous exclusions" as dates,
 * kind and length only, read from the record ({@link referralFieldsShown}).
 */
function referralAnswers(p: PackInput, r: Referral): Readonly<Record<string, string>> {
  const max = template(p, 'referral')?.fields.find((f) => f.id === 'previousExclusions')?.maxLength ?? FIELD_MAX;
  return referralFieldsShown(p.c, r, max);
}

/** Every referral: the service, whether to the LA, the reasons and the form as filled in (an LA officer's copy: {@link referralAnswers}). */
export function referralsSection(p: PackInput): DocSection {
  const refs = p.items.referrals;
  if (!refs.length) return { title: 'Referrals', blocks: [doc.paragraph('No referral is recorded.')] };
  const form = template(p, 'referral');
  const blocks: DocBlock[] = [
    doc.table(
      ['Referral', 'Date', { title: 'Service', width: 2 }, 'To the LA', 'Made by'],
      refs.map(({ n, referral: r }) => [itemName({ kind: 'referral', n }), ukDate(r.date), serviceName(p.pack, r.serviceId), r.toLocalAuthority ? 'Yes' : 'No', p.who(r.by)]),
    ),
  ];
  // The LA's copy: the bot has no names or addresses of the pupil or parents to give.
  if (!p.full) blocks.push(doc.paragraph(FULL_DETAILS_FROM_SCHOOL));
  for (const { n, referral: r } of refs) {
    const answers = referralAnswers(p, r);
    const fields = filledFields(form, answers, ['referralDate', 'yearGroup'], { service: serviceName(p.pack, r.serviceId) });
    // The reasons are kept from a form answer ("Main reason for referral"): printed once, under the
    // form's own label, not again as "Reasons for referral" (issue 13 §1.6).
    const reasons = r.reasons.trim();
    const asked = reasons !== '' && Object.values(answers).some((v) => v.trim() === reasons);
    blocks.push(doc.subheading(`${itemName({ kind: 'referral', n })}: ${serviceName(p.pack, r.serviceId)}, ${ukDate(r.date)}`));
    blocks.push(doc.table([{ title: 'Field', width: 1.3 }, { title: 'What was written', width: 3 }], [...(asked ? [] : [['Reasons for referral', reasons || 'None written']]), ['Parental permission', 'Given'], ...fields]));
  }
  return { title: 'Referrals', blocks };
}

/** The LA's statutory weeks for an EHC needs assessment (the pack's rules, else the national 6 and 20). */
export function ehcWeeks(p: PackInput): { decisionWeeks: number; completionWeeks: number } {
  return { decisionWeeks: p.pack.rules?.ehcAssessment.decisionWeeks ?? 6, completionWeeks: p.pack.rules?.ehcAssessment.completionWeeks ?? 20 };
}

/** Each EHC needs assessment request on the record (London dates), with the LA's decision and completion dates counted from it. */
export function ehcRequests(p: PackInput): { on: string; decisionBy: string; completeBy: string }[] {
  const { decisionWeeks, completionWeeks } = ehcWeeks(p);
  const dated = (on: string) => ({ on, decisionBy: addDays(on, decisionWeeks * 7), completeBy: addDays(on, completionWeeks * 7) });
  // A request kept as the record's starting state (a file saved before the chronology). The LA
  // officer's copy has no chronology of facts, so it gives the request waiting now, with the LA's own
  // dates (a fresh LA tester, issue 13, read "requested… not yet settled" over "No request… recorded").
  if (!p.full) {
    const waiting = pupilFacts(p.c).ehcRequestedOn;
    return waiting ? [dated(waiting)] : [];
  }
  const start = p.c.facts.length ? undefined : p.c.ehcRequestedOn;
  const standing = p.full ? standingEntries(p.c.facts).map((s) => s.entry) : [];
  return [...(start ? [dated(start)] : []), ...standing.flatMap((e) => (e.fact === 'ehc-assessment' && e.status === 'requested' ? [dated(e.on)] : []))];
}

/** EHC needs assessment: each request with the LA's statutory dates, and how it was settled. */
export function ehcSection(p: PackInput): DocSection {
  const { c } = p;
  const { decisionWeeks, completionWeeks } = ehcWeeks(p);
  const standing = p.full ? standingEntries(c.facts).map((s) => s.entry) : [];
  const rows: [string, string[]][] = ehcRequests(p).map((r) => [r.on, [ukDate(r.on), 'Needs assessment requested', ukDate(r.decisionBy), ukDate(r.completeBy)]]);
  for (const e of standing) {
    if (e.fact === 'ehc-assessment' && e.status !== 'requested') rows.push([e.on, [ukDate(e.on), 'Not going ahead (the LA decided not to assess, or the request was withdrawn)', '', '']]);
    if (e.fact === 'send' && e.send === 'ehcp') rows.push([e.on, [ukDate(e.on), 'EHC plan issued', '', '']]);
  }
  const now = pupilFacts(c);
  const status = now.flags.ehcp ? `The pupil has an EHC plan${now.ehcpIssuedOn ? `, issued ${ukDate(now.ehcpIssuedOn)}` : ''}.` : now.ehcRequestedOn ? `An EHC needs assessment was requested on ${ukDate(now.ehcRequestedOn)} and is not yet settled.` : 'No EHC needs assessment is waiting.';
  return {
    title: 'EHC needs assessment',
    blocks: [
      doc.paragraph(`${status} The LA must decide whether to assess within ${decisionWeeks} weeks of a request and issue a plan (or say it will not) within ${completionWeeks} weeks.`),
      rows.length
        ? doc.table(['Date', { title: 'What happened', width: 2.2 }, `${decisionWeeks}-week decision due`, `${completionWeeks}-week deadline`], [...rows].sort((x, y) => x[0].localeCompare(y[0])).map(([, row]) => row))
        : doc.paragraph('No request, decision or plan is recorded.'),
    ],
  };
}

/** A correction's note after an entry's words, as a sentence of its own. */
const withNote = (note: string) => (note ? `. ${note}` : '');

/** Changes in the pupil's circumstances (`update`), each on the day it happened, with why; corrections stay visible. */
export function circumstancesSection(p: PackInput): DocSection {
  const title = 'Changes in circumstances';
  if (!p.full) return { title, blocks: [doc.paragraph('The chronology of the pupil’s circumstances stays with the school.')] };
  const entries = p.chronology.flatMap((e) => (e.kind === 'fact' ? [e.entry] : []));
  if (!entries.length) return { title, blocks: [doc.paragraph('No change in care, social worker, SEN, EHC request, part-time timetable or risk has been recorded since the pupil was added.')] };
  return {
    title,
    blocks: [
      doc.paragraph('Each change as recorded with "update". A correction is a new entry and the entry it corrects stays on record.', 'note'),
      doc.table(['Date', { title: 'What changed', width: 2.4 }, { title: 'Why', width: 2.2 }, 'Recorded by'], entries.map((e) => [ukDate(e.on), `${factWords(e)}${e.corrects ? ' (a correction of an earlier entry)' : ''}${withNote(correctionNote(entries, e, (id) => p.who(id) || 'a member of staff'))}`, e.why, p.who(e.by)])),
    ],
  };
}

/** The whole record in date order, one line each: what an EHC panel reads first. */
export function chronologySection(p: PackInput): DocSection {
  if (!p.chronology.length) return { title: 'Chronology', blocks: [doc.paragraph('Nothing is recorded.')] };
  return {
    title: 'Chronology',
    blocks: [
      doc.paragraph('Everything on the record in date order, with who did or recorded it (by name and role where the bot’s directory knows them).', 'note'),
      doc.table([{ title: 'Date', width: 1 }, { title: 'What', width: 4 }, { title: 'By', width: 1.4 }], p.chronology.map((e) => [ukDate(e.date), chronologyWords(p, e), p.who(e.by)])),
    ],
  };
}

function chronologyWords(p: PackInput, e: ChronologyEntry): string {
  switch (e.kind) {
    case 'pcp':
      return `${itemName(e.item)} (person-centred plan) written at Step ${e.plan.step}`;
    case 'psp':
      return `${itemName(e.item)} (Pastoral Support Programme) started, ${count(e.plan.targets.length, 'target')}`;
    case 'review':
      return `${itemName(e.item)} of ${itemName(e.plan)}${stepAtReview(p.c, e.review) ? ` at Step ${stepAtReview(p.c, e.review)}` : ''}: ${e.review.positiveChange ? 'positive change' : 'no positive change'}`;
    case 'review-corrected':
      return `${reviewCorrectionLine(e.item, e.plan, e.corrected, e.review.positiveChange)}${e.corrected.why ? `: ${e.corrected.why}` : ''}`;
    case 'referral':
      return `${itemName(e.item)} to ${serviceName(p.pack, e.referral.serviceId)}${e.referral.toLocalAuthority ? ' (the LA)' : ''}`;
    case 'exclusion':
      return e.exclusion.kind === 'permanent' ? `Permanent exclusion (${itemName(e.item).toLowerCase()})` : `Suspension of ${count(e.exclusion.days, 'school day')} (${itemName(e.item).toLowerCase()})`;
    case 'step':
      return `Step ${e.change.from} to Step ${e.change.to}: ${e.change.reason}`;
    case 'fact':
      return `${factWords(e.entry)}${e.entry.corrects ? ' (a correction)' : correctionNote(p.chronology.flatMap((x) => (x.kind === 'fact' ? [x.entry] : [])), e.entry, (id) => id) ? ' (corrected later)' : ''}`;
    case 'closed':
      return closureLine(e.item, e.closure, e.replacedBy);
    case 'acknowledged':
      return acknowledgedLine(e.item);
    case 'event':
      return eventWords(e.what);
  }
}

/** "Tue 1 Dec 2026, school day 7: 1 school day late" (the day-6 duty, 001), or "…, school day 6: on time". */
function startedWords(on: string, t: { schoolDay: number; lateBy: number }): string {
  return `${ukDate(on)}, school day ${t.schoolDay}: ${t.lateBy ? `${count(t.lateBy, 'school day')} late` : 'on time'}`;
}
