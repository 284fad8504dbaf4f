import { loadPack } from '../../src/knowledge/load-pack.js';
import type { KnowledgePack } from '../../src/knowledge/schema/pack.js';

let cached: Promise<KnowledgePack> | undefined;

/** The real Worcestershire pack, loaded once per test file. */
export function worcestershire(): Promise<KnowledgePack> {
  cached ??= loadPack('worcestershire');
  return cached;
}
