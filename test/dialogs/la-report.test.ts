import { describe, expect, it } from 'vitest';
import { recognise } from '../../src/dialogs/intents.js';
import { runLaReport } from '../../src/dialogs/la-report.js';
import { asksForFile } from '../../src/dialogs/read/read-request.js';
import { chatter, LA_OFFICER, SENDCO, TEACHER, ADMIN, testWorld } from '../helpers/dialog-context.js';
import { laCases, saveLaCases } from '../helpers/la-world.js';
import { recordedPupil } from '../helpers/recorded-pupil.js';

async function world() {
  const w = await testWorld();
  await saveLaCases(w.repo);
  return w;
}

describe('la report in a conversation', () => {
  it('is recognised with or without dates, and with csv', () => {
    expect(recognise('la report')).toEqual({ kind: 'la-report', request: { csv: false } });
    expect(recognise('LA report 2026-09-01 2026-11-30')).toEqual({ kind: 'la-report', request: { from: '2026-09-01', to: '2026-11-30', csv: false } });
    expect(recognise('la report csv from 2026-09-01 to 2026-11-30')).toEqual({ kind: 'la-report', request: { from: '2026-09-01', to: '2026-11-30', csv: true } });
    expect(recognise('la-report 2026-09-01')).toEqual({ kind: 'la-report', request: { from: '2026-09-01', csv: false } });
    expect(recognise('la report 1/9/2026 30/11/2026')).toEqual({ kind: 'la-report', request: { from: '1/9/2026', to: '30/11/2026', csv: false } });
  });

  it('shows an LA officer the figures from referred records only, with small numbers withheld', async () => {
    const w = await world();
    const reply = await chatter(w.ctxFor(LA_OFFICER)).say('la report 2026-09-01 2026-11-30');
    expect(reply).toContain('LA figures, Tue 1 Sep 2026 to Mon 30 Nov 2026');
    expect(reply).toContain('Pupils referred to the LA in this period (a referral dated in it): 11 pupils, from 2 schools.');
    // September 6, October 2 (fewer than 5), November 3 (fewer than 5): two small numbers protect each other.
    expect(reply).toMatch(/Sep 2026 +6\n/);
    expect(reply).toMatch(/Oct 2026 +withheld\n/);
    expect(reply).toMatch(/Nov 2026 +withheld\n/);
    expect(reply).toMatch(/Total +11\n/);
    // The pupil never referred had 9 suspensions in September: they are not there.
    expect(reply).toMatch(/Sep 2026 +6 +0 +6\n/);
    expect(reply).not.toContain('stays with the school');
    expect(reply).toContain('la report csv 1/9/2026 30/11/2026');
    expect(reply).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('says "fewer than 5 pupils" in its opening sentence when the pupils are few, never "withheld pupils" (tester, issue 13)', async () => {
    const w = await testWorld();
    for (const c of laCases().slice(0, 3)) await w.repo.save(c, undefined);
    const reply = await chatter(w.ctxFor(LA_OFFICER)).say('la report 2026-09-01 2026-11-30');
    expect(reply).toContain('Pupils referred to the LA in this period (a referral dated in it): fewer than 5 pupils, from 1 school.');
    expect(reply).not.toContain('withheld pupils');
  });

  it('audits the report by ids only: one line per school whose records were read', async () => {
    const w = await world();
    await chatter(w.ctxFor(LA_OFFICER)).say('la report 2026-09-01 2026-11-30');
    const lines = (await w.audit.list({ actorId: LA_OFFICER.id })).filter((e) => e.action.startsWith('la-report'));
    expect(lines.map((e) => [e.action, e.schoolId, e.outcome]).sort()).toEqual([
      ['la-report:2026-09-01:2026-11-30', 'elm-high', 'allowed'],
      ['la-report:2026-09-01:2026-11-30', 'oak-primary', 'allowed'],
    ]);
    for (const e of lines) expect(Object.keys(e).sort()).toEqual(['action', 'actorId', 'at', 'outcome', 'schoolId']);
  });

  it('refuses anyone who is not an LA officer, and audits the refusal', async () => {
    const w = await world();
    for (const who of [SENDCO, TEACHER, ADMIN]) {
      const reply = await chatter(w.ctxFor(who)).say('la report');
      expect(reply).toContain('Only LA officers can see the LA’s figures.');
      expect(reply).not.toContain('Referrals');
    }
    expect((await w.audit.list({ actorId: SENDCO.id })).some((e) => e.action.startsWith('la-report') && e.outcome === 'denied')).toBe(true);
  });

  it('offers the CSV as a file with the reply, for the channel to give its way, audited as a CSV', async () => {
    const w = await world();
    const views = await runLaReport(w.ctxFor(LA_OFFICER), { from: '1/9/2026', to: '30/11/2026', csv: true });
    const file = views.find((v) => v.file)?.file;
    expect(file).toMatchObject({ fileName: 'la-report-2026-09-01-to-2026-11-30.csv', title: 'LA figures, Tue 1 Sep 2026 to Mon 30 Nov 2026', command: 'la report csv 1/9/2026 30/11/2026' });
    expect(file!.document).toBeUndefined();
    expect(file!.csv).toContain('Referrals to the LA by month,Oct 2026,Referrals,withheld\r\n');
    expect(asksForFile(file!.command)).toBe(true);
    const words = JSON.stringify(views.map((v) => v.blocks));
    expect(words).toContain('la report 1/9/2026 30/11/2026');
    expect((await w.audit.list({ actorId: LA_OFFICER.id })).some((e) => e.action === 'la-report.csv:2026-09-01:2026-11-30')).toBe(true);
    // A SENDCo asking gets no file.
    expect((await runLaReport(w.ctxFor(SENDCO), { csv: true })).some((v) => v.file)).toBe(false);
  });

  it('understands months: "2026-09 - 2026-11", "sep to nov", "September 2026 to November 2026" all give September to November (issue 13 B.7)', async () => {
    expect(recognise('la report 2026-09 - 2026-11')).toEqual({ kind: 'la-report', request: { from: '2026-09', to: '2026-11', csv: false } });
    expect(recognise('la report sep to nov')).toEqual({ kind: 'la-report', request: { from: 'sep', to: 'nov', csv: false } });
    const w = await world();
    const c = chatter(w.ctxFor(LA_OFFICER));
    for (const asked of ['la report 2026-09 - 2026-11', 'la report sep to nov', 'la report September 2026 to November 2026', 'la report 9/2026 11/2026']) {
      const reply = await c.say(asked);
      expect(reply, asked).toContain('LA figures, Tue 1 Sep 2026 to Mon 30 Nov 2026');
      expect(reply, asked).toMatch(/Total +11\n/);
      expect(reply, asked).not.toContain('widened');
    }
    // One month alone is that month.
    expect(await c.say('la report oct')).toContain('LA figures, Thu 1 Oct 2026 to Sat 31 Oct 2026');
  });

  it('reports whole calendar months only: dates inside a month widen to it, and the reply says so (issue 13 B.2)', async () => {
    const w = await world();
    const c = chatter(w.ctxFor(LA_OFFICER));
    const reply = await c.say('la report 3/11/2026 20/11/2026');
    expect(reply).toContain('LA figures, Sun 1 Nov 2026 to Mon 30 Nov 2026');
    expect(reply).toContain('widened to the months they fall in');
    // Overlapping windows inside November are the same report, so differencing them gives nothing.
    const other = await c.say('la report 1/11/2026 30/11/2026');
    expect(other).not.toContain('widened');
    const figures = (r: string) => r.slice(r.indexOf('== LA figures'));
    expect(figures(other)).toBe(figures(reply));
  });

  it('names schools as the staff directory does, the one source of a school’s name, never by id (issue 13 B.3)', async () => {
    const w = await world();
    const ctx = { ...w.ctxFor(LA_OFFICER), staff: { find: () => undefined, schoolName: (id: string) => (id === 'oak-primary' ? 'Oak Primary School' : `${id} named`) } };
    const reply = await chatter(ctx).say('la report sep to nov');
    expect(reply).toMatch(/Oak Primary School +\d+|Oak Primary School +withheld/);
    expect(reply).not.toMatch(/oak-primary/);
  });

  it('a period not yet begun says there are no figures yet, not tables of blanks (issue 13 B.7)', async () => {
    const w = await world();
    const reply = await chatter(w.ctxFor(LA_OFFICER)).say('la report 2027-01 - 2027-03');
    expect(reply).toContain('No figures yet: this period starts after today (Fri 20 Nov 2026)');
    expect(reply).not.toContain('Referrals to the LA by month');
  });

  it('says what is wrong with a period it cannot use', async () => {
    const w = await world();
    const c = chatter(w.ctxFor(LA_OFFICER));
    expect(await c.say('la report 2026-11-30 2026-09-01')).toContain('The period must start before it ends');
    expect(await c.say('la report 2026-02-30')).toContain('2026-02-30 is not a real date');
    expect(await c.say('la report 30/11/2026 1/9/2026')).toContain('The period must start before it ends');
    expect(await c.say('la report 2024-01-01 2026-11-30')).toContain('at most 24 months');
  });

  it('counts day-6 provision as met once "update" records full-time provision starting by the day it was due', async () => {
    const w = await testWorld();
    const c = await recordedPupil(w.cases, SENDCO);
    const ref = { schoolId: c.schoolId, id: c.id };
    // Monday 2 November 2026; with no term dates, school day 6 is Monday 9 November.
    const { recordExclusion } = await import('../../src/core/plans/plan-changes.js');
    await w.cases.change(SENDCO, ref, 'exclusion.permanent', (x, cc) => recordExclusion(x, { kind: 'permanent', startDate: '2026-11-02', days: 0, reason: 'r', warningsShown: [] }, cc));
    const before = await chatter(w.ctxFor(LA_OFFICER)).say('la report 2026-11-01 2026-11-30');
    expect(before).toMatch(/Missed: no start recorded +withheld/);
    const sendco = chatter(w.ctxFor(SENDCO));
    await sendco.say('update 4021');
    const saved = await sendco.script(['full-time provision started', '2026-11-09', '']);
    expect(saved).toContain('full-time provision started on Mon 9 Nov 2026 after an exclusion (the day-6 duty)');
    const after = await chatter(w.ctxFor(LA_OFFICER)).say('la report 2026-11-01 2026-11-30');
    expect(after).toMatch(/Met +withheld\n/);
    expect(after).toMatch(/Missed: no start recorded +0/);
  });
});
