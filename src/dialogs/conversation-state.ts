import type { Block, View } from '../core/views/view.js';
import type { FormState } from './dialog.js';
import type { FormStep } from './form-runner.js';

/** Everything a channel must keep between turns for one person in one conversation: plain JSON. */
export interface ConversationState {
  active?: FormState;
  /** A command typed in the middle of a form that would start another one, waiting for "yes" to leave this form. */
  leaving?: string;
  /** The command for the next page of the last list or record shown, for "more". */
  more?: string;
  /** The command the last reply suggested for a slip ("shwo 4021" → "show 4021"), taken by "yes". */
  suggested?: string;
  /** What the last reply kept behind its first screen, for "details". */
  details?: Block[];
  /**
   * A form put aside for a guidance question asked in the middle of it ("what next for 4021" halfway
   * through an update): taken up again, its answers as they were, once the guidance is given.
   */
  paused?: FormState;
  misunderstood: number;
}

export interface Turn {
  state: ConversationState;
  views: View[];
  /** The user asked to leave (terminal only). */
  quit?: boolean;
  /** The line was kept whole as a form's answer (FormStep.keptWords); otherwise it is in no record. */
  keptWords?: true;
}

/** A form's step as a turn: the form stays open while a question is waiting. */
export function fromStep(step: FormStep): Turn {
  return { state: { misunderstood: 0, ...(step.state ? { active: step.state } : {}) }, views: step.views, ...(step.keptWords ? { keptWords: true as const } : {}) };
}

export const newConversation = (): ConversationState => ({ misunderstood: 0 });

/** The next page's command in a reply that has one, kept so "more" can show it. */
export function moreIn(views: readonly View[]): { more?: string } {
  const next = views.flatMap((v) => v.blocks).findLast((b) => b.type === 'pager' && b.next !== undefined);
  return next?.type === 'pager' && next.next ? { more: next.next } : {};
}

/** The details behind the last reply's first screen, kept so "details" can show them. */
export function detailsIn(views: readonly View[]): { details?: Block[] } {
  const found = views.flatMap((v) => v.blocks).findLast((b) => b.type === 'details');
  return found?.type === 'details' ? { details: found.details.blocks } : {};
}
