import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWords, suppressGrid, type Cell, type Grid } from '../../../src/core/la-report/suppression.js';

/** Every line a reader can subtract along: each row and each column with its total, and the column totals and the row totals each with the grand total. */
function lines(g: Grid): Cell[][] {
  const cols = g.columnTotals.length;
  const out: Cell[][] = [];
  if (cols > 1) g.cells.forEach((row, r) => out.push([...row, g.rowTotals[r]!]));
  for (let c = 0; c < cols; c++) out.push([...g.cells.map((row) => row[c]!), g.columnTotals[c]!]);
  if (cols > 1) out.push([...g.columnTotals, g.total], [...g.rowTotals, g.total]);
  return out;
}

describe('small numbers and totals', () => {
  it('shows 1–4 as "fewer than 5", and withholds one more so the total cannot give it back', () => {
    const g = suppressGrid([[7], [2], [6]]);
    expect(g.cells.map((r) => cellWords(r[0]!))).toEqual(['7', 'fewer than 5', 'withheld']);
    expect(cellWords(g.columnTotals[0]!)).toBe('15');
  });

  it('shows zero (it points to no one) and leaves a table with nothing small alone', () => {
    const g = suppressGrid([[0], [5], [12]]);
    expect(g.cells.map((r) => cellWords(r[0]!))).toEqual(['0', '5', '12']);
  });

  it('two small numbers in a line protect each other; a small total is withheld itself', () => {
    expect(suppressGrid([[10], [3], [2]]).cells.map((r) => cellWords(r[0]!))).toEqual(['10', 'fewer than 5', 'fewer than 5']);
    const small = suppressGrid([[1], [2], [0]]);
    expect(cellWords(small.columnTotals[0]!)).toBe('fewer than 5');
  });

  it('a two-way table: no row or column is left with exactly one withheld number', () => {
    const g = suppressGrid([
      [6, 1],
      [5, 0],
      [0, 0],
    ]);
    expect(g.cells[0]!.map(cellWords)).toEqual(['withheld', 'fewer than 5']);
    for (const line of lines(g)) expect(line.filter((c) => c.withheld).length).not.toBe(1);
    expect(cellWords(g.total)).toBe('12');
  });

  it('for any table: every 1–4 is withheld, no line has exactly one withheld number, and what is shown is true', () => {
    const table = fc.integer({ min: 1, max: 6 }).chain((cols) => fc.array(fc.array(fc.nat({ max: 12 }), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(table, (counts) => {
        const g = suppressGrid(counts);
        counts.forEach((row, r) =>
          row.forEach((v, c) => {
            const cell = g.cells[r]![c]!;
            expect(cell.value).toBe(v);
            if (v > 0 && v < 5) expect(cell.withheld).toBe('small');
          }),
        );
        for (const line of lines(g)) expect(line.filter((c) => c.withheld).length).not.toBe(1);
        const total = counts.flat().reduce((a, b) => a + b, 0);
        expect(g.total.value).toBe(total);
      }),
      { numRuns: 400 },
    );
  });
});
