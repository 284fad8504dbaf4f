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

  it('is a valid card headed with the pupil', () => {
    expect(cardProblems(card)).toEqual([]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' } });
    expect(textBlocks(card)[0]).toMatchObject({ text: 'What next for AB (ref 4021, Year 8)', size: 'Medium', weight: 'Bolder' });
    expect(summaryOf(views)).toBe('What next for AB (ref 4021, Year 8)');
  });

  it('shows the ladder with the current step marked "you are here" and the next step, with the tiers, from a standard width', () => {
    const steps = elements(card).find((e): e is ColumnSet => e.type === 'ColumnSet' && e.columns.length === 6 && e.targetWidth === 'atLeast:standard')!;
    expect(steps.columns.map(columnText)).toEqual([
      ['Step 1', '✓ done'],
      ['Step 2', 'You are here'],
      ['Step 3', 'Next'],
      ['Step 4', '\u00a0'],
      ['Step 5', '\u00a0'],
      ['Step 6', '\u00a0'],
    ]);
    expect(steps.columns[1]).toMatchObject({ style: 'accent' });
    expect(steps.columns[2]).toMatchObject({ style: 'good' });
    expect(texts(card)).toEqual(expect.arrayContaining(['Universal', 'Targeted', 'Specialist']));
    expect(texts(card)).toContainEqual(expect.stringMatching(/^\*\*You are here:\*\* Step 2, .+ \(targeted\)\n\n\*\*Next:\*\* Step 3, /));
  });

  it('on a phone ("narrow") shows the steps as numbers with one-character marks, so no word has to break; the line in words shows at every width', () => {
    const narrow = elements(card).find((e): e is ColumnSet => e.type === 'ColumnSet' && e.targetWidth === 'narrow')!;
    expect(narrow.columns.map(columnText)).toEqual([['1', '✓'], ['2', '●'], ['3', '→'], ['4', '\u00a0'], ['5', '\u00a0'], ['6', '\u00a0']]);
    expect(narrow.columns[1]).toMatchObject({ style: 'accent' });
    const tiers = elements(card).find((e): e is ColumnSet => e.type === 'ColumnSet' && texts(e).includes('Universal'))!;
    expect(tiers.targetWidth).toBe('atLeast:standard');
    const words = textBlocks(card).find((t) => t.text.startsWith('**You are here:**'))!;
    expect(words.targetWidth).toBeUndefined();
  });

  it('shows the next one or two actions briefly: what, why and who leads it', () => {
    const [psp] = containersWith(card, 'Set up a Pastoral Support Programme');
    expect(psp).toMatchObject({ type: 'Container', style: 'warning' });
    expect(texts(psp!)).toEqual(['Set up a Pastoral Support Programme (PSP)', expect.stringMatching(/^\*\*Why:\*\* 2 suspensions this school year.*\n\n\*\*Led by:\*\* /s)]);
    // "8." would be read as a numbered list by Teams' markdown and indented off the card.
    const [action8] = containersWith(card, '8\\. SENDCo and staff member review the PCP together');
    expect(action8).toMatchObject({ style: 'emphasis' });
    expect(card.body).toContain(action8);
  });

  it('shows the legal warning in full before the actions, without its contacts', () => {
    const [ptt] = containersWith(card, 'Part-time timetable: exceptional');
    expect(texts(ptt!)).toContainEqual(expect.stringContaining('Review it regularly and tell the local authority, which tracks part-time timetables.'));
    expect(texts(ptt!)).toContain('**Why:** on a part-time timetable that the LA has not been told about');
    expect(links(ptt!)).toEqual([]);
    expect(card.body.indexOf(ptt!)).toBeLessThan(card.body.findIndex((e) => texts(e).includes('Set up a Pastoral Support Programme (PSP)')));
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

  it('puts safeguarding first, on the attention band, with where to refer', () => {
    expect(cardProblems(card)).toEqual([]);
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    expect(textBlocks(card)[0]).toMatchObject({ text: expect.stringMatching(/^⚠ Possible risk of harm/), weight: 'Bolder' });
    expect(textBlocks(card)[0]).not.toHaveProperty('color');
    expect(texts(card.body[0]!)).toEqual(expect.arrayContaining(['**Contact:** Family Front Door', expect.stringMatching(/^Source: .*Family Front Door$/)]));
    expect(links(card.body[0]!)[0]).toMatchObject({ title: 'Website', url: expect.stringMatching(/^https:\/\/www\.worcestershire\.gov\.uk\//) });
    expect(summaryOf(views)).toBe('Possible risk of harm: tell the DSL now');
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
