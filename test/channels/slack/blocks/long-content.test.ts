import { describe, expect, it } from 'vitest';
import { noticeView } from '../../../../src/app/la-notices.js';
import { detailsModal } from '../../../../src/channels/slack/blocks/details-modal.js';
import { formModal, resultModal } from '../../../../src/channels/slack/blocks/form-modal.js';
import { messageFrom } from '../../../../src/channels/slack/blocks/message.js';
import { FIELD_MAX, NOTES_MAX } from '../../../../src/core/cases/text-limits.js';
import { dueItems } from '../../../../src/core/reminders/due-items.js';
import { planSends } from '../../../../src/core/reminders/plan-sends.js';
import type { FormView, View } from '../../../../src/core/views/view.js';
import { runLaReport } from '../../../../src/dialogs/la-report.js';
import { digestView, reminderView } from '../../../../src/dialogs/reminder-views.js';
import { menuView } from '../../../../src/dialogs/views/menu-view.js';
import { at, every3, pcp, psp } from '../../../core/reminders/plans.js';
import { LA_OFFICER, testWorld } from '../../../helpers/dialog-context.js';
import { saveLaCases } from '../../../helpers/la-world.js';
import { makeCase } from '../../../helpers/make-case.js';
import { everyReply, formOf, openedWithPupil, submitAll, unrecordedGuidance } from '../../teams/cards/replies.js';
import { worldWithPupil } from '../../teams/cards/world.js';
import { slackViolations } from './limits.js';

/**
 * Issue 12: every kind of view the Slack adapter sends, with long realistic content, within
 * Block Kit's limits (section text 3,000, 50 blocks a message and 100 a modal, header 150, button
 * and option text 75, modal title 24, 100 options a select, 10 context elements, ids 255; all
 * checked by `slackViolations`). Read views at their largest are in read-views-limits.test.ts,
 * and every reply at ordinary length in every-view.test.ts; this adds the LA report over a long
 * period, reminders and a digest for a school with many pupils due, the LA notice with long
 * names, guidance after long notes (safeguarding words included), forms coming back with every
 * field typed at its limit, and the details modal.
 */

/** Staff's words at a field's limit, as someone might write them. */
const words = (max: number, start = 'He finds transitions hard and leaves lessons when anxious; ') => start.padEnd(max, 'staff have tried a key adult check-in & a time-out card <when needed>. ').slice(0, max);

const w = await worldWithPupil();
const kinds: [string, View[]][] = [['menu', [menuView()]]];

// Guidance after notes as long as the form takes, with words that raise a safeguarding notice.
kinds.push(['guidance after long notes with a safeguarding worry', await unrecordedGuidance(w.ctx, words(NOTES_MAX, 'She says she is scared to go home and has bruises on her arms. '))]);
kinds.push(['guidance after long ordinary notes', await unrecordedGuidance(w.ctx, words(NOTES_MAX))]);

// The LA report over fifteen months.
const la = await testWorld();
await saveLaCases(la.repo);
kinds.push(['LA report, 15 months', await runLaReport(la.ctxFor(LA_OFFICER), { from: '2025-09-01', to: '2026-11-30', csv: false })]);

// Reminders and the weekly digest for a school with 80 pupils due or overdue.
const cases = Array.from({ length: 80 }, (_, i) =>
  makeCase({ id: `case-${i}`, pupilRef: `${5000 + i}`, initials: 'ZZ', pcps: [pcp(i % 2 ? '2026-11-30' : '2026-11-16', { id: `pcp-${i}` })], psps: i % 3 ? [] : [psp('2026-10-19', { id: `psp-${i}` })] }),
);
const items = dueItems(cases, { pack: w.pack, calendar: w.ctx.calendar, today: '2026-11-30' });
const plan = planSends(items, { sends: {}, people: {} }, { now: at('2026-11-30T08:00:00Z'), calendar: w.ctx.calendar, settings: every3, sendcosAt: () => ['teams:sendco'] });
for (const s of plan.sends.slice(0, 3)) kinds.push([`reminder: ${s.item.title}`, [reminderView(s, 'a'.repeat(64), '2026-11-30')]]);
for (const d of plan.digests) kinds.push([`digest of ${d.overdue.length} overdue and ${d.due.length} due`, [digestView(d, 'The Very Long Named Church of England Voluntary Aided Primary and Nursery School')]]);

