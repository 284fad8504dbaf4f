/**
 * Issue 10, "nothing a person typed is lost", in Teams over the real endpoint and in Slack with
 * signed requests: long notes are taken whole, a form that comes back keeps every word and leads
 * with any notice, and a referral to a safeguarding front door goes to the DSL, recording nothing.
 * The terminal's side is in test/dialogs/ (long-text, worry-at-a-question, refer-front-door) and
 * test/chat/ (drafts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_MAX, NOTES_MAX } from '../../src/core/cases/text-limits.js';
import { addPersonCentredPlan } from '../../src/core/plans/plan-changes.js';
import type { StaffMember } from '../../src/core/staff.js';
import { actionsOf, AAD, completeForm, formAnswers, inputsOf, teamsHarness, textOf, type TeamsHarness } from './teams/harness.js';
import { slackHarness, USERS, type SlackHarness } from './slack/harness.js';
import { completeModal, openModal, slackText, submitModal } from './slack/modal.js';
import { DISCLOSURE } from '../helpers/issue-10-examples.js';

type Json = Record<string, unknown>;

/** Words as staff write them, `n` characters long (no worry in them). */
function longNote(n: number): string {
  const sentence = 'He settles well after a calm start with his key adult and a quiet place to begin the day. ';
  return sentence.repeat(Math.ceil(n / sentence.length)).slice(0, n).trim();
}

const FLAGS = { senSupport: false, ehcp: false, lookedAfter: false, previouslyLookedAfter: false, socialWorker: false };

/** Pupil 4021 at the person's school, with an active PCP so "review" has a plan to review. */
async function seed(core: TeamsHarness['core'], me: StaffMember): Promise<void> {
  const c = await core.cases.create(me, { pupilRef: '4021', initials: 'AB', yearGroup: 8, flags: FLAGS, currentStep: 2, riskOfPermanentExclusion: false });
  await core.cases.change(me, { schoolId: c.schoolId, id: c.id }, 'pcp.create', (x, cc) => addPersonCentredPlan(x, { fields: { whoIsThisPupil: 'Kind' }, reviewDate: '2026-12-18' }, cc));
}

describe('long notes in Teams, over the real endpoint', () => {
  let h: TeamsHarness;
  const me: StaffMember = { id: `teams:${AAD.sendco}`, role: 'sendco', schoolId: 'oak-primary' };
  beforeAll(async () => {
    h = await teamsHarness();
    await seed(h.core, me);
  });
  afterAll(async () => h?.close());

  it('a PCP card sizes its long inputs to the field limit and saves a 3,500-character field whole', async () => {
    const card = await h.say(AAD.sendco, 'pcp for 4021');
    const long = inputsOf(card).find((i) => i.id === 'q_pcp.whoIsThisPupil');
    expect(long).toMatchObject({ isMultiline: true, maxLength: FIELD_MAX });
    const note = longNote(3500);
    const done = await completeForm(h, AAD.sendco, card, { wantsIsp: 'no', 'pcp.planDate': '2026-11-20', reviewDate: '2026-12-18', 'pcp.whoIsThisPupil': note });
    expect(done).toContain('Plan saved');
    const [c] = await h.core.repo.listBySchool('oak-primary');
    expect(c!.pcps.at(-1)!.fields.whoIsThisPupil).toBe(note);
  });

  it('review notes take up to 8,000 characters, and 7,000 are saved whole', async () => {
    const card = await h.say(AAD.sendco, 'review for 4021');
    const notes = longNote(7000);
    const done = await completeForm(h, AAD.sendco, card, { positive: 'yes', notes });
    expect(done).toContain('Review recorded');
    const input = (await h.say(AAD.sendco, 'review for 4021')) as Json;
    expect(inputsOf(input).find((i) => i.id === 'q_notes')).toMatchObject({ maxLength: NOTES_MAX });
    const [c] = await h.core.repo.listBySchool('oak-primary');
    expect(c!.pcps.flatMap((p) => p.reviews).map((r) => r.notes)).toContain(notes);
  });

  it('a worry in a form that comes back: the notice leads the card, and every word is still in its input', async () => {
    const card = await h.say(AAD.sendco, 'review for 4021');
    const [submit] = actionsOf(card, 'form.submit');
    const again = await h.press(AAD.sendco, submit!, formAnswers(card, { positive: 'yes', date: '2027-01-05', notes: DISCLOSURE }));
    const text = textOf(again);
    expect(text.split('\n')[0]).toMatch(/tell the DSL now/);
    expect(inputsOf(again).find((i) => i.id === 'q_notes')).toMatchObject({ value: DISCLOSURE });
    expect(actionsOf(again, 'form.submit')).toHaveLength(1);
  });

  it('a save that fails on our side brings the card back with every word in it, and sending it again saves it', async () => {
    const card = await h.say(AAD.sendco, 'pcp for 4021');
    const note = longNote(3000);
    const answers = { wantsIsp: 'no', 'pcp.planDate': '2026-11-20', reviewDate: '2026-12-18', 'pcp.whoIsThisPupil': note };
    // Every save fails while the form is filled in, so its last step is the one that fails.
    const repo = h.core.repo;
    const save = repo.save.bind(repo);
    repo.save = () => Promise.reject(new Error('disk full'));
    let failed = card;
    for (let round = 0; round < 5 && !textOf(failed).includes('went wrong'); round++) failed = await h.press(AAD.sendco, actionsOf(failed, 'form.submit')[0]!, formAnswers(failed, answers));
    repo.save = save;
    expect(textOf(failed).split('\n')[0]).toMatch(/Something went wrong on my side and nothing was saved/);
    expect(inputsOf(failed).find((i) => i.id === 'q_pcp.whoIsThisPupil')).toMatchObject({ value: note });
    const done = await h.press(AAD.sendco, actionsOf(failed, 'form.submit')[0]!, formAnswers(failed, {}));
    expect(textOf(done)).toContain('Plan saved');
  });

  it('a referral to the Family Front Door: the notice with its contact, the DSL makes it, no referral questions, nothing recorded', async () => {
    const card = await h.say(AAD.sendco, 'refer 4021');
    const [submit] = actionsOf(card, 'form.submit');
    const reply = await h.press(AAD.sendco, submit!, formAnswers(card, { service: 'Family Front Door' }));
    const text = textOf(reply);
    expect(text.split('\n')[0]).toMatch(/tell the DSL now/);
    expect(text).toContain('Family Front Door');
    expect(text).toContain('the DSL makes it, under your school’s safeguarding procedures');
    expect(actionsOf(reply, 'form.submit')).toEqual([]);
    expect(inputsOf(reply).map((i) => i.id)).not.toContain('q_parentalPermission');
    const [c] = await h.core.repo.listBySchool('oak-primary');
    expect(c!.referrals).toEqual([]);
  });
});

