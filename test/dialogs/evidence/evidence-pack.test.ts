import { beforeAll, describe, expect, it } from 'vitest';
import { PupilCase } from '../../../src/core/cases/pupil-case.js';
import type { FileOffer, View } from '../../../src/core/views/view.js';
import { runRead } from '../../../src/dialogs/read/run-read.js';
import { recognise } from '../../../src/dialogs/intents.js';
import { renderPdf } from '../../../src/pdf/render-pdf.js';
import { LA_OFFICER, SENDCO, TEACHER, testWorld } from '../../helpers/dialog-context.js';
import { pdfText, type PdfText } from '../../helpers/pdf-text.js';
import { threeYearRecord } from '../../helpers/three-year-record.js';

/** Line breaks and wrapped cells read as one run of words, as a person reads them. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

async function world() {
  const w = await testWorld();
  await w.repo.save(threeYearRecord({ sendco: SENDCO.id, teacher: TEACHER.id }), undefined);
  // The directory names the SENDCo; the teacher has a role but no name, so is named by role and school.
  const directory = [{ ...SENDCO, displayName: 'Sam Patel' }, TEACHER];
  return { ...w, ctxFor: (u: Parameters<typeof w.ctxFor>[0]) => ({ ...w.ctxFor(u), staff: { find: (id: string) => directory.find((m) => m.id === id) } }) };
}

const fileOf = (views: View[]): FileOffer | undefined => views.find((v) => v.file)?.file;

describe('the evidence pack for a pupil with three years of records', () => {
  let offer: FileOffer;
  let pdf: PdfText;
  let text: string;
  let pages: number;
  let audit: { action: string; caseId?: string; outcome: string }[];

  beforeAll(async () => {
    const w = await world();
    const views = await runRead(w.ctxFor(SENDCO), { kind: 'evidence', ref: '4021' });
    offer = fileOf(views)!;
    const rendered = await renderPdf(offer.document!);
    pages = rendered.pages;
    pdf = await pdfText(rendered.bytes);
    text = flat(pdf.all);
    audit = await w.audit.list();
    // The first PDF in a process reads its fonts: slow on a busy machine.
  }, 60_000);

  it('is an A4 PDF whose every page says what it is, the period, that it is special category data, and "Page n of m"', () => {
    expect(pdf.size.width).toBeCloseTo(595.28, 0);
    expect(pdf.size.height).toBeCloseTo(841.89, 0);
    expect(pdf.pages.length).toBe(pages);
    expect(pages).toBeGreaterThan(3);
    pdf.pages.forEach((page, i) => {
      const p = flat(page);
      expect(p).toContain(`Page ${i + 1} of ${pages}`);
      expect(p).toContain('Period Mon 11 Sep 2023 to Fri 20 Nov 2026');
      expect(p).toContain('Special category data: keep secure');
      expect(p).toContain('Produced by Sam Patel (SENDCo, Oak Primary) on Fri 20 Nov 2026 at 10:00 (London time)');
    });
    expect(pdf.info.Title).toBe('Graduated response evidence pack');
  });

  it('names staff by name and role, or role alone, never by their id (issue 13 B.3)', () => {
    expect(text.match(/.{80}(sendco-1|teacher-1).{40}/g) ?? []).toEqual([]);
    expect(text).toContain('staff by name and role where the bot’s directory knows them, never by an id');
  });

  it('names the pupil by reference, initials and year only, and says it holds special category data', () => {
    expect(text).toContain('Pupil ref 4021 (JD), Year 9');
    expect(text).toContain('This document holds special category personal data about a child (UK GDPR Article 9');
    expect(offer.fileName).toBe('evidence-pack-4021-2026-11-20.pdf');
    expect(offer.command).toBe('evidence 4021');
  });

  it('shows every move up and down with why and who agreed it', () => {
    expect(text).toContain('Added to the record at Step 1');
    expect(text).toMatch(/Mon 15 Jan 2024 Step 2 to Step 3 After a review: No positive change after two reviews a teacher at Oak Primary SENDCo and parents/);
    expect(text).toMatch(/Mon 3 Feb 2025 Step 4 to Step 5 On a referral: Referred to the educational psychology service Sam Patel \(SENDCo\) headteacher and parents/);
    expect(text).toMatch(/Mon 18 May 2026 Step 5 to Step 4 After a review: Two reviews in a row with positive change Sam Patel \(SENDCo\) parents and the EP/);
    expect(text).toContain('Now at Step 4: SENDCo takes the lead. 5 moves recorded');
  });

  it('has every PCP and PSP with its fields, targets, reviews, dates and outcome', () => {
    expect(text).toContain('PCP 1: written Mon 2 Oct 2023 at Step 2');
    expect(text).toContain('Meet and greet each morning; movement breaks; visual timetable; key adult check-in.');
    expect(text).toContain('Closed Mon 10 Jun 2024: replaced by PCP 2; leads to a new or updated plan. Closed by Sam Patel (SENDCo).');
    expect(text).toContain('PCP 2: written Mon 10 Jun 2024 at Step 4');
    expect(text).toContain('Incident Support Plan with PCP 2');
    expect(text).toMatch(/Review 2 Mon 15 Jan 2024 Step 2 No positive change No change; two incidents of refusal this half term\. a teacher at Oak Primary/);
    expect(text).toContain('PSP 1: started Mon 4 Nov 2024');
    expect(text).toContain('Stay in class for every lesson');
    expect(text).toContain('Targets amended: Stay in class for every lesson; Use the pass when needed; Attend every day');
    expect(text).toContain('Closed Mon 3 Mar 2025: not successful; leads to specialist support.');
    expect(text).toContain('Plan reviews 12: 5 with positive change, 7 without');
  });

  it('sets each assess–plan–do–review cycle beside the pathway’s numbered actions', () => {
    expect(text).toContain('Cycle 1: PCP 1 at Step 2: Class teacher, pastoral lead or head of year takes the lead');
    expect(text).toMatch(/Plan 5\. Write a Person Centred Plan \(PCP\) or equivalent PCP 1 written Mon 2 Oct 2023 by a teacher at Oak Primary/);
    expect(text).toMatch(/Review 7\. Review: has the plan brought positive change\? Review 1 on Mon 20 Nov 2023: no positive change Review 2 on Mon 15 Jan 2024: no positive change/);
    // PCP 2 ran at Step 4, then Step 5 after the referral, then Step 4 again once support stepped down.
    expect([...text.matchAll(/Cycle \d+: PCP 2 at Step (\d)/g)].map((m) => m[1])).toEqual(['4', '5', '4']);
  });

  it('lists interventions and the services involved', () => {
    expect(text).toContain('Nurture group three mornings a week; ELSA sessions; a calm space pass.');
    // The PSP's "What the school will do" is an intervention too (issue 13, fresh tester: it was left out).
    const interventions = text.slice(text.indexOf('Interventions and services involved'), text.indexOf('Suspensions and exclusions'));
    expect(interventions).toMatch(/What the school will do\s+Daily mentor check-in; Educational Psychology consultation/);
    expect(text).toContain('Services referred to: The Educational Psychology Service (EPS); Children and Adolescent Mental Health Service (CAMHS) (2 referrals).');
  });

  it('counts suspensions in school days, each school year totalled from 1 August', () => {
    expect(text).toMatch(/Exclusion 3 Suspension Mon 21 Oct 2024 to Fri 25 Oct 2024 5 Persistent disruption and a fight the days of suspension this term/);
    expect(text).toMatch(/2023\/24 2 5 2024\/25 2 9 2025\/26 1 1/);
    expect(text).toContain('Suspensions on the record 5 (15 school days as recorded)');
  });

  it('has the referrals, and the EHC request with the LA’s 6- and 20-week dates and the plan issued', () => {
    expect(text).toMatch(/Referral 1 Mon 3 Feb 2025 The Educational Psychology Service \(EPS\) Yes Sam Patel \(SENDCo\)/);
    expect(text).toContain('Escalating behaviour despite two PCPs and a PSP');
    expect(text).toMatch(/Mon 1 Sep 2025 Needs assessment requested Mon 13 Oct 2025 Mon 19 Jan 2026/);
    expect(text).toContain('Tue 10 Feb 2026 EHC plan issued');
    expect(text).toContain('The pupil has an EHC plan, issued Tue 10 Feb 2026.');
  });

  it('keeps a corrected entry visible as a correction, and the facts now leave it out', () => {
    expect(text).toContain('Has a social worker');
    expect(text).toContain('Withdrawn: it should not have been recorded (a correction of an earlier entry)');
    expect(text).toContain('Needs and care now EHCP ');
    // Dates read as staff write them, inside sentences too.
    expect(text).toContain('Part-time timetable from Mon 4 Nov 2024 to Fri 13 Dec 2024, 15 hours a week, the LA told on Mon 4 Nov 2024');
    expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  });

  it('says which guidance the record kept, and labels today’s guidance as today’s, with its sources', () => {
    expect(text).toContain('It does not keep the guidance it showed at other times');
    expect(text).toMatch(/Exclusion 2 Mon 5 Feb 2024 only for a disciplinary reason; the days of suspension this term/);
    expect(text).toContain('Guidance the bot gives now (Fri 20 Nov 2026)');
    expect(text).toContain('Not a record of guidance given before');
    expect(text).toContain('Worcestershire: Graduated Response to Preventing Exclusions, Step 4 – action 13');
    expect(text).toContain('Next action 13. Monitor and review the PCP, stepping up provision.');
  });

  it('ends with the whole chronology, and producing it is audited by ids only', () => {
    expect(text).toContain('PCP 1 (person-centred plan) written at Step 2');
    expect(text).toContain('Suspension of 1 school day (exclusion 5)');
    expect(audit.map((e) => [e.action, e.caseId, e.outcome])).toEqual([
      ['case.read', 'case-three-years', 'allowed'],
      ['evidence-pack.produced', 'case-three-years', 'done'],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/JD|4021|disruption/);
  });
});

describe('who may have an evidence pack', () => {
  it('a teacher who does not work with the pupil gets the same words as for a pupil never recorded, and no file', async () => {
    const w = await world();
    const stranger = { id: 'teacher-2', role: 'teacher' as const, schoolId: 'oak-primary' };
    const views = await runRead(w.ctxFor(stranger), { kind: 'evidence', ref: '4021' });
    expect(fileOf(views)).toBeUndefined();
    expect(JSON.stringify(views)).toContain('I can’t find a pupil with reference 4021 among the pupils you work with');
    expect((await w.audit.list()).map((e) => [e.action, e.outcome])).toEqual([['case.read', 'denied']]);
  });

  it('an LA officer’s pack holds what was referred to the LA, and says the plans stay with the school', async () => {
    const w = await world();
    const views = await runRead(w.ctxFor(LA_OFFICER), { kind: 'evidence', ref: '4021', school: 'oak-primary' });
    const text = flat((await pdfText((await renderPdf(fileOf(views)!.document!)).bytes)).all);
    expect(text).toContain('Made from an LA officer’s copy of the record');
    expect(text).toContain('Educational Psychology Service');
    expect(text).not.toContain('CAMHS');
    expect(text).not.toContain('Persistent disruption');
    expect(text).not.toContain('Meet and greet');
    expect(fileOf(views)!.command).toBe('evidence 4021 at oak-primary');
  });

  it('an LA officer’s pack gives a waiting EHC request with the LA’s own 6- and 20-week dates, never "No request… recorded" under it (issue 13, fresh LA tester)', async () => {
    const w = await world();
    const c = (await w.repo.listBySchool('oak-primary')).find((x) => x.pupilRef === '4021')!;
    await w.cases.recordFact(SENDCO, { schoolId: c.schoolId, id: c.id }, { fact: 'ehc-assessment', status: 'requested', on: '2026-11-20', why: '' });
    const views = await runRead(w.ctxFor(LA_OFFICER), { kind: 'evidence', ref: '4021', school: 'oak-primary' });
    const text = flat((await pdfText((await renderPdf(fileOf(views)!.document!)).bytes)).all);
    expect(text).toContain('Fri 20 Nov 2026 Needs assessment requested Fri 1 Jan 2027 Fri 9 Apr 2027');
    expect(text).not.toContain('No request, decision or plan is recorded');
  });

  it('every pack gives the referral’s "Details of previous exclusions" as dates, kind and length, not the reasons once prefilled (issue 13)', async () => {
    const w = await testWorld();
    const record = threeYearRecord({ sendco: SENDCO.id, teacher: TEACHER.id });
    // A referral saved before the fix (3 Feb 2025), its field prefilled from the record with the reasons as typed.
    const prefilled = record.exclusions.filter((x) => x.startDate <= '2025-02-03').map((x) => `${x.startDate}: ${x.days} days (${x.reason})`).join('; ');
    expect(prefilled).toContain('(Serious assault on a pupil)');
    await w.repo.save({ ...record, referrals: record.referrals.map((r) => (r.id === 'ref-1' ? { ...r, fields: { ...r.fields, previousExclusions: prefilled } } : r)) }, undefined);
    const read = async (who: typeof LA_OFFICER, ask: Parameters<typeof runRead>[1]) => flat((await pdfText((await renderPdf(fileOf(await runRead(w.ctxFor(who), ask))!.document!)).bytes)).all);
    const la = await read(LA_OFFICER, { kind: 'evidence', ref: '4021', school: 'oak-primary' });
    const field = 'Details of previous exclusions Tue 14 Nov 2023: suspension of 2 school days; Mon 5 Feb 2024: suspension of 3 school days; Mon 21 Oct 2024: suspension of 5 school days; Mon 20 Jan 2025: suspension of 4 school days';
    expect(la).toContain(field);
    for (const reason of ['Assault on another pupil', 'Threatening behaviour', 'Persistent disruption', 'Serious assault']) expect(la).not.toContain(reason);
    // The school's own pack too (deliberate change: it used to keep the reasons as sent, and the pack goes to the LA with an EHC request).
    const school = await read(SENDCO, { kind: 'evidence', ref: '4021' });
    // (The school's own suspensions section still gives the reasons: that is the school's record, not the referral.)
    expect(school).toContain(`${field} `);
    expect(school).not.toContain(`${field} (Serious assault`);
  }, 60_000);

  it('a pupil with nothing yet recorded still gets a short pack that says so', async () => {
    const w = await testWorld();
    const c = PupilCase.parse({ ...threeYearRecord({ sendco: SENDCO.id }), id: 'bare', pupilRef: '77', exclusions: [], pcps: [], psps: [], referrals: [], stepChanges: [], facts: [], timeline: [], currentStep: 1, createdAt: '2026-11-02T09:00:00.000Z' });
    await w.repo.save(c, undefined);
    const views = await runRead(w.ctxFor(SENDCO), { kind: 'evidence', ref: '77' });
    const text = flat((await pdfText((await renderPdf(fileOf(views)!.document!)).bytes)).all);
    expect(text).toContain('Period Mon 2 Nov 2026 to Fri 20 Nov 2026');
    expect(text).toContain('No person-centred plan is recorded.');
    expect(text).toContain('No suspension or permanent exclusion is recorded.');
    expect(text).toContain('Page 1 of');
  });
});

describe('asking for it', () => {
  it('reads "evidence 4021", "evidence pack for 4021" and an LA officer’s "evidence 4021 at oak-primary"', () => {
    expect(recognise('evidence 4021')).toEqual({ kind: 'read', read: { kind: 'evidence', ref: '4021' } });
    expect(recognise('Evidence pack for 4021')).toEqual({ kind: 'read', read: { kind: 'evidence', ref: '4021' } });
    expect(recognise('evidence 4021 at oak-primary')).toEqual({ kind: 'read', read: { kind: 'evidence', ref: '4021', school: 'oak-primary' } });
    expect(recognise('evidence')).toEqual({ kind: 'read', read: { kind: 'which', then: 'evidence' } });
  });

  it('the pupil’s summary has an "Evidence pack" button that sends the same words', async () => {
    const w = await world();
    const [summary] = await runRead(w.ctxFor(SENDCO), { kind: 'pupil', ref: '4021' });
    const buttons = summary!.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));
    expect(buttons).toContainEqual({ label: 'Evidence pack', command: 'evidence 4021' });
  });
});
