import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import { PupilCase } from '../../../src/core/cases/pupil-case.js';
import type { View } from '../../../src/core/views/view.js';
import { recognise } from '../../../src/dialogs/intents.js';
import { runRead } from '../../../src/dialogs/read/run-read.js';
import { renderPdf } from '../../../src/pdf/render-pdf.js';
import { renderText } from '../../../src/chat/render-text.js';
import { chatter, SENDCO, testWorld } from '../../helpers/dialog-context.js';
import { makeCase } from '../../helpers/make-case.js';
import { pdfText } from '../../helpers/pdf-text.js';

/**
 * Issue 13, a fresh user's wrong facts in the evidence pack and the chronology it reads: each is
 * checked the way a SENDCo would, in the PDF read back, the chronology and the summary.
 */

const EXAMPLE = fileURLToPath(new URL('../../../src/core/calendar/example-term-dates.json', import.meta.url));
const termDates = () => new SchoolCalendar(JSON.parse(readFileSync(EXAMPLE, 'utf8')));
/** Line breaks and wrapped cells read as one run of words, as a person reads them. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

async function packText(views: View[]): Promise<string> {
  const file = views.find((v) => v.file)?.file;
  if (!file?.document) throw new Error('no pack');
  return flat((await pdfText((await renderPdf(file.document)).bytes)).all);
}

describe('asking for a pack without saying whose', () => {
  it('"evidence pack", "evidence pack please" and "an evidence pack?" ask which pupil, not look for a pupil called "pack"', async () => {
    for (const words of ['evidence pack', 'Evidence pack please', 'an evidence pack?', 'evidence for', 'make an evidence pack']) expect(recognise(words)).toEqual({ kind: 'read', read: { kind: 'which', then: 'evidence' } });
    expect(recognise('evidence pack for 4021')).toEqual({ kind: 'read', read: { kind: 'evidence', ref: '4021' } });
    const w = await testWorld();
    await w.repo.save(PupilCase.parse(makeCase({ pupilRef: '4021', staffIds: [SENDCO.id] })), undefined);
    const reply = await chatter(w.ctxFor(SENDCO)).say('evidence pack');
    expect(reply).toContain('Whose evidence pack? Type "evidence" and their reference');
    expect(reply).toContain('AB (ref 4021');
    expect(reply).not.toContain('can’t find');
  });
});

const T = (day: string, hour = 10) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/**
 * A pupil as a SENDCo would check the pack against: a PCP dated on its form three weeks before it
 * was typed in, reviewed on Mon 2 Nov and the move to Step 3 typed on Thu 12 Nov, then replaced by
 * PCP 2; a PSP from Mon 9 Nov; an EHC needs assessment requested Mon 9 Nov; a referral to the LA
 * that the LA acknowledged; a 6-school-day suspension from Mon 16 Nov and an earlier one across half term.
 */
