import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import type { Advice, Rules } from '../../knowledge/schema/rules.js';
import type { SchoolCalendar } from '../calendar/school-calendar.js';
import type { PupilCase } from '../cases/pupil-case.js';
import { pupilFacts, type FactsSource } from '../facts/pupil-facts.js';
import { citation, fromAdvice } from '../guidance/recommendation.js';
import type { Recommendation } from '../guidance/types.js';
import { concernsIn } from '../safeguarding/for-pack.js';
import { isSuspensionDay, recordedSuspensions, schoolYearOf, suspensionDays, tallyFor, type RecordedSuspension } from './suspension-days.js';
import { ukDate } from '../text/uk-date.js';
import { exclusionsInForceOn, standingExclusions } from './withdrawn.js';

/**
 * The check run before a suspension or permanent exclusion is saved, on every channel. Pure: the
 * pupil's record, the school calendar and the pack's rules in, refusals and warnings out.
 * Refusals (past the legal limit, overlapping dates, a first day that is not a school day) stop
 * the save; warnings are shown first and the person may still confirm. Day counts are school
 * days (SchoolCalendar), dates London `YYYY-MM-DD` days.
 */

export interface ProposedExclusion {
  kind: 'suspension' | 'permanent';
  /** The first day, a London date. */
  startDate: string;
  /** School days (not calendar days); 0 for a permanent exclusion. */
  days: number;
  reason: string;
}

export type RefusalId = 'not-a-school-day' | 'over-year-limit' | 'overlap' | 'after-permanent';
export interface Refusal {
  id: RefusalId;
  /** Written for staff: what is wrong, why, and what would work. */
  message: string;
  /** Over the year's limit: the school days still allowed in that school year (0 when none). */
  daysLeft?: number;
}

/** Stable ids, kept on the saved exclusion and in the audit log: never words about the pupil. */
export const WARNING_IDS = ['unlawful-reason', 'virtual-school', 'virtual-school-previously', 'social-worker', 'ehcp', 'sen-support', 'permanent-exclusion', 'part-time-timetable', 'day-six', 'repeated', 'term-days', 'lawful-reason'] as const;
export type WarningId = (typeof WARNING_IDS)[number];

/** A warning as data: which one, and why it applies here. */
export interface Warning {
  id: WarningId;
  because: string;
  /** The pack's notes on what the reason's words read like (unlawful-reason only). */
  notes?: string;
}

export interface ExclusionCheck {
  refusals: Refusal[];
  /** In the order a busy reader needs them. */
  warnings: Warning[];
}

/** "Mon 23 Nov 2026 to Fri 27 Nov 2026", or one date. */
const span = (days: readonly string[]): string => (days.length > 1 ? `${ukDate(days[0]!)} to ${ukDate(days.at(-1)!)}` : ukDate(days[0] ?? ''));

/** Up to five dates, then "and N more". */
function dateList(days: readonly string[]): string {
  const shown = days.slice(0, 5).map(ukDate).join(', ');
  return days.length > 5 ? `${shown} and ${days.length - 5} more` : shown;
}

/**
 * Why `date` cannot be a first day of exclusion, or undefined when it can: it must be a school day
 * (a weekend, bank holiday, closure or school holiday is refused, naming the first school day after).
 */
export function firstDayProblem(cal: SchoolCalendar, date: string): string | undefined {
  if (isSuspensionDay(cal, date)) return undefined;
  const why = cal.whyNotSchoolDay(date) ?? 'not a school day';
  const next = cal.offDay(date)?.firstSchoolDay;
  return `${ukDate(date)} is not a school day (${why}). An exclusion starts on a school day${next ? `: the first one after it is ${ukDate(next)}` : ''}.`;
}

function overLimit(pack: KnowledgePack, rules: Rules, recorded: readonly string[], proposed: readonly string[]): Refusal[] {
  const max = rules.suspensions.maxDaysPerYear;
  const years = new Map(proposed.map((d) => [schoolYearOf(d).label, schoolYearOf(d)]));
  return [...years.values()].flatMap((year) => {
    const inYear = (d: string) => d >= year.start && d <= year.end;
    const used = recorded.filter(inYear).length;
    const total = used + proposed.filter(inYear).length;
    if (total <= max) return [];
    const left = Math.max(0, max - used);
    const room = left === 0 ? 'so no further suspension can be given in this school year' : `so at most ${left} more can be given in this school year`;
    return [
      {
        id: 'over-year-limit' as const,
        daysLeft: left,
        message: `This would make ${total} school days of suspension in the ${year.label} school year, and the law allows no more than ${max} (${citation(pack, rules.suspensions.yearLimit.source)}). ${used === 1 ? '1 is' : `${used} are`} already recorded, ${room}.`,
      },
    ];
  });
}

