import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../../../src/channels/teams/cards/render-card.js';
import { runLaReport } from '../../../../src/dialogs/la-report.js';
import { LA_OFFICER, testWorld } from '../../../helpers/dialog-context.js';
import { saveLaCases } from '../../../helpers/la-world.js';
import { chromiumMissing, openRenderer, type Renderer } from './render-in-chromium.js';

/**
 * The LA report card drawn by Microsoft's renderer with Teams' host config in Chromium, as the
 * other cards are (card-screens.test.ts): its tables, which older clients show without the charts
 * (the renderer knows no chart, so it draws what such a client draws), at phone and desktop widths.
 */

const skip = process.env.SKIP_SCREENSHOTS === '1';
const missing = skip ? undefined : chromiumMissing();

if (skip) {
  describe.skip('LA report screenshots (SKIP_SCREENSHOTS=1)', () => it('are skipped on request', () => undefined));
} else if (missing) {
  describe('LA report screenshots', () => {
    it('need Chromium', () => {
      throw new Error(missing);
    });
  });
} else {
  const w = await testWorld();
  await saveLaCases(w.repo);
  const card = renderCard(await runLaReport(w.ctxFor(LA_OFFICER), { from: '2026-09-01', to: '2026-11-30', csv: false }));
  let renderer: Renderer;
  beforeAll(async () => {
    renderer = await openRenderer();
  }, 60_000);
  afterAll(async () => renderer?.close());

  describe('LA report screenshots', () => {
    for (const width of [340, 560])
      it(`the LA report at ${width} px: nothing runs off the card, nothing is cut, no word breaks`, async () => {
        expect(await renderer.render(card, width, `la-report-${width}.png`)).toEqual([]);
      });
  });
}
