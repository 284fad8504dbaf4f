import { describe, expect, it } from 'vitest';
import { CommandData } from '../../../../src/channels/teams/cards/actions.js';
import { renderCard, summaryOf } from '../../../../src/channels/teams/cards/render-card.js';
import { myReviews } from '../../../../src/dialogs/my-reviews.js';
import type { Container } from '../../../../src/channels/teams/cards/adaptive-types.js';
import { MENU, menuFor, menuView } from '../../../../src/dialogs/views/menu-view.js';
import { actions, elements, execute, executes, texts } from './card-query.js';
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

describe('the menu by role, on a compact card (issue 12)', () => {
  const commands = (role: Parameters<typeof menuFor>[0]) => menuFor(role).map((m) => m.command);

  it('offers a teacher only what a teacher can do: no step, sharing, self-reflection or LA figures', () => {
    for (const c of ['step', 'share', 'self-reflection', 'la report']) expect(commands('teacher')).not.toContain(c);
    for (const c of ['what next', 'signpost', 'new pupil', 'pcp', 'review', 'my pupils', 'help']) expect(commands('teacher')).toContain(c);
  });

  it('offers a SENDCo the SENDCo items but not the LA’s figures; an LA officer the LA’s views', () => {
    for (const c of ['step', 'share', 'self-reflection']) expect(commands('sendco')).toContain(c);
    expect(commands('sendco')).not.toContain('la report');
    expect(commands('la-officer')).toContain('la report');
    expect(commands('la-officer')).not.toContain('new pupil');
  });

  it('shows at most six buttons at first; the rest wait behind "More", each still a button with what it does', () => {
    const card = renderCard([menuView(undefined, { typed: false, role: 'teacher' })]);
    expect(cardProblems(card)).toEqual([]);
    const hidden = card.body.find((e): e is Container => e.type === 'Container' && e.isVisible === false)!;
    const firstScreen = card.body.filter((e) => e !== hidden && !(e.type === 'ActionSet' && e.isVisible === false));
    const pressable = executes({ ...card, body: firstScreen }).map((a) => a.title);
    expect(pressable).toEqual(menuFor('teacher').slice(0, 6).map((m) => m.label));
    expect(actions({ ...card, body: firstScreen }).map((a) => a.title)).toContain('More');
    expect(executes(hidden).map((a) => a.title)).toEqual(menuFor('teacher').slice(6).map((m) => m.label));
    expect(texts(hidden)).toContain(menuFor('teacher')[6]!.description);
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
