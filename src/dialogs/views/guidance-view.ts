import { splitGuidance } from '../../core/guidance/first-screen.js';
import type { GuidanceInput } from '../../core/guidance/guidance-input.js';
import { guide } from '../../core/guidance/guide.js';
import type { Guidance, Recommendation } from '../../core/guidance/types.js';
import { heading, text, type Block, type Details, type View } from '../../core/views/view.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';

/**
 * The guidance card. First screen: any safeguarding notice, the answer to "what next?" in one
 * sentence, the ladder (where the pupil is), every legal warning in full, and the next one or two
 * actions with who leads them. Behind "Show details": every action in full, the advice and
 * information, and where each comes from (first-screen.ts says which is which).
 */
export function guidanceView(pack: KnowledgePack, g: Guidance, pupil?: string, input?: GuidanceInput): View {
  const split = splitGuidance(g);
  const full = (rec: Recommendation): Block => ({ type: 'recommendation', rec });
  const blocks: Block[] = [];
  if (g.safeguarding) blocks.push(full(g.safeguarding));
  blocks.push(heading(pupil ? `What next for ${pupil}` : 'What next for this pupil'));
  blocks.push(text(g.headline));
  blocks.push({ type: 'ladder', rungs: g.ladder });
  if (split.legal.length) blocks.push(heading('Check these first'), ...split.legal.map((rec): Block => ({ type: 'recommendation', rec, part: 'words' })));
  if (split.next.length) blocks.push(heading(`Next (Step ${g.recommendedStep})`), ...split.next.map((rec): Block => ({ type: 'recommendation', rec, part: 'brief' })));
  const details = guidanceDetails(pack, g, input);
  if (details) blocks.push({ type: 'details', details });
  return { blocks };
}

/** "6 actions", "1 action". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function guidanceDetails(pack: KnowledgePack, g: Guidance, input?: GuidanceInput): Details | undefined {
  const { legal, actions, advice } = splitGuidance(g);
  const blocks: Block[] = [];
  if (g.more) blocks.push(text(g.more));
  if (actions.length) blocks.push(heading(`Next actions (Step ${g.recommendedStep})`), ...actions.map((rec): Block => ({ type: 'recommendation', rec })));
  if (advice.length) blocks.push(heading('Also worth knowing'), ...advice.map((rec): Block => ({ type: 'recommendation', rec })));
  if (legal.length) blocks.push(heading('Contacts and sources for the warnings'), ...legal.map((rec): Block => ({ type: 'recommendation', rec, part: 'refs' })));
  if (pack.pathway) blocks.push(text(pack.pathway.bidirectional.text, 'muted'));
  if (!actions.length && !advice.length && !legal.length && !g.more) return undefined;
  const parts = [
    ...(actions.length ? [`${actions.length === 1 ? 'the' : 'all'} ${count(actions.length, 'action', 'actions')} in full`] : []),
    ...(advice.length ? [count(advice.length, 'more thing worth knowing', 'more things worth knowing')] : []),
    'contacts and sources',
  ];
  return { summary: parts.join(', '), blocks, ...(input ? { again: { guidance: input } } : {}) };
}

/**
 * The details on their own, worked out again from the guidance's input (a Slack "Show details"
 * button): the same guidance, so the same details as the first screen they belong to.
 */
export function guidanceDetailsView(pack: KnowledgePack, input: GuidanceInput): View {
  const g = guide(pack, input.situation, input.today);
  const details = guidanceDetails(pack, g);
  const title = input.pupil ? `What next for ${input.pupil}: the details` : 'What next: the details';
  return { blocks: [heading(title), text(g.headline), ...(details?.blocks ?? [text('There is nothing more to show for this pupil.')])] };
}
