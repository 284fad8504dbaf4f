import { describe, expect, it } from 'vitest';
import { cardSizeBytes, MAX_CARD_BYTES, renderCard } from '../../../../src/channels/teams/cards/render-card.js';
import { runLaReport } from '../../../../src/dialogs/la-report.js';
import { LA_OFFICER, testWorld } from '../../../helpers/dialog-context.js';
import { saveLaCases } from '../../../helpers/la-world.js';
import { cardProblems } from './parse-card.js';

type Json = Record<string, unknown>;
function* walk(v: unknown): Generator<Json> {
  if (Array.isArray(v)) for (const x of v) yield* walk(x);
  else if (v && typeof v === 'object') {
    yield v as Json;
    for (const x of Object.values(v)) yield* walk(x);
  }
}
const texts = (v: unknown) => [...walk(v)].filter((o) => o.type === 'TextBlock').map((o) => String(o.text));

const w = await testWorld();
await saveLaCases(w.repo);
const card = renderCard(await runLaReport(w.ctxFor(LA_OFFICER), { from: '2026-09-01', to: '2026-11-30', csv: false }));
const elements = [...walk(card)];

describe('Teams: the LA report card', () => {
  it('parses with Microsoft’s parser at 1.5 (charts aside, which it cannot know) and fits in a Teams message', () => {
    expect(cardProblems(card)).toEqual([]);
    expect(cardSizeBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  it('draws Teams charts (bar, stacked bar, pie) that drop out where charts are not shown, and always has the table', () => {
    const charts = elements.filter((o) => String(o.type).startsWith('Chart.'));
    expect(new Set(charts.map((c) => c.type))).toEqual(new Set(['Chart.VerticalBar', 'Chart.VerticalBar.Grouped', 'Chart.Pie']));
    for (const c of charts) expect(c.fallback).toBe('drop');
    const byMonth = charts.find((c) => c.type === 'Chart.VerticalBar')!;
    // Only what may be shown is drawn: October and November (fewer than 5) are in the table, not the chart.
    expect(byMonth.data).toEqual([{ x: 'Sep 2026', y: 6 }]);
    expect(elements.filter((o) => o.type === 'Table').length).toBe(12);
  });

  it('the tables say "withheld" where a number is small, and the totals', () => {
    const t = texts(card);
    expect(t).toContain('withheld');
    expect(t).toContain('Referrals to the LA by month');
    expect(t.some((x) => x.startsWith('"withheld": a number from 1 to 4'))).toBe(true);
    const csv = [...walk(card)].find((o) => o.type === 'Action.Execute' && JSON.stringify(o.data).includes('la report csv'));
    expect(csv?.title).toBe('Download CSV');
  });

  it('the check fails a chart Teams would not draw: no fallback, or data not in Microsoft’s documented shape', () => {
    const bad = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Chart.VerticalBar', data: [{ x: 'Sep', y: '6' }] }, { type: 'Chart.Bubble', data: [], fallback: 'drop' }] };
    expect(cardProblems(bad)).toEqual([
      'parser: Unknown element type "Chart.Bubble". Fallback will be used if present.',
      '$.body[0]: Chart.VerticalBar has no fallback for clients without charts',
      '$.body[0]: Chart.VerticalBar data is not in the documented shape',
      '$.body[1]: Chart.Bubble is not a Teams chart element',
    ]);
  });
});
