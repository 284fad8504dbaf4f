import { FIRST_ACTIONS, splitGuidance } from '../../core/guidance/first-screen.js';
import { raisedConcerns, type GuidanceInput, type RaisedConcern } from '../../core/guidance/guidance-input.js';
import { exclusionWarning, safeguardingNotice } from '../../core/safeguarding/concern-notice.js';
import { guide } from '../../core/guidance/guide.js';
import type { Guidance, PupilSituation, Recommendation } from '../../core/guidance/types.js';
import { ukDate } from '../../core/text/uk-date.js';
import { heading, text, type Block, type Details, type View } from '../../core/views/view.js';
import type { KnowledgePack } from '../../knowledge/schema/pack.js';

/** Words of a quote from the record or from what was typed that the first screen shows; the whole quote is in the details. */
export const QUOTE_WORDS = 8;

/**
 * Why a warning applies, as the first screen says it: each quote cut to QUOTE_WORDS words and
 * anything in brackets (the kinds of concern, the rule again) left for the details, so a long
 * stored reason cannot fill the screen.
 */
export function shortWhy(because: string | undefined): string | undefined {
  if (!because) return undefined;
  let out = '';
  let depth = 0;
  for (const ch of because) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out
    .replace(/“([^”]*)”/g, (whole, q: string) => {
      const words = q.trim().split(/\s+/);
      return words.length <= QUOTE_WORDS ? whole : `“${words.slice(0, QUOTE_WORDS).join(' ')}…”`;
    })
    .replace(/\s+([;,.])/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * A safeguarding notice or legal warning on the first screen: its brief (who, what, by when) and
 * why it applies (shortWhy); a rule without a brief (a pack that predates them) in words.
 */
function notice(rec: Recommendation): Block {
  if (!rec.brief) return { type: 'recommendation', rec, part: 'words' };
  const { because: _full, ...rest } = rec;
  const why = rec.briefBecause !== undefined ? rec.briefBecause || undefined : shortWhy(rec.because);
  return { type: 'recommendation', rec: { ...rest, ...(why ? { because: why } : {}) }, part: 'notice' };
}

/** "The PSP 1 review was due Mon 23 Nov 2026: hold it now." */
export function overdueSentence(o: NonNullable<PupilSituation['overdueReview']>): string {
  return `The ${o.plan} review was due ${ukDate(o.dueDate)}: hold it now.`;
}

/**
 * The guidance card. First screen: any safeguarding notice (a risk of harm comes before all else),
 * then an overdue review as the first sentence, the answer to "what next?" in one sentence, the
 * ladder (where the pupil is), each legal warning as its one-sentence obligation, and the next one
 * or two actions with who leads them (fewer beside warnings: one beside one or two, none beside three or more).
 * Behind "Show details": the warnings in full with their contacts and sources, every action in
 * full, the advice and information (first-screen.ts says which is which).
 */
export function guidanceView(pack: KnowledgePack, g: Guidance, pupil?: string, input?: GuidanceInput): View {
  const split = splitGuidance(g);
  const blocks: Block[] = [];
  if (g.safeguarding) blocks.push(notice(g.safeguarding));
  const overdue = input?.situation.overdueReview;
  if (overdue) blocks.push(text(overdueSentence(overdue), 'warning'));
  blocks.push(heading(pupil ? `What next for ${pupil}` : 'What next for this pupil'));
  blocks.push(text(g.headline));
  blocks.push({ type: 'ladder', rungs: g.ladder });
  const warnings = split.legal.length + (g.safeguarding ? 1 : 0);
  // Warnings take the room of the next actions: one beside a warning or two, none beside three
  // or more, when the sentence above the ladder still says what next and the details hold them all.
  const next = split.next.slice(0, warnings >= 3 ? 0 : warnings >= 1 ? 1 : FIRST_ACTIONS);
  // The heading sets the warnings apart from the next actions; with none after them, they need no heading.
  if (split.legal.length) blocks.push(...(next.length ? [heading('Check these first')] : []), ...split.legal.map(notice));
  if (next.length) blocks.push(heading(`Next (Step ${g.recommendedStep})`), ...next.map((rec): Block => ({ type: 'recommendation', rec, part: 'brief' })));
  const raised = input && (g.safeguarding || split.legal.some((r) => r.id === 'unlawful-exclusion')) ? raisedConcerns(pack, input.situation) : [];
  const details = guidanceDetails(pack, g, input && (raised.length ? { ...input, raised } : input));
  if (details) blocks.push({ type: 'details', details });
  return { blocks };
}

/** "6 actions", "1 action". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function guidanceDetails(pack: KnowledgePack, g: Guidance, input?: GuidanceInput): Details | undefined {
  const { legal: legalOnly, actions, advice } = splitGuidance(g);
  const legal = [...(g.safeguarding ? [g.safeguarding] : []), ...legalOnly];
  const blocks: Block[] = [];
  // The warnings first, as on the first screen, now whole: every word, contact and source.
  if (legal.length) blocks.push(heading(legal.length === 1 ? 'The warning in full' : 'The warnings in full'), ...legal.map((rec): Block => ({ type: 'recommendation', rec })));
  if (g.more) blocks.push(text(g.more));
  if (actions.length) blocks.push(heading(`Next actions (Step ${g.recommendedStep})`), ...actions.map((rec): Block => ({ type: 'recommendation', rec })));
  if (advice.length) blocks.push(heading('Also worth knowing'), ...advice.map((rec): Block => ({ type: 'recommendation', rec })));
  if (pack.pathway) blocks.push(text(pack.pathway.bidirectional.text, 'muted'));
  if (!actions.length && !advice.length && !legal.length && !g.more) return undefined;
  const parts = [
    ...(legal.length ? [`${count(legal.length, 'warning', 'warnings')} in full`] : []),
    ...(actions.length ? [count(actions.length, 'action', 'actions')] : []),
    ...(advice.length ? [`${advice.length} more`] : []),
  ];
  return { summary: parts.join(', ') || 'more about this step', blocks, ...(input ? { again: { guidance: input } } : {}) };
}

/**
 * The guidance with the safeguarding notice and unlawful-exclusion warning that the typed words
 * raised, worked out again from the kinds of concern alone (the words never leave the first
 * screen): why each applies names the kinds instead of quoting.
 */
function withRaised(pack: KnowledgePack, g: Guidance, raised: readonly RaisedConcern[]): Guidance {
  if (!raised.length) return g;
  const concerns = raised.map((c) => ({ ...c, quote: '' }));
  const why = (kind: RaisedConcern['kind']) => `what you wrote raised ${raised.filter((c) => c.kind === kind).map((c) => c.label).join('; ')}`;
  const sg = safeguardingNotice(pack, concerns);
  const ex = exclusionWarning(pack, concerns);
  return {
    ...g,
    ...(sg ? { safeguarding: { ...sg, because: why('risk') } } : {}),
    warnings: ex ? [{ ...ex, because: why('exclusion') }, ...g.warnings.filter((w) => w.id !== ex.id)] : g.warnings,
  };
}

/**
 * The details on their own, worked out again from the guidance's input (a Slack "Show details"
 * button): the same guidance, so the same details as the first screen they belong to.
 */
export function guidanceDetailsView(pack: KnowledgePack, input: GuidanceInput): View {
  const g = withRaised(pack, guide(pack, input.situation, input.today), input.raised ?? []);
  const details = guidanceDetails(pack, g);
  const title = input.pupil ? `What next for ${input.pupil}: the details` : 'What next: the details';
  return { blocks: [heading(title), text(g.headline), ...(details?.blocks ?? [text('There is nothing more to show for this pupil.')])] };
}
