import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeView } from '../../../../src/app/la-notices.js';
import { renderCard } from '../../../../src/channels/teams/cards/render-card.js';
import { dueItems } from '../../../../src/core/reminders/due-items.js';
import { planSends } from '../../../../src/core/reminders/plan-sends.js';
import type { View } from '../../../../src/core/views/view.js';
import { submitForm } from '../../../../src/dialogs/form-submit.js';
import { DIALOGS } from '../../../../src/dialogs/registry.js';
import { digestView, reminderView } from '../../../../src/dialogs/reminder-views.js';
import { menuView } from '../../../../src/dialogs/views/menu-view.js';
import { at, every3, noTerms, pcp } from '../../../core/reminders/plans.js';
import { GUIDANCE_SCENARIOS, scenarioViews } from '../../../helpers/guidance-scenarios.js';
import { makeCase } from '../../../helpers/make-case.js';
import { everyReply } from '../cards/replies.js';
import { worldWithPupil } from '../cards/world.js';
import { chromiumMissing, openRenderer, SCREENS_DIR, type Renderer } from './render-in-chromium.js';

/**
 * Every kind of card, drawn by Microsoft's Adaptive Cards renderer with Teams' host config in
 * Chromium, at a phone's width (340 px) and a desktop chat's (560 px); guidance also with its
 * details shown. A card fails when anything runs past its right edge, a title is cut short, or a
 * word is broken across two lines ("St / ep 1"). The screenshots are kept in test-results/screens.
 */

const WIDTHS = [340, 560] as const;
const skip = process.env.SKIP_SCREENSHOTS === '1';
const missing = skip ? undefined : chromiumMissing();

/** Every card kind: the core's replies (menu, forms, guidance, lists, records, searches), guidance for each scenario, reminders and the LA notice. */
async function everyCard(): Promise<Record<string, View[]>> {
  const { ctx, pack } = await worldWithPupil();
  const cards: Record<string, View[]> = await everyReply(ctx);
  for (const s of GUIDANCE_SCENARIOS) cards[`guidance: ${s.name}`] = scenarioViews(pack, s);
  const c = makeCase({ pupilRef: '4021', initials: 'AB', pcps: [pcp('2026-11-18')] });
  const plan = planSends(dueItems([c], { pack, calendar: noTerms, today: '2026-11-23' }), { sends: {}, people: {} }, { now: at('2026-11-23T08:00:00Z'), calendar: noTerms, settings: every3, sendcosAt: (s) => [`sendco@${s}`] });
  const send = plan.sends[0];
  if (send) cards['reminder'] = [reminderView(send, 'abc', '2026-11-23')];
  if (plan.digests[0]) cards['weekly digest'] = [digestView(plan.digests[0], 'Oak Primary')];
  // The welcome's menu as a teacher and a SENDCo see it: six buttons, the rest behind "More" (issue 12).
  for (const role of ['teacher', 'sendco'] as const) cards[`menu for a ${role}`] = [menuView(undefined, { typed: false, role })];
  // The check before a suspension is saved, which asks first and folds the checks (issue 12).
  const check = await submitForm(DIALOGS.exclusion!, ctx, { formId: 'f-check', values: { pupil: '4021', kind: 'suspension', startDate: '2026-11-23', days: '3', reason: 'Threw a chair at a member of staff' }, shown: [] });
  if (!check.done) cards['suspension check before saving'] = check.views;
  const referral = { id: 'r-1', serviceId: 'education-engagement-inclusion-team', date: '2026-11-20' };
  cards['LA notice'] = [noticeView('0f0e0d0c-0b0a-4909-8807-060504030201', { schoolId: 'oak-primary', caseId: c.id, referralId: 'r-1', referrerId: 'sendco-1', state: 'posted', attempts: 1 }, c, referral as never, 'Education Engagement – Inclusion Team', 'Oak Primary')];
  return cards;
}

/**
 * Problems found by these screenshots in cards outside this work's part, each failing until it is
 * fixed (it.fails): when one is fixed its test fails, and the entry is taken out.
 */
const KNOWN: Record<string, string> = {};

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

if (skip) {
  describe.skip('card screenshots (SKIP_SCREENSHOTS=1)', () => it('are skipped on request', () => undefined));
} else if (missing) {
  describe('card screenshots', () => {
    it('need Chromium', () => {
      throw new Error(missing);
    });
  });
} else {
  const cards = await everyCard();
  let renderer: Renderer;
  beforeAll(async () => {
    renderer = await openRenderer();
  }, 60_000);
  afterAll(async () => renderer?.close());

  describe(`card screenshots (kept in ${SCREENS_DIR})`, () => {
    it('cover every kind of card', () => {
      expect(Object.keys(cards).length).toBeGreaterThan(60);
      for (const kind of ['menu', 'suspension check before saving', 'whole pcp', 'guidance for 4021', 'guidance: safeguarding worry', 'read "pupil 4021"', 'read "my pupils"', 'signpost attendance', 'LA notice', 'reminder'])
        expect(Object.keys(cards)).toContain(kind);
    });

    for (const [name, views] of Object.entries(cards)) {
      const card = renderCard(views);
      const folded = /"(Show details|Why these checks|More)"/.test(JSON.stringify(card));
      for (const width of WIDTHS) {
        const known = KNOWN[`${name}@${width}`];
        (known ? it.fails : it)(`${name} at ${width} px: nothing runs off the card, nothing is cut, no word breaks${known ? ` (known: ${known})` : ''}`, async () => {
          expect(await renderer.render(card, width, `${slug(name)}-${width}.png`)).toEqual([]);
          if (folded) expect(await renderer.render(card, width, `${slug(name)}-${width}-details.png`, { expand: true })).toEqual([]);
        });
      }
    }

    it('would catch the ladder that broke words: tiles of words at phone width break "Step" and "here" inside themselves', async () => {
      // The old wide layout, drawn at 340 px, as the Playground showed it: the check must see the breaks.
      const old = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'ColumnSet', columns: ['Step 1', 'Step 2', 'Step 3', 'Step 4', 'Step 5', 'Step 6'].map((label, i) => ({ type: 'Column', width: 'stretch', style: i === 1 ? 'accent' : 'emphasis', items: [{ type: 'TextBlock', text: label, wrap: true, horizontalAlignment: 'Center' }, { type: 'TextBlock', text: i === 1 ? 'You are here' : 'done', wrap: true, size: 'Small', horizontalAlignment: 'Center' }] })) }] };
      const problems = await renderer.render(old, 340, 'ladder-word-tiles-at-340.png');
      expect(problems.filter((p) => p.kind === 'broken word').map((p) => p.what)).toEqual(expect.arrayContaining([expect.stringMatching(/^"(Step|here)"/)]));
    });

    it('the what-next card keeps every word whole at 340 and 316 px whichever width bucket the client reports (the Playground reported one that still showed word tiles)', async () => {
      const card = renderCard(cards['guidance for 4021']!);
      for (const width of [340, 316])
        for (const bucket of ['veryNarrow', 'narrow', 'standard', 'wide'] as const) {
          expect(await renderer.render(card, width, `ladder-${bucket}-layout-at-${width}.png`, { bucket }), `${bucket} at ${width} px`).toEqual([]);
        }
    });
  });
}
