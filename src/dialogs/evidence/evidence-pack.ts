import { londonParts } from '../../core/calendar/london-time.js';
import { pupilFacts } from '../../core/facts/pupil-facts.js';
import { pupilDeadlines } from '../../core/record/deadlines.js';
import { DEFAULT_PROVISION_FROM_DAY } from '../../core/reminders/due-items.js';
import { exclusionStanding, partTimeFigures, suspensionFigures } from '../../core/record/pupil-figures.js';
import { londonDayOf, ukDate } from '../../core/text/uk-date.js';
import { doc, type DocSection, type DocumentModel } from '../../core/views/document.js';
import type { DialogContext } from '../dialog.js';
import type { Subject } from '../read/subject.js';
import { ROLE_WORDS, staffNamer } from '../staff-words.js';
import { count, day6ReminderWords, flagWords, schoolCalled } from '../views/record-words.js';
import { calendarWords, packInput, type PackInput } from './pack-input.js';
import { cyclesSection, guidanceSection } from './pathway-sections.js';
import { interventionsSection, pcpSection, pspSection } from './plan-sections.js';
import { chronologySection, circumstancesSection, ehcSection, exclusionsSection, referralsSection, stepNowWords, stepsSection } from './record-sections.js';
import { standingExclusions } from '../../core/exclusions/withdrawn.js';

/**
 * The graduated-response evidence pack for one pupil, fit to attach to an EHC needs assessment
 * request or a referral: the steps over time and who agreed each move, every plan with its reviews,
 * the assess–plan–do–review cycles against the pathway's actions, interventions and services,
 * suspensions with school days, referrals, EHC dates, changes in circumstances, the guidance, and
 * the whole chronology. Built from the record as the reader may see it (an LA officer's copy has
 * no plans or reasons), and it says so. Pure: the same record, calendar and clock give the same document.
 */

/** The words for a special category notice, on the first page and the top of every page. */
export const SPECIAL_CATEGORY =
  'This document holds special category personal data about a child (UK GDPR Article 9: special educational needs, health and care). Keep it secure, share it only for the purpose it was made for, and do not forward it further.';


/** "Mon 30 Nov 2026 at 17:20 (London time)". */
export function londonDateTime(at: Date): string {
  const t = londonParts(at);
  return `${ukDate(t.date)} at ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')} (London time)`;
}

/** The pupil as the pack may name them: reference, initials and year, nothing more. */
export const pupilWords = (c: Pick<PackInput['c'], 'pupilRef' | 'initials' | 'yearGroup'>) => `ref ${c.pupilRef} (${c.initials}), ${c.yearGroup === 0 ? 'Reception' : `Year ${c.yearGroup}`}`;

/** The first day the record covers: the day the pupil was added, or an earlier day something on it happened. */
export function periodStart(p: PackInput): string {
  const added = londonDayOf(p.c.createdAt);
  const first = p.chronology[0]?.date;
  return first && first < added ? first : added;
}

export function evidencePack(ctx: DialogContext, s: Subject): DocumentModel {
  const now = ctx.now();
  // Staff by name and role, never by id (an id means nothing on paper, and an AAD id is not for sharing).
  const who = staffNamer(ctx);
  const p = packInput(ctx.pack, ctx.calendar, ctx.today(), s.c, s.access === 'full', who);
  const period = `${ukDate(periodStart(p))} to ${ukDate(p.today)}`;
  const role = `${ROLE_WORDS[ctx.user.role]}${ctx.user.schoolId ? `, ${schoolCalled(ctx, ctx.user.schoolId)}` : ''}`;
  // The name the staff directory gives (the staff file's, else the chat's), as everyone else is named
  // in the pack: the local chat's user carries none of their own, so "Produced by SENDCo" named no one.
  const name = ctx.staff?.find(ctx.user.id)?.displayName ?? ctx.user.displayName;
  const producer = name ? `${name} (${role})` : `${role.charAt(0).toUpperCase()}${role.slice(1)}`;
  const when = londonDateTime(now);
  const pupil = pupilWords(s.c);
  return {
    title: 'Graduated response evidence pack',
    subject: `Pupil ${pupil}`,
    period,
    runningHeader: `Graduated response evidence: pupil ${pupil}. Period ${period}. Special category data: keep secure.`,
    runningFooter: `Produced by ${producer} on ${when}`,
    author: producer,
    producedAt: now,
    sections: [about(p, { pupil, period, producer, when, school: schoolCalled(ctx, s.c.schoolId) }), summary(p), stepsSection(p), cyclesSection(p), pcpSection(p), pspSection(p), interventionsSection(p), exclusionsSection(p), referralsSection(p), ehcSection(p), circumstancesSection(p), guidanceSection(p), chronologySection(p)],
  };
}