function checkedPupil(): PupilCase {
  return PupilCase.parse(
    makeCase({
      id: 'case-checked',
      pupilRef: '5001',
      staffIds: [SENDCO.id],
      currentStep: 3,
      createdAt: T('2026-09-07', 9),
      pcps: [
        {
          id: 'p1',
          step: 2,
          ownerId: SENDCO.id,
          createdAt: T('2026-10-12'),
          fields: { planDate: '2026-09-21', reviewDate: '2026-11-02', interventionsStrategies: 'Key adult check-in from 2026-09-21.' },
          firstReviewDate: '2026-11-02',
          reviewDate: '2026-11-23',
          reviews: [{ id: 'r1', date: '2026-11-02', positiveChange: false, notes: '', by: SENDCO.id, step: 2 }],
          status: 'closed',
          closure: { on: '2026-11-09', outcome: 'replaced', leadsTo: 'new-plan', notes: '', by: SENDCO.id, at: T('2026-11-12', 11), replacedBy: 'p2' },
        },
        { id: 'p2', step: 3, ownerId: SENDCO.id, createdAt: T('2026-11-12', 11), fields: { planDate: '2026-11-09' }, firstReviewDate: '2026-12-14', reviewDate: '2026-12-14', reviews: [], status: 'active' },
      ],
      psps: [{ id: 's1', overseeingLeaderId: SENDCO.id, ownerId: SENDCO.id, startDate: '2026-11-09', targets: ['Attend every lesson'], fields: {}, reviewIntervalDays: 21, reviews: [], status: 'active' }],
      referrals: [{ id: 'ref1', date: '2026-11-10', serviceId: 'educational-psychology-service', toLocalAuthority: true, reasons: 'Assessment of needs', parentalPermission: true, fields: {}, by: SENDCO.id }],
      exclusions: [
        { id: 'x0', kind: 'suspension', startDate: '2026-10-23', days: 6, reason: 'Fight', recordedBy: SENDCO.id, recordedAt: T('2026-10-23', 13) },
        { id: 'x1', kind: 'suspension', startDate: '2026-11-16', days: 6, reason: 'Assault', recordedBy: SENDCO.id, recordedAt: T('2026-11-16', 13) },
      ],
      facts: [{ id: 'f-ehc', at: T('2026-11-10'), by: SENDCO.id, on: '2026-11-09', why: '', fact: 'ehc-assessment', status: 'requested' }],
      stepChanges: [{ id: 'sc1', at: T('2026-11-12', 15), from: 2, to: 3, cause: 'review', reason: 'No positive change at the review', agreedBy: SENDCO.id, agreedWith: 'parents', ref: 'r1' }],
      timeline: [
        { at: T('2026-09-07', 9), by: SENDCO.id, what: 'case.created' },
        { at: T('2026-10-12'), by: SENDCO.id, what: 'pcp.created', ref: 'p1' },
        { at: T('2026-10-23', 13), by: SENDCO.id, what: 'exclusion.suspension', ref: 'x0' },
        { at: T('2026-11-10'), by: SENDCO.id, what: 'fact.ehc-assessment', ref: 'f-ehc' },
        { at: T('2026-11-10', 11), by: SENDCO.id, what: 'referral.made', ref: 'ref1' },
        { at: T('2026-11-11'), by: 'la-1', what: 'referral.acknowledged', ref: 'ref1' },
        { at: T('2026-11-12', 14), by: SENDCO.id, what: 'pcp.reviewed', ref: 'r1' },
        { at: T('2026-11-12', 15), by: SENDCO.id, what: 'step.up', ref: 'sc1' },
        { at: T('2026-11-12', 11), by: SENDCO.id, what: 'pcp.created', ref: 'p2' },
        { at: T('2026-11-12', 12), by: SENDCO.id, what: 'psp.created', ref: 's1' },
        { at: T('2026-11-16', 13), by: SENDCO.id, what: 'exclusion.suspension', ref: 'x1' },
      ],
    }),
  );
}

