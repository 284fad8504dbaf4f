import type { Cell } from '../../src/core/la-report/suppression.js';

/** One sum a reader can see in a report: the parts add up to the total (any of them may be withheld). */
export interface SumLine {
  parts: readonly Cell[];
  total: Cell;
}

function rank(m: number[][]): number {
  const a = m.map((r) => [...r]);
  let rk = 0;
  const cols = a[0]?.length ?? 0;
  for (let c = 0; c < cols && rk < a.length; c++) {
    let p = rk;
    while (p < a.length && Math.abs(a[p]![c]!) < 1e-9) p++;
    if (p === a.length) continue;
    [a[rk], a[p]] = [a[p]!, a[rk]!];
    for (let r = 0; r < a.length; r++) {
      if (r === rk) continue;
      const f = a[r]![c]! / a[rk]![c]!;
      if (f) for (let k = c; k < cols; k++) a[r]![k]! -= f * a[rk]![k]!;
    }
    rk++;
  }
  return rk;
}

/**
 * The withheld cells a reader could work out exactly from the shown numbers and the sums, by
 * linear algebra (independent of how the suppression chose them): a withheld cell is given back
 * when its unit vector lies in the span of the sums restricted to the withheld cells.
 */
export function recoverable(lines: readonly SumLine[]): Cell[] {
  const unknown: Cell[] = [];
  const index = new Map<Cell, number>();
  for (const l of lines)
    for (const c of [...l.parts, l.total])
      if (c.withheld && !index.has(c)) {
        index.set(c, unknown.length);
        unknown.push(c);
      }
  if (!unknown.length) return [];
  const a = lines.map((l) => {
    const row = unknown.map(() => 0);
    for (const c of l.parts) if (c.withheld) row[index.get(c)!]! += 1;
    if (l.total.withheld) row[index.get(l.total)!]! -= 1;
    return row;
  });
  const base = rank(a);
  return unknown.filter((_, i) => rank([...a, unknown.map((__, j) => (i === j ? 1 : 0))]) === base);
}
