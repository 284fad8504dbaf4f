import { describe, expect, it } from 'vitest';
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
});
