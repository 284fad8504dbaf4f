import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellWords, suppressGrid, type Cell, type Grid } from '../../../src/core/la-report/suppression.js';
import { recoverable, type SumLine } from '../../helpers/disclosure.js';

/** Every line a reader can subtract along: each row and each column with its total, and the column totals and the row totals each with the grand total. */
function lines(g: Grid): Cell[][] {
  const cols = g.columnTotals.length;
  const out: Cell[][] = [];
  if (cols > 1) g.cells.forEach((row, r) => out.push([...row, g.rowTotals[r]!]));
  for (let c = 0; c < cols; c++) out.push([...g.cells.map((row) => row[c]!), g.columnTotals[c]!]);
  if (cols > 1) out.push([...g.columnTotals, g.total], [...g.rowTotals, g.total]);
  return out;
}

/** The same lines as sums a reader can solve together. */
const sums = (g: Grid): SumLine[] => lines(g).map((l) => ({ parts: l.slice(0, -1), total: l.at(-1)! }));

describe('small numbers and totals', () => {
  it('shows 1–4 as "withheld", and withholds one more, with the same word, so the total cannot give it back', () => {
    const g = suppressGrid([[7], [2], [6]]);
    expect(g.cells.map((r) => cellWords(r[0]!))).toEqual(['7', 'withheld', 'withheld']);
    expect(cellWords(g.columnTotals[0]!)).toBe('15');
  });

  it('shows zero (it points to no one) and leaves a table with nothing small alone', () => {
    const g = suppressGrid([[0], [5], [12]]);
    expect(g.cells.map((r) => cellWords(r[0]!))).toEqual(['0', '5', '12']);
  });

  it('two small numbers in a line protect each other; a small total is withheld itself', () => {
    expect(suppressGrid([[10], [3], [2]]).cells.map((r) => cellWords(r[0]!))).toEqual(['10', 'withheld', 'withheld']);
    const small = suppressGrid([[1], [2], [0]]);
    expect(cellWords(small.columnTotals[0]!)).toBe('withheld');
  });

  it('a two-way table: no row or column is left with exactly one withheld number', () => {
    const g = suppressGrid([
      [6, 1],
      [5, 0],
      [0, 0],
    ]);
    expect(g.cells[0]!.map(cellWords)).toEqual(['withheld', 'withheld']);
    for (const line of lines(g)) expect(line.filter((c) => c.withheld).length).not.toBe(1);
    // 6 and 5 are withheld beside the 1, not small themselves: the grand total stays.
    expect(cellWords(g.total)).toBe('12');
  });

  it('withholds the grand total when every count above zero is small, and only then (issue 13)', () => {
    // Two pupils' outcomes of 3 each: the Total would read 6 beside two "withheld".
    const lone = suppressGrid([[3], [3], [0]]);
    expect([...lone.cells.map((r) => cellWords(r[0]!)), cellWords(lone.columnTotals[0]!)]).toEqual(['withheld', 'withheld', '0', 'withheld']);
    // One count shown beside them, or one of 5 or more withheld as a partner: the total stays, as before.
    const shown = suppressGrid([[3], [3], [7]]);
    expect([...shown.cells.map((r) => cellWords(r[0]!)), cellWords(shown.columnTotals[0]!)]).toEqual(['withheld', 'withheld', '7', '13']);
    const partner = suppressGrid([[3], [8], [0]]);
    expect([...partner.cells.map((r) => cellWords(r[0]!)), cellWords(partner.columnTotals[0]!)]).toEqual(['withheld', 'withheld', '0', '11']);
    // A two-way table of small numbers only: no grand total, and it cannot be worked out from the other totals.
    const grid = suppressGrid([[2, 3], [4, 0]]);
    expect(cellWords(grid.total)).toBe('withheld');
    expect(recoverable(sums(grid))).toEqual([]);
  });

  it('for any table: the grand total is shown only when some count in the table is 5 or more', () => {
    const table = fc.integer({ min: 1, max: 4 }).chain((cols) => fc.array(fc.array(fc.nat({ max: 9 }), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 5 }));
    fc.assert(
      fc.property(table, (counts) => {
        const g = suppressGrid(counts);
        const grand = counts[0]!.length > 1 ? g.total : g.columnTotals[0]!;
        if (!grand.withheld && grand.value > 0) expect(g.cells.flat().some((c) => c.value >= 5)).toBe(true);
        expect(recoverable(sums(g))).toEqual([]);
      }),
      { numRuns: 300 },
    );
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
        expect(recoverable(sums(g))).toEqual([]);
        const total = counts.flat().reduce((a, b) => a + b, 0);
        expect(g.total.value).toBe(total);
      }),
      { numRuns: 400 },
    );
  });

  it('two protected blocks joined by one withheld number: solving the rows and columns together cannot give it back', () => {
    // Rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3 each protect themselves; row 1 column 2 (3)
    // would then be the only link between them: the sums of each block give it back.
    const counts = [
      [2, 9, 0, 0],
      [9, 2, 3, 0],
      [0, 0, 2, 9],
      [0, 0, 9, 2],
    ];
    const g = suppressGrid(counts);
    expect(recoverable(sums(g))).toEqual([]);
    // Still true to the counts, and the grand total is shown (the 9s are not small).
    expect(g.total).toEqual({ value: 47 });
    expect(g.cells[1]![2]!.withheld).toBe('small');
  });

  it('withholds no zero as a partner, so no withheld number is pinned by counts being at least zero', () => {
    const table = fc.integer({ min: 2, max: 5 }).chain((cols) => fc.array(fc.array(fc.nat({ max: 9 }), { minLength: cols, maxLength: cols }), { minLength: 2, maxLength: 6 }));
    fc.assert(
      fc.property(table, (counts) => {
        const g = suppressGrid(counts);
        const all = [...g.cells.flat(), ...g.rowTotals, ...g.columnTotals, g.total];
        for (const c of all) if (c.withheld) expect(c.value).toBeGreaterThan(0);
        expect(recoverable(sums(g))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