/**
 * A suspension or exclusion from `startDate` when the pupil is already permanently excluded by then:
 * they are off the school's roll, so there is nothing to suspend them from. A permanent exclusion
 * entered by mistake is put right on the record first ("withdraw exclusion"); one the governors
 * overturned is recorded as a reinstatement ("reinstate 4021"), after which it no longer stands.
 */
export function afterPermanent(exclusions: readonly Pick<PupilCase['exclusions'][number], 'kind' | 'startDate'>[], startDate: string): Refusal[] {
  const pex = exclusions.filter((x) => x.kind === 'permanent' && x.startDate <= startDate).sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
  if (!pex) return [];
  return [
    {
      id: 'after-permanent',
      message: `The pupil is recorded as permanently excluded from ${ukDate(pex.startDate)}, so they cannot be suspended or excluded again from ${ukDate(startDate)}. If that permanent exclusion was recorded by mistake, withdraw it first; if the governors reinstated the pupil, record that first ("reinstate" and the pupil's reference).`,
    },
  ];
}

function overlaps(recorded: readonly RecordedSuspension[], proposed: readonly string[]): Refusal[] {
  const mine = new Set(proposed);
  return recorded.flatMap(({ exclusion, days }) => {
    const shared = days.filter((d) => mine.has(d));
    if (!shared.length) return [];
    const after = days.at(-1);
    return [
      {
        id: 'overlap' as const,
        message:
          `These dates overlap the ${exclusion.days}-day suspension already recorded from ${span(days)}: both would cover ${dateList(shared)}. ` +
          `A pupil cannot be suspended twice on the same day. To lengthen that suspension, record only the extra days${after ? `, starting after ${ukDate(after)}` : ''}.`,
      },
    ];
  });
}

