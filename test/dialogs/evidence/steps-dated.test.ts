import { describe, expect, it } from 'vitest';
import { runRead } from '../../../src/dialogs/read/run-read.js';
import { renderPdf } from '../../../src/pdf/render-pdf.js';
import { SENDCO, testWorld } from '../../helpers/dialog-context.js';
import { pdfText } from '../../helpers/pdf-text.js';
import { recordedPupil } from '../../helpers/recorded-pupil.js';

/**
 * A fresh tester (an LA officer, 1 Dec) read "1 Dec: added to the record at Step 2" above moves in
 * October and November in the pack's "Steps over time": a record typed in after the events it tells
 * of. The starting step is dated from the first thing recorded. Today is Fri 20 Nov 2026; the pupil's
 * PSP began Mon 2 Nov and a review on Tue 10 Nov moved them from Step 2 to Step 3.
 */
describe('the evidence pack’s steps over time, for a record typed in after the events', () => {
  it('dates the starting step from the first thing recorded, before the moves, and says when it was typed in', async () => {
    const w = await testWorld();
    await recordedPupil(w.cases, SENDCO);
    const views = await runRead(w.ctxFor(SENDCO), { kind: 'evidence', ref: '4021', school: 'oak-primary' });
    const document = views.find((v) => v.file)?.file?.document;
    if (!document) throw new Error('no pack');
    const text = (await pdfText((await renderPdf(document)).bytes)).all.replace(/\s+/g, ' ');
    const start = text.indexOf('Mon 2 Nov 2026 At Step 2 from the first thing recorded (added to the record on Fri 20 Nov 2026)');
    expect(start).toBeGreaterThan(-1);
    expect(text.indexOf('Step 2 to Step 3')).toBeGreaterThan(start);
    expect(text).not.toContain('Added to the record at Step');
  }, 60_000);
});
