import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import { ConcernCheck, type Concern } from './concern-check.js';

const built = new WeakMap<KnowledgePack, ConcernCheck>();

/**
 * The concern check for a pack, compiled once per pack object (the pack is loaded once at start-up).
 * Undefined when the pack describes no concerns (a small pack with services only).
 */
export function concernCheckFor(pack: KnowledgePack): ConcernCheck | undefined {
  if (!pack.concerns) return undefined;
  let check = built.get(pack);
  if (!check) {
    check = new ConcernCheck(pack.concerns, pack.concernModel);
    built.set(pack, check);
  }
  return check;
}

/**
 * Every concern in any of `texts`, each category once, in the order found. With `asReason`, the
 * texts are recorded reasons for a suspension or exclusion (ConcernCheck.checkReason).
 */
export function concernsIn(pack: KnowledgePack, texts: readonly string[], opts: { asReason?: boolean } = {}): Concern[] {
  const check = concernCheckFor(pack);
  if (!check) return [];
  const found = new Map<string, Concern>();
  for (const t of texts) for (const c of opts.asReason ? check.checkReason(t) : check.check(t)) if (!found.has(`${c.kind}:${c.category}`)) found.set(`${c.kind}:${c.category}`, c);
  return [...found.values()];
}
