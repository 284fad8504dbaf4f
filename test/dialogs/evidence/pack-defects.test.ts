import { describe, expect, it } from 'vitest';
import type { CaseService } from '../../../src/core/cases/case-service.js';
import { reinstate } from '../../../src/core/exclusions/reinstated.js';
import { withdrawExclusion } from '../../../src/core/exclusions/withdrawn.js';
import { addReferral, recordExclusion } from '../../../src/core/plans/plan-changes.js';
import type { StaffMember } from '../../../src/core/staff.js';
import type { DialogContext } from '../../../src/dialogs/dialog.js';
import { runRead } from '../../../src/dialogs/read/run-read.js';
import { knownForReferral } from '../../../src/dialogs/referral-known.js';
import { renderPdf } from '../../../src/pdf/render-pdf.js';
import { SENDCO, testWorld } from '../../helpers/dialog-context.js';
import { pdfText } from '../../helpers/pdf-text.js';
import { recordedPupil } from '../../helpers/recorded-pupil.js';

/**
 * Issue 13 §1: what a fresh SENDCo/head tester found wrong in the evidence pack, read back from the
 * PDF as a panel reads it. The SENDCo here is the local chat's user, with no name of their own; the
 * staff file names them "Sam Patel" and names the school "Oak Primary School".
 */
const directory: StaffMember[] = [{ ...SENDCO, displayName: 'Sam Patel' }];
const SCHOOLS: Record<string, string> = { 'oak-primary': 'Oak Primary School' };

async function world() {
  const w = await testWorld();
  const ctxFor = (u: StaffMember): DialogContext => ({ ...w.ctxFor(u), staff: { find: (id) => directory.find((m) => m.id === id), schoolName: (s) => SCHOOLS[s] ?? s, list: () => directory } });
  return { ...w, ctxFor };
}

/** The pack for pupil `ref` as `user` makes it, its text with runs of white space made one. */
async function packText(ctx: DialogContext, ref = '4021'): Promise<string> {
  const views = await runRead(ctx, { kind: 'evidence', ref });
  const document = views.find((v) => v.file)?.file?.document;
  if (!document) throw new Error(`no pack for ${ref}`);
  return (await pdfText((await renderPdf(document)).bytes)).all.replace(/\s+/g, ' ');
}

const times = (text: string, words: string) => text.split(words).length - 1;

const NO_SEN = { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false };

/**
 * Pupil 5001 (CD, Year 9), no SEN recorded, at Step 4: a 3-day suspension from Mon 2 Nov withdrawn
 * on Thu 5 Nov (recorded by mistake), a 2-day one from Mon 9 Nov that stands, a permanent exclusion
 * from Mon 16 Nov, and on Wed 18 Nov a referral to the LA (which moves the stored step to 5).
 * `reinstated`: the governors reinstated the pupil on Thu 19 Nov.
 */
