import type { DueItem, DueKind } from './types.js';

/** Statutory and looked-after items are the SENDCo's to chase; reviews are the plan owners'. */
const SENDCO_FIRST: ReadonlySet<DueKind> = new Set<DueKind>(['ptt-review', 'ehc-decision', 'ehc-completion', 'day6-provision', 'pep']);

/**
 * Who is reminded about `item`: its owners and the school's SENDCos, each once, in a stable
 * order (a self-reflection: the person who last completed it, else the SENDCos). Reviews list the owners first; EHC, day-6 and PEP items list the SENDCos first (they
 * usually have no owners). Empty when a school has no SENDCo and the item no owner.
 */
export function recipientsFor(item: DueItem, sendcosAt: (schoolId: string) => readonly string[]): string[] {
  const sendcos = sendcosAt(item.schoolId);
  // The self-reflection goes to whoever last completed it (a head, say), or to the SENDCos when they can't.
  if (item.kind === 'self-reflection') return [...new Set(item.ownerIds.length ? item.ownerIds : sendcos)];
  const [first, second] = SENDCO_FIRST.has(item.kind) ? [sendcos, item.ownerIds] : [item.ownerIds, sendcos];
  // Lists of two or three: includes() beats building a Set.
  const out: string[] = [];
  for (const id of first) if (!out.includes(id)) out.push(id);
  for (const id of second) if (!out.includes(id)) out.push(id);
  return out;
}
