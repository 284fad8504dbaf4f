import { describe, expect, it } from 'vitest';
import { messageFrom } from '../../src/channels/slack/blocks/message.js';
import { renderCard } from '../../src/channels/teams/cards/render-card.js';
import { noticeView } from '../../src/app/la-notices.js';
import { renderText } from '../../src/chat/render-text.js';
import { dueItems } from '../../src/core/reminders/due-items.js';
import { planSends } from '../../src/core/reminders/plan-sends.js';
import { closePlan } from '../../src/core/plans/close-plan.js';
import { addPastoralSupportPlan, setStep } from '../../src/core/plans/plan-changes.js';
import type { StaffMember } from '../../src/core/staff.js';
import type { View } from '../../src/core/views/view.js';
import type { DialogContext } from '../../src/dialogs/dialog.js';
import { recogniseRead } from '../../src/dialogs/read/read-request.js';
import { runRead } from '../../src/dialogs/read/run-read.js';
import { digestView, reminderView } from '../../src/dialogs/reminder-views.js';
import { converse, newConversation } from '../../src/dialogs/conversation.js';
import { openForm } from '../../src/dialogs/form-submit.js';
import { grantDialog } from '../../src/dialogs/grant.js';
import { pspDialog } from '../../src/dialogs/psp.js';
import { silentLogger } from '../../src/logger.js';
import { chatter, testWorld } from '../helpers/dialog-context.js';
import { recordedPupil } from '../helpers/recorded-pupil.js';
import { at, every3 } from '../core/reminders/plans.js';

/**
 * Issue 12: people are shown by name and role, never by their internal id. A record made by a
 * SENDCo known by a Teams id ("teams:aad-1234", named in the staff file), a PSP overseen and a plan
 * closed by a SENDCo with no name ("sendco-1"), acknowledged by an LA officer, read by each of them
 * and rendered in every channel: the terminal, a Teams card and a Slack message. Then the screens
 * that name someone picked: a pupil shared with a teacher and taken off again, a role given, and
 * the PSP form with its overseer picked or refused.
 */
const NAMED: StaffMember = { id: 'teams:aad-1234', role: 'sendco', schoolId: 'oak-primary', displayName: 'Sam Patel' };
const UNNAMED: StaffMember = { id: 'sendco-1', role: 'sendco', schoolId: 'oak-primary' };
const LA: StaffMember = { id: 'slack:T0LA:U0LA1', role: 'la-officer' };
const TEACHER: StaffMember = { id: 'teams:aad-5678', role: 'teacher', schoolId: 'oak-primary' };
const directory = [NAMED, UNNAMED, LA, TEACHER];
/** The raw ids, and the parts of them a renderer might keep. */
const IDS = ['aad-1234', 'sendco-1', 'U0LA1', 'head-1', 'aad-5678', 'aad-9999'];

const w = await testWorld();
const withStaff = (u: StaffMember): DialogContext => ({ ...w.ctxFor(u), staff: { find: (id) => directory.find((m) => m.id === id), schoolName: () => 'Oak Primary School' } });
const c = await recordedPupil(w.cases, NAMED);
const ref = { schoolId: c.schoolId, id: c.id };
await w.cases.change(UNNAMED, ref, 'psp.create', (x, cc) => addPastoralSupportPlan(closePlan(x, 'psp', x.psps[0]!.id, { on: '2026-11-19', outcome: 'successful', leadsTo: 'usual-support', notes: '' }, cc), { overseeingLeaderId: UNNAMED.id, startDate: '2026-11-19', targets: ['Stay in lessons'], fields: {}, reviewIntervalDays: 21 }, cc));
await w.cases.change(UNNAMED, ref, 'step.set', (x, cc) => setStep(x, { to: 3, reason: 'Agreed at the review meeting', agreedWith: 'parents' }, cc));
const after = await w.cases.referralAcknowledged(LA, ref, c.referrals[0]!.id);
expect(after).toBe(true);