function about(p: PackInput, w: { pupil: string; period: string; producer: string; when: string; school: string }): DocSection {
  return {
    title: 'About this pack',
    blocks: [
      doc.facts([
        { label: 'Pupil', value: `Pupil ${w.pupil}` },
        { label: 'School', value: w.school },
        { label: 'Period', value: `${w.period} (the whole record)` },
        { label: 'Produced by', value: w.producer },
        { label: 'Produced on', value: w.when },
        { label: 'Made from', value: `The pupil’s record in the graduated response assistant, read against ${p.pack.sources['000'] ?? p.pack.localAuthority}` },
      ]),
      doc.paragraph(SPECIAL_CATEGORY, 'important'),
      ...(p.full ? [] : [doc.paragraph('Made from an LA officer’s copy of the record: the referrals to the LA, the step, needs and care, and suspension dates. The school’s plans, reviews, notes and reasons stay with the school and are not in this pack.', 'important')]),
      doc.paragraph(`Pupils are named by the school’s reference, initials and year only; staff by name and role where the bot’s directory knows them, never by an id. Dates are school days where the pack says so. ${calendarWords(p.calendar)}`, 'note'),
    ],
  };
}

function summary(p: PackInput): DocSection {
  const { c } = p;
  const facts = pupilFacts(c);
  const needs = flagWords(facts.flags);
  const sus = suspensionFigures(c, p.calendar, p.today);
  const ptt = partTimeFigures(c, p.today);
  const suspensions = standingExclusions(c).filter((e) => e.kind === 'suspension');
  // Withdrawn ones are said apart, so a reader adding up the exclusions table gets the same total.
  const notCounted = c.exclusions.filter((e) => e.kind === 'suspension').length - suspensions.length;
  const besides = notCounted ? `; ${notCounted} more withdrawn, not counted` : '';
  const fromDay = p.pack.rules?.permanentExclusion.provisionFromDay ?? DEFAULT_PROVISION_FROM_DAY;
  const reviews = p.items.reviews.map((r) => r.review);
  const positive = reviews.filter((r) => r.positiveChange).length;
  const active = (plans: { plan: { status: string } }[]) => plans.filter((x) => x.plan.status === 'active').length;
  return {
    title: 'Where things stand',
    blocks: [
      doc.facts([
        { label: 'Step now', value: stepNowWords(p) },
        { label: 'Needs and care now', value: needs.length ? needs.join(', ') : 'None recorded' },
        sus.permanent
          ? { label: 'Permanently excluded', value: `From ${ukDate(sus.permanent.startDate)}: no longer on the school’s graduated response; the LA arranges full-time education from the sixth school day` }
          : { label: 'At risk of permanent exclusion', value: exclusionStanding(c).atRisk ? 'Yes' : 'No' },
        { label: 'EHC needs assessment', value: facts.ehcRequestedOn ? `Requested ${ukDate(facts.ehcRequestedOn)}, not yet settled` : facts.flags.ehcp ? `EHC plan${facts.ehcpIssuedOn ? ` issued ${ukDate(facts.ehcpIssuedOn)}` : ''}` : 'None waiting' },
        ...(p.full
          ? [
              { label: 'Person-centred plans', value: p.items.pcps.length ? `${p.items.pcps.length} (${active(p.items.pcps)} active)` : 'None' },
              { label: 'Pastoral Support Programmes', value: p.items.psps.length ? `${p.items.psps.length} (${active(p.items.psps)} active)` : 'None' },
              { label: 'Plan reviews', value: reviews.length ? `${reviews.length}: ${positive} with positive change, ${reviews.length - positive} without` : 'None' },
              { label: 'Part-time timetable', value: ptt ? `${ukDate(ptt.startDate)} to ${ukDate(ptt.endDate)} (${ptt.when === 'current' ? 'now' : ptt.when})${ptt.laNotifiedOn ? `, the LA told ${ukDate(ptt.laNotifiedOn)}` : ', the LA not told'}` : 'No' },
            ]
          : []),
        { label: 'Suspensions on the record', value: suspensions.length ? `${suspensions.length} (${count(suspensions.reduce((t, e) => t + e.days, 0), 'school day')} as recorded${besides})` : notCounted ? `None standing (${count(notCounted, 'suspension')} withdrawn, not counted)` : 'None' },
        { label: `Suspensions this school year (${sus.year.label})`, value: sus.yearCount ? `${sus.yearCount} (${count(sus.yearDays, 'school day')})` : 'None' },
        { label: 'Permanent exclusion', value: sus.permanent ? `From ${ukDate(sus.permanent.startDate)}` : 'None' },
        // The day-6 dates still to act on, as the pupil's summary and `my reviews` give them.
        ...pupilDeadlines(c, { pack: p.pack, calendar: p.calendar, today: p.today })
          .filter((d) => d.kind === 'day6-provision')
          .map((d) => ({ label: `Full-time education from day ${fromDay}`, value: `From ${ukDate(d.dueDate)}${d.actBy ? `; ${day6ReminderWords(d.actBy)}` : ''} (${d.after === 'permanent' ? 'the LA arranges it' : 'the school arranges it'})` })),
        { label: 'Referrals', value: p.items.referrals.length ? `${p.items.referrals.length} (${p.items.referrals.filter((r) => r.referral.toLocalAuthority).length} to the LA)` : 'None' },
      ]),
    ],
  };
}
