import { describe, expect, it } from 'vitest';
import { cardSizeBytes, MAX_CARD_BYTES, renderCard, summaryOf } from '../../../../src/channels/teams/cards/render-card.js';
import type { View } from '../../../../src/core/views/view.js';
import { cardProblems } from './parse-card.js';
import { everyReply } from './replies.js';
import { worldWithPupil } from './world.js';

const w = await worldWithPupil();
const replies: Record<string, View[]> = await everyReply(w.ctx);
const sizes: [string, number][] = [];

describe('every card the bot can send', () => {
  it('covers the menu, every dialog, results, searches and reviews', () => {
    expect(Object.keys(replies).length).toBeGreaterThan(30);
  });

  it.each(Object.entries(replies))('%s: parses as Adaptive Card 1.5 with no problems and fits in a Teams message', (name, views) => {
    const card = renderCard(views);
    expect(cardProblems(card)).toEqual([]);
    const size = cardSizeBytes(card);
    sizes.push([name, size]);
    expect(size).toBeLessThan(MAX_CARD_BYTES);
    expect(summaryOf(views).length).toBeGreaterThan(0);
    expect(summaryOf(views).length).toBeLessThanOrEqual(200);
  });

  it('reports the largest card', () => {
    const [name, size] = [...sizes].sort((a, b) => b[1] - a[1])[0]!;
    console.log(`largest card: ${name}, ${size} bytes as UTF-16 (${(size / 1024).toFixed(1)} KB of ${MAX_CARD_BYTES / 1024} KB)`);
    expect(size).toBeLessThan(MAX_CARD_BYTES);
  });
});