describe('the facts a SENDCo checks in the pack, the chronology and the summary', () => {
  let pack: string;
  let timeline: string;
  let summary: string;
  let reviews: string;

  it('builds them (school term dates loaded)', async () => {
    const w = await testWorld({ calendar: termDates() });
    await w.repo.save(checkedPupil(), undefined);
    const ctx = w.ctxFor(SENDCO);
    pack = await packText(await runRead(ctx, { kind: 'evidence', ref: '5001' }));
    timeline = renderText([...(await runRead(ctx, { kind: 'timeline', ref: '5001', page: 1 })), ...(await runRead(ctx, { kind: 'timeline', ref: '5001', page: 2 }))]);
    summary = renderText(await runRead(ctx, { kind: 'pupil', ref: '5001' }));
    reviews = await chatter(ctx).say('my reviews');
  }, 60_000);

  it('13.1: a PCP is dated by the plan’s own date, and a step move by the review it followed, not the day either was typed in', () => {
    expect(pack).toContain('PCP 1: written Mon 21 Sep 2026 at Step 2');
    expect(pack).toContain('Written by a member of staff (recorded here Mon 12 Oct 2026)');
    expect(pack).toContain('Mon 21 Sep 2026 PCP 1 (person-centred plan) written at Step 2');
    expect(pack).toMatch(/Mon 2 Nov 2026 Step 2 to Step 3 After a review: No positive change at the review parents/);
    expect(pack).toContain('Mon 2 Nov 2026 Step 2 to Step 3: No positive change at the review');
    expect(pack).not.toContain('Thu 12 Nov 2026 Step 2 to Step 3');
    expect(timeline).toContain('* Mon 21 Sep 2026: PCP 1 written at Step 2');
    expect(timeline).toContain('* Mon 2 Nov 2026: Step 2 to Step 3');
    expect(timeline).not.toContain('Mon 12 Oct 2026');
    expect(summary).toContain('Mon 2 Nov 2026: Step 2 to Step 3');
    expect(summary).toContain('Written Mon 9 Nov 2026 by you.');
  });

  it('13.2: each plan’s first and next review in the pack are the dates the reminders give', () => {
    expect(pack).toContain('First review Due Mon 2 Nov 2026; first held Mon 2 Nov 2026');
    // PCP 2: its first review is its next; the PSP's falls three weeks on, a school day.
    expect(pack).toContain('First review Due Mon 14 Dec 2026 Next review due Mon 14 Dec 2026');
    expect(pack).toContain('First review Due Mon 30 Nov 2026 Next review due Mon 30 Nov 2026');
    expect(reviews).toContain('PSP review due in 10 days, Mon 30 Nov 2026');
    expect(summary).toContain('Next review Mon 30 Nov 2026');
    expect(summary).toContain('Next review Mon 14 Dec 2026');
    // PCP 1 is closed: no review to come, and its moved-on date is not shown as its first.
    expect(pack).not.toContain('Mon 23 Nov 2026 Status Closed');
  });

  it('13.3: the EHC request, with the LA’s 6-week decision and 20-week deadline, is in the pack and against action 17a', () => {
    expect(pack).toContain('17a. Criteria for EHC needs assessment EHC needs assessment requested Mon 9 Nov 2026: the LA’s 6-week decision due Mon 21 Dec 2026, 20-week deadline Mon 29 Mar 2027');
    expect(pack).toContain('Mon 9 Nov 2026 Needs assessment requested Mon 21 Dec 2026 Mon 29 Mar 2027');
  });

  it('13.5: the chronology, in the view and the pack alike, shows the plan closed as replaced by PCP 2 and the LA’s acknowledgement', () => {
    expect(timeline).toContain('* Mon 9 Nov 2026: PCP 1 closed: replaced by PCP 2');
    expect(timeline).toContain('* Wed 11 Nov 2026: Referral 1 acknowledged by the LA');
    expect(timeline).toContain('By a member of the LA inclusion team.');
    expect(pack).toContain('Mon 9 Nov 2026 PCP 1 closed: replaced by PCP 2 Mon 9 Nov 2026 PSP 1');
    expect(pack).toContain('Wed 11 Nov 2026 Referral 1 acknowledged by the LA Mon 16 Nov 2026');
    expect(pack).toContain('Closed Mon 9 Nov 2026: replaced by PCP 2');
  });

  it('13.6: a 6-school-day suspension gives the day-6 date in my reviews, the summary and the pack, counted in school days across half term', () => {
    expect(reviews).toContain('Full-time provision from day 6 of the suspension due in 3 days, Mon 23 Nov 2026; reminders from Wed 18 Nov 2026, 3 school days ahead (the duty is day 6)');
    expect(summary).toContain('Full-time provision from day 6 of the suspension: Mon 23 Nov 2026; reminders from Wed 18 Nov 2026, 3 school days ahead (the duty is day 6)');
    expect(pack).toContain('Full-time education from day 6 From Mon 23 Nov 2026; reminders from Wed 18 Nov 2026, 3 school days ahead (the duty is day 6) (the school arranges it)');
    expect(pack).toContain('Full-time education from the 6th school day');
    expect(pack).toContain('Exclusion 2 The school (a suspension of 6 school days) Mon 23 Nov 2026 Not recorded');
    // From Fri 23 Oct: half term (26–30 Oct) is not counted, so day 6 is Fri 6 Nov.
    expect(pack).toContain('Exclusion 1 The school (a suspension of 6 school days) Fri 6 Nov 2026 Not recorded');
  });

  it('13.7: field tables and sentences read UK dates, never ISO ones', () => {
    expect(pack).toContain('Date Mon 21 Sep 2026');
    expect(pack).toContain('Key adult check-in from Mon 21 Sep 2026.');
    expect(pack).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  });

  it('13.9: says which calendar its school days were counted with', () => {
    expect(pack).toContain('School days are counted against the school’s term dates as loaded here (Wed 2 Sep 2026 to Wed 21 Jul 2027)');
    expect(pack).not.toContain('No term dates are loaded');
  });
});

