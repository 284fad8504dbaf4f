import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../src/core/staff.js';
import type { DialogContext } from '../../../src/dialogs/dialog.js';
import { openForm } from '../../../src/dialogs/form-submit.js';
import { pspDialog } from '../../../src/dialogs/psp.js';
import { runRead } from '../../../src/dialogs/read/run-read.js';
import { onlyReflectors } from '../../../src/dialogs/self-reflection/flow.js';
import { menuFor } from '../../../src/dialogs/views/menu-view.js';
import { renderPdf } from '../../../src/pdf/render-pdf.js';
import { chatter, SENDCO, testWorld } from '../../helpers/dialog-context.js';
import { pdfText } from '../../helpers/pdf-text.js';
import { recordedPupil } from '../../helpers/recorded-pupil.js';

/**
 * Issue 13 §1.1: a fresh head teacher could not make the evidence pack, nor be picked to oversee a
 * PSP (seed 003: a PSP is overseen by a member of the school's leadership team). The headteacher
 * role sees every pupil at their school, makes the pack, oversees PSPs and fills in the
 * self-reflection; moving a step and sharing stay the SENDCo's.
 */
const HEAD: StaffMember = { id: 'teams:head-1', role: 'headteacher', schoolId: 'oak-primary', displayName: 'Jo Bloggs' };
const OTHER_HEAD: StaffMember = { id: 'teams:head-2', role: 'headteacher', schoolId: 'elm-high' };
const directory = [{ ...SENDCO, displayName: 'Sam Patel' }, HEAD, OTHER_HEAD];

async function world() {
  const w = await testWorld();
  await recordedPupil(w.cases, SENDCO);
  const ctxFor = (u: StaffMember): DialogContext => ({ ...w.ctxFor(u), staff: { find: (id) => directory.find((m) => m.id === id), schoolName: (s) => (s === 'oak-primary' ? 'Oak Primary School' : 'Elm High School'), list: () => directory } });
  return { ...w, ctxFor };
}

describe('a headteacher (issue 13 §1.1)', () => {
  it('makes the evidence pack for a pupil at their school, named on it as headteacher; a head at another school finds no such pupil', async () => {
    const w = await world();
    const views = await runRead(w.ctxFor(HEAD), { kind: 'evidence', ref: '4021' });
    const document = views.find((v) => v.file)?.file?.document;
    if (!document) throw new Error('no pack for the head');
    const text = (await pdfText((await renderPdf(document)).bytes)).all.replace(/\s+/g, ' ');
    expect(text).toContain('Produced by Jo Bloggs (headteacher, Oak Primary School)');
    expect(text).toContain('Pupil ref 4021 (AB), Year 8');
    expect((await w.audit.list()).some((a) => a.action === 'evidence-pack.produced' && a.actorId === HEAD.id && a.outcome === 'done')).toBe(true);

    const elsewhere = await runRead(w.ctxFor(OTHER_HEAD), { kind: 'evidence', ref: '4021' });
    expect(elsewhere.some((v) => v.file)).toBe(false);
  }, 60_000);

  it('can be picked to oversee a PSP by the SENDCo', async () => {
    const w = await world();
    const form = (await openForm(pspDialog, w.ctxFor(SENDCO), { pupil: '4021', overseeingLeader: HEAD.id, targets: 'Stay in lessons' })).views.flatMap((v) => v.blocks).find((b) => b.type === 'form');
    const q = form?.type === 'form' ? form.form.questions.find((x) => x.id === 'overseeingLeader') : undefined;
    expect(q?.error).toBeUndefined();
    expect(q?.picked).toEqual({ value: HEAD.id, label: 'Jo Bloggs (headteacher)' });
    // A head at another school cannot see the pupil, so could not open the PSP's reminders.
    const other = (await openForm(pspDialog, w.ctxFor(SENDCO), { pupil: '4021', overseeingLeader: OTHER_HEAD.id, targets: 'Stay in lessons' })).views.flatMap((v) => v.blocks).find((b) => b.type === 'form');
    const refused = other?.type === 'form' ? other.form.questions.find((x) => x.id === 'overseeingLeader') : undefined;
    expect(refused?.error).toContain('does not work with pupil 4021');
  });

  it('fills in the self-reflection and has the pack on the menu, but moving a step and sharing stay with the SENDCo', async () => {
    const w = await world();
    const ctx = { ...w.ctxFor(HEAD), pack: { ...w.pack, selfReflection: w.pack.selfReflection } };
    expect(ctx.pack.selfReflection).toBeDefined();
    expect(onlyReflectors(ctx)).toBeUndefined();
    const menu = menuFor('headteacher').map((m) => m.command);
    expect(menu).toEqual(expect.arrayContaining(['evidence', 'psp', 'self-reflection', 'my pupils']));
    expect(menu).not.toContain('step');
    expect(menu).not.toContain('share');
    expect(menuFor('teacher').map((m) => m.command)).not.toContain('self-reflection');
    const said = await chatter(ctx).say('step 4021');
    expect(said).toContain('Only a SENDCo can');
  });
});
