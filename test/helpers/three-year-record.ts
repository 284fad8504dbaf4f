import { PupilCase, type Exclusion, type PlanReview, type StepChange, type TimelineEntry } from '../../src/core/cases/pupil-case.js';
import type { FactEntry } from '../../src/core/facts/fact-entry.js';

/** A fact entry as written here: who and when are filled in, why may be left out. */
type NewEntry = FactEntry extends infer E ? (E extends FactEntry ? Omit<E, 'at' | 'by' | 'why'> & { why?: string } : never) : never;

/**
 * Three school years of one pupil's graduated response (Sep 2023 to Nov 2026), fictional, as the
 * bot would have recorded it: moves up and down with reasons, two PCPs (the first replaced), a PSP
 * reviewed every 3–4 weeks and closed, suspensions with the checks shown before each, referrals,
 * an EHC needs assessment requested and a plan issued, a part-time timetable, and a correction.
 * `extra` adds that many more years of reviews and suspensions (for the bench's larger records).
 */
export function threeYearRecord(opts: { pupilRef?: string; schoolId?: string; sendco?: string; teacher?: string } = {}): PupilCase {
  const sendco = opts.sendco ?? 'teams:sendco-1';
  const teacher = opts.teacher ?? 'teams:teacher-1';
  const timeline: TimelineEntry[] = [];
  const log = (at: string, by: string, what: string, ref?: string) => timeline.push({ at, by, what, ...(ref ? { ref } : {}) });
  const t = (day: string, hour = 15) => `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;

  log(t('2023-09-11', 9), teacher, 'case.created');
  const stepChanges: StepChange[] = [];
  const move = (id: string, day: string, from: number, to: number, cause: StepChange['cause'], reason: string, by: string, agreedWith: string, ref?: string, hour = 16) => {
    stepChanges.push({ id, at: t(day, hour), from, to, cause, reason, agreedBy: by, agreedWith, ...(ref ? { ref } : {}) });
    log(t(day, hour), by, to > from ? 'step.up' : 'step.down', id);
  };
  const review = (id: string, date: string, positiveChange: boolean, step: number, notes: string, by: string, targets?: string[]): PlanReview => {
    log(t(date, 14), by, id.startsWith('psp') ? 'psp.reviewed' : 'pcp.reviewed', id);
    return { id, date, positiveChange, step, notes, by, ...(targets ? { targets } : {}) };
  };
  const facts: FactEntry[] = [];
  const fact = (e: NewEntry) => {
    const entry = { at: t(e.on, 12), by: sendco, why: '', ...e } as FactEntry;
    facts.push(entry);
    log(entry.at, entry.by, `fact.${entry.fact}`, entry.id);
  };

  // 2023/24: Step 1 to Step 2 with a first PCP, no positive change, up to Step 3, then Step 4.
  fact({ id: 'f-sen', on: '2023-10-02', fact: 'send', send: 'sen-support', why: 'Needs identified at the autumn SEN review' });
  // Writing the first plan at Step 1 begins Step 2: the move is recorded with it, just before.
  move('sc-1', '2023-10-02', 1, 2, 'plan', 'A first person-centred plan was written', teacher, 'parents', 'pcp-1', 10);
  log(t('2023-10-02', 10), teacher, 'pcp.created', 'pcp-1');
  const pcp1Reviews = [
    review('pcp-r1', '2023-11-20', false, 2, 'Still leaving lessons most afternoons; mornings calmer.', teacher),
    review('pcp-r2', '2024-01-15', false, 2, 'No change; two incidents of refusal this half term.', teacher),
  ];
  move('sc-2', '2024-01-15', 2, 3, 'review', 'No positive change after two reviews', teacher, 'SENDCo and parents', 'pcp-r2');
  pcp1Reviews.push(review('pcp-r3', '2024-03-11', true, 3, 'Better with the key adult check-in.', sendco), review('pcp-r4', '2024-05-20', false, 3, 'Fell back after the Easter break.', sendco));
  move('sc-3', '2024-05-20', 3, 4, 'review', 'The updated plan has not brought lasting change', sendco, 'class teacher and parents', 'pcp-r4');
  log(t('2024-06-10', 10), sendco, 'pcp.created', 'pcp-2');
  const pcp2Reviews = [review('pcp-r5', '2024-07-15', false, 4, 'Formal meeting held with parents and pupil.', sendco)];

  // 2024/25: a PSP after a longer suspension, a part-time timetable, referrals, Step 5.
  fact({ id: 'f-ptt', on: '2024-11-04', fact: 'part-time-timetable', plannedEndDate: '2024-12-13', hoursPerWeek: 15, laNotifiedOn: '2024-11-04', why: 'Phased return after suspension' });
  log(t('2024-11-04', 9), sendco, 'psp.created', 'psp-1');
  const pspReviews = [
    review('psp-r1', '2024-11-25', false, 4, 'Attendance 80%; targets partly met.', sendco),
    review('psp-r2', '2024-12-16', true, 4, 'Back to full time; calmer in lessons.', sendco, ['Stay in class for every lesson', 'Use the pass when needed', 'Attend every day']),
    review('psp-r3', '2025-01-13', false, 4, 'Incident in the first week back.', sendco),
  ];
  fact({ id: 'f-ptt-end', on: '2024-12-16', fact: 'part-time-timetable-ended', why: 'Back to full time' });
  fact({ id: 'f-risk', on: '2025-01-21', fact: 'risk-of-permanent-exclusion', atRisk: true, why: 'Serious incident' });
  log(t('2025-02-03', 11), sendco, 'referral.made', 'ref-1');
  move('sc-4', '2025-02-03', 4, 5, 'referral', 'Referred to the educational psychology service', sendco, 'headteacher and parents', 'ref-1');
  pspReviews.push(review('psp-r4', '2025-02-24', false, 5, 'No change since the referral.', sendco));
  log(t('2025-06-10', 11), sendco, 'referral.made', 'ref-2');
  // A mistake put right: the social worker entry was for another pupil.
  fact({ id: 'f-sw', on: '2025-03-03', fact: 'social-worker', has: true, why: 'Child in need plan' });
  fact({ id: 'f-sw-fix', on: '2025-03-03', fact: 'withdrawn', corrects: 'f-sw', why: 'Recorded against the wrong pupil' });

  // 2025/26: EHC needs assessment, a plan issued, support stepped down.
  fact({ id: 'f-ehc', on: '2025-09-01', fact: 'ehc-assessment', status: 'requested', why: 'Needs beyond what the school can provide from its own resources' });
  fact({ id: 'f-ehcp', on: '2026-02-10', fact: 'send', send: 'ehcp', why: 'EHC plan issued by the LA' });
  pcp2Reviews.push(review('pcp-r6', '2026-03-16', true, 5, 'Settled with the EHCP provision in place.', sendco), review('pcp-r7', '2026-05-18', true, 5, 'Sustained positive change.', sendco));
  move('sc-5', '2026-05-18', 5, 4, 'review', 'Two reviews in a row with positive change', sendco, 'parents and the EP', 'pcp-r7');
  fact({ id: 'f-risk-off', on: '2026-05-18', fact: 'risk-of-permanent-exclusion', atRisk: false, why: 'Sustained improvement' });
  pcp2Reviews.push(review('pcp-r8', '2026-10-05', true, 4, 'Good start to Year 9.', sendco));

  const exclusions: Exclusion[] = [
    { id: 'x-1', kind: 'suspension', startDate: '2023-11-14', days: 2, reason: 'Assault on another pupil in the playground', warningsShown: ['lawful-reason'], recordedBy: sendco, recordedAt: t('2023-11-14', 13) },
    { id: 'x-2', kind: 'suspension', startDate: '2024-02-05', days: 3, reason: 'Threatening behaviour towards staff', warningsShown: ['lawful-reason', 'term-days'], recordedBy: sendco, recordedAt: t('2024-02-05', 13) },
    { id: 'x-3', kind: 'suspension', startDate: '2024-10-21', days: 5, reason: 'Persistent disruption and a fight', warningsShown: ['term-days'], recordedBy: sendco, recordedAt: t('2024-10-21', 13) },
    { id: 'x-4', kind: 'suspension', startDate: '2025-01-20', days: 4, reason: 'Serious assault on a pupil', warningsShown: ['lawful-reason', 'term-days'], recordedBy: sendco, recordedAt: t('2025-01-20', 13) },
    { id: 'x-5', kind: 'suspension', startDate: '2025-11-10', days: 1, reason: 'Damage to school property', warningsShown: ['ehcp'], recordedBy: sendco, recordedAt: t('2025-11-10', 13) },
  ];
  for (const x of exclusions) log(x.recordedAt, sendco, 'exclusion.recorded', x.id);
  fact({ id: 'f-return', on: '2024-10-28', fact: 'suspension-return', exclusionId: 'x-3', days: 5, why: 'Reintegration meeting booked' });
  timeline.sort((a, b) => a.at.localeCompare(b.at));

  return PupilCase.parse({
    id: 'case-three-years',
    schoolId: opts.schoolId ?? 'oak-primary',
    pupilRef: opts.pupilRef ?? '4021',
    initials: 'JD',
    yearGroup: 9,
    flags: { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false },
    staffIds: [teacher],
    currentStep: 4,
    riskOfPermanentExclusion: false,
    exclusions,
    pcps: [
      {
        id: 'pcp-1',
        step: 2,
        ownerId: teacher,
        createdAt: t('2023-10-02', 10),
        fields: {
          whoIsThisPupil: 'Enjoys football and art; finds unstructured times and transitions hard.',
          behavioursOfConcern: 'Leaves lessons without permission; refuses work when it feels too hard.',
          behaviourFunction: 'Avoiding tasks that feel too hard; seeking a trusted adult.',
          interventionsStrategies: 'Meet and greet each morning; movement breaks; visual timetable; key adult check-in.',
          successCriteria: 'Stays in lessons for four of five afternoons.',
        },
        reviewDate: '2023-11-20',
        reviews: pcp1Reviews,
        status: 'closed',
        closure: { on: '2024-06-10', outcome: 'replaced', leadsTo: 'new-plan', notes: 'Replaced by a plan led by the SENDCo', by: sendco, at: t('2024-06-10', 10), replacedBy: 'pcp-2' },
      },
      {
        id: 'pcp-2',
        step: 4,
        ownerId: sendco,
        createdAt: t('2024-06-10', 10),
        fields: { behavioursOfConcern: 'Physical aggression when overwhelmed.', interventionsStrategies: 'Nurture group three mornings a week; ELSA sessions; a calm space pass.', environmentalChanges: 'Seat near the door; a quiet room at break.' },
        incidentSupportPlan: { warningSigns: 'Pacing, raised voice, hood up.', deEscalation: 'Offer the calm space; lower demands; one adult speaks.' },
        reviewDate: '2024-07-15',
        reviews: pcp2Reviews,
        status: 'active',
      },
    ],
    psps: [
      {
        id: 'psp-1',
        overseeingLeaderId: 'teams:head-1',
        ownerId: sendco,
        startDate: '2024-11-04',
        targets: ['Stay in class for every lesson', 'Use the time-out pass instead of leaving', 'Attend every morning'],
        fields: { reasonForPsp: 'Returning from a 5-day suspension', previousInterventions: 'PCP with key adult; nurture group', agenciesInvolved: 'Educational psychology service', schoolActions: 'Daily mentor check-in; Educational Psychology consultation' },
        reviewIntervalDays: 21,
        reviews: pspReviews,
        status: 'closed',
        closure: { on: '2025-03-03', outcome: 'not-successful', leadsTo: 'specialist-support', notes: 'Continued through the EP referral', by: sendco, at: t('2025-03-03', 10) },
      },
    ],
    referrals: [
      { id: 'ref-1', date: '2025-02-03', serviceId: 'educational-psychology-service', toLocalAuthority: true, reasons: 'Escalating behaviour despite two PCPs and a PSP', parentalPermission: true, fields: { mainReason: 'Assessment of learning and SEMH needs', otherAgencies: 'School health nurse' }, by: sendco },
      { id: 'ref-2', date: '2025-06-10', serviceId: 'camhs', toLocalAuthority: false, reasons: 'Anxiety and low mood reported by parents', parentalPermission: true, fields: {}, by: sendco },
    ],
    stepChanges,
    facts,
    timeline,
    revision: 0,
    createdAt: t('2023-09-11', 9),
    updatedAt: t('2026-10-05', 14),
  });
}
