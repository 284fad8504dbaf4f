/**
 * Small-number suppression for figures that leave the school: a count from 1 to 4 could point to a
 * pupil, so it is never shown. Zero is shown: it points to no one. Every number not shown reads the
 * same, "withheld", whether it is small itself or withheld to protect one (a reader must not tell
 * which), and the report explains that once.
 *
 * Primary suppression alone is not enough where a table shows totals: with one number withheld in
 * a row, the total minus the others gives it back. So after the small numbers are withheld, every
 * row and column (its cells and its total together) is made to have either no withheld number or
 * at least two, and, where its total is shown, withheld parts adding up to 5 or more (else their
 * sum would be a small number shown by subtraction): where a line falls short, the smallest other number in it is withheld too
 * (secondary suppression, shown as "withheld"), and this repeats until every line is safe. That
 * is the usual cell-suppression rule of official statistics; it stops recovery by subtraction from
 * a row or column total.
 *
 * That rule alone still lets a reader solve the lines together (two protected blocks joined by one
 * withheld number: the blocks' sums give it back). So the table is then checked exactly: read as a
 * graph whose nodes are the rows (and the totals row) and the columns (and the totals column), and
 * whose edges are the withheld numbers, a withheld number can be worked out from the shown ones if
 * and only if it is a bridge (on no cycle) of that graph. Each bridge gets one more number withheld
 * beside it until there is none. Only numbers above zero are withheld as partners, so every
 * withheld number can move up or down by one along a cycle and stay a possible count: none is
 * pinned down even knowing that counts are whole and not negative.
 *
 * Last, the grand total (a one-column table's Total, a wider one's bottom-right number): it is
 * shown only when it is 5 or more, cannot be worked out as above, and the table is not made of
 * small numbers alone. When every count above zero in the table is 1–4 (all withheld as small),
 * the grand total is withheld too, and the same checks run again so it cannot be worked out from
 * the other totals: it would be the sum of a few small numbers and nothing else, which can pin
 * them (two cells and a total of 8 are two 4s), and a reader who learns all but one of them
 * elsewhere (from the school, or a record of their own) would have the last. Where a count of 5 or
 * more is among them (withheld as a partner), the total stays: it is not the sum of small numbers
 * alone, and withholding it would take the report's headline counts with it (tables that add up
 * to the same number withhold their totals together).
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

/** The one word for a number not shown, small or secondary alike. */
export const WITHHELD = 'withheld';

/** How a cell reads to a person: the number, or "withheld". */
export const cellWords = (c: Cell): string => (c.withheld ? WITHHELD : String(c.value));

/** Said once wherever withheld numbers may appear (report, card, CSV). */
export const WITHHELD_EXPLAINED =
  '"withheld": a number from 1 to 4, which could point to a pupil, or another number held back so that one cannot be worked out by subtracting from a total.';

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

/** Margins to withhold from the start because another table of the same report withholds the same number. */
export interface ForcedMargins {
  total?: boolean;
  /** By column index. */
  columnTotals?: readonly boolean[];
}

/**
 * Suppresses a table of counts: small numbers first, then secondary suppression until no withheld
 * number can be worked out from the shown ones (no line with exactly one, no bridge). With one
 * column, the row totals are the cells themselves and are not repeated. `forced` margins start
 * withheld (secondary); `columns` gives the width of a table with no rows (its totals are then 0). Pure: the counts in are left as they are.
 */