const views: [string, View[]][] = [];
for (const reader of [NAMED, UNNAMED, LA]) {
  const ctx = withStaff(reader);
  const atSchool = reader.role === 'la-officer' ? ' at oak-primary' : '';
  const reads = ['pupil 4021', 'my pupils', 'deadlines this week', 'pupils at risk', 'timeline 4021', 'timeline 4021 page 2', 'show pcp 1 for 4021', 'show psp 1 for 4021', 'show psp 2 for 4021', 'show review 1 for 4021', 'show referral 1 for 4021', 'show exclusion 1 for 4021'];
  for (const words of reads) {
    const asked = recogniseRead(words.replace('4021', `4021${atSchool}`));
    if (asked) views.push([`${reader.id} reads "${words}"`, await runRead(ctx, asked)]);
  }
  if (reader.role === 'sendco') {
    const talk = chatter(ctx);
    await talk.say('my reviews');
    views.push([`${reader.id}: my reviews`, [{ blocks: [{ type: 'text', text: await talk.say('my reviews') }] }]]);
  }
}
const now = await w.repo.get(ref.schoolId, ref.id);
const items = dueItems([now!], { pack: w.pack, calendar: w.ctxFor(NAMED).calendar, today: '2026-12-07' });
const plan = planSends(items, { sends: {}, people: {} }, { now: at('2026-12-07T08:00:00Z'), calendar: w.ctxFor(NAMED).calendar, settings: every3, sendcosAt: () => [NAMED.id, UNNAMED.id] });
for (const s of plan.sends) views.push([`reminder to ${s.recipientId}: ${s.item.title}`, [reminderView(s, 'abc', '2026-12-07')]]);
for (const d of plan.digests) views.push([`digest to ${d.recipientId}`, [digestView(d, 'Oak Primary School')]]);
/** The views of the last line, after the ones before it, as a person types them. */
async function typed(ctx: DialogContext, lines: string[]): Promise<View[]> {
  let state = newConversation();
  let views: View[] = [];
  for (const line of lines) ({ state, views } = await converse(ctx, state, line, silentLogger));
  return views;
}
const sendco = withStaff(NAMED);
views.push(['share: a teacher picked', await typed(sendco, ['share 4021 with teams:aad-5678'])]);
views.push(['share: the teacher already works with the pupil', await typed(sendco, ['share 4021 with teams:aad-5678'])]);
views.push(['unshare: the teacher taken off', await typed(sendco, ['unshare 4021 teams:aad-5678'])]);
const admin: DialogContext = { ...withStaff({ id: 'teams:aad-admin', role: 'admin' }) };
admin.staff = { ...admin.staff!, grant: async (_by, e) => ({ ...e }) as StaffMember };
views.push(['grant: a role given', await grantDialog.finish(admin, { who: 'teams:aad-9999', role: 'teacher', schoolId: 'oak-primary' })]);
/** The PSP form with its overseer given: the picker keeps the id as its value (not shown), so its words are checked below. */
const overseer = async (id: string) => {
  const form = (await openForm(pspDialog, sendco, { pupil: '4021', overseeingLeader: id, targets: 'Stay in lessons' })).views.flatMap((v) => v.blocks).find((b) => b.type === 'form');
  return form?.type === 'form' ? form.form.questions.find((q) => q.id === 'overseeingLeader') : undefined;
};
const referral = now!.referrals[0]!;
views.push(['LA notice, acknowledged', [noticeView('n-1', { schoolId: ref.schoolId, caseId: ref.id, referralId: referral.id, referrerId: NAMED.id, state: 'posted', attempts: 1, acknowledged: { by: LA.id, name: 'Jo Khan', at: '2026-11-20T09:00:00Z' } }, now!, referral, 'Education Engagement and Inclusion Team', 'Oak Primary School')]]);