describe('13.9: a school with no term dates loaded', () => {
  it('the pack says school days were counted as weekdays less bank holidays, not against the school’s calendar', async () => {
    const w = await testWorld();
    await w.repo.save(checkedPupil(), undefined);
    const pack = await packText(await runRead(w.ctxFor(SENDCO), { kind: 'evidence', ref: '5001' }));
    expect(pack).toContain('No term dates are loaded for this school, so school days here are weekdays that are not bank holidays in England: days in the school’s holidays count as school days.');
    expect(pack).not.toContain('counted against the school calendar');
    expect(pack).not.toContain('term dates as loaded here');
  }, 60_000);
});

describe('13.4: a permanently excluded pupil', () => {
  /** At risk of permanent exclusion, then permanently excluded from Mon 16 Nov 2026, with no PSP. */
  const excluded = () =>
    PupilCase.parse(
      makeCase({
        id: 'case-excluded',
        pupilRef: '5002',
        staffIds: [SENDCO.id],
        currentStep: 4,
        riskOfPermanentExclusion: true,
        createdAt: T('2026-09-07', 9),
        exclusions: [
          { id: 'x1', kind: 'suspension', startDate: '2026-10-05', days: 3, reason: 'Assault', recordedBy: SENDCO.id, recordedAt: T('2026-10-05', 13) },
          { id: 'x2', kind: 'permanent', startDate: '2026-11-16', days: 0, reason: 'Serious assault', recordedBy: SENDCO.id, recordedAt: T('2026-11-16', 13) },
        ],
      }),
    );

  it('is shown as permanently excluded, not "at risk", and is not on the at-risk list', async () => {
    const w = await testWorld({ calendar: termDates() });
    await w.repo.save(excluded(), undefined);
    const ctx = w.ctxFor(SENDCO);
    const summary = renderText(await runRead(ctx, { kind: 'pupil', ref: '5002' }));
    expect(summary).toContain('Permanently excluded: From Mon 16 Nov 2026: the LA arranges full-time education from the sixth school day');
    expect(summary).not.toContain('At risk of permanent exclusion');
    expect(renderText(await runRead(ctx, { kind: 'list', list: 'risk', page: 1 }))).not.toContain('5002');
    expect(renderText(await runRead(ctx, { kind: 'list', list: 'mine', page: 1 }))).toContain('permanently excluded');
  });

  it('its pack says so, and the guidance offers no PSP, PCP or managed move, only the LA’s provision from day 6', async () => {
    const w = await testWorld({ calendar: termDates() });
    await w.repo.save(excluded(), undefined);
    const pack = await packText(await runRead(w.ctxFor(SENDCO), { kind: 'evidence', ref: '5002' }));
    expect(pack).toContain('Permanently excluded From Mon 16 Nov 2026: no longer on the school’s graduated response');
    expect(pack).not.toContain('At risk of permanent exclusion Yes');
    expect(pack).toContain('Permanently excluded: the school’s plans (PCP, PSP) are no longer the next step. The LA arranges full-time education from day 6');
    expect(pack).toContain('Exclusion 2 The LA (permanent exclusion) Mon 23 Nov 2026');
    expect(pack).not.toContain('Set up a Pastoral Support Programme (PSP)');
    expect(pack).not.toContain('Managed move');
    expect(pack).not.toMatch(/Next action \d/);
  }, 60_000);
});