// The LA notice, unacknowledged and taken on, with names at their longest.
const c = cases[0]!;
const referral = { id: 'ref-1', date: '2026-11-19', serviceId: 'education-engagement-inclusion-team', toLocalAuthority: true, reasons: words(FIELD_MAX), parentalPermission: true, fields: {}, by: 'teams:sendco', recordedAt: '2026-11-19T10:00:00Z' };
const notice = { schoolId: c.schoolId, caseId: c.id, referralId: 'ref-1', referrerId: 'teams:sendco', state: 'posted' as const, attempts: 1 };
const longName = 'Alexandra Catherine Montgomery-Fitzwilliam Smythe-Worthington (Inclusion)'.padEnd(80, 'x');
kinds.push(['LA notice', [noticeView('n'.repeat(40), notice, c, referral as never, 'Education Engagement and Inclusion Team (Worcestershire Children First)', 'The Very Long Named Church of England Voluntary Aided Primary and Nursery School')]]);
kinds.push(['LA notice, taken on', [noticeView('n'.repeat(40), { ...notice, acknowledged: { by: 'x', name: longName, at: '2026-11-20T09:00:00Z' }, assigned: { to: 'x', name: longName, at: '2026-11-20T09:05:00Z' } }, c, referral as never, undefined, 'Oak Primary')]]);

// Forms coming back with everything typed at its limit kept (a date that does not exist sends them back).
const forms: [string, FormView][] = [];
for (const id of ['pcp', 'psp', 'refer', 'review', 'update', 'exclusion']) {
  const opened = await openedWithPupil(w.ctx, id).catch(() => undefined);
  if (!opened) continue;
  const values = Object.fromEntries(opened.questions.map((q) => [q.id, q.id === 'pupil' ? '4021' : 'lookup' in q && q.lookup ? '' : /date/i.test(q.id) ? '31/02/2027' : q.kind === 'text' || q.kind === undefined ? words(FIELD_MAX) : '']));
  const back = await submitAll(w.ctx, id, opened, values);
  forms.push([`${id}, opened`, opened]);
  if (!back.done) forms.push([`${id}, back with long answers kept`, formOf(back)]);
}

// Everything else the bot says, as result and details modals too.
const replies = Object.entries(await everyReply(w.ctx));

describe('Slack limits with long realistic content (issue 12)', () => {
  it('covers the menu, guidance, the LA report, reminders, a digest, LA notices and forms', () => {
    const names = kinds.map(([n]) => n).join('\n');
    for (const k of ['menu', 'guidance', 'LA report', 'reminder', 'digest', 'LA notice']) expect(names).toContain(k);
    expect(plan.digests[0]!.overdue.length + plan.digests[0]!.due.length).toBeGreaterThan(50);
    expect(forms.filter(([n]) => n.includes('back with long answers')).length).toBeGreaterThan(2);
  });

  it('the digest names every one of the 80 pupils due, none dropped to fit', () => {
    const digest = JSON.stringify(messageFrom(kinds.find(([n]) => n.startsWith('digest'))![1]));
    expect(new Set(digest.match(/ref 5\d{3}/g)).size).toBe(80);
  });

  it.each(kinds)('%s: a message, a result modal and a details modal within every limit', (_name, views) => {
    expect(slackViolations(messageFrom(views), 'message')).toEqual([]);
    expect(slackViolations(resultModal(views, _name), 'modal')).toEqual([]);
    expect(slackViolations(detailsModal(views), 'modal')).toEqual([]);
  });

  it.each(forms)('form %s: a modal within every limit, nothing typed cut', (_name, form) => {
    const modal = formModal(form);
    expect(slackViolations(modal, 'modal')).toEqual([]);
    for (const q of form.questions) if (typeof q.value === 'string' && q.value.length > 100) expect(JSON.stringify(modal)).toContain(JSON.stringify(q.value).slice(1, -1).slice(-60));
  });

  it.each(replies)('%s: as a details modal within every limit', (_name, views) => {
    expect(slackViolations(detailsModal(views), 'modal')).toEqual([]);
  });
});