describe('people by name and role, never by id (issue 12)', () => {
  it('reads every view kind', () => {
    const names = views.map(([n]) => n).join('\n');
    for (const kind of ['pupil 4021', 'timeline', 'show pcp', 'show psp', 'review', 'referral', 'my pupils', 'my reviews', 'reminder', 'digest', 'LA notice', 'share', 'unshare', 'grant']) expect(names).toContain(kind);
    expect(plan.sends.length).toBeGreaterThan(0);
    expect(plan.digests.length).toBeGreaterThan(0);
  });

  it.each(views)('%s: no raw id in the terminal, a Teams card or a Slack message', (_name, v) => {
    const outputs = { terminal: renderText(v), teams: JSON.stringify(renderCard(v)), slack: JSON.stringify(messageFrom(v)) };
    for (const [channel, out] of Object.entries(outputs)) for (const id of IDS) expect(out.includes(id) ? `${channel} shows ${id}` : '').toBe('');
  });

  it('names a named person by name and role, an unnamed one by role and school, and the reader as "you"', () => {
    const text = (name: string) => renderText(views.find(([n]) => n === name)![1]);
    expect(text('sendco-1 reads "show pcp 1 for 4021"')).toContain('by Sam Patel (SENDCo)');
    expect(text('teams:aad-1234 reads "show pcp 1 for 4021"')).toMatch(/Written: .* by you\b/);
    expect(text('teams:aad-1234 reads "show psp 2 for 4021"')).toContain('Overseen by: a SENDCo at Oak Primary School');
    expect(text('teams:aad-1234 reads "show psp 1 for 4021"')).toContain('Closed by: a SENDCo at Oak Primary School');
    expect(text('sendco-1 reads "show psp 1 for 4021"')).toContain('Closed by: you');
    expect(text('teams:aad-1234 reads "pupil 4021"')).toContain('Agreed by a SENDCo at Oak Primary School with parents');
    expect(text('teams:aad-1234 reads "timeline 4021"') + text('teams:aad-1234 reads "timeline 4021 page 2"')).toContain('By an LA officer.');
  });
});

describe('the replies that name someone picked (issue 12)', () => {
  const said = (name: string) => renderText(views.find(([n]) => n === name)![1]);
  it('share, unshare and grant name the person by role and school, with a way back that needs no id', () => {
    expect(said('share: a teacher picked')).toContain('A teacher at Oak Primary School now works with pupil 4021 and can see their record. To take that away, type "unshare 4021" and pick them.');
    expect(said('share: the teacher already works with the pupil')).toContain('A teacher at Oak Primary School already works with pupil 4021.');
    expect(said('unshare: the teacher taken off')).toContain('A teacher at Oak Primary School no longer works with pupil 4021 and can no longer see their record.');
    expect(said('grant: a role given')).toContain('Done: your colleague is now a teacher at Oak Primary School.');
  });

  it('the PSP form shows the overseer picked in words, and says why one cannot oversee it without their id', async () => {
    expect((await overseer(UNNAMED.id))?.picked).toEqual({ value: UNNAMED.id, label: 'a SENDCo at Oak Primary School' });
    expect((await overseer(NAMED.id))?.picked).toEqual({ value: NAMED.id, label: 'You' });
    const refused = await overseer(TEACHER.id);
    expect(refused?.error).toBe('A teacher at Oak Primary School does not work with pupil 4021, so they could not open the reminders about them. Ask your SENDCo to share the pupil with them (your SENDCo types "share 4021" and picks them), or choose someone who works with the pupil.');
    const unknown = await overseer('teams:aad-9999');
    expect(unknown?.error).toMatch(/^The person you named has no role in this bot yet/);
  });

  it('Slack shows a person with a Slack id as a mention, which it turns into their name; Teams and the terminal keep the words', async () => {
    const slackTeacher: StaffMember = { id: 'slack:T0LA:U0TCH1', role: 'teacher', schoolId: 'oak-primary' };
    const ctx: DialogContext = { ...sendco, staff: { find: (id) => [...directory, slackTeacher].find((m) => m.id === id), schoolName: () => 'Oak Primary School' } };
    const v = await typed(ctx, ['share 4021 with slack:T0LA:U0TCH1']);
    expect(JSON.stringify(messageFrom(v))).toContain('<@U0TCH1> now works with pupil 4021');
    expect(JSON.stringify(messageFrom(v))).not.toContain('slack:T0LA');
    expect(JSON.stringify(renderCard(v))).toContain('A teacher at Oak Primary School now works with pupil 4021');
    expect(JSON.stringify(renderCard(v))).not.toContain('U0TCH1');
    expect(renderText(v)).not.toContain('U0TCH1');
  });
});
