import { numberedAction } from './ids.js';
import type { KnownBlock } from './slack-types.js';

/**
 * Buttons of one kind share an action_id while blocks are built; once a whole view is put
 * together, an action_id used more than once becomes `gr_command:1`, `gr_command:2`… so every
 * button in the view is unique. `actionKind` reads the kind back.
 */

type WithAction = { action_id?: string };

function actionIds(blocks: readonly KnownBlock[]): string[] {
  const ids: string[] = [];
  for (const b of blocks) {
    if (b.type === 'actions') for (const e of b.elements as WithAction[]) if (e.action_id) ids.push(e.action_id);
    const accessory = b.type === 'section' ? (b.accessory as WithAction | undefined) : undefined;
    if (accessory?.action_id) ids.push(accessory.action_id);
  }
  return ids;
}

export function uniqueActionIds(blocks: readonly KnownBlock[]): KnownBlock[] {
  const counts = new Map<string, number>();
  for (const id of actionIds(blocks)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const seen = new Map<string, number>();
  const rename = <T extends object>(e: T): T => {
    const id = (e as WithAction).action_id;
    if (!id || (counts.get(id) ?? 0) < 2) return e;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return { ...e, action_id: numberedAction(id, n) };
  };
  return blocks.map((b): KnownBlock => {
    if (b.type === 'actions') return { ...b, elements: b.elements.map(rename) };
    if (b.type === 'section' && b.accessory) return { ...b, accessory: rename(b.accessory) };
    return b;
  });
}
