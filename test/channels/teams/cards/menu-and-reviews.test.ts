import { describe, expect, it } from 'vitest';
import { CommandData } from '../../../../src/channels/teams/cards/actions.js';
import { renderCard, summaryOf } from '../../../../src/channels/teams/cards/render-card.js';
import { myReviews } from '../../../../src/dialogs/my-reviews.js';
import { MENU, menuView } from '../../../../src/dialogs/views/menu-view.js';
import { elements, execute, executes, texts } from './card-query.js';
import { cardProblems } from './parse-card.js';
import { worldWithPupil } from './world.js';

describe('the menu card', () => {
  const card = renderCard([menuView()]);

  it('has a button for every command, sent as if typed, with what it does beside it', () => {
    expect(cardProblems(card)).toEqual([]);
    expect(executes(card).map((a) => a.title)).toEqual(MENU.map((m) => m.label));
    for (const m of MENU) {
      const button = execute(card, m.label);
      expect(button).toMatchObject({ verb: 'command', associatedInputs: 'none', data: { verb: 'command', command: m.command }, fallback: { type: 'Action.Submit', data: { verb: 'command', command: m.command } } });
      expect(CommandData.parse(button.data).command).toBe(m.command);
      expect(texts(card)).toContain(m.description);
    }
  });

  it('keeps every row of buttons short enough for Teams', () => {
    for (const e of elements(card)) if (e.type === 'ActionSet') expect(e.actions.length).toBeLessThanOrEqual(5);
  });

  it('says what it is in the notification', () => {
    expect(summaryOf([menuView('Sorry, I didn’t understand that.')])).toBe('What I can help with');
  });
});

describe('the my-reviews card', () => {
  it('lists the due reviews as bullets, with the overdue warning on its band and a button to record each', async () => {
    const { ctx } = await worldWithPupil();
    const card = renderCard([await myReviews(ctx)]);
    expect(cardProblems(card)).toEqual([]);
    expect(card.body.slice(0, 3)).toMatchObject([
      { type: 'TextBlock', text: 'My reviews', size: 'Medium', weight: 'Bolder' },
      { type: 'Container', style: 'warning', items: [{ type: 'TextBlock', text: '1 review overdue.', weight: 'Bolder' }] },
      { type: 'TextBlock', text: '•\u00a0AB (ref 4021): PCP review OVERDUE by 2 calendar days, Wed 18 Nov 2026', wrap: true, spacing: 'Default' },
    ]);
    expect(executes(card).map((a) => [a.title, a.data.command])).toEqual([['Record review: AB', 'review for 4021']]);
  });
});