function termWarnings(rules: Rules, cal: SchoolCalendar, all: readonly string[], proposed: readonly string[]): Warning[] {
  const figure = rules.suspensions.governorsMustMeetAfterDaysInTerm;
  const seen = new Set<string>();
  const out: Warning[] = [];
  for (const day of proposed) {
    const t = tallyFor(cal, all, day);
    const key = t.term ? `${t.term.start}` : `year:${t.year.label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // Over the figure, as the seeds say it (003 "over 15"; 000 "more than 15"), not at it: the warning's
    // heading names the rule, and a board need not meet for exactly 15 ("what next" says one more would).
    if (t.term && t.termDays !== undefined) {
      if (t.termDays <= figure) continue;
      const name = t.term.name ? `${t.term.name} (${ukDate(t.term.start)} to ${ukDate(t.term.end)})` : `the term from ${ukDate(t.term.start)} to ${ukDate(t.term.end)}`;
      out.push({ id: 'term-days', because: `with this one, ${t.termDays} school days of suspension in ${name}: more than ${figure}, so the governing board must consider reinstatement` });
    } else if (t.yearDays > figure) {
      const unknown = cal.hasTerms ? `the term dates run out before ${ukDate(day)}` : 'no term dates are set';
      out.push({ id: 'term-days', because: `with this one, ${t.yearDays} school days of suspension in the ${t.year.label} school year; ${unknown}, so the days in this term cannot be counted: check whether more than ${figure} fall in one term` });
    }
  }
  return out;
}

/** From the pupil's facts as they stand now (core/facts), so a child who became looked after is warned about. */
function pupilWarnings(pupil: FactsSource, kind: ProposedExclusion['kind'], rules: Rules | undefined): Warning[] {
  const what = kind === 'permanent' ? 'permanent exclusion' : 'suspension';
  const f = pupilFacts(pupil).flags;
  const out: Warning[] = [];
  if (f.lookedAfter) out.push({ id: 'virtual-school', because: `a looked-after child: speak to the Virtual School before this ${what} is given` });
  // Not "looked after": a fresh tester (issue 12) saw a previously looked-after child called one.
  else if (f.previouslyLookedAfter) out.push({ id: 'virtual-school-previously', because: `a previously looked-after child: ask the Virtual School’s advice before this ${what} is given` });
  if (f.socialWorker) out.push({ id: 'social-worker', because: `the pupil has a social worker (child in need or child protection plan): talk to them before this ${what} is given` });
  if (f.ehcp) out.push({ id: 'ehcp', because: `a ${what} of a pupil with an EHC plan` });
  else if (f.senSupport && rules?.beforeExclusion.senSupport) out.push({ id: 'sen-support', because: `a ${what} of a pupil on SEN support` });
  return out;
}

/**
 * Before a permanent exclusion: the last resort, the support that should have been tried first and
 * day-6 provision (003 "Permanent Exclusion"; 001 "Day 6 provision"), naming a PSP when none is on record.
 */
function permanentWarning(pupil: FactsSource & Pick<PupilCase, 'exclusions'> & Partial<Pick<PupilCase, 'psps'>>): Warning {
  const noPsp = pupil.psps !== undefined && pupil.psps.length === 0;
  return { id: 'permanent-exclusion', because: `a permanent exclusion${noPsp ? ', and no Pastoral Support Programme is on record' : ''}` };
}

/**
 * Before a suspension: a third or later in the school year (003: more than two suggest suspension is
 * not working) and one that runs past the fifth school day, naming the day full-time education must
 * start (001). Each only when the pack has its advice.
 */
function suspensionWarnings(rules: Rules, cal: SchoolCalendar, recorded: PupilCase['exclusions'], proposed: ProposedExclusion): Warning[] {
  const out: Warning[] = [];
  const year = schoolYearOf(proposed.startDate);
  const earlier = recorded.filter((x) => x.kind === 'suspension' && x.startDate >= year.start && x.startDate <= year.end).length;
  if (rules.suspensions.repeated && earlier >= 2) out.push({ id: 'repeated', because: `this would be suspension number ${earlier + 1} in the ${year.label} school year` });
  const fromDay = rules.permanentExclusion.provisionFromDay;
  if (rules.suspensions.daySix && proposed.days >= fromDay) {
    const days = suspensionDays(cal, proposed);
    const sixth = days[fromDay - 1];
    out.push({ id: 'day-six', because: `a suspension of ${proposed.days} school days${sixth ? `: full-time education from ${ukDate(sixth)}, day ${fromDay}` : ''}` });
  }
  return out;
}

/**
 * A suspension on days the pupil is on a part-time timetable (reduced hours, from its start to its
 * planned end): the timetable is already an exceptional, time-limited arrangement agreed with
 * parents and reported to the LA (003 "Personalised Timetables"), so it is checked first.
 */
function partTimeWarning(pupil: FactsSource, days: readonly string[]): Warning[] {
  const t = pupilFacts(pupil).partTimeTimetable;
  if (!t) return [];
  const during = days.filter((d) => d >= t.startDate && d <= t.endDate);
  if (!during.length) return [];
  const hours = t.hoursPerWeek !== undefined ? ` (${t.hoursPerWeek} hours a week)` : '';
  return [
    {
      id: 'part-time-timetable',
      because: `the pupil is on a part-time timetable${hours} from ${ukDate(t.startDate)} to ${ukDate(t.endDate)}, and this suspension falls on ${dateList(during)}: check the timetable is still right for them, that the suspension is not being used to reduce their hours further, and tell the LA of any change to it`,
    },
  ];
}

function reasonWarning(pack: KnowledgePack, reason: string): Warning {
  const found = concernsIn(pack, [reason], { asReason: true }).filter((c) => c.kind === 'exclusion');
  if (!found.length) return { id: 'lawful-reason', because: 'every suspension and exclusion needs a disciplinary reason' };
  const notes = found.flatMap((c) => pack.concerns?.exclusion.find((e) => e.id === c.category)?.note ?? []);
  const quoted = found.map((c) => `“${c.quote}” (${c.label})`).join('; ');
  return { id: 'unlawful-reason', because: `the reason reads like ${quoted}`, ...(notes.length ? { notes: notes.join(' ') } : {}) };
}

/**
 * Checks a suspension or permanent exclusion against the pupil's record before it is saved.
 * Refuses: a first day that is not a school day; a suspension that would take the pupil past
 * the pack's maxDaysPerYear school days in a school year (45, Education Act 2002: seed 000,
 * Appendix 4), saying how many are used and left; dates that overlap a recorded suspension,
 * naming them. Warns: this term's suspension days going over governorsMustMeetAfterDaysInTerm
 * (15; seed 000 Appendix 4 and 003 "Fixed-Term Exclusion"), counted against the term dates; the
 * Virtual School for a looked-after or previously looked-after child (002 "Suspensions and
 * Exclusion"); the social worker for a child in need (002); the SEN team and an emergency annual
 * review for a pupil with an EHC plan (003 "Permanent Exclusion"); a suspension during a part-time
 * timetable (003 "Personalised Timetables"); and the lawful-reason reminder,
 * stronger when the reason reads like an unlawful one (000 "Legislation and Policy Requirements").
 */
export function checkExclusion(pack: KnowledgePack, cal: SchoolCalendar, pupil: FactsSource & Pick<PupilCase, 'exclusions'>, proposed: ProposedExclusion): ExclusionCheck {
  const rules = pack.rules;
  const firstDay = firstDayProblem(cal, proposed.startDate);
  const refusals: Refusal[] = firstDay ? [{ id: 'not-a-school-day', message: firstDay }] : [];
  // Withdrawn exclusions (recorded by mistake) count for nothing here; read once for every check below.
  const standing = standingExclusions(pupil);
  refusals.push(...afterPermanent(exclusionsInForceOn(pupil, proposed.startDate), proposed.startDate));
  const warnings: Warning[] = [];
  const reason = pack.concerns ? reasonWarning(pack, proposed.reason) : undefined;
  if (reason?.id === 'unlawful-reason') warnings.push(reason);
  warnings.push(...pupilWarnings(pupil, proposed.kind, rules));
  if (rules && proposed.kind === 'permanent') warnings.push(permanentWarning(pupil));
  if (rules && proposed.kind === 'suspension' && !firstDay) {
    const recorded = recordedSuspensions(cal, standing);
    const mine = suspensionDays(cal, proposed);
    const before = recorded.flatMap((r) => r.days);
    const all = [...before, ...mine];
    refusals.push(...overLimit(pack, rules, before, mine), ...overlaps(recorded, mine));
    warnings.push(...partTimeWarning(pupil, mine), ...suspensionWarnings(rules, cal, standing, proposed), ...termWarnings(rules, cal, all, mine));
  }
  if (reason?.id === 'lawful-reason') warnings.push(reason);
  return { refusals, warnings };
}

/** The pack's advice behind each warning. */
export function warningAdvice(rules: Rules, id: WarningId): Advice {
  const optional = (a: Advice | undefined): Advice => a ?? rules.suspensions.advice;
  switch (id) {
    case 'unlawful-reason':
    case 'lawful-reason':
      return rules.unlawfulExclusion.advice;
    case 'virtual-school':
      return rules.lookedAfter.beforeSuspension;
    case 'virtual-school-previously':
      return rules.lookedAfter.previouslyBeforeSuspension ?? rules.lookedAfter.beforeSuspension;
    case 'social-worker':
      return rules.beforeExclusion.socialWorker;
    case 'ehcp':
      return rules.beforeExclusion.ehcp;
    case 'part-time-timetable':
      return rules.partTimeTimetable;
    case 'term-days':
      return rules.suspensions.termDays;
    case 'sen-support':
      return optional(rules.beforeExclusion.senSupport);
    case 'permanent-exclusion':
      return rules.permanentExclusion.advice;
    case 'day-six':
      return optional(rules.suspensions.daySix);
    case 'repeated':
      return optional(rules.suspensions.repeated);
  }
}

/** A warning as guidance to show: the pack's advice, who leads it, its source and contacts, and why it applies. */
export function warningRecommendation(pack: KnowledgePack, rules: Rules, w: Warning): Recommendation {
  const rec = fromAdvice(pack, `before-saving-${w.id}`, 'warning', warningAdvice(rules, w.id), w.because);
  return w.notes ? { ...rec, detail: `${w.notes} ${rec.detail}` } : rec;
}
