import { describe, expect, it } from 'vitest';
import { recordExclusion } from '../../src/core/plans/plan-changes.js';
import { runRead } from '../../src/dialogs/read/run-read.js';
import { renderPdf } from '../../src/pdf/render-pdf.js';
import { chatter, LA_OFFICER, SENDCO, testWorld } from '../helpers/dialog-context.js';
import { pdfText } from '../helpers/pdf-text.js';
import { recordedPupil } from '../helpers/recorded-pupil.js';

/**
 * Issue 13, day-6 provision as the LA sees it: once the school records full-time provision as
 * started, an LA officer's pupil page, deadlines and evidence pack read it as the school's do, and
 * every view says which school day of the exclusion it started on and how late (001, the day-6 duty).
 * Today in the test world is Fri 20 Nov 2026; no term dates, so school days are weekdays.
 */

const flat = (s: string) => s.replace(/\s+/g, ' ');

async function packFor(w: Awaited<ReturnType<typeof testWorld>>, who: typeof SENDCO): Promise<string> {
  const views = await runRead(w.ctxFor(who), { kind: 'evidence', ref: '4021', school: 'oak-primary' });
  const file = views.find((v) => v.file)?.file;
  if (!file?.document) throw new Error('no pack');
  return flat((await pdfText((await renderPdf(file.document)).bytes)).all);
}

/**
 * Pupil 4021, referred to the LA, with a 6-day suspension from Mon 2 Nov (day 6 is Mon 9 Nov) and a
 * 6-day suspension from Mon 19 Oct recorded by mistake and withdrawn.
 */
async function world() {
  const w = await testWorld();
  const c = await recordedPupil(w.cases, SENDCO);
  const ref = { schoolId: c.schoolId, id: c.id };
  const mistaken = await w.cases.change(SENDCO, ref, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-10-19', days: 6, reason: 'r', warningsShown: [] }, cc));
  await w.cases.withdrawExclusion(SENDCO, ref, mistaken.exclusions.at(-1)!.id, 'Recorded for the wrong pupil', '2026-11-20');
  await w.cases.change(SENDCO, ref, 'exclusion.suspension', (x, cc) => recordExclusion(x, { kind: 'suspension', startDate: '2026-11-02', days: 6, reason: 'r', warningsShown: [] }, cc));
  return { w, ref };
}

describe('day-6 provision recorded as started, as an LA officer sees it', () => {
  it('before anything is recorded the LA and the school both see it overdue, and the withdrawn suspension brings no day-6 date', async () => {
    const { w } = await world();
    for (const who of [SENDCO, LA_OFFICER]) {
      const page = await chatter(w.ctxFor(who)).say('pupil 4021 at oak-primary');
      expect(page).toContain('Full-time provision from day 6 of the suspension: Mon 9 Nov 2026: overdue');
      // The withdrawn one, from Mon 19 Oct, had its day 6 on Mon 26 Oct.
      expect(page).not.toContain('Mon 26 Oct 2026');
    }
  });

  it('once the school records provision started on day 7, the LA’s page, deadlines and pack say started, 1 school day late, not overdue', async () => {
    const { w } = await world();
    const sendco = chatter(w.ctxFor(SENDCO));
    await sendco.say('update 4021');
    const saved = await sendco.script(['full-time provision started', '2026-11-10', 'Place at the Beacon centre']);
    // The confirmation names the school day it started on and how late, never "(day 6)".
    expect(saved).toContain('full-time provision started on Tue 10 Nov 2026 after an exclusion (the day-6 duty)');
    expect(saved).toContain('Full-time provision after the suspension from Mon 2 Nov 2026 started on Tue 10 Nov 2026, school day 7 of the suspension: 1 school day late (due day 6, Mon 9 Nov 2026).');
    expect(saved).not.toContain('(day 6)');

    const la = chatter(w.ctxFor(LA_OFFICER));
    const schoolPage = await sendco.say('pupil 4021');
    const laPage = await la.say('pupil 4021 at oak-primary');
    for (const page of [schoolPage, laPage]) {
      expect(page).not.toContain('Full-time provision from day 6 of the suspension');
      expect(page).toContain('Day-6 provision');
      expect(page).toContain('started on Tue 10 Nov 2026, school day 7 of the suspension: 1 school day late (due day 6, Mon 9 Nov 2026)');
    }
    expect(await la.say('deadlines this week')).not.toContain('Full-time provision');

    const laPack = await packFor(w, LA_OFFICER);
    expect(laPack).toContain('Mon 9 Nov 2026 Tue 10 Nov 2026, school day 7: 1 school day late');
    expect(laPack).not.toContain('Not recorded');
    // The withdrawn suspension is listed, but brings no day-6 row and counts in no school year's total.
    expect(laPack).toContain('Suspensions in each school year School year (from 1 August) Suspensions School days 2026/27 2 8');
    expect(await packFor(w, SENDCO)).toContain('Mon 9 Nov 2026 Tue 10 Nov 2026, school day 7: 1 school day late');

    // The LA's chronology has the day it started, but not who recorded it or why.
    const timeline = await la.say('timeline 4021 at oak-primary');
    expect(timeline).toContain('Tue 10 Nov 2026: Full-time provision started after an exclusion (the day-6 duty)');
    expect(timeline).not.toContain('Beacon');
    expect(timeline).not.toContain('Recorded for the wrong pupil');
  });

  it('provision started on day 6 is on time', async () => {
    const { w } = await world();
    const sendco = chatter(w.ctxFor(SENDCO));
    await sendco.say('update 4021');
    const saved = await sendco.script(['full-time provision started', '2026-11-09', '']);
    expect(saved).toContain('started on Mon 9 Nov 2026, school day 6 of the suspension: on time (due by day 6, Mon 9 Nov 2026)');
    expect(await chatter(w.ctxFor(LA_OFFICER)).say('pupil 4021 at oak-primary')).toContain('school day 6 of the suspension: on time');
  });

  it('a permanent exclusion the governors overturned brings no day-6 date on the LA’s page, as on the school’s', async () => {
    const { w, ref } = await world();
    const c = await w.cases.change(SENDCO, ref, 'exclusion.permanent', (x, cc) => recordExclusion(x, { kind: 'permanent', startDate: '2026-11-12', days: 0, reason: 'r', warningsShown: [] }, cc));
    const permanentId = c.exclusions.at(-1)!.id;
    const before = await chatter(w.ctxFor(LA_OFFICER)).say('pupil 4021 at oak-primary');
    expect(before).toContain('Full-time provision from day 6 of the permanent exclusion');
    await w.cases.reinstate(SENDCO, ref, { exclusionId: permanentId, on: '2026-11-13', decidedBy: 'governors', why: 'Governors overturned it' });
    for (const who of [SENDCO, LA_OFFICER]) expect(await chatter(w.ctxFor(who)).say('pupil 4021 at oak-primary')).not.toContain('Full-time provision from day 6 of the permanent exclusion');
  });
});
