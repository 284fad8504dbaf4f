import type { KnowledgePack } from '../../knowledge/schema/pack.js';
import { fromAdvice } from '../guidance/recommendation.js';
import type { Recommendation } from '../guidance/types.js';
import { text, type View } from '../views/view.js';
import type { Concern } from './concern-check.js';

/** Shown under every safeguarding notice: the bot supports the school's procedures and never replaces them. */
export const SUPPORTS_NOT_REPLACES =
  'This notice supports your school’s safeguarding procedures and never replaces them: follow your school’s policy, and if in doubt, speak to the DSL today.';

/** Said after a notice when the words were not a command, instead of "Sorry, I didn't understand that". */
export const AFTER_NOTICE_TEXT = 'To record this for a pupil, type "pcp", "review", "exclusion" or "refer" (what you write there is checked the same way). Type "help" for everything I can do.';
/** The reply when the notice was the answer to words that asked for nothing else. */
export const AFTER_NOTICE: View = { blocks: [text(AFTER_NOTICE_TEXT, 'muted')] };

/**
 * After a safeguarding notice raised by words that go into no record (typed at a yes/no, a choice
 * or a date, or a form that was not saved): the person's full words, once, so they can copy them
 * into the school's own safeguarding record.
 */
export function yourWordsView(words: string): View {
  return { blocks: [text(`What you wrote, to copy into your school’s safeguarding record: “${words.trim()}”`)] };
}

/** Whether these views hold the safeguarding notice (not only the unlawful-exclusion warning). */
export function hasSafeguardingNotice(views: readonly View[]): boolean {
  return views.some((v) => v.blocks.some((b) => b.type === 'recommendation' && b.rec.kind === 'safeguarding'));
}

/** “dad hits her” (physical abuse, domestic abuse): each quote once, with every kind it raised. */
function quoted(found: readonly Concern[]): string {
  const byQuote = new Map<string, string[]>();
  for (const c of found) byQuote.set(c.quote, [...(byQuote.get(c.quote) ?? []), c.label]);
  return [...byQuote].map(([q, labels]) => `“${q}” (${labels.join(', ')})`).join('; ');
}

/**
 * The safeguarding notice for risk concerns: the pack's advice (DSL now; the LA's front door;
 * police in immediate danger; LADO for an adult who works with children), saying in the person's
 * own words what raised it. Undefined when there is no risk concern or the pack has no advice.
 */
export function safeguardingNotice(pack: KnowledgePack, concerns: readonly Concern[]): Recommendation | undefined {
  const risks = concerns.filter((c) => c.kind === 'risk');
  const advice = pack.rules?.safeguarding.advice;
  if (!risks.length || !advice) return undefined;
  const lado = risks.some((c) => c.contact === 'lado') ? ' This is about an adult who works with children: the DSL (or the head, if it is about the DSL) contacts the LADO the same day.' : '';
  return { ...fromAdvice(pack, 'safeguarding-first', 'safeguarding', advice, `you wrote ${quoted(risks)}`), ...(lado ? { detail: `${advice.detail}${lado}` } : {}) };
}

/** The unlawful or informal exclusion warning, in the person's words, with the pack's note on each kind found. */
export function exclusionWarning(pack: KnowledgePack, concerns: readonly Concern[]): Recommendation | undefined {
  const found = concerns.filter((c) => c.kind === 'exclusion');
  const advice = pack.rules?.unlawfulExclusion.advice;
  if (!found.length || !advice) return undefined;
  const notes = found.flatMap((c) => pack.concerns?.exclusion.find((e) => e.id === c.category)?.note ?? []);
  return { ...fromAdvice(pack, 'unlawful-exclusion', 'warning', advice, `this reads like ${quoted(found)}`), ...(notes.length ? { detail: `${notes.join(' ')} ${advice.detail}` } : {}) };
}

/** The views to put first in a reply when a text raised concerns: safeguarding, then the exclusion warning. */
export function concernViews(pack: KnowledgePack, concerns: readonly Concern[]): View[] {
  const safeguarding = safeguardingNotice(pack, concerns);
  const exclusion = exclusionWarning(pack, concerns);
  const views: View[] = [];
  if (safeguarding) views.push({ blocks: [{ type: 'recommendation', rec: safeguarding }, text(SUPPORTS_NOT_REPLACES, 'muted')] });
  if (exclusion) views.push({ blocks: [{ type: 'recommendation', rec: exclusion }] });
  return views;
}
