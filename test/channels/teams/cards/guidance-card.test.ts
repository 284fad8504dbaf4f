import { describe, expect, it } from 'vitest';
import type { ActionSet, Column, ColumnSet, Container } from '../../../../src/channels/teams/cards/adaptive-types.js';
import { renderCard, summaryOf } from '../../../../src/channels/teams/cards/render-card.js';
import { containersWith, elements, links, textBlocks, texts } from './card-query.js';
import { cardProblems } from './parse-card.js';
import { completeReview, pupilGuidance, unrecordedGuidance } from './replies.js';
import { worldWithPupil } from './world.js';

const columnText = (c: Column) => c.items.flatMap((i) => (i.type === 'TextBlock' ? [i.text] : []));

describe('guidance for a recorded pupil', async () => {
  const { ctx } = await worldWithPupil();
  const views = await pupilGuidance(ctx);
  const card = renderCard(views);

  it('is a valid card opening with the overdue review, then headed with the pupil', () => {
    expect(cardProblems(card)).toEqual([]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' } });
    expect(textBlocks(card)[0]!.text).toBe('The PCP 1 review was due Wed 18 Nov 2026: hold it now.');
    expect(textBlocks(card)[1]).toMatchObject({ text: 'What next for AB (ref 4021, Year 8)', size: 'Medium', weight: 'Bolder' });
    // The notification leads with what is most pressing, as the card does.
    expect(summaryOf(views)).toBe('The PCP 1 review was due Wed 18 Nov 2026: hold it now.');
  });

  it('shows the ladder as number tiles with one-character marks at every width but a very narrow one, so no word has to break in a tile; the words, with the tier, on a line below', () => {
    // Issue 12: word tiles ("Step 1", "You are here", "Universal") broke mid-word at phone width, and the
    // Playground can report a wider bucket than it draws, so no layout puts words in a tile.
    const tiles = elements(card).filter((e): e is ColumnSet => e.type === 'ColumnSet' && e.columns.length === 6);
    expect(tiles).toHaveLength(1);
    expect(tiles[0]!.targetWidth).toBe('atLeast:narrow');
    expect(tiles[0]!.columns.map(columnText)).toEqual([['1', '✓'], ['2', '●'], ['3', '→'], ['4', '\u00a0'], ['5', '\u00a0'], ['6', '\u00a0']]);
    expect(tiles[0]!.columns[1]).toMatchObject({ style: 'accent' });
    expect(tiles[0]!.columns[2]).toMatchObject({ style: 'good' });
    expect(texts(card)).not.toContain('Universal');
    const words = textBlocks(card).find((t) => t.text.startsWith('**You are here:**'))!;
    expect(words.text).toMatch(/^\*\*You are here:\*\* Step 2, .+ \(targeted\)\n\n\*\*Next:\*\* Step 3, .+ \((targeted|specialist)\)$/);
    expect(words.targetWidth).toBeUndefined();
  });

  it('shows the next action briefly beside a warning: what, why and who leads it', () => {
    const [psp] = containersWith(card, 'Set up a Pastoral Support Programme');
    expect(psp).toMatchObject({ type: 'Container', style: 'warning' });
    expect(texts(psp!)).toEqual(['Set up a Pastoral Support Programme (PSP)', expect.stringMatching(/^\*\*Why:\*\* 2 suspensions this school year.*\n\n\*\*Led by:\*\* /s)]);
    // One action beside a warning (two without): action 8 is in the details only.
    const hidden = card.body.find((e): e is Container => e.type === 'Container' && e.isVisible === false)!;
    const firstScreen = card.body.filter((e) => e !== hidden);
    expect(firstScreen.flatMap((e) => texts(e)).join('\n')).not.toContain('8\\. SENDCo and staff member');
    expect(containersWith(hidden, '8\\. SENDCo and staff member review the PCP together')).toHaveLength(1);
  });

  it('shows the legal warning before the actions as its obligation in a sentence, in full only in the details', () => {
    const ptt = card.body.find((e) => texts(e)[0]?.startsWith('Part-time timetable: only the headteacher authorises it'))!;
    expect(ptt).toMatchObject({ type: 'Container', style: 'warning' });
    expect(texts(ptt)).toEqual([
      "Part-time timetable: only the headteacher authorises it, with the parents' agreement and an end date, and the local authority is told.",
      '**Why:** on a part-time timetable that the LA has not been told about: tell the LA now. It is planned to end on Fri 18 Dec 2026: review it by then',
    ]);
    expect(links(ptt)).toEqual([]);
    expect(card.body.indexOf(ptt)).toBeLessThan(card.body.findIndex((e) => texts(e).includes('Set up a Pastoral Support Programme (PSP)')));
    const hidden = card.body.find((e): e is Container => e.type === 'Container' && e.isVisible === false)!;
    expect(texts(hidden)).toContainEqual(expect.stringContaining('Review it regularly and tell the local authority, which tracks part-time timetables.'));
  });

  it('folds the rest away behind "Show details", one button on the same card that turns into "Hide details"', () => {
    const hidden = card.body.find((e): e is Container => e.type === 'Container' && e.isVisible === false)!;
    const [show, hide] = card.body.filter((e): e is ActionSet => e.type === 'ActionSet' && e.actions[0]?.type === 'Action.ToggleVisibility');
    expect(show).toMatchObject({ actions: [{ type: 'Action.ToggleVisibility', title: 'Show details', targetElements: [hidden.id, show!.id, hide!.id] }] });
    expect(hide).toMatchObject({ isVisible: false, actions: [{ title: 'Hide details', targetElements: [hidden.id, show!.id, hide!.id] }] });
    const [action8] = containersWith(hidden, '8\\. SENDCo and staff member review the PCP together');
    expect(textBlocks(action8!)).toContainEqual({
      type: 'TextBlock',
      text: 'Source: Worcestershire: Graduated Response to Preventing Exclusions, Step 3 – action 8',
      wrap: true,
      size: 'Small',
      isSubtle: true,
      spacing: 'Small',
    });
    for (const n of ['9', '10', '11', '12']) expect(texts(hidden).join('\n')).toContain(`${n}\\. `);
  });

  it("turns the services' phone numbers into tel: buttons, with the phone lines' hours, in the details", () => {
    const hidden = card.body.find((e): e is Container => e.type === 'Container' && e.isVisible === false)!;
    const [ptt] = containersWith(hidden, 'Part-time timetable');
    expect(links(ptt!)).toEqual(
      expect.arrayContaining([
        { type: 'Action.OpenUrl', title: 'Call 01905 844 440', url: 'tel:01905844440' },
        { type: 'Action.OpenUrl', title: 'Email', url: 'mailto:cme@worcestershire.gov.uk' },
        expect.objectContaining({ title: 'Website', url: expect.stringMatching(/^https:\/\//) }),
      ]),
    );
    expect(texts(ptt!)).toContain('Phone lines: Daily in term time, 9:00am to 4:30pm');
  });
});

describe('guidance with a safeguarding concern', async () => {
  const { ctx } = await worldWithPupil();
  const views = await unrecordedGuidance(ctx, 'She says she is scared to go home and has bruises on her arms.');
  const card = renderCard(views);

  it('puts safeguarding first, on the attention band, as what to do now; where to refer is in the details', () => {
    expect(cardProblems(card)).toEqual([]);
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    expect(textBlocks(card)[0]).toMatchObject({ text: '⚠ Possible risk of harm: tell the DSL now and do not investigate yourself; immediate danger, call the police.', weight: 'Bolder' });
    expect(textBlocks(card)[0]).not.toHaveProperty('color');
    const hidden = card.body.find((e): e is Container => e.type === 'Container' && e.isVisible === false)!;
    const [full] = containersWith(hidden, 'Possible risk of harm: tell the DSL now');
    expect(full).toMatchObject({ style: 'attention' });
    expect(texts(full!)).toEqual(expect.arrayContaining(['**Contact:** Family Front Door', expect.stringMatching(/^Source: .*Family Front Door$/)]));
    expect(links(full!)[0]).toMatchObject({ title: 'Website', url: expect.stringMatching(/^https:\/\/www\.worcestershire\.gov\.uk\//) });
    expect(summaryOf(views)).toMatch(/^Possible risk of harm: tell the DSL now/);
  });
});

describe('a reply in two parts', async () => {
  const { ctx } = await worldWithPupil();
  const views = await completeReview(ctx);

  it('is one card with a line between "Review saved" and the guidance that follows', () => {
    const card = renderCard(views);
    expect(views).toHaveLength(2);
    expect(cardProblems(card)).toEqual([]);
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Review saved' });
    expect(card.body.find((e) => e.separator)).toMatchObject({ type: 'TextBlock', text: 'What next for AB (ref 4021, Year 8)', separator: true, spacing: 'Large' });
    expect(texts(card)).toContainEqual(expect.stringContaining('**You are here:** Step 3'));
  });
});
