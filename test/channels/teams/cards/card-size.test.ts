import { describe, expect, it } from 'vitest';
import { cardSizeBytes, MAX_CARD_BYTES, renderCard, summaryOf } from '../../../../src/channels/teams/cards/render-card.js';
import type { Recommendation } from '../../../../src/core/guidance/types.js';
import { heading, text, type View } from '../../../../src/core/views/view.js';
import { texts } from './card-query.js';
import { cardProblems } from './parse-card.js';

const rec = (i: number): Recommendation => ({
  id: `r-${i}`,
  kind: 'action',
  title: `${i}. Do something useful`,
  detail: 'Detail '.repeat(400),
  ledBy: ['sendco'],
  ledByLabel: 'SENDCo',
  source: { seed: '000', section: 'Step 3' },
  citation: 'Worcestershire: Graduated Response to Preventing Exclusions, Step 3',
  services: [],
});

describe('a reply too big for one card', () => {
  it('shortens a very long list with "…and N more" and still sends a valid card', () => {
    const items = Array.from({ length: 3000 }, (_, i) => `P${i} (ref ${1000 + i}): PCP review due in ${i} days, Tue 1 Dec 2026`);
    const card = renderCard([{ blocks: [heading('My reviews'), { type: 'list', items }] }]);
    expect(cardSizeBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(cardProblems(card)).toEqual([]);
    expect(texts(card).at(-1)).toMatch(/^…and \d+ more$/);
    expect(texts(card)[1]).toBe('•\u00a0P0 (ref 1000): PCP review due in 0 days, Tue 1 Dec 2026');
  });

  it('shortens long runs of recommendations and long paragraphs, keeping the first', () => {
    const views: View[] = [{ blocks: [heading('Next actions'), ...Array.from({ length: 60 }, (_, i) => ({ type: 'recommendation' as const, rec: rec(i + 1) }))] }];
    const card = renderCard(views);
    expect(cardSizeBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(cardProblems(card)).toEqual([]);
    // The number escaped, so Teams' markdown does not read it as a numbered list.
    expect(texts(card)).toContain('1\\. Do something useful');
    expect(texts(card)).toContainEqual(expect.stringMatching(/^…and \d+ more$/));
  });

  it('as a last resort keeps the start of the reply', () => {
    const views: View[] = Array.from({ length: 3000 }, (_, i) => ({ blocks: [heading(`Part ${i}`)] }));
    const card = renderCard(views);
    expect(cardSizeBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(cardSizeBytes(card)).toBeGreaterThan(MAX_CARD_BYTES * 0.9);
    expect(texts(card)[0]).toBe('Part 0');
    expect(texts(card).at(-1)).toMatch(/^…and \d+ more$/);
    expect(texts(card).length - 1 + Number(/\d+/.exec(texts(card).at(-1)!)![0])).toBe(3000);
    expect(cardProblems(card)).toEqual([]);
  });

  it('leaves a normal reply alone', () => {
    const views: View[] = [{ blocks: [heading('Plan saved'), text('Saved.', 'success')] }];
    expect(renderCard(views).body).toEqual([
      { type: 'TextBlock', text: 'Plan saved', wrap: true, size: 'Medium', weight: 'Bolder' },
      { type: 'Container', style: 'good', items: [{ type: 'TextBlock', text: 'Saved.', wrap: true }] },
    ]);
  });

  it('counts size as Teams does, two bytes a character', () => {
    const card = renderCard([]);
    expect(cardSizeBytes(card)).toBe(JSON.stringify(card).length * 2);
  });
});

describe('the notification summary', () => {
  it('is plain text of at most 200 characters', () => {
    expect(summaryOf([{ blocks: [text(`**Bold** ${'word '.repeat(100)}`)] }])).toMatch(/^Bold word .*…$/);
    expect(summaryOf([{ blocks: [text(`**Bold** ${'word '.repeat(100)}`)] }]).length).toBe(200);
    expect(summaryOf([])).toBe('Graduated response');
  });
});
