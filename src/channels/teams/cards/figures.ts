import type { ChartView, TableView } from '../../../core/views/view.js';
import type { Chart, Element, FactSet, Table, TableCell } from './adaptive-types.js';
import { headingBlock, plainText, smallPrint, textBlock } from './elements.js';

/**
 * A table of figures as an Adaptive Card Table, with Teams' own chart of it above where the view
 * has one. The chart falls back to nothing ("drop") in clients without charts, as the table below
 * it is always there: it holds what a chart cannot draw ("fewer than 5", "withheld").
 */

const cell = (text: string, bold = false, right = false): TableCell => ({
  type: 'TableCell',
  items: [textBlock(plainText(text), { ...(bold ? { weight: 'Bolder' as const } : {}), ...(right ? { horizontalAlignment: 'Right' as const } : {}) })],
});

export function tableElement(t: TableView): Table {
  const row = (r: string[], bold = false) => ({ type: 'TableRow' as const, cells: r.map((c, i) => cell(c, bold, i > 0)) });
  return {
    type: 'Table',
    columns: t.headings.map((_, i) => ({ width: i === 0 ? 3 : 2 })),
    firstRowAsHeader: true,
    showGridLines: true,
    rows: [row(t.headings, true), ...t.rows.map((r) => row(r)), ...(t.totals ? [row(t.totals, true)] : [])],
  };
}

export function chartElement(c: ChartView): Chart {
  // No title: the heading above names it, and stays when the chart is dropped.
  const base = { fallback: 'drop' as const, colorSet: 'categorical' as const };
  const axes = { ...(c.xTitle ? { xAxisTitle: c.xTitle } : {}), ...(c.yTitle ? { yAxisTitle: c.yTitle } : {}) };
  const first = c.series[0]?.points ?? [];
  switch (c.kind) {
    case 'bar':
      return { type: 'Chart.VerticalBar', ...base, ...axes, showBarValues: true, data: first.map((p) => ({ x: p.x, y: p.y })) };
    case 'stacked-bar':
      return { type: 'Chart.VerticalBar.Grouped', ...base, ...axes, stacked: true, data: c.series.map((s) => ({ legend: s.name, values: s.points.map((p) => ({ x: p.x, y: p.y })) })) };
    case 'line':
      return { type: 'Chart.Line', ...base, ...axes, data: c.series.map((s) => ({ legend: s.name, values: s.points.map((p) => ({ x: p.x, y: p.y })) })) };
    case 'pie':
      return { type: 'Chart.Pie', ...base, data: first.filter((p) => p.y > 0).map((p) => ({ legend: p.x, value: p.y })) };
  }
}

/**
 * A table with more than one count per row is too wide for a phone (its headings break inside
 * words at 340 px), so Teams gets two layouts, picked by `targetWidth`: the table from standard
 * width up, and on a phone each row as a fact, its counts in words ("Suspensions: 6; Total: 7").
 */
function narrowFacts(t: TableView): FactSet {
  const fact = (r: string[]) => ({ title: plainText(r[0]!), value: plainText(t.headings.slice(1).map((h, i) => `${h}: ${r[i + 1]}`).join('; ')) });
  return { type: 'FactSet', targetWidth: 'atMost:narrow', facts: [...t.rows.map(fact), ...(t.totals ? [fact(t.totals)] : [])] };
}

export function figureElements(t: TableView): Element[] {
  const wide = t.headings.length > 2;
  const table = tableElement(t);
  return [
    headingBlock(t.title),
    ...(t.chart ? [chartElement(t.chart)] : []),
    ...(wide ? [{ ...table, targetWidth: 'atLeast:standard' as const }, narrowFacts(t)] : [table]),
    ...(t.note ? [smallPrint(plainText(t.note))] : []),
  ];
}
