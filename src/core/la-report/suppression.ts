/**
 * Small-number suppression for figures that leave the school: a count from 1 to 4 could point to a
 * pupil, so it is never shown ("fewer than 5"). Zero is shown: it points to no one.
 *
 * Primary suppression alone is not enough where a table shows totals: with one number withheld in
 * a row, the total minus the others gives it back. So after the small numbers are withheld, every
 * row and column (its cells and its total together) is made to have either no withheld number or
 * at least two: where a line has exactly one, the smallest other number in it is withheld too
 * (secondary suppression, shown as "withheld"), and this repeats until every line is safe. That
 * is the usual cell-suppression rule of official statistics; it stops recovery by subtraction from
 * a row or column total, which is what a reader can do with a table.
 */

/** Counts below this (and above zero) are withheld. */
export const SUPPRESS_BELOW = 5;

/** One number in a table: its value, and whether and why it is withheld. Values of withheld cells never leave the core. */
export interface Cell {
  value: number;
  /** `small`: 1–4 itself; `secondary`: withheld so that a small number cannot be worked out from a total. */
  withheld?: 'small' | 'secondary';
}

export const isSmall = (n: number): boolean => n > 0 && n < SUPPRESS_BELOW;

/** A count on its own (no total to subtract from): withheld when 1–4. */
export const countCell = (value: number): Cell => (isSmall(value) ? { value, withheld: 'small' } : { value });

/** How a cell reads to a person: the number, or why it is not shown. */
export function cellWords(c: Cell): string {
  if (c.withheld === 'small') return 'fewer than 5';
  if (c.withheld === 'secondary') return 'withheld';
  return String(c.value);
}

/** The value a person may see, or undefined when withheld (for charts and CSV). */
export const shownValue = (c: Cell): number | undefined => (c.withheld ? undefined : c.value);

/**
 * A grid of counts with its margins: `cells[r][c]`, each row's total, each column's total and the
 * grand total. Every line (a row with its total, a column with its total, the column totals and
 * the row totals each with the grand total) is a sum that a reader could subtract from.
 */
export interface Grid {
  cells: Cell[][];
  rowTotals: Cell[];
  columnTotals: Cell[];
  total: Cell;
}

/**
 * Suppresses a table of counts: small numbers first, then secondary suppression until no row or
 * column has exactly one withheld number. With one column, the row totals are the cells
 * themselves and are not repeated. Pure: the counts in are left as they are.
 */
export function suppressGrid(counts: readonly (readonly number[])[]): Grid {
  const rows = counts.length;
  const cols = counts[0]?.length ?? 0;
  const cells = counts.map((row) => row.map(countCell));
  const rowTotals = counts.map((row) => countCell(row.reduce((a, b) => a + b, 0)));
  const columnTotals = Array.from({ length: cols }, (_, c) => countCell(counts.reduce((a, row) => a + (row[c] ?? 0), 0)));
  const total = countCell(counts.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0));

  // Each line as the cells in it; the last is its total. With one column a row's total is its one cell.
  const lines: Cell[][] = [];
  if (cols > 1) for (let r = 0; r < rows; r++) lines.push([...cells[r]!, rowTotals[r]!]);
  for (let c = 0; c < cols; c++) lines.push([...cells.map((row) => row[c]!), columnTotals[c]!]);
  if (cols > 1) lines.push([...columnTotals, total], [...rowTotals, total]);
  if (cols === 1) for (let r = 0; r < rows; r++) rowTotals[r] = cells[r]![0]!;

  // Each pass withholds at least one more cell, so this ends; the bound is for safety.
  for (let pass = 0; pass <= rows * cols + rows + cols + 1; pass++) {
    let changed = false;
    for (const line of lines) {
      if (line.filter((x) => x.withheld).length !== 1) continue;
      const partner = partnerIn(line);
      if (!partner) continue;
      partner.withheld = 'secondary';
      changed = true;
    }
    if (!changed) break;
  }
  return { cells, rowTotals, columnTotals, total };
}

/**
 * The cell to withhold beside a line's one withheld number: the smallest shown count above zero
 * among its parts, else the line's total (a zero withheld where the rest of its row shows zeros
 * would hide nothing), else any shown part.
 */
function partnerIn(line: Cell[]): Cell | undefined {
  const total = line.at(-1)!;
  const parts = line.slice(0, -1).filter((x) => !x.withheld);
  const nonZero = parts.filter((x) => x.value > 0).sort((a, b) => a.value - b.value);
  return nonZero[0] ?? (total.withheld ? undefined : total) ?? parts[0];
}