async function excludedPupil(cases: CaseService, opts: { reinstated?: boolean } = {}) {
  const c = await cases.create(SENDCO, { pupilRef: '5001', initials: 'CD', yearGroup: 9, flags: NO_SEN, currentStep: 4, riskOfPermanentExclusion: true });
  const ref = { schoolId: c.schoolId, id: c.id };
  const mistaken = await cases.change(SENDCO, ref, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-11-02', days: 3, reason: 'Fighting' }, cc));
  await cases.change(SENDCO, ref, 'exclusion.withdrawn', (x, cc) => withdrawExclusion(x, mistaken.exclusions[0]!.id, 'Recorded for the wrong pupil', cc, '2026-11-05'));
  await cases.change(SENDCO, ref, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-11-09', days: 2, reason: 'Swearing at staff' }, cc));
  const pex = await cases.change(SENDCO, ref, 'exclusion.permanent', (x, cc) => recordExclusion(x, { kind: 'permanent', startDate: '2026-11-16', days: 0, reason: 'Serious assault' }, cc));
  await cases.change(SENDCO, ref, 'referral.create', (x, cc) =>
    addReferral(x, { date: '2026-11-18', serviceId: 'education-engagement-inclusion-team', toLocalAuthority: true, reasons: 'Permanently excluded: provision from day 6', parentalPermission: true, fields: {} }, cc),
  );
  if (opts.reinstated) await cases.change(SENDCO, ref, 'exclusion.reinstated', (x, cc) => reinstate(x, { exclusionId: pex.exclusions.at(-1)!.id, on: '2026-11-19', decidedBy: 'governors', why: '' }, cc));
}

describe('the evidence pack after issue 13 §1', () => {
  it('names who produced it by name and role from the staff file, and the school as the staff file does (§1.5, §1.7)', async () => {
    const w = await world();
    await recordedPupil(w.cases, SENDCO);
    const text = await packText(w.ctxFor(SENDCO));
    expect(text).toContain('Produced by Sam Patel (SENDCo, Oak Primary School) on Fri 20 Nov 2026');
    expect(text).toContain('School Oak Primary School');
    expect(text).not.toMatch(/Oak Primary(?! School)/);
  }, 60_000);

  it('prints a referral’s main reason once, under the form’s label, not again as "Reasons for referral" (§1.6)', async () => {
    const w = await world();
    await recordedPupil(w.cases, SENDCO);
    const text = await packText(w.ctxFor(SENDCO));
    expect(text).toContain('Main reason for referral Escalating incidents despite a PSP');
    expect(times(text, 'Escalating incidents despite a PSP')).toBe(1);
    expect(text).not.toContain('Reasons for referral');
  }, 60_000);

  it('fills the referral form’s school name as the staff file names the school (§1.7)', async () => {
    const w = await world();
    const c = await recordedPupil(w.cases, SENDCO);
    expect((await knownForReferral(w.ctxFor(SENDCO), c)).schoolName).toBe('Oak Primary School');
  });

  it('marks a withdrawn suspension and a permanent exclusion the governors overturned, and counts neither (§1.2)', async () => {
    const w = await world();
    await excludedPupil(w.cases, { reinstated: true });
    const text = await packText(w.ctxFor(SENDCO), '5001');
    expect(text).toContain('Exclusion 1 Suspension: Withdrawn Thu 5 Nov 2026, not counted Mon 2 Nov 2026 to Wed 4 Nov 2026 (3) Fighting');
    expect(text).toContain('Exclusion 2 Suspension Mon 9 Nov 2026 to Tue 10 Nov 2026 2 Swearing at staff');
    expect(text).toContain('Exclusion 3 Permanent exclusion: Reinstated by the governors Thu 19 Nov 2026, not counted From Mon 16 Nov 2026');
    expect(text).toContain('Suspensions on the record 1 (2 school days as recorded; 1 more withdrawn, not counted)');
    expect(text).toMatch(/School year \(from 1 August\) Suspensions School days 2026\/27 1 2 /);
    // Reinstated, the pupil is back on the school's steps, at the step the record gives.
    expect(text).toContain('Step now Step 5: ');
    expect(text).toContain('Permanent exclusion None');
  }, 60_000);

  it('gives a pupil referred after a permanent exclusion as off the school’s steps, at the step they were excluded at, not "Step 5" (§1.3)', async () => {
    const w = await world();
    await excludedPupil(w.cases);
    const text = await packText(w.ctxFor(SENDCO), '5001');
    expect(text).toContain('Step now Off the school’s steps: permanently excluded from Mon 16 Nov 2026, when at Step 4: SENDCo takes the lead');
    expect(text).toContain('Now off the school’s steps: permanently excluded from Mon 16 Nov 2026, when at Step 4');
    expect(text).not.toMatch(/Step now Step 5/);
    // The chronology still says what happened: the referral moved the record's step.
    expect(text).toContain('Step 4 to Step 5');
  }, 60_000);

  it('does not suggest an EHC needs assessment for a pupil with no SEN recorded, and does with SEN support (§1.4)', async () => {
    const w = await world();
    await excludedPupil(w.cases, { reinstated: true });
    expect(await packText(w.ctxFor(SENDCO), '5001')).not.toContain('Consider requesting an EHC needs assessment');
    const c = (await w.cases.findByRef(SENDCO, '5001'))!;
    await w.cases.change(SENDCO, { schoolId: c.schoolId, id: c.id }, 'case.facts', (x) => ({ ...x, flags: { ...x.flags, senSupport: true } }));
    expect(await packText(w.ctxFor(SENDCO), '5001')).toContain('Worth knowing Consider requesting an EHC needs assessment');
  }, 60_000);
});
