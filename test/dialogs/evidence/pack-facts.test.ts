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
