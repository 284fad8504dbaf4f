import type { Guidance } from '../../core/guidance/types.js';
import { heading, text, type Block, type View } from '../../core/views/view.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';

/** The guidance card: safeguarding first, then the ladder, the next actions and the warnings. */
export function guidanceView(pack: KnowledgePack, g: Guidance, pupil?: string): View {
  const blocks: Block[] = [];
  if (g.safeguarding) blocks.push({ type: 'recommendation', rec: g.safeguarding });
  blocks.push(heading(pupil ? `What next for ${pupil}` : 'What next for this pupil'));
  blocks.push(text(g.headline));
  blocks.push({ type: 'ladder', rungs: g.ladder });
  const urgent = g.warnings.filter((w) => w.kind === 'warning');
  const info = g.warnings.filter((w) => w.kind !== 'warning');
  if (urgent.length) {
    blocks.push(heading('Check these first'));
    for (const w of urgent) blocks.push({ type: 'recommendation', rec: w });
  }
  if (g.actions.length) {
    blocks.push(heading(`Next actions (Step ${g.recommendedStep})`));
    for (const a of g.actions) blocks.push({ type: 'recommendation', rec: a });
  }
  if (info.length) {
    blocks.push(heading('Also worth knowing'));
    for (const w of info) blocks.push({ type: 'recommendation', rec: w });
  }
  if (pack.pathway) blocks.push(text(pack.pathway.bidirectional.text, 'muted'));
  return { blocks };
}