export function suppressGrid(counts: readonly (readonly number[])[], forced: ForcedMargins = {}, columns?: number): Grid {
  const rows = counts.length;
  const cols = columns ?? counts[0]?.length ?? 0;
  const cells = counts.map((row) => row.map(countCell));
  const rowTotals = counts.map((row) => countCell(row.reduce((a, b) => a + b, 0)));
  const columnTotals = Array.from({ length: cols }, (_, c) => countCell(counts.reduce((a, row) => a + (row[c] ?? 0), 0)));
  const total = countCell(counts.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0));
  if (forced.total && !total.withheld) total.withheld = 'secondary';
  forced.columnTotals?.forEach((f, c) => {
    const t = columnTotals[c];
    if (f && t && !t.withheld) t.withheld = 'secondary';
  });

  // Each line as the cells in it; the last is its total. With one column a row's total is its one cell.
  const lines: Cell[][] = [];
  if (cols > 1) for (let r = 0; r < rows; r++) lines.push([...cells[r]!, rowTotals[r]!]);
  for (let c = 0; c < cols; c++) lines.push([...cells.map((row) => row[c]!), columnTotals[c]!]);
  if (cols > 1) lines.push([...columnTotals, total], [...rowTotals, total]);
  if (cols === 1) for (let r = 0; r < rows; r++) rowTotals[r] = cells[r]![0]!;

  // Each pass withholds at least one more cell, so this ends; the bound is for safety.
  const ext = cols > 1 ? [...cells.map((row, r) => [...row, rowTotals[r]!]), [...columnTotals, total]] : undefined;
  for (let pass = 0; pass <= (rows + 1) * (cols + 1) + 1; pass++) {
    let changed = false;
    for (const line of lines) {
      if (!exposes(line)) continue;
      const partner = partnerIn(line);
      if (!partner) continue;
      partner.withheld = 'secondary';
      changed = true;
    }
    // One column: a single sum, and with two or more withheld in it none can be worked out.
    if (!changed && ext) changed = protectBridge(ext);
    if (!changed) changed = withholdLoneTotal(cells, cols > 1 ? total : columnTotals[0]);
    if (!changed) break;
  }
  return { cells, rowTotals, columnTotals, total };
}

/** Withholds the grand total as shown (`shown`) when every count above zero in `cells` is small (1–4); true when it did. */
function withholdLoneTotal(cells: readonly (readonly Cell[])[], shown: Cell | undefined): boolean {
  if (!shown || shown.withheld || !cells.flat().some((x) => x.withheld)) return false;
  if (cells.flat().some((x) => x.value > 0 && !isSmall(x.value))) return false;
  shown.withheld = 'secondary';
  return true;
}

/**
 * Finds one withheld number that the shown ones give back (a bridge of the withheld graph, see
 * above) in the extended table `ext` (cells, row totals as the last column, column totals and
 * grand total as the last row) and withholds one more number beside it. False when there is none.
 */
function protectBridge(ext: Cell[][]): boolean {
  const bridge = findBridge(ext);
  if (!bridge) return false;
  const [r, c] = bridge;
  // The smallest shown count above zero in the bridge's row or column, else anywhere.
  const beside = [...ext[r]!, ...ext.map((row) => row[c]!)].filter((x) => !x.withheld && x.value > 0).sort((a, b) => a.value - b.value);
  const anywhere = ext.flat().filter((x) => !x.withheld).sort((a, b) => (a.value > 0 ? 0 : 1) - (b.value > 0 ? 0 : 1) || a.value - b.value);
  const partner = beside[0] ?? anywhere[0];
  if (!partner) return false;
  partner.withheld = 'secondary';
  return true;
}

/** [row, column] in `ext` of a withheld number on no cycle of withheld numbers (rows and columns as nodes), if any. */
export function findBridge(ext: readonly (readonly Cell[])[]): [number, number] | undefined {
  const rows = ext.length;
  const edges: [number, number][] = [];
  ext.forEach((row, r) => row.forEach((x, c) => x.withheld && edges.push([r, c])));
  // Nodes: rows 0..rows-1, then columns as rows + c.
  const connected = (skip: number, from: number, to: number): boolean => {
    const seen = new Set([from]);
    const todo = [from];
    while (todo.length) {
      const n = todo.pop()!;
      if (n === to) return true;
      edges.forEach(([r, c], i) => {
        if (i === skip) return;
        const a = r;
        const b = rows + c;
        const next = n === a ? b : n === b ? a : undefined;
        if (next !== undefined && !seen.has(next)) {
          seen.add(next);
          todo.push(next);
        }
      });
    }
    return false;
  };
  for (let i = 0; i < edges.length; i++) {
    const [r, c] = edges[i]!;
    if (!connected(i, r, rows + c)) return [r, c];
  }
  return undefined;
}

/**
 * Whether a line gives something small back: exactly one withheld number (the total minus the
 * rest), or, with its total shown, withheld parts that together come to 1–4 (their sum is the total
 * minus the rest, and would itself point to a few pupils).
 */
function exposes(line: readonly Cell[]): boolean {
  const total = line.at(-1)!;
  const hidden = line.filter((x) => x.withheld);
  if (hidden.length === 1) return true;
  if (total.withheld || !hidden.length) return false;
  return isSmall(hidden.reduce((a, x) => a + x.value, 0));
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
