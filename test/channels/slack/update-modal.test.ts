import { afterEach, describe, expect, it } from 'vitest';
import { pupilFacts } from '../../../src/core/facts/pupil-facts.js';
import { dueItems } from '../../../src/core/reminders/due-items.js';
import { makeCase } from '../../helpers/make-case.js';
import { slackHarness, TEAM, USERS, type SlackHarness } from './harness.js';
import { completeModal, completeModalView, openModal, showDetails, slackText, submitModal } from './modal.js';

/** `/graduated update 4021` as a modal over the real Slack endpoint, with follow-up questions as the modal updates. */

let h: SlackHarness;
afterEach(async () => h?.close());

const pupil = async () => (await h.core.repo.listBySchool('oak-primary'))[0]!;

describe('Slack: a pupil’s record is updated in a modal', () => {
  it('the date an EHC needs assessment was requested sets the LA’s 6- and 20-week reminders; becoming looked after brings the Virtual School', async () => {
    h = await slackHarness();
    await h.core.repo.save(makeCase({ pupilRef: '4021', schoolId: 'oak-primary', currentStep: 5 }), undefined);
    const opened = await openModal(h, 'update 4021');
    expect(JSON.stringify(opened.blocks)).toContain('q_what');

    const result = await completeModalView(h, 'update 4021', { what: 'ehc-assessment', on: '2026-10-05', why: '' });
    expect(slackText(result.blocks)).toContain('EHC needs assessment requested on Mon 5 Oct 2026');
    // The deadlines are in the guidance's details: "Show details" stacks them on the result.
    const details = await showDetails(h, result);
    expect(details.method).toBe('views.push');
    expect(slackText(details.view.blocks)).toContain('LA decision due by Mon 16 Nov 2026');
    const due = dueItems(await h.core.repo.scanAll(), { pack: h.core.pack, calendar: h.core.calendar, today: '2026-11-20' });
    expect(due.map((i) => [i.kind, i.dueDate])).toEqual([
      ['ehc-decision', '2026-11-16'],
      ['ehc-completion', '2027-02-22'],
    ]);

    const care = await completeModal(h, 'update 4021', { what: 'care', care: 'looked-after', on: '2026-11-02', why: 'Placed with foster carers' });
    expect(care).toContain('became looked after on Mon 2 Nov 2026');
    expect(care).toContain('Looked-after child: the designated teacher calls the Virtual School before any suspension');

    const c = await pupil();
    expect(c.facts.map((e) => [e.fact, e.by])).toEqual([
      ['ehc-assessment', `slack:${TEAM}:${USERS.sendco}`],
      ['care', `slack:${TEAM}:${USERS.sendco}`],
    ]);
    expect(pupilFacts(c)).toMatchObject({ ehcRequestedOn: '2026-10-05', flags: { lookedAfter: true } });
  });

  it('an entry withdrawn in the modal counts for nothing, and stays in the chronology', async () => {
    h = await slackHarness();
    await h.core.repo.save(makeCase({ pupilRef: '4021', schoolId: 'oak-primary', currentStep: 3 }), undefined);
    await completeModal(h, 'update 4021', { what: 'social-worker', hasSocialWorker: 'yes', on: '2026-11-09' });
    const first = (await pupil()).facts[0]!;
    const done = await completeModal(h, 'update 4021', { what: 'correction', entry: first.id, how: 'withdraw', why: 'Recorded on the wrong pupil' });
    expect(done).toContain('it no longer counts');
    const c = await pupil();
    expect(c.facts.map((e) => e.fact)).toEqual(['social-worker', 'withdrawn']);
    expect(pupilFacts(c).flags.socialWorker).toBe(false);
  });

  // Issue 11, tester item 8.
  it('looked after with no social worker on record: the modal asks about one, beside the Virtual School and the termly PEP; "yes" records both', async () => {
    h = await slackHarness();
    await h.core.repo.save(makeCase({ pupilRef: '4021', schoolId: 'oak-primary', currentStep: 3 }), undefined);
    const answers = { what: 'care', care: 'looked-after', on: '2026-11-02', why: 'Placed with foster carers' };
    const what = await submitModal(h, await openModal(h, 'update 4021'), answers);
    const asked = await submitModal(h, what.view!, answers, 1);
    expect(asked.response_action).toBe('update');
    const shown = slackText((asked.view as { blocks: unknown }).blocks);
    expect(shown).toContain('A looked-after child normally has a social worker, and the record has none.');
    expect(shown).toContain('Review the looked-after child');
    expect(shown).toContain('Does the pupil have a social worker? Answer yes to record that too, from the same day.');
    expect((await pupil()).facts).toHaveLength(0);
    const done = await submitModal(h, asked.view!, { ...answers, socialWorkerToo: 'yes' }, 2);
    expect(slackText((done.view as { blocks: unknown }).blocks)).toContain('became looked after on Mon 2 Nov 2026, and has a social worker from Mon 2 Nov 2026');
    expect((await pupil()).facts.map((e) => e.fact)).toEqual(['care', 'social-worker']);
  });
});