describe('long notes in Slack, with signed requests', () => {
  let h: SlackHarness;
  const me: StaffMember = { id: `slack:T0001:${USERS.sendco}`, role: 'sendco', schoolId: 'oak-primary' };
  beforeAll(async () => {
    h = await slackHarness();
    await seed(h.core, me);
  });
  afterAll(async () => h?.close());

  it('review notes take as much as a Slack input holds (3,000), and 2,900 characters are saved whole', async () => {
    const view = await openModal(h, 'review 4021');
    const notes = (view.blocks as Json[]).find((b) => b.block_id === 'q_notes');
    expect(notes).toMatchObject({ element: { type: 'plain_text_input', multiline: true, max_length: 3000 } });
    const text = longNote(2900);
    const done = await completeModal(h, 'review 4021', { positive: 'yes', notes: text });
    expect(done).toContain('Review recorded');
    const [c] = await h.core.repo.listBySchool('oak-primary');
    expect(c!.pcps[0]!.reviews[0]!.notes).toBe(text);
  });

  it('a form with a problem comes back with the long note kept in its input', async () => {
    // A pupil of its own: a review already recorded today by the tests above would make this one a second
    // review the same day (refused) or bring up the step-down question first (issue 11).
    const own = await slackHarness();
    try {
      await seed(own.core, me);
      const view = await openModal(own, 'review 4021');
      const text = longNote(2900);
      // A review date in the future is refused; the note stays where it was typed.
      const ack = await submitModal(own, view, { positive: 'yes', date: '2027-01-05', notes: text });
      expect(ack.response_action).toBe('errors');
      expect(Object.keys(ack.errors ?? {})).toEqual(['q_date']);
    } finally {
      await own.close();
    }
  });

  it('a worry in a form that comes back: the notice leads the modal (field errors cannot carry it), and every word is still in its input', async () => {
    const view = await openModal(h, 'review 4021');
    const ack = await submitModal(h, view, { positive: 'yes', date: '2027-01-05', notes: DISCLOSURE });
    expect(ack.response_action).toBe('update');
    const blocks = ack.view!.blocks as Json[];
    expect(slackText(blocks).split('\n')[0]).toMatch(/tell the DSL now/);
    expect(ack.view!.callback_id).toBe('gr_form');
    expect(blocks.find((b) => b.block_id === 'q_notes')).toMatchObject({ element: { initial_value: DISCLOSURE } });
    expect(JSON.stringify(blocks.find((b) => b.block_id === 'q_date'))).toMatch(/⚠️/);
  });

  it('a save that fails on our side brings the modal back with every word in it, under the message', async () => {
    // A pupil of its own: a review already recorded today by the tests above would make this one a second
    // review the same day (refused) or bring up the step-down question first (issue 11).
    const own = await slackHarness();
    try {
      await seed(own.core, me);
      const view = await openModal(own, 'review 4021');
      const text = longNote(2500);
      const repo = own.core.repo;
      const save = repo.save.bind(repo);
      repo.save = () => Promise.reject(new Error('disk full'));
      const ack = await submitModal(own, view, { positive: 'yes', notes: text });
      repo.save = save;
      expect(ack.response_action).toBe('update');
      expect(ack.view!.callback_id).toBe('gr_form');
      expect(slackText(ack.view!.blocks).split('\n')[0]).toMatch(/Something went wrong on my side and nothing was saved/);
      expect((ack.view!.blocks as Json[]).find((b) => b.block_id === 'q_notes')).toMatchObject({ element: { initial_value: text } });
      const again = await submitModal(own, ack.view!, {}, 1);
      expect(slackText(again.view!.blocks)).toContain('Review recorded');
    } finally {
      await own.close();
    }
  });

  it('a referral to the Family Front Door: the notice with its contact, the DSL makes it, nothing recorded', async () => {
    const done = await completeModal(h, 'refer 4021', { service: 'Family Front Door' });
    expect(done.split('\n')[0]).toMatch(/tell the DSL now/);
    expect(done).toContain('the DSL makes it, under your school’s safeguarding procedures');
    expect(done).not.toMatch(/permission for this referral/);
    const [c] = await h.core.repo.listBySchool('oak-primary');
    expect(c!.referrals).toEqual([]);
  });
});
